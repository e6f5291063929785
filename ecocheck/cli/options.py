"""Typer option declarations that several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import Lang

RulesOpt = Annotated[Optional[Path], typer.Option("--rules", help="A rule file or folder to use instead of the shipped library.")]
EditionOpt = Annotated[Optional[str], typer.Option("--edition", "-e", help="Edition id or alias (default: the newest, 2021).")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Report language.")]
