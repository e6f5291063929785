"""Reasons that said the wrong thing: each case failed before its fix (the verdict and the reason
a reviewer reads must agree with what the submission gives)."""

from __future__ import annotations

import pytest

from conftest import submission
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library

LIB = load_library()


def evaluate(write, indicators: dict, **kw):
    return check_file(str(write("s.yaml", submission(indicators, **kw))), LIB).report


def result(report, rid: str):
    return next(r for r in report.results if r.id == rid)


def item(parent, rid: str):
    return next(i for i in parent.items if i.id == rid)


@pytest.mark.parametrize("entry", [{"previous": 80}, {"target": 3}, {"previous": 80, "target": 3}])
def test_no_value_of_this_year_says_so_not_last_years(write, entry):
    report = evaluate(write, {"单位地区生产总值能耗": entry})
    energy = result(report, "energy_intensity")
    assert energy.status == "missing"
    assert energy.reason == "缺本年数值"
    assert energy.outcome.render("en") == "this year's value not given (value)"


def test_a_value_without_last_years_still_asks_for_last_years(write):
    energy = result(evaluate(write, {"单位地区生产总值能耗": 0.5}), "energy_intensity")
    assert (energy.status, energy.reason) == ("missing", "缺上年数值")


@pytest.mark.parametrize("level,profile,zh,en", [
    ("county", {"terrain": "平原地区"}, "仅适用于沿海的市", "coastal cities only"),
    ("city", {"terrain": "平原地区", "city_size": "中小城市"}, "仅适用于沿海地区", "coastal regions only"),
])
def test_an_inland_region_is_told_the_coastal_row_is_for_the_coast(write, level, profile, zh, en):
    coastal = result(evaluate(write, {}, level=level, profile=profile), "coastal_water_quality")
    assert coastal.status == "not_applicable"
    assert coastal.reason == zh
    assert coastal.outcome.render("en") == en


def test_a_coastal_county_is_told_the_row_is_for_cities(write):
    coastal = result(evaluate(write, {}, profile={"terrain": "平原地区", "coastal": True}), "coastal_water_quality")
    assert (coastal.status, coastal.reason) == ("not_applicable", "仅适用于市级")


def test_a_declared_composite_declares_its_sub_items_too(write):
    water = result(evaluate(write, {"水环境质量": {"met": True, "note": "见考核通报"}}), "water_quality")
    assert (water.status, water.declared, water.reason) == ("pass", True, "申报达标：见考核通报")
    for sub in water.items:  # never 缺数据 under a 达标（申报） parent
        assert (sub.status, sub.declared) == ("pass", True)
        assert sub.reason == "申报达标：见考核通报（按整项指标申报）"


def test_a_declaration_does_not_hide_the_measured_sub_items(write):
    air = result(evaluate(write, {"环境空气质量": {
        "met": True, "优良天数比例": {"value": 90, "previous": 88, "target": 85}}}), "air_quality")
    good_days, pm25 = item(air, "good_air_days_ratio"), item(air, "pm25_reduction")
    assert (good_days.status, good_days.declared) == ("pass", False)
    assert "完成目标" in good_days.reason
    assert (pm25.status, pm25.declared) == ("pass", True)
    assert (air.status, air.declared) == ("pass", True)
    assert air.reason == "PM2.5浓度下降幅度：申报达标（按整项指标申报）"


def test_a_measured_failure_under_a_declared_composite_still_fails(write):
    air = result(evaluate(write, {"环境空气质量": {
        "met": True, "优良天数比例": {"value": 80, "previous": 88, "target": 85}}}), "air_quality")
    assert air.status == "fail"
    assert item(air, "good_air_days_ratio").status == "fail"


def test_a_declared_not_met_composite_fails_its_undecided_sub_items(write):
    water = result(evaluate(write, {"水环境质量": {"met": False}}), "water_quality")
    assert (water.status, water.declared) == ("fail", True)
    assert all((sub.status, sub.declared) == ("fail", True) for sub in water.items)


def test_words_of_one_band_say_which_band_they_meet_and_what_the_other_asks(write):
    """通榆 附表2 (001:931) prints 保持稳定 for 一般工业固体废物综合利用率提高幅度: that is the
    requirement of the ＞60% band only; without the rate the band, and so the verdict, is unknown."""
    waste = result(evaluate(write, {"一般工业固体废物综合利用率提高幅度": "保持稳定"}),
                   "industrial_solid_waste_utilisation_increase")
    assert (waste.status, waste.declared) == ("missing", False)
    assert waste.reason == ("“保持稳定”只满足综合利用率＞60%的地区的要求；另有综合利用率≤60%的地区：提高幅度≥2，"
                            "未提供现状值，无法确定适用档次")
    assert waste.outcome.render("en").startswith("“保持稳定” restates only the requirement of 综合利用率＞60%的地区; "
                                                 "otherwise 综合利用率≤60%的地区: ")


def test_a_rate_beside_one_bands_words_decides(write):
    waste = result(evaluate(write, {"一般工业固体废物综合利用率提高幅度": {"value": 75.91, "previous": 75.0}}),
                   "industrial_solid_waste_utilisation_increase")
    assert waste.status == "pass"


@pytest.mark.parametrize("name, rid, cell", [
    ("生态环境状况指数", "eco_environment_index", "不降低"),  # 喀左 表1 2022 target (000:209), requirement ≥35 (000:207)
    ("林草覆盖率", "forest_grass_coverage", "保持稳定"),
])
def test_a_word_about_last_year_does_not_state_a_levels_bound(write, name, rid, cell):
    """不降低 for “≥35” says nothing about 35: 缺数据 with the words beside it, never 达标（申报）."""
    row = result(evaluate(write, {name: cell}, edition="2019", year=2022, profile={"terrain": "干旱半干旱地区"}), rid)
    assert (row.status, row.declared) == ("missing", False)
    assert row.reason == f"未提供数值（“{cell}”不能说明是否满足“≥35（干旱半干旱地区）”）"


@pytest.mark.parametrize("cell, status, declared", [("保持稳定", "pass", True), ("不降低", "pass", True)])
def test_a_stable_change_meets_a_change_bound_below_zero(write, cell, status, declared):
    eqi = result(evaluate(write, {"生态环境状况指数": cell}), "eco_environment_index")  # 修订版 △EQI≥-1
    assert (eqi.status, eqi.declared) == (status, declared)


# 不降低 of a level's bound with last year's value: "no worse than last year" meets the bound when last
# year's value met it (the missing value cannot change the verdict), and is still 缺数据 otherwise.
ARID = {"terrain": "干旱半干旱地区", "climate": "干旱半干旱地区"}


@pytest.mark.parametrize("name, rid, cell, previous, profile, status, reason", [
    # 喀左 2022 target “不降低” (000:209) over its 2019 EQI 68.28 (000:208), requirement ≥35 (000:207)
    ("生态环境状况指数", "eco_environment_index", "不降低", 68.28, ARID, "pass",
     "申报达标：“不降低”，上年 68.28 已满足“≥35（干旱半干旱地区）”"),
    ("生态环境状况指数", "eco_environment_index", "不降低", 35, ARID, "pass",  # on the bound
     "申报达标：“不降低”，上年 35 已满足“≥35（干旱半干旱地区）”"),
    ("生态环境状况指数", "eco_environment_index", "不降低", 34.99, ARID, "missing",  # just below: may have risen
     "“不降低”不能说明是否满足“≥35（干旱半干旱地区）”：上年 34.99 未满足，须填写本年数值"),
    ("林草覆盖率", "forest_grass_coverage", "保持稳定", 70, {}, "pass",  # passes whatever the terrain
     "申报达标：“保持稳定”，上年 70 已满足“山区 ≥60；丘陵地区 ≥40；平原地区 ≥18；干旱半干旱地区 ≥35；青藏高原地区 ≥70”"),
    ("林草覆盖率", "forest_grass_coverage", "持续改善", 65, {}, "missing",  # the terrain decides
     "“持续改善”，上年 65：未注明地区类型，结论取决于它：65 在山区、丘陵地区、平原地区、干旱半干旱地区达标，在青藏高原地区未达标"),
    ("林草覆盖率", "forest_grass_coverage", "不降低且持续改善", 36, ARID, "pass",
     "申报达标：“不降低且持续改善”，上年 36 已满足“≥35（干旱半干旱地区）”"),
])
def test_no_worse_than_a_last_year_that_met_the_bound_meets_it(write, name, rid, cell, previous, profile, status,
                                                                reason):
    row = result(evaluate(write, {name: {"value": cell, "previous": previous}}, edition="2019", profile=profile), rid)
    assert (row.status, row.declared, row.reason) == (status, status == "pass", reason)


@pytest.mark.parametrize("cell", ["减少", "持续下降", "不降低且减少"])
def test_words_that_go_down_or_both_ways_never_meet_a_higher_bound(write, cell):
    """减少 of 林草覆盖率 (higher is better) says the value fell: last year's 80 decides nothing."""
    row = result(evaluate(write, {"林草覆盖率": {"value": cell, "previous": 80}}, edition="2019", profile=ARID),
                 "forest_grass_coverage")
    assert (row.status, row.declared) == ("missing", False)
    assert "上年" not in row.reason


def test_no_worse_uses_last_years_value_from_the_previous_file(write):
    write("y2019.yaml", submission({"生态环境状况指数": 68.28, "林草覆盖率": 30}, edition="2019", year=2019,
                                   profile=ARID))
    report = check_file(str(write("y2022.yaml", submission(
        {"生态环境状况指数": "不降低", "林草覆盖率": "不降低"}, edition="2019", year=2022, profile=ARID,
        previous="y2019.yaml"))), LIB).report
    assert result(report, "eco_environment_index").status == "pass"
    forest = result(report, "forest_grass_coverage")
    assert (forest.status, forest.reason) == ("missing", "“不降低”不能说明是否满足“≥35（干旱半干旱地区）”：上年 30 未满足，须填写本年数值")


def test_no_worse_in_english(write):
    row = result(evaluate(write, {"生态环境状况指数": {"value": "不降低", "previous": 68.28}}, edition="2019",
                          profile=ARID), "eco_environment_index")
    assert row.outcome.render("en") == "declared met: “不降低”, and last year's 68.28 already meets “≥35 (干旱半干旱地区)”"


@pytest.mark.parametrize("name, rid, cell, status", [
    # 不降低 of 能耗 (lower is better) is not its trend: only the assigned target is restated
    ("单位地区生产总值能耗", "energy_intensity", "完成上级规定的目标任务且不降低", "missing"),
    ("单位地区生产总值用水量", "water_intensity", "完成上级规定的目标任务且减少", "pass"),
])
def test_a_trend_word_going_the_wrong_way_restates_no_trend(write, name, rid, cell, status):
    row = result(evaluate(write, {name: cell}, edition="2019"), rid)
    assert row.status == status


@pytest.mark.parametrize("cell", [0, "0", "0%", {"decline": 0}])
def test_a_fall_of_zero_is_no_change_not_a_share_at_its_best(write, cell):
    """劣V类水体比例下降幅度 0 is a share that did not fall, not a share of 0 (已消除): the assigned
    target stays unknown (it was met as "0 已是最优值", a wrong 达标)."""
    water = result(evaluate(write, {"水环境质量": {"劣V类水体比例下降幅度": cell}}, edition="2019"), "water_quality")
    worse_than_v = item(water, "water_worse_than_v_ratio")
    assert worse_than_v.status == "missing"
    assert "最优值" not in worse_than_v.reason


def test_eliminated_class_v_water_is_still_a_share_at_its_best(write):
    water = result(evaluate(write, {"水环境质量": {"劣V类水体比例下降幅度": "已消除"}}, edition="2019"), "water_quality")
    assert item(water, "water_worse_than_v_ratio").status == "pass"
