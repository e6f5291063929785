"""The output formats: each declared once, here; each rendered by one module.

A format's module (ecocheck.output.<module>) has one function per command that offers the
format, all with the same signatures:

    render_evaluate(view: EvaluateView) -> str | bytes | None
    render_batch(view: BatchView)       -> str | bytes | Iterable[str] | Iterable[bytes] | None
    render_compare(docs, errors, lang)  -> str
    render_progress(docs, errors, lang) -> str

None means "already shown on the terminal" (view.terminal); an iterable is written piece by
piece, as it is made (a batch's export as its files are checked). The modules are imported only
when a format is used, so that importing this registry (every command line does, for its
--format choices) stays cheap.

To add a format: one entry below, one module with the render functions of its commands, and
tests/output/test_formats.py checks that it renders for every command it is offered by.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum
from functools import cache
from types import ModuleType
from typing import Any, Callable

from ecocheck.engine import SEND_DICTS, SEND_JSON, SEND_ROWS

EVALUATE, BATCH, COMPARE, PROGRESS = "evaluate", "batch", "compare", "progress"
COMMANDS = (EVALUATE, BATCH, COMPARE, PROGRESS)



@dataclass(frozen=True)
class OutputFormat:
    name: str  # the --format word
    module: str  # ecocheck.output.<module> renders it
    suffix: str  # of a file written in this format
    binary: bool  # bytes a terminal cannot show: refused on one
    commands: tuple[str, ...]  # the commands that offer it
    batch_reports: str = SEND_ROWS  # what batch workers send: SEND_ROWS, SEND_DICTS or SEND_JSON
    shows_plans: bool = False  # evaluate --plan sections appear in it
    batch_errors_on_stderr: bool = False  # batch also prints the unreadable files on stderr

    def load(self) -> ModuleType:
        return importlib.import_module(f"ecocheck.output.{self.module}")

    def renderer(self, command: str) -> Callable[..., Any]:
        """The module's render function for `command` (one that offers this format)."""
        return getattr(self.load(), f"render_{command}")


_EXPORT = (EVALUATE, BATCH)

# The order is the order of the --format choices.
FORMATS: dict[str, OutputFormat] = {f.name: f for f in (
    OutputFormat("table", "text", ".txt", False, COMMANDS, shows_plans=True),
    OutputFormat("json", "jsonout", ".json", False, COMMANDS, SEND_JSON, shows_plans=True),
    OutputFormat("markdown", "markdown", ".md", False, COMMANDS, shows_plans=True),
    OutputFormat("csv", "csvout", ".csv", False, _EXPORT, SEND_DICTS, batch_errors_on_stderr=True),
    OutputFormat("xlsx", "xlsx", ".xlsx", True, _EXPORT, SEND_DICTS, batch_errors_on_stderr=True),
    OutputFormat("html", "html", ".html", False, (EVALUATE, BATCH, COMPARE), SEND_DICTS,
                 batch_errors_on_stderr=True),
    OutputFormat("junit", "junit", ".xml", False, _EXPORT, SEND_DICTS, batch_errors_on_stderr=True),
)}


def offered(command: str) -> list[OutputFormat]:
    """The formats `command` offers, in --format order."""
    return [f for f in FORMATS.values() if command in f.commands]


@cache
def choices(command: str) -> type[Enum]:
    """The --format choices of `command`, as the str Enum typer takes (one class per command)."""
    return Enum(f"{command.capitalize()}Format", [(f.name, f.name) for f in offered(command)], type=str)


@dataclass
class EvaluateView:
    """What `evaluate` hands a format: its reports, the files it could not read, the language."""

    reports: list[dict[str, Any]]  # canonical Report.as_dict() dicts (with "plan_progress" under --plan)
    errors: list[dict[str, Any]]  # Problem.as_dict() of the files that could not be read
    lang: str
    terminal: bool  # stdout is a terminal and no --output: a format may show rich text
    single: bool  # one file was named (json prints its report alone)


@dataclass
class BatchView:
    """What `batch` hands a format: the reports as the files are checked (SEND_DICTS, SEND_JSON),
    or only the summary once every file is checked (SEND_ROWS)."""

    summary: Any  # ecocheck.engine.summary.BatchSummary: complete once `reports` is consumed
    # report dicts (SEND_DICTS) or JSON bytes (SEND_JSON), an iterator read once as the workers
    # send them: a format writes (or sets aside) each report as it comes and keeps only what its
    # overview needs, so that a batch's memory does not grow with its files; empty for SEND_ROWS
    reports: Any
    lang: str
    terminal: bool
