"""Evaluating a submission against an edition: data in, a Report out. No I/O."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ecocheck.core.criteria import Criterion, combine
from ecocheck.core.model import (
    FAIL, MISSING, NOT_APPLICABLE, PASS, Edition, Entry, Indicator, Outcome, Profile, Report, Result,
    Submission,
)
from ecocheck.core.values import format_number


def decide(criterion: Criterion, entry: Entry | None, profile: Profile) -> Outcome:
    """One criterion on one entry, with the county's declaration (`met`) where numbers fall short.

    Measured numbers always win over a declaration: a declared `met: true` can only fill in
    what the numbers leave undecided (缺数据), never overturn a measured 未达标.
    """
    if entry is None:
        return Outcome(MISSING, "not given (未提供)")
    if entry.applicable is False:  # only sub-items may say so (the submission loader checks)
        return Outcome(NOT_APPLICABLE, f"declared not applicable (申报不适用): {entry.note}", declared=True)
    measured = criterion.evaluate(entry, profile)
    return _with_declaration(measured, entry)


def _with_declaration(measured: Outcome, entry: Entry) -> Outcome:
    if entry.met is None:
        return measured
    said = "declared met (申报达标)" if entry.met else "declared not met (申报未达标)"
    if entry.note:
        said += f": {entry.note}"
    if measured.status == MISSING:
        return Outcome(PASS if entry.met else FAIL, said, declared=True)
    if measured.status == PASS and entry.met is False:
        return Outcome(FAIL, f"{said}; the given values alone would pass ({measured.reason})", declared=True)
    if measured.status == FAIL and entry.met:
        return Outcome(FAIL, f"{measured.reason}; the declaration “met” is contradicted by the values")
    return measured


def json_number(number: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integral values stay integers."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def display_value(entry: Entry | None) -> Any:
    """The value as the report shows it: numbers as JSON numbers, words as text."""
    if entry is None:
        return None
    if isinstance(entry.value, Decimal):
        return json_number(entry.value)
    return entry.value


def _result(ind_or_item: Any, ind: Indicator, outcome: Outcome, entry: Entry | None,
            requirement: str, items: list[Result] | None = None, verified: bool = True) -> Result:
    return Result(
        id=ind_or_item.id, number=ind.number, name=ind_or_item.name, name_en=ind_or_item.name_en,
        domain=ind.domain, task=ind.task, unit=ind_or_item.unit, attribute=ind.attribute,
        status=outcome.status, value=display_value(entry), requirement=requirement,
        reason=outcome.reason, declared=outcome.declared, verified=ind.verified and verified,
        source=ind.source_text, value_source=(entry.source if entry else ""),
        note=(entry.note if entry else ""), items=items or [],
        previous=json_number(entry.previous) if entry else None,
        target=json_number(entry.target) if entry else None,
        delta=json_number(entry.delta) if entry else None,
        previous_source=(entry.previous_source if entry else ""),
    )


def evaluate_indicator(ind: Indicator, entry: Entry | None, profile: Profile) -> Result:
    applies, why = ind.applies_to(profile)
    if not applies:
        outcome = Outcome(NOT_APPLICABLE, why)
        items = [_result(item, ind, outcome, None, resolved_requirement(item.requirement, item.criterion, profile))
                 for item in ind.items]
        return _result(ind, ind, outcome, None, ind.requirement, items)
    if not ind.items:
        return _result(ind, ind, decide(ind.criterion, entry, profile), entry,
                       resolved_requirement(ind.requirement, ind.criterion, profile),
                       verified=ind.criterion.verified_for(profile))
    items = []
    for item in ind.items:
        sub_entry = entry.items.get(item.id) if entry else None
        if sub_entry is None and entry is not None and entry.met is not None:
            sub_outcome = Outcome(MISSING, "not given (未提供)")
        else:
            sub_outcome = decide(item.criterion, sub_entry, profile)
        items.append(_result(item, ind, sub_outcome, sub_entry,
                             resolved_requirement(item.requirement, item.criterion, profile),
                             verified=item.criterion.verified_for(profile)))
    whole = combine([Outcome(r.status, f"{r.name}: {r.reason}" if r.status in (FAIL, MISSING) or r.declared else "",
                             r.declared) for r in items])
    if entry is not None:
        whole = _with_declaration(whole, entry)
    if whole.status == PASS and not whole.reason:
        whole = Outcome(PASS, "all sub-items met (各分项均达标)", whole.declared)
    return _result(ind, ind, whole, entry, ind.requirement, items,
                   verified=all(item.criterion.verified_for(profile) for item in ind.items))


def resolved_requirement(printed: str, criterion: Criterion, profile: Profile) -> str:
    """The requirement as printed, or, when it depends on the region, this region's part of it."""
    if criterion.keyed():
        return criterion.describe(profile)
    return printed


def evaluate(submission: Submission, edition: Edition) -> Report:
    results = [evaluate_indicator(ind, submission.entries.get(ind.id), submission.profile)
               for ind in edition.indicators]
    return Report(region=submission.region, level=submission.level, year=submission.year,
                  edition=edition.id, edition_title=edition.title, profile=submission.profile,
                  results=results, file=submission.file, warnings=list(submission.warnings))


def exit_code(report: Report) -> int:
    """0 when every applicable 约束性 indicator passes, else 1."""
    return 0 if report.summary()["binding_met"] else 1


__all__ = ["evaluate", "evaluate_indicator", "decide", "exit_code", "format_number"]
