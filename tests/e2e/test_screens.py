"""Every screen, in light and dark mode: no axe-core violations, and a screenshot at 390 x 844
for people to look at (test-artifacts/e2e/screens/)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.app_steps import (
    FIXED_TIME,
    axe_violations,
    go,
    open_fresh,
    wait_for_worker,
    write_draft,
)
from tests.e2e.conftest import context_options

DRAFT = ("Councillor Reed is a fraud who has been lining his own pockets from the "
         "regeneration budget.")
SCREENS = [
    ("#/check", "Check a post"),
    ("#/ready", "Before you post"),
    ("#/pause", "Tired or emotional?"),
    ("#/help", "Help now"),
    ("#/privacy", "Privacy settings"),
    ("#/evidence", "Evidence log"),
    ("#/drafts", "Saved drafts"),
    ("#/purdah", "Pre-election period"),
    ("#/updates", "Updates to your guidance"),
    ("#/settings", "Settings"),
    ("#/more", "More"),
]


def assert_accessible(page, name: str, folder) -> None:
    page.screenshot(path=str(folder / f"{name}.png"))
    page.screenshot(path=str(folder / f"{name}-full.png"), full_page=True)
    violations = axe_violations(page)
    assert violations == [], f"{name}: {violations}"


def start_screen(page, origin, folder) -> None:
    page.clock.set_fixed_time(FIXED_TIME)
    page.goto(origin + "/#/start")
    expect(page.get_by_role("radio").first).to_be_visible()
    assert_accessible(page, "start", folder)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "start-error", folder)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_screen_is_accessible(browser, live_server, artifacts, scheme):
    folder = artifacts / "screens" / scheme
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(**context_options(scheme))
    try:
        page = context.new_page()
        start_screen(page, live_server.origin, folder)
        open_fresh(page, live_server.origin, "principal-003")
        wait_for_worker(page)
        write_draft(page, DRAFT)
        for route, heading in SCREENS:
            go(page, route, heading)
            if route == "#/evidence":
                page.get_by_role("button", name="Save entry").click()
                expect(page.locator(".error-summary")).to_be_focused()
            assert_accessible(page, route.strip("#/").replace("/", "-"), folder)
        go(page, "#/privacy", "Privacy settings")
        page.locator(".task-link").first.click()
        expect(page.locator("main h1")).to_contain_text("privacy")
        assert_accessible(page, "privacy-walkthrough", folder)
    finally:
        context.close()


def test_the_check_flow_works_by_keyboard_alone(context, live_server):
    page = context.new_page()
    open_fresh(page, live_server.origin, "loughton")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-ready", "true")
    page.keyboard.press("Tab")
    expect(page.locator("#skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your draft")).to_be_focused()
    page.keyboard.type(DRAFT)
    expect(page.locator("#draft-status")).to_contain_text("to look at")
    focused = tab_until(page, "Next: before you post")
    assert focused
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text("Before you post")
    expect(page.locator("main h1")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator(".checklist input[type=checkbox]").first).to_be_checked()
    assert tab_until(page, "Copy the post")


def tab_until(page, name: str, limit: int = 60) -> bool:
    """Press Tab until the focused element's text is `name` (with a visible focus style)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {text: el.textContent.trim(), outline: style.outlineStyle, shadow: style.boxShadow,
                  background: style.backgroundColor};
        }""")
        assert state["outline"] != "none" or state["shadow"] != "none", state
        if state["text"] == name:
            return True
    return False
