"""Evaluating a submission against an edition: data in, a Report out. No I/O."""

from __future__ import annotations

from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from ecocheck.library.kinds import Criterion, combine
from ecocheck.base.words import FAIL, MISSING, NOT_APPLICABLE, PASS
from ecocheck.library.model import Edition, Indicator, SubItem
from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.engine.results import Report, Result, RuleHead, json_number
from ecocheck.submission.model import Submission
from ecocheck.base.values import format_number


# Reasons that take no parameters: made once, shared by every outcome that gives them.
_NOT_GIVEN = Message("entry.not_given")
_ALL_ITEMS_MET = Message("items.all_met")
_FIELD_UNREADABLE = Message("entry.unreadable")
_DECLARED = {True: Message("declared.met"), False: Message("declared.not_met")}
_DECLARED_WITH_NOTE = {True: "declared.met_note", False: "declared.not_met_note"}


def decide(criterion: Criterion, entry: Entry | None, profile: Profile) -> Outcome:
    """One criterion on one entry, with the county's declaration (`met`) where numbers fall short.

    Measured numbers always win over a declaration: a declared `met: true` can only fill in
    what the numbers leave undecided (缺数据), never overturn a measured 未达标.
    """
    if entry is None:
        return Outcome(MISSING, _NOT_GIVEN)
    if entry.applicable is False:  # sub-items and 参考性 indicators only (the submission loader checks)
        return Outcome(NOT_APPLICABLE, Message("declared.not_applicable", note=entry.note), declared=True)
    if entry.problem and entry.value is None and entry.met is None:
        # why it could not be read is the report's problem for this cell (in `problems`)
        if entry.raw is None:  # a field beside the value (previous, decline …) could not be read
            return Outcome(MISSING, _FIELD_UNREADABLE)
        return Outcome(MISSING, Message("cell.unreadable", cell=_cell_text(entry.raw)))
    if entry.met_parts or entry.at_best:
        measured = _with_parts(criterion, entry, profile)
    else:
        measured = criterion.evaluate(entry, profile)
    if entry.no_worse and entry.previous is not None and entry.met is None and measured.status == MISSING:
        return _no_worse(criterion, entry, profile)
    if entry.warning is not None:
        measured = Outcome(measured.status, Message("reason.warned", reason=measured, warning=entry.warning),
                           measured.declared)
    return measured if entry.met is None else _with_declaration(measured, entry)


def _no_worse(criterion: Criterion, entry: Entry, profile: Profile) -> Outcome:
    """不降低 of a level's bound: a value no worse than last year's meets the bound when last year's
    did (declared, as the cell only says so); when last year's did not, the value may or may not."""
    last = criterion.evaluate(Entry(value=entry.previous), profile)
    said = {"cell": _cell_text(entry.raw), "previous": format_number(entry.previous)}
    if last.status == PASS:
        return Outcome(PASS, Message("declared.no_worse", **said, requirement=_Requirement(criterion, profile)),
                       declared=True)
    if last.status == MISSING:  # last year's value meets the bound in some classes only
        return Outcome(MISSING, Message("reason.no_worse_class", **said, reason=last))
    return Outcome(MISSING, Message("reason.no_worse_open", **said, requirement=_Requirement(criterion, profile)))


def _best_shown(entry: Entry) -> Any:
    """The value at the best bound as a number (100, whether the cell said 100% or 已消除)."""
    return entry.value if entry.value is not None else _cell_text(entry.raw)


def _cell_text(raw: Any) -> str:
    return "" if raw is None else str(raw)


# Parts that a value at the best possible bound meets whatever last year's value or the assigned
# target: 100% of a share where higher is better, 0 where lower is (已消除).
_MET_AT_BEST = ("trend", "superior_target")


def _with_parts(criterion: Criterion, entry: Entry, profile: Profile) -> Outcome:
    """A compound requirement part by part: the parts a cell restates (完成 of 完成…；保持稳定或持续
    改善) are declared met, a value at the best bound meets any trend and target, the others are
    decided as usual and named when unknown."""
    outcomes = []
    for index, part in enumerate(getattr(criterion, "parts", (criterion,))):
        outcome = part.evaluate(entry, profile)
        if outcome.status == MISSING:
            requirement = _Requirement(part, profile)
            if entry.at_best and part.KIND in _MET_AT_BEST:
                outcome = Outcome(PASS, Message("part.reason", requirement=requirement,
                                                reason=Message("value.best", value=_best_shown(entry))))
            elif index in entry.met_parts:
                said = Message("declared.met_note", note=entry.note) if entry.note else _DECLARED[True]
                outcome = Outcome(PASS, Message("part.reason", requirement=requirement, reason=said), declared=True)
            else:
                outcome = Outcome(MISSING, Message("part.reason", requirement=requirement, reason=outcome))
        outcomes.append(outcome)
    return combine(outcomes)


class _Requirement:
    """A part's requirement as the report's language writes it (a parameter of a reason)."""

    __slots__ = ("part", "profile")

    def __init__(self, part: Criterion, profile: Profile) -> None:
        self.part = part
        self.profile = profile

    def render(self, lang: str) -> str:
        return self.part.describe(self.profile, lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Requirement) and (self.part, self.profile) == (other.part, other.profile)

    def __repr__(self) -> str:
        return f"_Requirement({self.part!r})"


def _declaration(entry: Entry) -> Message:
    """What the county declared (`met`), with its note."""
    return Message(_DECLARED_WITH_NOTE[entry.met], note=entry.note) if entry.note else _DECLARED[entry.met]


def _with_declaration(measured: Outcome, entry: Entry) -> Outcome:
    if entry.met is None:
        return measured
    said = _declaration(entry)
    if measured.status == MISSING:
        return Outcome(PASS if entry.met else FAIL, said, declared=True)
    if measured.status == PASS and entry.met is False:
        return Outcome(FAIL, Message("declared.overruled", declared=said, measured=measured), declared=True)
    if measured.status == FAIL and entry.met:
        return Outcome(FAIL, Message("declared.contradicted", measured=measured))
    return measured


def _head(part: Any, ind: Indicator, requirement: str, verified: bool) -> RuleHead:
    """The rule's side of a Result (of the indicator itself, or of one of its sub-items) for one
    region's profile."""
    return RuleHead(part.id, ind.number, part.name, part.name_en, ind.domain, ind.task, part.unit, ind.attribute,
                    requirement, verified, str(ind.source), (ind.source.citation("zh"), ind.source.citation("en")))


class SubItemLayout(NamedTuple):
    item: SubItem
    head: RuleHead


class IndicatorLayout(NamedTuple):
    """What evaluating an indicator needs that depends on the rule and the region's profile only
    (whether it applies, the requirement as this region reads it, whether its bound is
    verified): worked out once per edition and profile, not once per submission."""

    indicator: Indicator
    head: RuleHead
    applies: bool
    why_not: Message | None  # why it does not apply to the profile (None when it does)
    items: tuple[SubItemLayout, ...]  # its sub-items (none: the indicator has a criterion of its own)


def indicator_layout(ind: Indicator, profile: Profile) -> IndicatorLayout:
    applies, why = ind.applies_to(profile)
    if not applies:
        items = tuple(SubItemLayout(item, _head(item, ind, resolved_requirement(item.requirement, item.criterion, profile),
                                                ind.verified)) for item in ind.items)
        return IndicatorLayout(ind, _head(ind, ind, ind.requirement, ind.verified), False, why, items)
    if not ind.items:
        verified = ind.verified and ind.criterion.verified_for(profile)
        head = _head(ind, ind, resolved_requirement(ind.requirement, ind.criterion, profile), verified)
        return IndicatorLayout(ind, head, True, None, ())
    items = tuple(SubItemLayout(item, _head(item, ind, resolved_requirement(item.requirement, item.criterion, profile),
                                            ind.verified and item.criterion.verified_for(profile)))
                  for item in ind.items)
    verified = ind.verified and all(item.criterion.verified_for(profile) for item in ind.items)
    return IndicatorLayout(ind, _head(ind, ind, ind.requirement, verified), True, None, items)


# Each edition's layouts, per profile: a profile is a few hundred combinations of class values
# at most, so a batch works each out once. Keyed by the edition itself (editions compare by
# identity): an edition that is no longer used takes its layouts with it.
_LAYOUTS: WeakKeyDictionary[Edition, dict[tuple, tuple[IndicatorLayout, ...]]] = WeakKeyDictionary()


def edition_layout(edition: Edition, profile: Profile) -> tuple[IndicatorLayout, ...]:
    layouts = _LAYOUTS.get(edition)
    if layouts is None or len(layouts) > 4096:
        layouts = _LAYOUTS[edition] = {}
    key = (profile.level, profile.coastal, tuple(profile.classes.items()))
    found = layouts.get(key)
    if found is None:
        found = layouts[key] = tuple(indicator_layout(ind, profile) for ind in edition.indicators)
    return found


def _evaluate(layout: IndicatorLayout, entry: Entry | None, profile: Profile) -> Result:
    if not layout.applies:
        outcome = Outcome(NOT_APPLICABLE, layout.why_not)
        return Result(layout.head, outcome, None, [Result(sub.head, outcome, None) for sub in layout.items])
    if not layout.items:
        return Result(layout.head, decide(layout.indicator.criterion_for(entry) if layout.indicator.by_unit
                                           else layout.indicator.criterion, entry, profile), entry)
    declared_whole = entry is not None and entry.met is not None
    declared = _declaration(entry) if declared_whole else None
    items = []
    for item, item_head in layout.items:
        sub_entry = entry.items.get(item.id) if entry else None
        sub_outcome = decide(item.criterion_for(sub_entry) if item.by_unit else item.criterion, sub_entry, profile)
        if declared_whole and sub_outcome.status == MISSING:
            # the county declared the whole indicator: that covers what a sub-item's numbers leave
            # undecided, and the sub-item says so (never 缺数据 under a 达标（申报） parent)
            sub_outcome = Outcome(PASS if entry.met else FAIL,
                                  Message("declared.whole", declared=declared), declared=True)
        items.append(Result(item_head, sub_outcome, sub_entry))
    if declared_whole and all(r.entry is None for r in items):
        whole = Outcome(PASS if entry.met else FAIL, declared, declared=True)
    else:  # measured sub-items keep their own verdicts, shown beside the declared ones
        whole = combine([Outcome(r.status, _named(r) if r.status in (FAIL, MISSING) or r.declared else None,
                                 r.declared) for r in items])
        if entry is not None:
            whole = _with_declaration(whole, entry)
    if whole.status == PASS and not whole.has_reason:
        whole = Outcome(PASS, _ALL_ITEMS_MET, whole.declared)
    return Result(layout.head, whole, entry, items)


def _named(item: Result) -> Message:
    """A sub-item's reason under its name, in the indicator's reason."""
    return Message("item.reason", name=item.name, reason=item.outcome)


def evaluate_indicator(ind: Indicator, entry: Entry | None, profile: Profile) -> Result:
    return _evaluate(indicator_layout(ind, profile), entry, profile)


def resolved_requirement(printed: str, criterion: Criterion, profile: Profile) -> str:
    """The requirement as printed, or, when it depends on the region, this region's part of it."""
    if criterion.keyed():
        return criterion.describe(profile)
    return printed


def evaluate(submission: Submission, edition: Edition) -> Report:
    profile, entries = submission.profile, submission.entries
    results = [_evaluate(layout, entries.get(layout.indicator.id), profile)
               for layout in edition_layout(edition, profile)]
    return Report(region=submission.region, level=submission.level, year=submission.year,
                  edition=edition.id, edition_title=edition.title, profile=profile,
                  results=results, file=submission.file, warnings=list(submission.warnings),
                  problems=list(submission.problems), basis=submission.meta.get("basis", "measured"),
                  standard=edition.standard, documents=tuple(edition.documents.values()))


__all__ = ["evaluate", "evaluate_indicator", "decide", "format_number", "json_number"]
