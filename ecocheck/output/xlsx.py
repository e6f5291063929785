"""Excel export: the 差距分析表 (gap analysis workbook) consultants work in.

Sheets, in order:

1. 汇总 / Summary — one row per county-year (from the batch summary), autofilter, each region
   linked to its own sheet;
2. 指标统计 / Indicators — per indicator, how many counties pass / fail / lack data;
3. 错误 / Errors — the files that could not be read (only when there are any);
4. one sheet per county-year ("喀左县-2019"), laid out like the standard's table
   (领域, 任务, 序号, 指标名称, 单位, 现状值, 上年值, 目标值, 变化, 指标值, 属性, 结果, 说明), the
   values as numbers (a % unit shown with a % format, the number unchanged), sub-items as indented rows,
   结果 filled by status (pass green, fail red, missing amber, n/a grey), the summary lines under
   the table.

Every cell's text comes from the canonical report dicts through `labels`, as in the terminal
and Markdown output. Header rows are frozen; column widths count a Chinese character double.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ecocheck.base.words import LEVEL_WORDS, STATUS_WORDS
from ecocheck.output import labels
from ecocheck.output.common import (
    COUNTY_HEAD, ERROR_HEAD, INDICATOR_HEAD, TITLES, Completed, attribute_word, basis_word, clean, conclusion,
    county_key, export_renderers, flat_results, problem_location, profile_text, spool, spooled, total_line,
)

# Fill and font colours of the 结果 cell (Excel's own Good / Bad / Neutral styles, and grey).
FILL_RGB = {"pass": "C6EFCE", "fail": "FFC7CE", "missing": "FFEB9C", "not_applicable": "D9D9D9"}
FONT_RGB = {"pass": "006100", "fail": "9C0006", "missing": "9C5700", "not_applicable": "595959"}
HEADER_RGB = "DDEBF7"

SHEETS = {
    "zh": {"summary": "汇总", "indicators": "指标统计", "errors": "错误"},
    "en": {"summary": "Summary", "indicators": "Indicators", "errors": "Errors"},
}
INFO = {"zh": {"file": "文件", "see_errors": "无法读取的文件 {n} 个，见“{sheet}”工作表"},
        "en": {"file": "File", "see_errors": "{n} file(s) could not be read: see the “{sheet}” sheet"}}

# Widest a column may grow (in Excel character units) before its text wraps instead.
COUNTY_CAPS = [12, 30, 6, 40, 12, 14, 10, 10, 10, 32, 8, 14, 56]
MAX_SHEET_NAME = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}  # Excel reserves it

THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)
LINK_FONT = Font(color="0563C1", underline="single")


def fill(status: str) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor="FF" + FILL_RGB[status], bgColor="FF" + FILL_RGB[status])


def status_font(status: str, bold: bool = False) -> Font:
    return Font(color="FF" + FONT_RGB[status], bold=bold)


def display_width(text: Any) -> int:
    """Columns `text` takes on screen: East Asian wide (and ambiguous) characters count double."""
    longest = 0
    for line in str(text).split("\n"):
        width = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1 for ch in line)
        longest = max(longest, width)
    return longest


def _units(text: str) -> int:
    """Length as Excel counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> str:
    while _units(text) > limit:
        text = text[:-1]
    return text


def sheet_name(wanted: list[str], used: set[str]) -> str:
    """A valid, unused sheet name: the first of `wanted` that fits, else the first numbered.

    Excel's rules: at most 31 characters, none of []:*?/\\, not starting or ending with an
    apostrophe, unique ignoring case, not "History". `used` holds the lower-cased names taken.
    """
    def valid(text: str) -> str:
        return _BAD_SHEET_CHARS.sub("_", clean(text)).strip().strip("'") or "Sheet"

    def free(name: str) -> bool:
        return bool(name) and name.lower() not in used and name.lower() not in _RESERVED_SHEET_NAMES

    candidates = [_fit(valid(w), MAX_SHEET_NAME).strip().strip("'") for w in wanted]
    for name in candidates:
        if free(name):
            used.add(name.lower())
            return name
    base = valid(wanted[0])
    n = 2
    while True:
        suffix = f" ({n})"
        name = _fit(base, MAX_SHEET_NAME - len(suffix)).strip().strip("'") + suffix
        if free(name):
            used.add(name.lower())
            return name
        n += 1


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


# The workbook is written in openpyxl's write-only mode: each sheet row by row, never held as a
# grid of cells. Column widths, the frozen header and a row's height go before the rows they
# shape, so a sheet's widths are measured before its first row is written.

WriteOnlyWorksheet = Any  # what Workbook(write_only=True).create_sheet() gives


def _cell(ws: WriteOnlyWorksheet, value: Any) -> Cell:
    """A cell to append. Text is always text: openpyxl would store a string starting with "=" as
    a formula, and a submission's text must never become a live formula in a reviewer's Excel."""
    if isinstance(value, str):
        value = clean(value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def column_widths(head: list[str], rows: Iterable[list[Any]], caps: list[int], minimum: int = 4) -> list[float]:
    """Each column's width: its widest text, the header's included (+2), at least `minimum`, at most
    its cap. One pass over the rows, so that rows made as they are read are made once."""
    widest = [display_width(name) for name in head]
    columns = range(len(head))
    for values in rows:
        for i in columns:
            value = values[i]
            if value is not None:
                width = display_width(value)
                if width > widest[i]:
                    widest[i] = width
    return [max(minimum, min(cap, width + 2)) for width, cap in zip(widest, caps)]


LINE_HEIGHT = 15.0  # points per text line at the default 11 pt


def _wrapped_lines(text: str, width: float) -> int:
    usable = max(1.0, width - 1.5)
    return sum(max(1, -(-display_width(line) // int(usable))) for line in text.split("\n"))


class _Rows:
    """A write-only sheet, written row by row from row 1, its header row frozen and printed on
    every page (set here: openpyxl writes them, and the column widths, before the first row)."""

    def __init__(self, ws: WriteOnlyWorksheet, widths: list[float], header_row: int) -> None:
        self.ws = ws
        self.widths = widths
        self.row = 0  # the last row written
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = f"A{header_row + 1}"
        _print_setup(ws, f"{header_row}:{header_row}")

    def append(self, cells: list[Cell], fit: bool = False) -> None:
        """The next row; `fit`: as tall as its wrapped text. Excel re-fits rows without a height
        when it draws them, LibreOffice does not, so the height is estimated from the widths."""
        self.row += 1
        if fit:
            lines = 1
            for cell, width in zip(cells, self.widths):
                if cell.value is not None and cell.alignment and cell.alignment.wrap_text:
                    lines = max(lines, _wrapped_lines(str(cell.value), width))
            if lines > 1:
                self.ws.row_dimensions[self.row].height = LINE_HEIGHT * lines + 2
        self.ws.append(cells)

    def skip(self) -> None:
        """An empty row."""
        self.append([])


def _header(ws: WriteOnlyWorksheet, names: list[str]) -> list[Cell]:
    cells = []
    for name in names:
        cell = _cell(ws, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", fgColor="FF" + HEADER_RGB, bgColor="FF" + HEADER_RGB)
        cell.border = BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cells.append(cell)
    return cells


def _print_setup(ws: WriteOnlyWorksheet, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows


# ── the county sheets ──────────────────────────────────────────────────────────────────

# The standard's columns with last year's value, the target and the change beside 现状值, each a
# number of its own so a consultant can compute with them.
NUMBER_HEAD = {"zh": ["上年值", "目标值", "变化"], "en": ["Previous", "Target", "Change"]}


def county_columns(lang: str) -> list[str]:
    head = labels.COLUMNS[lang]
    return [*head[:6], *NUMBER_HEAD[lang], *head[6:]]


VALUE_COLUMN = 6  # 现状值, then 上年值, 目标值, 变化
RESULT_COLUMN = 12
PERCENT = 'General"%"'  # 58.39 shown as 58.39%: the number stays the report's own
COUNTY_HEADER_ROW = 3


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _value_cell(result: dict[str, Any], lang: str) -> Any:
    """现状值: the number when there is one, else the value's words (or 申报 for a declaration)."""
    value = result.get("value")
    if _number(value):
        return value
    if value not in (None, ""):
        return clean(value)
    return labels.WORDS[lang]["declared"] if result.get("declared") else None


def _result_row(ws: WriteOnlyWorksheet, result: dict[str, Any], parent: dict[str, Any] | None,
                cells: list[Any], lang: str) -> tuple[list[Any], list[Cell]]:
    """One indicator's (or sub-item's) values and its cells in the county table."""
    status = result["status"]
    text = [clean(c) for c in cells]
    if parent is None:
        text[2] = result["number"]
    else:
        text[3] = "└ " + clean(labels.name_text(result, lang))
    numbers = [_value_cell(result, lang), result.get("previous"), result.get("target"), result.get("delta")]
    values: list[Any] = [*text[:5], *numbers, *text[6:]]
    row = []
    for col, value in enumerate(values, start=1):
        cell = _cell(ws, value if value != "" else None)
        cell.border = BORDER
        cell.alignment = WRAP if col in (4, 10, 13) else TOP
        if _number(value) and VALUE_COLUMN <= col < VALUE_COLUMN + 4 and labels.unit_of(result) == "%":
            cell.number_format = PERCENT
        if status == "not_applicable":
            cell.font = Font(color="FF808080")
        row.append(cell)
    if parent is not None:
        row[3].alignment = Alignment(vertical="top", wrap_text=True, indent=1)
    verdict = row[RESULT_COLUMN - 1]
    verdict.fill = fill(status)
    verdict.font = status_font(status, bold=status == "fail")
    return values, row


def county_sheet(ws: WriteOnlyWorksheet, report: dict[str, Any], lang: str) -> None:
    """The county's table (made whole first: its widths come before its rows), then its summary lines."""
    columns = county_columns(lang)
    table = [_result_row(ws, result, parent, cells, lang)
             for (result, parent), cells in zip(flat_results(report), labels.rows(report, lang))]
    widths = column_widths(columns, (values for values, _ in table), COUNTY_CAPS)
    sheet = _Rows(ws, widths, COUNTY_HEADER_ROW)

    title = _cell(ws, labels.heading(report, lang))
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    profile = profile_text(report.get("profile", {}), lang)
    info = _cell(ws, f"{INFO[lang]['file']}: {report.get('file', '')}" + (f"  {profile}" if profile else ""))
    info.font = Font(color="FF595959")
    sheet.append([info])
    sheet.append(_header(ws, columns), fit=True)
    for _, cells in table:
        sheet.append(cells, fit=True)
    last_table_row = sheet.row

    sheet.skip()
    summary = labels.summary_lines(report, lang)
    for i, line in enumerate(summary):
        cell = _cell(ws, line)
        if i == len(summary) - 1:
            met = report["summary"]["binding_met"]
            cell.font = Font(bold=True, color="FF" + FONT_RGB["pass" if met else "fail"])
        sheet.append([cell])
    for note in labels.footnotes(report, lang):
        cell = _cell(ws, note)
        cell.font = Font(italic=True, color="FF595959")
        sheet.append([cell])
    for warning in report.get("warnings", []):
        cell = _cell(ws, f"{labels.WORDS[lang]['warnings']}: {problem_location(warning)}: "
                         f"{warning.get('message', '')}")
        cell.font = Font(color="FF9C5700")
        sheet.append([cell])

    ws.auto_filter.ref = f"A{COUNTY_HEADER_ROW}:{get_column_letter(len(columns))}{last_table_row}"


# ── the batch sheets ───────────────────────────────────────────────────────────────────

Dress = Callable[[list[Cell], Any], None]


def _table_sheet(ws: WriteOnlyWorksheet, title: str, head: list[str],
                 rows: Callable[[], Iterable[tuple[list[Any], Any]]], caps: list[int], *,
                 autofilter: bool = True, dress: Dress | None = None) -> _Rows:
    """Title in row 1, header in row 2 (frozen), rows from 3. `rows()` gives each row's values and
    what it shows (for `dress`, which styles its cells); it is read twice, for the column widths
    and for the rows, so that a summary of many counties is never held as a table."""
    widths = column_widths(head, (values for values, _ in rows()), caps)
    sheet = _Rows(ws, widths, 2)
    heading = _cell(ws, title)
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    sheet.append(_header(ws, head), fit=True)
    for values, shown in rows():
        cells = []
        for value in values:
            cell = _cell(ws, value)  # (which cleans text)
            cell.border = BORDER
            cell.alignment = WRAP if isinstance(value, str) and len(value) > 20 else TOP
            cells.append(cell)
        if dress is not None:
            dress(cells, shown)
        sheet.append(cells, fit=True)
    if autofilter:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(head))}{sheet.row}"
    return sheet


def summary_sheet(ws: WriteOnlyWorksheet, summary: dict[str, Any], errors: list[dict[str, Any]], lang: str,
                  links: dict[tuple, str], error_sheet: str | None) -> None:
    """One row per county, each region linked to its sheet. summary["counties"] may be a view
    that makes each row as it is read (BatchSummary.as_stream)."""

    def rows() -> Iterator[tuple[list[Any], dict[str, Any]]]:
        for c in summary["counties"]:
            yield [c["region"], LEVEL_WORDS[lang].get(c["level"], c["level"]), c["year"], c["edition"],
                   STATUS_WORDS[lang][conclusion(c)], c["binding_pass"], c.get("binding_declared", 0),
                   c["binding_fail"], c["binding_missing"],
                   "—" if c["reference_pass_ratio"] is None else c["reference_pass_ratio"],
                   "、".join(c["failed_binding"]), "、".join(c["missing_binding"]), c.get("file", ""),
                   basis_word(c, lang)], c

    def dress(cells: list[Cell], c: dict[str, Any]) -> None:
        target = links.get(county_key(c))
        if target:
            region = cells[0]
            region.hyperlink = Hyperlink(ref="A1", location=f"{_quote(target)}!A1", tooltip=target,
                                         display=str(region.value))
            region.font = LINK_FONT
        if isinstance(cells[9].value, float):
            cells[9].number_format = "0.0%"
        status = conclusion(c)
        cells[4].fill = fill(status)
        cells[4].font = status_font(status, bold=True)
        if c["binding_fail"]:
            cells[7].fill = fill("fail")
        if c["binding_missing"]:
            cells[8].fill = fill("missing")

    sheet = _table_sheet(ws, total_line(summary, lang), COUNTY_HEAD[lang], rows,
                         [20, 6, 6, 8, 8, 12, 10, 14, 14, 14, 50, 50, 40], dress=dress)
    if errors and error_sheet:
        n = len({e.get("file") for e in errors})
        cell = _cell(ws, INFO[lang]["see_errors"].format(n=n, sheet=error_sheet))
        cell.font = Font(bold=True, color="FF" + FONT_RGB["fail"])
        cell.hyperlink = Hyperlink(ref="A1", location=f"{_quote(error_sheet)}!A1", display=cell.value)
        sheet.skip()
        sheet.append([cell])


def indicator_sheet(ws: WriteOnlyWorksheet, summary: dict[str, Any], lang: str) -> None:
    def rows() -> Iterator[tuple[list[Any], dict[str, Any]]]:
        for t in summary["indicators"]:
            yield [t["edition"], t["number"], t["name"], attribute_word(t["attribute"], lang), t["pass"], t["fail"],
                   t["missing"], t["not_applicable"]], t

    def dress(cells: list[Cell], t: dict[str, Any]) -> None:
        if t["fail"]:
            cells[5].fill = fill("fail")
        if t["missing"]:
            cells[6].fill = fill("missing")

    _table_sheet(ws, TITLES[lang]["indicators"], INDICATOR_HEAD[lang], rows, [8, 6, 44, 10, 8, 8, 8, 8], dress=dress)


def error_sheet(ws: WriteOnlyWorksheet, errors: list[dict[str, Any]], lang: str) -> None:
    def rows() -> Iterator[tuple[list[Any], None]]:
        for e in errors:
            yield [e.get("file", ""), e.get("line") or None, e.get("column") or None, e.get("code", ""),
                   e.get("message", ""), e.get("hint", "")], None

    _table_sheet(ws, TITLES[lang]["errors"], ERROR_HEAD[lang], rows, [50, 6, 6, 14, 60, 60])


def stream(reports: Iterable[dict[str, Any]], completed: Completed, lang: str = "zh") -> Iterator[bytes]:
    """The workbook, its county sheets written as the reports are read and closed at once (their
    rows wait in openpyxl's temporary files, not in memory); the summary sheets, known once every
    report is read, are made last and put first. Of a report only its sheet's name is kept."""
    names = SHEETS[lang]
    wb = Workbook(write_only=True)
    wb.properties.creator = "ecocheck"
    wb.properties.title = TITLES[lang]["report"]
    used = {n.lower() for n in names.values()}
    links: dict[tuple, str] = {}
    for report in reports:
        wanted = [f"{report['region']}-{report['year']}", f"{report['region']}-{report['year']}-{report['edition']}"]
        name = sheet_name(wanted, used)
        links.setdefault(county_key(report), name)
        ws = wb.create_sheet(name)
        county_sheet(ws, report, lang)
        ws.close()  # its temporary file is complete and closed: no open file per county
        # Written with the rows: openpyxl would keep them, half of what a sheet costs, until the save.
        ws.row_dimensions.clear()
        ws.column_dimensions.clear()
    errors, summary = completed()
    summary_sheet(wb.create_sheet(names["summary"], 0), summary, errors, lang, links,
                  names["errors"] if errors else None)
    indicator_sheet(wb.create_sheet(names["indicators"], 1), summary, lang)
    if errors:
        error_sheet(wb.create_sheet(names["errors"], 2), errors, lang)
    with spool() as out:  # the zip is written whole by openpyxl, then handed on
        wb.save(out)
        yield from spooled(out)


render, render_evaluate, render_batch = export_renderers(stream)
