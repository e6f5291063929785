"""`ecocheck import`, and `evaluate`/`batch` given a table: the commands, and the round trip of
ecocheck's own xlsx export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TABLES, run_cli, run_refused


def test_evaluate_a_table_directly():
    done = run_cli("evaluate", str(TABLES / "consultant-tongyu.xlsx"), "--year", "2022", "-f", "json")
    assert done.returncode == 1, done.stderr  # 秸秆 fails (参考性), 约束性 rows lack data
    report = json.loads(done.stdout)
    assert report["file"].endswith("consultant-tongyu.xlsx#2022")
    assert (report["region"], report["year"]) == ("通榆县", 2022)
    items = {r["id"]: r for r in report["results"]}
    assert items["agricultural_waste_utilisation"]["status"] == "fail"
    codes = {w["code"] for w in report["warnings"]}
    assert {"table-disagrees", "unmatched-row"} <= codes
    both = run_cli("evaluate", str(TABLES / "consultant-tongyu.csv"), "-f", "json")
    assert [r["year"] for r in json.loads(both.stdout)["reports"]] == [2025, 2022]  # every year column


def test_evaluate_names_the_table_cell_the_reader_refuses(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "附表"
    for row in (["通榆县指标表"], ["指标名称", "现状值（2022年）"], ["生态环境信息公开率", "100%"], ["河长制", "差不多"]):
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    err = run_refused("evaluate", str(tmp_path / "t.xlsx"), "--lang", "en")
    assert "t.xlsx 附表:4:2: error: 附表!B4 (2022):" in err and "差不多" in err


def test_batch_over_a_folder_of_tables(tmp_path):
    import shutil

    for name in ("consultant-tongyu.xlsx", "consultant-tongyu.csv"):
        shutil.copy(TABLES / name, tmp_path / name)
    without = run_cli("batch", str(tmp_path), "-f", "json", "-j", "1")  # folders: tables only with --tables,
    assert without.returncode == 2 and without.stdout == ""  # and a batch that checked nothing does not pass
    assert "no submission files (*.yaml, *.yml) found" in without.stderr and "2 not YAML" in without.stderr
    done = run_cli("batch", str(tmp_path), "--tables", "--terrain", "平原地区", "-f", "json", "-j", "1")
    files = [c["file"] for c in json.loads(done.stdout)["summary"]["counties"]]
    assert sorted(Path(f).name for f in files) == ["consultant-tongyu.csv#2022", "consultant-tongyu.csv#2025",
                                                   "consultant-tongyu.xlsx#2022", "consultant-tongyu.xlsx#2025"]


def test_import_command_writes_the_files(tmp_path):
    done = run_cli("import", str(TABLES / "consultant-tongyu.xlsx"), "--terrain", "平原地区", "-o", str(tmp_path),
                   "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通榆县-2022.yaml", "通榆县-2025.yaml"]
    assert "warning: 差距分析!G7: 林草覆盖率: the table says 约束性" in done.stderr
    assert "森林覆盖率" in done.stderr and "closest: 林草覆盖率" in done.stderr
    evaluated = run_cli("evaluate", str(tmp_path / "通榆县-2022.yaml"), "-f", "json")
    assert evaluated.returncode in (0, 1), evaluated.stderr


def _plain(entries: dict) -> dict:
    """The entries of a submission that are values only (the export prints a declaration as 申报,
    and a blank cell cannot tell an entry without a value from no entry)."""
    out = {}
    for name, value in entries.items():
        if isinstance(value, dict) and not {"met", "delta", "previous", "target", "applicable"} & value.keys():
            if "value" in value:
                out[name] = value["value"]
            elif sub := _plain({k: v for k, v in value.items() if k not in ("note", "source")}):
                out[name] = sub
        elif value is not None and not isinstance(value, dict):
            out[name] = value
    return out


@pytest.mark.parametrize("data", ["tongyu-2022.yaml", "kazuo-2019.yaml"])
def test_xlsx_export_imports_back_to_the_same_report(data, tmp_path):
    doc = yaml.safe_load((ROOT / "data" / data).read_text(encoding="utf-8"))
    doc = {k: doc[k] for k in ("region", "level", "year", "edition", "basis")} | {
        "profile": {"terrain": doc["profile"]["terrain"]},  # the export prints terrain and coast only
        "indicators": _plain(doc["indicators"])}
    source = tmp_path / "county.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    exported = tmp_path / "report.xlsx"
    assert run_cli("evaluate", str(source), "-f", "xlsx", "-o", str(exported)).returncode in (0, 1)
    terrain = doc["profile"]["terrain"]
    back = run_cli("evaluate", str(exported), "--terrain", terrain, "-f", "json")
    direct = run_cli("evaluate", str(source), "-f", "json")
    assert back.returncode == direct.returncode, back.stderr

    def comparable(report):
        report = json.loads(report)
        report.pop("file"), report.pop("warnings")
        for r in report["results"]:
            for part in [r, *(r.get("items") or [])]:
                part.pop("value_source")  # the import names the cell: 通榆县-2022!F4
        return report

    assert comparable(back.stdout) == comparable(direct.stdout)


def test_choosing_a_sheet_or_table(tmp_path):
    err = run_refused("import", str(TABLES / "tongyu-annex2.xlsx"), "--sheet", "附表3", "--lang", "en")
    assert "sheet '附表3' not found" in err and "说明、附表2" in err
    err = run_refused("import", str(TABLES / "tongyu-annex2.docx"), "--table", "1", "--lang", "en")
    assert "表1" in err and "no header naming `指标名称`" in err
    done = run_cli("import", str(TABLES / "tongyu-annex2.docx"), "--table", "2", "-o", str(tmp_path))
    assert (tmp_path / "通榆县-2035.yaml").is_file(), done.stderr


def test_evaluate_a_year_the_table_does_not_have():
    err = run_refused("evaluate", str(TABLES / "consultant-tongyu.xlsx"), "--year", "2030", "--lang", "en")
    assert "the table has no column for 2030" in err and "2025, 2022" in err


def test_the_exports_previous_target_and_change_columns_come_back_as_those_fields(tmp_path):
    """ecocheck's xlsx has 上年值, 目标值 and 变化 beside 现状值: they are last year's value, the
    assigned target and the change, not years of their own."""
    doc = {"region": "测试县", "level": "county", "year": 2022, "edition": "2021", "profile": {"terrain": "平原地区"},
           "indicators": {"单位地区生产总值能耗": {"value": 0.699, "previous": 0.712, "target": 0.70},
                          "林草覆盖率": {"value": 20.5, "previous": 19.8}}}
    source = tmp_path / "county.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    exported = tmp_path / "report.xlsx"
    assert run_cli("evaluate", str(source), "-f", "xlsx", "-o", str(exported)).returncode in (0, 1)
    out = tmp_path / "out"
    done = run_cli("import", str(exported), "--terrain", "平原地区", "-o", str(out))
    assert done.returncode in (0, 1), done.stderr
    [written] = out.glob("*.yaml")
    entries = yaml.safe_load(written.read_text(encoding="utf-8"))["indicators"]
    energy = entries["单位地区生产总值能耗"]
    assert (energy["value"], energy["previous"], energy["target"]) == ("0.699", "0.712", "0.7")
    back = json.loads(run_cli("evaluate", str(written), "-f", "json").stdout)
    direct = json.loads(run_cli("evaluate", str(source), "-f", "json").stdout)
    pick = lambda report: {r["id"]: (r["status"], r["previous"], r["target"]) for r in report["results"]
                           if r["id"] in ("energy_intensity", "forest_grass_coverage")}
    assert pick(back) == pick(direct)
