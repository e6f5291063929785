"""A verdict and why: what a criterion decides for one entry."""

from __future__ import annotations

from ecocheck.base.messages import DEFAULT_LANG, Joined, Message


class Outcome:
    """A verdict and why.

    The reason is a Message (or Joined messages) from the catalogue: the words, in the report's
    language, with numbers formatted and parts joined, are only written when someone reads
    them, and a batch summary never does.
    """

    __slots__ = ("status", "message", "declared")

    def __init__(self, status: str, message: "Message | Joined | None" = None, declared: bool = False) -> None:
        self.status = status
        self.message = message
        self.declared = declared

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """The reason in `lang` ("zh" or "en"); "" when there is none."""
        return "" if self.message is None else self.message.render(lang)

    @property
    def reason(self) -> str:
        """The reason in the default language (zh)."""
        return self.render()

    @property
    def has_reason(self) -> bool:
        return self.message is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return (self.status, self.message, self.declared) == (other.status, other.message, other.declared)

    def __repr__(self) -> str:
        return f"Outcome({self.status!r}, {self.message!r}, declared={self.declared})"
