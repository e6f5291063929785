"""The reference for `ecocheck evaluate`'s start-up: a minimal typer app with one command and
the same options, that only parses the same YAML file."""
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    table = "table"; json = "json"; markdown = "markdown"; csv = "csv"; xlsx = "xlsx"; html = "html"; junit = "junit"


class Lang(str, Enum):
    zh = "zh"; en = "en"


class Level(str, Enum):
    county = "county"; city = "city"


def version(value: bool) -> None:
    if value:
        raise typer.Exit()


app = typer.Typer(add_completion=True)


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=version, is_eager=True)] = False) -> None:
    pass


@app.command()
def evaluate(
    files: Annotated[list[Path], typer.Argument()],
    edition: Annotated[Optional[str], typer.Option("--edition", "-e")] = None,
    rules: Annotated[Optional[Path], typer.Option("--rules")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.zh,
    output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None,
    history: Annotated[Optional[Path], typer.Option("--history")] = None,
    plan: Annotated[Optional[list[str]], typer.Option("--plan", "-p")] = None,
    year: Annotated[Optional[int], typer.Option("--year")] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet")] = None,
    table: Annotated[Optional[int], typer.Option("--table", min=1)] = None,
    region: Annotated[Optional[str], typer.Option("--region")] = None,
    level: Annotated[Optional[Level], typer.Option("--level")] = None,
    terrain: Annotated[Optional[str], typer.Option("--terrain")] = None,
    base_year: Annotated[Optional[int], typer.Option("--base-year")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    import yaml

    for file in files:
        yaml.load(file.read_bytes(), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    app()
