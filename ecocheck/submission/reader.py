"""Loading a county-year submission: YAML in, a validated Submission out (or precise errors)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from ecocheck.library.kinds import NUMBER
from ecocheck.base.errors import MAX_PROBLEMS, InputError, Problem
from ecocheck.library.model import Edition, Indicator, SubItem
from ecocheck.base.entries import Entry, Profile
from ecocheck.base.messages import Message
from ecocheck.submission.model import Submission
from ecocheck.base.names import suggestion
from ecocheck.library.loader import Library
from ecocheck.base.values import ValueProblem, normalize_text, parse_number
from ecocheck.base.words import LEVEL_ALIASES, LEVELS
from ecocheck.base.yamlsafe import Located, is_date_text, load_file, load_text

TOP_KEYS = ("region", "level", "year", "edition", "profile", "indicators", "basis", "previous",
            "province", "city", "source", "note",
            "plan_values")  # values for plan targets outside the standard: ecocheck.series.plans
ENTRY_FIELDS = ("value", "previous", "target", "delta", "met", "applicable", "source", "note")
NUMERIC_FIELDS = ("previous", "target", "delta")
_ENTRY_FIELD_SET = frozenset(ENTRY_FIELDS)
_NUMBERS_ONLY = frozenset(("value", *NUMERIC_FIELDS))  # an entry of numbers only: no met/note/source
LEVEL_WORDS = {level: level for level in LEVELS} | LEVEL_ALIASES
BASES = ("measured", "plan")
_NEG_INF, _INF = -float("inf"), float("inf")  # (a < x < b is False for inf and nan)


class _Collector:
    """Gathers every problem in a file so the user fixes them all in one round."""

    def __init__(self, doc: Located) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.more = 0  # problems past MAX_PROBLEMS: counted, not built (no suggestion worked out)

    def error(self, path: tuple, message: str, hint: str | Callable[[], str] = "", *, key: bool = False,
              code: str = "input") -> None:
        """Record a problem; a hint that costs something to work out (a suggestion) is given as a
        function, called only for the problems that will be shown."""
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.problems.append(self.doc.problem(path, message, hint() if callable(hint) else hint, key=key, code=code))

    def fail(self) -> InputError:
        return InputError(self.problems, self.more)

    def warn(self, path: tuple, message: str, hint: str = "", *, key: bool = False, code: str = "warning") -> None:
        self.warnings.append(self.doc.problem(path, message, hint, key=key, code=code))


def load_submission(path: str | Path, library: Library, *, edition: str | None = None,
                    display: str | None = None, today: _dt.date | None = None) -> Submission:
    return parse_submission(load_file(path, display), library, edition=edition, today=today)


def parse_submission_text(text: str, library: Library, file: str = "<text>", **kw: Any) -> Submission:
    return parse_submission(load_text(text, file), library, **kw)


def parse_submission(doc: Located, library: Library, *, edition: str | None = None,
                     today: _dt.date | None = None) -> Submission:
    c = _Collector(doc)
    data = doc.data
    if not isinstance(data, dict):
        raise InputError([doc.problem((), "a submission must be a mapping (region:, level:, year:, indicators:)",
                                      code="submission-shape")])
    for key in data:
        if key not in TOP_KEYS:
            c.error((key,), f"unknown field {key!r}", lambda: suggestion(key, TOP_KEYS) or
                    f"allowed fields: {', '.join(TOP_KEYS)}", key=True, code="unknown-field")
    for key in ("region", "level", "year", "indicators"):
        if key not in data:
            c.error((), f"required field `{key}` is missing", _REQUIRED_HINTS[key], code="missing-field")

    region = data.get("region")
    if "region" in data and (not isinstance(region, str) or not region.strip()):
        c.error(("region",), "`region` must be the region's name, e.g. 喀左县", code="value-type")
    level = _level(c, data)
    year = _year(c, data, today or _dt.date.today())
    ed = _edition(c, data, library, edition)
    profile = _profile(c, data, level, ed) if ed and level else None
    entries: dict[str, Entry] = {}
    if ed is not None and profile is not None and "indicators" in data:
        entries = _indicators(c, data["indicators"], ed, profile)
    previous_file = data.get("previous")
    if previous_file is not None and not isinstance(previous_file, str):
        c.error(("previous",), "`previous` must be the file name of last year's submission", code="value-type")
        previous_file = None
    if c.problems:
        raise c.fail()
    meta = {k: data[k] for k in ("province", "city", "source", "note") if k in data}
    return Submission(region=region.strip(), level=level, year=year, edition=ed.id, profile=profile,
                      entries=entries, file=doc.file, previous_file=previous_file,
                      meta=meta | {"basis": data.get("basis", "measured")}, warnings=c.warnings)


_REQUIRED_HINTS = {
    "region": "add `region: <县/市 name>` at the top",
    "level": "add `level: county` (县) or `level: city` (市)",
    "year": "add `year: <the data year>`, e.g. year: 2022",
    "indicators": "add an `indicators:` mapping of indicator name → value",
}


def _level(c: _Collector, data: dict) -> str | None:
    if "level" not in data:
        return None
    raw = data["level"]
    level = LEVEL_WORDS.get(normalize_text(str(raw))) if isinstance(raw, str) else None
    if level is None:
        c.error(("level",), f"unknown level {raw!r}", "use county (县) or city (市)", code="value-type")
    return level


def _year(c: _Collector, data: dict, today: _dt.date) -> int | None:
    if "year" not in data:
        return None
    raw = data["year"]
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1949 <= raw <= 2100:
        c.error(("year",), f"`year` must be a four-digit year, not {raw!r}", "e.g. year: 2022", code="value-type")
        return None
    basis = data.get("basis", "measured")
    if basis not in BASES:
        c.error(("basis",), f"unknown basis {basis!r}", "use measured (实测值, default) or plan (规划目标值)",
                code="value-type")
    elif basis == "measured" and raw > today.year:
        c.error(("year",), f"year {raw} is in the future, so its values cannot be measured yet",
                "for a plan's target values add `basis: plan`; otherwise correct the year", code="future-year")
    return raw


def _edition(c: _Collector, data: dict, library: Library, override: str | None) -> Edition | None:
    key = override if override is not None else data.get("edition")
    try:
        return library.get(None if key is None else str(key))
    except KeyError:
        path = ("edition",) if override is None else ()
        c.error(path, f"unknown edition {key!r}",
                "; ".join(filter(None, [f"known editions: {', '.join(sorted(library.editions))}",
                                        suggestion(str(key), library.names())])),
                code="unknown-edition")
        return None


def _profile(c: _Collector, data: dict, level: str, ed: Edition) -> Profile | None:
    raw = data.get("profile", {}) or {}
    if not isinstance(raw, dict):
        c.error(("profile",), "`profile` must be a mapping, e.g. {terrain: 平原地区, coastal: false}",
                code="value-type")
        return None
    coastal = raw.get("coastal", False)
    if not isinstance(coastal, bool):
        c.error(("profile", "coastal"), f"`coastal` must be true or false, not {coastal!r}", code="value-type")
        coastal = False
    classes: dict[str, str] = {}
    for key, value in raw.items():
        if key == "coastal":
            continue
        spec = ed.classes.get(key)
        if spec is None:
            c.error(("profile", key), f"unknown profile class {key!r} for edition {ed.id}",
                    lambda: suggestion(key, [*ed.classes, "coastal"]) or f"known: {', '.join([*ed.classes, 'coastal'])}",
                    key=True, code="unknown-class")
            continue
        text = normalize_text(str(value))
        canonical = (text if text in spec.values else spec.aliases.get(text)
                     or {en: zh for zh, en in spec.values.items()}.get(text))
        if canonical is None:
            c.error(("profile", key), f"unknown {spec.name} {value!r}",
                    "; ".join(filter(None, [suggestion(text, [*spec.values, *spec.aliases]),
                                            f"use one of: {'、'.join(spec.values)}"])),
                    code="unknown-class")
            continue
        classes[key] = canonical
    return Profile(level=level, coastal=coastal, classes=classes)


def _indicators(c: _Collector, raw: Any, ed: Edition, profile: Profile) -> dict[str, Entry]:
    if raw is None:  # `indicators:` with nothing under it yet: every indicator is 缺数据
        return {}
    if not isinstance(raw, dict):
        c.error(("indicators",), "`indicators` must be a mapping of indicator name → value", code="value-type")
        return {}
    entries: dict[str, Entry] = {}
    keys_for: dict[str, str] = {}
    readers = _readers(ed)
    out_of_scope = _out_of_scope(ed, profile)
    for key, value in raw.items():
        path = ("indicators", key)
        found = readers.get(key) or readers.get(normalize_text(key))
        if found is None:
            c.error(path, f"unknown indicator {key!r} in edition {ed.id}",
                    lambda: suggestion(normalize_text(key), [n for i in ed.indicators for n in (i.name, i.id, *i.aliases)])
                    or "`ecocheck rules list` shows every indicator",
                    key=True, code="unknown-indicator")
            continue
        ind, reader = found
        if ind.id in keys_for:
            c.error(path, f"indicator {ind.name} is given twice (as {keys_for[ind.id]!r} and {key!r})",
                    "keep one of the two entries", key=True, code="duplicate-key")
            continue
        keys_for[ind.id] = key
        if ind.id in out_of_scope:
            c.warn(path, f"{ind.name} does not apply to this region: {out_of_scope[ind.id].render('en')}; its value is ignored",
                   key=True, code="not-applicable")
        entry = _indicator_entry(c, ind, reader, value, path)
        if entry is not None:
            entries[ind.id] = entry
    return entries


class _Reader:
    """How the value of one indicator or sub-item is read: worked out once per rule, not per file."""

    __slots__ = ("name", "criterion", "number", "bounds", "items")

    def __init__(self, rule: Indicator | SubItem) -> None:
        self.name = rule.name
        self.criterion = rule.criterion  # None for an indicator made of sub-items
        self.number = rule.criterion is not None and rule.criterion.value_type() == NUMBER
        self.bounds = _percent_range(rule.unit, rule.name)
        # a sub-item's id, name or alias -> the sub-item and its reader (the first sub-item that has it)
        self.items: dict[str, tuple[SubItem, _Reader]] = {}
        for item in getattr(rule, "items", ()):
            reader = _Reader(item)
            for name in (item.id, item.name, *item.aliases):
                self.items.setdefault(name, (item, reader))


# Worked out once per edition (and, for the scopes, per level and coast), kept while the edition is used.
_READERS: WeakKeyDictionary[Edition, dict[str, tuple[Indicator, _Reader]]] = WeakKeyDictionary()
_SCOPES: WeakKeyDictionary[Edition, dict[tuple[str, bool], dict[str, str]]] = WeakKeyDictionary()


def _readers(ed: Edition) -> dict[str, tuple[Indicator, _Reader]]:
    """An edition's indicator ids, names and aliases -> the indicator and its reader (as Edition.find)."""
    readers = _READERS.get(ed)
    if readers is None:
        made = {ind.id: (ind, _Reader(ind)) for ind in ed.indicators}
        readers = _READERS[ed] = {}
        for ind in ed.indicators:
            for name in (ind.id, ind.name, *ind.aliases):
                if ed.find(name) is ind:
                    readers[name] = made[ind.id]
    return readers


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


def _indicator_entry(c: _Collector, ind: Indicator, reader: _Reader, value: Any, path: tuple) -> Entry | None:
    if isinstance(value, dict) and "applicable" in value:
        # Whether an indicator applies is the standard's call (level, coastal), not the county's:
        # a self-declared 不适用 would drop a 约束性 indicator from the verdict unseen.
        c.error(path + ("applicable",), f"`applicable` is for sub-items only: whether {ind.name} applies "
                "is decided by the standard (level, profile.coastal), not by the submission",
                "remove it; give the value, leave the indicator out (缺数据), or declare "
                "{met: false, note: \"…\"}; a sub-item that does not exist in the region takes "
                "{applicable: false, note: \"…\"}", key=True, code="unknown-field")
        return None
    if not ind.items:
        return _entry(c, reader, value, path)
    if not isinstance(value, dict):
        names = "、".join(item.name for item in ind.items)
        c.error(path, f"{ind.name} has sub-items; give them as a mapping", f"sub-items: {names}",
                code="value-type")
        return None
    entry = Entry(path=path)
    _common_fields(c, entry, value, path)
    items = reader.items
    for key, sub in value.items():
        if key in ("met", "source", "note", "applicable"):
            continue
        found = items.get(normalize_text(str(key)))
        if found is None:
            c.error(path + (key,), f"unknown sub-item {key!r} of {ind.name}",
                    lambda: suggestion(normalize_text(str(key)), [n for it in ind.items for n in (it.name, it.id, *it.aliases)]) or f"sub-items: {'、'.join(i.name for i in ind.items)}",
                    key=True, code="unknown-indicator")
            continue
        item, item_reader = found
        if item.id in entry.items:
            c.error(path + (key,), f"sub-item {item.name} is given twice", key=True, code="duplicate-key")
            continue
        sub_entry = _entry(c, item_reader, sub, path + (key,))
        if sub_entry is not None:
            entry.items[item.id] = sub_entry
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
                c.error(path + (key,), f"`{key}` must be text", code="value-type")
    for key in ("met", "applicable"):
        if key in raw:
            if isinstance(raw[key], bool):
                setattr(entry, key, raw[key])
            else:
                c.error(path + (key,), f"`{key}` must be true or false, not {raw[key]!r}", code="value-type")
    if entry.applicable is False and not entry.note:
        c.error(path, "`applicable: false` needs a `note` saying why the item does not apply",
                'e.g. note: "县域内无特有性或指示性水生物种"', code="missing-field")


def _entry(c: _Collector, reader: _Reader, raw: Any, path: tuple) -> Entry | None:
    name, criterion, bounds = reader.name, reader.criterion, reader.bounds
    kind = raw.__class__
    if reader.number:  # the usual cases, quickly (the same checks in the same order as below)
        if kind is int or kind is float:
            return Entry(value=_number(c, name, raw, path, bounds), raw=raw, path=path)
        if kind is dict and raw.keys() <= _NUMBERS_ONLY:
            value = raw.get("value")
            if value.__class__ is int or value.__class__ is float:
                entry = Entry(path=path)
                _numeric_fields(c, entry, name, raw, path, bounds)
                entry.raw = value
                entry.value = _number(c, name, value, path + ("value",), bounds)
                return entry
    entry = Entry(path=path)
    if kind is dict or isinstance(raw, dict):
        for key in ([] if raw.keys() <= _ENTRY_FIELD_SET else raw):
            if key not in ENTRY_FIELDS:
                c.error(path + (key,), f"unknown field {key!r} in the value of {name}",
                        lambda: suggestion(str(key), ENTRY_FIELDS) or f"allowed: {', '.join(ENTRY_FIELDS)}",
                        key=True, code="unknown-field")
        _common_fields(c, entry, raw, path)
        value = raw.get("value")
        _numeric_fields(c, entry, name, raw, path, bounds)
        value_path = path + ("value",)
    else:
        value = raw
        value_path = path
    if isinstance(value, (list, dict)):
        c.error(value_path, f"the value of {name} must be a single number or word, not a "
                f"{'list' if isinstance(value, list) else 'mapping'}", code="value-type")
        return None
    if is_date_text(value):
        c.error(value_path, f"{value!r} reads as a date, not a value of {name}",
                'quote it if it is text ("…"), or give the number', code="value-type")
        return None
    entry.raw = value
    if value is None or (isinstance(value, str) and not value.strip()):
        return entry
    if not reader.number:  # text: a state word
        if not isinstance(value, str) or isinstance(value, bool):
            c.error(value_path, f"{name} is qualitative; {value!r} is not a state word",
                    f"write one of: {'、'.join(_accepted(criterion))}", code="value-type")
            return entry
        if criterion.classify(value) is None:
            accepted = _accepted(criterion)
            c.error(value_path, f"“{value}” is not a recognised state for {name}",
                    f"met: {'、'.join(accepted)}; not met: {'、'.join(criterion.reject) or '—'}; "
                    "or declare {met: true|false, note: \"…\"}", code="unknown-state")
            return entry
        entry.value = normalize_text(value)
        return entry
    entry.value = _number(c, name, value, value_path, bounds)
    return entry


def _numeric_fields(c: _Collector, entry: Entry, name: str, raw: dict, path: tuple,
                    bounds: tuple[Decimal, Decimal] | None) -> None:
    """previous, target, delta (a change: not bounded like the rate itself)."""
    for key in NUMERIC_FIELDS:
        if key in raw and raw[key] is not None:
            setattr(entry, key, _number(c, name, raw[key], path + (key,), None if key == "delta" else bounds))


def _accepted(criterion: Any) -> tuple[str, ...]:
    return getattr(criterion, "accept", ())


def _number(c: _Collector, name: str, raw: Any, path: tuple,
            bounds: tuple[Decimal, Decimal] | None) -> Decimal | None:
    kind = type(raw)
    if (kind is float and _NEG_INF < raw < _INF) or kind is int:  # the usual case, quickly
        number = Decimal(repr(raw)) if kind is float else Decimal(raw)  # as parse_number reads them
        if bounds is None or bounds[0] <= number <= bounds[1]:
            return number
    if isinstance(raw, (list, dict)):
        c.error(path, f"{name} expects a number, not a {'list' if isinstance(raw, list) else 'mapping'}",
                code="value-type")
        return None
    if is_date_text(raw):
        c.error(path, f"{raw!r} reads as a date, not a number for {name}", code="value-type")
        return None
    try:
        number = parse_number(raw)
    except ValueProblem as problem:
        c.error(path, f"{name}: {problem.message}", problem.hint, code=problem.code)
        return None
    if number is None:
        c.error(path, f"{name} expects a number; {raw!r} is text",
                "give the measured number (e.g. 95.33 or \"95.33%\"), or if only a statement is "
                "available declare it: {met: true, note: \"<the document's words>\"}", code="value-type")
        return None
    if bounds is not None and not bounds[0] <= number <= bounds[1]:
        c.error(path, f"{name}: {raw!r} is outside {bounds[0]}–{bounds[1]}%",
                "a rate in percent lies between 0 and 100", code="value-range")
        return None
    return number
