"""Pre-election alerts: queued by the worker on the day (or late, if it was down), once."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from api.extensions import db
from api.models import Election
from api.models.push import Delivery, Notification, TimedAlert
from api.services.push_timed import queue_due_alerts, queue_once
from tests.push.helpers import subscribe

UK = ZoneInfo("Europe/London")
NOTICE, POLL = date(2027, 3, 26), date(2027, 5, 6)


def uk(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UK)


def add_election(council, notice=NOTICE, poll=POLL):
    db.session.add(Election(council=council, poll_date=poll, notice_date=notice, label="Local"))
    db.session.commit()


def test_queued_on_the_day_at_a_civil_hour_not_before(app, stub, council, settings):
    subscribe(stub, council)
    subscribe(stub, council, topics=["policy"])
    add_election(council)
    assert queue_due_alerts(uk(date(2027, 3, 25), 12), 7) == []
    assert queue_due_alerts(uk(NOTICE, 6), 7) == []
    assert queue_due_alerts(uk(NOTICE, 7), 7) == ["wiltshire: pre-election period from 2027-03-26"]
    [notification] = Notification.query.all()
    assert notification.title == "The pre-election period started today"
    assert "Thursday 6 May 2027" in notification.body and notification.url == "/#/purdah"
    assert Delivery.query.count() == 1  # only the subscriber who wants purdah alerts


def test_a_worker_down_on_the_day_catches_up_once(app, stub, council):
    subscribe(stub, council)
    add_election(council)
    assert len(queue_due_alerts(uk(date(2027, 3, 29), 9), 7)) == 1
    assert queue_due_alerts(uk(date(2027, 3, 29), 10), 7) == []
    assert queue_due_alerts(uk(date(2027, 4, 2), 10), 7) == []
    [notification] = Notification.query.all()
    assert notification.title == "The pre-election period started on Friday 26 March"


def test_nothing_after_polling_day(app, stub, council):
    subscribe(stub, council)
    add_election(council)
    assert queue_due_alerts(uk(date(2027, 5, 7), 9), 7) == []
    assert Notification.query.count() == 0


def test_the_unique_key_stops_a_second_queue_even_without_the_check(app, stub, council):
    subscribe(stub, council)
    add_election(council)
    period = {"purdah_start": NOTICE.isoformat(), "poll_date": POLL.isoformat()}
    assert queue_once(council, period, NOTICE) is True
    assert queue_once(council, period, NOTICE) is False  # as a second worker would
    assert TimedAlert.query.count() == 1 and Notification.query.count() == 1
    assert Delivery.query.count() == 1
