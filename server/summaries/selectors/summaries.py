"""Reads of stored summaries, and who is due one."""

import datetime as dt
from collections import defaultdict
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet

from server.accounts.models import User
from server.lib import months
from server.summaries import tokens
from server.summaries.models import MonthlySummary


def for_user(*, user) -> QuerySet[MonthlySummary]:
    """Her summaries, newest month first."""
    return MonthlySummary.objects.filter(user=user).order_by("-month")


def one_for_user(*, user, month: dt.date) -> MonthlySummary | None:
    """Her summary of `month`, or None (someone else's is never found)."""
    return MonthlySummary.objects.filter(user=user, month=month).first()


def existed_in(month: dt.date, zones: list[str]) -> Q:
    """Accounts made before `month` ended in their own zone."""
    end = months.add_months(month, 1)
    return reduce(
        or_,
        (Q(time_zone=z, created_at__lt=months.local_midnight(end, ZoneInfo(z))) for z in zones),
        Q(pk__in=[]),
    )


def without_summary(month: dt.date, users: QuerySet[User] | None = None) -> QuerySet[User]:
    """Active users who existed in `month` and have no summary of it yet."""
    users = User.objects.all() if users is None else users
    users = users.filter(is_active=True)
    zones = list(users.order_by().values_list("time_zone", flat=True).distinct())
    return (
        users.filter(existed_in(month, zones))
        .exclude(Exists(MonthlySummary.objects.filter(user=OuterRef("pk"), month=month)))
        .order_by("pk")
    )


def due(*, now: dt.datetime) -> dict[dt.date, QuerySet[User]]:
    """Users for whom SUMMARY_SEND_HOUR on the 1st has passed in their own zone and who have
    no summary of the month just ended, by that month (two months at most, across zones)."""
    hour = settings.SUMMARY_SEND_HOUR
    zones = User.objects.filter(is_active=True).order_by().values_list("time_zone", flat=True)
    by_month = defaultdict(list)
    for name in zones.distinct():
        zone = ZoneInfo(name)
        month = months.last_ended(now, zone, grace=dt.timedelta(hours=hour))
        fell_due = months.local_midnight(months.add_months(month, 1), zone)
        late = now - fell_due - dt.timedelta(hours=hour)
        if late <= dt.timedelta(days=settings.SUMMARY_CATCH_UP_DAYS):
            by_month[month].append(name)
    return {
        month: without_summary(month, User.objects.filter(time_zone__in=names))
        for month, names in sorted(by_month.items())
    }


def stale(*, now: dt.datetime) -> QuerySet[MonthlySummary]:
    """Rows a lost message or a killed worker left waiting: pending or sending for too long."""
    before = now - dt.timedelta(minutes=settings.SUMMARY_STALE_MINUTES)
    return MonthlySummary.objects.filter(
        status__in=[MonthlySummary.Status.PENDING, MonthlySummary.Status.SENDING],
        updated_at__lt=before,
    )


def token_user(*, token: str) -> User:
    """The active user a signed unsubscribe link names (raises tokens.BadToken,
    User.DoesNotExist)."""
    return User.objects.get(pk=tokens.read(token), is_active=True)
