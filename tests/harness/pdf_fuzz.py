"""PDF fuzz harness: each mutated PDF (``tests/harness/pdf_mutations.py``) imported into a
copy of a project by a real ``python3 -m xzannot`` process, one page of it rendered, the
project checked, and how the program took it classified.

Verdicts, from best to worst: ``ok``; ``refused`` (a non-zero exit with one line
``xzannot: …`` on stderr); ``unclear`` (a non-zero exit saying nothing, or more than one line,
without a traceback); ``damaged`` (the project fails ``xzannot check``, or a refused import
changed it); ``traceback``; ``hang`` (the time limit); ``crash`` (a signal).
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.harness.commands import SAMPLE_PDF, Command, command_env, run_inline
from tests.harness.pdf_mutations import Sources, mutate
from tests.harness.state import copy_project, fingerprint

VERDICTS = ("ok", "refused", "unclear", "damaged", "traceback", "hang", "crash")
FAILURES = ("unclear", "damaged", "traceback", "hang", "crash")


# --- running a case -------------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """How one command ended."""

    code: int | None  # None: the time limit
    err: str
    out: str
    seconds: float


def run_program(argv: list[str], folder: Path, limit: float) -> Ran:
    """Run a program in a session of its own; at the time limit it and every process it
    started are killed."""
    start = time.monotonic()
    proc = subprocess.Popen(
        argv,
        cwd=folder,
        env=command_env(folder),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=limit)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        code = None
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # and any helper process left behind
    if code is None:
        out, err = proc.communicate()
    return Ran(
        code,
        err.decode(errors="replace"),
        out.decode(errors="replace"),
        time.monotonic() - start,
    )


def run_command(argv: list[str], folder: Path, limit: float) -> Ran:
    """``python3 -m xzannot ARGV``, as :func:`run_program` runs it."""
    return run_program([sys.executable, "-m", "xzannot", *argv], folder, limit)


def classify(ran: Ran) -> tuple[str, str]:
    """The verdict on one command, and the line that says why."""
    lines = [line for line in ran.err.splitlines() if line.strip()]
    last = lines[-1][:240] if lines else ""
    if ran.code is None:
        return "hang", f"still running after {ran.seconds:.0f} s"
    if ran.code < 0:
        return "crash", f"killed by signal {-ran.code} ({last or 'nothing on stderr'})"
    if "Traceback" in ran.err:
        return "traceback", last
    if ran.code == 0:
        return "ok", ""
    if len(lines) == 1 and lines[0].startswith("xzannot: "):
        return "refused", last
    return "unclear", f"exit {ran.code}: {len(lines)} lines on stderr: {last}"


@dataclass(frozen=True)
class Outcome:
    """The verdict on one mutated file."""

    case: int
    source: str
    mutation: str
    verdict: str
    detail: str
    seconds: float


_PAGES = re.compile(r"imported (\d+) pages?")
_CHECK = threading.Lock()  # the project's checker runs in this process, one at a time


def project_damage(db: Path, before: dict[str, str], refused: bool) -> str:
    """What is wrong with the project after a case ("" when nothing is)."""
    from xzannot.errors import UserError
    from xzannot.operations.checking import check_project

    with _CHECK:
        try:
            report = check_project(db)
        except UserError as exc:
            return f"xzannot check: {exc}"
    if not report.sound:
        return f"xzannot check: {report.problems[0]}"
    if refused and fingerprint(db) != before:
        return "a refused import changed the project"
    return ""


@dataclass(frozen=True)
class Fuzz:
    """One run: its seed, sources, the project every case imports into, and limits."""

    seed: int
    sources: Sources
    base: Path  # a project holding the sample yearbook
    before: dict[str, str]  # its rows
    folder: Path
    limit: float = 60.0  # seconds a command may run
    keep: bool = False  # keep each case's folder (its PDF, project and export)


def run_case(fuzz: Fuzz, case: int) -> Outcome:
    """Mutate, import into a copy of the base project, render a page, check the project."""
    start = time.monotonic()
    source, data, what = mutate(fuzz.seed, case, fuzz.sources)
    work = fuzz.folder / f"case-{case:05d}"
    (work / "userdata").mkdir(parents=True, exist_ok=True)
    pdf = work / f"fuzz-{fuzz.seed}-{case}.pdf"
    pdf.write_bytes(data)
    db = work / "project.xzannot.sqlite"
    copy_project(fuzz.base, db)
    imported = run_command(["import", str(pdf), "--db", str(db)], work, fuzz.limit)
    verdict, detail = classify(imported)
    detail = f"import: {detail}" if detail else ""
    pages = _PAGES.search(imported.out) if verdict == "ok" else None
    if pages is not None:
        page = random.Random(f"{fuzz.seed}:{case}:page").randint(1, int(pages.group(1)))
        argv = ["export", "--format", "pagexml", "--images", "--pages", str(page)]
        argv += ["--out", str(work / "out"), "--db", str(db)]
        verdict, detail = classify(run_command(argv, work, fuzz.limit))
        detail = f"export --images --pages {page}: {detail}" if detail else ""
    if verdict in ("ok", "refused", "unclear"):
        damage = project_damage(db, fuzz.before, refused=imported.code != 0)
        if damage:
            verdict, detail = "damaged", damage
    if not fuzz.keep:
        shutil.rmtree(work, ignore_errors=True)
    return Outcome(case, source.name, what, verdict, detail, time.monotonic() - start)


def base_project(folder: Path) -> Path:
    """A project holding the sample yearbook, which every case imports into."""
    db = folder / "base.xzannot.sqlite"
    ran = run_inline(Command("setup", (("import", str(SAMPLE_PDF), "--db", str(db)),)))
    if ran.code != 0:
        raise RuntimeError(f"cannot make the base project: {ran.err}")
    return db


@dataclass
class Report:
    """The outcomes of a run."""

    outcomes: list[Outcome]
    seconds: float

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.verdict for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.verdict in FAILURES]

    def table(self, seed: int) -> str:
        counts = self.counts
        lines = [f"{'verdict':<10} {'files':>6}"]
        lines += [f"{v:<10} {counts.get(v, 0):>6}" for v in VERDICTS]
        lines.append(f"{'in all':<10} {len(self.outcomes):>6}")
        crashed = sum("crashed" in o.detail or "stopped" in o.detail for o in self.outcomes)
        lines.append(f"refusals naming a pdfium crash or stop: {crashed}")
        lines.append(f"wall time {self.seconds:.0f} s")
        by_source = Counter(o.source for o in self.outcomes)
        lines.append("sources: " + ", ".join(f"{k} {n}" for k, n in sorted(by_source.items())))
        for o in self.failures:
            lines.append(
                f"  {o.verdict:<9} --seed {seed} --case {o.case}: {o.source}, {o.mutation}: "
                f"{o.detail}"
            )
        return "\n".join(lines)


def run(
    seed: int,
    cases: list[int],
    folder: Path,
    sources: Sources,
    *,
    jobs: int = 2,
    limit: float = 60.0,
    keep: bool = False,
    base: Path | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> Report:
    """Run the cases, ``jobs`` at a time, each importing into a copy of ``base`` (default: a
    new project holding the sample yearbook); ``progress`` hears of each case as it ends."""
    start = time.monotonic()
    folder.mkdir(parents=True, exist_ok=True)
    base = base or base_project(folder)
    fuzz = Fuzz(seed, sources, base, fingerprint(base), folder, limit, keep)

    def one(case: int) -> Outcome:
        outcome = run_case(fuzz, case)
        if progress is not None:
            progress(outcome)
        return outcome

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        outcomes = list(pool.map(one, cases))
    return Report(outcomes, time.monotonic() - start)
