"""The app's files: right types, revalidated service worker, security headers everywhere."""

import pytest

CSP_MUST_HAVE = ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"]


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert all(part in csp for part in CSP_MUST_HAVE)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", [
    "/", "/manifest.webmanifest", "/sw.js", "/api/v1/councils",
    "/api/v1/councils/wiltshire/bundle", "/healthz", "/api/openapi.json", "/missing",
])
def test_security_headers_on_every_response(client, imported, path):
    with client.get(path) as response:
        assert_security_headers(response)


def test_index_is_html_without_inline_script(client):
    with client.get("/") as response:
        assert response.status_code == 200 and response.mimetype == "text/html"
        html = response.get_data(as_text=True)
    assert "<script>" not in html and "<script type=\"module\">" not in html


def test_manifest_and_worker_types(client):
    with client.get("/manifest.webmanifest") as manifest:
        assert manifest.mimetype == "application/manifest+json"
        assert manifest.get_json()["display"] == "standalone"
    with client.get("/sw.js") as worker:
        assert worker.mimetype == "text/javascript"
        assert worker.headers["Cache-Control"] == "no-cache"


def test_openapi_document_lists_the_bundle_routes(client):
    spec = client.get("/api/openapi.json").get_json()
    assert "/api/v1/councils/{slug}/bundle" in spec["paths"]
    assert "/api/v1/councils/{slug}/versions" in spec["paths"]


@pytest.mark.parametrize("path", ["/api/v1/councils/wiltshire/bundle", "/js/app.js", "/"])
def test_compressed_with_brotli_and_still_revalidated(client, imported, path):
    with client.get(path, headers={"Accept-Encoding": "br, gzip"}) as first:
        assert first.status_code == 200
        assert first.headers["Content-Encoding"] == "br"
        assert "Accept-Encoding" in first.headers["Vary"]
        etag = first.headers["ETag"]
    with client.get(path, headers={"Accept-Encoding": "br, gzip",
                                   "If-None-Match": etag}) as again:
        assert again.status_code == 304
