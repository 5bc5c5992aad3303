"""Fixtures for the real-browser tests: a live server on 127.0.0.1 and one Chromium per session.

The server is the real app (create_app) on a migrated temporary SQLite file with every council
imported; a WSGI wrapper records every request it receives, so tests can prove that no draft
ever reaches the server.
"""

from __future__ import annotations

import io
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.e2e.app_steps import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, VIEWPORT


class RequestLog:
    """Wrap a WSGI app and keep every request's method, path, query, headers and body."""

    def __init__(self, app):
        self.app = app
        self.requests: list[dict] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        headers = {k: v for k, v in environ.items() if k.startswith("HTTP_")}
        with self.lock:
            self.requests.append({"method": environ["REQUEST_METHOD"],
                                  "path": environ.get("PATH_INFO", ""),
                                  "query": environ.get("QUERY_STRING", ""),
                                  "headers": headers, "body": body})
        return self.app(environ, start_response)

    def as_text(self) -> str:
        """Everything received, as one lower-case text to search."""
        with self.lock:
            parts = [f"{r['method']} {r['path']}?{r['query']} {r['headers']} "
                     f"{r['body'].decode('utf-8', 'replace')}" for r in self.requests]
        return "\n".join(parts).lower()


class LiveServer:
    """The real app served on a free local port."""

    def __init__(self, app, log: RequestLog, server):
        self.app = app
        self.log = log
        self.server = server
        self.origin = f"http://127.0.0.1:{server.server_port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path


PURDAH_COUNCIL = "principal-003"
PURDAH_POLL_DATE = date(2026, 6, 25)  # FIXED_TIME (10 June 2026) falls in its period


def _import_councils(app) -> None:
    from api.services.bundles import import_all

    with app.app_context():
        import_all()
    _add_election(app, PURDAH_COUNCIL, PURDAH_POLL_DATE, "Test election")


def _add_election(app, slug: str, poll_date: date, label: str) -> int:
    from api.extensions import db
    from api.models import Council
    from api.services.elections import add_election

    with app.app_context():
        council = Council.query.filter_by(slug=slug).one()
        add_election(council, poll_date, label=label)
        version = council.latest_version().version
        db.session.remove()
    return version


def add_election_to(server: LiveServer, slug: str, poll_date: date) -> int:
    """Publish a new bundle version of a council (with one more election); return its number."""
    return _add_election(server.app, slug, poll_date, "Added by a test")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, migrated_database):
    """Serve the real app with every council imported, for the whole session."""
    from api import create_app

    folder = tmp_path_factory.mktemp("live")
    shutil.copyfile(migrated_database, folder / "live.db")
    rules = folder / "shared_rules"
    shutil.copytree(ROOT / "shared_rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    app = create_app({"APP_ENV": "test", "TESTING": True, "INSTANCE_PATH": str(folder),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'live.db'}",
                      "RULES_DIR": str(rules)})
    _import_councils(app)
    log = RequestLog(app.wsgi_app)
    app.wsgi_app = log
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(app, log, server)
    server.shutdown()
    thread.join(timeout=5)


# Package scope: Playwright's sync API keeps an event loop running in this thread until it stops,
# and other suites (the push sender) run event loops of their own after this package.
@pytest.fixture(scope="package")
def playwright_driver():
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright_driver):
    """One Chromium for the session (each test gets its own context)."""
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def context_options(color_scheme: str = "light") -> dict:
    """Options of a phone-sized context in the UK."""
    return {"viewport": VIEWPORT, "device_scale_factor": 1, "locale": "en-GB",
            "timezone_id": "Europe/London", "color_scheme": color_scheme,
            "service_workers": "allow", "accept_downloads": True}


@pytest.fixture
def context(browser):
    """A fresh browser context (new storage, new service worker) per test."""
    context = browser.new_context(**context_options())
    yield context
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The git-ignored folder for screenshots and exported files."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
