"""Helpers the tests share: Ippo's commands in a child process, as an operator runs them;
the same call from several threads at once, as from several workers."""

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, env: dict[str, str] | None = None, timeout: int = 120):
    """Run `python manage.py ARGS` with the test environment plus `env`; returns the result."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def database_url() -> str:
    """The test database as a DATABASE_URL, for a child process to share it."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def celery_worker(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen]:
    """A real `celery worker` process (solo pool) with `env`; its log is printed at the end,
    which pytest shows when the test fails."""
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "server",
                "worker",
                "--pool=solo",
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(log_path.read_text())


def at_once(call: Callable[[], object], threads: int, timeout: float = 60) -> list:
    """Run `call` in `threads` threads released together (each with its own database
    connection, as gunicorn workers have); their results, after every thread is done.
    An exception in any thread fails the test here rather than vanishing with its thread."""
    barrier = threading.Barrier(threads)
    results, errors = [], []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    running = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout)
    assert not errors, errors
    return results
