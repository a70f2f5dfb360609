"""kill -9 while writing: real ``python3 -m xzannot`` commands killed at random moments, and
the project judged after each kill (the harness is ``tests/harness/kill.py``).

Run from the repository's top folder:  python benchmarks/bench_kill.py [--kills 500] [--seed 1]

Each kill is judged by SQLite's integrity check and ``xzannot check``, by comparing the
project's rows with those before the command and after an uninterrupted run of it (anything
in between is a half-applied command; a command that printed its result or exited 0 and left
nothing is a lost commit), and by running the next command to its end. Prints one table and
every failing case with the seed and episode that replay it (``--episode N``). Five hundred
kills take about twenty minutes on two cores (``--probe inline`` runs each next command in the
harness's interpreter instead of a process: about a third faster).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.harness.commands import BROKEN_KINDS, KINDS  # noqa: E402
from tests.harness.kill import Settings, Tally, run, table  # noqa: E402
from tests.harness.state import work_folder  # noqa: E402


def _progress(episode: int, tally: Tally) -> None:
    print(
        f"episode {episode}: {tally.kills} kills, {tally.failures} failures, {tally.seconds:.0f} s",
        file=sys.stderr,
        flush=True,
    )
    for case in tally.cases:
        print(f"  {case}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500, help="commands to kill (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="episodes run at a time (default 2)")
    parser.add_argument("--per-episode", type=int, default=12, help="kills per episode")
    parser.add_argument(
        "--episode", type=int, action="append", help="replay only this episode (repeatable)"
    )
    parser.add_argument(
        "--probe",
        choices=("process", "inline"),
        default="process",
        help="run each next command as a process (default) or in the harness's interpreter",
    )
    parser.add_argument(
        "--broken",
        action="store_true",
        help="run deliberately broken commands instead (the harness must report them)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the projects and files")
    args = parser.parse_args()
    kinds = BROKEN_KINDS if args.broken else KINDS
    with work_folder("xzannot-kill-", args.keep) as folder:
        settings = Settings(
            kills=args.kills,
            seed=args.seed,
            workdir=folder,
            jobs=args.jobs,
            per_episode=args.per_episode,
            kinds=tuple(kinds.items()),
            probe=args.probe,
            keep=args.keep,
        )
        tally = run(settings, args.episode, progress=_progress)
    print(f"kill -9 harness: seed {args.seed}, {args.jobs} jobs, next command as {args.probe}")
    print(table(tally))
    for case in tally.cases:
        print(f"  {case}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
