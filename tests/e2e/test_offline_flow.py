"""After one online visit, everything a councillor needs works with no signal, and no request
of the whole session carries any part of the draft."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.app_steps import WAIT_MS, go, go_offline, open_fresh, write_draft

DRAFT = ("Councillor Reed is a fraud who has been lining his own pockets from the "
         "regeneration budget.")
DRAFT_WORDS = ["reed", "fraud", "lining", "pockets", "regeneration"]


def record_requests(context) -> list[str]:
    """Keep every request the browser makes, from pages and the service worker."""
    seen: list[str] = []

    def keep(request):
        seen.append(f"{request.method} {request.url} {request.headers} {request.post_data or ''}")

    context.on("request", keep)
    return seen


def check_draft_offline(page):
    write_draft(page, DRAFT)
    expect(page.locator("#draft-status")).to_contain_text("to look at")
    finding = page.locator(".finding").first
    expect(finding).to_contain_text("This could be read as")
    expect(finding.locator(".citations")).to_contain_text(re.compile("guidance|The law"))
    expect(page.locator(".marked-draft mark").first).to_be_visible()


def checklist_and_pause(page):
    page.get_by_role("link", name="Next: before you post").click()
    expect(page.locator("main h1")).to_have_text("Before you post")
    first_tick = page.locator(".checklist input[type=checkbox]").first
    first_tick.check()
    expect(first_tick).to_be_checked()
    expect(page.locator("#final-text")).to_have_value(DRAFT)
    go(page, "#/pause", "Tired or emotional?")
    page.get_by_role("button", name=re.compile(r"^Take \d+ minutes$")).first.click()
    expect(page.locator(".timer")).to_have_text(re.compile(r"^\d+:\d\d$"))
    page.get_by_role("link", name="Back to my draft").click()
    expect(page.get_by_label("Your draft")).to_have_value(DRAFT)


def walkthrough_and_contacts(page):
    go(page, "#/privacy", "Privacy settings")
    page.locator(".task-link").first.click()
    page.locator("fieldset input[type=checkbox]").first.check()
    expect(page.get_by_role("status").filter(has_text="steps done")).to_contain_text("1 of")
    ncsc = page.get_by_role("link", name=re.compile("NCSC"))
    expect(ncsc).to_have_attribute("href", re.compile("ncsc.gov.uk"))
    go(page, "#/help", "Help now")
    expect(page.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    assert page.locator(".contact a[href^='tel:'], .contact a[href^='mailto:']").count() > 0


def evidence_saved_and_exported(page, artifacts):
    go(page, "#/evidence", "Evidence log")
    page.get_by_label("What happened").fill("Threatening reply to my post")
    page.get_by_label("Where").fill("Facebook, account @someone")
    page.get_by_label("Note (optional)").fill("Third message this week")
    page.get_by_role("button", name="Save entry").click()
    expect(page.locator(".summary-card")).to_contain_text("Threatening reply to my post")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export the log as one file").click()
    path = artifacts / "evidence-log.html"
    download_info.value.save_as(path)
    exported = path.read_text(encoding="utf-8")
    assert "Threatening reply to my post" in exported and "Third message this week" in exported


def test_offline_after_one_visit(context, live_server, artifacts):
    seen = record_requests(context)
    page = context.new_page()
    open_fresh(page, live_server.origin, "loughton")
    go_offline(context, page)
    page.reload()
    expect(page.locator("main h1")).to_have_text("Check a post", timeout=WAIT_MS)
    expect(page.locator("[data-banner=offline]")).to_contain_text("offline")
    check_draft_offline(page)
    checklist_and_pause(page)
    walkthrough_and_contacts(page)
    evidence_saved_and_exported(page, artifacts)
    everything = "\n".join(seen).lower() + live_server.log.as_text()
    assert seen, "the request recorder saw nothing"
    leaked = [word for word in DRAFT_WORDS if word in everything]
    assert not leaked


def test_no_request_carries_the_draft_while_online(context, live_server):
    seen = record_requests(context)
    before = len(live_server.log.requests)
    page = context.new_page()
    open_fresh(page, live_server.origin, "principal-000")
    write_draft(page, DRAFT)
    page.get_by_role("link", name="Next: before you post").click()
    expect(page.locator("#final-text")).to_have_value(DRAFT)
    go(page, "#/check", "Check a post")
    page.get_by_label("Your draft").press("End")
    page.keyboard.type(" Zebraquartz")
    expect(page.get_by_label("Your draft")).to_have_value(re.compile("Zebraquartz$"))
    expect(page.locator("html")).to_have_attribute("data-ready", "true")
    assert len(live_server.log.requests) > before, "the server log saw nothing"
    everything = "\n".join(seen).lower() + live_server.log.as_text()
    leaked = [word for word in [*DRAFT_WORDS, "zebraquartz"] if word in everything]
    assert not leaked


def test_a_suggested_wording_is_applied_with_one_tap_offline(context, live_server):
    shouted = "THIS DECISION IS A DISGRACE AND NOBODY LISTENS"
    page = context.new_page()
    open_fresh(page, live_server.origin, "wiltshire")
    go_offline(context, page)
    page.reload()
    write_draft(page, shouted)
    apply = page.locator(".finding button", has_text="Use")
    expect(apply.first).to_be_visible()
    apply.first.click()
    expect(page.get_by_label("Your draft")).to_have_value(
        "This decision is a disgrace and nobody listens")
    expect(page.get_by_label("Your draft")).to_be_focused()
