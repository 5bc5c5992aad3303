"""Load the rule files under test and walk them: council files, base files, coverage records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RULES_DIR = REPO / "shared_rules"
# compose.py is standard library only and is run as a script too: import it from its folder so
# these tests need neither the API package nor Flask.
sys.path.insert(0, str(RULES_DIR))
import compose  # noqa: E402

ITEM_KINDS = ("contacts", "checklist", "guidance", "faqs", "principles")


def council_slugs() -> list[str]:
    """List the councils that have a file in shared_rules/councils/."""
    return compose.council_slugs(RULES_DIR)


def council_file(slug: str) -> dict:
    """Return one council's own file, as written (not composed)."""
    return compose.read_json(RULES_DIR / "councils" / f"{slug}.json")


def composed_bundle(slug: str) -> dict:
    """Return a council's bundle exactly as compose.py builds it."""
    return compose.compose(slug, rules_dir=RULES_DIR)


def coverage_record(slug: str) -> dict | None:
    """Return a council's coverage record, or None when it has none yet."""
    path = RULES_DIR / "coverage" / f"{slug}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def base_files() -> list[Path]:
    """List the national base files."""
    return sorted((RULES_DIR / "base").glob("*.json"))


def seed_of(slug: str) -> str:
    """Return the seed file a council's policy comes from."""
    return council_file(slug)["council"]["policy"]["source"]


def strings_in(value) -> Iterator[str]:
    """Yield every string anywhere in a JSON value, keys excluded."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def citations_in(value, where: str = "") -> Iterator[tuple[str, dict]]:
    """Yield (path, citation) for every cite entry and every risk clause in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            if key == "cite" and isinstance(item, list):
                yield from ((f"{path}[{i}]", c) for i, c in enumerate(item))
            elif key == "risk_clauses" and isinstance(item, dict):
                for category, clauses in item.items():
                    yield from ((f"{path}.{category}[{i}]", c) for i, c in enumerate(clauses))
            else:
                yield from citations_in(item, path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from citations_in(item, f"{where}[{i}]")
