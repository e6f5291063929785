"""band: the requirement depends on the county's own current value (the band it falls in)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, NamedTuple, TYPE_CHECKING

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Joined, Message
from ecocheck.base.outcome import Outcome
from ecocheck.base.words import FAIL, MISSING, PASS
from ecocheck.library.kinds import OPS, Criterion, build, decimal, rounded

if TYPE_CHECKING:  # only annotations use it
    import random


_VALUE_NOT_GIVEN = Message("band.value_not_given")


class BandRow(NamedTuple):
    """One band: values `op bound` fall in it and must meet `criterion`."""

    op: str
    bound: Decimal
    label: str
    criterion: Criterion


class _BandRequirement(NamedTuple):
    """A band and its requirement as the report's language writes it (a parameter of a reason)."""

    band: BandRow
    profile: Profile

    def render(self, lang: str) -> str:
        return f"{self.band.label}{'：' if lang == 'zh' else ': '}{self.band.criterion.describe(self.profile, lang)}"


@dataclass(frozen=True)
class Band(Criterion):
    KIND: ClassVar[str] = "band"
    EXAMPLE: ClassVar[dict[str, Any]] = {"kind": "band", "bands": [
        {"op": "<=", "value": 60, "label": "综合利用率≤60%的地区",
         "criterion": {"kind": "change", "op": ">=", "value": 2, "unit": "%", "symbol": "提高幅度"}},
        {"op": ">", "value": 60, "label": "综合利用率＞60%的地区",
         "criterion": {"kind": "trend", "direction": "higher"}}]}
    bands: tuple[BandRow, ...] = ()

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> "Band":
        return cls(text=spec.get("text", ""), bands=tuple(
            BandRow(b["op"], decimal(b["value"]), b["label"], build(b["criterion"])) for b in spec["bands"]))

    @classmethod
    def sub_specs(cls, spec: dict[str, Any]) -> list[tuple[tuple, dict[str, Any]]]:
        return [(("bands", j, "criterion"), band["criterion"]) for j, band in enumerate(spec["bands"])]

    def children(self) -> tuple[Criterion, ...]:
        return tuple(band.criterion for band in self.bands)

    def _band_of(self, value: Decimal) -> BandRow | None:
        for band in self.bands:
            if OPS[band.op][0](value, band.bound):
                return band
        return None  # pragma: no cover - the shipped bands cover every number

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        if entry.value is None:
            if entry.met_bands:  # the cell restates one band's requirement: which band applies is unknown
                said = [band.label for i, band in enumerate(self.bands) if i in entry.met_bands]
                other = [_BandRequirement(band, profile) for i, band in enumerate(self.bands) if i not in entry.met_bands]
                return Outcome(MISSING, Message("band.part_declared", note=entry.note, declared=Joined(said, "sep.words"),
                                                other=Joined(other, "sep.words")))
            return Outcome(MISSING, _VALUE_NOT_GIVEN)
        if not isinstance(entry.value, Decimal):
            return Outcome(MISSING, Message("value.not_number", value=entry.value))
        now = self._band_of(entry.value)
        if now is None:  # pragma: no cover
            return Outcome(MISSING, Message("band.none", value=entry.value))
        last_value = entry.previous if entry.previous is not None else (
            entry.value - entry.delta if entry.delta is not None else None)
        before = self._band_of(last_value) if last_value is not None else None
        bands = [now] if before is None or before.label == now.label else [before, now]
        # The standard does not say whether last year's or this year's rate picks the band; when
        # they differ, both readings must hold, so a verdict never rests on the kinder one.
        outcomes = [band.criterion.evaluate(entry, profile) for band in bands]
        statuses = {o.status for o in outcomes}
        status = FAIL if FAIL in statuses else MISSING if MISSING in statuses else PASS
        readings = [Message("band.reading", label=band.label, reason=o) for band, o in zip(bands, outcomes)]
        reason = readings[0] if len(readings) == 1 else Message("band.both", readings=Joined(readings))
        return Outcome(status, reason, any(o.declared for o in outcomes))

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def describe(self, profile: Profile | None = None, lang: str = "zh") -> str:
        if lang == "zh":
            return self.text or "；".join(f"{band.label}: {band.criterion.describe(profile)}" for band in self.bands)
        return "; ".join(f"{band.label}: {band.criterion.describe(profile, lang)}" for band in self.bands)

    def decided_en(self) -> str:
        return "by the region's own current value: " + "; ".join(
            f"{band.label} → {band.criterion.decided_en()}" for band in self.bands)

    def condition_zh(self, names: dict[str, str]) -> tuple[str, list[str]]:
        parts, missing = [], []
        for band in self.bands:
            condition, needs = band.criterion.condition_zh(names)
            parts.append(f"{band.label} {condition}")
            missing += [n for n in needs if n not in missing]
        return "按本年 value 所在档次——" + "；".join(parts), missing

    def anchors(self, profile: Profile) -> list[Decimal]:
        return [a for band in self.bands for a in (band.bound, *band.criterion.anchors(profile))]

    def draw(self, profile: Profile, rng: random.Random, good: bool,
             given: dict[str, Any] | None = None) -> dict[str, Any]:
        previous = rng.uniform(30, 95)
        step = rng.uniform(2, 4) if good else -rng.uniform(0.1, 2)
        return {"value": rounded(min(previous + step, 100)),
                "previous": rounded(min(previous, 100 - step if step > 0 else 100))}
