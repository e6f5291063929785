"""Writing output: a report is never half-written, and nothing is replaced that should not be.

- `-` is standard output; a character device (/dev/null, a terminal) or a FIFO is written
  through, as a shell redirection would write it;
- a regular file is replaced atomically: the report goes to a temporary file beside it, is
  synced to disk and renamed over it, so an interrupted or failed run leaves the old file whole
  and no temporary file behind; the new file keeps the old one's permissions;
- a symlink keeps pointing where it points: the file it points to is replaced;
- refused unless forced: a read-only file, another user's file, a file with other names
  (hard links, which a replacement would leave with the old content);
- always refused: one of the command's input files, a folder, a socket or block device.

Every refusal and every failure (a read-only folder, a full disk) is an OutputError saying
what could not be done, to which path and why, in the system's words.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

STDOUT = "-"


class OutputError(Exception):
    """The output cannot be written: the message says what, where and why; `hint` how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class Output:
    """Where a command writes its output, checked before any work is done."""

    def __init__(self, path: str | Path, force: bool = False) -> None:
        self.path = str(path)
        self.force = force

    def __fspath__(self) -> str:
        return self.path

    def __str__(self) -> str:
        return self.path

    def __truediv__(self, name: str) -> "Output":  # a page in an output folder (rules docs)
        return Output(os.path.join(self.path, name), self.force)

    @property
    def is_stdout(self) -> bool:
        return self.path == STDOUT

    def check(self, inputs: Iterable[str | Path] = ()) -> None:
        """Raise OutputError if writing here would be refused (see the module's docstring)."""
        if self.is_stdout:
            return
        info = _stat(self.path)
        if info is None:
            return
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write the output to {self.path}: it is a folder",
                              "give a file name, e.g. --output report.txt")
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            return
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"cannot write the output to {self.path}: it is neither a file, a FIFO nor a "
                              "character device")
        for name in inputs:
            other = _stat(name)
            if other is not None and (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise OutputError(f"refusing to write the output to {self.path}: it is the input file {name}",
                                  "write the output to another file")
        if self.force:
            return
        why = _protected(self.path, info)
        if why:
            raise OutputError(f"refusing to replace {self.path}: {why}", "add --force to replace it anyway")

    @contextlib.contextmanager
    def stream(self) -> Iterator[IO[bytes]]:
        """A binary stream to write the output into (see the module's docstring)."""
        self.check()
        if self.is_stdout:
            out = sys.stdout.buffer
            with _plainly("write the output to standard output", "-"):
                sys.stdout.flush()
                yield out
                out.flush()
            return
        target = os.path.realpath(self.path) if os.path.islink(self.path) else self.path
        info = _stat(target)
        if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            with _plainly("write the output to", target), open(target, "wb") as handle:
                yield handle
            return
        with _atomic(target, info) as handle:
            yield handle

    def write(self, data: bytes) -> None:
        with self.stream() as handle:
            handle.write(data)


def prepare(path: str | Path | None, *, force: bool = False, inputs: Iterable[str | Path] = ()) -> Output | None:
    """The Output for --output PATH (None for none), refused now rather than after the work."""
    if path is None:
        return None
    output = path if isinstance(path, Output) else Output(path, force)
    output.check(inputs)
    return output


def write_atomic(path: str | Path | Output, data: bytes) -> None:
    (path if isinstance(path, Output) else Output(path)).write(data)


def atomic_writer(path: str | Path | Output):
    return (path if isinstance(path, Output) else Output(path)).stream()


def _stat(path: str | Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"cannot write the output to {path}: {exc.strerror}") from None


def _protected(path: str, info: os.stat_result) -> str:
    """Why replacing this regular file needs --force ("" if it does not)."""
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "it is read-only"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "it belongs to another user (the new file would be yours)"
    if info.st_nlink > 1:
        return f"it has {info.st_nlink - 1} other name(s) (hard links), which would keep the old content"
    return ""


@contextlib.contextmanager
def _plainly(what: str, path: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot {what} {path}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _atomic(path: str, info: os.stat_result | None) -> Iterator[IO[bytes]]:
    import tempfile

    folder = os.path.dirname(path) or "."
    tmp = None
    try:
        with _plainly("create the folder", folder):
            os.makedirs(folder, exist_ok=True)
        with _plainly("write the output to", path):
            fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
            # mkstemp makes 0600: give the new file the old one's permissions, or an ordinary file's
            os.fchmod(fd, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
