"""Part 3 of bench/summaries.py: every user's email, end to end, through Celery workers to an
SMTP sink on loopback."""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "127.0.0.1"
WORKERS = 2  # the 2 Celery workers, one process each


class Sink:
    """An SMTP server on loopback that counts the messages it receives, by recipient."""

    def __init__(self, port: int) -> None:
        from aiosmtpd.controller import Controller

        self.port = port
        self.by_recipient: Counter = Counter()
        self.total = 0
        self.last = 0.0  # time.monotonic() of the latest message
        self.sample = b""
        self._controller = Controller(self, hostname=HOST, port=port)

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        for recipient in envelope.rcpt_tos:
            self.by_recipient[recipient.lower()] += 1
        self.total += 1
        self.last = time.monotonic()
        if not self.sample:
            self.sample = envelope.content
        return "250 Message accepted"

    def __enter__(self) -> "Sink":
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


class Progress(threading.Thread):
    """Prints every 10 s how many emails the sink has, until told to stop."""

    def __init__(self, sink: Sink, expected: int, began: float) -> None:
        super().__init__(daemon=True)
        self.sink, self.expected, self.began = sink, expected, began
        self.stop = threading.Event()

    def run(self) -> None:
        last, count = self.began, 0
        while not self.stop.wait(10):
            now, total = time.monotonic(), self.sink.total
            print(
                f"   {now - self.began:5.0f} s: {total:>6,} / {self.expected:,} emails "
                f"({(total - count) / (now - last):,.0f}/s over the last {now - last:.0f} s)",
                flush=True,
            )
            last, count = now, total


def start_workers(env: dict[str, str], logs: Path) -> list[subprocess.Popen]:
    processes = []
    for n in range(1, WORKERS + 1):
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "server",
            "worker",
            "--concurrency=1",
            "-Q",
            "celery",
            "-n",
            f"bench-summaries-{n}@%h",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ]
        with (logs / f"summaries-worker-{n}.log").open("w") as out:
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its pool child goes with it if it must be killed
                )
            )
    return processes


def stop_workers(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # warm shutdown: the task at hand finishes
    for proc in processes:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the group this script started
            proc.wait()


def wait_for_workers(processes: list[subprocess.Popen], timeout: float = 60) -> None:
    from server.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise RuntimeError("a worker exited at start; see var/bench/summaries-worker-*.log")
        if len(app.control.ping(timeout=1.0)) >= len(processes):
            return
    raise RuntimeError(f"the workers did not answer a ping within {timeout:.0f} s")


def queue_left(redis_url: str) -> int:
    """Tasks still in the broker: queued, or taken and not yet acknowledged."""
    import redis

    client = redis.Redis.from_url(redis_url)
    return client.llen("celery") + client.hlen("unacked")


def bench_send(args, env: dict[str, str], sink: Sink, month: dt.date) -> dict:
    import redis
    from django.db.models import Count
    from django.utils import timezone

    from server.accounts.models import User
    from server.summaries import services
    from server.summaries.models import MonthlySummary
    from server.summaries.selectors import summaries as selectors

    redis.Redis.from_url(args.redis_url).flushdb()
    logs = ROOT / "var" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    emails = set(User.objects.values_list("email", flat=True))
    expected = len(emails)
    print(f"\n3. {expected:,} emails through {WORKERS} Celery workers to 127.0.0.1:{sink.port}")
    workers = start_workers(env, logs)
    progress = None
    try:
        wait_for_workers(workers)
        began = time.monotonic()
        progress = Progress(sink, expected, began)
        progress.start()
        created = services.summaries_create(
            users=selectors.without_summary(month), month=month, now=timezone.now()
        )
        queued = time.monotonic() - began
        print(
            f"   {len(created.pending):,} rows created and their tasks queued in {queued:.1f} s "
            f"({sink.total:,} emails already at the sink)"
        )
        deadline = began + args.timeout
        while sink.total < expected and time.monotonic() < deadline:
            if any(p.poll() is not None for p in workers):
                raise RuntimeError("a worker died; see var/bench/summaries-worker-*.log")
            time.sleep(0.2)
        progress.stop.set()
        elapsed = (sink.last or time.monotonic()) - began
        # Let the last tasks write 'sent' and leave the broker before the books are checked,
        # so a duplicate send (a retry, a redelivery) would have arrived by then.
        settle = time.monotonic() + 60
        rows = MonthlySummary.objects.filter(month=month)
        while time.monotonic() < settle and (
            rows.exclude(status=MonthlySummary.Status.SENT).exists() or queue_left(args.redis_url)
        ):
            time.sleep(0.5)
        time.sleep(2)
        statuses = dict(rows.values("status").annotate(n=Count("id")).values_list("status", "n"))
    finally:
        if progress is not None:
            progress.stop.set()
        stop_workers(workers)
        redis.Redis.from_url(args.redis_url).flushdb()
    codes = [p.returncode for p in workers]
    twice = sum(1 for n in sink.by_recipient.values() if n > 1)
    subject = (
        message_from_bytes(sink.sample, policy=policy.default)["Subject"] if sink.sample else ""
    )
    return {
        "expected": expected,
        "received": sink.total,
        "recipients": len(sink.by_recipient),
        "twice": twice,
        "strangers": len(set(sink.by_recipient) - emails),
        "missing": len(emails - set(sink.by_recipient)),
        "queued_seconds": queued,
        "seconds": elapsed,
        "statuses": statuses,
        "rows": sum(statuses.values()),
        "workers_exit": codes,
        "subject": subject,
    }
