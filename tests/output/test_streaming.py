"""The export formats write a batch as its reports arrive: memory does not grow with the reports.

Every format of `batch` that is sent the reports renders them from an iterator read once, and
what it keeps of each (a link target, a sheet name) is small: the peak of traced memory while
a format writes 3× the counties may grow by only a little per county. Before, a batch kept
every report, and csv / html / junit kept the whole document and xlsx every cell, for the end.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from ecocheck.engine import SEND_DICTS
from ecocheck.engine.api import check_file
from ecocheck.engine.summary import BatchSummary
from ecocheck.library.loader import load_library
from ecocheck.output import common
from ecocheck.output.formats import BATCH, FORMATS, BatchView, offered

ROOT = Path(__file__).resolve().parents[2]
FEW, MANY = 8, 24
# Bytes a format may keep per county: its link target (html), its sheet's name and openpyxl's
# own record of the sheet until the workbook is saved (xlsx, ~15 KB). Kept whole, a county
# costs 30–400 KB here.
KEPT_PER_COUNTY = {"xlsx": 25_000}
KEPT_PER_COUNTY_TEXT = 4_000
STREAMED = [f.name for f in offered(BATCH) if f.batch_reports == SEND_DICTS]


@pytest.fixture(scope="module")
def report() -> dict:
    return check_file(str(ROOT / "data" / "kazuo-2019.yaml"), load_library()).report.as_dict()


def _counties(report: dict, n: int):
    """n counties, made one at a time (each its own file; the results shared, as they are not
    what a format may keep)."""
    for i in range(n):
        yield {**report, "file": f"data/county-{i:03}.yaml", "region": f"第{i}县"}


def _peak(name: str, report: dict, n: int) -> tuple[int, int]:
    """The peak of traced memory while `name` writes n counties, and the bytes written (the
    pieces are counted and thrown away)."""
    summary = BatchSummary()
    for county in _counties(report, n):
        summary.add_report(county)
    view = BatchView(summary, _counties(report, n), "zh", terminal=False)
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        size = 0
        for piece in FORMATS[name].renderer(BATCH)(view):
            size += len(piece)
        return tracemalloc.get_traced_memory()[1] - start, size
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", STREAMED)
def test_an_export_keeps_little_of_each_county(name, report, monkeypatch):
    monkeypatch.setattr(common, "SPOOL_READ", 1 << 14)  # read back in pieces smaller than a few counties
    _peak(name, report, 2)  # imports and first-use caches out of the measure
    (few, few_size), (many, many_size) = _peak(name, report, FEW), _peak(name, report, MANY)
    assert many_size > 2 * few_size, "the counties are not all written"
    per_county = (many - few) / (MANY - FEW)
    assert per_county < KEPT_PER_COUNTY.get(name, KEPT_PER_COUNTY_TEXT), (
        f"{name}: {per_county:,.0f} bytes more per county ({few:,} bytes for {FEW}, {many:,} for {MANY})")


@pytest.mark.parametrize("name", STREAMED)
def test_an_export_reads_the_reports_once_as_they_come(name, report):
    """An iterator, not a list: the format may not go back over the reports."""
    summary = BatchSummary()
    counties = list(_counties(report, 3))
    for county in counties:
        summary.add_report(county)
    read = []

    def arriving():
        for county in counties:
            read.append(county["file"])
            yield county

    pieces = FORMATS[name].renderer(BATCH)(BatchView(summary, arriving(), "zh", terminal=False))
    assert not read, "read before the output was asked for"
    data = b"".join(pieces)
    assert read == [c["file"] for c in counties] and data
