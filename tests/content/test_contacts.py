"""Every phone number and e-mail address in the rule files comes from a source, none invented."""

from __future__ import annotations

import copy
import re

import pytest

from tests.content.rule_files import (
    base_files,
    compose,
    council_file,
    council_slugs,
    seed_of,
    strings_in,
)
from tests.content.seed_policy import seed_text

# The only numbers and addresses the national base may give, each with its public source.
NATIONAL_CONTACTS = {
    "999": "https://www.gov.uk/contact-police",
    "101": "https://www.gov.uk/contact-police",
    "7726": "https://www.actionfraud.police.uk/reportscam",
    "report@phishing.gov.uk": "https://www.ncsc.gov.uk/collection/phishing-scams/report-scam-email",
}

# A UK number in full (0300 456 0108, +44 300 456 0108) or one of the short national numbers.
FULL_NUMBER = re.compile(r"(?<![\d+])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
SHORT_NUMBER = re.compile(r"(?<![\d.,£/-])\b(?:999|101|111|112|7726)\b(?![\d.,/-]\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SLUGS = council_slugs()


def digits(number: str) -> str:
    """Reduce a phone number to its digits, reading +44 as the leading 0."""
    only = re.sub(r"\D", "", number)
    return "0" + only[2:] if number.strip().startswith("+44") else only


def numbers_in(text: str) -> set[str]:
    """Return the phone numbers written in a text, as digits."""
    found = FULL_NUMBER.findall(text) + SHORT_NUMBER.findall(text)
    return {digits(n) for n in found}


def emails_in(text: str) -> set[str]:
    """Return the e-mail addresses written in a text, in lower case."""
    return {e.rstrip(".").casefold() for e in EMAIL.findall(text)}


def contact_details(data: dict) -> tuple[set[str], set[str]]:
    """Return (phone numbers, e-mail addresses) anywhere in a rule file, phone fields included."""
    phones, emails = set(), set()
    for text in strings_in(data):
        phones |= numbers_in(text)
        emails |= emails_in(text)
    phones |= {digits(c["phone"]) for c in data.get("contacts", []) if c.get("phone")}
    return phones, emails


def invented_details(data: dict, source_text: str) -> list[str]:
    """Return the numbers and addresses in a rule file that its source text does not give."""
    phones, emails = contact_details(data)
    known_phones = numbers_in(source_text)
    known_emails = emails_in(source_text)
    return sorted((phones - known_phones) | (emails - known_emails))


@pytest.mark.parametrize("slug", SLUGS)
def test_council_numbers_and_addresses_come_from_its_policy(slug):
    assert invented_details(council_file(slug), seed_text(seed_of(slug))) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_an_invented_number_or_address_is_caught(slug):
    data = copy.deepcopy(council_file(slug))
    data["contacts"].append({"id": "x", "name": "Helpline", "purpose": "advice",
                             "phone": "0300 123 4567", "cite": []})
    data["guidance"].append({"id": "y", "text": "Call 0161 496 0000 or help@example.org."})
    invented = invented_details(data, seed_text(seed_of(slug)))
    assert invented == ["01614960000", "03001234567", "help@example.org"]


def without_rule_examples(data: dict) -> dict:
    """Drop the analyser rules' example drafts: made-up sentences to test rules, not contacts."""
    data = copy.deepcopy(data)
    for rule in data.get("rules", []):
        rule.pop("examples", None)
    return data


@pytest.mark.parametrize("path", base_files(), ids=lambda p: p.name)
def test_base_uses_only_the_national_numbers(path):
    national = "\n".join(NATIONAL_CONTACTS)
    assert invented_details(without_rule_examples(compose.read_json(path)), national) == []


def test_the_national_table_is_caught_by_the_patterns():
    phones, emails = contact_details({"text": "\n".join(NATIONAL_CONTACTS)})
    assert phones == {"999", "101", "7726"} and emails == {"report@phishing.gov.uk"}


def test_years_and_section_numbers_are_not_read_as_phone_numbers():
    text = "Representation of the People Act 1983, section 8.7, 140 characters, 2.2.4"
    assert numbers_in(text) == set()


@pytest.mark.parametrize("slug", SLUGS)
def test_every_council_names_who_to_report_abuse_to(slug):
    purposes = [c["purpose"] for c in council_file(slug)["contacts"]]
    assert "abuse_report" in purposes


WILTSHIRE = {
    "999": "emergency",
    "03004560108": "safeguarding_children",
    "08456070888": "out_of_hours",
    "03004560111": "safeguarding_adults",
}


def _present(slug: str) -> None:
    if slug not in SLUGS:
        pytest.skip(f"no {slug}.json yet")


def test_wiltshire_gives_its_safeguarding_numbers():
    _present("wiltshire")
    contacts = council_file("wiltshire")["contacts"]
    given = {digits(c["phone"]): c["purpose"] for c in contacts if c.get("phone")}
    assert {n: given.get(n) for n in WILTSHIRE} == WILTSHIRE
    emails = {c.get("email", "").casefold() for c in contacts}
    assert "customeradvisors@wiltshire.gov.uk" in emails


@pytest.mark.parametrize("slug", ["lowestoft", "loughton"])
def test_town_councils_name_the_town_clerk(slug):
    _present(slug)
    names = [c["name"] for c in council_file(slug)["contacts"]]
    assert any("Town Clerk" in name for name in names), names
