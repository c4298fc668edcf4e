"""What she does in the app, as Playwright steps on the contract's data-testids."""

import re

from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

SYNC_TIMEOUT = 20_000


def sign_up(page: Page, base: str, email: str, name: str = "花子") -> None:
    page.goto(f"{base}/signup")
    page.get_by_test_id("signup-name").fill(name)
    page.get_by_test_id("signup-email").fill(email)
    page.get_by_test_id("signup-password").fill(PASSWORD)
    page.get_by_test_id("signup-submit").click()
    expect(page).to_have_url(re.compile(r"/welcome$"))


def onboard(page: Page, starters: int = 2, mode: str = "attack", purpose: str = "") -> None:
    """Pick the first `starters` starter items and a career mode, then finish."""
    boxes = page.get_by_test_id("starter-item")
    for n in range(starters):
        boxes.nth(n).check()
    page.get_by_test_id(f"mode-{mode}").check()
    if purpose:
        page.get_by_test_id("mode-purpose").fill(purpose)
    page.get_by_test_id("onboarding-finish").click()
    expect(page).to_have_url(re.compile(r"/today$"))
    expect(page.get_by_test_id("check-toggle")).to_have_count(starters)


def log_in(page: Page, email: str) -> None:
    page.get_by_test_id("login-email").fill(email)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def log_efficiency(
    page: Page,
    task: str,
    spent: int,
    saved: int = 0,
    how: str = "",
    outcome: tuple[str, str] | None = None,
) -> None:
    page.get_by_test_id("effort-task").fill(task)
    page.get_by_test_id("effort-spent").fill(str(spent))
    if saved:
        page.get_by_test_id("effort-saved").fill(str(saved))
    if how:
        page.get_by_test_id("effort-how").fill(how)
    if outcome:
        page.get_by_test_id("effort-outcome-value").fill(outcome[0])
        page.get_by_test_id("effort-outcome-unit").fill(outcome[1])
    page.get_by_test_id("effort-save").click()
    # The form clears itself once the record and its outbox op are stored.
    expect(page.get_by_test_id("effort-task")).to_have_value("")


def log_learning(page: Page, topic: str, minutes: int) -> None:
    page.get_by_test_id("learning-topic").fill(topic)
    page.get_by_test_id("learning-minutes").fill(str(minutes))
    page.get_by_test_id("learning-save").click()
    expect(page.get_by_test_id("learning-topic")).to_have_value("")


def log_contact(page: Page, name: str) -> None:
    page.get_by_test_id("contact-name").fill(name)
    page.get_by_test_id("contact-save").click()
    expect(page.get_by_test_id("contact-name")).to_have_value("")


def tick(page: Page, n: int) -> None:
    toggle = page.get_by_test_id("check-toggle").nth(n)
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")


def expect_pending(page: Page, count: int | str) -> None:
    expect(page.get_by_test_id("sync-status")).to_have_attribute(
        "data-pending", str(count), timeout=SYNC_TIMEOUT
    )


def sync_now(page: Page) -> None:
    page.get_by_test_id("sync-now").click()


# A result as the earnings-gap calculator (/earnings) keeps it after she has used it.
EARNINGS = {
    "date": "2026-10-02",
    "total_gap": 12_720_616,
    "pay_gap": 9_000_000,
    "allowance_gap": 3_000_000,
    "retirement_gap": 720_616,
    "inputs": {
        "salary": 4_800_000,
        "raise_pct": 2.5,
        "track_raise_pct": 1,
        "years": 25,
        "track_years": 5,
        "allowance": 360_000,
        "allowance_from": 10,
        "retirement_months": 24,
    },
}


def keep_earnings_result(page: Page, summary: str = "") -> None:
    """Store a calculator result in the page's localStorage, as /earnings does."""
    page.evaluate(
        "(saved) => localStorage.setItem('ippo.earnings.latest', JSON.stringify(saved))",
        {**EARNINGS, "summary": summary},
    )
