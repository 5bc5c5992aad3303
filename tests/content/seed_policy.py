"""Read a seed policy and find its sections: numbered clauses, headings, cited sections.

A seed is one council's social media policy as plain text (``shared/seeds/``). Council files cite
its sections by number ("8.7") or by heading text exactly as written ("Responsibilities of
councillors"); these helpers find such a section in the text the same way for every test.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The bundles cite these files, so a copy ships with them (tests/content/test_seed_copies.py
# checks it against the team's shared/ folder when that is beside the repository).
SEED_DIRS = (REPO / "shared_rules" / "seeds",)

LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)(?!\d)")
SUB_NUMBERED = re.compile(r"^\s*\d+\.\d+")
NUMBER_ONLY = re.compile(r"^\d+(?:\.\d+)*$")
HEADING_MAX_CHARS = 80


def seeds_dir() -> Path:
    """Return the folder holding the seed policies."""
    if os.environ.get("SEEDS_DIR"):
        return Path(os.environ["SEEDS_DIR"])
    for folder in SEED_DIRS:
        if folder.is_dir():
            return folder
    raise FileNotFoundError("no seed folder: set SEEDS_DIR to shared/seeds")


@cache
def seed_lines(source: str) -> tuple[str, ...]:
    """Return the lines of one seed file (line 1 is index 0)."""
    return tuple((seeds_dir() / source).read_text(encoding="utf-8").splitlines())


def seed_text(source: str) -> str:
    """Return the whole text of one seed file."""
    return "\n".join(seed_lines(source))


def canonical_number(number: str) -> str:
    """Write a clause number one way: "1.0" (a heading's number) is clause "1"."""
    return re.sub(r"(\.0)+$", "", number)


def normal_words(text: str) -> str:
    """Fold a heading for comparison: no markdown bold, no closing colon, one case."""
    text = text.replace("**", "").strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text).casefold()


def leading_number(line: str) -> str | None:
    """Return the clause number a line starts with ("8.7", "2.2.4", "5"), if any."""
    match = LEADING_NUMBER.match(line)
    return canonical_number(match.group(1)) if match else None


def section_in_line(section: str, line: str) -> bool:
    """Tell whether a line is where a section (a number or heading text) is written."""
    section = section.strip()
    if NUMBER_ONLY.match(section):
        return leading_number(line) == canonical_number(section)
    wanted = normal_words(section)
    return bool(wanted) and wanted in normal_words(line)


def section_line_numbers(source: str, section: str) -> list[int]:
    """Return the 1-based lines of a seed where a section is written."""
    return [n for n, line in enumerate(seed_lines(source), 1) if section_in_line(section, line)]


def same_section(cited: str, clause: str) -> bool:
    """Tell whether a citation's section names the same clause as a coverage entry."""
    if NUMBER_ONLY.match(cited.strip()) or NUMBER_ONLY.match(clause.strip()):
        return canonical_number(cited.strip()) == canonical_number(clause.strip())
    return normal_words(cited) == normal_words(clause)


def numbered_clause_lines(lines: tuple[str, ...]) -> list[int]:
    """Return the 1-based lines that start a numbered clause."""
    return [n for n, line in enumerate(lines, 1) if leading_number(line)]


def _looks_like_heading(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and len(text) <= HEADING_MAX_CHARS
        and text[-1] not in ".,;"
        and text[0] not in "-·•*("
        and leading_number(line) is None
    )


def heading_lines(lines: tuple[str, ...]) -> list[int]:
    """Return the 1-based lines that look like headings: short, unpunctuated, set apart."""
    def blank(i: int) -> bool:
        return i < 0 or i >= len(lines) or not lines[i].strip()

    return [
        i + 1 for i, line in enumerate(lines)
        if _looks_like_heading(line) and blank(i - 1) and blank(i + 1)
    ]


def clause_lines(source: str) -> list[int]:
    """Return every line the coverage record of a seed must account for.

    Numbered clauses always; headings too when the seed has no sub-numbered clauses (its
    structure is carried by headings, not by numbers like 8.7).
    """
    lines = seed_lines(source)
    found = set(numbered_clause_lines(lines))
    if not any(SUB_NUMBERED.match(line) for line in lines):
        found.update(heading_lines(lines))
    return sorted(found)
