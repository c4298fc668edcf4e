import uuid

import pytest

PHONE = "0b8f3e52-7a4c-4e0e-9a59-5f8d0a3c1d11"
TABLET = "5c2d7e90-1b3a-4f6e-8c2d-9e0f1a2b3c44"


def new_id() -> str:
    return str(uuid.uuid4())


def op(
    seq: int,
    type_: str,
    record_id: str,
    fields: dict | None = None,
    *,
    action: str = "upsert",
    base: int = 0,
) -> dict:
    body = {"op_seq": seq, "action": action, "type": type_, "id": record_id, "base_version": base}
    if fields is not None or action == "upsert":
        body["fields"] = fields or {}
    return body


def log(seq: int, record_id: str | None = None, **fields) -> dict:
    """An efficiency_log upsert with sensible values, overridable per field."""
    values = {"date": "2026-11-24", "task": "月次レポート", "minutes_spent": 60, **fields}
    return op(seq, "efficiency_log", record_id or new_id(), values)


class Device:
    """One install of the app, pushing with its own op_seq counter."""

    def __init__(self, client, device_id: str = PHONE) -> None:
        self.client = client
        self.device_id = device_id

    def push(self, ops: list[dict], **extra):
        return self.client.send(
            "post", "/api/sync/push", {"device_id": self.device_id, "ops": ops}, **extra
        )

    def pull(self, cursor: int = 0, limit: int = 500):
        return self.client.send("get", f"/api/sync/pull?cursor={cursor}&limit={limit}")

    def pull_all(self, cursor: int = 0) -> tuple[list[dict], int]:
        changes = []
        while True:
            body = self.pull(cursor).json()
            changes += body["changes"]
            cursor = body["cursor"]
            if not body["has_more"]:
                return changes, cursor


@pytest.fixture
def phone(owner_api):
    return Device(owner_api, PHONE)


@pytest.fixture
def tablet(owner):
    from tests.conftest import ApiClient

    client = ApiClient()
    client.force_login(owner)
    return Device(client, TABLET)
