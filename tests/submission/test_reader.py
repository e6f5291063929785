"""Reading submissions: positions, duplicate keys, encodings, value forms, and clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from ecocheck.base.errors import InputError
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text
from ecocheck.base.values import ValueProblem, parse_number
from ecocheck.base.yamlsafe import decode, load_text

from conftest import submission

LIB = load_library()


def problems(text: str, **kw) -> list:
    with pytest.raises(InputError) as info:
        parse_submission_text(text, LIB, file="sub.yaml", **kw)
    return info.value.problems


@pytest.mark.parametrize("raw, expected", [
    (95.33, "95.33"), (85, "85"), ("95.33%", "95.33"), ("95.33％", "95.33"), ("９５.３３", "95.33"),
    (" 90 % ", "90"), ("-0.45", "-0.45"), ("1,000", "1000"),
])
def test_numbers_are_read_as_people_type_them(raw, expected):
    assert str(parse_number(raw)) == expected


@pytest.mark.parametrize("raw", ["≥50%", "≥ 80", ">=20", "＞60"])
def test_a_threshold_echoed_into_a_value_cell_is_not_a_value(raw):
    with pytest.raises(ValueProblem) as info:
        parse_number(raw)
    assert "threshold, not a value" in info.value.message.render("en")


@pytest.mark.parametrize("raw", [True, float("nan"), float("inf"), ".nan", "-.inf"])
def test_booleans_and_non_finite_numbers_are_rejected(raw):
    with pytest.raises(ValueProblem):
        parse_number(raw)


def test_plain_text_is_not_a_number():
    assert parse_number("正在制定") is None


def test_positions_are_kept_for_every_node():
    doc = load_text("a:\n  b: 1\n  c: [1, 2]\n", "x.yaml")
    assert doc.mark(("a", "b")) == (2, 6)
    assert doc.key_mark(("a", "c")) == (3, 3)


def test_duplicate_indicator_is_an_error_with_both_lines():
    text = submission({"河长制": "全面实施"}) + "  河长制: 未实施\n"
    (p,) = problems(text)
    assert p.code == "duplicate-key" and "河长制" in p.message_in("en") and "first given at line" in p.message_in("en")
    assert p.line == text.count("\n")


def test_same_indicator_by_id_and_by_name_is_a_duplicate():
    ps = problems(submission({"河长制": "全面实施", "river_chief_system": "全面实施"}))
    assert ps[0].code == "duplicate-key"


def test_unknown_indicator_suggests_the_closest_official_name():
    (p,) = problems(submission({"城镇污水处里率": 90}))
    assert p.code == "unknown-indicator"
    assert "城镇污水处理率" in p.hint_in("en")
    assert p.line > 0 and p.column > 0


def test_unknown_sub_item_suggests_the_closest_name():
    (p,) = problems(submission({"农业废弃物综合利用率": {"秸杆综合利用率": 90}}))
    assert "秸秆综合利用率" in p.hint_in("en")


def test_text_for_a_numeric_indicator_says_where_the_accepted_words_are():
    # (before issue 15 the hint suggested `met: true`; words that restate the requirement are now
    # read as that declaration, and the hint points at the list of accepted cell forms)
    (p,) = problems(submission({"城镇污水处理率": "基本完成"}))
    assert "expects a number" in p.message_in("en") and "pasting.md" in p.hint_in("en")


def test_unknown_state_word_lists_the_accepted_words():
    (p,) = problems(submission({"河长制": "差不多"}))
    assert p.code == "unknown-state" and "全面实施" in p.hint_in("en")


@pytest.mark.parametrize("value, code", [
    ([1, 2], "value-type"), (True, "value-type"), (120, "value-range"), (-5, "value-range"),
])
def test_wrong_types_and_impossible_percentages(value, code):
    (p,) = problems(submission({"城镇污水处理率": value}))
    assert p.code == code


def test_a_date_is_not_a_value():
    text = submission({}).replace("indicators: {}", "indicators:\n  城镇污水处理率: 2022-01-01")
    (p,) = problems(text)
    assert "date" in p.message_in("en")


def test_missing_required_fields_are_all_reported_at_once():
    ps = problems("edition: '2021'\n")
    assert {p.message_in("en") for p in ps} >= {"required field `region` is missing", "required field `level` is missing",
                                       "required field `year` is missing", "required field `indicators` is missing"}


def test_unknown_edition_lists_known_ones():
    (p,) = problems(submission({}, edition="2030"))
    assert p.code == "unknown-edition" and "2019" in p.hint_in("en") and "2021" in p.hint_in("en")


def test_unknown_terrain_class_suggests():
    (p,) = problems(submission({}, profile={"terrain": "平原"}).replace("平原", "平源"))
    assert p.code == "unknown-class" and "平原地区" in p.hint_in("en")


def test_terrain_aliases_and_english_ids_are_accepted():
    for word in ("平原", "plain", "平原地区"):
        sub = parse_submission_text(submission({}, profile={"terrain": word}), LIB)
        assert sub.profile.classes["terrain"] == "平原地区"


def test_a_measured_year_in_the_future_is_an_error_but_a_plan_year_is_not():
    (p,) = problems(submission({}, year=2035), today=dt.date(2026, 1, 1))
    assert p.code == "future-year" and "basis: plan" in p.hint_in("en")
    parse_submission_text(submission({}, year=2035, basis="plan"), LIB, today=dt.date(2026, 1, 1))


def test_not_applicable_indicator_warns_and_does_not_fail():
    sub = parse_submission_text(submission({"城镇人均公园绿地面积": 20}), LIB)
    (w,) = sub.warnings
    assert w.code == "not-applicable" and "城镇人均公园绿地面积" in w.message_in("en")


def test_applicable_false_needs_a_note():
    (p,) = problems(submission({"生物多样性保护": {"特有性或指示性水生物种保持率": {"applicable": False}}}))
    assert "note" in p.message_in("en")


def test_empty_file_and_yaml_syntax_errors_have_positions():
    with pytest.raises(InputError) as info:
        load_text("", "e.yaml")
    assert info.value.problems[0].code == "empty"
    with pytest.raises(InputError) as info:
        load_text("region: x\n  level: [county\n", "s.yaml")
    p = info.value.problems[0]
    assert p.code == "yaml-syntax" and p.line >= 2


def test_tabs_get_a_tab_specific_hint():
    with pytest.raises(InputError) as info:
        load_text("a:\n\tb: 1\n", "t.yaml")
    assert "tab" in info.value.problems[0].hint_in("en")


def test_gbk_file_is_detected_and_named():
    with pytest.raises(InputError) as info:
        decode("region: 喀左县\n".encode("gbk"), "g.yaml")
    p = info.value.problems[0]
    assert p.code == "encoding" and "GBK" in p.hint_in("en")


def test_bom_is_accepted_and_binary_is_rejected():
    assert decode("\ufeffa: 1".encode("utf-8"), "b.yaml") == "a: 1"
    with pytest.raises(InputError) as info:
        decode(b"PK\x03\x04\x00\x00binary", "x.yaml")
    assert info.value.problems[0].code == "binary"


def test_alias_bomb_is_bounded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    with pytest.raises(InputError) as info:
        load_text(bomb, "bomb.yaml")
    assert info.value.problems[0].code == "yaml-limit"


def test_deep_nesting_is_bounded():
    with pytest.raises(InputError) as info:
        load_text("[" * 200 + "]" * 200, "deep.yaml")
    assert info.value.problems[0].code in ("yaml-limit", "yaml-syntax")


def test_python_object_tags_are_never_constructed():
    with pytest.raises(InputError) as info:
        load_text("a: !!python/object/apply:os.system ['echo hi']\n", "evil.yaml")
    assert info.value.problems[0].code in ("yaml-tag", "yaml-syntax")


def test_the_2019_climate_is_the_arid_class_when_the_terrain_is():
    """干旱半干旱地区 is one climatic class in both rows of the 2019 standard (林草覆盖率 by terrain,
    生态环境状况指数 by climate): given as the terrain, it decides the EQI's bound too, and says so."""
    library = load_library()
    arid = parse_submission_text(submission({"生态环境状况指数": 36}, edition="2019", year=2019,
                                            profile={"terrain": "干旱半干旱地区"}), library)
    assert arid.profile.classes["climate"] == "干旱半干旱地区" and arid.profile.implied == {"climate": "terrain"}
    given = parse_submission_text(submission({"生态环境状况指数": 36}, edition="2019", year=2019,
                                             profile={"terrain": "干旱半干旱地区", "climate": "湿润地区"}), library)
    assert given.profile.classes["climate"] == "湿润地区" and given.profile.implied == {}  # a given class stands
    plain = parse_submission_text(submission({"生态环境状况指数": 36}, edition="2019", year=2019,
                                             profile={"terrain": "平原地区"}), library)
    assert "climate" not in plain.profile.classes  # no other terrain says which climate
    from ecocheck.engine.evaluate import evaluate

    result = next(r for r in evaluate(arid, library.get("2019")).results if r.id == "eco_environment_index")
    assert result.status == "pass" and "按地区类型“干旱半干旱地区”取同一类" in result.reason


def _worse_than_v(entry) -> object:
    sub = parse_submission_text(submission({"水环境质量": {"劣V类水体比例下降幅度": entry}}), LIB, strict=False)
    return sub.entries["water_quality"].items["water_worse_than_v_ratio"], sub.problems


@pytest.mark.parametrize("entry, delta", [
    (2, "-2"), ("2%", "-2"), (-1, "1"), ({"decline": 2}, "-2"), ({"decline": 2, "delta": -2}, "-2"),
    ("下降2%", "-2"),
])
def test_a_number_under_a_decrease_name_is_the_decrease(entry, delta):
    read, found = _worse_than_v(entry)
    assert found == [] and read.value is None and str(read.delta) == delta


def test_the_share_under_its_own_name_is_the_share():
    sub = parse_submission_text(submission({"水环境质量": {"劣V类水体比例": 2}}), LIB)
    read = sub.entries["water_quality"].items["water_worse_than_v_ratio"]
    assert str(read.value) == "2" and read.delta is None


def test_a_decline_that_disagrees_with_the_delta_is_a_problem_and_decides_nothing():
    read, found = _worse_than_v({"decline": 2, "delta": 1})
    assert read.delta is None and read.value is None
    assert [p.code for p in found] == ["value-type"] and "disagree" in found[0].message_in("en")
    assert found[0].line == 10 and found[0].indicator == "water_quality.water_worse_than_v_ratio"


def test_a_decline_of_an_indicator_not_measured_as_a_decrease_is_a_problem():
    found = problems(submission({"环境空气质量": {"优良天数比例": {"decline": 3}}}))
    assert "is not measured as a decrease" in found[0].message_in("en") and "previous" in found[0].hint_in("en")


def test_a_decline_is_the_value_where_the_value_is_the_decrease():
    sub = parse_submission_text(submission({"环境空气质量": {"PM2.5浓度下降幅度": {"decline": 8.5, "target": 5}},
                                            "单位国内生产总值建设用地使用面积下降率": "下降5%"}), LIB)
    assert str(sub.entries["air_quality"].items["pm25_reduction"].value) == "8.5"
    assert str(sub.entries["construction_land_per_gdp_decline"].value) == "5"
