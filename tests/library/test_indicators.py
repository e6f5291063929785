"""Every indicator of both editions, decided through the core API from hand-written tables.

For each indicator, and for each class its requirement depends on (level 县/市, terrain, climate,
city size, coastal), the tables give a passing and a failing value, the exact boundary and the
value just beyond it, missing data (缺数据), not applicable (不适用) and the county's declaration
(`met`), which is shown as declared and never overturns a measured failure.

The thresholds, directions and class values below are typed by hand from the seed tables:
  2019: ../shared/seeds/000_33215831ab566a8b.txt 表1 (喀左县, 32 county indicators, lines 68–547)
  2021: ../shared/seeds/001_5bf55d846e1f2bc3.txt 附表2 (通榆县, 35 county indicators, lines 557–1098)
and, for the city-only and coastal-only indicators and the city / other-class values the seeds
omit, from the requirement printed in rules/*.yaml (those rows also expect the rule's result to be
marked unverified). Nothing here is read back out of the loaded rules, so a wrong threshold in a
rule file fails a row. `test_every_indicator_has_rows` fails when an indicator is added to a rule
file without rows here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
import yaml

from ecocheck.engine.evaluate import evaluate
from ecocheck.base.words import FAIL, MISSING, NOT_APPLICABLE, PASS, STATUS_ZH
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text
from ecocheck.output.labels import status_text

LIB = load_library()
E19, E21 = "2019", "2021"
YEAR = {E19: 2019, E21: 2022}


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()  # the indicator (or sub-item) is not in the submission at all

# Profiles. 喀左 (2019) is 干旱半干旱 by the seed's class (000:208, 000:221); 通榆 (2021) is a plain
# county whose 27.09% coverage the plan reports as 达标 (001:705-708).
COUNTY19 = {"terrain": "干旱半干旱地区", "climate": "干旱半干旱地区"}
COUNTY21 = {"terrain": "平原地区"}
CITY19 = {"terrain": "丘陵地区", "climate": "半湿润地区", "city_size": "中小城市"}
CITY21 = {"terrain": "丘陵地区", "city_size": "中小城市"}
COUNTY = {E19: COUNTY19, E21: COUNTY21}
CITY = {E19: CITY19, E21: CITY21}


def coastal(profile: dict) -> dict:
    return {**profile, "coastal": True}


def without(profile: dict, key: str) -> dict:
    return {k: v for k, v in profile.items() if k != key}


def n(x: Any) -> float:
    """A YAML number, computed in Decimal so 85 - 0.01 is 84.99 and not 84.98999…"""
    return float(Decimal(str(x)))


def fmt(x: Any) -> str:
    return format(Decimal(str(x)).normalize(), "f")


# ── variants: one way of filling in an entry, with the verdict it must get ─────────────

@dataclass(frozen=True)
class V:
    suffix: str
    entry: Any
    status: str
    declared: bool = False


@dataclass(frozen=True)
class Spec:
    """The variants of one criterion, plus one passing and one failing entry (for composites)."""

    variants: tuple[V, ...]
    ok: Any
    bad: Any


def as_mapping(entry: Any) -> dict:
    return dict(entry) if isinstance(entry, dict) else {"value": entry}


def declarations(ok: Any, bad: Any) -> list[V]:
    ok, bad = as_mapping(ok), as_mapping(bad)
    return [
        V("declared-met", {"met": True, "note": "上级部门书面确认"}, PASS, True),
        V("declared-not-met", {"met": False}, FAIL, True),
        V("met-true-never-overturns-a-measured-fail", {**bad, "met": True}, FAIL),
        V("met-false-overrides-a-measured-pass", {**ok, "met": False}, FAIL, True),
        V("met-true-on-a-measured-pass-stays-measured", {**ok, "met": True}, PASS),
    ]


def threshold_variants(bound: Any, ok: Any, bad: Any, *, pct: bool = True, prefix: str = "") -> list[V]:
    """≥ bound (every numeric threshold of both editions is ≥): bound passes, bound − 0.01 fails."""
    b = Decimal(str(bound))
    below = b - Decimal("0.01")
    out = [
        V(f"{prefix}pass", ok, PASS),
        V(f"{prefix}boundary", n(b), PASS),
        V(f"{prefix}just-below", n(below), FAIL),
        V(f"{prefix}fail", bad, FAIL),
    ]
    if pct:
        out += [V(f"{prefix}percent-string-boundary", f"{fmt(b)}%", PASS),
                V(f"{prefix}percent-string-just-below", f"{fmt(below)}%", FAIL)]
    return out


def threshold(bound: Any, ok: Any, bad: Any, *, pct: bool = True) -> Spec:
    variants = threshold_variants(bound, ok, bad, pct=pct) + [
        V("as-mapping", {"value": ok, "source": "统计年鉴"}, PASS),
        V("missing", ABSENT, MISSING),
        V("value-left-empty", {"value": None, "source": "待补"}, MISSING),
    ] + declarations(ok, bad)
    return Spec(tuple(variants), ok, bad)


def qualitative(accepted: list[str], rejected: list[str]) -> Spec:
    variants = [V(f"accepted-{i}", word, PASS) for i, word in enumerate(accepted, 1)]
    variants += [V(f"rejected-{i}", word, FAIL) for i, word in enumerate(rejected, 1)]
    variants += [V("as-mapping", {"value": accepted[0], "source": "县政府文件"}, PASS),
                 V("missing", ABSENT, MISSING)]
    variants += declarations(accepted[0], rejected[0])
    return Spec(tuple(variants), accepted[0], rejected[0])


def _sign(direction: str) -> Decimal:
    assert direction in ("higher", "lower")
    return Decimal(1) if direction == "higher" else Decimal(-1)


def target(direction: str, t: Any, step: Any) -> Spec:
    """完成上级规定的目标任务 / 完成上级管控目标: the value against the superior's `target`."""
    sign, t, s = _sign(direction), Decimal(str(t)), Decimal(str(step))
    ok = {"value": n(t + sign * s), "target": n(t)}
    bad = {"value": n(t - sign * s), "target": n(t)}
    variants = [
        V("pass", ok, PASS),
        V("target-boundary", {"value": n(t), "target": n(t)}, PASS),
        V("misses-target-by-0.01", {"value": n(t - sign * Decimal("0.01")), "target": n(t)}, FAIL),
        V("fail", bad, FAIL),
        V("target-not-given", {"value": n(t + sign * s)}, MISSING),
        V("bare-number-without-target", n(t + sign * s), MISSING),
        V("value-not-given", {"target": n(t)}, MISSING),
        V("missing", ABSENT, MISSING),
    ] + declarations(ok, bad)
    return Spec(tuple(variants), ok, bad)


def trend(direction: str, base: Any, step: Any, *, strict: bool = False) -> Spec:
    """保持稳定或持续改善 / 不降低 (stable passes) or 减少 / 逐步下降 (strict: stable fails)."""
    sign, b, s = _sign(direction), Decimal(str(base)), Decimal(str(step))
    better, worse = b + sign * s, b - sign * s
    ok = {"value": n(better), "previous": n(b)}
    bad = {"value": n(worse), "previous": n(b)}
    variants = [
        V("improving", ok, PASS),
        V("stable", {"value": n(b), "previous": n(b)}, FAIL if strict else PASS),
        V("worsening", bad, FAIL),
        V("change-given-as-delta", {"delta": n(sign * s)}, PASS),
        V("previous-not-given", {"value": n(b)}, MISSING),
        V("bare-number-without-previous", n(b), MISSING),
        V("missing", ABSENT, MISSING),
    ] + declarations(ok, bad)
    return Spec(tuple(variants), ok, bad)


def target_trend(direction: str, t: Any, step: Any) -> Spec:
    """完成上级规定的考核任务/目标任务；保持稳定或持续改善: both parts must hold."""
    sign, t, s = _sign(direction), Decimal(str(t)), Decimal(str(step))
    meets = t + sign * s
    ok = {"value": n(meets), "previous": n(t), "target": n(t)}
    bad = {"value": n(meets), "previous": n(meets + sign * s), "target": n(t)}
    variants = [
        V("improving-and-meets-target", ok, PASS),
        V("stable-and-meets-target", {"value": n(meets), "previous": n(meets), "target": n(t)}, PASS),
        V("worsening-though-meets-target", bad, FAIL),
        V("target-boundary", {"value": n(t), "previous": n(t - sign * s), "target": n(t)}, PASS),
        V("improving-but-misses-target-by-0.01",
          {"value": n(t - sign * Decimal("0.01")), "previous": n(t - sign * s), "target": n(t)}, FAIL),
        V("target-not-given", {"value": n(meets), "previous": n(t)}, MISSING),
        V("previous-not-given", {"value": n(meets), "target": n(t)}, MISSING),
        V("worsening-with-target-not-given", {"value": n(meets), "previous": n(meets + sign * s)}, FAIL),
        V("bare-number", n(meets), MISSING),
        V("missing", ABSENT, MISSING),
    ] + declarations(ok, bad)
    return Spec(tuple(variants), ok, bad)


def named_as_decline(spec: Spec, step: Any, *, target: bool = False) -> Spec:
    """A share that should fall, under a name that says decrease (劣V类水体比例下降幅度): a bare
    number there is how much it fell (the change is its opposite), a negative one a rise."""
    fell, rose = n(step), n(-Decimal(str(step)))
    bare = [V("bare-number-is-the-decline", fell, MISSING if target else PASS),
            V("negative-bare-number-is-a-rise", rose, FAIL),
            V("decline-field", {"decline": fell}, MISSING if target else PASS),
            V("decline-field-and-the-same-delta", {"decline": fell, "delta": rose}, MISSING if target else PASS)]
    kept = tuple(v for v in spec.variants if not v.suffix.startswith("bare-number"))
    return Spec(kept + tuple(bare), spec.ok, spec.bad)


def in_unit(spec: Spec, unit: str) -> Spec:
    """The same variants with each value written with its unit, as a table prints it."""
    def written(entry: Any) -> Any:
        if isinstance(entry, dict) and "value" in entry:
            return {**entry, "value": f"{fmt(entry['value'])} {unit}"}
        return f"{fmt(entry)} {unit}" if isinstance(entry, (int, float)) else entry
    return Spec(tuple(V(v.suffix, written(v.entry), v.status, v.declared) for v in spec.variants),
                written(spec.ok), written(spec.bad))


# ── rows ───────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Case:
    id: str
    edition: str
    rid: str  # the rule id the row is about
    name: str  # the official Chinese name, the submission's key
    entry: Any
    status: str
    declared: bool = False
    level: str = "county"
    profile: dict = field(default_factory=dict)
    item: str | None = None  # a sub-item's name when the row is about one sub-item
    item_status: str | None = None
    item_declared: bool = False
    shows: str | None = None  # text the displayed requirement must contain (keyed thresholds)
    verified: bool | None = True  # the result's verified mark (None: not checked)


def scalar(ed: str, slug: str, rid: str, name: str, spec: Spec, *, level: str = "county",
           profile: dict | None = None, verified: bool = True) -> list[Case]:
    profile = COUNTY[ed] if profile is None else profile
    return [Case(f"{ed}-{slug}-{v.suffix}", ed, rid, name, v.entry, v.status, v.declared, level, profile,
                 verified=verified) for v in spec.variants]


@dataclass(frozen=True)
class Item:
    slug: str
    name: str
    spec: Spec
    extra: tuple[V, ...] = ()


def composite(ed: str, slug: str, rid: str, name: str, items: list[Item], *, level: str = "county",
              profile: dict | None = None, verified: bool = True) -> list[Case]:
    """Sub-items: all pass → pass; one fails → fail; else one missing → missing (docs/en/guide.md)."""
    profile = COUNTY[ed] if profile is None else profile
    baseline = {it.name: it.spec.ok for it in items}

    def case(suffix: str, entry: Any, status: str, declared: bool = False, **kw: Any) -> Case:
        return Case(f"{ed}-{slug}-{suffix}", ed, rid, name, entry, status, declared, level, profile,
                    verified=verified, **kw)

    rows = [case("all-sub-items-pass", baseline, PASS)]
    for it in items:
        for v in (*it.spec.variants, *it.extra):
            entry = dict(baseline)
            if v.entry is ABSENT:
                del entry[it.name]
            else:
                entry[it.name] = v.entry
            whole = PASS if v.status == NOT_APPLICABLE else v.status
            declared_whole = v.declared and (whole == v.status or v.status == NOT_APPLICABLE)
            rows.append(case(f"{it.slug}-{v.suffix}", entry, whole, declared_whole,
                             item=it.name, item_status=v.status, item_declared=v.declared))
    first, second = items[0], items[1]
    rest = {k: v for k, v in baseline.items() if k != first.name}
    rows += [
        case("one-sub-item-missing-another-failing", {**rest, second.name: second.spec.bad}, FAIL),
        case("declared-met", {"met": True, "note": "上级部门书面确认"}, PASS, True),
        case("declared-met-fills-a-missing-sub-item", {**rest, "met": True}, PASS, True),
        case("declared-met-never-overturns-a-failing-sub-item",
             {**baseline, first.name: first.spec.bad, "met": True}, FAIL),
        case("declared-not-met-overrides-passing-sub-items", {**baseline, "met": False}, FAIL, True),
        case("empty-mapping", {}, MISSING),
        case("missing", ABSENT, MISSING),
    ]
    return rows


@dataclass(frozen=True)
class Cls:
    """One class of a keyed threshold: its slug, the level/profile that selects it, its bound."""

    slug: str
    level: str
    profile: dict
    bound: Any
    ok: Any
    bad: Any
    verified: bool = True


def keyed(ed: str, slug: str, rid: str, name: str, classes: list[Cls], *, pct: bool = True,
          verified: bool = True, unclassed: tuple[str, dict] | None = None) -> list[Case]:
    """A threshold keyed by level / terrain / climate / city size: every class, then the rest once."""
    rows = []
    for c in classes:
        for v in threshold_variants(c.bound, c.ok, c.bad, pct=pct, prefix=f"{c.slug}-"):
            rows.append(Case(f"{ed}-{slug}-{v.suffix}", ed, rid, name, v.entry, v.status, v.declared,
                             c.level, c.profile, shows=f"≥{fmt(c.bound)}", verified=verified and c.verified))
    first = classes[0]
    rest = [V("missing", ABSENT, MISSING)] + declarations(first.ok, first.bad)
    rows += scalar(ed, slug, rid, name, Spec(tuple(rest), first.ok, first.bad), level=first.level,
                   profile=first.profile, verified=verified and first.verified)
    if unclassed is not None:
        # The profile does not say the class. The verdict is decided only when the class cannot
        # change it (every class passes, or none does); otherwise 缺数据 naming the class.
        what, profile = unclassed
        lowest, highest = min(c.bound for c in classes), max(c.bound for c in classes)
        for suffix, value, status in (("passes-every-class", highest, PASS),
                                      ("between-the-classes", lowest, MISSING),
                                      ("fails-every-class", lowest - 1, FAIL)):
            rows.append(Case(f"{ed}-{slug}-no-{what}-in-profile-{suffix}", ed, rid, name, value, status,
                             level=first.level, profile=profile, verified=None))
    return rows


def not_applicable(ed: str, slug: str, rid: str, name: str, ok: Any, bad: Any, *, why: str,
                   level: str, profile: dict) -> list[Case]:
    """Out of scope: 不适用 whatever is given (nothing, a passing value, a failing value)."""
    return [Case(f"{ed}-{slug}-{why}-{suffix}", ed, rid, name, entry, NOT_APPLICABLE, level=level,
                 profile=profile, verified=None)
            for suffix, entry in (("not-given", ABSENT), ("passing-value", ok), ("failing-value", bad))]


# ── the tables ─────────────────────────────────────────────────────────────────────────
# Words: accepted / rejected state words. Seed values are quoted with their line, e.g. 喀左's
# 生态文明建设规划 "正在制定" (000:99) must fail; 通榆's 秸秆综合利用率 85.7% (001:892) fails ≥90%
# although the plan's own column says 达标.

PLAN = qualitative(["制定实施", "制定并实施", "已制定实施"], ["正在制定", "未制定", "编制中"])
DEPLOYMENT = qualitative(["有效开展", "已有效开展"], ["未开展", "未有效开展"])
RIVER_CHIEF = qualitative(["全面实施", "全面推行", "已全面实施"], ["部分实施", "未实施"])
EIA = qualitative(["开展", "依法开展", "已经开展"], ["未开展"])  # 喀左 "已经开展" (000:154)
SOIL_REGISTER = qualitative(["建立", "已建立", "建立健全"], ["未建立", "正在建立"])
EMERGENCY = qualitative(["建立", "建立并实施", "已建立"], ["未建立", "正在建立"])
SPACE = qualitative(["面积不减少，性质不改变，功能不降低", "面积不减少、性质不改变、功能不降低",
                     "面积不减少,性质不改变,功能不降低"], ["面积减少", "性质改变", "功能降低"])
IMPLEMENTED = qualitative(["实施", "实施完善", "已实施"], ["未实施"])
# The county's own word that a sub-item does not exist: shown as declared, and so is the whole
# indicator's pass that rests on it (a reviewer must see the verdict leans on a declaration).
NO_AQUATIC_SPECIES = V("not-applicable", {"applicable": False, "note": "无特有性指示性水生物种"},
                       NOT_APPLICABLE, declared=True)  # 喀左 000:242


def biodiversity(ed: str) -> list[Case]:
    return composite(ed, "biodiversity", "biodiversity_protection", "生物多样性保护", [
        Item("key-species", "国家重点保护野生动植物保护率", threshold(95, 100, 94)),
        Item("invasive-species", "外来物种入侵", qualitative(["不明显", "无"], ["明显", "较明显"])),
        Item("aquatic-species", "特有性或指示性水生物种保持率", trend("higher", 98, 1),
             extra=(NO_AQUATIC_SPECIES,)),
    ])


def natural_space(ed: str) -> list[Case]:
    return composite(ed, "natural-space", "natural_ecological_space", "自然生态空间", [
        Item("redline", "生态保护红线", SPACE),
        Item("protected-areas", "自然保护地", SPACE),
    ])


def air(ed: str) -> list[Case]:
    return composite(ed, "air", "air_quality", "环境空气质量", [
        Item("good-days", "优良天数比例", target_trend("higher", 80, 2)),
        # in μg/m³ a concentration: lower is better (a plain number or % is the decrease: submission/test_cells.py)
        Item("pm25", "PM2.5浓度下降幅度", in_unit(target_trend("lower", 35, 2), "μg/m3")),
    ])


def coastal_restoration(ed: str, level_profile: tuple[str, dict]) -> list[Case]:
    level, profile = level_profile
    items = [Item("shoreline", "自然岸线修复长度", target("higher", 10, 2)),
             Item("wetland", "滨海湿地修复面积", target("higher", 100, 10))]
    ok = {i.name: i.spec.ok for i in items}
    bad = {i.name: i.spec.bad for i in items}
    return (composite(ed, "coastal-restoration", "coastal_restoration", "海岸生态修复", items,
                      level=level, profile=profile, verified=False)
            + not_applicable(ed, "coastal-restoration", "coastal_restoration", "海岸生态修复", ok, bad,
                             why="inland-county", level="county", profile=COUNTY[ed]))


def green_products(ed: str) -> list[Case]:
    items = [Item("appliances", "节能家电市场占有率", threshold(50, 60, 45)),
             Item("water-saving", "在售用水器具中节水型器具占比", threshold(100, 100, 95)),
             Item("disposables", "一次性消费品人均使用量", trend("lower", 10, 1, strict=True))]  # 逐步下降
    ok = {i.name: i.spec.ok for i in items}
    bad = {i.name: i.spec.bad for i in items}
    return (composite(ed, "green-products", "green_product_market_share", "绿色产品市场占有率", items,
                      level="city", profile=CITY[ed], verified=False)
            + not_applicable(ed, "green-products", "green_product_market_share", "绿色产品市场占有率",
                             ok, bad, why="county", level="county", profile=COUNTY[ed]))


def agri_waste(ed: str, straw_bad: Any, manure_ok: Any, film_ok: Any, **kw: Any) -> list[Case]:
    return composite(ed, "agri-waste", "agricultural_waste_utilisation", "农业废弃物综合利用率", [
        Item("straw", "秸秆综合利用率", threshold(90, 92, straw_bad)),
        Item("manure", "畜禽粪污综合利用率", threshold(75, manure_ok, 70)),
        Item("film", "农膜回收利用率", threshold(80, film_ok, 75)),
    ], **kw)


def public_transport(ed: str) -> list[Case]:
    city = CITY[ed]
    rows = keyed(ed, "public-transport", "public_transport_share", "公共交通出行分担率", [
        Cls("megacity", "city", {**city, "city_size": "超大特大城市"}, 70, 75, 65),
        Cls("large-city", "city", {**city, "city_size": "大城市"}, 60, 65, 55),
        Cls("small-medium-city", "city", {**city, "city_size": "中小城市"}, 50, 55, 45),
    ], verified=False, unclassed=("city-size", without(city, "city_size")))
    return rows + not_applicable(ed, "public-transport", "public_transport_share", "公共交通出行分担率",
                                 70, 10, why="county", level="county", profile=COUNTY[ed])


def forest_grass(ed: str, seed_verified: set[str]) -> list[Case]:
    # ≥60 山区；≥40 丘陵地区；≥18 平原地区；≥35 干旱半干旱地区；≥70 青藏高原地区 (001:693-703)
    base = COUNTY[ed]
    classes = [("arid", "干旱半干旱地区", 35, 58.39, 30),  # 喀左 58.39 (000:218)
               ("mountain", "山区", 60, 65, 55),
               ("hilly", "丘陵地区", 40, 45, 35),
               ("plain", "平原地区", 18, 27.09, 15),  # 通榆 27.09% (001:705)
               ("plateau", "青藏高原地区", 70, 75, 65)]
    return keyed(ed, "forest-grass", "forest_grass_coverage", "林草覆盖率", [
        Cls(slug, "county", {**base, "terrain": terrain}, bound, ok, bad, verified=terrain in seed_verified)
        for slug, terrain, bound, ok, bad in classes
    ], unclassed=("terrain", without(base, "terrain")))


ROWS_2019: list[Case] = [
    # 生态制度 (000:96-158)
    *scalar(E19, "plan", "eco_civilization_plan", "生态文明建设规划", PLAN),
    *scalar(E19, "deployment", "party_government_deployment", "党委政府对生态文明建设重大目标任务部署情况", DEPLOYMENT),
    *scalar(E19, "assessment-share", "performance_assessment_share", "生态文明建设工作占党政实绩考核的比例",
            threshold(20, 25, 15)),  # ≥20 (000:122)
    *scalar(E19, "river-chief", "river_chief_system", "河长制", RIVER_CHIEF),
    *scalar(E19, "info-disclosure", "environmental_information_disclosure", "生态环境信息公开率",
            threshold(100, 100, 95)),  # 100 (000:144)
    *scalar(E19, "planning-eia", "planning_eia", "依法开展规划环境影响评价", EIA),
    # 生态安全
    *air(E19),  # 完成上级规定的考核任务；保持稳定或持续改善 (000:174)
    *composite(E19, "water", "water_quality", "水环境质量", [  # same requirement (000:191)
        Item("class-iii", "水质达到或优于Ⅲ类比例提高幅度", target_trend("higher", 70, 5)),
        Item("worse-than-v", "劣V类水体比例下降幅度", named_as_decline(target_trend("lower", 5, 1), 1, target=True)),
        Item("black-odorous", "黑臭水体消除比例", target_trend("higher", 90, 5)),
    ]),
    # 9 近岸海域水质优良（一、二类）比例: coastal only, county and city; not in the seeds
    *scalar(E19, "coastal-water", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
            target_trend("higher", 85, 2), profile=coastal(COUNTY19), verified=False),
    *scalar(E19, "coastal-water-city", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
            Spec((V("pass", {"value": 90, "previous": 88, "target": 85}, PASS),
                  V("fail", {"value": 84, "previous": 83, "target": 85}, FAIL)), None, None),
            level="city", profile=coastal(CITY19), verified=False),
    *not_applicable(E19, "coastal-water", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
                    {"value": 90, "previous": 88, "target": 85}, {"value": 80, "previous": 88, "target": 85},
                    why="inland-county", level="county", profile=COUNTY19),
    # 10 生态环境状况指数: ≥35 干旱半干旱地区 (000:207-208); 湿润 ≥55 and 半湿润 ≥45 are not in the seed
    *keyed(E19, "eco-index", "eco_environment_index", "生态环境状况指数", [
        Cls("arid", "county", COUNTY19, 35, 68.28, 30),  # 喀左 68.28 (000:206)
        Cls("humid", "county", {**COUNTY19, "climate": "湿润地区"}, 55, 60, 50, verified=False),
        Cls("semi-humid", "county", {**COUNTY19, "climate": "半湿润地区"}, 45, 50, 40, verified=False),
    ], unclassed=("climate", {})),
    # 干旱半干旱地区 given as the terrain is the same climatic class for the EQI (rules/2019.yaml
    # classes.climate.implied_by): 40 passes ≥35 there although it would fail 湿润 ≥55.
    Case("2019-eco-index-climate-implied-by-arid-terrain", E19, "eco_environment_index", "生态环境状况指数",
         40, PASS, level="county", profile=without(COUNTY19, "climate"), verified=None),
    Case("2019-eco-index-plain-terrain-implies-no-climate", E19, "eco_environment_index", "生态环境状况指数",
         40, MISSING, level="county", profile={"terrain": "平原地区"}, verified=None),
    *forest_grass(E19, seed_verified={"干旱半干旱地区"}),  # only ≥35 干旱半干旱地区 is in 表1 (000:220-221)
    *biodiversity(E19),  # ≥95 / 不明显 / 不降低 (000:244-248)
    *coastal_restoration(E19, ("county", coastal(COUNTY19))),
    *scalar(E19, "hazardous-waste", "hazardous_waste_disposal", "危险废物利用处置率",
            threshold(100, 100, 98)),  # 100% (000:270)
    *scalar(E19, "soil-register", "soil_risk_list_system", "建设用地土壤污染风险管控和修复名录制度", SOIL_REGISTER),
    *scalar(E19, "emergency", "emergency_response_mechanism", "突发生态环境事件应急管理机制", EMERGENCY),
    # 生态空间
    *natural_space(E19),  # 面积不减少，性质不改变，功能不降低 (000:309)
    *scalar(E19, "natural-shoreline", "natural_shoreline_retention", "自然岸线保有率",
            target("higher", 40, 2), profile=coastal(COUNTY19), verified=False),
    *not_applicable(E19, "natural-shoreline", "natural_shoreline_retention", "自然岸线保有率",
                    {"value": 45, "target": 40}, {"value": 35, "target": 40},
                    why="inland-county", level="county", profile=COUNTY19),
    *scalar(E19, "river-lake-shoreline", "river_lake_shoreline_protection", "河湖岸线保护率",
            target("higher", 90, 5)),  # 完成上级管控目标 (000:320); 喀左: no target issued yet → 缺数据
    # 生态经济
    *scalar(E19, "energy", "energy_intensity", "单位地区生产总值能耗",
            target_trend("lower", 0.70, 0.01)),  # 完成上级规定的目标任务；保持稳定或持续改善 (000:335)
    *scalar(E19, "water-use", "water_intensity", "单位地区生产总值用水量",
            target_trend("lower", 55, 2)),  # same (000:346)
    *scalar(E19, "construction-land", "construction_land_per_gdp_decline",
            "单位国内生产总值建设用地使用面积下降率", threshold(4.5, 5, -13.66)),  # ≥4.5; 喀左 增加13.66% (000:358)
    *scalar(E19, "carbon", "carbon_intensity", "碳排放强度", target_trend("lower", 1.2, 0.05),
            level="city", profile=CITY19, verified=False),
    *not_applicable(E19, "carbon", "carbon_intensity", "碳排放强度",
                    {"value": 1.0, "previous": 1.1, "target": 1.2}, {"value": 1.3, "previous": 1.1, "target": 1.2},
                    why="county", level="county", profile=COUNTY19),
    *scalar(E19, "cleaner-production", "cleaner_production_audit", "应当实施强制性清洁生产企业通过审核的比例",
            target("higher", 90, 5), level="city", profile=CITY19, verified=False),
    *not_applicable(E19, "cleaner-production", "cleaner_production_audit",
                    "应当实施强制性清洁生产企业通过审核的比例", {"value": 95, "target": 90},
                    {"value": 50, "target": 90}, why="county", level="county", profile=COUNTY19),
    # 20 农业废弃物综合利用率 ≥90 / ≥75 / ≥80 (000:383-385), county only; 喀左 87.13 / 73.62 / 90.03
    *agri_waste(E19, straw_bad=87.13, manure_ok=80, film_ok=90.03),
    *not_applicable(E19, "agri-waste", "agricultural_waste_utilisation", "农业废弃物综合利用率",
                    {"秸秆综合利用率": 95, "畜禽粪污综合利用率": 80, "农膜回收利用率": 85},
                    {"秸秆综合利用率": 50}, why="city", level="city", profile=CITY19),
    *scalar(E19, "industrial-solid-waste", "industrial_solid_waste_utilisation", "一般工业固体废物综合利用率",
            threshold(80, 85, 45.01)),  # ≥80; 喀左 45.01 (000:403-405)
    # 生态生活
    *scalar(E19, "drinking-source", "drinking_water_source_quality", "集中式饮用水水源地水质优良比例",
            threshold(100, 100, 95)),  # 100 (000:420)
    *scalar(E19, "village-drinking", "village_drinking_water_compliance", "村镇饮用水卫生合格率",
            threshold(100, 100, 99)),  # 100 (000:431), county only
    *not_applicable(E19, "village-drinking", "village_drinking_water_compliance", "村镇饮用水卫生合格率",
                    100, 50, why="city", level="city", profile=CITY19),
    # 城镇污水处理率: 县 ≥85 (000:442); 市 ≥95 not in the seed
    *keyed(E19, "sewage", "urban_sewage_treatment", "城镇污水处理率", [
        Cls("county", "county", COUNTY19, 85, 90, 80),  # 喀左 90 (000:441)
        Cls("city", "city", CITY19, 95, 97, 90, verified=False),
    ]),
    # 城镇生活垃圾无害化处理率: 县 ≥80 (000:453); 市 ≥95 not in the seed
    *keyed(E19, "garbage", "urban_garbage_harmless_treatment", "城镇生活垃圾无害化处理率", [
        Cls("county", "county", COUNTY19, 80, 100, 75),
        Cls("city", "city", CITY19, 95, 97, 90, verified=False),
    ]),
    *scalar(E19, "park-green", "urban_park_green_space_per_capita", "城镇人均公园绿地面积",
            threshold(15, 16.5, 12, pct=False), level="city", profile=CITY19, verified=False),
    *not_applicable(E19, "park-green", "urban_park_green_space_per_capita", "城镇人均公园绿地面积",
                    20, 5, why="county", level="county", profile=COUNTY19),
    # 农村无害化卫生厕所普及率: 完成上级规定的目标任务 (000:464); 喀左 gives only 3.97 → 缺数据
    *scalar(E19, "toilets", "rural_sanitary_toilet_coverage", "农村无害化卫生厕所普及率", target("higher", 90, 2)),
    *not_applicable(E19, "toilets", "rural_sanitary_toilet_coverage", "农村无害化卫生厕所普及率",
                    {"value": 95, "target": 90}, {"value": 3.97, "target": 90}, why="city", level="city",
                    profile=CITY19),
    *scalar(E19, "green-building", "green_building_share", "城镇新建绿色建筑比例",
            threshold(50, 100, 40)),  # ≥50 (000:478)
    *public_transport(E19),
    *composite(E19, "household-waste", "household_waste_utilisation", "生活废弃物综合利用", [  # 实施 (000:492)
        Item("urban-sorting", "城镇生活垃圾分类减量化行动", IMPLEMENTED),
        Item("rural-collection", "农村生活垃圾集中收集储运", IMPLEMENTED),
    ]),
    *green_products(E19),
    *scalar(E19, "green-procurement", "green_public_procurement", "政府绿色采购比例",
            threshold(80, 85, 72)),  # ≥80; 喀左 72 (000:506-507)
    # 生态文化
    *scalar(E19, "training", "officials_training_share", "党政领导干部参加生态文明培训的人数比例",
            threshold(100, 100, 90)),  # 100 (000:522)
    *scalar(E19, "satisfaction", "public_satisfaction", "公众对生态文明建设的满意度",
            threshold(80, 97.2, 79)),  # ≥80; 喀左 97.2 (000:532)
    *scalar(E19, "participation", "public_participation", "公众对生态文明建设的参与度",
            threshold(80, 81.2, 70)),  # ≥80; 喀左 81.2 (000:543)
]


# 2021 #27: 综合利用率≤60%的地区 ≥2%；综合利用率＞60%的地区 保持稳定或持续改善 (001:925-929).
# The band is read from this year's rate; the increase is in percentage points.
SOLID_WASTE_BAND = Spec(tuple([
    V("low-band-plus-2-boundary", {"value": 47.01, "previous": 45.01}, PASS),
    V("low-band-plus-1.99", {"value": 47, "previous": 45.01}, FAIL),
    V("low-band-stable-is-not-enough", {"value": 45.01, "previous": 45.01}, FAIL),
    V("low-band-worsening", {"value": 44, "previous": 45.01}, FAIL),
    V("low-band-increase-given-as-delta", {"value": 50, "delta": 2.5}, PASS),
    V("rate-60-is-in-the-low-band-needs-plus-2", {"value": 60, "previous": 59}, FAIL),
    V("rate-60-plus-2", {"value": 60, "previous": 58}, PASS),
    V("high-band-60.01-stable", {"value": 60.01, "previous": 60.01}, PASS),
    V("high-band-improving", {"value": 80, "previous": 75.91}, PASS),
    V("high-band-worsening-by-0.01", {"value": 75.9, "previous": 75.91}, FAIL),
    V("previous-not-given", {"value": 70}, MISSING),
    # Crossing bands: last year's and this year's bands both must hold (the standard does not
    # say which rate picks the band, so the verdict never rests on the kinder reading).
    V("crossing-up-with-plus-1.5", {"value": 60.5, "previous": 59}, FAIL),
    V("crossing-up-with-plus-1.5-as-delta", {"value": 60.5, "delta": 1.5}, FAIL),
    V("crossing-up-with-plus-2", {"value": 61, "previous": 59}, PASS),
    V("crossing-down", {"value": 59.5, "previous": 61}, FAIL),
    V("rate-not-given-so-band-unknown", {"delta": 3}, MISSING),
    V("missing", ABSENT, MISSING),
    *declarations({"value": 80, "previous": 75.91}, {"value": 75.9, "previous": 75.91}),
]), None, None)

# 2021 #10: △EQI≥-1 (001:682); 通榆 △EQI = -0.45 in 2022 (001:684).
EQI = Spec(tuple([
    V("delta-improving", {"delta": 0.5}, PASS),
    V("delta-boundary", {"delta": -1}, PASS),
    V("delta-just-below", {"delta": -1.01}, FAIL),
    V("delta-fail", {"delta": -3}, FAIL),
    V("tongyu-2022", {"delta": -0.45}, PASS),
    V("computed-boundary", {"value": 60, "previous": 61}, PASS),
    V("computed-just-below", {"value": 59.99, "previous": 61}, FAIL),
    V("computed-stable", {"value": 61, "previous": 61}, PASS),
    V("previous-not-given", {"value": 60}, MISSING),
    # The revised edition's table prints △EQI itself: a plain number is the change (before issue
    # 15 it was read as the index and gave 缺数据); one beyond ±10 is refused (submission/test_cells.py).
    V("bare-number-is-the-change", -0.45, PASS),
    V("bare-number-below-minus-1", "−1.2", FAIL),
    V("delta-contradicting-value-and-previous", {"value": 60, "previous": 61, "delta": 0.5}, MISSING),
    V("missing", ABSENT, MISSING),
    *declarations({"delta": 0}, {"delta": -2}),
]), None, None)


ROWS_2021: list[Case] = [
    # 生态制度 (001:576-644)
    *scalar(E21, "plan", "eco_civilization_plan", "生态文明建设规划", PLAN),
    *scalar(E21, "deployment", "party_government_deployment", "党委政府对生态文明建设重大目标任务部署情况", DEPLOYMENT),
    *scalar(E21, "assessment-share", "performance_assessment_share", "生态文明建设工作占党政实绩考核的比例",
            threshold(20, 62, 15)),  # ≥20%; 通榆 62.0% (001:603-605)
    *scalar(E21, "river-chief", "river_chief_system", "河长制", RIVER_CHIEF),
    *scalar(E21, "info-disclosure", "environmental_information_disclosure", "生态环境信息公开率",
            threshold(100, 100, 95)),  # 100% (001:627)
    *scalar(E21, "planning-eia", "planning_eia", "依法开展规划环境影响评价", EIA),
    # 生态安全
    *air(E21),  # 完成上级规定的考核任务；保持稳定或持续改善。 (001:655)
    # 8 水环境质量: only 保持稳定或持续改善 in the revised edition (001:669)
    *composite(E21, "water", "water_quality", "水环境质量", [
        Item("class-iii", "水质达到或优于Ⅲ类比例提高幅度", trend("higher", 80, 5),
             extra=(V("needs-no-target", {"value": 80, "previous": 80, "target": 90}, PASS),)),
        Item("worse-than-v", "劣V类水体比例下降幅度", named_as_decline(trend("lower", 5, 1), 1)),
        Item("black-odorous", "黑臭水体消除比例", trend("higher", 90, 5)),
    ]),
    # 9 近岸海域水质优良（一、二类）比例: coastal and (per the rule) city only; not in the seeds
    *scalar(E21, "coastal-water", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
            target_trend("higher", 85, 2), level="city", profile=coastal(CITY21), verified=False),
    *not_applicable(E21, "coastal-water", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
                    {"value": 90, "previous": 88, "target": 85}, {"value": 80, "previous": 88, "target": 85},
                    why="inland-city", level="city", profile=CITY21),
    *not_applicable(E21, "coastal-water", "coastal_water_quality", "近岸海域水质优良（一、二类）比例",
                    {"value": 90, "previous": 88, "target": 85}, {"value": 80, "previous": 88, "target": 85},
                    why="coastal-county", level="county", profile=coastal(COUNTY21)),
    *scalar(E21, "eqi", "eco_environment_index", "生态环境状况指数", EQI),
    *forest_grass(E21, seed_verified={"山区", "丘陵地区", "平原地区", "干旱半干旱地区", "青藏高原地区"}),
    *biodiversity(E21),  # ≥95% / 不明显 / 不降低 (001:718-742)
    *coastal_restoration(E21, ("county", coastal(COUNTY21))),
    *scalar(E21, "hazardous-waste", "hazardous_waste_disposal", "危险废物利用处置率",
            threshold(100, 100, 98)),  # 100% (001:756)
    *scalar(E21, "soil-register", "soil_risk_list_system", "建设用地土壤污染风险管控和修复名录制度", SOIL_REGISTER),
    *scalar(E21, "emergency", "emergency_response_mechanism", "突发生态环境事件应急管理机制", EMERGENCY),
    # 生态空间
    *natural_space(E21),  # (001:796)
    *scalar(E21, "natural-shoreline", "natural_shoreline_retention", "自然岸线保有率",
            target("higher", 40, 2), profile=coastal(COUNTY21), verified=False),
    *not_applicable(E21, "natural-shoreline", "natural_shoreline_retention", "自然岸线保有率",
                    {"value": 45, "target": 40}, {"value": 35, "target": 40},
                    why="inland-county", level="county", profile=COUNTY21),
    *scalar(E21, "river-lake-shoreline", "river_lake_shoreline_protection", "河湖岸线保护率",
            target("higher", 90, 5)),  # 完成上级管控目标 (001:808)
    # 生态经济
    # 20 单位地区生产总值能耗: only 保持稳定或持续改善 in the revised edition (001:822)
    *scalar(E21, "energy", "energy_intensity", "单位地区生产总值能耗", Spec((
        *trend("lower", 0.5, 0.02).variants,
        V("needs-no-target", {"value": 0.5, "previous": 0.52, "target": 0.4}, PASS),
    ), None, None)),
    *scalar(E21, "water-use", "water_intensity", "单位地区生产总值用水量",
            target_trend("lower", 55, 2)),  # 完成上级规定的目标任务；保持稳定或持续改善。 (001:834)
    *scalar(E21, "construction-land", "construction_land_per_gdp_decline",
            "单位国内生产总值建设用地使用面积下降率", threshold(4.5, 5, -13.66)),  # ≥4.5% (001:846)
    *scalar(E21, "carbon", "carbon_intensity", "碳排放强度", target_trend("lower", 1.2, 0.05),
            level="city", profile=CITY21, verified=False),
    *not_applicable(E21, "carbon", "carbon_intensity", "碳排放强度",
                    {"value": 1.0, "previous": 1.1, "target": 1.2}, {"value": 1.3, "previous": 1.1, "target": 1.2},
                    why="county", level="county", profile=COUNTY21),
    *scalar(E21, "cleaner-production", "cleaner_production_audit", "应当实施强制性清洁生产企业通过审核的比例",
            target("higher", 90, 5), level="city", profile=CITY21, verified=False),
    *not_applicable(E21, "cleaner-production", "cleaner_production_audit",
                    "应当实施强制性清洁生产企业通过审核的比例", {"value": 95, "target": 90},
                    {"value": 50, "target": 90}, why="county", level="county", profile=COUNTY21),
    # 25 化肥农药减量化: 减少 / 减少 (001:860-872): a stable amount is not a reduction
    *composite(E21, "fertilizer-pesticide", "fertilizer_pesticide_reduction", "化肥农药减量化", [
        Item("fertilizer", "主要农作物化肥亩均施用量", trend("lower", 25, 0.5, strict=True)),
        Item("pesticide", "主要农作物农药亩均使用量", trend("lower", 0.3, 0.01, strict=True)),
    ]),
    # 26 农业废弃物综合利用率 ≥90% / ≥75% / ≥80% (001:888-890); 通榆 85.7 / 85.91 / 81.6 (001:892-916)
    *agri_waste(E21, straw_bad=85.7, manure_ok=85.91, film_ok=81.6),
    *scalar(E21, "agri-waste-city", "agricultural_waste_utilisation", "农业废弃物综合利用率", Spec((
        V("applies-to-a-city-too", {"秸秆综合利用率": 95, "畜禽粪污综合利用率": 80, "农膜回收利用率": 85}, PASS),
    ), None, None), level="city", profile=CITY21),
    *scalar(E21, "solid-waste-increase", "industrial_solid_waste_utilisation_increase",
            "一般工业固体废物综合利用率提高幅度", SOLID_WASTE_BAND),
    # 生态生活
    *scalar(E21, "drinking-source", "drinking_water_source_quality", "集中式饮用水水源地水质优良比例",
            threshold(100, 100, 95)),  # 100% (001:943)
    *scalar(E21, "village-drinking", "village_drinking_water_compliance", "村镇饮用水卫生合格率",
            threshold(100, 100, 99)),  # 100% (001:955)
    *scalar(E21, "village-drinking-city", "village_drinking_water_compliance", "村镇饮用水卫生合格率",
            Spec((V("applies-to-a-city-too", 99, FAIL),), None, None), level="city", profile=CITY21),
    # 城镇污水处理率 ≥85%（县）(001:967); 市 ≥95 not in the seed
    *keyed(E21, "sewage", "urban_sewage_treatment", "城镇污水处理率", [
        Cls("county", "county", COUNTY21, 85, 95.33, 80),  # 通榆 95.33% (001:969)
        Cls("city", "city", CITY21, 95, 97, 90, verified=False),
    ]),
    *scalar(E21, "rural-sewage", "rural_sewage_treatment", "农村生活污水治理率",
            threshold(50, 55, 45)),  # ≥50% (001:979)
    # 城镇生活垃圾无害化处理率 ≥80%（县）(001:991); 市 ≥95 not in the seed
    *keyed(E21, "garbage", "urban_garbage_harmless_treatment", "城镇生活垃圾无害化处理率", [
        Cls("county", "county", COUNTY21, 80, 100, 75),
        Cls("city", "city", CITY21, 95, 97, 90, verified=False),
    ]),
    *scalar(E21, "rural-garbage-villages", "rural_garbage_harmless_village_share", "农村生活垃圾无害化处理村占比",
            threshold(80, 100, 75)),  # ≥80% (001:1003)
    *scalar(E21, "park-green", "urban_park_green_space_per_capita", "城镇人均公园绿地面积",
            threshold(15, 16.5, 12, pct=False), level="city", profile=CITY21, verified=False),
    *not_applicable(E21, "park-green", "urban_park_green_space_per_capita", "城镇人均公园绿地面积",
                    20, 5, why="county", level="county", profile=COUNTY21),
    *scalar(E21, "toilets", "rural_sanitary_toilet_coverage", "农村无害化卫生厕所普及率",
            target("higher", 90, 2)),  # 完成上级规定的目标任务 (001:1015)
    *scalar(E21, "toilets-city", "rural_sanitary_toilet_coverage", "农村无害化卫生厕所普及率",
            Spec((V("applies-to-a-city-too", {"value": 85, "target": 90}, FAIL),), None, None),
            level="city", profile=CITY21),
    *scalar(E21, "green-building", "green_building_share", "城镇新建绿色建筑比例",
            threshold(50, 58, 40)),  # ≥50%; 通榆 58% (001:1031-1033)
    *public_transport(E21),
    *scalar(E21, "urban-waste-sorting", "urban_waste_sorting", "城镇生活垃圾分类减量化行动",
            IMPLEMENTED),  # 实施 (001:1043)
    *green_products(E21),
    *scalar(E21, "green-procurement", "green_public_procurement", "政府绿色采购比例",
            threshold(80, 100, 72)),  # ≥80% (001:1055)
    # 生态文化
    *scalar(E21, "training", "officials_training_share", "党政领导干部参加生态文明培训的人数比例",
            threshold(100, 100, 90)),  # 100% (001:1069)
    *scalar(E21, "satisfaction", "public_satisfaction", "公众对生态文明建设的满意度",
            threshold(80, 90.61, 79)),  # ≥80%; 通榆 90.61% (001:1081-1083)
    *scalar(E21, "participation", "public_participation", "公众对生态文明建设的参与度",
            threshold(80, 92.93, 70)),  # ≥80%; 通榆 92.93% (001:1093-1095)
]

CASES = ROWS_2019 + ROWS_2021

# Hand count of the tables: every official number of each edition has rows (see the meta-tests).
EXPECTED_IDS = {
    E19: {"eco_civilization_plan", "party_government_deployment", "performance_assessment_share",
          "river_chief_system", "environmental_information_disclosure", "planning_eia", "air_quality",
          "water_quality", "coastal_water_quality", "eco_environment_index", "forest_grass_coverage",
          "biodiversity_protection", "coastal_restoration", "hazardous_waste_disposal", "soil_risk_list_system",
          "emergency_response_mechanism", "natural_ecological_space", "natural_shoreline_retention",
          "river_lake_shoreline_protection", "energy_intensity", "water_intensity",
          "construction_land_per_gdp_decline", "carbon_intensity", "cleaner_production_audit",
          "agricultural_waste_utilisation", "industrial_solid_waste_utilisation", "drinking_water_source_quality",
          "village_drinking_water_compliance", "urban_sewage_treatment", "urban_garbage_harmless_treatment",
          "urban_park_green_space_per_capita", "rural_sanitary_toilet_coverage", "green_building_share",
          "public_transport_share", "household_waste_utilisation", "green_product_market_share",
          "green_public_procurement", "officials_training_share", "public_satisfaction", "public_participation"},
}
EXPECTED_IDS[E21] = (EXPECTED_IDS[E19] - {"industrial_solid_waste_utilisation", "household_waste_utilisation"}) | {
    "fertilizer_pesticide_reduction", "industrial_solid_waste_utilisation_increase", "rural_sewage_treatment",
    "rural_garbage_harmless_village_share", "urban_waste_sorting"}


# ── running a row ──────────────────────────────────────────────────────────────────────

def run(case: Case):
    indicators = {} if case.entry is ABSENT else {case.name: case.entry}
    doc = {"region": "测试县" if case.level == "county" else "测试市", "level": case.level,
           "year": YEAR[case.edition], "edition": case.edition, "profile": case.profile,
           "indicators": indicators}
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    sub = parse_submission_text(text, LIB, file=f"{case.id}.yaml")
    return sub, evaluate(sub, LIB.get(case.edition))


def only(results: list, **match: Any):
    found = [r for r in results if all(getattr(r, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, [r.name for r in results])
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_indicator_verdict(case: Case):
    sub, report = run(case)
    result = only(report.results, id=case.rid)
    assert result.name == case.name
    assert (result.status, result.declared) == (case.status, case.declared), result.reason
    label = status_text(result.as_dict(), "zh")
    assert label.startswith(STATUS_ZH[case.status])
    assert ("（申报）" in label) == case.declared, label  # a declared verdict is visibly marked
    if case.declared and case.item is None:
        assert "declared" in result.reason_in("en") and "申报" in result.reason
    if case.item is not None:
        item = only(result.items, name=case.item)
        assert (item.status, item.declared) == (case.item_status, case.item_declared), item.reason
        if case.item_declared:
            assert "declared" in item.reason_in("en") and "申报" in item.reason
    if case.status == NOT_APPLICABLE and case.item is None:
        assert all(item.status == NOT_APPLICABLE for item in result.items)
        assert result.value is None  # a value given out of scope is not shown as if it counted
        if case.entry is not ABSENT:
            assert any(w.code == "not-applicable" for w in sub.warnings)
    if case.shows is not None:
        assert case.shows in result.requirement
    if case.verified is not None and case.status != NOT_APPLICABLE:
        assert result.verified is case.verified
        assert ("†" in label) == (not case.verified)  # an unconfirmed bound is marked in the report


# ── meta-tests: the tables cover every indicator, sub-item, class and status ───────────

def test_case_ids_are_unique():
    seen: dict[str, int] = defaultdict(int)
    for case in CASES:
        seen[case.id] += 1
    assert [i for i, count in seen.items() if count > 1] == []


@pytest.mark.parametrize("edition", [E19, E21])
def test_every_indicator_has_rows(edition):
    """A new indicator in a rule file, or a renamed id, fails here until it has rows."""
    rule_ids = {ind.id for ind in LIB.get(edition).indicators}
    covered = {c.rid for c in CASES if c.edition == edition}
    assert rule_ids - covered == set(), "indicators without test rows"
    assert covered - rule_ids == set(), "rows for ids the rule file does not have"
    assert covered == EXPECTED_IDS[edition]
    assert len(covered) == {E19: 40, E21: 43}[edition]


@pytest.mark.parametrize("edition", [E19, E21])
def test_every_indicator_has_pass_fail_missing_and_declared_rows(edition):
    statuses: dict[str, set] = defaultdict(set)
    declared: dict[str, set] = defaultdict(set)
    for c in CASES:
        if c.edition == edition:
            statuses[c.rid].add(c.status)
            if c.declared:
                declared[c.rid].add(c.status)
    for ind in LIB.get(edition).indicators:
        assert {PASS, FAIL, MISSING} <= statuses[ind.id], ind.id
        assert {PASS, FAIL} <= declared[ind.id], ind.id
        limited = set(ind.levels) != {"county", "city"} or ind.coastal_only
        if limited:
            assert NOT_APPLICABLE in statuses[ind.id], f"{ind.id} is limited in scope but has no 不适用 row"


@pytest.mark.parametrize("edition", [E19, E21])
def test_every_sub_item_has_pass_fail_and_missing_rows(edition):
    statuses: dict[tuple, set] = defaultdict(set)
    for c in CASES:
        if c.edition == edition and c.item is not None:
            statuses[(c.rid, c.item)].add(c.item_status)
    for ind in LIB.get(edition).indicators:
        for item in ind.items:
            assert {PASS, FAIL, MISSING} <= statuses[(ind.id, item.name)], (ind.id, item.name)


def test_a_not_applicable_indicator_does_not_count_in_the_summary():
    """A city-only indicator given a failing value by a county changes nothing in the verdict."""
    case = next(c for c in CASES if c.id == "2021-park-green-county-failing-value")
    _, report = run(case)
    summary = report.summary()
    assert summary["reference"][NOT_APPLICABLE] >= 1
    assert "城镇人均公园绿地面积" not in summary["binding_failed"]
    assert summary["reference"][FAIL] == 0


@pytest.mark.parametrize("edition, name, entry", [
    (E21, "城镇污水处理率", {"applicable": False, "note": "县城污水处理厂在建"}),  # a binding scalar
    (E21, "自然生态空间", {"applicable": False, "note": "无"}),  # a binding composite
    (E19, "生物多样性保护", {"applicable": False, "note": "无", "国家重点保护野生动植物保护率": 100}),
])
def test_a_submission_cannot_declare_a_whole_indicator_not_applicable(edition, name, entry):
    """Whether an indicator applies is the standard's call (level, coastal). A county's own
    `applicable: false` on a whole indicator would turn a 约束性 indicator into 不适用 and let the
    binding verdict read 全部达标; only a sub-item that does not exist may be declared so."""
    from ecocheck.base.errors import InputError

    doc = {"region": "测试县", "level": "county", "year": YEAR[edition], "edition": edition,
           "profile": COUNTY[edition], "indicators": {name: entry}}
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    with pytest.raises(InputError) as info:
        parse_submission_text(text, LIB, file="s.yaml")
    (problem,) = info.value.problems
    assert "sub-items only" in problem.message_in("en") and name in problem.message_in("en")
    assert "applicable: false" in problem.hint_in("en")
    assert text.split("\n")[problem.line - 1].strip().startswith("applicable:")  # points at the key
