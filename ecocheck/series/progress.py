"""Progress towards a plan's targets: a submission and a plan in, one row per goal out. No I/O.

Statuses (the JSON contract; reports show the Chinese):

| status | 中文 | when |
| --- | --- | --- |
| `met` | 已达到 | the value already meets the target (for a `trend` goal: not worse than its reference) |
| `on_track` | 进度正常 | not met yet, the target year is ahead, and the value is at least as far along as the straight line from the base-year value to the target |
| `behind` | 滞后 | the target year has come and the target is not met, or the value is short of the straight line |
| `not_yet_due` | 未到期 | not met, the target year is ahead, and no path can be drawn (no base value, a state word, or the submission is from the base year) |
| `superior_target_missing` | 缺上级下达目标 | the target is the one the superior government assigns (待下达, 完成市下达目标) and no assigned value was given |
| `missing` | 缺数据 | the submission gives no value for it |
| `no_target` | 无可度量目标 | the plan prints nothing measurable (a blank cell) |
| `not_applicable` | 不适用 | the target does not apply to this region (level, coastal) or the submission declares the item not applicable |

A ceiling on a running total (`cumulative: true`, e.g. 五年突发环境事件总数 ≤ 3) is `on_track`
while within it before the target year, `met` at the target year, `behind` once exceeded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ecocheck.library.kinds.qualitative import Qualitative
from ecocheck.engine.evaluate import json_number
from ecocheck.base.words import MISSING, NOT_APPLICABLE, PASS
from ecocheck.base.words import STATUS_WORDS as VERDICT_WORDS
from ecocheck.base.entries import Entry
from ecocheck.submission.model import Submission
from ecocheck.series.plans import Goal, Plan, PlanValue, Target
from ecocheck.base.values import format_number, normalize_text

MET = "met"
ON_TRACK = "on_track"
BEHIND = "behind"
NOT_YET_DUE = "not_yet_due"
SUPERIOR_MISSING = "superior_target_missing"
NO_TARGET = "no_target"
STATUSES = (MET, ON_TRACK, BEHIND, NOT_YET_DUE, SUPERIOR_MISSING, MISSING, NO_TARGET, NOT_APPLICABLE)
_OWN_WORDS = {
    "zh": {MET: "已达到", ON_TRACK: "进度正常", BEHIND: "滞后", NOT_YET_DUE: "未到期",
           SUPERIOR_MISSING: "缺上级下达目标", NO_TARGET: "无可度量目标"},
    "en": {MET: "met", ON_TRACK: "on track", BEHIND: "BEHIND", NOT_YET_DUE: "not yet due",
           SUPERIOR_MISSING: "superior target missing", NO_TARGET: "no target"},
}
# MISSING and NOT_APPLICABLE are the verdict statuses, with the verdict's words.
STATUS_WORDS = {lang: {**own, MISSING: VERDICT_WORDS[lang][MISSING], NOT_APPLICABLE: VERDICT_WORDS[lang][NOT_APPLICABLE]}
                for lang, own in _OWN_WORDS.items()}
_PLACES = Decimal("0.0001")


@dataclass
class Reading:
    """What the submission says for one target."""

    value: Any = None  # Decimal, a state word, or None
    previous: Decimal | None = None
    previous_source: str = ""
    assigned: Decimal | None = None
    assigned_source: str = ""
    source: str = ""  # where the value was read: plan_values.<key> or indicator id
    not_applicable: str = ""  # the submission's note when it declares the item not applicable
    declared: bool | None = None


@dataclass
class Row:
    plan: str
    target_id: str
    name: str
    unit: str
    attribute: str | None
    direction: str
    goal_year: int
    kind: str
    printed: str
    column: str
    status: str
    reason: str
    value: Any = None
    value_source: str = ""
    target: Any = None
    target_source: str = ""
    base_year: int | None = None
    base_value: Any = None
    base_printed: str = ""
    expected: Any = None
    distance: Any = None
    share: float | None = None
    source: str = ""
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Progress:
    plan_id: str
    plan_title: str
    plan_region: str
    plan_source: str
    base_year: int | None
    target_year: int
    region: str
    level: str
    year: int
    file: str
    rows: list[Row]
    region_match: bool
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        counts = {s: 0 for s in STATUSES}
        for row in self.rows:
            counts[row.status] += 1
        behind = [f"{r.name} ({r.goal_year})" for r in self.rows if r.status == BEHIND]
        return {"counts": counts, "behind": behind, "on_track": not behind}

    def exit_code(self) -> int:
        """0 when no goal is behind, 1 when one is."""
        return 1 if any(r.status == BEHIND for r in self.rows) else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "plan": {"id": self.plan_id, "title": self.plan_title, "region": self.plan_region,
                     "base_year": self.base_year, "target_year": self.target_year, "source": self.plan_source},
            "file": self.file, "region": self.region, "level": self.level, "year": self.year,
            "region_match": self.region_match,
            "rows": [r.as_dict() for r in self.rows],
            "summary": self.summary(),
            "warnings": list(self.warnings),
        }


# ── reading values ─────────────────────────────────────────────────────────────────────

def read_target(target: Target, submission: Submission, plan_values: dict[str, PlanValue]) -> Reading:
    """The value for `target`: from `plan_values` (by id or name), else its linked indicator."""
    for key in (target.id, normalize_text(target.name)):
        given = plan_values.get(key)
        if given is not None:
            return Reading(value=given.value, previous=given.previous,
                           previous_source="plan_values" if given.previous is not None else "",
                           assigned=given.target, assigned_source="plan_values" if given.target is not None else "",
                           source=f"plan_values.{key}")
    if not target.indicator:
        return Reading()
    entry: Entry | None = submission.entries.get(target.indicator)
    if entry is not None and target.item:
        if entry.applicable is False:
            return Reading(source=target.link, not_applicable=entry.note or "declared not applicable")
        entry = entry.items.get(target.item)
    if entry is None:
        return Reading(source=target.link)
    if entry.applicable is False:
        return Reading(source=target.link, not_applicable=entry.note or "declared not applicable")
    if target.read == "delta":
        delta = entry.delta
        if delta is None and isinstance(entry.value, Decimal) and entry.previous is not None:
            delta = entry.value - entry.previous
        return Reading(value=delta, source=f"{target.link} (delta)", declared=entry.met)
    return Reading(value=entry.value, previous=entry.previous,
                   previous_source=entry.previous_source or ("submission" if entry.previous is not None else ""),
                   assigned=entry.target,
                   assigned_source=f"submission target of {target.link}" if entry.target is not None else "",
                   source=target.link, declared=entry.met)


# ── deciding one goal ─────────────────────────────────────────────────────────────────

def _fmt(number: Decimal | None) -> str:
    return format_number(number) if isinstance(number, Decimal) else str(number)


def _better(a: Decimal, b: Decimal, direction: str) -> Decimal:
    """How much better a is than b in the target's direction (negative: worse)."""
    return a - b if direction == "higher" else b - a


def _numeric(goal: Goal, target: Target, tgt: Decimal, year: int, base_year: int | None,
             reading: Reading, row: Row, annual: bool = False) -> None:
    """A number against a target. `annual`: the target is the one assigned for the submission's
    own year (its `target:` field), so before the goal year meeting it is on track, not met."""
    base = target.base.value
    row.target = json_number(tgt)
    value = _number_or_missing(reading, row)
    if value is None:
        return
    row.distance = json_number(_better(tgt, value, target.direction).quantize(_PLACES).normalize())
    way_to_go = base is not None and not annual and _better(tgt, base, target.direction) > 0
    if way_to_go:  # share and path only when the base is short of the target
        row.share = float(((value - base) / (tgt - base)).quantize(_PLACES))
    start = target.base.year or base_year
    if way_to_go and start is not None and start < year < goal.year:
        expected = base + (tgt - base) * Decimal(year - start) / Decimal(goal.year - start)
        row.expected = json_number(expected.quantize(_PLACES).normalize())
    symbol = "≥" if target.direction == "higher" else "≤"
    met_now = _better(value, tgt, target.direction) >= 0
    if goal.cumulative:
        if not met_now:
            row.status, row.reason = BEHIND, f"{_fmt(value)} already exceeds the ceiling {symbol}{_fmt(tgt)} (已超过上限)"
        elif year >= goal.year:
            row.status, row.reason = MET, f"{_fmt(value)} stayed within {symbol}{_fmt(tgt)}"
        else:
            row.status, row.reason = ON_TRACK, f"{_fmt(value)} within the ceiling {symbol}{_fmt(tgt)} so far (累计值未超上限)"
        return
    if annual and year < goal.year:
        verdict = "meets" if met_now else "misses"
        row.status = ON_TRACK if met_now else BEHIND
        row.reason = (f"{_fmt(value)} {verdict} {year}'s assigned target {symbol}{_fmt(tgt)}; "
                      f"the {goal.year} target is not given (本年度下达目标)")
        return
    if met_now:
        row.status, row.reason = MET, f"{_fmt(value)} meets {symbol}{_fmt(tgt)}"
        return
    if year >= goal.year:
        row.status = BEHIND
        row.reason = f"{goal.year} has come; {_fmt(value)} misses {symbol}{_fmt(tgt)} (目标年已到，未达到)"
        return
    if base is None or start is None:
        row.status = NOT_YET_DUE
        row.reason = (f"{_fmt(value)} not yet {symbol}{_fmt(tgt)}; due {goal.year}; no base value to draw a "
                      "path from (无基准值，无法判断进度)")
        return
    if year <= start:
        row.status = NOT_YET_DUE
        row.reason = f"{year} is the base year ({start}) or earlier; due {goal.year}"
        return
    expected = base + (tgt - base) * Decimal(year - start) / Decimal(goal.year - start)
    if _better(value, expected, target.direction) >= 0:
        row.status = ON_TRACK
        row.reason = (f"{_fmt(value)} is at or ahead of the straight path ({_fmt(expected.quantize(_PLACES).normalize())} "
                      f"in {year}) from {_fmt(base)} ({start}) to {_fmt(tgt)} ({goal.year})")
    else:
        row.status = BEHIND
        row.reason = (f"{_fmt(value)} is short of the straight path ({_fmt(expected.quantize(_PLACES).normalize())} "
                      f"in {year}) from {_fmt(base)} ({start}) to {_fmt(tgt)} ({goal.year})")


def _number_or_missing(reading: Reading, row: Row) -> Decimal | None:
    """The reading's number, or None with the row marked missing and the reason said."""
    value = reading.value
    if value is None:
        row.status, row.reason = MISSING, "no value given (未提供数值)"
        return None
    if not isinstance(value, Decimal):
        row.status, row.reason = MISSING, f"the value “{value}” is not a number (须为数值)"
        return None
    return value


def _trend(goal: Goal, target: Target, year: int, base_year: int | None, reading: Reading, row: Row) -> None:
    value = _number_or_missing(reading, row)
    if value is None:
        return
    start = target.base.year or base_year
    from_base = target.base.value is not None
    if from_base:
        reference, label = target.base.value, f"the base value {_fmt(target.base.value)} ({start})"
        row.target_source = f"base value ({start})"
    elif reading.previous is not None:
        reference = reading.previous
        label = f"last year's value {_fmt(reading.previous)}"
        row.target_source = f"previous: {reading.previous_source}" if reading.previous_source else "previous"
        if reading.previous_source and reading.previous_source not in ("submission", "plan_values"):
            label += f" from {reading.previous_source}"
    else:
        row.status = MISSING
        row.reason = ("no base value printed and last year's value not given "
                      "(缺基准值与上年值: give `previous`, or `--history DIR`)")
        return
    row.target = json_number(reference)
    gain = _better(value, reference, target.direction)
    row.distance = json_number((-gain).quantize(_PLACES).normalize())
    ok = gain > 0 if goal.strict else gain >= 0
    change = value - reference
    text = f"{_fmt(value)} vs {label}: change {'+' if change >= 0 else ''}{_fmt(change)}"
    if ok:
        row.status, row.reason = MET, text + (" (improved)" if gain > 0 else " (stable)")
    elif from_base and start is not None and year <= start:
        row.status, row.reason = NOT_YET_DUE, text + f"; {year} is the base year, due {goal.year}"
    else:
        row.status, row.reason = BEHIND, text + (" (not reduced)" if gain == 0 else " (worsened)")


def _state(goal: Goal, target: Target, year: int, reading: Reading, row: Row) -> None:
    value = reading.value
    if value is None:
        row.status, row.reason = MISSING, "no state given (未填写)"
        return
    words = "、".join(goal.accept)
    if Qualitative(accept=goal.accept).classify(str(value)) == PASS:
        row.status, row.reason = MET, f"“{_fmt(value)}” is “{words}”"
    elif year >= goal.year:
        row.status, row.reason = BEHIND, f"{goal.year} has come; “{_fmt(value)}” is not “{words}”"
    else:
        row.status, row.reason = NOT_YET_DUE, f"“{_fmt(value)}” is not yet “{words}”; due {goal.year}"


def assess(plan: Plan, target: Target, goal: Goal, submission: Submission, reading: Reading,
           assigned: dict[str, Decimal] | None = None) -> Row:
    """The status of one goal of one target for this submission."""
    row = Row(plan=plan.id, target_id=target.id, name=target.name, unit=target.unit, attribute=target.attribute,
              direction=target.direction, goal_year=goal.year, kind=goal.kind, printed=goal.printed,
              column=goal.column, status=MISSING, reason="",
              value=json_number(reading.value) if isinstance(reading.value, Decimal) else reading.value,
              value_source=reading.source, base_year=target.base.year or plan.base_year,
              base_value=json_number(target.base.value), base_printed=target.base.printed,
              source=f"{target.source.doc}:{goal.line or target.source.line or ''}".rstrip(":"),
              note="；".join(n for n in (target.note, target.base.note, goal.note) if n))
    applies, why = target.applies_to(submission.level, submission.profile.coastal)
    if not applies:
        row.status, row.reason = NOT_APPLICABLE, why
        return row
    if reading.not_applicable:
        row.status, row.reason = NOT_APPLICABLE, f"declared not applicable: {reading.not_applicable}"
        return row
    year, base_year = submission.year, plan.base_year
    if goal.kind == "none":
        row.status = NO_TARGET
        row.reason = (f"the plan prints “{goal.printed}”, nothing measurable" if goal.printed
                      else "the plan's target cell is blank (目标值空白)")
        return row
    if goal.kind == "value":
        row.target_source = "plan"
        _numeric(goal, target, goal.value, year, base_year, reading, row)
    elif goal.kind == "superior":
        tgt, label, annual = _assigned(target, goal, reading, assigned or {})
        if tgt is None:
            row.status = SUPERIOR_MISSING
            row.reason = (f"the plan's target is “{goal.printed}”: the superior's assigned value is not given "
                          f"(缺上级下达目标值: --assign {target.id}={'…'})")
            return row
        row.target_source = label
        _numeric(goal, target, tgt, year, base_year, reading, row, annual=annual)
    elif goal.kind == "trend":
        _trend(goal, target, year, base_year, reading, row)
    elif goal.kind == "state":
        _state(goal, target, year, reading, row)
    if reading.declared is not None and row.status == MISSING:
        row.reason += f"; the submission only declares met: {str(reading.declared).lower()}"
    return row


def _assigned(target: Target, goal: Goal, reading: Reading,
              assigned: dict[str, Decimal]) -> tuple[Decimal | None, str, bool]:
    """The assigned target and where it came from; True when it is the submission's own
    `target:` of a linked indicator (assigned for the submission's year, not the goal year)."""
    for key in (f"{target.id}@{goal.year}", target.id):
        if key in assigned:
            return assigned[key], f"--assign {key}", False
    if reading.assigned is not None:
        return reading.assigned, reading.assigned_source, reading.assigned_source.startswith("submission")
    return None, "", False


def progress(plan: Plan, submission: Submission, plan_values: dict[str, PlanValue] | None = None,
             assigned: dict[str, Decimal] | None = None, years: list[int] | None = None) -> Progress:
    """Every goal of `plan` (or only those of `years`) assessed for `submission`."""
    values = plan_values or {}
    rows = []
    for target in plan.targets:
        reading = read_target(target, submission, values)
        for goal in target.goals:
            if years and goal.year not in years:
                continue
            rows.append(assess(plan, target, goal, submission, reading, assigned))
    region_match = normalize_text(plan.region) == normalize_text(submission.region)
    warnings = []
    if not region_match:
        warnings.append(f"the plan is {plan.region}'s; {submission.region}'s values are compared with its targets "
                        f"(规划地区为{plan.region}，数据地区为{submission.region})")
    if submission.level not in plan.checks:
        warnings.append(f"the plan's targets are for {'/'.join(plan.checks)} level; this submission is a {submission.level}")
    known = {t.id for t in plan.targets} | {normalize_text(t.name) for t in plan.targets}
    for key in assigned or {}:
        if key.split("@")[0] not in known:
            warnings.append(f"--assign {key}: the plan {plan.id} has no target {key.split('@')[0]!r}")
    return Progress(plan_id=plan.id, plan_title=plan.title, plan_region=plan.region,
                    plan_source=str(plan.source), base_year=plan.base_year, target_year=plan.target_year,
                    region=submission.region, level=submission.level, year=submission.year,
                    file=submission.file, rows=rows, region_match=region_match, warnings=warnings)


__all__ = ["progress", "assess", "read_target", "Progress", "Row", "Reading", "STATUSES", "STATUS_WORDS"]
