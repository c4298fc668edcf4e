import datetime as dt
import re

from django.core import mail
from django.utils import timezone

from server.accounts.models import LoginGuard, User
from tests.conftest import ApiClient

HOUR = dt.timedelta(hours=1)


def test_password_change_needs_the_current_one(owner_api, owner, password):
    r = owner_api.send(
        "post",
        "/api/auth/password",
        {"current_password": "not-it-at-all", "new_password": "yoru-no-benkyo-9"},
    )
    assert r.status_code == 400
    assert list(r.json()) == ["current_password"]

    r = owner_api.send(
        "post", "/api/auth/password", {"current_password": password, "new_password": "123"}
    )
    assert r.status_code == 400
    assert list(r.json()) == ["new_password"]
    owner.refresh_from_db()
    assert owner.check_password(password)


def test_password_change_keeps_this_device_in_and_signs_others_out(owner, password):
    phone, tablet = ApiClient(), ApiClient()
    for device in (phone, tablet):
        device.send("post", "/api/auth/login", {"email": owner.email, "password": password})
    r = phone.send(
        "post",
        "/api/auth/password",
        {"current_password": password, "new_password": "yoru-no-benkyo-9"},
    )
    assert r.status_code == 204
    owner.refresh_from_db()
    assert owner.check_password("yoru-no-benkyo-9")
    assert phone.send("get", "/api/auth/session").json()["authenticated"] is True
    assert tablet.send("get", "/api/auth/session").json()["authenticated"] is False


def test_password_change_needs_a_login(api, db):
    r = api.send("post", "/api/auth/password", {"current_password": "a", "new_password": "b"})
    assert r.status_code == 401


def _reset_link(message) -> tuple[str, str, str]:
    match = re.search(r"http://testserver(/reset/([^/]+)/([^/]+)/)", message.body)
    assert match, message.body
    return match.group(1), match.group(2), match.group(3)


def test_password_reset_mails_a_link_in_her_language_after_commit(
    api, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        r = api.send("post", "/api/auth/password-reset", {"email": "HANAKO@example.jp"})
    assert r.status_code == 202
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hanako@example.jp"]
    assert "パスワード" in message.subject
    assert "花子" in message.body
    html = message.alternatives[0][0]
    path, _, _ = _reset_link(message)
    assert path in html and 'lang="ja"' in html


def test_password_reset_answers_the_same_for_an_unknown_address(
    api, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        r = api.send("post", "/api/auth/password-reset", {"email": "nobody@example.jp"})
    assert r.status_code == 202
    assert callbacks == [] and mail.outbox == []
    assert api.send("post", "/api/auth/password-reset", {"email": "bad"}).status_code == 400


def test_password_reset_confirm_sets_the_password_once(
    api, owner, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=owner.pk).update(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        api.send("post", "/api/auth/password-reset", {"email": owner.email})
    assert "reset your password" in mail.outbox[0].subject
    _, uid, token = _reset_link(mail.outbox[0])

    weak = api.send(
        "post", "/api/auth/password-reset/confirm", {"uid": uid, "token": token, "password": "1234"}
    )
    assert weak.status_code == 400 and "password" in weak.json()

    r = api.send(
        "post",
        "/api/auth/password-reset/confirm",
        {"uid": uid, "token": token, "password": "atarashii-kagi-5"},
    )
    assert r.status_code == 200
    assert r.json()["authenticated"] is True
    owner.refresh_from_db()
    assert owner.check_password("atarashii-kagi-5")

    again = api.send(
        "post",
        "/api/auth/password-reset/confirm",
        {"uid": uid, "token": token, "password": "mou-ichido-6"},
    )
    assert again.status_code == 400 and "token" in again.json()
    owner.refresh_from_db()
    assert owner.check_password("atarashii-kagi-5")


def test_password_reset_confirm_rejects_a_forged_link(api, owner):
    for uid, token in (("MQ", "forged-token"), ("!!!", "x"), ("OTk5OTk", "x")):
        r = api.send(
            "post",
            "/api/auth/password-reset/confirm",
            {"uid": uid, "token": token, "password": "atarashii-kagi-5"},
        )
        assert r.status_code == 400
        assert list(r.json()) == ["token"]


def test_the_reset_page_works_without_javascript(owner, django_capture_on_commit_callbacks):
    api = ApiClient()
    with django_capture_on_commit_callbacks(execute=True):
        api.send("post", "/api/auth/password-reset", {"email": owner.email})
    path, uid, token = _reset_link(mail.outbox[0])
    page = api.get(path, follow=True)
    assert page.status_code == 200
    # The token moves into her session: the address she sees, keeps or shares has none.
    form = f"/reset/{uid}/set-password/"
    assert page.redirect_chain == [(form, 302)]
    assert token not in page.content.decode()
    assert "新しいパスワード" in page.content.decode()
    mismatch = api.post(form, {"password": "atarashii-kagi-5", "password2": "other-kagi-5"})
    assert mismatch.status_code == 400
    assert "一致しません" in mismatch.content.decode()
    weak = api.post(form, {"password": "1234", "password2": "1234"})
    assert weak.status_code == 400
    assert "このパスワードは短すぎます" in weak.content.decode()
    owner.refresh_from_db()
    assert not owner.check_password("1234")
    done = api.post(
        form, {"password": "atarashii-kagi-5", "password2": "atarashii-kagi-5"}, follow=True
    )
    assert done.redirect_chain == [("/reset/done/", 302)]
    assert done.status_code == 200
    assert "新しいパスワードを保存しました" in done.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("atarashii-kagi-5")
    # The link works once: the page and the form behind it refuse it now.
    again = api.get(path, follow=True)
    assert again.redirect_chain == []
    resent = api.post(path, {"password": "mou-ichido-6", "password2": "mou-ichido-6"})
    assert resent.status_code == 400
    assert "この再設定リンクは無効か、有効期限が切れています" in resent.content.decode()
    owner.refresh_from_db()
    assert owner.check_password("atarashii-kagi-5")


def test_the_reset_page_signs_every_device_out_and_ends_a_lock_out(
    owner, password, django_capture_on_commit_callbacks
):
    phone = ApiClient()
    phone.send("post", "/api/auth/login", {"email": owner.email, "password": password})
    LoginGuard.objects.create(user=owner, failures=3, locked_until=timezone.now() + HOUR)
    browser = ApiClient()
    with django_capture_on_commit_callbacks(execute=True):
        browser.send("post", "/api/auth/password-reset", {"email": owner.email})
    path, uid, _ = _reset_link(mail.outbox[0])
    browser.get(path)
    new = {"password": "atarashii-kagi-5", "password2": "atarashii-kagi-5"}
    assert browser.post(f"/reset/{uid}/set-password/", new).status_code == 302
    assert phone.send("get", "/api/auth/session").json()["authenticated"] is False
    guard = LoginGuard.objects.get(user=owner)
    assert (guard.locked_until, guard.failures) == (None, 0)
    r = browser.send("post", "/api/auth/login", {"email": owner.email, "password": new["password"]})
    assert r.status_code == 200


def test_password_reset_is_throttled(api, db):
    codes = [
        api.send("post", "/api/auth/password-reset", {"email": f"x{n}@example.jp"}).status_code
        for n in range(6)
    ]
    assert codes == [202] * 5 + [429]
