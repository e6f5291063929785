"""trend: 保持稳定或持续改善 / 不降低 / 减少: this year against last year in the indicator's direction."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.words import FAIL, MISSING, PASS
from ecocheck.library.kinds import Criterion, rounded

if TYPE_CHECKING:  # only annotations use it
    import random


_PREVIOUS_NOT_GIVEN = Message("previous.not_given")
_VALUE_NOT_GIVEN = Message("value.this_year_not_given")
_AGREES = Decimal("0.005")  # a given delta may differ from value − previous by rounding


def change_from_last_year(entry: Entry) -> tuple[Decimal | None, Message | None]:
    """The change from last year: value − previous, or the `delta` the submission gives
    (with why it is unknown when it is)."""
    if entry.value is not None and entry.previous is not None and isinstance(entry.value, Decimal):
        computed = entry.value - entry.previous
        if entry.delta is not None and abs(entry.delta - computed) > _AGREES:
            return None, Message("delta.disagrees", delta=entry.delta, computed=computed)
        return computed, None
    if entry.delta is not None:
        return entry.delta, None
    if entry.value is None:  # last year's value alone says nothing about the change
        return None, _VALUE_NOT_GIVEN
    return None, _PREVIOUS_NOT_GIVEN


@dataclass(frozen=True)
class Trend(Criterion):
    KIND: ClassVar[str] = "trend"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "trend", "direction": "higher"}
    direction: str = "higher"  # which way is better
    strict: bool = False  # 减少: must actually move in the better direction

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Trend":
        return cls(text=spec.get("text", ""), direction=spec["direction"], strict=spec.get("strict", False))

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        delta, why = change_from_last_year(entry)
        if delta is None:
            return Outcome(MISSING, why)
        signed = delta if self.direction == "higher" else -delta
        sign = "+" if delta >= 0 else ""
        if signed > 0:
            return Outcome(PASS, Message("trend.improved", sign=sign, change=delta))
        if signed < 0:
            return Outcome(FAIL, Message("trend.worsened", sign=sign, change=delta))
        if self.strict:
            return Outcome(FAIL, Message("trend.not_improved", sign=sign, change=delta))
        return Outcome(PASS, Message("trend.stable", sign=sign, change=delta))

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def better_direction(self) -> str | None:
        return self.direction

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        if lang == "zh":
            if self.text:
                return self.text
            if self.strict:
                return "减少" if self.direction == "lower" else "提高"
            return "保持稳定或持续改善"
        if self.strict:
            return "reduced" if self.direction == "lower" else "increased"
        return "stable or improving"

    def decided_en(self) -> str:
        better = "higher" if self.direction == "higher" else "lower"
        lower = self.direction == "lower"
        rel = ("<" if lower else ">") if self.strict else ("≤" if lower else "≥")
        return f"value {rel} previous (last year's value; {better} is better)"

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        if self.strict:
            rel, words = ("<", "须比上年减少") if self.direction == "lower" else (">", "须比上年提高")
        else:
            rel, words = (("≤", "越低越好，持平亦可") if self.direction == "lower"
                          else ("≥", "越高越好，持平亦可"))
        return f"value {rel} previous（上年值；{words}）", ["previous"]

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        previous = rng.uniform(20, 90)
        better = 1 if self.direction == "higher" else -1
        step = rng.uniform(0.1, 3)
        value = previous + better * step if good else previous - better * step
        return {"value": rounded(value), "previous": rounded(previous)}
