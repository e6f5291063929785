"""Shared helpers: run the CLI as a user would, and build small submissions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real console entry point in a subprocess: exit codes and streams as users see them."""
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "ecocheck", *args], capture_output=True, text=True,
                          input=input, cwd=cwd or ROOT, env=env, timeout=120)


def submission(indicators: dict, *, region="测试县", level="county", year=2022, edition="2021",
               profile=None, **extra) -> str:
    doc = {"region": region, "level": level, "year": year, "edition": edition,
           "profile": profile if profile is not None else {"terrain": "平原地区"}, **extra,
           "indicators": indicators}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return _write
