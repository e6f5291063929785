"""`ecocheck schema` and `ecocheck template`: what a county needs to write its submission."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import EXIT_INPUT, Level, edition_or_exit, library_or_exit, output_or_exit, stderr, write_output
from ecocheck.cli.helptext import HELP
from ecocheck.cli.options import ARGUMENTS_PANEL, EditionOpt, ForceOpt, OutputHelp, RulesOpt


def schema(
    which: Annotated[str, typer.Argument(help=HELP["schema.which"], rich_help_panel=ARGUMENTS_PANEL)] = "submission",
) -> None:
    import json

    from ecocheck.schemas import load_schema

    if which not in ("submission", "rules", "plan", "cases"):
        stderr(f"error: unknown schema {which!r}\n  hint: use `submission`, `rules`, `plan` or `cases`")
        raise typer.Exit(EXIT_INPUT)
    typer.echo(json.dumps(load_schema(which), ensure_ascii=False, indent=2))


def template(
    edition: EditionOpt = None,
    level: Annotated[Level, typer.Option("--level", help=HELP["template.level"])] = Level.county,
    terrain: Annotated[Optional[str], typer.Option("--terrain", help=HELP["template.terrain"])] = None,
    climate: Annotated[Optional[str], typer.Option("--climate", help=HELP["template.climate"])] = None,
    city_size: Annotated[Optional[str], typer.Option("--city-size", help=HELP["template.city_size"])] = None,
    coastal: Annotated[bool, typer.Option("--coastal/--inland", help=HELP["template.coastal"])] = False,
    region: Annotated[str, typer.Option("--region", help=HELP["template.region"])] = "某某县",
    year: Annotated[int, typer.Option("--year", help=HELP["template.year"])] = 2025,
    rules: RulesOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    force: ForceOpt = False,
    schema_ref: Annotated[Optional[str], typer.Option("--schema", help=HELP["template.schema"])] = None,
) -> None:
    from ecocheck.output.template import render_template

    library = library_or_exit(rules)
    output = output_or_exit(output, force, rules)
    ed = edition_or_exit(library, edition)
    classes = {k: v for k, v in {"terrain": terrain, "climate": climate, "city_size": city_size}.items() if v}
    try:
        text = render_template(ed, level=level.value, classes=classes, coastal=coastal, region=region, year=year,
                               schema_url=schema_ref)
    except ValueError as exc:
        stderr(f"error: {exc}")
        raise typer.Exit(EXIT_INPUT)
    write_output(text, output)
