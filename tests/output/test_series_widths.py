"""The progress and compare tables fit the width: at 60, 80, 120 and 200 columns no line is wider
(display width, CJK = 2) and no target or indicator name is broken inside a word; piped output
uses COLUMNS or 100."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest

from conftest import ROOT
from ecocheck.library.loader import load_library
from ecocheck.output import compare, progress
from ecocheck.series.api import check_progress_plans, compare_series, group_series
from ecocheck.series.plans import find_plan

WIDTHS = (60, 80, 120, 200)
SERIES = "tests/fixtures/series"
# (file, plan, history folder): each shipped plan, on its own county's years and on another's
PROGRESS = [("data/kazuo-2022.yaml", "kazuo-2030", None), ("data/kazuo-2030.yaml", "kazuo-2030", None),
            (f"{SERIES}/tongyu-2025.yaml", "tongyu-2035", SERIES), ("data/kazuo-2022.yaml", "liaoning-2027", None),
            (f"{SERIES}/kazuo-2022.yaml", "chaoyang-2025", None), ("data/tongyu-2022.yaml", "linxi-2025", None)]


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)


def assert_fits(output: str, width: int) -> None:
    too_wide = [line for line in output.splitlines() if display_width(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}, e.g. {too_wide[0]!r}"


def assert_names_whole(output: str, names: list[str]) -> None:
    """Each word of each name (a Chinese name is one word, or several around its " — ") is on one line."""
    lines = output.splitlines()
    for name in names:
        for word in name.split():
            assert any(word in line for line in lines), f"{word!r} of {name!r} is broken across lines"


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def progress_docs(library) -> dict[str, list[dict]]:
    here = os.getcwd()
    os.chdir(ROOT)  # file names as a user types them
    try:
        checked = [check_progress_plans(file, library, [find_plan(plan)], history=history)[0]
                   for file, plan, history in PROGRESS]
    finally:
        os.chdir(here)
    assert all(c.progress is not None for c in checked)
    return {lang: [c.progress.as_dict(lang) for c in checked] for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def compare_docs(library) -> list[dict]:
    docs = []
    for folder in (SERIES, "data/*.yaml"):
        series, problems = group_series([str(ROOT / folder)], library)
        assert series and not problems
        docs += [compare_series(s, library) for s in series]
    return docs


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_progress_table_fits_the_width_and_keeps_names_whole(progress_docs, width, lang):
    for doc in progress_docs[lang]:
        output = progress.render_plain(doc, lang, width)
        assert_fits(output, width)
        assert_names_whole(output, [progress.name_text(r, lang) for r in doc["rows"]])
        assert doc["region"] in output and doc["plan"]["id"] in output
        for row in doc["rows"]:  # every goal is shown with its status
            assert progress.STATUS[lang][row["status"]].split()[0] in output


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_comparison_fits_the_width_and_keeps_names_whole(compare_docs, width, lang):
    for doc in compare_docs:
        output = compare.render_plain([doc], lang, width)
        assert_fits(output, width)
        assert_names_whole(output, [compare.name_text(r, lang) for r in doc["rows"]])
        assert doc["region"] in output


def test_a_narrow_progress_table_puts_the_reason_under_its_row(progress_docs):
    doc = progress_docs["zh"][0]
    wide = progress.render_plain(doc, "zh", 400).splitlines()
    narrow = progress.render_plain(doc, "zh", 80).splitlines()
    assert any(line.startswith("生态文明建设规划 ") and "“制定实施”符合“制定实施”" in line for line in wide)
    assert "生态文明建设规划（约束性）" in narrow  # the target over its goals
    assert any(line.lstrip().startswith("说明：“制定实施”符合") for line in narrow)  # the reason on its own line


def test_a_narrow_comparison_puts_the_name_over_its_values(compare_docs):
    doc = next(d for d in compare_docs if d["region"] == "喀左县")
    wide = compare.render_plain([doc], "zh", 200).splitlines()
    narrow = compare.render_plain([doc], "zh", 60).splitlines()
    assert any("单位地区生产总值能耗" in line and "+0.013" in line for line in wide)
    at = narrow.index("20 单位地区生产总值能耗（吨标准煤/万元）")
    assert "+0.013" in narrow[at + 1] and "变差" in narrow[at + 1]


def run(args: list[str], columns: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns:
        env["COLUMNS"] = columns
    return subprocess.run([sys.executable, "-m", "ecocheck", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


@pytest.mark.parametrize("columns, width", [(None, 100), ("80", 80), ("60", 60)])
def test_piped_progress_and_comparisons_use_columns_or_100(columns, width):
    for args in (["progress", f"{SERIES}/tongyu-2025.yaml", "--plan", "tongyu-2035", "--history", SERIES],
                 ["compare", SERIES], ["evaluate", "data/kazuo-2022.yaml", "--plan", "kazuo-2030"]):
        result = run(args, columns)
        assert result.returncode in (0, 1) and result.stdout, result.stderr
        assert_fits(result.stdout, width)
        assert max(display_width(line) for line in result.stdout.splitlines()) > width - 20  # uses the width
