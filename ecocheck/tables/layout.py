"""Which grid is the indicator table, where its header is, and what each column holds.

A header is the first row (of the first 20) with an indicator-name column (指标名称, 指标, 名称,
项目) and at least one year column, together with the rows under it whose name cell is empty or
merged into the header's (a two-row header: 目标值 over 2022年 and 2030年). A column's label is
the text of its header cells, top to bottom.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field

from ecocheck.base.errors import InputError
from ecocheck.base.messages import Message, Quoted
from ecocheck.tables.grid import Grid

MEASURED, PLAN = "measured", "plan"
HEADER_SEARCH_ROWS = 20

# Column roles, tried in this order on the label with spaces removed. A verdict or remarks
# column (基准年达标情况) is not data even when it names a year.
IGNORED_WORDS = ("达标情况", "是否达标", "达标", "结果", "评价", "说明", "备注", "差距", "完成情况",
                 "数据来源", "来源", "责任", "牵头", "计算方法", "解释")
MEASURED_WORDS = ("现状", "基准", "基期", "实际", "实测", "完成值")
PLAN_WORDS = ("目标", "规划", "预测", "预期值", "近期", "中期", "远期")
STANDARD_WORDS = ("指标值", "指标要求", "标准值", "考核要求", "建设标准", "指标标准", "要求", "标准")
NAME_LABELS = ("指标名称", "指标", "名称", "项目", "指标项", "评价指标", "建设指标", "指标名")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Columns that go with the value column rather than being a year of their own (ecocheck's own
# xlsx export, and gap tables that give last year's value beside this year's).
COMPANION_LABELS = {"上年值": "previous", "上年": "previous", "上年数值": "previous", "Previous": "previous",
                    "变化": "delta", "变化值": "delta", "Change": "delta",
                    "上级目标": "target", "上级下达目标": "target", "下达目标值": "target"}
# A bare 目标值 is a plan year's target, except beside a 上年值 column, where it is the assigned one.
ASSIGNED_TARGET_LABELS = ("目标值", "Target")
COMPANIONS = ("previous", "target", "delta")


@dataclass
class YearColumn:
    col: int  # 0-based
    label: str
    year: int | None  # None: the header names no year (see --base-year)
    basis: str  # measured | plan
    why: Message  # how the basis was read, for the import's notes


@dataclass
class Layout:
    grid: Grid
    header_rows: list[int]  # 0-based rows of the header
    labels: list[str]  # per column
    name: int
    roles: dict[str, int] = field(default_factory=dict)  # domain, task, number, unit, standard, attribute,
    # and the value column's companions: previous, target, delta
    years: list[YearColumn] = field(default_factory=list)

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def header_title(self) -> str:
        """The rows above the header (a sheet's or CSV's title line), else the grid's title."""
        above = [c.text.strip() for row in self.grid.rows[:self.header_rows[0]] for c in row
                 if c.text.strip() and not c.merged]
        return " ".join(dict.fromkeys(above)) or self.grid.title


def compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def column_role(label: str) -> str:
    text = compact(label)
    if not text or any(w in text for w in IGNORED_WORDS):
        return "ignored"
    if text in COMPANION_LABELS:
        return COMPANION_LABELS[text]
    for role, words in (("domain", ("领域",)), ("task", ("任务",)), ("unit", ("单位",)),
                        ("attribute", ("属性", "类别", "类型", "性质"))):
        if any(w in text for w in words):
            return role
    if "序号" in text or text in ("编号", "No.", "No"):
        return "ignored" if text.startswith("指标") else "number"  # 指标序号: the standard's own number
    if _YEAR.search(text) or any(w in text for w in MEASURED_WORDS + PLAN_WORDS):
        return "year"
    if any(w in text for w in STANDARD_WORDS):
        return "standard"
    if text in NAME_LABELS or "名称" in text:
        return "name"
    return "ignored"


def year_column(col: int, label: str, today: _dt.date) -> YearColumn:
    text = compact(label)
    found = _YEAR.findall(text)
    year = int(found[-1]) if found else None
    if any(w in text for w in PLAN_WORDS):
        return YearColumn(col, label, year, PLAN, Message("input.table.note.plan_words"))
    if any(w in text for w in MEASURED_WORDS):
        return YearColumn(col, label, year, MEASURED, Message("input.table.note.measured_words"))
    if year is not None and year > today.year:
        return YearColumn(col, label, year, PLAN, Message("input.table.note.future", year=year))
    return YearColumn(col, label, year, MEASURED, Message("input.table.note.past"))


def find_layout(grid: Grid, today: _dt.date | None = None) -> Layout | None:
    """The grid's header and columns, or None when it has no indicator-name and year columns."""
    today = today or _dt.date.today()
    for r, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        names = [c for c, cell in enumerate(row) if not cell.merged and column_role(cell.text) == "name"]
        if not names:
            continue
        name = names[0]
        header = [r]
        while header[-1] + 1 < len(grid.rows):
            below = grid.rows[header[-1] + 1][name]
            if not (below.blank or (below.merged and below.row == r + 1)):
                break
            header.append(header[-1] + 1)
        labels = []
        for c in range(len(row)):
            parts = [grid.rows[h][c].text.strip() for h in header]
            labels.append("\n".join(dict.fromkeys(p for p in parts if p)))
        layout = Layout(grid, header, labels, name)
        for c, label in enumerate(labels):
            role = column_role(label) if c != name else "name"
            if role == "year":
                layout.years.append(year_column(c, label, today))
            elif role not in ("ignored", "name"):
                layout.roles.setdefault(role, c)
        if "previous" in layout.roles:
            for column in [y for y in layout.years if y.year is None and compact(y.label) in ASSIGNED_TARGET_LABELS]:
                layout.years.remove(column)
                layout.roles.setdefault("target", column.col)
        if layout.years:
            return layout
    return None


def choose_layout(grids: list[Grid], *, sheet: str | None = None, table: int | None = None,
                  today: _dt.date | None = None) -> tuple[Layout, list[Message]]:
    """The indicator table (the one named by --sheet/--table, else the first that has one), and
    notes on the others that also look like one."""
    if not grids:
        raise InputError.single(Message("input.table.none"), file=_file(grids),
                                hint=Message("input.table.none_hint"), code="no-table")
    file = grids[0].file
    if sheet is not None or table is not None:
        wanted = [g for i, g in enumerate(grids, start=1)
                  if (sheet is not None and g.name == sheet) or (table is not None and i == table)]
        if not wanted:
            what = (Message("input.table.sheet_not_found", name=Quoted(sheet)) if sheet is not None
                    else Message("input.table.table_not_found", number=table))
            have = "、".join(g.name or "(CSV)" for g in grids)
            raise InputError.single(what, file=file, hint=Message("input.table.has", names=have), code="no-table")
        layout = find_layout(wanted[0], today)
        if layout is None:
            raise _no_header(wanted[0])
        return layout, []
    found = [(g, layout) for g in grids if (layout := find_layout(g, today)) is not None]
    if not found:
        for grid in grids:
            if any(column_role(c.text) == "name" for row in grid.rows[:HEADER_SEARCH_ROWS] for c in row):
                raise _no_header(grid)
        looked = "、".join(f"{g.name or '(CSV)'}" + (f"（{g.title[:20]}）" if g.title else "") for g in grids)
        raise InputError.single(Message("input.table.no_indicator_table", looked=looked), file=file,
                                hint=Message("input.table.no_indicator_table_hint"), code="no-table")
    notes = [Message("input.table.note.other", name=g.name,
                     option=f"`--sheet {g.name}`" if not g.name.startswith("表") else f"`--table {g.name[1:]}`")
             for g, _ in found[1:]]
    return found[0][1], notes


def _no_header(grid: Grid) -> InputError:
    for row in grid.rows[:HEADER_SEARCH_ROWS]:
        for cell in row:
            if column_role(cell.text) == "name":
                return grid.error(Message("input.table.no_year_column", where=cell.where),
                                  Message("input.table.no_year_column_hint"),
                                  row=cell.row, col=cell.col, code="no-year-column")
    return grid.error(Message("input.table.no_header"), Message("input.table.no_header_hint"), code="no-table")


def _file(grids: list[Grid]) -> str:
    return grids[0].file if grids else ""
