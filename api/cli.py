"""Flask commands: `flask bundles import|validate`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from api.bundles.schemas import validate_bundle
from api.services import bundles as bundle_service

bundles_cli = AppGroup("bundles", help="Import and check the rule bundles in shared_rules/.")


@bundles_cli.command("import")
@click.option("--note", default=None, help="Change note for the versions this publishes.")
@click.option("--by", "published_by", default="flask bundles import", show_default=True,
              help="Who publishes (kept with each version).")
def import_command(note: str | None, published_by: str) -> None:
    """Publish a new version of every council whose composed bundle changed."""
    try:
        results = bundle_service.import_all(published_by, note)
    except bundle_service.BundleRefused as exc:
        raise click.ClickException(str(exc)) from None
    for result in results:
        state = "published" if result.created else "unchanged"
        click.echo(f"{result.slug}: version {result.version} ({state})")


@bundles_cli.command("validate")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate_command(path: Path) -> None:
    """Check one bundle file (composed, or as the API serves it) and print every problem."""
    try:
        bundle = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(bundle, dict):
        raise click.ClickException(f"{path}: a bundle is one JSON object")
    served = _is_served_form(bundle)
    if served:
        problems = validate_bundle(bundle, served=True)
    else:
        problems = bundle_service.check_bundle(bundle)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        raise click.ClickException(f"{path}: {len(problems)} problem(s)")
    if served:
        click.echo(f"{path}: a valid bundle as served (its rules carry no examples to run; "
                   "`flask bundles import` runs them from shared_rules/)")
    else:
        click.echo(f"{path}: a valid bundle")


def _is_served_form(bundle: dict) -> bool:
    rules = bundle.get("rules")
    return (isinstance(rules, list) and bool(rules)
            and not any(isinstance(rule, dict) and "examples" in rule for rule in rules))


def init_app(app: Flask) -> None:
    app.cli.add_command(bundles_cli)
