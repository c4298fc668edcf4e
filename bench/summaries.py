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
"""

import argparse
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from contextlib import contextmanager
from decimal import Decimal
from email import message_from_bytes, policy
from pathlib import Path
from random import Random
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pg import database_url, pg_admin  # bench/pg.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SECRET_KEY = "bench-summaries-only-secret-key-5c1e9a7d3b2f8e6a4c0d1f3b5e7a9c2d"  # noqa: S105
WORKERS = 2  # the 2 Celery workers, one process each

# Targets from issue [F].
SPEEDUP = 10.0  # set-based users/s at least 10x the naive per-user loop
USERS_PER_SECOND = 1000.0  # and at least 1,000 users/s

# Who the users are: mostly in Tokyo, a few elsewhere (weights in percent).
ZONES = (("Asia/Tokyo", 88), ("Asia/Singapore", 4), ("Europe/London", 4), ("America/New_York", 4))
ITEMS = 6  # checklist items per user
ITEM_TITLES = (
    "朝いちばんにToDoを3つ書く",
    "定時の1時間前に進捗を共有する",
    "会議の前にアジェンダを確認する",
    "上司に今日の成果を一言伝える",
    "15分だけ資格の勉強をする",
    "明日の段取りをメモする",
    "Ask one question in the team meeting",
)
STARTER_KEYS = ("todo3", "share_progress", "agenda", "tell_result", "study15", "plan_tomorrow")
TASKS = (
    "月次レポートの集計",
    "請求書の確認",
    "議事録の作成",
    "見積書の作成",
    "問い合わせメールの返信",
    "売上データの入力",
    "Weekly sales deck",
    "経費精算のチェック",
    "シフト表の作成",
    "新人向けマニュアルの更新",
)
IMPROVEMENTS = (
    "マクロで自動化",
    "テンプレートを作った",
    "チェックリスト化",
    "関数で集計",
    "Shared a template with the team",
    "定型文を登録",
)
UNITS = ("件", "枚", "円", "pages", "tickets")
TOPICS = ("簿記2級", "TOEIC", "Python入門", "ITパスポート", "マネジメント研修", "Excel VBA")
PLACES = (("commute", 40), ("night", 30), ("audio", 20), ("other", 10))
CONTACT_NAMES = ("佐藤さん", "鈴木さん", "高橋さん", "田中さん", "伊藤さん", "Emma", "渡辺さん")
CONTACT_KINDS = ("peer", "role_model", "study_group", "third_place", "mentor", "other")
ORGANISATIONS = ("", "", "営業部", "人事部", "勉強会", "前の職場", "Women in Tech Tokyo")
GOAL_TITLES = ("簿記2級に合格する", "チームリーダーを任される", "時短でも成果を数字で示す")
GOAL_CATEGORIES = ("role", "skill", "certification", "work_style", "other")


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
    args = parser.parse_args()
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


# --- 1. the data -------------------------------------------------------------------------


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


class Generator:
    """One month of records for every user, as rows of the tables, in a fixed random order.

    Records are dated within the month in the user's own zone (from the day she joined, for
    those who joined during it); timestamps are local times of those days. Every user's
    versions run 1..N over all her records, in the order they are written here.
    """

    def __init__(self, users: int, month: dt.date, seed: int) -> None:
        from server.guide import selfcheck

        self.rng = Random(seed)
        self.month = month
        self.end = add_months(month, 1)
        self.versions = [0] * (users + 1)  # by user id (ids are 1..users)
        self.people: list[tuple] = []  # (id, zone, created_at, days of the month she had)
        self.items: dict[int, list[tuple]] = {}  # user id -> [(item id, start day, archived)]
        self.questionnaire = selfcheck.current()
        self.questions = [q.key for q in self.questionnaire.questions]
        zones, weights = zip(*ZONES, strict=True)
        month_days = [month + dt.timedelta(days=n) for n in range((self.end - month).days)]
        for uid in range(1, users + 1):
            zone = ZoneInfo(self.rng.choices(zones, weights)[0])
            if self.rng.random() < 0.9:  # joined in the 16 months before
                joined = month - dt.timedelta(days=self.rng.randint(1, 480))
            else:  # joined during the month: her records start that day
                joined = month + dt.timedelta(days=self.rng.randint(0, 24))
            created = self.at(joined, zone, self.rng.randint(8, 22))
            days = [d for d in month_days if d >= joined]
            self.people.append((uid, zone, created, days))

    def at(self, day: dt.date, zone: ZoneInfo, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)

    def synced(self, uid: int, record_id: uuid.UUID, stamp: dt.datetime, deleted=False):
        """The columns every synced record starts with."""
        self.versions[uid] += 1
        return (record_id, uid, self.versions[uid], deleted, "{}", stamp, stamp)

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    # The tables, in the order they are loaded; each yields its rows.

    def users(self):
        rng = self.rng
        for uid, zone, created, _days in self.people:
            english = rng.random() < (0.1 if zone.key == "Asia/Tokyo" else 0.6)
            yield (
                uid,
                "!",  # an unusable password: nobody logs in here
                None,
                False,
                f"user{uid:05d}@bench.example",
                f"ユーザー{uid}" if not english else f"User {uid}",
                zone.key,
                "en" if english else "ja",
                True,  # monthly_email: everyone gets the email
                True,
                False,
                created,
            )

    def checklist_items(self):
        rng = self.rng
        for uid, zone, created, days in self.people:
            self.items[uid] = mine = []
            late = rng.random() < 0.15 and len(days) > 20  # one item added mid-month
            for n in range(ITEMS):
                item_id = self.new_id()
                added = created + dt.timedelta(minutes=n)
                start = created.date()
                if late and n == ITEMS - 1:
                    start = days[rng.randint(8, 18)]
                    added = self.at(start, zone, 21)
                archived = rng.random() < 0.04
                mine.append((item_id, start, archived))
                yield (
                    *self.synced(uid, item_id, added),
                    ITEM_TITLES[(uid + n) % len(ITEM_TITLES)],
                    n,
                    archived,
                    STARTER_KEYS[n] if rng.random() < 0.7 else None,
                )

    def checks(self):
        from server.journal.types import check_id

        rng = self.rng
        for uid, zone, _created, days in self.people:
            p = rng.uniform(0.5, 0.8)  # how often she ticks an item
            stamps = {day: self.at(day, zone, 21, rng.randint(0, 59)) for day in days}
            for item_id, start, archived in self.items[uid]:
                for day in days:
                    if day < start or (archived and day.day > 10) or rng.random() >= p:
                        continue
                    yield (
                        *self.synced(
                            uid, check_id(item_id, day), stamps[day], rng.random() < 0.005
                        ),
                        item_id,
                        day,
                        rng.random() < 0.95,  # done (an unticked check keeps its row)
                        "",
                    )

    def efficiency_logs(self):
        rng = self.rng
        for uid, zone, _created, days in self.people:
            for _ in range(round(rng.randint(12, 28) * len(days) / 31)):
                day = rng.choice(days)
                spent = rng.randint(10, 120)
                saved = 0 if rng.random() < 0.3 else rng.randint(5, min(60, spent))
                valued = rng.random() < 0.4
                yield (
                    *self.synced(
                        uid,
                        self.new_id(),
                        self.at(day, zone, rng.randint(9, 22)),
                        rng.random() < 0.02,
                    ),
                    day,
                    rng.choice(TASKS),
                    spent,
                    saved,
                    rng.choice(IMPROVEMENTS) if saved else "",
                    Decimal(rng.randint(1, 5000)) / 4 if valued else None,
                    rng.choice(UNITS) if valued else "",
                    "朝の電車で下書き" if rng.random() < 0.2 else "",
                    '["excel"]' if rng.random() < 0.3 else "[]",
                )

    def learning_sessions(self):
        rng = self.rng
        places, weights = zip(*PLACES, strict=True)
        for uid, zone, _created, days in self.people:
            for _ in range(round(rng.randint(4, 12) * len(days) / 31)):
                day = rng.choice(days)
                yield (
                    *self.synced(
                        uid,
                        self.new_id(),
                        self.at(day, zone, rng.randint(6, 23)),
                        rng.random() < 0.01,
                    ),
                    day,
                    rng.choice(TOPICS),
                    rng.randint(10, 90),
                    rng.choices(places, weights)[0],
                    None,
                    "",
                )

    def contacts(self):
        rng = self.rng
        for uid, zone, _created, days in self.people:
            for _ in range(rng.randint(2, 6)):
                day = rng.choice(days)
                follow_up = None
                if rng.random() < 0.4:  # a follow-up within the next five weeks
                    follow_up = day + dt.timedelta(days=rng.randint(7, 35))
                yield (
                    *self.synced(
                        uid,
                        self.new_id(),
                        self.at(day, zone, rng.randint(9, 21)),
                        rng.random() < 0.01,
                    ),
                    day,
                    rng.choice(CONTACT_NAMES),
                    rng.choice(CONTACT_KINDS),
                    rng.choice(ORGANISATIONS),
                    "",
                    follow_up,
                )

    def goals(self):
        rng = self.rng
        for uid, zone, created, days in self.people:
            for n in range(2):
                status = (
                    "open" if n == 0 else rng.choices(("done", "open", "dropped"), (4, 5, 1))[0]
                )
                made = created if n == 0 else self.at(days[0], zone, 20)
                changed = self.at(rng.choice(days), zone, rng.randint(8, 22)) if n else made
                self.versions[uid] += 1
                yield (
                    self.new_id(),
                    uid,
                    self.versions[uid],
                    False,
                    "{}",
                    made,
                    changed,
                    GOAL_TITLES[(uid + n) % len(GOAL_TITLES)],
                    rng.choice(GOAL_CATEGORIES),
                    self.month + dt.timedelta(days=rng.randint(0, 100)),
                    status,
                    100 if status == "done" else rng.randint(0, 90),
                    "部署の売上に貢献" if rng.random() < 0.5 else "",
                    "次の1on1で相談する",
                )

    def self_checks(self):
        rng = self.rng
        for uid, zone, _created, days in self.people:
            day = rng.choice(days)
            answers = {key: rng.randint(0, 3) for key in self.questions}
            yield (
                *self.synced(uid, self.new_id(), self.at(day, zone, 22)),
                day,
                self.questionnaire.version,
                _json(answers),
                self.questionnaire.score(answers),
            )

    def career_modes(self):
        rng = self.rng
        for uid, zone, _created, days in self.people:
            starts = days[0] - dt.timedelta(days=rng.randint(0, 60))
            ends = starts + dt.timedelta(days=rng.randint(60, 180))
            attack = rng.random() < 0.65
            yield (
                *self.synced(uid, self.new_id(), self.at(days[0], zone, 21)),
                "attack" if attack else "defence",
                starts,
                ends,
                "リーダー職への挑戦" if attack else "子どもの入園まで無理をしない",
                "数字で成果を見せる" if attack else "定時で帰る",
            )

    def counters(self):
        for uid, *_rest in self.people:
            yield (uid, self.versions[uid], 0)


def _json(value) -> str:
    import json

    return json.dumps(value, separators=(",", ":"))


SYNCED = ("id", "user_id", "version", "deleted", "field_versions", "created_at", "updated_at")


def tables() -> list[tuple[str, tuple[str, ...], str]]:
    """(table, columns, generator method), in loading order (the FKs point backwards)."""
    from server.accounts.models import User
    from server.journal import models as j
    from server.sync.models import SyncCounter

    return [
        (
            User._meta.db_table,
            (
                "id",
                "password",
                "last_login",
                "is_superuser",
                "email",
                "display_name",
                "time_zone",
                "language",
                "monthly_email",
                "is_active",
                "is_staff",
                "created_at",
            ),
            "users",
        ),
        (
            j.ChecklistItem._meta.db_table,
            (*SYNCED, "title", "position", "archived", "starter_key"),
            "checklist_items",
        ),
        (j.Check._meta.db_table, (*SYNCED, "item_id", "date", "done", "note"), "checks"),
        (
            j.EfficiencyLog._meta.db_table,
            (
                *SYNCED,
                "date",
                "task",
                "minutes_spent",
                "minutes_saved",
                "improvement",
                "outcome_value",
                "outcome_unit",
                "note",
                "tags",
            ),
            "efficiency_logs",
        ),
        (
            j.LearningSession._meta.db_table,
            (*SYNCED, "date", "topic", "minutes", "place", "goal_id", "note"),
            "learning_sessions",
        ),
        (
            j.Contact._meta.db_table,
            (*SYNCED, "date", "name", "kind", "organisation", "note", "follow_up_on"),
            "contacts",
        ),
        (
            j.Goal._meta.db_table,
            (
                *SYNCED,
                "title",
                "category",
                "due",
                "status",
                "progress",
                "company_benefit",
                "next_step",
            ),
            "goals",
        ),
        (
            j.SelfCheck._meta.db_table,
            (*SYNCED, "date", "questionnaire", "answers", "score"),
            "self_checks",
        ),
        (
            j.CareerMode._meta.db_table,
            (*SYNCED, "mode", "starts", "ends", "purpose", "focus"),
            "career_modes",
        ),
        (SyncCounter._meta.db_table, ("user_id", "version", "purged_version"), "counters"),
    ]


def load_data(db_url: str, gen: Generator) -> dict[str, int]:
    """COPY every table in one transaction; rows counted by table."""
    import psycopg
    from psycopg import sql

    counts = {}
    with psycopg.connect(db_url) as conn:
        # A bulk load of rows built consistent here: skip the per-row FK triggers (superuser).
        conn.execute("SET session_replication_role = replica")
        with conn.cursor() as cursor:
            for table, columns, method in tables():
                statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
                )
                n = 0
                with cursor.copy(statement) as copy:
                    for row in getattr(gen, method)():
                        copy.write_row(row)
                        n += 1
                counts[table] = n
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('accounts_user', 'id'), %s)",
                [len(gen.people)],
            )
        conn.execute("SET session_replication_role = DEFAULT")
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # as a database that has lived: fresh statistics
    return counts


# --- 2. the figures: set-based and naive -------------------------------------------------


def set_based(users: list, month: dt.date, now: dt.datetime) -> tuple[dict, float, float, list]:
    """The figures of every user, batch by batch as services.summaries_create computes them;
    returns them, the seconds, this process's CPU seconds and the queries of each batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from server.summaries.selectors import figures

    result, per_batch = {}, []
    start, cpu = time.perf_counter(), time.process_time()
    for at in range(0, len(users), figures.CHUNK):
        connection.queries_log.clear()  # the log keeps 9,000 queries, and counts are by length
        with CaptureQueriesContext(connection) as queries:
            result.update(
                figures.compute(users=users[at : at + figures.CHUNK], month=month, now=now)
            )
        per_batch.append(len(queries))
    return result, time.perf_counter() - start, time.process_time() - cpu, per_batch


class Naive:
    """A typical first implementation: for each user, one ORM query per figure and month
    (`.filter(user=u, date__range=...).aggregate(...)`), the same figures as the app's."""

    def __init__(self, month: dt.date, now: dt.datetime) -> None:
        from server.summaries.selectors import figures

        self.month, self.now = month, now
        self.end = add_months(month, 1)
        self.version = figures.VERSION

    def span(self, month: dt.date) -> tuple[dt.date, dt.date]:
        return month, add_months(month, 1) - dt.timedelta(days=1)

    def compute(self, user) -> dict:
        from server.summaries.selectors import next_step
        from server.summaries.selectors.base import Batch, Person

        zone, month = user.zone, self.month
        person = Person(
            id=user.pk,
            zone=zone,
            since=user.created_at.astimezone(zone).date().replace(day=1),
            today=self.now.astimezone(zone).date(),
        )
        # A batch of one, only for its window and its {value, prev, avg3} helper.
        one = Batch(people={user.pk: person}, month=month, now=self.now)
        self.person, self.window = person, one.window
        self.compared = lambda values, digits=0: one.compared(user.pk, values, digits=digits)
        out = {
            "version": self.version,
            "month": f"{month:%Y-%m}",
            "period": {
                "start": month.isoformat(),
                "end": self.span(month)[1].isoformat(),
                "days": (self.end - month).days,
            },
            "time_zone": zone.key,
            "computed_on": person.today.isoformat(),
            "efficiency": self.efficiency(user),
            "learning": self.learning(user),
            "network": self.network(user),
            "checklist": self.checklist(user),
            "self_check": self.self_check(user),
            "goals": self.goals(user),
            "career_mode": self.career_mode(user),
        }
        out["next_step"] = next_step.choose(out)
        return out

    def efficiency(self, user) -> dict:
        from django.db.models import Count, Sum

        from server.journal.models import EfficiencyLog

        logs = EfficiencyLog.objects.filter(user=user, deleted=False)
        entries, spent, saved = {}, {}, {}
        for m in self.window:
            a = logs.filter(date__range=self.span(m)).aggregate(
                n=Count("id"), spent=Sum("minutes_spent"), saved=Sum("minutes_saved")
            )
            entries[m], spent[m], saved[m] = a["n"], a["spent"] or 0, a["saved"] or 0
        valued = logs.filter(outcome_value__isnull=False).exclude(outcome_unit="")
        units = valued.filter(date__range=self.span(self.month)).values("outcome_unit")
        counts, totals = {}, defaultdict(dict)
        for row in units.annotate(n=Count("id"), total=Sum("outcome_value")):
            counts[row["outcome_unit"]] = row["n"]
            totals[row["outcome_unit"]][self.month] = row["total"]
        top = sorted(counts, key=lambda unit: (-counts[unit], unit))[:5]
        for m in self.window[:-1]:
            earlier = valued.filter(date__range=self.span(m), outcome_unit__in=top)
            for row in earlier.values("outcome_unit").annotate(total=Sum("outcome_value")):
                totals[row["outcome_unit"]][m] = row["total"]
        best = (
            logs.filter(date__range=self.span(self.month), minutes_saved__gt=0)
            .values("task", "improvement")
            .annotate(n=Count("id"), saved=Sum("minutes_saved"))
        )
        improvements = sorted(
            (
                {
                    "task": r["task"],
                    "improvement": r["improvement"],
                    "minutes_saved": r["saved"],
                    "entries": r["n"],
                }
                for r in best
            ),
            key=lambda i: (-i["minutes_saved"], i["task"], i["improvement"]),
        )
        return {
            "entries": self.compared(entries),
            "minutes_spent": self.compared(spent),
            "minutes_saved": self.compared(saved),
            "hours_saved": self.compared({m: v / 60 for m, v in saved.items()}, 1),
            "outcomes": [
                {"unit": unit, "entries": counts[unit]} | self.compared(totals[unit], 2)
                for unit in top
            ],
            "top_improvements": improvements[:5],
        }

    def learning(self, user) -> dict:
        from django.db.models import Count, Sum

        from server.journal.models import LearningSession

        sessions = LearningSession.objects.filter(user=user, deleted=False)
        minutes, count = {}, {}
        for m in self.window:
            a = sessions.filter(date__range=self.span(m)).aggregate(
                n=Count("id"), minutes=Sum("minutes")
            )
            minutes[m], count[m] = a["minutes"] or 0, a["n"]
        places = dict.fromkeys(("commute", "night", "audio", "other"), 0)
        rows = sessions.filter(date__range=self.span(self.month)).values("place")
        for row in rows.annotate(minutes=Sum("minutes")):
            place = row["place"] if row["place"] in places else "other"
            places[place] += row["minutes"] or 0
        return {
            "minutes": self.compared(minutes),
            "sessions": self.compared(count),
            "minutes_by_place": places,
        }

    def network(self, user) -> dict:
        from server.journal.models import Contact

        contacts = Contact.objects.filter(user=user, deleted=False)
        logged, due = {}, {}
        for m in self.window:
            logged[m] = contacts.filter(date__range=self.span(m)).count()
            due[m] = contacts.filter(follow_up_on__range=self.span(add_months(m, 1))).count()
        return {"contacts": self.compared(logged), "follow_ups_due": self.compared(due)}

    def checklist(self, user) -> dict:
        from django.db.models import Count, Min

        from server.journal.models import Check, ChecklistItem
        from server.summaries.selectors.checklist import best_streak

        items = ChecklistItem.objects.filter(user=user, deleted=False).values_list(
            "id", "archived", "created_at"
        )
        items = list(items)
        done = Check.objects.filter(user=user, deleted=False, done=True, item__deleted=False)
        ticked, first_tick, streaks = defaultdict(dict), {}, {}
        for m in self.window:
            in_month = done.filter(date__range=self.span(m))
            for row in in_month.values("item_id").annotate(n=Count("id"), first=Min("date")):
                ticked[row["item_id"]][m] = row["n"]
                first_tick.setdefault(row["item_id"], row["first"])  # oldest month first
            days = set(in_month.values_list("date", flat=True).distinct())
            streaks[m] = best_streak(days, m)
        checks, capacity, active = defaultdict(int), defaultdict(int), 0
        for item_id, archived, created_at in items:
            added = created_at.astimezone(self.person.zone).date()
            start = min(added, first_tick.get(item_id, added))
            for m in self.window:
                count = ticked[item_id].get(m, 0)
                if archived and not count:
                    continue
                days = max(0, (add_months(m, 1) - max(start, m)).days)
                if not days and not count:
                    continue
                checks[m] += count
                capacity[m] += max(days, count)
                active += m == self.month
        rates = {m: 100 * checks[m] / capacity[m] for m in self.window if capacity[m]}
        return {
            "active_items": active,
            "checks_done": self.compared(checks),
            "completion_percent": self.compared(rates, 1),
            "best_streak": self.compared(streaks),
        }

    def self_check(self, user) -> dict | None:
        from server.journal.models import SelfCheck

        latest = list(
            SelfCheck.objects.filter(user=user, deleted=False, date__lt=self.end)
            .order_by("-date", "-created_at", "-id")
            .values_list("date", "score")[:2]
        )
        if not latest:
            return None
        (date, score), previous = latest[0], latest[1] if len(latest) > 1 else None
        return {
            "score": score,
            "date": date.isoformat(),
            "taken_in_month": date >= self.month,
            "previous_score": previous[1] if previous else None,
            "previous_date": previous[0].isoformat() if previous else None,
            "change": score - previous[1] if previous else None,
        }

    def goals(self, user) -> dict:
        from server.journal.models import Goal
        from server.summaries.months import local_midnight

        goals = Goal.objects.filter(user=user, deleted=False)
        open_goals = goals.filter(status="open")
        done = {}
        for m in self.window:
            done[m] = goals.filter(
                status="done",
                updated_at__gte=local_midnight(m, self.person.zone),
                updated_at__lt=local_midnight(add_months(m, 1), self.person.zone),
            ).count()
        return {
            "done": self.compared(done),
            "open": open_goals.count(),
            "overdue": open_goals.filter(due__lt=self.end).count(),
            "due_next_month": open_goals.filter(due__range=self.span(self.end)).count(),
        }

    def career_mode(self, user) -> dict | None:
        from server.journal.models import CareerMode

        today = self.person.today
        row = (
            CareerMode.objects.filter(user=user, deleted=False, starts__lte=today, ends__gte=today)
            .order_by("-starts", "-updated_at")
            .values("mode", "starts", "ends", "purpose", "focus")
            .first()
        )
        if row is None:
            return None
        return {
            "mode": row["mode"],
            "starts": row["starts"].isoformat(),
            "ends": row["ends"].isoformat(),
            "purpose": row["purpose"],
            "focus": row["focus"],
            "days_left": (row["ends"] - today).days + 1,
        }


def naive(sample: list, month: dt.date, now: dt.datetime) -> tuple[dict, float, float, list]:
    """The naive figures of the sampled users; the seconds, this process's CPU seconds and
    the queries of each user."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    loop, result, per_user = Naive(month, now), {}, []
    start, cpu = time.perf_counter(), time.process_time()
    for user in sample:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            result[user.pk] = loop.compute(user)
        per_user.append(len(queries))
    return result, time.perf_counter() - start, time.process_time() - cpu, per_user


def bench_figures(args, month: dt.date) -> dict:
    """Set-based over every user and naive over a share of the sample, in turn, --passes
    times; the best pass of each counts (the machine is shared: the least disturbed pass)."""
    from django.utils import timezone

    from server.summaries.selectors import figures
    from server.summaries.selectors import summaries as selectors

    now = timezone.now()
    users = list(selectors.without_summary(month))  # who the beat would sum up
    step = max(1, len(users) // min(args.sample, len(users)))
    sample = users[::step][: args.sample]
    # A warm-up of both (imports, the guide's chapters, the database's caches), untimed.
    figures.compute(users=users[:20], month=month, now=now)
    naive(users[:5], month, now)

    print(f"\n2. figures of {len(users):,} users, month {month:%Y-%m}, {args.passes} passes")
    load = os.getloadavg()[0]
    fast, slow, per_batch, per_user, computed, naive_figures = [], [], [], [], {}, {}
    for n in range(args.passes):
        computed, seconds, cpu, queries = set_based(users, month, now)
        fast.append((len(users), seconds, cpu))
        per_batch += queries
        share = sample[n :: args.passes]  # the slow loop: the sample split over the passes
        got, slow_seconds, slow_cpu, queries = naive(share, month, now)
        slow.append((len(share), slow_seconds, slow_cpu))
        per_user += queries
        naive_figures.update(got)
        print(
            f"   pass {n + 1}: set-based {len(users):,} users in {seconds:.2f} s "
            f"({len(users) / seconds:,.0f}/s); naive {len(share):,} users in "
            f"{slow_seconds:.2f} s ({len(share) / slow_seconds:,.1f}/s)"
        )
    differ = [uid for uid, got in naive_figures.items() if got != computed[uid]]
    for uid in differ[:3]:
        print(
            f"   DIFFERENT figures for user {uid}:\n"
            f"     naive {naive_figures[uid]}\n     set   {computed[uid]}"
        )
    return {
        "users": len(users),
        "fast": fast,
        "slow": slow,
        "load": load,
        "per_batch": per_batch,
        "batches": len(per_batch) // args.passes,
        "sample": len(sample),
        "step": step,
        "per_user": per_user,
        "differ": len(differ),
        "computed": computed,
    }


def best(passes: list[tuple[int, float, float]]) -> tuple[float, float, float]:
    """(users/s of the best pass, of the worst, users per CPU-second in the best)."""
    rates = sorted(passes, key=lambda p: p[0] / p[1])
    (n_worst, s_worst, _c), (n, seconds, cpu) = rates[0], rates[-1]
    return n / seconds, n_worst / s_worst, n / cpu


def describe(computed: dict) -> str:
    """The mean figures of the month, to show what the data looks like."""
    n = len(computed)

    def mean(get) -> float:
        return sum(get(f) for f in computed.values()) / n

    return (
        f"mean per user: {mean(lambda f: f['efficiency']['entries']['value']):.1f} efficiency "
        f"logs, {mean(lambda f: f['efficiency']['hours_saved']['value']):.1f} h saved, "
        f"{mean(lambda f: f['checklist']['checks_done']['value']):.1f} checks done, "
        f"completion {mean(lambda f: f['checklist']['completion_percent']['value']):.1f} %, "
        f"{mean(lambda f: f['learning']['minutes']['value']):.0f} min learning, "
        f"{mean(lambda f: f['network']['contacts']['value']):.1f} contacts"
    )


# --- 3. the emails -----------------------------------------------------------------------


class Sink:
    """An SMTP server on loopback that counts the messages it receives, by recipient."""

    def __init__(self, port: int) -> None:
        from aiosmtpd.controller import Controller

        self.port = port
        self.by_recipient: Counter = Counter()
        self.total = 0
        self.last = 0.0  # time.monotonic() of the latest message
        self.sample = b""
        self._controller = Controller(self, hostname=HOST, port=port)

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        for recipient in envelope.rcpt_tos:
            self.by_recipient[recipient.lower()] += 1
        self.total += 1
        self.last = time.monotonic()
        if not self.sample:
            self.sample = envelope.content
        return "250 Message accepted"

    def __enter__(self) -> "Sink":
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


class Progress(threading.Thread):
    """Prints every 10 s how many emails the sink has, until told to stop."""

    def __init__(self, sink: Sink, expected: int, began: float) -> None:
        super().__init__(daemon=True)
        self.sink, self.expected, self.began = sink, expected, began
        self.stop = threading.Event()

    def run(self) -> None:
        last, count = self.began, 0
        while not self.stop.wait(10):
            now, total = time.monotonic(), self.sink.total
            print(
                f"   {now - self.began:5.0f} s: {total:>6,} / {self.expected:,} emails "
                f"({(total - count) / (now - last):,.0f}/s over the last {now - last:.0f} s)",
                flush=True,
            )
            last, count = now, total


def start_workers(env: dict[str, str], logs: Path) -> list[subprocess.Popen]:
    processes = []
    for n in range(1, WORKERS + 1):
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "server",
            "worker",
            "--concurrency=1",
            "-Q",
            "celery",
            "-n",
            f"bench-summaries-{n}@%h",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ]
        with (logs / f"summaries-worker-{n}.log").open("w") as out:
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its pool child goes with it if it must be killed
                )
            )
    return processes


def stop_workers(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # warm shutdown: the task at hand finishes
    for proc in processes:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the group this script started
            proc.wait()


def wait_for_workers(processes: list[subprocess.Popen], timeout: float = 60) -> None:
    from server.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise RuntimeError("a worker exited at start; see var/bench/summaries-worker-*.log")
        if len(app.control.ping(timeout=1.0)) >= len(processes):
            return
    raise RuntimeError(f"the workers did not answer a ping within {timeout:.0f} s")


def queue_left(redis_url: str) -> int:
    """Tasks still in the broker: queued, or taken and not yet acknowledged."""
    import redis

    client = redis.Redis.from_url(redis_url)
    return client.llen("celery") + client.hlen("unacked")


def bench_send(args, env: dict[str, str], sink: Sink, month: dt.date) -> dict:
    import redis
    from django.db.models import Count
    from django.utils import timezone

    from server.accounts.models import User
    from server.summaries import services
    from server.summaries.models import MonthlySummary
    from server.summaries.selectors import summaries as selectors

    redis.Redis.from_url(args.redis_url).flushdb()
    logs = ROOT / "var" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    emails = set(User.objects.values_list("email", flat=True))
    expected = len(emails)
    print(f"\n3. {expected:,} emails through {WORKERS} Celery workers to 127.0.0.1:{sink.port}")
    workers = start_workers(env, logs)
    progress = None
    try:
        wait_for_workers(workers)
        began = time.monotonic()
        progress = Progress(sink, expected, began)
        progress.start()
        created = services.summaries_create(
            users=selectors.without_summary(month), month=month, now=timezone.now()
        )
        queued = time.monotonic() - began
        print(
            f"   {len(created.pending):,} rows created and their tasks queued in {queued:.1f} s "
            f"({sink.total:,} emails already at the sink)"
        )
        deadline = began + args.timeout
        while sink.total < expected and time.monotonic() < deadline:
            if any(p.poll() is not None for p in workers):
                raise RuntimeError("a worker died; see var/bench/summaries-worker-*.log")
            time.sleep(0.2)
        progress.stop.set()
        elapsed = (sink.last or time.monotonic()) - began
        # Let the last tasks write 'sent' and leave the broker before the books are checked,
        # so a duplicate send (a retry, a redelivery) would have arrived by then.
        settle = time.monotonic() + 60
        rows = MonthlySummary.objects.filter(month=month)
        while time.monotonic() < settle and (
            rows.exclude(status=MonthlySummary.Status.SENT).exists() or queue_left(args.redis_url)
        ):
            time.sleep(0.5)
        time.sleep(2)
        statuses = dict(rows.values("status").annotate(n=Count("id")).values_list("status", "n"))
    finally:
        if progress is not None:
            progress.stop.set()
        stop_workers(workers)
        redis.Redis.from_url(args.redis_url).flushdb()
    codes = [p.returncode for p in workers]
    twice = sum(1 for n in sink.by_recipient.values() if n > 1)
    subject = (
        message_from_bytes(sink.sample, policy=policy.default)["Subject"] if sink.sample else ""
    )
    return {
        "expected": expected,
        "received": sink.total,
        "recipients": len(sink.by_recipient),
        "twice": twice,
        "strangers": len(set(sink.by_recipient) - emails),
        "missing": len(emails - set(sink.by_recipient)),
        "queued_seconds": queued,
        "seconds": elapsed,
        "statuses": statuses,
        "rows": sum(statuses.values()),
        "workers_exit": codes,
        "subject": subject,
    }


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

        from server.summaries import months

        now = timezone.now()
        month = months.parse_key(args.month) if args.month else None
        if args.month and month is None:
            raise SystemExit(f"--month must look like 2026-10, not {args.month!r}")
        month = month or add_months(now.date().replace(day=1), -1)

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
