"""Push alerts: who subscribed, what was queued (the outbox) and how each delivery went.

The database is the truth: a notification and one delivery per matching subscription are
written in the same transaction as the change they announce; the worker sends what is due.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, UniqueConstraint

from api.extensions import db
from api.models.bundle import utc_now

ALERT_KINDS = ("purdah", "policy")
DELIVERY_STATUSES = ("pending", "sent", "gone", "failed", "refused", "cancelled")


class PushSubscription(db.Model):
    """A browser's push subscription for one council: the endpoint, its keys, the topics."""

    __tablename__ = "push_subscriptions"
    __table_args__ = (UniqueConstraint("endpoint", name="uq_push_subscriptions_endpoint"),)

    id = db.Column(db.Integer, primary_key=True)
    council_id = db.Column(db.Integer, db.ForeignKey("councils.id"), nullable=False, index=True)
    endpoint = db.Column(db.String(2048), nullable=False)
    p256dh = db.Column(db.String(100), nullable=False)
    auth = db.Column(db.String(32), nullable=False)
    wants_purdah = db.Column(db.Boolean, nullable=False, default=True)
    wants_policy = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)

    council = db.relationship("Council")

    @property
    def topics(self) -> list[str]:
        return [kind for kind in ALERT_KINDS if getattr(self, f"wants_{kind}")]


class Notification(db.Model):
    """One alert to a council's subscribers: the message every delivery carries."""

    __tablename__ = "push_notifications"
    __table_args__ = (CheckConstraint("kind IN ('purdah', 'policy')", name="ck_push_kind"),)

    id = db.Column(db.Integer, primary_key=True)
    council_id = db.Column(db.Integer, db.ForeignKey("councils.id"), nullable=False, index=True)
    kind = db.Column(db.String(16), nullable=False)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, nullable=False)
    url = db.Column(db.String(200), nullable=False)
    version = db.Column(db.Integer, nullable=True)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)

    council = db.relationship("Council")


class Delivery(db.Model):
    """One notification to one subscription, leased by a worker while it is being sent."""

    __tablename__ = "push_deliveries"
    __table_args__ = (
        UniqueConstraint("notification_id", "subscription_id", name="uq_push_delivery"),
        CheckConstraint(
            "status IN ('pending', 'sent', 'gone', 'failed', 'refused', 'cancelled')",
            name="ck_push_delivery_status"),
        Index("ix_push_deliveries_due", "status", "next_attempt_at"),
    )

    id = db.Column(db.Integer, primary_key=True)
    notification_id = db.Column(db.Integer, db.ForeignKey("push_notifications.id"),
                                nullable=False, index=True)
    subscription_id = db.Column(
        db.Integer, db.ForeignKey("push_subscriptions.id", ondelete="SET NULL"),
        nullable=True, index=True)
    status = db.Column(db.String(16), nullable=False, default="pending")
    attempts = db.Column(db.Integer, nullable=False, default=0)
    next_attempt_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)
    leased_until = db.Column(db.DateTime(timezone=True), nullable=True)
    leased_by = db.Column(db.String(80), nullable=True)
    last_status = db.Column(db.Integer, nullable=True)
    last_error = db.Column(db.String(300), nullable=True)
    sent_at = db.Column(db.DateTime(timezone=True), nullable=True)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)

    notification = db.relationship("Notification")


class TimedAlert(db.Model):
    """A time-based alert already queued: one per council, kind and day, whoever queued it."""

    __tablename__ = "push_timed_alerts"
    __table_args__ = (UniqueConstraint("council_id", "kind", "day", name="uq_push_timed_alert"),)

    id = db.Column(db.Integer, primary_key=True)
    council_id = db.Column(db.Integer, db.ForeignKey("councils.id"), nullable=False)
    kind = db.Column(db.String(16), nullable=False)
    day = db.Column(db.Date, nullable=False)
    notification_id = db.Column(db.Integer, db.ForeignKey("push_notifications.id"),
                                nullable=True)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utc_now)
