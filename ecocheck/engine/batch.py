"""Checking many submissions: discovery, parallel evaluation, results streamed in input order.

Workers are processes (evaluation is CPU-bound Python). Each worker loads the rule library
once (it is cached per process) and sends back only what the caller asked for — pickling and
unpickling is work the one parent process does for every file, while the workers share the
checking:

- always: the county's summary row (ecocheck.engine.summary.CountyRow) and, once per chunk of
  files, the chunk's per-indicator status counts (a few dozen numbers instead of one tuple per
  indicator per file);
- `send=SEND_DICTS`: the canonical report as a dict (for the export formats);
- `send=SEND_JSON`: the canonical report already serialised as JSON, so that the parent only
  copies bytes to the output.
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ecocheck.tables import OLD_FORMATS, TABLE_SUFFIXES, is_table_file
from ecocheck.base.errors import Problem
from ecocheck.base.messages import Message
from ecocheck.base.words import STATUSES
from ecocheck.engine import SEND_DICTS, SEND_JSON, SEND_ROWS
from ecocheck.engine.summary import SKIP_REASONS

SUFFIXES = (".yaml", ".yml")
STATUS_SLOT = {status: 3 + i for i, status in enumerate(STATUSES)}  # in a tally entry, after number, name, attribute
# Read through `ecocheck import` (batch --tables); the old binary formats to say "save as .docx".


class Item:
    """One file's outcome as the batch runner yields it."""

    __slots__ = ("file", "report", "row", "problems", "warnings", "tally", "report_json")

    def __init__(self, file: str, report: dict[str, Any] | None, row: Any,
                 problems: list[dict[str, Any]], warnings: list[dict[str, Any]],
                 tally: dict | None = None, report_json: bytes | None = None) -> None:
        self.file = file
        self.report = report  # the canonical report (SEND_DICTS) or None
        self.row = row  # the county's summary.CountyRow (always present when evaluated)
        self.problems = problems
        self.warnings = warnings
        # per-indicator status counts, {(edition, id): [number, name, attribute, pass, fail,
        # missing, not_applicable]}, of this item and the items before it that carried none
        self.tally = tally
        self.report_json = report_json  # the report as JSON (SEND_JSON) or None

    def __reduce__(self):  # pickled as a call with the fields: compact, and no __dict__
        return Item, (self.file, self.report, self.row, self.problems, self.warnings, self.tally,
                      self.report_json)


def discover(paths: Iterable[str], skipped: dict[str, int] | None = None,
             tables: bool = False) -> tuple[list[str], list[Problem]]:
    """Submission files under `paths` (folders recursively, files, globs), sorted, deduplicated.

    In folders, Word/Excel/CSV tables are taken only with `tables` (a folder of submissions often
    holds the reports exported from them); a file named or matched by a glob is always taken.
    A path that matches nothing, or a folder that cannot be read, is a problem, not a silent
    skip. `skipped`, if given, counts what the folders held that is not checked, by reason
    (SKIP_REASONS): hidden entries (and Office's ~$ lock files), files without one of the
    suffixes (in any case), symlinked folders (not followed: a link may lead out of the tree or
    round in a loop).
    """
    suffixes = SUFFIXES + TABLE_SUFFIXES + tuple(OLD_FORMATS) if tables else SUFFIXES
    found: list[str] = []
    problems: list[Problem] = []
    counts = dict.fromkeys(SKIP_REASONS, 0) if skipped is None else skipped
    for reason in SKIP_REASONS:
        counts.setdefault(reason, 0)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_submissions_under(str(path), problems, counts, suffixes))
        elif path.exists():  # a file, or something that is not one: the check says which
            found.append(str(path))
        elif glob.has_magic(raw):
            matches = [m for m in glob.glob(raw, recursive=True) if Path(m).is_file()]
            if not matches:
                problems.append(Problem(Message("input.file.no_match"), raw, code="not-found"))
            found.extend(matches)
        else:
            problems.append(Problem(Message("input.file.not_found"), raw, code="not-found"))
    found.sort()  # then duplicates sit side by side (a file named twice, or under two folders given)
    return [name for i, name in enumerate(found) if not i or name != found[i - 1]], problems


def _submissions_under(folder: str, problems: list[Problem], skipped: dict[str, int],
                       suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[str]:
    """The files under folder with one of `suffixes`, as os.walk finds them: hidden files and
    folders (and Office's ~$ lock files) left out, symlinked folders not followed (each counted
    in `skipped`), an unreadable folder a problem. Entry by entry: a folder of 30,000 files is
    never held as a list of names as well as of paths."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            listing = os.scandir(current)
        except OSError as exc:
            problems.append(Problem(Message("input.folder.cannot_read", reason=str(exc.strerror)), current, code="io"))
            continue
        with listing:
            try:
                for entry in listing:
                    name = entry.name
                    if name.startswith((".", "~$")):
                        skipped["hidden"] += 1
                        continue
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if entry.is_symlink():
                            skipped["symlinked_folder"] += 1
                        else:
                            pending.append(entry.path)
                    elif name.lower().endswith(suffixes):
                        yield entry.path
                    else:
                        skipped["not_yaml"] += 1
            except OSError as exc:  # the folder went away or became unreadable while listed
                problems.append(Problem(Message("input.folder.cannot_read", reason=str(exc.strerror)), current,
                                        code="io"))


# ── worker side ────────────────────────────────────────────────────────────────────────

_STATE: dict[str, Any] = {}


def _init(rules: str | None, edition: str | None, send: str, history: Any = None, lang: str = "zh",
          tables: Any = None, strict: bool = False) -> None:
    from ecocheck.library.loader import load_library

    # history: a HistoryIndex scanned once by the caller (batch --history), or None;
    # lang: the language of the sent reports' reasons;
    # tables: the table options (ecocheck.tables.importer.Options) for table files, or None
    _STATE.update(library=load_library(rules), edition=edition, send=send, history=history, lang=lang,
                  tables=tables, strict=strict)


def _tally_into(tally: dict, report: Any) -> None:
    edition = report.edition
    for r in report.results:
        entry = tally.get((edition, r.id))
        if entry is None:
            entry = tally[(edition, r.id)] = [r.number, r.name, r.attribute, 0, 0, 0, 0]
        entry[STATUS_SLOT[r.status]] += 1


def _check(file: str, tally: dict) -> list[Item]:
    """The file's Item; a table's, one per year column."""
    from ecocheck.engine.api import check_file

    if is_table_file(file):
        from ecocheck.engine.api import check_table

        return [_item(c.file, c, tally) for c in check_table(file, _STATE["library"], _STATE.get("tables"),
                                                             history_dir=_STATE.get("history"),
                                                             strict=_STATE.get("strict", False))]
    checked = check_file(file, _STATE["library"], edition=_STATE["edition"], history_dir=_STATE.get("history"),
                         strict=_STATE.get("strict", False))
    return [_item(file, checked, tally)]


def _item(file: str, checked: Any, tally: dict) -> Item:
    from ecocheck.engine.summary import CountyRow

    lang = _STATE["lang"]  # problems are sent written, in the language of the reports
    if checked.report is None:
        return Item(file, None, None, [p.as_dict(lang) for p in checked.problems or []], [])
    report = checked.report
    warnings = [w.as_dict(lang) for w in report.warnings]
    problems = [p.as_dict(lang) for p in report.problems]  # cells not read: the report stands, 缺数据 there
    row = CountyRow.of_report(report)
    send = _STATE["send"]
    if send == SEND_JSON:
        import json

        item = Item(file, None, row, problems, warnings,
                    report_json=json.dumps(report.as_dict(_STATE["lang"]), ensure_ascii=False).encode("utf-8"))
    else:
        item = Item(file, report.as_dict(_STATE["lang"]) if send == SEND_DICTS else None, row, problems, warnings)
    _tally_into(tally, report)  # last: a file that failed above is counted nowhere
    return item


def _check_chunk(files: list[str]) -> list[Item]:
    """Each file's Item, the chunk's status counts on the last one."""
    tally: dict = {}
    items = [item for f in files for item in _guarded(f, tally)]
    if items:
        items[-1].tally = tally
    return items


def run(files: list[str], *, rules: str | None = None, edition: str | None = None, jobs: int = 1,
        send: str = SEND_ROWS, chunk: int = 0, history: Any = None, lang: str = "zh",
        tables: Any = None, strict: bool = False) -> Iterator[Item]:
    """Evaluate `files`, yielding one Item per file (per year column of a table) in the order given.
    An Item with a row and problems is a report whose unreadable cells are 缺数据 (`strict`:
    refused instead).

    jobs=1 runs in this process; more uses that many worker processes. Sent reports give their
    reasons in `lang` ("zh" or "en"). An exception inside a worker (a bug) becomes that file's
    problem, so one file never stops the batch.
    """
    import gc

    # Checking allocates many short-lived objects and no reference cycles worth collecting
    # often: a higher threshold for the youngest generation, and the long-lived objects
    # (the rule library, the modules) frozen out of collections.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 20_000), *thresholds[1:])
    try:
        if jobs <= 1 or len(files) <= max(chunk, 16):
            _init(rules, edition, send, history, lang, tables, strict)
            gc.freeze()
            size = chunk or (64 if send == SEND_ROWS else 16)  # full reports in smaller chunks
            for i in range(0, len(files), size):
                yield from _handed_over(_check_chunk(files[i:i + size]))
            return
        # Enough chunks to keep every worker busy to the end, few enough that each carries
        # a good number of files per message; full reports (~40 KB each) in smaller ones.
        size = chunk or max(8, min(128 if send == SEND_ROWS else 16, len(files) // (jobs * 8) or 1))
        chunks = [files[i:i + size] for i in range(0, len(files), size)]
        for chunk, items in zip(chunks, _in_workers(chunks, jobs, (rules, edition, send, history, lang, tables, strict))):
            names = {name: name for name in chunk}
            for item in _handed_over(items):
                # The worker's path is a copy of the one this process holds: keep one string
                # per file, not two, for as long as the summary keeps the county's row.
                name = item.file = names.get(item.file, item.file)
                if item.row is not None:
                    item.row = item.row._replace(file=name)
                yield item
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _handed_over(items: list[Item]) -> Iterator[Item]:
    """A chunk's items, each let go of as it is yielded: a consumer that writes each report as it
    comes holds the chunk's reports still to come, not those already written."""
    items.reverse()
    while items:
        yield items.pop()


def _in_workers(chunks: list[list[str]], jobs: int, init: tuple) -> Iterator[list[Item]]:
    """Each chunk's Items, in order, checked by `jobs` worker processes.

    Not multiprocessing.Pool: its workers share one task queue behind a lock, and stopping
    the pool while a worker holds it (Ctrl-C in a large batch) waited for that lock forever.
    Here each worker has a pipe of its own, carrying at most two chunks at a time, and at most
    3 × jobs chunks are out (in a worker or waiting here to be yielded in order), so memory
    does not grow with a slow consumer. On any exception — an interrupt, the consumer closing
    the generator — the workers are killed and reaped: nothing is left waiting, nothing prints.
    A worker that dies leaves its chunks' files as errors; the others carry on.
    """
    import multiprocessing as mp
    import signal
    from multiprocessing.connection import wait

    context = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    workers: dict[Any, tuple[Any, deque]] = {}  # connection -> (process, indexes of its chunks)
    try:
        # Signals wait while the workers are forked: a worker must not inherit this process's
        # handlers before it has set its own (it ignores Ctrl-C; this process stops it).
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            for _ in range(jobs):
                ours, theirs = context.Pipe()
                process = context.Process(target=_worker, args=(theirs, init), daemon=True)
                process.start()
                theirs.close()
                workers[ours] = (process, deque())
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        done: dict[int, list[Item]] = {}
        sent = taken = 0
        while taken < len(chunks):
            for conn, (_, queued) in workers.items():
                while len(queued) < 2 and sent < len(chunks) and sent - taken < 3 * jobs:
                    conn.send(chunks[sent])
                    queued.append(sent)
                    sent += 1
            if taken in done:
                yield done.pop(taken)
                taken += 1
                continue
            if not workers:  # every worker died: the files nobody checked are errors
                done[taken] = _stopped(chunks[taken], "no worker process is left")
                sent = max(sent, taken + 1)
                continue
            for conn in wait([c for c, (_, queued) in workers.items() if queued]):
                process, queued = workers[conn]
                try:
                    done[queued.popleft()] = conn.recv()
                except (EOFError, OSError):
                    process.join()
                    for index in queued:
                        done[index] = _stopped(chunks[index], f"the worker process stopped (exit code {process.exitcode})")
                    del workers[conn]
                    conn.close()
        for conn in workers:
            with contextlib.suppress(OSError):  # a worker that died after its last chunk
                conn.send(None)
        for process, _ in workers.values():
            process.join()
    finally:
        for conn, (process, _) in workers.items():
            if process.is_alive():  # only after an exception: kill, do not wait for the chunk
                process.kill()
            process.join()
            conn.close()


def _stopped(files: list[str], why: str) -> list[Item]:
    return [Item(f, None, None, [Problem(f"internal error: {why} while checking this file", f,
                                         code="internal").as_dict()], []) for f in files]


def _worker(conn: Any, init: tuple) -> None:
    """A worker process: chunks in, Items out, until told to stop or this end of the pipe closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _init_worker(*init)
    try:
        while (chunk := conn.recv()) is not None:
            conn.send(_check_chunk(chunk))
    except (EOFError, OSError):  # the parent is gone
        pass


def _init_worker(rules: str | None, edition: str | None, send: str, history: Any = None,
                 lang: str = "zh", tables: Any = None, strict: bool = False) -> None:
    import gc

    _init(rules, edition, send, history, lang, tables, strict)
    gc.set_threshold(max(gc.get_threshold()[0], 20_000))
    gc.freeze()


def _guarded(file: str, tally: dict | None = None) -> list[Item]:
    try:
        return _check(file, {} if tally is None else tally)
    except Exception as exc:  # a bug must not stop or hide the rest of the batch
        return [Item(file, None, None, [Problem(f"internal error: {type(exc).__name__}: {exc}", file,
                                                code="internal").as_dict()], [])]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
