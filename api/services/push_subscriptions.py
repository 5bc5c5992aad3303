"""Subscribe and unsubscribe browsers, idempotently on the endpoint; nothing else is kept."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from api.extensions import db
from api.models import Council
from api.models.push import ALERT_KINDS, Delivery, PushSubscription


def _apply(subscription: PushSubscription, council: Council, keys: dict, topics) -> None:
    subscription.council = council
    subscription.p256dh, subscription.auth = keys["p256dh"], keys["auth"]
    for kind in ALERT_KINDS:
        setattr(subscription, f"wants_{kind}", kind in topics)


def subscribe(council: Council, endpoint: str, keys: dict, topics) -> bool:
    """Save a subscription (or update the one with this endpoint); return True if it is new."""
    for _ in range(2):  # a concurrent first subscribe of the same endpoint: update theirs
        existing = PushSubscription.query.filter_by(endpoint=endpoint).one_or_none()
        subscription = existing or PushSubscription(endpoint=endpoint)
        _apply(subscription, council, keys, topics)
        db.session.add(subscription)
        try:
            db.session.commit()
            return existing is None
        except IntegrityError:
            db.session.rollback()
    raise RuntimeError("could not save the subscription")


def remove_subscriptions(ids) -> None:
    """Delete subscriptions (ids or a select of ids) and cancel their pending deliveries."""
    ids = list(db.session.scalars(ids)) if not isinstance(ids, list) else ids
    ids = [i for i in ids if i is not None]
    if not ids:
        return
    db.session.execute(update(Delivery).where(
        Delivery.subscription_id.in_(ids), Delivery.status == "pending").values(
        status="cancelled", leased_until=None).execution_options(synchronize_session=False))
    db.session.execute(delete(PushSubscription).where(PushSubscription.id.in_(ids))
                       .execution_options(synchronize_session=False))


def unsubscribe(endpoint: str) -> None:
    """Forget a subscription by its endpoint; unknown endpoints are fine (idempotent)."""
    ids = db.session.scalars(
        select(PushSubscription.id).where(PushSubscription.endpoint == endpoint)).all()
    remove_subscriptions(list(ids))
    db.session.commit()
