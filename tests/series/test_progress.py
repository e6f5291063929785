"""Plan targets: the plan files, every progress status (hand-worked numbers), the CLI."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from conftest import ROOT, run_cli, submission
from ecocheck.series.plans import PlanValue, find_plan, load_plan_file, load_plans, plan_files
from ecocheck.series.progress import STATUSES, progress
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text
from ecocheck.schemas import validator

LIB = load_library()
FIXTURES = ROOT / "tests" / "fixtures"
SERIES = FIXTURES / "series"
DEMO = FIXTURES / "plans" / "demo-2025.yaml"
SEEDS = ROOT.parent / "shared" / "seeds"
SHIPPED = ("chaoyang-2025", "kazuo-2030", "liaoning-2027", "linxi-2025", "tongyu-2035")


# ── the plan files ─────────────────────────────────────────────────────────────────────

def test_every_shipped_plan_validates_against_the_plan_schema_and_loads():
    files = plan_files()
    assert sorted(f.stem for f in files) == list(SHIPPED)
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert list(validator("plan").iter_errors(data)) == [], file
        plan = load_plan_file(file, LIB)  # also checks every indicator / sub-item link
        assert plan.id == file.stem
    assert sorted(load_plans()) == list(SHIPPED)


def test_plan_metadata_as_the_documents_print_it():
    plans = load_plans()
    chaoyang, linxi, liaoning = plans["chaoyang-2025"], plans["linxi-2025"], plans["liaoning-2027"]
    assert chaoyang.attributes == ("约束性", "非约束性") and (chaoyang.base_year, chaoyang.target_year) == (2020, 2025)
    assert linxi.attributes == ("约束性", "预期性") and len(linxi.targets) == 20
    assert liaoning.attributes == () and liaoning.base_year is None and liaoning.target_year == 2027
    assert plans["kazuo-2030"].years() == [2022, 2030] and plans["kazuo-2030"].base_year == 2019
    assert plans["tongyu-2035"].years() == [2025, 2035] and plans["tongyu-2035"].base_year == 2022
    assert {g.column for t in plans["tongyu-2035"].targets for g in t.goals} == {"2025年预测值", "2035年目标值"}


def test_superior_assigned_and_ambiguous_targets_are_kept_as_printed():
    plans = load_plans()
    chaoyang = plans["chaoyang-2025"]
    pending = [t.id for t in chaoyang.targets if t.goals[0].kind == "superior"]
    assert pending == ["pm25_reduction_pct", "good_air_days_ratio", "co2_intensity_reduction_pct",
                       "energy_intensity_reduction_pct", "non_fossil_energy_share"]
    assert all("待下达" in chaoyang.find(t).goals[0].printed for t in pending)
    four = [chaoyang.find(t) for t in ("nox_reduction_pct", "vocs_reduction_pct", "cod_reduction_pct",
                                        "ammonia_nitrogen_reduction_pct")]
    assert [t.goals[0].value for t in four] == [10, 10, 8, 7]
    assert all(t.goals[0].printed == "10%、10%、 8%、7%" and "print order" in t.note for t in four)
    linxi = plans["linxi-2025"]
    assert [t.id for t in linxi.targets if t.goals[0].kind == "none"] == [
        "ammonia_nitrogen_reduction_t", "so2_reduction_t", "nox_reduction_t"]
    assert linxi.find("good_air_days_ratio_90").attribute is None
    assert "12.63" in linxi.find("ammonia_nitrogen_reduction_t").base.note
    assert {g.printed for t in linxi.targets for g in t.goals if g.kind == "superior"} == {"完成市下达目标"}
    kazuo = plans["kazuo-2030"]
    assert kazuo.find("water_class_iii_ratio").base.value is None  # ambiguous cells: no number invented
    assert kazuo.find("construction_land_per_gdp_decline").base.value is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not beside the repository")
def test_every_cited_line_prints_the_encoded_cell():
    """Each goal's `printed` text (and each base number) is on the line it cites."""
    for plan in load_plans().values():
        for target in plan.targets:
            lines = (SEEDS / target.source.doc).read_text(encoding="utf-8").split("\n")
            for goal in target.goals:
                if goal.printed and goal.line:
                    cell = lines[goal.line - 1].replace(" ", "").replace(",", "，")
                    want = goal.printed.replace(" ", "").replace(",", "，")
                    assert want in cell or cell.strip() in want, (plan.id, target.id, goal.line, goal.printed)
            if target.base.line:
                line = lines[target.base.line - 1].replace(" ", "")
                if target.base.value is not None:
                    assert str(target.base.value).rstrip("0").rstrip(".") in line.replace("%", ""), (plan.id, target.id)
                head = target.base.printed.replace(" ", "").split("、")[0].split("（")[0].split("(")[0]
                assert head in line, (plan.id, target.id, target.base.line, target.base.printed)
            names = [part.split("（")[0][:4] for part in target.name.split(" — ")]
            if target.source.line and plan.id != "liaoning-2027":  # 辽宁's targets are sentences
                line = lines[target.source.line - 1]
                assert any(n in line for n in names), (plan.id, target.id, target.source.line)


# ── every status, hand-worked ──────────────────────────────────────────────────────────

DEMO_PLAN = load_plan_file(DEMO, LIB)


def row(indicators: dict, target: str, year: int = 2022, plan_values: dict | None = None, assigned=None, **extra):
    sub = parse_submission_text(submission(indicators, year=year, **extra), LIB)
    result = progress(DEMO_PLAN, sub, plan_values or {}, assigned)
    return next(r for r in result.rows if r.target_id == target)


def test_on_track_value_at_or_ahead_of_the_straight_path():
    # base 80 (2020) → target 90 (2025): the path is at 84 in 2022; 86 is ahead of it
    r = row({"城镇污水处理率": 86}, "sewage")
    assert (r.status, r.expected, r.distance, r.share) == ("on_track", 84, 4, 0.6)
    assert row({"城镇污水处理率": 84}, "sewage").status == "on_track"  # exactly on the path


def test_behind_short_of_the_path_and_when_the_target_year_has_come():
    r = row({"城镇污水处理率": 83}, "sewage")
    assert (r.status, r.expected, r.share) == ("behind", 84, 0.3)
    r = row({"城镇污水处理率": 89}, "sewage", year=2025)
    assert (r.status, r.distance, r.share) == ("behind", 1, 0.9)
    assert r.reason == "目标年 2025 已到，89 未达到 ≥90" and r.reason_in("en") == "2025 has come; 89 misses ≥90"


def test_met_already_before_the_target_year():
    r = row({"城镇污水处理率": 91}, "sewage")
    assert (r.status, r.distance, r.share) == ("met", -1, 1.1)


def test_not_yet_due_without_a_base_value_or_in_the_base_year():
    r = row({"城镇新建绿色建筑比例": 40}, "green_building")
    assert (r.status, r.share, r.expected) == ("not_yet_due", None, None)
    assert row({"城镇新建绿色建筑比例": 40}, "green_building", year=2025).status == "behind"
    assert row({"城镇污水处理率": 80}, "sewage", year=2020).status == "not_yet_due"


def test_superior_target_missing_until_the_assigned_value_is_given():
    r = row({"环境空气质量": {"优良天数比例": 85}}, "good_air")
    assert r.status == "superior_target_missing" and r.target is None and r.value == 85
    # assigned on the command line: 80 (2020) → 90 (2025), path 84 in 2022
    r = row({"环境空气质量": {"优良天数比例": 85}}, "good_air", assigned={"good_air": Decimal(90)})
    assert (r.status, r.target, r.target_source, r.expected) == ("on_track", 90, "--assign good_air", 84)
    # the submission's own `target:` is this year's assignment: meeting it is on track for 2025
    r = row({"环境空气质量": {"优良天数比例": {"value": 85, "target": 86}}}, "good_air")
    assert (r.status, r.target) == ("behind", 86)
    assert row({"环境空气质量": {"优良天数比例": {"value": 87, "target": 86}}}, "good_air").status == "on_track"


def test_missing_when_the_submission_gives_no_value():
    assert row({}, "sewage").status == "missing"
    assert row({"河长制": "全面实施"}, "energy").status == "missing"


def test_trend_against_last_years_value_when_the_plan_prints_no_base_number():
    r = row({"单位地区生产总值能耗": {"value": 0.50, "previous": 0.52}}, "energy")
    assert (r.status, r.target, r.distance) == ("met", 0.52, -0.02)
    assert row({"单位地区生产总值能耗": {"value": 0.53, "previous": 0.52}}, "energy").status == "behind"
    r = row({"单位地区生产总值能耗": 0.53}, "energy")
    assert r.status == "missing" and "--history" in r.reason


def test_cumulative_ceiling_plan_values_and_state_words():
    assert row({}, "incidents", plan_values={"incidents": PlanValue(value=Decimal(2))}).status == "on_track"
    assert row({}, "incidents", plan_values={"incidents": PlanValue(value=Decimal(4))}).status == "behind"
    assert row({}, "incidents", year=2025, plan_values={"incidents": PlanValue(value=Decimal(3))}).status == "met"
    assert row({"河长制": "全面实施"}, "river_chief").status == "met"
    assert row({"河长制": "部分实施"}, "river_chief").status == "not_yet_due"
    assert row({"河长制": "部分实施"}, "river_chief", year=2025).status == "behind"


def test_no_target_and_not_applicable():
    assert row({}, "so2").status == "no_target"
    r = row({}, "coastal")
    assert r.status == "not_applicable" and (r.reason, r.reason_in("en")) == ("仅适用于沿海地区", "coastal regions only")


def test_every_status_is_reachable_and_summarised():
    sub = parse_submission_text(submission({"城镇污水处理率": 83, "河长制": "部分实施"}), LIB)
    result = progress(DEMO_PLAN, sub, {})
    counts = result.summary()["counts"]
    assert set(counts) == set(STATUSES)
    assert counts == {"met": 0, "on_track": 0, "behind": 1, "not_yet_due": 1, "superior_target_missing": 1,
                      "missing": 3, "no_target": 1, "not_applicable": 1}
    assert result.exit_code() == 1 and result.summary()["behind"] == ["城镇污水处理率 (2025)"]


# ── the shipped plans on the fixture series ────────────────────────────────────────────

def cli_json(*args: str) -> tuple[int, dict]:
    result = run_cli(*args, "-f", "json")
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def rows_by(doc: dict) -> dict:
    return {(r["target_id"], r["goal_year"], r["kind"]): r for r in doc["rows"]}


def test_kazuo_2022_against_its_own_plan():
    code, doc = cli_json("progress", str(SERIES / "kazuo-2022.yaml"), "--plan", "kazuo-2030")
    assert code == 1 and doc["region_match"] and doc["plan"]["base_year"] == 2019
    rows = rows_by(doc)
    sewage = rows[("urban_sewage_treatment", 2030, "value")]  # 90 (2019) → 95 (2030): 91.3636 in 2022
    assert (sewage["status"], sewage["expected"], sewage["share"], sewage["distance"]) == ("on_track", 91.3636, 0.4, 3)
    assert rows[("urban_sewage_treatment", 2022, "value")]["status"] == "met"
    assert rows[("green_public_procurement", 2022, "value")]["status"] == "behind"  # 78 < 80, due
    assert rows[("green_public_procurement", 2030, "value")]["expected"] == 79.6364  # 72 → 100
    assert rows[("pm25_concentration", 2022, "superior")]["status"] == "superior_target_missing"
    assert rows[("good_air_days_ratio", 2022, "superior")]["status"] == "met"  # 80.1 ≥ its target 78
    assert rows[("good_air_days_ratio", 2030, "superior")]["status"] == "on_track"
    assert rows[("energy_intensity", 2022, "trend")]["status"] == "behind"  # 0.712 > 0.699
    assert rows[("eco_civilization_plan", 2022, "state")]["status"] == "met"
    assert rows[("eco_environment_index", 2030, "trend")]["status"] == "met"  # 68.5 ≥ 68.28
    assert doc["rows"][0]["source"] == "000_33215831ab566a8b.txt:101"


def test_tongyu_forecast_years_against_the_2035_targets():
    code, doc = cli_json("progress", str(SERIES / "tongyu-2025.yaml"), "--plan", "tongyu-2035",
                         "--history", str(SERIES))
    rows = rows_by(doc)
    # the 2025 column's own values meet the 2025 forecasts
    assert {r["status"] for (t, y, k), r in rows.items() if y == 2025 and k == "value" and r["value"] is not None} == {"met"}
    sewage = rows[("urban_sewage_treatment", 2035, "value")]  # 95.33 (2022) → 96.0 (2035): 95.4846 in 2025
    assert (sewage["status"], sewage["expected"]) == ("on_track", 95.4846)
    eqi = rows[("eco_environment_index", 2025, "value")]  # △EQI read from `delta`
    assert (eqi["value"], eqi["target"], eqi["status"]) == (-0.35, -0.35, "met")
    fert = rows[("fertilizer_per_mu", 2025, "trend")]  # 减少: 20.0 < 20.5 taken from tongyu-2022 (--history)
    assert (fert["status"], fert["target"]) == ("met", 20.5)
    assert "tongyu-2022.yaml (2022, 3 years earlier)" in fert["target_source"]
    # the plan's own 2025 forecasts fall short of its straight path to 2035 for three targets:
    # 林草 27.09→27.30: 27.1385 in 2025 > 27.12; 畜禽 85.91→87.0: 86.1615 > 86.0; 农膜 81.6→83.0: 81.9231 > 81.8
    behind = {(t, r["expected"]) for (t, y, k), r in rows.items() if r["status"] == "behind"}
    assert behind == {("forest_grass_coverage", 27.1385), ("livestock_manure_utilisation", 86.1615),
                      ("agricultural_film_recovery", 81.9231)}
    assert code == 1


def test_liaoning_2027_without_base_values_is_not_yet_due_and_city_targets_do_not_apply():
    code, doc = cli_json("progress", str(SERIES / "kazuo-2022.yaml"), "--plan", "liaoning-2027")
    rows = rows_by(doc)
    pm25 = rows[("pm25_concentration", 2027, "value")]
    assert (pm25["value"], pm25["target"], pm25["status"]) == (36, 32, "not_yet_due")
    assert rows[("water_saving_city", 2027, "state")]["status"] == "not_applicable"
    assert rows[("coastal_water_good_ratio", 2027, "value")]["status"] == "not_applicable"
    assert not doc["region_match"] and doc["warnings"] and code == 0


def test_chaoyang_plan_with_assigned_targets_and_plan_values():
    code, doc = cli_json("progress", str(SERIES / "kazuo-2022.yaml"), "--plan", "chaoyang-2025",
                         "--assign", "good_air_days_ratio=85")
    rows = rows_by(doc)
    air = rows[("good_air_days_ratio", 2025, "superior")]  # 84.7 (2020) → 85 (2025): 84.82 in 2022
    assert (air["status"], air["expected"], air["target_source"]) == ("behind", 84.82, "--assign good_air_days_ratio")
    forest = rows[("forest_coverage", 2025, "value")]  # from plan_values; no base → not yet due
    assert (forest["value"], forest["value_source"], forest["status"]) == (30.2, "plan_values.forest_coverage", "not_yet_due")
    assert rows[("co2_intensity_reduction_pct", 2025, "superior")]["status"] == "superior_target_missing"
    assert code == 1


def test_linxi_plan_runs_on_another_countys_data_with_a_warning():
    result = run_cli("progress", str(SERIES / "tongyu-2022.yaml"), "--plan", "linxi-2025")
    assert result.returncode == 0, result.stderr
    assert "规划地区为林西县，数据地区为通榆县" in result.stdout
    assert "无可度量目标" in result.stdout and "缺上级下达目标" in result.stdout


# ── the command line ──────────────────────────────────────────────────────────────────

def test_progress_exit_codes(write):
    ok = write("ok.yaml", submission({"城镇污水处理率": 86}))
    assert run_cli("progress", str(ok), "--plan", str(DEMO)).returncode == 0
    behind = write("behind.yaml", submission({"城镇污水处理率": 83}))
    assert run_cli("progress", str(behind), "--plan", str(DEMO)).returncode == 1
    unknown = run_cli("progress", str(ok), "--plan", "kazuo-2003")
    assert unknown.returncode == 2 and "unknown plan" in unknown.stderr and "kazuo-2030" in unknown.stderr
    bad = run_cli("progress", str(ok), "--plan", str(DEMO), "--assign", "good_air")
    assert bad.returncode == 2 and "TARGET=NUMBER" in bad.stderr
    assert run_cli("progress", str(ok)).returncode == 2  # --plan is required
    assert run_cli("progress", "--list").returncode == 0


def test_progress_table_and_markdown(write):
    path = write("t.yaml", submission({"城镇污水处理率": 86}))
    table = run_cli("progress", str(path), "--plan", str(DEMO))
    assert "规划目标进度：测试县示例规划 (demo-2025)" in table.stdout
    assert "进度正常" in table.stdout and "60.0%" in table.stdout and "结论：没有滞后的目标" in table.stdout
    english = run_cli("progress", str(path), "--plan", str(DEMO), "--lang", "en")
    assert "on track" in english.stdout and "Verdict: no target is behind" in english.stdout
    md = run_cli("progress", str(path), "--plan", str(DEMO), "-f", "markdown")
    assert md.stdout.startswith("## 规划目标进度") and "| 城镇污水处理率 |" in md.stdout


def test_evaluate_with_the_standard_and_a_plan_at_once():
    result = run_cli("evaluate", str(SERIES / "kazuo-2022.yaml"), "--plan", "kazuo-2030")
    out = result.stdout
    assert result.returncode == 1
    assert out.index("结论：约束性指标") < out.index("══ 规划目标进度（") < out.index("规划目标进度：喀左生态文明示范县建设规划")
    code, doc = cli_json("evaluate", str(SERIES / "kazuo-2022.yaml"), "--plan", "kazuo-2030", "--plan", "liaoning-2027")
    assert [p["plan"]["id"] for p in doc["plan_progress"]] == ["kazuo-2030", "liaoning-2027"]
    assert doc["summary"]["verdict"] == "fail" and code == 1


def test_plan_values_errors_point_at_the_line(write):
    text = submission({"城镇污水处理率": 86}) + "plan_values:\n  incidents: {value: 2, previous: many, targte: 3}\n"
    result = run_cli("progress", str(write("pv.yaml", text)), "--plan", str(DEMO))
    assert result.returncode == 2
    lines = text.count("\n")
    assert f"pv.yaml:{lines}:" in result.stderr and "plan_values.incidents.previous must be a number" in result.stderr
    assert "unknown field 'targte'" in result.stderr and "did you mean" in result.stderr


def test_a_broken_plan_file_is_an_input_error(write):
    plan = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    plan["targets"][0]["attribute"] = "非约束性"
    plan["targets"][1]["indicator"] = "green_buildings"
    path = write("broken-plan.yaml", yaml.safe_dump(plan, allow_unicode=True))
    with pytest.raises(Exception) as err:
        find_plan(str(path), library=LIB)
    text = str(err.value)
    assert "attribute '非约束性' is not one of the plan's words" in text
    assert "no indicator 'green_buildings'" in text and "green_building_share" in text


def test_a_cell_read_as_two_goals_says_which_part_each_row_checks():
    # 喀左 表1 "不降低且达到考核要求" (000:194) is a trend goal and a superior-target goal.
    out = run_cli("progress", str(ROOT / "data" / "kazuo-2022.yaml"), "--plan", "kazuo-2030").stdout
    rows = [l for l in out.splitlines() if "水质达到或优于Ⅲ类比例提高幅度" in l and " 2022 " in l]
    assert len(rows) == 2
    # the part first, so that where the column wraps the printed words it never breaks the label
    assert "[趋势] 不降低" in rows[0] and "[上级目标] 不降低" in rows[1]
    md = run_cli("progress", str(ROOT / "data" / "kazuo-2022.yaml"), "--plan", "kazuo-2030", "-f", "markdown").stdout
    assert "| [趋势] 不降低且达到考核要求 |" in md and "| [上级目标] 不降低且达到考核要求 |" in md
    single = next(l for l in out.splitlines() if l.startswith("河长制") and " 2022 " in l)
    assert "[" not in single.split("2022", 1)[1].split("000:")[0]  # one goal per cell: no part label
