"""`ecocheck rules list` and `ecocheck rules show`: browsing the rule library."""

from __future__ import annotations

from typing import Annotated

import typer

from ecocheck.cli.common import EXIT_INPUT, Lang, edition_or_exit, library_or_exit, stderr
from ecocheck.cli.helptext import HELP
from ecocheck.cli.options import ARGUMENTS_PANEL, EditionOpt, LangOpt, RulesOpt


def rules_list(
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    from tabulate import tabulate

    from ecocheck.base.words import LEVEL_ZH

    library = library_or_exit(rules, lang.value)
    ed = edition_or_exit(library, edition)
    rows = []
    for ind in ed.indicators:
        scope = "市县" if len(ind.levels) == 2 else LEVEL_ZH[ind.levels[0]]
        if ind.coastal_only:
            scope += "（沿海）"
        rows.append([ind.number, ind.id, ind.name if lang is Lang.zh else ind.name_en, ind.attribute,
                     scope, ind.requirement, "" if ind.verified else "†"])
    headers = (["序号", "id", "指标名称", "属性", "适用范围", "指标值", "核实"] if lang is Lang.zh
               else ["No.", "id", "Indicator", "Type", "Applies to", "Requirement", "Unverified"])
    typer.echo(f"{ed.title} ({ed.id}) — {len(ed.indicators)} indicators")
    typer.echo(tabulate(rows, headers=headers, tablefmt="simple"))



def rules_show(
    indicator: Annotated[str, typer.Argument(help=HELP["rules.show.indicator"], rich_help_panel=ARGUMENTS_PANEL)],
    edition: EditionOpt = None,
    rules: RulesOpt = None,
) -> None:
    from ecocheck.base.names import suggestion
    from ecocheck.output.ruledoc import describe_indicator, edition_cell_lines

    library = library_or_exit(rules)
    ed = edition_or_exit(library, edition)
    if indicator == "cells":
        typer.echo(f"{ed.title} ({ed.id}) — how table cells are read (docs/en/pasting.md)")
        typer.echo("\n".join(f"  {line}" for line in edition_cell_lines(ed.cells)))
        return
    ind = ed.find(indicator)
    if ind is None:
        names = [n for i in ed.indicators for n in (i.id, i.name)]
        stderr(f"error: unknown indicator {indicator!r} in edition {ed.id}\n  hint: "
                + (suggestion(indicator, names) or "`ecocheck rules list` shows every indicator"))
        raise typer.Exit(EXIT_INPUT)
    typer.echo(describe_indicator(ed, ind))
