"""Plan-target rule sets: loading `rules/plans/*.yaml` (validated by schema and by meaning).

A plan file carries one plan's targets as the document prints them — the attribute words
(约束性 / 预期性 / 非约束性 …), the base-year value, each target-year cell — plus how ecocheck
measures progress towards each (`kind`) and, when the target is the same quantity as an
indicator of the national standard, that indicator's id so that a submission's values can
be read. The format is described in docs/plans.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ecocheck.base.errors import InputError, Problem
from ecocheck.base.messages import Message
from ecocheck.library.loader import documents_of, source_of, source_problems
from ecocheck.library.model import SourceRef
from ecocheck.base.names import suggestion
from ecocheck.base.values import ValueProblem, normalize_text, parse_number
from ecocheck.base.yamlsafe import Located, load_file


@dataclass(frozen=True)
class Base:
    printed: str
    value: Decimal | None = None
    year: int | None = None
    line: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Goal:
    year: int
    kind: str
    printed: str
    value: Decimal | None = None
    strict: bool = False
    cumulative: bool = False
    accept: tuple[str, ...] = ()
    column: str = ""
    line: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    unit: str
    attribute: str | None
    direction: str
    base: Base
    goals: tuple[Goal, ...]
    source: SourceRef
    indicator: str = ""
    item: str = ""
    read: str = "value"
    levels: tuple[str, ...] = ()
    coastal_only: bool = False
    name_en: str = ""
    note: str = ""

    def applies_to(self, level: str, coastal: bool) -> tuple[bool, Message | None]:
        """Whether the target applies to a region of this level and coast, and if not, why."""
        if self.levels and level not in self.levels:
            # the schema allows county and city only, so a target limited to levels is limited to one
            return False, Message(f"scope.{self.levels[0]}")
        if self.coastal_only and not coastal:
            return False, Message("scope.coastal")
        return True, None

    @property
    def link(self) -> str:
        return f"{self.indicator}/{self.item}" if self.item else self.indicator


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    region: str
    level: str
    base_year: int | None
    target_year: int
    attributes: tuple[str, ...]
    targets: tuple[Target, ...]
    source: SourceRef
    file: str = ""
    title_en: str = ""
    aliases: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    notes: str = ""

    def years(self) -> list[int]:
        return sorted({g.year for t in self.targets for g in t.goals})

    def find(self, key: str) -> Target | None:
        text = normalize_text(key)
        for target in self.targets:
            if text in (target.id, normalize_text(target.name)):
                return target
        return None


def default_plans_dir() -> Path:
    from ecocheck.library.loader import default_rules_dir

    return default_rules_dir() / "plans"


# ── validation ─────────────────────────────────────────────────────────────────────────

def _schema_problems(doc: Located) -> list[Problem]:
    from ecocheck.schemas import validator

    problems = []
    for error in sorted(validator("plan").iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        where = ""
        if len(path) >= 2 and path[0] == "targets" and isinstance(path[1], int):
            try:
                where = f"target {doc.data['targets'][path[1]].get('id', '#' + str(path[1] + 1))}: "
            except (KeyError, IndexError, TypeError, AttributeError):
                where = ""
        message = error.message
        if error.validator in ("if", "allOf", "not") and len(path) >= 4 and path[2] == "goals":
            message = ("a goal's fields do not fit its kind: `value`/`cumulative` only with kind value, "
                       "`strict` only with trend, `accept` only with state; kind value needs `value`")
        elif len(message) > 160:
            message = message[:157] + "..."
        problems.append(doc.problem(path, where + message, code="plan-schema"))
    return problems


def _meaning_problems(doc: Located, library: Any | None) -> list[Problem]:
    data = doc.data
    meta = data["plan"]
    problems: list[Problem] = []
    attributes = meta["attributes"]
    base_year = meta["base_year"]
    seen: dict[str, int] = {}
    for index, target in enumerate(data["targets"]):
        path = ("targets", index)
        tid = target["id"]
        if tid in seen:
            problems.append(doc.problem(path + ("id",), f"target {tid}: duplicate id (also target #{seen[tid] + 1})",
                                        "give each target its own id", code="plan-duplicate"))
        seen.setdefault(tid, index)
        attribute = target.get("attribute")
        if attribute is not None and attribute not in attributes:
            problems.append(doc.problem(path + ("attribute",),
                                        f"target {tid}: attribute {attribute!r} is not one of the plan's words "
                                        f"({' / '.join(attributes) or 'none declared'})",
                                        "add it to plan.attributes as the document prints it, or correct it",
                                        code="plan-attribute"))
        if "item" in target and "indicator" not in target:
            problems.append(doc.problem(path + ("item",), f"target {tid}: `item` needs `indicator`", code="plan-link"))
        for j, goal in enumerate(target["goals"]):
            if base_year is not None and goal["year"] <= base_year:
                problems.append(doc.problem(path + ("goals", j, "year"),
                                            f"target {tid}: goal year {goal['year']} is not after the base year {base_year}",
                                            code="plan-year"))
            if goal["year"] > meta["target_year"]:
                problems.append(doc.problem(path + ("goals", j, "year"),
                                            f"target {tid}: goal year {goal['year']} is after the plan's target year "
                                            f"{meta['target_year']}", code="plan-year"))
        if library is not None and "indicator" in target:
            problems += _link_problems(doc, path, target, library)
    problems += source_problems(doc, "target", data.get("documents", {}), False, code="plan-source")
    return problems


def _link_problems(doc: Located, path: tuple, target: dict, library: Any) -> list[Problem]:
    """The linked indicator (and sub-item) must exist in at least one edition."""
    ind_id, item_id = target["indicator"], target.get("item")
    found_indicator = False
    for edition in library.editions.values():
        ind = edition.find(ind_id)
        if ind is None or ind.id != ind_id:
            continue
        found_indicator = True
        if item_id is None:
            if not ind.items:
                return []
        elif any(item.id == item_id for item in ind.items):
            return []
    tid = target["id"]
    if not found_indicator:
        ids = [i.id for e in library.editions.values() for i in e.indicators]
        return [doc.problem(path + ("indicator",), f"target {tid}: no indicator {ind_id!r} in any edition",
                            suggestion(ind_id, ids) or "`ecocheck rules list` shows the ids", code="plan-link")]
    if item_id is None:
        return [doc.problem(path + ("indicator",), f"target {tid}: indicator {ind_id!r} has sub-items; name one with `item:`",
                            code="plan-link")]
    return [doc.problem(path + ("item",), f"target {tid}: indicator {ind_id!r} has no sub-item {item_id!r}",
                        code="plan-link")]


# ── building ───────────────────────────────────────────────────────────────────────────

def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _build(doc: Located) -> Plan:
    meta = doc.data["plan"]
    documents = documents_of(doc.data.get("documents"))
    targets = []
    for spec in doc.data["targets"]:
        base = spec["base"]
        goals = tuple(
            Goal(year=g["year"], kind=g["kind"], printed=g["printed"], value=_dec(g.get("value")),
                 strict=g.get("strict", False), cumulative=g.get("cumulative", False),
                 accept=tuple(g.get("accept", ())) or ((g["printed"],) if g["kind"] == "state" else ()),
                 column=g.get("column", ""), line=g.get("line"), note=g.get("note", ""))
            for g in spec["goals"]
        )
        applies = spec.get("applies", {})
        targets.append(Target(
            id=spec["id"], name=spec["name"], unit=spec["unit"], attribute=spec.get("attribute"),
            direction=spec["direction"],
            base=Base(printed=base["printed"], value=_dec(base.get("value")), year=base.get("year"),
                      line=base.get("line"), note=base.get("note", "")),
            goals=goals, source=source_of(spec["source"], documents), indicator=spec.get("indicator", ""),
            item=spec.get("item", ""), read=spec.get("read", "value"),
            levels=tuple(applies.get("levels", ())), coastal_only=applies.get("coastal_only", False),
            name_en=spec.get("name_en", ""), note=spec.get("note", ""),
        ))
    level = meta["level"]
    return Plan(
        id=meta["id"], title=meta["title"], region=meta["region"], level=level,
        base_year=meta["base_year"], target_year=meta["target_year"],
        attributes=tuple(meta["attributes"]), targets=tuple(targets), source=source_of(meta["source"], documents),
        file=doc.file, title_en=meta.get("title_en", ""), aliases=tuple(meta.get("aliases", ())),
        checks=tuple(meta.get("checks", ())) or ((level,) if level in ("county", "city") else ("county", "city")),
        notes=meta.get("notes", ""),
    )


def load_plan_file(path: str | Path, library: Any | None = None) -> Plan:
    """One plan from one file; raises InputError listing every problem found.

    With a `library`, each `indicator:`/`item:` link is checked against its editions.
    """
    doc = load_file(path)
    if not isinstance(doc.data, dict):
        raise InputError.single("a plan file must be a mapping with `plan:` and `targets:`",
                                file=doc.file, line=1, column=1, code="plan-schema")
    problems = _schema_problems(doc)
    if not problems:
        problems = _meaning_problems(doc, library)
    if problems:
        raise InputError(problems)
    return _build(doc)


def plan_files(folder: str | Path | None = None) -> list[Path]:
    root = Path(folder) if folder else default_plans_dir()
    if not root.is_dir():
        return []
    return sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))


@cache
def _load_all(files: tuple[str, ...]) -> dict[str, Plan]:
    plans: dict[str, Plan] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            plan = load_plan_file(file)
        except InputError as err:
            problems += err.problems
            continue
        if plan.id in plans:
            problems.append(Problem(f"plan {plan.id!r} is defined twice (also in {plans[plan.id].file})", file,
                                    code="plan-duplicate"))
            continue
        plans[plan.id] = plan
    if problems:
        raise InputError(problems)
    return plans


def load_plans(folder: str | Path | None = None) -> dict[str, Plan]:
    """Every plan in a folder (the shipped rules/plans/ by default), by id."""
    return _load_all(tuple(str(f) for f in plan_files(folder)))


def find_plan(key: str, folder: str | Path | None = None, library: Any | None = None) -> Plan:
    """A plan by id or alias, or from a plan file's path. Raises InputError if unknown.

    A plan file given by path is checked against `library` (its indicator links) when given.
    """
    path = Path(key)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        return load_plan_file(path, library)
    plans = load_plans(folder)
    for plan in plans.values():
        if key == plan.id or key in plan.aliases:
            return plan
    names = [n for p in plans.values() for n in (p.id, *p.aliases)]
    raise InputError.single(f"unknown plan {key!r}", file="--plan", code="usage",
                            hint=(suggestion(key, names) + " " if suggestion(key, names) else "")
                            + f"known plans: {', '.join(sorted(plans)) or 'none'} (`ecocheck progress --list`)")


# ── values for targets outside the standard ───────────────────────────────────────────

@dataclass
class PlanValue:
    """A submission's `plan_values:` entry for one target."""

    value: Any = None  # Decimal or str
    previous: Decimal | None = None
    target: Decimal | None = None
    source: str = ""
    note: str = ""
    line: int = 0


PLAN_VALUE_FIELDS = ("value", "previous", "target", "source", "note")


def read_plan_values(path: str | Path, display: str | None = None) -> dict[str, PlanValue]:
    """The `plan_values:` mapping of a submission file (empty when it has none).

    Keys are target ids or target names; they are matched against a plan later, so an
    unknown key is not an error here (one file may carry values for several plans).
    """
    doc = load_file(path, display)
    data = doc.data if isinstance(doc.data, dict) else {}
    raw = data.get("plan_values")
    if raw is None:
        return {}
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise InputError([doc.problem(("plan_values",), "`plan_values` must be a mapping of target id → value",
                                      code="value-type")])
    out: dict[str, PlanValue] = {}
    for key, spec in raw.items():
        path_ = ("plan_values", key)
        entry = PlanValue(line=doc.key_mark(path_)[0])
        fields = spec if isinstance(spec, dict) else {"value": spec}
        for name, value in fields.items():
            if name not in PLAN_VALUE_FIELDS:
                problems.append(doc.problem(path_ + (name,), f"unknown field {name!r} in plan_values.{key}",
                                            suggestion(str(name), PLAN_VALUE_FIELDS) or
                                            f"allowed: {', '.join(PLAN_VALUE_FIELDS)}", key=True, code="unknown-field"))
                continue
            if name in ("source", "note"):
                setattr(entry, name, "" if value is None else str(value))
                continue
            if value is None:
                continue
            try:
                number = parse_number(value)
            except ValueProblem as problem:
                problems.append(doc.problem(path_ + ((name,) if isinstance(spec, dict) else ()),
                                            Message("input.named", name=f"plan_values.{key}", message=problem.message),
                                            problem.hint, code=problem.code))
                continue
            if number is None and name == "value" and isinstance(value, str):
                entry.value = normalize_text(value)  # a state word, e.g. 成功创建
            elif number is None:
                problems.append(doc.problem(path_ + ((name,) if isinstance(spec, dict) else ()),
                                            f"plan_values.{key}.{name} must be a number, not {value!r}",
                                            code="value-type"))
            else:
                setattr(entry, name, number)
        out[normalize_text(str(key))] = entry
    if problems:
        raise InputError(problems)
    return out


__all__ = ["Plan", "Target", "Goal", "Base", "PlanValue", "load_plan_file", "load_plans",
           "find_plan", "plan_files", "read_plan_values", "default_plans_dir"]
