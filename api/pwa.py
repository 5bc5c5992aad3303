"""Serve the installable app from pwa/ and put the security headers on every response."""

from __future__ import annotations

import hashlib
import mimetypes
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request
from werkzeug.security import safe_join

bp = Blueprint("pwa", __name__)

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("image/svg+xml", ".svg")

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'",
    "img-src 'self' data: blob:", "connect-src 'self'", "worker-src 'self'",
    "manifest-src 'self'", "object-src 'none'", "base-uri 'none'",
    "frame-ancestors 'none'", "form-action 'self'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
PRIVATE_PARTS = ("tools/",)


@bp.get("/")
def index():
    return _send("index.html")


@bp.get("/<path:path>")
def asset(path: str):
    if path.startswith(PRIVATE_PARTS) or path.startswith("api/"):
        abort(404)
    return _send(path)


@lru_cache(maxsize=256)
def _read(file: str, modified: float) -> tuple[bytes, str]:
    """Read one of the app's files and its strong validator (cached until the file changes)."""
    data = Path(file).read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:40]


def _send(path: str):
    file = safe_join(current_app.config["PWA_DIR"], path)
    if file is None or not Path(file).is_file():
        abort(404)
    data, etag = _read(file, Path(file).stat().st_mtime)
    mimetype = mimetypes.guess_type(file)[0] or "application/octet-stream"
    response = Response(data, mimetype=mimetype)
    response.set_etag(etag)
    # The service worker does the caching: the browser revalidates every file, above all sw.js.
    response.headers["Cache-Control"] = "no-cache"
    if path == "sw.js":
        response.headers["Service-Worker-Allowed"] = "/"
    return response.make_conditional(request)


def add_security_headers(response):
    """Put the security headers on every response, API and app alike."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
