"""The typer app: which commands exist, and building the app for one command line.

Commands live in their own modules (one per command group) as plain functions with typer
annotations. Start-up stays fast without touching typer's internals: a command line that names
a command builds an app with that command only (typer reads the signature and type hints of
every command it registers); `--help`, completion and anything unrecognised get them all.

Every help text, a command's included, comes from ecocheck.cli.helptext in the language the
environment asks for; a command's key there is "cmd." and its name ("cmd.evaluate", "cmd.rules.list").
"""

from __future__ import annotations

import importlib
import os
from typing import NamedTuple

import typer

from ecocheck import __version__
from ecocheck.cli.helptext import HELP


class Command(NamedTuple):
    name: str
    module: str  # ecocheck.cli.<module>
    function: str


# The order is the order of `ecocheck --help`.
COMMANDS = (
    Command("import", "tables", "import_table"),
    Command("evaluate", "evaluate", "evaluate"),
    Command("schema", "authoring", "schema"),
    Command("template", "authoring", "template"),
    Command("batch", "batch", "batch"),
    Command("progress", "series", "progress"),
    Command("compare", "series", "compare"),
    Command("explain", "docs", "explain"),
    Command("validate", "docs", "validate"),
)
RULES_COMMANDS = (
    Command("list", "rules", "rules_list"),
    Command("show", "rules", "rules_show"),
    Command("docs", "docs", "rules_docs"),
    Command("test", "docs", "rules_test"),
)


def _version(value: bool) -> None:
    if value:
        from ecocheck.library.loader import load_library

        try:
            library = load_library()
            editions = ", ".join(f"{e.id} ({e.title}, {len(e.indicators)} indicators)"
                                 for e in library.editions.values())
        except Exception as exc:  # the version must print even if the library is broken
            editions = f"rule library unreadable: {exc}"
        typer.echo(f"ecocheck {__version__}\neditions: {editions}")
        raise typer.Exit()


def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=HELP["version"]),
) -> None:
    pass


def _register(app: typer.Typer, command: Command, group: str = "") -> None:
    module = importlib.import_module(f"ecocheck.cli.{command.module}")
    # help= rather than the docstring, so that the text is the catalogue's, in its language
    app.command(command.name, help=HELP["cmd." + group + command.name],
                rich_help_panel=HELP["panel.commands"])(getattr(module, command.function))


def _wanted(argv: list[str]) -> str | None:
    """The top-level command this command line runs, or None for help, completion and the unusual."""
    if not argv or os.environ.get("_ECOCHECK_COMPLETE") or argv[0].startswith("-"):
        return None
    names = {c.name for c in COMMANDS} | {"rules"}
    return argv[0] if argv[0] in names else None


def build_app(argv: list[str] | None = None) -> typer.Typer:
    """The app for this command line (every command when argv is None)."""
    wanted = _wanted(argv) if argv is not None else None
    app = typer.Typer(name="ecocheck", help=HELP["cmd.app"], no_args_is_help=True, add_completion=True,
                      pretty_exceptions_enable=False)
    app.callback()(_main)  # also keeps a one-command app a group: `ecocheck evaluate FILE`
    for command in COMMANDS:
        if wanted in (None, command.name):
            _register(app, command)
    if wanted in (None, "rules"):
        rules_app = typer.Typer(help=HELP["cmd.rules"], no_args_is_help=True)
        for command in RULES_COMMANDS:
            _register(rules_app, command, "rules.")
        app.add_typer(rules_app, name="rules", rich_help_panel=HELP["panel.commands"])
    return app
