"""Push settings, read once from the app's config with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ALLOWED_HOSTS = (
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "web.push.apple.com",
    "*.push.apple.com",
    "*.notify.windows.com",
)


@dataclass(frozen=True)
class PushSettings:
    """Everything the push code needs to know, with production defaults."""

    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS
    # Only honoured together with TESTING: lets tests use http on 127.0.0.1/localhost.
    insecure_loopback: bool = False
    contact: str = "mailto:democratic.services@example.org"
    key_file: Path = Path("instance/vapid_private.pem")
    ttl_seconds: int = 28 * 24 * 3600
    timeout_seconds: float = 10.0
    connect_timeout_seconds: float = 5.0
    lease_seconds: int = 120
    max_attempts: int = 8
    backoff_base_seconds: float = 30.0
    backoff_max_seconds: float = 6 * 3600.0
    retry_after_max_seconds: int = 24 * 3600
    concurrency: int = 32
    batch_size: int = 500
    sender_processes: int = 1
    idle_seconds: float = 2.0
    purdah_alert_hour: int = 7
    vapid_lifetime_seconds: int = 12 * 3600
    vapid_renew_before_seconds: int = 3600

    @classmethod
    def from_config(cls, config) -> PushSettings:
        """Build the settings from a Flask config (or any mapping)."""
        instance = Path(config.get("INSTANCE_PATH", "instance"))
        hosts = config.get("PUSH_ALLOWED_HOSTS") or DEFAULT_ALLOWED_HOSTS
        if isinstance(hosts, str):
            hosts = hosts.split(",")
        return cls(
            allowed_hosts=tuple(h.strip().lower() for h in hosts if h.strip()),
            insecure_loopback=bool(config.get("TESTING"))
            and bool(config.get("PUSH_ALLOW_INSECURE_LOOPBACK_FOR_TESTS")),
            contact=config.get("PUSH_CONTACT", cls.contact),
            key_file=Path(config.get("PUSH_VAPID_KEY_FILE") or instance / "vapid_private.pem"),
            ttl_seconds=int(config.get("PUSH_TTL_SECONDS", cls.ttl_seconds)),
            timeout_seconds=float(config.get("PUSH_TIMEOUT_SECONDS", cls.timeout_seconds)),
            connect_timeout_seconds=float(
                config.get("PUSH_CONNECT_TIMEOUT_SECONDS", cls.connect_timeout_seconds)),
            lease_seconds=int(config.get("PUSH_LEASE_SECONDS", cls.lease_seconds)),
            max_attempts=int(config.get("PUSH_MAX_ATTEMPTS", cls.max_attempts)),
            backoff_base_seconds=float(
                config.get("PUSH_BACKOFF_BASE_SECONDS", cls.backoff_base_seconds)),
            backoff_max_seconds=float(
                config.get("PUSH_BACKOFF_MAX_SECONDS", cls.backoff_max_seconds)),
            concurrency=int(config.get("PUSH_CONCURRENCY") or cls.concurrency),
            batch_size=int(config.get("PUSH_BATCH_SIZE", cls.batch_size)),
            sender_processes=int(config.get("PUSH_SENDER_PROCESSES") or os.cpu_count() or 1),
            idle_seconds=float(config.get("PUSH_IDLE_SECONDS", cls.idle_seconds)),
            purdah_alert_hour=int(config.get("PUSH_PURDAH_ALERT_HOUR", cls.purdah_alert_hour)),
        )
