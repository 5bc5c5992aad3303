"""Flask commands: `flask push keys|worker|send-due` and `flask elections add|list`."""

from __future__ import annotations

import signal
import time
from datetime import date

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from api.models import Council, Election
from api.services.elections import add_election, period_of
from api.services.push_keys import KeysMissing, create_keys, load_vapid, public_key
from api.services.push_pool import PoolSender
from api.services.push_sender import PushSender
from api.services.push_settings import PushSettings
from api.services.push_timed import queue_due_alerts
from api.services.push_worker import Worker, utc_now

push_cli = AppGroup("push", help="Push alerts: keys, the sending worker, due alerts.")
elections_cli = AppGroup("elections", help="Elections and their pre-election periods.")


def make_sender(settings: PushSettings):
    """Send from this process, or from one process per core when there are several."""
    if settings.sender_processes > 1:
        return PoolSender(settings, settings.sender_processes)
    return PushSender(settings, load_vapid(settings.key_file))


def _settings() -> PushSettings:
    return PushSettings.from_config(current_app.config)


@push_cli.command("keys")
def keys_command() -> None:
    """Make the server's VAPID key pair if there is none; never replace an existing one."""
    settings = _settings()
    made = create_keys(settings.key_file)
    state = "made" if made else "kept (already there)"
    click.echo(f"Push key {state}: {settings.key_file}")
    click.echo(f"Public key: {public_key(load_vapid(settings.key_file))}")


@push_cli.command("worker")
@click.option("--until-idle", is_flag=True, help="Stop once nothing is due (for cron and tests).")
def worker_command(until_idle: bool) -> None:
    """Send queued alerts until stopped (SIGTERM or Ctrl-C finishes the batch in hand)."""
    settings = _settings()
    try:
        load_vapid(settings.key_file)
    except KeysMissing as exc:
        raise click.ClickException(str(exc)) from None
    sender = make_sender(settings)
    worker = Worker(settings, sender)

    def stop(_signum, _frame):
        worker.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    click.echo("Push worker started.")
    try:
        handled = worker.run(time.sleep, until_idle=until_idle)
    finally:
        sender.close()
    click.echo(f"Push worker stopped after {handled} deliveries.")


@push_cli.command("send-due")
def send_due_command() -> None:
    """Queue any due time-based alert now (the worker does this on every pass too)."""
    queued = queue_due_alerts(utc_now(), _settings().purdah_alert_hour)
    for line in queued:
        click.echo(f"Queued: {line}")
    if not queued:
        click.echo("Nothing due.")


def _council(slug: str) -> Council:
    council = Council.query.filter_by(slug=slug).one_or_none()
    if council is None:
        raise click.ClickException(f"No council called '{slug}'. Run `flask bundles import`?")
    return council


@elections_cli.command("add")
@click.argument("slug")
@click.argument("poll_date", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--notice", "notice_date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day the notice of election is published, if known.")
@click.option("--label", default=None, help='For example "Borough elections 2027".')
def add_command(slug: str, poll_date, notice_date, label: str | None) -> None:
    """Add an election (polling day YYYY-MM-DD) and publish the council's bundle with it."""
    council = _council(slug)
    try:
        election = add_election(council, poll_date.date(),
                                notice_date.date() if notice_date else None, label)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    _echo_period(period_of(election, council.nation))


@elections_cli.command("list")
@click.argument("slug", required=False)
def list_command(slug: str | None) -> None:
    """List elections and their pre-election periods, for one council or all."""
    query = Election.query.join(Council).order_by(Council.slug, Election.poll_date)
    if slug:
        query = query.filter(Council.slug == _council(slug).slug)
    elections = query.all()
    for election in elections:
        click.echo(f"{election.council.slug}: ", nl=False)
        _echo_period(period_of(election, election.council.nation))
    if not elections:
        click.echo("No elections recorded.")


def _echo_period(period: dict) -> None:
    estimate = " (latest day the notice may be given)" if period["start_is_estimate"] else ""
    start = date.fromisoformat(period["purdah_start"])
    click.echo(f"{period['label']}: polling day {period['poll_date']}, pre-election period "
               f"from {start.isoformat()}{estimate}")


def register_cli(app: Flask) -> None:
    """Add `flask push ...` and `flask elections ...` to the app."""
    app.cli.add_command(push_cli)
    app.cli.add_command(elections_cli)
