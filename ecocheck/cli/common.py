"""What every command shares: exit codes, choices, error printing, output writing.

No typer here: the plain `ecocheck evaluate FILE…` runs without importing it (see
ecocheck.cli.main). A command leaves with `raise SystemExit(code)`, which typer passes through
as it does its own Exit. The typer option declarations are in ecocheck.cli.options.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

EXIT_OK, EXIT_NOT_MET, EXIT_INPUT = 0, 1, 2


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"
    junit = "junit"


EXPORT_FORMATS = ("csv", "xlsx", "html", "junit")


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Level(str, Enum):
    county = "county"
    city = "city"


def stderr(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def print_problems(problems, warning: bool = False) -> None:
    for p in problems:
        prefix = "warning: " if warning else "error: "
        stderr(f"{p.location()}: {prefix}{p.message}" + (f"\n  hint: {p.hint}" if p.hint else ""))


def library_or_exit(rules: Optional[Path]):
    from ecocheck.base.errors import InputError
    from ecocheck.library.loader import load_library

    try:
        return load_library(rules)
    except InputError as err:
        stderr("the rule library could not be loaded:")
        print_problems(err.problems)
        raise SystemExit(EXIT_INPUT)


def write_output(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ecocheck.output.files import write_atomic

    write_atomic(output, text.encode("utf-8"))




def write_lines(lines, output: Optional[Path]) -> None:
    """write_output("\\n".join(lines) + "\\n", output), without holding the whole text."""
    from itertools import islice

    lines = iter(lines)
    if output is None:
        out = sys.stdout
        while batch := list(islice(lines, 2000)):
            out.write("\n".join(batch) + "\n")
        return
    from ecocheck.output.files import atomic_writer

    with atomic_writer(output) as handle:
        while batch := list(islice(lines, 2000)):
            handle.write(("\n".join(batch) + "\n").encode("utf-8"))


def edition_or_exit(library, edition: Optional[str]):
    try:
        return library.get(edition)
    except KeyError:
        stderr(f"error: unknown edition {edition!r}\n  hint: known editions: {', '.join(sorted(library.editions))}")
        raise SystemExit(EXIT_INPUT)


def write_export(fmt: "Format", reports: list, errors: list, summary: dict, lang: str,
                 output: Optional[Path]) -> None:
    """csv / xlsx / html / junit, rendered from the canonical reports."""
    from ecocheck.output.common import EXPORTERS

    if output is None and fmt.value == "xlsx" and sys.stdout.isatty():
        stderr("error: an .xlsx workbook cannot be shown on a terminal\n  hint: add --output report.xlsx")
        raise SystemExit(EXIT_INPUT)
    data = EXPORTERS[fmt.value](reports, errors, summary, lang)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ecocheck.output.files import write_atomic

    write_atomic(output, data)
