"""A table as read from a file: rows of cells, each with its printed text and where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecocheck.base.errors import InputError, Problem


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as printed. A cell inside a merged range repeats its anchor's text and place."""

    text: str  # the printed text, its lines (paragraphs) joined by "\n"
    where: str  # provenance written as `source:`: "附表2!F12", "表3 第12行 第6列", "第12行 第6列"
    row: int  # 1-based position of the anchor in the grid (for messages)
    col: int
    merged: bool = False  # a continuation of a merged range, not its top-left cell

    @property
    def lines(self) -> list[str]:
        """The cell's non-empty lines, stripped (empty paragraphs only space a cell out)."""
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Grid:
    """One table of a file: a Word table, a worksheet, or a CSV file."""

    file: str  # the file as the user named it
    name: str  # "表2" (the document's 2nd table), the sheet's name, or "" for CSV
    title: str  # the text above the table: the paragraph before it, the rows above the header
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.file} {self.name}".strip()

    def problem(self, message: Any, hint: Any = "", *, row: int = 0, col: int = 0,
                code: str = "table-layout") -> Problem:
        """A Problem at a cell of this table (message and hint as Problem takes them: catalogue Messages)."""
        return Problem(message, self.label, row, col, hint, code)

    def error(self, message: Any, hint: Any = "", *, row: int = 0, col: int = 0,
              code: str = "table-layout") -> InputError:
        return InputError([self.problem(message, hint, row=row, col=col, code=code)])


def joined(lines: list[str]) -> str:
    """A cell's lines as one value text: "58.39" + "（国土三调）" -> "58.39（国土三调）" (a space only
    between two Latin letters or digits, which the line break separated as words)."""
    text = ""
    for line in lines:
        if text and text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            text += " "
        text += line
    return text
