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

    def location(self) -> str:
        return location(self.file, self.line, self.column)

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class InputError(Exception):
    """Raised for input the tool cannot evaluate; holds one or more problems."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    @classmethod
    def single(cls, message: str, *, file: str = "", line: int = 0, column: int = 0,
               hint: str = "", code: str = "input") -> "InputError":
        return cls([Problem(message, file, line, column, hint, code)])
