"""Compose a council's rule bundle from the shared base and the council's own file.

This is the only merge of base and council in the project: the API imports it, the analyser's
command-line tool runs it (``python3 shared_rules/compose.py --served SLUG``), and so the server,
the PWA and the tool all see the same bytes. Without ``--served`` it prints the bundle with every
rule's examples, which the import checks and phones never need. Standard library only, on purpose.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent
SCHEMA_VERSION = 1
IMPORT_ONLY_RULE_FIELDS = ("examples",)  # checked at import, never read on a phone
MATCHER_FIELDS = ("near", "unless", "likely_if")  # where a rule holds matchers besides itself


class ComposeError(Exception):
    """A rule file is missing or is not JSON."""


def read_json(path: Path) -> dict:
    """Read one rule file, naming it in any error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ComposeError(f"{path.name}: no such rule file") from exc
    except json.JSONDecodeError as exc:
        raise ComposeError(f"{path.name}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict):
        raise ComposeError(f"{path.name}: a rule file must hold one JSON object")
    return data


def _is_item_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def merge(into: dict, layer: dict) -> dict:
    """Merge one partial bundle into another: items by id, objects by key, scalars replaced."""
    for key, value in layer.items():
        old = into.get(key)
        if _is_item_list(old) and _is_item_list(value):
            position = {item["id"]: i for i, item in enumerate(old)}
            merged = list(old)
            for item in value:
                if item["id"] in position:
                    merged[position[item["id"]]] = item
                else:
                    position[item["id"]] = len(merged)
                    merged.append(item)
            into[key] = merged
        elif isinstance(old, dict) and isinstance(value, dict):
            into[key] = merge(dict(old), value)
        else:
            into[key] = value
    return into


def _drop_removed(bundle: dict, removed: list) -> None:
    for key, value in bundle.items():
        if _is_item_list(value):
            bundle[key] = [item for item in value if item["id"] not in removed]


def _phrase_list(name, value) -> list:
    phrases = value.get("phrases") if isinstance(value, dict) else None
    if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ComposeError(f"phrase set '{name}': 'phrases' must be a non-empty list of phrases")
    return phrases


def _matchers(rule: dict):
    """Yield (where, matcher) for the rule itself and every matcher inside it."""
    yield "", rule
    for field in MATCHER_FIELDS:
        value = rule.get(field)
        if isinstance(value, dict):
            yield f"{field}.", value
        elif isinstance(value, list):
            for i, matcher in enumerate(value):
                if isinstance(matcher, dict):
                    yield f"{field}[{i}].", matcher


def expand_phrase_sets(rules: list, phrase_sets: dict) -> list:
    """Write each named phrase set into the matchers that name it.

    A matcher's ``"phrase_sets": ["name", ...]`` adds those sets' phrases to its own ``phrases``,
    so one family of innocent use ("I've been accused of ...", "ballot papers are ...") is written
    once and cancels the match in every rule that names it. Phones never see the names.
    """
    sets = {name: _phrase_list(name, value) for name, value in (phrase_sets or {}).items()}
    expanded = []
    for rule in rules:
        rule = dict(rule)
        for field in MATCHER_FIELDS:
            if isinstance(rule.get(field), list):
                rule[field] = [dict(m) if isinstance(m, dict) else m for m in rule[field]]
            elif isinstance(rule.get(field), dict):
                rule[field] = dict(rule[field])
        for where, matcher in _matchers(rule):
            names = matcher.pop("phrase_sets", None)
            if names is None:
                continue
            if not isinstance(names, list) or not names:
                raise ComposeError(f"rule {rule.get('id')}: {where}phrase_sets must be a "
                                   "non-empty list of set names")
            phrases = list(matcher.get("phrases", []))
            seen = set(phrases)
            for name in names:
                if name not in sets:
                    raise ComposeError(f"rule {rule.get('id')}: {where}phrase_sets names "
                                       f"'{name}', which no file defines under phrase_sets")
                phrases += [p for p in sets[name] if p not in seen]
                seen.update(sets[name])
            matcher["phrases"] = phrases
        expanded.append(rule)
    return expanded


def council_slugs(rules_dir: Path = RULES_DIR) -> list[str]:
    """List the councils that have a file in ``councils/``."""
    return sorted(p.stem for p in (rules_dir / "councils").glob("*.json"))


def compose(slug: str, elections: list | None = None, rules_dir: Path = RULES_DIR) -> dict:
    """Return the composed bundle of one council as a dict."""
    council_file = rules_dir / "councils" / f"{slug}.json"
    if not council_file.is_file():
        raise ComposeError(f"no council called '{slug}' in {rules_dir.name}/councils")
    bundle: dict = {"schema_version": SCHEMA_VERSION}
    for part in sorted((rules_dir / "base").glob("*.json")):
        merge(bundle, read_json(part))
    council = read_json(council_file)
    removed = council.pop("remove", [])
    merge(bundle, council)
    _drop_removed(bundle, removed)
    phrase_sets = bundle.pop("phrase_sets", {})
    if "rules" in bundle:
        bundle["rules"] = expand_phrase_sets(bundle["rules"], phrase_sets)
    bundle["elections"] = list(elections or [])
    return bundle


def served(bundle: dict) -> dict:
    """Return the bundle as phones get it: each rule without its import-only examples."""
    rules = [{key: value for key, value in rule.items() if key not in IMPORT_ONLY_RULE_FIELDS}
             for rule in bundle.get("rules", [])]
    return {**bundle, "rules": rules} if "rules" in bundle else dict(bundle)


def to_bytes(bundle: dict) -> bytes:
    """Serialise a bundle canonically: the exact bytes the API serves."""
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def etag_of(content: bytes) -> str:
    """Return the strong validator of a bundle's bytes (without quotes)."""
    return hashlib.sha256(content).hexdigest()


def main(argv: list[str]) -> int:
    args = argv[1:]
    as_served = "--served" in args
    args = [arg for arg in args if arg != "--served"]
    if len(args) != 1:
        print("usage: python3 shared_rules/compose.py [--served] SLUG", file=sys.stderr)
        return 2
    try:
        bundle = compose(args[0])
        content = to_bytes(served(bundle) if as_served else bundle)
    except ComposeError as exc:
        print(f"compose: {exc}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(content)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
