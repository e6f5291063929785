"""JSON output: the canonical report, as tools consume it."""

from __future__ import annotations

import json
from typing import Any


def render_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
