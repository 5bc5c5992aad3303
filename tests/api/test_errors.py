"""Every error is one JSON envelope: code, status, message, errors. Never an HTML page."""

import pytest
from flask import Blueprint

ENVELOPE = {"code", "status", "message", "errors"}


def assert_envelope(response, code):
    assert response.status_code == code
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == ENVELOPE
    assert body["code"] == code and body["message"]
    return body


@pytest.mark.parametrize("path", [
    "/api/v1/councils/atlantis/bundle",
    "/api/v1/councils/atlantis/bundle/1",
    "/api/v1/councils/atlantis/versions",
    "/api/v1/no-such-thing",
    "/no-such-page.html",
    "/tools/check-drafts.mjs",
])
def test_unknown_addresses_give_the_json_404(client, imported, path):
    body = assert_envelope(client.get(path), 404)
    assert "<html" not in body["message"].lower()


def test_unknown_version_names_the_council_and_the_number(client, imported):
    body = assert_envelope(client.get("/api/v1/councils/wiltshire/bundle/99"), 404)
    assert "version 99" in body["message"] and "wiltshire" in body["message"]


def test_wrong_method_gives_405_with_allow(client, imported):
    response = client.delete("/api/v1/councils")
    assert_envelope(response, 405)
    assert "GET" in response.headers["Allow"]


def test_bad_query_gives_422_naming_the_field(client, imported):
    body = assert_envelope(client.get("/api/v1/councils/wiltshire/versions?limit=0"), 422)
    assert "limit" in str(body["errors"])


def test_crash_gives_500_without_a_stack_trace(app):
    boom = Blueprint("boom", __name__)

    @boom.get("/boom")
    def explode():
        raise RuntimeError("secret internals /work/main/api")

    app.register_blueprint(boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    body = assert_envelope(app.test_client().get("/boom"), 500)
    assert "secret internals" not in str(body) and "Traceback" not in str(body)


def test_health_is_ok_with_a_database(client, imported):
    assert client.get("/healthz").get_json() == {"status": "ok", "database": "ok"}


def test_health_gives_503_with_a_reason_without_tables(tmp_path):
    from api import create_app
    from tests.conftest import settings_for

    app = create_app(settings_for(tmp_path / "empty.db", tmp_path))
    body = assert_envelope(app.test_client().get("/healthz"), 503)
    assert "database" in body["errors"]
