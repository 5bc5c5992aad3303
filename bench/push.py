"""Benchmark push fan-out: deliveries per second to a local sink, against pure encryption speed.

Queues one alert for 10,000 subscriptions in a throwaway SQLite database, runs the real worker
(claim with a lease, encrypt and send with pywebpush, record) against a sink on 127.0.0.1 that
answers 201 at once, then measures this machine's encryption-only rate in the same run.

Usage: .venv/bin/python bench/push.py [--subscriptions N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAYLOAD = {"kind": "policy", "council": "bench", "title": "Bench Council has updated its "
           "social media guidance", "body": "Version 2. Updated: contacts, checklist.",
           "version": 2, "url": "/#/updates"}


class Sink(asyncio.Protocol):
    """Read HTTP/1.1 requests on a kept-alive connection and answer each 201 at once."""

    def connection_made(self, transport):
        self.transport, self.buffer, self.body_left = transport, b"", None

    def data_received(self, data):
        self.buffer += data
        while True:
            if self.body_left is None:
                head, found, rest = self.buffer.partition(b"\r\n\r\n")
                if not found:
                    return
                length = [line for line in head.lower().split(b"\r\n")
                          if line.startswith(b"content-length:")]
                self.body_left = int(length[0].split(b":")[1]) if length else 0
                self.buffer = rest
            if len(self.buffer) < self.body_left:
                return
            self.buffer, self.body_left = self.buffer[self.body_left:], None
            self.transport.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")


def run_sink(port_out) -> None:
    async def serve():
        server = await asyncio.get_running_loop().create_server(Sink, "127.0.0.1", 0)
        port_out.send(server.sockets[0].getsockname()[1])
        await server.serve_forever()
    asyncio.run(serve())


def build_app(folder: Path, options):
    import flask_migrate

    from api import create_app
    from api.services.push_keys import create_keys
    from api.services.push_settings import PushSettings

    app = create_app({"APP_ENV": "test", "TESTING": True, "INSTANCE_PATH": str(folder),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
                      "PUSH_ALLOWED_HOSTS": ["127.0.0.1"],
                      "PUSH_ALLOW_INSECURE_LOOPBACK_FOR_TESTS": True,
                      "PUSH_SENDER_PROCESSES": options.processes or None,
                      "PUSH_CONCURRENCY": options.concurrency or None})
    with app.app_context():
        flask_migrate.upgrade(directory=str(ROOT / "migrations"))
    create_keys(PushSettings.from_config(app.config).key_file)
    return app


def add_subscribers(port: int, count: int):
    from api.extensions import db
    from api.models import Council
    from api.models.push import PushSubscription
    from tests.push.stub_push import browser_subscription

    council = Council(slug="bench", name="Bench Council", kind="town", nation="ENG")
    keys = browser_subscription("unused")["keys"]
    db.session.add(council)
    db.session.add_all(PushSubscription(council=council, wants_purdah=True, wants_policy=True,
                                        endpoint=f"http://127.0.0.1:{port}/push/{n}", **keys)
                       for n in range(count))
    db.session.commit()
    return council, keys


def encryption_rate(keys: dict, seconds: float = 2.0) -> float:
    """Encrypt the same payload as fast as one process can (pywebpush's own encode)."""
    from pywebpush import WebPusher

    data, done = json.dumps(PAYLOAD).encode(), 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        WebPusher({"endpoint": "http://127.0.0.1/x", "keys": keys}).encode(data)
        done += 1
    return done / (time.perf_counter() - start)


def fan_out(app, count: int) -> dict:
    from api.extensions import db
    from api.models import Council
    from api.models.push import Delivery
    from api.push.cli import make_sender
    from api.services.outbox import queue_alert
    from api.services.push_settings import PushSettings
    from api.services.push_worker import Worker
    council = Council.query.filter_by(slug="bench").one()
    start = time.perf_counter()
    queue_alert(council, "policy", PAYLOAD["title"], PAYLOAD["body"], 2)
    db.session.commit()
    queued = time.perf_counter() - start
    settings = PushSettings.from_config(app.config)
    sender = make_sender(settings)
    if hasattr(sender, "warm"):
        sender.warm()  # process start-up is paid once per worker's life, not per alert
    start = time.perf_counter()
    handled = Worker(settings, sender).run(None, until_idle=True)
    elapsed = time.perf_counter() - start
    sender.close()
    sent = Delivery.query.filter_by(status="sent").count()
    assert handled == sent == count, (handled, sent, count)
    return {"queue_seconds": queued, "send_seconds": elapsed, "sent": sent,
            "processes": settings.sender_processes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=0, help="sender processes (0: cores)")
    parser.add_argument("--concurrency", type=int, default=0, help="connections per process")
    options = parser.parse_args()
    count = options.subscriptions
    receive, send = multiprocessing.Pipe(duplex=False)
    sink = multiprocessing.Process(target=run_sink, args=(send,), daemon=True)
    sink.start()
    port = receive.recv()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder), options)
        with app.app_context():
            _, keys = add_subscribers(port, count)
            result = fan_out(app, count)
            from api.extensions import db
            db.engine.dispose()
    sink.terminate()
    rate = result["sent"] / result["send_seconds"]
    processes = result["processes"]
    encrypt = encryption_rate(keys)
    print(f"push fan-out: {result['sent']} deliveries in {result['send_seconds']:.2f} s "
          f"= {rate:,.0f} deliveries/s (claim + encrypt + send + record; "
          f"one worker, {processes} sender processes)")
    print(f"outbox: queued {count} deliveries in {result['queue_seconds'] * 1000:.0f} ms")
    print(f"reference, same run: pywebpush encryption alone {encrypt:,.0f} messages/s")
    print(f"ratio: fan-out is {rate / encrypt:.2f} of the pure encryption rate")
    print(f"target 1,500 deliveries/s: {'met' if rate >= 1500 else 'NOT met'}")


if __name__ == "__main__":
    main()
