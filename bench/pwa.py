"""Measure the installable app: the bytes of a first visit, and a repeat offline visit to a
checked draft with the CPU slowed four times.

Run: ``.venv/bin/python bench/pwa.py`` (``make bench``). It serves the real app on 127.0.0.1
with a throwaway database, drives Debian Chromium, prints a table and writes
test-artifacts/bench/pwa.json. Aims: first visit under 60 KB compressed; checked draft offline
under one second at 4x CPU slowdown.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "test-artifacts" / "bench" / "pwa.json"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SLUG = "principal-003"
DRAFT = ("Councillor Reed is a fraud who has been lining his own pockets from the "
         "regeneration budget.")
RUNS = 5
KB = 1024
AIM_BYTES = 60 * KB
AIM_MS = 1000
# What the page does after the last keystroke before it checks: part of what a councillor waits.
CHECK_DELAY_MS = 300

# A councillor who opens the app and starts typing a few seconds later: the app has had that
# long to get ready for the first check (it compiles the rules while idle).
SETTLE_MS = 3000

TIME_TO_CHECKED = """async ([draft, mark, settle]) => {
  const until = (test) => new Promise((resolve) => {
    if (test()) return resolve();
    const watch = new MutationObserver(() => { if (test()) { watch.disconnect(); resolve(); } });
    watch.observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                              characterData: true});
  });
  await until(() => document.documentElement.dataset.ready === 'true');
  const ready = performance.now();
  if (settle) await new Promise((resolve) => setTimeout(resolve, settle));
  const box = document.getElementById('draft');
  box.value = `${draft} ${mark}`;
  const typed = performance.now();
  box.dispatchEvent(new Event('input', {bubbles: true}));
  // The marked copy of the draft shows this run's word only once this draft has been checked.
  await until(() => (document.querySelector('.marked-draft')?.textContent || '').includes(mark));
  return {ready, checked: performance.now(), typed};
}"""


def serve():
    """Start the real app with every council imported; return (origin, stop)."""
    import flask_migrate

    from api import create_app
    from api.extensions import db
    from api.services.bundles import import_all

    folder = Path(tempfile.mkdtemp(prefix="bench-pwa-"))
    app = create_app({"APP_ENV": "test", "TESTING": True, "INSTANCE_PATH": str(folder),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}"})
    with app.app_context():
        flask_migrate.upgrade(directory=str(ROOT / "migrations"))
        import_all()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)

    return f"http://127.0.0.1:{server.server_port}", stop


def kind_of(url: str, content_type: str) -> str:
    """Group a file by what it is, as the aim is stated."""
    path = url.split("?")[0]
    for suffix, kind in ((".js", "JS"), (".css", "CSS"), (".webmanifest", "manifest"),
                         (".png", "icons"), (".svg", "icons")):
        if path.endswith(suffix):
            return kind
    if "/bundle" in path:
        return "bundle"
    return "HTML" if "html" in content_type else "other"


def brotli_sizes(bodies: list[bytes]) -> list[int] | None:
    """Brotli sizes from Node's zlib (no extra Python package); None when Node is missing."""
    script = ("const z=require('zlib');let d='';process.stdin.on('data',c=>d+=c).on('end',()=>"
              "console.log(JSON.stringify(JSON.parse(d).map(b=>z.brotliCompressSync("
              "Buffer.from(b,'base64'),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))))")
    import base64

    payload = json.dumps([base64.b64encode(b).decode() for b in bodies])
    try:
        run = subprocess.run(["node", "-e", script], input=payload.encode(), capture_output=True,
                             check=True, timeout=60)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None
    return json.loads(run.stdout)


def first_visit(browser, origin: str) -> dict:
    """Load the app once (choosing a council) and size every distinct file it fetched."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.goto(origin + "/#/start")
    page.locator(f"#council-{SLUG}").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_load_state("networkidle")
    bodies = {}
    for url in dict.fromkeys(urls):  # each distinct file once, as served (uncompressed)
        response = context.request.get(url)
        bodies[url] = (response.headers.get("content-type", ""), response.body())
    context.close()
    return size_table(bodies)


def size_table(bodies: dict[str, tuple[str, bytes]]) -> dict:
    files = [(kind_of(url, ctype), body) for url, (ctype, body) in bodies.items()
             if "/api/v1/councils" not in url or "/bundle" in url]
    brotli = brotli_sizes([body for _, body in files])
    table: dict[str, dict] = {}
    for i, (kind, body) in enumerate(files):
        row = table.setdefault(kind, {"files": 0, "raw": 0, "gzip": 0, "brotli": 0})
        row["files"] += 1
        row["raw"] += len(body)
        row["gzip"] += len(gzip.compress(body, compresslevel=9))
        row["brotli"] += brotli[i] if brotli else 0
    total = {k: sum(r[k] for r in table.values()) for k in ("files", "raw", "gzip", "brotli")}
    return {"by_type": table, "total": total, "brotli_available": brotli is not None}


def offline_repeat_visits(browser, origin: str, settle: int = 0) -> list[dict]:
    """Time reload-to-checked-draft, offline, CPU slowed 4x, several times; the draft is typed
    as soon as the app is ready, or `settle` ms after."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(origin + "/#/start")
    page.locator(f"#council-{SLUG}").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Not now: check a post").click()
    page.evaluate("""() => navigator.serviceWorker.controller ? true : new Promise((r) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => r(true), {once: true}))""")
    context.set_offline(True)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    runs = []
    for n in range(RUNS + 1):
        page.evaluate("() => { window.location.hash = '#/check'; }")
        page.reload(wait_until="commit")
        runs.append(page.evaluate(TIME_TO_CHECKED, [DRAFT, f"Run{n}", settle]))
    context.close()
    return runs[1:]  # the first reload also warms the worker: not a repeat visit


def report(sizes: dict, runs: list[dict], later: list[dict]) -> dict:
    ready = statistics.median(r["ready"] for r in runs)
    checked = statistics.median(r["checked"] for r in runs)
    after_typing = statistics.median(r["checked"] - r["typed"] for r in runs)
    after_typing_later = statistics.median(r["checked"] - r["typed"] for r in later)
    summary = {
        "first_visit_bytes": sizes,
        "offline_repeat_visit_ms": {"cpu_slowdown": 4, "runs": len(runs),
                                    "to_app_ready": round(ready),
                                    "to_checked_draft_incl_typing_pause": round(checked),
                                    "to_checked_draft_without_typing_pause":
                                        round(checked - CHECK_DELAY_MS),
                                    "from_last_keystroke": round(after_typing),
                                    f"from_last_keystroke_typed_{SETTLE_MS}_ms_after_ready":
                                        round(after_typing_later)},
        "aims": {"first_visit_compressed_bytes": AIM_BYTES, "checked_draft_ms": AIM_MS},
    }
    print(f"{'type':10} {'files':>5} {'raw':>9} {'gzip':>8} {'brotli':>8}")
    for kind, row in sorted(sizes["by_type"].items()):
        print(f"{kind:10} {row['files']:5} {row['raw']:9} {row['gzip']:8} {row['brotli']:8}")
    total = sizes["total"]
    print(f"{'total':10} {total['files']:5} {total['raw']:9} {total['gzip']:8} {total['brotli']:8}"
          f"   (aim under {AIM_BYTES} compressed)")
    print(f"offline repeat visit, CPU 4x slower, median of {len(runs)}: app ready {ready:.0f} ms, "
          f"checked draft {checked - CHECK_DELAY_MS:.0f} ms (+{CHECK_DELAY_MS} ms typing pause),"
          f" last keystroke to findings {after_typing:.0f} ms (aim under {AIM_MS} ms);"
          f" typed {SETTLE_MS / 1000:.0f} s after the app was ready: {after_typing_later:.0f} ms")
    return summary


def main() -> int:
    origin, stop = serve()
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
            sizes = first_visit(browser, origin)
            runs = offline_repeat_visits(browser, origin)
            later = offline_repeat_visits(browser, origin, settle=SETTLE_MS)
            browser.close()
    finally:
        stop()
    summary = report(sizes, runs, later)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
