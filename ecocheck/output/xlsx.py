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

import io
import re
import unicodedata
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ecocheck.base.words import LEVEL_WORDS, STATUS_WORDS
from ecocheck.output import labels
from ecocheck.output.common import (
    COUNTY_HEAD, ERROR_HEAD, INDICATOR_HEAD, TITLES, attribute_word, basis_word, clean, conclusion, county_key,
    export_renderers, flat_results, problem_location, profile_text, total_line,
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


def _set(ws: Worksheet, row: int, column: int, value: Any) -> Any:
    """Write a cell. Text is always text: openpyxl would store a string starting with "=" as a
    formula, and a submission's text must never become a live formula in a reviewer's Excel."""
    if isinstance(value, str):
        value = clean(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _set_widths(ws: Worksheet, columns: list[list[Any]], caps: list[int], minimum: int = 4) -> None:
    for i, (texts, cap) in enumerate(zip(columns, caps), start=1):
        width = max([display_width(t) for t in texts if t is not None] or [0])
        ws.column_dimensions[get_column_letter(i)].width = max(minimum, min(cap, width + 2))


LINE_HEIGHT = 15.0  # points per text line at the default 11 pt


def _wrapped_lines(text: str, width: float) -> int:
    usable = max(1.0, width - 1.5)
    return sum(max(1, -(-display_width(line) // int(usable))) for line in text.split("\n"))


def _fit_rows(ws: Worksheet, first: int, last: int) -> None:
    """Row heights for wrapped text. Excel re-fits rows without a height when it draws them,
    LibreOffice does not, so the height is estimated from the column widths here."""
    for r in range(first, last + 1):
        lines = 1
        for cell in ws[r]:
            if cell.value is None or not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = ws.column_dimensions[cell.column_letter].width or 8.43
            lines = max(lines, _wrapped_lines(str(cell.value), width))
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * lines + 2


def _header(ws: Worksheet, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, start=1):
        cell = _set(ws, row, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", fgColor="FF" + HEADER_RGB, bgColor="FF" + HEADER_RGB)
        cell.border = BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def _print_setup(ws: Worksheet, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
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


def county_sheet(ws: Worksheet, report: dict[str, Any], lang: str) -> None:
    columns = county_columns(lang)
    _set(ws, 1, 1, clean(labels.heading(report, lang))).font = Font(bold=True, size=13)
    profile = profile_text(report.get("profile", {}), lang)
    info = f"{INFO[lang]['file']}: {report.get('file', '')}" + (f"  {profile}" if profile else "")
    _set(ws, 2, 1, clean(info)).font = Font(color="FF595959")
    header_row = 3
    _header(ws, header_row, columns)
    widths: list[list[Any]] = [[c] for c in columns]

    row = header_row
    for (result, parent), cells in zip(flat_results(report), labels.rows(report, lang)):
        row += 1
        status = result["status"]
        text = [clean(c) for c in cells]
        if parent is None:
            text[2] = result["number"]
        else:
            text[3] = "└ " + clean(labels.name_text(result, lang))
        numbers = [_value_cell(result, lang), result.get("previous"), result.get("target"), result.get("delta")]
        values: list[Any] = [*text[:5], *numbers, *text[6:]]
        for col, value in enumerate(values, start=1):
            cell = _set(ws, row, col, value if value != "" else None)
            cell.border = BORDER
            cell.alignment = WRAP if col in (4, 10, 13) else TOP
            if _number(value) and VALUE_COLUMN <= col < VALUE_COLUMN + 4 and labels.unit_of(result) == "%":
                cell.number_format = PERCENT
            if status == "not_applicable":
                cell.font = Font(color="FF808080")
            widths[col - 1].append(value)
        if parent is not None:
            ws.cell(row=row, column=4).alignment = Alignment(vertical="top", wrap_text=True, indent=1)
        verdict = ws.cell(row=row, column=RESULT_COLUMN)
        verdict.fill = fill(status)
        verdict.font = status_font(status, bold=status == "fail")
    last_table_row = row

    row += 2
    summary = labels.summary_lines(report, lang)
    for i, line in enumerate(summary):
        cell = _set(ws, row, 1, clean(line))
        if i == len(summary) - 1:
            met = report["summary"]["binding_met"]
            cell.font = Font(bold=True, color="FF" + FONT_RGB["pass" if met else "fail"])
        row += 1
    for note in labels.footnotes(report, lang):
        _set(ws, row, 1, clean(note)).font = Font(italic=True, color="FF595959")
        row += 1
    for warning in report.get("warnings", []):
        text = f"{labels.WORDS[lang]['warnings']}: {problem_location(warning)}: {warning.get('message', '')}"
        _set(ws, row, 1, clean(text)).font = Font(color="FF9C5700")
        row += 1

    _set_widths(ws, widths, COUNTY_CAPS)
    _fit_rows(ws, header_row, last_table_row)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{max(last_table_row, header_row)}"
    _print_setup(ws, f"{header_row}:{header_row}")


# ── the batch sheets ───────────────────────────────────────────────────────────────────

def _table_sheet(ws: Worksheet, title: str, head: list[str], rows: list[list[Any]], caps: list[int],
                 *, autofilter: bool = True) -> int:
    """Title in row 1, header in row 2 (frozen), rows from 3; returns the last row used."""
    _set(ws, 1, 1, clean(title)).font = Font(bold=True, size=13)
    _header(ws, 2, head)
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            cell = _set(ws, r, c, clean(value) if isinstance(value, str) else value)
            cell.border = BORDER
            cell.alignment = WRAP if isinstance(value, str) and len(value) > 20 else TOP
    last = 2 + len(rows)
    ws.freeze_panes = "A3"
    if autofilter:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(head))}{last}"
    _set_widths(ws, [[head[i], *(r[i] for r in rows)] for i in range(len(head))], caps)
    _fit_rows(ws, 2, last)
    _print_setup(ws, "2:2")
    return last


def summary_sheet(ws: Worksheet, summary: dict[str, Any], errors: list[dict[str, Any]], lang: str,
                  links: dict[tuple, str], error_sheet: str | None) -> None:
    rows = []
    counties = summary["counties"]
    for c in counties:
        rows.append([c["region"], LEVEL_WORDS[lang].get(c["level"], c["level"]), c["year"], c["edition"],
                     STATUS_WORDS[lang][conclusion(c)], c["binding_pass"], c.get("binding_declared", 0),
                     c["binding_fail"], c["binding_missing"],
                     "—" if c["reference_pass_ratio"] is None else c["reference_pass_ratio"],
                     "、".join(c["failed_binding"]),
                     "、".join(c["missing_binding"]), c.get("file", ""), basis_word(c, lang)])
    last = _table_sheet(ws, total_line(summary, lang), COUNTY_HEAD[lang], rows,
                        [20, 6, 6, 8, 8, 12, 10, 14, 14, 14, 50, 50, 40])
    for r, c in enumerate(counties, start=3):
        target = links.get(county_key(c))
        if target:
            cell = ws.cell(row=r, column=1)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{_quote(target)}!A1",
                                       tooltip=target, display=str(cell.value))
            cell.font = LINK_FONT
        ratio = ws.cell(row=r, column=10)
        if isinstance(ratio.value, float):
            ratio.number_format = "0.0%"
        status = conclusion(c)
        verdict = ws.cell(row=r, column=5)
        verdict.fill = fill(status)
        verdict.font = status_font(status, bold=True)
        if c["binding_fail"]:
            ws.cell(row=r, column=8).fill = fill("fail")
        if c["binding_missing"]:
            ws.cell(row=r, column=9).fill = fill("missing")
    if errors and error_sheet:
        n = len({e.get("file") for e in errors})
        cell = _set(ws, last + 2, 1, INFO[lang]["see_errors"].format(n=n, sheet=error_sheet))
        cell.font = Font(bold=True, color="FF" + FONT_RGB["fail"])
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{_quote(error_sheet)}!A1", display=cell.value)


def indicator_sheet(ws: Worksheet, summary: dict[str, Any], lang: str) -> None:
    rows = [[t["edition"], t["number"], t["name"], attribute_word(t["attribute"], lang), t["pass"], t["fail"],
             t["missing"], t["not_applicable"]] for t in summary["indicators"]]
    _table_sheet(ws, TITLES[lang]["indicators"], INDICATOR_HEAD[lang], rows, [8, 6, 44, 10, 8, 8, 8, 8])
    for r, t in enumerate(summary["indicators"], start=3):
        if t["fail"]:
            ws.cell(row=r, column=6).fill = fill("fail")
        if t["missing"]:
            ws.cell(row=r, column=7).fill = fill("missing")


def error_sheet(ws: Worksheet, errors: list[dict[str, Any]], lang: str) -> None:
    rows = [[e.get("file", ""), e.get("line") or None, e.get("column") or None, e.get("code", ""),
             e.get("message", ""), e.get("hint", "")] for e in errors]
    _table_sheet(ws, TITLES[lang]["errors"], ERROR_HEAD[lang], rows, [50, 6, 6, 14, 60, 60])


def workbook(reports: list[dict[str, Any]], errors: list[dict[str, Any]], summary: dict[str, Any],
             lang: str = "zh") -> Workbook:
    names = SHEETS[lang]
    wb = Workbook()
    wb.properties.creator = "ecocheck"
    wb.properties.title = TITLES[lang]["report"]
    used = {n.lower() for n in names.values()}

    county_names = []
    links: dict[tuple, str] = {}
    for report in reports:
        wanted = [f"{report['region']}-{report['year']}", f"{report['region']}-{report['year']}-{report['edition']}"]
        name = sheet_name(wanted, used)
        county_names.append(name)
        links.setdefault(county_key(report), name)

    ws = wb.active
    ws.title = names["summary"]
    summary_sheet(ws, summary, errors, lang, links, names["errors"] if errors else None)
    indicator_sheet(wb.create_sheet(names["indicators"]), summary, lang)
    if errors:
        error_sheet(wb.create_sheet(names["errors"]), errors, lang)
    for report, name in zip(reports, county_names):
        county_sheet(wb.create_sheet(name), report, lang)
    return wb


def render(reports: list[dict[str, Any]], errors: list[dict[str, Any]], summary: dict[str, Any],
           lang: str = "zh") -> bytes:
    buffer = io.BytesIO()
    workbook(reports, errors, summary, lang).save(buffer)
    return buffer.getvalue()


render_evaluate, render_batch = export_renderers(render)
