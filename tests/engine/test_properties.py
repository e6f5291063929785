"""Property-based tests: the CLI never crashes, verdicts are stable under harmless changes,
and no value on the wrong side of a threshold is ever reported 达标.

Profiles: the default runs in a few seconds in `make test`; set HYPOTHESIS_PROFILE=thorough
for a long run (`make fuzz`).
"""

from __future__ import annotations

import os
import random
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ecocheck.cli.app import build_app
from ecocheck.library.kinds import OPS
from ecocheck.library.kinds.threshold import Threshold
from ecocheck.engine.evaluate import evaluate
from ecocheck.base.entries import Entry, Profile
from ecocheck.library.loader import load_library
from ecocheck.submission.reader import parse_submission_text
from ecocheck.submission.synth import make_submission

APP = build_app()

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

LIB = load_library()
RUNNER = CliRunner()


def cli(tmp_path, data: bytes, *args: str):
    path = tmp_path / "input.yaml"
    path.write_bytes(data)
    return RUNNER.invoke(APP, ["evaluate", str(path), *args])


def assert_clean(result) -> None:
    """Exit 0/1/2 and no exception escaped (so no traceback could be printed)."""
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path_factory, data):
    assert_clean(cli(tmp_path_factory.mktemp("b"), data))


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


@given(doc=st.dictionaries(st.sampled_from(["region", "level", "year", "edition", "profile", "indicators", "x"]),
                           YAMLISH, max_size=7))
def test_arbitrary_yaml_structures_never_crash(tmp_path_factory, doc):
    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    assert_clean(cli(tmp_path_factory.mktemp("y"), data, "-f", "json"))


def _valid_doc(seed: int) -> dict:
    return make_submission(seed, LIB, random.Random(seed))[1]


MUTATIONS = [
    lambda v: "95%" if isinstance(v, (int, float)) else v,
    lambda v: [v],
    lambda v: {"value": v, "bogus": 1},
    lambda v: "≥50%",
    lambda v: True,
    lambda v: None,
    lambda v: "未知状态",
    lambda v: -1e9,
    lambda v: {"met": "yes"},
]


@given(seed=st.integers(0, 10_000), which=st.integers(0, 10_000), mutation=st.sampled_from(MUTATIONS))
def test_mutated_valid_submissions_never_crash(tmp_path_factory, seed, which, mutation):
    doc = _valid_doc(seed)
    keys = list(doc["indicators"])
    if keys:
        key = keys[which % len(keys)]
        doc["indicators"][key] = mutation(doc["indicators"][key])
    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    assert_clean(cli(tmp_path_factory.mktemp("m"), data, "-f", "json"))


def _statuses(doc: dict) -> dict:
    sub = parse_submission_text(yaml.safe_dump(doc, allow_unicode=True), LIB)
    report = evaluate(sub, LIB.get(sub.edition)).as_dict()
    return {r["id"]: (r["status"], tuple(i["status"] for i in r["items"])) for r in report["results"]}


def _harmless(doc: dict, rng: random.Random) -> dict:
    """Reorder keys, write numbers as percent strings, use ids instead of names."""
    edition = LIB.get(doc["edition"])
    indicators = {}
    items = list(doc["indicators"].items())
    rng.shuffle(items)
    for name, value in items:
        ind = edition.find(name)
        key = ind.id if rng.random() < 0.5 else name
        if isinstance(value, (int, float)) and not isinstance(value, bool) and ind.unit == "%":
            value = f"{value}%"
        indicators[key] = value
    out = dict(doc, indicators=indicators)
    keys = list(out)
    rng.shuffle(keys)
    return {k: out[k] for k in keys}


@given(seed=st.integers(0, 10_000))
def test_verdicts_are_stable_under_harmless_changes(seed):
    doc = _valid_doc(seed)
    assert _statuses(doc) == _statuses(_harmless(doc, random.Random(seed)))


def _threshold_cases():
    """Every threshold (indicator or sub-item) of every edition, for every class value."""
    for edition in LIB.editions.values():
        for ind in edition.indicators:
            targets = [(ind.id, ind.criterion)] if ind.criterion else [(f"{ind.id}.{i.id}", i.criterion) for i in ind.items]
            for rid, criterion in targets:
                if not isinstance(criterion, Threshold):
                    continue
                classes = [(None, criterion.bound)] if not criterion.by else list(criterion.bounds)
                for cls, bound in classes:
                    yield pytest.param(edition.id, rid, criterion, cls, bound, id=f"{edition.id}-{rid}-{cls}")


@pytest.mark.parametrize("edition, rid, criterion, cls, bound", list(_threshold_cases()))
@given(offset=st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=3))
def test_no_value_violating_a_threshold_is_ever_reported_pass(edition, rid, criterion, cls, bound, offset):
    value = bound + offset
    level = cls if cls in ("county", "city") else "city" if criterion.by == "city_size" else "county"
    classes = {criterion.by: cls} if criterion.by and criterion.by != "level" else {}
    outcome = criterion.evaluate(Entry(value=value), Profile(level=level, classes=classes))
    holds = OPS[criterion.op][0](value, bound)
    assert outcome.status == ("pass" if holds else "fail"), (rid, value, bound, outcome)
    # and exactly at the bound, ≥ / ≤ pass
    at = criterion.evaluate(Entry(value=bound), Profile(level=level, classes=classes))
    assert at.status == "pass"
