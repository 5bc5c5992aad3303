"""Settings, all read from the environment in this one place."""

from __future__ import annotations

import os
from pathlib import Path

from api.services.push_settings import DEFAULT_ALLOWED_HOSTS, PushSettings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = ROOT / "instance"
RELAXED_ENVS = {"development", "test"}


class SettingsError(RuntimeError):
    """A setting needed to start is missing or wrong."""


def _read_secret(name: str, instance: Path) -> str | None:
    """Return a secret from the environment, or from the instance file ``make run`` writes."""
    value = os.environ.get(name)
    if value:
        return value
    path = instance / name.lower()
    if path.is_file():
        return path.read_text(encoding="utf-8").strip() or None
    return None


# Push worker tuning, read from the environment when set (defaults: api/services/push_settings.py).
PUSH_TUNING = (
    "PUSH_VAPID_KEY_FILE", "PUSH_SENDER_PROCESSES", "PUSH_CONCURRENCY", "PUSH_BATCH_SIZE",
    "PUSH_LEASE_SECONDS", "PUSH_MAX_ATTEMPTS", "PUSH_BACKOFF_BASE_SECONDS",
    "PUSH_BACKOFF_MAX_SECONDS", "PUSH_TTL_SECONDS", "PUSH_TIMEOUT_SECONDS",
    "PUSH_CONNECT_TIMEOUT_SECONDS", "PUSH_IDLE_SECONDS", "PUSH_PURDAH_ALERT_HOUR",
)


def _csv(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def load_settings(overrides: dict | None = None) -> dict:
    """Build the settings from the environment and any overrides (tests pass some).

    Outside development and tests, a missing secret stops start-up with what to set.
    """
    overrides = overrides or {}
    env = overrides.get("APP_ENV") or os.environ.get("APP_ENV", "production")
    instance = Path(overrides.get("INSTANCE_PATH") or os.environ.get("INSTANCE_PATH",
                                                                     DEFAULT_INSTANCE))
    secret = overrides.get("SECRET_KEY") or _read_secret("SECRET_KEY", instance)
    if secret is None:
        if env not in RELAXED_ENVS:
            raise SettingsError(
                "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
                f"string, or put one in {instance / 'secret_key'} (`make run` creates it for you). "
                "For local development only, APP_ENV=development starts without one."
            )
        secret = os.urandom(32).hex()
    database = os.environ.get("DATABASE_URL", f"sqlite:///{instance / 'companion.db'}")
    if database.startswith("postgres://"):
        database = "postgresql://" + database.removeprefix("postgres://")
    return {
        "APP_ENV": env,
        "SECRET_KEY": secret,
        "INSTANCE_PATH": str(instance),
        "SQLALCHEMY_DATABASE_URI": database,
        "SQLITE_BUSY_TIMEOUT_MS": int(os.environ.get("SQLITE_BUSY_TIMEOUT_MS", "5000")),
        "RULES_DIR": os.environ.get("RULES_DIR", str(ROOT / "shared_rules")),
        "PWA_DIR": os.environ.get("PWA_DIR", str(ROOT / "pwa")),
        "NODE_BINARY": os.environ.get("NODE_BINARY", "node"),
        "PUSH_ALLOWED_HOSTS": _csv("PUSH_ALLOWED_HOSTS", ",".join(DEFAULT_ALLOWED_HOSTS)),
        "PUSH_CONTACT": os.environ.get("PUSH_CONTACT", PushSettings.contact),
        **{name: os.environ[name] for name in PUSH_TUNING if os.environ.get(name)},
        "API_TITLE": "Councillor's social media companion",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "JSON_SORT_KEYS": False,
        # Brotli or gzip for the app's files and bundles; the ETag gets a ":br" suffix and
        # conditional requests are answered after compression, so 304s keep working.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_MIMETYPES": [
            "application/json", "application/manifest+json", "text/html", "text/css",
            "text/javascript", "image/svg+xml",
        ],
        "SQLALCHEMY_TRACK_MODIFICATIONS": False,
    } | overrides
