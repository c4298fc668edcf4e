from tests.helpers import manage


def test_healthz_is_ok_when_database_and_broker_answer(api, db):
    r = api.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}
    assert "no-cache" in r.headers["Cache-Control"]


def test_healthz_names_the_broker_when_it_does_not_answer(api, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # discard port: nothing listens
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    r = api.get("/healthz")
    assert r.status_code == 503
    assert r.json()["checks"] == {"database": "ok", "broker": "unreachable"}


def test_healthz_names_the_database_when_it_does_not_answer():
    script = (
        "from django.test import Client; r = Client().get('/healthz'); "
        "print(r.status_code, r.json()['checks']['database'])"
    )
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        script,
        env={"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none", "ALLOWED_HOSTS": "testserver"},
    )
    assert result.stdout.split() == ["503", "unreachable"], result.stderr


def test_the_openapi_schema_describes_the_auth_api(api, db):
    r = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for path in (
        "/api/auth/session",
        "/api/auth/signup",
        "/api/auth/login",
        "/api/auth/password-reset/confirm",
    ):
        assert path in paths
    docs = api.get("/api/docs/")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.content.decode()
    assert "cdn.jsdelivr" not in docs.content.decode()  # served from our own static files


def test_the_admin_is_for_staff_only(api, owner):
    api.force_login(owner)
    assert api.get("/admin/accounts/user/").status_code == 302
    owner.is_staff = owner.is_superuser = True
    owner.save()
    page = api.get("/admin/accounts/user/")
    assert page.status_code == 200
    assert "hanako@example.jp" in page.content.decode()
