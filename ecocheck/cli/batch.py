"""`ecocheck batch`: every submission found, checked in parallel, then summarised across counties."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.base.errors import ERROR, WARNING, problem_text
from ecocheck.cli.common import (
    EXIT_INPUT, Lang, check_history_or_exit, check_output_or_exit, edition_or_exit, library_or_exit, output_or_exit,
    stderr, write_rendered,
)
from ecocheck.cli.options import (
    ARGUMENTS_PANEL, BaseYearOpt, EditionOpt, ForceOpt, FormatHelp, LangOpt, LevelOpt, OutputHelp, RegionOpt, RulesOpt,
    SheetOpt, TableOpt, TerrainOpt,
)
from ecocheck.cli.helptext import HELP
from ecocheck.engine import SEND_JSON, SEND_ROWS
from ecocheck.output.common import problem_location, skipped_text
from ecocheck.output.formats import BATCH, FORMATS, BatchView, choices

Format = choices(BATCH)


def batch(
    paths: Annotated[list[str], typer.Argument(help=HELP["batch.paths"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)],
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=HELP["batch.jobs"])] = None,
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help=FormatHelp)] = Format("table"),
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=HELP["batch.quiet"])] = False,
    history: Annotated[Optional[Path], typer.Option("--history", help=HELP["batch.history"])] = None,
    tables: Annotated[bool, typer.Option("--tables", help=HELP["batch.tables"])] = False,
    sheet: SheetOpt = None,
    table: TableOpt = None,
    region: RegionOpt = None,
    level: LevelOpt = None,
    terrain: TerrainOpt = None,
    base_year: BaseYearOpt = None,
    force: ForceOpt = False,
    strict: Annotated[bool, typer.Option("--strict", help=HELP["batch.strict"])] = False,
) -> None:
    from ecocheck.cli.tables import options_of

    options = options_of(sheet, table, edition, level, region, terrain, base_year)
    raise typer.Exit(_batch(paths, jobs, edition, rules, fmt, lang, output, quiet, history, tables, options, force, strict))


def _batch(paths: list[str], jobs: Optional[int], edition: Optional[str], rules: Optional[Path], fmt: Format,
           lang: Lang, output: Optional[Path], quiet: bool, history: Optional[Path], tables: bool = False,
           table_options=None, force: bool = False,
           strict: bool = False) -> int:
    """Check the files found, write the summary (and reports) and return the exit code (0, 1 or 2)."""
    from ecocheck.engine import batch as runner
    from ecocheck.engine.summary import BatchSummary

    library = library_or_exit(rules, lang.value)  # a broken rule library is reported once, before any worker starts
    chosen = FORMATS[fmt.value]
    if edition is not None:
        edition_or_exit(library, edition)
    check_output_or_exit(chosen, output)
    check_history_or_exit(history)
    summary = BatchSummary()
    files, missing = runner.discover(paths, summary.skipped, tables=tables)
    if not files and not missing:  # a gate that checked nothing must not pass; a path that was
        skipped = skipped_text(summary.skipped, "en")  # not found is an error of the summary (exit 2)
        stderr(f"error: no submission files (*.yaml, *.yml) found in {', '.join(paths)}"
               + (f" ({skipped})" if skipped else ""))
        return EXIT_INPUT
    output = output_or_exit(output, force, files, rules, history)
    summary.add_errors([p.as_dict(lang.value) for p in missing])
    n_jobs = jobs or runner.default_jobs()
    index = None
    if history is not None:
        from ecocheck.cli.series import history_or_exit

        index = history_or_exit(history, lang.value)  # scanned once here, shared with every worker
    items = runner.run(files, rules=str(rules) if rules else None, edition=edition, jobs=n_jobs,
                       send=chosen.batch_reports, history=index, lang=lang.value,
                       tables=table_options, strict=strict)
    # Reports are handed to the format as they arrive, and written (or set aside) at once: a
    # batch never holds them all. JSON reports carry their warnings. The summary formats
    # (SEND_ROWS) are rendered once every file is checked and the summary complete.
    reports = _collected(_with_progress(items, len(files), quiet), summary,
                         quiet or chosen.batch_reports == SEND_JSON, lang.value)
    if chosen.batch_reports == SEND_ROWS:  # only the summary is shown: complete it first
        for _ in reports:
            pass
        reports = iter(())
    if chosen.batch_errors_on_stderr:  # human-readable on stderr too, once every file is checked
        reports = _then(reports, lambda: _print_errors(summary, lang.value))
    view = BatchView(summary, reports, lang.value, terminal=output is None and sys.stdout.isatty())
    write_rendered(chosen.renderer(BATCH)(view) or "", output)
    return summary.exit_code()


def _then(items, after):
    """`items`, then `after()` once they are all read."""
    yield from items
    after()


def _print_errors(summary, lang: str) -> None:
    for e in summary.error_rows():
        stderr(problem_text(problem_location(e), e['message'], lang=lang, kind=ERROR))


def _collected(items, summary, quiet: bool, lang: str):
    """Each item added to the summary; yields the reports the workers sent (dicts or JSON). The
    workers send problems written in `lang`; so are the words printed around them."""
    for item in items:
        if item.problems and item.row is None:
            summary.add_errors(item.problems)
        elif item.problems:  # evaluated all the same: the report shows those cells as 缺数据
            summary.add_problems(item.problems)
            for p in item.problems:
                stderr(problem_text(problem_location(p), p['message'], p.get("hint", ""),
                                    lang, ERROR))
        if item.row is not None:
            summary.add_county(item.row)
        if item.tally:
            summary.add_tally(item.tally)
        if item.warnings and not quiet:
            for w in item.warnings:
                stderr(problem_text(problem_location(w), w['message'], lang=lang,
                                    kind=WARNING))
        if item.report is not None:
            yield item.report
        elif item.report_json is not None:
            yield item.report_json


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
