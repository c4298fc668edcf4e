import uuid

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import models
from django.db.models.signals import pre_delete

from server.accounts.models import User
from server.summaries.models import MonthlySummary
from server.sync.registry import all_types
from tests.conftest import ApiClient
from tests.factories import PASSWORD, UserFactory
from tests.journal.exchange import seed
from tests.smtp import SmtpServer


def login(email: str) -> ApiClient:
    client = ApiClient()
    r = client.send("post", "/api/auth/login", {"email": email, "password": PASSWORD})
    assert r.status_code == 200
    return client


def delete(client, password=PASSWORD, **extra):
    body = {} if password is None else {"password": password}
    return client.send("delete", "/api/auth/account", body, **extra)


def user_links() -> list[tuple[type[models.Model], str]]:
    """Every (model, field) in the project that points at a user."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model is User
    ]


def rows_of(user_id: int) -> dict[str, int]:
    return {
        f"{model._meta.label}.{name}": model.objects.filter(**{f"{name}_id": user_id}).count()
        for model, name in user_links()
    }


def session_users() -> list[str]:
    return [str(s.get_decoded().get("_auth_user_id")) for s in Session.objects.all()]


def every_value() -> str:
    """Every stored value of every table, as text, to search for what would name her."""
    chunks = []
    for model in apps.get_models():
        columns = [f.attname for f in model._meta.concrete_fields]
        for row in model.objects.values_list(*columns):
            chunks.append(" ".join(str(v) for v in row))
    return "\n".join(chunks)


@pytest.fixture
def hanako(db):
    return seed("hanako@example.jp")


def test_deleting_the_account_leaves_no_row_of_hers_in_any_table(
    hanako, django_capture_on_commit_callbacks
):
    keiko = seed("keiko@example.jp")
    staff = UserFactory(email="staff@ippo.localhost", is_staff=True)
    for user in (hanako, keiko):  # staff once changed both accounts in the admin
        LogEntry.objects.log_actions(staff.pk, [user], CHANGE, change_message="language")
    phone, tablet, hers_expired = login(hanako.email), login(hanako.email), login(hanako.email)
    Session.objects.filter(session_key=hers_expired.cookies["sessionid"].value).update(
        expire_date="2020-01-01T00:00Z"
    )
    keiko_phone = login(keiko.email)
    record_ids = [
        str(pk)
        for rt in all_types()
        for pk in rt.model.objects.filter(user=hanako).values_list("pk", flat=True)
    ]
    before, keiko_before = rows_of(hanako.pk), rows_of(keiko.pk)
    # Her data is in every table that can hold it (so the checks below mean something).
    linked = {k for k, n in before.items() if n}
    assert {f"journal.{rt.model.__name__}.user" for rt in all_types()} <= linked
    assert {"sync.Device.user", "sync.OpLog.user", "sync.SyncCounter.user"} <= linked
    assert "summaries.MonthlySummary.user" in linked
    assert session_users().count(str(hanako.pk)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        r = delete(phone)

    assert r.status_code == 204
    assert not User.objects.filter(email="hanako@example.jp").exists()
    assert set(rows_of(hanako.pk).values()) == {0}
    assert str(hanako.pk) not in session_users()
    text = every_value()
    assert "hanako@example.jp" not in text
    assert not [i for i in record_ids if i in text or uuid.UUID(i).hex in text]
    # Keiko keeps everything, and her session.
    assert rows_of(keiko.pk) == keiko_before
    assert LogEntry.objects.filter(object_id=str(keiko.pk)).count() == 1
    assert keiko_phone.send("get", "/api/auth/session").json()["authenticated"] is True
    # Every device of hers is signed out.
    for client in (phone, tablet):
        assert client.send("get", "/api/auth/session").json()["authenticated"] is False
        assert client.get("/api/export").status_code == 401
    # And she is told, in Japanese.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hanako@example.jp"]
    assert "アカウントを削除しました" in message.subject
    assert "さくらさん" in message.body and "hanako@example.jp" in message.body
    html = message.alternatives[0][0]
    assert 'lang="ja"' in html and "元に戻すことはできず" in html


def test_a_wrong_or_missing_password_deletes_nothing(hanako, django_capture_on_commit_callbacks):
    client = login(hanako.email)
    before = rows_of(hanako.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        wrong = delete(client, "not-my-password")
        missing = delete(client, None)
        empty = delete(client, "")
    assert wrong.status_code == 400
    assert wrong.json() == {"password": ["パスワードが正しくありません。"]}
    assert missing.status_code == 400 and list(missing.json()) == ["password"]
    assert empty.status_code == 400 and list(empty.json()) == ["password"]
    assert rows_of(hanako.pk) == before
    assert client.send("get", "/api/auth/session").json()["authenticated"] is True
    assert callbacks == [] and mail.outbox == []


def test_deleting_needs_a_login_and_the_csrf_token(hanako):
    assert delete(ApiClient()).status_code == 401
    browser = ApiClient(enforce_csrf_checks=True)
    browser.force_login(hanako)
    assert delete(browser).status_code == 403
    assert User.objects.filter(pk=hanako.pk).exists()
    browser.get("/api/auth/session")  # sets the csrftoken cookie, as the PWA does first
    token = browser.cookies["csrftoken"].value
    assert delete(browser, HTTP_X_CSRFTOKEN=token).status_code == 204
    assert not User.objects.filter(pk=hanako.pk).exists()


def test_the_goodbye_email_reaches_a_real_smtp_server_in_english(
    db, settings, django_capture_on_commit_callbacks
):
    emily = UserFactory(email="emily@example.com", display_name="Emily", language="en")
    client = ApiClient()
    client.force_login(emily)
    with SmtpServer() as server:
        server.use(settings)
        with django_capture_on_commit_callbacks(execute=True):
            assert delete(client).status_code == 204
        (message,) = server.wait_for(1, timeout=10)
    assert message["To"] == "emily@example.com"
    assert message["Subject"] == "Ippo: your account has been deleted"
    text = message.get_body(("plain",)).get_content()
    assert "Hello Emily," in text and "cannot be undone" in text
    assert "emily@example.com" in message.get_body(("html",)).get_content()


def test_after_deleting_she_can_sign_up_again_with_the_same_address(hanako):
    client = login(hanako.email)
    assert delete(client).status_code == 204
    r = ApiClient().send(
        "post", "/api/auth/signup", {"email": "hanako@example.jp", "password": "atarashii-kagi-5"}
    )
    assert r.status_code == 201
    assert rows_of(User.objects.get(email="hanako@example.jp").pk) == dict.fromkeys(rows_of(0), 0)


def test_a_failure_half_way_through_deletes_nothing_at_all(
    hanako, django_capture_on_commit_callbacks
):
    staff = UserFactory(email="staff@ippo.localhost", is_staff=True)
    LogEntry.objects.log_actions(staff.pk, [hanako], CHANGE, change_message="language")
    client, tablet = login(hanako.email), login(hanako.email)
    before, sessions_before = rows_of(hanako.pk), session_users()

    def refuse(sender, **kwargs):
        raise RuntimeError("the database gave up half way")

    # Her sessions and the admin's history go first; the cascade fails after them.
    pre_delete.connect(refuse, sender=MonthlySummary)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with pytest.raises(RuntimeError):
                delete(client)
    finally:
        pre_delete.disconnect(refuse, sender=MonthlySummary)

    assert User.objects.filter(pk=hanako.pk).exists()
    assert rows_of(hanako.pk) == before
    assert session_users() == sessions_before
    assert LogEntry.objects.filter(object_id=str(hanako.pk)).count() == 1
    assert tablet.send("get", "/api/auth/session").json()["authenticated"] is True
    assert callbacks == [] and mail.outbox == []
