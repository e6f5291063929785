"""`make demo`: evaluate the shipped county files, each followed by one line saying what its
exit code means, so a verdict of "not met" (exit 1) does not read as a failed demo.

Exits 0 when every file was checked (exit 0 or 1), 2 if one could not be read.
"""

from __future__ import annotations

import subprocess
import sys

from ecocheck.engine.api import check_file
from ecocheck.library.loader import load_library

FILES = ("data/kazuo-2019.yaml", "data/tongyu-2022.yaml")


def meaning(file: str, code: int, library) -> str:
    """One line: the county's verdict and what the exit code says."""
    checked = check_file(file, library)
    if checked.report is None:
        return f"{file}: exit {code} — the file could not be read (see the errors above)"
    report = checked.report.as_dict()
    summary = report["summary"]
    who = f"{report['region']} {report['year']}"
    if summary["binding_met"]:
        return f"{who}: 约束性指标全部达标 — exit {code}: every binding indicator is met"
    parts = []
    if summary["binding_failed"]:
        parts.append(f"{len(summary['binding_failed'])} 项约束性指标未达标")
    if summary["binding_missing"]:
        parts.append(f"{len(summary['binding_missing'])} 项缺数据")
    return f"{who}: {'，'.join(parts)} — exit {code} is the verdict, not an error"


def main() -> int:
    library = load_library()
    worst = 0
    for file in FILES:
        code = subprocess.run([sys.executable, "-m", "ecocheck", "evaluate", file]).returncode
        print(meaning(file, code, library), flush=True)
        worst = max(worst, code)
    return 2 if worst >= 2 else 0


if __name__ == "__main__":
    sys.exit(main())
