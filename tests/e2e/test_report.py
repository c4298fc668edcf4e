"""Her weekly report in a real browser: drawn offline from the phone's own records, and the
same figures from the server once the entries have synced."""

import re
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import Page, expect

from server.journal import weeks
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker

FETCH_REPORT = """async (week) => {
  const response = await fetch('/api/reports/weekly?week=' + week, { credentials: 'same-origin' })
  return { status: response.status, body: await response.json() }
}"""


def phone_figures(page: Page) -> dict[str, float]:
    """Every figure the report screen shows: its JSON field name and its number."""
    figures = page.get_by_test_id("report-figure")
    expect(figures.first).to_be_visible()
    return {
        figures.nth(n).get_attribute("data-key"): float(figures.nth(n).get_attribute("data-value"))
        for n in range(figures.count())
    }


def test_the_report_drawn_offline_has_the_figures_the_server_answers_after_sync(
    new_context, live_server
):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "report@example.jp")
    steps.onboard(page, starters=2, mode="defence", purpose="2年間は定時で帰り、効率を磨く")
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)
    week = weeks.containing(timezone.now().astimezone(ZoneInfo("Asia/Tokyo")).date()).key

    # On the train, with no signal.
    context.set_offline(True)
    steps.log_efficiency(page, "月次レポート", 60, 40, "マクロで自動化", ("3", "件"))
    steps.log_efficiency(page, "議事録", 30, 15, "AIで下書き", ("1.5", "時間"))
    steps.log_learning(page, "簿記2級", 25)
    steps.log_contact(page, "佐藤さん")
    steps.tick(page, 0)
    steps.tick(page, 1)
    steps.expect_pending(page, 6)

    page.goto(f"{live_server.url}/report?week={week}")
    expect(page.get_by_test_id("report-week")).to_have_attribute("data-week", week)
    offline = phone_figures(page)
    assert {k: offline[k] for k in ("tasks_logged", "minutes_spent", "minutes_saved")} == {
        "tasks_logged": 2,
        "minutes_spent": 90,
        "minutes_saved": 55,
    }
    assert (offline["learning_minutes"], offline["learning_sessions"]) == (25, 1)
    assert (offline["contacts"], offline["checks_done"]) == (1, 2)
    assert offline["completion_rate"] == round(2 / 14, 4)
    text = page.get_by_test_id("report-text")
    expect(text).to_contain_text("マクロで自動化（月次レポート）：40分短縮")  # noqa: RUF001
    expect(text).to_contain_text("3件、1.5時間")
    expect(text).to_contain_text("計画どおり")  # defence mode: on plan, not pushing
    page.get_by_test_id("report-next-week").fill("議事録のテンプレートをチームに共有する")
    expect(text).to_contain_text("■ 来週の予定\n議事録のテンプレートをチームに共有する")
    mailto = page.get_by_test_id("report-mailto").get_attribute("href")
    assert mailto.startswith("mailto:?subject=")

    # Back above ground: the entries reach the server, which counts them the same way.
    context.set_offline(False)
    steps.sync_now(page)
    steps.expect_pending(page, 0)
    answer = page.evaluate(FETCH_REPORT, week)
    assert answer["status"] == 200
    server = answer["body"]
    assert server["week"] == week
    synced = phone_figures(page)
    assert synced == offline
    assert {key: float(server[key]) for key in synced} == synced
    assert server["outcomes"] == [
        {"unit": "件", "total": 3.0, "entries": 1},
        {"unit": "時間", "total": 1.5, "entries": 1},
    ]

    # The previous week is empty, and says what to log; the draft stays with its week.
    page.get_by_test_id("report-prev").click()
    expect(page).to_have_url(re.compile(r"/report\?week=\d{4}-W\d{2}$"))
    expect(page.get_by_test_id("report-empty")).to_be_visible()
    page.get_by_test_id("report-next").click()
    expect(page.get_by_test_id("report-next-week")).to_have_value(
        "議事録のテンプレートをチームに共有する"
    )
