"""threshold: a number compared with a bound, the bound possibly keyed by a profile class."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import CATALOGUE, Joined, Message
from ecocheck.base.names import suggestion
from ecocheck.base.outcome import Outcome
from ecocheck.base.values import format_number
from ecocheck.base.words import FAIL, LEVEL_ZH, MISSING, PASS
from ecocheck.library.kinds import BETTER, OPS, VALUE_NOT_GIVEN, Criterion, SpecProblem, decimal, rounded, unit_suffix

if TYPE_CHECKING:  # only annotations use it
    import random

# How the zh text names the profile classes the standard itself keys thresholds by.
CLASS_ZH = {"level": "级别（县/市）", "terrain": "地区类型 terrain", "climate": "气候区 climate",
            "city_size": "城市规模 city_size"}


def class_name(key: str) -> Message | str:
    """A profile class as a report names it (its key when the catalogue does not know it)."""
    return Message(f"classname.{key}") if f"classname.{key}" in CATALOGUE else key


def _class_label(name: str, lang: str = "zh") -> str:
    return LEVEL_ZH.get(name, name) if lang == "zh" else name


@dataclass(frozen=True)
class Threshold(Criterion):
    KIND: ClassVar[str] = "threshold"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "threshold", "op": ">=", "value": 95, "unit": "%"}
    op: str = ">="
    bound: Decimal | None = None
    by: str = ""  # profile key: level, terrain, climate, city_size …
    bounds: tuple[tuple[str, Decimal], ...] = ()
    unit: str = ""
    unverified: tuple[str, ...] = ()  # class values whose bound no source document confirms

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Threshold":
        text, unit = spec.get("text", ""), spec.get("unit", "")
        if "by" in spec:
            bounds = tuple((str(k), decimal(v)) for k, v in spec["values"].items())
            return cls(text=text, op=spec["op"], by=spec["by"], bounds=bounds, unit=unit,
                       unverified=tuple(spec.get("unverified", ())))
        return cls(text=text, op=spec["op"], bound=decimal(spec["value"]), unit=unit)

    @classmethod
    def spec_problems(cls, spec: dict[str, Any], class_values: dict[str, set[str]]) -> list[SpecProblem]:
        if "by" not in spec:
            return []
        key = spec["by"]
        allowed = class_values.get(key)
        if allowed is None:
            return [SpecProblem(("by",), f"threshold keyed by unknown profile class {key!r}",
                                suggestion(key, list(class_values)) or "declare it under `classes:`",
                                code="rule-class")]
        return [SpecProblem(("values", value_key), f"{value_key!r} is not a value of class {key!r}",
                            suggestion(value_key, allowed) or f"use one of {sorted(allowed)}", key=True,
                            code="rule-class")
                for value_key in spec["values"] if value_key not in allowed]

    def resolve(self, profile: Profile | None) -> tuple[Decimal | None, str]:
        """The bound for this region and the class value that picked it ("" when not keyed)."""
        if not self.by:
            return self.bound, ""
        if profile is None:
            return None, ""
        key = profile.level if self.by == "level" else profile.classes.get(self.by)
        for name, bound in self.bounds:
            if name == key:
                return bound, name
        return None, ""

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        value = entry.value
        if value is None:
            return Outcome(MISSING, VALUE_NOT_GIVEN)
        bound = self.bound if not self.by else self.resolve(profile)[0]
        if bound is None:
            return self._whatever_the_class(value)
        test, symbol = OPS[self.op]
        if test(value, bound):
            outcome = Outcome(PASS, Message("threshold.meets", value=value, op=symbol, bound=bound))
        else:
            outcome = Outcome(FAIL, Message("threshold.misses", value=value, op=symbol, bound=bound))
        source = profile.implied.get(self.by) if self.by else None
        if source is not None:  # the class was read from another one: say so beside the verdict
            outcome = Outcome(outcome.status, Message("class.implied", reason=outcome.message, cls=class_name(self.by),
                                                      source=class_name(source), value=profile.classes[source]))
        return outcome

    def _whatever_the_class(self, value: Any) -> Outcome:
        """The region's class is not given: decided all the same when every class agrees."""
        if not isinstance(value, Decimal):
            return Outcome(MISSING, Message("class.not_given", cls=class_name(self.by)))
        test, symbol = OPS[self.op]
        passing = [name for name, bound in self.bounds if test(value, bound)]
        failing = [name for name, bound in self.bounds if not test(value, bound)]
        if not failing:
            strictest = max if BETTER.get(self.op) == "higher" else min
            return Outcome(PASS, Message("class.every_meets", value=value, cls=class_name(self.by), op=symbol,
                                         bound=strictest(bound for _, bound in self.bounds)))
        if not passing:
            lenient = min if BETTER.get(self.op) == "higher" else max
            return Outcome(FAIL, Message("class.every_misses", value=value, cls=class_name(self.by), op=symbol,
                                         bound=lenient(bound for _, bound in self.bounds)))
        return Outcome(MISSING, Message("class.decides", value=value, cls=class_name(self.by),
                                        passing=Joined(passing, "sep.words"), failing=Joined(failing, "sep.words")))

    def better_direction(self) -> str | None:
        return BETTER.get(self.op)

    def keyed(self) -> bool:
        return bool(self.by)

    def verified_for(self, profile: Profile) -> bool:
        return self.resolve(profile)[1] not in self.unverified

    def class_keys(self) -> set[str]:
        return {self.by} if self.by and self.by != "level" else set()

    def unverified_classes(self) -> set[str]:
        return set(self.unverified)

    def per_class(self, lang: str = "zh") -> list[tuple[str, str, bool]]:
        symbol = OPS[self.op][1]
        return [(_class_label(name, lang) if self.by == "level" else name, f"{symbol}{format_number(bound)}",
                 name not in self.unverified) for name, bound in self.bounds]

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        symbol = OPS[self.op][1]
        bound, cls = self.resolve(profile)
        if bound is not None:
            if not cls:
                return f"{symbol}{format_number(bound)}"
            return f"{symbol}{format_number(bound)}" + (f"（{_class_label(cls)}）" if lang == "zh"
                                                        else f" ({_class_label(cls, lang)})")
        return ("；" if lang == "zh" else "; ").join(f"{_class_label(name, lang)} {symbol}{format_number(b)}"
                                                    for name, b in self.bounds)

    def decided_en(self) -> str:
        if self.by:
            bounds = "；".join(f"{k} {v}" for k, v in self.bounds)
            return f"value {self.op} the bound for the region's {self.by} ({bounds})"
        return f"value {self.op} {self.bound} {self.unit}"

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        symbol = OPS[self.op][1]
        if self.by:
            bounds = "；".join(f"{_class_label(k)} {symbol}{format_number(v)}" for k, v in self.bounds)
            missing = [] if self.by == "level" else [f"profile.{self.by}"]
            label = CLASS_ZH.get(self.by) or f"{names.get(self.by, '分类')} {self.by}"
            return f"value 达到本地区的阈值（按{label}：{bounds}）", missing
        return f"value {symbol} {format_number(self.bound)}{unit_suffix(self.unit)}", []

    def anchors(self, profile: Profile) -> list[Decimal]:
        bound, _ = self.resolve(profile)
        return [] if bound is None else [bound]

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        b = float(self.resolve(profile)[0])
        if self.op in (">=", ">"):
            value = min(100.0, b + rng.uniform(0, 12)) if good else b - rng.uniform(0.1, 10)
            if b >= 100:
                value = 100 if good else rng.uniform(90, 99.9)
        else:
            value = b - rng.uniform(0, 5) if good else b + rng.uniform(0.1, 5)
        return {"value": rounded(max(value, 0) if b >= 0 else value)}
