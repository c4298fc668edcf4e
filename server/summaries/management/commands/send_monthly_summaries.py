"""Create and send one month's summaries by hand, with the services the beat uses."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from server.accounts.models import User, normalize_email
from server.lib import months
from server.summaries import presenter, services
from server.summaries.models import MonthlySummary
from server.summaries.selectors import figures
from server.summaries.selectors import summaries as selectors

Status = MonthlySummary.Status
# A month has ended somewhere once it has ended here, the first zone to see a new day.
EARLIEST_ZONE = dt.timezone(dt.timedelta(hours=14))


class Command(BaseCommand):
    help = (
        "Create the summaries of --month that are missing and send the pending ones now "
        "(in this process). --resend-failed sends failed ones again; --dry-run only tells."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--month", required=True, help="YYYY-MM, a month that has ended")
        parser.add_argument("--user", help="only this user's summary (email address)")
        parser.add_argument("--dry-run", action="store_true", help="change and send nothing")
        parser.add_argument(
            "--resend-failed", action="store_true", help="send failed summaries again too"
        )

    def handle(
        self, *args, month: str, user: str | None, dry_run: bool, resend_failed: bool, **options
    ) -> None:
        first = months.parse_key(month)
        if first is None:
            raise CommandError(f"--month must look like 2026-11, not {month!r}")
        now = timezone.now()
        if first > months.last_ended(now, EARLIEST_ZONE):
            raise CommandError(f"{month} has not ended yet")
        users = User.objects.filter(is_active=True)
        if user:
            users = users.filter(email=normalize_email(user))
            if not users.exists():
                raise CommandError(f"no active user {user!r}")
        missing = selectors.without_summary(first, users)
        statuses = [Status.PENDING, *([Status.FAILED] if resend_failed else [])]
        rows = MonthlySummary.objects.filter(month=first, user__in=users)
        if dry_run:
            return self._dry_run(first, missing, rows, statuses, now)

        created = services.summaries_create(users=missing, month=first, now=now, enqueue=False)
        self.stdout.write(
            f"{month}: created {len(created.pending) + created.skipped} summaries "
            f"({created.skipped} with the email off)"
        )
        if resend_failed:
            # Sent below, in this process, with the rows created above.
            again = services.summaries_resend_failed(
                summary_ids=list(rows.values_list("pk", flat=True)), enqueue=False
            )
            self.stdout.write(f"{month}: {len(again)} failed summaries to send again")
        results: dict[str, int] = {}
        for pk, email in rows.filter(status=Status.PENDING).values_list("pk", "user__email"):
            result = services.summary_send(summary_id=pk)
            results[result] = results.get(result, 0) + 1
            self.stdout.write(f"  {email}: {result}")
        summary = ", ".join(f"{n} {name}" for name, n in sorted(results.items())) or "nothing"
        self.stdout.write(f"{month}: {summary}")

    def _dry_run(self, first, missing, rows, statuses, now) -> None:
        missing = list(missing)
        computed = figures.compute(users=missing, month=first, now=now)
        to_send = 0
        for user in missing:
            h = presenter.headline(computed[user.pk])
            action = "would send" if user.monthly_email else "would store (email off)"
            to_send += bool(user.monthly_email)
            self.stdout.write(
                f"  {user.email} [{user.language}]: {action}: {h['entries']} tasks, "
                f"{h['minutes_saved']} min saved, {h['learning_minutes']} min learning, "
                f"{h['contacts']} contacts, checklist {h['completion_percent']}%"
            )
        counts = dict.fromkeys(Status.values, 0)
        for status, email in rows.values_list("status", "user__email"):
            counts[status] += 1
            if status in statuses:
                to_send += 1
                self.stdout.write(f"  {email}: would send ({status})")
        existing = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "none"
        self.stdout.write(
            f"{first:%Y-%m} (dry run): would create {len(missing)}, would send {to_send}; "
            f"existing: {existing}"
        )
