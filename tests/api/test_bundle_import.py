"""Importing shared_rules/: new versions only for real changes, refusals write nothing."""

import json

import pytest
from sqlalchemy import text

from api.extensions import db
from api.models import BundleVersion, Council, ImmutableVersionError
from api.services.bundles import BundleRefused, import_all
from shared_rules import compose


def _edit_council(rules_dir, slug, change):
    path = rules_dir / "councils" / f"{slug}.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def test_reimport_of_unchanged_content_creates_no_version(app, imported):
    assert all(r.created and r.version == 1 for r in imported)
    again = import_all()
    assert not any(r.created for r in again)
    assert BundleVersion.query.count() == len(imported)


def test_a_changed_bundle_gets_a_new_version_and_etag(client, imported, rules_dir):
    before = client.get("/api/v1/councils/wiltshire/bundle")
    _edit_council(rules_dir, "wiltshire",
                  lambda d: d["checklist"].append({**d["checklist"][0], "id": "wiltshire-new"}))
    results = {r.slug: r for r in import_all()}
    assert results["wiltshire"].created and results["wiltshire"].version == 2
    assert not results["lowestoft"].created
    after = client.get("/api/v1/councils/wiltshire/bundle")
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.headers["X-Bundle-Version"] == "2"
    stale = client.get("/api/v1/councils/wiltshire/bundle",
                       headers={"If-None-Match": before.headers["ETag"]})
    assert stale.status_code == 200
    assert client.get("/api/v1/councils/wiltshire/bundle/1").data == before.data


def test_a_published_version_never_changes(app, imported):
    version = BundleVersion.query.first()
    version.change_note = "rewritten"
    with pytest.raises(ImmutableVersionError):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(Exception, match="immutable"):
        db.session.execute(text("UPDATE bundle_versions SET content = x'00'"))
    db.session.rollback()
    with pytest.raises(Exception, match="kept"):
        db.session.execute(text("DELETE FROM bundle_versions"))
    db.session.rollback()
    assert BundleVersion.query.filter_by(change_note="rewritten").count() == 0


def test_a_malformed_bundle_is_refused_with_its_fields_and_nothing_written(app, rules_dir):
    def break_it(data):
        data["contacts"][0]["phone"] = "call me maybe"
        data["checklist"][1]["when"] = {"purdah": "sometimes"}
        del data["council"]["kind"]

    _edit_council(rules_dir, "lowestoft", break_it)
    with pytest.raises(BundleRefused) as refused:
        import_all()
    problems = "\n".join(refused.value.problems["lowestoft"])
    composed = compose.compose("lowestoft", rules_dir=rules_dir)
    contact = [c.get("phone") for c in composed["contacts"]].index("call me maybe")
    check = [c.get("when") for c in composed["checklist"]].index({"purdah": "sometimes"})
    assert f"contacts.{contact}.phone" in problems
    assert f"checklist.{check}.when.purdah" in problems
    assert "council.kind" in problems
    assert list(refused.value.problems) == ["lowestoft"]
    assert Council.query.count() == 0 and BundleVersion.query.count() == 0


def test_a_rule_naming_a_phrase_set_nobody_defined_is_refused_by_name(app, rules_dir):
    def misspell(data):
        data.setdefault("rules", []).append({
            "id": "wiltshire-test", "category": "harassment", "severity": "medium",
            "sureness": "possible", "phrases": ["numpty"], "message": "m", "suggestion": "s",
            "unless": [{"phrase_sets": ["self-acusation"], "scope": "sentence"}]})

    _edit_council(rules_dir, "wiltshire", misspell)
    with pytest.raises(BundleRefused, match=r"rule wiltshire-test: unless\[0\]\.phrase_sets names "
                                            "'self-acusation'"):
        import_all()
    assert Council.query.count() == 0


def test_a_veto_above_its_threshold_is_refused_naming_the_category(app, rules_dir):
    def overreach(data):
        data["word_weights"] = {"categories": {"harassment": {"threshold": 1.0, "veto": 2.5}}}

    _edit_council(rules_dir, "wiltshire", overreach)
    with pytest.raises(BundleRefused) as refused:
        import_all()
    problems = "\n".join(refused.value.problems["wiltshire"])
    assert "word_weights.categories.harassment.veto" in problems
    assert "must not be above the threshold" in problems
    assert Council.query.count() == 0


def test_a_bad_word_weight_is_refused_naming_its_feature(app, rules_dir):
    def spoil(data):
        data["word_weights"] = {"categories": {"harassment": {"weights": {
            "w:numpty": "lots", "w:twit": float("inf"), "w:ok": 0.5}}}}

    _edit_council(rules_dir, "lowestoft", spoil)
    with pytest.raises(BundleRefused) as refused:
        import_all()
    problems = refused.value.problems["lowestoft"]
    assert "word_weights.categories.harassment.weights.w:numpty: Not a valid number." in problems
    assert any(p.startswith("word_weights.categories.harassment.weights.w:twit: Special")
               for p in problems)
    assert not any("w:ok" in p for p in problems)
    assert Council.query.count() == 0


def test_examples_run_for_every_council_and_each_refusal_names_its_own(app, rules_dir):
    def misfiring_rule(slug):
        def add(data):
            data.setdefault("rules", []).append({
                "id": f"{slug}-misfires", "category": "harassment", "severity": "medium",
                "sureness": "possible", "phrases": ["numpty"], "message": "m",
                "suggestion": "s", "cite": [{"source": "council"}],
                "examples": {"flag": ["What a plonker."], "pass": ["Thank you all."]}})
        return add

    for slug in ("loughton", "wiltshire"):
        _edit_council(rules_dir, slug, misfiring_rule(slug))
    with pytest.raises(BundleRefused) as refused:
        import_all()
    assert sorted(refused.value.problems) == ["loughton", "wiltshire"]
    for slug in ("loughton", "wiltshire"):
        [line] = [p for p in refused.value.problems[slug] if "misfires" in p]
        assert line.startswith("rules: ") and f"{slug}-misfires" in line and "plonker" in line
    assert Council.query.count() == 0


def test_a_file_that_is_not_json_is_refused_by_name(app, rules_dir):
    (rules_dir / "councils" / "loughton.json").write_text("{ not json")
    with pytest.raises(BundleRefused, match="loughton.json: not valid JSON"):
        import_all()
    assert Council.query.count() == 0


def test_cli_import_twice_changes_nothing(runner, app):
    first = runner.invoke(args=["bundles", "import"])
    assert first.exit_code == 0, first.output
    assert "wiltshire: version 1 (published)" in first.output
    second = runner.invoke(args=["bundles", "import"])
    assert "wiltshire: version 1 (unchanged)" in second.output
    assert "published)" not in second.output


def test_cli_validate_prints_every_problem_with_its_path(runner, app, client, imported, tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(client.get("/api/v1/councils/wiltshire/bundle").data)
    ok = runner.invoke(args=["bundles", "validate", str(good)])
    assert ok.exit_code == 0 and "a valid bundle as served" in ok.output
    bundle = json.loads(good.read_text())
    bundle["pause"]["late_night"]["from"] = "25:99"
    bundle["walkthroughs"][0]["help_url"] = "http://example.com"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bundle))
    refused = runner.invoke(args=["bundles", "validate", str(bad)])
    assert refused.exit_code != 0
    assert "pause.late_night.from" in refused.output
    assert "walkthroughs.0.help_url" in refused.output
