"""A demo account with a few months of believable records, for trying Ippo out and for screenshots.

The records go through the sync push service exactly as a phone would send them, so versions,
field versions, the device's op_seq and the user's counter are what real use produces. The
content comes from a random generator seeded with the email, the date and the length of the
period: seeding twice on the same day gives the same account.
"""

import datetime as dt
import random
import secrets
import uuid
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from server.accounts.models import User, normalize_email
from server.guide import selfcheck
from server.journal.records import check_id
from server.lib.months import same_day
from server.sync import services
from server.sync.models import Device, OpLog, SyncCounter
from server.sync.protocol import MAX_OPS, parse_push
from server.sync.registry import all_types

DEMO_EMAIL = "demo@ippo.localhost"
# The one "phone" the demo data arrives from.
DEMO_DEVICE = uuid.UUID("1d5e0a7c-3b9f-4c2e-8d61-0f4a9b7e2c58")
MAX_MONTHS = 24

# title, how often she ticks it on a workday
CHECKLIST = (
    ("効率化した作業を1つ記録", 0.85),
    ("通勤中に15分学習", 0.75),
    ("今日の成果を数字でメモ", 0.7),
    ("会議で1回は発言する", 0.5),
    ("子どもが寝たら30分だけ勉強", 0.45),
    ("社外の人と1人つながる", 0.15),
)
# A one-off step she ticked early on and then archived.
FIRST_STEP = "上司に1on1を申し込む"
CHECK_NOTES = ("お迎え当番の日", "子どもの発熱で早退", "電車が遅れて学習は10分", "在宅勤務")

# task, usual minutes, the improvement, share of time it saves, outcome unit and values, tags
TASKS = (
    ("月次売上レポート作成", 180, "ExcelマクロとPower Queryで自動化", 0.65, "件", (1, 2), ["集計"]),
    ("議事録作成", 60, "生成AIで下書きし、要点だけ手直し", 0.5, "件", (1, 2, 3), ["生成AI"]),
    ("請求書チェック", 90, "XLOOKUPで突合を自動化", 0.4, "件", range(40, 121), ["経理"]),
    ("取引先リストの更新", 45, "入力をフォームに切り替え", 0.3, "社", range(8, 31), ["営業支援"]),
    ("問い合わせへの返信", 50, "よくある質問のテンプレート化", 0.35, "件", range(6, 26), []),
    ("定例会議の運営", 40, "アジェンダを前日に共有して短縮", 0.3, "時間", (0.5, 1, 1.5), ["会議"]),
)
LOG_NOTES = ("課長に共有済み", "隣のチームにも展開したい", "手順書にまとめた", "", "", "")

# topic, whether it counts towards the certification goal
TOPICS = (("簿記2級", True), ("Python入門", False), ("生成AI活用", False), ("Power Query", False))
STUDY_NOTES = ("過去問で仕訳を20問", "動画講座を1本", "社内で使えそうな例を考えた", "", "")

# name, kind, organisation, note
CONTACTS = (
    ("佐藤 由美", "role_model", "同じ会社の営業部", "時短勤務から課長になった先輩"),
    ("田中 彩", "peer", "IT企業のワーママ仲間", "同じ時期に復職。工夫を月1で共有"),
    ("経理DX勉強会", "study_group", "オンライン勉強会", "Power Queryの事例発表を聞いた"),
    ("朝活読書会", "third_place", "駅前のコワーキング", "家でも職場でもない場所。月2回参加"),
    ("高橋 真理", "mentor", "キャリアコンサルタント", "半年のキャリアプランを一緒に整理"),
    ("Python初心者もくもく会", "study_group", "地域のコミュニティ", "自動化の書き方を質問できた"),
    ("山本 恵", "peer", "保育園の保護者仲間", "人事の仕事をしていて、転職市場の話を聞けた"),
)

# Her weights for the criteria of the guide, plus one of her own.
WEIGHTS = {"women_managers": 4, "remote": 4, "flex_time": 5, "results_evaluation": 5, "通勤時間": 2}
# name, url, a score per criterion (in the order of WEIGHTS), note
EMPLOYERS = (
    (
        "株式会社ミナト商事 (現職)",
        "",
        (2, 1, 2, 2, 4),
        "制度はあるが使う人が少ない。評価があいまい",
    ),
    (
        "株式会社あおばデータ",
        "https://aoba-data.example/careers",
        (4, 5, 4, 4, 5),
        "フルリモート可。管理職の3割が女性。経理DXの経験が活かせそう",
    ),
    (
        "ひだまり保険サービス株式会社",
        "https://hidamari-hoken.example/recruit",
        (3, 3, 5, 3, 2),
        "コアタイムなしのフレックス。評価制度は面談で詳しく聞く",
    ),
)


@dataclass
class DemoSeed:
    user: User
    password: str
    created: bool
    counts: dict[str, int]


class DemoRejected(Exception):
    """The server refused some demo ops: the demo data no longer matches the record rules."""

    def __init__(self, rejected: list[dict]) -> None:
        super().__init__(rejected)
        self.rejected = rejected


class _Plan:
    """The demo ops in the wire format (without op_seq), in the order a phone would send them."""

    def __init__(self, rng: random.Random, start: dt.date, today: dt.date) -> None:
        self.rng = rng
        self.start = start
        self.today = today
        self.setup: list[dict] = []
        self.daily: list[tuple[dt.date, dict]] = []

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(
        self, type_name: str, fields: dict, *, on: dt.date | None = None, record_id=None
    ) -> str:
        record_id = str(record_id or self.new_id())
        op = {"action": "upsert", "type": type_name, "id": record_id, "fields": fields}
        if on is None:
            self.setup.append(op)
        else:
            self.daily.append((on, op))
        return record_id

    def ops(self) -> list[dict]:
        return self.setup + [op for _day, op in sorted(self.daily, key=lambda pair: pair[0])]

    def days(self):
        day = self.start
        while day <= self.today:
            yield day
            day += dt.timedelta(days=1)

    def share(self, day: dt.date) -> float:
        """How far into the period `day` is, from 0 to 1: improvements grow with it."""
        total = max((self.today - self.start).days, 1)
        return (day - self.start).days / total


def _plan(rng: random.Random, start: dt.date, today: dt.date) -> list[dict]:
    plan = _Plan(rng, start, today)
    goals = _goals(plan)
    _career(plan)
    for name, url, scores, note in EMPLOYERS:
        criteria = {
            key: {"score": score, "weight": weight}
            for (key, weight), score in zip(WEIGHTS.items(), scores, strict=True)
        }
        plan.add("employer", {"name": name, "url": url, "criteria": criteria, "note": note})
    items = [
        plan.add("checklist_item", {"title": title, "position": n, "starter_key": None})
        for n, (title, _rate) in enumerate(CHECKLIST)
    ]
    first_step = plan.add(
        "checklist_item", {"title": FIRST_STEP, "position": len(CHECKLIST), "archived": True}
    )
    # A sick child or a holiday now and then: no checks and no logs that day.
    workdays = [d for d in plan.days() if d.weekday() < 5 and rng.random() > 0.12]
    if workdays:
        day = workdays[min(2, len(workdays) - 1)]
        plan.add(
            "check",
            {"item": first_step, "date": day.isoformat(), "done": True, "note": "来週の火曜に決定"},
            on=day,
            record_id=check_id(first_step, day),
        )
    for day in workdays:
        _checks(plan, day, items)
        _logs(plan, day)
    for day in plan.days():
        _study(plan, day, goals["certification"])
    _contacts(plan)
    _self_checks(plan)
    _briefs(plan, goals)
    return plan.ops()


def _goals(plan: _Plan) -> dict[str, str]:
    start, today = plan.start, plan.today
    specs = {
        "role": {
            "title": "半年後にプロジェクトリーダーを担当する",
            "due": same_day(start, 6),
            "progress": 35,
            "company_benefit": "自動化のノウハウをチームに広げ、特定の人に頼る業務を減らせる",
            "next_step": "次の1on1で、請求業務の改善プロジェクトのリードを提案する",
        },
        "certification": {
            "title": "簿記2級に合格する",
            "due": today + dt.timedelta(days=95),
            "progress": 40,
            "company_benefit": "決算の数字を自分で読めるようになり、経理チームとの調整が速くなる",
            "next_step": "週2回は過去問を時間を計って解く",
        },
        "skill": {
            "title": "議事録作成を生成AIで30分以内にする",
            "due": today - dt.timedelta(days=10),
            "status": "done",
            "progress": 100,
            "company_benefit": "会議のたびに30分、チームの時間が空く",
        },
        "work_style": {
            "title": "1年後にフルタイムに戻る",
            "due": same_day(start, 12),
            "progress": 10,
            "next_step": "夫とお迎えの分担を話し合う",
        },
    }
    ids = {}
    for category, fields in specs.items():
        fields = {**fields, "category": category, "due": fields["due"].isoformat()}
        ids[category] = plan.add("goal", fields)
    return ids


def _career(plan: _Plan) -> None:
    ends = same_day(plan.start, 24) - dt.timedelta(days=1)
    plan.add(
        "career_mode",
        {
            "mode": "defence",
            "starts": plan.start.isoformat(),
            "ends": ends.isoformat(),
            "purpose": "2年間は定時で帰り、効率化スキルを磨く",
            "focus": "定型業務の自動化と簿記2級",
        },
    )


def _checks(plan: _Plan, day: dt.date, items: list[str]) -> None:
    rng = plan.rng
    for item, (_title, rate) in zip(items, CHECKLIST, strict=True):
        roll = rng.random()
        if roll >= rate + 0.08:
            continue  # not touched that day
        fields = {"item": item, "date": day.isoformat(), "done": roll < rate}
        if rng.random() < 0.08:
            fields["note"] = rng.choice(CHECK_NOTES)
        plan.add("check", fields, on=day, record_id=check_id(item, day))


def _logs(plan: _Plan, day: dt.date) -> None:
    rng = plan.rng
    if rng.random() < 0.15:
        return
    for task in rng.sample(TASKS, rng.choice((1, 1, 2))):
        name, minutes, improvement, ratio, unit, values, tags = task
        spent = round(minutes * rng.uniform(0.85, 1.15))
        saved = 0
        # Early on she rarely has an improvement; by the end of the period most tasks do.
        if rng.random() < 0.25 + 0.65 * plan.share(day):
            saved = round(spent * ratio * rng.uniform(0.8, 1.1))
            spent -= saved
        plan.add(
            "efficiency_log",
            {
                "date": day.isoformat(),
                "task": name,
                "minutes_spent": max(spent, 5),
                "minutes_saved": saved,
                "improvement": improvement if saved else "",
                "outcome_value": rng.choice(values),
                "outcome_unit": unit,
                "note": rng.choice(LOG_NOTES),
                "tags": tags,
            },
            on=day,
        )


def _study(plan: _Plan, day: dt.date, certification_goal: str) -> None:
    rng = plan.rng
    if day.weekday() < 5:
        chances = (("commute", 0.6, 15, 25), ("night", 0.3, 20, 40))
    else:
        chances = (("audio", 0.4, 20, 45),)
    for place, chance, low, high in chances:
        if rng.random() >= chance:
            continue
        topic, for_goal = rng.choice(TOPICS)
        plan.add(
            "learning_session",
            {
                "date": day.isoformat(),
                "topic": topic,
                "minutes": rng.randint(low, high),
                "place": place,
                "goal": certification_goal if for_goal else None,
                "note": rng.choice(STUDY_NOTES),
            },
            on=day,
        )


def _contacts(plan: _Plan) -> None:
    rng = plan.rng
    months = max(1, round((plan.today - plan.start).days / 30))
    days = list(plan.days())
    chosen = rng.sample(CONTACTS, min(len(CONTACTS), 2 + 2 * months))
    for name, kind, organisation, note in chosen:
        day = rng.choice(days)
        follow_up = day + dt.timedelta(days=rng.randint(14, 30)) if rng.random() < 0.5 else None
        plan.add(
            "contact",
            {
                "date": day.isoformat(),
                "name": name,
                "kind": kind,
                "organisation": organisation,
                "note": note,
                "follow_up_on": follow_up.isoformat() if follow_up else None,
            },
            on=day,
        )


def _self_checks(plan: _Plan) -> None:
    rng = plan.rng
    questionnaire = selfcheck.current()
    # Fewer signs the second time: she is invited to meetings again, work has more weight.
    for day, low, high in ((plan.start, 1, 3), (plan.today - dt.timedelta(days=3), 0, 2)):
        answers = {q.key: rng.randint(low, high) for q in questionnaire.questions}
        plan.add(
            "self_check",
            {"date": day.isoformat(), "questionnaire": questionnaire.version, "answers": answers},
            on=day,
        )


def _briefs(plan: _Plan, goals: dict[str, str]) -> None:
    held = plan.start + dt.timedelta(days=min(21, (plan.today - plan.start).days // 2))
    plan.add(
        "meeting_brief",
        {
            "meeting_on": held.isoformat(),
            "satisfaction": 2,
            "wanted_work": "請求業務の改善を任せてほしい。前のように企画にも関わりたい",
            "time_plan": "17時退社。朝の30分と在宅日に集中作業をまとめる",
            "company_benefit": "月次レポートの自動化で毎月2時間以上空く。他の人も使える形にする",
            "asks": "改善の成果を評価の対象にしてほしい",
            "after_notes": (
                "「今は無理しなくていいよ」と言われたが、"
                "削減時間の数字を見せて、小さな改善案件から任せてもらえることになった"
            ),
            "goals": [goals["role"], goals["work_style"]],
        },
        on=held,
    )
    upcoming = plan.today + dt.timedelta(days=5)
    plan.add(
        "meeting_brief",
        {
            "meeting_on": upcoming.isoformat(),
            "satisfaction": 3,
            "wanted_work": "請求業務の改善プロジェクトのリード",
            "time_plan": "定時内で回せるよう、定型作業は自動化済み",
            "company_benefit": "チーム全体で月10時間ほどの削減が見込める",
            "asks": "半年後のリーダー担当に向けて、必要な経験を教えてほしい",
            "goals": [goals["role"], goals["certification"]],
        },
        on=upcoming,
    )


def _clear(user: User) -> None:
    """Remove the user's records and op log, and make her devices reload from scratch."""
    counter = SyncCounter.objects.select_for_update().filter(user=user).first()
    top = 0
    for rt in reversed(all_types()):  # records that point at others go first
        records = rt.model.objects.filter(user=user)
        top = max(top, records.aggregate(top=Max("version"))["top"] or 0)
        records.delete()
    OpLog.objects.filter(user=user).delete()
    if counter is not None and top:
        # Unlike purged tombstones, these records vanish without a trace, so even a device
        # that has seen the latest of them (cursor == top) must reload.
        purged = max(counter.purged_version, top + 1)
        SyncCounter.objects.filter(pk=counter.pk).update(purged_version=purged)


def _push(user: User, ops: list[dict]) -> list[dict]:
    """Send `ops` from the demo device in batches; returns the ops the server did not apply."""
    device = Device.objects.filter(user=user, device_id=DEMO_DEVICE).first()
    seq = device.last_op_seq if device else 0
    problems = []
    for first in range(0, len(ops), MAX_OPS):
        chunk = {seq + n: op for n, op in enumerate(ops[first : first + MAX_OPS], start=1)}
        body = {
            "device_id": str(DEMO_DEVICE),
            "ops": [{"op_seq": n, "base_version": 0, **op} for n, op in chunk.items()],
        }
        device_id, parsed = parse_push(body)
        answer = services.push(user=user, device_id=device_id, ops=parsed)
        for result in answer["results"]:
            if result["status"] != services.APPLIED:
                op = chunk[result["op_seq"]]
                problems.append({**result, "type": op["type"], "id": op["id"]})
        seq = answer["last_op_seq"]
    return problems


def seed_demo(*, email: str = DEMO_EMAIL, months: int = 2, password: str | None = None) -> DemoSeed:
    """Create or refresh a demo user with `months` of records of every type, ending today."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be from 1 to {MAX_MONTHS}")
    email = normalize_email(email)
    password = password or secrets.token_urlsafe(12)
    with transaction.atomic():
        user = User.objects.filter(email=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(
                email, password, display_name="さくら", language="ja", time_zone="Asia/Tokyo"
            )
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        _clear(user)
        today = timezone.localdate(timezone=user.zone)
        rng = random.Random(f"ippo-demo:{email}:{today.isoformat()}:{months}")
        ops = _plan(rng, same_day(today, -months), today)
        problems = _push(user, ops)
        if problems:
            raise DemoRejected(problems)  # rolls the whole seed back
    counts = Counter(op["type"] for op in ops)
    return DemoSeed(
        user=user,
        password=password,
        created=created,
        counts={rt.name: counts[rt.name] for rt in all_types()},
    )
