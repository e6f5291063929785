"""change: a bound on the change from last year."""

from decimal import Decimal

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import build

EQI = build({"kind": "change", "op": ">=", "value": -1, "unit": "-", "symbol": "△EQI"})
COUNTY = Profile(level="county")


def test_the_change_is_compared_with_the_bound():
    assert EQI.evaluate(Entry(value=Decimal(60), previous=Decimal(61)), COUNTY).status == "pass"
    assert EQI.evaluate(Entry(value=Decimal("59.9"), previous=Decimal(61)), COUNTY).status == "fail"
    assert EQI.evaluate(Entry(delta=Decimal("-1.5")), COUNTY).status == "fail"
    assert EQI.evaluate(Entry(value=Decimal(60)), COUNTY).status == "missing"


def test_the_change_alone_is_enough():
    assert EQI.takes_delta() and "delta" in EQI.how_decided("zh") and "delta" in EQI.how_decided("en")


def test_its_direction_and_description():
    assert EQI.better_direction() == "higher" and EQI.describe() == "△EQI≥-1"
