"""A county-year submission, as read from its file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecocheck.base.entries import Entry, Profile


@dataclass
class Submission:
    region: str
    level: str
    year: int
    edition: str | None
    profile: Profile
    entries: dict[str, Entry]  # indicator id -> entry
    file: str = ""
    previous_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # what could not be read (each such cell is 缺数据)
