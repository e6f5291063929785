"""Data in a report is shown, never obeyed.

Region names, notes, reasons and file names come from the submission (or its file name): they
may hold what a spreadsheet, a Markdown renderer or a terminal would act on. Each helper turns
one text into what is safe in one kind of output; non-text values pass unchanged.
"""

from __future__ import annotations

import re
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 controls (escape sequences start with ESC or CSI), DEL, and the bidirectional
# overrides and isolates, which reorder what the reader sees.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]")


def csv_cell(value: Any) -> Any:
    """OWASP's rule against formula injection: a text cell that starts with = + - @ tab or CR
    gets a leading apostrophe, which Excel and LibreOffice show as text and do not evaluate.
    A number (a negative one included) is written as the number it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def terminal_text(value: Any) -> Any:
    """Text for a terminal: line breaks and tabs become spaces, other control characters
    (escape sequences) are removed."""
    if not isinstance(value, str):
        return value
    return _CONTROLS.sub("", _BREAKS.sub(" ", value))


def markdown_text(value: Any) -> str:
    """Text for a Markdown table cell or line: HTML is shown as text (& < > as entities), a
    line break cannot start a new block, | cannot end a cell; control characters go."""
    text = terminal_text(str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
