"""The rule model: editions, their indicators and sub-items, and where each rule comes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from ecocheck.base.entries import Profile
from ecocheck.base.messages import Message
from ecocheck.base.words import BINDING, LEVELS

_LEVEL_ONLY = {level: Message(f"scope.{level}") for level in LEVELS}
_COASTAL_ONLY = Message("scope.coastal")


@dataclass(frozen=True)
class SourceRef:
    doc: str
    line: int | None = None
    note: str = ""

    def __str__(self) -> str:
        text = self.doc + (f":{self.line}" if self.line else "")
        return text + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class SubItem:
    id: str
    name: str
    name_en: str
    unit: str
    requirement: str
    criterion: Any  # ecocheck.library.kinds.Criterion
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    number: int
    name: str
    name_en: str
    domain: str
    task: str
    unit: str
    attribute: str  # 约束性 | 参考性
    levels: tuple[str, ...]  # which levels it applies to: county, city
    coastal_only: bool
    requirement: str  # exactly as printed in the standard
    criterion: Any | None  # None for composites: every item must pass
    items: tuple[SubItem, ...]
    source: SourceRef
    verified: bool = True
    verification_note: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def binding(self) -> bool:
        return self.attribute == BINDING

    def applies_to(self, profile: "Profile") -> tuple[bool, Message | None]:
        """Whether the indicator applies to a region, and why not when it does not."""
        if profile.level not in self.levels:  # then it applies to the other level only
            return False, _LEVEL_ONLY[self.levels[0]]
        if self.coastal_only and not profile.coastal:
            return False, _COASTAL_ONLY
        return True, None


@dataclass(frozen=True)
class ProfileClass:
    """A profile key that thresholds can depend on, e.g. terrain, with its allowed values."""

    key: str
    name: str
    values: dict[str, str]  # canonical Chinese value -> English id
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical


# eq=False: an edition equals only itself and hashes by identity, so that what is worked out once
# per edition (its name index, evaluation layouts, value readers) is kept in dicts keyed by it.
@dataclass(frozen=True, eq=False)
class Edition:
    id: str
    title: str
    title_en: str
    issued: str
    aliases: tuple[str, ...]
    indicator_count: int
    classes: dict[str, ProfileClass]
    indicators: tuple[Indicator, ...]
    file: str
    document: str = ""
    notes: str = ""

    def find(self, key: str) -> Indicator | None:
        """The indicator with this id, official name or alias (a later indicator wins a shared name)."""
        index = _NAMES.get(self)
        if index is None:
            index = _NAMES[self] = {name: ind for ind in self.indicators for name in (ind.id, ind.name, *ind.aliases)}
        return index.get(key)


# Each edition's indicator ids, names and aliases -> the indicator, made when first asked for.
_NAMES: WeakKeyDictionary[Edition, dict[str, Indicator]] = WeakKeyDictionary()
