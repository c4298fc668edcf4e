"""Part 1 of bench/summaries.py: one month of records for every user, as rows of the tables."""

import datetime as dt
import uuid
from decimal import Decimal
from random import Random
from zoneinfo import ZoneInfo

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


class Generator:
    """One month of records for every user, as rows of the tables, in a fixed random order.

    Records are dated within the month in the user's own zone (from the day she joined, for
    those who joined during it); timestamps are local times of those days. Every user's
    versions run 1..N over all her records, in the order they are written here.
    """

    def __init__(self, users: int, month: dt.date, seed: int) -> None:
        from server.guide import selfcheck
        from server.lib.months import add_months

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
        from server.journal.records import check_id

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
