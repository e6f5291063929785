"""Hostile or unlucky surroundings — special files, symlinks, signals, full disks,
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
            done = run_cli("evaluate", str(path), "--lang", "en")
            assert done.returncode == 2, done.stderr
            assert f"not a regular file (a {kind})" in done.stderr
        done = run_cli("batch", str(tmp_path), "-q", "--lang", "en")
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
    done = run_cli("evaluate", str(big), "--lang", "en")
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
    done = run_cli("evaluate", str(file), "--lang", "en")
    assert done.returncode == 2
    assert f"v.yaml:7:12: error: {value} is not a number here" in done.stderr and kind in done.stderr
    file.write_text(_with_value(f'"{value}"'), encoding="utf-8")  # quoted, it is text: a different error
    assert "is not a number here" not in run_cli("evaluate", str(file), "--lang", "en").stderr


@pytest.mark.parametrize("value", ["7" * 5000, "7" * 400, "7" * 400 + ".5", "1.0e+400"])
def test_numbers_beyond_a_float_are_rejected_with_their_place_and_the_other_files_still_reported(tmp_path, value):
    """A 5,000-digit integer gave 'internal error: ValueError' and lost the other files' reports."""
    file = tmp_path / "huge.yaml"
    file.write_text(_with_value(value), encoding="utf-8")
    done = run_cli("evaluate", str(KAZUO), str(file), str(DATA / "tongyu-2022.yaml"), "-f", "json", "--lang", "en")
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
    plain = reader.did_you_mean
    monkeypatch.setattr(reader, "did_you_mean", lambda *a: calls.append(a) or plain(*a))
    for strict in (True, False):  # refused, or reported with its problems: capped either way
        calls.clear()
        checked = check_file(file, load_library(), strict=strict)
        problems = checked.problems if strict else checked.report.problems
        assert len(problems) == 201
        assert problems[-1].message_in("en") == "… and 9800 more problems not shown"
        assert problems[-1].code == "too-many"
        assert len(calls) == 200
    done = run_cli("evaluate", str(file), "--lang", "en")
    assert done.returncode == 2 and done.stderr.count("error:") == 201


# ── --output: write through to devices and FIFOs, never over an input, never half-written ──

def _json_report(tmp_path, *extra, output, cwd=None):
    return run_cli("evaluate", str(KAZUO), "-f", "json", "-o", str(output), *extra, cwd=cwd)


def test_output_to_a_character_device_writes_through():
    """As root, `-o /dev/null` used to turn the device into a regular file."""
    done = run_cli("evaluate", str(KAZUO), "-f", "json", "-o", "/dev/null")
    assert done.returncode == 1, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_writes_through(tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    done = _json_report(tmp_path, output=fifo)
    received, _ = reader.communicate(timeout=60)
    assert done.returncode == 1, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.startswith(b"{") and b'"region": "\xe5\x96\x80\xe5\xb7\xa6\xe5\x8e\xbf"' in received


def test_output_dash_is_standard_output(tmp_path):
    done = run_cli("evaluate", str(KAZUO), "-f", "json", "-o", "-", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


def test_output_that_is_an_input_is_refused(tmp_path):
    """`evaluate a.yaml -f json -o a.yaml` replaced the submission with its report."""
    sub = tmp_path / "a.yaml"
    sub.write_bytes(KAZUO.read_bytes())
    link = tmp_path / "same-file.json"
    os.link(sub, link)
    for target in (sub, link):
        done = run_cli("evaluate", str(sub), "-f", "json", "-o", str(target), "--force")
        assert done.returncode == 2
        assert f"refusing to write the output to {target}: it is the input file {sub}" in done.stderr
        assert sub.read_bytes() == KAZUO.read_bytes()
    done = run_cli("batch", str(tmp_path), "-o", str(sub), "-q")
    assert done.returncode == 2 and "it is the input file" in done.stderr
    assert sub.read_bytes() == KAZUO.read_bytes()


def test_a_read_only_or_hard_linked_output_needs_force(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    done = _json_report(tmp_path, output=target)
    assert done.returncode == 2 and f"refusing to replace {target}: it is read-only" in done.stderr
    assert "--force" in done.stderr and target.read_text(encoding="utf-8") == "old"
    done = _json_report(tmp_path, "--force", output=target)
    assert done.returncode == 1 and target.read_text(encoding="utf-8").startswith("{")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444  # the replacement keeps the file's permissions
    other = tmp_path / "linked.json"
    other.write_text("old", encoding="utf-8")
    os.link(other, tmp_path / "second-name.json")
    done = _json_report(tmp_path, output=other)
    assert done.returncode == 2 and "hard links" in done.stderr and other.read_text(encoding="utf-8") == "old"


def test_a_symlinked_output_keeps_its_link_and_replaces_its_target(tmp_path):
    real = tmp_path / "reports" / "real.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    done = _json_report(tmp_path, output=link)
    assert done.returncode == 1, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.json"]


@pytest.mark.parametrize("target, message", [
    ("/dev/full", "cannot write the output to /dev/full: No space left on device"),
    ("{tmp}", "cannot write the output to {tmp}: it is a folder"),
])
def test_output_failures_are_plain_errors(tmp_path, target, message):
    target, message = target.format(tmp=tmp_path), message.format(tmp=tmp_path)
    for args in (("evaluate", str(KAZUO)), ("batch", str(DATA), "-q"), ("evaluate", str(KAZUO), "-f", "csv"),
                 ("template",), ("compare", str(DATA / "kazuo-2019.yaml"), str(DATA / "kazuo-2022.yaml"))):
        done = run_cli(*args, "-o", target)
        assert done.returncode == 2, (args, done.stderr)
        assert f"error: {message}" in done.stderr, (args, done.stderr)
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs (root only): a disk that fills up, or one mounted read-only."""
    mounted = []

    def mount(options: str = "size=64k"):
        folder = tmp_path / f"disk{len(mounted)}"
        folder.mkdir()
        if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                                               capture_output=True).returncode:
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_leaves_the_old_report_whole_and_no_temporary_file(tiny_disk):
    disk = tiny_disk()
    target = disk / "report.json"
    target.write_text("old report", encoding="utf-8")
    done = run_cli("batch", str(DATA), "-f", "json", "-q", "-o", str(target))
    assert done.returncode == 2
    assert f"error: cannot write the output to {target}: No space left on device" in done.stderr
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in disk.iterdir()] == ["report.json"]


def test_a_read_only_file_system_is_a_plain_error(tiny_disk):
    disk = tiny_disk("size=64k,ro")
    done = run_cli("evaluate", str(KAZUO), "-o", str(disk / "report.txt"))
    assert done.returncode == 2
    assert f"error: cannot write the output to {disk / 'report.txt'}: Read-only file system" in done.stderr


# ── interrupts: Ctrl-C and SIGTERM stop everything, cleanly, at once ──────────────────────

@pytest.fixture(scope="module")
def many_counties(tmp_path_factory):
    folder = tmp_path_factory.mktemp("counties")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_counties.py"), "6000", str(folder)],
                   check=True, capture_output=True, timeout=300)
    return folder


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _finish(proc: subprocess.Popen, timeout: float, hung: str) -> tuple[bytes, bytes]:
    """The process's output once it ends; it and its workers killed, and the test failed, if it does not."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        pytest.fail(hung)


@pytest.mark.parametrize("signum, code, message", [
    (2, 130, "ecocheck: interrupted (Ctrl-C)"), (15, 143, "ecocheck: terminated (SIGTERM)")])
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_a_signal_stops_a_batch_cleanly(many_counties, tmp_path, signum, code, message, jobs, fmt):
    """Ctrl-C deadlocked a parallel batch (4 tries in 9), workers printed KeyboardInterrupt
    tracebacks, SIGTERM left 100 MB hidden temporary files, and -o runs exited with no message."""
    import time

    target = tmp_path / f"report.{fmt}"
    target.write_text("old report", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "ecocheck", "batch", str(many_counties), "-j", jobs, "-f", fmt,
                             "-o", str(target), "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=dict(os.environ, NO_COLOR="1"))
    time.sleep(2.0)
    assert proc.poll() is None, "the batch ended before the signal: give it more files"
    if signum == 2:
        os.killpg(proc.pid, signum)  # as the terminal sends Ctrl-C: to every process of the group
    else:
        os.kill(proc.pid, signum)  # as `kill PID` does: to the batch process only
    out, err = _finish(proc, 30, "the batch hung after the signal")
    assert proc.returncode == code, err
    assert err.decode() == message + "\n"
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    deadline = time.monotonic() + 10
    while _alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(proc.pid), "worker processes outlived the batch"


def test_a_signal_stops_evaluate_with_its_exit_code(tmp_path):
    """The command waits on a FIFO nobody reads: SIGTERM must still end it, at once and plainly."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "ecocheck", "evaluate", str(KAZUO), "-o", str(fifo)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    import time

    time.sleep(1.5)
    assert proc.poll() is None
    proc.send_signal(15)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143 and err.decode() == "ecocheck: terminated (SIGTERM)\n"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "html", "junit"])
def test_a_signal_stops_an_export_written_as_it_goes_cleanly(many_counties, tmp_path, fmt):
    """The exports are written while the files are checked, parts of them into temporary files
    (the output's, a spool for what follows the overview, openpyxl's for each sheet): a signal
    midway leaves the old report whole and none of them behind."""
    import time

    scratch = tmp_path / "tmp"  # the temporary folder of the batch: every temporary file goes here
    scratch.mkdir()
    target = tmp_path / f"report.{fmt}"
    target.write_text("old report", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "ecocheck", "batch", str(many_counties), "-j", "2", "-f", fmt,
                             "-o", str(target), "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=dict(os.environ, NO_COLOR="1", TMPDIR=str(scratch)))
    time.sleep(3.0)
    assert proc.poll() is None, "the batch ended before the signal: give it more files"
    if fmt == "csv":  # midway: rows already in the output's temporary file
        assert list(tmp_path.glob(f".{target.name}.*.tmp"))
    if fmt == "xlsx":  # midway: county sheets already in openpyxl's temporary files
        assert list(scratch.iterdir())
    os.kill(proc.pid, 15)
    _, err = _finish(proc, 30, "the batch hung after the signal")
    assert proc.returncode == 143 and err.decode() == "ecocheck: terminated (SIGTERM)\n"
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, "tmp"])
    assert list(scratch.iterdir()) == []


def test_a_worker_that_dies_costs_its_files_not_the_batch(many_counties):
    """multiprocessing.Pool waited forever for a killed worker's results."""
    import json
    import time

    proc = subprocess.Popen([sys.executable, "-m", "ecocheck", "batch", str(many_counties), "-j", "2", "-f", "json",
                             "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    children: list[str] = []
    deadline = time.monotonic() + 20
    while len(children) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as listing:
            children = listing.read().split()
    assert len(children) == 2, "the workers did not start"
    time.sleep(0.5)
    os.kill(int(children[0]), 9)
    out, err = _finish(proc, 120, "the batch waited forever for a dead worker")
    assert proc.returncode == 2, err
    doc = json.loads(out)
    lost = [e for e in doc["errors"] if "the worker process stopped (exit code -9)" in e["message"]]
    assert lost and len(doc["reports"]) + len(lost) == 6000


# ── batch discovery: nothing found is an error; what is skipped is said ──────────────────

def test_a_batch_that_finds_no_submission_fails(tmp_path):
    """An empty folder passed a CI gate: exit 0 and "共 0 个文件"."""
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    done = run_cli("batch", str(tmp_path))
    assert done.returncode == 2
    assert f"error: no submission files (*.yaml, *.yml) found in {tmp_path} (skipped 1: 1 not YAML)" in done.stderr


def test_yaml_suffixes_in_any_case_and_skipped_entries_counted(tmp_path):
    import json

    (tmp_path / "A.YAML").write_bytes(KAZUO.read_bytes())
    (tmp_path / "b.Yml").write_bytes((DATA / "tongyu-2022.yaml").read_bytes())
    (tmp_path / ".hidden.yaml").write_bytes(KAZUO.read_bytes())
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "inside").mkdir()
    (tmp_path / "inside" / "link").symlink_to(tmp_path / "elsewhere")
    done = run_cli("batch", str(tmp_path), "-f", "json", "-q")
    doc = json.loads(done.stdout)
    assert sorted(r["file"].rsplit("/", 1)[1] for r in doc["reports"]) == ["A.YAML", "b.Yml"]
    assert doc["summary"]["skipped"] == {"hidden": 1, "not_yaml": 1, "symlinked_folder": 1}
    text = run_cli("batch", str(tmp_path), "-q").stdout
    assert "跳过 3 项：隐藏 1 个，非 YAML 文件 1 个，链接的文件夹 1 个" in text


def test_an_unreadable_folder_is_an_error_not_silence(tmp_path):
    """Root reads every folder: the batch runs without the capabilities that allow it."""
    if os.geteuid() != 0 or not any(os.access(os.path.join(d, "setpriv"), os.X_OK)
                                    for d in os.environ.get("PATH", "").split(os.pathsep)):
        pytest.skip("needs root and setpriv to drop the capability to read any folder")
    (tmp_path / "ok.yaml").write_bytes(KAZUO.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.yaml").write_bytes(KAZUO.read_bytes())
    locked.chmod(0)
    try:
        done = subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search", sys.executable, "-m",
                               "ecocheck", "batch", str(tmp_path), "-q", "--lang", "en"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert str(locked) in done.stdout and "cannot read folder: Permission denied" in done.stdout
    assert "1 evaluated" in done.stdout


# ── reports: data is shown, never obeyed ──────────────────────────────────────────────────

HOSTILE = '=HYPERLINK("http://evil.example")\x1b[31m<script>alert(1)</script>\n## injected | cell\u202e'
HOSTILE_FILE = "=1+2<b>\x1b[2J\n.yaml"


@pytest.fixture
def hostile(tmp_path):
    """A submission whose region name, note and file name carry a formula, HTML, an escape
    sequence, a line break, a table pipe and a bidi override; and a negative number."""
    import yaml

    doc = {"region": HOSTILE, "level": "county", "year": 2022, "edition": "2021", "profile": {"terrain": "平原地区"},
           "indicators": {"城镇污水处理率": {"value": 95, "note": "@SUM(1+1) " + HOSTILE},
                          "生态环境状况指数": {"delta": -0.45}, "河长制": "全面实施"}}
    path = tmp_path / HOSTILE_FILE
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def test_csv_neutralises_formulas_in_text_cells_not_numbers(hostile):
    import csv
    import io

    done = subprocess.run([sys.executable, "-m", "ecocheck", "evaluate", str(hostile), "-f", "csv"], cwd=ROOT,
                          capture_output=True, timeout=120)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"), newline="")))
    assert rows and all(r["region"] == "'" + HOSTILE for r in rows)
    sewage = next(r for r in rows if r["指标名称"] == "城镇污水处理率")
    assert sewage["note"] == "'@SUM(1+1) " + HOSTILE and sewage["value"] == "95"
    eqi = next(r for r in rows if r["指标名称"] == "生态环境状况指数")
    assert eqi["delta"] == "-0.45"  # a number stays a number
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "", 1).isdigit(), (column, cell)


def test_csv_neutralises_a_hostile_file_name(hostile, tmp_path):
    import csv
    import io

    done = subprocess.run([sys.executable, "-m", "ecocheck", "evaluate", hostile.name, "-f", "csv"], cwd=tmp_path,
                          capture_output=True, timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"), newline="")))
    assert rows and {r["file"] for r in rows} == {"'" + HOSTILE_FILE}


@pytest.mark.parametrize("command", [("evaluate", "{file}"), ("batch", "{folder}")])
def test_markdown_shows_html_and_line_breaks_as_text(hostile, command):
    args = [a.format(file=hostile, folder=hostile.parent) for a in command]
    done = subprocess.run([sys.executable, "-m", "ecocheck", *args, "-f", "markdown"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    out = done.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out
    assert "\n## injected" not in out and "injected \\| cell" in out
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("command", [("evaluate", "{file}"), ("batch", "{folder}")])
def test_terminal_tables_strip_control_characters(hostile, command):
    args = [a.format(file=hostile, folder=hostile.parent) for a in command]
    done = subprocess.run([sys.executable, "-m", "ecocheck", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, COLUMNS="400"))  # wide enough: the name on one line
    out = done.stdout
    assert "[31m<script>alert(1)</script> ## injected | cell" in out
    assert "\x1b" not in out and "\u202e" not in out and "\n## injected" not in out
    if command[0] == "batch":  # the file name in the errors table, if listed, is clean as well
        assert "\x1b[2J" not in out


def test_the_rich_terminal_tables_strip_control_characters(hostile):
    import io

    from rich.console import Console

    from ecocheck.engine.api import check_file
    from ecocheck.engine.summary import BatchSummary
    from ecocheck.library.loader import load_library
    from ecocheck.output import batchtext, text

    report = check_file(hostile, load_library()).report.as_dict()
    summary = BatchSummary()
    summary.add_report(report)
    errors = [{"file": HOSTILE_FILE, "line": 1, "column": 1, "message": "m", "hint": "[bold]h[/bold]"}]
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system=None, width=400)
    text.render_rich(report, console)
    batchtext.render_rich(summary.as_dict(), errors, console)
    out = buffer.getvalue()
    assert "\x1b[31m" not in out and "\x1b[2J" not in out and "\u202e" not in out
    assert "[bold]h[/bold]" in out  # shown as written, not taken as markup


@pytest.mark.parametrize("args", [("evaluate", str(KAZUO)), ("evaluate", str(KAZUO), "-f", "json"),
                                  ("batch", str(DATA), "-q"), ("batch", str(DATA), "-q", "-f", "json"), ("template",)])
def test_standard_output_on_a_full_disk_is_a_plain_error(args):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "ecocheck", *args], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.endswith("error: cannot write the output to standard output: No space left on device\n")
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_a_read_only_folder_is_a_plain_error(tmp_path):
    """Root writes anywhere: the command runs without the capability that allows it."""
    if os.geteuid() != 0 or subprocess.run(["setpriv", "--version"], capture_output=True).returncode:
        pytest.skip("needs root and setpriv to drop the capability to write any folder")
    folder = tmp_path / "reports"
    folder.mkdir()
    folder.chmod(0o555)
    done = subprocess.run(["setpriv", "--bounding-set", "-dac_override", sys.executable, "-m", "ecocheck", "evaluate",
                           str(KAZUO), "-o", str(folder / "report.txt")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    folder.chmod(0o755)
    assert done.returncode == 2
    assert f"error: cannot write the output to {folder / 'report.txt'}: Permission denied" in done.stderr
    assert list(folder.iterdir()) == []


FINALIZER_FAILS_AT_EXIT = r"""
import os, signal, time
import ecocheck.cli.app, ecocheck.cli.main

def sheet_writer():  # as openpyxl's write-only sheet: suspended inside an element when the signal came
    try:
        yield
    finally:
        raise RuntimeError("the element cannot be closed")

WRITER = sheet_writer()
next(WRITER)

def build_app(argv):
    def app(prog_name):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
    return app

ecocheck.cli.app.build_app = build_app
ecocheck.cli.main.main()
"""


def test_a_library_finalizer_failing_after_a_signal_prints_no_traceback():
    """Seen in CI on `batch -f xlsx -o` under load: after SIGTERM, openpyxl's suspended sheet writer
    failed in its finalizer at shutdown and Python printed "Exception ignored in …" with a traceback
    under the one-line message."""
    proc = subprocess.run([sys.executable, "-c", FINALIZER_FAILS_AT_EXIT], cwd=ROOT, capture_output=True,
                          timeout=60)
    assert proc.returncode == 143
    assert proc.stderr.decode() == "ecocheck: terminated (SIGTERM)\n"
