"""The console-script entry point: never a traceback, exit codes 0/1/2 only."""

from __future__ import annotations

import sys

from ecocheck.cli.common import EXIT_INPUT, stderr


def main() -> None:
    try:
        from ecocheck.cli.app import build_app

        build_app(sys.argv[1:])(prog_name="ecocheck")
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
