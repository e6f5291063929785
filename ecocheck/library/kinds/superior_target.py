"""superior_target: 完成上级规定的目标任务, the value against the target the superior government assigned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.words import FAIL, MISSING, PASS
from ecocheck.library.kinds import VALUE_NOT_GIVEN, Criterion, rounded

if TYPE_CHECKING:  # only annotations use it
    import random

_TARGET_NOT_GIVEN = Message("target.not_given")


@dataclass(frozen=True)
class SuperiorTarget(Criterion):
    KIND: ClassVar[str] = "superior_target"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "superior_target", "direction": "higher"}
    direction: str = "higher"  # higher: value ≥ target; lower: value ≤ target

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "SuperiorTarget":
        return cls(text=spec.get("text", ""), direction=spec["direction"])

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        if entry.target is None:
            return Outcome(MISSING, _TARGET_NOT_GIVEN)
        value, target = entry.value, entry.target
        if value is None:
            return Outcome(MISSING, VALUE_NOT_GIVEN)
        higher = self.direction == "higher"
        if value >= target if higher else value <= target:
            return Outcome(PASS, Message("target.meets", value=value, op="≥" if higher else "≤", target=target))
        return Outcome(FAIL, Message("target.misses", value=value, op="≥" if higher else "≤", target=target))

    def needs(self) -> list[str]:
        return ["value", "target"]

    def better_direction(self) -> str | None:
        return self.direction

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        if lang == "zh":
            return self.text or "完成上级规定的目标任务"
        return "meets the target the superior government assigned"

    def decided_en(self) -> str:
        rel = "≥" if self.direction == "higher" else "≤"
        return f"value {rel} target (the superior government's assigned target)"

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        rel = "≥" if self.direction == "higher" else "≤"
        return f"value {rel} target（上级下达的目标值）", ["target"]

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        higher = self.direction == "higher"
        if given and given.get("value") is not None:  # a sibling part drew the value: set the target by it
            margin = rng.uniform(0.1, 3)
            return {"target": rounded(given["value"] - margin if higher == good else given["value"] + margin)}
        target = rng.uniform(40, 95)
        value = target + (1 if good == higher else -1) * rng.uniform(0.1, 4)
        return {"value": rounded(min(value, 100)), "target": rounded(target)}
