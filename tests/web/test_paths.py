"""One list of the server's own addresses (server/web/paths.py): every Django route is on it
or is a screen the app shell answers, and the PWA's copy is generated from it."""

import re

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from server.web import guide, paths, shell

# The views that answer with the app shell: the catch-all and the guide's pages.
SCREENS = {shell.app_shell, guide.index, guide.chapter}


def _leaves(patterns, prefix=""):
    """(an address the route answers, its view) for every route, includes walked through."""
    for item in patterns:
        route = str(item.pattern)
        if route.startswith("^"):  # a regular expression: its literal start
            route = re.split(r"[\\(\[.*+?$|{]", route[1:], maxsplit=1)[0]
        here = prefix + re.sub(r"<[^>]+>", "x", route)
        if isinstance(item, URLResolver):
            yield from _leaves(item.url_patterns, here)
        else:
            assert isinstance(item, URLPattern)
            yield "/" + here, item.callback


LEAVES = list(_leaves(get_resolver().url_patterns))


def test_every_django_route_is_the_servers_own_or_the_app_shell():
    # An address off the list gets the shell from the service worker, so only a view that
    # answers with the shell may serve it.
    missing = [a for a, view in LEAVES if not paths.is_server_path(a) and view not in SCREENS]
    assert missing == [], "add these to server/web/paths.py"
    assert len(LEAVES) > 20  # the walk went through the includes


def test_the_admin_is_under_a_listed_prefix(settings):
    assert paths.is_server_path("/" + settings.ADMIN_URL)
    assert any(a.startswith("/" + settings.ADMIN_URL) for a, _ in LEAVES)


@pytest.mark.parametrize(
    ("address", "owned"),
    [
        ("/api", True),
        ("/api/sync/push", True),
        ("/apiary", False),
        ("/email/unsubscribe/t/", True),
        ("/healthz", True),
        ("/healthz/more", False),
        ("/manifest.json", True),
        ("/", False),
        ("/today", False),
        ("/guide/what-is-the-mommy-track", False),
    ],
)
def test_django_and_the_browser_pattern_agree(address, owned):
    assert paths.is_server_path(address) is owned
    try:
        shell_answers = resolve(address).func in SCREENS
    except Resolver404:  # the server's own prefix, with nothing at this address
        shell_answers = False
    assert shell_answers is not owned


def test_an_exact_root_entry_would_own_only_the_root(monkeypatch):
    monkeypatch.setattr(paths, "EXACT", (*paths.EXACT, "/"))
    assert paths.is_server_path("/") and not paths.is_server_path("/today")
    assert re.match(paths.shell_route(), "") is None
    assert re.match(paths.shell_route(), "today") is not None
