"""Her commute, in a real browser: entries saved offline reach the server exactly once."""

import re

from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from server.accounts.models import User
from server.journal.models import (
    CareerMode,
    Check,
    ChecklistItem,
    Contact,
    EfficiencyLog,
    LearningSession,
)
from server.sync.models import Device
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker


def _tasks(user) -> list[str]:
    return sorted(EfficiencyLog.objects.filter(user=user).values_list("task", flat=True))


def test_entries_made_offline_survive_a_reload_and_reach_the_server_exactly_once(
    new_context, live_server
):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "hanako@example.jp")
    steps.onboard(page, starters=2, mode="attack", purpose="半年後にプロジェクトを任される")
    wait_for_service_worker(page)
    steps.tick(page, 0)
    steps.log_efficiency(page, "月次レポート", 60, 40, "マクロで自動化", ("1", "件"))
    steps.expect_pending(page, 0)

    # The tunnel: no network at all.
    context.set_offline(True)
    steps.log_efficiency(page, "議事録", 30, 15, "AIで下書き")
    steps.log_learning(page, "簿記2級", 20)
    steps.log_contact(page, "佐藤さん")
    steps.tick(page, 1)
    steps.expect_pending(page, 4)

    page.reload()  # still offline: the service worker serves the shell, IndexedDB the entries
    expect(page.get_by_test_id("check-toggle").nth(1)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("today-saved")).to_have_attribute("data-minutes", "55")
    steps.expect_pending(page, 4)

    context.set_offline(False)
    steps.expect_pending(page, 0)

    user = User.objects.get(email="hanako@example.jp")
    assert _tasks(user) == ["月次レポート", "議事録"]
    log = EfficiencyLog.objects.get(user=user, task="議事録")
    assert (log.minutes_spent, log.minutes_saved, log.improvement) == (30, 15, "AIで下書き")
    assert list(LearningSession.objects.filter(user=user).values_list("topic", "minutes")) == [
        ("簿記2級", 20)
    ]
    assert list(Contact.objects.filter(user=user).values_list("name", flat=True)) == ["佐藤さん"]
    assert ChecklistItem.objects.filter(user=user).count() == 2
    assert Check.objects.filter(user=user, done=True).count() == 2
    mode = CareerMode.objects.get(user=user)
    assert (mode.mode, mode.purpose) == ("attack", "半年後にプロジェクトを任される")
    assert Device.objects.filter(user=user).count() == 1


def test_an_answer_lost_after_the_server_committed_does_not_make_a_second_entry(
    new_context, live_server
):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "lost@example.jp")
    steps.onboard(page, starters=1)
    steps.expect_pending(page, 0)
    user = User.objects.get(email="lost@example.jp")

    lost = []

    def commit_then_drop_the_answer(route):
        if lost:
            route.continue_()
            return
        route.fetch()  # the server applies the push ...
        lost.append(route.request.url)
        route.abort("connectionreset")  # ... and the phone never hears back

    page.route("**/api/sync/push", commit_then_drop_the_answer)
    steps.log_efficiency(page, "請求書チェック", 90, 30)
    assert _wait_for(lambda: len(lost) == 1, page)
    assert _tasks(user) == ["請求書チェック"]  # committed, though the phone still has it queued

    steps.sync_now(page)  # the retry is a duplicate op_seq: acknowledged, not applied again
    steps.expect_pending(page, 0)
    assert _tasks(user) == ["請求書チェック"]
    assert EfficiencyLog.objects.get(user=user).version > 0


def _wait_for(condition, page, timeout_ms: int = steps.SYNC_TIMEOUT) -> bool:
    """Poll a Python-side condition while letting the browser run."""
    for _ in range(timeout_ms // 100):
        if condition():
            return True
        page.wait_for_timeout(100)
    return condition()


def test_two_devices_of_one_user_see_each_others_entries(new_context, live_server):
    phone = new_context().new_page()
    steps.sign_up(phone, live_server.url, "two@example.jp")
    steps.onboard(phone, starters=2)
    steps.log_efficiency(phone, "電車で書いた日報", 15)
    steps.expect_pending(phone, 0)

    tablet = new_context(locale="en-US").new_page()
    tablet.goto(f"{live_server.url}/login")
    steps.log_in(tablet, "two@example.jp")
    expect(tablet).to_have_url(re.compile(r"/today$"))
    expect(tablet.get_by_test_id("check-toggle")).to_have_count(2)
    expect(tablet.get_by_test_id("effort-suggestion")).to_have_text(["電車で書いた日報"])
    steps.tick(tablet, 1)
    steps.log_efficiency(tablet, "家で作った提案書", 45)
    steps.expect_pending(tablet, 0)

    steps.sync_now(phone)
    expect(phone.get_by_test_id("check-toggle").nth(1)).to_have_attribute("aria-pressed", "true")
    expect(phone.get_by_test_id("effort-suggestion")).to_contain_text(["家で作った提案書"])
    user = User.objects.get(email="two@example.jp")
    assert _tasks(user) == ["家で作った提案書", "電車で書いた日報"]
    assert Device.objects.filter(user=user).count() == 2


def test_a_session_that_ran_out_offline_asks_for_a_login_then_the_outbox_drains(
    new_context, live_server
):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "expired@example.jp")
    steps.onboard(page, starters=1)
    steps.expect_pending(page, 0)

    context.set_offline(True)
    steps.log_efficiency(page, "朝の電車でメール整理", 20, 5)
    steps.tick(page, 0)
    Session.objects.all().delete()  # the session expires on the server meanwhile
    context.set_offline(False)

    expect(page.get_by_test_id("login-needed")).to_be_visible(timeout=steps.SYNC_TIMEOUT)
    steps.expect_pending(page, 2)
    page.get_by_test_id("login-needed").get_by_role("link").click()
    steps.log_in(page, "expired@example.jp")
    steps.expect_pending(page, 0)
    expect(page.get_by_test_id("login-needed")).to_have_count(0)

    user = User.objects.get(email="expired@example.jp")
    assert _tasks(user) == ["朝の電車でメール整理"]
    assert Check.objects.filter(user=user, done=True).count() == 1
