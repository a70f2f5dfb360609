"""Two programs changing one project at once: each change sees what the other one stored."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_PDF
from tests.unit.store.test_postgres import pg_url  # noqa: F401  (a fixture)
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document
from xzannot.store.database import open_project


def _live_spans(db: Path) -> list[tuple[int, int, int, int]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            'SELECT page_id, start, "end", label_id FROM spans WHERE deleted = 0'
        ).fetchall()
    finally:
        conn.close()


def test_two_suggest_runs_at_once_store_each_suggestion_once(sample_db: Path) -> None:
    alone = sample_db.with_name("alone.sqlite")
    shutil.copyfile(sample_db, alone)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "xzannot", "suggest", "--db"]
    subprocess.run([*command, str(alone)], check=True, capture_output=True, env=env)
    expected = _live_spans(alone)
    assert len(expected) > 20
    runs = [
        subprocess.Popen(
            [*command, str(sample_db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for _ in range(2)
    ]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    found = _live_spans(sample_db)
    assert len(found) == len(set(found)), "a suggestion was stored twice"
    assert sorted(found) == sorted(expected)
    # one run stored them; the other found every one already there
    added = sorted(int(out.decode().split()[0]) for out, _ in outcomes)
    assert added == [0, len(expected)]


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request: pytest.FixtureRequest, sample_db: Path) -> str:
    """A project holding the sample: a SQLite file, or a database on the private server."""
    if request.param == "sqlite":
        return str(sample_db)
    from tests.unit.store.test_postgres import ADMIN_URL

    if not ADMIN_URL:
        pytest.skip("no PostgreSQL server for tests")
    url = str(request.getfixturevalue("pg_url"))
    worker = PdfiumWorker()
    try:
        with open_project(url, create=True) as project:
            import_document(project, worker, SAMPLE_PDF)
    finally:
        worker.shutdown()
    return url


def test_a_change_reads_what_another_change_has_committed(where: str) -> None:
    """Two changes that read, then write (as suggesting and importing spans do) take turns:
    the second reads what the first stored, so a span is stored once, not twice."""
    import threading

    from xzannot.store.spans import create_span, list_spans

    both_read = threading.Barrier(2, timeout=1.0)
    stored: list[bool] = []

    def suggest_once(project_path: str) -> None:
        with open_project(project_path) as project, project.transaction() as session:
            there = [s for s in list_spans(session, 1) if (s.start, s.end) == (0, 4)]
            # without turns, both would read "not there" before either writes
            with contextlib.suppress(threading.BrokenBarrierError):
                both_read.wait()
            if not there:
                create_span(
                    session, page_id=1, start=0, end=4, label="target", quote="x", annotator="甲"
                )
            stored.append(not there)

    threads = [threading.Thread(target=suggest_once, args=(where,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(stored) == [False, True]
    with open_project(where) as project, project.session() as session:
        assert len(list_spans(session, 1)) == 1
