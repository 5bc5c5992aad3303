"""The national base: the contacts, walkthroughs, laws and defaults every council shares."""

from __future__ import annotations

import copy

import pytest

from tests.content.rule_files import RULES_DIR, compose

BASE = RULES_DIR / "base"
NCSC_SOCIAL = "https://www.ncsc.gov.uk/guidance/social-media-how-to-use-it-safely"
HELP_CENTRES = {
    "facebook": "https://www.facebook.com/help",
    "x": "https://help.x.com",
    "instagram": "https://help.instagram.com",
    "linkedin": "https://www.linkedin.com/help",
    "tiktok": "https://support.tiktok.com",
    "snapchat": "https://help.snapchat.com",
    "youtube": "https://support.google.com/youtube",
    "whatsapp": "https://faq.whatsapp.com",
}
# The law ids the analyser refers to: renaming one breaks its findings.
LAW_IDS = {
    "law-defamation", "law-malicious-falsehood", "law-harassment", "law-communications-offences",
    "law-equality-act", "law-data-protection", "law-copyright", "law-rpa-s106",
    "law-localism-s25", "law-code-of-conduct", "law-publicity-code", "law-digital-imprints",
    "law-access-to-information", "law-safeguarding",
}


def base(name: str) -> dict:
    """Return one base file as written."""
    return compose.read_json(BASE / f"{name}.json")


def walkthrough_problems(items: list[dict]) -> list[str]:
    """Return what is wrong with the walkthroughs: a platform missing, a deep or wrong link."""
    by_id = {w["id"]: w for w in items}
    problems = []
    for slug, url in HELP_CENTRES.items():
        item = by_id.get(f"walkthrough-{slug}")
        if item is None:
            problems.append(f"{slug}: missing")
        elif item["help_url"] != url or item["ncsc_url"] != NCSC_SOCIAL:
            problems.append(f"{slug}: links")
    return problems


def test_contacts_are_999_then_101_then_phishing_only():
    contacts = base("contacts")["contacts"]
    assert [(c["purpose"], c.get("phone")) for c in contacts] == [
        ("emergency", "999"), ("police", "101"), ("phishing", None)]
    phishing = contacts[2]
    assert phishing["email"] == "report@phishing.gov.uk" and "7726" in phishing["note"]


def test_every_platform_has_a_walkthrough_with_its_help_centre_and_the_ncsc_link():
    assert walkthrough_problems(base("walkthroughs")["walkthroughs"]) == []


def test_a_missing_platform_or_a_deep_link_is_caught():
    items = copy.deepcopy(base("walkthroughs")["walkthroughs"])
    items = [w for w in items if w["id"] != "walkthrough-tiktok"]
    items[0]["help_url"] += "/123456"
    assert sorted(walkthrough_problems(items)) == ["facebook: links", "tiktok: missing"]


@pytest.mark.parametrize("slug", HELP_CENTRES)
def test_each_walkthrough_covers_two_step_verification_and_a_hacked_account(slug):
    item = next(w for w in base("walkthroughs")["walkthroughs"] if w["id"] == f"walkthrough-{slug}")
    text = " ".join(step["text"] for step in item["steps"]).casefold()
    assert "hacked" in text
    assert any(word in text for word in ("two-factor", "two-step", "2-step"))


def test_the_laws_keep_the_ids_the_analyser_uses_and_cite_legislation_gov_uk():
    laws = base("laws")["laws"]
    assert {law["id"] for law in laws} == LAW_IDS
    for law in laws:
        assert any(c["url"].startswith("https://www.legislation.gov.uk/") for c in law["cite"])


def test_the_equality_act_names_all_nine_protected_characteristics():
    law = next(x for x in base("laws")["laws"] if x["id"] == "law-equality-act")
    nine = ("age", "disability", "gender reassignment", "marriage and civil partnership",
            "pregnancy and maternity", "race", "religion or belief", "sex", "sexual orientation")
    for characteristic in nine:
        assert characteristic in law["summary"], characteristic


def test_the_pause_settings_are_the_agreed_ones():
    pause = base("defaults")["pause"]
    assert pause["late_night"] == {"from": "23:00", "to": "05:00"}
    assert pause["cooling_off_minutes"] == [5, 15, 30] and pause["morning_reminder"] == "08:00"


def test_the_checklist_has_items_for_purdah_sharing_and_photos():
    conditions = [item.get("when") for item in base("defaults")["checklist"]]
    for when in ({"purdah": True}, {"sharing": True}, {"photo": True}):
        assert when in conditions, when
    assert None in conditions


def test_the_base_carries_no_risk_clauses_and_no_id_twice():
    ids = []
    for path in sorted(BASE.glob("*.json")):
        data = compose.read_json(path)
        assert "risk_clauses" not in data, path.name
        ids += [item["id"] for value in data.values() if isinstance(value, list) for item in value]
    assert len(ids) == len(set(ids))
