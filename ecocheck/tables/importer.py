"""An indicator table in, one submission per year column out, as YAML of the cells' texts.

The import decides structure only: which row is which indicator or sub-item, which column is
which year. It never reads a value: every value is written as its cell's text (a YAML string)
with the cell as `source:`, and the submission reader reads it as it reads a hand-written file.

Sub-items come in three layouts, all read here:
- lines inside one cell: the name cell lists the parent then its sub-items, each value cell has
  one line per sub-item — or a single line, which then holds for every sub-item (one merged
  cell for a composite);
- rows under a merged parent: the name cell spans one row per sub-item it lists;
- rows of their own: a row named after a sub-item of the indicator above it (└ 秸秆综合利用率,
  其中：秸秆综合利用率).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ecocheck.base.errors import InputError, Problem
from ecocheck.base.messages import Message, Quoted
from ecocheck.library.loader import Library
from ecocheck.library.model import Edition, Indicator, SubItem
from ecocheck.tables import Options
from ecocheck.tables.grid import Cell, Grid, joined
from ecocheck.tables.layout import COMPANIONS, MEASURED, Layout, YearColumn, choose_layout
from ecocheck.tables.names import NameIndex, key, split_names
from ecocheck.tables.readers import read_grids

ATTRIBUTE_WORDS = {"约束性": "约束性", "参考性": "参考性", "预期性": "参考性", "非约束性": "参考性", "指导性": "参考性"}
_REGION = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|县|旗|市|区))")
_TABLE_PREFIX = re.compile(r"^\s*附?(?:表|图)\s*[0-9０-９一二三四五六七八九十]*[-.．]?[0-9]*\s*")
_REGION_FIELD = re.compile(r"地区\s*[:：]\s*(\S+)")
_YEAR_FIELD = re.compile(r"年份\s*[:：]\s*((?:19|20)\d\d)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
LEVEL_OF_SUFFIX = {"县": "county", "旗": "county", "区": "county", "市": "city"}


@dataclass
class Value:
    indicator: Indicator
    item: SubItem | None
    text: str
    cell: Cell
    companions: dict[str, Cell] = field(default_factory=dict)  # previous / target / delta cells beside it


@dataclass
class Unmatched:
    """A row whose name is no indicator or sub-item of the edition: listed, never dropped."""

    cell: Cell
    name: str
    closest: list[str]
    texts: dict[int, str]  # year column -> the cell's text


@dataclass
class Draft:
    """One year column as a submission file."""

    column: YearColumn
    file_name: str  # REGION-YEAR.yaml
    text: str
    cells: dict[int, Cell]  # YAML line -> the cell its value came from


@dataclass
class ImportedTable:
    layout: Layout
    edition: Edition
    region: str
    level: str
    terrain: str | None
    columns: list[YearColumn]
    values: dict[int, list[Value]]  # year column -> values in table order
    unmatched: list[Unmatched] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # how the table was read
    findings: list[Problem] = field(default_factory=list)  # disagreements with the standard, cells not placed

    @property
    def grid(self) -> Grid:
        return self.layout.grid

    def locate(self, draft: Draft, problem: Problem) -> Problem:
        """A problem the submission reader found in a draft, placed at the table cell it came from."""
        cell = draft.cells.get(problem.line)
        if cell is None:
            return Problem(problem.message, f"{self.grid.label} ({draft.column.year})", 0, 0, problem.hint,
                           problem.code)
        return Problem(Message("input.named", name=f"{cell.where} ({draft.column.year})", message=problem.message),
                       self.grid.label, cell.row,
                       cell.col, problem.hint, problem.code)

    def drafts(self) -> list[Draft]:
        return [self._draft(column) for column in self.columns]

    def _draft(self, column: YearColumn) -> Draft:
        grid = self.grid
        quote = _quote
        lines = [
            f"# {self.region} {column.year} ({column.basis}): imported by `ecocheck import` from {grid.label},",
            f"# column {_one_line(column.label)!r}. Every value is its cell's text as printed; `source` names the cell.",
            f"region: {quote(self.region)}",
            f"level: {self.level}",
            f"year: {column.year}",
            f"edition: {quote(self.edition.id)}",
            f"basis: {column.basis}",
            f"source: {quote(f'{grid.label}, column {_one_line(column.label)}')}",
        ]
        if self.terrain:
            lines += ["profile:", f"  terrain: {quote(self.terrain)}"]
        lines.append("indicators:")
        cells: dict[int, Cell] = {}
        grouped: dict[str, list[Value]] = {}
        for value in self.values.get(column.col, []):
            grouped.setdefault(value.indicator.id, []).append(value)
        for values in grouped.values():
            ind = values[0].indicator
            if ind.items:
                lines.append(f"  {quote(ind.name)}:")
                indent = "    "
            else:
                indent = "  "
            for value in values:
                name = value.item.name if value.item else ind.name
                extra = "".join(f", {field}: {quote(joined(cell.lines))}" for field, cell in value.companions.items())
                lines.append(f"{indent}{quote(name)}: {{value: {quote(value.text)}{extra}, "
                             f"source: {quote(value.cell.where)}}}")
                cells[len(lines)] = value.cell
        if self.unmatched:
            lines.append(f"# Rows not imported: no indicator or sub-item of edition {self.edition.id} by that name")
            for row in self.unmatched:
                near = f" (closest: {'、'.join(row.closest)})" if row.closest else ""
                text = row.texts.get(column.col)
                shown = f": {_one_line(text)!r}" if text else ""
                lines.append(f"#   {row.cell.where} {_one_line(row.name) or '(no name)'}{shown}{near}")
        return Draft(column, f"{self.region}-{column.year}.yaml", "\n".join(lines) + "\n", cells)


_BARE_NUMBER = re.compile(r"[+\-−]?\d+(?:\.\d+)?")


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def import_table(path: str | Path, library: Library, options: Options = Options(), *,
                 display: str | None = None, today: _dt.date | None = None) -> ImportedTable:
    """Read the file's indicator table. InputError for a table that cannot be imported."""
    today = today or _dt.date.today()
    grids = read_grids(path, display)
    layout, notes = choose_layout(grids, sheet=options.sheet, table=options.table, today=today)
    grid = layout.grid
    edition, edition_note = _edition(layout, library, options.edition)
    notes.append(edition_note)
    region, level = _region_and_level(layout, options)
    columns = _years(layout, options, today)
    notes += [Message("input.table.note.column", label=Quoted(_one_line(c.label)),
                      where=grid.rows[layout.header_rows[-1]][c.col].where, year=c.year,
                      basis=Message("input.table.note.measured" if c.basis == MEASURED else "input.table.note.plan"),
                      why=c.why) for c in columns]
    imported = ImportedTable(layout, edition, region, level, options.terrain, columns,
                             {c.col: [] for c in columns}, notes=notes)
    _RowWalker(imported, NameIndex(edition)).walk()
    return imported


def _edition(layout: Layout, library: Library, wanted: str | None) -> tuple[Edition, Message]:
    if wanted is not None:
        try:
            edition = library.get(wanted)
        except KeyError:
            raise InputError.single(Message("input.edition.unknown", value=Quoted(wanted)), file=layout.grid.label,
                                    hint=Message("input.edition.known", editions=", ".join(sorted(library.editions))),
                                    code="unknown-edition")
        return edition, Message("input.table.note.edition", edition=edition.id)
    names = [row[layout.name].lines[0] for row in layout.grid.rows[layout.first_data_row:]
             if not row[layout.name].merged and row[layout.name].lines]
    default = library.get(None)
    counts = {ed.id: sum(NameIndex(ed).knows(n) for n in names) for ed in library.editions.values()}
    best = max(counts.values())
    chosen = default if counts[default.id] == best else next(
        ed for ed in library.editions.values() if counts[ed.id] == best)
    tally = ", ".join(f"{e}: {n}" for e, n in counts.items())
    return chosen, Message("input.table.note.edition_chosen", edition=chosen.id, tally=tally, rows=len(names))


def _region_and_level(layout: Layout, options: Options) -> tuple[str, str]:
    grid = layout.grid
    region = options.region
    if region is None:
        title = layout.header_title
        found = _REGION_FIELD.search(title)
        if found is None:
            found = _REGION.match(_TABLE_PREFIX.sub("", title))
        if found is None:
            raise grid.error(Message("input.table.title_no_region", title=Quoted(title[:40])) if title
                             else Message("input.table.no_title"),
                             Message("input.table.region_hint"), code="no-region")
        region = found.group(1)
    level = options.level
    if level is None:
        level = LEVEL_OF_SUFFIX.get(region[-1:])
        if level is None:
            raise grid.error(Message("input.table.no_level", region=region), Message("input.table.level_hint"),
                             code="no-level")
    return region, level


def _years(layout: Layout, options: Options, today: _dt.date) -> list[YearColumn]:
    grid = layout.grid
    title_year = _YEAR_FIELD.search(layout.header_title)
    seen: dict[int, YearColumn] = {}
    for column in layout.years:
        header = grid.rows[layout.header_rows[-1]][column.col]
        if column.year is None:
            year = options.base_year if column.basis == MEASURED else None
            if year is None and column.basis == MEASURED and title_year:
                year = int(title_year.group(1))
            if year is None:
                hint = Message("input.table.base_year_hint" if column.basis == MEASURED
                               else "input.table.plan_year_hint")
                raise grid.error(Message("input.table.column_no_year", label=Quoted(_one_line(column.label))), hint,
                                 row=header.row, col=column.col + 1, code="no-year")
            column.year = year
        if column.year in seen:
            raise grid.error(Message("input.table.two_columns", year=column.year,
                                     first=Quoted(_one_line(seen[column.year].label)),
                                     second=Quoted(_one_line(column.label))),
                             Message("input.table.two_columns_hint"), row=header.row, col=column.col + 1,
                             code="duplicate-year")
        seen[column.year] = column
    return layout.years


class _RowWalker:
    """Walks the data rows, placing every non-empty year cell under its indicator or sub-item."""

    def __init__(self, imported: ImportedTable, index: NameIndex) -> None:
        self.t = imported
        self.index = index
        self.layout = imported.layout
        self.rows = imported.grid.rows
        self.placed: dict[tuple[str, str | None], Cell] = {}  # (indicator, sub-item) -> its name cell
        self.parent: Indicator | None = None  # the indicator whose sub-item rows may follow
        self.block: tuple[Indicator, list[SubItem], int] | None = None  # rows under a merged name cell
        self.pending: tuple[Indicator, list[Cell]] | None = None  # a parent row without sub-item names

    def walk(self) -> None:
        for r in range(self.layout.first_data_row, len(self.rows)):
            row = self.rows[r]
            if all(c.blank for c in row):
                continue
            name = row[self.layout.name]
            if self.block and name.merged and name.row == self.block[2]:
                self._block_row(row, r)
                continue
            self.block = None
            if name.blank:
                self._flush_pending()
                if any(not row[c.col].blank for c in self.t.columns):
                    self._unmatched(name, "", row)
                continue
            self._named_row(row, name)
        self._flush_pending()

    # ── the three layouts ──

    def _named_row(self, row: list[Cell], name: Cell) -> None:
        lines = name.lines
        first = lines[0]
        if self.parent is not None and (item := self.index.item(self.parent, first)) is not None:
            self.pending = None  # the parent's own row was a heading for these rows
            self._place(self.parent, item, name)
            self._values(row, self.parent, [item])
            return
        self._flush_pending()
        ind = self.index.indicator(first)
        items: list[SubItem] = []
        if ind is None and (found := self.index.item_anywhere(first)) is not None:
            ind, item = found
            items = [item]
        if ind is None:
            self.parent = None
            self._unmatched(name, "\n".join(lines), row)
            return
        self._check_standard(row, ind)
        if items:  # a sub-item's name at the top level: under its indicator
            self.parent = ind
            self._place(ind, items[0], name)
            self._values(row, ind, items)
            return
        if not ind.items:
            self.parent = None
            self._place(ind, None, name)
            self._values(row, ind, [None])
            return
        self.parent = ind
        items = self._listed_items(ind, lines[1:], name)
        span = self._span(name)
        for item in items:
            self._place(ind, item, name)
        if span > 1:
            self.block = (ind, items, name.row)
            if len(items) != span:
                self._finding(name, Message("input.table.span", name=ind.name, span=span, items=len(items)))
            self._values(row, ind, items[:1])
        elif items:
            self._values(row, ind, items)
        else:
            self._place(ind, None, name)
            self.pending = (ind, row)

    def _block_row(self, row: list[Cell], r: int) -> None:
        ind, items, anchor = self.block
        i = r - (anchor - 1)  # anchor is 1-based
        if i < len(items):
            self._values(row, ind, [items[i]])

    def _flush_pending(self) -> None:
        """A parent row with no sub-item names and no sub-item rows under it: its one value
        stands for every sub-item (one merged cell for a composite)."""
        if self.pending is None:
            return
        ind, row = self.pending
        self.pending = None
        self._values(row, ind, list(ind.items))

    # ── helpers ──

    def _listed_items(self, ind: Indicator, lines: list[str], name: Cell) -> list[SubItem]:
        items = []
        for line in lines:
            for part in split_names(line):
                item = self.index.item(ind, part)
                if item is not None:
                    items.append(item)
                elif items:  # a line after the sub-items began that names none of them
                    self._finding(name, Message("input.table.not_item", name=ind.name, part=Quoted(part),
                                                items="、".join(i.name for i in ind.items)))
        return items

    def _span(self, name: Cell) -> int:
        r = name.row  # 1-based row of the anchor = 0-based index of the next row
        span = 1
        while r < len(self.rows) and self.rows[r][self.layout.name].merged \
                and self.rows[r][self.layout.name].row == name.row:
            span += 1
            r += 1
        return span

    def _place(self, ind: Indicator, item: SubItem | None, name: Cell) -> None:
        place = (ind.id, item.id if item else None)
        earlier = self.placed.get(place)
        if earlier is not None and earlier.where != name.where:
            what = f"{ind.name} / {item.name}" if item else ind.name
            raise self.t.grid.error(Message("input.table.twice", name=what, first=earlier.where, second=name.where),
                                    Message("input.table.twice_hint"),
                                    row=name.row, col=name.col, code="duplicate-indicator")
        self.placed[place] = name

    def _values(self, row: list[Cell], ind: Indicator, items: list[SubItem | None]) -> None:
        """The year cells of `row` for `items` (None: the indicator itself)."""
        for column in self.t.columns:
            cell = row[column.col]
            lines = cell.lines
            if not lines:
                continue
            if len(items) == 1:  # one value: its lines are one text ("58.39" + "（国土三调）")
                text = joined(lines)
                text += self._other_unit(row, items[0] or ind, text)
                self.t.values[column.col].append(Value(ind, items[0], text, cell, self._companions(row)))
            elif len(lines) == len(items):
                for item, line in zip(items, lines):
                    self.t.values[column.col].append(Value(ind, item, line, cell))
            elif len(lines) == 1:
                for item in items:
                    self.t.values[column.col].append(Value(ind, item, lines[0], cell))
            else:
                self._finding(cell, Message("input.table.lines", name=ind.name, lines=len(lines), count=len(items),
                                            items="、".join(i.name for i in items)))

    def _other_unit(self, row: list[Cell], rule: Indicator | SubItem, text: str) -> str:
        """" UNIT" when the row's 单位 is one that picks another reading of the rule (`by_unit`: PM2.5
        in μg/m³ is a concentration, not a decrease in %) and the value is a bare number, so its text
        carries the unit; else ""."""
        roles = self.layout.roles
        if "unit" not in roles or not rule.by_unit or not _BARE_NUMBER.fullmatch(text.strip()):
            return ""
        written = key(row[roles["unit"]].text).lower()
        unit = next((unit for spelling, unit in self.t.edition.cells.units if key(spelling).lower() == written), None)
        return f" {unit}" if unit in {name for name, _ in rule.by_unit} else ""

    def _companions(self, row: list[Cell]) -> dict[str, Cell]:
        """The non-empty previous / target / delta cells of a row (only beside a single value column:
        with several year columns they could belong to any of them)."""
        if len(self.t.columns) != 1:
            return {}
        roles = self.layout.roles
        return {field: row[roles[field]] for field in COMPANIONS if field in roles and row[roles[field]].lines}

    def _check_standard(self, row: list[Cell], ind: Indicator) -> None:
        """The table's 属性 and 指标值 cells against the rule library."""
        roles = self.layout.roles
        if "attribute" in roles:
            cell = row[roles["attribute"]]
            word = ATTRIBUTE_WORDS.get(key(cell.text))
            if word is not None and word != ind.attribute:
                self._finding(cell, Message("input.table.attribute", name=ind.name, table=key(cell.text),
                                            edition=self.t.edition.id, standard=ind.attribute),
                              code="table-disagrees")
        if "standard" in roles:
            cell = row[roles["standard"]]
            if cell.merged and cell.row != row[self.layout.name].row:
                return
            printed = _numbers(cell.text)
            rule = _numbers(" ".join([ind.requirement, *(i.requirement for i in ind.items)]))
            if printed and not printed <= rule:
                self._finding(cell, Message("input.table.requirement", name=ind.name, table=Quoted(_one_line(cell.text)),
                                            edition=self.t.edition.id, standard=Quoted(ind.requirement)),
                              code="table-disagrees")

    def _unmatched(self, name: Cell, text: str, row: list[Cell]) -> None:
        texts = {c.col: joined(row[c.col].lines) for c in self.t.columns if not row[c.col].blank}
        closest = self.index.closest(text) if text else []
        self.t.unmatched.append(Unmatched(name, text, closest, texts))
        near = Message("input.table.closest", names="、".join(closest)) if closest else ""
        what = Message("input.table.row", text=Quoted(text)) if text else Message("input.table.row_without_name")
        self._finding(name, Message("input.table.unmatched", what=what, edition=self.t.edition.id, near=near),
                      code="unmatched-row")

    def _finding(self, cell: Cell, message: Message, code: str = "table-layout") -> None:
        self.t.findings.append(self.t.grid.problem(Message("input.named", name=cell.where, message=message),
                                                   row=cell.row, col=cell.col, code=code))


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n) for n in _NUMBER.findall(unicodedata.normalize("NFKC", text))}
