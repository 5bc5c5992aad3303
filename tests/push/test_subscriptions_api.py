"""Subscribe and unsubscribe over the API: validation, idempotence, what is kept."""

from __future__ import annotations

import base64

import pytest

from api.extensions import db
from api.models.push import PushSubscription
from tests.push.stub_push import browser_subscription

FCM = "https://fcm.googleapis.com/fcm/send/cX1a:APA91bH-example"
URL = "/api/v1/push/subscriptions"


def post(client, subscription: dict, council: str = "wiltshire", **extra):
    return client.post(URL, json={"council": council, "subscription": subscription, **extra})


def test_public_key_is_an_uncompressed_p256_point(client):
    response = client.get("/api/v1/push/key")
    assert response.status_code == 200
    raw = base64.urlsafe_b64decode(response.json["public_key"] + "==")
    assert len(raw) == 65 and raw[0] == 4


def test_subscribe_keeps_only_the_subscription(client, council):
    subscription = browser_subscription(FCM)
    response = post(client, subscription, topics=["policy"])
    assert response.status_code == 201
    assert response.json == {"council": "wiltshire", "topics": ["policy"]}
    [saved] = PushSubscription.query.all()
    assert (saved.endpoint, saved.p256dh, saved.auth) == (
        FCM, subscription["keys"]["p256dh"], subscription["keys"]["auth"])
    assert saved.topics == ["policy"] and saved.council_id == council.id
    columns = {c.name for c in PushSubscription.__table__.columns}
    assert columns == {"id", "council_id", "endpoint", "p256dh", "auth", "wants_purdah",
                       "wants_policy", "created_at"}


def test_subscribing_again_is_idempotent_on_the_endpoint(client, council):
    subscription = browser_subscription(FCM)
    assert post(client, subscription).status_code == 201
    again = post(client, subscription, topics=["purdah"])
    assert again.status_code == 200 and again.json["topics"] == ["purdah"]
    assert PushSubscription.query.count() == 1
    assert PushSubscription.query.one().topics == ["purdah"]


def test_unsubscribe_forgets_the_endpoint_and_is_idempotent(client, council):
    post(client, browser_subscription(FCM))
    for _ in range(2):
        assert client.delete(URL, json={"endpoint": FCM}).status_code == 204
    assert PushSubscription.query.count() == 0


def test_unknown_council_is_refused(client, council):
    response = post(client, browser_subscription(FCM), council="atlantis")
    assert response.status_code == 422
    assert "atlantis" in response.json["errors"]["json"]["council"][0]


@pytest.mark.parametrize("change, field", [
    (lambda s: s["keys"].update(auth=base64.urlsafe_b64encode(b"x" * 8).decode()), "auth"),
    (lambda s: s["keys"].update(auth="not base64!"), "auth"),
    (lambda s: s["keys"].update(p256dh=s["keys"]["p256dh"][:-4]), "p256dh"),
    (lambda s: s["keys"].update(p256dh="B" + "A" * 86), "p256dh"),  # 65 bytes, not on the curve
    (lambda s: s["keys"].pop("auth"), "auth"),
    (lambda s: s.update(extra="kept?"), "extra"),
])
def test_bad_keys_and_unknown_fields_are_refused(client, council, change, field):
    subscription = browser_subscription(FCM)
    change(subscription)
    response = post(client, subscription)
    assert response.status_code == 422
    assert response.json["code"] == 422 and response.json["message"]
    assert field in str(response.json["errors"])
    assert PushSubscription.query.count() == 0


def test_unknown_topic_is_refused(client, council):
    response = post(client, browser_subscription(FCM), topics=["marketing"])
    assert response.status_code == 422 and "topics" in response.json["errors"]["json"]


def test_oversized_body_is_refused_before_reading(client, council):
    subscription = browser_subscription(FCM + "x" * 9000)
    response = post(client, subscription)
    assert response.status_code == 413 and response.json["code"] == 413
    assert PushSubscription.query.count() == 0


def test_key_missing_gives_a_clear_503(app, client, settings):
    settings.key_file.unlink()
    response = client.get("/api/v1/push/key")
    assert response.status_code == 503 and "not set up" in response.json["message"]
    db.session.rollback()
