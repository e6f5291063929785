"""Input errors carry where (file, line, column), what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field


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
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

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
