"""Chromium judges the app installable, and the shell opens with no network."""

from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import wait_for_service_worker


def test_chromium_finds_the_app_installable(persistent_context, live_server):
    page = (
        persistent_context.pages[0] if persistent_context.pages else persistent_context.new_page()
    )
    page.goto(f"{live_server.url}/")
    assert wait_for_service_worker(page) == f"{live_server.url}/serviceworker.js"
    cdp = persistent_context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

    app_manifest = cdp.send("Page.getAppManifest")
    assert app_manifest["url"] == f"{live_server.url}/manifest.json"
    assert app_manifest["errors"] == []
    assert cdp.send("Page.getAppId")["appId"] == f"{live_server.url}/?source=pwa"

    manifest = page.request.get(f"{live_server.url}/manifest.json").json()
    assert (manifest["name"], manifest["short_name"]) == ("一歩 (Ippo)", "Ippo")
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/today",
        "/",
        "standalone",
    )
    assert {(i["sizes"], i["purpose"]) for i in manifest["icons"]} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon in manifest["icons"]:
        r = page.request.get(f"{live_server.url}{icon['src']}")
        assert r.ok and r.headers["content-type"] == "image/png"
    assert [s["url"] for s in manifest["shortcuts"]] == ["/today?focus=efficiency", "/today"]


def test_the_shell_opens_offline_and_the_api_is_never_answered_with_html(new_context, live_server):
    context = new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/today")
    wait_for_service_worker(page)

    context.set_offline(True)
    for path in ("/today", "/history", "/settings?tab=1", "/"):
        page.goto(f"{live_server.url}{path}")
        page.locator("#app > *").first.wait_for()
        assert page.locator("#app").inner_text().strip() != ""
        assert not page.locator(".boot").first.is_visible()

    api = page.evaluate(
        """async () => {
          try {
            const r = await fetch('/api/auth/session', { credentials: 'same-origin' });
            return { answered: true, type: r.headers.get('content-type') || '' };
          } catch (e) { return { answered: false, type: '' }; }
        }"""
    )
    assert not api["answered"] or "text/html" not in api["type"]
    # Navigations to the server's own pages are never answered with the shell: offline,
    # they simply fail.
    server_pages = ("/api/auth/session", "/admin/", "/healthz", "/reset/MQ/t/", "/email/x/t/")
    for path in server_pages:
        try:
            page.goto(f"{live_server.url}{path}")
        except PlaywrightError as error:
            assert "ERR_INTERNET_DISCONNECTED" in str(error), path
        else:
            raise AssertionError(f"{path} was answered offline")
