"""Checking many submissions: discovery, parallel evaluation, results streamed in input order.

Workers are processes (evaluation is CPU-bound Python). Each worker loads the rule library
once (it is cached per process) and sends back only what the caller asked for: the full
canonical report, or the compact part a summary needs — pickling 43 full results per file
costs more than evaluating them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecocheck.core.errors import Problem

SUFFIXES = (".yaml", ".yml")


@dataclass
class Item:
    """One file's outcome as the batch runner yields it."""

    file: str
    report: dict[str, Any] | None  # the canonical report (full mode) or None
    row: dict[str, Any] | None  # compact summary data (always present when evaluated)
    problems: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


def discover(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Submission files under `paths` (folders recursively, files, globs), sorted, deduplicated.

    A path that matches nothing is a problem, not a silent skip.
    """
    found: set[str] = set()
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.update(os.path.join(root, f) for f in files
                             if f.endswith(SUFFIXES) and not f.startswith("."))
        elif path.is_file():
            found.add(str(path))
        elif glob.has_magic(raw):
            matches = [m for m in glob.glob(raw, recursive=True) if Path(m).is_file()]
            if not matches:
                problems.append(Problem("pattern matches no file", raw, code="not-found"))
            found.update(matches)
        else:
            problems.append(Problem("file not found", raw, code="not-found"))
    return sorted(found), problems


# ── worker side ────────────────────────────────────────────────────────────────────────

_STATE: dict[str, Any] = {}


def _init(rules: str | None, edition: str | None, full: bool, history: Any = None) -> None:
    from ecocheck.core.rules import load_library

    # history: a HistoryIndex scanned once by the caller (batch --history), or None
    _STATE.update(library=load_library(rules), edition=edition, full=full, history=history)


def compact(report_dict: dict[str, Any]) -> dict[str, Any]:
    """What a summary needs from a report: the county row and each indicator's status."""
    from ecocheck.core.aggregate import county_row

    return {
        "county": county_row(report_dict),
        "edition": report_dict["edition"],
        "statuses": [(r["id"], r["number"], r["name"], r["attribute"], r["status"])
                     for r in report_dict["results"]],
    }


def compact_report(report: Any) -> dict[str, Any]:
    """compact() straight from a Report, without building its full JSON form first."""
    from ecocheck.core.aggregate import county_row

    head = {"file": report.file, "region": report.region, "level": report.level, "year": report.year,
            "edition": report.edition, "summary": report.summary()}
    return {
        "county": county_row(head),
        "edition": report.edition,
        "statuses": [(r.id, r.number, r.name, r.attribute, r.status) for r in report.results],
    }


def _check(file: str) -> Item:
    from ecocheck.core.api import check_file

    checked = check_file(file, _STATE["library"], edition=_STATE["edition"], history_dir=_STATE.get("history"))
    if checked.report is None:
        return Item(file, None, None, [p.as_dict() for p in checked.problems or []], [])
    warnings = [w.as_dict() for w in checked.report.warnings]
    if _STATE["full"]:
        report = checked.report.as_dict()
        return Item(file, report, compact(report), [], warnings)
    return Item(file, None, compact_report(checked.report), [], warnings)


def _check_chunk(files: list[str]) -> list[Item]:
    return [_check(f) for f in files]


def run(files: list[str], *, rules: str | None = None, edition: str | None = None, jobs: int = 1,
        full: bool = False, chunk: int = 16, history: Any = None) -> Iterator[Item]:
    """Evaluate `files`, yielding one Item per file in the order given.

    jobs=1 runs in this process; more uses a process pool. An exception inside a worker (a
    bug) becomes that file's problem, so one file never stops the batch.
    """
    if jobs <= 1 or len(files) <= chunk:
        _init(rules, edition, full, history)
        for f in files:
            yield _guarded(f)
        return
    import multiprocessing as mp

    chunks = [files[i:i + chunk] for i in range(0, len(files), chunk)]
    context = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with context.Pool(jobs, initializer=_init, initargs=(rules, edition, full, history)) as pool:
        for items in pool.imap(_guarded_chunk, chunks):
            yield from items


def _guarded(file: str) -> Item:
    try:
        return _check(file)
    except Exception as exc:  # a bug must not stop or hide the rest of the batch
        return Item(file, None, None, [Problem(f"internal error: {type(exc).__name__}: {exc}", file,
                                               code="internal").as_dict()], [])


def _guarded_chunk(files: list[str]) -> list[Item]:
    return [_guarded(f) for f in files]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
