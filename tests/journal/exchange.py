"""Shared by the export, import and account-deletion tests: seeded accounts and comparisons."""

import datetime as dt
import json
import uuid

from server.journal import demo
from server.summaries.models import MonthlySummary
from server.sync import protocol, services
from server.sync.models import SyncCounter
from server.sync.registry import all_types
from tests.conftest import ApiClient
from tests.factories import PASSWORD

PHONE = uuid.UUID("0b8f3e52-7a4c-4e0e-9a59-5f8d0a3c1d11")


def seed(email: str, *, months: int = 1):
    """An account with demo records of every type, one stored summary and one rejected op."""
    user = demo.seed_demo(email=email, months=months, password=PASSWORD).user
    MonthlySummary.objects.create(
        user=user, month=dt.date(2026, 10, 1), figures={"version": 1, "month": "2026-10"}
    )
    push(user, [{"type": "efficiency_log", "id": str(uuid.uuid4()), "fields": {"task": ""}}])
    return user


def push(user, ops: list[dict], device: uuid.UUID = PHONE) -> list[dict]:
    """Send upserts (or deletes) as her phone would; returns the per-op results."""
    from server.sync.models import Device

    row = Device.objects.filter(user=user, device_id=device).first()
    seq = row.last_op_seq if row else 0
    body = {
        "device_id": str(device),
        "ops": [
            {"op_seq": seq + n, "action": "upsert", "base_version": 0, **op}
            for n, op in enumerate(ops, start=1)
        ],
    }
    device_id, parsed = protocol.parse_push(body)
    return services.push(user=user, device_id=device_id, ops=parsed)["results"]


def by_id(document: dict) -> dict[tuple[str, str], dict]:
    """An export's records as (type, id) → fields: what must survive a round trip."""
    return {
        (name, record["id"]): record["fields"]
        for name, items in document["records"].items()
        for record in items
    }


def as_file(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def logged_in(user) -> ApiClient:
    client = ApiClient()
    client.force_login(user)
    return client


def export_of(user) -> dict:
    return json.loads(logged_in(user).get("/api/export").content)


def post_json(client, body: bytes | str):
    return client.post("/api/import", data=body, content_type="application/json")


def live_records(user) -> dict[tuple[str, str], tuple[int, dict]]:
    """Her live records as stored: (type, id) → (version, fields)."""
    return {
        (rt.name, str(row["id"])): (row["version"], rt.to_fields(row))
        for rt in all_types()
        for row in rt.model.objects.filter(user=user, deleted=False).values(
            "id", "version", *rt.attrs
        )
    }


def counter(user) -> int:
    return SyncCounter.objects.get(user=user).version
