"""Criterion kinds: how a requirement of the standard is decided from a submission's entry.

Each kind declares, in one place, the YAML it is built from, the kind of value it reads,
what a submission must give, how it describes itself and how it decides. Rule files name a
kind with `kind:`; adding a kind means adding a class here and to the rule-file schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar

from ecocheck.base.words import FAIL, MISSING, NOT_APPLICABLE, PASS
from ecocheck.base.entries import Entry, Profile
from ecocheck.base.outcome import Outcome
from ecocheck.base.values import format_number, normalize_text

OPS = {
    ">=": (lambda a, b: a >= b, "≥"),
    "<=": (lambda a, b: a <= b, "≤"),
    ">": (lambda a, b: a > b, ">"),
    "<": (lambda a, b: a < b, "<"),
    "=": (lambda a, b: a == b, "="),
}

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


def _joined(outcomes: list[Outcome]) -> Any:
    """The parts' reasons joined by "；", written when read ("" when no part has one)."""
    said = [o for o in outcomes if o.has_reason]
    if not said:
        return ""
    return lambda: "；".join(o.reason for o in said)


@dataclass(frozen=True)
class Criterion:
    KIND: ClassVar[str] = ""
    VALUE_TYPE: ClassVar[str] = NUMBER
    text: str = ""  # the requirement as printed, when the rule gives one for this part

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, profile: Profile | None = None) -> str:
        return self.text

    def needs(self) -> list[str]:
        """Submission fields that decide this criterion (for docs, templates and explain)."""
        return ["value"]

    def keyed(self) -> bool:
        """True when the requirement depends on the region's profile (level, terrain …)."""
        return False

    def verified_for(self, profile: Profile) -> bool:
        """False when this region's bound is not confirmed by a source document."""
        return True


@dataclass(frozen=True)
class Threshold(Criterion):
    """A number compared with a bound, the bound possibly keyed by a profile class."""

    KIND: ClassVar[str] = "threshold"
    op: str = ">="
    bound: Decimal | None = None
    by: str = ""  # profile key: level, terrain, climate, city_size …
    bounds: tuple[tuple[str, Decimal], ...] = ()
    unit: str = ""
    unverified: tuple[str, ...] = ()  # class values whose bound no source document confirms

    def verified_for(self, profile: Profile) -> bool:
        _, cls = self.resolve(profile)
        return cls not in self.unverified

    def resolve(self, profile: Profile | None) -> tuple[Decimal | None, str]:
        if not self.by:
            return self.bound, ""
        if profile is None:
            return None, ""
        key = profile.level if self.by == "level" else profile.classes.get(self.by)
        for name, bound in self.bounds:
            if name == key:
                return bound, name
        return None, ""

    def keyed(self) -> bool:
        return bool(self.by)

    def describe(self, profile: Profile | None = None) -> str:
        symbol = OPS[self.op][1]
        bound, cls = self.resolve(profile)
        if bound is not None:
            return f"{symbol}{format_number(bound)}" + (f"（{_class_label(cls)}）" if cls else "")
        return "；".join(f"{_class_label(name)} {symbol}{format_number(b)}" for name, b in self.bounds)

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        bound = self.bound if not self.by else self.resolve(profile)[0]
        if bound is None:
            return Outcome(MISSING, f"profile.{self.by} is not given, so the threshold is unknown "
                                    f"(须在 profile 中注明 {self.by})")
        value = entry.value
        if value is None:
            return Outcome(MISSING, "no value given (未提供数值)")
        test, symbol = OPS[self.op]
        ok = test(value, bound)
        return Outcome(PASS if ok else FAIL, lambda: (f"{format_number(value)} {'meets' if ok else 'does not meet'} "
                                                      f"{symbol}{format_number(bound)}"))


_PUNCTUATION = re.compile(r"[\s,，、;；。.:：]+")


@lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    return _PUNCTUATION.sub("", normalize_text(word))


def _class_label(name: str) -> str:
    return {"county": "县", "city": "市"}.get(name, name)


@dataclass(frozen=True)
class Qualitative(Criterion):
    """A state word: accepted words pass, rejected words fail, others are an input error."""

    KIND: ClassVar[str] = "qualitative"
    VALUE_TYPE: ClassVar[str] = TEXT
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()

    def classify(self, word: str) -> str | None:
        """PASS / FAIL for a known state word, None for an unknown one.

        Words are compared without punctuation or spaces (Word and Excel differ in "，" vs
        "、"), and a leading 已/已经 ("already") is ignored: 已建立 means 建立.
        """
        verdict = self._vocabulary().get(_word_key(word))
        if verdict is not None:
            return verdict
        text = _word_key(word)
        for prefix in ("已经", "已", "均已"):
            if text.startswith(prefix) and len(text) > len(prefix):
                verdict = self._vocabulary().get(text[len(prefix):])
                if verdict is not None:
                    return verdict
        return None

    def _vocabulary(self) -> dict[str, str]:
        """Normalised word → verdict, built once per rule (accepted words win a tie)."""
        cached = self.__dict__.get("_vocab")
        if cached is None:
            cached = {_word_key(w): FAIL for w in self.reject} | {_word_key(w): PASS for w in self.accept}
            object.__setattr__(self, "_vocab", cached)
        return cached

    def describe(self, profile: Profile | None = None) -> str:
        return self.text or self.accept[0]

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        value = entry.value
        if value is None:
            return Outcome(MISSING, "no state given (未填写)")
        verdict = self.classify(str(value))
        if verdict is None:  # the loader rejects unknown words; kept as a guard
            return Outcome(MISSING, f"unrecognised state {value!r}")
        return Outcome(verdict, lambda: f"“{value}” {'is' if verdict == PASS else 'is not'} “{self.describe()}”")


@dataclass(frozen=True)
class SuperiorTarget(Criterion):
    """完成上级规定的目标任务: the value against the target the superior government assigned."""

    KIND: ClassVar[str] = "superior_target"
    direction: str = "higher"  # higher: value ≥ target; lower: value ≤ target

    def describe(self, profile: Profile | None = None) -> str:
        return self.text or "完成上级规定的目标任务"

    def needs(self) -> list[str]:
        return ["value", "target"]

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        if entry.target is None:
            return Outcome(MISSING, "superior's assigned target not given (缺上级下达目标值 target)")
        value, target = entry.value, entry.target
        if value is None:
            return Outcome(MISSING, "no value given (未提供数值)")
        ok = value >= target if self.direction == "higher" else value <= target
        symbol = "≥" if self.direction == "higher" else "≤"
        return Outcome(PASS if ok else FAIL, lambda: (f"{format_number(value)} {'meets' if ok else 'misses'} "
                                                      f"target {symbol}{format_number(target)}"))


def _delta(entry: Entry) -> tuple[Decimal | None, str]:
    """The change from last year: value − previous, or the `delta` the submission gives."""
    if entry.value is not None and entry.previous is not None and isinstance(entry.value, Decimal):
        computed = entry.value - entry.previous
        if entry.delta is not None and abs(entry.delta - computed) > Decimal("0.005"):
            return None, (f"delta {format_number(entry.delta)} disagrees with value − previous = "
                          f"{format_number(computed)}")
        return computed, ""
    if entry.delta is not None:
        return entry.delta, ""
    return None, "last year's value not given (缺上年数值 previous)"


@dataclass(frozen=True)
class Trend(Criterion):
    """保持稳定或持续改善 / 不降低 / 减少: this year against last year in the indicator's direction."""

    KIND: ClassVar[str] = "trend"
    direction: str = "higher"  # which way is better
    strict: bool = False  # 减少: must actually move in the better direction

    def describe(self, profile: Profile | None = None) -> str:
        if self.text:
            return self.text
        if self.strict:
            return "减少" if self.direction == "lower" else "提高"
        return "保持稳定或持续改善"

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        delta, why = _delta(entry)
        if delta is None:
            return Outcome(MISSING, why)
        signed = delta if self.direction == "higher" else -delta
        ok = signed > 0 if self.strict else signed >= 0
        if ok:
            word = "improved" if signed > 0 else "stable"
        else:
            word = "worsened" if signed < 0 else "not reduced"
        return Outcome(PASS if ok else FAIL,
                       lambda: f"change {'+' if delta >= 0 else ''}{format_number(delta)} ({word})")


@dataclass(frozen=True)
class Change(Criterion):
    """A bound on the change from last year, e.g. △EQI ≥ -1, or 提高幅度 ≥ 2."""

    KIND: ClassVar[str] = "change"
    op: str = ">="
    bound: Decimal = Decimal(0)
    symbol: str = "△"

    def describe(self, profile: Profile | None = None) -> str:
        return self.text or f"{self.symbol}{OPS[self.op][1]}{format_number(self.bound)}"

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        delta, why = _delta(entry)
        if delta is None:
            return Outcome(MISSING, why)
        test, symbol = OPS[self.op]
        ok = test(delta, self.bound)
        return Outcome(PASS if ok else FAIL, lambda: (f"{self.symbol}={format_number(delta)} "
                                                      f"{'meets' if ok else 'does not meet'} {symbol}{format_number(self.bound)}"))


@dataclass(frozen=True)
class Band(Criterion):
    """The requirement depends on the county's own current value (its band)."""

    KIND: ClassVar[str] = "band"
    bands: tuple[tuple[str, Decimal, str, Criterion], ...] = ()  # (op, bound, label, criterion)

    def describe(self, profile: Profile | None = None) -> str:
        return self.text or "；".join(f"{label}: {c.describe(profile)}" for _, _, label, c in self.bands)

    def needs(self) -> list[str]:
        return ["value", "previous"]

    def _band_of(self, value: Decimal) -> tuple[str, Criterion] | None:
        for op, bound, label, criterion in self.bands:
            if OPS[op][0](value, bound):
                return label, criterion
        return None  # pragma: no cover - the shipped bands cover every number

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        if entry.value is None:
            return Outcome(MISSING, "current value not given, so its band is unknown (未提供现状值，无法确定适用档次)")
        if not isinstance(entry.value, Decimal):
            return Outcome(MISSING, f"the value “{entry.value}” is not a number (须为数值)")
        now = self._band_of(entry.value)
        if now is None:  # pragma: no cover
            return Outcome(MISSING, f"{format_number(entry.value)} falls in no band")
        last_value = entry.previous if entry.previous is not None else (
            entry.value - entry.delta if entry.delta is not None else None)
        before = self._band_of(last_value) if last_value is not None else None
        bands = [now] if before is None or before[0] == now[0] else [before, now]
        # The standard does not say whether last year's or this year's rate picks the band; when
        # they differ, both readings must hold, so a verdict never rests on the kinder one.
        outcomes = [(label, criterion.evaluate(entry, profile)) for label, criterion in bands]
        statuses = {o.status for _, o in outcomes}
        status = FAIL if FAIL in statuses else MISSING if MISSING in statuses else PASS

        def reason() -> str:
            said = "；".join(f"{label}: {o.reason}" for label, o in outcomes)
            if len(outcomes) > 1:
                said = f"last year's and this year's rates fall in different bands, both must hold (跨档，两档要求均须满足): {said}"
            return said
        return Outcome(status, reason, any(o.declared for _, o in outcomes))


@dataclass(frozen=True)
class AllOf(Criterion):
    """Compound requirement joined by "；" in the standard: every part must hold."""

    KIND: ClassVar[str] = "all_of"
    parts: tuple[Criterion, ...] = ()

    def describe(self, profile: Profile | None = None) -> str:
        return self.text or "；".join(p.describe(profile) for p in self.parts)

    def needs(self) -> list[str]:
        seen: list[str] = []
        for part in self.parts:
            seen += [f for f in part.needs() if f not in seen]
        return seen

    def evaluate(self, entry: Entry, profile: Profile) -> Outcome:
        return combine([p.evaluate(entry, profile) for p in self.parts])

    def keyed(self) -> bool:
        return any(p.keyed() for p in self.parts)

    def verified_for(self, profile: Profile) -> bool:
        return all(p.verified_for(profile) for p in self.parts)


KINDS: dict[str, type[Criterion]] = {
    cls.KIND: cls for cls in (Threshold, Qualitative, SuperiorTarget, Trend, Change, Band, AllOf)
}


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def build(spec: dict[str, Any]) -> Criterion:
    """Build a criterion from its (schema-validated) rule-file mapping."""
    kind = spec["kind"]
    text = spec.get("text", "")
    if kind == "threshold":
        if "by" in spec:
            bounds = tuple((str(k), _dec(v)) for k, v in spec["values"].items())
            return Threshold(text=text, op=spec["op"], by=spec["by"], bounds=bounds,
                             unit=spec.get("unit", ""), unverified=tuple(spec.get("unverified", ())))
        return Threshold(text=text, op=spec["op"], bound=_dec(spec["value"]), unit=spec.get("unit", ""))
    if kind == "qualitative":
        return Qualitative(text=text, accept=tuple(spec["accept"]), reject=tuple(spec.get("reject", ())))
    if kind == "superior_target":
        return SuperiorTarget(text=text, direction=spec["direction"])
    if kind == "trend":
        return Trend(text=text, direction=spec["direction"], strict=spec.get("strict", False))
    if kind == "change":
        return Change(text=text, op=spec["op"], bound=_dec(spec["value"]), symbol=spec.get("symbol", "△"))
    if kind == "band":
        bands = tuple((b["op"], _dec(b["value"]), b["label"], build(b["criterion"])) for b in spec["bands"])
        return Band(text=text, bands=bands)
    if kind == "all_of":
        return AllOf(text=text, parts=tuple(build(p) for p in spec["parts"]))
    raise KeyError(kind)  # the schema rejects unknown kinds before we get here


def value_type(criterion: Criterion) -> str:
    """NUMBER or TEXT: what kind of value the criterion reads (computed once per criterion)."""
    cached = criterion.__dict__.get("_value_type")
    if cached is None:
        if isinstance(criterion, AllOf):
            types = {value_type(p) for p in criterion.parts}
            cached = types.pop() if len(types) == 1 else NUMBER
        else:
            cached = criterion.VALUE_TYPE
        object.__setattr__(criterion, "_value_type", cached)
    return cached


__all__ = ["Criterion", "KINDS", "build", "combine", "value_type", "NUMBER", "TEXT"]
