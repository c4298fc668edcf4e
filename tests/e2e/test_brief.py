"""The 1:1 brief in a real browser: written offline, synced once, printed on one A4 page."""

# The brief is Japanese: its full-width brackets and colons are meant.
# ruff: noqa: RUF001

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from server.accounts.models import User
from server.journal.models import Goal, MeetingBrief
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker

WANTED = "来期の Dashboard Renewal プロジェクトのリーダーを担当したい"
TIME_PLAN = "午前を集中時間にする。急に休む日に備えて手順書をチームと共有する"
BENEFIT = "課長の負担が減り、チームの締め切りに余裕ができる"
ASKS = "来月から企画会議に参加させてください"
GOAL = "プロジェクトのリーダーを任される"


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _on_server(page, check, timeout_ms: int = steps.SYNC_TIMEOUT) -> bool:
    """Poll a database condition while the browser runs (a change may still be queued)."""
    for _ in range(timeout_ms // 100):
        if check():
            return True
        page.wait_for_timeout(100)
    return check()


def test_a_brief_written_offline_syncs_prints_on_one_page_and_can_be_undeleted(
    new_context, live_server
):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "brief@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)
    steps.keep_earnings_result(page, "生涯年収の差（試算）：約1,272万円")

    # On the train: no signal from here until the sheet is written.
    context.set_offline(True)
    page.goto(f"{live_server.url}/brief")
    expect(page.get_by_test_id("briefs-empty")).to_be_visible()
    page.get_by_test_id("brief-new").click()
    # Typed before the brief can be a record (no satisfaction yet): kept through a reload.
    page.get_by_test_id("brief-wanted").fill(WANTED)
    page.get_by_test_id("brief-date").focus()
    page.reload()
    expect(page.get_by_test_id("brief-wanted")).to_have_value(WANTED)
    page.get_by_test_id("brief-date").fill("2026-12-03")
    page.get_by_test_id("brief-satisfaction").locator("input[value='2']").check()
    page.get_by_test_id("brief-time-plan").fill(TIME_PLAN)
    page.get_by_test_id("brief-goal-new-title").fill(GOAL)
    page.get_by_test_id("brief-goal-new-due").fill("2027-06-30")
    page.get_by_test_id("brief-goal-add").click()
    goal_box = page.get_by_test_id("brief-goal")
    expect(goal_box).to_have_count(1)
    expect(goal_box).to_be_checked()  # a goal made here is picked for this brief
    goal_id = goal_box.get_attribute("data-id")
    page.get_by_test_id("brief-benefit").fill(BENEFIT)
    page.get_by_test_id("brief-asks").fill(ASKS)
    page.get_by_test_id("brief-evidence-earnings").check()
    expect(page.get_by_test_id("brief-evidence-saved")).to_be_disabled()  # nothing logged
    page.get_by_test_id("brief-save").click()

    sheet = page.get_by_test_id("brief-sheet")
    expect(page).to_have_url(re.compile(r"/brief/[0-9a-f-]{36}\?view=sheet$"))
    for text in (WANTED, TIME_PLAN, BENEFIT, ASKS, "2 / 5（やや不満）", "約1,272万円"):
        expect(sheet).to_contain_text(text)
    expect(sheet).to_contain_text(f"2027年6月30日(水)までに：{GOAL}")
    page.reload()  # still offline: the shell from the worker, the brief from IndexedDB
    expect(sheet).to_contain_text(WANTED)
    assert not MeetingBrief.objects.exists()

    context.set_offline(False)
    steps.expect_pending(page, 0)
    brief = MeetingBrief.objects.get(user__email="brief@example.jp")
    assert (brief.satisfaction, str(brief.meeting_on)) == (2, "2026-12-03")
    assert (brief.wanted_work, brief.time_plan, brief.asks) == (WANTED, TIME_PLAN, ASKS)
    assert [str(g) for g in brief.goals] == [goal_id]
    goal = Goal.objects.get(pk=goal_id)
    assert (goal.title, str(goal.due), goal.status, goal.user) == (
        GOAL,
        "2027-06-30",
        "open",
        User.objects.get(email="brief@example.jp"),
    )

    # Shared as text through the Web Share API (stubbed: headless Chromium has none).
    page.evaluate("navigator.share = async (data) => { window.__shared = data }")
    page.get_by_test_id("brief-share").click()
    page.wait_for_function("window.__shared !== undefined")
    shared = page.evaluate("window.__shared.text")
    assert "■ 挑戦したい仕事\n" + WANTED in shared
    assert f"・2027年6月30日(水)までに：{GOAL}" in shared

    # Printed: the sheet alone, on one A4 page.
    page.emulate_media(media="print")
    for shell_part in ("sync-status", "nav-today", "brief-print", "brief-after-notes"):
        expect(page.get_by_test_id(shell_part)).to_be_hidden()
    expect(sheet).to_be_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert _pages(pdf) == 1
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Dashboard Renewal" in text  # the machine has no Japanese font; Latin text is real
    page.emulate_media(media="screen")

    # After the meeting: her notes reach the server too.
    page.get_by_test_id("brief-after-notes").fill("企画会議は来月から参加OK")
    page.get_by_test_id("brief-after-notes").blur()
    expect(sheet).to_contain_text("企画会議は来月から参加OK")  # saved on the phone
    assert _on_server(page, lambda: MeetingBrief.objects.get(pk=brief.pk).after_notes != "")
    brief.refresh_from_db()
    assert brief.after_notes == "企画会議は来月から参加OK"

    # History: the brief, then a delete she takes back.
    page.goto(f"{live_server.url}/brief")
    item = page.get_by_test_id("brief-item")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-id", str(brief.pk))
    expect(item).to_contain_text("満足度 2/5")
    expect(item).to_contain_text(WANTED)
    page.get_by_test_id("brief-delete").click()
    expect(page.get_by_test_id("briefs-empty")).to_be_visible()
    assert _on_server(page, lambda: MeetingBrief.objects.get(pk=brief.pk).deleted)
    page.get_by_test_id("undo").click()
    expect(item).to_have_count(1)
    assert _on_server(page, lambda: not MeetingBrief.objects.get(pk=brief.pk).deleted)
    brief.refresh_from_db()
    assert (brief.wanted_work, brief.after_notes) == (WANTED, "企画会議は来月から参加OK")
    steps.expect_pending(page, 0)
