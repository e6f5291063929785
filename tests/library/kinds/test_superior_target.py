"""superior_target: the value against the target the superior government assigned."""

from decimal import Decimal

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import build

HIGHER = build({"kind": "superior_target", "direction": "higher"})
LOWER = build({"kind": "superior_target", "direction": "lower"})
COUNTY = Profile(level="county")


def test_the_value_must_reach_the_target_in_the_indicators_direction():
    assert HIGHER.evaluate(Entry(value=Decimal(90), target=Decimal(90)), COUNTY).status == "pass"
    assert HIGHER.evaluate(Entry(value=Decimal("89.9"), target=Decimal(90)), COUNTY).status == "fail"
    assert LOWER.evaluate(Entry(value=Decimal("89.9"), target=Decimal(90)), COUNTY).status == "pass"


def test_without_a_target_it_is_missing():
    assert HIGHER.evaluate(Entry(value=Decimal(90)), COUNTY).status == "missing"
    assert HIGHER.evaluate(Entry(target=Decimal(90)), COUNTY).status == "missing"
    assert HIGHER.needs() == ["value", "target"]


def test_its_direction_and_descriptions():
    assert (HIGHER.better_direction(), LOWER.better_direction()) == ("higher", "lower")
    assert HIGHER.describe() == "完成上级规定的目标任务" and "target" in HIGHER.describe(lang="en")
