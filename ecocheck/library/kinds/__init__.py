"""Criterion kinds: how a requirement of the standard is decided from a submission's entry.

Rule files name a kind with `kind:`. Each kind is one module of this package, holding one
Criterion subclass that owns everything about the kind: building itself from its rule-file
spec, deciding, describing itself in zh and en, which way is better, what a submission must
give, the kind of value it reads and example values. The registry finds the modules itself,
so adding a kind touches its module (plus its tests and the kind enum of the rule-file
schema) and nothing else.

This module holds what the kinds share: the comparison operators, `combine`, the base class
and the registry.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Joined, Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.words import FAIL, MISSING, NOT_APPLICABLE, PASS

if TYPE_CHECKING:  # only annotations use it
    import random

OPS = {
    ">=": (lambda a, b: a >= b, "≥"),
    "<=": (lambda a, b: a <= b, "≤"),
    ">": (lambda a, b: a > b, ">"),
    "<": (lambda a, b: a < b, "<"),
    "=": (lambda a, b: a == b, "="),
}
# Which way is better for a value compared with an operator ('=' has no better way).
BETTER = {">=": "higher", ">": "higher", "<=": "lower", "<": "lower"}

NUMBER = "number"
TEXT = "text"


def combine(outcomes: list[Outcome]) -> Outcome:
    """All must hold: any fail fails; else any missing is missing; else pass.

    Not-applicable parts are ignored; if every part is not applicable, so is the whole.
    """
    relevant = [o for o in outcomes if o.status != NOT_APPLICABLE]
    # A part the county itself declared not applicable makes the whole rest on that declaration.
    declared_away = any(o.declared for o in outcomes if o.status == NOT_APPLICABLE)
    if not relevant:
        return Outcome(NOT_APPLICABLE, _joined(outcomes), declared=declared_away)
    for status in (FAIL, MISSING):
        picked = [o for o in relevant if o.status == status]
        if picked:
            return Outcome(status, _joined(picked), declared=any(o.declared for o in picked))
    said = relevant + [o for o in outcomes if o.status == NOT_APPLICABLE and o.declared]
    return Outcome(PASS, _joined(said), declared=declared_away or any(o.declared for o in relevant))


def _joined(outcomes: list[Outcome]) -> Joined | None:
    """The parts' reasons one after another (None when no part has one)."""
    said = [o for o in outcomes if o.message is not None]
    return Joined(said) if said else None


# Reasons that take no parameters: made once, shared by every outcome that gives them.
VALUE_NOT_GIVEN = Message("value.not_given")


def decimal(value: Any) -> Decimal:
    """A rule file's number (int, float or text) as an exact Decimal."""
    return Decimal(str(value))


def unit_suffix(unit: str) -> str:
    """A unit written after a number: "%" closes up, others after a space, "-" not at all."""
    return "" if unit in ("", "-") else ("%" if unit == "%" else f" {unit}")


class SpecProblem(NamedTuple):
    """A mistake in a rule file's criterion that its schema cannot see."""

    path: tuple  # within the criterion's mapping
    message: str
    hint: str = ""
    key: bool = False  # the mistake is the key at `path`, not its value
    code: str = "rule-criterion"


# Examples for a rule: the smallest values (tried in a fixed order) that the rule decides as wanted.
_BASES = (Decimal(90), Decimal(80), Decimal(50), Decimal(100), Decimal(1), Decimal(10))


@dataclass(frozen=True)
class Criterion:
    """One kind of requirement. A subclass sets KIND (its `kind:` in rule files) and EXAMPLE
    (a rule-file spec of it, for the registry's tests) and implements the abstract methods."""

    KIND: ClassVar[str] = ""
    VALUE_TYPE: ClassVar[str] = NUMBER
    EXAMPLE: ClassVar[dict[str, Any]] = {}
    text: str = ""  # the requirement as printed, when the rule gives one for this part

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.KIND:
            _REGISTERED[cls.KIND] = cls

    # ── building and deciding ──

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Criterion":  # pragma: no cover - abstract
        """The criterion a (schema-validated) rule-file mapping of this kind describes."""
        raise NotImplementedError

    @classmethod
    def spec_problems(cls, spec: dict[str, Any], class_values: dict[str, set[str]]) -> list[SpecProblem]:
        """What is wrong with a schema-valid spec of this kind (not its parts), given each
        profile class's values (the level's too)."""
        return []

    @classmethod
    def sub_specs(cls, spec: dict[str, Any]) -> list[tuple[tuple, dict[str, Any]]]:
        """(path within the spec, spec) of each criterion this one is made of."""
        return []

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def children(self) -> tuple["Criterion", ...]:
        """The criteria this one is made of (parts, bands), for what is asked of the whole tree."""
        return ()

    # ── what it reads ──

    def needs(self) -> list[str]:
        """Submission fields that decide this criterion (for docs, templates and explain)."""
        return ["value"]

    def takes_delta(self) -> bool:
        """True when the change itself (`delta`) can stand in for value and previous."""
        return False

    def value_type(self) -> str:
        """NUMBER or TEXT: the kind of value the criterion reads."""
        return self.VALUE_TYPE

    def better_direction(self) -> str | None:
        """Which way is better for the value it reads: "higher", "lower" or None (words, '=')."""
        for child in self.children():
            found = child.better_direction()
            if found:
                return found
        return None

    # ── the region's profile ──

    def keyed(self) -> bool:
        """True when the requirement depends on the region's profile (level, terrain …)."""
        return any(child.keyed() for child in self.children())

    def verified_for(self, profile: Profile) -> bool:
        """False when this region's bound is not confirmed by a source document."""
        return all(child.verified_for(profile) for child in self.children())

    def class_keys(self) -> set[str]:
        """Profile classes (other than the level) the requirement depends on."""
        return set().union(*(child.class_keys() for child in self.children()))

    def unverified_classes(self) -> set[str]:
        """Class values whose bound no source document confirms."""
        return set().union(*(child.unverified_classes() for child in self.children()))

    def per_class(self, lang: str = "zh") -> list[tuple[str, str, bool]]:
        """(class, requirement, verified) for each profile class a keyed bound distinguishes."""
        return [row for child in self.children() for row in child.per_class(lang)]

    # ── describing itself ──

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        """The requirement, as this region reads it when a profile is given."""
        return self.text

    def how_decided(self, lang: str = "en", class_names: dict[str, str] | None = None) -> str:
        """One sentence on how ecocheck decides it (`class_names` names an edition's own
        profile classes, e.g. {"basin": "流域分区"})."""
        if lang != "zh":
            return self.decided_en()
        condition, missing = self.condition_zh(class_names or {})
        return f"达标条件：{condition}；不满足为未达标；{self.absent_zh(missing)} 为缺数据"

    def decided_en(self) -> str:  # pragma: no cover - abstract
        """How it is decided, in English."""
        raise NotImplementedError

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:  # pragma: no cover - abstract
        """The condition it checks, in Chinese, and the fields whose absence makes it 缺数据."""
        raise NotImplementedError

    def absent_zh(self, missing: list[str]) -> str:
        """What a submission leaves out for the verdict to be 缺数据."""
        return "未填 value" + (f" 或缺 {'、'.join(missing)}" if missing else "")

    # ── examples ──

    def anchors(self, profile: Profile) -> list[Decimal]:
        """Numbers near which its verdict turns: where examples are looked for."""
        return [a for child in self.children() for a in child.anchors(profile)]

    def example(self, profile: Profile, status: str, unit: str) -> Any:
        """A value (a number, or a mapping with previous/target) this criterion decides as
        `status` (PASS or FAIL), or None when none is found near its anchors."""
        needs = self.needs()
        anchors = sorted(set(self.anchors(profile)))
        candidates = [*anchors, *(a + d for a in anchors for d in (Decimal(1), Decimal(-1), Decimal("0.5"))),
                      *_BASES]
        percent = unit == "%"
        for v in candidates:
            steps = [v * Decimal("0.02") if abs(v) >= 10 else Decimal("0.02")]
            others = [v - steps[0], v + steps[0], v]
            for previous in (others if "previous" in needs else [None]):
                for target in (others[::-1] if "target" in needs else [None]):
                    numbers = [x for x in (v, previous, target) if x is not None]
                    if percent and any(x < 0 or x > 100 for x in numbers):
                        continue
                    entry = Entry(value=v, previous=previous, target=target)
                    if self.evaluate(entry, profile).status == status:
                        fields = {"value": v, "previous": previous, "target": target}
                        out = {k: _plain(x) for k, x in fields.items() if x is not None}
                        return out["value"] if list(out) == ["value"] else out
        return None

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:  # pragma: no cover - abstract
        """Random submission fields that satisfy (good) or probably violate it, for synthetic
        submissions; `given` holds fields a sibling part already drew."""
        raise NotImplementedError


def _plain(number: Decimal) -> int | float:
    number = number.quantize(Decimal("0.01")).normalize()
    return int(number) if number == number.to_integral_value() else float(number)


def rounded(x: float, places: int = 2) -> float:
    """A drawn number as people write it."""
    return float(round(Decimal(str(x)), places))


_REGISTERED: dict[str, type[Criterion]] = {}


@cache
def registry() -> dict[str, type[Criterion]]:
    """Kind name → class, for every kind module of this package."""
    for module in sorted(Path(__file__).parent.glob("*.py")):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.stem}")
    return dict(_REGISTERED)


def build(spec: dict[str, Any]) -> Criterion:
    """Build a criterion from its (schema-validated) rule-file mapping."""
    return registry()[spec["kind"]].from_spec(spec)


__all__ = ["BETTER", "Criterion", "NUMBER", "OPS", "SpecProblem", "TEXT", "build", "combine", "registry"]
