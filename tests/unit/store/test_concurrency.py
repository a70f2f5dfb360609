"""Two programs changing one project at once: each change sees what the other one stored."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SAMPLE_PDF
from tests.unit.store.test_postgres import pg_url  # noqa: F401  (a fixture)
from xzannot.errors import UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document
from xzannot.store.database import Project, open_project


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


def test_two_span_imports_at_once_store_each_span_once(sample_db: Path) -> None:
    """Both read "not there yet" before either stored, before the write lock: 38–86 spans
    were stored twice. Now one run stores them and the other finds them there."""
    source = sample_db.with_name("source.sqlite")
    shutil.copyfile(sample_db, source)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    xzannot = [sys.executable, "-m", "xzannot"]
    subprocess.run([*xzannot, "suggest", "--db", str(source)], check=True, env=env)
    spans = sample_db.with_name("spans.jsonl")
    export = ["export", "--db", str(source), "--format", "jsonl", "--status", "all"]
    subprocess.run([*xzannot, *export, "--out", str(spans)], check=True, env=env)
    expected = _live_spans(source)
    runs = [
        subprocess.Popen(
            [*xzannot, "import-spans", "--db", str(sample_db), str(spans)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    found = _live_spans(sample_db)
    assert len(found) == len(set(found)), "a span was stored twice"
    assert len(found) == len(expected) > 20


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


def _together(where: str, work: Callable[[Project], object]) -> list[object]:
    """Run ``work`` in two programs' worth of connections at once (each its own project
    handle), both starting together; what each returned, or the error it raised."""
    import threading

    start = threading.Barrier(2, timeout=5.0)
    outcomes: list[object] = []

    def run() -> None:
        with open_project(where) as project:
            start.wait()
            try:
                outcomes.append(work(project))
            except UserError as exc:
                outcomes.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def test_a_new_annotator_named_by_two_programs_at_once_is_made_once(where: str) -> None:
    from xzannot.operations.labelling import add_span
    from xzannot.store.models import Annotator

    places = iter([(0, 2), (4, 6)])
    outcomes = _together(where, lambda p: add_span(p, 1, next(places), "policy", "新来的丙"))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    with open_project(where) as project, project.session() as session:
        named = session.scalars(select(Annotator).where(Annotator.name == "新来的丙")).all()
    assert len(named) == 1


def test_two_corrections_typed_on_one_text_at_once_store_one_and_refuse_the_other(
    where: str,
) -> None:
    """Both were typed on the same text: the second would land at offsets of a text that is
    no longer there, so it is refused in words and nothing of it is stored."""
    from xzannot.core.edits import Edit
    from xzannot.operations.reviewing import TextConflict, manual_edit
    from xzannot.store.documents import current_text

    with open_project(where) as project, project.session() as session:
        shown = current_text(session, 1)
    typed = iter(["甲改", "乙改"])
    outcomes = _together(
        where, lambda p: manual_edit(p, 1, Edit(0, 2, next(typed)), "校对", on=shown)
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["TextConflict", "int"], outcomes
    refused = next(o for o in outcomes if isinstance(o, TextConflict))
    assert "changed elsewhere" in str(refused)
    with open_project(where) as project, project.session() as session:
        text = current_text(session, 1)
    assert text[2:] == shown[2:] and text[:2] in ("甲改", "乙改")
