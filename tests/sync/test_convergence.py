"""Devices that write offline and sync over a flaky network end up with the server's state.

A Hypothesis state machine plays two or three installs of one user. Each writes
efficiency_log and checklist_item records, queueing ops in its outbox with op_seq counting up
by one; pushes are lost on the way in, answers are lost on the way back (after the server
committed), requests arrive twice or late, and batches are resent overlapping or from the
wrong place. A plain model of the server (the protocol's rules, written out here) says what
every answer must be, and after every step the database must match it. Whenever the outboxes
are drained and every install pulls (a few changes per page), every local copy must equal
the server's records, tombstones included.
"""

import sys
import uuid
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from server.journal.models import ChecklistItem, EfficiencyLog
from server.sync.models import Device, OpLog, SyncCounter
from server.sync.registry import all_types
from tests.conftest import ApiClient

MAX_OPS = 200  # the protocol's limit per push
FINAL_PAGE = 3  # small pages, so the final pull has to follow has_more

FIELDS = {
    "efficiency_log": {
        "date": st.sampled_from(["2026-11-01", "2026-11-24", "2026-12-31"]),
        "task": st.sampled_from(["月次レポート", "請求書の確認", "議事録"]),
        "minutes_spent": st.sampled_from([0, 15, 60, 1440]),
        "minutes_saved": st.sampled_from([0, 5, 40]),
        "improvement": st.sampled_from(["", "マクロで自動化", "テンプレート化"]),
        "outcome_value": st.sampled_from([None, 0, 12.25, 999_999_999_999.99]),
        "outcome_unit": st.sampled_from(["", "円", "件"]),
        "note": st.sampled_from(["", "朝のうちに", "残す"]),
        "tags": st.lists(st.sampled_from(["経理", "自動化", "会議"]), unique=True, max_size=3),
    },
    "checklist_item": {
        "title": st.sampled_from(["水を飲む", "ストレッチ", "日記を書く"]),
        "position": st.sampled_from([0, 1, 7, 100_000]),
        "archived": st.booleans(),
        "starter_key": st.sampled_from([None, "water", "stretch"]),
    },
}
REQUIRED = {"efficiency_log": ("date", "task", "minutes_spent"), "checklist_item": ("title",)}
DEFAULTS = {
    "efficiency_log": {
        "minutes_saved": 0,
        "improvement": "",
        "outcome_value": None,
        "outcome_unit": "",
        "note": "",
        "tags": [],
    },
    "checklist_item": {"position": 0, "archived": False, "starter_key": None},
}
INVALID = {
    "efficiency_log": [{"minutes_spent": 1441}, {"task": "   "}, {"date": "2026-13-01"}],
    "checklist_item": [{"title": ""}, {"position": -1}, {"archived": "yes"}],
}
MODELS = {"efficiency_log": EfficiencyLog, "checklist_item": ChecklistItem}
FATES = ("delivered", "request_lost", "answer_lost", "duplicated")


def new_record(type_: str):
    required = {name: FIELDS[type_][name] for name in REQUIRED[type_]}
    optional = {n: s for n, s in FIELDS[type_].items() if n not in required}
    return st.fixed_dictionaries(required, optional=optional)


def patch(type_: str):
    return st.fixed_dictionaries({}, optional=FIELDS[type_])


def wire_fields(type_: str, row) -> dict:
    """A stored row as the wire format's `fields`, written out here rather than borrowed."""
    if type_ == "checklist_item":
        return {
            "title": row.title,
            "position": row.position,
            "archived": row.archived,
            "starter_key": row.starter_key,
        }
    return {
        "date": row.date.isoformat(),
        "task": row.task,
        "minutes_spent": row.minutes_spent,
        "minutes_saved": row.minutes_saved,
        "improvement": row.improvement,
        "outcome_value": None if row.outcome_value is None else float(row.outcome_value),
        "outcome_unit": row.outcome_unit,
        "note": row.note,
        "tags": row.tags,
    }


def database_state(user) -> dict:
    return {
        (type_, str(row.pk)): {
            "version": row.version,
            "deleted": row.deleted,
            "fields": wire_fields(type_, row),
        }
        for type_, model in MODELS.items()
        for row in model.objects.filter(user=user)
    }


@dataclass
class Op:
    op_seq: int
    action: str
    type: str
    id: str
    base_version: int
    fields: dict | None = None
    invalid: bool = False  # the model's to know; the server has to find out by itself

    @property
    def key(self) -> tuple[str, str]:
        return self.type, self.id

    def wire(self) -> dict:
        body = {
            "op_seq": self.op_seq,
            "action": self.action,
            "type": self.type,
            "id": self.id,
            "base_version": self.base_version,
        }
        if self.fields is not None:
            body["fields"] = self.fields
        return body


@dataclass
class Record:
    fields: dict
    version: int = 0
    deleted: bool = False
    field_versions: dict = field(default_factory=dict)


class ServerModel:
    """What the server must answer and store, by the protocol's rules: exactly once per
    op_seq, a gap stops the batch, fields patch, the later push wins a field both set."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], Record] = {}
        self.last_op_seq: dict[str, int] = {}
        self.handled: dict[str, list[int]] = {}  # op_seqs taken in, per device, in order
        self.version = 0
        self.kept: list[tuple[str, int, str]] = []  # (device, op_seq, status) in the op log

    def push(self, device_id: str, ops: list[Op]) -> dict:
        last = self.last_op_seq.get(device_id, 0)
        results = []
        for op in ops:
            if op.op_seq <= last:
                results.append({"op_seq": op.op_seq, "status": "duplicate"})
            elif op.op_seq == last + 1:
                last = op.op_seq
                self.handled.setdefault(device_id, []).append(op.op_seq)
                apply = self._upsert if op.action == "upsert" else self._delete
                results.append({"op_seq": op.op_seq, **apply(device_id, op)})
            else:
                break
        self.last_op_seq[device_id] = last
        results.sort(key=lambda r: r["op_seq"])
        return {"last_op_seq": last, "results": results, "cursor": self.version}

    def _upsert(self, device_id: str, op: Op) -> dict:
        record = self.records.get(op.key)
        if op.invalid or (record is None and not set(REQUIRED[op.type]) <= set(op.fields)):
            self.kept.append((device_id, op.op_seq, "rejected"))
            return {"status": "rejected"}
        self.version += 1
        if record is None:
            record = self.records[op.key] = Record(fields=dict(DEFAULTS[op.type]))
        replaced = sorted(
            name
            for name, value in op.fields.items()
            if record.field_versions.get(name, 0) > op.base_version and record.fields[name] != value
        )
        record.fields.update(op.fields)
        record.field_versions.update(dict.fromkeys(op.fields, self.version))
        record.version, record.deleted = self.version, False
        if replaced:
            self.kept.append((device_id, op.op_seq, "merged"))
            return {"status": "merged", "version": self.version, "fields": replaced}
        return {"status": "applied", "version": self.version}

    def _delete(self, device_id: str, op: Op) -> dict:
        record = self.records.get(op.key)
        if record is None:
            return {"status": "applied", "version": None}
        if not record.deleted:
            self.version += 1
            record.version, record.deleted = self.version, True
        return {"status": "applied", "version": record.version}

    def state(self) -> dict:
        return {
            key: {"version": r.version, "deleted": r.deleted, "fields": r.fields}
            for key, r in self.records.items()
        }


class Install:
    """One install of the app: its outbox, what it has pulled, and its own session."""

    def __init__(self, name: str, user) -> None:
        self.name = name
        self.device_id = str(uuid.uuid4())
        self.client = ApiClient()
        self.client.force_login(user)
        self.next_seq = 1
        self.outbox: list[Op] = []
        self.sent: list[list[Op]] = []  # requests that went out, for late replays
        self.known: dict[tuple[str, str], int] = {}  # record → the last version it saw
        self.copy: dict[tuple[str, str], dict] = {}  # the local store, as pulled
        self.cursor = 0

    def __repr__(self) -> str:
        return self.name

    def queue(self, action: str, type_: str, record_id: str, **kw) -> None:
        base = self.known.get((type_, record_id), 0)
        self.outbox.append(Op(self.next_seq, action, type_, record_id, base, **kw))
        self.known.setdefault((type_, record_id), base)
        self.next_seq += 1


class FlakySync(RuleBasedStateMachine):
    def __init__(self, user) -> None:
        super().__init__()
        self.user = user
        self.server = ServerModel()
        self.installs: list[Install] = []
        self.synced_midway = False
        # One test transaction holds every example: each starts from an empty sync state.
        for record_type in reversed(all_types()):
            record_type.model.objects.all().delete()
        for model in (Device, SyncCounter, OpLog):
            model.objects.all().delete()

    @initialize(count=st.integers(2, 3), data=st.data())
    def install_the_app(self, count: int, data) -> None:
        names = ("phone", "tablet", "laptop")[:count]
        self.installs = [Install(name, self.user) for name in names]
        # Records she wrote before the other installs: every install starts with them, so
        # edits of one record from several devices (and merges) come up often.
        for type_ in data.draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=3), "shared"):
            fields = data.draw(new_record(type_), label="fields")
            self.installs[0].queue("upsert", type_, str(uuid.uuid4()), fields=fields)
        self._sync_everyone(page=500)

    # -- writing offline -------------------------------------------------------------------

    @rule(data=st.data(), type_=st.sampled_from(sorted(FIELDS)))
    def write_a_new_record(self, data, type_: str) -> None:
        install = data.draw(st.sampled_from(self.installs), label="install")
        fields = data.draw(new_record(type_), label="fields")
        install.queue("upsert", type_, str(uuid.uuid4()), fields=fields)

    def _someone_knows_a_record(self) -> bool:
        return any(install.known for install in self.installs)

    def _pick_record(self, data) -> tuple[Install, tuple[str, str]]:
        install = data.draw(st.sampled_from([i for i in self.installs if i.known]), "install")
        return install, data.draw(st.sampled_from(list(install.known)), label="record")

    @precondition(_someone_knows_a_record)
    @rule(data=st.data(), invalid=st.integers(0, 5).map(lambda n: n == 5))
    def edit_a_record(self, data, invalid: bool) -> None:
        install, (type_, record_id) = self._pick_record(data)
        fields = data.draw(st.sampled_from(INVALID[type_]) if invalid else patch(type_), "fields")
        install.queue("upsert", type_, record_id, fields=fields, invalid=invalid)

    @precondition(_someone_knows_a_record)
    @rule(data=st.data())
    def delete_a_record(self, data) -> None:
        install, (type_, record_id) = self._pick_record(data)
        install.queue("delete", type_, record_id)

    # -- the network -----------------------------------------------------------------------

    def _deliver(self, install: Install, ops: list[Op]) -> dict:
        """The request reaches the server; the answer must be what the model says."""
        body = {"device_id": install.device_id, "ops": [op.wire() for op in ops]}
        response = install.client.send("post", "/api/sync/push", body)
        assert response.status_code == 200, response.content
        answer = response.json()
        for result in answer["results"]:
            if result["status"] == "rejected":
                assert result.pop("errors")
        assert answer == self.server.push(install.device_id, ops)
        install.sent.append(ops)
        self._check_the_database()
        return answer

    def _receive(self, install: Install, ops: list[Op], answer: dict) -> None:
        """The client drops from its outbox only what the server's last_op_seq covers."""
        install.outbox = [op for op in install.outbox if op.op_seq > answer["last_op_seq"]]
        sent = {op.op_seq: op for op in ops}
        for result in answer["results"]:
            if result.get("version") and result["op_seq"] in sent:
                key = sent[result["op_seq"]].key
                install.known[key] = max(install.known.get(key, 0), result["version"])

    @rule(
        data=st.data(),
        skip=st.sampled_from([0, 0, 0, 1, 2]),
        size=st.integers(1, 8),
        fate=st.sampled_from(FATES),
    )
    def push(self, data, skip: int, size: int, fate: str) -> None:
        install = data.draw(st.sampled_from(self.installs), label="install")
        # Usually from the head of the outbox; sometimes from further in (a gap).
        ops = install.outbox[skip : skip + size]
        if fate == "request_lost":
            return
        answer = self._deliver(install, ops)
        if fate == "duplicated":
            answer = self._deliver(install, ops)
        if fate != "answer_lost":
            self._receive(install, ops, answer)

    @precondition(lambda self: any(install.sent for install in self.installs))
    @rule(data=st.data(), answered=st.booleans())
    def an_old_request_arrives_late(self, data, answered: bool) -> None:
        install = data.draw(st.sampled_from([i for i in self.installs if i.sent]), "install")
        ops = data.draw(st.sampled_from(install.sent), label="request")
        answer = self._deliver(install, ops)
        if answered:
            self._receive(install, ops, answer)

    def _pull_page(self, install: Install, limit: int) -> bool:
        url = f"/api/sync/pull?cursor={install.cursor}&limit={limit}"
        response = install.client.send("get", url)
        assert response.status_code == 200, response.content
        body = response.json()
        versions = [change["version"] for change in body["changes"]]
        assert versions == sorted(set(versions))
        assert all(version > install.cursor for version in versions)
        assert len(versions) == limit if body["has_more"] else len(versions) <= limit
        assert body["cursor"] == (versions[-1] if versions else install.cursor)
        for change in body["changes"]:
            key = (change["type"], change["id"])
            install.copy[key] = {k: change[k] for k in ("version", "deleted", "fields")}
            install.known[key] = max(install.known.get(key, 0), change["version"])
        install.cursor = body["cursor"]
        return body["has_more"]

    @rule(data=st.data(), limit=st.integers(1, 4), pages=st.integers(1, 3))
    def pull(self, data, limit: int, pages: int) -> None:
        install = data.draw(st.sampled_from(self.installs), label="install")
        for _ in range(pages):
            if not self._pull_page(install, limit):
                break

    @precondition(lambda self: not self.synced_midway)  # once is enough; teardown does it too
    @rule()
    def everyone_syncs_on_a_good_network(self) -> None:
        self.synced_midway = True
        self._sync_everyone(page=FINAL_PAGE)

    def _sync_everyone(self, page: int) -> None:
        """Drain every outbox over a reliable network, then pull everything: all agree."""
        for install in self.installs:
            while install.outbox:
                waiting = len(install.outbox)
                ops = install.outbox[:MAX_OPS]
                self._receive(install, ops, self._deliver(install, ops))
                assert len(install.outbox) < waiting  # the head of the outbox always applies
            assert self.server.handled.get(install.device_id, []) == list(
                range(1, install.next_seq)
            )
        for install in self.installs:
            while self._pull_page(install, page):
                pass
        server_state = database_state(self.user)
        for install in self.installs:
            assert install.copy == server_state, install

    # -- what must hold -------------------------------------------------------------------

    def _check_the_database(self) -> None:
        """Only a push changes the database: after each one it holds what the model says."""
        assert database_state(self.user) == self.server.state()
        pushed = {str(d): seq for d, seq in Device.objects.values_list("device_id", "last_op_seq")}
        assert pushed == self.server.last_op_seq
        counter = SyncCounter.objects.filter(user=self.user).values_list("version", flat=True)
        assert (counter.first() or 0) == self.server.version
        kept = OpLog.objects.order_by("pk").values_list("device_id", "op_seq", "status")
        assert sorted((str(d), s, st_) for d, s, st_ in kept) == sorted(self.server.kept)

    @invariant()
    def no_op_leaves_an_outbox_before_the_server_has_it(self) -> None:
        for install in self.installs:
            seqs = [op.op_seq for op in install.outbox]
            assert seqs == list(range(install.next_seq - len(seqs), install.next_seq))
            on_server = self.server.last_op_seq.get(install.device_id, 0)
            assert (seqs[0] if seqs else install.next_seq) <= on_server + 1

    def teardown(self) -> None:
        # Every run ends with a drain and a full pull, unless a step already failed.
        if sys.exc_info()[0] is None and self.installs:
            self._sync_everyone(page=FINAL_PAGE)


SETTINGS = settings(
    max_examples=30,
    stateful_step_count=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.django_db
def test_devices_on_a_flaky_network_apply_every_op_once_and_converge(owner):
    run_state_machine_as_test(lambda: FlakySync(owner), settings=SETTINGS)
