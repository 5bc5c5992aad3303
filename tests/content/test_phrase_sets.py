"""Named phrase sets: one family of innocent use, written once, cancelling matches in many rules."""

import json

import pytest

from tests.content.rule_files import RULES_DIR, base_files, compose, composed_bundle, council_slugs

REBUTTAL = {"rebuttal": {"phrases": ["x"]}}
SETS = compose.read_json(RULES_DIR / "base" / "phrase-sets.json")["phrase_sets"]


def a_rule(**unless_entry):
    return {"id": "defamation-test", "phrases": ["on the take"],
            "unless": [{"phrases": ["own phrase"], "scope": "sentence", **unless_entry}]}


def named_sets(rules):
    """Return {set name: [(rule id, where), ...]} for every matcher here that names a set."""
    names = {}
    for rule in rules:
        for where, matcher in compose._matchers(rule):
            for name in matcher.get("phrase_sets", []):
                names.setdefault(name, []).append((rule["id"], where))
    return names


def test_a_named_set_is_written_into_the_matcher_after_its_own_phrases():
    sets = {"rebuttal": {"phrases": ["is untrue", "own phrase"]}}
    [rule] = compose.expand_phrase_sets([a_rule(phrase_sets=["rebuttal"])], sets)
    assert rule["unless"][0] == {"phrases": ["own phrase", "is untrue"], "scope": "sentence"}


def test_expanding_leaves_the_rules_it_was_given_unchanged():
    rules = [a_rule(phrase_sets=["rebuttal"])]
    before = json.dumps(rules)
    compose.expand_phrase_sets(rules, {"rebuttal": {"phrases": ["is untrue"]}})
    assert json.dumps(rules) == before


def test_an_unknown_set_is_refused_naming_the_rule_the_field_and_the_set():
    with pytest.raises(compose.ComposeError,
                       match=r"rule defamation-test: unless\[0\]\.phrase_sets names 'rebutal'"):
        compose.expand_phrase_sets([a_rule(phrase_sets=["rebutal"])], REBUTTAL)


@pytest.mark.parametrize("names", [[], "rebuttal"])
def test_phrase_sets_must_be_a_list_of_names(names):
    with pytest.raises(compose.ComposeError,
                       match=r"unless\[0\]\.phrase_sets must be a non-empty list"):
        compose.expand_phrase_sets([a_rule(phrase_sets=names)], REBUTTAL)


@pytest.mark.parametrize("body", [{}, {"phrases": []}, {"phrases": ["ok", ""]}, ["is untrue"]])
def test_a_malformed_set_is_refused_by_name(body):
    with pytest.raises(compose.ComposeError, match="phrase set 'rebuttal': 'phrases' must be"):
        compose.expand_phrase_sets([], {"rebuttal": body})


@pytest.mark.parametrize("slug", council_slugs())
def test_bundles_carry_no_set_names_only_their_phrases(slug):
    bundle = composed_bundle(slug)
    assert "phrase_sets" not in bundle
    assert named_sets(bundle["rules"]) == {}


def test_every_base_set_is_named_by_a_base_rule_and_says_what_it_is_for():
    rules = [rule for path in base_files() if path.name.startswith("rules-")
             for rule in compose.read_json(path)["rules"]]
    used = named_sets(rules)
    assert set(used) == set(SETS)
    assert all(body["about"].strip() for body in SETS.values())


def test_no_matcher_repeats_a_phrase_of_a_set_it_names():
    for path in base_files():
        for rule in compose.read_json(path).get("rules", []):
            for where, matcher in compose._matchers(rule):
                own = set(matcher.get("phrases", []))
                for name in matcher.get("phrase_sets", []):
                    assert not own & set(SETS[name]["phrases"]), (rule["id"], where, name)


def test_a_council_can_widen_a_base_set(rules_dir):
    path = rules_dir / "councils" / "wiltshire.json"
    council = json.loads(path.read_text(encoding="utf-8"))
    widened = [*SETS["self-accusation"]["phrases"], "they're calling me"]
    council["phrase_sets"] = {"self-accusation": {"phrases": widened}}
    path.write_text(json.dumps(council), encoding="utf-8")
    rules = compose.compose("wiltshire", rules_dir=rules_dir)["rules"]
    users = [m for rule in rules for _, m in compose._matchers(rule)
             if "i've been accused" in m.get("phrases", [])]
    assert users and all("they're calling me" in m["phrases"] for m in users)
