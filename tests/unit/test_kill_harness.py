"""kill -9 while writing: a command killed at any moment leaves its project sound, exactly as
before the command or exactly as after it, and the next command opens it and works.

Real ``python3 -m xzannot`` processes are killed (the harness is ``tests/harness/kill.py``;
``benchmarks/bench_kill.py`` kills five hundred). Each next command runs in this interpreter to
keep the tests short; the benchmark runs it as a process. Commands that could be made of more
than one transaction (two reference texts; suggestions and the rules kept) are killed at the
moment between the two, where a split shows every time, by their own test; the thirty random
kills leave them out, so that a split fails that one test always rather than this one now and
then.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness.commands import BROKEN_KINDS, KINDS, Template, build_template
from tests.harness.kill import Settings, Tally, run, table

pytestmark = [pytest.mark.xdist_group("kill"), pytest.mark.slow]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The starting project: the sample yearbook, its dump and reference, suggestions."""
    return build_template(tmp_path_factory.mktemp("kill-template"))


def _report(tally: Tally) -> str:
    return table(tally) + "\n" + "\n".join(tally.cases)


# commands that could be several transactions: killed just after their first commit below
SEVERAL = ("reference", "suggest-rules")


def test_thirty_kills_leave_each_project_whole_and_working(
    template: Template, tmp_path: Path
) -> None:
    """Imports, suggestions, corrections, span imports, collations and exports, killed inside
    their write transaction, just after a commit, or anywhere."""
    settings = Settings(
        kills=30,
        seed=2022,
        workdir=tmp_path,
        jobs=2,
        per_episode=15,
        kinds=tuple((k, w) for k, w in KINDS.items() if k not in SEVERAL),
        probe="inline",
    )
    tally = run(settings, template=template)
    assert tally.kills >= 30
    assert tally.in_write > 0, "no kill landed inside a write transaction"
    assert tally.failures == 0, _report(tally)


def test_commands_killed_just_after_their_first_commit(template: Template, tmp_path: Path) -> None:
    """An import of a PDF and a dump, of two reference texts, and suggestions with rules kept
    as the project's, each killed within milliseconds of the first commit it makes: each
    is one transaction, so nothing or everything of it is stored."""
    settings = Settings(
        kills=6,
        seed=7,
        workdir=tmp_path,
        jobs=1,
        per_episode=6,
        kinds=(("import", 1.0), *((kind, 1.0) for kind in SEVERAL)),
        modes=(("after", 1.0),),
        probe="inline",
    )
    tally = run(settings, template=template)
    assert tally.failures == 0, _report(tally)


def test_the_harness_reports_commands_that_are_not_atomic(
    template: Template, tmp_path: Path
) -> None:
    """The same harness on two deliberately broken commands: an import of two files in two
    transactions, and an import that prints its result before storing anything."""
    settings = Settings(
        kills=4,
        seed=5,
        workdir=tmp_path,
        jobs=1,
        per_episode=4,
        kinds=tuple(BROKEN_KINDS.items()),
        modes=(("after", 1.0), ("inside", 1.0)),
        probe="inline",
    )
    tally = run(settings, template=template)
    assert tally.half_applied + tally.lost_commits > 0, _report(tally)
    assert tally.integrity_failures == tally.failed_after == 0, _report(tally)
