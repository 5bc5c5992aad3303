"""Every clause of each council's policy is carried by its bundle, or honestly set aside."""

from __future__ import annotations

import pytest

from tests.content.coverage_checker import uncarried_clauses, without_carriers
from tests.content.rule_files import composed_bundle, council_slugs, coverage_record, seed_of
from tests.content.seed_policy import clause_lines, section_in_line, seed_lines

SLUGS = council_slugs()


@pytest.fixture(params=SLUGS)
def council(request) -> dict:
    """Give one council's slug, seed, coverage record and composed bundle."""
    slug = request.param
    record = coverage_record(slug)
    assert record is not None, f"{slug} has no shared_rules/coverage/{slug}.json"
    return {"slug": slug, "seed": seed_of(slug), "record": record,
            "bundle": composed_bundle(slug)}


def test_there_are_councils_to_check():
    assert SLUGS, "no council files in shared_rules/councils/"


def test_record_is_of_the_councils_own_seed(council):
    assert council["record"]["source"] == council["seed"]


def test_every_clause_is_carried_or_set_aside(council):
    report = uncarried_clauses(council["record"], council["bundle"])
    assert report == {}, f"{council['slug']}: clauses not carried: {report}"


def test_every_entry_points_at_its_clause_in_the_seed(council):
    lines = seed_lines(council["seed"])
    wrong = [
        (entry["clause"], entry["line"]) for entry in council["record"]["clauses"]
        if not 1 <= entry["line"] <= len(lines)
        or not section_in_line(str(entry["clause"]), lines[entry["line"] - 1])
    ]
    assert wrong == [], f"{council['slug']}: these clauses are not on the line given: {wrong}"


def test_every_numbered_clause_and_heading_is_in_the_record(council):
    recorded = {entry["line"] for entry in council["record"]["clauses"]}
    lines = seed_lines(council["seed"])
    missing = [(n, lines[n - 1].strip()[:60]) for n in clause_lines(council["seed"])
               if n not in recorded]
    assert missing == [], f"{council['slug']}: clauses missing from the record: {missing}"


def test_no_clause_is_recorded_twice(council):
    lines = [entry["line"] for entry in council["record"]["clauses"]]
    assert len(lines) == len(set(lines)), f"{council['slug']}: a line is recorded twice"


def test_checker_reports_a_clause_whose_carriers_are_removed(council):
    carried = [e for e in council["record"]["clauses"] if e.get("carried_by")]
    assert carried, f"{council['slug']}: the record carries no clause at all"
    for entry in carried:
        mutated = without_carriers(council["bundle"], entry)
        report = uncarried_clauses(council["record"], mutated)
        assert f"{entry['clause']} (line {entry['line']})" in report, entry


def test_checker_reports_a_reference_to_the_wrong_section(council):
    entry = next(e for e in council["record"]["clauses"] if e.get("carried_by"))
    wrong = {**entry, "clause": "no such section 99.99"}
    report = uncarried_clauses({**council["record"], "clauses": [wrong]}, council["bundle"])
    assert list(report) == [f"no such section 99.99 (line {entry['line']})"]


def test_checker_reports_an_entry_with_neither_carrier_nor_reason(council):
    entry = {"clause": "1", "line": 1, "carried_by": [], "not_about_posts": " "}
    report = uncarried_clauses({**council["record"], "clauses": [entry]}, council["bundle"])
    assert report == {"1 (line 1)": ["neither carried nor given a not_about_posts reason"]}
