import secrets

from tests.helpers import manage

PRODUCTION = {
    "DEBUG": "False",
    "HTTPS": "True",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "ippo.example.jp",
    "CSRF_TRUSTED_ORIGINS": "https://ippo.example.jp",
}


def test_a_production_like_environment_passes_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_https_check_deploy_complains():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "HTTPS": "False"}
    )
    assert result.returncode != 0
    assert "SESSION_COOKIE_SECURE" in result.stderr + result.stdout


def test_it_refuses_to_start_without_a_secret_key_outside_debug():
    result = manage("check", env={**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_boolean_setting_that_is_not_true_or_false_is_an_error():
    result = manage("check", env={**PRODUCTION, "DEBUG": "yes"})
    assert result.returncode != 0
    assert "DEBUG must be True or False" in result.stderr


def test_every_model_change_has_its_migration():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
