"""The command line as users run it: every command, every exit code, no tracebacks."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import PASSING_2021, run_cli, submission


@pytest.fixture
def passing(write):
    return write("pass.yaml", submission(PASSING_2021))


def test_evaluate_all_binding_met_exits_0(passing):
    result = run_cli("evaluate", str(passing))
    assert result.returncode == 0, result.stderr
    assert "结论：约束性指标全部达标" in result.stdout
    assert "Traceback" not in result.stderr


def test_evaluate_binding_failure_exits_1_and_names_it(write):
    failing = dict(PASSING_2021, 城镇污水处理率=84.9)
    result = run_cli("evaluate", str(write("f.yaml", submission(failing))))
    assert result.returncode == 1
    assert "未达标：城镇污水处理率" in result.stdout


def test_evaluate_binding_missing_exits_1(write):
    missing = {k: v for k, v in PASSING_2021.items() if k != "河长制"}
    result = run_cli("evaluate", str(write("m.yaml", submission(missing))))
    assert result.returncode == 1
    assert "缺数据：河长制" in result.stdout


def test_input_error_exits_2_with_file_line_column_and_hint(write):
    path = write("typo.yaml", submission({"城镇污水处里率": 90}))
    result = run_cli("evaluate", str(path), "--lang", "en")
    assert result.returncode == 2
    line = path.read_text(encoding="utf-8").splitlines().index("  城镇污水处里率: 90") + 1
    assert f"{path}:{line}:3: error: unknown indicator" in result.stderr
    assert "城镇污水处理率" in result.stderr
    # issue 15: the rest of a readable file is reported all the same (before: no report at all);
    # --strict keeps the old refusal
    assert "Traceback" not in result.stderr and "城镇污水处理率" in result.stdout
    strict = run_cli("evaluate", str(path), "--strict", "--lang", "en")
    assert strict.returncode == 2 and strict.stdout == "" and "unknown indicator" in strict.stderr


def test_missing_file_exits_2(tmp_path):
    result = run_cli("evaluate", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert result.returncode == 2 and "file not found" in result.stderr


def test_json_contract(passing):
    result = run_cli("evaluate", str(passing), "--format", "json")
    report = json.loads(result.stdout)
    assert {"region", "level", "year", "edition", "results", "summary"} <= report.keys()
    assert report["edition"] == "2021" and len(report["results"]) == 43
    for r in report["results"]:
        assert {"id", "number", "name", "attribute", "status", "value", "requirement", "reason", "items"} <= r.keys()
        assert r["attribute"] in ("约束性", "参考性")
        assert r["status"] in ("pass", "fail", "missing", "not_applicable")
        for item in r["items"]:
            assert {"id", "name", "status", "value", "requirement", "reason"} <= item.keys()
    by_id = {r["id"]: r for r in report["results"]}
    assert by_id["urban_sewage_treatment"]["value"] == 95.33
    assert by_id["rural_sanitary_toilet_coverage"]["declared"] is True
    assert report["summary"]["binding_met"] is True


def test_json_for_several_files_lists_reports_and_errors(passing, write):
    broken = write("broken.yaml", "region: [\n")
    result = run_cli("evaluate", str(passing), str(broken), "-f", "json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)
    assert len(doc["reports"]) == 1 and doc["errors"][0]["file"] == str(broken)


def test_markdown_and_english(passing):
    md = run_cli("evaluate", str(passing), "-f", "markdown").stdout
    assert md.startswith("## ") and "| 领域 | 任务 | 序号 | 指标名称 |" in md
    en = run_cli("evaluate", str(passing), "--lang", "en").stdout
    assert "Urban sewage treatment rate" in en and "Verdict: every binding indicator is met" in en


def test_output_file_is_written(passing, tmp_path):
    out = tmp_path / "sub" / "report.json"
    result = run_cli("evaluate", str(passing), "-f", "json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["region"] == "测试县"


def test_edition_override_and_unknown_edition(passing):
    result = run_cli("evaluate", str(passing), "--edition", "2019", "-f", "json")
    assert json.loads(result.stdout)["edition"] == "2019" or result.returncode == 2
    bad = run_cli("evaluate", str(passing), "--edition", "1999")
    assert bad.returncode == 2 and "unknown edition" in bad.stderr


def test_rules_list_and_show():
    listed = run_cli("rules", "list", "--edition", "2019")
    assert listed.returncode == 0 and "40 indicators" in listed.stdout and "碳排放强度" in listed.stdout
    shown = run_cli("rules", "show", "林草覆盖率")
    assert shown.returncode == 0 and "≥18% 平原地区" in shown.stdout and "001_5bf55d846e1f2bc3.txt:693" in shown.stdout
    typo = run_cli("rules", "show", "林草覆盖")
    assert typo.returncode == 2 and "林草覆盖率" in typo.stderr


def test_template_round_trips_through_evaluate(tmp_path):
    out = tmp_path / "tpl.yaml"
    made = run_cli("template", "--edition", "2019", "--terrain", "山区", "--climate", "湿润地区", "-o", str(out))
    assert made.returncode == 0, made.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "林草覆盖率 — 参考性；指标值：≥60（山区）" in text
    assert "碳排放强度" not in text  # city-only
    doc = yaml.safe_load(text)
    assert len(doc["indicators"]) == 32
    result = run_cli("evaluate", str(out))
    assert result.returncode == 1 and "缺数据" in result.stdout


def test_template_coastal_city_includes_coastal_and_city_indicators(tmp_path):
    result = run_cli("template", "--level", "city", "--coastal", "--city-size", "大城市")
    assert result.returncode == 0
    doc = yaml.safe_load(result.stdout)
    assert "碳排放强度" in doc["indicators"] and "自然岸线保有率" in doc["indicators"]


def test_template_rejects_unknown_class():
    result = run_cli("template", "--terrain", "火星")
    assert result.returncode == 2 and "平原地区" in result.stderr


def test_schema_prints_json_schema():
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["title"].startswith("ecocheck submission")
    assert json.loads(run_cli("schema", "rules").stdout)["properties"]["indicators"]


def test_version_names_editions():
    result = run_cli("--version")
    assert result.returncode == 0 and "ecocheck 0.1.0" in result.stdout and "2019" in result.stdout and "2021" in result.stdout


@pytest.mark.parametrize("cmd", [[], ["evaluate", "--help"], ["rules", "--help"], ["rules", "list", "--help"],
                                 ["rules", "show", "--help"], ["template", "--help"], ["schema", "--help"]])
def test_help_everywhere(cmd):
    result = run_cli(*cmd, "--help") if cmd == [] else run_cli(*cmd)
    assert result.returncode == 0 and "Usage" in result.stdout


def test_usage_error_exits_2():
    result = run_cli("evaluate", "--format", "pdf", "x.yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_rules_option_points_at_another_library(tmp_path, passing):
    from conftest import ROOT
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "only2019.yaml").write_text((ROOT / "rules" / "2019.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("evaluate", str(passing), "--rules", str(lib), "--lang", "en")
    assert result.returncode == 2 and "unknown edition '2021'" in result.stderr
    listed = run_cli("rules", "list", "--rules", str(lib / "only2019.yaml"))
    assert listed.returncode == 0 and "40 indicators" in listed.stdout


def test_broken_rule_library_is_an_input_error(tmp_path, passing):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "bad.yaml").write_text("schema_version: 1\nedition: {id: x}\nindicators: []\n", encoding="utf-8")
    result = run_cli("evaluate", str(passing), "--rules", str(lib))
    assert result.returncode == 2 and "rule library could not be loaded" in result.stderr
