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


# A source's `document: standard`: the row is the standard's own and no document at hand prints it.
STANDARD_KEY = "standard"


@dataclass(frozen=True)
class Standard:
    """The standard an edition encodes, as a reviewer cites it: its title and 文号."""

    title: str  # without 《》
    number: str | None = None  # the 文号; None when no document at hand prints it
    number_verified: bool = True  # False: printed only at second hand (not on the issuing notice)
    note: str = ""

    def citation(self, lang: str = "zh") -> str:
        """《title》（文号）, saying when the 文号 is unconfirmed or unknown."""
        if lang == "zh":
            if self.number is None:
                return f"《{self.title}》（文号未核实）"
            return f"《{self.title}》（{self.number}" + ("" if self.number_verified else "，文号未核实") + "）"
        if self.number is None:
            return f"《{self.title}》 (document number not verified)"
        return f"《{self.title}》 ({self.number}" + ("" if self.number_verified else ", number not verified") + ")"


@dataclass(frozen=True)
class CitedDocument:
    """A document that prints rules' rows (a county plan, …): its title as printed and its tables."""

    key: str  # the short name sources use (`document: tongyu_plan`)
    title: str  # as printed, without 《》
    file: str  # the text the line numbers refer to: a detail, not part of the citation
    qualifier: str = ""  # printed after the title, e.g. (征求意见稿)
    title_line: int | None = None  # where the file prints the title
    tables: tuple[tuple[str, str, int | None], ...] = ()  # (表1 / 附表2 / 专栏1, its heading, line)
    note: str = ""

    def citation(self, table: str = "", item: str = "", lang: str = "zh") -> str:
        """《title》 with the table and the row's 序号 as the document prints them."""
        row = row_citation(table, item, lang)
        return f"《{self.title}》{self.qualifier}" + (row if lang == "zh" or not row else f" {row}")


def row_citation(table: str, item: str, lang: str = "zh") -> str:
    """A row of a document: 附表2 第10项 (en: 附表2 No. 10); a numbered paragraph as printed, e.g. (七)."""
    if not item:
        return table
    if not table:
        return item
    return f"{table} 第{item}项" if lang == "zh" else f"{table} No. {item}"


_UNPRINTED = {"zh": "所据文件均未载此项", "en": "no document at hand prints this row"}


@dataclass(frozen=True)
class SourceRef:
    """Where a rule (or a plan target) comes from.

    `doc`, `line` and `note` are the detail (file and line, as before); the citable parts are the
    standard, the document that prints the row, its table and the row's 序号 (`citation`)."""

    doc: str  # the file the line refers to (for the standard alone: its 文号 or title)
    line: int | None = None
    note: str = ""
    standard: Standard | None = None  # the edition's standard (None for plan targets)
    document: CitedDocument | None = None  # the document that prints the row
    table: str = ""  # 表1 / 附表2 / 专栏1, as printed
    item: str = ""  # the row's 序号 as that table prints it
    key: str = ""  # the `document:` key as written ("" for a bare `doc:` reference)

    def __str__(self) -> str:
        return self.detail + (f" ({self.note})" if self.note else "")

    @property
    def detail(self) -> str:
        """file:line — where ecocheck read it, kept beside the citation."""
        return self.doc + (f":{self.line}" if self.line else "")

    def citation(self, lang: str = "zh") -> str:
        """The citable text: the standard (title and 文号), then the document, 表 and 序号 that
        print the row. Titles stay in Chinese in both languages, so a reviewer can look them up."""
        parts = [self.standard.citation(lang)] if self.standard is not None else []
        if self.document is not None:
            parts.append(self.document.citation(self.table, self.item, lang))
        elif self.key == STANDARD_KEY:
            parts.append(_UNPRINTED[lang])
        else:  # a bare `doc:` reference: all there is
            parts.append(self.detail)
        return ("；" if lang == "zh" else "; ").join(parts)


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
    trend_ways: tuple[tuple[str, str], ...] = ()  # trend phrase → "up" (不降低) or "down" (减少)
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
    document: str = ""  # the standard's 文号 ("" when unknown)
    notes: str = ""
    cells: EditionCells = field(default_factory=EditionCells)
    standard: Standard | None = None  # what a citation names first (rule file `standard:`)
    documents: dict[str, CitedDocument] = field(default_factory=dict)  # rule file `documents:`, by key

    def find(self, key: str) -> Indicator | None:
        """The indicator with this id, official name or alias (a later indicator wins a shared name)."""
        index = _NAMES.get(self)
        if index is None:
            index = _NAMES[self] = {name: ind for ind in self.indicators for name in (ind.id, ind.name, *ind.aliases)}
        return index.get(key)


# Each edition's indicator ids, names and aliases -> the indicator, made when first asked for.
_NAMES: WeakKeyDictionary[Edition, dict[str, Indicator]] = WeakKeyDictionary()
