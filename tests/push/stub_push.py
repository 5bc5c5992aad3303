"""A push service of our own on 127.0.0.1 that decrypts, checks VAPID and answers as scripted.

web-push-testing cannot answer 404/413/429/5xx or hang; this stub can. Each subscription it hands
out has its own key pair, so every message it records has really been decrypted with that
subscriber's private key, as a browser would.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Subscriber:
    token: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    def keys(self) -> dict:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return {"p256dh": b64url(public), "auth": b64url(self.auth)}


@dataclass
class Received:
    token: str
    headers: dict
    message: dict
    status: int


@dataclass
class StubState:
    vapid_public_key: str
    origin: str = ""
    subscribers: dict = field(default_factory=dict)
    scripts: dict = field(default_factory=lambda: defaultdict(deque))
    received: list = field(default_factory=list)
    attempts: dict = field(default_factory=lambda: defaultdict(int))
    problems: list = field(default_factory=list)
    delay: float = 0.0
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def check_vapid(header: str, state: StubState) -> str | None:
    """Return what is wrong with a VAPID Authorization header, or None if it is right."""
    if not header.startswith("vapid "):
        return "not a vapid header"
    parts = dict(p.split("=", 1) for p in header[6:].split(","))
    if parts.get("k") != state.vapid_public_key:
        return "signed with another key"
    head, claims_b64, sig = parts["t"].split(".")
    raw = unb64url(sig)
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"),
                                     int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
    try:
        key.verify(signature, f"{head}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return "bad signature"
    claims = json.loads(unb64url(claims_b64))
    if claims.get("aud") != state.origin:
        return f"aud {claims.get('aud')} is not {state.origin}"
    if not time.time() < claims["exp"] <= time.time() + 86400:
        return "exp not within a day"
    if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
        return "sub is not mailto: or https:"
    return None


class StubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: StubState

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        token = self.path.rsplit("/", 1)[-1]
        with self.state.lock:
            self.state.attempts[token] += 1
            scripted = self.state.scripts[token]
            action = scripted.popleft() if scripted else 201
        if self.state.delay:
            time.sleep(self.state.delay)  # a slower service, so a test can stop a worker midway
        if action == "hang":
            self.state.release.wait(30)
            self.close_connection = True
            return
        if isinstance(action, str) and action.startswith("redirect:"):
            return self._answer(307, {"Location": action[9:]})
        status, extra = (action if isinstance(action, tuple) else (action, {}))
        if status == 201:
            status = self._accept(token, body)
        self._answer(status, extra)

    def _accept(self, token: str, body: bytes) -> int:
        problem = check_vapid(self.headers.get("Authorization", ""), self.state)
        subscriber = self.state.subscribers.get(token)
        if problem or subscriber is None or "TTL" not in self.headers:
            with self.state.lock:
                self.state.problems.append(problem or "no such subscriber or no TTL")
            return 403 if problem else 400
        plain = http_ece.decrypt(body, private_key=subscriber.private_key,
                                 auth_secret=subscriber.auth, version="aes128gcm")
        with self.state.lock:
            self.state.received.append(
                Received(token, {k.lower(): v for k, v in self.headers.items()},
                         json.loads(plain), 201))
        return 201

    def _answer(self, status: int, headers: dict) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()


class StubPushService:
    """Run the stub on 127.0.0.1 in a thread; script answers per subscription."""

    def __init__(self, vapid_public_key: str):
        self.state = StubState(vapid_public_key)
        handler = type("Handler", (StubHandler,), {"state": self.state})
        server_class = type("Server", (ThreadingHTTPServer,), {"request_queue_size": 256})
        self.server = server_class(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.origin = self.state.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.state.release.set()
        self.server.shutdown()
        self.server.server_close()

    def new_subscription(self) -> dict:
        """Make a subscriber with its own keys; return the browser's subscription JSON."""
        token = b64url(os.urandom(12))
        subscriber = Subscriber(token, ec.generate_private_key(ec.SECP256R1()), os.urandom(16))
        self.state.subscribers[token] = subscriber
        return {"endpoint": f"{self.origin}/push/{token}", "expirationTime": None,
                "keys": subscriber.keys()}

    def script(self, subscription: dict, *answers) -> None:
        """Answer this subscription's next POSTs with these (status, (status, headers), 'hang')."""
        self.state.scripts[token_of(subscription)].extend(answers)

    def messages_for(self, subscription: dict) -> list[dict]:
        """Return the decrypted messages this subscription received, oldest first."""
        token = token_of(subscription)
        return [r.message for r in self.state.received if r.token == token]

    def attempts_for(self, subscription: dict) -> int:
        return self.state.attempts[token_of(subscription)]


def token_of(subscription: dict) -> str:
    return subscription["endpoint"].rsplit("/", 1)[-1]


def browser_subscription(endpoint: str) -> dict:
    """A subscription with real, fresh keys, as PushSubscription.toJSON() gives it."""
    subscriber = Subscriber("unused", ec.generate_private_key(ec.SECP256R1()), os.urandom(16))
    return {"endpoint": endpoint, "expirationTime": None, "keys": subscriber.keys()}
