"""Writing a user's records the way the app does: ops pushed through the sync service."""

import uuid

from server.journal.records import check_id
from server.sync import services
from server.sync.models import Device
from server.sync.protocol import parse_push

DEVICE = "7d1e4c2a-93b5-4f60-8a17-2c5e9b0d4f31"


class Journal:
    """One device of one user; every call pushes its ops at once and checks they applied."""

    def __init__(self, user) -> None:
        self.user = user
        device = Device.objects.filter(user=user, device_id=DEVICE).first()
        self.seq = device.last_op_seq if device else 0

    def push(self, *ops: dict) -> None:
        body = {"device_id": DEVICE, "ops": []}
        for op in ops:
            self.seq += 1
            body["ops"].append({"op_seq": self.seq, "base_version": 0, **op})
        device_id, parsed = parse_push(body)
        answer = services.push(user=self.user, device_id=device_id, ops=parsed)
        bad = [r for r in answer["results"] if r["status"] not in ("applied", "merged")]
        assert not bad, bad

    def upsert(self, type_: str, fields: dict, record_id: str | None = None) -> str:
        record_id = record_id or str(uuid.uuid4())
        self.push({"action": "upsert", "type": type_, "id": record_id, "fields": fields})
        return record_id

    def delete(self, type_: str, record_id: str) -> None:
        self.push({"action": "delete", "type": type_, "id": record_id})

    # One helper per record type, with the fields a test cares about.

    def log(self, date: str, spent: int, saved: int = 0, **fields) -> str:
        values = {"date": date, "task": "月次レポート", "minutes_spent": spent}
        return self.upsert("efficiency_log", {**values, "minutes_saved": saved, **fields})

    def learn(self, date: str, minutes: int, place: str = "commute") -> str:
        fields = {"date": date, "topic": "簿記2級", "minutes": minutes, "place": place}
        return self.upsert("learning_session", fields)

    def contact(self, date: str, follow_up_on: str | None = None) -> str:
        fields = {"date": date, "name": "佐藤さん", "kind": "peer", "follow_up_on": follow_up_on}
        return self.upsert("contact", fields)

    def item(self, title: str = "朝いちばんにToDoを3つ書く", **fields) -> str:
        return self.upsert("checklist_item", {"title": title, **fields})

    def check(self, item: str, *dates: str, done: bool = True) -> list[str]:
        ids = [str(check_id(item, date)) for date in dates]
        self.push(
            *(
                {
                    "action": "upsert",
                    "type": "check",
                    "id": record_id,
                    "fields": {"item": item, "date": date, "done": done},
                }
                for record_id, date in zip(ids, dates, strict=True)
            )
        )
        return ids

    def goal(self, due: str, status: str = "open", title: str = "プロジェクトを任される") -> str:
        return self.upsert("goal", {"title": title, "due": due, "status": status})

    def self_check(self, date: str, answers: dict) -> str:
        return self.upsert(
            "self_check", {"date": date, "questionnaire": "2026-11", "answers": answers}
        )

    def career_mode(self, mode: str, starts: str, ends: str, purpose: str = "") -> str:
        fields = {"mode": mode, "starts": starts, "ends": ends, "purpose": purpose}
        return self.upsert("career_mode", fields)
