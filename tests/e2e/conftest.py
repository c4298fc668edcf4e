"""End-to-end tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

The live server serves /static/ from the staticfiles finders, so the Vite build in
server/web/static/app/ (made by `make install`) is what the browser gets, as in production.
Without Chromium or a build these tests are skipped, except under CI=true where they fail.
They run once, on SQLite: `make test` leaves them out of the PostgreSQL pass (-m "not e2e").
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
HERE = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "e2e: drives a real browser (skipped in the PostgreSQL pass)"
    )
    # A shared 2-core machine can take seconds to draw a lazily loaded screen: assertions
    # wait up to 15 s (as actions do, see new_context) instead of Playwright's 5 s.
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    # Playwright's sync API keeps an event loop in this thread, so Django would refuse the
    # ORM calls of the tests and of the database fixtures; they run between Playwright calls,
    # never inside that loop. Set for these tests only (setup to teardown), so no child
    # process of another test inherits it.
    if HERE not in Path(item.path).parents:
        return (yield)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _missing() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing (make chromium)"
    if not (Path(settings.PWA_BUILD_DIR) / ".vite" / "manifest.json").is_file():
        return "the PWA is not built (make install)"
    return None


@pytest.fixture(scope="session")
def app_built() -> Path:
    """The built worker's path; skips (fails under CI=true) without Chromium or a build."""
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)
    return Path(settings.PWA_SERVICE_WORKER_PATH)


@pytest.fixture(scope="module")
def playwright_instance(app_built, django_db_setup):
    # Per module, not per session: while Playwright runs, its event loop makes Django refuse
    # ORM calls in this thread, so it must be gone before the rest of the suite runs (and
    # before the test database is dropped).
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser) -> Iterator[Callable]:
    """Open a fresh browser profile (a phone, in Japanese unless told); closed after the test."""
    opened = []

    def open_context(locale: str = "ja-JP", **options):
        options = {
            "viewport": PHONE,
            "device_scale_factor": 2,
            "is_mobile": True,
            "has_touch": True,
            "timezone_id": "Asia/Tokyo",
            "service_workers": "allow",
            **options,
        }
        context = browser.new_context(locale=locale, **options)
        context.set_default_timeout(15_000)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def persistent_context(playwright_instance, tmp_path):
    """A Chromium profile on disk, as installability checks want a non-incognito profile."""
    context = playwright_instance.chromium.launch_persistent_context(
        user_data_dir=str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        viewport=PHONE,
        locale="ja-JP",
        service_workers="allow",
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


def wait_for_service_worker(page, timeout: float = 30_000) -> str:
    """Wait until the worker controls the page (so everything is precached); its script URL.
    Bounded, so that a worker that never installs fails the test instead of hanging it."""
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=timeout)
    return page.evaluate("() => navigator.serviceWorker.controller.scriptURL")
