"""threshold: a number against a bound, the bound possibly keyed by a profile class."""

from decimal import Decimal

import pytest

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import build

PLAIN = build({"kind": "threshold", "op": ">=", "value": 95, "unit": "%"})
KEYED = build({"kind": "threshold", "op": "<=", "by": "terrain", "unit": "μg/m³",
               "values": {"平原地区": 35, "山区": 25}, "unverified": ["山区"]})
PLAIN_COUNTY = Profile(level="county")
MOUNTAIN = Profile(level="county", classes={"terrain": "山区"})


def test_a_plain_threshold_compares_the_value_with_its_bound():
    assert PLAIN.evaluate(Entry(value=Decimal("95")), PLAIN_COUNTY).status == "pass"
    assert PLAIN.evaluate(Entry(value=Decimal("94.99")), PLAIN_COUNTY).status == "fail"
    assert PLAIN.evaluate(Entry(), PLAIN_COUNTY).status == "missing"
    assert (PLAIN.describe(), PLAIN.better_direction(), PLAIN.keyed()) == ("≥95", "higher", False)


def test_a_keyed_threshold_takes_the_bound_of_the_regions_class():
    assert KEYED.evaluate(Entry(value=Decimal("30")), MOUNTAIN).status == "fail"
    assert KEYED.evaluate(Entry(value=Decimal("30")), Profile(level="county", classes={"terrain": "平原地区"})).status == "pass"
    assert KEYED.evaluate(Entry(value=Decimal("30")), PLAIN_COUNTY).status == "missing"  # class not given, and it decides
    assert KEYED.keyed() and KEYED.class_keys() == {"terrain"} and KEYED.better_direction() == "lower"
    assert not KEYED.verified_for(MOUNTAIN) and KEYED.unverified_classes() == {"山区"}


def test_a_keyed_threshold_describes_the_regions_part_in_zh_and_en():
    assert KEYED.describe(MOUNTAIN) == "≤25（山区）"
    assert KEYED.describe(MOUNTAIN, "en") == "≤25 (山区)"
    assert KEYED.describe() == "平原地区 ≤35；山区 ≤25"
    assert KEYED.per_class() == [("平原地区", "≤35", True), ("山区", "≤25", False)]
    assert "profile.terrain" in KEYED.how_decided("zh") and "terrain" in KEYED.how_decided("en")


def test_a_level_keyed_threshold_names_the_levels_in_each_language():
    by_level = build({"kind": "threshold", "op": ">=", "by": "level", "unit": "%", "values": {"county": 80, "city": 90}})
    assert by_level.per_class("zh") == [("县", "≥80", True), ("市", "≥90", True)]
    assert by_level.per_class("en") == [("county", "≥80", True), ("city", "≥90", True)]
    assert by_level.class_keys() == set()  # the level is not a profile class


# The region's class not given: decided whenever every class gives the same verdict.
# KEYED is ≤35 (平原地区) / ≤25 (山区), lower is better.
@pytest.mark.parametrize("value, status, words", [
    ("25", "pass", "未注明地区类型，但 25 无论属于哪一类均达标（最严为 ≤25）"),     # at the strictest bound: passes under every class
    ("10", "pass", "无论属于哪一类均达标"),
    ("35.01", "fail", "无论属于哪一类均未达标（最宽为 ≤35）"),  # beyond the most lenient bound
    ("25.01", "missing", "在平原地区达标，在山区未达标"),           # between: the class decides
    ("35", "missing", "在平原地区达标，在山区未达标"),
])
def test_a_class_not_given_is_decided_when_every_class_agrees(value, status, words):
    outcome = KEYED.evaluate(Entry(value=Decimal(value)), PLAIN_COUNTY)
    assert outcome.status == status
    assert words in outcome.render("zh")
    assert "terrain class not given" in outcome.render("en")


def test_a_class_not_given_and_no_value_is_missing_for_the_value_first():
    assert KEYED.evaluate(Entry(), PLAIN_COUNTY).render("en") == "no value given"


def test_a_class_not_given_and_a_value_that_is_not_a_number_is_missing_for_the_class():
    outcome = KEYED.evaluate(Entry(value="达标"), PLAIN_COUNTY)
    assert (outcome.status, outcome.render("zh")) == ("missing", "未注明地区类型，无法确定阈值")
    assert outcome.render("en") == "terrain class not given, so the threshold is unknown"


def test_a_class_read_from_another_is_said_beside_the_verdict():
    climate = build({"kind": "threshold", "op": ">=", "by": "climate", "unit": "",
                     "values": {"湿润地区": 55, "干旱半干旱地区": 35}})
    profile = Profile(level="county", classes={"terrain": "干旱半干旱地区", "climate": "干旱半干旱地区"},
                      implied={"climate": "terrain"})
    outcome = climate.evaluate(Entry(value=Decimal("40")), profile)
    assert outcome.status == "pass"
    assert outcome.render("zh") == "40 达到 ≥35（未注明气候区，按地区类型“干旱半干旱地区”取同一类）"
    assert outcome.render("en") == "40 meets ≥35 (climate class not given: taken from the terrain class, “干旱半干旱地区”)"
