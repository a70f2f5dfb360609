"""Damaged and hostile PDFs: seeded mutations of PDFs imported by real ``python3 -m xzannot``
processes never crash, hang, print a traceback or damage the project; the program imports
them or refuses them in one line.

Each structural fault (cyclic page-label trees, a cyclic page tree, a form that draws itself,
a 14,400-point page, deep nesting, endless content) is tried once, and the first other cases
of the seed fill up the set: 22 files, about a minute on two cores. The harness is
``tests/harness/pdf_fuzz.py``; ``benchmarks/bench_fuzz_pdf.py`` runs 300 files, and replays a
failing case here with ``--seed 1 --sources own --case N --keep`` (``--sources real`` for the
real PDFs).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import shared_file
from tests.harness.pdf_fuzz import Report, base_project, classify, run, run_program
from tests.harness.pdf_mutations import pick_cases, sources_for

pytestmark = [pytest.mark.xdist_group("fuzz"), pytest.mark.slow]

SEED = 1
FAULTS = (
    "node that is its own kid",
    "kid whose kid is its parent",
    "kids: catalog",
    "/PageLabels tree of nonsense",
    "/MediaBox [0 0 14400 14400]",
    "nested",
    "page tree is its own kid",
    "draws itself",
    "content stream",
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project each file is imported into: the sample yearbook."""
    return base_project(tmp_path_factory.mktemp("fuzz-base"))


def _failures(report: Report) -> str:
    return report.table(SEED)


def test_mutations_of_the_projects_own_pdfs(base: Path, tmp_path: Path) -> None:
    sources = sources_for(tmp_path, None)
    cases = pick_cases(SEED, sources, 12, FAULTS)
    report = run(SEED, cases, tmp_path, sources, limit=40.0, base=base)
    assert len(report.outcomes) == len(cases) >= 12
    assert not report.failures, _failures(report)


def test_mutations_of_real_pdfs(base: Path, tmp_path: Path) -> None:
    shared = shared_file("realpdfs").parent  # skips, saying why, without shared/
    sources = sources_for(tmp_path, shared, own=False)
    cases = pick_cases(SEED, sources, 10, FAULTS[:4])
    report = run(SEED, cases, tmp_path, sources, limit=40.0, base=base)
    assert len(report.outcomes) == len(cases) >= 10
    assert not report.failures, _failures(report)


@pytest.mark.parametrize(
    ("script", "verdict"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "crash"),
        ("import time; time.sleep(60)", "hang"),
        ("raise ValueError('a bug')", "traceback"),
        ("raise SystemExit('xzannot: not a PDF')", "refused"),
        ("import sys; sys.stderr.write('one\\ntwo\\n'); sys.exit(3)", "unclear"),
        ("pass", "ok"),
    ],
)
def test_the_harness_tells_each_verdict(tmp_path: Path, script: str, verdict: str) -> None:
    """What the harness says of a process that segfaults, hangs, prints a traceback, refuses
    in one line, says too much or does its job (so a crash in pdfium cannot pass unseen)."""
    ran = run_program([sys.executable, "-c", script], tmp_path, limit=3.0)
    assert classify(ran)[0] == verdict
