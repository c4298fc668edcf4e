from server.accounts.models import User

URL = "/api/auth/signup"


def test_it_creates_an_account_and_logs_her_in(api, db):
    r = api.send(
        "post",
        URL,
        {
            "email": "Yui@Example.JP",
            "password": "asa-no-densha-7",
            "display_name": "ゆい",
            "language": "en",
            "time_zone": "Europe/London",
        },
    )
    assert r.status_code == 201
    body = r.json()
    assert body["authenticated"] is True
    assert body["user"]["email"] == "yui@example.jp"
    assert body["user"]["language"] == "en"
    user = User.objects.get()
    assert (user.email, user.display_name, user.time_zone) == (
        "yui@example.jp",
        "ゆい",
        "Europe/London",
    )
    assert user.monthly_email is True
    assert user.check_password("asa-no-densha-7")
    assert api.send("get", "/api/auth/session").json()["user"]["email"] == "yui@example.jp"


def test_it_defaults_to_japanese_and_tokyo(api, db):
    r = api.send("post", URL, {"email": "a@example.jp", "password": "asa-no-densha-7"})
    assert r.status_code == 201
    assert r.json()["user"]["language"] == "ja"
    assert r.json()["user"]["time_zone"] == "Asia/Tokyo"


def test_it_refuses_a_taken_email_in_any_case_without_naming_the_owner(api, owner):
    r = api.send("post", URL, {"email": "HANAKO@example.jp", "password": "asa-no-densha-7"})
    assert r.status_code == 400
    assert list(r.json()) == ["email"]
    assert "hanako" not in r.content.decode().lower()
    assert User.objects.count() == 1


def test_it_rejects_a_bad_email_a_weak_password_and_an_unknown_zone(api, db):
    r = api.send("post", URL, {"email": "not-an-email", "password": "x"})
    assert r.status_code == 400
    assert set(r.json()) == {"email"}

    r = api.send("post", URL, {"email": "a@example.jp", "password": "12345678"})
    assert r.status_code == 400
    assert "password" in r.json()

    r = api.send(
        "post",
        URL,
        {
            "email": "a@example.jp",
            "password": "asa-no-densha-7",
            "time_zone": "Mars/Olympus",
            "language": "fr",
        },
    )
    assert r.status_code == 400
    assert set(r.json()) == {"time_zone", "language"}
    assert not User.objects.exists()


def test_its_errors_follow_the_browser_language_japanese_first(api, db):
    r = api.send("post", URL, {"email": "a@example.jp", "password": "short"})
    assert "パスワード" in " ".join(r.json()["password"])
    r = api.send(
        "post", URL, {"email": "a@example.jp", "password": "short"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "password" in " ".join(r.json()["password"]).lower()


def test_it_needs_a_csrf_token(csrf_api, db):
    r = csrf_api.send("post", URL, {"email": "a@example.jp", "password": "asa-no-densha-7"})
    assert r.status_code == 403
    assert "CSRF" in r.json()["detail"]
    assert not User.objects.exists()

    csrf_api.send("get", "/api/auth/session")
    token = csrf_api.cookies["csrftoken"].value
    r = csrf_api.send(
        "post",
        URL,
        {"email": "a@example.jp", "password": "asa-no-densha-7"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert r.status_code == 201


def test_it_refuses_a_body_that_is_not_json(api, db):
    r = api.post(URL, data="email=a@example.jp", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415
    r = api.post(URL, data="{not json", content_type="application/json")
    assert r.status_code == 400
