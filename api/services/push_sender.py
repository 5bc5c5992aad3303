"""Send push messages with pywebpush: many connections at once over one shared session.

pywebpush's traps (DESIGN.md) are handled here: a TTL and a timeout are always set, redirects are
never followed, the VAPID header is signed once per push-service origin with a fresh claims dict
and reused until shortly before it expires, and Urgency and Topic go in the headers.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import aiohttp
from py_vapid import Vapid
from pywebpush import WebPusher, WebPushException

from api.services.push_endpoints import EndpointRefused, check_endpoint, origin_of
from api.services.push_settings import PushSettings


@dataclass(frozen=True)
class PushJob:
    """One encrypted message to one subscription, as the worker hands it to the sender."""

    delivery_id: int
    endpoint: str
    p256dh: str
    auth: str
    payload: bytes
    ttl: int
    urgency: str
    topic: str


@dataclass(frozen=True)
class PushResult:
    """What the push service said: sent, gone, retry, too_large, failed or refused."""

    delivery_id: int
    outcome: str
    status_code: int | None = None
    retry_after: float | None = None
    reason: str = ""


class VapidSigner:
    """Sign one VAPID header per push-service origin and reuse it until it nears expiry."""

    def __init__(self, vapid: Vapid, contact: str, lifetime: int, renew_before: int,
                 clock=time.time):
        self._vapid, self._contact, self._clock = vapid, contact, clock
        self._lifetime, self._renew_before = lifetime, renew_before
        self._cache: dict[str, tuple[str, int]] = {}
        self.signed = 0

    def header(self, origin: str) -> str:
        """Return the Authorization header for this origin, signing anew only when needed."""
        now = self._clock()
        cached = self._cache.get(origin)
        if cached and cached[1] - self._renew_before > now:
            return cached[0]
        expires = int(now) + self._lifetime
        # A fresh dict each time: pywebpush and py_vapid must never see another origin's aud.
        claims = {"sub": self._contact, "aud": origin, "exp": expires}
        value = self._vapid.sign(claims)["Authorization"]
        self._cache[origin] = (value, expires)
        self.signed += 1
        return value


class NoRedirectSession:
    """An aiohttp session that never follows redirects, for pywebpush's send_async."""

    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    def post(self, url, **kwargs):
        """POST without following a redirect: a 3xx comes back as the answer."""
        return self.session.post(url, allow_redirects=False, **kwargs)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Read Retry-After as seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


def classify(job: PushJob, status: int, retry_after: str | None, text: str) -> PushResult:
    """Turn a push service's answer into what the worker should do next."""
    def result(outcome, reason="", wait=None):
        return PushResult(job.delivery_id, outcome, status, wait, reason)

    if 200 <= status < 300:
        return result("sent")
    if 300 <= status < 400:
        return result("refused", "The push service answered with a redirect; not followed.")
    if status in (404, 410):
        return result("gone", "The push service says the subscription has gone.")
    if status == 413:
        return result("too_large", "The push service said the message is too large.")
    if status == 429:
        return result("retry", "Rate limited by the push service.",
                      retry_after_seconds(retry_after, time.time()))
    if status >= 500:
        return result("retry", f"The push service failed ({status}).")
    return result("failed", f"The push service refused the message ({status}): {text[:200]}")


class PushSender:
    """Send batches of jobs concurrently on one persistent event loop and session."""

    def __init__(self, settings: PushSettings, vapid: Vapid, clock=time.time):
        self.settings = settings
        self.signer = VapidSigner(vapid, settings.contact, settings.vapid_lifetime_seconds,
                                  settings.vapid_renew_before_seconds, clock)
        self._loop = asyncio.new_event_loop()
        self._session: NoRedirectSession | None = None
        self._timeout = aiohttp.ClientTimeout(total=settings.timeout_seconds,
                                              sock_connect=settings.connect_timeout_seconds)

    def send(self, jobs: list[PushJob]) -> list[PushResult]:
        """Send every job, several connections at once; return one result per job, in order."""
        return self._loop.run_until_complete(self._send_all(jobs))

    def close(self) -> None:
        """Close the session and the event loop."""
        if self._session is not None:
            self._loop.run_until_complete(self._session.session.close())
        self._loop.close()

    async def _send_all(self, jobs: list[PushJob]) -> list[PushResult]:
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=self.settings.concurrency)
            # No cookie jar: one push service must not hand state to our next request.
            self._session = NoRedirectSession(aiohttp.ClientSession(
                connector=connector, cookie_jar=aiohttp.DummyCookieJar()))
        gate = asyncio.Semaphore(self.settings.concurrency)
        return await asyncio.gather(*(self._send_one(job, gate) for job in jobs))

    async def _send_one(self, job: PushJob, gate: asyncio.Semaphore) -> PushResult:
        try:
            endpoint = check_endpoint(job.endpoint, self.settings)
            pusher = WebPusher({"endpoint": endpoint, "keys": {"p256dh": job.p256dh,
                                                               "auth": job.auth}},
                               aiohttp_session=self._session)
        except EndpointRefused as exc:
            return PushResult(job.delivery_id, "refused", reason=str(exc))
        except (WebPushException, ValueError) as exc:
            return PushResult(job.delivery_id, "failed", reason=f"Unusable keys: {exc}")
        headers = {"Authorization": self.signer.header(origin_of(endpoint)),
                   "Urgency": job.urgency, "Topic": job.topic}
        async with gate:
            return await self._post(job, pusher, headers)

    async def _post(self, job: PushJob, pusher: WebPusher, headers: dict) -> PushResult:
        try:
            response = await pusher.send_async(job.payload, headers, ttl=job.ttl,
                                               timeout=self._timeout)
            text = await response.text()
        except TimeoutError:
            return PushResult(job.delivery_id, "retry", reason="The push service timed out.")
        except aiohttp.ClientError as exc:
            return PushResult(job.delivery_id, "retry",
                              reason=f"Could not reach the push service ({type(exc).__name__}).")
        return classify(job, response.status, response.headers.get("Retry-After"), text)
