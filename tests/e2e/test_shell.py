"""The service worker's shell list names every file the app loads, so it opens offline."""

from __future__ import annotations

import re

from tests.e2e.app_steps import ROOT

PWA = ROOT / "pwa"
IMPORT = re.compile(r"""(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]"""
                    r"""|import\s+['"](\.[^'"]+)['"]""")


def shell_list() -> set[str]:
    text = (PWA / "shell.js").read_text(encoding="utf-8")
    return set(re.findall(r"'(/[^']*)'", text))


def imported_modules(entry: str) -> set[str]:
    """Follow the static imports from one module, as the browser would."""
    seen: set[str] = set()
    todo = [entry]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        source = (PWA / path.lstrip("/")).read_text(encoding="utf-8")
        for match in IMPORT.finditer(source):
            target = (PWA / path.lstrip("/")).parent.joinpath(match.group(1) or match.group(2))
            todo.append("/" + target.resolve().relative_to(PWA).as_posix())
    return seen


def test_shell_names_every_module_the_app_imports():
    # The worker's own imports are kept by the browser with the worker script itself.
    needed = imported_modules("/js/app.js")
    missing = needed - shell_list()
    assert not missing, f"add to pwa/shell.js: {sorted(missing)}"


def test_shell_names_every_file_the_page_links():
    html = (PWA / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'(?:href|src)="(/[^"#]+)"', html))
    manifest = (PWA / "manifest.webmanifest").read_text(encoding="utf-8")
    manifest_icons = set(re.findall(r'"src": "(/[^"]+)"', manifest))
    missing = (linked | manifest_icons) - shell_list() - {"/icons/icon-maskable-512.png"}
    assert not missing, f"add to pwa/shell.js: {sorted(missing)}"


def test_every_shell_file_exists():
    absent = [p for p in shell_list() if p != "/" and not (PWA / p.lstrip("/")).is_file()]
    assert not absent
