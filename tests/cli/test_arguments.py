"""Impossible command lines fail with exit 2 before any submission is read (issue #17).

Each command line names a broken submission: had the command read it, its YAML error would
be on stderr. Only the usage error may be there.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

BROKEN = "region: [unclosed\n"


@pytest.fixture
def broken(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "broken-2022.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def run_on_terminal(*args: str) -> tuple[int, str]:
    """The CLI with its standard output on a terminal (a pseudo-terminal); (exit code, stderr)."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "ecocheck", *args], stdout=follower, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=120, env=dict(os.environ, COLUMNS="100"))
    finally:
        os.close(follower)
        os.close(leader)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("command", ["evaluate", "batch"])
def test_a_workbook_for_a_terminal_is_refused_before_reading(broken, command):
    code, err = run_on_terminal(command, str(broken), "-f", "xlsx")
    assert code == 2 and "cannot be shown on a terminal" in err
    assert "broken-2022" not in err


@pytest.mark.parametrize("args, said", [
    (["evaluate", "{file}", "--plan", "no-such-plan"], "unknown plan 'no-such-plan'"),
    (["evaluate", "{file}", "--history", "{missing}"], "history folder not found"),
    (["evaluate", "{file}", "--history", "{file}"], "--history needs a folder"),
    (["evaluate", "{file}", "--edition", "1999"], "unknown edition '1999'"),
    (["evaluate", "{file}", "-f", "json", "-o", "{folder}"], "is a folder"),
    (["batch", "{folder}", "--history", "{missing}"], "history folder not found"),
    (["batch", "{folder}", "--edition", "1999"], "unknown edition '1999'"),
    (["batch", "{folder}", "-f", "csv", "-o", "{folder}"], "is a folder"),
    (["compare", "{file}", "{file}", "--edition", "1999"], "unknown edition '1999'"),
    (["compare", "{folder}", "-o", "{folder}"], "is a folder"),
    (["progress", "{file}", "--plan", "no-such-plan"], "unknown plan 'no-such-plan'"),
    (["progress", "{file}", "--plan", "kazuo-2030", "--history", "{missing}"], "history folder not found"),
    (["progress", "{file}", "--plan", "kazuo-2030", "--plans", "{missing}"], "plans folder not found"),
    (["progress", "{file}", "--plan", "kazuo-2030", "--edition", "1999"], "unknown edition '1999'"),
    (["progress", "{file}", "--plan", "kazuo-2030", "-o", "{folder}"], "is a folder"),
])
def test_impossible_arguments_fail_before_any_file_is_read(broken, tmp_path, args, said):
    names = {"file": str(broken), "folder": str(broken.parent), "missing": str(tmp_path / "nowhere")}
    result = run_cli(*(a.format(**names) for a in args))
    assert result.returncode == 2 and said in result.stderr
    assert "YAML" not in result.stderr and "broken-2022.yaml:" not in result.stderr
    assert "Traceback" not in result.stderr
