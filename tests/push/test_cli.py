"""The commands: `flask push keys|worker|send-due`, `flask elections add|list`."""

from __future__ import annotations

from datetime import date, timedelta

from api.models import Election
from api.models.push import Notification, PushSubscription
from api.services.push_keys import load_vapid, public_key
from tests.push.helpers import deliveries, queue_policy, subscribe


def test_keys_are_made_once_and_never_replaced(runner, settings):
    settings.key_file.unlink()
    first = runner.invoke(args=["push", "keys"])
    assert first.exit_code == 0 and "made" in first.output
    made = public_key(load_vapid(settings.key_file))
    again = runner.invoke(args=["push", "keys"])
    assert again.exit_code == 0 and "kept" in again.output
    assert public_key(load_vapid(settings.key_file)) == made and made in again.output
    assert settings.key_file.stat().st_mode & 0o777 == 0o600


def test_worker_without_keys_says_what_to_run(runner, settings):
    settings.key_file.unlink()
    result = runner.invoke(args=["push", "worker", "--until-idle"])
    assert result.exit_code != 0 and "flask push keys" in result.output


def test_worker_until_idle_sends_what_is_queued(app, runner, stub, council):
    app.config["PUSH_SENDER_PROCESSES"] = 1
    subscription = subscribe(stub, council)
    queue_policy(council)
    result = runner.invoke(args=["push", "worker", "--until-idle"])
    assert result.exit_code == 0, result.output
    assert "after 1 deliveries" in result.output
    assert len(stub.messages_for(subscription)) == 1 and deliveries()[0].status == "sent"


def test_send_due_queues_a_started_period(runner, stub, council):
    subscribe(stub, council)
    today = date.today()
    from api.extensions import db
    db.session.add(Election(council=council, poll_date=today + timedelta(days=20),
                            notice_date=today - timedelta(days=2), label="By-election"))
    db.session.commit()
    first = runner.invoke(args=["push", "send-due"])
    assert first.exit_code == 0 and "Queued: wiltshire" in first.output
    assert "Nothing due." in runner.invoke(args=["push", "send-due"]).output
    assert Notification.query.count() == 1


def test_elections_list_and_refusals(runner, council):
    from api.extensions import db
    db.session.add(Election(council=council, poll_date=date(2027, 5, 6), label="Local 2027"))
    db.session.commit()
    listed = runner.invoke(args=["elections", "list", "wiltshire"])
    assert listed.exit_code == 0
    assert "Local 2027: polling day 2027-05-06, pre-election period from 2027-03-" in listed.output
    assert "latest day the notice may be given" in listed.output
    unknown = runner.invoke(args=["elections", "add", "atlantis", "2027-05-06"])
    assert unknown.exit_code != 0 and "No council called 'atlantis'" in unknown.output
    bad = runner.invoke(args=["elections", "add", "wiltshire", "2027-05-06",
                              "--notice", "2027-05-07"])
    assert bad.exit_code != 0 and "notice of election comes before polling day" in bad.output


def test_elections_add_publishes_and_queues_the_policy_alert(runner, stub, imported):
    from api.models import Council
    council = Council.query.filter_by(slug="wiltshire").one()
    subscription = subscribe(stub, council, topics=["policy"])
    result = runner.invoke(args=["elections", "add", "wiltshire", "2027-05-06",
                                 "--label", "Unitary elections 2027"])
    assert result.exit_code == 0, result.output
    assert "Unitary elections 2027: polling day 2027-05-06" in result.output
    [notification] = Notification.query.all()
    assert notification.kind == "policy" and notification.version == 2
    assert "Pre-election period added" in notification.body
    [delivery] = deliveries()
    assert delivery.subscription_id == PushSubscription.query.filter_by(
        endpoint=subscription["endpoint"]).one().id
