"""The embedded default is real: a Celery worker process runs tasks from the broker.

On the default run the broker is the kombu filesystem transport under var/test/ and the
database is SQLite; on the distributed run (make test) it is Redis and PostgreSQL.
"""

import os
import re

import pytest
from django.conf import settings

from server.celery import app as celery_app
from tests.helpers import celery_worker, database_url
from tests.smtp import SmtpServer


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def worker(transactional_db, smtp, tmp_path):
    """A real `celery worker` process on the configured broker, sending through `smtp`."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "CELERY_TASK_ALWAYS_EAGER": "False",
    }
    try:
        with celery_worker(env, tmp_path / "worker.log") as process:
            yield process
    finally:
        celery_app.conf.task_always_eager = eager


@pytest.mark.worker
def test_a_real_worker_mails_the_reset_link_over_smtp_and_the_link_works(api, owner, worker, smtp):
    r = api.send("post", "/api/auth/password-reset", {"email": owner.email})
    assert r.status_code == 202

    messages = smtp.wait_for(1)
    assert len(messages) == 1, f"no email arrived via {settings.CELERY_BROKER_URL}"
    message = messages[0]
    assert message["To"] == owner.email
    assert "パスワード" in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    uid, token = re.search(r"/reset/([^/]+)/([^/]+)/", text).groups()
    assert f"/reset/{uid}/{token}/" in html

    r = api.send(
        "post",
        "/api/auth/password-reset/confirm",
        {"uid": uid, "token": token, "password": "shinkansen-no-yoru-3"},
    )
    assert r.status_code == 200
    api.send("post", "/api/auth/logout")
    r = api.send(
        "post", "/api/auth/login", {"email": owner.email, "password": "shinkansen-no-yoru-3"}
    )
    assert r.status_code == 200
    assert worker.poll() is None  # the worker is still up after doing its job
