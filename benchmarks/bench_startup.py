"""Start-up of the command line: how long before a command starts its work, and what it imports.

Run from the repository's top folder:  python benchmarks/bench_startup.py

For each command line, the median wall time of a fresh process over several runs, as a ratio
to a bare interpreter (``python -c pass``), and the modules' own import time summed from
``python -X importtime`` (the heaviest packages named). Goal: ``--help`` and argument mistakes
answer in at most 0.3 s.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
HEAVY = ("sqlalchemy", "alembic", "rapidfuzz", "pypdfium2", "PySide6", "lxml")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def _command(args: list[str]) -> list[str]:
    return [sys.executable, *args]


def median_wall(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(_command(args), env=env, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def imports(args: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """Total import time in seconds and the heavy packages imported."""
    result = subprocess.run(
        _command(["-X", "importtime", *args]),
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    total = 0
    heavy = set()
    for match in _IMPORT_LINE.finditer(result.stderr):
        total += int(match.group(1))
        top = match.group(4).split(".")[0]
        if top in HEAVY:
            heavy.add(top)
    return total / 1e6, sorted(heavy)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "XZANNOT_DATA_DIR": folder, "QT_QPA_PLATFORM": "offscreen"}
        missing = str(Path(folder) / "missing.sqlite")
        cases = [
            ("--help", ["-m", "xzannot", "--help"]),
            ("export --help", ["-m", "xzannot", "export", "--help"]),
            ("a usage mistake", ["-m", "xzannot", "export", "--format", "nosuch"]),
            ("stats on a missing project", ["-m", "xzannot", "stats", "--db", missing]),
            ("reflow of the sample dump", ["-m", "xzannot", "reflow",
                                           "resources/samples/xiuzhou-2022-p52-dump.txt"]),
        ]  # fmt: skip
        bare = median_wall(["-c", "pass"], env)
        print(f"bare interpreter: {bare * 1000:.0f} ms (median of {RUNS})")
        print(f"{'command':<28} {'wall ms':>8} {'× bare':>7} {'imports ms':>10}  heavy imports")
        for name, args in cases:
            wall = median_wall(args, env)
            total, heavy = imports(args, env)
            print(
                f"{name:<28} {wall * 1000:>8.0f} {wall / bare:>7.1f} {total * 1000:>10.0f}  "
                f"{', '.join(heavy) or '-'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
