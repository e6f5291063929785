"""band: the requirement depends on the band the county's own value falls in."""

from decimal import Decimal

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import build, registry

BAND = build(registry()["band"].EXAMPLE)  # ≤60: rise by ≥2; >60: not lower
COUNTY = Profile(level="county")


def test_the_value_picks_the_band():
    assert BAND.evaluate(Entry(value=Decimal(52), previous=Decimal(50)), COUNTY).status == "pass"
    assert BAND.evaluate(Entry(value=Decimal(51), previous=Decimal(50)), COUNTY).status == "fail"
    assert BAND.evaluate(Entry(value=Decimal(71), previous=Decimal(70)), COUNTY).status == "pass"


def test_across_bands_both_must_hold():
    outcome = BAND.evaluate(Entry(value=Decimal("60.5"), previous=Decimal(60)), COUNTY)
    assert outcome.status == "fail"  # >60 holds (not lower) but ≤60 wants a rise of 2


def test_without_a_number_the_band_is_unknown():
    assert BAND.evaluate(Entry(), COUNTY).status == "missing"
    assert BAND.evaluate(Entry(value="高"), COUNTY).status == "missing"


def test_it_asks_its_bands_what_they_need():
    assert BAND.needs() == ["value", "previous"] and BAND.better_direction() == "higher"
    assert not BAND.takes_delta()  # the band is picked by the value itself
    assert BAND.anchors(COUNTY)[0] == Decimal(60)
