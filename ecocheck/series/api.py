"""File paths in, progress and comparisons out: what `ecocheck progress`, `compare` and
`evaluate --plan` call. The logic lives in the pure modules (history, progress, compare)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecocheck.engine.api import load_with_history
from ecocheck.base.errors import InputError, Problem
from ecocheck.submission.history import HistoryIndex, apply_history, attach_history
from ecocheck.submission.model import Submission
from ecocheck.series.plans import Plan, read_plan_values
from ecocheck.series.progress import Progress, progress
from ecocheck.library.loader import Library
from ecocheck.submission.reader import load_submission


@dataclass
class ProgressChecked:
    file: str
    progress: Progress | None = None
    problems: list[Problem] | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.progress is None:
            return 2
        return self.progress.exit_code()


def check_progress_plans(path: str | Path, library: Library, plans: list[Plan], *, edition: str | None = None,
                         history: HistoryIndex | str | Path | None = None,
                         assigned: dict[str, Decimal] | None = None,
                         years: list[int] | None = None) -> list[ProgressChecked]:
    """Progress of one file towards each plan: the file (and its plan_values) is read once."""
    name = str(path)
    try:
        submission = load_with_history(path, library, edition=edition, history=history)
        values = read_plan_values(path, name)
    except InputError as err:
        return [ProgressChecked(name, problems=err.problems) for _ in plans]
    out = []
    for plan in plans:
        try:
            out.append(ProgressChecked(name, progress=progress(plan, submission, values, assigned, years),
                                       warnings=list(submission.warnings)))
        except InputError as err:
            out.append(ProgressChecked(name, problems=err.problems))
    return out


def check_progress(path: str | Path, library: Library, plan: Plan, **options: Any) -> ProgressChecked:
    """check_progress_plans() for one plan."""
    return check_progress_plans(path, library, [plan], **options)[0]


def parse_assignments(pairs: list[str]) -> dict[str, Decimal]:
    """`--assign ID=VALUE` (or ID@YEAR=VALUE) options; raises InputError on a malformed one."""
    from ecocheck.base.values import ValueProblem, parse_number

    out: dict[str, Decimal] = {}
    problems = []
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip()
        try:
            number = parse_number(raw.strip()) if sep else None
        except ValueProblem:
            number = None
        if not sep or not key or number is None:
            problems.append(Problem(f"{pair!r}: expected TARGET=NUMBER, e.g. good_air_days_ratio=88.5", "--assign",
                                    code="usage", hint="TARGET is a target id of the plan "
                                    "(`ecocheck progress --list --plan ID`); add @YEAR for one goal year"))
            continue
        out[key] = number
    if problems:
        raise InputError(problems)
    return out


# ── series ──────────────────────────────────────────────────────────────────────────────

@dataclass
class Series:
    region: str
    files: list[str]
    submissions: list[Submission]


def group_series(paths: list[str], library: Library, *, edition: str | None = None,
                 region: str | None = None) -> tuple[list[Series], list[Problem]]:
    """The submissions under `paths` grouped by region, each group in year order.

    Problems: unreadable files, two files for one region and year, a region with one year only
    (when `region` names it, or when no region has two years).
    """
    from ecocheck.engine.batch import discover

    import os

    files, problems = discover(paths)
    files = list(dict.fromkeys(os.path.normpath(f) for f in files))  # a.yaml and ./a.yaml are one file
    by_region: dict[str, list[tuple[str, Submission]]] = {}
    for file in files:
        try:
            submission = load_submission(file, library, edition=edition, display=file)
        except InputError as err:
            problems += err.problems
            continue
        if region is not None and submission.region.strip() != region.strip():
            continue
        by_region.setdefault(submission.region.strip(), []).append((file, submission))
    series: list[Series] = []
    single: list[Problem] = []
    for name, items in sorted(by_region.items()):
        items.sort(key=lambda pair: pair[1].year)
        years: dict[int, str] = {}
        clash = False
        for file, submission in items:
            if submission.year in years:
                problems.append(Problem(f"two files for {name} {submission.year}: {years[submission.year]} and {file}",
                                        file, code="series-duplicate",
                                        hint="keep one file per region and year, or name the files to compare"))
                clash = True
            years.setdefault(submission.year, file)
        if clash:
            continue
        if len(items) < 2:
            single.append(Problem(f"only one year found for {name} ({items[0][1].year})", items[0][0],
                                  code="series-short", hint="a comparison needs two or more years of one region"))
            continue
        series.append(Series(name, [f for f, _ in items], [s for _, s in items]))
    if region is not None and region.strip() not in by_region and not problems:
        problems.append(Problem(f"no submission for region {region!r} under {', '.join(paths)}", code="series-short",
                                hint="the name must match the files' `region:` exactly"))
    if region is not None or not series:  # a region named, or nothing to compare: say why
        problems += single
    return series, problems


def evaluate_series(series: Series, library: Library) -> list[dict[str, Any]]:
    """Each year's report; a year without `previous:` takes last year's values from the year before.

    Each report also says which file gave last year's values (`previous_file`: {"file", "year"},
    or None)."""
    from ecocheck.engine.evaluate import evaluate

    reports = []
    earlier: tuple[str, Submission] | None = None
    for file, submission in zip(series.files, series.submissions):
        if submission.previous_file:
            current = attach_history(submission, file, library)
        elif earlier is not None:
            current = apply_history(submission, earlier[1], earlier[0])
        else:
            current = submission
        report = evaluate(current, library.get(current.edition)).as_dict()
        # the file last year's values came from, so that a report can name it in its own words
        report["previous_file"] = current.meta.get("history")
        reports.append(report)
        earlier = (file, submission)
    return reports


def compare_series(series: Series, library: Library) -> dict[str, Any]:
    from ecocheck.series.compare import compare

    reports = evaluate_series(series, library)
    editions = [library.get(e) for e in dict.fromkeys(r["edition"] for r in reports)]
    editions.sort(key=lambda e: e.issued)
    return compare(reports, editions)


__all__ = ["check_progress", "load_with_history", "parse_assignments", "group_series", "compare_series",
           "evaluate_series", "ProgressChecked", "Series", "check_progress_plans"]
