"""JSON Schemas shipped with ecocheck (rule files, submissions)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def load_schema(name: str) -> dict:
    """The schema `name` (e.g. "rules", "submission") as a dict; read once per process."""
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator(name: str):
    """A compiled validator, reused for every file (compiling costs more than validating)."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    return Draft202012Validator(schema)


def schema_file(name: str) -> Path:
    """Where the shipped schema `name` lies on disk (for editors: `$schema=` lines, settings)."""
    return Path(str(resources.files(__name__).joinpath(f"{name}.schema.json"))).resolve()
