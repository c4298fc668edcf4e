import datetime as dt

from django.core.management.base import BaseCommand

from server.sync.tombstones import tombstones_purge


class Command(BaseCommand):
    help = "Delete tombstones (deleted records) older than --days; older cursors then get 410."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="keep tombstones this recent")

    def handle(self, *args, days: int, **options):
        count = tombstones_purge(older_than=dt.timedelta(days=days))
        self.stdout.write(f"Purged {count} tombstones older than {days} days.")
