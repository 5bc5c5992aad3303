"""Hostile endpoints are refused when a browser subscribes, and again just before a send."""

from __future__ import annotations

import pytest

from api.extensions import db
from api.models.push import PushSubscription
from api.services.push_endpoints import EndpointRefused, check_endpoint
from api.services.push_settings import DEFAULT_ALLOWED_HOSTS, PushSettings
from tests.push.conftest import make_app, make_council
from tests.push.helpers import deliveries, make_worker, queue_policy
from tests.push.stub_push import browser_subscription

PATH = "/fcm/send/abc123"
HOSTILE = [
    "http://fcm.googleapis.com" + PATH,                       # not https
    "ftp://fcm.googleapis.com" + PATH,                        # another scheme
    "//fcm.googleapis.com" + PATH,                            # scheme-relative
    "https:fcm.googleapis.com" + PATH,                        # no authority at all
    "https://fcm.googleapis.com:8443" + PATH,                 # another port
    "https://fcm.googleapis.com:80" + PATH,
    "https://fcm.googleapis.com.evil.example" + PATH,         # lookalike: allowed name + suffix
    "https://evilfcm.googleapis.com" + PATH,                  # lookalike: no dot boundary
    "https://evilpush.apple.com/3/device/x",                  # wildcard without dot boundary
    "https://push.apple.com.evil.example/3/device/x",
    "https://notify.windows.com/w/?token=x",                  # the wildcard's bare suffix
    "https://fcm.googleapis.com./" + PATH,                    # trailing dot
    "https://fcm.googleapis.com@evil.example" + PATH,         # user-info trick
    "https://evil.example@fcm.googleapis.com" + PATH,         # user-info, allowed host
    "https://user:secret@fcm.googleapis.com" + PATH,
    "https://fcm.googleapis.com:443@evil.example" + PATH,
    "https://fcm.googleapis.com\\@evil.example" + PATH,       # backslash parser confusion
    "https://fcm.googleapis.com#@evil.example" + PATH,        # fragment trick
    "https://fcm.googleapis.com%2eevil.example" + PATH,       # percent-encoded host
    "https://ｆｃｍ.googleapis.com" + PATH,                    # full-width letters (IDNA folds)
    "https://127.0.0.1" + PATH,                               # loopback
    "https://localhost" + PATH,
    "https://169.254.169.254/latest/meta-data/",              # cloud metadata, link-local
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://10.0.0.7" + PATH,                                # private network
    "https://[::1]" + PATH,                                   # IPv6 loopback
    "https://[::ffff:127.0.0.1]" + PATH,                      # IPv4-mapped IPv6
    "https://[fe80::1%25eth0]" + PATH,                        # IPv6 link-local with zone
    "https://2130706433" + PATH,                              # 127.0.0.1 as a decimal
    "https://0x7f000001" + PATH,                              # ... as hex
    "https://0177.0.0.1" + PATH,                              # ... as octal
    "https://127.1" + PATH,                                   # ... short form
    "https://fcm.googleapis.com" + PATH + "\r\nHost: evil",   # header injection
    " https://fcm.googleapis.com" + PATH,                     # leading space
    "https://fcm.googleapis.com/" + "a" * 2100,               # too long
]
PRODUCTION = PushSettings(allowed_hosts=DEFAULT_ALLOWED_HOSTS)


@pytest.fixture
def app(migrated_database, tmp_path):
    """The app with production push settings: no test widening."""
    app = make_app(migrated_database, tmp_path, PUSH_ALLOWED_HOSTS=list(DEFAULT_ALLOWED_HOSTS),
                   PUSH_ALLOW_INSECURE_LOOPBACK_FOR_TESTS=False)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_there_are_at_least_twenty_hostile_endpoints():
    assert len(set(HOSTILE)) >= 20


@pytest.mark.parametrize("endpoint", [
    "https://fcm.googleapis.com/fcm/send/cX1a:APA91bH",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABh",
    "https://web.push.apple.com/QGuQyavXutnMx",
    "https://api.push.apple.com/3/device/abc",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB",
    "https://FCM.googleapis.com:443/fcm/send/x",
])
def test_real_push_services_are_accepted(endpoint):
    assert check_endpoint(endpoint, PRODUCTION) == endpoint


@pytest.mark.parametrize("endpoint", HOSTILE)
def test_refused_at_subscribe(client, endpoint):
    make_council()
    response = client.post("/api/v1/push/subscriptions", json={
        "council": "wiltshire", "subscription": browser_subscription(endpoint)})
    assert response.status_code == 422, endpoint
    assert response.json["errors"]["json"]["subscription"]["endpoint"]
    assert PushSubscription.query.count() == 0


def test_test_widening_is_ignored_outside_testing():
    settings = PushSettings.from_config({
        "PUSH_ALLOWED_HOSTS": "127.0.0.1", "PUSH_ALLOW_INSECURE_LOOPBACK_FOR_TESTS": True})
    with pytest.raises(EndpointRefused):
        check_endpoint("http://127.0.0.1:8090/notify/x", settings)


def test_refused_again_at_send_even_if_stored(app, stub, sender, settings):
    """Rows written behind the API's back (or before the allowlist narrowed) are never sent."""
    council = make_council()
    port = stub.origin.rsplit(":", 1)[1]
    aimed_at_stub = [f"http://127.0.0.1:{port}/push/x", f"https://127.0.0.1:{port}/push/x",
                     f"http://localhost:{port}/push/x", f"http://2130706433:{port}/push/x",
                     f"http://[::1]:{port}/push/x", f"http://fcm.googleapis.com@127.0.0.1:{port}/"]
    for endpoint in HOSTILE + aimed_at_stub:
        keys = browser_subscription(endpoint)["keys"]
        db.session.add(PushSubscription(council=council, endpoint=endpoint, **keys))
    db.session.commit()
    queue_policy(council)
    make_worker(settings, sender).run(None, until_idle=True)
    results = deliveries()
    assert len(results) == len(HOSTILE) + len(aimed_at_stub)
    assert {d.status for d in results} == {"refused"}
    assert all(d.last_error and d.last_status is None for d in results)
    assert stub.state.attempts == {}
