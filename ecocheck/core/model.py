"""The data the core works on: rule editions, submissions, results.

Dataclasses, except Outcome and Result: those are made for every indicator of every file of a
batch, so they are small hand-written classes that put off the display work until it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

# Verdict statuses: the JSON contract uses the English words, reports show the Chinese.
PASS = "pass"
FAIL = "fail"
MISSING = "missing"
NOT_APPLICABLE = "not_applicable"
STATUSES = (PASS, FAIL, MISSING, NOT_APPLICABLE)
STATUS_ZH = {PASS: "达标", FAIL: "未达标", MISSING: "缺数据", NOT_APPLICABLE: "不适用"}

BINDING = "约束性"
REFERENCE = "参考性"
ATTRIBUTE_EN = {BINDING: "binding", REFERENCE: "reference"}

LEVELS = ("county", "city")
LEVEL_ZH = {"county": "县", "city": "市"}


@dataclass(frozen=True)
class SourceRef:
    doc: str
    line: int | None = None
    note: str = ""

    def __str__(self) -> str:
        text = self.doc + (f":{self.line}" if self.line else "")
        return text + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class SubItem:
    id: str
    name: str
    name_en: str
    unit: str
    requirement: str
    criterion: Any  # ecocheck.core.criteria.Criterion
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    number: int
    name: str
    name_en: str
    domain: str
    task: str
    unit: str
    attribute: str  # 约束性 | 参考性
    levels: tuple[str, ...]  # which levels it applies to: county, city
    coastal_only: bool
    requirement: str  # exactly as printed in the standard
    criterion: Any | None  # None for composites: every item must pass
    items: tuple[SubItem, ...]
    source: SourceRef
    verified: bool = True
    verification_note: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def binding(self) -> bool:
        return self.attribute == BINDING

    @property
    def source_text(self) -> str:
        cached = self.__dict__.get("_source_text")
        if cached is None:
            cached = str(self.source)
            object.__setattr__(self, "_source_text", cached)
        return cached

    def applies_to(self, profile: "Profile") -> tuple[bool, str]:
        if profile.level not in self.levels:
            only = "、".join(LEVEL_ZH[level] for level in self.levels)
            return False, f"仅适用于{only}级 (applies to {', '.join(self.levels)} only)"
        if self.coastal_only and not profile.coastal:
            return False, "仅适用于沿海地区 (coastal regions only)"
        return True, ""


@dataclass(frozen=True)
class ProfileClass:
    """A profile key that thresholds can depend on, e.g. terrain, with its allowed values."""

    key: str
    name: str
    values: dict[str, str]  # canonical Chinese value -> English id
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical


@dataclass(frozen=True)
class Edition:
    id: str
    title: str
    title_en: str
    issued: str
    aliases: tuple[str, ...]
    indicator_count: int
    classes: dict[str, ProfileClass]
    indicators: tuple[Indicator, ...]
    file: str
    document: str = ""
    notes: str = ""

    def find(self, key: str) -> Indicator | None:
        return self._index().get(key)

    def _index(self) -> dict[str, Indicator]:
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {}
            for ind in self.indicators:
                for name in (ind.id, ind.name, *ind.aliases):
                    cached[name] = ind
            object.__setattr__(self, "_index_cache", cached)
        return cached


@dataclass(frozen=True)
class Profile:
    level: str
    coastal: bool = False
    classes: dict[str, str] = field(default_factory=dict)  # e.g. {"terrain": "干旱半干旱地区"}


@dataclass(slots=True)
class Entry:
    """What a submission gives for one indicator or sub-item."""

    value: Any = None  # Decimal, str (qualitative), or None
    raw: Any = None  # the value exactly as written, for display
    previous: Decimal | None = None
    target: Decimal | None = None
    delta: Decimal | None = None
    met: bool | None = None
    applicable: bool | None = None
    source: str = ""
    note: str = ""
    items: dict[str, "Entry"] = field(default_factory=dict)
    path: tuple = ()
    previous_source: str = ""  # where `previous` came from, when not from the file itself


@dataclass
class Submission:
    region: str
    level: str
    year: int
    edition: str | None
    profile: Profile
    entries: dict[str, Entry]  # indicator id -> entry
    file: str = ""
    previous_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list = field(default_factory=list)


class Outcome:
    """A verdict and why.

    The reason may be given as a function that writes it: the words (numbers formatted, parts
    joined) are only built when someone reads them, and a batch summary never does. A reason
    function always writes some text, so `has_reason` can answer without writing it.
    """

    __slots__ = ("status", "_reason", "declared")

    def __init__(self, status: str, reason: "str | Callable[[], str]" = "", declared: bool = False) -> None:
        self.status = status
        self._reason = reason
        self.declared = declared

    @property
    def reason(self) -> str:
        reason = self._reason
        if reason.__class__ is not str:
            reason = self._reason = reason()
        return reason

    @property
    def has_reason(self) -> bool:
        return bool(self._reason)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return (self.status, self.reason, self.declared) == (other.status, other.reason, other.declared)

    def __repr__(self) -> str:
        return f"Outcome({self.status!r}, {self.reason!r}, declared={self.declared})"


def json_number(number: Any) -> Any:
    """A Decimal as a JSON number (integral values stay integers); anything else (None, text) as it is."""
    if number.__class__ is not Decimal:
        return number
    return int(number) if number == number.to_integral_value() else float(number)


# A Result's head: what the rule says for a region, in this order.
HEAD_FIELDS = ("id", "number", "name", "name_en", "domain", "task", "unit", "attribute", "requirement",
               "verified", "source")


def _from_head(index: int, doc: str) -> property:
    return property(lambda self: self.head[index], doc=doc)


class Result:
    """One indicator's or sub-item's verdict, with the rule and the entry it rests on.

    Results are made in the inner loop of a batch, so a Result keeps three things made
    elsewhere — its head (what the rule says for this region, the same for every submission of
    the profile: see HEAD_FIELDS), its Outcome and its Entry — and works out what is only
    displayed (the rule's words, the reason text, numbers as JSON numbers, the entry's source
    and note) when it is read. `entry` is None when nothing was given, or when the indicator
    does not apply (a value given out of scope is not shown as if it counted).
    """

    __slots__ = ("head", "id", "attribute", "verified", "status", "declared", "items", "outcome", "entry")

    def __init__(self, head: tuple, outcome: Outcome, entry: "Entry | None",
                 items: "list[Result] | None" = None) -> None:
        self.head = head
        # read for every result of every file of a batch (summary and counts): kept at hand
        self.id, self.attribute, self.verified = head[0], head[7], head[9]
        self.outcome, self.entry = outcome, entry
        self.status, self.declared = outcome.status, outcome.declared
        self.items = items if items else []

    number = _from_head(1, "the indicator's number in the standard (a sub-item has its indicator's)")
    name = _from_head(2, "the official Chinese name")
    name_en = _from_head(3, "the English name")
    domain = _from_head(4, "the domain (生态制度 …)")
    task = _from_head(5, "the task under the domain")
    unit = _from_head(6, "the unit")
    requirement = _from_head(8, "the requirement, as this region reads it")
    source = _from_head(10, "where the rule comes from (document and line)")

    @property
    def reason(self) -> str:
        return self.outcome.reason

    @property
    def value(self) -> Any:
        return None if self.entry is None else json_number(self.entry.value)

    @property
    def previous(self) -> Any:
        return None if self.entry is None else json_number(self.entry.previous)

    @property
    def target(self) -> Any:
        return None if self.entry is None else json_number(self.entry.target)

    @property
    def delta(self) -> Any:
        return None if self.entry is None else json_number(self.entry.delta)

    @property
    def value_source(self) -> str:
        return "" if self.entry is None else self.entry.source

    @property
    def note(self) -> str:
        return "" if self.entry is None else self.entry.note

    @property
    def previous_source(self) -> str:
        """Where `previous` came from when another file supplied it (history)."""
        return "" if self.entry is None else self.entry.previous_source

    def __repr__(self) -> str:
        return f"Result({self.id!r}, {self.status!r}, declared={self.declared})"

    def as_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "number": self.number,
            "name": self.name,
            "name_en": self.name_en,
            "domain": self.domain,
            "task": self.task,
            "unit": self.unit,
            "attribute": self.attribute,
            "status": self.status,
            "declared": self.declared,
            "value": self.value,
            "requirement": self.requirement,
            "reason": self.reason,
            "verified": self.verified,
            "rule_source": self.source,
            "value_source": self.value_source,
            "note": self.note,
            "previous": self.previous,
            "target": self.target,
            "delta": self.delta,
            "previous_source": self.previous_source,
        }
        out["items"] = [item.as_dict() for item in self.items]
        return out


@dataclass
class Report:
    region: str
    level: str
    year: int
    edition: str
    edition_title: str
    profile: Profile
    results: list[Result]
    file: str = ""
    warnings: list = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        counts = {attr: {s: 0 for s in STATUSES} | {"declared": 0} for attr in (BINDING, REFERENCE)}
        failing, missing, unverified = [], [], []
        for result in self.results:  # one pass: a batch summarises every file
            attribute, status = result.attribute, result.status
            counts[attribute][status] += 1
            if status == PASS:
                if result.declared:
                    counts[attribute]["declared"] += 1
            elif attribute == BINDING and status == FAIL:
                failing.append(result.name)
            elif attribute == BINDING and status == MISSING:
                missing.append(result.name)
            if not result.verified and status != NOT_APPLICABLE:
                unverified.append(result.id)
        ref = counts[REFERENCE]
        ref_applicable = ref[PASS] + ref[FAIL] + ref[MISSING]
        binding = counts[BINDING]
        binding_met = binding[FAIL] == 0 and binding[MISSING] == 0
        return {
            "binding": counts[BINDING],
            "reference": counts[REFERENCE],
            "reference_pass_ratio": round(ref[PASS] / ref_applicable, 4) if ref_applicable else None,
            "binding_met": binding_met,
            "verdict": "pass" if binding_met else "fail",
            "binding_failed": failing,
            "binding_missing": missing,
            "unverified_rules": unverified,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "region": self.region,
            "level": self.level,
            "year": self.year,
            "edition": self.edition,
            "edition_title": self.edition_title,
            "profile": {"coastal": self.profile.coastal, **self.profile.classes},
            "results": [r.as_dict() for r in self.results],
            "summary": self.summary(),
            "warnings": [w.as_dict() for w in self.warnings],
        }
