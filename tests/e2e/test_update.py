"""A new version installs quietly, waits, and takes over when she taps "reload"."""

import re
import shutil

from playwright.sync_api import expect

from tests.e2e import steps
from tests.e2e.conftest import wait_for_service_worker


def test_a_new_version_waits_until_she_asks_for_it(new_context, live_server, settings, tmp_path):
    page = new_context().new_page()
    steps.sign_up(page, live_server.url, "update@example.jp")
    steps.onboard(page, starters=1)
    wait_for_service_worker(page)
    expect(page.get_by_test_id("update-ready")).to_have_count(0)

    # A deploy: the worker script changes (same precache, one byte more is enough).
    new_worker = tmp_path / "sw.js"
    shutil.copy(settings.PWA_SERVICE_WORKER_PATH, new_worker)
    with new_worker.open("a") as f:
        f.write("\n// the next version\n")
    settings.PWA_SERVICE_WORKER_PATH = new_worker

    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    expect(page.get_by_test_id("update-ready")).to_be_visible()
    state = page.evaluate(
        """async () => { const r = await navigator.serviceWorker.getRegistration();
          return { waiting: Boolean(r.waiting), active: Boolean(r.active) }; }"""
    )
    assert state == {"waiting": True, "active": True}  # the old one still serves this page

    page.evaluate("window.__beforeUpdate = true")
    with page.expect_navigation():
        page.get_by_test_id("update-reload").click()
    expect(page).to_have_url(re.compile(r"/today$"))
    assert page.evaluate("window.__beforeUpdate") is None
    after = page.evaluate(
        """async () => { const r = await navigator.serviceWorker.getRegistration();
          const controlled = Boolean(navigator.serviceWorker.controller);
          return { waiting: Boolean(r.waiting), controlled }; }"""
    )
    assert after == {"waiting": False, "controlled": True}
    expect(page.get_by_test_id("update-ready")).to_have_count(0)
    expect(page.get_by_test_id("check-toggle")).to_have_count(1)


def test_the_worker_never_queues_writes_in_background_sync(app_built):
    worker = app_built.read_text()
    assert "workbox-background-sync" not in worker and "BackgroundSync" not in worker
    assert "addEventListener(`sync`" not in worker and "addEventListener('sync'" not in worker
