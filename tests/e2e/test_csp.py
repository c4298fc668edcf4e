"""The strict Content-Security-Policy in a real browser: the app, the guide pages, the reset
and unsubscribe pages, the admin and the API docs all work, and Chromium reports no policy
violation (a blocked script or style shows up as a securitypolicyviolation event and a
console error)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from server.guide import content
from server.summaries import emails as summary_emails
from server.summaries.models import MonthlySummary
from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker
from tests.factories import UserFactory

# Runs before any page script (through DevTools, which the policy does not govern).
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${where}`);
});
"""
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


@pytest.fixture
def watched(new_context):
    """Open a browser profile that records every policy complaint; checked after the test."""
    complaints: list[str] = []
    pages: list[Page] = []

    def on_console(message) -> None:
        if any(word in message.text for word in POLICY_WORDS):
            complaints.append(message.text)

    def open_page(**options) -> Page:
        context = new_context(**options)
        context.add_init_script(WATCH)
        page = context.new_page()
        page.on("console", on_console)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        if not page.is_closed():
            complaints.extend(page.evaluate("window.__violations || []"))
    assert complaints == []


def _no_violations_yet(page: Page) -> None:
    assert page.evaluate("window.__violations") == []


def test_the_app_runs_under_the_policy_with_its_worker(watched, live_server):
    page = watched()
    steps.sign_up(page, live_server.url, "csp@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)
    # The boot line is hidden by the shell's own (hashed) inline style once the app draws.
    expect(page.locator(".boot")).to_be_hidden()
    page.reload()
    expect(page.get_by_test_id("check-toggle")).to_have_count(1)
    _no_violations_yet(page)
    page.goto(f"{live_server.url}/guide")
    expect(page.get_by_test_id("guide-chapter").first).to_be_visible()
    _no_violations_yet(page)


def test_the_server_rendered_pages_are_styled_and_run_nothing_inline(watched, live_server, db):
    # No worker here: the first visit, straight from the server. The guide is the app shell,
    # the PWA draws the chapter (tests/e2e/test_guide.py reads it with JavaScript off).
    page = watched(service_workers="block")
    chapter = content.chapters("ja")[0]
    page.goto(f"{live_server.url}/guide/{chapter.slug}/")
    expect(page.get_by_test_id("chapter")).to_have_attribute("data-slug", chapter.slug)

    page.goto(f"{live_server.url}/reset/MQ/not-a-token/")
    # base.html's styles come from pages.css.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 250, 245)"
    page.locator("#password").fill("atarashii-kagi-5")
    page.locator("#password2").fill("atarashii-kagi-5")
    page.get_by_role("button").click()  # a form post to itself: form-action 'self'
    expect(page.locator(".errors")).to_be_visible()

    user = UserFactory(email="mail@example.jp")
    link = summary_emails.unsubscribe_url(user.pk).replace("http://testserver", live_server.url)
    page.goto(link)
    page.get_by_role("button").click()
    expect(page.locator("h1")).to_have_text(re.compile("停止しました"))
    _no_violations_yet(page)


def test_the_api_docs_and_the_admin_work_under_the_policy(watched, live_server, db):
    page = watched(service_workers="block")
    page.goto(f"{live_server.url}/api/docs/")
    # Swagger UI drew the operations: its bundle and its start-up script both ran.
    expect(page.locator(".opblock").first).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/sync/push")).to_have_count(1)
    _no_violations_yet(page)

    staff = UserFactory(email="staff@example.jp", is_staff=True, is_superuser=True)
    summary = MonthlySummary.objects.create(user=staff, month=dt.date(2026, 10, 1))
    page.goto(f"{live_server.url}/admin/")
    page.locator("#id_username").fill("staff@example.jp")
    page.locator("#id_password").fill(steps.PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(f"{live_server.url}/admin/accounts/user/")
    expect(page.locator("#result_list")).to_be_visible()
    page.locator("#changelist-search input[type=text]").fill("staff")
    page.keyboard.press("Enter")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    # A read-only JSON field is styled by web/admin.css, not by a blocked style attribute.
    page.goto(f"{live_server.url}/admin/summaries/monthlysummary/{summary.pk}/change/")
    figures = page.locator("pre.pretty-json")
    expect(figures).to_be_visible()
    assert figures.evaluate("pre => getComputedStyle(pre).marginTop") == "0px"
    _no_violations_yet(page)
