"""The career tools, Today and Settings checked as a phone user with assistive tech meets them.

One sign-up, a little of everything in each tool (so no screen is only its empty state), then
every screen in Japanese and in English at 390x844: axe-core's WCAG 2.1 A/AA rules must find
nothing serious or critical, the page must not scroll sideways, and every control she taps must
be at least 44x44 CSS px (inline links in running text, and checkboxes or radios whose label is
the tap target, are exempt).
"""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_TAP = 44

AUDIT = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
    }))
}"""

# Controls smaller than a fingertip. Exempt: links inside running text (a line of prose is
# the target she reads, WCAG 2.5.8's inline exception), controls that are not shown, and a
# checkbox or radio whose label (the thing she actually taps) is tall enough.
SMALL_TARGETS = """(min) => {
  const selector = [
    'a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary',
    '[role=button]', '[role=link]', '[tabindex]:not([tabindex="-1"])',
  ].join(', ')
  const small = []
  const visible = (el) => {
    const style = getComputedStyle(el)
    if (style.visibility === 'hidden' || style.display === 'none') return false
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0
  }
  const inlineLink = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false
    const block = el.parentElement?.closest('p, li, dd, td, th, figcaption, small, span, div')
    if (!block) return false
    const text = block.textContent.replace(/\\s+/g, ' ').trim()
    const own = el.textContent.replace(/\\s+/g, ' ').trim()
    return text.length > own.length
  }
  const labelOf = (el) =>
    el.closest('label') ||
    (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))
  for (const el of document.querySelectorAll(selector)) {
    if (!visible(el) || inlineLink(el)) continue
    if (el.closest('[aria-hidden="true"], [inert]')) continue
    const r = el.getBoundingClientRect()
    if (r.width >= min && r.height >= min) continue
    if (el.matches('input[type=checkbox], input[type=radio]')) {
      const label = labelOf(el)
      if (label && label.getBoundingClientRect().height >= min) continue
    }
    const name = (el.getAttribute('aria-label') || el.textContent || el.dataset.testid || '')
      .trim()
      .slice(0, 40)
    const kind = el.tagName.toLowerCase() + (el.type ? `[${el.type}]` : '')
    small.push(`${kind} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`)
  }
  return small
}"""


def _tokyo_today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()


def _fill_the_tools(page: Page, base: str) -> dict[str, str]:
    """A goal, a study session, a contact to follow up, an employer, a brief and a mode
    ending soon; returns the ids the detail screens need."""
    today = _tokyo_today()
    page.goto(f"{base}/goals/new")
    page.get_by_test_id("goal-title").fill("3月までに簿記2級に合格する")
    page.get_by_test_id("goal-category").select_option("certification")
    page.get_by_test_id("goal-due").fill((today + dt.timedelta(days=5)).isoformat())
    page.get_by_test_id("goal-progress").fill("40")
    page.get_by_test_id("goal-save").click()
    goal = page.get_by_test_id("goal-item").first
    expect(goal).to_be_visible()
    goal_id = goal.get_attribute("data-id")

    page.goto(f"{base}/learning")
    page.get_by_test_id("learning-topic").fill("仕訳の練習")
    page.get_by_test_id("learning-minutes").fill("25")
    page.get_by_test_id("learning-goal").select_option(goal_id)
    page.get_by_test_id("learning-save").click()
    expect(page.get_by_test_id("learning-entry")).to_have_count(1)

    page.goto(f"{base}/network")
    page.get_by_test_id("contact-name").fill("他社のワーママ管理職")
    page.get_by_test_id("contact-org").fill("株式会社サンプル")
    page.get_by_test_id("contact-follow-up").fill(today.isoformat())
    page.get_by_test_id("contact-save").click()
    expect(page.get_by_test_id("contact-entry")).to_have_count(1)
    expect(page.get_by_test_id("keep-in-touch-item")).to_have_count(1)

    page.goto(f"{base}/employers")
    page.get_by_test_id("employer-name").fill("株式会社みらい")
    page.get_by_test_id("employer-add").click()
    expect(page.get_by_test_id("employer-card")).to_have_count(1)
    page.get_by_test_id("employer-score").first.select_option("4")

    page.goto(f"{base}/brief")
    page.get_by_test_id("brief-new").click()
    page.get_by_test_id("brief-date").fill((today + dt.timedelta(days=3)).isoformat())
    page.get_by_test_id("brief-satisfaction").locator("input[value='3']").check()
    page.get_by_test_id("brief-wanted").fill("来期は企画の仕事にも関わりたい")
    page.get_by_test_id("brief-time-plan").fill("17時まで。急ぎは朝に対応します")
    page.get_by_test_id("brief-save").click()
    expect(page).to_have_url(re.compile(r"/brief/[0-9a-f-]{36}\?view=sheet$"))
    brief_id = re.search(r"/brief/([0-9a-f-]{36})", page.url).group(1)

    page.goto(f"{base}/mode")
    page.get_by_test_id("mode-edit").first.click()
    page.get_by_test_id("mode-ends").fill((today + dt.timedelta(days=4)).isoformat())
    page.get_by_test_id("mode-focus").fill("毎日1つ、作業を自動化する")
    page.get_by_test_id("mode-save").click()
    expect(page.get_by_test_id("mode-look-back")).to_be_visible()
    return {"goal": goal_id, "brief": brief_id}


def _click(testid: str):
    def click(page: Page) -> None:
        page.get_by_test_id(testid).first.click()

    click.__name__ = testid
    return click


def _empty_goal(page: Page) -> None:
    """A goal saved with no title: the error states are screens too."""
    page.get_by_test_id("goal-save").click()
    expect(page.locator("[aria-invalid='true']").first).to_be_visible()


def _delete_dialog(page: Page) -> None:
    page.get_by_test_id("settings-delete-account").click()
    expect(page.get_by_test_id("delete-password")).to_be_visible()


def _screens(ids: dict[str, str]) -> list[tuple]:
    """(path, test id of something only there once the screen has its data[, then what]).
    The `then` step puts the screen into a state worth checking too: a form showing its
    errors, an editor open in a list, the account deletion dialog."""
    year, week, _ = _tokyo_today().isocalendar()
    return [
        ("/today", "mode-reminder"),
        ("/tools", "tool-link"),
        ("/report", "report-empty"),  # last full week: before she signed up
        (f"/report?week={year}-W{week:02d}", "report-figure"),
        ("/goals", "goal-item"),
        ("/goals/new", "goal-title", _empty_goal),
        (f"/goals/{ids['goal']}", "goal-save"),
        ("/learning", "learning-entry", _click("learning-edit")),
        ("/network", "keep-in-touch-item", _click("contact-edit")),
        ("/brief", "brief-item"),
        (f"/brief/{ids['brief']}", "brief-save"),
        (f"/brief/{ids['brief']}?view=sheet", "brief-sheet"),
        ("/employers", "employer-card"),
        ("/mode", "mode-look-back"),
        ("/settings", "settings-export-json"),
        ("/settings", "settings-export-json", _delete_dialog),
    ]


def _audit(page: Page, base: str, path: str, ready: str, then=None) -> list[str]:
    page.goto(f"{base}{path}")
    page.get_by_test_id(ready).first.wait_for()
    expect(page.locator(".loading")).to_have_count(0)
    if then:
        then(page)
        path = f"{path} ({then.__name__.strip('_<>')})"
    # What is folded away is checked too, as she would see it unfolded.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true })")
    page.add_script_tag(path=str(AXE))
    problems = []
    for v in page.evaluate(AUDIT, WCAG):
        problems.append(f"{path}: axe {v['impact']} {v['id']} ({v['help']}): {v['nodes']}")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 390:
        problems.append(f"{path}: the page scrolls sideways ({width}px wide)")
    for small in page.evaluate(SMALL_TARGETS, MIN_TAP):
        problems.append(f"{path}: small tap target {small}")
    return problems


def test_the_tools_pass_axe_fit_the_phone_and_have_thumb_sized_targets(browser, live_server):
    base = live_server.url
    context = browser.new_context(
        locale="ja-JP",
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
        timezone_id="Asia/Tokyo",
        service_workers="allow",
        bypass_csp=True,  # so axe can be injected as a script tag
    )
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        steps.sign_up(page, base, "a11y@example.jp")
        steps.onboard(page, starters=2, mode="defence", purpose="2年間は定時で帰る")
        wait_for_service_worker(page)
        steps.log_efficiency(page, "月次売上レポート", 60, 40, "Power Queryで集計を自動化")
        ids = _fill_the_tools(page, base)

        problems = []
        for screen in _screens(ids):
            problems += _audit(page, base, *screen)
        expect(page.locator("html")).to_have_attribute("lang", "ja")

        page.goto(f"{base}/settings")
        page.get_by_test_id("settings-language").select_option("en")
        page.get_by_test_id("settings-save").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        steps.expect_pending(page, 0)
        for screen in _screens(ids):
            problems += [f"[en] {p}" for p in _audit(page, base, *screen)]

        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_focus_stays_with_her_after_saving_editing_and_deleting(new_context, live_server):
    """When the control she used disappears (an editor closes, a card is deleted), focus lands
    on what she is looking at, not at the top of the page; a screen reader reads on from there."""
    base = live_server.url
    page = new_context().new_page()
    steps.sign_up(page, base, "focus@example.jp")
    steps.onboard(page, starters=1, mode="defence", purpose="2年間は定時で帰る")

    page.goto(f"{base}/employers")
    for name in ("株式会社みらい", "さくら商事"):
        page.get_by_test_id("employer-name").fill(name)
        page.get_by_test_id("employer-add").click()
        expect(page.get_by_test_id("employer-name")).to_be_focused()  # ready for the next
    card = page.get_by_test_id("employer-card").filter(has_text="さくら商事")
    card.get_by_role("button", name=re.compile("編集")).click()
    expect(card.get_by_label(re.compile("会社名"))).to_be_focused()
    page.get_by_test_id("employer-save").click()
    expect(card.get_by_role("button", name=re.compile("編集"))).to_be_focused()
    card.get_by_test_id("employer-delete").click()
    expect(page.locator("#employers-ranking-title")).to_be_focused()
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("employer-card")).to_have_count(2)

    page.goto(f"{base}/mode")
    page.get_by_test_id("mode-edit").first.click()
    page.get_by_test_id("mode-focus").fill("毎日1つ、作業を自動化する")
    page.get_by_test_id("mode-save").click()
    expect(page.locator("#mode-current-title")).to_be_focused()
    expect(page.get_by_test_id("mode-current")).to_contain_text("毎日1つ、作業を自動化する")

    page.goto(f"{base}/brief")
    page.get_by_test_id("brief-new").click()
    page.get_by_test_id("brief-date").fill(_tokyo_today().isoformat())
    page.get_by_test_id("brief-satisfaction").locator("input[value='4']").check()
    page.get_by_test_id("brief-save").click()
    expect(page.get_by_test_id("brief-sheet")).to_be_visible()
    page.goto(f"{base}/brief")
    page.get_by_test_id("brief-delete").click()
    expect(page.get_by_test_id("briefs-empty")).to_be_visible()
    expect(page.locator("#brief-list-title")).to_be_focused()
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("brief-item")).to_have_count(1)
