"""The sender against the stub push service: encryption, VAPID, headers, every answer."""

from __future__ import annotations

import json

import pytest
from py_vapid import Vapid

from api.services.push_keys import public_key
from api.services.push_sender import PushJob, PushSender, VapidSigner
from api.services.push_settings import PushSettings
from tests.push.stub_push import StubPushService, check_vapid


@pytest.fixture
def vapid():
    key = Vapid()
    key.generate_keys()
    return key


@pytest.fixture
def stub(vapid):
    with StubPushService(public_key(vapid)) as service:
        yield service


@pytest.fixture
def sender(vapid):
    settings = PushSettings(allowed_hosts=("127.0.0.1",), insecure_loopback=True,
                            timeout_seconds=0.5, connect_timeout_seconds=0.5)
    push = PushSender(settings, vapid)
    yield push
    push.close()


def job_for(subscription: dict, n: int = 1, **changes) -> PushJob:
    message = {"kind": "policy", "council": "wiltshire", "title": "Guidance updated",
               "body": f"Message {n}", "version": n, "url": "/#/updates"}
    fields = dict(delivery_id=n, endpoint=subscription["endpoint"],
                  p256dh=subscription["keys"]["p256dh"], auth=subscription["keys"]["auth"],
                  payload=json.dumps(message).encode(), ttl=3600, urgency="normal",
                  topic="policy-abc")
    return PushJob(**(fields | changes))


def test_message_arrives_decrypted_with_ttl_urgency_and_topic(stub, sender):
    subscription = stub.new_subscription()
    [result] = sender.send([job_for(subscription, 7)])
    assert result.outcome == "sent" and result.status_code == 201
    [received] = stub.state.received
    assert received.message["body"] == "Message 7" and received.message["version"] == 7
    assert received.headers["ttl"] == "3600"
    assert received.headers["urgency"] == "normal"
    assert received.headers["topic"] == "policy-abc"
    assert received.headers["content-encoding"] == "aes128gcm"
    assert stub.state.problems == []


def test_vapid_header_signed_once_per_origin_and_reused(stub, sender):
    subscriptions = [stub.new_subscription() for _ in range(5)]
    results = sender.send([job_for(s, i) for i, s in enumerate(subscriptions)])
    results += sender.send([job_for(subscriptions[0], 9)])
    assert [r.outcome for r in results] == ["sent"] * 6
    assert sender.signer.signed == 1


def test_signer_renews_before_expiry_and_keeps_origins_apart(vapid):
    now = [1_000_000.0]
    signer = VapidSigner(vapid, "mailto:dem@example.org", 3600, 300, clock=lambda: now[0])
    first = signer.header("https://fcm.googleapis.com")
    assert signer.header("https://fcm.googleapis.com") == first
    other = signer.header("https://web.push.apple.com")
    assert other != first
    now[0] += 3600 - 299
    assert signer.header("https://fcm.googleapis.com") != first
    assert signer.signed == 3


def test_each_origin_gets_its_own_audience(vapid):
    signer = VapidSigner(vapid, "mailto:dem@example.org", 3600, 300)
    for origin in ("http://127.0.0.1:1111", "http://127.0.0.1:2222"):
        state = type("S", (), {"vapid_public_key": public_key(vapid), "origin": origin})
        assert check_vapid(signer.header(origin), state) is None


@pytest.mark.parametrize("answer, outcome", [
    (404, "gone"), (410, "gone"), (413, "too_large"), (500, "retry"), (503, "retry"),
    (400, "failed"), (403, "failed"), ((429, {"Retry-After": "120"}), "retry"),
])
def test_each_answer_is_classified(stub, sender, answer, outcome):
    subscription = stub.new_subscription()
    stub.script(subscription, answer)
    [result] = sender.send([job_for(subscription)])
    assert result.outcome == outcome
    if answer == (429, {"Retry-After": "120"}):
        assert result.retry_after == 120


def test_hung_connection_times_out_as_a_retry(stub, sender):
    subscription = stub.new_subscription()
    stub.script(subscription, "hang")
    [result] = sender.send([job_for(subscription)])
    assert result.outcome == "retry" and "timed out" in result.reason
    [again] = sender.send([job_for(subscription)])
    assert again.outcome == "sent"


def test_redirect_is_not_followed(vapid, sender):
    with StubPushService(public_key(vapid)) as first, StubPushService(public_key(vapid)) as other:
        target = other.new_subscription()
        subscription = first.new_subscription()
        first.script(subscription, "redirect:" + target["endpoint"])
        [result] = sender.send([job_for(subscription)])
        assert result.outcome == "refused" and "redirect" in result.reason
        assert other.state.attempts == {} and other.state.received == []


def test_connection_refused_is_a_retry(stub, sender):
    subscription = stub.new_subscription()
    subscription["endpoint"] = "http://127.0.0.1:9/push/nobody-listens"
    [result] = sender.send([job_for(subscription)])
    assert result.outcome == "retry" and "Could not reach" in result.reason
