"""Small builders for push tests: subscribers, alerts, a worker with a hand-turned clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api.extensions import db
from api.models.push import Delivery
from api.services import push_subscriptions
from api.services.outbox import queue_alert
from api.services.push_worker import Worker


class Clock:
    """A clock the test moves by hand, starting just after now."""

    def __init__(self, start: datetime | None = None):
        self.now = start or datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def subscribe(stub, council, topics=("purdah", "policy")) -> dict:
    """Subscribe one new stub subscriber to the council; return its browser subscription."""
    subscription = stub.new_subscription()
    push_subscriptions.subscribe(council, subscription["endpoint"], subscription["keys"],
                                 list(topics))
    return subscription


def queue_policy(council, version: int = 2, note: str = "Updated: contacts."):
    notification = queue_alert(council, "policy", f"{council.name} has updated its guidance",
                               note, version)
    db.session.commit()
    return notification


def make_worker(settings, sender, clock=None) -> Worker:
    return Worker(settings, sender, clock or Clock())


def deliveries() -> list[Delivery]:
    db.session.expire_all()
    return Delivery.query.order_by(Delivery.id).all()
