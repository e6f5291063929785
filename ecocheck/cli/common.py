"""What every command shares: exit codes, choices, error printing, output writing.

No typer here. A command leaves with `raise SystemExit(code)`, which typer passes through as it
does its own Exit. The typer option declarations are in ecocheck.cli.options; the --format
choices come from the format registry (ecocheck.output.formats).
"""

from __future__ import annotations

import contextlib
import errno
import sys
from enum import Enum
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ecocheck.base.messages import DEFAULT_LANG

if TYPE_CHECKING:
    from ecocheck.output.files import Output

EXIT_OK, EXIT_NOT_MET, EXIT_INPUT = 0, 1, 2


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Level(str, Enum):
    county = "county"
    city = "city"


def stderr(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def print_problems(problems, warning: bool = False, lang: str = DEFAULT_LANG) -> None:
    """Each problem on stderr as `file:line:column: error: …` with its hint, all in `lang` (the
    command's --lang; the default for a command without one): 错误：/提示：/建议： in Chinese."""
    from ecocheck.base.errors import ERROR, WARNING

    kind = WARNING if warning else ERROR
    for p in problems:
        stderr(p.format(lang, kind))


def library_or_exit(rules: Optional[Path], lang: str = DEFAULT_LANG):
    from ecocheck.base.errors import InputError
    from ecocheck.library.loader import load_library

    try:
        return load_library(rules)
    except InputError as err:
        stderr("the rule library could not be loaded:")
        print_problems(err.problems, lang=lang)
        raise SystemExit(EXIT_INPUT)


def output_or_exit(output: Optional[Path], force: bool, *inputs) -> Optional[Output]:
    """The checked --output (None for standard output); exit 2 now if it would be refused later.

    `inputs`: the command's input files, or folders of them (a folder's *.yaml files count).
    """
    if output is None:
        return None
    from ecocheck.output.files import OutputError, prepare

    try:
        return prepare(output, force=force, inputs=_paths(inputs))
    except OutputError as err:
        print_output_error(err)
        raise SystemExit(EXIT_INPUT)


def _paths(inputs) -> Iterator[str]:
    for group in inputs:
        for item in ([group] if isinstance(group, (str, Path)) else group or ()):
            path = Path(item)
            if path.is_dir():
                yield from (str(p) for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml"))
            else:
                yield str(path)


def print_output_error(err) -> None:
    stderr(f"error: {err}" + (f"\n  hint: {err.hint}" if err.hint else ""))


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """A full disk behind standard output is an OutputError, said plainly; a reader that went
    away (EPIPE, `| head`) is left to click, which exits quietly."""
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        from ecocheck.output.files import OutputError

        raise OutputError(f"cannot write the output to standard output: {exc.strerror}") from None


def write_output(text: str, output: Optional[Path | Output]) -> None:
    write_rendered(text, output)


def write_rendered(rendered, output: Optional[Path | Output]) -> None:
    """A format's rendering — text, bytes, or an iterable of either written as it is made — to
    stdout, or to `output` (ecocheck.output.files: atomically for a file)."""
    pieces = iter((rendered,) if isinstance(rendered, (str, bytes)) else rendered)

    def chunks():  # pieces joined up to 64 KB a write: lines are short, a report's JSON is not
        batch: list = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= 65536:
                yield batch[0][:0].join(batch)
                batch, size = [], 0
        if batch:
            yield batch[0][:0].join(batch)

    if output is None:
        for chunk in chunks():  # an OSError of the rendering itself is not standard output's
            with stdout_errors():
                if isinstance(chunk, bytes):
                    sys.stdout.buffer.write(chunk)
                else:
                    sys.stdout.write(chunk)
        with stdout_errors():
            sys.stdout.flush()
        return
    from ecocheck.output.files import atomic_writer

    with atomic_writer(output) as handle:
        for chunk in chunks():
            handle.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))


def usage_error(option: str, message: str, hint: str) -> None:
    stderr(f"{option}: error: {message}\n  hint: {hint}")
    raise SystemExit(EXIT_INPUT)


def refuse_binary_on_terminal(fmt, output: Optional[Path]) -> None:
    """A binary format (an .xlsx workbook) is not written to a terminal (nor to `-o -` there)."""
    if (output is None or str(output) == "-") and fmt.binary and sys.stdout.isatty():
        usage_error("--format", f"an {fmt.suffix} workbook cannot be shown on a terminal",
                    f"add --output report{fmt.suffix}")


def check_output_or_exit(fmt, output: Optional[Path]) -> None:
    """Before any work: the output can be written where it is going (a workbook is no text for a
    terminal; a folder is no file). `fmt` is an OutputFormat. The rest of what --output may not
    overwrite is output_or_exit's."""
    refuse_binary_on_terminal(fmt, output)
    if output is not None and str(output) != "-" and output.is_dir():
        usage_error("--output", f"cannot write the output to {output}: it is a folder",
                    f"name a file, e.g. {output / ('report' + fmt.suffix)}")


def check_history_or_exit(folder: Optional[Path]) -> None:
    """Before any work: --history names a folder that exists (HistoryIndex.scan's words)."""
    check_folder_or_exit("--history", folder, "history", "give the folder that holds the region's earlier years")


def check_folder_or_exit(option: str, folder: Optional[Path], what: str, hint: str) -> None:
    """Before any work: a folder option names a folder that exists."""
    if folder is not None and not folder.is_dir():
        usage_error(option, f"{what} folder not found: {folder}" if not folder.exists()
                    else f"{option} needs a folder, not a file: {folder}", hint)


def edition_or_exit(library, edition: Optional[str]):
    try:
        return library.get(edition)
    except KeyError:
        from ecocheck.base.names import suggestion

        usage_error("--edition", f"unknown edition {edition!r}",
                    "; ".join(filter(None, [f"known editions: {', '.join(sorted(library.editions))}",
                                            suggestion(str(edition), library.names())])))
