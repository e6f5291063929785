"""Synthetic, valid county-year submissions for trying batch mode at national scale.

Values are drawn from the rule library itself (each criterion says what it needs), around
each threshold so that both verdicts occur, with a share left out (缺数据). Seeded and
reproducible: the same (n, seed) gives byte-identical files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ecocheck.library.criteria import AllOf, Band, Change, Criterion, Qualitative, SuperiorTarget, Threshold, Trend
from ecocheck.library.model import Edition
from ecocheck.base.entries import Profile
from ecocheck.base.words import LEVEL_ZH
from ecocheck.library.loader import Library, load_library

try:  # libyaml's emitter is several times faster
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

PROVINCES = ["辽宁省", "吉林省", "内蒙古自治区", "河北省", "山西省", "浙江省", "福建省", "广东省", "四川省",
             "云南省", "甘肃省", "青海省", "西藏自治区", "江西省", "湖南省", "贵州省"]
COASTAL_PROVINCES = {"辽宁省", "河北省", "浙江省", "福建省", "广东省"}


def _num(x: float, places: int = 2) -> float:
    return float(round(Decimal(str(x)), places))


def _draw_for(criterion: Criterion, profile: Profile, rng: random.Random, good: bool) -> dict[str, Any]:
    """Fields that satisfy (good) or probably violate the criterion."""
    if isinstance(criterion, Threshold):
        bound, _ = criterion.resolve(profile)
        b = float(bound)
        if criterion.op in (">=", ">"):
            value = min(100.0, b + rng.uniform(0, 12)) if good else b - rng.uniform(0.1, 10)
            if b >= 100:
                value = 100 if good else rng.uniform(90, 99.9)
        else:
            value = b - rng.uniform(0, 5) if good else b + rng.uniform(0.1, 5)
        return {"value": _num(max(value, 0) if b >= 0 else value)}
    if isinstance(criterion, Qualitative):
        return {"value": criterion.accept[0] if good or not criterion.reject else criterion.reject[0]}
    if isinstance(criterion, SuperiorTarget):
        target = rng.uniform(40, 95)
        higher = criterion.direction == "higher"
        value = target + (1 if good == higher else -1) * rng.uniform(0.1, 4)
        return {"value": _num(min(value, 100)), "target": _num(target)}
    if isinstance(criterion, Trend):
        previous = rng.uniform(20, 90)
        better = 1 if criterion.direction == "higher" else -1
        step = rng.uniform(0.1, 3)
        value = previous + better * step if good else previous - better * step
        return {"value": _num(value), "previous": _num(previous)}
    if isinstance(criterion, Change):
        bound = float(criterion.bound)
        delta = bound + rng.uniform(0, 2) if good else bound - rng.uniform(0.1, 2)
        previous = rng.uniform(40, 80)
        return {"value": _num(previous + delta), "previous": _num(previous)}
    if isinstance(criterion, Band):
        previous = rng.uniform(30, 95)
        step = rng.uniform(2, 4) if good else -rng.uniform(0.1, 2)
        return {"value": _num(min(previous + step, 100)), "previous": _num(min(previous, 100 - step if step > 0 else 100))}
    if isinstance(criterion, AllOf):
        fields: dict[str, Any] = {}
        trend = next((p for p in criterion.parts if isinstance(p, Trend)), None)
        target = next((p for p in criterion.parts if isinstance(p, SuperiorTarget)), None)
        if trend is not None:
            fields.update(_draw_for(trend, profile, rng, good))
        if target is not None:
            v = fields.get("value")
            if v is None:
                fields.update(_draw_for(target, profile, rng, good))
            else:
                higher = target.direction == "higher"
                margin = rng.uniform(0.1, 3)
                fields["target"] = _num(v - margin if higher == good else v + margin)
        return fields
    raise TypeError(criterion.KIND)  # pragma: no cover


def _value(fields: dict[str, Any]) -> Any:
    """Plain scalar when only a value is needed, else the mapping form."""
    return fields["value"] if list(fields) == ["value"] else fields


def make_submission(index: int, library: Library, rng: random.Random) -> tuple[str, dict[str, Any]]:
    edition: Edition = library.get("2021" if rng.random() < 0.7 else "2019")
    province = rng.choice(PROVINCES)
    level = "city" if rng.random() < 0.12 else "county"
    coastal = province in COASTAL_PROVINCES and rng.random() < 0.3
    profile_classes: dict[str, str] = {}
    for key, spec in edition.classes.items():
        if key == "city_size" and level != "city":
            continue
        profile_classes[key] = rng.choice(list(spec.values))
    profile = Profile(level=level, coastal=coastal, classes=profile_classes)
    quality = rng.random()  # some counties are close to meeting everything, some far
    indicators: dict[str, Any] = {}
    for ind in edition.indicators:
        if not ind.applies_to(profile)[0] or rng.random() < 0.04:
            continue
        if ind.items:
            indicators[ind.name] = {item.name: _value(_draw_for(item.criterion, profile, rng, rng.random() < 0.7 + 0.3 * quality))
                                    for item in ind.items}
        else:
            indicators[ind.name] = _value(_draw_for(ind.criterion, profile, rng, rng.random() < 0.7 + 0.3 * quality))
    suffix = LEVEL_ZH[level]
    region = f"合成{index:05d}{suffix}"
    year = rng.randint(2019, 2025)
    doc = {"region": region, "level": level, "year": year, "edition": edition.id, "province": province,
           "profile": {**profile_classes, "coastal": coastal}, "indicators": indicators}
    return f"synthetic-{index:05d}-{year}.yaml", doc


def generate(n: int, seed: int = 0, library: Library | None = None) -> Iterator[tuple[str, str]]:
    """(file name, YAML text) for n synthetic submissions."""
    library = library or load_library()
    rng = random.Random(seed)
    for i in range(n):
        name, doc = make_submission(i, library, rng)
        yield name, yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)


def write(n: int, folder: str | Path, seed: int = 0) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
