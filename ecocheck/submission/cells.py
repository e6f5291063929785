"""One table cell, read as the standard's tables print it: `≥95%`, `不降低`, `-0.45`, `39 μg/m3`, `已消除`.

Every word comes from the rule files (`cells:` of an edition and of each rule, see
docs/en/pasting.md); this module only knows the shapes a cell can take. It says what a cell
states — a number (with its unit and a bracket note), a change in words, a restated requirement,
an echoed threshold, a negative statement, a declaration that the item does not apply, no data,
or plain words — and leaves it to the submission reader to fit that to the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from weakref import WeakKeyDictionary

from ecocheck.base.values import normalize_text
from ecocheck.library.model import Edition, EditionCells, RuleCells

# What a cell states (Reading.kind)
EMPTY = "empty"  # no data: blank, —, 暂无 …
NUMBER = "number"  # a number, perhaps with a unit: 39 μg/m3, 58.39（国土三调）
CHANGE = "change"  # a change in words: 增加13.66%, 提高2个百分点 (number: + up, - down)
BOUND = "bound"  # an echoed threshold: ≥95%, 90%以上 (op, number)
RESTATED = "restated"  # the requirement restated: 不降低, 完成上级规定的目标任务 (parts)
NEGATIVE = "negative"  # a negative statement: 尚未…, 未开展, 否
NOT_APPLICABLE = "not_applicable"  # 不涉及, 无特有性指示性水生物种
WORDS = "words"  # anything else: a state word for a qualitative rule, else not readable
UNIT = "unit"  # a number with a unit that is not the rule's (unit: the one written)

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_LEADING_NUMBER = re.compile(rf"^({_NUMBER})\s*(.*)$")
_BRACKET_NOTE = re.compile(r"^(.+?)\s*[(\[【]([^()\[\]【】]*)[)\]】]$")
_SPLIT = re.compile(r"[;,、。]")


@dataclass(frozen=True, slots=True)
class Reading:
    kind: str
    text: str  # the cell as normalised (what a note or reason quotes)
    number: Decimal | None = None
    unit: str = ""  # the unit as the rules write it ("" when the cell gave none)
    note: str = ""  # a bracket note: 58.39（国土三调） → 国土三调
    op: str = ""  # BOUND: >=, <=, >, <
    parts: tuple[str, ...] = ()  # RESTATED: the kinds of requirement part restated ("all": the whole)
    way: str = ""  # RESTATED trend: "up" (不降低), "down" (减少), "" no worse (保持稳定), "both" (the phrases disagree)


class CellWords:
    """An edition's cell vocabulary, prepared once for matching."""

    def __init__(self, cells: EditionCells) -> None:
        key = _key
        self.no_data = frozenset(key(w) for w in cells.no_data)
        self.not_applicable = frozenset(key(w) for w in cells.not_applicable)
        self.negative_prefixes = tuple(key(w) for w in cells.negative_prefixes)
        self.negative_words = frozenset(key(w) for w in cells.negative_words)
        self.restates: dict[str, str] = {}
        for word, part in cells.restates:
            self.restates.setdefault(key(word), part)
        self.trend_ways = {key(word): way for word, way in cells.trend_ways}
        self.joiners = re.compile("|".join(map(re.escape, sorted(cells.joiners, key=len, reverse=True)))) \
            if cells.joiners else None
        self.units = {_unit_key(w): unit for w, unit in cells.units}
        self.minus = tuple(cells.minus)
        self.change_words = sorted(((key(w), sign) for w, sign in cells.change_words), key=lambda p: -len(p[0]))
        self.change_prefixes = sorted((key(w) for w in cells.change_prefixes), key=len, reverse=True)
        self.change_fillers = sorted((key(w) for w in cells.change_fillers), key=len, reverse=True)
        self.points = frozenset(_unit_key(w) for w in cells.points)
        self.bounds_before = sorted(((key(w), op) for w, op in cells.bounds_before), key=lambda p: -len(p[0]))
        self.bounds_after = sorted(((key(w), op) for w, op in cells.bounds_after), key=lambda p: -len(p[0]))

    def restated_part(self, text: str) -> str | None:
        """The kind of requirement part these words restate (None: not a restatement)."""
        return self.restates.get(_key(text))

    def name_and_unit(self, key: str) -> tuple[str, str] | None:
        """A table's row name with its unit in brackets, 空气质量优良天数比例（％） → (name, "%")."""
        found = _BRACKET_NOTE.match(normalize_text(key))
        if found is None:
            return None
        unit = self.unit_of(found.group(2))
        return None if unit is None else (found.group(1).strip(), unit)

    def unit_of(self, written: str) -> str | None:
        """The unit as the rules write it, for a spelling in a cell (None: not a unit we know)."""
        return self.units.get(_unit_key(written))

    def read(self, raw: str, rule: RuleCells) -> Reading:
        text = normalize_text(raw)
        for minus in self.minus:
            text = text.replace(minus, "-")
        key = _key(text)
        if not key or key in self.no_data:
            return Reading(EMPTY, text)
        note = ""
        bracket = _BRACKET_NOTE.match(text)
        if bracket and bracket.group(1).strip():
            main, note = bracket.group(1).strip(), bracket.group(2).strip()
            key = _key(main)
        else:
            main = text
        for word, number in rule.words:
            if key == _key(word):
                return Reading(NUMBER, text, number, note=note)
        if key in self.not_applicable or any(key == _key(w) for w in rule.not_applicable):
            return Reading(NOT_APPLICABLE, text, note=note)
        for reading in (self._bound(key, text, note), self._number(main, text, note), self._change(key, text, note)):
            if reading is not None:
                return reading
        if key in self.negative_words or key.startswith(self.negative_prefixes):
            return Reading(NEGATIVE, text)
        parts, way = self._restated(main)
        if parts:
            return Reading(RESTATED, text, note=note, parts=parts, way=way)
        return Reading(WORDS, text)

    def _number(self, main: str, text: str, note: str) -> Reading | None:
        found = _LEADING_NUMBER.match(main.replace(",", "").replace(" ", ""))
        if not found:
            return None
        number = _decimal(found.group(1))
        written = found.group(2)
        if number is None:
            return None
        if not written:
            return Reading(NUMBER, text, number, note=note)
        unit = self.unit_of(written)
        if unit is None:
            if _unit_key(written) in self.points:
                return None  # 2个百分点 without a word: not a value of the rate
            return Reading(UNIT, text, number, unit=written, note=note)
        return Reading(NUMBER, text, number, unit=unit, note=note)

    def _bound(self, key: str, text: str, note: str) -> Reading | None:
        for word, op in self.bounds_before:
            if key.startswith(word) and len(key) > len(word):
                found = self._number(key[len(word):], text, note)
                if found is not None and found.kind == NUMBER:
                    return Reading(BOUND, text, found.number, found.unit, note, op)
        for word, op in self.bounds_after:
            if key.endswith(word) and len(key) > len(word):
                found = self._number(key[:-len(word)], text, note)
                if found is not None and found.kind == NUMBER:
                    return Reading(BOUND, text, found.number, found.unit, note, op)
        return None

    def _change(self, key: str, text: str, note: str) -> Reading | None:
        rest = key
        for prefix in self.change_prefixes:
            if rest.startswith(prefix):
                rest = rest[len(prefix):]
                break
        for word, sign in self.change_words:
            if rest.startswith(word):
                rest = rest[len(word):]
                break
        else:
            return None
        for filler in self.change_fillers:
            if rest.startswith(filler):
                rest = rest[len(filler):]
                break
        found = _LEADING_NUMBER.match(rest)
        if not found or found.group(1)[0] in "+-":
            return None
        number, written = _decimal(found.group(1)), found.group(2)
        if number is None:
            return None
        unit = ""
        if written:
            if _unit_key(written) in self.points:
                unit = "%"
            else:
                unit = self.unit_of(written)
                if unit is None:
                    return Reading(UNIT, text, number, unit=written, note=note)
        return Reading(CHANGE, text, sign * number, unit, note)

    def _restated(self, main: str) -> tuple[tuple[str, ...], str]:
        """The parts a cell restates, and which way its trend phrases say the value went."""
        pieces = _SPLIT.split(main if self.joiners is None else self.joiners.sub(",", main))
        parts: list[str] = []
        ways: set[str] = set()
        for piece in pieces:
            piece = _key(piece)
            if not piece:
                continue
            part = self.restates.get(piece)
            if part is None:
                return (), ""
            if part not in parts:
                parts.append(part)
            if part == "trend" and piece in self.trend_ways:
                ways.add(self.trend_ways[piece])
        return tuple(parts), (ways.pop() if len(ways) == 1 else "both" if ways else "")


def _key(text: str) -> str:
    """A word as compared: normalised, no spaces inside."""
    return normalize_text(text).replace(" ", "").replace("\u3000", "")


def _unit_key(text: str) -> str:
    return _key(text).lower()


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid forms
        return None
    return number if number.is_finite() else None


_WORDS: WeakKeyDictionary[Edition, CellWords] = WeakKeyDictionary()


def cell_words(edition: Edition) -> CellWords:
    """The edition's prepared vocabulary (made once per edition, kept while the edition is used)."""
    found = _WORDS.get(edition)
    if found is None:
        found = _WORDS[edition] = CellWords(edition.cells)
    return found


__all__ = ["BOUND", "CHANGE", "EMPTY", "NEGATIVE", "NOT_APPLICABLE", "NUMBER", "RESTATED", "UNIT", "WORDS",
           "CellWords", "Reading", "cell_words"]
