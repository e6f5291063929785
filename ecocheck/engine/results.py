"""Results of an evaluation: one Result per indicator and sub-item, and the Report of a county-year.

Outcome and Result are made for every indicator of every file of a batch, so Result is a small
hand-written class that puts off the display work until it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, NamedTuple

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import DEFAULT_LANG, Joined
from ecocheck.base.outcome import Outcome
from ecocheck.base.words import BINDING, FAIL, MISSING, NOT_APPLICABLE, PASS, REFERENCE, STATUSES


def json_number(number: Any) -> Any:
    """A Decimal as a JSON number (integral values stay integers); anything else (None, text) as it is."""
    if number.__class__ is not Decimal:
        return number
    return int(number) if number == number.to_integral_value() else float(number)


class RuleHead(NamedTuple):
    """What the rule says about an indicator or sub-item for one region's profile: the same for
    every submission of the profile, so made once per edition and profile and shared by Results."""

    id: str
    number: int  # the indicator's number in the standard (a sub-item has its indicator's)
    name: str  # the official Chinese name
    name_en: str
    domain: str  # 生态制度 …
    task: str  # the task under the domain
    unit: str
    attribute: str  # 约束性 | 参考性 (a sub-item has its indicator's)
    requirement: str  # as this region reads it
    verified: bool  # whether the rule's bound (for this profile) is confirmed by a source document
    source: str  # where the rule comes from (document and line): the detail
    citation: tuple[str, str] = ("", "")  # the citable source in zh and en (SourceRef.citation)


def _from_head(name: str) -> property:
    return property(attrgetter(f"head.{name}"), doc=f"RuleHead.{name}")


class Result:
    """One indicator's or sub-item's verdict, with the rule and the entry it rests on.

    Results are made in the inner loop of a batch, so a Result keeps three things made
    elsewhere — its head (what the rule says for this region, the same for every submission of
    the profile: a RuleHead), its Outcome and its Entry — and works out what is only
    displayed (the rule's words, the reason text, numbers as JSON numbers, the entry's source
    and note) when it is read. `entry` is None when nothing was given, or when the indicator
    does not apply (a value given out of scope is not shown as if it counted).
    """

    __slots__ = ("head", "id", "attribute", "verified", "status", "declared", "items", "outcome", "entry")

    def __init__(self, head: RuleHead, outcome: Outcome, entry: "Entry | None",
                 items: "list[Result] | None" = None) -> None:
        self.head = head
        # read for every result of every file of a batch (summary and counts): kept at hand
        self.id, self.attribute, self.verified = head.id, head.attribute, head.verified
        self.outcome, self.entry = outcome, entry
        self.status, self.declared = outcome.status, outcome.declared
        self.items = items if items else []

    number = _from_head("number")
    name = _from_head("name")
    name_en = _from_head("name_en")
    domain = _from_head("domain")
    task = _from_head("task")
    unit = _from_head("unit")
    requirement = _from_head("requirement")
    source = _from_head("source")

    @property
    def reason(self) -> str:
        """Why, in the default language (zh)."""
        return self.outcome.render()

    def reason_in(self, lang: str) -> str:
        """Why, in `lang` ("zh" or "en")."""
        return self.outcome.render(lang)

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

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The JSON form; `reason` in `lang`."""
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
            "reason": self.outcome.render(lang),
            "verified": self.verified,
            "rule_source": self.source,
            "rule_citation": self.head.citation[lang == "en"],
            "value_source": self.value_source,
            "note": self.note,
            "previous": self.previous,
            "target": self.target,
            "delta": self.delta,
            "previous_source": self.previous_source,
            "value_unit": "" if self.entry is None else self.entry.unit,
        }
        out["items"] = [item.as_dict(lang) for item in self.items]
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
    problems: list = field(default_factory=list)  # cells that could not be read (each is 缺数据)
    basis: str = "measured"  # or "plan": the values are a plan's targets
    standard: Any = None  # the edition's Standard (title and 文号), when its rule file gives one
    documents: tuple = ()  # the CitedDocuments that print the edition's rows

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
            # the verdict with 缺数据 apart: "missing" when no binding indicator fails but some lack data
            "conclusion": PASS if binding_met else FAIL if binding[FAIL] else MISSING,
            "binding_failed": failing,
            "binding_missing": missing,
            "unverified_rules": unverified,
        }

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The JSON form (the contract of `evaluate -f json`); reasons, problems and warnings in `lang`."""
        return {
            "file": self.file,
            "region": self.region,
            "level": self.level,
            "year": self.year,
            "edition": self.edition,
            "edition_title": self.edition_title,
            "profile": {"coastal": self.profile.coastal, **self.profile.classes},
            "results": [r.as_dict(lang) for r in self.results],
            "summary": self.summary(),
            "warnings": [w.as_dict(lang) for w in self.warnings],
            "problems": [p.as_dict(lang) for p in self.problems],
            "basis": self.basis,
            "standard": None if self.standard is None else {
                "title": self.standard.title, "number": self.standard.number,
                "number_verified": self.standard.number_verified, "citation": self.standard.citation(lang)},
            "documents": [_document_dict(d, lang) for d in self.documents],
        }


def _document_dict(document: Any, lang: str) -> dict[str, Any]:
    """A document that prints the edition's rows, with its tables, as the report names it."""
    tables = [name for name, _, _ in document.tables]
    return {"key": document.key, "title": document.title, "tables": tables, "file": document.file,
            "citation": document.citation(Joined(tables, "sep.words").render(lang), "", lang)}
