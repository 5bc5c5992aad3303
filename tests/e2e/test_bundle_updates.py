"""The bundle on the phone: a broken answer from the server leaves the last good one in use
with a calm message; a new version is saved and shown as updated guidance with its change note."""

from __future__ import annotations

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.e2e.app_steps import WAIT_MS, go, open_fresh
from tests.e2e.conftest import add_election_to

BROKEN_ANSWERS = {
    "bad JSON": {"status": 200, "body": '{"schema_version": 1, "council": {', "etag": '"broken-1"'},
    "wrong shape": {"status": 200, "body": json.dumps({"schema_version": 1, "contacts": "none"}),
                    "etag": '"broken-2"'},
    "server error": {"status": 500, "body": '{"code": 500}', "etag": None},
}


def saved_version(page) -> dict:
    """Read the saved bundle record through the app's own storage module."""
    return page.evaluate("""async () => {
      const { savedBundle } = await import('/js/lib/bundle-cache.js');
      const record = await savedBundle('wiltshire');
      return { version: record.version, etag: record.etag, name: record.bundle.council.name };
    }""")


@pytest.mark.parametrize("kind", list(BROKEN_ANSWERS))
def test_a_broken_bundle_leaves_the_last_good_one(context, live_server, kind):
    page = context.new_page()
    open_fresh(page, live_server.origin, "wiltshire")
    good = saved_version(page)
    answer = BROKEN_ANSWERS[kind]
    headers = {"Content-Type": "application/json", "X-Bundle-Version": "999"}
    if answer["etag"]:
        headers["ETag"] = answer["etag"]
    context.route("**/api/v1/councils/wiltshire/bundle",
                  lambda route: route.fulfill(status=answer["status"], body=answer["body"],
                                              headers=headers))
    page.reload()
    expect(page.locator("[data-banner=calm]")).to_contain_text("saved on this phone",
                                                                timeout=WAIT_MS)
    assert saved_version(page) == good
    page.get_by_label("Your draft").fill("Councillor Reed is a fraud.")
    expect(page.locator("#draft-status")).to_contain_text("to look at", timeout=WAIT_MS)


def test_a_new_version_shows_updated_guidance_with_its_change_note(context, live_server):
    page = context.new_page()
    open_fresh(page, live_server.origin, "lowestoft")
    first = page.evaluate("""async () => {
      const { savedBundle } = await import('/js/lib/bundle-cache.js');
      return (await savedBundle('lowestoft')).version;
    }""")
    newer = add_election_to(live_server, "lowestoft", date(2027, 5, 6))
    assert newer > first
    page.reload()
    banner = page.locator("[data-banner=updated]")
    expect(banner).to_contain_text("Updated guidance", timeout=WAIT_MS)
    banner.get_by_role("link", name="See what changed").click()
    expect(page.locator("main h1")).to_have_text("Updates to your guidance")
    expect(page.locator("main")).to_contain_text(f"Version {newer} (on this phone)")
    expect(page.locator(".change-note").first).to_contain_text("Pre-election period added")
    expect(page.locator("[data-banner=updated]")).to_have_count(0)
    go(page, "#/purdah", "Pre-election period")
    expect(page.locator("main")).to_contain_text("6 May 2027")
