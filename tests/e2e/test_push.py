"""A push delivered to the service worker over CDP shows the notification, refreshes the saved
bundle (still there offline), and a tap leads to the screen that explains it."""

from __future__ import annotations

import json
from datetime import date

from playwright.sync_api import expect

from tests.e2e.app_steps import WAIT_MS, go_offline, open_fresh
from tests.e2e.conftest import add_election_to

SLUG = "loughton"


def notifications(page) -> list[dict]:
    return page.evaluate("""() => navigator.serviceWorker.ready
      .then((r) => r.getNotifications())
      .then((list) => list.map((n) =>
        ({title: n.title, body: n.body, tag: n.tag, data: n.data})))""")


def saved_version(page) -> int:
    return page.evaluate("""async (slug) => {
      const { savedBundle } = await import('/js/lib/bundle-cache.js');
      return (await savedBundle(slug)).version;
    }""", SLUG)


def wait_until(page, probe, what: str):
    """Poll the page until probe() is truthy; the push handler runs in the worker, unseen."""
    for _ in range(WAIT_MS // 100):
        value = probe()
        if value:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"never happened: {what}")


def subscribe_to_registrations(context, page):
    cdp = context.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    return cdp, registrations


def test_push_shows_the_notice_and_refreshes_the_bundle(context, live_server):
    context.grant_permissions(["notifications"], origin=live_server.origin)
    page = context.new_page()
    cdp, registrations = subscribe_to_registrations(context, page)
    open_fresh(page, live_server.origin, SLUG)
    before = saved_version(page)
    newer = add_election_to(live_server, SLUG, date(2027, 5, 6))
    registration = next(r for r in registrations if r["scopeURL"] == live_server.url("/"))
    payload = {"kind": "policy", "council": SLUG, "title": "Your council has updated its guidance",
               "body": "Pre-election period added.", "version": newer, "url": "/#/updates"}
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": live_server.origin, "registrationId": registration["registrationId"],
        "data": json.dumps(payload)})
    shown = wait_until(page, lambda: notifications(page), "a notification")
    assert shown[0]["title"] == payload["title"] and shown[0]["tag"] == f"policy:{SLUG}"
    assert wait_until(page, lambda: saved_version(page) == newer, "the new bundle saved")
    assert newer > before

    go_offline(context, page)
    page.reload()
    expect(page.locator("[data-banner=updated]")).to_contain_text("Updated guidance",
                                                                  timeout=WAIT_MS)
    assert saved_version(page) == newer

    worker = context.service_workers[0]
    worker.evaluate("(p) => self.openNotice(p)", {"kind": "purdah", "council": SLUG,
                                                  "url": "/#/purdah"})
    expect(page.locator("main h1")).to_have_text("Pre-election period", timeout=WAIT_MS)


def test_a_second_notice_of_the_same_kind_replaces_the_first(context, live_server):
    context.grant_permissions(["notifications"], origin=live_server.origin)
    page = context.new_page()
    cdp, registrations = subscribe_to_registrations(context, page)
    open_fresh(page, live_server.origin, "principal-000")
    registration = next(r for r in registrations if r["scopeURL"] == live_server.url("/"))
    for body in ("first", "second"):
        cdp.send("ServiceWorker.deliverPushMessage", {
            "origin": live_server.origin, "registrationId": registration["registrationId"],
            "data": json.dumps({"kind": "purdah", "council": "principal-000", "title": "Purdah",
                                "body": body, "version": None, "url": "https://evil.example/"})})
        wait_until(page, lambda b=body: [n for n in notifications(page) if n["body"] == b], body)
    shown = notifications(page)
    assert [n["body"] for n in shown] == ["second"]
    # A payload's url is only followed when it is one of the app's own screens.
    assert shown[0]["data"]["url"] == "/#/purdah"
