"""Validate the analyser's rules: their shape and their regular expressions.

The same portable subset of regular expressions is checked in JavaScript by
pwa/js/rules/regex-check.js; both are tested against tests/js/fixtures/regex-cases.json.
The subset: literals, ``.``, ``\\d \\w \\s \\D \\W \\S \\b \\B``, ``\\xHH``, ``\\uHHHH``, escaped
punctuation, character classes, ``(...)``, ``(?:...)``, lookahead, fixed plain lookbehind,
``* + ? {n} {n,} {n,m}`` (lazy allowed), ``(?i)`` only at the very start. Refused: named groups,
backreferences, possessive quantifiers, atomic groups, other inline flags, ``\\A \\Z \\p``, and
anything that can backtrack catastrophically (nested unbounded repeats such as ``(a+)+``,
repeated alternations whose branches overlap, two overlapping unbounded repeats in a row).
"""

from __future__ import annotations

import functools
import re

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

CATEGORIES = (
    "defamation", "predetermination", "confidential", "personal_data", "discrimination",
    "harassment", "electioneering", "council_voice", "copyright", "safeguarding", "security",
    "casework", "commercial", "emotional",
)
DETECTORS = (
    "uk_phone", "email", "postcode", "ni_number", "link", "link_shortener", "password",
    "date_of_birth", "age_of_child", "person", "shouting", "exclamations", "late_night",
)
TRIGGERS = ("negation", "hedge", "reporting", "quotation")
CONTEXT_KEYS = ("purdah", "local_time", "platform", "as", "sharing", "photo")

ALLOWED_ESCAPES = set("dDwWsSbBntrfv0.\\^$*+?()[]{}|/-")
INFINITE = float("inf")
CLASS_RANGES = {"d": [(48, 57)], "w": [(48, 57), (65, 90), (95, 95), (97, 122)],
                "s": [(9, 13), (32, 32)], "ctl": [(9, 13)]}


class _Refused(Exception):
    """A pattern is outside the portable subset."""


def regex_problem(source: str) -> str | None:
    """Say what is wrong with a bundle pattern, or return None when it is fine."""
    if not isinstance(source, str) or not source:
        return "is empty"
    return _string_problem(source)


@functools.lru_cache(maxsize=8192)
def _string_problem(source: str) -> str | None:
    """Cached: the five councils share the base rules' patterns, and a verdict never changes."""
    body = source[4:] if source.startswith("(?i)") else source
    try:
        re.compile(body, re.IGNORECASE)
    except re.error as exc:
        return f"does not compile in Python ({exc})"
    try:
        parser = _Parser(body)
        tree = parser.alternation()
        if parser.i < len(body):
            return f'has an unmatched ")" at {parser.i}'
        return _backtracking_problem(tree)
    except _Refused as exc:
        return str(exc)


class _Parser:
    """Read a pattern into a small tree of sequences, alternations, groups and characters."""

    def __init__(self, src: str):
        self.src, self.i = src, 0

    def peek(self, k: int = 0) -> str:
        return self.src[self.i + k] if self.i + k < len(self.src) else ""

    def alternation(self) -> dict:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return {"type": "alt", "branches": branches, "quant": None}

    def sequence(self) -> dict:
        items = []
        while self.i < len(self.src) and self.peek() not in "|)":
            atom = self.atom()
            atom["quant"] = self.quantifier()
            items.append(atom)
        return {"type": "seq", "items": items, "quant": None}

    def atom(self) -> dict:
        c = self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        self.i += 1
        if c == "\\":
            return self.escape()
        if c in "^$":
            return {"type": "empty"}
        if c == ".":
            return {"type": "char", "first": ["any"]}
        if c in "*+?{":
            raise _Refused(f"has a quantifier with nothing before it at {self.i - 1}")
        return {"type": "char", "first": [c.lower()]}

    def escape(self) -> dict:
        e = self.peek()
        self.i += 1
        if e.isdigit() and e != "0" or e == "k":
            raise _Refused("uses a backreference (not allowed)")
        if e in "bB":
            return {"type": "empty"}
        if e in "xu":
            return self.hex_escape(e)
        if e not in ALLOWED_ESCAPES:
            raise _Refused(f"uses the escape \\{e}, which is not portable")
        if e in "dws":
            return {"type": "char", "first": [e]}
        if e in "DWS":
            return {"type": "char", "first": ["any"]}
        return {"type": "char", "first": ["ctl" if e in "ntrfv0" else e]}

    def hex_escape(self, e: str) -> dict:
        width = 2 if e == "x" else 4
        digits = self.src[self.i:self.i + width]
        if not re.fullmatch(f"[0-9a-fA-F]{{{width}}}", digits):
            raise _Refused(f"uses \\{e} without {width} hex digits")
        self.i += width
        return {"type": "char", "first": [chr(int(digits, 16)).lower()]}

    def group(self) -> dict:
        head = self.src[self.i:self.i + 4]
        if head.startswith("(?:"):
            kind, skip = "group", 3
        elif head.startswith(("(?=", "(?!")):
            kind, skip = "look", 3
        elif head.startswith(("(?<=", "(?<!")):
            kind, skip = "behind", 4
        elif head.startswith("(?"):
            raise _Refused(_group_refusal(head))
        else:
            kind, skip = "group", 1
        self.i += skip
        body = self.alternation()
        if self.peek() != ")":
            raise _Refused('has an unclosed "("')
        self.i += 1
        if kind == "behind" and _has_quantifier_or_alternation(body):
            raise _Refused("has a lookbehind that is not a fixed plain sequence")
        return {"type": "group" if kind == "group" else "empty", "body": body}

    def char_class(self) -> dict:
        first: list[str] = []
        self.i += 1
        if self.peek() == "^":
            first.append("any")
            self.i += 1
        if self.peek() == "]":
            raise _Refused('has an empty or "[]]" character class (not portable)')
        while self.i < len(self.src) and self.peek() != "]":
            c = self.peek()
            if c == "[":
                raise _Refused('has "[" inside a character class (escape it as \\[)')
            self.i += 1
            if c == "\\":
                first.extend(self.escape().get("first", []))
            elif self.peek() == "-" and self.peek(1) not in ("", "]"):
                if self.peek(1) == "\\":
                    raise _Refused("has an escaped character as the end of a range (not portable)")
                first.append(f"range:{c}:{self.peek(1)}")
                self.i += 2
            else:
                first.append(c.lower())
        if self.peek() != "]":
            raise _Refused('has an unclosed "["')
        self.i += 1
        return {"type": "char", "first": first}

    def quantifier(self) -> dict | None:
        c = self.peek()
        quant = None
        if c in ("*", "+", "?") and c:
            quant = {"min": 1 if c == "+" else 0, "max": 1 if c == "?" else INFINITE}
            self.i += 1
        elif c == "{":
            m = re.match(r"\{(\d+)(,(\d*))?\}", self.src[self.i:])
            if not m:
                raise _Refused(f'has a "{{" that is not a quantifier at {self.i} (escape it)')
            low = int(m.group(1))
            high = (int(m.group(3)) if m.group(3) else INFINITE) if m.group(2) else low
            quant = {"min": low, "max": high}
            self.i += len(m.group(0))
        if quant and self.peek() == "+":
            raise _Refused("uses a possessive quantifier (not allowed)")
        if quant and self.peek() == "?":
            self.i += 1
        if quant and self.peek() and self.peek() in "*+?{":
            raise _Refused("has a doubled quantifier")
        return quant


def _group_refusal(head: str) -> str:
    if head.startswith(("(?P", "(?<")):
        return "uses a named group (not allowed)"
    if head.startswith("(?>"):
        return "uses an atomic group (not allowed)"
    if head.startswith("(?#"):
        return "uses a comment group (not allowed)"
    return "uses an inline flag that is not (?i) at the very start (not allowed)"


def _children(node: dict) -> list[dict]:
    if node["type"] == "alt":
        return node["branches"]
    if node["type"] == "seq":
        return node["items"]
    return [node["body"]] if "body" in node else []


def _has_quantifier_or_alternation(node: dict) -> bool:
    if node.get("quant"):
        return True
    if node["type"] == "alt" and len(node["branches"]) > 1:
        return True
    return any(_has_quantifier_or_alternation(c) for c in _children(node))


def _unbounded(node: dict) -> bool:
    return bool(node.get("quant") and node["quant"]["max"] == INFINITE)


def _contains_unbounded(node: dict) -> bool:
    return _unbounded(node) or any(_contains_unbounded(c) for c in _children(node))


def _backtracking_problem(node: dict) -> str | None:
    if node["type"] == "group" and node.get("quant") and node["quant"]["max"] > 1:
        if _contains_unbounded(node["body"]) and not _delimited(node["body"]):
            return "has a nested quantifier such as (a+)+ (catastrophic backtracking)"
        if _overlapping_branches(node["body"]):
            return "repeats an alternation whose branches overlap (catastrophic backtracking)"
    if node["type"] == "seq":
        items = node["items"]
        for item, after in zip(items, items[1:], strict=False):
            if _unbounded(item) and _unbounded(after) and _overlaps(_first(item), _first(after)):
                return ("has two unbounded repeats in a row that can match the same text "
                        "(slow backtracking)")
    for child in _children(node):
        problem = _backtracking_problem(child)
        if problem:
            return problem
    return None


def _delimited(body: dict) -> bool:
    """Say whether each round starts with a character the repeats inside cannot eat."""
    if len(body["branches"]) != 1 or not body["branches"][0]["items"]:
        return False
    head, *rest = body["branches"][0]["items"]
    optional = bool(head.get("quant") and head["quant"]["min"] == 0)
    if head["type"] != "char" or _unbounded(head) or optional:
        return False
    return all(not _contains_unbounded(item)
               or (item["type"] == "char" and not _overlaps(head["first"], item["first"]))
               for item in rest)


def _overlapping_branches(alt: dict) -> bool:
    firsts = [_first(b) for b in alt["branches"]] if alt["type"] == "alt" else []
    return any(_overlaps(a, b) for i, a in enumerate(firsts) for b in firsts[i + 1:])


def _first(node: dict) -> list[str]:
    if node["type"] == "char":
        return node["first"]
    if node["type"] == "group":
        return _first(node["body"])
    if node["type"] == "alt":
        return [f for b in node["branches"] for f in _first(b)]
    if node["type"] == "seq":
        out: list[str] = []
        for item in node["items"]:
            out.extend(_first(item))
            if item["type"] != "empty" and not (item.get("quant") and item["quant"]["min"] == 0):
                break
        return out
    return []


def _codes(x: str) -> list[tuple[int, int]]:
    if x.startswith("range:"):
        _, low, high = x.split(":", 2)
        # Patterns run case-insensitively: a-z also covers A-Z.
        return [(ord(low), ord(high)), (ord(low.upper()), ord(high.upper())),
                (ord(low.lower()), ord(high.lower()))]
    if x in CLASS_RANGES:
        return CLASS_RANGES[x]
    return [(ord(x), ord(x)), (ord(x.upper()[0]), ord(x.upper()[0]))]


def _overlaps(xs: list[str], ys: list[str]) -> bool:
    for x in xs:
        for y in ys:
            if "any" in (x, y) or x == y:
                return True
            if any(a <= d and c <= b for a, b in _codes(x) for c, d in _codes(y)):
                return True
    return False


class ExamplesSchema(Schema):
    """A rule's own sentences: it must flag every `flag` one and none of the `pass` ones."""

    flag = fields.List(fields.Raw(), required=True, validate=validate.Length(min=1))
    pass_ = fields.List(fields.Raw(), required=True, data_key="pass")

    @validates_schema
    def check_examples(self, data, **kwargs):
        """Refuse examples that are neither a sentence nor {text, context}."""
        for key in ("flag", "pass_"):
            for example in data.get(key, []):
                if isinstance(example, str) and example.strip():
                    continue
                if isinstance(example, dict) and isinstance(example.get("text"), str) \
                        and set(example) <= {"text", "context"}:
                    continue
                raise ValidationError("an example is a sentence or {text, context}",
                                      key.rstrip("_"))


class MatcherSchema(Schema):
    """What to look for: phrases, a pattern and/or a built-in detector."""

    phrases = fields.List(fields.String(validate=validate.Length(min=1)))
    inflect = fields.Boolean()
    pattern = fields.String()
    detector = fields.String(validate=validate.OneOf(DETECTORS))
    within = fields.Integer(validate=validate.Range(min=0, max=50))
    scope = fields.String(validate=validate.OneOf(("words", "sentence", "draft")))


class ReplacementSchema(Schema):
    """A wording offered in place of the matched words: fixed text, or a transform of them."""

    to = fields.String()
    transform = fields.String(validate=validate.OneOf(("sentence_case", "first_char")))

    @validates_schema
    def _one_kind(self, data, **_kwargs):
        if ("to" in data) == ("transform" in data):
            raise ValidationError("give either 'to' (text, '' to remove) or 'transform'")


class RuleSchema(Schema):
    """One rule of the analyser (or one negation/hedge/reporting trigger)."""

    id = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9][a-z0-9-]*$"))
    category = fields.String(validate=validate.OneOf(CATEGORIES))
    trigger = fields.String(validate=validate.OneOf(TRIGGERS))
    direction = fields.String(validate=validate.OneOf(("forward", "backward", "both")))
    scope = fields.Integer(validate=validate.Range(min=1, max=30))
    severity = fields.String(validate=validate.OneOf(("high", "medium", "low")))
    sureness = fields.String(validate=validate.OneOf(("likely", "possible")))
    phrases = fields.List(fields.String(validate=validate.Length(min=1)))
    inflect = fields.Boolean()
    pattern = fields.String()
    detector = fields.String(validate=validate.OneOf(DETECTORS))
    near = fields.Nested(MatcherSchema)
    unless = fields.List(fields.Nested(MatcherSchema))
    likely_if = fields.Nested(MatcherSchema)
    when = fields.Dict(keys=fields.String(validate=validate.OneOf(CONTEXT_KEYS)))
    likely_when = fields.Dict(keys=fields.String(validate=validate.OneOf(CONTEXT_KEYS)))
    cancelled_by = fields.List(fields.String(validate=validate.OneOf(TRIGGERS)))
    message = fields.String()
    suggestion = fields.String()
    replacement = fields.Nested(ReplacementSchema)
    laws = fields.List(fields.String())
    cite = fields.List(fields.Dict())
    examples = fields.Nested(ExamplesSchema)

    needs = ("category", "message", "suggestion", "cite", "examples")

    @validates_schema
    def check_rule(self, data, **kwargs):
        """Check what a rule needs, naming the rule and the field in every error."""
        rule_id = data.get("id", "?")
        if "trigger" in data:
            _require(data, rule_id, ("phrases",))
        else:
            _require(data, rule_id, self.needs)
        _check_matcher(data, rule_id, "rule")
        for key in ("near", "likely_if"):
            if key in data:
                _check_matcher(data[key], rule_id, key)
        for i, unless in enumerate(data.get("unless", [])):
            _check_matcher(unless, rule_id, f"unless[{i}]")


class ServedRuleSchema(RuleSchema):
    """A rule as a phone gets it: its examples were run at import and left out of the bundle."""

    needs = ("category", "message", "suggestion", "cite")


def _require(data: dict, rule_id: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key not in data:
            raise ValidationError(f"rule {rule_id}: {key} is required", key)


def _check_matcher(spec: dict, rule_id: str, where: str) -> None:
    if not any(k in spec for k in ("phrases", "pattern", "detector")):
        raise ValidationError(f"rule {rule_id}: {where} needs phrases, pattern or detector", where)
    if "pattern" in spec:
        problem = regex_problem(spec["pattern"])
        if problem:
            field = "pattern" if where == "rule" else where
            raise ValidationError(f"rule {rule_id}: {where}.pattern {problem}", field)
