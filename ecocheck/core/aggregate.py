"""Cross-county summaries, built incrementally as reports arrive (a batch never holds them all)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUS_KEYS = ("pass", "fail", "missing", "not_applicable")


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

    counties: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    tallies: dict[tuple[str, str], IndicatorTally] = field(default_factory=dict)

    def add_report(self, report: dict[str, Any]) -> None:
        from ecocheck.core.batch import compact

        self.add_compact(compact(report))

    def add_compact(self, data: dict[str, Any]) -> None:
        """Add one county from its compact form (see ecocheck.core.batch.compact)."""
        self.counties.append(data["county"])
        edition = data["edition"]
        for rid, number, name, attribute, status in data["statuses"]:
            tally = self.tallies.get((edition, rid))
            if tally is None:
                tally = self.tallies[(edition, rid)] = IndicatorTally(rid, number, name, attribute, edition)
            tally.counts[status] += 1

    def add_errors(self, problems: list[dict[str, Any]]) -> None:
        self.errors.extend(problems)

    def county_rows(self) -> list[dict[str, Any]]:
        """Deterministic order: the files' sorted paths, as the reports are listed."""
        return sorted(self.counties, key=lambda c: (c["file"], c["region"], c["year"]))

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
        return 0 if all(c["binding_met"] for c in self.counties) else 1

    def as_dict(self) -> dict[str, Any]:
        total = len(self.counties)
        met = sum(1 for c in self.counties if c["binding_met"])
        return {"files": total + len({e.get('file') for e in self.errors}), "evaluated": total,
                "binding_met": met, "binding_not_met": total - met,
                "unreadable": len({e.get("file") for e in self.errors}),
                "counties": self.county_rows(), "indicators": self.indicator_rows()}
