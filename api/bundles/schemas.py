"""The shape of a rule bundle: the single source of truth (see shared_rules/FORMAT.md).

Every bundle is checked against ``BundleSchema`` on the way in (file import, and later the
officers' console). Unknown keys are refused, so a typo in a rule file is caught, not ignored.
"""

from __future__ import annotations

import math
import re

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from api.bundles.rule_schema import RuleSchema, ServedRuleSchema

CATEGORIES = (
    "defamation", "predetermination", "confidential", "personal_data", "discrimination",
    "harassment", "electioneering", "council_voice", "copyright", "safeguarding", "security",
    "casework", "commercial", "emotional",
)
CONTACT_PURPOSES = (
    "emergency", "police", "safeguarding_children", "safeguarding_adults", "out_of_hours",
    "abuse_report", "advice", "security", "phishing", "logo", "press",
)
GUIDANCE_TOPICS = (
    "purdah", "elections", "abuse", "safety", "privacy", "meetings", "general", "accounts",
    "evidence",
)
SEED_SOURCE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
CLOCK = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use a 24-hour time like 23:00.")
ITEM_ID = validate.Regexp(r"^[a-z0-9][a-z0-9.\-_]*$", error="Use lower-case letters, digits, - . _")
HTTPS = validate.URL(schemes={"https"}, require_tld=True)

def _text(max_length: int = 2000, required: bool = True) -> fields.String:
    return fields.String(required=required, validate=validate.Length(min=1, max=max_length))


class Strict(Schema):
    class Meta:
        unknown = RAISE
        ordered = True


class CitationSchema(Strict):
    """Where an item comes from: a seed policy's section, or a national source."""

    source = fields.String(required=True)
    section = _text(300, required=False)
    act = _text(300, required=False)
    url = fields.String(validate=HTTPS)

    @validates_schema
    def _check_source(self, data, **_kwargs):
        source = data["source"]
        if source == "national":
            if "act" not in data:
                raise ValidationError("A national citation names its Act or source.", "act")
        elif not SEED_SOURCE.match(source):
            raise ValidationError("Use a seed file name (like 002_43a42eead9a340d1.txt) "
                                  "or 'national'.", "source")
        elif "section" not in data:
            raise ValidationError("A council citation names its section or heading.", "section")


def cite() -> fields.List:
    return fields.List(fields.Nested(CitationSchema), required=True,
                       validate=validate.Length(min=1))


class PolicySchema(Strict):
    source = fields.String(required=True, validate=validate.Regexp(SEED_SOURCE))
    title = _text(300)


class CouncilSchema(Strict):
    slug = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9][a-z0-9-]{1,62}$"))
    name = _text(200)
    kind = fields.String(required=True, validate=validate.OneOf(("principal", "town", "parish")))
    nation = fields.String(required=True, validate=validate.OneOf(("ENG", "WLS", "SCT", "NIR")))
    policy = fields.Nested(PolicySchema, required=True)


class ContactSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    name = _text(200)
    purpose = fields.String(required=True, validate=validate.OneOf(CONTACT_PURPOSES))
    phone = fields.String(validate=validate.Regexp(r"^\+?[0-9 ]{3,20}$"))
    email = fields.Email()
    url = fields.String(validate=HTTPS)
    hours = _text(200, required=False)
    note = _text(500, required=False)
    cite = cite()


class WhenSchema(Strict):
    purdah = fields.Boolean()
    sharing = fields.Boolean()
    photo = fields.Boolean()
    as_ = fields.String(data_key="as", validate=validate.OneOf(("councillor", "private")))


class ChecklistItemSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    text = _text(300)
    hint = _text(500, required=False)
    when = fields.Nested(WhenSchema)
    cite = cite()


class GuidanceSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    topic = fields.String(required=True, validate=validate.OneOf(GUIDANCE_TOPICS))
    title = _text(200)
    text = _text(1500)
    points = fields.List(_text(500))
    cite = cite()


class FaqSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    question = _text(300)
    answer = _text(1500)
    cite = cite()


class PrincipleSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    title = _text(200)
    text = _text(1000)
    cite = cite()


class LawSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    name = _text(200)
    summary = _text(1000)
    for_posts = _text(1000)
    cite = cite()


class StepSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    text = _text(500)


class WalkthroughSchema(Strict):
    id = fields.String(required=True, validate=ITEM_ID)
    platform = _text(60)
    title = _text(200)
    help_url = fields.String(required=True, validate=HTTPS)
    ncsc_url = fields.String(required=True, validate=HTTPS)
    steps = fields.List(fields.Nested(StepSchema), required=True, validate=validate.Length(min=1))
    cite = cite()


class LateNightSchema(Strict):
    from_ = fields.String(data_key="from", required=True, validate=CLOCK)
    to = fields.String(required=True, validate=CLOCK)


class PauseSchema(Strict):
    late_night = fields.Nested(LateNightSchema, required=True)
    cooling_off_minutes = fields.List(
        fields.Integer(validate=validate.Range(min=1, max=240)), required=True,
        validate=validate.Length(min=1),
    )
    morning_reminder = fields.String(required=True, validate=CLOCK)
    cite = cite()


class RiskClauseSchema(Strict):
    source = fields.String(required=True, validate=validate.Regexp(SEED_SOURCE))
    section = _text(300)
    summary = _text(500)


class ElectionPeriodSchema(Strict):
    id = fields.Integer(required=True)
    label = fields.String(required=True)
    poll_date = fields.Date(required=True)
    notice_date = fields.Date(allow_none=True, required=True)
    purdah_start = fields.Date(required=True)
    purdah_end = fields.Date(required=True)
    start_is_estimate = fields.Boolean(required=True)


class WeightTable(fields.Field):
    """A feature → weight table: thousands of entries, checked in one pass.

    ``fields.Dict`` of ``fields.Float`` built a field per entry and took about a second a
    bundle; this checks the same things (a feature of 1 to 80 characters, a finite number)
    and reports each bad entry at ``weights.<feature>``.
    """

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ValidationError("Not a valid mapping type.")
        problems: dict[str, list[str]] = {}
        for feature, weight in value.items():
            if not isinstance(feature, str) or not 1 <= len(feature) <= 80:
                problems[str(feature)] = ["A feature is a text of 1 to 80 characters."]
            elif isinstance(weight, bool) or not isinstance(weight, (int, float)):
                problems[feature] = ["Not a valid number."]
            elif not math.isfinite(weight):
                problems[feature] = ["Special numeric values (nan or infinity) are not permitted."]
        if problems:
            raise ValidationError(problems)
        return value


def items(schema) -> fields.List:
    return fields.List(fields.Nested(schema), required=True)


class CategoryWeightsSchema(Strict):
    """One category's word weights: a linear score over a draft's features, and its threshold."""

    severity = fields.String(required=True, validate=validate.OneOf(("low", "medium", "high")))
    laws = fields.List(fields.String(), required=True)
    message = _text(600)
    suggestion = _text(600)
    bias = fields.Float(required=True, allow_nan=False)
    threshold = fields.Float(required=True, allow_nan=False)
    # Optional: below it, the category's rule findings are dropped (pwa/js/rules/README.md).
    veto = fields.Float(allow_nan=False)
    weights = WeightTable(required=True)


class WordWeightsSchema(Strict):
    """The trained word weights (shared_rules/train_weights.py), read by the phone's analyser."""

    trained_on = fields.List(fields.String(), required=True)
    drafts = fields.Integer(required=True, validate=validate.Range(min=1))
    categories = fields.Dict(keys=fields.String(validate=validate.OneOf(CATEGORIES)),
                             values=fields.Nested(CategoryWeightsSchema), required=True)


class BundleSchema(Strict):
    """A composed bundle as the import checks it: every rule with its own examples."""

    schema_version = fields.Integer(required=True, validate=validate.Equal(1))
    council = fields.Nested(CouncilSchema, required=True)
    contacts = items(ContactSchema)
    checklist = items(ChecklistItemSchema)
    guidance = items(GuidanceSchema)
    faqs = fields.List(fields.Nested(FaqSchema), load_default=list)
    principles = fields.List(fields.Nested(PrincipleSchema), load_default=list)
    laws = items(LawSchema)
    walkthroughs = items(WalkthroughSchema)
    pause = fields.Nested(PauseSchema, required=True)
    risk_clauses = fields.Dict(
        keys=fields.String(validate=validate.OneOf(CATEGORIES)),
        values=fields.List(fields.Nested(RiskClauseSchema)),
        required=True,
    )
    rules = items(RuleSchema)
    word_weights = fields.Nested(WordWeightsSchema)
    elections = items(ElectionPeriodSchema)

    @validates_schema
    def _check_weights(self, data, **_kwargs):
        known = {law["id"] for law in data.get("laws") or []}
        for category, weights in ((data.get("word_weights") or {}).get("categories") or {}).items():
            unknown = [law for law in weights["laws"] if law not in known]
            if unknown:
                raise ValidationError(f"Unknown law id(s): {', '.join(unknown)}.",
                                      f"word_weights.categories.{category}.laws")
            if "veto" in weights and weights["veto"] > weights["threshold"]:
                raise ValidationError("The veto must not be above the threshold: a draft the "
                                      "weights flag would have the rules' findings in that "
                                      "category dropped.",
                                      f"word_weights.categories.{category}.veto")

    @validates_schema
    def _check_ids_unique(self, data, **_kwargs):
        seen: dict[str, str] = {}
        for key in ("contacts", "checklist", "guidance", "faqs", "principles", "laws",
                    "walkthroughs", "rules"):
            for item in data.get(key) or []:
                if item["id"] in seen:
                    raise ValidationError(
                        f"The id {item['id']!r} is used twice (also in {seen[item['id']]}).", key)
                seen[item["id"]] = key

    @validates_schema
    def _check_every_category(self, data, **_kwargs):
        missing = [c for c in CATEGORIES if c not in (data.get("risk_clauses") or {})]
        if missing:
            raise ValidationError(
                f"Give the clauses for every category; missing: {', '.join(missing)} "
                "(an empty list where the policy has none).", "risk_clauses")


class ServedBundleSchema(BundleSchema):
    """A bundle exactly as served to a phone: the same, less the rules' import-only examples."""

    rules = items(ServedRuleSchema)


def error_paths(messages, prefix: str = "") -> list[str]:
    """Flatten marshmallow's nested error dict into lines like ``contacts.2.phone: Not valid``.

    A mapping's entry is named by its key alone: marshmallow's ``value`` level (no field of a
    bundle is called that) is left out of the path.
    """
    lines: list[str] = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            if key == "value" and prefix:
                lines.extend(error_paths(value, prefix))
                continue
            path = f"{prefix}.{key}" if prefix else str(key)
            lines.extend(error_paths(value, path))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        lines.extend(f"{prefix or '(bundle)'}: {m}" for m in messages)
    else:
        for value in messages:
            lines.extend(error_paths(value, prefix))
    return lines


def validate_bundle(bundle: dict, served: bool = False) -> list[str]:
    """Return every problem with a bundle, each with its path; an empty list means it is good.

    ``served`` checks the form phones get, whose rules carry no examples.
    """
    try:
        (ServedBundleSchema() if served else BundleSchema()).load(bundle)
    except ValidationError as exc:
        return error_paths(exc.messages)
    return []
