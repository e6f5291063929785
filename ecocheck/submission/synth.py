"""Synthetic, valid county-year submissions for trying batch mode at national scale.

Values are drawn from the rule library itself (each criterion says what it needs), around
each threshold so that both verdicts occur, with a share left out (缺数据). Seeded and
reproducible: the same (n, seed) gives byte-identical files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

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
            indicators[ind.name] = {item.name: _value(item.criterion.draw(profile, rng, rng.random() < 0.7 + 0.3 * quality))
                                    for item in ind.items}
        else:
            indicators[ind.name] = _value(ind.criterion.draw(profile, rng, rng.random() < 0.7 + 0.3 * quality))
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
