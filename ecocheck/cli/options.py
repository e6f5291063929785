"""Typer option declarations that several commands share (their help: ecocheck.cli.helptext)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import Lang, Level
from ecocheck.cli.helptext import HELP

RulesOpt = Annotated[Optional[Path], typer.Option("--rules", help=HELP["opt.rules"])]
EditionOpt = Annotated[Optional[str], typer.Option("--edition", "-e", help=HELP["opt.edition"])]
LangOpt = Annotated[Lang, typer.Option("--lang", help=HELP["opt.lang"])]

# The table options of `import`, and of `evaluate`/`batch` when they are given a Word, Excel or CSV table.
SheetOpt = Annotated[Optional[str], typer.Option("--sheet", help=HELP["opt.sheet"])]
TableOpt = Annotated[Optional[int], typer.Option("--table", min=1, help=HELP["opt.table"])]
RegionOpt = Annotated[Optional[str], typer.Option("--region", help=HELP["opt.region"])]
LevelOpt = Annotated[Optional[Level], typer.Option("--level", help=HELP["opt.level"])]
TerrainOpt = Annotated[Optional[str], typer.Option("--terrain", help=HELP["opt.terrain"])]
BaseYearOpt = Annotated[Optional[int], typer.Option("--base-year", help=HELP["opt.base_year"])]

# Every command that writes its output to a file.
ForceOpt = Annotated[bool, typer.Option("--force", help=HELP["opt.force"])]
OutputHelp = HELP["opt.output"]
FormatHelp = HELP["opt.format"]
# Arguments go to a panel titled in the help's language (typer's own title is English).
ARGUMENTS_PANEL = HELP["panel.arguments"]
