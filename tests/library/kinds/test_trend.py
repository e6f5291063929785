"""trend: this year against last year in the indicator's direction."""

from decimal import Decimal

from ecocheck.base.entries import Entry, Profile
from ecocheck.library.kinds import build

STABLE = build({"kind": "trend", "direction": "higher"})
REDUCED = build({"kind": "trend", "direction": "lower", "strict": True})
COUNTY = Profile(level="county")


def test_stable_or_better_passes_worse_fails():
    assert STABLE.evaluate(Entry(value=Decimal(70), previous=Decimal(70)), COUNTY).status == "pass"
    assert STABLE.evaluate(Entry(value=Decimal("69.9"), previous=Decimal(70)), COUNTY).status == "fail"


def test_a_strict_trend_must_move():
    assert REDUCED.evaluate(Entry(value=Decimal(70), previous=Decimal(70)), COUNTY).status == "fail"
    assert REDUCED.evaluate(Entry(value=Decimal(69), previous=Decimal(70)), COUNTY).status == "pass"


def test_the_change_may_be_given_and_must_agree():
    assert STABLE.evaluate(Entry(delta=Decimal(1)), COUNTY).status == "pass"
    assert STABLE.evaluate(Entry(value=Decimal(70), previous=Decimal(69), delta=Decimal(2)), COUNTY).status == "missing"
    assert STABLE.evaluate(Entry(value=Decimal(70)), COUNTY).status == "missing"
    assert not STABLE.takes_delta()  # the docs do not offer delta for a trend


def test_its_direction_and_descriptions():
    assert (STABLE.better_direction(), REDUCED.better_direction()) == ("higher", "lower")
    assert (STABLE.describe(), REDUCED.describe(), REDUCED.describe(lang="en")) == ("保持稳定或持续改善", "减少", "reduced")
