"""Time-based alerts: found and queued by the worker, once per council, kind and day.

No scheduler lives in the web process. Each worker pass looks for pre-election periods that have
started and are not over; a unique key (council, kind, day) makes queuing idempotent, so two
workers or a restart never queue twice, and a worker that was down on the day catches up.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from api.extensions import db
from api.models import Council
from api.models.push import TimedAlert
from api.services.elections import periods_for_bundle
from api.services.outbox import queue_purdah_alert

UK = ZoneInfo("Europe/London")


def due_periods(council: Council, now: datetime, alert_hour: int) -> list[dict]:
    """Return the council's periods whose start alert is due now (UK time), not yet over."""
    local = now.astimezone(UK)
    due = []
    for period in periods_for_bundle(council):
        start = date.fromisoformat(period["purdah_start"])
        poll = date.fromisoformat(period["poll_date"])
        # On the day itself, wait for a civil hour; a missed day is caught up at once.
        if start <= local.date() <= poll and (start < local.date() or local.hour >= alert_hour):
            due.append(period)
    return due


def _queued(council_id: int, day: date) -> bool:
    return db.session.query(TimedAlert.id).filter_by(
        council_id=council_id, kind="purdah", day=day).first() is not None


def queue_once(council: Council, period: dict, today: date) -> bool:
    """Queue one period's start alert in its own transaction; False if someone already has."""
    start = date.fromisoformat(period["purdah_start"])
    try:
        key = TimedAlert(council_id=council.id, kind="purdah", day=start)
        db.session.add(key)
        db.session.flush()  # the unique key is claimed first: a second worker stops here
        key.notification_id = queue_purdah_alert(council, period, today).id
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def queue_due_alerts(now: datetime, alert_hour: int) -> list[str]:
    """Queue every due pre-election alert not queued before; return what was queued."""
    queued = []
    for council in Council.query.order_by(Council.id).all():
        slug, council_id = council.slug, council.id
        for period in due_periods(council, now, alert_hour):
            day = date.fromisoformat(period["purdah_start"])
            if not _queued(council_id, day) and queue_once(council, period,
                                                           now.astimezone(UK).date()):
                queued.append(f"{slug}: pre-election period from {day.isoformat()}")
    db.session.commit()
    return queued
