"""Every citation in a council file points at a real section of that council's own policy."""

from __future__ import annotations

import copy
import re

import pytest

from tests.content.rule_files import (
    ITEM_KINDS,
    base_files,
    citations_in,
    compose,
    council_file,
    council_slugs,
)
from tests.content.seed_policy import REPO, section_line_numbers, seeds_dir

# The fixed facts of each council (the lead's table): slug -> seed, name, kind, nation.
COUNCILS = {
    "principal-000": ("000_f0d8aed3ec16d379.txt", "Principal council (guidance 000)", "principal"),
    "wiltshire": ("001_4121f2fabf4e8332.txt", "Wiltshire Council", "principal"),
    "lowestoft": ("002_43a42eead9a340d1.txt", "Lowestoft Town Council", "town"),
    "principal-003": ("003_ab043b58a822e39c.txt", "Principal council (policy 003)", "principal"),
    "loughton": ("004_ff1b3b8c5eb7c5c4.txt", "Loughton Town Council", "town"),
}
SLUGS = council_slugs()


def risk_categories() -> list[str]:
    """Read the category ids from the risk taxonomy, the contract they come from."""
    for folder in (REPO / "shared", seeds_dir().parent):
        path = folder / "RISK_TAXONOMY.md"
        if path.is_file():
            return re.findall(r"^\| `([a-z_]+)` \|", path.read_text(encoding="utf-8"), re.M)
    raise FileNotFoundError("RISK_TAXONOMY.md")


def citation_problems(data: dict, seed: str) -> list[str]:
    """Return every citation in a council file that is not a findable section of its seed."""
    problems = []
    for path, citation in citations_in(data):
        section = str(citation.get("section", ""))
        if citation.get("source") != seed:
            problems.append(f"{path}: cites {citation.get('source')!r}, not {seed}")
        elif not section.strip() or not section_line_numbers(seed, section):
            problems.append(f"{path}: section {section!r} is not in {seed}")
    return problems


@pytest.mark.parametrize("slug", SLUGS)
def test_council_is_one_of_the_five_with_its_fixed_facts(slug):
    seed, name, kind = COUNCILS[slug]
    council = council_file(slug)["council"]
    assert (council["slug"], council["name"], council["kind"], council["nation"]) == (
        slug, name, kind, "ENG")
    assert council["policy"]["source"] == seed


@pytest.mark.parametrize("slug", SLUGS)
def test_every_citation_is_a_section_of_the_councils_own_seed(slug):
    assert citation_problems(council_file(slug), COUNCILS[slug][0]) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_a_wrong_seed_or_a_missing_section_is_caught(slug):
    data = copy.deepcopy(council_file(slug))
    seed = COUNCILS[slug][0]
    other = next(s for s, *_ in COUNCILS.values() if s != seed)
    data["checklist"][0]["cite"] = [{"source": other, "section": "1"},
                                    {"source": seed, "section": "No such heading in here"}]
    problems = citation_problems(data, seed)
    assert [p.split(":")[0] for p in problems] == ["checklist[0].cite[0]", "checklist[0].cite[1]"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_item_carries_a_citation_and_the_councils_prefix(slug):
    data = council_file(slug)
    for kind in ITEM_KINDS:
        for item in data.get(kind, []):
            assert item["id"].startswith(f"{slug}-"), item["id"]
            assert item.get("cite"), f"{kind} {item['id']} has no cite"


@pytest.mark.parametrize("slug", SLUGS)
def test_risk_clauses_name_every_category_with_a_summary(slug):
    clauses = council_file(slug)["risk_clauses"]
    assert sorted(clauses) == sorted(risk_categories())
    for category, entries in clauses.items():
        for entry in entries:
            assert entry["summary"].strip(), f"{category}: {entry}"


def test_the_taxonomy_has_its_fourteen_categories():
    assert len(risk_categories()) == 14


@pytest.mark.parametrize("path", base_files(), ids=lambda p: p.name)
def test_base_cites_only_national_sources(path):
    sources = {c.get("source") for _, c in citations_in(compose.read_json(path))}
    assert sources <= {"national"}
