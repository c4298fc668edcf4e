import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from server.celery import app as celery_app
from tests.factories import PASSWORD, UserFactory

E2E = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(config, items):
    # The browser tests go last: Playwright keeps an event loop in the main thread for the
    # rest of the session, and Django refuses database calls from a thread with one running.
    items.sort(key=lambda item: E2E in Path(item.path).parents)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed manifest is built by collectstatic in production; tests read files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def retrying():
    """Eager tasks retry (at once) as a worker would, instead of raising Retry to the caller
    as CELERY_TASK_EAGER_PROPAGATES makes them."""
    conf = celery_app.conf
    propagates, conf.task_eager_propagates = conf.task_eager_propagates, False
    yield
    conf.task_eager_propagates = propagates


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def owner(db):
    return UserFactory(email="hanako@example.jp", display_name="花子")


@pytest.fixture
def other_user(db):
    return UserFactory(email="other@example.jp")


class ApiClient(Client):
    """A Django test client that speaks JSON and returns the parsed body on `.json()`."""

    def send(self, method: str, url: str, body=None, **extra):
        data = json.dumps(body) if body is not None else None
        return getattr(self, method)(url, data=data, content_type="application/json", **extra)


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


@pytest.fixture
def csrf_api() -> ApiClient:
    """A client that enforces CSRF as a browser would."""
    return ApiClient(enforce_csrf_checks=True)


@pytest.fixture
def owner_api(owner) -> ApiClient:
    client = ApiClient()
    client.force_login(owner)
    return client
