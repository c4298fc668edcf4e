"""Monthly summaries at scale on PostgreSQL: set-based figures, a per-user loop, 10,000 emails.

One run (issue [F]) on a throwaway database (default `ippo_bench_summaries`, created, migrated
and dropped at the end unless --keep):

  1. data: --users users (default 10,000) with one month of records each, about 150 a user
     (6 checklist items, ~110 checks, ~20 efficiency logs, ~8 learning sessions, ~4 contacts,
     2 goals, 1 self-check, 1 career mode; most users in Asia/Tokyo, a few in three other
     zones), built in Python and loaded with PostgreSQL COPY. Versions run 1..N per user and
     sync_synccounter holds N. Its time is printed, not a target.
  2. figures: every user's month with the app's set-based selector
     (`server.summaries.selectors.figures.compute`, one batch of `figures.CHUNK` users at a
     time, as `services.summaries_create` calls it) against a naive first implementation
     written here (for each user, one ORM query per figure and month), timed on a --sample
     of users (every Nth) and extrapolated per user. They run in turn, --passes times (each
     set-based pass over every user, the sample split over the naive passes), and the best
     pass of each counts, as in bench/sync.py: the machine is shared, and the best pass is
     the one least disturbed. Both count their queries with CaptureQueriesContext, and the
     naive figures must equal the set-based ones for every sampled user. Targets: set-based
     >= 10x the naive users/s, and >= 1,000 users/s.
  3. email, end to end: an SMTP sink on 127.0.0.1 (aiosmtpd in this process, counting
     messages by recipient) and 2 `celery worker` processes on Redis (db 11, flushed first);
     `services.summaries_create` stores the month's rows and queues one send task per row,
     as the hourly beat does. It waits (at most --timeout seconds, printing progress) until
     the sink has one message per user, then checks that each recipient got exactly one and
     that every MonthlySummary row is 'sent'. The workers are stopped at the end, also on
     error or Ctrl-C.

It prints a table and PASS/MISS for each target (a miss does not fail the run) and
PASS/FAIL for each check (a failure does, exit code 1: naive figures that differ from the
set-based ones, an email lost or sent twice, a row not 'sent'). Run from the repository root:

    .venv/bin/python bench/summaries.py                 # 10,000 users, about 6 minutes
    .venv/bin/python bench/summaries.py --users 1000    # a quick check
    .venv/bin/python bench/summaries.py --users 1000 --no-send   # parts 1 and 2 only
    .venv/bin/python bench/summaries.py --smoke         # every part, 40 users, for `make test`

The parts live in bench/monthly/: data.py and loading.py (1), figures.py and naive.py (2),
send.py (3); this script holds the set-up, the report and the order of the run.
"""

import argparse
import datetime as dt
import os
import signal
import socket
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from monthly.data import Generator  # bench/monthly/: the parts of this benchmark
from monthly.figures import bench_figures, best, describe
from monthly.loading import load_data
from monthly.send import WORKERS, Sink, bench_send
from pg import database_url, pg_admin  # bench/pg.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SECRET_KEY = "bench-summaries-only-secret-key-5c1e9a7d3b2f8e6a4c0d1f3b5e7a9c2d"  # noqa: S105

# Targets from issue [F].
SPEEDUP = 10.0  # set-based users/s at least 10x the naive per-user loop
USERS_PER_SECOND = 1000.0  # and at least 1,000 users/s


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument(
        "--sample", type=int, default=500, help="users timed in the naive loop (extrapolated)"
    )
    parser.add_argument("--month", help="YYYY-MM, the month summed up (default: the last one)")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/ippo")
    parser.add_argument("--pg-db", default="ippo_bench_summaries", help="created and dropped")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11", help="flushed first")
    parser.add_argument("--passes", type=int, default=3, help="timed passes of part 2")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for emails")
    parser.add_argument("--no-send", action="store_true", help="skip part 3 (the emails)")
    parser.add_argument("--keep", action="store_true", help="leave the database for a look")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="every part with 40 users, 2 passes and a naive sample of 4: does it run?",
    )
    args = parser.parse_args()
    if args.smoke:
        args.users, args.sample, args.passes, args.timeout = 40, 4, 2, 120
        if args.pg_db == parser.get_default("pg_db"):
            args.pg_db = "ippo_bench_summaries_smoke"  # a full run may be using the default
    for name in ("pg_url", "redis_url"):
        if urlsplit(getattr(args, name)).hostname not in LOOPBACK:
            parser.error(f"--{name.replace('_', '-')} must name 127.0.0.1: loopback only")
    if not args.pg_db.replace("_", "").isalnum():
        parser.error(f"--pg-db must be a plain name, not {args.pg_db!r}")
    if min(args.users, args.sample, args.passes) < 1 or args.sample < args.passes:
        parser.error("--users, --sample and --passes must be at least 1, --sample >= --passes")
    return args


# --- set-up ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def bench_env(db_url: str, redis_url: str, smtp_port: int) -> dict[str, str]:
    """The environment of this process and of the workers: production-like settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server.settings",
        "DATABASE_URL": db_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "False",
        "EMAIL_URL": f"smtp://{HOST}:{smtp_port}",
        "DEBUG": "False",  # as production: no query log (CaptureQueriesContext forces one)
        "HTTPS": "False",
        "SECRET_KEY": SECRET_KEY,
        "IPPO_VAR_DIR": "var/bench",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",
    }


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


@contextmanager
def throwaway_database(args: argparse.Namespace):
    pg_admin(args.pg_url, f"DROP DATABASE IF EXISTS {args.pg_db} WITH (FORCE)")
    pg_admin(args.pg_url, f"CREATE DATABASE {args.pg_db}")
    try:
        yield database_url(args.pg_url, args.pg_db)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if args.keep:
            print(f"\nkept the database {args.pg_db} (--keep)")
        else:
            pg_admin(args.pg_url, f"DROP DATABASE IF EXISTS {args.pg_db} WITH (FORCE)")


# --- report ------------------------------------------------------------------------------


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "es" if word.endswith("ch") else "s")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(args, month: dt.date, generation: dict, fig: dict, send: dict | None) -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
    fast, fast_worst, fast_cpu = best(fig["fast"])
    slow, slow_worst, slow_cpu = best(fig["slow"])
    batches = fig["per_batch"]
    q_fast = sum(batches) / (fig["users"] * len(fig["fast"]))
    q_slow = sum(fig["per_user"]) / fig["sample"]
    print(
        f"\nbench/summaries.py on PostgreSQL {version}, {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, load average {fig['load']:.1f} when part 2 began"
    )
    print(
        f"data: {fig['users']:,} users, {generation['records']:,} records in month "
        f"{month:%Y-%m} ({generation['records'] / fig['users']:.0f} a user), generated and "
        f"loaded in {generation['seconds']:.1f} s (not a target)"
    )
    if args.smoke:
        print("SMOKE RUN: 40 users, so the figures and ratios below are noise, not a verdict")
    print(f"each figure is the best of {len(fig['fast'])} passes; 'worst' is the slowest pass")
    print(f"{'measurement':<48} {'users':>7} {'users/s':>8} {'worst':>8} {'queries/user':>13}")
    print("-" * 88)
    print(
        f"{'a. set-based: figures.compute, ' + plural(fig['batches'], 'batch'):<48} "
        f"{fig['users']:>7,} {fast:>8,.0f} {fast_worst:>8,.0f} {q_fast:>13.3f}"
    )
    print(
        f"{'b. naive per-user ORM loop (sample, extrapolated)':<48} "
        f"{fig['sample']:>7,} {slow:>8,.1f} {slow_worst:>8,.1f} {q_slow:>13.1f}"
    )
    print(
        f"   set-based: {min(batches)}..{max(batches)} queries a batch, whatever the data; "
        f"naive: {min(fig['per_user'])}..{max(fig['per_user'])} a user"
    )
    print(
        f"   naive timed on {fig['sample']:,} of {fig['users']:,} users (every {fig['step']}th, "
        f"split over the passes): all {fig['users']:,} would take about "
        f"{fig['users'] / slow:,.0f} s, set-based {fig['users'] / fast:,.1f} s"
    )
    print(
        f"   users per CPU-second of this process (best pass): set-based {fast_cpu:,.0f}, "
        f"naive {slow_cpu:,.1f}; the rest of the wall time is PostgreSQL and waiting for a core"
    )
    print(
        f"   naive figures equal to the set-based ones: {fig['sample'] - fig['differ']:,} of "
        f"{fig['sample']:,} sampled users"
    )
    print(f"   {describe(fig['computed'])}")
    ok = fig["differ"] == 0
    if send:
        rate = send["received"] / send["seconds"] if send["seconds"] else 0.0
        print(
            f"{'c. end to end: create rows + send, ' + str(WORKERS) + ' workers':<48} "
            f"{send['expected']:>7,} {rate:>8,.1f} {'':>8} {'emails/s':>13}"
        )
        print(
            f"   {send['expected']:,} emails in {send['seconds']:.1f} s (one pass), of which "
            f"{send['queued_seconds']:.1f} s creating the rows and queueing the tasks; "
            f"a subject: {send['subject']}"
        )
        print(f"   workers stopped, exit codes {send['workers_exit']}")
    print()
    print(f"{'target / check':<52} {'measured':>12}  result")
    print("-" * 73)
    lines = [
        (
            f"set-based >= {SPEEDUP:.0f}x the naive users/s",
            f"{fast / slow:.1f}x",
            fast / slow >= SPEEDUP,
        ),
        (f"set-based >= {USERS_PER_SECOND:,.0f} users/s", f"{fast:,.0f}", fast >= USERS_PER_SECOND),
        (
            "set-based queries per batch bounded (constant)",
            f"{min(batches)}..{max(batches)}",
            max(batches) == min(batches) or len(batches) == 1,
        ),
    ]
    for name, measured, good in lines:
        print(f"{name:<52} {measured:>12}  {verdict(good)}")
    checks = [("naive figures == set-based figures (sample)", fig["differ"], 0)]
    if send:
        n = send["expected"]
        checks += [
            ("emails received", send["received"], n),
            ("recipients", send["recipients"], n),
            ("recipients with more than one email", send["twice"], 0),
            ("users without an email", send["missing"], 0),
            ("emails to someone not a user", send["strangers"], 0),
            ("MonthlySummary rows", send["rows"], n),
            ("rows with status 'sent'", send["statuses"].get("sent", 0), n),
        ]
    for name, value, want in checks:
        good = value == want
        ok = ok and good
        print(f"{name:<52} {value:>12,}  {'PASS' if good else 'FAIL'}")
    if send and send["statuses"].get("sent", 0) != send["rows"]:
        print(f"   statuses: {send['statuses']}")
    return ok


def main() -> int:
    args = parse_args()
    # `kill` as well as Ctrl-C unwinds: the workers are stopped and the database dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    smtp_port = free_port()
    with throwaway_database(args) as db_url:
        env = bench_env(db_url, args.redis_url, smtp_port)
        setup_django(env)
        from django.utils import timezone

        from server.lib import months

        now = timezone.now()
        month = months.parse_key(args.month) if args.month else None
        if args.month and month is None:
            raise SystemExit(f"--month must look like 2026-10, not {args.month!r}")
        month = month or months.add_months(now.date().replace(day=1), -1)

        print(f"1. generating {args.users:,} users with one month ({month:%Y-%m}) of records")
        start = time.perf_counter()
        gen = Generator(args.users, month, args.seed)
        counts = load_data(db_url, gen)
        generation = {"seconds": time.perf_counter() - start, "records": 0}
        for table, n in counts.items():
            print(f"   {table:<28} {n:>10,}")
            if table.startswith("journal_"):
                generation["records"] += n
        print(
            f"   {generation['records']:,} records in {generation['seconds']:.1f} s "
            "(built in Python, loaded with COPY, then VACUUM ANALYZE)"
        )

        fig = bench_figures(args, month)
        send = None
        if not args.no_send:
            with Sink(smtp_port) as sink:
                send = bench_send(args, env, sink, month)
        ok = report(args, month, generation, fig, send)
    # A missed target is a finding to read; a failed check (wrong figures, a lost or doubled
    # email, a row not 'sent') fails the run.
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
