"""Tests for the analyser's rule schema: shape, portable regexes, no catastrophic backtracking."""

import json
import re
from pathlib import Path

import pytest
from marshmallow import ValidationError

from api.bundles.rule_schema import RuleSchema, regex_problem
from api.bundles.schemas import CATEGORIES
from shared_rules import compose

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests/js/fixtures/regex-cases.json").read_text(encoding="utf-8"))


def a_rule(**changes):
    """Return a valid rule, changed as asked."""
    rule = {
        "id": "defamation-test",
        "category": "defamation",
        "severity": "high",
        "sureness": "likely",
        "phrases": ["on the take"],
        "message": "This reads as an allegation.",
        "suggestion": "Take it out.",
        "laws": ["law-defamation"],
        "cite": [{"source": "national", "act": "Defamation Act 2013"}],
        "examples": {"flag": ["He is on the take."], "pass": ["He took the bus."]},
    }
    rule.update(changes)
    return rule


def errors_of(rule):
    """Load a rule and return the flattened error messages (empty when valid)."""
    try:
        RuleSchema().load(rule)
    except ValidationError as exc:
        return json.dumps(exc.messages)
    return ""


@pytest.mark.parametrize("pattern", CASES["good"])
def test_portable_patterns_are_accepted(pattern):
    assert regex_problem(pattern) is None
    re.compile(pattern.removeprefix("(?i)"))


@pytest.mark.parametrize(("pattern", "reason"), CASES["bad"])
def test_bad_patterns_are_refused_with_a_reason(pattern, reason):
    problem = regex_problem(pattern)
    assert problem is not None
    assert reason in problem


def test_the_base_rules_are_valid():
    rules = [rule for path in sorted((ROOT / "shared_rules/base").glob("rules-*.json"))
             for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]]
    sets = compose.read_json(ROOT / "shared_rules/base/phrase-sets.json")["phrase_sets"]
    loaded = RuleSchema(many=True).load(compose.expand_phrase_sets(rules, sets))
    assert {r["category"] for r in loaded if "category" in r} == set(CATEGORIES)


def test_a_valid_rule_loads():
    assert RuleSchema().load(a_rule())["id"] == "defamation-test"


def test_a_bad_pattern_is_refused_naming_the_rule_and_field():
    rule = a_rule(pattern="(\\w+)*@")
    del rule["phrases"]
    message = errors_of(rule)
    assert "rule defamation-test" in message
    assert "pattern" in message
    assert "nested quantifier" in message


def test_a_bad_pattern_inside_unless_names_where():
    message = errors_of(a_rule(unless=[{"pattern": "(?P<x>a)"}]))
    assert "rule defamation-test: unless[0].pattern" in message


def test_a_bad_pattern_inside_near_names_where():
    message = errors_of(a_rule(near={"pattern": "a(?i)b", "within": 5}))
    assert "rule defamation-test: near.pattern" in message
    assert "flag" in message


def test_unknown_category_is_refused():
    assert "category" in errors_of(a_rule(category="gossip"))


def test_a_rule_without_examples_is_refused():
    rule = a_rule()
    del rule["examples"]
    assert "rule defamation-test: examples is required" in errors_of(rule)


def test_a_rule_needs_something_to_match():
    rule = a_rule()
    del rule["phrases"]
    assert "needs phrases, pattern or detector" in errors_of(rule)


def test_unknown_detector_is_refused():
    assert "detector" in errors_of(a_rule(detector="mind_reader"))


def test_an_example_must_be_a_sentence_or_text_with_context():
    assert "example" in errors_of(a_rule(examples={"flag": [42], "pass": []}))


def test_a_trigger_needs_phrases_but_no_message():
    trigger = {"id": "scope-negation", "trigger": "negation", "direction": "forward",
               "scope": 4, "phrases": ["not"]}
    assert RuleSchema().load(trigger)["trigger"] == "negation"
    del trigger["phrases"]
    assert "phrases is required" in errors_of(trigger)


def test_unknown_context_key_in_when_is_refused():
    assert "when" in errors_of(a_rule(when={"moon": "full"}))
