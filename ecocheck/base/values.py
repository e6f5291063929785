"""Reading numbers and qualitative words the way people type them (from Excel, from Word)."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ecocheck.base.messages import Message, Quoted

_THRESHOLD_MARKS = ("≥", "≤", ">=", "<=", ">", "<", "＞", "＜", "不低于", "不高于", "不少于")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class ValueProblem(ValueError):
    """A value that cannot be read; `hint` says how to write it instead (both catalogue Messages,
    written in the report's language; str(problem) is the English, for a log)."""

    def __init__(self, message: Message, hint: Message | str = "", code: str = "value") -> None:
        super().__init__(message.render("en"))
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
        raise ValueProblem(Message("input.number.bool", value=str(raw).lower()), Message("input.number.bool_hint"),
                           code="value-type")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw):
            raise ValueProblem(Message("input.number.not_finite", value=f"`{raw}`"),
                               Message("input.number.real_hint"), code="value-range")
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        return None
    text = normalize_text(raw)
    for mark in _THRESHOLD_MARKS:
        if text.startswith(mark):
            raise ValueProblem(Message("input.number.threshold", value=Quoted(raw)),
                               Message("input.number.threshold_hint"), code="threshold-echo")
    compact = text.replace(" ", "").replace(",", "")
    if compact.endswith("%"):
        compact = compact[:-1]
    if _NUMBER.match(compact):
        try:
            number = Decimal(compact)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid forms
            return None
        if not number.is_finite():
            raise ValueProblem(Message("input.number.not_finite", value=Quoted(raw)), code="value-range")
        return number
    if compact.lower() in {"nan", ".nan", "inf", ".inf", "-inf", "-.inf", "+.inf", "infinity"}:
        raise ValueProblem(Message("input.number.not_finite", value=Quoted(raw)),
                           Message("input.number.real_hint"), code="value-range")
    return None


def format_number(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return text


__all__ = ["ValueProblem", "normalize_text", "parse_number", "format_number"]
