"""`ecocheck evaluate`: one or more county-year files, a report each."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import (
    EXIT_INPUT, Lang, check_history_or_exit, check_output_or_exit, edition_or_exit, library_or_exit, output_or_exit,
    print_problems, stderr, write_rendered,
)
from ecocheck.cli.options import (
    ARGUMENTS_PANEL, BaseYearOpt, EditionOpt, ForceOpt, FormatHelp, LangOpt, LevelOpt, OutputHelp, RegionOpt, RulesOpt,
    SheetOpt, TableOpt, TerrainOpt,
)
from ecocheck.cli.helptext import HELP
from ecocheck.output.formats import EVALUATE, FORMATS, EvaluateView, choices

Format = choices(EVALUATE)


def evaluate(
    files: Annotated[list[Path], typer.Argument(help=HELP["evaluate.files"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)],
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help=FormatHelp)] = Format("table"),
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    history: Annotated[Optional[Path], typer.Option("--history", help=HELP["evaluate.history"])] = None,
    plan: Annotated[Optional[list[str]], typer.Option("--plan", "-p", help=HELP["evaluate.plan"])] = None,
    year: Annotated[Optional[int], typer.Option("--year", help=HELP["evaluate.year"])] = None,
    sheet: SheetOpt = None,
    table: TableOpt = None,
    region: RegionOpt = None,
    level: LevelOpt = None,
    terrain: TerrainOpt = None,
    base_year: BaseYearOpt = None,
    force: ForceOpt = False,
    strict: Annotated[bool, typer.Option("--strict", help=HELP["evaluate.strict"])] = False,
) -> None:
    from ecocheck.cli.tables import options_of

    tables = options_of(sheet, table, edition, level, region, terrain, base_year)
    raise typer.Exit(_evaluate(files, edition, rules, fmt, lang, output, history, plan, tables, year, force, strict))


def _evaluate(files: list[Path], edition: Optional[str], rules: Optional[Path], fmt: Format, lang: Lang,
              output: Optional[Path], history: Optional[Path], plan: Optional[list[str]],
              tables=None, year: Optional[int] = None, force: bool = False,
              strict: bool = False) -> int:
    """Evaluate the files (a table: each of its year columns), write the report(s) and return the
    exit code (0, 1 or 2)."""
    from ecocheck.engine.api import check_file, check_table
    from ecocheck.tables import is_table_file

    library = library_or_exit(rules, lang.value)
    if plan and any(is_table_file(f) for f in files):
        stderr("error: --plan reads YAML submissions\n  hint: write the table's files first with "
               "`ecocheck import TABLE`, then evaluate them with --plan")
        return EXIT_INPUT
    chosen = FORMATS[fmt.value]
    if edition is not None:
        edition_or_exit(library, edition)
    check_output_or_exit(chosen, output)
    check_history_or_exit(history)
    plans = []
    if plan:
        from ecocheck.cli.series import plan_or_exit

        plans = [plan_or_exit(key, None, library, lang.value) for key in plan]
        if not chosen.shows_plans:
            *others, last = (f.name for f in FORMATS.values() if f.shows_plans)
            stderr(f"warning: --plan progress is shown with --format {', '.join(others)} or {last}, "
                   f"not {chosen.name}")
    output = output_or_exit(output, force, files, rules, history, plan)
    index = None
    if history is not None:
        from ecocheck.cli.series import history_or_exit

        index = history_or_exit(history, lang.value)
    checked = []
    for f in files:
        if is_table_file(f):
            checked += check_table(f, library, tables, year=year, history_dir=index, strict=strict)
        else:
            checked.append(check_file(f, library, edition=edition, history_dir=index, strict=strict))
    for c in checked:
        if c.problems:
            print_problems(c.problems, lang=lang.value)
            continue
        print_problems(c.report.problems, lang=lang.value)
        if c.report.warnings:
            print_problems(c.report.warnings, warning=True, lang=lang.value)
    reports = [c.report.as_dict(lang.value) for c in checked if c.report]
    plan_code = 0
    if plans:  # each report gets its plan sections (json: "plan_progress"), labelled after the standard's
        from ecocheck.cli.series import plan_progress_for

        plan_docs, plan_code = plan_progress_for(checked, plans, library, edition, index, lang.value)
        for r in reports:
            r["plan_progress"] = plan_docs.get(r["file"], [])

    code = max(max(c.exit_code for c in checked), plan_code)
    errors = [p.as_dict(lang.value) for c in checked for p in (c.problems or [])]
    view = EvaluateView(reports, errors, lang.value, terminal=output is None and sys.stdout.isatty(),
                        single=len(checked) == 1)
    rendered = chosen.renderer(EVALUATE)(view)
    if rendered or output is not None:
        write_rendered(rendered or "", output)
    return code
