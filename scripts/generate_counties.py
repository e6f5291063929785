#!/usr/bin/env python3
"""Write N synthetic, valid county-year submissions (seeded, reproducible).

    python scripts/generate_counties.py 3000 /tmp/counties --seed 1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecocheck.submission.synth import write  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of submissions")
    parser.add_argument("folder", help="output folder (created)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write(args.n, args.folder, args.seed)
    print(f"wrote {len(paths)} submissions to {args.folder}")


if __name__ == "__main__":
    main()
