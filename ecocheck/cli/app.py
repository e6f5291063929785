"""The command line: a thin typer layer over ecocheck.core and ecocheck.render.

Imports of the core and renderers happen inside commands, so `ecocheck --version` and
`--help` stay fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ecocheck import __version__
from ecocheck.cli.fastparams import install as _install_fast_params
from ecocheck.cli.common import (
    EXIT_INPUT, Format, Lang, Level, edition_or_exit, library_or_exit, stderr, write_output,
)
from ecocheck.cli.options import EditionOpt, LangOpt, RulesOpt

_install_fast_params()  # convert option values without pydantic (see ecocheck.cli.fastparams)

app = typer.Typer(
    name="ecocheck",
    help="Check county/city submissions against the national ecological-civilization "
         "demonstration indicators (国家生态文明建设示范市县建设指标).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Browse the rule library (editions and their indicators).", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

def _version(value: bool) -> None:
    if value:
        from ecocheck.core.rules import load_library

        try:
            library = load_library()
            editions = ", ".join(f"{e.id} ({e.title}, {len(e.indicators)} indicators)"
                                 for e in library.editions.values())
        except Exception as exc:  # the version must print even if the library is broken
            editions = f"rule library unreadable: {exc}"
        typer.echo(f"ecocheck {__version__}\neditions: {editions}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and the editions it carries.")] = False,
) -> None:
    pass


@app.command()
def evaluate(
    files: Annotated[list[Path], typer.Argument(help="Submission YAML file(s), e.g. data/kazuo-2022.yaml.", show_default=False)],
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: LangOpt = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (atomically).")] = None,
    history: Annotated[Optional[Path], typer.Option("--history", help="Folder of earlier years' submissions: trends take last year's value from the same region's nearest earlier year.")] = None,
    plan: Annotated[Optional[list[str]], typer.Option("--plan", "-p", help="Also show progress towards a plan's targets (plan id or file; repeatable).")] = None,
) -> None:
    """Evaluate county-year submissions: every indicator, its type (约束性/参考性) and verdict.

    Exit code: 0 every applicable 约束性 indicator is met; 1 one is not met or lacks data
    (or, with --plan, a plan goal is behind); 2 input error.
    """
    from ecocheck.cli.evaluate import run_evaluate

    raise typer.Exit(run_evaluate(files, edition, rules, fmt, lang, output, history, plan))


@app.command()
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


@app.command()
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
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of standard output.")] = None,
    schema_ref: Annotated[Optional[str], typer.Option("--schema", help="URL or path for the `# yaml-language-server: $schema=` line (default: the schema shipped with this installation; a relative path is relative to the YAML file).")] = None,
) -> None:
    """Write a fill-in submission with every applicable indicator, its requirement and type."""
    from ecocheck.render.template import render_template

    library = library_or_exit(rules)
    ed = edition_or_exit(library, edition)
    classes = {k: v for k, v in {"terrain": terrain, "climate": climate, "city_size": city_size}.items() if v}
    try:
        text = render_template(ed, level=level.value, classes=classes, coastal=coastal, region=region, year=year,
                               schema_url=schema_ref)
    except ValueError as exc:
        stderr(f"error: {exc}")
        raise typer.Exit(EXIT_INPUT)
    write_output(text, output)


@rules_app.command("list")
def rules_list(
    edition: EditionOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """List the indicators of an edition: number, id, name, type and where they apply."""
    from tabulate import tabulate

    library = library_or_exit(rules)
    ed = edition_or_exit(library, edition)
    rows = []
    for ind in ed.indicators:
        scope = "市县" if len(ind.levels) == 2 else {"county": "县", "city": "市"}[ind.levels[0]]
        if ind.coastal_only:
            scope += "（沿海）"
        rows.append([ind.number, ind.id, ind.name if lang is Lang.zh else ind.name_en, ind.attribute,
                     scope, ind.requirement, "" if ind.verified else "†"])
    headers = (["序号", "id", "指标名称", "属性", "适用范围", "指标值", "核实"] if lang is Lang.zh
               else ["No.", "id", "Indicator", "Type", "Applies to", "Requirement", "Unverified"])
    typer.echo(f"{ed.title} ({ed.id}) — {len(ed.indicators)} indicators")
    typer.echo(tabulate(rows, headers=headers, tablefmt="simple"))


@rules_app.command("show")
def rules_show(
    indicator: Annotated[str, typer.Argument(help="Indicator id or official Chinese name.")],
    edition: EditionOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Show one indicator: requirement, classes, criterion, sub-items and source."""
    from ecocheck.core.names import suggestion
    from ecocheck.render.ruledoc import describe_indicator

    library = library_or_exit(rules)
    ed = edition_or_exit(library, edition)
    ind = ed.find(indicator)
    if ind is None:
        names = [n for i in ed.indicators for n in (i.id, i.name)]
        stderr(f"error: unknown indicator {indicator!r} in edition {ed.id}\n  hint: "
                + (suggestion(indicator, names) or "`ecocheck rules list` shows every indicator"))
        raise typer.Exit(EXIT_INPUT)
    typer.echo(describe_indicator(ed, ind))


@app.command()
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
    from ecocheck.cli.batch import run_batch

    raise typer.Exit(run_batch(paths, jobs, edition, rules, fmt, lang, output, quiet, history))


# Feature commands live in their own modules and register on `app` when imported.
from ecocheck.cli import series  # noqa: E402,F401  (registers progress, compare)
from ecocheck.cli import docs  # noqa: E402,F401  (registers explain, validate, rules docs, rules test)


def _command_name(info: typer.models.CommandInfo) -> str:
    return info.name or info.callback.__name__.replace("_", "-")


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run for this command line: only the named top-level command when there is one.

    Typer builds a click command for every registered command on each run, reading every
    signature and type hint; for a single `ecocheck evaluate FILE` that was a sizeable share of
    the start-up. Help, completion and anything unusual get the whole app.
    """
    if not argv or os.environ.get("_ECOCHECK_COMPLETE") or argv[0].startswith("-"):
        return app
    chosen = [info for info in app.registered_commands if _command_name(info) == argv[0]]
    if len(chosen) != 1:
        return app
    lean = typer.Typer(name=app.info.name, help=app.info.help, no_args_is_help=True, add_completion=True,
                       pretty_exceptions_enable=False)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return lean


def main() -> None:
    """The console-script entry point (kept here too for callers of ecocheck.cli.app.main)."""
    from ecocheck.cli.main import main as entry

    entry()


if __name__ == "__main__":  # pragma: no cover
    main()
