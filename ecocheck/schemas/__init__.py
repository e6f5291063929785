"""JSON Schemas shipped with ecocheck (rule files, submissions)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


@cache
def load_schema(name: str) -> dict:
    """The schema `name` (e.g. "rules", "submission") as a dict; read once per process."""
    return json.loads(schema_file(name).read_bytes())


@cache
def validator(name: str):
    """A compiled validator, reused for every file (compiling costs more than validating)."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    return Draft202012Validator(schema)


def schema_file(name: str) -> Path:
    """Where the shipped schema `name` lies on disk (for editors: `$schema=` lines, settings)."""
    return Path(__file__).resolve().with_name(f"{name}.schema.json")
