"""A quiet, honest first run: `make demo` explains its exit codes, `make test` installs nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def test_demo_ends_each_report_with_what_its_exit_code_means():
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    result = subprocess.run([sys.executable, "scripts/demo.py"], cwd=ROOT, capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    kazuo = next(line for line in lines if line.startswith("喀左县 2019: "))
    assert "项约束性指标未达标" in kazuo and kazuo.endswith("exit 1 is the verdict, not an error")
    assert lines[-1] == "通榆县 2022: 约束性指标全部达标 — exit 0: every binding indicator is met"
    assert result.stderr == ""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_installs_nothing_outside_the_virtualenv():
    planned = subprocess.run(["make", "-n", "-W", "pyproject.toml", "test"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60).stdout
    assert "pytest" in planned
    for word in ("apt-get", "install-browser", "sudo"):
        assert word not in planned
    assert all(".venv" in line for line in planned.splitlines() if "pip install" in line)
