"""The data the core works on: rule editions, submissions, results. Plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

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


@dataclass
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


@dataclass
class Outcome:
    status: str
    reason: str = ""
    declared: bool = False


@dataclass(slots=True)
class Result:
    id: str
    number: int
    name: str
    name_en: str
    domain: str
    task: str
    unit: str
    attribute: str
    status: str
    value: Any
    requirement: str
    reason: str
    declared: bool = False
    verified: bool = True
    source: str = ""
    value_source: str = ""
    note: str = ""
    previous: Any = None
    target: Any = None
    delta: Any = None
    items: list["Result"] = field(default_factory=list)
    previous_source: str = ""  # where `previous` came from when another file supplied it (history)

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
        for result in self.results:
            bucket = counts[result.attribute]
            bucket[result.status] += 1
            if result.declared and result.status == PASS:
                bucket["declared"] += 1
        ref = counts[REFERENCE]
        ref_applicable = ref[PASS] + ref[FAIL] + ref[MISSING]
        binding = counts[BINDING]
        binding_met = binding[FAIL] == 0 and binding[MISSING] == 0
        failing = [r.name for r in self.results if r.attribute == BINDING and r.status == FAIL]
        missing = [r.name for r in self.results if r.attribute == BINDING and r.status == MISSING]
        return {
            "binding": counts[BINDING],
            "reference": counts[REFERENCE],
            "reference_pass_ratio": round(ref[PASS] / ref_applicable, 4) if ref_applicable else None,
            "binding_met": binding_met,
            "verdict": "pass" if binding_met else "fail",
            "binding_failed": failing,
            "binding_missing": missing,
            "unverified_rules": [r.id for r in self.results if not r.verified and r.status != NOT_APPLICABLE],
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
