"""Year series: last year's values from `previous:` and from --history, and `ecocheck compare`."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

from conftest import ROOT, run_cli, submission
from ecocheck.engine.api import check_file
from ecocheck.submission.history import HistoryFile, HistoryIndex, apply_history, pick_earlier
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text

LIB = load_library()
SERIES = ROOT / "tests" / "fixtures" / "series"


def sub(indicators: dict, **kw):
    return parse_submission_text(submission(indicators, **kw), LIB)


def results(report) -> dict:
    out = {}
    for r in report.results:
        out[r.id] = r
        for item in r.items:
            out[f"{r.id}/{item.id}"] = item
    return out


# ── the pure part ─────────────────────────────────────────────────────────────────────

def test_apply_history_fills_only_what_the_submission_leaves_open():
    earlier = sub({"单位地区生产总值能耗": 0.52, "单位地区生产总值用水量": 60, "生态环境状况指数": {"value": 70},
                   "环境空气质量": {"优良天数比例": 90.5}, "河长制": "部分实施"}, year=2021)
    current = sub({"单位地区生产总值能耗": 0.50, "单位地区生产总值用水量": {"value": 55, "previous": 58},
                   "生态环境状况指数": {"value": 69, "delta": -0.5}, "环境空气质量": {"优良天数比例": 92},
                   "河长制": "全面实施", "城镇污水处理率": 95})
    filled = apply_history(current, earlier, "a-2021.yaml")
    e = filled.entries
    assert e["energy_intensity"].previous == Decimal("0.52")
    assert e["energy_intensity"].previous_source == "a-2021.yaml (2021)"
    assert e["water_intensity"].previous == Decimal(58) and e["water_intensity"].previous_source == ""  # own value wins
    assert e["eco_environment_index"].previous is None  # a delta is given: not overridden
    assert e["air_quality"].items["good_air_days_ratio"].previous == Decimal("90.5")
    assert e["river_chief_system"].previous is None  # words have no previous
    assert e["urban_sewage_treatment"].previous is None  # nothing last year
    assert current.entries["energy_intensity"].previous is None  # the input is not modified
    assert filled.meta["history"] == {"file": "a-2021.yaml", "year": 2021}


def test_apply_history_needs_the_same_region_and_an_earlier_year():
    current = sub({"单位地区生产总值能耗": 0.50}, year=2022)
    assert apply_history(current, sub({"单位地区生产总值能耗": 0.52}, year=2022), "x") is current
    assert apply_history(current, sub({"单位地区生产总值能耗": 0.52}, year=2021, region="别县"), "x") is current
    gap = apply_history(current, sub({"单位地区生产总值能耗": 0.52}, year=2019), "a-2019.yaml")
    assert gap.entries["energy_intensity"].previous_source == "a-2019.yaml (2019, 3 years earlier)"


def test_change_thresholds_use_last_years_value_too():
    from ecocheck.engine.evaluate import evaluate

    # (the revised edition's plain number is △EQI itself, so the index is given as `value`)
    earlier = sub({"生态环境状况指数": {"value": 70.5}, "一般工业固体废物综合利用率提高幅度": 50}, year=2021)
    for eqi, status in ((70, "pass"), (69, "fail")):  # △EQI ≥ -1: -0.5 passes, -1.5 does not
        current = apply_history(sub({"生态环境状况指数": {"value": eqi}}), earlier, "a-2021.yaml")
        result = results(evaluate(current, LIB.get("2021")))["eco_environment_index"]
        assert (result.status, result.previous) == (status, 70.5), result.reason
    # ≤60% band: the rate must rise by ≥2 points over last year's 50
    current = apply_history(sub({"一般工业固体废物综合利用率提高幅度": 51}), earlier, "a-2021.yaml")
    result = results(evaluate(current, LIB.get("2021")))["industrial_solid_waste_utilisation_increase"]
    assert result.status == "fail" and "提高幅度=1" in result.reason


def test_pick_earlier_takes_the_nearest_year_and_prefers_measured():
    files = [HistoryFile("a/2019.yaml", "甲县", 2019), HistoryFile("a/2021p.yaml", "甲县", 2021, "plan"),
             HistoryFile("a/2021.yaml", "甲县", 2021), HistoryFile("b/2021.yaml", "乙县", 2021),
             HistoryFile("a/2022.yaml", "甲县", 2022)]
    chosen, others = pick_earlier(files, "甲县", 2022)
    assert chosen.path == "a/2021.yaml" and [o.path for o in others] == ["a/2021p.yaml"]
    assert pick_earlier(files, "甲县", 2019) == (None, [])
    assert pick_earlier(files, "丙县", 2022) == (None, [])


def test_history_index_reads_headers_and_skips_what_is_not_a_submission(tmp_path):
    (tmp_path / "a.yaml").write_text(submission({}, year=2020), encoding="utf-8")
    (tmp_path / "flow.yaml").write_text('{"region": "测试县", "level": "county", "year": 2019, "indicators": {}}',
                                        encoding="utf-8")
    (tmp_path / "junk.yaml").write_text("- a list\n", encoding="utf-8")
    index = HistoryIndex.scan(tmp_path)
    assert sorted((f.region, f.year) for f in index.files) == [("测试县", 2019), ("测试县", 2020)]
    assert [p.split("/")[-1] for p in index.skipped] == ["junk.yaml"]


# ── `previous:` and --history through the front door ──────────────────────────────────

def test_previous_file_gives_kazuos_2022_trend_verdicts():
    checked = check_file(SERIES / "kazuo-2022.yaml", LIB)
    r = results(checked.report)
    source = "kazuo-2019.yaml (2019, 3 years earlier)"
    energy = r["energy_intensity"]  # 0.712 vs 0.699 (lower is better): worse → 未达标
    assert (energy.status, energy.previous, energy.previous_source) == ("fail", 0.699, source)
    water = r["water_intensity"]  # 50.2 ≤ its target 52 and below 53.6
    assert (water.status, water.previous) == ("pass", 53.6)
    air = r["air_quality/good_air_days_ratio"]
    assert (air.status, air.previous, air.previous_source) == ("pass", 73.53, source)
    # without history the same trends lack last year's value
    alone = results(check_file(SERIES / "kazuo-2019.yaml", LIB).report)
    assert alone["energy_intensity"].status == "missing"


def test_history_folder_gives_tongyus_2025_trend_verdicts():
    checked = check_file(SERIES / "tongyu-2025.yaml", LIB, history_dir=SERIES)
    r = results(checked.report)
    energy = r["energy_intensity"]  # 0.50 vs 0.52 from tongyu-2022 (2025 has no previous:)
    assert (energy.status, energy.previous) == ("pass", 0.52)
    assert energy.previous_source.endswith("tongyu-2022.yaml (2022, 3 years earlier)")
    fert = r["fertilizer_pesticide_reduction/fertilizer_per_mu"]  # 减少: 20.0 < 20.5
    assert (fert.status, fert.previous) == ("pass", 20.5)
    assert r["eco_environment_index"].previous_source == ""  # △EQI given as delta: left alone
    without = results(check_file(SERIES / "tongyu-2025.yaml", LIB).report)
    assert without["energy_intensity"].status == "missing"


def test_tongyus_2035_takes_2025_through_previous_and_the_cli_shows_the_source():
    result = run_cli("evaluate", str(SERIES / "tongyu-2035.yaml"), "-f", "json")
    report = json.loads(result.stdout)
    energy = next(r for r in report["results"] if r["id"] == "energy_intensity")
    assert (energy["status"], energy["previous"], energy["previous_source"]) == (
        "pass", 0.5, "tongyu-2025.yaml (2025, 10 years earlier)")
    table = run_cli("evaluate", str(SERIES / "tongyu-2035.yaml"))
    assert "上年* 0.5" in table.stdout and "* 上年值取自：tongyu-2025.yaml（2025 年，早 10 年）" in table.stdout


def test_evaluate_history_option_and_batch_history(tmp_path):
    for name in ("tongyu-2022.yaml", "tongyu-2025.yaml"):
        shutil.copy(SERIES / name, tmp_path / name)
    cli = run_cli("evaluate", str(tmp_path / "tongyu-2025.yaml"), "--history", str(tmp_path), "-f", "json")
    energy = next(r for r in json.loads(cli.stdout)["results"] if r["id"] == "energy_intensity")
    assert energy["status"] == "pass" and "tongyu-2022.yaml" in energy["previous_source"]
    batch = run_cli("batch", str(tmp_path), "--history", str(tmp_path), "-f", "json")
    reports = {r["year"]: r for r in json.loads(batch.stdout)["reports"]}
    energy = next(r for r in reports[2025]["results"] if r["id"] == "energy_intensity")
    assert energy["status"] == "pass" and energy["previous"] == 0.52
    plain = run_cli("batch", str(tmp_path), "-f", "json")
    energy = next(r for r in json.loads(plain.stdout)["reports"][1]["results"] if r["id"] == "energy_intensity")
    assert energy["status"] == "missing"
    missing = run_cli("evaluate", str(tmp_path / "tongyu-2025.yaml"), "--history", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "history folder not found" in missing.stderr


def test_an_unreadable_previous_file_is_an_input_error_at_the_previous_line(write):
    text = submission({"单位地区生产总值能耗": 0.5}, previous="last-year.yaml")
    path = write("this-year.yaml", text)
    line = text.split("\n").index("previous: last-year.yaml") + 1
    result = run_cli("evaluate", str(path), "--lang", "en")
    assert result.returncode == 2
    assert f"this-year.yaml:{line}:1: error: previous file 'last-year.yaml' not found" in result.stderr
    write("last-year.yaml", "region: 测试县\nlevel: county\nyear: [\n")
    broken = run_cli("evaluate", str(path), "--lang", "en")
    assert broken.returncode == 2 and "cannot be read" in broken.stderr and "last-year.yaml:4:1: error: YAML syntax error" in broken.stderr
    write("last-year.yaml", submission({"单位地区生产总值能耗": 0.52}, year=2021, region="别县"))
    other = run_cli("evaluate", str(path), "--lang", "en")
    assert other.returncode == 2 and "is for 别县, not 测试县" in other.stderr
    write("last-year.yaml", submission({"单位地区生产总值能耗": 0.52}, year=2023, basis="plan"))
    later = run_cli("evaluate", str(path), "--lang", "en")
    assert later.returncode == 2 and "is for 2023, not a year before 2022" in later.stderr


def test_a_previous_file_with_an_unreadable_cell_still_gives_its_other_values(write):
    """One bad cell in last year's file never loses this year's report: the other indicators take
    their last-year values, the bad one gets none, and a warning names it (exit as this file says)."""
    path = write("this-year.yaml", submission({"单位地区生产总值能耗": 0.5, "单位地区生产总值用水量": 50},
                                              previous="last-year.yaml"))
    write("last-year.yaml", submission({"单位地区生产总值能耗": 0.52, "单位地区生产总值用水量": "五十"}, year=2021))
    result = run_cli("evaluate", str(path), "-f", "json", "--lang", "en")
    assert result.returncode == 1, result.stderr  # a verdict, not an input error
    rows = {r["id"]: r for r in json.loads(result.stdout)["results"]}
    assert (rows["energy_intensity"]["previous"], rows["water_intensity"]["previous"]) == (0.52, None)
    assert "last-year.yaml: 1 cell(s) could not be read, so no last-year value was taken for 单位地区生产总值用水量" in result.stderr


# ── compare ──────────────────────────────────────────────────────────────────────────

def compare_json(*args: str) -> tuple[int, dict]:
    result = run_cli("compare", *args, "-f", "json")
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def test_compare_kazuo_2019_2022_json():
    code, doc = compare_json(str(SERIES / "kazuo-2019.yaml"), str(SERIES / "kazuo-2022.yaml"))
    assert code == 0 and doc["errors"] == []
    (series,) = doc["series"]
    assert (series["region"], series["years"], series["editions"]) == ("喀左县", [2019, 2022], ["2019", "2019"])
    rows = {r["id"]: r for r in series["rows"]}
    energy = rows["energy_intensity"]
    assert [v["value"] for v in energy["values"]] == [0.699, 0.712]
    assert (energy["change"], energy["trend"], energy["direction"]) == (0.013, "worsened", "lower")
    assert energy["verdict_changes"] == [{"from": 2019, "to": 2022, "before": "missing", "after": "fail"}]
    sewage = rows["urban_sewage_treatment"]
    assert (sewage["change"], sewage["trend"], sewage["verdict_changes"]) == (2, "improved", [])
    plan = rows["eco_civilization_plan"]
    assert (plan["change"], plan["trend"]) == (None, "changed")
    assert plan["verdict_changes"] == [{"from": 2019, "to": 2022, "before": "fail", "after": "pass"}]
    pm25 = rows["pm25_reduction"]  # 39 → 36 μg/m³, lower is better
    assert (pm25["parent"], pm25["change"], pm25["trend"]) == ("air_quality", -3, "improved")
    forest = rows["forest_grass_coverage"]
    assert (forest["change"], forest["trend"]) == (0, "unchanged")
    assert "coastal_water_quality" not in rows  # not applicable in any year: left out
    assert series["summary"]["improved"] == 9 and series["summary"]["worsened"] == 1


def test_compare_table_shows_change_trend_and_verdict_change():
    result = run_cli("compare", str(SERIES / "kazuo-2019.yaml"), str(SERIES / "kazuo-2022.yaml"))
    out = result.stdout
    assert result.returncode == 0
    assert "喀左县 年度对比（2019 → 2022）" in out
    line = next(l for l in out.splitlines() if "单位地区生产总值能耗" in l)
    assert "0.699 缺数据" in line and "0.712 未达标*" in line and "+0.013" in line and "变差" in line
    assert "缺数据→未达标（2019→2022）" in line
    line = next(l for l in out.splitlines() if "城镇污水处理率" in l)
    assert "+2" in line and "改善" in line
    assert "未达标→达标（2019→2022）" in out
    english = run_cli("compare", str(SERIES / "kazuo-2019.yaml"), str(SERIES / "kazuo-2022.yaml"), "--lang", "en")
    assert "worsened" in english.stdout and "FAIL" in english.stdout
    assert "Energy consumption per unit of GDP (单位地区生产总值能耗)" in english.stdout


def test_compare_a_whole_series_from_a_folder_uses_each_year_before():
    code, doc = compare_json(str(SERIES), "--region", "通榆县")
    (series,) = doc["series"]
    assert series["years"] == [2022, 2025, 2035]
    energy = next(r for r in series["rows"] if r["id"] == "energy_intensity")
    assert [v["status"] for v in energy["values"]] == ["missing", "pass", "pass"]
    assert [s["trend"] for s in energy["steps"]] == ["improved", "improved"]
    assert energy["values"][1]["previous_source"] == str(SERIES / "tongyu-2022.yaml") + " (2022, 3 years earlier)"
    assert (energy["change"], energy["trend"]) == (-0.07, "improved")
    code, both = compare_json(str(SERIES))
    assert [s["region"] for s in both["series"]] == ["喀左县", "通榆县"] and code == 0


def test_compare_html_is_self_contained_with_a_chart_per_numeric_indicator():
    result = run_cli("compare", str(SERIES), "--region", "喀左县", "-f", "html")
    html = result.stdout
    assert result.returncode == 0 and html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 11  # the numeric indicators with values in both years
    assert "<polyline" in html and "单位地区生产总值能耗: 2019 0.699, 2022 0.712" in html
    assert "<script" not in html and "http://" not in html and "https://" not in html.replace(
        "https://ecocheck.invalid", "")


def test_compare_input_errors_exit_2(write):
    one = run_cli("compare", str(SERIES / "kazuo-2019.yaml"))
    assert one.returncode == 2 and "only one year found for 喀左县 (2019)" in one.stderr
    dup = write("dup.yaml", (SERIES / "kazuo-2019.yaml").read_text(encoding="utf-8"))
    two = run_cli("compare", str(SERIES / "kazuo-2019.yaml"), str(dup))
    assert two.returncode == 2 and "two files for 喀左县 2019" in two.stderr
    none = run_cli("compare", str(SERIES), "--region", "林西县")
    assert none.returncode == 2 and "no submission for region '林西县'" in none.stderr


# ── the shipped data (data/ when it holds submissions, else the fixtures) ─────────────

def shipped_folder():
    return ROOT / "data"


def test_each_regions_later_years_get_trend_verdicts_from_the_files_alone():
    from ecocheck.series.api import group_series

    folder = shipped_folder()
    # the annotated files only: data/pasted/ holds the same region-years pasted as printed
    series, problems = group_series([str(folder / "*.yaml")], LIB)
    assert not problems
    assert {s.region for s in series} >= {"喀左县", "通榆县"}
    for s in series:
        for file in s.files[1:]:  # every year after the first, with only the folder to go on
            report = check_file(file, LIB, history_dir=folder).report
            judged = [r for r in results(report).values()
                      if r.previous is not None and r.status in ("pass", "fail")]
            assert judged, f"{file}: no trend judged against an earlier year"


def test_progress_runs_on_every_shipped_file_against_every_plan():
    from ecocheck.series.plans import load_plans
    from ecocheck.series.api import check_progress

    folder = shipped_folder()
    files = sorted(folder.glob("*.yaml"))
    assert files
    for plan in load_plans().values():
        for file in files:
            checked = check_progress(file, LIB, plan, history=folder)
            assert checked.problems is None and checked.exit_code in (0, 1), (plan.id, file, checked.problems)


def test_compare_marks_verdicts_that_rest_on_a_declaration():
    # 喀左 2019 declares 约束性 #3 not met (000:121), the 2022 plan column declares it met: compare
    # must say so as evaluate does, not print a plain 达标 as if measured.
    folder = shipped_folder()
    files = [str(folder / "kazuo-2019.yaml"), str(folder / "kazuo-2022.yaml")]
    table = run_cli("compare", *files)
    line = next(l for l in table.stdout.splitlines() if "生态文明建设工作占党政实绩考核的比例" in l)
    assert "未达标（申报）" in line and "达标（申报）" in line.replace("未达标（申报）", "")
    code, doc = compare_json(*files)
    row = next(r for r in doc["series"][0]["rows"] if r["name"] == "生态文明建设工作占党政实绩考核的比例")
    assert [(v["status"], v["declared"]) for v in row["values"]] == [("fail", True), ("pass", True)]
    disclosure = next(r for r in doc["series"][0]["rows"] if r["name"] == "生态环境信息公开率")  # 100, 100
    assert [(v["status"], v["declared"]) for v in disclosure["values"]] == [("pass", False), ("pass", False)]
