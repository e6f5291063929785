"""threshold: a number against a bound, the bound possibly keyed by a profile class."""

from decimal import Decimal

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
    assert KEYED.evaluate(Entry(value=Decimal("30")), PLAIN_COUNTY).status == "missing"  # class not given
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
