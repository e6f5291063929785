"""The console-script entry point.

The plain form `ecocheck evaluate FILE…` — no option at all — is run directly by the same
function the typer command calls, without importing typer: building the typer app and its
option parser was about a third of a one-file `evaluate` (issue #6). Every other command line —
any option, `--help`, a misspelt command, shell completion — goes through typer, so parsing,
help and error messages have one source.
"""

from __future__ import annotations

import errno
import os
import sys

from ecocheck.cli.common import EXIT_INPUT, stderr  # typer-free


def plain_evaluate(argv: list[str]) -> bool:
    """Whether argv is `evaluate` followed only by file names (nothing typer would read as an option)."""
    return (len(argv) >= 2 and argv[0] == "evaluate"
            and all(arg and not arg.startswith("-") for arg in argv[1:])
            and os.name != "nt"  # typer expands wildcards itself there
            and not os.environ.get("_ECOCHECK_COMPLETE"))


def _run(argv: list[str]) -> None:
    if plain_evaluate(argv):
        from pathlib import Path

        from ecocheck.cli.evaluate import run_evaluate

        try:
            code = run_evaluate([Path(arg) for arg in argv[1:]])
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
