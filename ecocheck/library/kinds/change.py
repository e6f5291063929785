"""change: a bound on the change from last year, e.g. △EQI ≥ -1, or 提高幅度 ≥ 2."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.values import format_number
from ecocheck.base.words import FAIL, MISSING, PASS
from ecocheck.library.kinds import BETTER, OPS, Criterion, decimal, rounded
from ecocheck.library.kinds.trend import change_from_last_year

if TYPE_CHECKING:  # only annotations use it
    import random


@dataclass(frozen=True)
class Change(Criterion):
    KIND: ClassVar[str] = "change"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "change", "op": ">=", "value": -1, "unit": "-", "symbol": "△EQI"}
    op: str = ">="
    bound: Decimal = Decimal(0)
    symbol: str = "△"

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Change":
        return cls(text=spec.get("text", ""), op=spec["op"], bound=decimal(spec["value"]),
                   symbol=spec.get("symbol", "△"))

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        delta, why = change_from_last_year(entry)
        if delta is None:
            return Outcome(MISSING, why)
        test, symbol = OPS[self.op]
        ok = test(delta, self.bound)
        return Outcome(PASS if ok else FAIL, Message("change.meets" if ok else "change.misses", symbol=self.symbol,
                                                     change=delta, op=symbol, bound=self.bound))

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def takes_delta(self) -> bool:
        return True

    def better_direction(self) -> str | None:
        return BETTER.get(self.op)

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        condition = f"{self.symbol}{OPS[self.op][1]}{format_number(self.bound)}"
        return (self.text or condition) if lang == "zh" else condition

    def decided_en(self) -> str:
        return f"value − previous (or delta) {self.op} {self.bound}"

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        return (f"{self.symbol} = value − previous（或直接填 delta）{OPS[self.op][1]} "
                f"{format_number(self.bound)}"), ["previous"]

    def absent_zh(self, missing: list[str]) -> str:
        return "既无 value 与 previous、又未填 delta"  # the change alone (delta) is enough

    def anchors(self, profile: Profile) -> list[Decimal]:
        return [self.bound + Decimal(50)]

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        bound = float(self.bound)
        delta = bound + rng.uniform(0, 2) if good else bound - rng.uniform(0.1, 2)
        previous = rng.uniform(40, 80)
        return {"value": rounded(previous + delta), "previous": rounded(previous)}
