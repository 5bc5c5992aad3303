"""End to end against a push service no one here wrote: the npm package web-push-testing.

It verifies the VAPID signature and the TTL header and decrypts aes128gcm; we subscribe through
it, publish an alert, run the worker and read back what arrived. A small recording relay in
front of it shows the TTL, Urgency and Topic headers on the wire.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

from api.extensions import db
from api.models.push import PushSubscription
from api.services import push_subscriptions
from api.services.bundles import publish
from api.services.push_keys import public_key
from tests.push.helpers import deliveries, make_worker, queue_policy

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "node_modules" / "web-push-testing" / "src" / "bin" / "server.js"
pytestmark = pytest.mark.skipif(not SERVER.is_file() or shutil.which("node") is None,
                                reason="web-push-testing is installed by `npm ci`")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def push_service():
    """Start web-push-testing (what `web-push-testing --port PORT start` runs) and stop it."""
    port = free_port()
    process = subprocess.Popen(["node", str(SERVER), str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.post(f"{base}/status", timeout=1).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.05)
    yield base
    process.kill()
    process.wait()


class Relay:
    """A TCP relay that records each request's head before passing the bytes on."""

    def __init__(self, target_port: int):
        self.target_port, self.heads = target_port, []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False),
                             daemon=True).start()

    def _pipe(self, source, sink, record):
        while data := source.recv(65536):
            if record and b"\r\n\r\n" in data:
                self.heads.append(data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower())
            sink.sendall(data)
        sink.close()


def subscribe_through(base: str, vapid) -> dict:
    answer = requests.post(f"{base}/subscribe", timeout=5, json={
        "applicationServerKey": public_key(vapid), "userVisibleOnly": "true"})
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]


def messages(base: str, client_hash: str) -> list[str]:
    answer = requests.post(f"{base}/get-notifications", json={"clientHash": client_hash},
                           timeout=5)
    return answer.json()["data"]["messages"]


def publish_versions(council, *notes: str) -> None:
    """Publish one version per note, each in its own transaction as the real publish does."""
    for n, note in enumerate(notes, start=1):
        publish(council, {"n": n}, "test", note)
        db.session.commit()


def test_alert_arrives_decrypted_and_a_410_removes_the_subscription(
        app, council, push_service, settings, sender, vapid):
    subscription = subscribe_through(push_service, vapid)
    assert subscription["endpoint"].startswith("http://localhost:")
    push_subscriptions.subscribe(council, subscription["endpoint"], subscription["keys"],
                                 ["policy"])
    publish_versions(council, "First.", "Updated: contacts, checklist.")
    make_worker(settings, sender).run(None, until_idle=True)
    [text] = messages(push_service, subscription["clientHash"])
    assert json.loads(text) == {
        "kind": "policy", "council": "wiltshire",
        "title": "Wiltshire Council has updated its social media guidance",
        "body": "Version 2. Updated: contacts, checklist.", "version": 2, "url": "/#/updates"}
    assert deliveries()[0].status == "sent"

    requests.post(f"{push_service}/expire-subscription/{subscription['clientHash']}", timeout=5)
    queue_policy(council, 3, "Updated: faqs.")
    make_worker(settings, sender).run(None, until_idle=True)
    assert [d.status for d in deliveries()] == ["sent", "gone"]
    assert deliveries()[1].last_status == 410
    assert PushSubscription.query.count() == 0


def test_ttl_urgency_and_topic_are_on_the_wire(app, council, push_service, settings, sender,
                                               vapid):
    subscription = subscribe_through(push_service, vapid)
    relay = Relay(int(push_service.rsplit(":", 1)[1]))
    endpoint = subscription["endpoint"].replace(push_service.rsplit(":", 1)[1],
                                                str(relay.port), 1)
    push_subscriptions.subscribe(council, endpoint, subscription["keys"], ["policy"])
    publish_versions(council, "First.", "Updated: contacts, checklist.")
    make_worker(settings, sender).run(None, until_idle=True)
    relay.server.close()
    assert len(messages(push_service, subscription["clientHash"])) == 1
    [head] = relay.heads
    assert f"\nttl: {settings.ttl_seconds}" in head
    assert "\nurgency: normal" in head
    assert "\ntopic: policy-" in head
    assert "\nauthorization: vapid t=" in head and "\ncontent-encoding: aes128gcm" in head
