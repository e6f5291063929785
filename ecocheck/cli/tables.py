"""`ecocheck import`: a consultant's Word/Excel/CSV indicator table in, one submission per year out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import DEFAULT_LANG, EXIT_INPUT, EXIT_OK, Lang, library_or_exit, print_problems, stderr
from ecocheck.cli.helptext import HELP
from ecocheck.cli.options import (
    ARGUMENTS_PANEL, BaseYearOpt, LangOpt, LevelOpt, RegionOpt, RulesOpt, SheetOpt, TableOpt, TerrainOpt,
)


def import_table(
    table_file: Annotated[Path, typer.Argument(metavar="TABLE", help=HELP["import.table"], show_default=False, rich_help_panel=ARGUMENTS_PANEL)],
    sheet: SheetOpt = None,
    table: TableOpt = None,
    edition: Annotated[Optional[str], typer.Option("--edition", "-e", help=HELP["import.edition"])] = None,
    level: LevelOpt = None,
    region: RegionOpt = None,
    terrain: TerrainOpt = None,
    base_year: BaseYearOpt = None,
    rules: RulesOpt = None,
    out_dir: Annotated[Path, typer.Option("--output-dir", "-o", help=HELP["import.output_dir"])] = Path("."),
    lang: LangOpt = Lang.zh,
) -> None:
    raise typer.Exit(run_import(table_file, options_of(sheet, table, edition, level, region, terrain, base_year),
                                rules, out_dir, lang.value))


def options_of(sheet, table, edition, level, region, terrain, base_year):
    from ecocheck.tables import Options

    return Options(sheet=sheet, table=table, edition=edition, level=level.value if level else None,
                   region=region, terrain=terrain, base_year=base_year)


def run_import(path: Path, options, rules: Optional[Path], out_dir: Path, lang: str = DEFAULT_LANG) -> int:
    from ecocheck.base.errors import InputError
    from ecocheck.base.messages import Message
    from ecocheck.output.files import write_atomic
    from ecocheck.submission.reader import parse_submission_text
    from ecocheck.tables.importer import import_table as read_table

    library = library_or_exit(rules, lang)
    try:
        imported = read_table(path, library, options, display=str(path))
    except InputError as err:
        print_problems(err.problems, lang=lang)
        return EXIT_INPUT
    for note in imported.notes:
        stderr(f"{imported.grid.label}: {note.render(lang)}")
    print_problems(imported.findings, warning=True, lang=lang)
    code = EXIT_OK
    for draft in imported.drafts():
        target = out_dir / draft.file_name
        write_atomic(target, draft.text.encode("utf-8"))
        count = len(draft.cells)
        try:
            parse_submission_text(draft.text, library, file=str(target))
            stderr(Message("input.table.wrote", file=str(target), count=count).render(lang))
        except InputError as err:
            code = EXIT_INPUT
            stderr(Message("input.table.wrote_unreadable", file=str(target), count=count,
                           unreadable=len(err.problems)).render(lang))
            print_problems([imported.locate(draft, p) for p in err.problems], lang=lang)
    return code
