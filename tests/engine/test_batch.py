"""Batch checking: discovery, one broken file never stops the batch, exit codes, determinism."""

from __future__ import annotations

import json

import pytest

from ecocheck.engine import batch as runner
from ecocheck.submission.synth import generate, write

from conftest import run_cli, submission

GOOD = {"城镇污水处理率": 95, "河长制": "全面实施"}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "province"
    (root / "city-a").mkdir(parents=True)
    (root / "city-b").mkdir()
    (root / "city-a" / "a-2022.yaml").write_text(submission(GOOD, region="甲县"), encoding="utf-8")
    (root / "city-b" / "b-2022.yml").write_text(submission(dict(GOOD, 城镇污水处理率=80), region="乙县"), encoding="utf-8")
    (root / "city-b" / "broken.yaml").write_text("region: 丙县\nlevel: county\nyear: 2022\nindicators:\n  城镇污水处理率: [\n", encoding="utf-8")
    (root / "city-b" / "zz-2022.yaml").write_text(submission(GOOD, region="丁县"), encoding="utf-8")
    (root / "notes.txt").write_text("not a submission", encoding="utf-8")
    return root


def test_discover_recurses_sorts_and_reports_missing_paths(folder, tmp_path):
    files, problems = runner.discover([str(folder), str(folder / "city-a" / "a-2022.yaml"),
                                       str(tmp_path / "nope"), str(tmp_path / "*.nothing")])
    assert [f.split("/")[-1] for f in files] == ["a-2022.yaml", "b-2022.yml", "broken.yaml", "zz-2022.yaml"]
    assert {p.code for p in problems} == {"not-found"} and len(problems) == 2


def test_discover_leaves_out_hidden_entries_and_does_not_follow_symlinked_folders(folder, tmp_path):
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "draft-2022.yaml").write_text("x", encoding="utf-8")
    (folder / "city-a" / ".hidden-2022.yaml").write_text("x", encoding="utf-8")
    (folder / "city-a" / "deep" / "deeper").mkdir(parents=True)
    (folder / "city-a" / "deep" / "deeper" / "d-2022.YAML").write_text("x", encoding="utf-8")  # suffixes in any case
    (folder / "city-a" / "deep" / "deeper" / "e-2022.yaml").write_text("x", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far-2022.yaml").write_text("x", encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "linked-file.yaml").symlink_to(elsewhere / "far-2022.yaml")
    skipped: dict[str, int] = {}
    files, problems = runner.discover([str(folder) + "/", str(folder / "city-a")], skipped)  # the same files twice
    assert not problems
    assert [f[len(str(folder)) + 1:] for f in files] == [
        "city-a/a-2022.yaml", "city-a/deep/deeper/d-2022.YAML", "city-a/deep/deeper/e-2022.yaml", "city-b/b-2022.yml",
        "city-b/broken.yaml", "city-b/zz-2022.yaml", "linked-file.yaml"]
    # city-a is listed twice (given, and under the folder): its hidden file is counted twice
    assert skipped == {"hidden": 3, "not_yaml": 1, "symlinked_folder": 1}
    assert runner.discover([str(folder / "linked")])[0] == [str(folder / "linked" / "far-2022.yaml")]  # named itself: read


def test_glob_paths(folder):
    files, problems = runner.discover([str(folder / "**" / "*-2022.y*ml")])
    assert len(files) == 3 and not problems


def test_broken_file_in_the_middle_is_listed_and_the_rest_evaluated(folder):
    result = run_cli("batch", str(folder), "-f", "json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    assert [r["region"] for r in doc["reports"]] == ["甲县", "乙县", "丁县"]
    (error,) = doc["errors"]
    assert error["file"].endswith("broken.yaml") and error["line"] == 6 and error["code"] == "yaml-syntax"
    assert doc["summary"]["evaluated"] == 3 and doc["summary"]["unreadable"] == 1


def test_table_output_has_counties_indicators_and_errors(folder):
    result = run_cli("batch", str(folder))
    assert result.returncode == 2
    out = result.stdout
    assert "各地区汇总" in out and "各指标情况" in out and "无法读取的文件" in out
    assert "broken.yaml" in out and "乙县" in out
    assert out.index("甲县") < out.index("乙县") < out.index("丁县")
    assert "共 4 个文件：评估 3 个" in out


def test_exit_1_when_a_county_fails_a_binding_indicator(folder):
    (folder / "city-b" / "broken.yaml").unlink()
    assert run_cli("batch", str(folder), "-q").returncode == 1


def test_exit_0_when_every_county_meets_every_binding_indicator(tmp_path):
    from conftest import PASSING_2021

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(submission(PASSING_2021, region=f"{name}县"), encoding="utf-8")
    assert run_cli("batch", str(tmp_path)).returncode == 0


def test_per_indicator_view_puts_what_holds_counties_back_first(folder):
    (folder / "city-b" / "broken.yaml").unlink()
    doc = json.loads(run_cli("batch", str(folder), "-f", "json").stdout)
    first = doc["summary"]["indicators"][0]
    assert first["attribute"] == "约束性" and first["id"] == "urban_sewage_treatment" and first["fail"] == 1
    county = {c["region"]: c for c in doc["summary"]["counties"]}
    assert county["乙县"]["failed_binding"] == ["城镇污水处理率"]


def test_parallel_and_serial_give_identical_output(tmp_path):
    write(60, tmp_path, seed=7)
    serial = run_cli("batch", str(tmp_path), "--jobs", "1", "-f", "json")
    parallel = run_cli("batch", str(tmp_path), "--jobs", "2", "-f", "json")
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode


def test_markdown_format(folder):
    out = run_cli("batch", str(folder), "-f", "markdown", "--lang", "en").stdout
    assert "## Counties" in out and "| Region |" in out and "## Files that could not be read" in out


def test_output_is_written_atomically(folder, tmp_path):
    target = tmp_path / "out" / "batch.json"
    result = run_cli("batch", str(folder), "-f", "json", "-o", str(target))
    assert result.returncode == 2 and result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["reports"]) == 3
    assert not list(target.parent.glob(".*.tmp"))
    assert target.stat().st_mode & 0o044 == 0o044  # readable by others, like any file the user writes


def test_generator_is_reproducible_and_valid():
    first = list(generate(25, seed=3))
    assert first == list(generate(25, seed=3))
    assert first != list(generate(25, seed=4))


def test_three_thousand_generated_counties(tmp_path):
    write(3000, tmp_path, seed=11)
    result = run_cli("batch", str(tmp_path), "-f", "json", "-q")
    doc = json.loads(result.stdout)
    assert doc["summary"]["evaluated"] == 3000 and doc["errors"] == []
    assert result.returncode == 1  # realistic data: some counties fail
    verdicts = {c["verdict"] for c in doc["summary"]["counties"]}
    assert verdicts == {"pass", "fail"}


@pytest.mark.parametrize("name, text, where", [
    ("nope.yaml", None, "nope.yaml"),  # not there: no line, no column
    ("broken.yaml", "region: 丙县\nyear: [1,\n", "broken.yaml:3:1"),
])
def test_a_bad_file_has_one_location_in_evaluate_batch_table_csv_and_json(tmp_path, name, text, where):
    if text is not None:
        (tmp_path / name).write_text(text, encoding="utf-8")
    evaluated = run_cli("evaluate", name, "--lang", "en", cwd=tmp_path)
    table = run_cli("batch", name, "-q", "--lang", "en", cwd=tmp_path)
    as_csv = run_cli("batch", name, "-q", "-f", "csv", "--lang", "en", cwd=tmp_path)
    as_json = run_cli("batch", name, "-q", "-f", "json", "--lang", "en", cwd=tmp_path)
    assert {evaluated.returncode, table.returncode, as_csv.returncode, as_json.returncode} == {2}
    assert evaluated.stderr.startswith(f"{where}: error: ")
    assert as_csv.stderr.startswith(f"{where}: error: ")
    assert any(line.startswith(where + "  ") for line in table.stdout.splitlines())
    error = json.loads(as_json.stdout)["errors"][0]
    from ecocheck.base.errors import location

    assert location(error["file"], error["line"], error["column"]) == where


def _counties(tmp_path, files: dict[str, str], *args: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return run_cli("batch", str(tmp_path), *args)


def test_a_county_without_failures_but_with_gaps_is_missing_not_failing(tmp_path):
    """结论 of a county with 0 未达标 and some 缺数据 is 缺数据 (its exit is still 1: not all met)."""
    from conftest import PASSING_2021

    gaps = {k: v for k, v in PASSING_2021.items() if k not in ("河长制", "生态环境信息公开率")}
    failing = {**PASSING_2021, "河长制": "未实施"}
    done = _counties(tmp_path, {"a.yaml": submission(gaps, region="甲县"), "b.yaml": submission(failing, region="乙县")},
                     "-f", "json")
    assert done.returncode == 1, done.stderr
    rows = {c["region"]: c for c in json.loads(done.stdout)["summary"]["counties"]}
    assert (rows["甲县"]["conclusion"], rows["甲县"]["verdict"], rows["甲县"]["binding_fail"]) == ("missing", "fail", 0)
    assert rows["乙县"]["conclusion"] == "fail"
    table = run_cli("batch", str(tmp_path)).stdout
    assert [line.split()[-1] for line in table.splitlines() if line.startswith(("甲县", "乙县"))][:1] == ["缺数据"]


def test_plan_targets_are_marked_and_kept_apart_from_measured_results(tmp_path):
    from conftest import PASSING_2021

    files = {"now.yaml": submission(PASSING_2021, region="甲县", year=2022),
             "plan.yaml": submission(PASSING_2021, region="甲县", year=2035, basis="plan")}
    doc = json.loads(_counties(tmp_path, files, "-f", "json").stdout)["summary"]
    assert (doc["plans"], doc["plans_binding_met"], doc["evaluated"]) == (1, 1, 2)
    assert {c["year"]: c["basis"] for c in doc["counties"]} == {2022: "measured", 2035: "plan"}
    text = run_cli("batch", str(tmp_path)).stdout
    measured, plans = text.index("各地区汇总"), text.index("各地区规划目标（规划值，非实测）")
    assert measured < text.index(" 2022 ") < plans < text.index(" 2035 ")
    assert "实测 1 个（约束性全部达标 1 个，未全部达标 0 个），规划目标 1 个（约束性全部达标 1 个" in text
    one = run_cli("evaluate", str(tmp_path / "plan.yaml")).stdout
    assert "依据：规划目标值（非实测）" in one.splitlines()[0]
