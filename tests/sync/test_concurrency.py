"""Pushes and pulls in real concurrent transactions (PostgreSQL only).

Each thread is a client with its own session and its own database connection, so pushes
commit in whatever order the database lets them. The protocol promises that versions are
handed out in commit order under the user's counter lock (a pull never skips a change that
committed late) and that the device row's last_op_seq, checked in the same transaction as
the write, makes delivery exactly once even when one batch arrives twice at the same moment.
"""

import random
import threading
import uuid

import pytest
from django.db import connection

from server.journal.models import ChecklistItem, EfficiencyLog
from server.sync.models import Device, SyncCounter
from tests.conftest import ApiClient

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent transactions only mean something on PostgreSQL; "
        "`make test` runs the suite again on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

TIMEOUT = 60  # seconds for any thread; a hang fails the test instead of the run
MODELS = {"efficiency_log": EfficiencyLog, "checklist_item": ChecklistItem}


class ClientThread(threading.Thread):
    """A thread that logs in with its own session and runs `body(client)`."""

    def __init__(self, user, body, barrier: threading.Barrier | None = None) -> None:
        super().__init__(daemon=True)
        self.user = user
        self.body = body
        self.barrier = barrier
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            client = ApiClient()
            client.force_login(self.user)
            self.body(client)
        except BaseException as exc:
            self.error = exc
            if self.barrier is not None:
                self.barrier.abort()  # the other thread stops waiting and fails too
        finally:
            connection.close()  # this thread's own connection


def start(*threads: ClientThread) -> None:
    for thread in threads:
        thread.start()


def finish(*threads: ClientThread) -> None:
    """Wait for every thread (bounded), then raise the first real error among them."""
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), f"{thread.body} did not finish in {TIMEOUT} s"
    errors = [t.error for t in threads if t.error is not None]
    errors.sort(key=lambda error: isinstance(error, threading.BrokenBarrierError))
    if errors:
        raise errors[0]


def push(client: ApiClient, device_id: str, ops: list[dict]) -> dict:
    response = client.send("post", "/api/sync/push", {"device_id": device_id, "ops": ops})
    assert response.status_code == 200, response.content
    return response.json()


def upsert(seq: int, type_: str, record_id: str, fields: dict) -> dict:
    return {
        "op_seq": seq,
        "action": "upsert",
        "type": type_,
        "id": record_id,
        "base_version": 0,
        "fields": fields,
    }


def new_log(seq: int, task: str) -> dict:
    fields = {"date": "2026-11-24", "task": task, "minutes_spent": 30}
    return upsert(seq, "efficiency_log", str(uuid.uuid4()), fields)


def database_versions(user, upto: int | None = None) -> dict[tuple[str, str], tuple[int, bool]]:
    """Each record's (version, deleted) in the database, optionally only up to a version."""
    limit = {} if upto is None else {"version__lte": upto}
    return {
        (type_, str(pk)): (version, deleted)
        for type_, model in MODELS.items()
        for pk, version, deleted in model.objects.filter(user=user, **limit).values_list(
            "id", "version", "deleted"
        )
    }


class Pusher:
    """A device writing in many small batches: new records of two types, patches of what
    the other device wrote, now and then a delete of its own."""

    BATCHES, SIZE = 40, 5

    def __init__(self, name: str, seed: int, shared: list, lock: threading.Lock) -> None:
        self.name = name
        self.device_id = str(uuid.uuid4())
        self.random = random.Random(seed)
        self.shared, self.lock = shared, lock  # records acknowledged so far, by both devices
        self.mine: list[tuple[str, str]] = []  # acknowledged, never deleted yet
        self.fresh: list[tuple[str, str]] = []  # created in the batch being written
        self.versions: list[int] = []  # every version the server handed to this device's ops
        self.created: set[tuple[str, str]] = set()

    def __repr__(self) -> str:
        return f"pusher {self.name}"

    def _op(self, seq: int) -> dict:
        roll = self.random.random()
        with self.lock:
            theirs = [key for key in self.shared if key not in self.created]
        if roll < 0.3 and theirs:
            type_, record_id = self.random.choice(theirs)
            fields = {"position": seq} if type_ == "checklist_item" else {"minutes_saved": seq}
            return upsert(seq, type_, record_id, fields)
        if roll < 0.35 and self.mine:
            type_, record_id = self.mine.pop(self.random.randrange(len(self.mine)))
            return {"op_seq": seq, "action": "delete", "type": type_, "id": record_id}
        if roll < 0.55:
            op = upsert(seq, "checklist_item", str(uuid.uuid4()), {"title": f"{self.name} {seq}"})
        else:
            op = new_log(seq, f"{self.name} {seq}")
        self.created.add((op["type"], op["id"]))
        self.fresh.append((op["type"], op["id"]))
        return op

    def __call__(self, client: ApiClient) -> None:
        seq = 0
        for _ in range(self.BATCHES):
            ops = [self._op(seq + n) for n in range(1, self.SIZE + 1)]
            seq += self.SIZE
            answer = push(client, self.device_id, ops)
            assert answer["last_op_seq"] == seq
            assert all(r["status"] in ("applied", "merged") for r in answer["results"]), answer
            self.versions += [r["version"] for r in answer["results"]]
            self.mine += self.fresh
            with self.lock:
                self.shared += self.fresh
            self.fresh = []


class Puller:
    """A third device pulling small pages from its cursor until told to stop, then draining."""

    LIMIT = 7

    def __init__(self, user, stop: threading.Event) -> None:
        self.user = user
        self.stop = stop
        self.cursor = 0
        self.seen: dict[tuple[str, str], tuple[int, bool]] = {}
        self.pulls = 0

    def __repr__(self) -> str:
        return "puller"

    def _page(self, client: ApiClient) -> bool:
        url = f"/api/sync/pull?cursor={self.cursor}&limit={self.LIMIT}"
        response = client.send("get", url)
        assert response.status_code == 200, response.content
        body = response.json()
        versions = [change["version"] for change in body["changes"]]
        assert versions == sorted(set(versions)) and all(v > self.cursor for v in versions)
        for change in body["changes"]:
            self.seen[(change["type"], change["id"])] = (change["version"], change["deleted"])
        self.cursor = body["cursor"]
        self.pulls += 1
        # A record still at a version the cursor has passed must have come in a page: the
        # moment a change is skipped shows here, even if a later change would hide it.
        for key, state in database_versions(self.user, upto=self.cursor).items():
            assert self.seen.get(key) == state, (key, state, self.seen.get(key), self.cursor)
        return body["has_more"]

    def __call__(self, client: ApiClient) -> None:
        while not self.stop.is_set():
            self._page(client)
        while self._page(client):  # the pushers are done: everything is committed
            pass


def test_a_puller_racing_two_pushing_devices_misses_no_change(owner):
    shared, lock, stop = [], threading.Lock(), threading.Event()
    phone, tablet = Pusher("phone", 1, shared, lock), Pusher("tablet", 2, shared, lock)
    puller = Puller(owner, stop)
    pushing = [ClientThread(owner, phone), ClientThread(owner, tablet)]
    pulling = ClientThread(owner, puller)
    start(*pushing, pulling)
    try:
        finish(*pushing)
    finally:
        stop.set()  # the puller drains what is left and stops
        finish(pulling)

    final = database_versions(owner)
    assert puller.seen == final  # every record, at its final version and tombstone state
    assert len(final) == len(phone.created | tablet.created)
    # Versions are handed out once each and without gaps: 1..N, N the user's counter.
    handed_out = sorted(phone.versions + tablet.versions)
    assert handed_out == list(range(1, SyncCounter.objects.get(user=owner).version + 1))
    assert sorted(v for v, _ in final.values()) == sorted({v for v, _ in final.values()})
    seqs = dict(Device.objects.values_list("device_id", "last_op_seq"))
    expected = Pusher.BATCHES * Pusher.SIZE
    assert seqs == {uuid.UUID(phone.device_id): expected, uuid.UUID(tablet.device_id): expected}


def test_one_batch_arriving_twice_at_once_is_applied_once(owner):
    device_id, rounds, size = str(uuid.uuid4()), 15, 5
    batches = [
        [new_log(r * size + n, f"round {r}") for n in range(1, size + 1)] for r in range(rounds)
    ]
    answers: list[list[dict]] = [[], []]
    barrier = threading.Barrier(2, timeout=TIMEOUT)

    def resend(mine: list[dict]):
        def body(client: ApiClient) -> None:
            for ops in batches:
                barrier.wait()  # both copies of the batch leave together
                mine.append(push(client, device_id, ops))

        return body

    threads = [ClientThread(owner, resend(mine), barrier) for mine in answers]
    start(*threads)
    finish(*threads)

    for r, pair in enumerate(zip(*answers, strict=True)):
        seqs = list(range(r * size + 1, (r + 1) * size + 1))
        for answer in pair:
            assert answer["last_op_seq"] == seqs[-1]
            assert [result["op_seq"] for result in answer["results"]] == seqs
        # Whichever came second found the first one's last_op_seq and applied nothing.
        kinds = sorted(tuple(result["status"] for result in answer["results"]) for answer in pair)
        assert kinds == [("applied",) * size, ("duplicate",) * size], f"round {r}: {pair}"
    assert Device.objects.get(device_id=device_id).last_op_seq == rounds * size
    assert EfficiencyLog.objects.count() == rounds * size
    versions = sorted(EfficiencyLog.objects.values_list("version", flat=True))
    assert versions == list(range(1, rounds * size + 1))
