"""The fast paths give exactly what the slower, plainer code gave.

- ecocheck.output.table draws tabulate's "simple" tables itself: same text as tabulate;
- ecocheck.base.yamlsafe resolves implicit tags after composing: same values as PyYAML;
- batch: county rows kept compact and the JSON summary written row by row: same documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from ecocheck.library import loader as rules
from ecocheck.engine.summary import BatchSummary, CountyRow
from ecocheck.engine.api import check_file
from ecocheck.base.errors import InputError
from ecocheck.base.yamlsafe import is_date_text, load_text
from ecocheck.output import batchtext, labels, table

from conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
LIB = rules.load_library()


# ── tables ──────────────────────────────────────────────────────────────────────────────

def _reports():
    return [check_file(f, LIB).report.as_dict() for f in sorted(DATA.glob("*.yaml"))
            if check_file(f, LIB).report is not None]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_tables_are_tabulates(lang):
    reports = _reports()
    assert reports
    for report in reports:
        rows = labels.rows(report, lang)
        assert table.simple(rows, labels.COLUMNS[lang]) == tabulate(rows, headers=labels.COLUMNS[lang], tablefmt="simple")


CELL = st.one_of(
    st.integers(-5, 10**6),
    st.sampled_from(["", " ", "1", "007", "12", "-3", "+5", "1.5", "95.33", "1,234", "1e3", "nan", "inf", "True",
                     "False", "N/A", "—", "达标", "未达标（申报） †", "  └ 优良天数比例", "≥95%", "Ⅲ类", "μg/m³",
                     "85.0%", "PM2.5", "　全角空格　", "ｆｕｌｌ　ｗｉｄｔｈ", "١٢", "a\tb", "x\x1b[31my", "\x01",
                     "emoji 😀", "e\u0301", "한국어", "ㅤ", "Ελληνικά", "Ωμέγα", "line\nbreak", "ﾊﾝｶｸ"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(st.text(min_size=0, max_size=6), min_size=n, max_size=n),
    st.lists(st.lists(CELL, min_size=n, max_size=n), min_size=0, max_size=6))))
def test_any_table_is_tabulates(case):
    headers, rows = case
    assert table.simple(rows, headers) == tabulate(rows, headers=headers, tablefmt="simple")


def test_long_tables_with_repeated_cells_are_tabulates():
    """Past the cells a table remembers (kind and width per text), and with texts that equal
    numbers in other cells: 1 and "1", 1.0, True."""
    rows = [[f"合成{i:05d}县", "县", 2020 + i % 5, "2021", i % 7, str(i % 7), "、".join(["林草覆盖率"] * (i % 3)),
             f"{i % 1000 / 10:.1f}%"] for i in range(table._REMEMBERED + 500)]
    headers = ["地区", "级别", "年份", "版本", "n", "s", "未达标", "比例"]
    assert table.simple(rows, headers) == tabulate(rows, headers=headers, tablefmt="simple")
    for odd in ([[1, "1"], ["1", 1.0]], [["1", "x"], [True, "x"]], [["1"], [1], ["1.0"]]):
        assert table.simple(odd, ["a", "b"][:len(odd[0])]) == tabulate(odd, headers=["a", "b"][:len(odd[0])], tablefmt="simple")


def test_character_widths_agree_with_wcwidth():
    wcwidth = pytest.importorskip("wcwidth")
    for code in range(0x20, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        width = table.char_width(chr(code))
        assert width is None or width == wcwidth.wcwidth(chr(code)), hex(code)


# ── YAML ────────────────────────────────────────────────────────────────────────────────

SCALARS = ["95", "-3", "0", "012", "0x1F", "0o17", "1_000", "+5", "95.33", "-0.5", ".5", "1.", "1e3", "1.5e-3",
           ".inf", "-.inf", ".nan", "yes", "No", "on", "OFF", "true", "False", "null", "~", "Null", "", "2022-12-31",
           "2022-12-31 10:00:00", "'95'", '"95"', "'yes'", "达标", "95%", "≥95", "=", "<", "a: b", "!!str 95",
           "!!int '7'", "!!float 3", "! 123", "'0.10'", "0.10", "100.0", "00", "-0", "+.5", "- x", "[1, 2]",
           "{a: 1}", "|\n  block\n", ">\n  folded\n"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_as_pyyaml_reads_them(scalar):
    """… except the number forms YAML 1.1 and 1.2 read differently, which are an error."""
    text = f"key: {scalar}\n"
    if scalar in ("012", "0x1F", "0o17", "1_000", "00"):
        with pytest.raises(InputError) as caught:
            load_text(text, "x.yaml")
        assert caught.value.problems[0].code == "number-form"
        return
    try:
        expected = yaml.safe_load(text)["key"]
    except yaml.YAMLError:  # PyYAML cannot read it: neither can ecocheck, and it says where
        with pytest.raises(InputError) as caught:
            load_text(text, "x.yaml")
        assert caught.value.problems[0].line == 1
        return
    got = load_text(text, "x.yaml").data["key"]
    if is_date_text(got):  # ecocheck keeps dates as their text, to say precisely what is wrong
        assert str(got) == scalar
        return
    assert type(got) is type(expected)
    assert got == expected or (got != got and expected != expected)  # .nan is not equal to itself


@pytest.mark.parametrize(("key", "text"), [("95", "95"), ("yes", "yes"), ("null", "null"), ("达标", "达标"),
                                           ("'q'", "q"), ("1.5", "1.5"), ("012", "012"), ("~", "~")])
def test_keys_are_their_text(key, text):
    assert list(load_text(f"{key}: 1\n", "x.yaml").data) == [text]


# ── batch summaries ─────────────────────────────────────────────────────────────────────

def test_compact_county_rows_round_trip():
    reports = [check_file(f, LIB).report for f in sorted(DATA.glob("*.yaml"))]
    reports = [r for r in reports if r is not None]
    plain, compact = BatchSummary(), BatchSummary()
    for report in reversed(reports):  # out of order: the summary sorts
        plain.add_report(report.as_dict())
        compact.add_county(CountyRow.of_report(report))
        compact.add_tally({(report.edition, r.id): [r.number, r.name, r.attribute,
                                                    *(int(r.status == s) for s in ("pass", "fail", "missing", "not_applicable"))]
                           for r in report.results})
    assert compact.as_dict() == plain.as_dict()
    assert list(compact.as_stream()["counties"]) == plain.as_dict()["counties"]
    assert compact.exit_code() == plain.exit_code()
    assert batchtext.render_plain(compact.as_stream(), [], "zh") == batchtext.render_plain(plain.as_dict(), [], "zh")


def test_summary_rows_come_back_as_given_in_file_region_year_order():
    """The column store gives back every field as given (regions kept as UTF-8), sorted by
    file, region and year however they arrived; totals and the exit code read the same rows."""
    import random

    def row(file, region, year, met, failed=()):
        return {"file": file, "region": region, "level": "county", "year": year, "edition": "2021",
                "binding_pass": 20 - len(failed), "binding_fail": len(failed), "binding_missing": 0,
                "binding_declared": 1, "reference_pass": 3, "reference_applicable": 7,
                "reference_pass_ratio": 0.4286, "verdict": "pass" if met else "fail", "binding_met": met,
                "failed_binding": list(failed), "missing_binding": [],
                "conclusion": "pass" if met else "fail", "basis": "measured" if year < 2030 else "plan"}

    rows = [row("a.yaml", "喀左县", 2022, True), row("a.yaml", "Zhangwu 彰武县", 2021, False, ["河长制"]),
            row("a.yaml", "喀左县", 2019, True), row("b/c.yml", "𠀋县", 2020, False, ["河长制", "林草覆盖率"]),
            row("a.yaml", "Äkü", 2022, True), row("0.yaml", "", 2100, True)]
    assert [k for k in rows[0]] == list(CountyRow._fields)
    expected = sorted(rows, key=lambda r: (r["file"], r["region"], r["year"]))
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        summary = BatchSummary()
        for r in shuffled:
            summary.add_county(CountyRow.from_dict(r))
        assert summary.county_rows() == expected
        assert list(summary.as_stream()["counties"]) == expected
        assert summary.totals() == {"files": 6, "evaluated": 6, "binding_met": 4, "binding_not_met": 2, "unreadable": 0,
                                "skipped": {"hidden": 0, "not_yaml": 0, "symlinked_folder": 0},
                                "with_problems": 0, "plans": 1, "plans_binding_met": 1}
        assert summary.exit_code() == 1
    summary = BatchSummary()
    summary.add_county(CountyRow.from_dict(rows[0]))
    assert summary.exit_code() == 0


def test_batch_json_is_the_document_json_dumps_would_write(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(DATA.glob("*.yaml")):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.yaml").write_text("region: [\n", encoding="utf-8")
    for jobs in ("1", "2"):
        result = run_cli("batch", str(folder), "-f", "json", "--jobs", jobs)
        document = json.loads(result.stdout)
        reports = b",".join(b"\n" + json.dumps(r, ensure_ascii=False).encode("utf-8") for r in document["reports"])
        tail = {"errors": document["errors"], "summary": document["summary"]}
        expected = (b'{"reports": [' + reports + b"\n], "
                    + json.dumps(tail, ensure_ascii=False, indent=1)[1:].encode("utf-8") + b"\n")
        assert result.stdout.encode("utf-8") == expected
        assert document["summary"]["counties"] and document["errors"]


def _names(app):
    return [i.name for i in app.registered_commands], [g.name for g in app.registered_groups]


def test_only_the_named_command_is_built_and_everything_else_gets_the_whole_app(monkeypatch):
    from ecocheck.cli.app import COMMANDS, build_app

    every = ([c.name for c in COMMANDS], ["rules"])
    assert _names(build_app(["evaluate", "x.yaml"])) == (["evaluate"], [])
    assert _names(build_app(["rules", "list"])) == ([], ["rules"])
    for argv in ([], ["--help"], ["--version"], ["evaluat"], None):
        assert _names(build_app(argv)) == every  # typer's "did you mean" needs every name
    monkeypatch.setenv("_ECOCHECK_COMPLETE", "complete_bash")
    assert _names(build_app(["evaluate"])) == every


def test_every_registered_command_exists_and_shows_in_help():
    from ecocheck.cli.app import COMMANDS, RULES_COMMANDS

    top = run_cli("--help").stdout
    group = run_cli("rules", "--help").stdout
    for command in COMMANDS:
        assert f" {command.name} " in top
    for command in RULES_COMMANDS:
        assert f" {command.name} " in group


def test_the_command_line_uses_only_typers_public_api():
    import re

    private = re.compile(r"\btyper\.(?:_\w+|core|main|models|rich_utils)\b|from typer\.(?:_\w+|core|main|models)\b"
                         )
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "ecocheck").rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if private.search(line)]
    assert offenders == []


def test_the_lean_app_behaves_as_the_whole_one():
    for args in (["evaluate", "--help"], ["evaluate", "--bogus"], ["template", "--edition", "2019"]):
        lean = run_cli(*args)
        assert lean.returncode in (0, 2) and "Traceback" not in lean.stderr
    assert "Usage: ecocheck evaluate" in run_cli("evaluate", "--help").stdout
    assert "No such option: --bogus" in run_cli("evaluate", "--bogus").stderr


@pytest.mark.parametrize("command", ["evaluate", "batch"])
@pytest.mark.parametrize("extra", [[], ["--lang", "zh"]])
def test_a_closed_pipe_ends_quietly(command, extra):
    import subprocess
    import sys

    files = [str(DATA / "tongyu-2022.yaml")] * 3 if command == "evaluate" else ["data/*.yaml", "tests/fixtures/series"]
    # not data/pasted/ (cell problems, exit 2) nor tests/fixtures/tables/ (warnings for restated cells)
    proc = subprocess.Popen([sys.executable, "-m", "ecocheck", command, *files, *extra], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone long before the report is written (`| true`)
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 1 and err == ""


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789.-+_eE \n", max_size=8))
def test_the_builders_one_number_pattern_is_the_int_and_float_patterns(text):
    from ecocheck.base.yamlsafe import _PLAIN_FLOAT, _PLAIN_INT, _PLAIN_NUMBER

    both = _PLAIN_NUMBER.match(text)
    expected = "int" if _PLAIN_INT.match(text) else "float" if _PLAIN_FLOAT.match(text) else None
    assert (None if both is None else "int" if both.lastindex is None else "float") == expected


def test_the_start_up_reference_app_has_evaluates_options():
    """scripts/typer_reference.py is what `ecocheck evaluate` is measured against (make bench):
    a fair reference takes the same options."""
    import ast

    import typer.main

    tree = ast.parse((ROOT / "scripts" / "typer_reference.py").read_text(encoding="utf-8"))
    reference = {arg.value for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and getattr(node.func, "attr", "") == "Option"
                 for arg in node.args if isinstance(arg, ast.Constant) and str(arg.value).startswith("--")}
    from ecocheck.cli.app import build_app

    command = typer.main.get_command(build_app(["evaluate"])).commands["evaluate"]
    ours = {opt for param in command.params for opt in param.opts if opt.startswith("--")} - {"--help"}
    assert ours == reference - {"--version"}
