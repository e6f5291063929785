"""Issue #18: hostile or unlucky surroundings — special files, symlinks, signals, full disks,
read-only targets, formulas and escape sequences in data — never hang, destroy or mislead.

Everything here runs the real command in a real process on real files; nothing is mocked.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

DATA = ROOT / "data"
KAZUO = DATA / "kazuo-2019.yaml"


# ── reads: regular files only, never more than the limit ───────────────────────────────

def _special_files(folder):
    fifo = folder / "pipe.yaml"
    os.mkfifo(fifo)
    device = folder / "zero.yaml"
    device.symlink_to("/dev/zero")
    sock = folder / "sock.yaml"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    return server, {fifo: "named pipe", device: "device", sock: "socket"}


def test_special_files_are_refused_not_read(tmp_path):
    """A FIFO named x.yaml used to hang evaluate and batch forever; /dev/zero ate all memory."""
    server, special = _special_files(tmp_path)
    with server:
        for path, kind in special.items():
            done = run_cli("evaluate", str(path))
            assert done.returncode == 2, done.stderr
            assert f"not a regular file (a {kind})" in done.stderr
        done = run_cli("batch", str(tmp_path), "-q")
        assert done.returncode == 2
        assert done.stdout.count("not a regular file") == 3


def test_special_files_in_a_history_folder_are_skipped_not_read(tmp_path):
    server, _ = _special_files(tmp_path)
    with server:
        done = run_cli("evaluate", str(KAZUO), "--history", str(tmp_path), "-f", "json")
    assert done.returncode in (0, 1), done.stderr


def test_the_size_limit_does_not_trust_the_size_the_file_claims(tmp_path):
    from ecocheck.base.yamlsafe import MAX_BYTES

    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    done = run_cli("evaluate", str(big))
    assert done.returncode == 2 and "file is too large" in done.stderr


# ── limits: numbers YAML readers disagree on, huge numbers, floods of problems ────────────

def _with_value(value: str) -> str:
    return ('region: 测试县\nlevel: county\nyear: 2022\nedition: "2021"\nprofile: {terrain: 平原地区}\n'
            f"indicators:\n  城镇污水处理率: {value}\n")


@pytest.mark.parametrize("value, kind", [
    ("1:35", "base 60"), ("0x5f", "hexadecimal"), ("0o17", "octal"), ("0b101", "binary"), ("9_5", "grouped with _"),
    ("1_000.5", "grouped with _"), ("017", "leading zero"),
])
def test_yaml_1_1_number_forms_are_not_numbers_here(tmp_path, value, kind):
    """PyYAML read 1:35, 0x5f and 9_5 as 95 without a word."""
    file = tmp_path / "v.yaml"
    file.write_text(_with_value(value), encoding="utf-8")
    done = run_cli("evaluate", str(file))
    assert done.returncode == 2
    assert f"v.yaml:7:12: error: {value} is not a number here" in done.stderr and kind in done.stderr
    file.write_text(_with_value(f'"{value}"'), encoding="utf-8")  # quoted, it is text: a different error
    assert "is not a number here" not in run_cli("evaluate", str(file)).stderr


@pytest.mark.parametrize("value", ["7" * 5000, "7" * 400, "7" * 400 + ".5", "1.0e+400"])
def test_numbers_beyond_a_float_are_rejected_with_their_place_and_the_other_files_still_reported(tmp_path, value):
    """A 5,000-digit integer gave 'internal error: ValueError' and lost the other files' reports."""
    file = tmp_path / "huge.yaml"
    file.write_text(_with_value(value), encoding="utf-8")
    done = run_cli("evaluate", str(KAZUO), str(file), str(DATA / "tongyu-2022.yaml"), "-f", "json")
    assert done.returncode == 2
    assert "huge.yaml:7:12: error: number too large" in done.stderr and "internal error" not in done.stderr
    import json

    doc = json.loads(done.stdout)
    assert len(doc["reports"]) == 2 and doc["errors"][0]["code"] == "number-range"


@pytest.mark.parametrize("text, value", [("95", 95), ("+95", 95), ("-95", -95), ("95.5", 95.5), ("0.5", 0.5),
                                         ("9.55e+1", 95.5), ("0", 0), ("'0x5f'", "0x5f"), (".inf", float("inf"))])
def test_decimal_numbers_still_read_as_before(text, value):
    from ecocheck.base.yamlsafe import load_text

    assert load_text(f"v: {text}\nw: [{text}]\n", "x.yaml").data == {"v": value, "w": [value]}


@pytest.mark.parametrize("key", ["0x5f", "1:35", "017", "9_5", "2022-12-31"])
def test_keys_keep_their_text(key):
    from ecocheck.base.yamlsafe import load_text

    assert load_text(f"{key}: 1\n", "x.yaml").data == {key: 1}


def test_problems_per_file_are_capped_and_suggestions_are_worked_out_for_those_shown(tmp_path, monkeypatch):
    """10,000 unknown keys took 12 s (a difflib suggestion for each) and printed 10,000 errors."""
    import yaml

    from ecocheck.engine.api import check_file
    from ecocheck.library.loader import load_library
    from ecocheck.submission import reader

    doc = {"region": "测试县", "level": "county", "year": 2022, "edition": "2021", "profile": {"terrain": "平原地区"},
           "indicators": {f"未知指标{i}": 1 for i in range(10_000)}}
    file = tmp_path / "many.yaml"
    file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    calls = []
    plain = reader.suggestion
    monkeypatch.setattr(reader, "suggestion", lambda *a: calls.append(a) or plain(*a))
    checked = check_file(file, load_library())
    assert len(checked.problems) == 201
    assert checked.problems[-1].message == "… and 9800 more problems not shown"
    assert checked.problems[-1].code == "too-many"
    assert len(calls) == 200
    done = run_cli("evaluate", str(file))
    assert done.returncode == 2 and done.stderr.count("error:") == 201
