"""Her monthly summary in the app: the list, the month's stored figures, and the saved copy
that still opens with no network."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.utils import timezone
from playwright.sync_api import Page, expect

from server.accounts.models import User
from server.lib import months
from server.summaries import services
from server.summaries.models import MonthlySummary
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker
from tests.factories import UserFactory
from tests.summaries.journal import Journal


def _last_month(user: User) -> dt.date:
    """The first day of the month before hers now (the month the 1st's summary is about)."""
    here = timezone.now().astimezone(ZoneInfo(user.time_zone)).date()
    return months.add_months(months.first_day(here), -1)


def _day(month: dt.date, n: int) -> str:
    return month.replace(day=n).isoformat()


def _summary_of_last_month(email: str) -> MonthlySummary:
    """A user with a few months of entries, and last month's summary as the beat stores it."""
    user = UserFactory(email=email, display_name="花子", language="ja")
    # Her account predates the months compared, so "last month" and the average exist.
    User.objects.filter(pk=user.pk).update(created_at=timezone.now() - dt.timedelta(days=150))
    user.refresh_from_db()
    month = _last_month(user)
    before = months.add_months(month, -1)
    journal = Journal(user)
    journal.log(_day(before, 8), 60, 20)
    journal.log(
        _day(month, 3), 60, 40, improvement="マクロで自動化", outcome_value="3", outcome_unit="件"
    )
    journal.log(
        _day(month, 10), 90, 25, improvement="AIで下書き", outcome_value="2", outcome_unit="件"
    )
    journal.learn(_day(month, 4), 30, "commute")
    journal.learn(_day(month, 12), 20, "audio")
    journal.contact(_day(month, 5), follow_up_on=_day(months.add_months(month, 1), 15))
    item = journal.item()
    journal.check(item, _day(month, 3), _day(month, 4), _day(month, 5))
    journal.goal(_day(months.add_months(month, 1), 20))
    here = timezone.now().astimezone(ZoneInfo(user.time_zone)).date()
    journal.career_mode(
        "defence",
        _day(month, 1),
        (here + dt.timedelta(days=90)).isoformat(),
        purpose="2年間は定時で帰り、効率を磨く",
    )
    created = services.summaries_create(
        users=User.objects.filter(pk=user.pk), month=month, now=timezone.now(), enqueue=False
    )
    assert len(created.pending) == 1
    return MonthlySummary.objects.get(user=user, month=month)


def _figure(page: Page, key: str):
    return page.locator(f'[data-testid="summary-figure"][data-key="{key}"]')


def _expect_her_figures(page: Page, figures: dict) -> None:
    eff = figures["efficiency"]
    for key, value in (
        ("efficiency.entries", eff["entries"]["value"]),
        ("efficiency.minutes_saved", eff["minutes_saved"]["value"]),
        ("efficiency.minutes_spent", eff["minutes_spent"]["value"]),
        ("learning.minutes", figures["learning"]["minutes"]["value"]),
        ("network.contacts", figures["network"]["contacts"]["value"]),
        ("network.follow_ups_due", figures["network"]["follow_ups_due"]["value"]),
        ("checklist.checks_done", figures["checklist"]["checks_done"]["value"]),
        ("goals.due_next_month", figures["goals"]["due_next_month"]),
    ):
        expect(_figure(page, key)).to_have_attribute("data-value", str(value))
    saved = eff["minutes_saved"]
    expect(_figure(page, "efficiency.minutes_saved")).to_have_attribute(
        "data-prev", str(saved["prev"])
    )
    expect(page.get_by_test_id("summary-hours-saved")).to_have_attribute(
        "data-value", str(eff["hours_saved"]["value"])
    )
    expect(page.get_by_test_id("summary-minutes-saved")).to_have_text("(1時間5分)")
    expect(page.get_by_test_id("summary-improvement")).to_have_count(len(eff["top_improvements"]))
    expect(page.get_by_test_id("summary-outcome")).to_have_count(len(eff["outcomes"]))
    step = page.get_by_test_id("summary-next-step")
    expect(step).to_have_attribute("data-area", figures["next_step"]["area"])
    expect(step).to_have_attribute("data-gentle", "true")
    expect(page.get_by_test_id("summary-mode")).to_have_attribute("data-mode", "defence")


def test_she_reads_last_months_summary_and_it_still_opens_offline(new_context, live_server):
    summary = _summary_of_last_month("monthly@example.jp")
    figures = summary.figures
    key = summary.month_key
    assert figures["efficiency"]["minutes_saved"] == {"value": 65, "prev": 20, "avg3": 6.7}
    assert figures["efficiency"]["entries"]["value"] == 2

    context = new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/login")
    steps.log_in(page, "monthly@example.jp")
    expect(page).to_have_url(re.compile(r"/today$"))
    wait_for_service_worker(page)
    expect(page.get_by_test_id("today-summary")).to_have_attribute("data-month", key)

    # Settings → the list, newest first, with the month's headline figures.
    page.get_by_test_id("nav-settings").click()
    page.get_by_test_id("settings-summaries").click()
    expect(page).to_have_url(re.compile(r"/summaries$"))
    month = page.get_by_test_id("summary-month")
    expect(month).to_have_count(1)
    expect(month).to_have_attribute("data-month", key)
    expect(page.get_by_test_id("summary-month-entries")).to_have_attribute("data-value", "2")
    expect(page.get_by_test_id("summary-month-hours")).to_have_text("1.1時間の短縮")

    month.click()
    expect(page).to_have_url(re.compile(rf"/summaries/{key}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("のまとめ")
    _expect_her_figures(page, figures)
    expect(page.get_by_test_id("summary-saved-copy")).to_have_count(0)
    page.get_by_test_id("nav-today").click()
    expect(page.get_by_test_id("check-toggle")).to_have_count(1)
    expect(page.get_by_test_id("today-summary")).to_have_count(0)  # she has read it now
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/summaries/{key}$"))

    # The tunnel: the month she has read comes back from the phone, marked as a saved copy.
    context.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("summary-saved-copy")).to_be_visible()
    _expect_her_figures(page, figures)
    page.get_by_test_id("summaries-back").click()
    expect(page.get_by_test_id("summary-saved-copy")).to_be_visible()
    expect(page.get_by_test_id("summary-month")).to_have_attribute("data-month", key)


def test_the_emails_link_opens_the_month_and_a_month_without_a_summary_says_so(
    new_context, live_server
):
    summary = _summary_of_last_month("link@example.jp")
    key = summary.month_key
    page = new_context().new_page()
    page.goto(f"{live_server.url}/summaries/{key}")  # the link in the email, signed out
    expect(page).to_have_url(re.compile(r"/login\?next="))
    steps.log_in(page, "link@example.jp")
    expect(page).to_have_url(re.compile(rf"/summaries/{key}$"))
    _expect_her_figures(page, summary.figures)

    page.goto(f"{live_server.url}/summaries/2019-01")
    expect(page.get_by_test_id("summary-missing")).to_be_visible()
    page.goto(f"{live_server.url}/summaries/not-a-month")
    expect(page.get_by_test_id("summary-missing")).to_be_visible()
