"""The outbox: write an alert and one delivery per matching subscription, in the caller's
transaction, so an alert exists exactly when the change it announces does."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

from sqlalchemy import DateTime, Integer, String, insert, literal, select

from api.extensions import db
from api.models import BundleVersion, Council
from api.models.push import Delivery, Notification, PushSubscription
from api.services.push_keys import b64url

TITLE_LIMIT = 120
BODY_LIMIT = 600
URGENCY = {"purdah": "high", "policy": "normal"}
URLS = {"purdah": "/#/purdah", "policy": "/#/updates"}


def shorten(text: str, limit: int) -> str:
    """Cut text to a limit on a word boundary; push messages must stay under 4 KB."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def queue_alert(council: Council, kind: str, title: str, body: str,
                version: int | None = None) -> Notification:
    """Add a notification and a delivery for every subscriber who wants this kind; no commit."""
    notification = Notification(council=council, kind=kind, title=shorten(title, TITLE_LIMIT),
                                body=shorten(body, BODY_LIMIT), url=URLS[kind], version=version)
    db.session.add(notification)
    db.session.flush()
    now = datetime.now(UTC)
    wants = getattr(PushSubscription, f"wants_{kind}")
    subscribers = select(
        literal(notification.id, Integer), PushSubscription.id, literal("pending", String),
        literal(0, Integer), literal(now, DateTime(timezone=True)),
        literal(now, DateTime(timezone=True)),
    ).where(PushSubscription.council_id == council.id, wants.is_(True))
    db.session.execute(insert(Delivery).from_select(
        ["notification_id", "subscription_id", "status", "attempts", "next_attempt_at",
         "created_at"], subscribers))
    return notification


def queue_policy_alert(council: Council, version) -> Notification | None:
    """Queue "your council has updated its guidance" for a newly published bundle version."""
    if version.version <= 1:
        return None  # the first version: nobody can have subscribed to this council yet
    return queue_alert(council, "policy",
                       f"{council.name} has updated its social media guidance",
                       f"Version {version.version}. {version.change_note}", version.version)


def queue_purdah_alert(council: Council, period: dict, today: date) -> Notification:
    """Queue "the pre-election period starts today" (or started on a day the worker missed)."""
    start = date.fromisoformat(period["purdah_start"])
    poll = date.fromisoformat(period["poll_date"])
    when = "today" if start == today else f"on {start:%A %-d %B}"
    latest = (BundleVersion.query.filter_by(council_id=council.id)
              .order_by(BundleVersion.version.desc()).first())
    return queue_alert(
        council, "purdah", f"The pre-election period started {when}",
        f"Until polling day on {poll:%A %-d %B %Y}, take extra care: no party campaigning as "
        "a councillor or with council resources, and be even-handed about candidates. "
        "Open the app to see what changes for your posts.",
        latest.version if latest else None)


def topic_for(kind: str, slug: str) -> str:
    """Name the Topic header: a newer alert of this kind replaces an undelivered older one."""
    return f"{kind}-{b64url(hashlib.sha256(slug.encode()).digest())[:16]}"


def payload_for(notification: Notification, slug: str) -> bytes:
    """Serialise the message the service worker shows (see the push payload contract)."""
    message = {"kind": notification.kind, "council": slug, "title": notification.title,
               "body": notification.body, "version": notification.version,
               "url": notification.url}
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
