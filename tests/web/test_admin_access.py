"""The admin is for staff only, at the address ADMIN_URL names (always under admin/, which
the app shell and the service worker leave to the server)."""

import importlib

import pytest
from django.test import Client
from django.urls import clear_url_caches

import server.urls
from tests.factories import UserFactory
from tests.helpers import manage
from tests.test_settings import PRODUCTION


@pytest.fixture
def admin_at(settings):
    """Mount the admin at another address for one test."""

    def mount(url: str) -> None:
        settings.ADMIN_URL = url
        importlib.reload(server.urls)
        clear_url_caches()

    yield mount
    settings.ADMIN_URL = "admin/"
    importlib.reload(server.urls)
    clear_url_caches()


def test_a_signed_in_user_who_is_not_staff_is_sent_to_the_admin_log_in(owner):
    browser = Client()
    browser.force_login(owner)
    for path in ("/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{owner.pk}/change/"):
        r = browser.get(path)
        assert r.status_code == 302, path
        assert r["Location"].startswith("/admin/login/?next="), path
    page = browser.get("/admin/login/").content.decode()
    assert f"あなたは {owner.email} として認証されましたが" in page  # "…but not authorised"
    assert 'name="password"' in page


def test_staff_get_in_and_anonymous_visitors_do_not(db):
    assert Client().get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    staff = Client()
    staff.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert staff.get("/admin/").status_code == 200
    assert staff.get("/admin/accounts/user/").status_code == 200


def test_the_admin_can_live_at_another_address_under_admin(admin_at, db):
    admin_at("admin/ops-7f3k/")
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    assert staff.get("/admin/ops-7f3k/").status_code == 200
    assert (
        Client().get("/admin/ops-7f3k/")["Location"]
        == "/admin/ops-7f3k/login/?next=/admin/ops-7f3k/"
    )
    old = Client().get("/admin/")
    assert old.status_code == 404  # not the admin, and not the app shell either
    assert b'id="app"' not in old.content


@pytest.mark.parametrize("url", ["backstage/", "admin", "/admin/", "admin/../x/"])
def test_an_admin_address_outside_admin_is_refused_at_start_up(url):
    result = manage("check", env={**PRODUCTION, "ADMIN_URL": url})
    assert result.returncode != 0
    assert "ADMIN_URL must start with admin/" in result.stderr
