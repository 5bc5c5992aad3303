"""The server's VAPID key pair: made once into the instance folder, never overwritten."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid


class KeysMissing(RuntimeError):
    """No VAPID key yet: run `flask push keys`."""


def b64url(raw: bytes) -> str:
    """Encode bytes as unpadded base64url, as browsers and push services expect."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def create_keys(key_file: Path) -> bool:
    """Write a new private key to key_file unless one is there; return whether one was made."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    vapid = Vapid()
    vapid.generate_keys()
    try:
        # O_EXCL: two `make run`s at once cannot both write, and an existing key is never replaced.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as out:
        out.write(vapid.private_pem())
    return True


def load_vapid(key_file: Path) -> Vapid:
    """Load the private key, or raise KeysMissing saying how to make one."""
    if not key_file.is_file():
        raise KeysMissing(f"No push key at {key_file}: run `flask push keys`.")
    return Vapid.from_file(str(key_file))


def public_key(vapid: Vapid) -> str:
    """Return the public key as the browser's applicationServerKey: base64url, uncompressed."""
    raw = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(raw)
