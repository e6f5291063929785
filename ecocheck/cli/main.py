"""The console-script entry point.

The commonest command lines run directly by the function the typer command calls, without
importing typer (building the typer app and its option parser was about a third of a one-file
`evaluate`, issue #6):

- `ecocheck evaluate FILE… [--format F]`
- `ecocheck batch PATH… [--jobs N] [--format F] [--quiet]`

with each option at most once, spelt as here or as -f, -j, -q, and a value typer would take as
it is. Every other command line — any other option or spelling, `--help`, a misspelt command,
shell completion, a value typer would reject or convert — goes through typer, so parsing, help
and error messages have one source.
"""

from __future__ import annotations

import errno
import os
import sys

from ecocheck.cli.common import EXIT_INPUT, Format, stderr  # typer-free


def _plain_allowed() -> bool:
    return (os.name != "nt"  # typer expands wildcards itself there
            and not os.environ.get("_ECOCHECK_COMPLETE"))


def _argument(arg: str) -> bool:
    """Whether typer would read arg as an argument, not an option."""
    return bool(arg) and not arg.startswith("-")


# The options a plain command line may have: spelling -> the run function's parameter.
_PLAIN_OPTIONS = {
    "evaluate": {"--format": "fmt", "-f": "fmt"},
    "batch": {"--jobs": "jobs", "-j": "jobs", "--format": "fmt", "-f": "fmt", "--quiet": "quiet", "-q": "quiet"},
}


def plain_command(argv: list[str]) -> tuple[str, list[str], dict] | None:
    """(command, arguments, options) when argv is a plain command line (see above), else None."""
    if len(argv) < 2 or argv[0] not in _PLAIN_OPTIONS or not _plain_allowed():
        return None
    spellings = _PLAIN_OPTIONS[argv[0]]
    arguments: list[str] = []
    options: dict = {}
    args = iter(argv[1:])
    for arg in args:
        if _argument(arg):
            arguments.append(arg)
            continue
        name = spellings.get(arg)
        if name is None or name in options:
            return None
        if name == "quiet":
            options[name] = True
            continue
        value = next(args, "")
        if name == "jobs":
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None  # typer says why (0, -1, 2.5, x)
            options[name] = int(value)
        elif value in Format._value2member_map_:
            options[name] = Format(value)
        else:
            return None
    return (argv[0], arguments, options) if arguments else None


def _run(argv: list[str]) -> None:
    plain = plain_command(argv)
    if plain is not None:
        command, arguments, options = plain
        try:
            if command == "batch":
                from ecocheck.cli.batch import run_batch

                code = run_batch(arguments, **options)
            else:
                from pathlib import Path

                from ecocheck.cli.evaluate import run_evaluate

                code = run_evaluate([Path(arg) for arg in arguments], **options)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            # as typer does on a closed pipe (`ecocheck evaluate f | head`): quietly, exit 1
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 1
        sys.exit(code)
    from ecocheck.cli.app import app_for

    app_for(argv)(prog_name="ecocheck")


def main() -> None:
    """Never a traceback, exit codes 0/1/2 only."""
    try:
        _run(sys.argv[1:])
    except KeyboardInterrupt:
        stderr("interrupted")
        sys.exit(EXIT_INPUT)
    except SystemExit:
        raise
    except Exception as exc:  # a bug: say so plainly, without a traceback
        stderr(f"ecocheck: internal error: {type(exc).__name__}: {exc}\n"
               "  please report this with the input file that caused it")
        sys.exit(EXIT_INPUT)


if __name__ == "__main__":  # pragma: no cover
    main()
