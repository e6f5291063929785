"""Input errors carry where (file, line, column), what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecocheck.base.messages import DEFAULT_LANG, Message, text_in


def location(file: str, line: int = 0, column: int = 0) -> str:
    """Where a problem is, as every message prints it: file:line:column, the unknown parts left
    out ("<input>" when there is no file)."""
    where = file or "<input>"
    if line:
        where += f":{line}"
        if column:
            where += f":{column}"
    return where


# How a problem is labelled where it is printed (`kind` of problem_text)
ERROR, WARNING = "error", "warning"


def problem_text(where: str, message: str, hint: str = "", lang: str = DEFAULT_LANG, kind: str = "") -> str:
    """A problem as the command line prints it: `where: [error: ]message`, the hint on a line of
    its own, the label words in `lang` (the message and hint are already written)."""
    label = Message(f"input.label.{kind}").render(lang) if kind else ""
    text = f"{where}: {label}{message}"
    if hint:
        text += "\n  " + Message("input.label.hint").render(lang) + hint
    return text


@dataclass
class Problem:
    """One finding about an input file. `line`/`column` are 1-based; 0 means unknown.

    `message` and `hint` are catalogue Messages (ecocheck.base.messages), written in the report's
    language when read; a str is kept as it is (from code that does not use the catalogue yet).
    """

    message: Any
    file: str = ""
    line: int = 0
    column: int = 0
    hint: Any = ""
    code: str = "input"
    indicator: str = ""  # the indicator (or indicator.sub_item) id the problem is about, if any

    def location(self) -> str:
        return location(self.file, self.line, self.column)

    def message_in(self, lang: str = DEFAULT_LANG) -> str:
        return text_in(self.message, lang)

    def hint_in(self, lang: str = DEFAULT_LANG) -> str:
        return text_in(self.hint, lang) if self.hint else ""

    def format(self, lang: str = DEFAULT_LANG, kind: str = "") -> str:
        """file:line:column: message (`kind` ERROR or WARNING adds its label), and the hint."""
        return problem_text(self.location(), self.message_in(lang), self.hint_in(lang), lang, kind)

    def as_dict(self, lang: str = DEFAULT_LANG) -> dict:
        out = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message_in(lang),
            "hint": self.hint_in(lang),
        }
        if self.indicator:
            out["id"] = self.indicator
        return out


MAX_PROBLEMS = 200  # per file: enough to fix in one round; more is noise (and time, and memory)


@dataclass
class InputError(Exception):
    """Raised for input the tool cannot evaluate; holds one or more problems.

    At most MAX_PROBLEMS are kept, then one saying how many more there were (`more` counts
    problems a collector already left out without building them).
    """

    problems: list[Problem] = field(default_factory=list)
    more: int = 0

    def __post_init__(self) -> None:
        extra = len(self.problems) - MAX_PROBLEMS + self.more
        if extra > 0:
            kept = self.problems[:MAX_PROBLEMS]
            self.problems = kept + [Problem(Message("input.more", count=extra), kept[-1].file if kept else "",
                                            hint=Message("input.more.hint"), code="too-many")]
            self.more = 0

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    @classmethod
    def single(cls, message: Any, *, file: str = "", line: int = 0, column: int = 0,
               hint: Any = "", code: str = "input") -> "InputError":
        return cls([Problem(message, file, line, column, hint, code)])
