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
_COASTAL_LEVEL_ONLY = {level: Message(f"scope.coastal_{level}") for level in LEVELS}


@dataclass(frozen=True)
class SourceRef:
    doc: str
    line: int | None = None
    note: str = ""

    def __str__(self) -> str:
        text = self.doc + (f":{self.line}" if self.line else "")
        return text + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class RuleCells:
    """How one rule's cells are read beyond numbers and its state words (rule file `cells:`)."""

    words: tuple[tuple[str, Any], ...] = ()  # a word that stands for a value, e.g. 已消除 → 100
    number_is: str = ""  # "delta": a plain number is the change itself (修订版 △EQI: the table prints −0.45)
    decline_names: tuple[str, ...] = ()  # names under which a plain number is the decrease (…下降幅度)
    delta_within: Any = None  # a change beyond ± this is implausible (an index level given as the change)
    value_range: tuple = ()  # (low, high) the value must lie in, e.g. an index of 0–100
    best: Any = None  # the best possible value (a share of 100 or 0) when the name does not show it is a share
    not_applicable: tuple[str, ...] = ()  # words that say the item does not exist in the region
    change: str = ""  # what a change in words (提高/下降 …) gives: "" the change `delta`; or the value,
    #                   which measures a "decrease" (下降 is +) or an "increase" (提高 is +)
    not_names: tuple[tuple[str, str], ...] = ()  # names that look like this rule's but are not: why


@dataclass(frozen=True)
class EditionCells:
    """The words of an edition's tables that hold for every rule (rule file `cells:` at the top)."""

    no_data: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()
    negative_prefixes: tuple[str, ...] = ()
    negative_words: tuple[str, ...] = ()
    restates: tuple[tuple[str, str], ...] = ()  # phrase → the part of a requirement it restates
    joiners: tuple[str, ...] = ()  # 且 … between two restated phrases
    units: tuple[tuple[str, str], ...] = ()  # spelling → the unit as the rules write it
    minus: tuple[str, ...] = ()
    change_words: tuple[tuple[str, int], ...] = ()  # 提高 → +1, 下降 → -1
    change_prefixes: tuple[str, ...] = ()  # 同比, 较上年 …
    change_fillers: tuple[str, ...] = ()  # 比例, 幅度 … between the word and the number
    points: tuple[str, ...] = ()  # 个百分点
    bounds_before: tuple[tuple[str, str], ...] = ()  # ≥, 不低于 … → op
    bounds_after: tuple[tuple[str, str], ...] = ()  # 以上, 以下 … → op


NO_CELLS = RuleCells()


@dataclass(frozen=True)
class SubItem:
    id: str
    name: str
    name_en: str
    unit: str
    requirement: str
    criterion: Any  # ecocheck.library.kinds.Criterion
    aliases: tuple[str, ...] = ()
    cells: RuleCells = NO_CELLS
    by_unit: tuple = ()  # (unit, criterion): a value in this unit is read by this criterion instead

    def criterion_for(self, entry: Any) -> Any:
        return _criterion_for(self, entry)


def _criterion_for(rule: Any, entry: Any) -> Any:
    """The criterion that reads this entry: the one for the unit its value was given in, else the rule's."""
    unit = getattr(entry, "unit", "")
    if unit:
        for name, criterion in rule.by_unit:
            if name == unit:
                return criterion
    return rule.criterion


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
    cells: RuleCells = NO_CELLS
    by_unit: tuple = ()  # (unit, criterion), as SubItem.by_unit

    def criterion_for(self, entry: Any) -> Any:
        return _criterion_for(self, entry)

    @property
    def binding(self) -> bool:
        return self.attribute == BINDING

    def applies_to(self, profile: "Profile") -> tuple[bool, Message | None]:
        """Whether the indicator applies to a region, and why not when it does not."""
        other_level = profile.level not in self.levels  # then it applies to the other level only
        if self.coastal_only and not profile.coastal:  # an inland county: both reasons, coastal first
            return False, _COASTAL_LEVEL_ONLY[self.levels[0]] if other_level else _COASTAL_ONLY
        if other_level:
            return False, _LEVEL_ONLY[self.levels[0]]
        return True, None


@dataclass(frozen=True)
class ProfileClass:
    """A profile key that thresholds can depend on, e.g. terrain, with its allowed values."""

    key: str
    name: str
    values: dict[str, str]  # canonical Chinese value -> English id
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> canonical
    # when not given: other class -> {its value: this class's value} (2019: 干旱半干旱地区 is one
    # climatic class in the terrain row and the climate row alike)
    implied_by: dict[str, dict[str, str]] = field(default_factory=dict)


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
    cells: EditionCells = field(default_factory=EditionCells)

    def find(self, key: str) -> Indicator | None:
        """The indicator with this id, official name or alias (a later indicator wins a shared name)."""
        index = _NAMES.get(self)
        if index is None:
            index = _NAMES[self] = {name: ind for ind in self.indicators for name in (ind.id, ind.name, *ind.aliases)}
        return index.get(key)


# Each edition's indicator ids, names and aliases -> the indicator, made when first asked for.
_NAMES: WeakKeyDictionary[Edition, dict[str, Indicator]] = WeakKeyDictionary()
