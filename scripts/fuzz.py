"""The long fuzz run of docs/FUZZ.md: ``python scripts/fuzz.py [--examples 10000]``.

Runs tests/test_fuzz.py with the ``long`` hypothesis profile (random inputs, N per target),
then prints the table of docs/FUZZ.md: inputs per target, how many were read or refused with
one line, the slowest input. Exit status: pytest's (0 when no input gave a traceback or hang).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per target")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "fuzz.json")
    parser.add_argument("-k", default=None, help="only the targets whose test name matches")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "ISECG_KG_FUZZ": "long",
        "ISECG_KG_FUZZ_EXAMPLES": str(args.examples),
        "ISECG_KG_FUZZ_REPORT": str(args.out),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "test_fuzz.py"),
    ]
    if args.k:
        command += ["-k", args.k]
    started = time.perf_counter()
    run = subprocess.run(command, env=env, cwd=ROOT, check=False)
    took = time.perf_counter() - started
    if not args.out.exists():
        print("no report was written", file=sys.stderr)
        return run.returncode or 1
    rows = json.loads(args.out.read_text())
    print(f"\n{args.examples} inputs asked per target; {took / 60:.1f} min in all\n")
    print("| target | inputs | read | refused (one line) | other outcomes | slowest input |")
    print("|---|---|---|---|---|---|")
    total = 0
    for target, row in sorted(rows.items()):
        inputs = row.get("inputs", 0)
        total += inputs
        other = ", ".join(
            f"{k} {v}"
            for k, v in sorted(row.items())
            if k not in ("inputs", "read", "refused", "slowest_s", "slowest")
        )
        print(
            f"| {target} | {inputs:,} | {row.get('read', 0):,} | {row.get('refused', 0):,} | "
            f"{other or '-'} | {row['slowest_s']:.2f} s |"
        )
    print(f"| all | {total:,} | | | | |")
    print("\nslowest input of each target:")
    for target, row in sorted(rows.items()):
        print(f"- {target}: {row['slowest_s']:.2f} s, {row.get('slowest')}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
