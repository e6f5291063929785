"""What a region gives: its profile (level, coast, classes) and, per indicator, an Entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Profile:
    level: str
    coastal: bool = False
    classes: dict[str, str] = field(default_factory=dict)  # e.g. {"terrain": "干旱半干旱地区"}
    implied: dict[str, str] = field(default_factory=dict)  # a class not given -> the class it was read from


@dataclass(slots=True)
class Entry:
    """What a submission gives for one indicator or sub-item."""

    value: Any = None  # Decimal, str (qualitative), or None
    raw: Any = None  # the value exactly as written, for display
    previous: Decimal | None = None
    target: Decimal | None = None
    delta: Decimal | None = None
    met: bool | None = None
    applicable: bool | None = None
    source: str = ""
    note: str = ""
    items: dict[str, "Entry"] = field(default_factory=dict)
    path: tuple = ()
    previous_source: str = ""  # where `previous` came from, when not from the file itself
    problem: Any = ""  # why the cell could not be read, a Message (then value is None: 缺数据)
    warning: Any = None  # a Message shown beside the verdict, e.g. "0.95 — did you mean 95%?"
    at_best: bool = False  # the value is the best possible (100% where higher is better, 0 where lower is)
    unit: str = ""  # the unit the value was given in, when it picks another reading (PM2.5 in μg/m³)
    met_parts: tuple = ()  # the parts of a compound requirement the cell declares met (完成 of 完成…；保持稳定…)
    met_bands: tuple = ()  # the bands whose requirement the cell restates (保持稳定 of a ≤60%/＞60% band)
    no_worse: bool = False  # the cell says only "no worse than last year" (不降低 of a ≥ bound): decided by `previous`
