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
