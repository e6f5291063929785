"""Every output that shows where a rule comes from shows the citable form — the standard (title and
文号), the document, 表 and 序号 that print the row — and keeps the file and line as a detail;
unverified thresholds keep their † mark."""

from __future__ import annotations

import io
import json

from conftest import ROOT, run_cli, submission

STANDARD_2021 = "《国家生态文明建设示范区建设指标（修订版）》（环办生态函〔2021〕353号，文号未核实）"
STANDARD_2021_EN = "《国家生态文明建设示范区建设指标（修订版）》 (环办生态函〔2021〕353号, number not verified)"
TONGYU = "《通榆县国家级生态建设示范区建设规划》附表2"
FOREST_2021 = f"{STANDARD_2021}；{TONGYU} 第10项"
STANDARD_2019 = "《国家生态文明建设示范市县建设指标》（环生态〔2019〕76号）"
KAZUO = "《喀左生态文明示范县建设规划》表1"


def _json(*args: str) -> dict:
    done = run_cli("evaluate", *args, "-f", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_json_results_keep_the_line_and_add_the_citation():
    for lang, forest, standard in (("zh", FOREST_2021, STANDARD_2021),
                                   ("en", f"{STANDARD_2021_EN}; 《通榆县国家级生态建设示范区建设规划》 附表2 No. 10",
                                    STANDARD_2021_EN)):
        doc = _json("data/tongyu-2022.yaml", "--lang", lang)
        forest_row = next(r for r in doc["results"] if r["id"] == "forest_grass_coverage")
        assert forest_row["rule_source"] == "001_5bf55d846e1f2bc3.txt:693"  # as before: file:line
        assert forest_row["rule_citation"] == forest
        assert doc["standard"] == {"title": "国家生态文明建设示范区建设指标（修订版）", "number": "环办生态函〔2021〕353号",
                                   "number_verified": False, "citation": standard}
        assert [d["key"] for d in doc["documents"]] == ["tongyu_plan"]
        assert doc["documents"][0]["tables"] == ["附表2"] and doc["documents"][0]["file"] == "001_5bf55d846e1f2bc3.txt"
        # sub-items cite their indicator's row
        farm = next(r for r in doc["results"] if r["id"] == "agricultural_waste_utilisation")
        assert farm["items"] and all(i["rule_citation"] == farm["rule_citation"] for i in farm["items"])
        assert farm["rule_citation"].endswith("第21项" if lang == "zh" else "No. 21")


def test_json_cites_the_standard_alone_where_no_document_prints_the_row():
    doc = _json("data/kazuo-2019.yaml")
    coastal = next(r for r in doc["results"] if r["id"] == "coastal_water_quality")
    assert coastal["rule_citation"] == f"{STANDARD_2019}；所据文件均未载此项"
    assert coastal["rule_source"].startswith("环生态〔2019〕76号")


def test_the_report_names_the_standard_and_the_documents(tmp_path):
    note = f"来源：{STANDARD_2021}；指标行据{TONGYU}"
    table = run_cli("evaluate", "data/tongyu-2022.yaml").stdout
    assert note.replace(" ", "") in table.replace("\n", "").replace(" ", "")  # wrapped at the width
    markdown = run_cli("evaluate", "data/tongyu-2022.yaml", "-f", "markdown").stdout
    assert f"> {note}\n" in markdown
    html = run_cli("evaluate", "data/tongyu-2022.yaml", "-f", "html").stdout
    assert f'<p class="notes">{note}</p>' in html
    english = run_cli("evaluate", "data/kazuo-2019.yaml", "-f", "markdown", "--lang", "en").stdout
    assert ("> Source: 《国家生态文明建设示范市县建设指标》 (环生态〔2019〕76号); rows as printed in "
            "《喀左生态文明示范县建设规划》 表1\n") in english
    out = tmp_path / "report.xlsx"
    assert run_cli("evaluate", "data/tongyu-2022.yaml", "-f", "xlsx", "-o", str(out)).returncode in (0, 1)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[-1]
    assert note in [c.value for row in sheet.iter_rows() for c in row]


def test_unverified_thresholds_keep_their_mark(write):
    path = write("city.yaml", submission({"城镇污水处理率": 96}, level="city"))
    markdown = run_cli("evaluate", str(path), "-f", "markdown").stdout
    assert "| 达标 † |" in markdown and "> † 未核实" in markdown
    assert f"> 来源：{STANDARD_2021}" in markdown


def test_rules_show_gives_the_citation_in_both_languages_and_the_line():
    out = run_cli("rules", "show", "林草覆盖率").stdout
    assert f"  source:      {FOREST_2021}\n" in out
    assert f"               {STANDARD_2021_EN}; 《通榆县国家级生态建设示范区建设规划》 附表2 No. 10\n" in out
    assert "  detail:      001_5bf55d846e1f2bc3.txt:693\n" in out
    city_only = run_cli("rules", "show", "碳排放强度", "--edition", "2019").stdout
    assert f"  source:      {STANDARD_2019}；所据文件均未载此项\n" in city_only and "† unverified" in city_only


def test_the_rule_reference_pages_cite_each_row():
    page = (ROOT / "docs" / "rules" / "2021.md").read_text(encoding="utf-8")
    assert f"| 来源 Source | {FOREST_2021} |" in page
    assert "| 原文位置 Detail | 001_5bf55d846e1f2bc3.txt:693 |" in page
    assert f"| 引用 Cite as | {STANDARD_2021} |" in page
    old = (ROOT / "docs" / "rules" / "2019.md").read_text(encoding="utf-8")
    assert f"| 来源 Source | {STANDARD_2019}；{KAZUO} 第10项 |" in old


def test_plan_progress_cites_the_plan_s_rows():
    done = run_cli("progress", "data/kazuo-2022.yaml", "--plan", "kazuo-2030")
    assert f"来源：{KAZUO}\n" in done.stdout
    first = next(line for line in done.stdout.split("\n") if line.startswith("生态文明建设规划"))
    assert first.rstrip().endswith("表1 第1项")
    english = run_cli("progress", "data/kazuo-2022.yaml", "--plan", "kazuo-2030", "--lang", "en").stdout
    assert next(line for line in english.split("\n") if line.startswith("生态文明建设规划")).rstrip().endswith("表1 No. 1")
    doc = json.loads(run_cli("progress", "data/kazuo-2022.yaml", "--plan", "kazuo-2030", "-f", "json").stdout)
    assert doc["plan"]["citation"] == KAZUO and doc["plan"]["source"].startswith("000_33215831ab566a8b.txt:68")
    row = doc["rows"][0]
    assert (row["citation"], row["table"], row["item"]) == (f"{KAZUO} 第1项", "表1", "1")
    assert row["source"].startswith("000_33215831ab566a8b.txt:")  # the goal's cell, as before


def test_plan_listing_cites_the_plan_and_its_targets():
    listed = run_cli("progress", "--list", "--plan", "tongyu-2035").stdout
    assert "来源：《通榆县国家级生态建设示范区建设规划》附表2\n" in listed
    doc = json.loads(run_cli("progress", "--list", "--plan", "tongyu-2035", "-f", "json").stdout)
    first = doc[0]["targets"][0]
    assert first["citation"] == "《通榆县国家级生态建设示范区建设规划》附表2 第1项"
    assert first["source"] == "001_5bf55d846e1f2bc3.txt:578"
