"""Real worker processes: killed with SIGKILL mid-run and restarted, and two at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from api.extensions import db
from api.models import Election
from api.models.push import Notification, PushSubscription
from tests.push.conftest import push_settings_for
from tests.push.helpers import deliveries, queue_policy
from tests.push.stub_push import token_of

ROOT = Path(__file__).resolve().parents[2]


def add_subscribers(stub, council, count: int) -> list[dict]:
    """Add many stub subscribers in one transaction (the API path is tested elsewhere)."""
    subscriptions = [stub.new_subscription() for _ in range(count)]
    db.session.add_all(PushSubscription(council=council, endpoint=s["endpoint"], **s["keys"])
                       for s in subscriptions)
    db.session.commit()
    return subscriptions


# These tests are about crashes, leases and two workers at once, not about slow push services
# (tests/push/test_sender.py covers those). With the suite's 0.5 s timeout, a loaded 2-core CI
# machine once left one request of a thousand timed out and waiting for its backoff, which
# "--until-idle" does not wait for, so the test failed on a delivery it had not lost.
PATIENT = {"PUSH_TIMEOUT_SECONDS": 10, "PUSH_CONNECT_TIMEOUT_SECONDS": 10}


def start_worker(app, tmp_path, *flags, **settings) -> subprocess.Popen:
    database = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    config = push_settings_for(database, tmp_path, **(PATIENT | settings))
    db.session.remove()
    return subprocess.Popen([sys.executable, "-m", "tests.push.run_worker", json.dumps(config),
                             *flags], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.02)


def finish(process: subprocess.Popen) -> None:
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors.decode()


def test_worker_killed_mid_run_and_restarted_loses_nothing(app, stub, council, tmp_path):
    subscriptions = add_subscribers(stub, council, 1000)
    queue_policy(council)
    stub.state.delay = 0.01
    lease = 2
    worker = start_worker(app, tmp_path, PUSH_LEASE_SECONDS=lease, PUSH_BATCH_SIZE=50,
                          PUSH_CONCURRENCY=4)
    wait_for(lambda: len(stub.state.received) >= 300)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stderr.close()
    before = len(stub.state.received)
    assert before < 1000, "the worker finished before it could be killed"
    assert any(d.status == "pending" for d in deliveries())

    time.sleep(lease + 0.5)  # the dead worker's leases run out
    stub.state.delay = 0
    finish(start_worker(app, tmp_path, "--until-idle", PUSH_LEASE_SECONDS=lease))
    assert [d.last_error for d in deliveries() if d.status != "sent"] == []
    received = {}
    for message in stub.state.received:
        received[message.token] = received.get(message.token, 0) + 1
    assert set(received) == {token_of(s) for s in subscriptions}
    duplicates = sum(count - 1 for count in received.values())
    assert duplicates <= 50  # at most the batch that was in flight
    assert {d.status for d in deliveries()} == {"sent"}


def test_two_workers_queue_a_purdah_start_once_and_send_each_message_once(
        app, stub, council, tmp_path):
    subscriptions = add_subscribers(stub, council, 200)
    today = date.today()
    db.session.add(Election(council=council, poll_date=today + timedelta(days=30),
                            notice_date=today - timedelta(days=1), label="By-election"))
    db.session.commit()
    workers = [start_worker(app, tmp_path, "--until-idle", PUSH_BATCH_SIZE=20)
               for _ in range(2)]
    for worker in workers:
        finish(worker)
    assert [d.last_error for d in deliveries() if d.status != "sent"] == []
    [notification] = Notification.query.all()
    assert notification.kind == "purdah" and "started on" in notification.title
    assert sorted(m.token for m in stub.state.received) == sorted(
        token_of(s) for s in subscriptions)
    assert all(m.message["kind"] == "purdah" and m.message["url"] == "/#/purdah"
               for m in stub.state.received)
    assert {d.status for d in deliveries()} == {"sent"}
