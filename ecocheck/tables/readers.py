"""The tables of a .docx, .xlsx or .csv file as grids of printed cell texts.

Every reader gives the text a reader of the file sees: a Word cell's paragraphs, an Excel cell
as its number format prints it (0.857 formatted 0.0% is "85.7%"), a CSV field. Merged ranges
repeat their top-left cell in every cell they cover (marked `merged`), so a row under a merged
领域 or parent-indicator cell knows what it belongs to.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ecocheck.base.errors import InputError
from ecocheck.base.messages import Message
from ecocheck.tables import CSV, EXCEL, OLD_FORMATS, TABLE_SUFFIXES, WORD
from ecocheck.tables.grid import Cell, Grid

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


def read_grids(path: str | Path, display: str | None = None) -> list[Grid]:
    """Every table of the file, in order. InputError (naming the file) for what cannot be read."""
    path = Path(path)
    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        new = ".xlsx" if suffix in (".xls", ".et") else ".docx"
        raise InputError.single(Message("input.table.old_format", format=OLD_FORMATS[suffix]), file=name,
                                hint=Message("input.table.old_format_hint", suffix=new), code="table-format")
    if suffix not in TABLE_SUFFIXES:
        raise InputError.single(Message("input.table.not_table", suffix=path.suffix or Message("input.table.no_suffix")),
                                file=name, hint=Message("input.table.not_table_hint"), code="table-format")
    try:
        data = path.read_bytes()
    except OSError as exc:  # (the system's reason, in its own words)
        raise InputError.single(Message("input.file.cannot_read", reason=str(exc.strerror or exc)), file=name,
                                code="io")
    if suffix in CSV:
        return [_csv_grid(data, name)]
    kind = Message("input.table.workbook" if suffix in EXCEL else "input.table.document")
    if data[:4] == _OLE:
        raise InputError.single(Message("input.table.encrypted", suffix=suffix, kind=kind), file=name,
                                hint=Message("input.table.encrypted_hint", suffix=suffix), code="table-format")
    if data[:4] != _ZIP:
        raise InputError.single(Message("input.table.not_real", suffix=suffix, kind=kind), file=name,
                                hint=Message("input.table.save_as", suffix=suffix), code="table-format")
    try:
        return _excel_grids(data, name) if suffix in EXCEL else _word_grids(data, name)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:  # (the library's reason, in English)
        raise InputError.single(Message("input.table.unreadable", suffix=suffix, kind=kind, reason=str(exc)),
                                file=name, hint=Message("input.table.save_again", suffix=suffix), code="table-format")


# ── Excel ───────────────────────────────────────────────────────────────────────────────

def _excel_grids(data: bytes, name: str) -> list[Grid]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    # Not read_only: a read-only worksheet does not know its merged ranges. data_only: a
    # formula cell shows the value Excel saved, as a reader of the sheet sees it.
    workbook = load_workbook(io.BytesIO(data), data_only=True)
    grids = []
    for ws in workbook.worksheets:
        anchor_of = {}
        for merged in ws.merged_cells.ranges:
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    if (row, col) != (merged.min_row, merged.min_col):
                        anchor_of[(row, col)] = (merged.min_row, merged.min_col)
        rows = []
        for r, values in enumerate(ws.iter_rows(), start=1):
            cells = []
            for c, cell in enumerate(values, start=1):
                ar, ac = anchor_of.get((r, c), (r, c))
                source = ws.cell(row=ar, column=ac) if (ar, ac) != (r, c) else cell
                where = f"{ws.title}!{get_column_letter(ac)}{ar}"
                cells.append(Cell(excel_text(source.value, source.number_format), where, ar, ac,
                                  merged=(ar, ac) != (r, c)))
            rows.append(cells)
        grids.append(Grid(name, ws.title, "", rows))
    return grids


_DECIMALS = re.compile(r"\.(0+)")
_LITERAL = re.compile(r'"([^"]*)"|\\(.)')  # "text" or \x in a number format: printed as written


def excel_text(value, number_format: str | None = "General") -> str:
    """The cell's value as Excel prints it: percent and fixed-decimal formats applied."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.date().isoformat() if isinstance(value, _dt.datetime) else value.isoformat()
    if not isinstance(value, (int, float)):
        return str(value)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    written = (number_format or "General").split(";")[0]
    literal = "".join(a or b for a, b in _LITERAL.findall(written))  # e.g. General"%": 58.39 prints 58.39%
    section = _LITERAL.sub("", written)
    percent = "%" in section
    if percent:
        number *= 100
    found = _DECIMALS.search(section)
    if found or (section.strip() not in ("General", "@", "") and "0" in section):
        number = number.quantize(Decimal(1).scaleb(-len(found.group(1)) if found else 0), ROUND_HALF_UP)
        text = f"{number:f}"
    else:  # General: as few digits as the number needs
        text = f"{number.normalize():f}" if number == number.to_integral_value() else f"{number:f}"
    return text + ("%" if percent else "") + literal


# ── Word ────────────────────────────────────────────────────────────────────────────────

def _word_grids(data: bytes, name: str) -> list[Grid]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    grids = []
    title = ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            title = text or title
        elif tag == "tbl":
            number = len(grids) + 1
            grids.append(Grid(name, f"表{number}", title, _word_rows(Table(child, document), number)))
            title = ""
    return grids


def _word_rows(table, number: int) -> list[list[Cell]]:
    """The table's cells; python-docx gives a merged range's top cell wherever the range reaches."""
    first_seen: dict[int, tuple[int, int, str]] = {}  # id(<w:tc>) -> its place and text
    keep = []  # the <w:tc> proxies stay alive, so their ids stay unique
    rows = []
    for r, row in enumerate(table.rows, start=1):
        cells = []
        for c, cell in enumerate(row.cells, start=1):
            keep.append(cell._tc)
            key = id(cell._tc)
            seen = first_seen.get(key)
            if seen is None:
                seen = first_seen[key] = (r, c, "\n".join(p.text for p in cell.paragraphs))
            ar, ac, text = seen
            cells.append(Cell(text, f"表{number} 第{ar}行 第{ac}列", ar, ac, merged=(ar, ac) != (r, c)))
        rows.append(cells)
    return rows


# ── CSV ─────────────────────────────────────────────────────────────────────────────────

def _csv_grid(data: bytes, name: str) -> Grid:
    """UTF-8 with or without BOM; else GBK (GB18030, its superset), as Chinese Excel saves CSV."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError.single(Message("input.table.csv_encoding"), file=name,
                                    hint=Message("input.table.csv_encoding_hint"), code="table-format")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    rows = []
    for r, fields in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        rows.append([Cell(f, f"第{r}行 第{c}列", r, c) for c, f in enumerate(fields, start=1)])
    width = max((len(row) for row in rows), default=0)
    for r, row in enumerate(rows, start=1):
        row.extend(Cell("", f"第{r}行 第{c}列", r, c) for c in range(len(row) + 1, width + 1))
    return Grid(name, "", "", rows)
