#!/usr/bin/env python3
"""Write ecocheck/library/shipped.json: the shipped rule files (rules/*.yaml), checked in full
(schema and meaning), in the form ecocheck loads at start-up. Run after changing a rule file or
the rule-file schema (`make docs` does); tests/library/test_loader.py fails while it is stale."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecocheck.base.errors import InputError  # noqa: E402
from ecocheck.library.loader import COMPILED, compile_shipped  # noqa: E402

try:
    COMPILED.write_bytes(compile_shipped())
except InputError as err:
    sys.exit(f"the shipped rule files do not pass the full check:\n{err}")
print(f"wrote {COMPILED}")
