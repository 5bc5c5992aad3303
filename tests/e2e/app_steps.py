"""Steps shared by the browser tests: open the app, choose a council, write a draft."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A fixed afternoon: late-night checks and the pre-election period must not depend on when
# the suite runs.
FIXED_TIME = "2026-06-10T14:00:00+01:00"
VIEWPORT = {"width": 390, "height": 844}
WAIT_MS = 15000


def open_fresh(page: Page, origin: str, slug: str) -> None:
    """First run: choose the council, read the promise, skip alerts; wait for the worker."""
    page.clock.set_fixed_time(FIXED_TIME)
    page.goto(origin + "/#/start")
    page.locator(f"#council-{slug}").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your drafts stay on this phone")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Not now: check a post").click()
    expect(page.get_by_role("heading", name="Check a post", level=1)).to_be_visible()
    wait_for_worker(page)


def wait_for_worker(page: Page) -> None:
    """Wait until the service worker controls the page (the shell is then precached)."""
    # evaluate, not wait_for_function: the app's CSP refuses the eval that polling uses.
    page.evaluate("""() => navigator.serviceWorker.controller ? true : new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true),
                                               {once: true}))""")


def write_draft(page: Page, text: str, risky: bool = True) -> None:
    """Type a draft and wait for the (debounced) check to report on it."""
    page.get_by_label("Your draft").fill(text)
    said = "to look at before you post" if risky else "Nothing to look at"
    expect(page.locator("#draft-status")).to_contain_text(said, timeout=WAIT_MS)

AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core in the page (injected by evaluate: the CSP refuses script tags)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    found = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                          ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
                          "help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))",
                          AXE_TAGS)
    return found


def go(page: Page, route: str, heading: str) -> None:
    """Open a screen by its address and wait for its main heading."""
    page.evaluate("(r) => { window.location.hash = r; }", route)
    expect(page.locator("main h1")).to_have_text(heading, timeout=WAIT_MS)


def go_offline(context, page: Page) -> None:
    """Cut the network for page and worker alike (and refuse the API, to be sure)."""
    context.set_offline(True)
    page.route("**/api/**", lambda route: route.abort())
