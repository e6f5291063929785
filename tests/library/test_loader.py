"""The rule library itself: schema, counts, numbering, ids, attributes, sources, and broken files.

The expected county tables below are typed by hand from the seeds:
  2019: ../shared/seeds/000_33215831ab566a8b.txt 表1 (喀左县; its 序号 is the county table's own)
  2021: ../shared/seeds/001_5bf55d846e1f2bc3.txt 附表2 (通榆县; 序号 then the standard's 指标序号)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from ecocheck.base.errors import InputError
from ecocheck.base.entries import Profile
from ecocheck.library import loader
from ecocheck.library.loader import default_rules_dir, load_library, load_rule_file, rule_files
from ecocheck.schemas import validator

LIB = load_library()
RULES = ROOT / "rules"
SEEDS = ROOT.parent / "shared" / "seeds"
SEED19, SEED21 = "000_33215831ab566a8b.txt", "001_5bf55d846e1f2bc3.txt"
B, R = "约束性", "参考性"

# (序号 in the seed table, official number, name, unit, attribute, 领域, 任务 marker)
# 2019: 喀左 表1 lists the 32 county indicators with the county table's own 序号; the official
# numbers (of 40) are the rule library's and are not printed in the seed.
COUNTY_2019 = [
    (1, 1, "生态文明建设规划", "-", B, "生态制度", "（一）"),
    (2, 2, "党委政府对生态文明建设重大目标任务部署情况", "-", B, "生态制度", "（一）"),
    (3, 3, "生态文明建设工作占党政实绩考核的比例", "%", B, "生态制度", "（一）"),
    (4, 4, "河长制", "-", B, "生态制度", "（一）"),
    (5, 5, "生态环境信息公开率", "%", B, "生态制度", "（一）"),
    (6, 6, "依法开展规划环境影响评价", "-", R, "生态制度", "（一）"),
    (7, 7, "环境空气质量", "%", B, "生态安全", "（二）"),
    (8, 8, "水环境质量", "%", B, "生态安全", "（二）"),
    (9, 10, "生态环境状况指数", "%", B, "生态安全", "（三）"),
    (10, 11, "林草覆盖率", "%", R, "生态安全", "（三）"),
    (11, 12, "生物多样性保护", "-", R, "生态安全", "（三）"),
    (12, 14, "危险废物利用处置率", "%", B, "生态安全", "（四）"),
    (13, 15, "建设用地土壤污染风险管控和修复名录制度", "-", R, "生态安全", "（四）"),
    (14, 16, "突发生态环境事件应急管理机制", "-", B, "生态安全", "（四）"),
    (15, 17, "自然生态空间", "-", B, "生态空间", "（五）"),
    (16, 19, "河湖岸线保护率", "%", R, "生态空间", "（五）"),
    (17, 20, "单位地区生产总值能耗", "吨标准煤/万元", B, "生态经济", "（六）"),
    (18, 21, "单位地区生产总值用水量", "立方米/万元", B, "生态经济", "（六）"),
    (19, 22, "单位国内生产总值建设用地使用面积下降率", "%", R, "生态经济", "（六）"),
    (20, 25, "农业废弃物综合利用率", "%", R, "生态经济", "（七）"),
    (21, 26, "一般工业固体废物综合利用率", "%", R, "生态经济", "（七）"),
    (22, 27, "集中式饮用水水源地水质优良比例", "%", B, "生态生活", "（八）"),
    (23, 28, "村镇饮用水卫生合格率", "%", B, "生态生活", "（八）"),
    (24, 29, "城镇污水处理率", "%", B, "生态生活", "（八）"),
    (25, 30, "城镇生活垃圾无害化处理率", "%", B, "生态生活", "（八）"),
    (26, 32, "农村无害化卫生厕所普及率", "%", B, "生态生活", "（八）"),
    (27, 33, "城镇新建绿色建筑比例", "%", R, "生态生活", "（九）"),
    (28, 35, "生活废弃物综合利用", "-", R, "生态生活", "（九）"),
    (29, 37, "政府绿色采购比例", "%", B, "生态生活", "（九）"),
    (30, 38, "党政领导干部参加生态文明培训的人数比例", "%", R, "生态文化", "（十）"),
    (31, 39, "公众对生态文明建设的满意度", "%", R, "生态文化", "（十）"),
    (32, 40, "公众对生态文明建设的参与度", "%", R, "生态文化", "（十）"),
]

# 2021: 通榆 附表2 prints the plan's 序号 and the standard's 指标序号 (of 43). It has no unit
# column; the units are the 2019 table's for the same indicators.
COUNTY_2021 = [
    (1, 1, "生态文明建设规划", "-", B, "生态制度", "（一）"),
    (2, 2, "党委政府对生态文明建设重大目标任务部署情况", "-", B, "生态制度", "（一）"),
    (3, 3, "生态文明建设工作占党政实绩考核的比例", "%", B, "生态制度", "（一）"),
    (4, 4, "河长制", "-", B, "生态制度", "（一）"),
    (5, 5, "生态环境信息公开率", "%", B, "生态制度", "（一）"),
    (6, 6, "依法开展规划环境影响评价", "-", R, "生态制度", "（一）"),
    (7, 7, "环境空气质量", "%", B, "生态安全", "（二）"),
    (8, 8, "水环境质量", "%", B, "生态安全", "（二）"),
    (9, 10, "生态环境状况指数", "-", B, "生态安全", "（三）"),  # △EQI: an index change, no unit
    (10, 11, "林草覆盖率", "%", R, "生态安全", "（三）"),
    (11, 12, "生物多样性保护", "-", R, "生态安全", "（三）"),
    (12, 14, "危险废物利用处置率", "%", B, "生态安全", "（四）"),
    (13, 15, "建设用地土壤污染风险管控和修复名录制度", "-", R, "生态安全", "（四）"),
    (14, 16, "突发生态环境事件应急管理机制", "-", B, "生态安全", "（四）"),
    (15, 17, "自然生态空间", "-", B, "生态空间", "（五）"),
    (16, 19, "河湖岸线保护率", "%", R, "生态空间", "（五）"),
    (17, 20, "单位地区生产总值能耗", "吨标准煤/万元", B, "生态经济", "（六）"),
    (18, 21, "单位地区生产总值用水量", "立方米/万元", B, "生态经济", "（六）"),
    (19, 22, "单位国内生产总值建设用地使用面积下降率", "%", R, "生态经济", "（六）"),
    (20, 25, "化肥农药减量化", "-", R, "生态经济", "（六）"),
    (21, 26, "农业废弃物综合利用率", "%", R, "生态经济", "（七）"),
    (22, 27, "一般工业固体废物综合利用率提高幅度", "%", R, "生态经济", "（七）"),
    (23, 28, "集中式饮用水水源地水质优良比例", "%", B, "生态生活", "（八）"),
    (24, 29, "村镇饮用水卫生合格率", "%", B, "生态生活", "（八）"),
    (25, 30, "城镇污水处理率", "%", B, "生态生活", "（八）"),
    (26, 31, "农村生活污水治理率", "%", R, "生态生活", "（八）"),
    (27, 32, "城镇生活垃圾无害化处理率", "%", B, "生态生活", "（八）"),
    (28, 33, "农村生活垃圾无害化处理村占比", "%", R, "生态生活", "（八）"),
    (29, 35, "农村无害化卫生厕所普及率", "%", B, "生态生活", "（八）"),
    (30, 36, "城镇新建绿色建筑比例", "%", R, "生态生活", "（九）"),
    (31, 38, "城镇生活垃圾分类减量化行动", "-", R, "生态生活", "（九）"),
    (32, 40, "政府绿色采购比例", "%", B, "生态生活", "（九）"),
    (33, 41, "党政领导干部参加生态文明培训的人数比例", "%", R, "生态文化", "（十）"),
    (34, 42, "公众对生态文明建设的满意度", "%", R, "生态文化", "（十）"),
    (35, 43, "公众对生态文明建设的参与度", "%", R, "生态文化", "（十）"),
]
COUNTY = {"2019": COUNTY_2019, "2021": COUNTY_2021}
SEED = {"2019": SEED19, "2021": SEED21}

# The indicators the seeds omit (city-only and coastal-only), by official number. 通榆 line 130:
# the revised edition has 6 items for 地级市 only and 2 for 沿海地区 only; 9 (近岸海域) is taken as
# both city-only and coastal (see its rule's verification note).
CITY_ONLY = {"2019": {23, 24, 31, 34, 36}, "2021": {9, 23, 24, 34, 37, 39}}
COASTAL_ONLY = {"2019": {9, 13, 18}, "2021": {9, 13, 18}}
COUNTY_ONLY = {"2019": {25, 28, 32}, "2021": set()}


def raw(edition: str) -> dict:
    return yaml.safe_load((RULES / f"{edition}.yaml").read_text(encoding="utf-8"))


def seed_lines(doc: str) -> list[str]:
    return (SEEDS / doc).read_text(encoding="utf-8").split("\n")


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not beside the repository")


# ── files and schema ───────────────────────────────────────────────────────────────────

def test_the_library_is_the_two_edition_files():
    """Case files (*.cases.yaml) and plans (rules/plans/, plan.schema.json) are not editions."""
    assert [f.name for f in rule_files(RULES)] == ["2019.yaml", "2021.yaml"]
    assert sorted(LIB.editions) == ["2019", "2021"]
    assert LIB.default_id == "2021"
    assert [f.name for f in rule_files(default_rules_dir())] == ["2019.yaml", "2021.yaml"]
    for f in rule_files(default_rules_dir()):  # the shipped copy is the one in rules/
        assert f.read_bytes() == (RULES / f.name).read_bytes()


@pytest.mark.parametrize("file", sorted(p.name for p in RULES.glob("*.yaml") if not p.name.endswith(".cases.yaml")))
def test_rule_file_validates_against_the_shipped_schema(file):
    data = yaml.safe_load((RULES / file).read_text(encoding="utf-8"))
    assert [e.message for e in validator("rules").iter_errors(data)] == []
    edition, _ = load_rule_file(RULES / file)
    assert edition.id == file.removesuffix(".yaml")


@pytest.mark.parametrize("file", sorted(p.name for p in RULES.glob("*.cases.yaml")))
def test_rule_case_files_validate_against_their_schema(file):
    data = yaml.safe_load((RULES / file).read_text(encoding="utf-8"))
    assert [e.message for e in validator("cases").iter_errors(data)] == []


@pytest.mark.parametrize("file", sorted(p.name for p in (RULES / "plans").glob("*.yaml")))
def test_plan_files_are_not_rule_files(file):
    """rules/plans/ holds plan targets (validated against plan.schema.json in test_progress)."""
    data = yaml.safe_load((RULES / "plans" / file).read_text(encoding="utf-8"))
    assert list(validator("rules").iter_errors(data)) != []
    assert list(validator("plan").iter_errors(data)) == []


# ── counts, numbering, ids ─────────────────────────────────────────────────────────────

@pytest.mark.parametrize("edition, total, county", [("2019", 40, 32), ("2021", 43, 35)])
def test_counts_the_seeds_state(edition, total, county):
    ed = LIB.get(edition)
    assert ed.indicator_count == total == len(ed.indicators)
    inland_county = [i for i in ed.indicators if i.applies_to(Profile("county"))[0]]
    assert len(inland_county) == county  # 喀左 "32 项指标" (000:67); 通榆 "35项" (001:130)
    assert [i.name for i in inland_county] == [row[2] for row in COUNTY[edition]]


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_scope_of_the_indicators_the_seeds_omit(edition):
    ed = LIB.get(edition)
    city_only = {i.number for i in ed.indicators if i.levels == ("city",)}
    county_only = {i.number for i in ed.indicators if i.levels == ("county",)}
    coastal_only = {i.number for i in ed.indicators if i.coastal_only}
    assert city_only == CITY_ONLY[edition]
    assert coastal_only == COASTAL_ONLY[edition]
    assert county_only == COUNTY_ONLY[edition]
    county_numbers = {row[1] for row in COUNTY[edition]}
    assert county_numbers | city_only | coastal_only == set(range(1, ed.indicator_count + 1))
    if edition == "2021":  # 通榆 line 130: 扣除只适用地级市示范区的6项和只适用于沿海地区的2项
        assert len(city_only) == 6 and len(coastal_only - city_only) == 2
    counts = {
        "coastal county": Profile("county", coastal=True),
        "inland city": Profile("city"),
        "coastal city": Profile("city", coastal=True),
    }
    got = {k: sum(i.applies_to(p)[0] for i in ed.indicators) for k, p in counts.items()}
    assert got == {"2019": {"coastal county": 35, "inland city": 34, "coastal city": 37},
                   "2021": {"coastal county": 37, "inland city": 40, "coastal city": 43}}[edition]


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_official_numbers_are_unique_and_contiguous(edition):
    numbers = [ind["number"] for ind in raw(edition)["indicators"]]
    assert numbers == list(range(1, len(numbers) + 1))  # in file order too


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_ids_and_names_are_unique_and_ids_ascii(edition):
    ed = LIB.get(edition)
    ids = [i.id for i in ed.indicators]
    assert len(set(ids)) == len(ids)
    names = [n for i in ed.indicators for n in (i.name, *i.aliases)]
    assert len(set(names)) == len(names)
    for ind in ed.indicators:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", ind.id), ind.id
        item_ids = [item.id for item in ind.items]
        assert len(set(item_ids)) == len(item_ids), ind.id
        for item in ind.items:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", item.id), item.id
        item_names = [n for item in ind.items for n in (item.name, *item.aliases)]
        assert len(set(item_names)) == len(item_names), ind.id


def test_an_indicator_keeps_its_id_across_editions():
    """One stable id per indicator: the same official name means the same id in both editions."""
    by_name = {e: {i.name: i.id for i in LIB.get(e).indicators} for e in ("2019", "2021")}
    shared = by_name["2019"].keys() & by_name["2021"].keys()
    assert len(shared) == 38
    assert {n: by_name["2019"][n] for n in shared} == {n: by_name["2021"][n] for n in shared}


# ── attributes, domains, tasks, units, per the seed tables ─────────────────────────────

@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_county_indicators_match_the_seed_table(edition):
    ed = LIB.get(edition)
    for seq, number, name, unit, attribute, domain, task in COUNTY[edition]:
        ind = ed.find(name)
        assert ind is not None, name
        got = (ind.number, ind.name, ind.unit, ind.attribute, ind.domain, ind.task[:3])
        assert got == (number, name, unit, attribute, domain, task), (seq, name)


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_every_indicator_has_domain_attribute_task_and_source(edition):
    for ind in LIB.get(edition).indicators:
        assert ind.domain in ("生态制度", "生态安全", "生态空间", "生态经济", "生态生活", "生态文化")
        assert ind.attribute in (B, R)
        assert re.match(r"（[一二三四五六七八九十]）", ind.task), ind.task
        assert ind.source.doc and ind.requirement and ind.name_en


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_what_the_seeds_omit_is_marked_unverified(edition):
    county_names = {row[2] for row in COUNTY[edition]}
    for ind in LIB.get(edition).indicators:
        if ind.name in county_names:
            assert ind.source.doc == SEED[edition] and ind.source.line, ind.id
            assert ind.verified, ind.id
        else:
            assert ind.source.doc not in (SEED19, SEED21) and ind.source.line is None, ind.id
            assert not ind.verified and ind.verification_note, ind.id


@needs_seeds
@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_source_lines_point_at_the_indicator_in_the_seed(edition):
    """The cited line holds the name; the line above holds its 序号 (2021: 指标序号, and the plan's
    序号 above that); the sub-items' names follow it."""
    lines = seed_lines(SEED[edition])
    table = {row[2]: row for row in COUNTY[edition]}
    for ind in LIB.get(edition).indicators:
        if ind.name not in table:
            continue
        seq, number = table[ind.name][:2]
        at = ind.source.line - 1  # 1-based
        assert lines[at].strip() == ind.name, (ind.id, ind.source.line, lines[at])
        if edition == "2019":
            assert lines[at - 1].strip() == str(seq), ind.id
        else:
            assert (lines[at - 2].strip(), lines[at - 1].strip()) == (str(seq), str(number)), ind.id
        following = "".join(lines[at + 1: at + 1 + len(ind.items)])
        for item in ind.items:
            assert item.name in following, (ind.id, item.name)


@needs_seeds
def test_edition_sources_point_at_the_citation():
    lines19 = seed_lines(SEED19)
    lines21 = seed_lines(SEED21)
    assert "《国家生态文明建设示范市县建设指标》（2019 年）" in lines19[58 - 1]
    assert "《国家生态文明建设示范区建设指标（修订版）》" in lines21[130 - 1]
    assert raw("2019")["edition"]["source"]["line"] == 58
    assert raw("2021")["edition"]["source"]["line"] == 130


# ── criteria: keyed thresholds are complete and their unverified marks name real classes ──

def _criteria(spec: dict):
    yield spec
    for part in spec.get("parts", ()):
        yield from _criteria(part)
    for band in spec.get("bands", ()):
        yield from _criteria(band["criterion"])


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_keyed_thresholds_cover_every_class_and_mark_only_real_classes(edition):
    data = raw(edition)
    classes = data.get("classes", {})
    for ind in data["indicators"]:
        specs = [ind["criterion"]] if "criterion" in ind else [it["criterion"] for it in ind["items"]]
        for spec in (s for top in specs for s in _criteria(top)):
            if spec["kind"] != "threshold" or "by" not in spec:
                continue
            keys = set(spec["values"])
            if spec["by"] == "level":
                assert keys == set(ind["applies"]["levels"]), ind["id"]
            else:
                assert keys == set(classes[spec["by"]]["values"]), ind["id"]
            assert set(spec.get("unverified", ())) <= keys, ind["id"]  # a typo would hide the mark


# ── broken rule files are rejected at load, naming the rule ────────────────────────────

GOOD = """schema_version: 1
edition: {id: demo, title: 示例标准, title_en: Demo standard, issued: "2024", indicator_count: 3}
classes:
  terrain:
    name: 地区类型
    values: {山区: mountainous, 平原地区: plain}
indicators:
  - id: urban_sewage_treatment
    number: 1
    name: 城镇污水处理率
    name_en: Urban sewage treatment rate
    domain: 生态生活
    task: （八）人居环境改善
    unit: "%"
    attribute: 约束性
    applies: {levels: [county, city]}
    requirement: 市 ≥95；县 ≥85
    criterion: {kind: threshold, op: ">=", by: level, values: {city: 95, county: 85}, unit: "%"}
    source: {doc: example}
  - id: river_chief_system
    number: 2
    name: 河长制
    name_en: River chief system
    domain: 生态制度
    task: （一）目标责任体系与制度建设
    unit: "-"
    attribute: 约束性
    applies: {levels: [county, city]}
    requirement: 全面实施
    criterion: {kind: qualitative, accept: [全面实施]}
    source: {doc: example}
  - id: agricultural_waste_utilisation
    number: 3
    name: 农业废弃物综合利用率
    name_en: Comprehensive utilisation rate of agricultural waste
    domain: 生态经济
    task: （七）产业循环发展
    unit: "%"
    attribute: 参考性
    applies: {levels: [county]}
    requirement: 秸秆综合利用率 ≥90
    items:
      - id: straw_utilisation
        name: 秸秆综合利用率
        name_en: Crop straw utilisation rate
        unit: "%"
        requirement: ≥90
        criterion: {kind: threshold, op: ">=", value: 90, unit: "%"}
      - id: agricultural_film_recovery
        name: 农膜回收利用率
        name_en: Agricultural film recovery rate
        unit: "%"
        requirement: ≥80
        criterion: {kind: threshold, op: ">=", value: 80, unit: "%"}
    source: {doc: example}
"""

BROKEN = [
    # (id, replace this, with that, code, text the message must contain, line of the problem)
    ("unknown-criterion-kind", "{kind: qualitative, accept: [全面实施]}", "{kind: fuzzy, accept: [全面实施]}",
     "rule-schema", "rule river_chief_system: 'fuzzy' is not one of", 30),
    ("unknown-criterion-kind-in-a-sub-item", '{kind: threshold, op: ">=", value: 80, unit: "%"}',
     '{kind: percent, op: ">=", value: 80, unit: "%"}', "rule-schema", "rule agricultural_waste_utilisation:", 54),
    ("threshold-without-unit", '{kind: threshold, op: ">=", value: 90, unit: "%"}',
     '{kind: threshold, op: ">=", value: 90}', "rule-schema",
     "rule agricultural_waste_utilisation: 'unit' is a required property", 48),
    ("keyed-threshold-without-unit", 'values: {city: 95, county: 85}, unit: "%"}', "values: {city: 95, county: 85}}",
     "rule-schema", "rule urban_sewage_treatment: 'unit' is a required property", 18),
    ("threshold-without-a-bound", 'op: ">=", value: 90, unit: "%"', 'op: ">=", unit: "%"',
     "rule-schema", "rule agricultural_waste_utilisation:", 48),
    ("duplicate-id", "- id: river_chief_system", "- id: urban_sewage_treatment",
     "rule-duplicate", "rule urban_sewage_treatment: duplicate id", 20),
    ("duplicate-sub-item-id", "- id: agricultural_film_recovery", "- id: straw_utilisation",
     "rule-duplicate", "rule agricultural_waste_utilisation: duplicate sub-item id 'straw_utilisation'", 49),
    ("duplicate-name", "name: 河长制\n", "name: 城镇污水处理率\n",
     "rule-duplicate", "rule river_chief_system: name '城镇污水处理率' is also used by urban_sewage_treatment", 22),
    ("missing-official-number", "    number: 2\n", "", "rule-schema",
     "rule river_chief_system: 'number' is a required property", 20),
    ("duplicate-official-number", "number: 2", "number: 1", "rule-duplicate",
     "rule river_chief_system: official number 1 is also used by urban_sewage_treatment", 21),
    ("gap-in-official-numbers", "number: 3", "number: 4", "rule-numbering", "official number(s) 3 have no rule", 2),
    ("non-ascii-id", "- id: river_chief_system", "- id: 河长制", "rule-schema", "rule 河长制:", 20),
    ("missing-attribute", "    attribute: 参考性\n", "", "rule-schema",
     "rule agricultural_waste_utilisation: 'attribute' is a required property", 32),
    ("unknown-attribute", "attribute: 参考性", "attribute: 预期性", "rule-schema",
     "rule agricultural_waste_utilisation: '预期性' is not one of", 39),
    ("unknown-domain", "domain: 生态制度", "domain: 生态治理", "rule-schema", "rule river_chief_system:", 24),
    ("missing-source", "    source: {doc: example}\n  - id: agricultural", "  - id: agricultural", "rule-schema",
     "rule river_chief_system: 'source' is a required property", 20),
    ("trend-way-of-a-phrase-that-restates-no-trend", "indicators:\n",
     "cells:\n  restates: {trend: [不降低, 减少]}\n  trend_ways: {up: [不降底]}\nindicators:\n",
     "rule-cells", "trend way up: '不降底' is not a phrase of cells.restates.trend", 9),
    ("trend-phrase-going-both-ways", "indicators:\n",
     "cells:\n  restates: {trend: [不降低, 减少]}\n  trend_ways: {up: [不降低], down: [减少, 不降低]}\nindicators:\n",
     "rule-cells", "trend way down: '不降低' is also under up", 9),
    ("keyed-by-an-unknown-class", "by: level, values: {city: 95, county: 85}", "by: climate, values: {湿润地区: 55}",
     "rule-class", "rule urban_sewage_treatment: threshold keyed by unknown profile class 'climate'", 18),
    ("keyed-by-an-unknown-level", "values: {city: 95, county: 85}", "values: {city: 95, town: 85}",
     "rule-class", "rule urban_sewage_treatment: 'town' is not a value of class 'level'", 18),
    ("criterion-and-items-both", "    requirement: 秸秆综合利用率 ≥90\n",
     '    requirement: 秸秆综合利用率 ≥90\n    criterion: {kind: threshold, op: ">=", value: 90, unit: "%"}\n',
     "rule-schema", "rule agricultural_waste_utilisation:", 32),
    ("all-of-mixing-numbers-and-words", "{kind: qualitative, accept: [全面实施]}",
     '{kind: all_of, parts: [{kind: qualitative, accept: [全面实施]}, {kind: threshold, op: ">=", value: 1, unit: "-"}]}',
     "rule-criterion", "rule river_chief_system: all_of mixes numeric and qualitative parts", 30),
]


def test_the_good_demo_file_loads(tmp_path):
    file = tmp_path / "demo.yaml"
    file.write_text(GOOD, encoding="utf-8")
    edition, _ = load_rule_file(file)
    assert [i.id for i in edition.indicators] == ["urban_sewage_treatment", "river_chief_system",
                                                  "agricultural_waste_utilisation"]


@pytest.mark.parametrize("name, old, new, code, message, line", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_rule_file_is_rejected_naming_the_rule(tmp_path, name, old, new, code, message, line):
    assert GOOD.count(old) >= 1, "the mutation must apply"
    file = tmp_path / "demo.yaml"
    file.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_rule_file(file)
    problems = info.value.problems
    hit = [p for p in problems if p.code == code and message in p.message]
    assert hit, [(p.code, p.message) for p in problems]
    assert hit[0].file == str(file)
    assert hit[0].line == line, hit[0].format()


def test_a_broken_file_in_a_library_folder_stops_the_whole_library(tmp_path):
    """No edition is silently dropped: one bad file makes loading the folder fail."""
    (tmp_path / "good.yaml").write_text(GOOD.replace("id: demo", "id: good"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(GOOD.replace("number: 3", "number: 4"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_library(tmp_path)
    assert any(p.file.endswith("bad.yaml") and p.code == "rule-numbering" for p in info.value.problems)


# ── the shipped library is read from its compiled form only while that is the checked one ──

def test_the_compiled_library_is_the_shipped_files_checked_in_full():
    """ecocheck/library/shipped.json is what scripts/compile_rules.py writes from the rule files
    as they are now (which raises if they fail the schema or the meaning checks)."""
    assert loader.COMPILED.read_bytes() == loader.compile_shipped(), (
        "the shipped rule files or the rule-file schema changed: run `python scripts/compile_rules.py` "
        "(or `make docs`)")


def test_the_compiled_library_is_the_library_the_rule_files_give():
    files = tuple(str(f) for f in rule_files(default_rules_dir()))
    loader._load.cache_clear()
    try:
        fast = loader._load(files)
    finally:
        loader._load.cache_clear()
    full = loader._load_files(files, schema=True)
    assert (fast.default_id, fast.aliases, list(fast.editions)) == (full.default_id, full.aliases, list(full.editions))
    for edition in full.editions.values():  # an edition equals only itself: compare its fields
        assert vars(fast.editions[edition.id]) == vars(edition)


def test_loading_the_shipped_library_needs_no_jsonschema_and_no_cache(tmp_path):
    """Nothing is read from or written to a cache folder (a file there could be anyone's)."""
    script = ("import sys; from ecocheck.library.loader import load_library; load_library(); "
              "print('jsonschema' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    assert list(tmp_path.iterdir()) == []


def test_changed_shipped_rule_files_get_the_full_check(tmp_path, monkeypatch):
    """A rule file edited after it was compiled is read and schema-checked again."""
    for f in rule_files(RULES):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    rule = tmp_path / "2019.yaml"
    text = rule.read_text(encoding="utf-8")
    assert "attribute: 参考性" in text
    rule.write_text(text.replace("attribute: 参考性", "attribute: 预期性", 1), encoding="utf-8")
    monkeypatch.setattr(loader, "default_rules_dir", lambda: tmp_path)
    loader._load.cache_clear()
    try:
        with pytest.raises(InputError) as info:
            load_library()
    finally:
        loader._load.cache_clear()
    assert any(p.code == "rule-schema" and "预期性" in p.message for p in info.value.problems)
