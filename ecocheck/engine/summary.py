"""Cross-county summaries, built incrementally as reports arrive (a batch never holds them all).

A county is kept column by column (_CountyColumns): its repeated parts (its words, counts,
year, ratio and lists of names recur from county to county) are shared with other counties,
and turned into the row dict that renderers read only when it is rendered
(`iter_county_rows`), so a national batch of tens of thousands of county-years stays small.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

STATUS_KEYS = ("pass", "fail", "missing", "not_applicable")
COUNTY_FIELDS = ("file", "region", "level", "year", "edition", "binding_pass", "binding_fail", "binding_missing",
                 "binding_declared", "reference_pass", "reference_applicable", "reference_pass_ratio", "verdict",
                 "binding_met", "failed_binding", "missing_binding")
_LISTS = (14, 15)  # failed_binding, missing_binding: lists in the row dict, tuples in tuples
# How a BatchSummary stores a county: (file, region, year, ratio, failed, missing, rest), where
# rest is the tuple of the other fields, in COUNTY_FIELDS order, shared by equal counties.
_REST = (2, 4, 5, 6, 7, 8, 9, 10, 12, 13)
_MET = _REST.index(13)


def county_row(report: dict[str, Any]) -> dict[str, Any]:
    """One row of the cross-county summary, from a canonical report dict."""
    s = report["summary"]
    b, r = s["binding"], s["reference"]
    return {
        "file": report.get("file", ""),
        "region": report["region"],
        "level": report["level"],
        "year": report["year"],
        "edition": report["edition"],
        "binding_pass": b["pass"],
        "binding_fail": b["fail"],
        "binding_missing": b["missing"],
        "binding_declared": b.get("declared", 0),
        "reference_pass": r["pass"],
        "reference_applicable": r["pass"] + r["fail"] + r["missing"],
        "reference_pass_ratio": s["reference_pass_ratio"],
        "verdict": s["verdict"],
        "binding_met": s["binding_met"],
        "failed_binding": list(s["binding_failed"]),
        "missing_binding": list(s["binding_missing"]),
    }


def county_tuple(report: Any) -> tuple:
    """county_row() of a Report, as the tuple a BatchSummary stores (fields: COUNTY_FIELDS)."""
    return _as_tuple(county_row({"file": report.file, "region": report.region, "level": report.level,
                                 "year": report.year, "edition": report.edition, "summary": report.summary()}))


def _as_tuple(row: dict[str, Any]) -> tuple:
    return tuple(tuple(row[k]) if i in _LISTS else row[k] for i, k in enumerate(COUNTY_FIELDS))


def _as_dict(stored: tuple) -> dict[str, Any]:
    file, region, year, ratio, failed, missing, rest = stored
    level, edition, bp, bf, bm, bd, rp, ra, verdict, met = rest
    return {"file": file, "region": region, "level": level, "year": year, "edition": edition,
            "binding_pass": bp, "binding_fail": bf, "binding_missing": bm, "binding_declared": bd,
            "reference_pass": rp, "reference_applicable": ra, "reference_pass_ratio": ratio,
            "verdict": verdict, "binding_met": met, "failed_binding": list(failed), "missing_binding": list(missing)}


def compact(report_dict: dict[str, Any]) -> dict[str, Any]:
    """What a summary needs from a report: the county row and each indicator's status."""
    return {
        "county": county_row(report_dict),
        "edition": report_dict["edition"],
        "statuses": [(r["id"], r["number"], r["name"], r["attribute"], r["status"])
                     for r in report_dict["results"]],
    }


@dataclass
class IndicatorTally:
    id: str
    number: int
    name: str
    attribute: str
    edition: str
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in STATUS_KEYS})

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "name": self.name, "attribute": self.attribute,
                "edition": self.edition, **self.counts}


@dataclass
class BatchSummary:
    """Accumulates county rows and per-indicator pass/fail/missing counts."""

    counties: "_CountyColumns" = field(default_factory=lambda: _CountyColumns())  # stored rows, in arrival order
    errors: list[dict[str, Any]] = field(default_factory=list)
    tallies: dict[tuple[str, str], IndicatorTally] = field(default_factory=dict)
    # one copy of each word, tuple of names or of counts, and of each year and ratio
    _shared: dict[Any, Any] = field(default_factory=dict, repr=False)  # strings and tuples only
    _numbers: dict[Any, Any] = field(default_factory=dict, repr=False)  # ints and floats only
    _sorted: bool = field(default=True, repr=False)

    def add_report(self, report: dict[str, Any]) -> None:
        self.add_compact(compact(report))

    def add_compact(self, data: dict[str, Any]) -> None:
        """Add one county from its compact form (see compact)."""
        self.add_county(_as_tuple(data["county"]))
        edition = data["edition"]
        for rid, number, name, attribute, status in data["statuses"]:
            self._tally(edition, rid, number, name, attribute).counts[status] += 1

    def add_county(self, row: tuple) -> None:
        """Add one county's row (a COUNTY_FIELDS tuple, as ecocheck.engine.batch sends it)."""
        share = self._shared.setdefault
        failed, missing = (tuple(share(name, name) for name in row[i]) for i in _LISTS)
        rest = tuple(share(row[i], row[i]) if type(row[i]) is str else row[i] for i in _REST)
        counties = self.counties
        if counties and self._sorted and (row[0], row[1], row[3]) < counties.order(-1):
            self._sorted = False
        counties.append(row[0], row[1], self._numbers.setdefault(row[3], row[3]), self._numbers.setdefault(row[11], row[11]),
                        share(failed, failed), share(missing, missing), share(rest, rest))

    def add_tally(self, tally: dict[tuple[str, str], list]) -> None:
        """Add per-indicator counts: {(edition, id): [number, name, attribute, pass, fail, missing, n/a]}."""
        for (edition, rid), (number, name, attribute, *counts) in tally.items():
            mine = self._tally(edition, rid, number, name, attribute)
            for key, n in zip(STATUS_KEYS, counts):
                mine.counts[key] += n

    def _tally(self, edition: str, rid: str, number: int, name: str, attribute: str) -> IndicatorTally:
        tally = self.tallies.get((edition, rid))
        if tally is None:
            tally = self.tallies[(edition, rid)] = IndicatorTally(rid, number, name, attribute, edition)
        return tally

    def add_errors(self, problems: list[dict[str, Any]]) -> None:
        self.errors.extend(problems)

    def _in_order(self) -> "_CountyColumns":
        if not self._sorted:
            self.counties.sort()
            self._sorted = True
        return self.counties

    def iter_county_rows(self) -> Iterator[dict[str, Any]]:
        """county_rows() one at a time."""
        return map(_as_dict, self._in_order())

    def county_rows(self) -> list[dict[str, Any]]:
        """Deterministic order: the files' sorted paths, as the reports are listed."""
        return list(self.iter_county_rows())

    def indicator_rows(self) -> list[dict[str, Any]]:
        """The indicators that hold the most counties back first: binding before reference,
        then most failures, then most missing, then official number."""
        rows = [t.as_dict() for t in self.tallies.values()]
        rows.sort(key=lambda t: (t["attribute"] != "约束性", -t["fail"], -t["missing"], t["edition"], t["number"]))
        return rows

    def error_rows(self) -> list[dict[str, Any]]:
        return sorted(self.errors, key=lambda e: (e.get("file", ""), e.get("line", 0), e.get("column", 0)))

    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 0 if all(rest[_MET] for rest in self.counties.rest) else 1

    def totals(self) -> dict[str, Any]:
        """as_dict() without the county and indicator lists."""
        total = len(self.counties)
        met = sum(1 for rest in self.counties.rest if rest[_MET])
        return {"files": total + len({e.get('file') for e in self.errors}), "evaluated": total,
                "binding_met": met, "binding_not_met": total - met,
                "unreadable": len({e.get("file") for e in self.errors})}

    def as_dict(self) -> dict[str, Any]:
        return {**self.totals(), "counties": self.county_rows(), "indicators": self.indicator_rows()}

    def as_stream(self) -> dict[str, Any]:
        """as_dict() with the counties as a re-iterable view instead of a list (for streamed output)."""
        return {**self.totals(), "counties": _Counties(self), "indicators": self.indicator_rows()}


class _CountyColumns:
    """The stored county rows, a list per field rather than a tuple per county: about
    70 bytes less per county. Regions are kept as UTF-8 (a name of CJK characters takes about
    half the memory of the str). Iterating gives each county as the tuple
    (file, region, year, ratio, failed, missing, rest)."""

    __slots__ = ("files", "regions", "years", "ratios", "failed", "missing", "rest")

    def __init__(self) -> None:
        self.files: list[str] = []
        self.regions: list[bytes] = []
        self.years: list[int] = []  # the same few int objects, shared through BatchSummary._numbers
        self.ratios: list[float | None] = []
        self.failed: list[tuple] = []
        self.missing: list[tuple] = []
        self.rest: list[tuple] = []

    def append(self, file: str, region: str, year: int, ratio: float | None, failed: tuple, missing: tuple,
               rest: tuple) -> None:
        self.files.append(file)
        self.regions.append(region.encode("utf-8"))
        self.years.append(year)
        self.ratios.append(ratio)
        self.failed.append(failed)
        self.missing.append(missing)
        self.rest.append(rest)

    def order(self, i: int) -> tuple:
        """The sort key of county i: file, region, year (UTF-8 sorts as the text does)."""
        return self.files[i], self.regions[i].decode("utf-8"), self.years[i]

    def sort(self) -> None:
        order = sorted(range(len(self.files)), key=self.order)
        for name in self.__slots__:
            column = getattr(self, name)
            column[:] = [column[i] for i in order]

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple]:
        return zip(self.files, (r.decode("utf-8") for r in self.regions), self.years, self.ratios, self.failed,
                   self.missing, self.rest)


class _Counties:
    """The county rows of a summary, made one at a time each time they are iterated."""

    def __init__(self, summary: BatchSummary) -> None:
        self._summary = summary

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._summary.iter_county_rows()

    def __len__(self) -> int:
        return len(self._summary.counties)

    def __bool__(self) -> bool:
        return bool(self._summary.counties)
