"""all_of: every part must hold."""

from decimal import Decimal

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import NUMBER, build, registry

BOTH = build(registry()["all_of"].EXAMPLE)  # not lower than last year, and the superior's target
COUNTY = Profile(level="county")


def test_every_part_must_hold():
    assert BOTH.evaluate(Entry(value=Decimal(80), previous=Decimal(79), target=Decimal(80)), COUNTY).status == "pass"
    assert BOTH.evaluate(Entry(value=Decimal(80), previous=Decimal(81), target=Decimal(80)), COUNTY).status == "fail"


def test_a_failing_part_decides_even_when_another_lacks_data():
    assert BOTH.evaluate(Entry(value=Decimal(80), previous=Decimal(81)), COUNTY).status == "fail"
    assert BOTH.evaluate(Entry(value=Decimal(80), previous=Decimal(79)), COUNTY).status == "missing"


def test_it_needs_what_its_parts_need():
    assert BOTH.needs() == ["value", "previous", "target"]
    assert BOTH.value_type() == NUMBER and BOTH.better_direction() == "higher"
    assert BOTH.how_decided("en").startswith("all of: ")
