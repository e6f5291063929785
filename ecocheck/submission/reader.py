"""Loading a county-year submission: YAML in, a validated Submission out (or precise errors)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from ecocheck.library.kinds import NUMBER
from ecocheck.library.kinds.all_of import AllOf
from ecocheck.library.kinds.band import Band
from ecocheck.library.kinds.change import Change
from ecocheck.library.kinds.threshold import Threshold
from ecocheck.base.errors import MAX_PROBLEMS, InputError, Problem
from ecocheck.library.model import Edition, Indicator, SubItem
from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Joined, Message, Quoted
from ecocheck.submission.model import Submission
from ecocheck.base.names import did_you_mean
from ecocheck.library.loader import Library
from ecocheck.base.values import ValueProblem, format_number, normalize_text, parse_number
from ecocheck.base.words import FAIL, LEVEL_ALIASES, LEVELS, PASS
from ecocheck.submission import cells
from ecocheck.base.yamlsafe import Located, is_date_text, load_file, load_text

TOP_KEYS = ("region", "level", "year", "edition", "profile", "indicators", "basis", "previous",
            "province", "city", "source", "note",
            "plan_values")  # values for plan targets outside the standard: ecocheck.series.plans
ENTRY_FIELDS = ("value", "previous", "target", "delta", "decline", "met", "applicable", "source", "note")
NUMERIC_FIELDS = ("previous", "target", "delta")
_ENTRY_FIELD_SET = frozenset(ENTRY_FIELDS)
_CELL_ONLY = frozenset(("value", "source", "note"))  # a table's cell as imported: its value and where it is
_NUMBERS_ONLY = frozenset(("value", *NUMERIC_FIELDS))  # an entry of numbers only: no met/note/source
LEVEL_WORDS = {level: level for level in LEVELS} | LEVEL_ALIASES
BASES = ("measured", "plan")
_NEG_INF, _INF = -float("inf"), float("inf")  # (a < x < b is False for inf and nan)


class _Collector:
    """Gathers every problem in a file so the user fixes them all in one round.

    A problem is `fatal` when no report can be made without it fixed (the file is not a
    mapping, region, level, year or edition unusable); any other problem — a cell, an unknown
    key — leaves the rest of the file to be read and evaluated.
    """

    def __init__(self, doc: Located) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.fatal = False
        self.more = 0  # problems past MAX_PROBLEMS: counted, not built (no suggestion worked out)

    def error(self, path: tuple, message: Message, hint: Message | Callable[[], Any] = "", *, key: bool = False,
              code: str = "input", indicator: str = "", fatal: bool = False) -> None:
        """Record a problem; a hint that costs something to work out (a suggestion) is given as a
        function, called only for the problems that will be shown."""
        self.fatal = self.fatal or fatal
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        problem = self.doc.problem(path, message, hint() if callable(hint) else hint, key=key, code=code)
        problem.indicator = indicator
        if problem not in self.problems:  # one merged cell read for every sub-item says it once
            self.problems.append(problem)

    def fail(self) -> InputError:
        return InputError(self.problems, self.more)

    def warn(self, path: tuple, message: Message, hint: Message | str = "", *, key: bool = False, code: str = "warning",
             indicator: str = "") -> None:
        problem = self.doc.problem(path, message, hint, key=key, code=code)
        problem.indicator = indicator
        if problem not in self.warnings:
            self.warnings.append(problem)


def load_submission(path: str | Path, library: Library, *, edition: str | None = None,
                    display: str | None = None, today: _dt.date | None = None, strict: bool = True) -> Submission:
    return parse_submission(load_file(path, display), library, edition=edition, today=today, strict=strict)


def parse_submission_text(text: str, library: Library, file: str = "<text>", **kw: Any) -> Submission:
    return parse_submission(load_text(text, file), library, **kw)


def parse_submission(doc: Located, library: Library, *, edition: str | None = None,
                     today: _dt.date | None = None, strict: bool = True) -> Submission:
    """The submission in `doc`. Raises InputError when there is any problem (`strict`), else only
    when no report can be made; the other problems are kept in `Submission.problems`, and each
    cell that could not be read is left without a value (缺数据) saying why."""
    c = _Collector(doc)
    data = doc.data
    if not isinstance(data, dict):
        raise InputError([doc.problem((), Message("input.not_mapping"), code="submission-shape")])
    for key in data:
        if key not in TOP_KEYS:
            c.error((key,), Message("input.field.unknown", key=Quoted(key)), lambda: did_you_mean(key, TOP_KEYS) or
                    Message("input.allowed_fields", fields=Joined(list(TOP_KEYS), "sep.words")), key=True,
                    code="unknown-field")
    for key in ("region", "level", "year", "indicators"):
        if key not in data:
            c.error((), Message("input.field.missing", field=key), Message(f"input.hint.{key}"), code="missing-field",
                    fatal=key != "indicators")

    region = data.get("region")
    if "region" in data and (not isinstance(region, str) or not region.strip()):
        c.error(("region",), Message("input.region.not_name", example="喀左县"), code="value-type", fatal=True)
    level = _level(c, data)
    year = _year(c, data, today or _dt.date.today())
    ed = _edition(c, data, library, edition)
    profile = _profile(c, data, level, ed) if ed and level else None
    basis = data.get("basis", "measured")
    entries: dict[str, Entry] = {}
    if ed is not None and profile is not None and "indicators" in data:
        entries = _indicators(c, data["indicators"], ed, profile, plan=basis == "plan")
    previous_file = data.get("previous")
    if previous_file is not None and not isinstance(previous_file, str):
        c.error(("previous",), Message("input.previous.not_name"), code="value-type")
        previous_file = None
    if c.problems and (strict or c.fatal or ed is None or profile is None):
        raise c.fail()
    meta = {k: data[k] for k in ("province", "city", "source", "note") if k in data}
    return Submission(region=region.strip(), level=level, year=year, edition=ed.id, profile=profile,
                      entries=entries, file=doc.file, previous_file=previous_file,
                      meta=meta | {"basis": basis}, warnings=c.warnings, problems=c.fail().problems)


def _level(c: _Collector, data: dict) -> str | None:
    if "level" not in data:
        return None
    raw = data["level"]
    level = LEVEL_WORDS.get(normalize_text(str(raw))) if isinstance(raw, str) else None
    if level is None:
        c.error(("level",), Message("input.level.unknown", value=Quoted(raw)), Message("input.level.hint"),
                code="value-type", fatal=True)
    return level


def _year(c: _Collector, data: dict, today: _dt.date) -> int | None:
    if "year" not in data:
        return None
    raw = data["year"]
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1949 <= raw <= 2100:
        c.error(("year",), Message("input.year.not_year", value=Quoted(raw)), Message("input.year.hint"),
                code="value-type", fatal=True)
        return None
    basis = data.get("basis", "measured")
    if basis not in BASES:
        c.error(("basis",), Message("input.basis.unknown", value=Quoted(basis)), Message("input.basis.hint"),
                code="value-type", fatal=True)
    elif basis == "measured" and raw > today.year:
        c.error(("year",), Message("input.year.future", year=raw), Message("input.year.future_hint"),
                code="future-year", fatal=True)
    return raw


def _edition(c: _Collector, data: dict, library: Library, override: str | None) -> Edition | None:
    key = override if override is not None else data.get("edition")
    try:
        return library.get(None if key is None else str(key))
    except KeyError:
        path = ("edition",) if override is None else ()
        c.error(path, Message("input.edition.unknown", value=Quoted(key)),
                Joined(list(filter(None, [Message("input.edition.known", editions=", ".join(sorted(library.editions))),
                                          did_you_mean(str(key), library.names())]))),
                code="unknown-edition", fatal=True)
        return None


def _profile(c: _Collector, data: dict, level: str, ed: Edition) -> Profile | None:
    raw = data.get("profile", {}) or {}
    if not isinstance(raw, dict):
        c.error(("profile",), Message("input.profile.not_mapping", example="{terrain: 平原地区, coastal: false}"),
                code="value-type")
        return Profile(level=level)
    coastal = raw.get("coastal", False)
    if not isinstance(coastal, bool):
        c.error(("profile", "coastal"), Message("input.not_bool", field="coastal", value=Quoted(coastal)),
                code="value-type")
        coastal = False
    classes: dict[str, str] = {}
    for key, value in raw.items():
        if key == "coastal":
            continue
        spec = ed.classes.get(key)
        if spec is None:
            c.error(("profile", key), Message("input.class.unknown", key=Quoted(key), edition=ed.id),
                    lambda: did_you_mean(key, [*ed.classes, "coastal"])
                    or Message("input.known", names=Joined([*ed.classes, "coastal"], "sep.words")),
                    key=True, code="unknown-class")
            continue
        text = normalize_text(str(value))
        canonical = (text if text in spec.values else spec.aliases.get(text)
                     or {en: zh for zh, en in spec.values.items()}.get(text))
        if canonical is None:
            c.error(("profile", key), Message("input.class.value_unknown", cls=spec.name, value=Quoted(value)),
                    Joined(list(filter(None, [did_you_mean(text, [*spec.values, *spec.aliases]),
                                              Message("input.use_one_of", words="、".join(spec.values))]))),
                    code="unknown-class")
            continue
        classes[key] = canonical
    implied: dict[str, str] = {}
    for key, spec in ed.classes.items():
        for other, mapping in spec.implied_by.items():
            if key not in classes and classes.get(other) in mapping:
                classes[key], implied[key] = mapping[classes[other]], other
    return Profile(level=level, coastal=coastal, classes=classes, implied=implied)


class _Context:
    """What reading one file's cells needs besides the rule: the edition's words, the basis, the region."""

    __slots__ = ("words", "plan", "profile", "merged")

    def __init__(self, words: cells.CellWords, plan: bool, profile: Profile, merged: bool = False) -> None:
        self.words, self.plan, self.profile = words, plan, profile
        # one cell for a whole composite (水环境质量: 不降低且达到考核要求): its trend words speak of the
        # composite's quality, "no worse", not of which way each sub-item's number goes
        self.merged = merged


def _indicators(c: _Collector, raw: Any, ed: Edition, profile: Profile, *, plan: bool = False) -> dict[str, Entry]:
    if raw is None:  # `indicators:` with nothing under it yet: every indicator is 缺数据
        return {}
    if not isinstance(raw, dict):
        c.error(("indicators",), Message("input.indicators.not_mapping"), code="value-type")
        return {}
    entries: dict[str, Entry] = {}
    keys_for: dict[str, str] = {}
    readers = _readers(ed)
    out_of_scope = _out_of_scope(ed, profile)
    ctx = _Context(cells.cell_words(ed), plan, profile)
    loose: list[tuple[Indicator, SubItem, Entry, tuple]] = []  # sub-items named at the top level
    for key, value in raw.items():
        path = ("indicators", key)
        name = normalize_text(str(key))
        found = readers.get(key) or readers.get(name)
        named = None if found is not None else ctx.words.name_and_unit(name)
        if named is not None:  # a row name with its unit in brackets, as tables print it
            name, unit = named
            found = readers.get(name)
            target = found[1] if found else (_item_names(ed).get(name) or (None, None, None))[2]
            if target is not None and unit != target.unit and unit not in target.other_units:
                c.error(path, Message("input.row_unit", key=Quoted(key), unit=unit, name=target.name,
                                      expected=target.unit or Message("input.unit.none")),
                        Message("input.convert_values", unit=target.unit) if target.unit else "", key=True,
                        code="unit", indicator=target.id)
                continue
        if found is None:
            sub = _item_names(ed).get(key) or _item_names(ed).get(name)
            if sub is not None:  # a sub-item's name on its own: read as that sub-item of its indicator
                ind, item, item_reader = sub
                if ind.id in out_of_scope:
                    c.warn(path, Message("input.indicator.not_here", name=ind.name, why=out_of_scope[ind.id]),
                           key=True, code="not-applicable")
                loose.append((ind, item, _with_unit(_entry(c, item_reader, value, path, ctx), named, item_reader), path))
                continue
            _unknown_indicator(c, ed, key, name, path)
            continue
        ind, reader = found
        if ind.id in keys_for:
            c.error(path, Message("input.indicator.twice", name=ind.name, first=Quoted(keys_for[ind.id]),
                                  second=Quoted(key)),
                    Message("input.keep_one"), key=True, code="duplicate-key", indicator=ind.id)
            continue
        keys_for[ind.id] = key
        if ind.id in out_of_scope:
            c.warn(path, Message("input.indicator.not_here", name=ind.name, why=out_of_scope[ind.id]),
                   key=True, code="not-applicable")
        entry = _indicator_entry(c, ind, reader, value, path, ctx)
        if entry is not None:
            entries[ind.id] = _with_unit(entry, named, reader)
    for ind, item, entry, path in loose:
        parent = entries.get(ind.id)
        if parent is None:
            parent = entries[ind.id] = Entry(path=path)
        if item.id in parent.items:
            c.error(path, Message("input.item.twice_of", name=item.name, indicator=ind.name), Message("input.keep_one"),
                    key=True, code="duplicate-key", indicator=f"{ind.id}.{item.id}")
            continue
        parent.items[item.id] = entry
    return entries


def _with_unit(entry: Entry, named: tuple[str, str] | None, reader: _Reader) -> Entry:
    """A value under a row name that carries its unit (细颗粒物平均浓度（μg/m3）) is in that unit."""
    if named is not None and not entry.unit and named[1] in reader.other_units:
        entry.unit = named[1]
    return entry


def _unknown_indicator(c: _Collector, ed: Edition, key: Any, name: str, path: tuple) -> None:
    """An unknown name; one that only looks like an indicator's (森林覆盖率 for 林草覆盖率) says why it is not."""
    for ind in ed.indicators:
        for rule in (ind, *ind.items):
            for other, why in rule.cells.not_names:
                if name == normalize_text(other):
                    c.error(path, Message("input.indicator.not_this", key=Quoted(key), name=rule.name, why=why),
                            Message("input.indicator.not_this_hint", name=rule.name), key=True,
                            code="unknown-indicator", indicator=ind.id)
                    return
    c.error(path, Message("input.indicator.unknown", key=Quoted(key), edition=ed.id),
            lambda: did_you_mean(name, [n for i in ed.indicators for n in (i.name, i.id, *i.aliases)])
            or Message("input.indicator.list_hint"),
            key=True, code="unknown-indicator")


class _Reader:
    """How the value of one indicator or sub-item is read: worked out once per rule, not per file."""

    __slots__ = ("id", "name", "criterion", "number", "bounds", "items", "cells", "unit", "other_units", "fraction",
                 "may_not_apply", "words", "best", "decline", "decline_names")

    def __init__(self, rule: Indicator | SubItem, words: cells.CellWords, rid: str, may_not_apply: bool) -> None:
        self.id = rid
        self.name = rule.name
        self.criterion = rule.criterion  # None for an indicator made of sub-items
        self.number = rule.criterion is not None and rule.criterion.value_type() == NUMBER
        self.cells = rule.cells
        self.bounds = rule.cells.value_range or _percent_range(rule.unit, rule.name)
        self.unit = "" if rule.unit == "-" else (words.unit_of(rule.unit) or rule.unit)
        self.other_units = frozenset(unit for unit, _ in getattr(rule, "by_unit", ()))  # units read another way
        self.best = _best(rule, self.bounds)
        self.words = words
        self.decline = _decline_reading(rule)
        self.decline_names = frozenset(normalize_text(name) for name in rule.cells.decline_names)
        # a share in percent whose threshold is 10 or more: 0 < x ≤ 1 is likely an Excel fraction
        self.fraction = self.unit == "%" and self.number and _least_bound(rule.criterion) >= 10
        # a sub-item, or a 参考性 indicator, may be declared not applicable (不涉及); a 约束性 one may not
        self.may_not_apply = may_not_apply
        # a sub-item's id, name or alias -> the sub-item and its reader (the first sub-item that has it)
        self.items: dict[str, tuple[SubItem, _Reader]] = {}
        for item in getattr(rule, "items", ()):
            reader = _Reader(item, words, f"{rid}.{item.id}", True)
            for name in (item.id, item.name, *item.aliases):
                self.items.setdefault(name, (item, reader))
                self.items.setdefault(normalize_text(name), (item, reader))


def _decline_reading(rule: Any) -> str:
    """What a decrease (`decline:`) gives: "value" where the value is itself a decrease (its cells
    say `change: decrease`, or it is a threshold of the decrease like PM2.5浓度下降幅度 in %),
    "change" where the value is a level that should fall (劣V类水体比例: the delta is −decline),
    "" where the indicator is not measured as a decrease."""
    if rule.cells.change == "decrease":
        return "value"
    if rule.criterion is not None and _direction(rule.criterion) == "lower":
        return "change"
    return ""


def _best(rule: Any, bounds: tuple[Decimal, Decimal] | None) -> Decimal | None:
    """The best possible value of a share (its rule's `best`, else the end of 0–100 its direction favours)."""
    if rule.cells.best is not None:
        return rule.cells.best
    if rule.criterion is None or bounds != (Decimal(0), Decimal(100)):
        return None
    direction = _direction(rule.criterion)
    return bounds[1] if direction == "higher" else bounds[0] if direction == "lower" else None


def _least_bound(criterion: Any) -> Decimal:
    """The smallest bound of a ≥ threshold (0 when the criterion is not one)."""
    if isinstance(criterion, AllOf):
        return min((_least_bound(p) for p in criterion.parts), default=Decimal(0))
    if isinstance(criterion, Threshold) and criterion.op in (">=", ">"):
        bounds = [criterion.bound] if criterion.bound is not None else [b for _, b in criterion.bounds]
        return min(bounds, default=Decimal(0))
    return Decimal(0)


# Worked out once per edition (and, for the scopes, per level and coast), kept while the edition is used.
_READERS: WeakKeyDictionary[Edition, dict[str, tuple[Indicator, _Reader]]] = WeakKeyDictionary()
_SCOPES: WeakKeyDictionary[Edition, dict[tuple[str, bool], dict[str, Message]]] = WeakKeyDictionary()
_ITEM_NAMES: WeakKeyDictionary[Edition, dict[str, tuple[Indicator, SubItem, "_Reader"]]] = WeakKeyDictionary()


def _readers(ed: Edition) -> dict[str, tuple[Indicator, _Reader]]:
    """An edition's indicator ids, names and aliases -> the indicator and its reader (as Edition.find)."""
    readers = _READERS.get(ed)
    if readers is None:
        words = cells.cell_words(ed)
        made = {ind.id: (ind, _Reader(ind, words, ind.id, not ind.binding)) for ind in ed.indicators}
        readers = _READERS[ed] = {}
        for ind in ed.indicators:
            for name in (ind.id, ind.name, *ind.aliases):
                if ed.find(name) is ind:
                    readers[name] = made[ind.id]
                    readers.setdefault(normalize_text(name), made[ind.id])  # as a key is looked up
    return readers


def _item_names(ed: Edition) -> dict[str, tuple[Indicator, SubItem, _Reader]]:
    """Sub-item names and aliases that are no indicator's -> the indicator, sub-item and reader."""
    found = _ITEM_NAMES.get(ed)
    if found is None:
        found = _ITEM_NAMES[ed] = {}
        indicators = _readers(ed)
        for ind in ed.indicators:
            reader = indicators[ind.id][1]
            for name, (item, item_reader) in reader.items.items():
                if name not in indicators and name != item.id:
                    found.setdefault(name, (ind, item, item_reader))
    return found


def _out_of_scope(ed: Edition, profile: Profile) -> dict[str, Message]:
    """Indicator id -> why it does not apply to this profile (it depends on level and coast only)."""
    scopes = _SCOPES.get(ed)
    if scopes is None:
        scopes = _SCOPES[ed] = {}
    key = (profile.level, profile.coastal)
    found = scopes.get(key)
    if found is None:
        found = scopes[key] = {}
        for ind in ed.indicators:
            applies, why = ind.applies_to(profile)
            if not applies:
                found[ind.id] = why
    return found


_COMMON = frozenset(("met", "source", "note"))


def _indicator_entry(c: _Collector, ind: Indicator, reader: _Reader, value: Any, path: tuple,
                     ctx: _Context) -> Entry | None:
    if isinstance(value, dict) and "applicable" in value:
        # Whether an indicator applies is the standard's call (level, coastal), not the county's:
        # a self-declared 不适用 would drop a 约束性 indicator from the verdict unseen.
        c.error(path + ("applicable",), Message("input.applicable.indicator", name=ind.name),
                Message("input.applicable.indicator_hint"), key=True, code="unknown-field", indicator=ind.id)
        return None
    if not ind.items:
        return _entry(c, reader, value, path, ctx)
    entry = Entry(path=path)
    if not isinstance(value, dict) or ("value" in value and value.keys() <= _COMMON | {"value"}):
        # One merged cell for the whole indicator (as the tables print 实施 across both rows of
        # 生活废弃物综合利用): it is every sub-item's value.
        cell, cell_path = value, path
        if isinstance(value, dict):
            _common_fields(c, entry, {k: v for k, v in value.items() if k != "met"}, path)
            cell, cell_path = {k: v for k, v in value.items() if k in ("value", "met")}, path
        whole = _Context(ctx.words, ctx.plan, ctx.profile, merged=True)
        for item in ind.items:
            entry.items[item.id] = _entry(c, reader.items[item.id][1], cell, cell_path, whole)
        return entry
    _common_fields(c, entry, value, path)
    items = reader.items
    for key, sub in value.items():
        if key in ("met", "source", "note", "applicable"):
            continue
        found = items.get(key) or items.get(normalize_text(str(key)))
        if found is None:
            c.error(path + (key,), Message("input.item.unknown", key=Quoted(key), indicator=ind.name),
                    lambda: did_you_mean(normalize_text(str(key)), [n for it in ind.items for n in (it.name, it.id, *it.aliases)])
                    or Message("input.sub_items", names="、".join(i.name for i in ind.items)),
                    key=True, code="unknown-indicator", indicator=ind.id)
            continue
        item, item_reader = found
        if item.id in entry.items:
            c.error(path + (key,), Message("input.item.twice", name=item.name), key=True, code="duplicate-key",
                    indicator=item_reader.id)
            continue
        entry.items[item.id] = _entry(c, item_reader, sub, path + (key,), ctx)
    return entry


def _percent_range(unit: str, name: str) -> tuple[Decimal, Decimal] | None:
    """Rates in percent lie in 0–100; changes (幅度, 下降率) and other units are not bounded here."""
    if unit != "%" or any(w in name for w in ("幅度", "下降率", "提高")):
        return None
    return Decimal(0), Decimal(100)


def _common_fields(c: _Collector, entry: Entry, raw: dict, path: tuple) -> None:
    for key in ("source", "note"):
        if key in raw:
            if isinstance(raw[key], (str, int, float)) and not isinstance(raw[key], bool):
                setattr(entry, key, str(raw[key]))
            else:
                c.error(path + (key,), Message("input.field.not_text", field=key), code="value-type")
    for key in ("met", "applicable"):
        if key in raw:
            if isinstance(raw[key], bool):
                setattr(entry, key, raw[key])
            else:
                c.error(path + (key,), Message("input.not_bool", field=key, value=Quoted(raw[key])), code="value-type")
    if entry.applicable is False and not entry.note:
        c.error(path, Message("input.applicable.needs_note"),
                Message("input.example", example='note: "县域内无特有性或指示性水生物种"'), code="missing-field")


def _entry(c: _Collector, reader: _Reader, raw: Any, path: tuple, ctx: _Context) -> Entry:
    entry = _fields(c, reader, raw, path, ctx)
    if isinstance(raw, dict) and raw.get("decline") is not None:
        _decline_field(c, reader, entry, raw, path, ctx)
    return entry


def _fields(c: _Collector, reader: _Reader, raw: Any, path: tuple, ctx: _Context) -> Entry:
    name, bounds = reader.name, reader.bounds
    named_decline = bool(reader.decline_names) and normalize_text(str(path[-1])) in reader.decline_names
    if reader.cells.number_is == "delta" or named_decline:
        # the table prints the change itself (修订版 △EQI: −0.45), or the decrease under a name that
        # says so (劣V类水体比例下降幅度: 2), alone or as an imported cell, its text quoted:
        # {value: "−0.45", source: …} (a number there, {value: 60}, is the index itself)
        cell, at = raw, path
        if isinstance(raw, dict) and isinstance(raw.get("value"), str) and raw.keys() <= _CELL_ONLY:
            cell, at = raw["value"], path + ("value",)
        # (a word standing for a value, 已消除, is the share itself, not a decrease)
        if _is_number_cell(cell, reader, ctx) and not (named_decline and _is_word(cell)):
            entry = Entry(raw=cell, path=path)
            if cell is not raw:
                _common_fields(c, entry, raw, path)
            if named_decline:
                _decline(c, reader, entry, cell, at, ctx)
            else:
                entry.delta = _delta(c, reader, cell, at, ctx, entry)
            return entry
    kind = raw.__class__
    if reader.number:  # the usual cases, quickly (the same checks in the same order as below)
        if kind is int or kind is float:
            entry = Entry(raw=raw, path=path)
            entry.value = _number(c, reader, raw, path, bounds, ctx, entry)
            if reader.fraction:
                _fraction(c, reader, entry, path)
            return entry
        if kind is dict and raw.keys() <= _NUMBERS_ONLY:
            value = raw.get("value")
            if value.__class__ is int or value.__class__ is float:
                entry = Entry(path=path)
                _numeric_fields(c, entry, reader, raw, path, ctx)
                entry.raw = value
                entry.value = _number(c, reader, value, path + ("value",), bounds, ctx, entry)
                if reader.fraction:
                    _fraction(c, reader, entry, path + ("value",))
                return entry
    entry = Entry(path=path)
    if kind is dict or isinstance(raw, dict):
        for key in ([] if raw.keys() <= _ENTRY_FIELD_SET else raw):
            if key not in ENTRY_FIELDS:
                c.error(path + (key,), Message("input.field.unknown_in", key=Quoted(key), name=name),
                        lambda: did_you_mean(str(key), ENTRY_FIELDS)
                        or Message("input.allowed", fields=Joined(list(ENTRY_FIELDS), "sep.words")),
                        key=True, code="unknown-field", indicator=reader.id)
        _common_fields(c, entry, raw, path)
        value = raw.get("value")
        _numeric_fields(c, entry, reader, raw, path, ctx)
        value_path = path + ("value",)
    else:
        value = raw
        value_path = path
    entry.raw = value
    if isinstance(value, (list, dict)):
        _cell_problem(c, reader, entry, value_path,
                      Message("input.value.list" if isinstance(value, list) else "input.value.mapping", name=name),
                      code="value-type")
        entry.raw = None
        return entry
    if is_date_text(value):
        _cell_problem(c, reader, entry, value_path, Message("input.value.date", value=Quoted(value), name=name),
                      Message("input.value.date_hint"), code="value-type")
        return entry
    if value is None or (isinstance(value, str) and not value.strip()):
        return entry
    if not isinstance(value, str):
        if not reader.number:
            _cell_problem(c, reader, entry, value_path, Message("input.state.not_word", name=name, value=Quoted(value)),
                          Message("input.write_one_of", words="、".join(_accepted(reader.criterion))), code="value-type")
            return entry
        entry.value = _number(c, reader, value, value_path, bounds, ctx, entry)
        if reader.fraction:
            _fraction(c, reader, entry, value_path)
        return entry
    if not reader.number and reader.criterion.classify(value) is not None:
        entry.value = normalize_text(value)
        return entry
    _read_cell(c, reader, entry, value, value_path, ctx)
    return entry


def _read_cell(c: _Collector, reader: _Reader, entry: Entry, value: str, path: tuple, ctx: _Context) -> None:
    """A cell in words, as a table prints it (ecocheck.submission.cells), onto the entry."""
    name = reader.name
    reading = ctx.words.read(value, reader.cells)
    kind = reading.kind
    shown = value.strip()  # a note quotes the cell as written
    if kind == cells.EMPTY:
        return
    if reading.note:
        entry.note = "；".join(filter(None, [entry.note, reading.note]))
    if kind == cells.NEGATIVE:
        _declare(entry, False, shown)
        return
    if kind == cells.RESTATED:
        _restated(c, reader, entry, reading, shown, path, ctx)
        return
    if kind == cells.NOT_APPLICABLE:
        if reader.may_not_apply:
            entry.applicable = False
            entry.note = "；".join(filter(None, [entry.note, shown]))
        else:
            _cell_problem(c, reader, entry, path, Message("input.applies_by_standard", value=value, name=name),
                          Message("input.give_or_leave_out"), code="value-type")
        return
    if not reader.number:
        if kind == cells.WORDS:
            accepted = _accepted(reader.criterion)
            _cell_problem(c, reader, entry, path, Message("input.state.unknown", value=value, name=name),
                          Message("input.state.hint", met="、".join(accepted),
                                  not_met="、".join(reader.criterion.reject) or "—"),
                          code="unknown-state")
        else:
            _cell_problem(c, reader, entry, path, Message("input.state.not_word", name=name, value=f"“{value}”"),
                          Message("input.write_one_of", words="、".join(_accepted(reader.criterion))), code="value-type")
        return
    if kind == cells.NUMBER:
        if _unit_matches(c, reader, entry, reading, path):
            entry.value = _in_range(c, reader, entry, reading.number, path, reader.bounds)
            if reader.fraction:
                _fraction(c, reader, entry, path)
        return
    if kind == cells.UNIT:
        _unit_matches(c, reader, entry, reading, path)
        return
    if kind == cells.CHANGE:
        if reading.unit and reading.unit not in ("%", reader.unit):
            _cell_problem(c, reader, entry, path, Message("input.change_unit", name=name, value=value, unit=reading.unit,
                                                          expected=reader.unit or Message("input.unit.indicators")),
                          code="unit")
        elif reader.cells.change:
            entry.value = reading.number if reader.cells.change == "increase" else -reading.number
        else:
            entry.delta = reading.number
        return
    if kind == cells.BOUND:
        _bound(c, reader, entry, reading, shown, path, ctx)
        return
    _cell_problem(c, reader, entry, path, Message("input.text_not_number", name=name, value=value),
                  Message("input.text_not_number_hint"), code="value-type")


def _declare(entry: Entry, met: bool, text: str) -> None:
    entry.met = met
    entry.note = "；".join(filter(None, [text, entry.note]))


def _restated(c: _Collector, reader: _Reader, entry: Entry, reading: cells.Reading, shown: str, path: tuple,
              ctx: _Context) -> None:
    """达标, 不降低, 完成上级规定的目标任务 …: declared met; only the restated parts of a compound requirement."""
    said = set(reading.parts)
    criterion = reader.criterion
    parts = getattr(criterion, "parts", ())
    bands = getattr(criterion, "bands", ())
    way = "" if ctx.merged else reading.way
    if "trend" in said and _wrong_way(way, [p for p in (parts or [c for *_, c in bands] or [criterion])
                                                    if _part_kind(p, reader) == "trend"]):
        said.discard("trend")  # 减少 of a share that must not fall: not a restatement of its trend
    if "all" not in said and not (parts or bands) and not _states(criterion, said, reader, ctx):
        # 不降低 for “≥35”: a word about last year says nothing about a level's bound by itself; with
        # last year's value meeting the bound, "no worse than last year" meets it too (decided later,
        # once `previous` is known, which may come from another file)
        entry.note = "；".join(filter(None, [shown, entry.note]))
        requirement = criterion.describe(ctx.profile)
        entry.warning = Message("cell.other_requirement", cell=shown, requirement=requirement)
        entry.no_worse = "trend" in said and _goes_with(way, _direction(criterion)) is True
        c.warn(path, Message("input.restates_no_worse" if entry.no_worse else "input.restates_other",
                             name=reader.name, cell=shown, requirement=requirement),
               Message("input.give_measured"), code="declared", indicator=reader.id)
        return
    if "all" not in said and (parts or bands):
        # what each part of the requirement is, as the cell words name it: its printed text
        # (保持稳定或持续改善 restates a trend however the part decides it), else its kind
        kinds = [_part_kind(part, reader) for part in (parts or [c for *_, c in bands])]
        covered = [i for i, kind in enumerate(kinds) if kind in said]
        if len(covered) < len(kinds):
            entry.note = "；".join(filter(None, [shown, entry.note]))
            if parts and covered:
                entry.met_parts = tuple(covered)
            elif covered:  # a band's requirement depends on the value: one band's words decide nothing
                entry.met_bands = tuple(covered)
            c.warn(path, Message("input.restates_part", name=reader.name, cell=shown, requirement=criterion.describe()),
                   Message("input.give_all_values"), code="declared", indicator=reader.id)
            return
    _declare(entry, True, shown)
    c.warn(path, Message("input.restates", name=reader.name, cell=shown), Message("input.restates_hint"),
           code="declared", indicator=reader.id)


def _goes_with(way: str, direction: str | None) -> bool | None:
    """Whether trend words going `way` (up 不降低, down 减少, "" no worse) say "no worse than last year" of
    a criterion better in `direction`: True; they say it went the other way: False; cannot tell: None."""
    if direction is None or way == "both":
        return None
    return way == "" or (way == "up") == (direction == "higher")


def _wrong_way(way: str, trends: list) -> bool:
    """Whether the cell's trend words go against every trend part's better direction."""
    return bool(trends) and all(_goes_with(way, _direction(part)) is False for part in trends)


def _states(criterion: Any, said: set[str], reader: _Reader, ctx: _Context) -> bool:
    """Whether words restating `said` (trend, superior_target) state a one-part requirement: its
    own kind, or a change that a stable value meets (△EQI≥-1 is met by 保持稳定; 提高幅度≥2 is not)."""
    if _part_kind(criterion, reader) in said:
        return True
    if "trend" in said and criterion.KIND == "change":
        return criterion.evaluate(Entry(delta=Decimal(0)), ctx.profile).status == PASS
    return False


def _part_kind(part: Any, reader: _Reader) -> str:
    return (reader.words.restated_part(part.text) if part.text else None) or part.KIND


def _bound(c: _Collector, reader: _Reader, entry: Entry, reading: cells.Reading, shown: str, path: tuple,
           ctx: _Context) -> None:
    """≥95%, 90%以上: in a plan the plan's target bound; in measured data the requirement echoed."""
    name = reader.name
    if reading.unit and reading.unit != reader.unit:
        _unit_matches(c, reader, entry, reading, path)
        return
    direction = _direction(reader.criterion)
    at_least = reading.op in (">=", ">")
    if direction is None or (direction == "higher") != at_least:
        _cell_problem(c, reader, entry, path, Message("input.bound.undecided", name=name, bound=reading.text),
                      Message("input.give_value"), code="threshold-echo")
        return
    if ctx.plan:
        entry.value = _in_range(c, reader, entry, reading.number, path, reader.bounds)
        entry.note = "；".join(filter(None, [f"规划目标 {shown}", entry.note]))
        return
    outcome = reader.criterion.evaluate(Entry(value=reading.number), ctx.profile)
    if outcome.status == FAIL:
        _cell_problem(c, reader, entry, path, Message("input.bound.short", name=name, bound=reading.text, reason=outcome),
                      Message("input.give_measured"), code="threshold-echo")
        return
    _declare(entry, True, shown)
    c.warn(path, Message("input.bound.declared", name=name, cell=shown), Message("input.bound.declared_hint"),
           code="declared", indicator=reader.id)


def _direction(criterion: Any) -> str | None:
    """Which way is better for a numeric criterion (None when its parts disagree)."""
    if isinstance(criterion, AllOf):
        found = {_direction(p) for p in criterion.parts}
        return found.pop() if len(found) == 1 else None
    if isinstance(criterion, (Threshold, Change)):
        return "higher" if criterion.op in (">=", ">") else "lower" if criterion.op in ("<=", "<") else None
    if isinstance(criterion, Band):
        return "higher"
    return getattr(criterion, "direction", None)


def _unit_matches(c: _Collector, reader: _Reader, entry: Entry, reading: cells.Reading, path: tuple) -> bool:
    if not reading.unit or reading.unit == reader.unit:
        return True
    if reading.unit in reader.other_units:  # the unit picks the rule's other reading (by_unit)
        entry.unit = reading.unit
        return True
    _cell_problem(c, reader, entry, path, Message("input.unit.other", name=reader.name, cell=reading.text,
                                                  unit=reading.unit, expected=reader.unit or Message("input.unit.none")),
                  Message("input.unit.convert", unit=reader.unit) if reader.unit else Message("input.unit.drop"),
                  code="unit")
    return False


def _fraction(c: _Collector, reader: _Reader, entry: Entry, path: tuple) -> None:
    value = entry.value
    if value is not None and 0 < value <= 1:
        entry.warning = Message("cell.fraction", value=value, percent=value * 100)
        c.warn(path, Message("input.named", name=reader.name, message=entry.warning), Message("input.fraction_hint"),
               code="fraction", indicator=reader.id)


def _cell_problem(c: _Collector, reader: _Reader, entry: Entry, path: tuple, message: Message,
                  hint: Message | str = "", *, code: str) -> None:
    """A cell that cannot be read: a problem, and the entry left without a value, saying why."""
    entry.problem = message
    c.error(path, message, hint, code=code, indicator=reader.id)


def _numeric_fields(c: _Collector, entry: Entry, reader: _Reader, raw: dict, path: tuple, ctx: _Context) -> None:
    """previous, target, delta (a change: not bounded like the rate itself)."""
    for key in NUMERIC_FIELDS:
        if key in raw and raw[key] is not None:
            if key == "delta":
                entry.delta = _delta(c, reader, raw[key], path + (key,), ctx, entry)
            else:
                setattr(entry, key, _number(c, reader, raw[key], path + (key,), reader.bounds, ctx, entry))


def _decline(c: _Collector, reader: _Reader, entry: Entry, raw: Any, path: tuple, ctx: _Context) -> None:
    """A decrease from last year, as the indicator is measured (see _decline_reading)."""
    if not reader.decline:
        _cell_problem(c, reader, entry, path, Message("input.decline.not_decrease", name=reader.name),
                      Message("input.decline.not_decrease_hint"), code="value-type")
        return
    at_best = entry.at_best
    number = _number(c, reader, raw, path, None, ctx, entry)
    if number is None:
        return
    if reader.decline == "value":
        entry.value = number
    else:  # the level fell by `number`: its change is the opposite (and a fall of 0 is no change, not a
        entry.delta = -number  # share at its best of 0, which meets any target)
        entry.at_best = at_best


def _decline_field(c: _Collector, reader: _Reader, entry: Entry, raw: dict, path: tuple, ctx: _Context) -> None:
    """`decline:` beside the other fields: it may repeat what `value` or `delta` says, never contradict it."""
    same = "value" if reader.decline == "value" else "delta"
    said = getattr(entry, same)
    if raw.get(same) is not None and said is None:  # the other field could not be read: its problem is reported
        return
    _decline(c, reader, entry, raw["decline"], path + ("decline",), ctx)
    read = getattr(entry, same)
    if said is not None and read is not None and read != said:
        shown = read if same == "value" else -read
        _cell_problem(c, reader, entry, path + ("decline",),
                      Message("input.decline.disagrees", name=reader.name, decline=format_number(shown), field=same,
                              said=format_number(said)),
                      Message("input.keep_one_of_them"), code="value-type")
        setattr(entry, same, None)
    elif said is not None:
        setattr(entry, same, said)


def _is_word(cell: Any) -> bool:
    return isinstance(cell, str) and not any(ch.isdigit() for ch in cell)


def _is_number_cell(raw: Any, reader: _Reader, ctx: _Context) -> bool:
    if raw.__class__ in (int, float):
        return True
    return isinstance(raw, str) and ctx.words.read(raw, reader.cells).kind == cells.NUMBER


def _delta(c: _Collector, reader: _Reader, raw: Any, path: tuple, ctx: _Context, entry: Entry) -> Decimal | None:
    """A change (not bounded like the value); beyond the rule's `delta_within` it is implausible."""
    number = _number(c, reader, raw, path, None, ctx, entry)
    limit = reader.cells.delta_within
    if number is not None and limit is not None and abs(number) > limit:
        _cell_problem(c, reader, entry, path, Message("input.delta.implausible", name=reader.name,
                                                      change=format_number(number), limit=format_number(limit)),
                      Message("input.delta.implausible_hint"), code="value-range")
        return None
    return number


def _accepted(criterion: Any) -> tuple[str, ...]:
    return getattr(criterion, "accept", ())


def _number(c: _Collector, reader: _Reader, raw: Any, path: tuple, bounds: tuple[Decimal, Decimal] | None,
            ctx: _Context, entry: Entry | None = None) -> Decimal | None:
    kind = type(raw)
    if (kind is float and _NEG_INF < raw < _INF) or kind is int:  # the usual case, quickly
        number = Decimal(repr(raw)) if kind is float else Decimal(raw)  # as parse_number reads them
        if bounds is None or bounds[0] <= number <= bounds[1]:
            if number == reader.best and entry is not None:
                _mark_best(entry, path)
            return number
    name = reader.name
    # a problem with the value itself leaves the entry without a value, saying why; one with
    # previous, target or delta is a problem of the file only
    holder = entry if entry is not None else Entry()
    if isinstance(raw, (list, dict)):
        _cell_problem(c, reader, holder, path,
                      Message("input.number.list" if isinstance(raw, list) else "input.number.mapping", name=name),
                      code="value-type")
        return None
    if is_date_text(raw):
        _cell_problem(c, reader, holder, path, Message("input.number.date", value=Quoted(raw), name=name),
                      code="value-type")
        return None
    if isinstance(raw, str):
        reading = ctx.words.read(raw, reader.cells)
        if reading.kind == cells.EMPTY:
            return None
        if reading.kind in (cells.NUMBER, cells.UNIT) or (reading.kind == cells.BOUND and path[-1] == "target"):
            if not _unit_matches(c, reader, holder, reading, path):
                return None
            return _in_range(c, reader, holder, reading.number, path, bounds)
        _cell_problem(c, reader, holder, path, Message("input.number.text", name=name, value=Quoted(raw)),
                      Message("input.number.text_hint"), code="value-type")
        return None
    try:
        number = parse_number(raw)
    except ValueProblem as problem:
        _cell_problem(c, reader, holder, path, Message("input.named", name=name, message=problem.message), problem.hint,
                      code=problem.code)
        return None
    return _in_range(c, reader, holder, number, path, bounds)


def _in_range(c: _Collector, reader: _Reader, entry: Entry, number: Decimal, path: tuple,
              bounds: tuple[Decimal, Decimal] | None) -> Decimal | None:
    if bounds is not None and not bounds[0] <= number <= bounds[1]:
        _cell_problem(c, reader, entry, path, Message("input.number.range", name=reader.name, value=format_number(number),
                                                      low=str(bounds[0]), high=str(bounds[1])),
                      Message("input.number.range_hint"), code="value-range")
        return None
    if number == reader.best:
        _mark_best(entry, path)
    return number


def _mark_best(entry: Entry, path: tuple) -> None:
    """The value (not last year's, not the target) is the best possible."""
    if path[-1] not in ("previous", "target", "delta"):
        entry.at_best = True
