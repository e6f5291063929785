"""The console-script entry point: never a traceback; exit codes 0/1/2, or 130/143 when
interrupted by Ctrl-C (SIGINT) / SIGTERM."""

from __future__ import annotations

import errno
import os
import signal
import sys

from ecocheck.cli.common import EXIT_INPUT, print_output_error, stderr
from ecocheck.output.files import OutputError


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived. A BaseException, not a KeyboardInterrupt: click turns that
    into "Aborted!" and exit 1. Raised where the program is, so that every `finally` and
    `except BaseException` on the way out runs: worker processes are stopped, temporary files
    removed, and an --output file is left whole-old (never half-new)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


SIGNALS = {signal.SIGINT: "interrupted (Ctrl-C)", signal.SIGTERM: "terminated (SIGTERM)"}


def _on_signal(signum: int, frame) -> None:
    for other in SIGNALS:  # a second Ctrl-C must not break off the clean-up of the first
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


def main() -> None:
    for signum in SIGNALS:
        signal.signal(signum, _on_signal)
    try:
        from ecocheck.cli.app import build_app

        build_app(sys.argv[1:])(prog_name="ecocheck")
    except Interrupted as stop:
        stderr(f"ecocheck: {SIGNALS[stop.signum]}")
        # Every `finally` on the way here has cleaned up; what is left are half-written objects of a
        # library (openpyxl's sheet writer suspended inside an lxml element) whose finalizers fail at
        # shutdown with "Exception ignored in …" and a traceback. Nothing is lost by not printing them;
        # the exit handlers (openpyxl's removal of its temporary files) still run.
        sys.unraisablehook = _ignore
        sys.exit(128 + stop.signum)
    except OutputError as err:  # a read-only folder, a full disk, a FIFO nobody reads
        print_output_error(err)
        sys.exit(EXIT_INPUT)
    except SystemExit:
        _flush_stdout()
        raise
    except Exception as exc:  # a bug: say so plainly, without a traceback
        stderr(f"ecocheck: internal error: {type(exc).__name__}: {exc}\n"
               "  please report this with the input file that caused it")
        sys.exit(EXIT_INPUT)


def _ignore(unraisable: object) -> None:
    """An exception in a finalizer while the program ends after a signal: not the user's concern."""


def _flush_stdout() -> None:
    """Standard output is flushed here, not at exit, so that a full disk (`> /dev/full`) is
    said plainly; a reader that went away (`| head`) is not an error worth a message."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit must not fail again
        if exc.errno != errno.EPIPE:
            stderr(f"error: cannot write the output to standard output: {exc.strerror}")
            sys.exit(EXIT_INPUT)


if __name__ == "__main__":  # pragma: no cover
    main()
