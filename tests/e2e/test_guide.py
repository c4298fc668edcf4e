"""The guide and the self-check in a real browser, in the tunnel: chapters the phone never
opened read offline (the PWA bundles what the build rendered), and a self-check taken offline
reaches the server once she is back online, scored the same on both sides."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from server.accounts.models import User
from server.guide import content, selfcheck
from server.journal.models import SelfCheck
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker


def test_a_chapter_never_opened_before_reads_offline(new_context, live_server):
    chapters = content.chapters("ja")
    target = chapters[-2]  # not the first: nothing on the way there opens it
    after = chapters[-1]
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "reader@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)

    context.set_offline(True)
    # A full page load, as from a bookmark: the worker answers with the shell, and the
    # chapter's text comes from the precached guide chunk.
    page.goto(f"{live_server.url}/guide/{target.slug}/")
    chapter = page.get_by_test_id("chapter")
    expect(chapter).to_have_attribute("data-slug", target.slug)
    expect(page.locator("#main h1")).to_have_text(target.title)
    # The text the build rendered (guide.json), from the precached chunk of her language.
    opening = re.sub(r"<[^>]+>", "", target.html).strip().splitlines()[0]
    expect(page.get_by_test_id("chapter-body")).to_contain_text(opening[:12])
    shown = page.get_by_test_id("chapter-step")
    expect(shown).to_have_count(len(target.steps))
    expect(shown.first).to_contain_text(target.steps[0].title)
    expect(shown.first).to_have_attribute("data-key", target.steps[0].key)
    for tool in target.tools:
        expect(page.locator(f'[data-testid="chapter-tool"][data-tool="{tool}"]')).to_be_visible()

    # Next chapter and the table of contents: in-app navigation, still offline.
    page.get_by_test_id("chapter-next").click()
    expect(chapter).to_have_attribute("data-slug", after.slug)
    expect(page).to_have_url(re.compile(rf"/guide/{after.slug}$"))
    page.get_by_test_id("nav-guide").click()
    expect(page.get_by_test_id("nav-guide")).to_have_attribute("aria-current", "page")
    expect(page.get_by_test_id("guide-chapter")).to_have_count(len(chapters))
    expect(page.get_by_test_id("guide-chapter").first).to_contain_text(chapters[0].title)


def test_a_self_check_taken_offline_syncs_with_the_score_the_phone_showed(new_context, live_server):
    questionnaire = selfcheck.current()
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "checker@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)
    steps.expect_pending(page, 0)

    context.set_offline(True)
    page.get_by_test_id("nav-guide").click()
    page.locator('[data-testid="guide-tool"][data-tool="selfcheck"]').click()
    # Her first self-check: the questions are there at once.
    questions = page.get_by_test_id("selfcheck-question")
    expect(questions).to_have_count(len(questionnaire.questions))
    answers: dict[str, int] = {}
    for n in range(len(questionnaire.questions)):
        question = questions.nth(n)
        key = question.get_attribute("data-key")
        answers[key] = (n * 2 + 1) % 4
        question.locator(f'[data-testid="selfcheck-answer"][data-value="{answers[key]}"]').check()
    expect(page.get_by_test_id("selfcheck-progress")).to_contain_text(
        str(len(questionnaire.questions))
    )
    page.get_by_test_id("selfcheck-submit").click()

    result = page.get_by_test_id("selfcheck-result")
    expect(result).to_be_visible()
    phone_score = int(result.get_attribute("data-score"))
    expected = questionnaire.score(answers)
    assert phone_score == expected
    expect(result).to_have_attribute("data-band", questionnaire.band(expected).key)
    steps.expect_pending(page, 1)
    assert not SelfCheck.objects.exists()

    context.set_offline(False)
    steps.expect_pending(page, 0)

    user = User.objects.get(email="checker@example.jp")
    record = SelfCheck.objects.get(user=user)
    assert record.score == phone_score
    assert record.answers == answers
    assert record.questionnaire == questionnaire.version
    assert record.date == dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()
    expect(page.get_by_test_id("selfcheck-history-row")).to_have_count(1)


def test_the_earnings_gap_works_offline_and_is_kept_for_the_one_on_one(new_context, live_server):
    context = new_context()
    page = context.new_page()
    steps.sign_up(page, live_server.url, "earner@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)

    context.set_offline(True)
    page.goto(f"{live_server.url}/earnings")
    # The first check: a raise 1 point lower for all of 20 years.
    for name, value in {
        "salary": "5,000,000",
        "raise_pct": "2",
        "track_raise_pct": "1",
        "years": "20",
        "track_years": "20",
        "allowance": "0",
        "allowance_from": "1",
        "retirement_months": "0",
    }.items():
        page.get_by_test_id(f"earnings-{name}").fill(value)
    expect(page.get_by_test_id("earnings-total")).to_have_attribute("data-yen", "12720616")
    expect(page.get_by_test_id("earnings-total")).to_contain_text("約1,272万円")
    expect(page.get_by_test_id("earnings-chart")).to_have_attribute("role", "img")
    expect(page.get_by_test_id("earnings-table").locator("tbody tr")).to_have_count(20)

    page.get_by_test_id("earnings-keep").click()
    kept = page.evaluate("JSON.parse(localStorage.getItem('ippo.earnings.latest'))")
    assert kept["total_gap"] == 12720616
    assert kept["inputs"]["salary"] == 5000000
    assert kept["date"] == dt.datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()


def test_with_javascript_off_the_server_sends_the_chapter_the_build_rendered(
    new_context, live_server
):
    chapters = content.chapters("en")
    target = chapters[1]
    page = new_context(java_script_enabled=False, service_workers="block").new_page()

    page.goto(f"{live_server.url}/guide/{target.slug}/?lang=en")

    # The <noscript> page, styled by the guide's own sheet; the app's loading line is hidden.
    expect(page.locator("article h1")).to_have_text(target.title)
    expect(page.locator("article")).to_contain_text(target.steps[0].title)
    expect(page.locator("body > .boot")).to_be_hidden()
    assert page.locator(".guide-bar").evaluate("e => getComputedStyle(e).display") == "flex"
    page.locator('a[rel="next"]').click()
    expect(page.locator("article h1")).to_have_text(chapters[2].title)
    assert page.url.endswith(f"/guide/{chapters[2].slug}/?lang=en")


def test_a_link_that_names_a_language_opens_the_chapter_in_it(new_context, live_server):
    target = content.chapters("en")[0]
    page = new_context(locale="ja-JP").new_page()

    page.goto(f"{live_server.url}/guide/{target.slug}/?lang=en")

    expect(page.get_by_test_id("chapter")).to_have_attribute("lang", "en")
    expect(page.locator("#main h1")).to_have_text(target.title)
    expect(page.get_by_test_id("chapter-next")).to_have_attribute(
        "href", f"/guide/{content.chapters('en')[1].slug}?lang=en"
    )
