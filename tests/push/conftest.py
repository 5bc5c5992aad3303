"""Fixtures for push: an app that may send to 127.0.0.1, a VAPID key, the stub push service."""

from __future__ import annotations

import shutil

import pytest

from api import create_app
from api.extensions import db
from api.models import Council
from api.services.push_keys import create_keys, load_vapid, public_key
from api.services.push_sender import PushSender
from api.services.push_settings import DEFAULT_ALLOWED_HOSTS, PushSettings
from tests.conftest import settings_for
from tests.push.stub_push import StubPushService

# Tests widen the allowlist by configuration only: production never sets these.
PUSH_TEST_SETTINGS = {
    "PUSH_ALLOWED_HOSTS": [*DEFAULT_ALLOWED_HOSTS, "127.0.0.1", "localhost"],
    "PUSH_ALLOW_INSECURE_LOOPBACK_FOR_TESTS": True,
    "PUSH_CONTACT": "mailto:democratic.services@example.org",
    "PUSH_TIMEOUT_SECONDS": 0.5,
    "PUSH_CONNECT_TIMEOUT_SECONDS": 0.5,
    "PUSH_LEASE_SECONDS": 60,
    "PUSH_MAX_ATTEMPTS": 4,
}


def push_settings_for(database, instance, **extra) -> dict:
    """Return the app settings for push tests: the lead's test settings plus ours."""
    return settings_for(database, instance, **(PUSH_TEST_SETTINGS | extra))


def make_app(migrated_database, folder, **extra):
    """Build an app on a fresh copy of the migrated database, with a VAPID key made."""
    database = folder / "test.db"
    shutil.copyfile(migrated_database, database)
    app = create_app(push_settings_for(database, folder, **extra))
    create_keys(PushSettings.from_config(app.config).key_file)
    return app


@pytest.fixture
def app(migrated_database, tmp_path):
    app = make_app(migrated_database, tmp_path)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def settings(app) -> PushSettings:
    return PushSettings.from_config(app.config)


@pytest.fixture
def vapid(settings):
    return load_vapid(settings.key_file)


@pytest.fixture
def stub(vapid):
    with StubPushService(public_key(vapid)) as service:
        yield service


@pytest.fixture
def sender(settings, vapid):
    push = PushSender(settings, vapid)
    yield push
    push.close()


def make_council(slug: str = "wiltshire", name: str = "Wiltshire Council",
                 nation: str = "ENG") -> Council:
    """Add a council directly (the bundle import is the lead's and is tested there)."""
    council = Council(slug=slug, name=name, kind="principal", nation=nation)
    db.session.add(council)
    db.session.commit()
    return council


@pytest.fixture
def council(app) -> Council:
    return make_council()
