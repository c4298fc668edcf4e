"""Many devices syncing at once through gunicorn on PostgreSQL, on loopback only.

It creates a fresh database (ippo_load), starts gunicorn (server.wsgi) on a free port of
127.0.0.1, and runs 100 simulated devices (by default 50 users with two devices each, so two
devices of one user contend for the same version counter) as threads speaking plain HTTP with
http.client. Each device logs in as the PWA does (GET /api/auth/session for the CSRF cookie,
POST /api/auth/login), then for --duration seconds loops: push a batch of 1-10 new
efficiency_log ops with its own op_seq, sometimes resend its previous batch (which must come
back `duplicate`), then pull from its cursor until has_more is false.

It prints latency percentiles and request counts, the errors (which must be 0), and then checks
PostgreSQL against what the devices sent: no op lost, none applied twice, every device's
last_op_seq where it should be, and every device has pulled every record of its user.
gunicorn is stopped at the end, also on error or Ctrl-C. The exit code is 1 when a check
fails (these are correctness checks, not speed targets, so `--smoke` keeps them: 6 devices,
2 workers and 3 seconds, for `make test`). Run from the repository root:

    .venv/bin/python bench/load.py --duration 60
    .venv/bin/python bench/load.py --smoke
"""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

from pg import database_url, pg_admin  # bench/pg.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PASSWORD = "load-test-password-not-secret"  # noqa: S105 (a throwaway database)
PULL_LIMIT = 500


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--devices-per-user", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean pause in seconds between a device's loops"
    )
    parser.add_argument("--duplicate-rate", type=float, default=0.2)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/ippo")
    parser.add_argument("--pg-db", default="ippo_load", help="created and dropped by the run")
    parser.add_argument("--keep-db", action="store_true", help="leave ippo_load for a look")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--smoke", action="store_true", help="3 users x 2 devices, 2 workers, 3 s: does it run?"
    )
    args = parser.parse_args()
    if args.smoke:
        args.duration, args.users, args.devices_per_user, args.workers = 3, 3, 2, 2
        if args.pg_db == parser.get_default("pg_db"):
            args.pg_db = "ippo_load_smoke"  # a full run may be using the default database
    if urlsplit(args.pg_url).hostname not in LOOPBACK:
        parser.error("the load test runs on loopback only: --pg-url must name 127.0.0.1")
    if not args.pg_db.replace("_", "").isalnum():
        parser.error(f"--pg-db must be a plain name, not {args.pg_db!r}")
    return args


# --- the database and the server ---------------------------------------------------------


def server_env(db_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server.settings",
        "DATABASE_URL": db_url,
        "DEBUG": "False",
        "HTTPS": "False",
        "SECRET_KEY": "load-test-only-secret-key-8d2f6a1c9e4b7a3d5c0e2f8b6a4d1c7e",
        "ALLOWED_HOSTS": HOST,
        "IPPO_VAR_DIR": "var/bench",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",
        # 100 devices log in from one address within seconds: lift the log-in throttles,
        # which are per process anyway (local-memory cache).
        "THROTTLE_LOGIN_IP": "100000/min",
        "THROTTLE_LOGIN_EMAIL": "100000/min",
    }


def prepare_database(env: dict[str, str], emails: list[str]) -> None:
    """Migrate the fresh database and create the users (one password hash for all)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from server.accounts.models import User

    call_command("migrate", verbosity=0, interactive=False)
    encoded = make_password(PASSWORD)  # the production hasher: log-in pays for it
    User.objects.bulk_create([User(email=email, password=encoded) for email in emails])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "server.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop_gunicorn(proc) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_until_up(port: int, proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/api/auth/session")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


# --- one simulated device ----------------------------------------------------------------


@dataclass
class Stats:
    """What all devices saw, guarded by one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latency: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def record(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latency.setdefault(kind, []).append(seconds)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


class Device:
    """One install of the PWA: its own session, op_seq counter, outbox and cursor."""

    def __init__(
        self, email: str, port: int, stats: Stats, rng: random.Random, duplicate_rate: float
    ) -> None:
        self.email = email
        self.duplicate_rate = duplicate_rate
        self.device_id = str(uuid.uuid4())
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.stats = stats
        self.rng = rng
        self.op_seq = 0
        self.outbox: list[dict] = []  # the batch not yet acknowledged
        self.in_doubt = False  # the outbox was sent but no answer came back
        self.previous: list[dict] = []  # the last acknowledged batch, to resend
        self.sent_ids: set[str] = set()
        self.seen_ids: set[str] = set()
        self.cursor = 0

    # HTTP

    def request(self, method: str, path: str, body=None) -> tuple[int, dict]:
        headers = {"Accept": "application/json"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()  # the next request opens a new connection
            raise
        for header in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        payload = json.loads(raw) if raw and raw[:1] in (b"{", b"[") else {}
        return response.status, payload

    def timed(self, kind: str, method: str, path: str, body=None) -> tuple[int, dict] | None:
        start = time.perf_counter()
        try:
            status, payload = self.request(method, path, body)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            self.stats.error(f"{self.email} {kind}: {type(exc).__name__}: {exc}")
            return None
        self.stats.record(kind, time.perf_counter() - start)
        if status != 200:
            self.stats.error(f"{self.email} {kind}: HTTP {status} {str(payload)[:200]}")
            return None
        return status, payload

    # the protocol

    def log_in(self) -> bool:
        if self.timed("login", "GET", "/api/auth/session") is None:
            return False
        answer = self.timed(
            "login", "POST", "/api/auth/login", {"email": self.email, "password": PASSWORD}
        )
        return answer is not None and answer[1].get("authenticated") is True

    def new_batch(self) -> list[dict]:
        ops = []
        for _ in range(self.rng.randint(1, 10)):
            self.op_seq += 1
            record_id = str(uuid.uuid4())
            self.sent_ids.add(record_id)
            ops.append(
                {
                    "op_seq": self.op_seq,
                    "action": "upsert",
                    "type": "efficiency_log",
                    "id": record_id,
                    "base_version": 0,
                    "fields": {
                        "date": f"2026-11-{self.rng.randint(1, 24):02d}",
                        "task": self.rng.choice(["月次レポート", "請求書の確認", "議事録"]),
                        "minutes_spent": self.rng.randint(5, 120),
                        "minutes_saved": self.rng.randint(0, 30),
                    },
                }
            )
        return ops

    def push(self, ops: list[dict], *, resend: bool) -> bool:
        """Send ops; True when the server's last_op_seq covers them (they leave the outbox)."""
        kind = "resend" if resend else "push"
        answer = self.timed(
            kind, "POST", "/api/sync/push", {"device_id": self.device_id, "ops": ops}
        )
        if answer is None:
            return False
        payload = answer[1]
        # A first delivery must apply; a resend (or a retry after a lost answer) may not.
        allowed = (
            {"duplicate"} if resend else {"applied", "duplicate"} if self.in_doubt else {"applied"}
        )
        statuses = [r.get("status") for r in payload.get("results", [])]
        if len(statuses) != len(ops) or not set(statuses) <= allowed:
            self.stats.error(f"{self.email} {kind}: unexpected results {str(payload)[:300]}")
        covered = payload.get("last_op_seq", 0) >= ops[-1]["op_seq"]
        if not covered:
            self.stats.error(f"{self.email} {kind}: last_op_seq {payload.get('last_op_seq')}")
        return covered

    def pull(self, kind: str = "pull") -> bool:
        while True:
            path = f"/api/sync/pull?cursor={self.cursor}&limit={PULL_LIMIT}"
            answer = self.timed(kind, "GET", path)
            if answer is None:
                return False
            payload = answer[1]
            self.seen_ids.update(c["id"] for c in payload["changes"])
            self.cursor = payload["cursor"]
            if not payload["has_more"]:
                return True

    def sync_once(self) -> None:
        """One loop of the client: maybe a resend, then the outbox, then a pull."""
        if self.previous and not self.outbox and self.rng.random() < self.duplicate_rate:
            self.push(self.previous, resend=True)
        if not self.outbox:
            self.outbox = self.new_batch()
        if self.push(self.outbox, resend=False):
            self.previous, self.outbox, self.in_doubt = self.outbox, [], False
        else:
            self.in_doubt = True  # keep the batch; the next loop sends it again
        self.pull()

    def run(self, start: threading.Event, stop: threading.Event, think: float) -> None:
        start.wait()
        if think:  # devices start spread over one pause, not all in the same instant
            stop.wait(self.rng.uniform(0, think))
        while not stop.is_set():
            try:
                self.sync_once()
            except Exception as exc:  # a malformed answer: count it, keep the device going
                self.stats.error(f"{self.email}: {type(exc).__name__}: {exc}")
            if think:
                stop.wait(self.rng.uniform(0, 2 * think))

    def settle(self, attempts: int = 5) -> None:
        """After the load: deliver what is still in the outbox, then pull to the end."""
        for _ in range(attempts):
            if not self.outbox or self.push(self.outbox, resend=False):
                self.outbox = []
                break
            self.in_doubt = True
        self.pull(kind="final pull")


# --- the run -----------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def check_database(devices: list[Device]) -> dict[str, int]:
    """Compare what PostgreSQL holds with what the devices sent."""
    from server.accounts.models import User
    from server.journal.models import EfficiencyLog
    from server.sync.models import Device as DeviceRow
    from server.sync.models import OpLog, SyncCounter

    users = {u.email: u.pk for u in User.objects.all()}
    sent: dict[int, set[str]] = {}
    for device in devices:
        sent.setdefault(users[device.email], set()).update(device.sent_ids)
    stored: dict[int, set[str]] = {}
    for user_id, record_id in EfficiencyLog.objects.values_list("user_id", "id"):
        stored.setdefault(user_id, set()).add(str(record_id))
    versions = dict(SyncCounter.objects.values_list("user_id", "version"))
    positions = {str(d): s for d, s in DeviceRow.objects.values_list("device_id", "last_op_seq")}
    return {
        "ops sent": sum(len(ids) for ids in sent.values()),
        "records stored": sum(len(ids) for ids in stored.values()),
        "lost (sent, not stored)": sum(len(ids - stored.get(u, set())) for u, ids in sent.items()),
        "doubled (versions beyond ops)": sum(
            max(0, versions.get(u, 0) - len(ids)) for u, ids in sent.items()
        ),
        "stored but never sent": sum(len(ids - sent.get(u, set())) for u, ids in stored.items()),
        "devices at a wrong last_op_seq": sum(
            positions.get(d.device_id, 0) != d.op_seq for d in devices
        ),
        "ops rejected or merged (op log)": OpLog.objects.count(),
        "changes a device never pulled": sum(
            len(sent[users[d.email]] - d.seen_ids) for d in devices
        ),
    }


def run(args: argparse.Namespace) -> bool:
    rng = random.Random(args.seed)
    emails = [f"load{n:03d}@bench.example" for n in range(args.users)]
    env = server_env(database_url(args.pg_url, args.pg_db))
    pg_admin(args.pg_url, f"DROP DATABASE IF EXISTS {args.pg_db} WITH (FORCE)")
    pg_admin(args.pg_url, f"CREATE DATABASE {args.pg_db}")
    try:
        prepare_database(env, emails)
        stats = Stats()
        port = free_port()
        log = ROOT / "var" / "bench" / "gunicorn-load.log"
        proc = start_gunicorn(env, port, args.workers, log)
        try:
            wait_until_up(port, proc)
            devices = [
                Device(email, port, stats, random.Random(rng.random()), args.duplicate_rate)
                for email in emails
                for _ in range(args.devices_per_user)
            ]
            elapsed, load_errors = load(devices, stats, args)
        finally:
            stop_gunicorn(proc)
        if proc.returncode not in (0, -signal.SIGTERM):
            stats.error(f"gunicorn exited with {proc.returncode}; see {log}")
        checks = check_database(devices)
    finally:
        if not args.keep_db:
            from django.db import connections

            connections.close_all()
            pg_admin(args.pg_url, f"DROP DATABASE IF EXISTS {args.pg_db} WITH (FORCE)")
    return report(args, stats, elapsed, load_errors, checks)


def together(targets) -> None:
    """Run the callables in threads and wait for all of them."""
    threads = [threading.Thread(target=target) for target in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def load(devices: list[Device], stats: Stats, args: argparse.Namespace) -> tuple[float, int]:
    """Log every device in, run the loops for the duration, then let every device settle."""
    together(d.log_in for d in devices)  # the hasher is slow on purpose: not part of the load
    start, stop = threading.Event(), threading.Event()
    threads = [
        threading.Thread(target=d.run, args=(start, stop, args.think), daemon=True) for d in devices
    ]
    for t in threads:
        t.start()
    began = time.perf_counter()
    start.set()
    time.sleep(args.duration)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - began
    if any(t.is_alive() for t in threads):
        stats.error("a device did not finish its last loop within 120 s")
    load_errors = len(stats.errors)
    together(d.settle for d in devices)
    return elapsed, load_errors


def report(args, stats: Stats, elapsed: float, load_errors: int, checks: dict) -> bool:
    lat = stats.latency
    print(
        f"\nbench/load.py: gunicorn ({args.workers} workers) on PostgreSQL, loopback, "
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{args.users * args.devices_per_user} devices ({args.users} users x "
        f"{args.devices_per_user}), {elapsed:.0f} s, think time {args.think:g} s, "
        f"resend rate {args.duplicate_rate:.0%}"
    )
    if args.smoke:
        print("SMOKE RUN: a few devices for seconds; the checks below still count")
    print(f"{'request':<14} {'count':>7} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    print("-" * 57)
    during = ("push", "resend", "pull")
    for kind in (*during, "login", "final pull"):
        values = lat.get(kind, [])
        if not values:
            continue
        rate = f"{len(values) / elapsed:.1f}" if kind in during else "-"
        print(
            f"{kind:<14} {len(values):>7} {rate:>7} "
            f"{percentile(values, 50) * 1000:>8.1f} {percentile(values, 95) * 1000:>8.1f} "
            f"{percentile(values, 99) * 1000:>8.1f}"
        )
    requests = sum(len(lat.get(kind, [])) for kind in during)
    print(f"requests during the load: {requests} ({requests / elapsed:.1f}/s); login and final")
    print("pull come before and after it. 'resend' is a device sending its last batch again.")
    pushed = checks["ops sent"]
    print(f"ops pushed: {pushed} ({pushed / elapsed:.0f} ops/s)")
    print(
        f"errors during the load: {load_errors}; after it (settling): "
        f"{len(stats.errors) - load_errors}"
    )
    for message in stats.errors[:5]:
        print(f"  {message}")
    print()
    print(f"{'check against PostgreSQL':<36} {'count':>8}  result")
    print("-" * 54)
    must_be_zero = [k for k in checks if k not in ("ops sent", "records stored")]
    ok = not stats.errors
    for name, value in checks.items():
        verdict = ("PASS" if value == 0 else "FAIL") if name in must_be_zero else ""
        ok = ok and (name not in must_be_zero or value == 0)
        print(f"{name:<36} {value:>8}  {verdict}")
    print(f"{'errors':<36} {len(stats.errors):>8}  {'PASS' if not stats.errors else 'FAIL'}")
    return ok


def main() -> int:
    return 0 if run(parse_args()) else 1


if __name__ == "__main__":
    sys.exit(main())
