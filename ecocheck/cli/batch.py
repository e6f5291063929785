"""`ecocheck batch`: every submission found, checked in parallel, then summarised across counties."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import Format, Lang, library_or_exit, stderr
from ecocheck.cli.options import EditionOpt, LangOpt, RulesOpt


def batch(
    paths: Annotated[list[str], typer.Argument(help="Folders (searched recursively), files or globs.", show_default=False)],
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the number of cores).")] = None,
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the output to FILE (atomically).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no warnings.")] = False,
    history: Annotated[Optional[Path], typer.Option("--history", help="Folder of earlier years (may be the batch folder itself): trends take last year's value from the same region's nearest earlier year.")] = None,
) -> None:
    """Check every county-year submission found, then summarise across counties.

    Exit code: 2 if any file could not be read; else 1 if any county fails (or lacks data for)
    a binding indicator; else 0. One broken file never stops the batch: it is listed in the
    errors section and the rest are evaluated.
    """
    raise typer.Exit(_batch(paths, jobs, edition, rules, fmt, lang, output, quiet, history))


def _batch(paths: list[str], jobs: Optional[int], edition: Optional[str], rules: Optional[Path], fmt: Format,
           lang: Lang, output: Optional[Path], quiet: bool, history: Optional[Path]) -> int:
    """Check the files found, write the summary (and reports) and return the exit code (0, 1 or 2)."""
    from ecocheck.engine import batch as runner
    from ecocheck.engine.summary import BatchSummary

    library_or_exit(rules)  # a broken rule library is reported once, before any worker starts
    files, missing = runner.discover(paths)
    summary = BatchSummary()
    summary.add_errors([p.as_dict() for p in missing])
    full = "json" if fmt is Format.json else fmt not in (Format.table, Format.markdown)
    n_jobs = jobs or runner.default_jobs()
    index = None
    if history is not None:
        from ecocheck.cli.series import history_or_exit

        index = history_or_exit(history)  # scanned once here, shared with every worker
    items = runner.run(files, rules=str(rules) if rules else None, edition=edition, jobs=n_jobs, full=full,
                       history=index)
    items = _with_progress(items, len(files), quiet)

    if fmt is Format.json:
        _stream_json(items, summary, output)
    else:
        reports = []
        for item in items:
            _collect(item, summary, quiet)
            if full and item.report is not None:
                reports.append(item.report)
        _render(fmt, summary, reports, lang.value, output)
    return summary.exit_code()


def _collect(item, summary, quiet: bool) -> None:
    if item.problems:
        summary.add_errors(item.problems)
    if item.row is not None:
        summary.add_county(item.row)
    if item.tally:
        summary.add_tally(item.tally)
    if item.warnings and not quiet:
        for w in item.warnings:
            stderr(f"{w['file']}:{w['line']}:{w['column']}: warning: {w['message']}")


def _with_progress(items, total: int, quiet: bool):
    if quiet or not sys.stderr.isatty() or total < 2:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("batch", total=total)
        for item in items:
            yield item
            progress.advance(task)


def _stream_json(items, summary, output: Optional[Path]) -> None:
    """{"reports": [...], "errors": [...], "summary": {...}} written report by report.

    The same bytes as json.dumps of the whole document (the tail with indent=1), but the
    reports come serialised from the workers and the county rows are written one at a time.
    """
    import contextlib
    import json

    from ecocheck.output.files import atomic_writer

    with (atomic_writer(output) if output else contextlib.nullcontext(sys.stdout.buffer)) as out:
        out.write(b'{"reports": [')
        first = True
        for item in items:
            _collect(item, summary, quiet=True)
            if item.report_json is not None:
                out.write((b"" if first else b",") + b"\n" + item.report_json)
                first = False
        marker = "\x00counties\x00"
        tail = {"errors": summary.error_rows(), "summary": {**summary.totals(), "counties": marker,
                                                            "indicators": summary.indicator_rows()}}
        head, rest = json.dumps(tail, ensure_ascii=False, indent=1)[1:].split(json.dumps(marker), 1)
        out.write(b"\n], " + head.encode("utf-8"))
        if summary.counties:  # as indent=1 lays out a list three levels down: "[", rows, "  ]"
            out.write(b"[")
            sep = b"\n"
            for row in summary.iter_county_rows():
                text = json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n   ")
                out.write(sep + b"   " + text.encode("utf-8"))
                sep = b",\n"
            out.write(b"\n  ]")
        else:
            out.write(b"[]")
        out.write(rest.encode("utf-8") + b"\n")
        out.flush()


def _render(fmt: Format, summary, reports: list, lang: str, output: Optional[Path]) -> None:
    from ecocheck.cli.common import write_lines
    from ecocheck.output import batchtext

    errors = summary.error_rows()
    if fmt is Format.table:
        if output is None and sys.stdout.isatty():
            from rich.console import Console

            batchtext.render_rich(summary.as_dict(), errors, Console(), lang)
        else:
            write_lines(batchtext.plain_lines(summary.as_stream(), errors, lang), output)
        return
    if fmt is Format.markdown:
        write_lines(batchtext.markdown_lines(summary.as_stream(), errors, lang), output)
        return
    if errors:  # human-readable on stderr too, whatever the export format
        for e in errors:
            stderr(f"{e['file']}:{e['line']}:{e['column']}: error: {e['message']}")
    from ecocheck.cli.common import write_export

    write_export(fmt, reports, errors, summary.as_dict(), lang, output)
