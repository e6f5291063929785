"""all_of: a compound requirement joined by "；" in the standard: every part must hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.outcome import Outcome
from ecocheck.library.kinds import NUMBER, Criterion, SpecProblem, build, combine

if TYPE_CHECKING:  # only annotations use it
    import random


@dataclass(frozen=True)
class AllOf(Criterion):
    KIND: ClassVar[str] = "all_of"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "all_of", "parts": [
        {"kind": "trend", "direction": "higher"}, {"kind": "superior_target", "direction": "higher"}]}
    parts: tuple[Criterion, ...] = ()

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "AllOf":
        return cls(text=spec.get("text", ""), parts=tuple(build(p) for p in spec["parts"]))

    @classmethod
    def spec_problems(cls, spec: dict[str, Any], class_values: dict[str, set[str]]) -> list[SpecProblem]:
        if len({build(part).value_type() for part in spec["parts"]}) > 1:
            return [SpecProblem((), "all_of mixes numeric and qualitative parts", "split it into sub-items")]
        return []

    @classmethod
    def sub_specs(cls, spec: dict[str, Any]) -> list[tuple[tuple, dict[str, Any]]]:
        return [(("parts", j), part) for j, part in enumerate(spec["parts"])]

    def children(self) -> tuple[Criterion, ...]:
        return self.parts

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        return combine([p.evaluate(entry, profile) for p in self.parts])

    def needs(self) -> list[str]:
        seen: list[str] = []
        for part in self.parts:
            seen += [f for f in part.needs() if f not in seen]
        return seen

    def takes_delta(self) -> bool:
        return any(part.takes_delta() for part in self.parts)

    def value_type(self) -> str:
        types = {part.value_type() for part in self.parts}
        return types.pop() if len(types) == 1 else NUMBER  # the loader rejects a mix

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        if lang == "zh":
            return self.text or "；".join(p.describe(profile) for p in self.parts)
        return "; ".join(p.describe(profile, lang) for p in self.parts)

    def decided_en(self) -> str:
        return "all of: " + "; and ".join(p.decided_en() for p in self.parts)

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        conditions, missing = [], []
        for part in self.parts:
            condition, needs = part.condition_zh(names)
            conditions.append(condition)
            missing += [n for n in needs if n not in missing]
        return " 且 ".join(conditions), missing

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        fields: dict[str, Any] = dict(given or {})
        # parts that read last year's value first, a superior's target last: it is set by the value drawn
        for part in sorted(self.parts, key=lambda p: ("target" in p.needs(), "previous" not in p.needs())):
            fields.update(part.draw(profile, rng, good, fields))
        return fields
