#!/usr/bin/env python3
"""How much does checking cost compared with only reading the files, and starting compared with typer?

    make bench                      # N = 3,000 and 30,000 (the export formats at 30,000 take most of it)
    .venv/bin/python scripts/bench.py --quick      # N = 300 and 3,000 (a few minutes)
    .venv/bin/python scripts/bench.py --only memory   # only the per-format memory table
    .venv/bin/python scripts/bench.py --only memory --formats csv,html   # of these formats
    .venv/bin/python scripts/bench.py --json       # the same figures as JSON

On a fresh machine it first writes the synthetic submissions it needs (seeded, reproducible;
ecocheck.submission.synth) into .bench/ (git-ignored), then measures, every figure the median of several
runs of a whole process, interleaved round by round so that a slow moment of the machine does
not fall on one row only:

1. the floor: one Python process that reads the N files and loads each with PyYAML's fastest
   loader (yaml.CSafeLoader when libyaml is there, else yaml.SafeLoader), and does nothing else;
2. `ecocheck batch` over the same N files, `--jobs 1` and the default jobs, in the default
   format and in `--format json`, standard output to /dev/null;
3. start-up: `ecocheck --version` and `ecocheck evaluate data/kazuo-2019.yaml` against
   `python -c "import yaml"` and against scripts/typer_reference.py, a minimal typer app with one
   command and the same options as `evaluate` that only parses the same YAML file;
4. the peak memory (max RSS of the largest process of the run: the batch process or one of
   its workers, from wait4) of every run, for N and 10×N files;
5. the peak memory of `ecocheck batch -f FORMAT` for every format batch offers, one run each
   at N and 10×N files (a peak hardly varies from run to run), output to /dev/null: memory must
   stay flat in N whatever the format. Each of these runs is capped (--memory-cap,
   address space per process), so a format whose memory grows with N stops at the cap instead of
   taking the machine down; such a run shows as "over the cap".

Wall times are reported with their ratio to the floor for the same N (the median, over the
rounds, of the ratio within a round), and per file, so the growth from N to 10×N can be read
off directly. The targets are checked at the end. The measured processes run with
the package's .pyc files in place, as on any installation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 1
FLOOR = r"""
import os, sys, yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
files = []
for root, dirs, names in os.walk(sys.argv[1]):
    files += [os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml"))]
for path in sorted(files):
    with open(path, "rb") as handle:
        yaml.load(handle.read(), Loader=Loader)
"""


# ── data ──────────────────────────────────────────────────────────────────────────────

def dataset(n: int, base: Path) -> Path:
    """A folder of n synthetic submissions (made once, then reused)."""
    folder = base / f"n{n}-seed{SEED}"
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    print(f"writing {n:,} synthetic submissions to {folder} …", file=sys.stderr, flush=True)
    # In a child process: this one stays small (see run()).
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); from ecocheck.submission.synth import write; "
                    "write(int(sys.argv[2]), sys.argv[3], seed=int(sys.argv[4]))", str(ROOT), str(n), str(folder), str(SEED)],
                   check=True)
    stamp.write_text(f"{n}\n")
    return folder


# ── running and measuring a whole process ─────────────────────────────────────────────

def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS in KiB and exit code of one run.

    The peak RSS is wait4's: the largest of the process and its children. Linux carries the
    high-water mark of a process across exec, so a child starts at this process's own RSS:
    this script therefore imports neither yaml nor ecocheck (it stays below every figure).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


class Case:
    def __init__(self, key: str, label: str, cmd: list[str], ok_codes=(0, 1), env=None) -> None:
        self.key, self.label, self.cmd, self.ok_codes, self.env = key, label, cmd, ok_codes, env
        self.walls: list[float] = []
        self.cpus: list[float] = []
        self.rss: list[int] = []

    def once(self) -> None:
        wall, cpu, rss, code = run(self.cmd, self.env)
        if code not in self.ok_codes:
            raise SystemExit(f"benchmark command failed with exit code {code}: {' '.join(self.cmd)}")
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.rss.append(rss)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    def ratio(self, base: "Case") -> float:
        """Median over rounds of this run's time over the base's in the same round (runs that
        close in time share the machine's mood, which on a shared machine varies by tens of %)."""
        return statistics.median(w / b for w, b in zip(self.walls, base.walls))

    @property
    def peak_mib(self) -> float:
        return max(self.rss) / 1024


def rounds(cases: list[Case], n_runs: int, label: str, warm_all: bool = True) -> None:
    """Every case once per round, n_runs rounds, after an unmeasured warm-up (page cache,
    .pyc files) of every case, or of the first only (large N: the files are
    what needs warming, and the first case reads them all)."""
    for case in cases if warm_all else cases[:1]:
        run(case.cmd, case.env)
    for i in range(n_runs):
        print(f"  {label}: round {i + 1}/{n_runs}", file=sys.stderr, flush=True)
        for case in cases:
            case.once()


ECOCHECK: list[str] = []  # --ecocheck: another build to measure (e.g. an older checkout)


def ecocheck_cmd() -> list[str]:
    if ECOCHECK:
        return ECOCHECK
    script = Path(sys.executable).with_name("ecocheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ecocheck"]


def child_env() -> dict[str, str]:
    """The environment of the measured processes: .pyc files are used as on any install."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["COLUMNS"] = "200"
    return env


# ── the benchmark ─────────────────────────────────────────────────────────────────────

def bench_batch(folder: Path, n: int, n_runs: int, jobs: int) -> dict:
    eco = ecocheck_cmd()
    env = child_env()
    cases = [
        Case("floor", "floor: read + yaml.load (CSafeLoader)", [sys.executable, "-c", FLOOR, str(folder)], (0,), env),
        Case("jobs1", "ecocheck batch --jobs 1", eco + ["batch", str(folder), "--jobs", "1"], env=env),
        Case("jobsN", f"ecocheck batch (default jobs = {jobs})", eco + ["batch", str(folder)], env=env),
        Case("jobs1_json", "ecocheck batch --jobs 1 -f json", eco + ["batch", str(folder), "--jobs", "1", "-f", "json"], env=env),
        Case("jobsN_json", f"ecocheck batch -f json (jobs = {jobs})", eco + ["batch", str(folder), "-f", "json"], env=env),
    ]
    rounds(cases, n_runs, f"N={n:,}", warm_all=n < 10_000)
    floor = cases[0]
    return {
        "n": n, "runs": n_runs,
        "rows": [{"key": c.key, "label": c.label, "wall_s": round(c.wall, 3),
                  "ms_per_file": round(c.wall / n * 1000, 4), "x_floor": round(c.ratio(floor), 3),
                  "cpu_s": round(statistics.median(c.cpus), 3), "peak_rss_mib": round(c.peak_mib, 1),
                  "walls": [round(w, 3) for w in c.walls]}
                 for c in cases],
    }


def batch_formats() -> list[str]:
    """The --format choices of `ecocheck batch`, from the registry (in a child: this process
    imports no ecocheck, see run())."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from ecocheck.output.formats import BATCH, offered; "
            "print(' '.join(f.name for f in offered(BATCH)))")
    return subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True,
                          check=True).stdout.split()


def capped_run(cmd: list[str], env: dict[str, str], cap_bytes: int) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in KiB, exit code and the tail of stderr of one run whose every
    process may map at most `cap_bytes` (RLIMIT_AS, inherited by the batch's workers)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT, preexec_fn=limit)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), tail


def bench_export_memory(folders: dict[int, Path], formats: list[str], cap_gib: float) -> dict:
    """Peak memory of `ecocheck batch FOLDER -f FORMAT -q` (default jobs), each format at each N."""
    eco = ecocheck_cmd()
    env = child_env()
    cap = int(cap_gib * 1024 ** 3)
    for folder in folders.values():  # unmeasured: the files into the page cache
        run([sys.executable, "-c", FLOOR, str(folder)], env)
    rows = []
    for fmt in formats:
        row = {"format": fmt, "runs": {}}
        for n, folder in folders.items():
            print(f"  memory: -f {fmt}, N={n:,}", file=sys.stderr, flush=True)
            wall, rss, code, tail = capped_run(eco + ["batch", str(folder), "-f", fmt, "-q"], env, cap)
            over = code not in (0, 1) and ("MemoryError" in tail or code < 0)
            if code not in (0, 1) and not over:
                raise SystemExit(f"benchmark command failed with exit code {code}: batch {folder} -f {fmt}\n{tail}")
            row["runs"][str(n)] = {"peak_rss_mib": None if over else round(rss / 1024, 1),
                                   "wall_s": round(wall, 2), "over_cap": over}
        small, large = (row["runs"][str(n)]["peak_rss_mib"] for n in folders)
        row["ratio"] = round(large / small, 2) if small and large else None
        rows.append(row)
    return {"n": list(folders), "cap_gib": cap_gib, "rows": rows}


def bench_startup(n_runs: int, sample: Path) -> dict:
    eco = ecocheck_cmd()
    env = child_env()
    cases = [
        Case("import_yaml", 'python -c "import yaml"', [sys.executable, "-c", "import yaml"], (0,), env),
        Case("typer_reference", f"typer reference app: evaluate {sample}",
             [sys.executable, str(ROOT / "scripts" / "typer_reference.py"), "evaluate", str(sample)], (0,), env),
        Case("version", "ecocheck --version", eco + ["--version"], (0,), env),
        Case("evaluate", f"ecocheck evaluate {sample}", eco + ["evaluate", str(sample)], env=env),
        Case("evaluate_json", f"ecocheck evaluate {sample} -f json", eco + ["evaluate", str(sample), "-f", "json"], env=env),
    ]
    rounds(cases, n_runs, "start-up")
    base, typer_app = cases[0], cases[1]
    return {"runs": n_runs, "rows": [{"key": c.key, "label": c.label, "wall_s": round(c.wall, 4),
                                      "x_import_yaml": round(c.ratio(base), 2),
                                      "x_typer_reference": round(c.ratio(typer_app), 2),
                                      "peak_rss_mib": round(c.peak_mib, 1)}
                                     for c in cases]}


def memory_targets(memory: dict) -> list[dict]:
    n1, n2 = memory["n"]
    out = []
    for row in memory["rows"]:
        ratio = row["ratio"]
        out.append({"target": f"peak memory of batch -f {row['format']}, {n2:,} files ≤ 1.5× {n1:,} files",
                    "value": ratio if ratio is not None else "over the cap", "limit": 1.5,
                    "met": ratio is not None and ratio <= 1.5})
    return out


def targets(result: dict) -> list[dict]:
    if "batch" not in result:
        return memory_targets(result["memory"])
    small, large = result["batch"]
    row = {(b["n"], r["key"]): r for b in result["batch"] for r in b["rows"]}
    start = {r["key"]: r for r in result["startup"]["rows"]}
    n1, n2 = small["n"], large["n"]
    jobs = result["machine"]["default_jobs"]
    checks = [
        (f"batch --jobs 1 on {n1:,} files ≤ 1.5× the floor", row[n1, "jobs1"]["x_floor"], 1.5, "×"),
        (f"batch, default jobs ({jobs}), on {n1:,} files < 1× the floor", row[n1, "jobsN"]["x_floor"], 1.0, "×"),
        ("evaluate one file ≤ 1.3× the typer reference app", start["evaluate"]["x_typer_reference"], 1.3, "×"),
        (f"peak memory, {n2:,} files ≤ 1.5× {n1:,} files (batch --jobs 1)",
         round(row[n2, "jobs1"]["peak_rss_mib"] / row[n1, "jobs1"]["peak_rss_mib"], 2), 1.5, "×"),
        (f"peak memory, {n2:,} files ≤ 1.5× {n1:,} files (batch -f json)",
         round(row[n2, "jobs1_json"]["peak_rss_mib"] / row[n1, "jobs1_json"]["peak_rss_mib"], 2), 1.5, "×"),
        (f"linear: per-file cost at {n2:,} ≤ 1.15× that at {n1:,} (batch --jobs 1)",
         round(row[n2, "jobs1"]["ms_per_file"] / row[n1, "jobs1"]["ms_per_file"], 2), 1.15, "×"),
    ]
    out = []
    for text, value, limit, unit in checks:
        met = value < limit if "< 1×" in text else value <= limit
        out.append({"target": text, "value": value, "limit": limit, "met": met})
    return out + (memory_targets(result["memory"]) if "memory" in result else [])


# ── output ─────────────────────────────────────────────────────────────────────────────

def memory_table(memory: dict) -> list[str]:
    n1, n2 = memory["n"]
    lines = [f"peak memory per format: ecocheck batch -f FORMAT -q, default jobs, output to /dev/null "
             f"(one run each; capped at {memory['cap_gib']:g} GiB a process)"]
    if (n1, n2) != (3000, 30000):
        lines.append(f"({n1:,} and {n2:,} files here: the target is stated for 3,000 and 30,000)")
    head = f"{'format':10}│ {f'{n1:,} files':>20} │ {f'{n2:,} files':>20} │ {'ratio':>6} │ target ≤ 1.5×"
    lines += [head, "─" * len(head)]

    def cell(run: dict) -> str:
        peak = "over the cap" if run["over_cap"] else f"{run['peak_rss_mib']:.1f} MiB"
        return f"{peak:>12} {run['wall_s']:6.1f} s"

    for row in memory["rows"]:
        runs = [row["runs"][str(n)] for n in (n1, n2)]
        ratio = f"{row['ratio']:5.2f}×" if row["ratio"] is not None else "     —"
        met = "met" if row["ratio"] is not None and row["ratio"] <= 1.5 else "NOT met"
        lines.append(f"{row['format']:10}│ {cell(runs[0]):>20} │ {cell(runs[1]):>20} │ {ratio:>6} │ {met}")
    return lines


def table(result: dict) -> str:
    m = result["machine"]
    lines = [f"ecocheck benchmark — {m['date']} · {m['cores']} cores (nproc), default jobs {m['default_jobs']} · "
             f"Python {m['python']} · PyYAML {m['pyyaml']} ({m['loader']}) · commit {m['commit']}",
             f"command: {result['command']}", ""]
    if "batch" not in result:
        lines += memory_table(result["memory"])
        lines += ["", "targets:"] + [f"  [{'met' if t['met'] else 'NOT met'}] {t['target']}: {t['value']}"
                                     + ("×" if isinstance(t["value"], float) else "") for t in result["targets"]]
        return "\n".join(lines) + "\n"
    small, large = result["batch"]
    head = f"{'':44}" + "".join(f"│ {'N = ' + format(b['n'], ','):^38}" for b in (small, large))
    sub = f"{'wall time, median of runs':44}" + ("│ {:>7} {:>8} {:>7} {:>9}   ".format("s", "ms/file", "×floor", "peak MiB")) * 2
    lines += [head, sub, "─" * len(sub)]
    for r1, r2 in zip(small["rows"], large["rows"]):
        cells = "".join(f"│ {r['wall_s']:7.2f} {r['ms_per_file']:8.3f} {r['x_floor']:6.2f}× {r['peak_rss_mib']:9.1f}   "
                        for r in (r1, r2))
        lines.append(f"{r1['label']:44}{cells}")
    lines += [f"(runs: {small['runs']} at N = {small['n']:,}, {large['runs']} at N = {large['n']:,}; s: median wall time; "
              "×floor: median of each round's ratio to that round's floor run; peak MiB: the largest process of the run)", ""]
    lines += [f"{'start-up, whole process':60}{'median s':>10} {'× import yaml':>14} {'× typer app':>12} {'peak MiB':>9}",
              "─" * 108]
    for r in result["startup"]["rows"]:
        lines.append(f"{r['label']:60}{r['wall_s']:10.3f} {r['x_import_yaml']:13.2f}× {r['x_typer_reference']:11.2f}× "
                     f"{r['peak_rss_mib']:9.1f}")
    if result.get("sample_note"):
        lines.append(result["sample_note"])
    if "memory" in result:
        lines += [""] + memory_table(result["memory"])
    lines += ["", "targets:"]
    for t in result["targets"]:
        unit = "×" if isinstance(t["value"], (int, float)) else ""
        lines.append(f"  [{'met' if t['met'] else 'NOT met'}] {t['target']}: {t['value']}{unit}")
    return "\n".join(lines) + "\n"


def machine() -> dict:
    probe = subprocess.run([sys.executable, "-c", "import yaml; print(yaml.__version__, getattr(yaml, '__with_libyaml__', False))"],
                           capture_output=True, text=True, check=True).stdout.split()
    try:
        jobs = len(os.sched_getaffinity(0))  # what `ecocheck batch` uses by default
    except AttributeError:  # pragma: no cover - not Linux
        jobs = os.cpu_count() or 1
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        if subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip():
            commit += " (+ uncommitted changes)"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cores": os.cpu_count(), "default_jobs": jobs,
        "python": platform.python_version(), "pyyaml": probe[0],
        "loader": "libyaml C loader" if probe[1] == "True" else "pure-Python loader",
        "platform": platform.platform(), "commit": commit,
    }


def default_memory_cap() -> float:
    """Half the machine's memory, at most 8 GiB: a format whose memory grows with N is stopped
    long before it takes the machine (and whoever else works on it) down."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    return round(min(8.0, total / 2), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="N = 300 and 3,000, 3 runs each (about a minute)")
    parser.add_argument("-n", type=int, default=None, help="the smaller N (default 3,000; the larger is 10×N)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure at N (default 5; 3 at 10×N)")
    parser.add_argument("--data", type=Path, default=ROOT / ".bench", help="where the synthetic files go (default .bench/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--ecocheck", metavar="CMD", help="the ecocheck command to measure (default: this checkout's)")
    parser.add_argument("--only", choices=("speed", "memory"), help="only the speed and start-up figures, or only "
                        "the per-format memory table (default: both)")
    parser.add_argument("--formats", metavar="F,F…", help="the formats of the memory table (default: every "
                        "format batch offers)")
    parser.add_argument("--memory-cap", type=float, default=None, metavar="GiB",
                        help="address space each process of a per-format memory run may map (default: half the "
                             "machine's memory, at most 8 GiB)")
    args = parser.parse_args()
    if args.ecocheck:
        import shlex

        ECOCHECK[:] = shlex.split(args.ecocheck)

    n = args.n or (300 if args.quick else 3000)
    runs_small = args.runs or (3 if args.quick else 5)
    runs_large = args.runs or 3
    # .pyc files for the package, as an installation has them (this machine may set
    # PYTHONDONTWRITEBYTECODE, which would otherwise make every start-up compile ecocheck).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ecocheck")], check=False,
                   stdout=subprocess.DEVNULL, env=child_env())
    small, large = dataset(n, args.data), dataset(10 * n, args.data)
    sample, note = ROOT / "data" / "kazuo-2019.yaml", ""
    if not sample.exists():
        sample = next(p for p in sorted(small.iterdir()) if p.suffix == ".yaml")
        note = f"(data/kazuo-2019.yaml does not exist here: start-up measured on the generated {sample.name})"
    info = machine()
    result = {"machine": info, "command": " ".join(["scripts/bench.py", *sys.argv[1:]])}
    if args.only != "memory":
        result.update(batch=[bench_batch(small, n, runs_small, info["default_jobs"]),
                             bench_batch(large, 10 * n, runs_large, info["default_jobs"])],
                      startup=bench_startup(max(runs_small, 9), sample.relative_to(ROOT) if sample.is_relative_to(ROOT) else sample),
                      sample_note=note)
    if args.only != "speed":
        formats = args.formats.split(",") if args.formats else batch_formats()
        result["memory"] = bench_export_memory({n: small, 10 * n: large}, formats,
                                               args.memory_cap or default_memory_cap())
    result["targets"] = targets(result)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else table(result), end="" if not args.json else "\n")


if __name__ == "__main__":
    main()
