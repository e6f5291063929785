"""The kind registry is complete, and every kind it holds builds, describes, decides and
exemplifies itself (a new kind module gets these checks without touching this file)."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from typing import Any

import pytest

from ecocheck.base.entries import Entry, Profile
from ecocheck.base.words import FAIL, PASS
from ecocheck.library.kinds import NUMBER, TEXT, Criterion, build, registry
from ecocheck.schemas import schema_file

KINDS = sorted(registry())
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PROFILE = Profile(level="county", classes={"terrain": "平原地区"})


def entry_of(example: Any) -> Entry:
    """An Entry as the submission reader makes it from an example value."""
    fields = example if isinstance(example, dict) else {"value": example}
    return Entry(**{k: Decimal(str(v)) if isinstance(v, (int, float)) else v for k, v in fields.items()})


def test_every_kind_of_the_schema_has_a_registry_entry_and_every_entry_is_in_the_schema():
    schema = json.loads(schema_file("rules").read_text(encoding="utf-8"))
    enum = schema["$defs"]["criterion"]["properties"]["kind"]["enum"]
    assert sorted(enum) == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_the_registry_names_each_class_by_its_kind(kind):
    cls = registry()[kind]
    assert issubclass(cls, Criterion) and cls.KIND == kind and cls.EXAMPLE["kind"] == kind


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_builds_from_its_example_spec(kind):
    criterion = build(registry()[kind].EXAMPLE)
    assert type(criterion) is registry()[kind]
    assert criterion == build(registry()[kind].EXAMPLE)  # the same spec builds an equal criterion
    assert criterion.value_type() in (NUMBER, TEXT)
    assert "value" in criterion.needs()
    assert criterion.better_direction() in ("higher", "lower", None)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_describes_itself_in_zh_and_en(kind):
    criterion = build(registry()[kind].EXAMPLE)
    for lang in ("zh", "en"):
        assert criterion.describe(PROFILE, lang) and criterion.how_decided(lang)
    assert CJK.search(criterion.how_decided("zh"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", [PASS, FAIL])
def test_each_kind_decides_the_examples_it_gives(kind, status):
    criterion = build(registry()[kind].EXAMPLE)
    example = criterion.example(PROFILE, status, "%")
    assert example is not None, f"{kind} gives no {status} example"
    outcome = criterion.evaluate(entry_of(example), PROFILE)
    assert outcome.status == status and outcome.has_reason, (example, outcome)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_draws_synthetic_values_of_its_needs(kind):
    criterion = build(registry()[kind].EXAMPLE)
    rng = random.Random(1)
    for good in (True, False):
        fields = criterion.draw(PROFILE, rng, good)
        assert set(fields) == set(criterion.needs())
        assert criterion.evaluate(entry_of(fields), PROFILE).status in (PASS, FAIL)
    # a drawn passing value passes (a failing one only probably fails: it may land on a boundary)
    assert all(criterion.evaluate(entry_of(criterion.draw(PROFILE, rng, True)), PROFILE).status == PASS
               for _ in range(20))
