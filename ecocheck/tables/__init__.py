"""Reading the indicator tables consultants keep in Word, Excel and CSV (`ecocheck import`).

readers: the file's tables as grids of printed cell texts; layout: which grid is the indicator
table and what each column holds; names: matching the table's names to the edition's; importer:
which indicator or sub-item each row is, and one submission per year column, written as YAML whose values are the cells' texts, so the
submission reader reads them exactly as it reads a hand-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What a command line needs to know of tables without reading one: kept here, so that checking
# YAML submissions never imports the readers (or openpyxl, python-docx).
WORD, EXCEL, CSV = (".docx",), (".xlsx", ".xlsm"), (".csv",)
TABLE_SUFFIXES = WORD + EXCEL + CSV
OLD_FORMATS = {".doc": "Word 97–2003 (.doc)", ".xls": "Excel 97–2003 (.xls)", ".wps": "WPS (.wps)", ".et": "WPS (.et)"}


def is_table_file(path: str | Path) -> bool:
    """Whether `path` names a table (by its suffix), old binary formats included (to refuse them)."""
    suffix = Path(path).suffix.lower()
    return suffix in TABLE_SUFFIXES or suffix in OLD_FORMATS


@dataclass(frozen=True)
class Options:
    """What the user tells the import (the command's options)."""

    sheet: str | None = None
    table: int | None = None
    edition: str | None = None
    level: str | None = None
    region: str | None = None
    terrain: str | None = None
    base_year: int | None = None  # the year of a 现状值 column whose header names none

