"""A verdict and why: what a criterion decides for one entry."""

from __future__ import annotations

from typing import Callable


class Outcome:
    """A verdict and why.

    The reason may be given as a function that writes it: the words (numbers formatted, parts
    joined) are only built when someone reads them, and a batch summary never does. A reason
    function always writes some text, so `has_reason` can answer without writing it.
    """

    __slots__ = ("status", "_reason", "declared")

    def __init__(self, status: str, reason: "str | Callable[[], str]" = "", declared: bool = False) -> None:
        self.status = status
        self._reason = reason
        self.declared = declared

    @property
    def reason(self) -> str:
        reason = self._reason
        if reason.__class__ is not str:
            reason = self._reason = reason()
        return reason

    @property
    def has_reason(self) -> bool:
        return bool(self._reason)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return (self.status, self.reason, self.declared) == (other.status, other.reason, other.declared)

    def __repr__(self) -> str:
        return f"Outcome({self.status!r}, {self.reason!r}, declared={self.declared})"
