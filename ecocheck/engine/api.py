"""The core's front door: file paths in, Reports out. What the CLI and batch runner call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck.base.errors import InputError, Problem
from ecocheck.base.messages import Message
from ecocheck.engine.evaluate import evaluate
from ecocheck.engine.results import Report
from ecocheck.submission.model import Submission
from ecocheck.library.loader import Library
from ecocheck.submission.reader import load_submission

if TYPE_CHECKING:
    from ecocheck.tables import Options
    from ecocheck.submission.history import HistoryIndex


@dataclass
class Checked:
    """The outcome of checking one file: a report, or the problems that prevented one."""

    file: str
    report: Report | None = None
    problems: list[Problem] | None = None

    @property
    def exit_code(self) -> int:
        if self.report is None or self.report.problems:
            return 2
        return 0 if self.report.summary()["binding_met"] else 1


def load_with_history(path: str | Path, library: Library, *, edition: str | None = None,
                      history: "str | Path | HistoryIndex | None" = None, strict: bool = True) -> Submission:
    """A submission with last year's values attached (its `previous:` file, else `history`).

    `strict`: refuse the file for any problem; else only when no report can be made (the cells
    that could not be read are in `Submission.problems`)."""
    submission = load_submission(path, library, edition=edition, display=str(path), strict=strict)
    if submission.previous_file or history is not None:
        from ecocheck.submission.history import attach_history  # only series need it: keep start-up light

        submission = attach_history(submission, path, library, history)
    return submission


def check_file(path: str | Path, library: Library, *, edition: str | None = None,
               history_dir: "str | Path | HistoryIndex | None" = None, strict: bool = False) -> Checked:
    """Evaluate one file. Trend criteria take last year's value from the file's `previous:`
    submission, else from the nearest earlier year of the same region in `history_dir`
    (a folder, or a HistoryIndex scanned once for many files); see ecocheck.submission.history.

    A readable file with cells that could not be read gets its report, those cells 缺数据 and
    the problems in `report.problems` (exit code 2); `strict` refuses it instead."""
    name = str(path)
    try:
        submission = load_with_history(path, library, edition=edition, history=history_dir, strict=strict)
        report = evaluate(submission, library.get(submission.edition))
        return Checked(name, report=report)
    except InputError as err:
        return Checked(name, problems=err.problems)


def check_table(path: str | Path, library: Library, options: "Options | None" = None, *,
                year: int | None = None, history_dir: "str | Path | HistoryIndex | None" = None,
                strict: bool = False) -> list[Checked]:
    """Evaluate a Word/Excel/CSV indicator table through `ecocheck import`: one Checked per year
    column (only `year`'s when given), named "FILE#YEAR". Problems name the table's cells; a cell
    that cannot be read is 缺数据 in its column's report (`strict`: the column is refused)."""
    from ecocheck.submission.reader import parse_submission_text
    from ecocheck.tables import Options
    from ecocheck.tables.importer import import_table

    name = str(path)
    try:
        imported = import_table(path, library, options or Options(), display=name)
    except InputError as err:
        return [Checked(name, problems=err.problems)]
    drafts = imported.drafts()
    if year is not None:
        drafts = [d for d in drafts if d.column.year == year]
        if not drafts:
            years = ", ".join(str(c.year) for c in imported.columns)
            return [Checked(name, problems=[imported.grid.problem(
                Message("input.table.no_year", year=year), Message("input.table.years", years=years),
                code="no-year")])]
    checked = []
    for draft in drafts:
        label = f"{name}#{draft.column.year}"
        try:
            submission = parse_submission_text(draft.text, library, file=label, strict=strict)
            if history_dir is not None:
                from ecocheck.submission.history import attach_history

                submission = attach_history(submission, path, library, history_dir)
            report = evaluate(submission, library.get(submission.edition))
        except InputError as err:
            checked.append(Checked(label, problems=[imported.locate(draft, p) for p in err.problems]))
            continue
        report.warnings = [imported.locate(draft, w) for w in report.warnings] + imported.findings
        report.problems = [imported.locate(draft, p) for p in report.problems]
        checked.append(Checked(label, report=report))
    return checked


__all__ = ["Checked", "check_file", "check_table", "load_with_history", "InputError"]
