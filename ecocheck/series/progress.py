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

Each row's reason, and each warning, is a catalogue Message (ecocheck.base.messages): written
in the report's language only when `as_dict(lang)` or `reason_in(lang)` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ecocheck.library.kinds.qualitative import Qualitative
from ecocheck.engine.evaluate import json_number
from ecocheck.base.messages import CATALOGUE, DEFAULT_LANG, Joined, Message
from ecocheck.base.words import MISSING, NOT_APPLICABLE, PASS
from ecocheck.base.words import STATUS_WORDS as VERDICT_WORDS
from ecocheck.base.entries import Entry
from ecocheck.submission.history import source_label
from ecocheck.submission.model import Submission
from ecocheck.series.plans import Goal, Plan, PlanValue, Target
from ecocheck.base.values import normalize_text

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
    previous_from: "Message | str | None" = None  # another year's file that gave `previous`, as reports name it
    assigned: Decimal | None = None
    assigned_source: str = ""
    source: str = ""  # where the value was read: plan_values.<key> or indicator id
    not_applicable: bool = False  # the submission declares the item not applicable
    note: str = ""  # … and says why
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
    message: Message | Joined | None = None  # why: the reason, written in a language when read
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
    source: str = ""  # file:line of the goal's cell (a detail)
    note: str = ""
    name_en: str = ""  # the plan file's English name of the target, if it gives one
    target_from: Message | None = None  # where the target came from, for the 目标值 cell (None: the plan)
    citation: tuple[str, str] = ("", "")  # the target's row as a reviewer cites it, zh and en: 《…》表1 第9项
    table: str = ""  # the table and the row's 序号 as the plan's document prints them
    item: str = ""

    @property
    def reason(self) -> str:
        """Why, in the default language (zh)."""
        return self.reason_in(DEFAULT_LANG)

    def reason_in(self, lang: str) -> str:
        return "" if self.message is None else self.message.render(lang)

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The JSON form (the contract of `progress -f json`); texts in `lang`."""
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            if key == "message":  # as `reason`, where it has always been
                out["reason"] = self.reason_in(lang)
            elif key == "citation":  # the document's titles stay Chinese; the en form says No. 9 for 第9项
                out[key] = value[lang == "en"]
            elif key == "target_from":
                out[key] = "" if value is None else value.render(lang)
            else:
                out[key] = value
        return out


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
    warnings: list[Message] = field(default_factory=list)
    plan_title_en: str = ""
    plan_citation: tuple[str, str] = ("", "")  # the plan's document (and table) as a reviewer cites it, zh and en

    def summary(self) -> dict[str, Any]:
        counts = {s: 0 for s in STATUSES}
        for row in self.rows:
            counts[row.status] += 1
        behind = [f"{r.name} ({r.goal_year})" for r in self.rows if r.status == BEHIND]
        return {"counts": counts, "behind": behind, "on_track": not behind}

    def exit_code(self) -> int:
        """0 when no goal is behind, 1 when one is."""
        return 1 if any(r.status == BEHIND for r in self.rows) else 0

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """The JSON form (the contract of `progress -f json`); reasons and warnings in `lang`."""
        return {
            "plan": {"id": self.plan_id, "title": self.plan_title, "region": self.plan_region,
                     "base_year": self.base_year, "target_year": self.target_year, "source": self.plan_source,
                     "title_en": self.plan_title_en, "citation": self.plan_citation[lang == "en"]},
            "file": self.file, "region": self.region, "level": self.level, "year": self.year,
            "region_match": self.region_match,
            "rows": [r.as_dict(lang) for r in self.rows],
            "summary": self.summary(),
            "warnings": [w.render(lang) for w in self.warnings],
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
            return Reading(source=target.link, not_applicable=True, note=entry.note)
        entry = entry.items.get(target.item)
    if entry is None:
        return Reading(source=target.link)
    if entry.applicable is False:
        return Reading(source=target.link, not_applicable=True, note=entry.note)
    if target.read == "delta":
        delta = entry.delta
        if delta is None and isinstance(entry.value, Decimal) and entry.previous is not None:
            delta = entry.value - entry.previous
        return Reading(value=delta, source=f"{target.link} (delta)", declared=entry.met)
    return Reading(value=entry.value, previous=entry.previous,
                   previous_source=entry.previous_source or ("submission" if entry.previous is not None else ""),
                   previous_from=earlier_file(submission, entry.previous_source) if entry.previous_source else None,
                   assigned=entry.target,
                   assigned_source=f"submission target of {target.link}" if entry.target is not None else "",
                   source=target.link, declared=entry.met)


def earlier_file(submission: Submission, label: str) -> "Message | str":
    """Another year's file that gave last year's value, as a report names it in its language.

    `label` is the entry's `previous_source` (the JSON contract, written by
    ecocheck.submission.history); when it names the file the submission's history came from it
    is said again from that file and year, else kept as it is (a quoted value)."""
    history = submission.meta.get("history")
    if history and label == source_label(history["file"], history["year"], submission.year):
        return earlier_file_message(history["file"], history["year"], submission.year)
    return label


def earlier_file_message(file: str, year: int, current_year: int) -> Message:
    """"kazuo-2019.yaml（2019 年，早 3 年）": the file a later year took last year's values from."""
    gap = current_year - year
    if gap > 1:
        return Message("series.earlier_file_gap", file=file, year=year, gap=gap)
    return Message("series.earlier_file", file=file, year=year)


# ── deciding one goal ─────────────────────────────────────────────────────────────────

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
    said = {"value": value, "op": "≥" if target.direction == "higher" else "≤", "target": tgt}
    met_now = _better(value, tgt, target.direction) >= 0
    if goal.cumulative:
        if not met_now:
            row.status, row.message = BEHIND, Message("progress.ceiling_exceeded", **said)
        elif year >= goal.year:
            row.status, row.message = MET, Message("progress.ceiling_kept", **said)
        else:
            row.status, row.message = ON_TRACK, Message("progress.ceiling_so_far", **said)
        return
    if annual and year < goal.year:
        row.status = ON_TRACK if met_now else BEHIND
        row.message = Message("progress.annual_meets" if met_now else "progress.annual_misses",
                              year=year, goal_year=goal.year, **said)
        return
    if met_now:  # the words evaluate uses for a threshold met
        row.status, row.message = MET, Message("threshold.meets", value=value, op=said["op"], bound=tgt)
        return
    if year >= goal.year:
        row.status, row.message = BEHIND, Message("progress.due_missed", goal_year=goal.year, **said)
        return
    if base is None or start is None:
        row.status, row.message = NOT_YET_DUE, Message("progress.no_path", goal_year=goal.year, **said)
        return
    if year <= start:
        row.status = NOT_YET_DUE
        row.message = Message("progress.base_year", year=year, start=start, goal_year=goal.year)
        return
    expected = base + (tgt - base) * Decimal(year - start) / Decimal(goal.year - start)
    on_path = _better(value, expected, target.direction) >= 0
    row.status = ON_TRACK if on_path else BEHIND
    row.message = Message("progress.on_path" if on_path else "progress.off_path", value=value,
                          expected=expected.quantize(_PLACES).normalize(), year=year, base=base, start=start,
                          target=tgt, goal_year=goal.year)


def _number_or_missing(reading: Reading, row: Row) -> Decimal | None:
    """The reading's number, or None with the row marked missing and the reason said."""
    value = reading.value
    if value is None:
        row.status, row.message = MISSING, Message("value.not_given")
        return None
    if not isinstance(value, Decimal):
        row.status, row.message = MISSING, Message("value.not_number", value=str(value))
        return None
    return value


def _trend(goal: Goal, target: Target, year: int, base_year: int | None, reading: Reading, row: Row) -> None:
    value = _number_or_missing(reading, row)
    if value is None:
        return
    start = target.base.year or base_year
    from_base = target.base.value is not None
    if from_base:
        reference = target.base.value
        reference_said = Message("progress.reference_base", value=reference, start=start)
        row.target_source = f"base value ({start})"
        row.target_from = Message("progress.from_base", year=start)
    elif reading.previous is not None:
        reference = reading.previous
        row.target_source = f"previous: {reading.previous_source}" if reading.previous_source else "previous"
        row.target_from = Message("progress.from_previous")
        if reading.previous_from is not None:
            reference_said = Message("progress.reference_history", value=reference, source=reading.previous_from)
        else:
            reference_said = Message("progress.reference_previous", value=reference)
    else:
        row.status = MISSING
        row.message = Message("progress.no_reference", field="previous", option="--history")
        return
    row.target = json_number(reference)
    gain = _better(value, reference, target.direction)
    row.distance = json_number((-gain).quantize(_PLACES).normalize())
    ok = gain > 0 if goal.strict else gain >= 0
    change = value - reference
    if ok:
        trend = "trend.improved" if gain > 0 else "trend.stable"
    else:
        trend = "trend.not_improved" if gain == 0 else "trend.worsened"
    said = Message("progress.compared", value=value, reference=reference_said,
                   trend=Message(trend, sign="+" if change >= 0 else "", change=change))
    if ok:
        row.status, row.message = MET, said
    elif from_base and start is not None and year <= start:
        row.status = NOT_YET_DUE
        row.message = Message("progress.trend_base_year", reason=said, year=year, goal_year=goal.year)
    else:
        row.status, row.message = BEHIND, said


def _state(goal: Goal, target: Target, year: int, reading: Reading, row: Row) -> None:
    value = reading.value
    if value is None:
        row.status, row.message = MISSING, Message("state.not_given")
        return
    words = Joined(list(goal.accept), "sep.words")  # the plan's own words, quoted
    shown = str(value) if not isinstance(value, Decimal) else value
    if Qualitative(accept=goal.accept).classify(str(value)) == PASS:
        row.status, row.message = MET, Message("state.is", value=shown, requirement=words)
    elif year >= goal.year:
        row.status = BEHIND
        row.message = Message("progress.state_due_missed", goal_year=goal.year, value=shown, requirement=words)
    else:
        row.status = NOT_YET_DUE
        row.message = Message("progress.state_not_yet", value=shown, requirement=words, goal_year=goal.year)


def assess(plan: Plan, target: Target, goal: Goal, submission: Submission, reading: Reading,
           assigned: dict[str, Decimal] | None = None) -> Row:
    """The status of one goal of one target for this submission."""
    row = Row(plan=plan.id, target_id=target.id, name=target.name, unit=target.unit, attribute=target.attribute,
              direction=target.direction, goal_year=goal.year, kind=goal.kind, printed=goal.printed,
              column=goal.column, status=MISSING,
              value=json_number(reading.value) if isinstance(reading.value, Decimal) else reading.value,
              value_source=reading.source, base_year=target.base.year or plan.base_year,
              base_value=json_number(target.base.value), base_printed=target.base.printed,
              source=f"{target.source.doc}:{goal.line or target.source.line or ''}".rstrip(":"),
              note="；".join(n for n in (target.note, target.base.note, goal.note) if n), name_en=target.name_en,
              citation=_citations(target.source), table=target.source.table, item=target.source.item)
    applies, why = target.applies_to(submission.level, submission.profile.coastal)
    if not applies:
        row.status, row.message = NOT_APPLICABLE, why
        return row
    if reading.not_applicable:
        row.status = NOT_APPLICABLE
        row.message = (Message("declared.not_applicable", note=reading.note) if reading.note
                       else Message("progress.declared_not_applicable"))
        return row
    year, base_year = submission.year, plan.base_year
    if goal.kind == "none":
        row.status = NO_TARGET
        row.message = (Message("progress.nothing_measurable", printed=goal.printed) if goal.printed
                       else Message("progress.blank"))
        return row
    if goal.kind == "value":
        row.target_source = "plan"
        _numeric(goal, target, goal.value, year, base_year, reading, row)
    elif goal.kind == "superior":
        tgt, label, annual = _assigned(target, goal, reading, assigned or {})
        if tgt is None:
            row.status = SUPERIOR_MISSING
            row.message = Message("progress.superior_missing", printed=goal.printed, option="--assign", key=target.id)
            return row
        row.target_source = label
        row.target_from = _target_from(label)
        _numeric(goal, target, tgt, year, base_year, reading, row, annual=annual)
    elif goal.kind == "trend":
        _trend(goal, target, year, base_year, reading, row)
    elif goal.kind == "state":
        _state(goal, target, year, reading, row)
    if reading.declared is not None and row.status == MISSING:
        declared = Message("declared.met" if reading.declared else "declared.not_met")
        row.message = Message("progress.only_declared", reason=row.message, declared=declared)
    return row


def _target_from(label: str) -> Message:
    """An assigned target's source, one of the labels `_assigned` gives (the JSON's
    `target_source`), as the 目标值 cell says it in the report's language."""
    if label.startswith("--"):
        return Message("progress.from_option", option=label)
    if label == "plan_values":
        return Message("progress.from_plan_values", field="plan_values")
    return Message("progress.from_submission")


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
    warnings: list[Message] = []
    if not region_match:
        warnings.append(Message("progress.other_region", plan_region=plan.region, region=submission.region))
    if submission.level not in plan.checks:
        warnings.append(Message("progress.other_level", levels=Joined([_level(lvl) for lvl in plan.checks], "sep.words"),
                                level=_level(submission.level)))
    known = {t.id for t in plan.targets} | {normalize_text(t.name) for t in plan.targets}
    for key in assigned or {}:
        if key.split("@")[0] not in known:
            warnings.append(Message("progress.unknown_target", option="--assign", key=key, plan=plan.id,
                                    target=key.split("@")[0]))
    return Progress(plan_id=plan.id, plan_title=plan.title, plan_region=plan.region,
                    plan_source=str(plan.source), plan_citation=_citations(plan.source),
                    base_year=plan.base_year, target_year=plan.target_year,
                    region=submission.region, level=submission.level, year=submission.year,
                    file=submission.file, rows=rows, region_match=region_match, warnings=warnings,
                    plan_title_en=plan.title_en)


def _citations(source: Any) -> tuple[str, str]:
    """A SourceRef's citation in zh and en, made once per target."""
    return source.citation("zh"), source.citation("en")


def _level(level: str) -> "Message | str":
    """A level of government in the report's language (a word the catalogue does not know, as it is)."""
    key = f"level.{level}"
    return Message(key) if key in CATALOGUE else level


__all__ = ["progress", "assess", "read_target", "earlier_file_message", "Progress", "Row", "Reading", "STATUSES",
           "STATUS_WORDS"]
