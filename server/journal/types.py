"""The journal's record types registered with sync (which knows none by name): each is its
pydantic model (records.py) and the Django model of the same name (models.py), in reference
order."""

from server.journal import models, records
from server.sync.registry import RecordType, register

for _name, _schema in records.RECORDS.items():
    register(RecordType(_name, getattr(models, _schema.__name__), _schema))
