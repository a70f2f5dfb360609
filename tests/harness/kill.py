"""kill -9 harness: real ``python3 -m xzannot`` commands killed while they write, and the
project judged after each kill.

An *episode* starts from a copy of a project built from the bundled sample yearbook and runs
*cycles*, each drawn from the episode's own seeded random stream:

1. a command that writes (``tests/harness/commands.py``: import, reference import, suggest,
   text, import-spans, collate, export) is started as a process and sent SIGKILL at a random
   moment: inside its main write transaction (where earlier runs of that kind of command held
   SQLite's write lock), within milliseconds of its first commit, or anywhere (see
   :class:`KillPlan`); it is stopped first, so whether it held the write lock is known;
2. the project is judged: SQLite's ``PRAGMA integrity_check`` and ``xzannot check``; then its
   rows are compared with the rows before the command and, when they differ, with the rows
   an uninterrupted run of the same command on a copy of the project leaves (its *twin*):
   anything but exactly-before or exactly-after is a half-applied command, and a command
   that exited 0 or printed its result before the kill must have left exactly-after (else
   a commit was lost). An export's file or folder is judged the same way;
3. the next command of the chain is run to its end: it must open the project and succeed,
   and what it prints (pages imported, suggestions stored…) must be in the project.

Commands and kill moments are drawn from ``random.Random(f"{seed}:{episode}")``, so an
episode is replayed by its seed and number (the moment a delay lands on is the machine's).
"""

from __future__ import annotations

import contextlib
import fcntl
import math
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from tests.harness.commands import (
    KINDS,
    Command,
    Episode,
    Ran,
    Template,
    build_template,
    command_env,
    process_argv,
    run_inline,
)
from tests.harness.state import (
    copy_output,
    copy_project,
    count,
    fingerprint,
    integrity_problems,
    mid_swap,
    output_difference,
    output_state,
)

_POLL = 0.002  # seconds between looks at the write lock
_WAL_WRITE_LOCK = 120  # the byte of the -shm file SQLite locks while a transaction writes
# where kills are aimed, and how often (see KillPlan): inside the main write transaction,
# just after the first commit, anywhere in the run
MODES = (("inside", 0.55), ("after", 0.2), ("anywhere", 0.25))
_AFTER = 0.003  # seconds after a commit within which "after" kills


@dataclass(frozen=True)
class Settings:
    """One run of the harness."""

    kills: int
    seed: int
    workdir: Path
    jobs: int = 2
    per_episode: int = 12  # kills per episode before it starts again from the sample
    kinds: tuple[tuple[str, float], ...] = tuple(KINDS.items())
    modes: tuple[tuple[str, float], ...] = MODES  # where kills are aimed (see KillPlan)
    probe: str = "process"  # the next command as a "process", or "inline" (this interpreter)
    timeout: float = 180.0  # a command still running after this long counts as hung
    keep: bool = False  # keep each episode's folder


@dataclass
class Tally:
    """What a run (or one episode) counted."""

    cycles: int = 0
    kills: int = 0  # commands ended by SIGKILL
    in_write: int = 0  # ... while holding SQLite's write lock
    finished: int = 0  # commands that ended on their own before their kill
    rolled_back: int = 0  # kills that left the project exactly as before
    applied: int = 0  # ... exactly as after
    twins: int = 0  # uninterrupted runs made to know "after"
    integrity_failures: int = 0
    half_applied: int = 0
    lost_commits: int = 0
    failed_after: int = 0  # next commands that failed (could not open the project, or else)
    command_failures: int = 0  # commands that failed on their own (not killed)
    hangs: int = 0
    mid_swap: int = 0  # export folders caught between renames (the next export mends them)
    kinds: Counter[str] = field(default_factory=Counter)  # kills per kind of command
    cases: list[str] = field(default_factory=list)  # every failure, with how to replay it
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return (
            self.integrity_failures
            + self.half_applied
            + self.lost_commits
            + self.failed_after
            + self.command_failures
            + self.hangs
        )

    def add(self, other: Tally) -> None:
        for name in (
            "cycles",
            "kills",
            "in_write",
            "finished",
            "rolled_back",
            "applied",
            "twins",
            "integrity_failures",
            "half_applied",
            "lost_commits",
            "failed_after",
            "command_failures",
            "hangs",
            "mid_swap",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.kinds.update(other.kinds)
        self.cases.extend(other.cases)


# --- running commands


class _WriteLock:
    """Whether a process holds SQLite's write lock on a WAL project, read with ``F_GETLK``
    on its ``-shm`` file: looking never takes the lock, so it never slows the command.

    This process must hold no connection to the project meanwhile (closing a descriptor of
    a file drops every POSIX lock the process holds on it)."""

    def __init__(self, db: Path) -> None:
        self._shm = db.with_name(db.name + "-shm")
        self._fd: int | None = None
        self._inode = -1

    def held(self) -> bool:
        try:
            inode = self._shm.stat().st_ino
            if self._fd is None or inode != self._inode:
                self.close()
                self._fd = os.open(self._shm, os.O_RDONLY)
                self._inode = inode
            probe = struct.pack("hhqqi", fcntl.F_WRLCK, 0, _WAL_WRITE_LOCK, 1, 0) + bytes(4)
            answer = fcntl.fcntl(self._fd, fcntl.F_GETLK, probe)
        except OSError:
            return False
        return struct.unpack("hhqqi", answer[:28])[0] != fcntl.F_UNLCK

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


# --- when to kill ---------------------------------------------------------------------------


@dataclass
class Timeline:
    """How long a kind of command runs, and when it holds the write lock longest (its main
    transaction), learned from the runs that ended on their own."""

    seconds: float = 2.0
    window: tuple[float, float] | None = None

    def learn(self, ran: Ran) -> None:
        learned = self.window is not None
        self.seconds = (self.seconds + ran.seconds) / 2 if learned else ran.seconds
        if ran.windows:
            start, end = max(ran.windows, key=lambda w: w[1] - w[0])
            if self.window is not None:
                start, end = (start + self.window[0]) / 2, (end + self.window[1]) / 2
            self.window = (start, end)


_TIMELINES: dict[str, Timeline] = {}  # per process, kept from one episode to the next


@dataclass
class KillPlan:
    """When to kill a command. *inside*: in its main transaction (armed when the command
    takes the write lock near where that transaction began before, fired a random fraction
    of the transaction's usual length later, up to 30 % past its end). *after*: within a few
    milliseconds of its first commit (between two transactions, where a command that is not
    one transaction shows it, or after its last). *anywhere* in its run."""

    mode: str  # "inside", "after" or "anywhere"
    fraction: float  # from the episode's random stream
    timeline: Timeline
    armed_at: float | None = None

    @classmethod
    def draw(
        cls, rng: random.Random, timeline: Timeline, modes: tuple[tuple[str, float], ...]
    ) -> KillPlan:
        mode = rng.choices([m for m, _ in modes], [w for _, w in modes])[0]
        return cls(mode, rng.random(), timeline)

    def due(self, now: float, held: bool, wrote: bool) -> bool:
        """Whether to kill now, given whether the command holds the write lock and whether
        it wrote to the WAL file since the last look."""
        t = self.timeline
        if self.mode == "anywhere":
            return now >= self.fraction * 1.05 * t.seconds
        start, end = t.window or (0.5 * t.seconds, 0.5 * t.seconds + 0.05)
        if self.armed_at is None:
            if (self.mode == "inside" and held and now >= 0.8 * start) or (
                self.mode == "after" and wrote
            ):
                self.armed_at = now
            return now >= 1.5 * t.seconds + 1.0  # never seen so: kill all the same
        spread = 1.3 * max(end - start, 0.005) if self.mode == "inside" else _AFTER
        return now >= self.armed_at + self.fraction * spread

    def __str__(self) -> str:
        return f"{self.mode} {self.fraction:.3f}"


class _WalWrites:
    """Whether a command wrote to the project's WAL file since the last look: a commit
    appends its pages there (the file's size or time changes; an empty new file does not
    count)."""

    def __init__(self, db: Path) -> None:
        self._wal = db.with_name(db.name + "-wal")
        self._seen: tuple[int, int, int] | None = self._look()

    def _look(self) -> tuple[int, int, int] | None:
        try:
            st = self._wal.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def wrote(self) -> bool:
        seen, self._seen = self._seen, self._look()
        return self._seen is not None and self._seen[1] > 0 and self._seen != seen


def run_process(
    command: Command, db: Path, folder: Path, *, plan: KillPlan | None, timeout: float
) -> Ran:
    """Start a command as a process (a session of its own) and, when ``plan`` says, stop
    it, see whether it holds the write lock, and SIGKILL it and its children."""
    out_path, err_path = folder / "command.out", folder / "command.err"
    lock, wal = _WriteLock(db), _WalWrites(db)
    windows: list[tuple[float, float]] = []
    since: float | None = None
    killed = in_write = hung = False
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            process_argv(command),
            cwd=folder,
            env=command_env(folder),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        try:
            while proc.poll() is None:
                now = time.monotonic() - start
                held, wrote = lock.held(), wal.wrote()
                if (plan is not None and plan.due(now, held, wrote)) or now >= timeout:
                    hung = now >= timeout
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGSTOP)
                    in_write = lock.held()
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    break
                if held and since is None:
                    since = now
                elif not held and since is not None:
                    windows.append((since, now))
                    since = None
                time.sleep(_POLL)
            code = proc.wait()
        finally:
            lock.close()
            if proc.poll() is None:  # an error in this loop: leave nothing running
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    seconds = time.monotonic() - start
    if since is not None:
        windows.append((since, seconds))
    killed = code == -signal.SIGKILL
    return Ran(
        code,
        out_path.read_text(errors="replace"),
        err_path.read_text(errors="replace"),
        seconds,
        killed=killed and not hung,
        in_write=in_write and killed,
        hung=hung,
        windows=tuple(windows),
    )


# --- judging --------------------------------------------------------------------------------

_IMPORTED = re.compile(r"^.+: imported (\d+) pages? .*?as document (\d+)$", re.MULTILINE)
_REFERENCE = re.compile(r"characters stored for document (\d+)")
_SUGGESTED = re.compile(r"^(\d+) new suggestions? on", re.MULTILINE)
_SPANS = re.compile(r"^(\d+) spans? imported from", re.MULTILINE)


def _spans(db: Path) -> int:
    return count(db, "SELECT count(*) FROM spans")


def _references(db: Path, document: int) -> int:
    return count(db, "SELECT count(*) FROM reference_texts WHERE document_id = ?", document)


def missing_claims(db: Path, command: Command, ran: Ran, spans_before: int) -> list[str]:
    """What a command that ended well printed that the project does not hold."""
    missing = []
    for pages, doc in _IMPORTED.findall(ran.out):
        stored = count(db, "SELECT count(*) FROM pages WHERE document_id = ?", int(doc))
        if stored != int(pages):
            missing.append(f"document {doc} has {stored} pages stored, {pages} were imported")
    if command.kind == "reference":
        for doc in set(_REFERENCE.findall(ran.out)):
            if _references(db, int(doc)) == 0:
                missing.append(f"document {doc} has no reference, one was stored")
    for pattern in (_SUGGESTED, _SPANS):
        for added in pattern.findall(ran.out):
            if _spans(db) != spans_before + int(added):
                missing.append(f"{_spans(db) - spans_before} spans were added, {added} printed")
    if command.out is not None and "page" in ran.out and not command.out.exists():
        missing.append(f"{command.out} is missing after the export said it wrote it")
    return missing


def _differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(t for t in a.keys() | b.keys() if a.get(t) != b.get(t))


def _tail(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(nothing)"


@dataclass
class _Before:
    rows: dict[str, str]
    out: object
    db: Path  # a copy of the project before the command
    out_copy: Path  # a copy of the export target before the command


def _twin(e: Episode, command: Command, before: _Before) -> tuple[dict[str, str], object, Ran]:
    """The rows (and export) an uninterrupted run of ``command`` leaves."""
    twin_db = e.folder / "twin.xzannot.sqlite"
    for suffix in ("", "-wal", "-shm"):
        twin_db.with_name(twin_db.name + suffix).unlink(missing_ok=True)
    copy_project(before.db, twin_db)
    twin_out = None
    if command.out is not None:
        twin_out = e.folder / "twin-out" / command.out.name
        twin_out.parent.mkdir(exist_ok=True)
        copy_output(before.out_copy if before.out is not None else None, twin_out)
    ran = run_inline(command.moved(e.db, twin_db, twin_out))
    return fingerprint(twin_db), output_state(twin_out), ran


def judge_kill(e: Episode, command: Command, ran: Ran, before: _Before, where: str) -> Tally:
    """The verdict on the project after a command was killed (or ended on its own)."""
    tally = Tally()
    problems = integrity_problems(e.db)
    check = run_inline(Command("check", (("check", "--db", str(e.db)),)))
    if not problems and check.code != 0:
        problems = [_tail(check.out if "problem" in check.out else check.err)]
    if problems:
        tally.integrity_failures += 1
        tally.cases.append(f"{where}: the project fails its checks: {'; '.join(problems[:3])}")
        return tally
    rows, out = fingerprint(e.db), output_state(command.out)
    claimed = ran.code == 0 or bool(ran.out.strip())  # exited 0, or printed its result
    if not claimed and rows == before.rows and out == before.out:
        tally.rolled_back += ran.killed
        return tally
    after, out_after, twin = _twin(e, command, before)
    tally.twins += 1
    if twin.code != 0 or "Traceback" in twin.err:
        tally.command_failures += 1
        tally.cases.append(f"{where}: the uninterrupted run failed: {_tail(twin.err)}")
    rows_done, out_done = rows == after, out == out_after
    rows_kept, out_kept = rows == before.rows, out == before.out
    swapping = command.out is not None and mid_swap(command.out)
    if not (rows_done or rows_kept) or not (out_done or out_kept or swapping):
        tally.half_applied += 1
        if not (rows_done or rows_kept):
            detail = (
                f"tables {', '.join(_differing(rows, before.rows))} changed, and "
                f"{', '.join(_differing(rows, after))} differ from an uninterrupted run"
            )
        else:
            detail = (
                f"its export {command.out} is neither as before nor as an uninterrupted run "
                f"({output_difference(out, before.out, out_after)})"
            )
        tally.cases.append(f"{where}: half-applied: {detail}")
        return tally
    tally.mid_swap += swapping
    # changed rows (or export) that are still as before: not done (rows == after is the
    # same as rows == before when the command changes no rows)
    undone = (after != before.rows and not rows_done) or (
        out_after != before.out and not (out_done or swapping)
    )
    if claimed and undone:
        tally.lost_commits += 1
        tally.cases.append(f"{where}: it printed {_tail(ran.out)!r}, and that is not stored")
    elif ran.killed:
        if undone or (after == before.rows and out_after == before.out):
            tally.rolled_back += 1
        else:
            tally.applied += 1
    return tally


def run_next(settings: Settings, e: Episode, where: str) -> Tally:
    """Run the next command to its end: it must open the project, succeed, and have stored
    what it says it stored."""
    tally = Tally()
    command = e.next_command()
    spans_before = _spans(e.db)
    if settings.probe == "process":
        ran = run_process(command, e.db, e.folder, plan=None, timeout=settings.timeout)
        if ran.code == 0:
            _TIMELINES.setdefault(command.kind, Timeline()).learn(ran)
    else:
        ran = run_inline(command)
    where = f"{where}, then {command.shown()}"
    if ran.hung:
        tally.hangs += 1
        tally.cases.append(f"{where}: still running after {settings.timeout:g} s")
    elif ran.code != 0 or "Traceback" in ran.err:
        tally.failed_after += 1
        tally.cases.append(f"{where}: exit {ran.code}: {_tail(ran.err)}")
    elif missing := missing_claims(e.db, command, ran, spans_before):
        tally.lost_commits += 1
        tally.cases.append(f"{where}: {'; '.join(missing)}")
    return tally


# --- episodes and runs ----------------------------------------------------------------------


def run_episode(settings: Settings, template: Template, number: int, kills: int) -> Tally:
    """One episode: cycles of kill, judge, next command until ``kills`` commands were killed."""
    start = time.monotonic()
    folder = settings.workdir / f"episode-{number:04d}"
    os.environ["XZANNOT_DATA_DIR"] = str(folder / "userdata")  # for the commands run inline
    rng = random.Random(f"{settings.seed}:{number}")
    e = Episode(number, settings.kinds, template, folder, rng)
    tally = Tally()
    before_db, before_out = folder / "before.xzannot.sqlite", folder / "before-out"
    while tally.kills < kills and tally.cycles < 3 * kills:
        tally.cycles += 1
        command = e.next_command()
        timeline = _TIMELINES.setdefault(command.kind, Timeline())
        plan = KillPlan.draw(e.rng, timeline, settings.modes)
        copy_project(e.db, before_db)
        out_copy = before_out / (command.out.name if command.out else "none")
        before_out.mkdir(exist_ok=True)
        copy_output(command.out, out_copy)
        before = _Before(fingerprint(e.db), output_state(command.out), before_db, out_copy)
        ran = run_process(command, e.db, folder, plan=plan, timeout=settings.timeout)
        where = (
            f"[--seed {settings.seed} --episode {number}] cycle {tally.cycles}: {command.kind} "
            f"killed at {ran.seconds:.3f} s ({plan}) ({command.shown()})"
        )
        if ran.hung:
            tally.hangs += 1
            tally.cases.append(f"{where}: still running after {settings.timeout:g} s")
        elif ran.killed:
            tally.kills += 1
            tally.in_write += ran.in_write
            tally.kinds[command.kind] += 1
        else:
            tally.finished += 1
            timeline.learn(ran)
            if ran.code != 0 or "Traceback" in ran.err:
                tally.command_failures += 1
                tally.cases.append(f"{where}: ended by itself, exit {ran.code}: {_tail(ran.err)}")
        tally.add(judge_kill(e, command, ran, before, where))
        tally.add(run_next(settings, e, where))
    if problems := integrity_problems(e.db):
        tally.integrity_failures += 1
        tally.cases.append(f"[--seed {settings.seed} --episode {number}] at the end: {problems}")
    if not settings.keep:
        shutil.rmtree(folder, ignore_errors=True)
    tally.seconds = time.monotonic() - start
    return tally


def run(
    settings: Settings,
    episodes: list[int] | None = None,
    *,
    template: Template | None = None,
    progress: Callable[[int, Tally], None] | None = None,
) -> Tally:
    """Kill ``settings.kills`` commands over as many episodes as that takes (or only the
    episodes given), ``settings.jobs`` episodes at a time; ``progress`` hears of each
    episode as it ends."""
    start = time.monotonic()
    settings.workdir.mkdir(parents=True, exist_ok=True)
    template = template or build_template(settings.workdir)
    if episodes is None:
        count = math.ceil(settings.kills / settings.per_episode)
        episodes = list(range(count))
        targets = [settings.per_episode] * count
        targets[-1] = settings.kills - settings.per_episode * (count - 1)
    else:
        targets = [settings.per_episode] * len(episodes)
    total = Tally()
    if settings.jobs <= 1:
        for number, kills in zip(episodes, targets, strict=True):
            tally = run_episode(settings, template, number, kills)
            total.add(tally)
            if progress is not None:
                progress(number, tally)
    else:
        with ProcessPoolExecutor(settings.jobs, mp_context=get_context("spawn")) as pool:
            jobs = {
                pool.submit(run_episode, settings, template, number, kills): number
                for number, kills in zip(episodes, targets, strict=True)
            }
            for job in as_completed(jobs):
                tally = job.result()
                total.add(tally)
                if progress is not None:
                    progress(jobs[job], tally)
    total.seconds = time.monotonic() - start
    return total


def table(t: Tally) -> str:
    """The figures of a run, one per line."""
    rows = [
        ("kills (SIGKILL while running)", t.kills),
        ("  of which inside a write transaction", t.in_write),
        ("  left the project exactly as before", t.rolled_back),
        ("  left it exactly as an uninterrupted run", t.applied),
        ("commands that ended before their kill", t.finished),
        ("uninterrupted twin runs compared", t.twins),
        ("export folders caught between renames", t.mid_swap),
        ("integrity failures", t.integrity_failures),
        ("half-applied commands", t.half_applied),
        ("lost commits", t.lost_commits),
        ("next commands that failed (open or run)", t.failed_after),
        ("commands that failed by themselves", t.command_failures),
        ("hangs", t.hangs),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value:>6}" for name, value in rows]
    lines.append(f"{'wall time (s)':<{width}}  {t.seconds:>6.0f}")
    lines.append("kills per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(t.kinds.items())))
    return "\n".join(lines)
