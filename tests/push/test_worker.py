"""The outbox and the worker against the stub push service: every answer a push service gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from api.extensions import db
from api.models.push import Delivery, Notification, PushSubscription
from api.services.bundles import publish
from api.services.push_worker import claim, record, worker_token
from tests.push.helpers import Clock, deliveries, make_worker, queue_policy, subscribe


def test_publishing_a_version_queues_one_delivery_per_policy_subscriber(app, stub, council):
    wants_policy = [subscribe(stub, council) for _ in range(3)]
    subscribe(stub, council, topics=["purdah"])
    publish(council, {"council": {"slug": "wiltshire"}, "n": 1}, "test")
    db.session.commit()
    assert Notification.query.count() == 0  # version 1: nobody can have subscribed before
    publish(council, {"council": {"slug": "wiltshire"}, "n": 2}, "test", "New MASH number.")
    db.session.commit()
    [notification] = Notification.query.all()
    assert (notification.kind, notification.version) == ("policy", 2)
    assert "New MASH number." in notification.body
    endpoints = {d.subscription_id for d in deliveries()}
    wanted = {PushSubscription.query.filter_by(endpoint=s["endpoint"]).one().id
              for s in wants_policy}
    assert endpoints == wanted


def test_a_publish_rolled_back_leaves_no_alert(app, stub, council):
    subscribe(stub, council)
    publish(council, {"n": 1}, "test")
    db.session.commit()
    publish(council, {"n": 2}, "test")
    db.session.rollback()
    assert Notification.query.count() == 0 and Delivery.query.count() == 0


def test_worker_sends_the_message_decrypted_with_ttl_urgency_topic(app, stub, council,
                                                                   settings, sender):
    subscription = subscribe(stub, council)
    queue_policy(council, 5, "Updated: contacts.")
    assert make_worker(settings, sender).run(None, until_idle=True) == 1
    [message] = stub.messages_for(subscription)
    assert message == {"kind": "policy", "council": "wiltshire",
                       "title": "Wiltshire Council has updated its guidance",
                       "body": "Updated: contacts.", "version": 5, "url": "/#/updates"}
    [received] = stub.state.received
    assert int(received.headers["ttl"]) == settings.ttl_seconds > 0
    assert received.headers["urgency"] == "normal"
    assert received.headers["topic"].startswith("policy-") and len(received.headers["topic"]) <= 32
    [delivery] = deliveries()
    assert (delivery.status, delivery.attempts, delivery.last_status) == ("sent", 1, 201)
    assert delivery.leased_until is None


def test_gone_subscriptions_are_removed_and_their_other_alerts_cancelled(
        app, stub, council, settings, sender):
    gone_404, gone_410, kept = (subscribe(stub, council) for _ in range(3))
    stub.script(gone_404, 404)
    stub.script(gone_410, 410)
    queue_policy(council, 2)
    queue_policy(council, 3)
    one_alert_a_batch = replace(settings, batch_size=3)
    make_worker(one_alert_a_batch, sender).run(None, until_idle=True)
    remaining = [s.endpoint for s in PushSubscription.query.all()]
    assert remaining == [kept["endpoint"]]
    statuses = sorted(d.status for d in deliveries())
    assert statuses == ["cancelled", "cancelled", "gone", "gone", "sent", "sent"]
    assert len(stub.messages_for(kept)) == 2


def test_rate_limited_waits_for_retry_after(app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    stub.script(subscription, (429, {"Retry-After": "120"}))
    queue_policy(council)
    clock = Clock()
    worker = make_worker(settings, sender, clock)
    worker.run_once()
    [delivery] = deliveries()
    assert delivery.status == "pending" and delivery.last_status == 429
    assert delivery.next_attempt_at.replace(tzinfo=None) == (
        clock.now + timedelta(seconds=120)).replace(tzinfo=None)
    clock.advance(60)
    assert worker.run_once() == 0 and stub.attempts_for(subscription) == 1
    clock.advance(61)
    assert worker.run_once() == 1
    assert deliveries()[0].status == "sent" and len(stub.messages_for(subscription)) == 1


def test_server_errors_retry_with_growing_backoff_then_succeed(app, stub, council, settings,
                                                               sender):
    subscription = subscribe(stub, council)
    stub.script(subscription, 500, 503)
    queue_policy(council)
    clock = Clock()
    worker = make_worker(settings, sender, clock)
    waits = []
    for _ in range(2):
        worker.run_once()
        [delivery] = deliveries()
        waits.append((delivery.next_attempt_at.replace(tzinfo=None)
                       - clock.now.replace(tzinfo=None)).total_seconds())
        clock.now = delivery.next_attempt_at.replace(tzinfo=clock.now.tzinfo)
    base = settings.backoff_base_seconds
    assert base / 2 <= waits[0] <= base and base <= waits[1] <= 2 * base
    worker.run_once()
    [delivery] = deliveries()
    assert (delivery.status, delivery.attempts) == ("sent", 3)
    assert len(stub.messages_for(subscription)) == 1


def test_gives_up_after_max_attempts_and_says_why(app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    stub.script(subscription, *[500] * 10)
    queue_policy(council)
    clock = Clock()
    worker = make_worker(settings, sender, clock)
    for _ in range(settings.max_attempts + 2):
        worker.run_once()
        clock.advance(settings.backoff_max_seconds + 1)
    [delivery] = deliveries()
    assert delivery.status == "failed" and delivery.attempts == settings.max_attempts
    assert delivery.last_error.startswith(f"Gave up after {settings.max_attempts} attempts")
    assert stub.attempts_for(subscription) == settings.max_attempts


def test_hung_connection_times_out_and_is_retried(app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    stub.script(subscription, "hang")
    queue_policy(council)
    clock = Clock()
    worker = make_worker(settings, sender, clock)
    worker.run_once()
    [delivery] = deliveries()
    assert delivery.status == "pending" and "timed out" in delivery.last_error
    clock.advance(settings.backoff_max_seconds)
    worker.run_once()
    assert deliveries()[0].status == "sent" and len(stub.messages_for(subscription)) == 1


def test_too_large_is_recorded_and_not_retried(app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    stub.script(subscription, 413)
    queue_policy(council)
    clock = Clock()
    worker = make_worker(settings, sender, clock)
    worker.run_once()
    clock.advance(settings.backoff_max_seconds * 10)
    assert worker.run_once() == 0
    [delivery] = deliveries()
    assert (delivery.status, delivery.last_status) == ("failed", 413)
    assert stub.attempts_for(subscription) == 1


def test_redirect_is_refused_and_not_followed(app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    elsewhere = stub.new_subscription()
    stub.script(subscription, "redirect:" + elsewhere["endpoint"])
    queue_policy(council)
    make_worker(settings, sender).run(None, until_idle=True)
    [delivery] = deliveries()
    assert delivery.status == "refused" and "redirect" in delivery.last_error
    assert stub.attempts_for(elsewhere) == 0


def test_an_expired_lease_is_claimed_again_and_a_stale_result_is_ignored(
        app, stub, council, settings, sender):
    subscription = subscribe(stub, council)
    queue_policy(council)
    clock = Clock()
    first = worker_token()
    [(job, attempts)] = claim(settings, first, clock())
    assert claim(settings, worker_token(), clock()) == []  # leased: nobody else takes it
    clock.advance(settings.lease_seconds + 1)  # the first worker died; its lease runs out
    second = worker_token()
    [(again, _)] = claim(settings, second, clock())
    assert again.delivery_id == job.delivery_id
    record(sender.send([again]), {again.delivery_id: 2}, second, settings, clock())
    record([type(sender.send([job])[0])(job.delivery_id, "failed", 400, None, "stale")],
           {job.delivery_id: 1}, first, settings, clock())
    [delivery] = deliveries()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert len(stub.messages_for(subscription)) == 2  # at most the in-flight one twice
