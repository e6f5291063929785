"""`ecocheck schema` and `ecocheck template`: what a county needs to write its submission."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck.cli.common import EXIT_INPUT, Level, edition_or_exit, library_or_exit, output_or_exit, stderr, write_output
from ecocheck.cli.options import EditionOpt, ForceOpt, OutputHelp, RulesOpt


def schema(
    which: Annotated[str, typer.Argument(help="submission (default), rules, plan or cases.")] = "submission",
) -> None:
    """Print the JSON Schema for submissions (editors validate while you type) or rule files."""
    import json

    from ecocheck.schemas import load_schema

    if which not in ("submission", "rules", "plan", "cases"):
        stderr(f"error: unknown schema {which!r}\n  hint: use `submission`, `rules`, `plan` or `cases`")
        raise typer.Exit(EXIT_INPUT)
    typer.echo(json.dumps(load_schema(which), ensure_ascii=False, indent=2))


def template(
    edition: EditionOpt = None,
    level: Annotated[Level, typer.Option("--level", help="county (县) or city (市).")] = Level.county,
    terrain: Annotated[Optional[str], typer.Option("--terrain", help="山区 / 丘陵地区 / 平原地区 / 干旱半干旱地区 / 青藏高原地区.")] = None,
    climate: Annotated[Optional[str], typer.Option("--climate", help="湿润地区 / 半湿润地区 / 干旱半干旱地区 (2019 生态环境状况指数).")] = None,
    city_size: Annotated[Optional[str], typer.Option("--city-size", help="超大特大城市 / 大城市 / 中小城市 (cities only).")] = None,
    coastal: Annotated[bool, typer.Option("--coastal/--inland", help="Coastal region (adds coastal indicators).")] = False,
    region: Annotated[str, typer.Option("--region", help="Region name to put in the file.")] = "某某县",
    year: Annotated[int, typer.Option("--year", help="Data year.")] = 2025,
    rules: RulesOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=OutputHelp)] = None,
    force: ForceOpt = False,
    schema_ref: Annotated[Optional[str], typer.Option("--schema", help="URL or path for the `# yaml-language-server: $schema=` line (default: the schema shipped with this installation; a relative path is relative to the YAML file).")] = None,
) -> None:
    """Write a fill-in submission with every applicable indicator, its requirement and type."""
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
