from server.accounts.models import User


def test_session_answers_logged_out_and_sets_the_csrf_cookie(api, db):
    r = api.send("get", "/api/auth/session")
    assert r.status_code == 200
    assert r.json() == {"authenticated": False, "user": None}
    assert api.cookies["csrftoken"].value


def test_session_describes_the_logged_in_user(owner_api, owner):
    r = owner_api.send("get", "/api/auth/session")
    assert r.json()["authenticated"] is True
    assert r.json()["user"] == {
        "id": owner.id,
        "email": "hanako@example.jp",
        "display_name": "花子",
        "time_zone": "Asia/Tokyo",
        "language": "ja",
        "monthly_email": True,
        "created_at": r.json()["user"]["created_at"],
    }


def test_logout_ends_the_session(owner_api):
    r = owner_api.send("post", "/api/auth/logout")
    assert r.status_code == 204
    assert owner_api.send("get", "/api/auth/session").json()["authenticated"] is False
    assert owner_api.send("patch", "/api/auth/profile", {"display_name": "x"}).status_code == 401


def test_logout_when_logged_out_is_401_and_with_no_csrf_403(api, csrf_api, owner):
    assert api.send("post", "/api/auth/logout").status_code == 401
    csrf_api.force_login(owner)
    r = csrf_api.send("post", "/api/auth/logout")
    assert r.status_code == 403
    assert csrf_api.send("get", "/api/auth/session").json()["authenticated"] is True


def test_profile_changes_only_the_fields_sent(owner_api, owner):
    r = owner_api.send(
        "patch", "/api/auth/profile", {"language": "en", "time_zone": "America/New_York"}
    )
    assert r.status_code == 200
    assert r.json()["language"] == "en"
    owner.refresh_from_db()
    assert (owner.language, owner.time_zone, owner.display_name, owner.monthly_email) == (
        "en",
        "America/New_York",
        "花子",
        True,
    )

    r = owner_api.send("patch", "/api/auth/profile", {"monthly_email": False})
    owner.refresh_from_db()
    assert owner.monthly_email is False and owner.language == "en"


def test_profile_rejects_bad_values_and_keeps_the_old_ones(owner_api, owner):
    r = owner_api.send(
        "patch",
        "/api/auth/profile",
        {"time_zone": "Tokyo", "language": "de", "display_name": "x" * 81},
    )
    assert r.status_code == 400
    assert set(r.json()) == {"time_zone", "language", "display_name"}
    assert owner_api.send("patch", "/api/auth/profile", {}).status_code == 400
    owner.refresh_from_db()
    assert (owner.time_zone, owner.language, owner.display_name) == ("Asia/Tokyo", "ja", "花子")


def test_the_users_language_wins_over_the_browsers(owner_api, owner):
    r = owner_api.send(
        "patch", "/api/auth/profile", {"time_zone": "Nowhere/Land"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "タイムゾーン" in r.json()["time_zone"][0] or "Nowhere/Land" in r.json()["time_zone"][0]
    assert r.headers["Content-Language"] == "ja"
    User.objects.filter(pk=owner.pk).update(language="en")
    r = owner_api.send("patch", "/api/auth/profile", {"time_zone": "Nowhere/Land"})
    assert r.headers["Content-Language"] == "en"
    assert "is not a known time zone" in r.json()["time_zone"][0]


def test_profile_needs_a_login(api, db):
    assert api.send("patch", "/api/auth/profile", {"language": "en"}).status_code == 401
