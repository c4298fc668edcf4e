"""Goals, the learning log and the network log in a real browser: used offline, then synced."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from server.accounts.models import User
from server.journal.models import Contact, Goal, LearningSession
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker


def _today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()


def _day(n: int) -> str:
    return (_today() + dt.timedelta(days=n)).isoformat()


def _start_offline(new_context, live_server, email: str, path: str):
    """Sign up, onboard, let the worker take control, open `path`, then lose the network."""
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, email)
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("h1")).to_be_visible()
    context.set_offline(True)
    return context, page


def _pulled(page: Page, record_type: str) -> list[dict]:
    """What the server hands this browser on a full pull (the phone's own session)."""
    return page.evaluate(
        """async (type) => {
          const url = '/api/sync/pull?cursor=0&limit=1000'
          const answer = await fetch(url, { credentials: 'same-origin' })
          const body = await answer.json()
          return body.changes.filter((c) => c.type === type && !c.deleted)
        }""",
        record_type,
    )


def _goal_item(page: Page, title: str):
    return page.get_by_test_id("goal-item").filter(has_text=title)


def test_goals_set_offline_land_in_their_lists_and_reach_the_server(new_context, live_server):
    context, page = _start_offline(new_context, live_server, "goals@example.jp", "/goals")
    expect(page.get_by_test_id("goals-empty")).to_be_visible()

    page.get_by_test_id("goals-new").click()
    expect(page).to_have_url(re.compile(r"/goals/new$"))
    page.get_by_test_id("goal-title").fill("来週までに提案書の骨子を上司に見せる")
    page.get_by_test_id("goal-category").select_option("role")
    page.get_by_test_id("goal-due").fill(_day(5))
    page.get_by_test_id("goal-progress").fill("30")
    page.get_by_test_id("goal-benefit").fill("新規顧客の提案が早く出せる")
    page.get_by_test_id("goal-next").fill("骨子を3行で書く")
    page.get_by_test_id("goal-save").click()

    soon = _goal_item(page, "提案書の骨子")
    expect(soon).to_have_attribute("data-bucket", "soon")
    expect(page.get_by_role("heading", name=re.compile("もうすぐ期限"))).to_be_visible()
    # Focus lands on the goal she just saved.
    title = soon.get_by_role("link", name="来週までに提案書の骨子を上司に見せる", exact=True)
    expect(title).to_be_focused()
    expect(soon.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "30")

    page.get_by_test_id("goals-new").click()
    page.get_by_test_id("goal-title").fill("簿記2級の申し込みをする")
    page.get_by_test_id("goal-due").fill(_day(-2))
    page.get_by_test_id("goal-save").click()
    expect(_goal_item(page, "簿記2級")).to_have_attribute("data-bucket", "overdue")

    # Mark done, then undo: back under "due soon".
    soon.get_by_test_id("goal-done").click()
    expect(_goal_item(page, "提案書の骨子")).to_have_attribute("data-bucket", "closed")
    expect(page.locator("details.goals-closed > summary")).to_be_focused()  # where it went
    page.get_by_test_id("undo").click()
    expect(_goal_item(page, "提案書の骨子")).to_have_attribute("data-bucket", "soon")

    # Delete from its page, then undo from the toast.
    _goal_item(page, "簿記2級").get_by_test_id("goal-edit").click()
    expect(page.get_by_test_id("goal-title")).to_have_value("簿記2級の申し込みをする")
    page.get_by_test_id("goal-delete").click()
    expect(page).to_have_url(re.compile(r"/goals$"))
    expect(page.get_by_test_id("goal-item")).to_have_count(1)
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("goal-item")).to_have_count(2)
    steps.expect_pending(page, 6)  # 2 creates, done, undo, delete, restore — all queued

    context.set_offline(False)
    steps.expect_pending(page, 0)
    user = User.objects.get(email="goals@example.jp")
    goal = Goal.objects.get(user=user, title="来週までに提案書の骨子を上司に見せる")
    assert (goal.category, goal.status, goal.progress, goal.due) == (
        "role",
        "open",
        30,
        _today() + dt.timedelta(days=5),
    )
    assert goal.company_benefit == "新規顧客の提案が早く出せる"
    assert goal.next_step == "骨子を3行で書く"
    assert Goal.objects.get(user=user, title="簿記2級の申し込みをする").deleted is False
    assert sorted(c["fields"]["title"] for c in _pulled(page, "goal")) == [
        "来週までに提案書の骨子を上司に見せる",
        "簿記2級の申し込みをする",
    ]


def test_a_study_session_linked_to_a_certification_goal_adds_to_its_totals(
    new_context, live_server
):
    context, page = _start_offline(new_context, live_server, "learn@example.jp", "/learning")
    expect(page.get_by_test_id("learning-week-total")).to_have_attribute("data-minutes", "0")
    page.get_by_test_id("cert-goal-new").click()
    expect(page.get_by_test_id("goal-category")).to_have_value("certification")
    page.get_by_test_id("goal-title").fill("3月までに簿記2級に合格する")
    page.get_by_test_id("goal-due").fill(_day(90))
    page.get_by_test_id("goal-save").click()
    expect(_goal_item(page, "簿記2級")).to_have_attribute("data-bucket", "open")

    page.goto(f"{live_server.url}/learning")  # still offline: the worker serves the screen
    cert = page.get_by_test_id("cert-goal")
    expect(cert).to_have_attribute("data-minutes", "0")
    page.get_by_test_id("learning-topic").fill("仕訳の練習")
    page.get_by_test_id("learning-minutes").fill("25")
    page.get_by_test_id("learning-place").select_option("commute")
    page.get_by_test_id("learning-goal").select_option(label="3月までに簿記2級に合格する")
    page.get_by_test_id("learning-save").click()
    expect(page.get_by_test_id("learning-topic")).to_have_value("")
    expect(page.get_by_test_id("learning-topic")).to_be_focused()
    steps.log_learning(page, "英語のポッドキャスト", 15)  # the goal stays picked for the next one

    expect(page.get_by_test_id("learning-week-total")).to_have_attribute("data-minutes", "40")
    expect(page.get_by_test_id("learning-month-total")).to_have_attribute("data-minutes", "40")
    expect(cert).to_have_attribute("data-minutes", "40")

    # The second one was not for the exam: unlink it in place.
    entry_id = (
        page.get_by_test_id("learning-entry")
        .filter(has_text="英語のポッドキャスト")
        .get_attribute("data-id")
    )
    entry = page.locator(f'[data-testid="learning-entry"][data-id="{entry_id}"]')
    entry.get_by_test_id("learning-edit").click()
    entry.get_by_label("つながる目標").select_option("")
    entry.get_by_test_id("learning-edit-save").click()
    expect(cert).to_have_attribute("data-minutes", "25")
    expect(page.get_by_test_id("learning-week-total")).to_have_attribute("data-minutes", "40")

    cert.get_by_test_id("cert-progress").fill("40")
    cert.get_by_test_id("cert-progress-save").click()
    expect(cert).to_have_attribute("data-progress", "40")

    entry.get_by_test_id("learning-delete").click()
    expect(page.get_by_test_id("learning-week-total")).to_have_attribute("data-minutes", "25")
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("learning-week-total")).to_have_attribute("data-minutes", "40")

    context.set_offline(False)
    steps.expect_pending(page, 0)
    user = User.objects.get(email="learn@example.jp")
    goal = Goal.objects.get(user=user)
    assert (goal.category, goal.progress) == ("certification", 40)
    sessions = {
        s.topic: (s.minutes, s.place, s.goal_id, s.deleted)
        for s in LearningSession.objects.filter(user=user)
    }
    assert sessions == {
        "仕訳の練習": (25, "commute", goal.id, False),
        "英語のポッドキャスト": (15, "commute", None, False),
    }
    pulled = {c["fields"]["topic"]: c["fields"]["goal"] for c in _pulled(page, "learning_session")}
    assert pulled == {"仕訳の練習": str(goal.id), "英語のポッドキャスト": None}


def test_a_follow_up_due_today_leaves_keep_in_touch_once_she_logs_that_person_again(
    new_context, live_server
):
    context, page = _start_offline(new_context, live_server, "network@example.jp", "/network")
    keep = page.get_by_test_id("keep-in-touch")
    expect(keep.get_by_test_id("keep-in-touch-item")).to_have_count(0)

    page.get_by_test_id("contact-name").fill("佐藤 由紀")
    page.get_by_test_id("contact-kind").select_option("role_model")
    page.get_by_test_id("contact-org").fill("ワーママ勉強会")
    page.get_by_test_id("contact-date").fill(_day(-3))
    page.get_by_test_id("contact-note").fill("育休明けに課長になった話を聞いた")
    page.get_by_test_id("contact-follow-up").fill(_day(0))
    page.get_by_test_id("contact-save").click()
    expect(page.get_by_test_id("contact-name")).to_have_value("")

    page.get_by_test_id("contact-name").fill("田中さん")
    page.get_by_test_id("contact-kind").select_option("peer")
    page.get_by_test_id("contact-follow-up").fill(_day(3))
    page.get_by_test_id("contact-save").click()

    items = keep.get_by_test_id("keep-in-touch-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_have_attribute("data-name", "佐藤 由紀")
    expect(items.nth(0)).to_have_attribute("data-state", "due")
    expect(items.nth(1)).to_have_attribute("data-state", "coming")

    # "Done" clears 田中さん's follow-up date.
    keep.locator('[data-name="田中さん"]').get_by_test_id("keep-in-touch-done").click()
    expect(items).to_have_count(1)

    # A new contact with 佐藤さん today (spelled without the space) clears hers.
    steps.log_contact(page, "佐藤由紀")
    expect(items).to_have_count(0)
    expect(page.get_by_test_id("contact-entry")).to_have_count(3)
    page.get_by_test_id("contact-filter").select_option("role_model")
    expect(page.get_by_test_id("contact-entry")).to_have_count(1)

    context.set_offline(False)
    steps.expect_pending(page, 0)
    user = User.objects.get(email="network@example.jp")
    rows = {
        (c.name, c.kind, c.date.isoformat(), c.follow_up_on and c.follow_up_on.isoformat())
        for c in Contact.objects.filter(user=user, deleted=False)
    }
    assert rows == {
        ("佐藤 由紀", "role_model", _day(-3), _day(0)),
        ("田中さん", "peer", _day(0), None),
        ("佐藤由紀", "peer", _day(0), None),
    }
    assert Contact.objects.get(user=user, name="佐藤 由紀").organisation == "ワーママ勉強会"
    assert len(_pulled(page, "contact")) == 3
