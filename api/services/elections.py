"""Elections and their pre-election periods, as the bundle carries them."""

from __future__ import annotations

from datetime import date

from api.extensions import db
from api.models import Council, Election
from api.services.purdah import purdah_start


def periods_for_bundle(council: Council) -> list[dict]:
    """Return the council's pre-election periods for its bundle, oldest polling day first."""
    elections = Election.query.filter_by(council_id=council.id).order_by(Election.poll_date)
    return [period_of(election, council.nation) for election in elections]


def period_of(election: Election, nation: str) -> dict:
    """Return one election's period: from the notice (or its latest date) to polling day."""
    start = election.notice_date or purdah_start(election.poll_date, nation)
    return {
        "id": election.id,
        "label": election.label,
        "poll_date": election.poll_date.isoformat(),
        "notice_date": election.notice_date.isoformat() if election.notice_date else None,
        "purdah_start": start.isoformat(),
        "purdah_end": election.poll_date.isoformat(),
        "start_is_estimate": election.notice_date is None,
    }


def add_election(council: Council, poll_date: date, notice_date: date | None = None,
                 label: str | None = None, published_by: str = "flask elections add") -> Election:
    """Record an election and publish the council's bundle with its period, in one transaction."""
    from api.services.bundles import publish_council

    if notice_date is not None and notice_date >= poll_date:
        raise ValueError("The notice of election comes before polling day.")
    election = Election(council=council, poll_date=poll_date, notice_date=notice_date,
                        label=label or f"Election on {poll_date:%-d %B %Y}")
    db.session.add(election)
    db.session.flush()
    note = (f"Pre-election period added: {election.label}, from "
            f"{period_of(election, council.nation)['purdah_start']}.")
    publish_council(council, note, published_by)
    return election
