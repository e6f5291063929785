"""Tables that fit the terminal: columns wrap at word boundaries, never wider than the screen.

A table is a list of Column specs and rows of cells. `fit` tries the caller's layouts in order
(say: every column; then the reason moved to its own line under the row; then a stacked card
per row) and draws the first whose columns fit the width, sharing the spare width among the
columns that wrap. Indicator names are never broken inside a word: a run of Chinese characters
counts as one word in a name, so the name column is at least as wide as the longest one.

Lines are lists of (text, style) segments: `plain` joins them for a pipe, the rich terminal
output styles them (a status cell in colour). Widths are display widths (CJK = 2 columns).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ecocheck.output.table import char_width

Segment = tuple[str, "str | None"]
Line = list[Segment]
GAP = 2  # spaces between columns
PIPE_WIDTH = 100  # the width of piped output when COLUMNS does not say


def pipe_width() -> int:
    """The width for output that is not a terminal: COLUMNS if set, else PIPE_WIDTH."""
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return PIPE_WIDTH


def output_width() -> int:
    """The width for plain text that may go to a terminal or a pipe: COLUMNS if set, else the
    terminal's width when standard output is one, else PIPE_WIDTH."""
    import sys

    if os.environ.get("COLUMNS", "").strip() or not sys.stdout.isatty():
        return pipe_width()
    try:
        return max(20, os.get_terminal_size(sys.stdout.fileno()).columns)
    except OSError:  # pragma: no cover - a terminal that will not say its size
        return PIPE_WIDTH


BREAK = "\u200b"  # in a header: where it may break onto a second line (never drawn)


class _CharWidths(dict):
    """Character -> display width, worked out on first sight of each character."""

    def __missing__(self, ch: str) -> int:
        known = char_width(ch)
        if known is None:
            if unicodedata.combining(ch) or ch == BREAK:
                known = 0
            else:
                known = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        self[ch] = known
        return known


_CHAR_WIDTHS = _CharWidths()


# The texts that repeat (headers, status and level words, indicator names) are few; a batch's
# region names and lists are new on every row, so a bigger cache only grows with the batch.
@lru_cache(maxsize=1024)
def width_of(text: str) -> int:
    """Display width: East Asian wide characters take two columns, combining marks none."""
    if text.isascii():
        return len(text)
    widths = _CHAR_WIDTHS
    return sum([widths[ch] for ch in text])


def _wide(ch: str) -> bool:
    return width_of(ch) == 2


# Characters a line should not start with (closing punctuation stays with the word before it).
_NO_START = set("，。；：、）》」』】〕！？,.;:)]}%”’")
_NO_END = set("（《「『【〔([{“‘")  # … nor end with opening punctuation
_SPACE = re.compile(r"(\s+)")


@lru_cache(maxsize=1024)
def tokens(text: str, whole_words: bool) -> tuple[str, ...]:
    """The unbreakable pieces of `text`, spaces kept as their own pieces.

    whole_words: a run of CJK characters is one piece (names); otherwise a line may break
    between two CJK characters, though never before closing punctuation.
    """
    out: list[str] = []
    for part in _SPACE.split(text.replace(BREAK, " ") if whole_words else text.replace(BREAK, "")):
        if not part:
            continue
        if part.isspace() or whole_words or part.isascii():
            out.append(part)
            continue
        current = ""
        for ch in part:
            if (current and (_wide(ch) or _wide(current[-1])) and ch not in _NO_START
                    and current[-1] not in _NO_END):
                out.append(current)
                current = ""
            current += ch
        out.append(current)
    return tuple(out)


def longest_word(text: str, whole_words: bool) -> int:
    return max((width_of(t) for t in tokens(text, whole_words) if not t.isspace()), default=0)


def wrap(text: str, width: int, whole_words: bool = False) -> list[str]:
    """`text` in lines of at most `width` columns, broken between words (a word longer than
    the width, which a layout avoids for names, is cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        body = paragraph.lstrip(" ")
        line = paragraph[:len(paragraph) - len(body)]  # an indent (a sub-item's "  └ ") is kept
        used = width_of(line)  # the width of `line`, kept as it grows
        for piece in tokens(body, whole_words):
            if piece.isspace():
                if line.strip():
                    line += " "
                    used += 1
                continue
            size = width_of(piece)
            if used + size <= width:
                line += piece
                used += size
                continue
            if line.strip():
                lines.append(line.rstrip())
            while size > width:  # only a word wider than the column
                cut = _cut(piece, width)
                lines.append(piece[:cut])
                piece = piece[cut:]
                size = width_of(piece)
            line, used = piece, size
        lines.append(line.rstrip())
    return lines


def _cut(text: str, width: int) -> int:
    used = 0
    for i, ch in enumerate(text):
        used += width_of(ch)
        if used > width:
            return max(i, 1)
    return len(text)


@dataclass(frozen=True)
class Column:
    head: str
    right: bool = False  # numbers
    whole_words: bool = False  # names and short words: never broken inside a word
    least: int = 0  # narrowest the column may become (besides its longest word)


@dataclass
class Row:
    cells: list[str]
    styles: list[str | None] | None = None  # per cell
    below: list[tuple[str, str | None]] | None = None  # (text, style): lines under the row
    heading: str | None = None  # a line before the row (a group: 领域 · 任务)
    row_style: str | None = None


def _widths(columns: Sequence[Column], rows: Iterable[Row], width: int) -> list[int] | None:
    """Column widths that fit `width`, or None when even the narrowest do not."""
    natural = [width_of(c.head) for c in columns]
    least = [max(c.least, longest_word(c.head, True)) for c in columns]  # headers stay whole
    for row in rows:
        for i, cell in enumerate(row.cells):
            if cell:
                whole = width_of(cell) if "\n" not in cell else max(width_of(line) for line in cell.split("\n"))
                if whole > natural[i]:
                    natural[i] = whole
                if whole > least[i]:  # (a cell no wider than the least cannot hold a wider word)
                    least[i] = max(least[i], longest_word(cell, columns[i].whole_words))
    least = [min(lo, n) for lo, n in zip(least, natural)]
    spare = width - GAP * (len(columns) - 1) - sum(least)
    if spare < 0:
        return None
    widths = list(least)
    # Water-filling: each column in turn, the least demanding first, gets what it lacks or its
    # fair share of what is left, so short columns are whole and a long reason takes the rest.
    wants = sorted((n - lo, i) for i, (n, lo) in enumerate(zip(natural, least)) if n > lo)
    for k, (want, i) in enumerate(wants):
        more = min(want, spare // (len(wants) - k))
        widths[i] += more
        spare -= more
    return widths


def draw(columns: Sequence[Column], rows: Callable[[], Iterable[Row]], width: int) -> Iterator[Line] | None:
    """The table's lines at this width (rows is called twice: to measure, then to draw), or
    None when the columns cannot fit."""
    widths = _widths(columns, rows(), width)
    if widths is None:
        return None
    return _lines(columns, rows, widths, width)


def _lines(columns: Sequence[Column], rows: Callable[[], Iterable[Row]], widths: list[int],
           width: int) -> Iterator[Line]:
    heads = [Column(c.head, c.right, True) for c in columns]
    yield from _block([c.head for c in columns], [None] * len(columns), heads, widths, "bold")
    yield [(("  ".join("-" * w for w in widths)), None)]
    for row in rows():
        if row.heading:
            for text in wrap(row.heading, width):
                yield [(text, "bold")]
        yield from _block(row.cells, row.styles or [None] * len(columns), columns, widths, row.row_style)
        for text, style in row.below or ():
            indent = widths[0] + GAP if len(widths) > 1 and widths[0] + GAP + 20 <= width else GAP
            for line in wrap(text, width - indent):
                yield [(" " * indent, None), (line, style)]


def _block(cells: Sequence[str], styles: Sequence[str | None], columns: Sequence[Column], widths: list[int],
           row_style: str | None) -> Iterator[Line]:
    # a header that fits on one line drops its break mark (a zero-width space, invisible but copied)
    wrapped = [[cell.replace(BREAK, "")] if "\n" not in cell and width_of(cell) <= w else wrap(cell, w, c.whole_words)
               for cell, w, c in zip(cells, widths, columns)]
    height = max(map(len, wrapped))
    gap = " " * GAP
    for n in range(height):
        segments: Line = []
        pad = ""  # what the previous cell leaves to fill, joined to the next segment
        for i, lines in enumerate(wrapped):
            text = lines[n] if n < len(lines) else ""
            fill = " " * (widths[i] - width_of(text))
            lead = pad + gap if i else ""
            style = styles[i] or row_style
            if columns[i].right:
                segments.append((lead + fill, None))
                pad = ""
            else:
                if lead:
                    segments.append((lead, None))
                pad = fill
            if text:
                segments.append((text, style))
        yield segments if segments and segments[-1][0].strip() else _rstrip(segments)


def _rstrip(segments: Line) -> Line:
    while segments and not segments[-1][0].strip():
        segments.pop()
    if segments:
        text, style = segments[-1]
        segments[-1] = (text.rstrip(), style)
    return segments


def plain(line: Line) -> str:
    return "".join(text for text, _ in line)


def stacked(title: str, status: str, status_style: str | None, details: list[tuple[str, str | None]],
            width: int, indent: int = 4) -> Iterator[Line]:
    """One row as a card: its title (a name, never broken inside a word) with the status at the
    right end of the line when there is room, then labelled detail lines, indented."""
    title_lines = wrap(title, width, whole_words=True)
    last = title_lines[-1]
    room = width - width_of(last) - GAP
    for text in title_lines[:-1]:
        yield [(text, "bold")]
    if status and width_of(status) <= room:
        yield [(last, "bold"), (" " * (width - width_of(last) - width_of(status)), None), (status, status_style)]
    else:
        yield [(last, "bold")]
        if status:
            yield [(" " * indent, None), (status, status_style)]
    for text, style in details:
        for line in wrap(text, width - indent):
            yield [(" " * indent, None), (line, style)]
