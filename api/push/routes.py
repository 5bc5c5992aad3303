"""Push alerts: the server's public key, subscribe, unsubscribe."""

from __future__ import annotations

from flask import current_app, request
from flask_smorest import Blueprint, abort

from api.models import Council
from api.push.schemas import PublicKeySchema, SubscribedSchema, SubscribeSchema, UnsubscribeSchema
from api.services import push_subscriptions
from api.services.push_keys import KeysMissing, load_vapid, public_key
from api.services.push_settings import PushSettings

blp = Blueprint("push", __name__, url_prefix="/api/v1/push",
                description="Push alerts: pre-election period starts and guidance updates")
MAX_BODY_BYTES = 8192


@blp.before_request
def _refuse_large_bodies():
    """Refuse oversized bodies before reading them: a subscription is well under 1 KB."""
    if (request.content_length or 0) > MAX_BODY_BYTES:
        abort(413, message=f"A subscription is at most {MAX_BODY_BYTES} bytes.")


@blp.route("/key")
@blp.response(200, PublicKeySchema)
def get_key():
    """Give the server's public VAPID key for PushManager.subscribe()."""
    settings = PushSettings.from_config(current_app.config)
    try:
        return {"public_key": public_key(load_vapid(settings.key_file))}
    except KeysMissing:
        abort(503, message="Push alerts are not set up on this server yet.")


@blp.route("/subscriptions", methods=["POST"])
@blp.arguments(SubscribeSchema)
@blp.response(201, SubscribedSchema)
def subscribe(data: dict):
    """Subscribe a browser to a council's alerts; sending the same endpoint again updates it."""
    council = Council.query.filter_by(slug=data["council"]).one_or_none()
    if council is None:
        abort(422, message="Some fields are not right: see errors for each one.",
              errors={"json": {"council": [f"There is no council called '{data['council']}'."]}})
    topics = sorted(set(data["topics"]))
    subscription = data["subscription"]
    created = push_subscriptions.subscribe(council, subscription["endpoint"],
                                           subscription["keys"], topics)
    return {"council": council.slug, "topics": topics}, (201 if created else 200)


@blp.route("/subscriptions", methods=["DELETE"])
@blp.arguments(UnsubscribeSchema)
@blp.response(204)
def unsubscribe(data: dict):
    """Unsubscribe a browser by its endpoint; unknown endpoints are fine."""
    push_subscriptions.unsubscribe(data["endpoint"])
