"""Employer comparison and career mode in a real browser: made offline on the train, ranked
by weighted total on the phone, then synced so the server holds the same criteria and mode."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from server.accounts.models import User
from server.journal.models import CareerMode, Employer
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker

PULL = """async () => {
  const response = await fetch('/api/sync/pull?cursor=0&limit=1000', { credentials: 'same-origin' })
  return response.json()
}"""


def _server_records(page: Page, kind: str) -> dict[str, dict]:
    """The live records of one type as the server hands them to a device, by id."""
    body = page.evaluate(PULL)
    return {c["id"]: c["fields"] for c in body["changes"] if c["type"] == kind and not c["deleted"]}


def _tokyo_today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()


def _add_employer(page: Page, name: str, url: str = "") -> None:
    page.get_by_test_id("employer-name").fill(name)
    if url:
        page.get_by_test_id("employer-url").fill(url)
    page.get_by_test_id("employer-add").click()
    expect(page.get_by_test_id("employer-name")).to_have_value("")
    expect(page.get_by_test_id("employer-card").filter(has_text=name)).to_have_count(1)


def _card_id(page: Page, name: str) -> str:
    return page.get_by_test_id("employer-card").filter(has_text=name).get_attribute("data-id")


def _score(page: Page, employer_id: str, criterion: str, value: int) -> None:
    select = page.locator(
        f'[data-testid="employer-score"][data-employer="{employer_id}"][data-criterion="{criterion}"]'
    )
    select.select_option(str(value))
    expect(select).to_have_value(str(value))


def _weight(page: Page, criterion: str, value: int) -> None:
    select = page.locator(f'[data-testid="criterion-weight"][data-criterion="{criterion}"]')
    select.select_option(str(value))
    expect(select).to_have_value(str(value))


def test_two_employers_scored_offline_rank_by_weighted_total_and_sync(new_context, live_server):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "compare@example.jp")
    steps.onboard(page, starters=1, mode="defence")
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)

    context.set_offline(True)
    page.goto(f"{live_server.url}/employers")
    expect(page.get_by_test_id("employers-empty")).to_be_visible()
    lookup = page.get_by_test_id("employers-lookup").first
    expect(lookup).to_have_attribute("href", "https://positive-ryouritsu.mhlw.go.jp/positivedb/")
    expect(lookup).to_have_attribute("target", "_blank")
    expect(lookup).to_have_attribute("rel", re.compile("noopener"))

    _add_employer(page, "A社", "a-sha.example.jp")
    _add_employer(page, "B社")
    expect(page.get_by_test_id("employers-empty")).to_have_count(0)
    expect(page.get_by_test_id("employers-table")).to_be_visible()
    a, b = _card_id(page, "A社"), _card_id(page, "B社")

    # Default weights 4,4,3,4,3,3 (Σ 21): A has remote work and flex-time, B mothers in management.
    _score(page, a, "remote_work", 5)
    _score(page, a, "flex_time", 5)
    _score(page, b, "mothers_in_management", 5)
    cards = page.get_by_test_id("employer-card")
    expect(cards.first).to_have_attribute("data-id", a)
    expect(cards.first).to_have_attribute("data-total", "33")  # (5*4 + 5*3) / (5*21)
    expect(cards.nth(1)).to_have_attribute("data-total", "19")  # 5*4 / 105

    # What matters to her: weights set once, for every company.
    _weight(page, "remote_work", 0)
    _weight(page, "flex_time", 0)
    page.get_by_test_id("criterion-add-label").fill("保育園に近い")
    page.get_by_test_id("criterion-add").click()
    _score(page, a, "custom:保育園に近い", 4)
    # Weights now 4,0,0,4,3,3 and 3 for hers (Σ 17): A 4*3/85, B 5*4/85.
    expect(cards).to_have_count(2)
    expect(cards.first).to_have_attribute("data-id", b)
    expect(cards.first).to_have_attribute("data-total", "24")
    expect(cards.first).to_contain_text("24")
    expect(cards.nth(1)).to_have_attribute("data-id", a)
    expect(cards.nth(1)).to_have_attribute("data-total", "14")
    expect(page.get_by_test_id("employers-formula")).to_contain_text("Σ")
    # On a 390-px phone the table scrolls inside its box; the page itself never does.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # A slip of the thumb: delete, then undo.
    page.locator(f'[data-testid="employer-delete"][data-id="{a}"]').click()
    expect(cards).to_have_count(1)
    page.get_by_test_id("undo").click()
    expect(cards).to_have_count(2)
    expect(cards.nth(1)).to_have_attribute("data-total", "14")

    page.reload()  # still offline: the worker serves the screen, IndexedDB the companies
    expect(cards.first).to_have_attribute("data-id", b)
    expect(page.get_by_test_id("sync-status")).not_to_have_attribute("data-pending", "0")

    context.set_offline(False)
    steps.expect_pending(page, 0)
    server = _server_records(page, "employer")
    assert set(server) == {a, b}
    assert server[a]["name"] == "A社"
    assert server[a]["url"] == "https://a-sha.example.jp"
    assert server[a]["criteria"]["custom:保育園に近い"] == {"score": 4, "weight": 3}
    assert server[a]["criteria"]["remote_work"] == {"score": 5, "weight": 0}
    assert server[b]["criteria"]["mothers_in_management"] == {"score": 5, "weight": 4}
    # One weight per criterion, the same in every company.
    assert {k: v["weight"] for k, v in server[a]["criteria"].items()} == {
        k: v["weight"] for k, v in server[b]["criteria"].items()
    }
    user = User.objects.get(email="compare@example.jp")
    assert Employer.objects.filter(user=user, deleted=False).count() == 2


def test_a_defence_period_ending_within_a_week_reminds_her_on_today(new_context, live_server):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "mode@example.jp")
    steps.onboard(page, starters=1, mode="defence", purpose="2年間は定時で帰る")
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)
    # Defence: a day not ticked is never held against her.
    expect(page.locator(".today")).to_contain_text("途切れても気にしないで")
    expect(page.get_by_test_id("mode-reminder")).to_have_count(0)

    context.set_offline(True)
    page.get_by_test_id("mode-link").click()
    expect(page).to_have_url(re.compile(r"/mode$"))
    current = page.get_by_test_id("mode-current")
    expect(current).to_have_attribute("data-mode", "defence")
    expect(current).to_contain_text("2年間は定時で帰る")

    ends = _tokyo_today() + dt.timedelta(days=5)
    page.get_by_test_id("mode-edit").first.click()
    expect(page.get_by_test_id("mode-purpose-input")).to_have_value("2年間は定時で帰る")
    page.get_by_test_id("mode-ends").fill(ends.isoformat())
    page.get_by_test_id("mode-focus").fill("毎日1つ、作業を自動化する")
    page.get_by_test_id("mode-save").click()
    expect(current).to_contain_text("毎日1つ、作業を自動化する")
    expect(page.get_by_test_id("mode-look-back")).to_contain_text("2年間は定時で帰る")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_test_id("nav-today").click()
    reminder = page.get_by_test_id("mode-reminder")
    expect(reminder).to_have_attribute("data-days-left", "5")
    expect(reminder).to_contain_text("守りの時期")
    reminder.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/mode$"))

    # The next period starts the day after this one ends; a bad end date is caught first.
    starts = page.get_by_test_id("mode-starts")
    expect(starts).to_have_value((ends + dt.timedelta(days=1)).isoformat())
    page.locator('[data-testid="mode-kind"][value="attack"]').check()
    page.get_by_test_id("mode-ends").fill(ends.isoformat())
    page.get_by_test_id("mode-purpose-input").fill("半年でプロジェクトリーダーになる")
    page.get_by_test_id("mode-save").click()
    expect(page.locator("#mode-ends-err")).to_be_visible()
    next_ends = ends + dt.timedelta(days=183)
    page.get_by_test_id("mode-ends").fill(next_ends.isoformat())
    page.get_by_test_id("mode-save").click()
    history = page.get_by_test_id("mode-history-item")
    expect(history).to_have_count(1)
    expect(history).to_have_attribute("data-mode", "attack")
    expect(page.get_by_test_id("mode-look-back")).to_have_count(0)

    page.get_by_test_id("nav-today").click()
    expect(page.get_by_test_id("career-mode")).to_have_attribute("data-mode", "defence")
    expect(page.get_by_test_id("mode-reminder")).to_have_count(0)  # the next one is chosen

    context.set_offline(False)
    steps.expect_pending(page, 0)
    server = sorted(_server_records(page, "career_mode").values(), key=lambda f: f["starts"])
    assert [(f["mode"], f["ends"]) for f in server] == [
        ("defence", ends.isoformat()),
        ("attack", next_ends.isoformat()),
    ]
    assert server[0]["focus"] == "毎日1つ、作業を自動化する"
    assert server[1]["starts"] == (ends + dt.timedelta(days=1)).isoformat()
    user = User.objects.get(email="mode@example.jp")
    assert CareerMode.objects.filter(user=user).count() == 2
