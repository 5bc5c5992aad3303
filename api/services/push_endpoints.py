"""Decide whether a push endpoint is one we may POST to.

The server POSTs to an address the browser handed us, so a hostile client could point it at an
internal service (SSRF). We accept only https on port 443, with no user-info, to a host on the
configured allowlist matched on dot boundaries after parsing. The same check runs at subscribe
time and again just before each send.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from api.services.push_settings import PushSettings

MAX_ENDPOINT_LENGTH = 2048
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}
# A DNS name in the form browsers hand us: lower-case letters, digits, hyphens, dots.
HOST_NAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")
PRINTABLE_ASCII = re.compile(r"^[\x21-\x7e]+$")


class EndpointRefused(ValueError):
    """The endpoint is not a push service we are willing to send to."""


def host_allowed(host: str, allowed_hosts: tuple[str, ...]) -> bool:
    """Tell whether a parsed, lower-case host is on the allowlist, matching on dot boundaries."""
    for pattern in allowed_hosts:
        if pattern.startswith("*."):
            suffix = pattern[1:]  # ".push.apple.com": the dot makes the boundary
            if host.endswith(suffix) and len(host) > len(suffix):
                return True
        elif host == pattern:
            return True
    return False


def _looks_like_ip(host: str) -> bool:
    """Tell whether a host is an IP address in any spelling resolvers accept (1.2.3.4, 0x7f.1)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    last = host.rsplit(".", 1)[-1]
    # A name whose last label is numeric or hex is read as an address by inet_aton.
    return bool(re.fullmatch(r"(0x[0-9a-f]*|[0-9]+)", last))


def _check_text(url: object) -> str:
    if not isinstance(url, str) or not url:
        raise EndpointRefused("The endpoint must be a URL.")
    if len(url) > MAX_ENDPOINT_LENGTH:
        raise EndpointRefused(f"The endpoint is longer than {MAX_ENDPOINT_LENGTH} characters.")
    if not PRINTABLE_ASCII.match(url) or "\\" in url:
        raise EndpointRefused("The endpoint has spaces, control or non-ASCII characters.")
    return url


def _check_host(host: str, settings: PushSettings, loopback_ok: bool) -> None:
    if loopback_ok and host in LOOPBACK_HOSTS and host in settings.allowed_hosts:
        return
    if _looks_like_ip(host) or not HOST_NAME.match(host):
        raise EndpointRefused("The endpoint's host must be a push service's name.")
    if not host_allowed(host, settings.allowed_hosts):
        raise EndpointRefused(f"'{host}' is not a push service we send to.")


def check_endpoint(url: object, settings: PushSettings) -> str:
    """Return the endpoint unchanged if we may send to it; raise EndpointRefused with why not."""
    url = _check_text(url)
    parts = urlsplit(url)
    loopback_ok = settings.insecure_loopback and parts.scheme == "http"
    if parts.scheme != "https" and not loopback_ok:
        raise EndpointRefused("The endpoint must use https.")
    if "@" in parts.netloc:
        raise EndpointRefused("The endpoint must not carry a user name or password.")
    if parts.fragment or "#" in url:
        raise EndpointRefused("The endpoint must not have a fragment.")
    host = parts.hostname or ""
    if parts.netloc.lower() != host and not parts.netloc.lower().startswith(host + ":"):
        raise EndpointRefused("The endpoint's host could not be read.")
    _check_host(host, settings, loopback_ok and host in LOOPBACK_HOSTS)
    try:
        port = parts.port
    except ValueError as exc:
        raise EndpointRefused("The endpoint's port is not a number.") from exc
    if port not in (None, 443) and not (loopback_ok and host in LOOPBACK_HOSTS):
        raise EndpointRefused("The endpoint must use port 443.")
    if not parts.path.startswith("/"):
        raise EndpointRefused("The endpoint must have a path.")
    return url


def origin_of(url: str) -> str:
    """Return scheme://host[:port] of an endpoint: the VAPID audience."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"
