"""Part 2 of bench/summaries.py: the app's set-based figures against the naive loop, in turn."""

import datetime as dt
import os
import time

from monthly.naive import Naive


def set_based(users: list, month: dt.date, now: dt.datetime) -> tuple[dict, float, float, list]:
    """The figures of every user, batch by batch as services.summaries_create computes them;
    returns them, the seconds, this process's CPU seconds and the queries of each batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from server.summaries.selectors import figures

    result, per_batch = {}, []
    start, cpu = time.perf_counter(), time.process_time()
    for at in range(0, len(users), figures.CHUNK):
        connection.queries_log.clear()  # the log keeps 9,000 queries, and counts are by length
        with CaptureQueriesContext(connection) as queries:
            result.update(
                figures.compute(users=users[at : at + figures.CHUNK], month=month, now=now)
            )
        per_batch.append(len(queries))
    return result, time.perf_counter() - start, time.process_time() - cpu, per_batch


def naive(sample: list, month: dt.date, now: dt.datetime) -> tuple[dict, float, float, list]:
    """The naive figures of the sampled users; the seconds, this process's CPU seconds and
    the queries of each user."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    loop, result, per_user = Naive(month, now), {}, []
    start, cpu = time.perf_counter(), time.process_time()
    for user in sample:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            result[user.pk] = loop.compute(user)
        per_user.append(len(queries))
    return result, time.perf_counter() - start, time.process_time() - cpu, per_user


def bench_figures(args, month: dt.date) -> dict:
    """Set-based over every user and naive over a share of the sample, in turn, --passes
    times; the best pass of each counts (the machine is shared: the least disturbed pass)."""
    from django.utils import timezone

    from server.summaries.selectors import figures
    from server.summaries.selectors import summaries as selectors

    now = timezone.now()
    users = list(selectors.without_summary(month))  # who the beat would sum up
    step = max(1, len(users) // min(args.sample, len(users)))
    sample = users[::step][: args.sample]
    # A warm-up of both (imports, the guide's chapters, the database's caches), untimed.
    figures.compute(users=users[:20], month=month, now=now)
    naive(users[:5], month, now)

    print(f"\n2. figures of {len(users):,} users, month {month:%Y-%m}, {args.passes} passes")
    load = os.getloadavg()[0]
    fast, slow, per_batch, per_user, computed, naive_figures = [], [], [], [], {}, {}
    for n in range(args.passes):
        computed, seconds, cpu, queries = set_based(users, month, now)
        fast.append((len(users), seconds, cpu))
        per_batch += queries
        share = sample[n :: args.passes]  # the slow loop: the sample split over the passes
        got, slow_seconds, slow_cpu, queries = naive(share, month, now)
        slow.append((len(share), slow_seconds, slow_cpu))
        per_user += queries
        naive_figures.update(got)
        print(
            f"   pass {n + 1}: set-based {len(users):,} users in {seconds:.2f} s "
            f"({len(users) / seconds:,.0f}/s); naive {len(share):,} users in "
            f"{slow_seconds:.2f} s ({len(share) / slow_seconds:,.1f}/s)"
        )
    differ = [uid for uid, got in naive_figures.items() if got != computed[uid]]
    for uid in differ[:3]:
        print(
            f"   DIFFERENT figures for user {uid}:\n"
            f"     naive {naive_figures[uid]}\n     set   {computed[uid]}"
        )
    return {
        "users": len(users),
        "fast": fast,
        "slow": slow,
        "load": load,
        "per_batch": per_batch,
        "batches": len(per_batch) // args.passes,
        "sample": len(sample),
        "step": step,
        "per_user": per_user,
        "differ": len(differ),
        "computed": computed,
    }


def best(passes: list[tuple[int, float, float]]) -> tuple[float, float, float]:
    """(users/s of the best pass, of the worst, users per CPU-second in the best)."""
    rates = sorted(passes, key=lambda p: p[0] / p[1])
    (n_worst, s_worst, _c), (n, seconds, cpu) = rates[0], rates[-1]
    return n / seconds, n_worst / s_worst, n / cpu


def describe(computed: dict) -> str:
    """The mean figures of the month, to show what the data looks like."""
    n = len(computed)

    def mean(get) -> float:
        return sum(get(f) for f in computed.values()) / n

    return (
        f"mean per user: {mean(lambda f: f['efficiency']['entries']['value']):.1f} efficiency "
        f"logs, {mean(lambda f: f['efficiency']['hours_saved']['value']):.1f} h saved, "
        f"{mean(lambda f: f['checklist']['checks_done']['value']):.1f} checks done, "
        f"completion {mean(lambda f: f['checklist']['completion_percent']['value']):.1f} %, "
        f"{mean(lambda f: f['learning']['minutes']['value']):.0f} min learning, "
        f"{mean(lambda f: f['network']['contacts']['value']):.1f} contacts"
    )
