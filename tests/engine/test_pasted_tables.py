"""The seed tables pasted as consultants paste them (data/pasted/): every file gets its report,
and each verdict is checked against the document, with the seed line it rests on.

Labels: pass / fail / missing, "declared" (达标（申报）: the cell restates the requirement),
"declared fail" (the cell is a negative statement). Not listed: 不适用 (level or coast).
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library

LIB = load_library()
PASTED = ROOT / "data" / "pasted"

KAZUO_2019 = {  # 000_33215831ab566a8b.txt, 表1 现状值
    "生态文明建设规划": ("fail", 99), "党委政府对生态文明建设重大目标任务部署情况": ("pass", 110),
    "生态文明建设工作占党政实绩考核的比例": ("declared fail", 121), "河长制": ("pass", 132),
    "生态环境信息公开率": ("pass", 143), "依法开展规划环境影响评价": ("pass", 154),
    "环境空气质量": ("missing", 171),  # 73.53 / 39 μg/m3: no 2018 value, no assigned target
    "水环境质量": ("pass", 188),  # 100 / 已消除 / 已消除: the best possible values
    "生态环境状况指数": ("pass", 206), "林草覆盖率": ("pass", 218),
    "生物多样性保护": ("declared", 242),  # rests on 无特有性指示性水生物种 (declared 不适用)
    "危险废物利用处置率": ("pass", 269), "建设用地土壤污染风险管控和修复名录制度": ("pass", 280),
    "突发生态环境事件应急管理机制": ("pass", 291),
    "自然生态空间": ("missing", 308),  # 以国家批复数为准: not a state (a problem, exit 2)
    "河湖岸线保护率": ("missing", 319),  # no rate, no target yet (a problem, exit 2)
    "单位地区生产总值能耗": ("missing", 334), "单位地区生产总值用水量": ("missing", 345),
    "单位国内生产总值建设用地使用面积下降率": ("fail", 358),  # 增加13.66% is a decline of −13.66
    "农业废弃物综合利用率": ("fail", 378), "一般工业固体废物综合利用率": ("fail", 403),
    "集中式饮用水水源地水质优良比例": ("pass", 419), "村镇饮用水卫生合格率": ("pass", 430),
    "城镇污水处理率": ("pass", 441), "城镇生活垃圾无害化处理率": ("pass", 452),
    "农村无害化卫生厕所普及率": ("missing", 463), "城镇新建绿色建筑比例": ("pass", 477),
    "生活废弃物综合利用": ("pass", 492), "政府绿色采购比例": ("fail", 506),
    "党政领导干部参加生态文明培训的人数比例": ("pass", 521), "公众对生态文明建设的满意度": ("pass", 532),
    "公众对生态文明建设的参与度": ("pass", 543),
}

KAZUO_2022 = {  # 000_33215831ab566a8b.txt, 表1 目标值 2022年 (86), basis plan; each row prints 现状值, 指标值, 2022, 2030
    "生态文明建设规划": ("pass", 101), "党委政府对生态文明建设重大目标任务部署情况": ("pass", 112),
    "生态文明建设工作占党政实绩考核的比例": ("pass", 123),  # the plan's ≥20 is the threshold itself (122)
    "河长制": ("pass", 134), "生态环境信息公开率": ("pass", 145), "依法开展规划环境影响评价": ("pass", 156),
    # The plan's target is only 完成上级规定的考核任务; the standard also asks 保持稳定或持续改善 (174):
    # the document's 2022 column falls short of the requirement, so the verdict cannot be 达标.
    "环境空气质量": ("missing", 175),
    "水环境质量": ("declared", 194),  # 不降低且达到考核要求: one cell, both halves, every sub-item
    # 不降低 is not the requirement (≥35, 207/220), but the file's `previous: kazuo-2019.yaml` gives
    # 2019's 68.28 (206) and 58.39 (218), both above 35: a value not below them meets it (declared).
    "生态环境状况指数": ("declared", 209), "林草覆盖率": ("declared", 222),
    # 100 ≥ 95 (250), 不明显 (252), 特有性 不降低 (254) declared — a rate the 2019 cell says does not exist (242)
    "生物多样性保护": ("declared", 254),
    "危险废物利用处置率": ("pass", 271), "建设用地土壤污染风险管控和修复名录制度": ("pass", 282),
    "突发生态环境事件应急管理机制": ("pass", 293), "自然生态空间": ("pass", 310),  # one cell for both sub-items
    "河湖岸线保护率": ("declared", 321),
    # 保持稳定或持续改善 without 完成上级规定的目标任务 (335, 346): the plan states half the requirement
    "单位地区生产总值能耗": ("missing", 336), "单位地区生产总值用水量": ("missing", 347),
    "单位国内生产总值建设用地使用面积下降率": ("pass", 361),  # the plan's ≥4.5 is its own bound
    "农业废弃物综合利用率": ("pass", 388),  # ≥90 / ≥80 / ≥90 (388–390) against ≥90 / ≥75 / ≥80 (383–385)
    "一般工业固体废物综合利用率": ("pass", 406),
    "集中式饮用水水源地水质优良比例": ("pass", 421), "村镇饮用水卫生合格率": ("pass", 432),
    "城镇污水处理率": ("pass", 443), "城镇生活垃圾无害化处理率": ("pass", 454),  # ≥90 vs ≥85, ≥85 vs ≥80
    "农村无害化卫生厕所普及率": ("declared", 465),  # 稳定提高，完成上级规定的目标任务 restates 464
    "城镇新建绿色建筑比例": ("pass", 479), "生活废弃物综合利用": ("pass", 496),  # 实施完善, one cell for both
    "政府绿色采购比例": ("pass", 508), "党政领导干部参加生态文明培训的人数比例": ("pass", 523),
    "公众对生态文明建设的满意度": ("pass", 534), "公众对生态文明建设的参与度": ("pass", 545),
}

TONGYU_2022 = {  # 001_5bf55d846e1f2bc3.txt, 附表2 基准年; the document marks every row 达标 (570)
    "生态文明建设规划": ("pass", 581), "党委政府对生态文明建设重大目标任务部署情况": ("pass", 593),
    "生态文明建设工作占党政实绩考核的比例": ("pass", 605), "河长制": ("pass", 617),
    "生态环境信息公开率": ("pass", 629), "依法开展规划环境影响评价": ("pass", 641),
    "环境空气质量": ("declared", 657), "水环境质量": ("declared", 671),
    "生态环境状况指数": ("pass", 684),  # △EQI −0.45 ≥ −1
    "林草覆盖率": ("pass", 705), "生物多样性保护": ("declared", 744),
    "危险废物利用处置率": ("pass", 758), "建设用地土壤污染风险管控和修复名录制度": ("pass", 770),
    "突发生态环境事件应急管理机制": ("pass", 782), "自然生态空间": ("pass", 798),
    "河湖岸线保护率": ("declared", 810), "单位地区生产总值能耗": ("declared", 824),
    "单位地区生产总值用水量": ("declared", 836), "单位国内生产总值建设用地使用面积下降率": ("declared", 848),
    "化肥农药减量化": ("declared", 862),
    # The document says 达标 (895), but 秸秆综合利用率 85.7% (892) is below ≥90% (888): the document is wrong.
    "农业废弃物综合利用率": ("fail", 892),
    "一般工业固体废物综合利用率提高幅度": ("missing", 931),  # 保持稳定 holds only above 60% (927); no rate
    "集中式饮用水水源地水质优良比例": ("pass", 945), "村镇饮用水卫生合格率": ("pass", 957),
    "城镇污水处理率": ("pass", 969), "农村生活污水治理率": ("declared", 981),
    "城镇生活垃圾无害化处理率": ("pass", 993), "农村生活垃圾无害化处理村占比": ("pass", 1005),
    "农村无害化卫生厕所普及率": ("declared", 1017), "城镇新建绿色建筑比例": ("pass", 1033),
    "城镇生活垃圾分类减量化行动": ("pass", 1045), "政府绿色采购比例": ("pass", 1057),
    "党政领导干部参加生态文明培训的人数比例": ("pass", 1071), "公众对生态文明建设的满意度": ("pass", 1083),
    "公众对生态文明建设的参与度": ("pass", 1095),
}

TONGYU_2025 = dict(TONGYU_2022, **{  # 2025年预测值 column (568), basis plan
    "单位国内生产总值建设用地使用面积下降率": ("pass", 849),  # a plan's ≥4.5% is its own bound
    "农业废弃物综合利用率": ("pass", 893),  # 90.0 / 86.0 / 81.8
    "农村生活污水治理率": ("pass", 982),
})

LINXI_2020 = {  # 003_ed826e571aa82798.txt, 专栏1, 2020年 column
    "环境空气质量": ("missing", 97),  # 13 μg/m3 and 95.28%: no 2019 value, no assigned target
    "水环境质量": ("missing", 129),  # Ⅲ类 ／ (no base, 249); 劣Ⅴ类 0 is the best value (137)
    "林草覆盖率": ("missing", 206),  # 森林覆盖率 41.35 is not 林草覆盖率 (a problem, exit 2)
    "农村生活污水治理率": ("missing", 236),  # ／
}

CHAOYANG_2025 = {  # 002_ac60043fa6a5a585.txt, 专栏1 目标值, basis plan, a city
    "环境空气质量": ("missing", 147),  # 待下达
    "水环境质量": ("missing", 149),  # 85.7: the trend needs the base year's share
    "集中式饮用水水源地水质优良比例": ("pass", 150),  # 城市集中饮用水水源达到或优于Ⅲ类比例 100
    "农村生活污水治理率": ("fail", 151),  # 农村污水治理率 25 < 50: the plan's target falls short
    "林草覆盖率": ("missing", 160),  # 森林覆盖率 31 is not 林草覆盖率
}

EXPECTED = {"kazuo-2019.yaml": KAZUO_2019, "kazuo-2022.yaml": KAZUO_2022, "tongyu-2022.yaml": TONGYU_2022,
            "tongyu-2025.yaml": TONGYU_2025, "linxi-2020.yaml": LINXI_2020, "chaoyang-2025.yaml": CHAOYANG_2025}
PROBLEMS = {"kazuo-2019.yaml": {"生态保护红线", "自然保护地", "河湖岸线保护率"}, "kazuo-2022.yaml": set(),
            "tongyu-2022.yaml": set(), "tongyu-2025.yaml": set(), "linxi-2020.yaml": {"林草覆盖率"}, "chaoyang-2025.yaml": {"林草覆盖率"}}


def label(result) -> str:
    if result.declared:
        return "declared" if result.status == "pass" else f"declared {result.status}"
    return result.status


def test_every_pasted_file_has_a_table():
    assert sorted(p.name for p in PASTED.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_pasted_table_gets_its_report_and_the_documents_verdicts(name):
    checked = check_file(PASTED / name, LIB)
    assert checked.report is not None, checked.problems  # never refused
    report = checked.report
    names = {LIB.get(report.edition).find(p.indicator.split(".")[0]).name for p in report.problems}
    item_names = {i.name for r in report.results for i in r.items}
    assert {n for n in PROBLEMS[name] if n not in item_names} <= names
    got = {r.name: r for r in report.results}
    wrong = [f"{n} (seed line {line}): expected {want}, ecocheck {label(got[n])} — {got[n].reason}"
             for n, (want, line) in EXPECTED[name].items() if label(got[n]) != want]
    assert not wrong, "\n".join(wrong)
