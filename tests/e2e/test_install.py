"""The app is installable: Chromium reports no installability errors for it."""

from __future__ import annotations

from tests.e2e.app_steps import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, wait_for_worker


def test_manifest_is_served_as_a_web_app_manifest(live_server, context):
    response = context.request.get(live_server.url("/manifest.webmanifest"))
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert manifest["display"] == "standalone"


def test_chromium_finds_no_installability_errors(live_server, playwright_driver, tmp_path):
    # A persistent context: an ordinary one always reports "in-incognito".
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
        viewport=VIEWPORT, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(live_server.url("/#/start"))
        wait_for_worker(page)
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
        manifest = cdp.send("Page.getAppManifest")
        assert not manifest.get("errors")
    finally:
        context.close()
