"""One-click unsubscribe: a signed link, a confirm page, and RFC 8058's POST from mail clients."""

import pytest
from django.core import signing
from django.test import Client

from server.summaries import emails, tokens


@pytest.fixture
def link(tokyo) -> str:
    return emails.unsubscribe_url(tokyo.pk).removeprefix("http://testserver")


def test_the_link_shows_a_confirm_page_in_her_language_and_changes_nothing(tokyo, link):
    r = Client().get(link, HTTP_ACCEPT_LANGUAGE="en")
    assert r.status_code == 200
    page = r.content.decode()
    assert "月次まとめメールの配信を停止しますか" in page
    assert "hanako@example.jp" in page
    assert '<form method="post">' in page
    assert r.headers["Content-Language"] == "ja"
    tokyo.refresh_from_db()
    assert tokyo.monthly_email is True


def test_the_confirm_button_turns_the_email_off_without_a_session_or_csrf_token(tokyo, link):
    browser = Client(enforce_csrf_checks=True)
    r = browser.post(link)
    assert r.status_code == 200
    assert "月次まとめメールを停止しました" in r.content.decode()
    tokyo.refresh_from_db()
    assert tokyo.monthly_email is False
    assert browser.post(link).status_code == 200  # a second click is fine


def test_a_mail_clients_one_click_post_turns_the_email_off(los_angeles):
    link = emails.unsubscribe_url(los_angeles.pk).removeprefix("http://testserver")
    r = Client(enforce_csrf_checks=True).post(
        link,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert r.status_code == 200
    assert "The monthly email is off" in r.content.decode()
    los_angeles.refresh_from_db()
    assert los_angeles.monthly_email is False


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps(1, salt="another.purpose"),  # signed by us, for something else
        signing.dumps("1", salt=tokens.SALT),
    ],
)
def test_a_link_we_did_not_sign_is_refused(tokyo, token):
    for method in ("get", "post"):
        r = getattr(Client(), method)(f"/email/unsubscribe/{token}/")
        assert r.status_code == 400
        assert "このリンクは使えません" in r.content.decode()
    tokyo.refresh_from_db()
    assert tokyo.monthly_email is True


def test_a_link_of_a_deleted_account_is_not_found(tokyo, link):
    tokyo.delete()
    assert Client().get(link).status_code == 404
    assert Client().post(link).status_code == 404


def test_only_get_and_post_are_answered(link):
    assert Client().put(link).status_code == 405
