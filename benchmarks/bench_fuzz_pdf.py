"""Damaged and hostile PDFs: seeded mutations imported by real ``python3 -m xzannot``
processes, one page of each imported file rendered, and the project checked (the harness is
``tests/harness/pdf_fuzz.py``).

Run from the repository's top folder:  python benchmarks/bench_fuzz_pdf.py [--cases 300] [--seed 1]

Sources: the PDFs xzannot makes (the sample yearbook and test data made from it), PDFs the
harness writes, and the real PDFs in ``../shared/realpdfs`` (or ``XZANNOT_SHARED_DIR``), read
where they are. Prints the files per verdict and every failing case; ``--case N`` (repeatable)
replays cases of a seed (with the same ``--sources``), ``--keep`` keeps their files. Three
hundred files take about fifteen minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import SHARED  # noqa: E402
from tests.harness.pdf_fuzz import Outcome, run  # noqa: E402
from tests.harness.pdf_mutations import sources_for  # noqa: E402
from tests.harness.state import work_folder  # noqa: E402


def _progress(o: Outcome) -> None:
    if o.verdict not in ("ok", "refused"):
        print(f"case {o.case}: {o.verdict}: {o.source}, {o.mutation}: {o.detail}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300, help="mutated files (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--case", type=int, action="append", help="only this case (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="files at a time (default 2)")
    parser.add_argument(
        "--limit", type=float, default=60.0, help="seconds a command may run (default 60)"
    )
    parser.add_argument(
        "--sources",
        choices=("all", "own", "real"),
        default="all",
        help="mutate the project's own PDFs, the real ones in shared/, or all (default)",
    )
    parser.add_argument("--keep", action="store_true", help="keep each case's files")
    args = parser.parse_args()
    shared = SHARED if (SHARED / "realpdfs").is_dir() and args.sources != "own" else None
    if shared is None and args.sources != "own":
        print(f"{SHARED / 'realpdfs'} is absent: only the project's own PDFs are mutated")
    cases = args.case or list(range(args.cases))
    with work_folder("xzannot-fuzz-", args.keep) as folder:
        report = run(
            args.seed,
            cases,
            folder,
            sources_for(folder, shared, own=args.sources != "real" or shared is None),
            jobs=args.jobs,
            limit=args.limit,
            keep=args.keep,
            progress=_progress,
        )
    print(f"PDF fuzz harness: seed {args.seed}, {len(cases)} files, {args.jobs} at a time")
    print(report.table(args.seed))
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
