"""Cross-county summaries, built incrementally as reports arrive (a batch never holds them all).

A county is kept column by column (_CountyColumns): its repeated parts (its words, counts,
year, ratio and lists of names recur from county to county) are shared with other counties,
and turned into the row dict that renderers read only when it is rendered
(`iter_county_rows`), so a national batch of tens of thousands of county-years stays small.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ecocheck.base.words import BINDING, STATUSES


class CountyRow(NamedTuple):
    """One county-year of the cross-county summary: what a batch worker sends for each file and
    what the summary gives back (as_dict() is the JSON row: the names in lists)."""

    file: str
    region: str
    level: str
    year: int
    edition: str
    binding_pass: int
    binding_fail: int
    binding_missing: int
    binding_declared: int
    reference_pass: int
    reference_applicable: int
    reference_pass_ratio: float | None
    verdict: str
    binding_met: bool
    failed_binding: tuple[str, ...]
    missing_binding: tuple[str, ...]
    conclusion: str = ""  # pass / fail / missing: the verdict with 缺数据 apart from 未达标
    basis: str = "measured"  # or "plan": a plan's targets, not measured values

    @classmethod
    def of_summary(cls, file: str, region: str, level: str, year: int, edition: str,
                   s: dict[str, Any], basis: str = "measured") -> "CountyRow":
        """The row of a report, from its head and its summary (Report.summary())."""
        b, r = s["binding"], s["reference"]
        conclusion = s.get("conclusion") or ("pass" if s["binding_met"] else "fail" if b["fail"] else "missing")
        return cls(file, region, level, year, edition, b["pass"], b["fail"], b["missing"], b.get("declared", 0),
                   r["pass"], r["pass"] + r["fail"] + r["missing"], s["reference_pass_ratio"], s["verdict"],
                   s["binding_met"], tuple(s["binding_failed"]), tuple(s["binding_missing"]), conclusion, basis)

    @classmethod
    def of_report(cls, report: Any) -> "CountyRow":
        """The row of an ecocheck.engine.results.Report."""
        return cls.of_summary(report.file, report.region, report.level, report.year, report.edition,
                              report.summary(), report.basis)

    @classmethod
    def of_report_dict(cls, report: dict[str, Any]) -> "CountyRow":
        """The row of a canonical report dict (Report.as_dict())."""
        return cls.of_summary(report.get("file", ""), report["region"], report["level"], report["year"],
                              report["edition"], report["summary"], report.get("basis", "measured"))

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "CountyRow":
        """as_dict() read back."""
        return cls(**{**row, "failed_binding": tuple(row["failed_binding"]),
                      "missing_binding": tuple(row["missing_binding"])})

    def as_dict(self) -> dict[str, Any]:
        row = self._asdict()
        row["failed_binding"] = list(self.failed_binding)
        row["missing_binding"] = list(self.missing_binding)
        return row


class _Shared(NamedTuple):
    """The fields of a county row that recur from county to county: one copy of each
    combination is kept, shared by the counties that have it."""

    level: str
    edition: str
    binding_pass: int
    binding_fail: int
    binding_missing: int
    binding_declared: int
    reference_pass: int
    reference_applicable: int
    verdict: str
    binding_met: bool
    conclusion: str
    basis: str


@dataclass
class IndicatorTally:
    id: str
    number: int
    name: str
    attribute: str
    edition: str
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in STATUSES})

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "name": self.name, "attribute": self.attribute,
                "edition": self.edition, **self.counts}


SKIP_REASONS = ("hidden", "not_yaml", "symlinked_folder")  # why batch discovery leaves a folder's entry out


@dataclass
class BatchSummary:
    """Accumulates county rows and per-indicator pass/fail/missing counts."""

    counties: "_CountyColumns" = field(default_factory=lambda: _CountyColumns())  # stored rows, in arrival order
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SKIP_REASONS, 0))  # what batch discovery left out
    tallies: dict[tuple[str, str], IndicatorTally] = field(default_factory=dict)
    # one copy of each word, tuple of names or of counts, and of each year and ratio
    _shared: dict[Any, Any] = field(default_factory=dict, repr=False)  # strings and tuples only
    _numbers: dict[Any, Any] = field(default_factory=dict, repr=False)  # ints and floats only
    _sorted: bool = field(default=True, repr=False)
    files_with_problems: int = 0  # evaluated files that had cells it could not read

    def add_report(self, report: dict[str, Any]) -> None:
        """Add one county from its canonical report dict."""
        self.add_county(CountyRow.of_report_dict(report))
        edition = report["edition"]
        for r in report["results"]:
            self._tally(edition, r["id"], r["number"], r["name"], r["attribute"]).counts[r["status"]] += 1

    def add_county(self, row: CountyRow) -> None:
        """Add one county's row (as ecocheck.engine.batch sends it)."""
        share = self._shared.setdefault
        failed = tuple(share(name, name) for name in row.failed_binding)
        missing = tuple(share(name, name) for name in row.missing_binding)
        rest = _Shared(share(row.level, row.level), share(row.edition, row.edition), row.binding_pass,
                       row.binding_fail, row.binding_missing, row.binding_declared, row.reference_pass,
                       row.reference_applicable, share(row.verdict, row.verdict), row.binding_met,
                       share(row.conclusion, row.conclusion), share(row.basis, row.basis))
        counties = self.counties
        if counties and self._sorted and (row.file, row.region, row.year) < counties.order(-1):
            self._sorted = False
        numbers = self._numbers.setdefault
        counties.append(row.file, row.region, numbers(row.year, row.year),
                        numbers(row.reference_pass_ratio, row.reference_pass_ratio),
                        share(failed, failed), share(missing, missing), share(rest, rest))

    def add_tally(self, tally: dict[tuple[str, str], list]) -> None:
        """Add per-indicator counts: {(edition, id): [number, name, attribute, pass, fail, missing, n/a]}."""
        for (edition, rid), (number, name, attribute, *counts) in tally.items():
            mine = self._tally(edition, rid, number, name, attribute)
            for key, n in zip(STATUSES, counts):
                mine.counts[key] += n

    def _tally(self, edition: str, rid: str, number: int, name: str, attribute: str) -> IndicatorTally:
        tally = self.tallies.get((edition, rid))
        if tally is None:
            tally = self.tallies[(edition, rid)] = IndicatorTally(rid, number, name, attribute, edition)
        return tally

    def add_errors(self, problems: list[dict[str, Any]]) -> None:
        self.errors.extend(problems)

    def add_problems(self, problems: list[dict[str, Any]]) -> None:
        """The problems of a file that was evaluated all the same (its unreadable cells are 缺数据)."""
        if problems:
            self.files_with_problems += 1

    def _in_order(self) -> "_CountyColumns":
        if not self._sorted:
            self.counties.sort()
            self._sorted = True
        return self.counties

    def iter_county_rows(self) -> Iterator[dict[str, Any]]:
        """county_rows() one at a time."""
        return (row.as_dict() for row in self._in_order())

    def county_rows(self) -> list[dict[str, Any]]:
        """Deterministic order: the files' sorted paths, as the reports are listed."""
        return list(self.iter_county_rows())

    def indicator_rows(self) -> list[dict[str, Any]]:
        """The indicators that hold the most counties back first: binding before reference,
        then most failures, then most missing, then official number."""
        rows = [t.as_dict() for t in self.tallies.values()]
        rows.sort(key=lambda t: (t["attribute"] != BINDING, -t["fail"], -t["missing"], t["edition"], t["number"]))
        return rows

    def error_rows(self) -> list[dict[str, Any]]:
        return sorted(self.errors, key=lambda e: (e.get("file", ""), e.get("line", 0), e.get("column", 0)))

    def exit_code(self) -> int:
        if self.errors or self.files_with_problems:
            return 2
        return 0 if all(rest.binding_met for rest in self.counties.rest) else 1

    def totals(self) -> dict[str, Any]:
        """as_dict() without the county and indicator lists."""
        total = len(self.counties)
        met = sum(1 for rest in self.counties.rest if rest.binding_met)
        plans = [rest.binding_met for rest in self.counties.rest if rest.basis == "plan"]
        return {"files": total + len({e.get('file') for e in self.errors}), "evaluated": total,
                "binding_met": met, "binding_not_met": total - met,
                "unreadable": len({e.get("file") for e in self.errors}), "skipped": dict(self.skipped),
                "with_problems": self.files_with_problems,
                # of the evaluated files, those that give a plan's targets (basis: plan), kept apart
                "plans": len(plans), "plans_binding_met": sum(plans)}

    def as_dict(self) -> dict[str, Any]:
        return {**self.totals(), "counties": self.county_rows(), "indicators": self.indicator_rows()}

    def as_stream(self) -> dict[str, Any]:
        """as_dict() with the counties as a re-iterable view instead of a list (for streamed output)."""
        return {**self.totals(), "counties": _Counties(self), "indicators": self.indicator_rows()}


class _CountyColumns:
    """The stored county rows, a list per field rather than a tuple per county: about
    70 bytes less per county. Regions are kept as UTF-8 (a name of CJK characters takes about
    half the memory of the str). Iterating gives each county's CountyRow."""

    __slots__ = ("files", "regions", "years", "ratios", "failed", "missing", "rest")

    def __init__(self) -> None:
        self.files: list[str] = []
        self.regions: list[bytes] = []
        self.years: list[int] = []  # the same few int objects, shared through BatchSummary._numbers
        self.ratios: list[float | None] = []
        self.failed: list[tuple] = []
        self.missing: list[tuple] = []
        self.rest: list[_Shared] = []

    def append(self, file: str, region: str, year: int, ratio: float | None, failed: tuple, missing: tuple,
               rest: _Shared) -> None:
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

    def __iter__(self) -> Iterator[CountyRow]:
        for file, region, year, ratio, failed, missing, rest in zip(
                self.files, self.regions, self.years, self.ratios, self.failed, self.missing, self.rest):
            yield CountyRow(file, region.decode("utf-8"), rest.level, year, rest.edition, rest.binding_pass,
                            rest.binding_fail, rest.binding_missing, rest.binding_declared, rest.reference_pass,
                            rest.reference_applicable, ratio, rest.verdict, rest.binding_met, failed, missing,
                            rest.conclusion, rest.basis)


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
