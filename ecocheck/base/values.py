"""Reading numbers and qualitative words the way people type them (from Excel, from Word)."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

_THRESHOLD_MARKS = ("≥", "≤", ">=", "<=", ">", "<", "＞", "＜", "不低于", "不高于", "不少于")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class ValueProblem(ValueError):
    """A value that cannot be read; `hint` says how to write it instead."""

    def __init__(self, message: str, hint: str = "", code: str = "value") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


@lru_cache(maxsize=16384)  # the same names and state words recur in every submission
def normalize_text(text: str) -> str:
    """NFKC (full-width digits and ％ become ASCII), no surrounding space or end punctuation."""
    text = unicodedata.normalize("NFKC", text).strip()
    return text.rstrip("。.；;，,").strip()


def parse_number(raw: Any) -> Decimal | None:
    """A Decimal for a number or a numeric string ("95.33%", "９５.３３"), None for plain text.

    Raises ValueProblem for things that look like numbers but must not be read as one.
    """
    if isinstance(raw, bool):
        raise ValueProblem(
            f"`{str(raw).lower()}` is not a number",
            "give the number, or write {met: true, note: \"…\"} to declare that it is met",
            code="value-type",
        )
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw):
            raise ValueProblem(f"`{raw}` is not a finite number", "give a real measured value",
                               code="value-range")
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        return None
    text = normalize_text(raw)
    for mark in _THRESHOLD_MARKS:
        if text.startswith(mark):
            raise ValueProblem(
                f"{raw!r} is a threshold, not a value",
                "the standard's requirement was copied into the value cell; give the county's "
                "measured value, or leave it out (缺数据), or declare {met: true, note: \"…\"}",
                code="threshold-echo",
            )
    compact = text.replace(" ", "").replace(",", "")
    if compact.endswith("%"):
        compact = compact[:-1]
    if _NUMBER.match(compact):
        try:
            number = Decimal(compact)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid forms
            return None
        if not number.is_finite():
            raise ValueProblem(f"{raw!r} is not a finite number", code="value-range")
        return number
    if compact.lower() in {"nan", ".nan", "inf", ".inf", "-inf", "-.inf", "+.inf", "infinity"}:
        raise ValueProblem(f"{raw!r} is not a finite number", "give a real measured value",
                           code="value-range")
    return None


def format_number(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return text


__all__ = ["ValueProblem", "normalize_text", "parse_number", "format_number"]
