"""Input errors carry where (file, line, column), what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field


def location(file: str, line: int = 0, column: int = 0) -> str:
    """Where a problem is, as every message prints it: file:line:column, the unknown parts left
    out ("<input>" when there is no file)."""
    where = file or "<input>"
    if line:
        where += f":{line}"
        if column:
            where += f":{column}"
    return where


@dataclass
class Problem:
    """One finding about an input file. `line`/`column` are 1-based; 0 means unknown."""

    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    hint: str = ""
    code: str = "input"
    indicator: str = ""  # the indicator (or indicator.sub_item) id the problem is about, if any

    def location(self) -> str:
        return location(self.file, self.line, self.column)

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        out = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
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
            self.problems = kept + [Problem(f"… and {extra} more problems not shown", kept[-1].file if kept else "",
                                            hint="fix the ones above and check again", code="too-many")]
            self.more = 0

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    @classmethod
    def single(cls, message: str, *, file: str = "", line: int = 0, column: int = 0,
               hint: str = "", code: str = "input") -> "InputError":
        return cls([Problem(message, file, line, column, hint, code)])
