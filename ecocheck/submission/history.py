"""Year series: last year's values for trend criteria, taken from an earlier submission.

Two parts:

* **pure** — `apply_history(current, earlier, earlier_file)` fills each entry's `previous`
  from an earlier-year submission of the same region, and `pick_earlier` chooses which
  earlier file to use from an index. Neither touches the file system.
* **files** — `HistoryIndex` (the submissions found under a folder, by region and year) and
  `attach_history` (what `check_file` calls: load the submission's `previous:` file, or the
  nearest earlier year from a history folder, and apply it).

Rules (documented in docs/plans.md, "Year series"):

- Only an entry whose own `previous` and `delta` are both absent and whose value is a number is
  filled; what the submission says itself always wins.
- The earlier submission must be the same region (exact name after trimming spaces) and an
  earlier year. From a history folder the nearest earlier year is used; when that is more than
  one year back, `previous_source` says so ("kazuo-2019.yaml (2019, 3 years earlier)").
- Indicator and sub-item ids are shared by the 2019 and 2021 editions, so a file of either
  edition can serve as history for the other.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecocheck.base.errors import InputError, Problem
from ecocheck.base.entries import Entry
from ecocheck.base.messages import Joined, Message, Quoted
from ecocheck.submission.model import Submission

SUFFIXES = (".yaml", ".yml")


# ── pure ────────────────────────────────────────────────────────────────────────────────

def source_label(earlier_file: str, earlier_year: int, current_year: int) -> str:
    """How a report names where last year's value came from."""
    gap = current_year - earlier_year
    if gap > 1:
        return f"{earlier_file} ({earlier_year}, {gap} years earlier)"
    return f"{earlier_file} ({earlier_year})"


def same_region(a: str, b: str) -> bool:
    return a.strip() == b.strip()


def apply_history(current: Submission, earlier: Submission, earlier_file: str) -> Submission:
    """`current` with `previous` filled from `earlier` where the submission gives none (for a number,
    or for words saying "no worse than last year", which last year's value may decide).

    Returns `current` itself (unchanged) when `earlier` is another region or not an earlier
    year. Never modifies its arguments: changed entries are copies.
    """
    if not same_region(current.region, earlier.region) or earlier.year >= current.year:
        return current
    label = source_label(earlier_file, earlier.year, current.year)
    entries = {key: _filled(entry, earlier.entries.get(key), label) for key, entry in current.entries.items()}
    meta = dict(current.meta)
    meta["history"] = {"file": earlier_file, "year": earlier.year}
    return replace(current, entries=entries, meta=meta)


def _filled(entry: Entry, old: Entry | None, label: str) -> Entry:
    items = {key: _filled(item, old.items.get(key) if old else None, label) for key, item in entry.items.items()}
    changes: dict[str, Any] = {}
    if any(items[key] is not item for key, item in entry.items.items()):  # _filled returns unchanged entries as is
        changes["items"] = items
    if (old is not None and entry.previous is None and entry.delta is None
            and (isinstance(entry.value, Decimal) or entry.no_worse) and isinstance(old.value, Decimal)):
        changes["previous"] = old.value
        changes["previous_source"] = label
    return replace(entry, **changes) if changes else entry


@dataclass(frozen=True)
class HistoryFile:
    """One submission in a history folder, known by its header only."""

    path: str
    region: str
    year: int
    basis: str = "measured"


def pick_earlier(files: list[HistoryFile], region: str, year: int,
                 exclude: str | None = None) -> tuple[HistoryFile | None, list[HistoryFile]]:
    """The nearest earlier year's file for `region`, and the other files of that same year.

    Of several files for that year a measured one is preferred over a plan (`basis: plan`),
    then the first by path, so the choice is deterministic; the others are returned so the
    caller can say that a choice was made.
    """
    skip = _norm_path(exclude) if exclude else None
    candidates = [f for f in files if same_region(f.region, region) and f.year < year
                  and _norm_path(f.path) != skip]
    if not candidates:
        return None, []
    nearest = max(f.year for f in candidates)
    same_year = sorted((f for f in candidates if f.year == nearest),
                       key=lambda f: (f.basis != "measured", f.path))
    return same_year[0], same_year[1:]


def _norm_path(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


# ── files ───────────────────────────────────────────────────────────────────────────────

_REGION = re.compile(r"^region:[ \t]*(['\"]?)(?P<v>[^'\"#\n]+?)\1[ \t]*(#.*)?$", re.M)
_YEAR = re.compile(r"^year:[ \t]*(['\"]?)(?P<v>\d{4})\1[ \t]*(#.*)?$", re.M)
_BASIS = re.compile(r"^basis:[ \t]*(['\"]?)(?P<v>\w+)\1[ \t]*(#.*)?$", re.M)


def read_header(path: str) -> HistoryFile | None:
    """Region, year and basis of a submission without parsing all of it.

    The top-level keys are found by a line match (fast: a history folder may hold thousands
    of files); a file written some other way (flow style, quoted keys) is parsed in full.
    None when the file is not a readable submission.
    """
    from ecocheck.base.yamlsafe import decode, load_text, read_input

    try:
        text = decode(read_input(path), path)
    except InputError:
        return None
    region, year, basis = _REGION.search(text), _YEAR.search(text), _BASIS.search(text)
    if region and year:
        return HistoryFile(path, region.group("v").strip(), int(year.group("v")),
                           basis.group("v") if basis else "measured")
    try:
        data = load_text(text, path).data
    except InputError:
        return None
    if (isinstance(data, dict) and isinstance(data.get("region"), str)
            and isinstance(data.get("year"), int) and not isinstance(data.get("year"), bool)):
        return HistoryFile(path, data["region"].strip(), data["year"], str(data.get("basis", "measured")))
    return None


@dataclass
class HistoryIndex:
    """The submissions under a folder (searched recursively), by region and year."""

    folder: str
    files: list[HistoryFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are not readable submissions

    @classmethod
    def scan(cls, folder: str | Path) -> "HistoryIndex":
        root = Path(folder)
        if not root.is_dir():
            raise InputError.single(Message("input.history.not_found" if not root.exists() else
                                            "input.history.not_folder"), file=str(folder),
                                    code="not-found", hint=Message("input.history.hint"))
        index = cls(str(folder))
        for base, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.endswith(SUFFIXES) or name.startswith(".") or name.endswith(".cases.yaml"):
                    continue
                path = os.path.join(base, name)
                header = read_header(path)
                if header is None:
                    index.skipped.append(path)
                else:
                    index.files.append(header)
        return index

    def earlier(self, region: str, year: int, exclude: str | None = None):
        return pick_earlier(self.files, region, year, exclude)


def attach_history(submission: Submission, path: str | Path, library: Any,
                   history: "HistoryIndex | str | Path | None" = None) -> Submission:
    """Apply the submission's `previous:` file, else the nearest earlier year in `history`.

    Raises InputError when the `previous:` file cannot be used (the problem points at the
    `previous:` line); a history folder only ever adds warnings.
    """
    if submission.previous_file:
        earlier, display = _load_previous(submission, Path(path), library)
        return apply_history(submission, earlier, display)
    if history is None:
        return submission
    index = history if isinstance(history, HistoryIndex) else HistoryIndex.scan(history)
    chosen, others = index.earlier(submission.region, submission.year, exclude=str(path))
    if chosen is None:
        return submission
    from ecocheck.submission.reader import load_submission

    try:
        earlier = load_submission(chosen.path, library, strict=False)
    except InputError as err:
        first = err.problems[0] if err.problems else Problem(Message("input.history.unreadable_reason"))
        submission.warnings.append(Problem(
            Message("input.history.unreadable", file=chosen.path, year=chosen.year, reason=first.message),
            submission.file, code="warning"))
        return submission
    _warn_unread_cells(submission, earlier, chosen.path, library)
    if others:
        submission.warnings.append(Problem(
            Message("input.history.several", region=submission.region, year=chosen.year, folder=index.folder,
                    chosen=chosen.path, others=", ".join(o.path for o in others)), submission.file,
            code="warning"))
    return apply_history(submission, earlier, chosen.path)


def _load_previous(submission: Submission, path: Path, library: Any) -> tuple[Submission, str]:
    from ecocheck.submission.reader import load_submission

    written = submission.previous_file or ""
    target = path.parent / written
    line, column = _previous_mark(path, submission.file)

    def fail(message: Message, hint: Message, extra: list[Problem] | None = None) -> InputError:
        return InputError([Problem(message, submission.file, line, column, hint, "previous-file"), *(extra or [])])

    if _norm_path(str(target)) == _norm_path(str(path)):
        raise fail(Message("input.previous.itself", file=written), Message("input.previous.itself_hint"))
    try:
        earlier = load_submission(target, library, display=str(target), strict=False)
    except InputError as err:
        reason = err.problems[0].message if err.problems else Message("input.history.unreadable_reason")
        if err.problems and err.problems[0].code == "not-found":
            raise fail(Message("input.previous.not_found", file=Quoted(written), path=str(target)),
                       Message("input.previous.not_found_hint")) from None
        raise fail(Message("input.previous.unreadable", file=Quoted(written), reason=reason),
                   Message("input.previous.unreadable_hint"), err.problems) from None
    if not same_region(earlier.region, submission.region):
        raise fail(Message("input.previous.other_region", file=Quoted(written), earlier=earlier.region,
                           region=submission.region),
                   Message("input.previous.other_region_hint"))
    if earlier.year >= submission.year:
        raise fail(Message("input.previous.not_earlier", file=Quoted(written), earlier=earlier.year,
                           year=submission.year),
                   Message("input.previous.not_earlier_hint"))
    _warn_unread_cells(submission, earlier, written, library)
    return earlier, written


def _warn_unread_cells(submission: Submission, earlier: Submission, shown: str, library: Any) -> None:
    """Last year's file is used although some of its cells could not be read (one cell never
    loses a report): those indicators simply get no last-year value, and the user is told which."""
    if earlier.problems:
        unread = sorted({_indicator_name(library, earlier.edition, p.indicator) for p in earlier.problems
                         if p.indicator})
        submission.warnings.append(Problem(
            Message("input.previous.cells_unread", file=shown, count=len(earlier.problems),
                    names=Joined(unread, "sep.words")),
            submission.file, hint=Message("input.previous.cells_unread_hint", file=shown), code="warning"))


def _indicator_name(library: Any, edition: str | None, key: str) -> str:
    """An indicator or sub-item (water_quality.black_odorous) as the standard names it; the key when unknown."""
    ind_id, _, item_id = key.partition(".")
    ind = library.get(edition).find(ind_id)  # the edition that file was read with
    if ind is None:
        return key
    if not item_id:
        return ind.name
    return next((item.name for item in ind.items if item.id == item_id), key)


def _previous_mark(path: Path, display: str) -> tuple[int, int]:
    from ecocheck.base.yamlsafe import load_file

    try:
        return load_file(path, display).key_mark(("previous",))
    except InputError:  # pragma: no cover - the file was just read successfully
        return 0, 0


__all__ = ["apply_history", "attach_history", "pick_earlier", "source_label", "HistoryFile", "HistoryIndex"]
