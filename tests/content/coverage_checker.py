"""Check a coverage record against a composed bundle: is every clause of the policy carried?

A clause is carried when each of its ``carried_by`` references ("guidance:wiltshire-mash",
"risk_clauses:safeguarding") names something in the bundle that cites this seed and this
clause's section. Otherwise it must say why it is not about posts.
"""

from __future__ import annotations

from tests.content.rule_files import ITEM_KINDS
from tests.content.seed_policy import same_section


def _cites_clause(citations: list, source: str, clause: str) -> bool:
    return any(
        c.get("source") == source and same_section(c.get("section", ""), clause)
        for c in citations
    )


def reference_problem(reference: str, bundle: dict, source: str, clause: str) -> str | None:
    """Return why one carried_by reference does not carry a clause, or None if it does."""
    kind, _, name = reference.partition(":")
    if kind == "risk_clauses":
        entries = (bundle.get("risk_clauses") or {}).get(name)
        if entries is None:
            return f"no risk category {name!r}"
        if not _cites_clause(entries, source, clause):
            return f"no {name} risk clause cites {clause!r}"
        return None
    if kind not in ITEM_KINDS:
        return f"unknown kind {kind!r}"
    item = next((i for i in bundle.get(kind) or [] if i.get("id") == name), None)
    if item is None:
        return "no such item in the composed bundle"
    if not _cites_clause(item.get("cite") or [], source, clause):
        return f"its cite does not name {source} section {clause!r}"
    return None


def entry_problems(entry: dict, bundle: dict, source: str) -> list[str]:
    """Return what is wrong with one clause of a coverage record (empty when it is carried)."""
    clause = str(entry.get("clause", ""))
    carried_by = entry.get("carried_by") or []
    reason = str(entry.get("not_about_posts", "")).strip()
    if carried_by and reason:
        return ["both carried_by and not_about_posts: choose one"]
    if not carried_by:
        return [] if reason else ["neither carried nor given a not_about_posts reason"]
    problems = []
    for reference in carried_by:
        problem = reference_problem(reference, bundle, source, clause)
        if problem:
            problems.append(f"{reference}: {problem}")
    return problems


def uncarried_clauses(record: dict, bundle: dict) -> dict[str, list[str]]:
    """Return {"<clause> (line N)": [problems]} for every clause the bundle does not carry."""
    source = record["source"]
    report = {}
    for entry in record["clauses"]:
        problems = entry_problems(entry, bundle, source)
        if problems:
            report[f"{entry.get('clause')} (line {entry.get('line')})"] = problems
    return report


def without_carriers(bundle: dict, entry: dict) -> dict:
    """Return a copy of a bundle with every item that carries one clause taken out."""
    doomed = {tuple(ref.partition(":")[::2]) for ref in entry.get("carried_by") or []}
    mutated = dict(bundle)
    for kind in ITEM_KINDS:
        mutated[kind] = [i for i in bundle.get(kind) or [] if (kind, i.get("id")) not in doomed]
    mutated["risk_clauses"] = {
        category: [c for c in entries if ("risk_clauses", category) not in doomed
                   or not same_section(c.get("section", ""), str(entry["clause"]))]
        for category, entries in (bundle.get("risk_clauses") or {}).items()
    }
    return mutated
