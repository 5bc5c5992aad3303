"""The push worker: claim due deliveries with a lease, send them, record what happened.

The database is the truth. A claim sets a lease (leased_until, leased_by) in a short write
transaction: on PostgreSQL with FOR UPDATE SKIP LOCKED so several workers share the work, on
SQLite inside BEGIN IMMEDIATE so the select-then-update cannot interleave. A worker killed
mid-batch leaves leases that expire and are claimed again: nothing is lost; at most the messages
in flight are sent twice, and the phone collapses them by notification tag.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, or_, select, text, update

from api.extensions import db
from api.models import Council
from api.models.push import Delivery, Notification, PushSubscription
from api.services.outbox import URGENCY, payload_for, topic_for
from api.services.push_sender import PushJob, PushResult
from api.services.push_settings import PushSettings
from api.services.push_subscriptions import remove_subscriptions

log = logging.getLogger(__name__)
FINAL = {"sent": "sent", "gone": "gone", "too_large": "failed", "failed": "failed",
         "refused": "refused"}


def utc_now() -> datetime:
    return datetime.now(UTC)


def _begin_claim() -> None:
    """Take SQLite's write lock before reading, so the claim is one writer's (no-op on PG)."""
    db.session.commit()
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(text("BEGIN IMMEDIATE"))


def claim(settings: PushSettings, token: str, now: datetime) -> list[tuple[PushJob, int]]:
    """Lease up to a batch of due deliveries to this worker; return them as jobs with attempts."""
    _begin_claim()
    due = (select(Delivery.id)
           .where(Delivery.status == "pending", Delivery.next_attempt_at <= now,
                  or_(Delivery.leased_until.is_(None), Delivery.leased_until < now))
           .order_by(Delivery.id).limit(settings.batch_size)
           .with_for_update(skip_locked=True))
    ids = db.session.scalars(due).all()
    if not ids:
        db.session.commit()
        return []
    db.session.execute(update(Delivery).where(Delivery.id.in_(ids)).values(
        leased_until=now + timedelta(seconds=settings.lease_seconds), leased_by=token,
        attempts=Delivery.attempts + 1).execution_options(synchronize_session=False))
    jobs = _jobs_for(ids, settings)
    db.session.commit()
    return jobs


def _jobs_for(ids: list[int], settings: PushSettings) -> list[tuple[PushJob, int]]:
    rows = db.session.execute(
        select(Delivery.id, Delivery.attempts, Notification, Council.slug,
               PushSubscription.endpoint, PushSubscription.p256dh, PushSubscription.auth)
        .join(Notification, Delivery.notification_id == Notification.id)
        .join(Council, Notification.council_id == Council.id)
        .join(PushSubscription, Delivery.subscription_id == PushSubscription.id, isouter=True)
        .where(Delivery.id.in_(ids)).order_by(Delivery.id)).all()
    payloads: dict[int, bytes] = {}
    jobs, orphans = [], []
    for delivery_id, attempts, notification, slug, endpoint, p256dh, auth in rows:
        if endpoint is None:  # unsubscribed since it was queued
            orphans.append(delivery_id)
            continue
        if notification.id not in payloads:
            payloads[notification.id] = payload_for(notification, slug)
        jobs.append((PushJob(delivery_id, endpoint, p256dh, auth, payloads[notification.id],
                             settings.ttl_seconds, URGENCY[notification.kind],
                             topic_for(notification.kind, slug)), attempts))
    if orphans:
        db.session.execute(update(Delivery).where(Delivery.id.in_(orphans)).values(
            status="cancelled", leased_until=None).execution_options(synchronize_session=False))
    return jobs


def next_try(result: PushResult, attempts: int, settings: PushSettings) -> float:
    """Seconds to wait before the next attempt: Retry-After if given, else backoff with jitter."""
    if result.retry_after is not None:
        return min(result.retry_after, settings.retry_after_max_seconds)
    ceiling = min(settings.backoff_max_seconds,
                  settings.backoff_base_seconds * 2 ** max(0, attempts - 1))
    return random.uniform(ceiling / 2, ceiling)  # jitter: retries from one outage spread out


def _row(result: PushResult, attempts: int, settings: PushSettings, now: datetime) -> dict:
    row = {"b_id": result.delivery_id, "b_status": "pending", "b_next": None, "b_sent": None,
           "b_code": result.status_code, "b_error": result.reason[:300] or None}
    if result.outcome == "retry" and attempts >= settings.max_attempts:
        row["b_status"] = "failed"
        row["b_error"] = f"Gave up after {attempts} attempts: {result.reason}"[:300]
    elif result.outcome == "retry":
        row["b_next"] = now + timedelta(seconds=next_try(result, attempts, settings))
    else:
        row["b_status"] = FINAL[result.outcome]
        row["b_sent"] = now if result.outcome == "sent" else None
    return row


_TABLE = Delivery.__table__
RECORD = (update(_TABLE)
          .where(_TABLE.c.id == bindparam("b_id"), _TABLE.c.leased_by == bindparam("b_token"),
                 _TABLE.c.status == "pending")
          .values(status=bindparam("b_status"), last_status=bindparam("b_code"),
                  last_error=bindparam("b_error"), sent_at=bindparam("b_sent"),
                  leased_until=None))


def record(results: list[PushResult], attempts: dict[int, int], token: str,
           settings: PushSettings, now: datetime) -> None:
    """Write every outcome, only where this worker still holds the lease; drop gone endpoints."""
    rows = [_row(r, attempts[r.delivery_id], settings, now) | {"b_token": token}
            for r in results]
    retries = [r for r in rows if r["b_next"] is not None]
    finals = [r for r in rows if r["b_next"] is None]
    if finals:
        db.session.execute(RECORD, finals)
    if retries:
        db.session.execute(RECORD.values(next_attempt_at=bindparam("b_next")), retries)
    gone = [r.delivery_id for r in results if r.outcome == "gone"]
    if gone:
        remove_subscriptions(select(Delivery.subscription_id).where(Delivery.id.in_(gone)))
    db.session.commit()


def worker_token() -> str:
    """Name this claim's lease holder: host, process and a random part."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


class Worker:
    """Queue due time-based alerts, then claim, send and record batches until told to stop."""

    def __init__(self, settings: PushSettings, sender, clock=utc_now):
        self.settings, self.sender, self.clock = settings, sender, clock
        self.stopping = False

    def run_once(self) -> int:
        """Do one pass; return how many deliveries were handled."""
        from api.services.push_timed import queue_due_alerts

        for line in queue_due_alerts(self.clock(), self.settings.purdah_alert_hour):
            log.info("queued %s", line)
        token = worker_token()
        claimed = claim(self.settings, token, self.clock())
        if not claimed:
            return 0
        results = self.sender.send([job for job, _ in claimed])
        record(results, {job.delivery_id: n for job, n in claimed}, token, self.settings,
               self.clock())
        return len(claimed)

    def run(self, sleep, until_idle: bool = False) -> int:
        """Loop until stopping (or, with until_idle, until nothing is due); return the count."""
        handled = 0
        while not self.stopping:
            done = self.run_once()
            handled += done
            if done == 0:
                if until_idle:
                    break
                sleep(self.settings.idle_seconds)
        return handled
