"""Typer option declarations that several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import Lang, Level

RulesOpt = Annotated[Optional[Path], typer.Option("--rules", help="A rule file or folder to use instead of the shipped library.")]
EditionOpt = Annotated[Optional[str], typer.Option("--edition", "-e", help="Edition id or alias (default: the newest, 2021).")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Report language.")]

# The table options of `import`, and of `evaluate`/`batch` when they are given a Word, Excel or CSV table.
SheetOpt = Annotated[Optional[str], typer.Option("--sheet", help="Table input: the worksheet that holds the indicator table (default: the first that has one).")]
TableOpt = Annotated[Optional[int], typer.Option("--table", min=1, help="Table input: the Word document's Nth table (default: the first indicator table).")]
RegionOpt = Annotated[Optional[str], typer.Option("--region", help="Table input: the region, when the table's title does not name it.")]
LevelOpt = Annotated[Optional[Level], typer.Option("--level", help="Table input: county or city (default: from the region's name, 县/市).")]
TerrainOpt = Annotated[Optional[str], typer.Option("--terrain", help="Table input: the region's terrain class (profile.terrain), e.g. 平原地区.")]
BaseYearOpt = Annotated[Optional[int], typer.Option("--base-year", help="Table input: the year of a 现状值 column whose header names none.")]

# Every command that writes its output to a file.
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the --output file even if it is read-only, another user's, or hard-linked.")]
OutputHelp = "Write to FILE (a file is replaced atomically; `-`, a FIFO or a device is written through)."
