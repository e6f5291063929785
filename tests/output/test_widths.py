"""Terminal output fits the width: at 60, 80, 120 and 200 columns no line is wider (display
width, CJK = 2) and no indicator name is broken inside a word; piped output uses COLUMNS or 100."""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata

import pytest

from conftest import ROOT, run_cli
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library
from ecocheck.engine.summary import BatchSummary
from ecocheck.output import batchtext, text

WIDTHS = (60, 80, 120, 200)
FILES = ("data/kazuo-2019.yaml", "data/tongyu-2022.yaml", "data/tongyu-2035.yaml")


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    library = load_library()
    return [check_file(ROOT / f, library).report.as_dict() for f in FILES]


def names(report: dict, lang: str) -> list[str]:
    out = []
    for r in report["results"]:
        for x in (r, *r["items"]):
            out.append(x["name"] if lang == "zh" else x["name_en"])
            if lang == "en":
                out.append(f"({x['name']})")
    return out


def assert_fits(output: str, width: int) -> None:
    too_wide = [line for line in output.splitlines() if display_width(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}, e.g. {too_wide[0]!r}"


def assert_names_whole(output: str, report: dict, lang: str) -> None:
    lines = output.splitlines()
    words = {w for line in lines for w in re.split(r"\s+", line.strip())}
    for name in names(report, lang):
        if lang == "zh" or name.startswith("("):
            assert any(name in line for line in lines), f"{name} is broken across lines"
        else:  # an English name may wrap between its words, never inside one
            for word in name.split():
                assert any(word in w for w in words), f"{word!r} of {name!r} is broken"


def rich_output(render, width: int) -> str:
    from rich.console import Console

    console = Console(width=width, file=io.StringIO(), force_terminal=True, color_system=None, record=True)
    render(console)
    return console.export_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_report_fits_the_width_and_keeps_names_whole(reports, width, lang):
    for report in reports:
        for output in (text.render_plain(report, lang, width),
                       rich_output(lambda c: text.render_rich(report, c, lang), width)):
            assert_fits(output, width)
            assert_names_whole(output, report, lang)
            assert report["region"] in output


def test_a_narrow_report_puts_the_reason_under_its_row(reports):
    wide = text.render_plain(reports[0], "zh", 400).splitlines()
    narrow = text.render_plain(reports[0], "zh", 80).splitlines()
    assert any("生态文明建设规划" in line and "“正在制定”不符合" in line for line in wide)  # in its column
    assert any(line.lstrip().startswith("说明：“正在制定”") for line in narrow)  # its own line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_batch_summary_fits_the_width(reports, width, lang):
    summary = BatchSummary()
    for report in reports:
        summary.add_report(report)
    errors = [{"file": "counties/a-very-long-folder-name/some-county-2022.yaml", "line": 3, "column": 1,
               "message": "unknown field 'schema_version'", "hint": "did you mean “province” / “indicators”?",
               "code": "unknown-field"}]
    doc = summary.as_dict()
    for output in (batchtext.render_plain(doc, errors, lang, width),
                   rich_output(lambda c: batchtext.render_rich(doc, errors, c, lang), width)):
        assert_fits(output, width)
        for row in doc["indicators"]:
            assert any(row["name"] in line for line in output.splitlines()), row["name"]
        for region in ("喀左县", "通榆县"):
            assert region in output


@pytest.mark.parametrize("columns, width", [(None, 100), ("80", 80), ("60", 60)])
def test_piped_output_uses_columns_or_100(columns, width):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns:
        env["COLUMNS"] = columns
    import subprocess
    import sys

    for args in (["evaluate", "data/kazuo-2019.yaml"], ["batch", "data/*.yaml"]):
        result = subprocess.run([sys.executable, "-m", "ecocheck", *args], capture_output=True, text=True,
                                cwd=ROOT, env=env, timeout=120)
        assert result.returncode == 1 and result.stdout
        assert_fits(result.stdout, width)
        assert max(display_width(line) for line in result.stdout.splitlines()) > width - 20  # uses the width
