"""The lock-out: ten wrong passwords for one account within 15 minutes lock it for 30, even
against the right password; its owner hears about it once, by email; a new password or the
end of the period opens it again. The per-IP and per-address throttles still work."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from server.accounts import services, tasks
from server.accounts.models import LoginGuard
from tests.conftest import ApiClient
from tests.helpers import at_once
from tests.smtp import SmtpServer

URL = "/api/auth/login"
START = dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC)  # 14:00 in Tokyo


def wrong(api: ApiClient, email: str, times: int = 1, **extra) -> list[int]:
    """Log in with a wrong password `times` times; the status codes, in order."""
    codes = []
    for _ in range(times):
        r = api.send("post", URL, {"email": email, "password": "tabun-kore-9"}, **extra)
        codes.append(r.status_code)
        # The throttle (cache) is not what this file tests: the lock lives in the database.
        cache.clear()
    return codes


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def locked(api, owner, clock, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert wrong(api, owner.email, times=10) == [400] * 10
    return owner


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(
    api, locked, password, clock
):
    r = api.send("post", URL, {"email": locked.email, "password": password})
    assert r.status_code == 429
    assert r.headers["Retry-After"] == str(30 * 60)
    assert "ロックされています" in r.json()["detail"] and "約30分後" in r.json()["detail"]
    assert api.send("get", "/api/auth/session").json()["authenticated"] is False
    guard = LoginGuard.objects.get(user=locked)
    assert guard.locked_until == START + dt.timedelta(minutes=30)
    assert guard.lockouts == 1

    clock.move_to(START + dt.timedelta(minutes=29, seconds=30), tick=False)
    english = api.send(
        "post",
        URL,
        {"email": locked.email.upper(), "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.status_code == 429
    assert english.json()["detail"] == (
        "This account is locked for now after too many wrong passwords. Try again in about "
        "1 minute, or reset your password to unlock it at once."
    )


def test_nine_wrong_passwords_do_not_lock_and_a_login_forgets_them(api, owner, password, clock):
    assert wrong(api, owner.email, times=9) == [400] * 9
    assert api.send("post", URL, {"email": owner.email, "password": password}).status_code == 200
    api.send("post", "/api/auth/logout")
    assert wrong(api, owner.email, times=9) == [400] * 9
    assert api.send("post", URL, {"email": owner.email, "password": password}).status_code == 200
    assert LoginGuard.objects.get(user=owner).lockouts == 0
    assert mail.outbox == []


def test_wrong_passwords_spread_over_more_than_the_window_do_not_lock(api, owner, password, clock):
    assert wrong(api, owner.email, times=9) == [400] * 9
    clock.move_to(START + dt.timedelta(minutes=16), tick=False)
    assert wrong(api, owner.email, times=9) == [400] * 9
    assert api.send("post", URL, {"email": owner.email, "password": password}).status_code == 200


def test_the_lock_ends_after_its_period(api, locked, password, clock):
    clock.move_to(START + dt.timedelta(minutes=30, seconds=1), tick=False)
    r = api.send("post", URL, {"email": locked.email, "password": password})
    assert r.status_code == 200
    assert r.json()["authenticated"] is True


def test_the_owner_gets_one_email_in_her_language_with_a_reset_link(api, locked, password):
    (message,) = mail.outbox
    assert message.to == [locked.email]
    assert message.subject == "一歩：アカウントを一時的にロックしました"  # noqa: RUF001
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "花子さん" in text
        assert "15分のあいだに10回" in text
        assert "2026年11月24日 14:00（Asia/Tokyo）" in text  # noqa: RUF001 (her clock, not UTC)
        assert "2026年11月24日 14:30 までアカウントをロックしました" in text
        assert "http://testserver/reset/" in text
    assert 'lang="ja"' in html
    assert "Someone" not in message.body  # every sentence translated

    # More tries while locked (right or wrong) and a second run of the task send nothing.
    wrong(api, locked.email, times=3)
    api.send("post", URL, {"email": locked.email, "password": password})
    assert tasks.send_lockout_email(locked.pk, 1) is False
    assert len(mail.outbox) == 1


def test_an_english_speaker_gets_the_email_in_english(
    api, owner, clock, django_capture_on_commit_callbacks
):
    owner.language, owner.time_zone = "en", "America/New_York"
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        wrong(api, owner.email, times=10)
    (message,) = mail.outbox
    assert message.subject == "Ippo: your account is locked for now"
    assert "with a wrong password 10 times within 15 minutes" in message.body
    assert "The last try was at 24 November 2026, 00:00 (America/New_York)" in message.body
    assert "ロック" not in message.body


def test_a_password_reset_from_the_email_ends_the_lock(api, locked, password):
    (message,) = mail.outbox
    uid, token = re.search(r"http://testserver/reset/([^/]+)/([^/]+)/", message.body).groups()
    r = api.send(
        "post",
        "/api/auth/password-reset/confirm",
        {"uid": uid, "token": token, "password": "atarashii-kagi-5"},
    )
    assert r.status_code == 200 and r.json()["authenticated"] is True
    api.send("post", "/api/auth/logout")
    r = api.send("post", URL, {"email": locked.email, "password": "atarashii-kagi-5"})
    assert r.status_code == 200
    assert LoginGuard.objects.get(user=locked).locked_until is None


def test_the_next_lockout_sends_the_next_email(
    api, locked, clock, django_capture_on_commit_callbacks
):
    clock.move_to(START + dt.timedelta(hours=1), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert wrong(api, locked.email, times=10) == [400] * 10
    assert len(mail.outbox) == 2
    assert LoginGuard.objects.get(user=locked).lockouts == 2


def test_unknown_addresses_lock_nothing_and_leak_nothing(api, db):
    assert wrong(api, "nobody@example.jp", times=12) == [400] * 12
    assert not LoginGuard.objects.exists()
    assert mail.outbox == []


def test_the_ip_throttle_still_stops_one_place_guessing_many_addresses(api, owner, password):
    for n in range(10):
        r = api.send("post", URL, {"email": f"guess{n}@example.jp", "password": "tabun-kore-9"})
        assert r.status_code == 400
    r = api.send("post", URL, {"email": owner.email, "password": password})
    assert r.status_code == 429
    assert "秒" in r.json()["detail"]  # the throttle's answer, in seconds: not a lock-out
    assert not LoginGuard.objects.exists()
    other_place = api.send(
        "post", URL, {"email": owner.email, "password": password}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_place.status_code == 200


def test_the_address_throttle_answers_before_the_lock_within_a_minute(api, owner, password):
    for n in range(10):
        r = api.send(
            "post",
            URL,
            {"email": owner.email, "password": "tabun-kore-9"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
        assert r.status_code == 400
    r = api.send("post", URL, {"email": owner.email, "password": password}, REMOTE_ADDR="10.0.0.99")
    assert r.status_code == 429 and "秒" in r.json()["detail"]
    assert LoginGuard.objects.get(user=owner).lockouts == 1  # and the lock is there as well


@pytest.mark.django_db(transaction=True)
def test_the_lockout_email_goes_out_once_through_a_real_smtp_server(settings, owner, password):
    api = ApiClient()
    with SmtpServer() as server:
        server.use(settings)
        assert wrong(api, owner.email, times=10) == [400] * 10
        wrong(api, owner.email, times=5)  # while locked: no more emails
        r = api.send("post", URL, {"email": owner.email, "password": password})
        assert r.status_code == 429
        (message,) = server.wait_for(1, timeout=5)
    assert message["To"] == owner.email
    assert "ロック" in message["Subject"]
    assert message.get_body(("plain",)).get_content().count("http://testserver/reset/") == 1
    assert "http://testserver/reset/" in message.get_body(("html",)).get_content()


@pytest.mark.django_db(transaction=True)
def test_wrong_passwords_arriving_at_once_on_several_workers_lock_once_and_email_once(owner):
    """Twelve wrong passwords at the same moment (as from twelve gunicorn workers)."""
    at_once(lambda: services.login_failure_record(user=owner, now=timezone.now()), threads=12)
    guard = LoginGuard.objects.get(user=owner)
    assert (guard.lockouts, guard.notified, guard.failures) == (1, 1, 2)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "body",
    [
        "[]",
        "null",
        '{"email": ["a"], "password": {}}',
        '{"email": "hanako@example.jp", "password": "' + "x" * 5000 + '"}',
        '{"email": "' + "a" * 300 + '@example.jp", "password": "x"}',
        '{"email": "\\u0000@example.jp", "password": "x"}',
        "{not json",
    ],
)
def test_a_bad_log_in_body_gets_a_400_and_counts_nothing(api, owner, body):
    r = api.post(URL, data=body, content_type="application/json")
    assert r.status_code == 400
    assert not LoginGuard.objects.exists()
