"""Session keys change whenever who-she-is changes: a session id planted or seen before a
log-in or a password change opens nothing afterwards, and a new password signs out every
other device."""

import re

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail

from tests.conftest import ApiClient

LOGIN = "/api/auth/login"
NEW_PASSWORD = "yoru-no-benkyo-9"


def planted_session(client: ApiClient) -> str:
    """A session an attacker made and slipped into her browser (session fixation)."""
    store = SessionStore()
    store["planted"] = True
    store.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    return store.session_key


def test_logging_in_replaces_a_planted_session_key(owner, password):
    phone = ApiClient()
    planted = planted_session(phone)
    r = phone.send("post", LOGIN, {"email": owner.email, "password": password})
    assert r.status_code == 200
    key = phone.cookies[settings.SESSION_COOKIE_NAME].value
    assert key != planted
    assert not SessionStore().exists(planted)

    attacker = ApiClient()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert attacker.send("get", "/api/auth/session").json()["authenticated"] is False
    assert phone.send("get", "/api/auth/session").json()["authenticated"] is True


def test_a_password_change_gives_this_device_a_new_key_and_ends_every_other_session(
    owner, password
):
    phone, tablet, work_pc = ApiClient(), ApiClient(), ApiClient()
    for device in (phone, tablet, work_pc):
        assert (
            device.send("post", LOGIN, {"email": owner.email, "password": password}).status_code
            == 200
        )
    before = phone.cookies[settings.SESSION_COOKIE_NAME].value

    r = phone.send(
        "post", "/api/auth/password", {"current_password": password, "new_password": NEW_PASSWORD}
    )
    assert r.status_code == 204
    after = phone.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not SessionStore().exists(before)
    assert phone.send("get", "/api/auth/session").json()["authenticated"] is True

    for device in (tablet, work_pc):
        assert device.send("get", "/api/auth/session").json()["authenticated"] is False
        assert device.send("get", "/api/sync/pull?cursor=0").status_code in (401, 403)
    stolen = ApiClient()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = before
    assert stolen.send("get", "/api/auth/session").json()["authenticated"] is False


def test_a_password_reset_signs_out_every_device(
    owner, password, django_capture_on_commit_callbacks
):
    tablet = ApiClient()
    assert (
        tablet.send("post", LOGIN, {"email": owner.email, "password": password}).status_code == 200
    )
    phone = ApiClient()
    with django_capture_on_commit_callbacks(execute=True):
        phone.send("post", "/api/auth/password-reset", {"email": owner.email})
    uid, token = re.search(r"/reset/([^/]+)/([^/]+)/", mail.outbox[0].body).groups()
    r = phone.send(
        "post",
        "/api/auth/password-reset/confirm",
        {"uid": uid, "token": token, "password": NEW_PASSWORD},
    )
    assert r.status_code == 200
    assert phone.send("get", "/api/auth/session").json()["authenticated"] is True
    assert tablet.send("get", "/api/auth/session").json()["authenticated"] is False


def test_logging_out_deletes_the_session_on_the_server(owner, password):
    phone = ApiClient()
    phone.send("post", LOGIN, {"email": owner.email, "password": password})
    key = phone.cookies[settings.SESSION_COOKIE_NAME].value
    assert phone.send("post", "/api/auth/logout").status_code == 204
    assert not SessionStore().exists(key)
