import pytest

URL = "/api/auth/login"


def test_it_logs_in_with_any_case_of_the_email_and_rotates_the_session(api, owner, password):
    api.send("get", "/api/auth/session")
    before = api.cookies.get("sessionid")
    r = api.send("post", URL, {"email": "Hanako@EXAMPLE.jp", "password": password})
    assert r.status_code == 200
    assert r.json() == {"authenticated": True, "user": r.json()["user"]}
    assert r.json()["user"]["email"] == "hanako@example.jp"
    assert api.cookies["sessionid"].value != (before.value if before else None)
    cookie = api.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 60 * 60 * 24 * 90  # months, for a phone app
    owner.refresh_from_db()
    assert owner.last_login is not None


def test_wrong_password_and_unknown_email_get_the_same_answer(api, owner):
    wrong_password = api.send("post", URL, {"email": owner.email, "password": "nope-nope-1"})
    unknown_email = api.send("post", URL, {"email": "nobody@example.jp", "password": "nope-nope-1"})
    assert wrong_password.status_code == unknown_email.status_code == 400
    assert wrong_password.json() == unknown_email.json()
    assert "non_field_errors" in wrong_password.json()
    assert api.send("get", "/api/auth/session").json()["authenticated"] is False


def test_it_rejects_an_inactive_account_like_a_wrong_password(api, owner, password):
    owner.is_active = False
    owner.save()
    r = api.send("post", URL, {"email": owner.email, "password": password})
    assert r.status_code == 400


def test_it_lists_missing_fields(api, db):
    r = api.send("post", URL, {})
    assert r.status_code == 400
    assert set(r.json()) == {"email", "password"}


@pytest.mark.parametrize("vary", ["ip", "email"], ids=["per_email", "per_ip"])
def test_it_throttles_repeated_attempts_with_a_clear_429(api, owner, password, vary):
    for n in range(10):
        extra = {"REMOTE_ADDR": f"10.0.0.{n}"} if vary == "ip" else {}
        email = owner.email if vary == "ip" else f"guess{n}@example.jp"
        assert (
            api.send("post", URL, {"email": email, "password": "wrong-pass-1"}, **extra).status_code
            == 400
        )
    extra = {"REMOTE_ADDR": "10.0.0.99"} if vary == "ip" else {}
    email = owner.email if vary == "ip" else "guess99@example.jp"
    r = api.send("post", URL, {"email": email, "password": password}, **extra)
    assert r.status_code == 429
    assert "Retry-After" in r.headers
    assert "秒" in r.json()["detail"]


def test_login_needs_a_csrf_token(csrf_api, owner, password):
    r = csrf_api.send("post", URL, {"email": owner.email, "password": password})
    assert r.status_code == 403
    assert csrf_api.send("get", "/api/auth/session").json()["authenticated"] is False
