"""Cells as the standard's tables print them (issue 15 §2): every cell text the issue quotes.

Each row is one cell pasted into one indicator and what ecocheck must make of it: the value
read, the verdict, whether it is a declaration, and whether it is a problem (the indicator is
then 缺数据 and the file exits 2) or a warning.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import submission
from ecocheck.engine.evaluate import evaluate
from ecocheck.library.loader import load_library
from ecocheck.library.model import NO_CELLS
from ecocheck.submission import cells
from ecocheck.submission.cells import CellWords
from ecocheck.submission.reader import parse_submission_text

LIB = load_library()


def read(indicators: dict, *, strict: bool = False, **kw):
    sub = parse_submission_text(submission(indicators, **kw), LIB, file="pasted.yaml", strict=strict)
    return sub, evaluate(sub, LIB.get(sub.edition))


def result(rep, rid: str):
    ind, _, item = rid.partition(".")
    found = next(r for r in rep.results if r.id == ind)
    return next(i for i in found.items if i.id == item) if item else found


# ── no data: 缺数据, no problem ────────────────────────────────────────────────────────────
@pytest.mark.parametrize("cell", ["", " ", "—", "–", "-", "/", "／", "无", "暂无", "N/A", "未统计"])
def test_no_data_words_leave_the_indicator_without_a_value(cell):
    sub, rep = read({"城镇污水处理率": cell})
    r = result(rep, "urban_sewage_treatment")
    assert (r.status, r.value, sub.problems) == ("missing", None, [])


# ── numbers with their unit, minus signs ───────────────────────────────────────────────────
@pytest.mark.parametrize("name, cell, value, level", [
    ("城镇污水处理率", "90%", 90, "county"),
    ("城镇污水处理率", "90％", 90, "county"),
    ("城镇污水处理率", "９０ ％", 90, "county"),
    ("PM2.5浓度下降幅度", "39 μg/m3", 39, "county"),
    ("PM2.5浓度下降幅度", "39μg/m³", 39, "county"),
    ("PM2.5浓度下降幅度", "39 ug/m3", 39, "county"),
    ("单位地区生产总值能耗", "0.699吨标煤/万元", Decimal("0.699"), "county"),
    ("单位地区生产总值能耗", "0.699 tce/万元", Decimal("0.699"), "county"),
    ("单位地区生产总值用水量", "53.60 m³/万元", Decimal("53.60"), "county"),
    ("单位地区生产总值用水量", "53.60立方米/万元", Decimal("53.60"), "county"),
    ("碳排放强度", "1.2吨/万元", Decimal("1.2"), "city"),
    ("城镇人均公园绿地面积", "16.5平方米/人", Decimal("16.5"), "city"),
])
def test_a_number_in_the_indicators_own_unit_is_that_number(name, cell, value, level):
    sub, rep = read({name: cell}, level=level)
    assert sub.problems == []
    entry = next(e for e in [*sub.entries.values(), *(i for e in sub.entries.values() for i in e.items.values())]
                 if e.raw == cell)
    assert entry.value == value


def test_a_number_in_another_unit_is_a_problem_naming_both_units():
    sub, rep = read({"城镇污水处理率": "39 μg/m3"})
    (p,) = sub.problems
    assert p.code == "unit" and "μg/m³" in p.message_in("en") and "%" in p.message_in("en") and p.indicator == "urban_sewage_treatment"
    r = result(rep, "urban_sewage_treatment")
    assert r.status == "missing" and "39 μg/m3" in r.reason_in("en") and "could not be read" in r.reason_in("en")


@pytest.mark.parametrize("cell", ["−0.45", "－0.45", "-0.45"])
def test_unicode_and_full_width_minus_signs_are_minus(cell):
    sub, _ = read({"一般工业固体废物综合利用率提高幅度": {"value": 50, "delta": cell}})
    assert sub.entries["industrial_solid_waste_utilisation_increase"].delta == Decimal("-0.45")


# ── notes in brackets ──────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("name, cell, value, note", [
    ("林草覆盖率", "58.39（国土三调）", Decimal("58.39"), "国土三调"),
    ("一般工业固体废物综合利用率提高幅度", "45.01(一般工业固废利用处置率75.91%)", Decimal("45.01"),
     "一般工业固废利用处置率75.91%"),
])
def test_a_bracket_note_is_kept_as_the_values_note(name, cell, value, note):
    sub, rep = read({name: cell})
    (entry,) = sub.entries.values()
    assert (entry.value, entry.note, sub.problems) == (value, note, [])
    assert next(r for r in rep.results if r.note).note == note  # shown in the report


# ── changes in words: the sign from the word and from what the indicator measures ─────────
@pytest.mark.parametrize("name, cell, field, value", [
    ("单位国内生产总值建设用地使用面积下降率", "增加13.66%", "value", Decimal("-13.66")),  # a 下降率: 增加 is −
    ("单位国内生产总值建设用地使用面积下降率", "下降3.82%", "value", Decimal("3.82")),
    ("单位国内生产总值建设用地使用面积下降率", "同比下降3％", "value", Decimal("3")),
    ("单位国内生产总值建设用地使用面积下降率", "下降比例10%", "value", Decimal("10")),
    ("一般工业固体废物综合利用率提高幅度", "提高2个百分点", "delta", Decimal("2")),   # a rate: the change
    ("单位地区生产总值能耗", "同比下降3％", "delta", Decimal("-3")),
])
def test_a_change_in_words_is_the_signed_change(name, cell, field, value):
    sub, _ = read({name: cell})
    (entry,) = sub.entries.values()
    assert getattr(entry, field) == value and sub.problems == []


def test_a_decline_rate_given_as_an_increase_fails():
    _, rep = read({"单位国内生产总值建设用地使用面积下降率": "增加13.66%"})
    assert result(rep, "construction_land_per_gdp_decline").status == "fail"


# ── words that stand for a value ───────────────────────────────────────────────────────────
def test_eliminated_is_100_percent_eliminated_and_a_zero_share_worse_than_class_v():
    sub, rep = read({"水环境质量": {"黑臭水体消除比例": "已消除", "劣V类水体比例下降幅度": "已消除"}})
    items = sub.entries["water_quality"].items
    assert items["black_odorous_water_elimination"].value == 100
    assert items["water_worse_than_v_ratio"].value == 0


@pytest.mark.parametrize("cell", ["无特有性指示性水生物种", "不涉及", "不适用"])
def test_a_sub_item_the_region_does_not_have_is_declared_not_applicable(cell):
    _, rep = read({"生物多样性保护": {"特有性或指示性水生物种保持率": cell}})
    r = result(rep, "biodiversity_protection.indicator_aquatic_species_retention")
    assert (r.status, r.declared) == ("not_applicable", True) and cell in r.note


def test_a_binding_indicator_cannot_be_declared_not_applicable():
    sub, rep = read({"城镇污水处理率": "不涉及"})
    assert [p.code for p in sub.problems] == ["value-type"]
    assert result(rep, "urban_sewage_treatment").status == "missing"


# ── words that restate the requirement: a declaration, with a warning ──────────────────────
@pytest.mark.parametrize("name, cell", [
    ("城镇污水处理率", "达标"),
    ("生物多样性保护.特有性或指示性水生物种保持率", "不降低"),
    ("单位地区生产总值能耗", "保持稳定"),
    ("单位地区生产总值能耗", "持续改善"),
    ("化肥农药减量化.主要农作物化肥亩均施用量", "减少"),
    ("农村无害化卫生厕所普及率", "完成上级规定的目标任务"),
    ("农村无害化卫生厕所普及率", "完成市下达目标"),
    ("单位地区生产总值用水量", "完成上级规定的目标任务；保持稳定或持续改善"),
    ("自然生态空间", "面积不减少，性质不改变，功能不降低"),
])
def test_a_cell_restating_the_requirement_is_a_declaration(name, cell):
    ind, _, item = name.partition(".")
    sub, rep = read({ind: {item: cell}} if item else {ind: cell})
    assert sub.problems == []
    found = [r for r in rep.results if r.status != "not_applicable" and (r.entry is not None)]
    (r,) = [x for r in found for x in ([r] if not item else [i for i in r.items if i.name == item])]
    assert r.status == "pass"
    if ind != "自然生态空间":  # there the words are the standard's own state words: decided, not declared
        assert r.declared and cell in r.note
        assert any(w.code == "declared" for w in sub.warnings)


def test_a_cell_stating_part_of_a_compound_requirement_declares_that_part_only():
    _, rep = read({"单位地区生产总值用水量": "完成"})
    r = result(rep, "water_intensity")
    assert r.status == "missing" and r.note == "完成"
    assert r.reason.startswith("保持稳定或持续改善：") and "完成上级规定的目标任务" not in r.reason


@pytest.mark.parametrize("name, cell", [
    ("生态文明建设工作占党政实绩考核的比例", "尚未有考评生态文明方面的相关细则"),
    ("生态文明建设工作占党政实绩考核的比例", "否"),
    ("依法开展规划环境影响评价", "未开展"),
    ("建设用地土壤污染风险管控和修复名录制度", "未建立"),
    ("生态文明建设规划", "正在制定"),
])
def test_a_negative_statement_is_not_met(name, cell):
    sub, rep = read({name: cell})
    r = next(r for r in rep.results if r.name == name)
    assert r.status == "fail" and sub.problems == []


# ── echoed thresholds ──────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("cell, status", [("≥20", "pass"), ("20%以上", "pass"), ("＞20％", "pass"), ("≥15%", "fail")])
def test_an_echoed_bound_in_a_plan_is_the_plans_target(cell, status):
    sub, rep = read({"生态文明建设工作占党政实绩考核的比例": cell}, year=2030, basis="plan")
    r = result(rep, "performance_assessment_share")
    assert (r.status, r.declared, sub.problems) == (status, False, [])


@pytest.mark.parametrize("cell", ["≥95%", "95%以上", "＞95％"])
def test_an_echoed_bound_in_measured_data_is_a_declaration_with_a_warning(cell):
    sub, rep = read({"生物多样性保护": {"国家重点保护野生动植物保护率": cell}})
    r = result(rep, "biodiversity_protection.key_species_protection_rate")
    assert (r.status, r.declared) == ("pass", True)
    assert any("repeats the requirement" in w.message_in("en") for w in sub.warnings)


def test_an_echoed_bound_below_the_requirement_is_a_problem():
    sub, rep = read({"生物多样性保护": {"国家重点保护野生动植物保护率": "≥90%"}})
    assert [p.code for p in sub.problems] == ["threshold-echo"]
    assert result(rep, "biodiversity_protection.key_species_protection_rate").status == "missing"


# ── one merged cell for a composite ────────────────────────────────────────────────────────
@pytest.mark.parametrize("name, cell, status", [
    ("生活废弃物综合利用", "实施", "pass"),
    ("环境空气质量", "完成上级规定的考核任务；保持稳定或持续改善", "pass"),
    ("水环境质量", "完成上级规定的考核任务；保持稳定或持续改善", "pass"),
    ("水环境质量", "保持稳定", "missing"),  # 2019 asks 完成上级规定的考核任务 too: half a requirement
    ("自然生态空间", "面积不减少，性质不改变，功能不降低", "pass"),
])
def test_one_value_for_a_composite_applies_to_every_sub_item(name, cell, status):
    sub, rep = read({name: cell}, edition="2019", profile={"terrain": "干旱半干旱地区"})
    r = next(r for r in rep.results if r.name == name)
    assert sub.problems == [] and r.status == status and all(i.status == status for i in r.items)


# ── the documents' own names ───────────────────────────────────────────────────────────────
@pytest.mark.parametrize("name, rid", [
    ("细颗粒物浓度下降幅度", "air_quality.pm25_reduction"),
    ("地表水水质优良（达到或优于Ⅲ类）比例", "water_quality.water_class_iii_ratio"),
    ("优良天数比例", "air_quality.good_air_days_ratio"),
    ("黑臭水体消除比例", "water_quality.black_odorous_water_elimination"),
])
def test_the_documents_names_and_a_sub_items_name_at_the_top_level(name, rid):
    sub, rep = read({name: "达标"})
    assert sub.problems == []
    assert result(rep, rid).declared


def test_forest_coverage_is_not_forest_and_grass_coverage():
    sub, rep = read({"森林覆盖率": 41.35})
    (p,) = sub.problems
    assert p.code == "unknown-indicator" and "林草覆盖率" in p.message_in("en") and "森林覆盖率不等于林草覆盖率" in p.message_in("en")
    assert result(rep, "forest_grass_coverage").status == "missing"


# ── Excel fractions ────────────────────────────────────────────────────────────────────────
def test_a_fraction_for_a_percent_share_is_warned_beside_the_verdict():
    sub, rep = read({"城镇污水处理率": 0.95})
    r = result(rep, "urban_sewage_treatment")
    assert r.status == "fail" and "did you mean 95%" in r.reason_in("en")
    assert [w.code for w in sub.warnings] == ["fraction"]


# ── §1: a bad cell never loses the report ──────────────────────────────────────────────────
def test_a_bad_cell_is_missing_with_its_text_and_the_rest_is_evaluated():
    sub, rep = read({"城镇污水处理率": "基本完成", "河长制": "全面实施", "不存在的指标": 1})
    assert {p.code for p in sub.problems} == {"value-type", "unknown-indicator"}
    assert next(p for p in sub.problems if p.code == "value-type").indicator == "urban_sewage_treatment"
    assert result(rep, "urban_sewage_treatment").status == "missing"
    assert "基本完成" in result(rep, "urban_sewage_treatment").reason
    assert result(rep, "river_chief_system").status == "pass"
    assert rep.as_dict()["problems"][0].keys() >= {"line", "column", "code", "message", "hint"}


def test_strict_refuses_the_same_file():
    from ecocheck.base.errors import InputError

    with pytest.raises(InputError):
        read({"城镇污水处理率": "基本完成"}, strict=True)


# ── §3: verdicts that spellings turned wrong ───────────────────────────────────────────────
@pytest.mark.parametrize("cell, status", [("-0.45", "pass"), ("−0.45", "pass"), (-1, "pass"), ("−1.2", "fail"),
                                          ({"value": "-0.45", "source": "表2 第10行 第8列"}, "pass")])
def test_a_plain_number_for_the_revised_eqi_is_the_change(cell, status):
    # before: -0.45 was read as the index itself, 缺数据 (and with --history "△EQI=-62.55 未达标")
    sub, rep = read({"生态环境状况指数": cell})
    r = result(rep, "eco_environment_index")
    assert r.status == status and r.delta is not None and sub.problems == []


@pytest.mark.parametrize("given", [62.5, "-12"])
def test_a_change_of_eqi_beyond_ten_is_refused_as_an_index_level(given):
    sub, rep = read({"生态环境状况指数": given})
    (p,) = sub.problems
    assert p.code == "value-range" and "looks like the index" in p.message_in("en") and "previous" in p.hint_in("en")
    assert result(rep, "eco_environment_index").status == "missing"


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_an_eqi_level_outside_0_to_100_is_a_problem(edition):
    sub, _ = read({"生态环境状况指数": {"value": 120, "previous": 61}}, edition=edition,
                  profile={"terrain": "平原地区"} if edition == "2021" else {"climate": "干旱半干旱地区"})
    assert [p.code for p in sub.problems] == ["value-range"]


@pytest.mark.parametrize("given, status", [
    ({"value": "8.5%", "target": 5}, "pass"),          # an 8.5% decrease against a required 5%
    ({"value": 8.5, "target": 5}, "pass"),             # a plain number is the decrease too
    ({"value": "3%", "target": 5}, "fail"),
    ({"value": "-2%", "target": 0}, "fail"),           # concentration rose: worsened
    ({"value": "39 μg/m3", "previous": 41, "target": 40}, "pass"),   # a concentration: lower is better
    ({"value": "39 μg/m3", "previous": 38, "target": 40}, "fail"),   # concentration rose
])
def test_pm25_decline_is_a_decrease_unless_given_as_a_concentration(given, status):
    # before: 8.5 (a decline) was read as a concentration, "misses target ≤5；worsened"
    _, rep = read({"环境空气质量": {"PM2.5浓度下降幅度": given}})
    assert result(rep, "air_quality.pm25_reduction").status == status


@pytest.mark.parametrize("items", [
    {"水质达到或优于Ⅲ类比例提高幅度": 100, "劣V类水体比例下降幅度": "已消除", "黑臭水体消除比例": "已消除"},
    # the share itself at 0 (under 劣V类水体比例下降幅度 a plain 0 is a fall of 0: test_reasons)
    {"水质达到或优于Ⅲ类比例提高幅度": "100%", "劣V类水体比例": 0, "黑臭水体消除比例": 100},
])
def test_values_at_the_best_bound_meet_any_trend_and_any_assigned_target(items):
    # before: 缺数据 for want of last year's value and the assigned target (喀左 2019, 000:187–190)
    _, rep = read({"水环境质量": items}, edition="2019", profile={"terrain": "干旱半干旱地区"})
    water = result(rep, "water_quality")
    assert water.status == "pass" and not water.declared
    assert all("best possible value" in i.reason_in("en") for i in water.items)


def test_a_value_short_of_the_best_bound_still_needs_last_years():
    _, rep = read({"水环境质量": {"黑臭水体消除比例": 99}}, edition="2019", profile={"terrain": "干旱半干旱地区"})
    assert result(rep, "water_quality.black_odorous_water_elimination").status == "missing"


@pytest.mark.parametrize("cell, way", [
    ("不降低", "up"), ("稳中有升", "up"), ("减少", "down"), ("持续下降", "down"),
    ("保持稳定", ""), ("持续改善", ""), ("保持稳定或持续改善", ""),
    ("不降低且持续改善", "up"), ("不降低且减少", "both"), ("完成上级规定的目标任务且减少", "down"),
])
def test_trend_words_say_which_way_the_value_went(cell, way):
    """rules `cells.trend_ways`: 不降低 says not below last year's, 减少 not above, 保持稳定 no worse."""
    words = CellWords(LIB.editions["2019"].cells)
    reading = words.read(cell, NO_CELLS)
    assert (reading.kind, reading.way) == (cells.RESTATED, way)
