"""Compose, check and publish councils' rule bundles. Every publish is one transaction."""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from api.bundles.schemas import validate_bundle
from api.extensions import db
from api.models import BundleVersion, Council
from api.services import elections as election_service
from api.services.outbox import queue_policy_alert
from shared_rules import compose as composer

ComposeError = composer.ComposeError
_examples_passed: set[str] = set()


class BundleRefused(Exception):
    """One or more bundles failed their checks; nothing was written."""

    def __init__(self, problems: dict[str, list[str]]):
        self.problems = problems
        lines = [f"{slug}: {line}" for slug, found in problems.items() for line in found]
        super().__init__("bundle refused:\n" + "\n".join(lines))


@dataclass
class Published:
    slug: str
    version: int
    created: bool


def _rules_dir() -> Path:
    return Path(current_app.config["RULES_DIR"])


def _examples_checker():
    """A function that runs one composed bundle's flag/pass examples through the real analyser
    (node) and lists misfires; callable outside the app context, so from worker threads."""
    node = current_app.config["NODE_BINARY"]
    tool = Path(current_app.config["PWA_DIR"]) / "tools" / "check-rules.mjs"

    def check(content: bytes) -> list[str]:
        etag = composer.etag_of(content)
        if etag in _examples_passed:
            return []
        try:
            run = subprocess.run([node, str(tool)], input=content,
                                 capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return [f"rules: the rule checker could not run ({exc}); is Node.js installed?"]
        if run.returncode != 0:
            out = (run.stdout + run.stderr).decode("utf-8", "replace").strip().splitlines()
            return [f"rules: {line}" for line in out] or ["rules: the rule checker failed"]
        _examples_passed.add(etag)
        return []

    return check


def check_bundle(bundle: dict) -> list[str]:
    """Return every problem of a composed bundle: its shape first, then its rules' examples."""
    return check_bundles({"bundle": bundle})["bundle"]


def check_bundles(bundles: dict[str, dict]) -> dict[str, list[str]]:
    """Every problem of several composed bundles, by key: each one's shape first, then its
    rules' examples (run by the real analyser in node), side by side, one process per core."""
    problems = {slug: validate_bundle(bundle) for slug, bundle in bundles.items()}
    to_run = {slug: composer.to_bytes(bundle) for slug, bundle in bundles.items()
              if not problems[slug]}
    if to_run:
        workers = min(len(to_run), os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            found = pool.map(_examples_checker(), to_run.values())
            problems.update(zip(to_run, found, strict=True))
    return problems


def _change_note(previous: BundleVersion | None, bundle: dict) -> str:
    if previous is None:
        return "First published version."
    before = json.loads(previous.content)
    changed = [key for key in bundle if before.get(key) != bundle[key]]
    return "Updated: " + ", ".join(key.replace("_", " ") for key in changed) + "."


def publish(council: Council, bundle: dict, published_by: str,
            change_note: str | None = None) -> BundleVersion | None:
    """Add a new version when the content changed; the caller commits. None if unchanged.

    ``bundle`` is the checked, composed bundle; phones get it without the rules' examples.
    """
    bundle = composer.served(bundle)
    content = composer.to_bytes(bundle)
    etag = composer.etag_of(content)
    latest = council.latest_version()
    if latest is not None and latest.etag == etag:
        return None
    version = BundleVersion(
        council=council, version=(latest.version + 1) if latest else 1, content=content,
        etag=etag, published_by=published_by,
        change_note=change_note or _change_note(latest, bundle),
    )
    db.session.add(version)
    queue_policy_alert(council, version)  # the outbox: same transaction as the version
    return version


def _upsert_council(facts: dict) -> Council:
    council = Council.query.filter_by(slug=facts["slug"]).one_or_none()
    if council is None:
        council = Council(slug=facts["slug"])
        db.session.add(council)
    council.name, council.kind, council.nation = facts["name"], facts["kind"], facts["nation"]
    return council


def compose_council(slug: str, council: Council | None = None) -> dict:
    """Compose a council's bundle from shared_rules/ and its elections in the database."""
    periods = election_service.periods_for_bundle(council) if council is not None else []
    return composer.compose(slug, elections=periods, rules_dir=_rules_dir())


def import_all(published_by: str = "flask bundles import",
               change_note: str | None = None) -> list[Published]:
    """Publish every council in shared_rules/ whose content changed, all or nothing."""
    composed: dict[str, dict] = {}
    problems: dict[str, list[str]] = {}
    for slug in composer.council_slugs(_rules_dir()):
        existing = Council.query.filter_by(slug=slug).one_or_none()
        try:
            composed[slug] = compose_council(slug, existing)
        except ComposeError as exc:
            problems[slug] = [str(exc)]
    problems.update(check_bundles(composed))
    problems = {slug: found for slug, found in problems.items() if found}
    if problems:
        raise BundleRefused(problems)
    results = []
    for slug, bundle in composed.items():
        council = _upsert_council(bundle["council"])
        version = publish(council, bundle, published_by, change_note)
        db.session.flush()
        results.append(Published(slug, (version or council.latest_version()).version,
                                 version is not None))
    db.session.commit()
    return results


def publish_council(council: Council, change_note: str | None, published_by: str):
    """Recompose one council (files + elections) and publish it if it changed; commits."""
    bundle = compose_council(council.slug, council)
    problems = check_bundle(bundle)
    if problems:
        db.session.rollback()
        raise BundleRefused({council.slug: problems})
    version = publish(council, bundle, published_by, change_note)
    db.session.commit()
    return version
