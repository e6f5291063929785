"""Plain-text tables exactly as `tabulate(rows, headers, tablefmt="simple")` draws them, faster.

tabulate is a fine library, but importing it costs more than a whole one-file `evaluate`
(it reads its own package metadata and loads wcwidth's tables), and it holds several copies of
every cell while it works: a batch summary of 30,000 counties needs over a hundred megabytes.
`simple_lines` draws the same table line by line from rows it is given twice (one pass
measures the columns, the next writes them), so memory does not grow with the rows.

Only the tables ecocheck draws are drawn here: cells that are text or whole numbers, and
characters whose display width is certain (ASCII, CJK ideographs and punctuation, the common
symbols of the standard's tables). Anything else — a cell tabulate would read as a decimal
number or a boolean, control characters, wide characters outside the known ranges — and the
table is handed to tabulate itself, so the output is always tabulate's. tests/engine/test_fast_paths.py
compares the two on ecocheck's own tables and on generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

# Display widths that wcwidth (which tabulate uses) gives and that do not depend on its
# version: width 2 for CJK ideographs, CJK punctuation, kana, Hangul and full-width forms;
# width 1 for printable ASCII and the Latin-1, Greek, Cyrillic, punctuation, letter-like,
# number-form, arrow, mathematical and box-drawing characters of tables like the standard's.
# (Ranges, not a compiled character class: compiling a class this large costs milliseconds.)
_WIDE_RANGES = ((0x3000, 0x3029), (0x3030, 0x303E), (0x3041, 0x3096), (0x309B, 0x30FF), (0x3105, 0x312F),
                (0x3131, 0x3163), (0x3165, 0x318E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
                (0xF900, 0xFA6D), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6))
_NARROW_RANGES = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0xFF), (0x391, 0x3A1), (0x3A3, 0x3A9), (0x3B1, 0x3C9),
                  (0x401, 0x44F), (0x2010, 0x2027), (0x2030, 0x205E), (0x2070, 0x2071), (0x2074, 0x208E),
                  (0x2103, 0x2103), (0x2109, 0x2109), (0x2116, 0x2116), (0x2160, 0x217F), (0x2190, 0x2199),
                  (0x2211, 0x2213), (0x221A, 0x221A), (0x221E, 0x221E), (0x2225, 0x2225), (0x2227, 0x222B),
                  (0x2248, 0x2248), (0x2260, 0x2267), (0x2500, 0x257F))
_UNKNOWN = 1 << 30  # a character whose width is left to wcwidth


def char_width(char: str) -> int | None:
    """2 or 1 for a character of the known ranges, None for any other."""
    code = ord(char)
    for low, high in _WIDE_RANGES:
        if low <= code <= high:
            return 2
    for low, high in _NARROW_RANGES:
        if low <= code <= high:
            return 1
    return None


class _Extra(dict):
    """Character -> width beyond 1 (a cache filled on first sight of each character)."""

    def __missing__(self, char: str) -> int:
        width = char_width(char)
        extra = self[char] = _UNKNOWN if width is None else width - 1
        return extra


_EXTRA = _Extra()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# First characters of anything int() or float() would accept, and tabulate's "1,234.5" form.
_MAYBE_NUMBER = re.compile(r"[\s+\-.\d_,iInN]")
_THOUSANDS = re.compile(r"^(([+-]?[0-9]{1,3})(?:,([0-9]{3}))*)?(?(1)\.[0-9]*|\.[0-9]+)?$")
_DIGITS = re.compile(r"[0-9]+\Z")
_CONTROL = re.compile("[\x00-\x1f\x7f]")

_NONE, _INT, _OTHER, _STR = 0, 1, 2, 3  # what a cell asks of its column
# A column is text if any cell is text (then every cell is drawn as it is), whole numbers if
# every non-empty cell is one (drawn right-aligned), empty if every cell is; a column of
# decimals, booleans or numbers spelt otherwise ("+5", "1,234", "1e3") is tabulate's to draw.


class _Fallback(Exception):
    """The table holds something only tabulate should judge."""


def _kind(cell: Any) -> int:
    """What this cell asks of its column, as tabulate's type deduction would read it."""
    if type(cell) is int:
        return _INT
    if type(cell) is not str:
        raise _Fallback
    if not cell:
        return _NONE
    if _DIGITS.match(cell):
        return _INT
    if cell in ("True", "False") or _THOUSANDS.match(cell):
        return _OTHER
    if _MAYBE_NUMBER.match(cell):
        for convert in (int, float):
            try:
                convert(cell)
            except ValueError:
                continue
            return _OTHER
    return _STR


class _Widths:
    """Display width of a cell as wcwidth.wcswidth gives it (loaded only for unusual text).

    Widths already worked out are remembered, up to _REMEMBERED texts: a batch summary's
    columns repeat a few values (levels, verdicts, counts, ratios) thousands of times.
    """

    def __init__(self) -> None:
        self._wcswidth: Callable[[str], int] | None = None
        self._known: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        width = self._known.get(text)
        if width is None:
            width = self._width(text)
            if len(self._known) < _REMEMBERED:
                self._known[text] = width
        return width

    def _width(self, text: str) -> int:
        if text.isascii():
            if text.isprintable():  # (an ASCII text is unless it has a control character)
                return len(text)
            raise _Fallback
        extra = sum(map(_EXTRA.__getitem__, _NON_ASCII.findall(text)))
        if extra < _UNKNOWN and not _CONTROL.search(text):
            return len(text) + extra
        if _CONTROL.search(text):
            raise _Fallback
        if self._wcswidth is None:
            from wcwidth import wcswidth

            self._wcswidth = wcswidth
        width = self._wcswidth(text)
        if width < 0:
            raise _Fallback
        return width


_REMEMBERED = 4096  # texts whose kind and width a table remembers (bounded: tables may be long)


def _wcwidth_available() -> bool:
    from importlib.util import find_spec

    return find_spec("wcwidth") is not None


def simple_lines(rows: Callable[[], Iterable[Sequence[Any]]], headers: Sequence[str]) -> Iterator[str]:
    """The lines of tabulate(list(rows()), headers=headers, tablefmt="simple"), one at a time.

    `rows` is called twice and must give the same rows both times.
    """
    try:
        plan = _measure(rows, headers)
    except _Fallback:
        plan = None
    if plan is None:
        from tabulate import tabulate

        yield from tabulate([list(r) for r in rows()], headers=list(headers), tablefmt="simple").split("\n")
        return
    kinds, widths, header_widths, width_of = plan
    kinds = [_INT if k == _INT else _STR for k in kinds]
    yield "  ".join(h + " " * (w - hw) if k != _INT else " " * (w - hw) + h
                    for h, k, w, hw in zip(headers, kinds, widths, header_widths)).rstrip()
    yield "  ".join("-" * w for w in widths).rstrip()
    for row in rows():
        cells = []
        for cell, kind, width in zip(row, kinds, widths):
            text = cell if type(cell) is str else str(cell)
            if kind == _INT:
                cells.append(" " * (width - width_of(text)) + text)
            else:
                text = text.strip()
                cells.append(text + " " * (width - width_of(text)))
        yield "  ".join(cells).rstrip()


def _measure(rows: Callable[[], Iterable[Sequence[Any]]], headers: Sequence[str]):
    if not _wcwidth_available():
        raise _Fallback  # tabulate would count characters, not display width
    width_of = _Widths()
    ncols = len(headers)
    header_widths = [width_of(str(h)) for h in headers]
    widths = [w + 2 for w in header_widths]  # tabulate's minimum padding with headers
    kinds = [_NONE] * ncols
    seen: dict[str, tuple[int, int]] = {}  # text -> (kind, width)
    count = 0
    for row in rows():
        if len(row) != ncols:
            raise _Fallback
        count += 1
        for i, cell in enumerate(row):
            if type(cell) is str:  # (only text is remembered: 1, 1.0 and True are equal keys)
                known = seen.get(cell)
                if known is None:
                    known = (_kind(cell), width_of(cell.strip()))
                    if len(seen) < _REMEMBERED:
                        seen[cell] = known
                kind, width = known
            else:
                kind = _kind(cell)
                width = width_of(str(cell).strip())
            if kind > kinds[i]:
                kinds[i] = kind
            if width > widths[i]:
                widths[i] = width
    if not count or any(k == _OTHER for k in kinds):
        raise _Fallback
    return kinds, widths, header_widths, width_of


def simple(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """tabulate(rows, headers=headers, tablefmt="simple")"""
    return "\n".join(simple_lines(lambda: rows, headers))
