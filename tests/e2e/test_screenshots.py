"""The README's screenshots: the main screens at 390x844, in Japanese and in English.

Not part of the normal run (it rewrites files in docs/screenshots/). Refresh them with:

    IPPO_SCREENSHOTS=True .venv/bin/pytest -q -p no:logging tests/e2e/test_screenshots.py

Japanese text needs a CJK font on the machine (Debian: `apt-get install fonts-noto-cjk`).
"""

import datetime as dt
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    os.environ.get("IPPO_SCREENSHOTS") != "True", reason="set IPPO_SCREENSHOTS=True to refresh"
)

CONTENT = {
    "ja": {
        "name": "花子",
        "purpose": "2年間は定時で帰り、効率化のスキルを磨く",
        "logs": [("月次売上レポート", 60, 40, "Power Queryで集計を自動化", ("1", "件"))],
        "study": ("簿記2級", 20),
        "contact": "他社のワーママ管理職",
        # (title, category, due in days, progress %)
        "goals": [
            ("来週までに提案書の骨子を上司に見せる", "role", 5, 30),
            ("3月までに簿記2級に合格する", "certification", 110, 40),
            ("Power Queryで月次集計を自動化する", "skill", -3, 80),
            ("週1回のリモートワークを相談する", "work_style", 45, 0),
        ],
        "more_logs": [("経費精算のチェック", 30, 15, "チェックリストを作って共有", ("8", "件"))],
        "more_study": ("英語のポッドキャスト", 15),
        "more_contact": "前の部署の先輩",
        # (name, a score per default criterion: mothers in management, remote, flex,
        # results-based evaluation, short hours, parental leave)
        "employers": [
            ("株式会社みらい商事", [4, 5, 4, 3, 5, 4]),
            ("さくらソリューションズ", [2, 3, 5, 4, 3, 5]),
            ("青葉ホールディングス", [3, 2, 2, 5, 4, 3]),
        ],
        "next_week": "提案書の骨子を水曜までに共有します",
        "brief": {
            "wanted": "来期は新規顧客の提案にも関わりたい",
            "time_plan": "17時まで。急ぎの連絡は翌朝8時に対応し、予定は共有カレンダーに",
            "benefit": "集計の自動化で月10時間浮いた分を、提案づくりに回せます",
            "asks": "企画会議に参加させてください。オンラインでも構いません",
        },
    },
    "en": {
        "name": "Hanako",
        "purpose": "Leave on time for two years and sharpen my efficiency skills",
        "logs": [("Monthly sales report", 60, 40, "Automated the totals", ("1", "report"))],
        "study": ("Bookkeeping level 2", 20),
        "contact": "A manager at another firm",
        "goals": [
            ("Show my manager the proposal outline by next week", "role", 5, 30),
            ("Pass bookkeeping level 2 by March", "certification", 110, 40),
            ("Automate the monthly totals with Power Query", "skill", -3, 80),
            ("Ask for one remote day a week", "work_style", 45, 0),
        ],
        "more_logs": [("Expense checks", 30, 15, "Shared a checklist", ("8", "claims"))],
        "more_study": ("English podcast", 15),
        "more_contact": "My former team lead",
        "employers": [
            ("Mirai Trading", [4, 5, 4, 3, 5, 4]),
            ("Sakura Solutions", [2, 3, 5, 4, 3, 5]),
            ("Aoba Holdings", [3, 2, 2, 5, 4, 3]),
        ],
        "next_week": "Share the proposal outline by Wednesday",
        "brief": {
            "wanted": "Take part in new-client proposals next term",
            "time_plan": "Until 5 pm; urgent messages answered at 8 am, my calendar is shared",
            "benefit": "Automating the totals freed 10 hours a month for proposal work",
            "asks": "A seat at the planning meeting (online is fine)",
        },
    },
}


def _day(n: int) -> str:
    return (dt.datetime.now(ZoneInfo("Asia/Tokyo")).date() + dt.timedelta(days=n)).isoformat()


def _shot(page, lang: str, screen: str) -> None:
    expect(page.get_by_test_id("toast")).to_have_attribute("data-empty", "", timeout=15_000)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / f"{screen}-{lang}.png"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_refresh_the_screenshots(new_context, live_server, lang):
    OUT.mkdir(parents=True, exist_ok=True)
    text = CONTENT[lang]
    # One CSS pixel per image pixel: the PNGs are exactly 390x844.
    locale = "ja-JP" if lang == "ja" else "en-US"
    page = new_context(locale=locale, device_scale_factor=1).new_page()
    page.goto(f"{live_server.url}/login")
    page.get_by_test_id("login-submit").wait_for()
    _shot(page, lang, "login")

    steps.sign_up(page, live_server.url, f"screens-{lang}@example.jp", text["name"])
    page.get_by_test_id("starter-item").nth(0).check()
    page.get_by_test_id("starter-item").nth(1).check()
    page.get_by_test_id("starter-item").nth(3).check()
    page.get_by_test_id("mode-defence").check()
    page.get_by_test_id("mode-purpose").fill(text["purpose"])
    page.evaluate("document.activeElement.blur()")
    _shot(page, lang, "welcome")
    page.get_by_test_id("onboarding-finish").click()
    expect(page).to_have_url(re.compile(r"/today$"))
    wait_for_service_worker(page)

    steps.tick(page, 0)
    steps.tick(page, 2)
    for log in text["logs"]:
        steps.log_efficiency(page, *log)
    steps.log_learning(page, *text["study"])
    steps.log_contact(page, text["contact"])
    steps.expect_pending(page, 0)
    page.evaluate("document.activeElement.blur()")
    _shot(page, lang, "today")

    page.get_by_test_id("nav-history").click()
    page.get_by_test_id("history-entry").first.wait_for()
    _shot(page, lang, "history")

    page.get_by_test_id("nav-settings").click()
    page.get_by_test_id("settings-save").wait_for()
    _shot(page, lang, "settings")

    _tools(page, live_server.url, lang, text)


def _tools(page, base: str, lang: str, text: dict) -> None:
    """The career tools with a few weeks' worth of her own content."""
    page.get_by_test_id("nav-tools").click()
    page.get_by_test_id("tool-link").first.wait_for()
    _shot(page, lang, "tools")

    for title, category, due, progress in text["goals"]:
        page.goto(f"{base}/goals/new")
        page.get_by_test_id("goal-title").fill(title)
        page.get_by_test_id("goal-category").select_option(category)
        page.get_by_test_id("goal-due").fill(_day(due))
        page.get_by_test_id("goal-progress").fill(str(progress))
        page.get_by_test_id("goal-save").click()
        expect(page.get_by_test_id("goal-item").filter(has_text=title)).to_have_count(1)
    page.evaluate("document.activeElement.blur()")
    _shot(page, lang, "goals")

    page.goto(f"{base}/today")
    for log in text["more_logs"]:
        steps.log_efficiency(page, *log)
    steps.log_learning(page, *text["more_study"])
    steps.log_contact(page, text["more_contact"])

    page.goto(f"{base}/employers")
    for name, scores in text["employers"]:
        page.get_by_test_id("employer-name").fill(name)
        page.get_by_test_id("employer-add").click()
        card = page.get_by_test_id("employer-card").filter(has_text=name)
        expect(card).to_have_count(1, timeout=15_000)
        employer = card.get_attribute("data-id")
        selects = page.locator(f'[data-testid="employer-score"][data-employer="{employer}"]')
        for n, score in enumerate(scores):
            selects.nth(n).select_option(str(score))
            expect(selects.nth(n)).to_have_value(str(score))
    expect(page.get_by_test_id("employer-card").first).to_contain_text(text["employers"][0][0])
    page.evaluate("document.activeElement.blur()")
    _shot(page, lang, "employers")

    year, week, _ = dt.date.fromisoformat(_day(0)).isocalendar()
    page.goto(f"{base}/report?week={year}-W{week:02d}")
    page.get_by_test_id("report-next-week").fill(text["next_week"])
    page.evaluate("document.activeElement.blur()")
    expect(page.get_by_test_id("report-text")).to_contain_text(text["next_week"])
    _shot(page, lang, "report")

    brief = text["brief"]
    # What the earnings-gap calculator (/earnings) keeps after she has used it.
    steps.keep_earnings_result(page)
    page.goto(f"{base}/brief")
    page.get_by_test_id("brief-new").click()
    page.get_by_test_id("brief-date").fill(_day(3))
    page.get_by_test_id("brief-satisfaction").locator("input[value='4']").check()
    page.get_by_test_id("brief-wanted").fill(brief["wanted"])
    page.get_by_test_id("brief-time-plan").fill(brief["time_plan"])
    page.get_by_test_id("brief-goal").nth(0).check()
    page.get_by_test_id("brief-benefit").fill(brief["benefit"])
    page.get_by_test_id("brief-asks").fill(brief["asks"])
    page.get_by_test_id("brief-evidence-earnings").check()
    page.get_by_test_id("brief-save").click()
    expect(page).to_have_url(re.compile(r"/brief/[0-9a-f-]{36}\?view=sheet$"))
    expect(page.get_by_test_id("brief-sheet")).to_contain_text(brief["asks"])
    steps.expect_pending(page, 0)
    _shot(page, lang, "brief")
