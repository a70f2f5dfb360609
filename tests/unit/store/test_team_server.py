"""A team on one PostgreSQL server: each annotator connects as a role of their own, the server
holds each role to its own layer, and changes made at once are each applied or refused in
words, none lost. `.ci/run` starts a private server for these; without
XZANNOT_TEST_POSTGRES_URL they are skipped."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.conftest import SAMPLE_PDF
from tests.unit.store.test_postgres import ADMIN_URL, pg_url  # noqa: F401  (a fixture)
from xzannot.core.edits import Edit
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.identity import identity
from xzannot.operations.importing import import_document
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.live_updates import changes_since, start
from xzannot.operations.reviewing import manual_edit
from xzannot.operations.suggesting import suggest
from xzannot.operations.team import act_on_suggestion, set_curator
from xzannot.store.database import Project, open_project
from xzannot.store.spans import SpanConflict, annotator_id, create_span, get_span, list_spans
from xzannot.store.team_server import GROUP

pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL server for tests")

CURATORS = {"lin": False, "wang": False, "zhao": True}


@pytest.fixture
def team(pg_url: str, worker: PdfiumWorker) -> Iterator[dict[str, str]]:  # noqa: F811
    """The sample imported by the project's owner; lin, wang (annotators) and zhao (a
    curator) as roles of their own. Returns each one's URL (the owner's as "owner")."""
    with open_project(pg_url, create=True) as owner:
        import_document(owner, worker, SAMPLE_PDF)
        with owner.transaction() as session:
            for name, curator in CURATORS.items():
                annotator_id(session, name)
                session.execute(
                    text("UPDATE annotators SET curator = :c WHERE name = :n"),
                    {"c": curator, "n": name},
                )
    assert ADMIN_URL
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in CURATORS:  # roles belong to the server: made once, kept
            conn.exec_driver_sql(
                f"DO $$ BEGIN CREATE ROLE {name} LOGIN; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            )
            conn.exec_driver_sql(f"GRANT {GROUP} TO {name}")
            assert not conn.scalar(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": name}
            )
    admin.dispose()
    url = make_url(pg_url)
    yield {"owner": pg_url} | {
        name: url.set(username=name).render_as_string(hide_password=False) for name in CURATORS
    }


def _open(team: dict[str, str], name: str) -> Project:
    return open_project(team[name])


def _span(project: Project, span_id: int) -> SpanInfo:
    with project.session() as session:
        return get_span(session, span_id)


def test_each_role_is_its_annotator_and_keeps_to_its_layer(team: dict[str, str]) -> None:
    with (
        _open(team, "owner") as owner,
        _open(team, "lin") as lin,
        _open(team, "wang") as wang,
        _open(team, "zhao") as zhao,
    ):
        assert [identity(p) for p in (owner, lin, wang, zhao)] == [None, "lin", "wang", "zhao"]
        mine = add_span(lin, 1, (0, 4), "target", "lin")
        theirs = add_span(wang, 1, (0, 4), "target", "wang")  # the same place, wang's layer
        assert (mine.annotator, theirs.annotator) == ("lin", "wang")
        with pytest.raises(UserError, match="working as wang"):
            add_span(wang, 1, (4, 8), "policy", "lin")
        for change in ({"note": "wang's"}, {"deleted": True}, {"status": SpanStatus.REJECTED}):
            with pytest.raises(UserError, match="working as wang"):
                change_span(wang, mine.id, **change)
        assert _span(lin, mine.id) == mine
        suggest(wang, [2])  # the rules' suggestions may be stored by anyone
        with pytest.raises(UserError, match="server refused"):  # only the owner names curators
            set_curator(wang, "wang")
        with lin.session() as session:
            offered = [s for s in list_spans(session, 2) if s.status is SpanStatus.SUGGESTED]
        taken = act_on_suggestion(lin, offered[0].id, "lin", status=SpanStatus.ACCEPTED)
        assert (taken.annotator, taken.status) == ("lin", SpanStatus.ACCEPTED)  # lin's now
        with pytest.raises(UserError, match="working as wang"):
            change_span(wang, taken.id, status=SpanStatus.REJECTED)
        rejected = change_span(zhao, mine.id, status=SpanStatus.REJECTED)
        with zhao.transaction() as session:
            curated = create_span(
                session,
                page_id=1,
                start=0,
                end=4,
                label="target",
                quote=mine.quote,
                annotator="zhao",
                layer=SpanLayer.CURATED,
            )
        assert curated.layer is SpanLayer.CURATED
        with pytest.raises(SpanConflict, match="changed elsewhere by zhao at"):
            change_span(lin, mine.id, version=mine.version, note="stale")
        assert change_span(lin, mine.id, version=rejected.version, note="mine").note == "mine"


def test_the_server_itself_refuses_a_role_what_is_not_its_own(team: dict[str, str]) -> None:
    with _open(team, "lin") as lin:
        mine = add_span(lin, 1, (0, 4), "target", "lin")
    as_wang = create_engine(team["wang"])
    refusals = [
        f"UPDATE spans SET note = 'wang''s' WHERE id = {mine.id}",
        f"UPDATE spans SET deleted = true WHERE id = {mine.id}",
        f"UPDATE spans SET annotator_id = (SELECT id FROM annotators WHERE name = 'wang') "
        f"WHERE id = {mine.id}",
        'INSERT INTO spans (page_id, start, "end", label_id, quote, attributes, note, status, '
        "orphaned, deleted, annotator_id, layer, created_at, updated_at, version) "
        "SELECT 1, 4, 8, id, 'x', '{}', '', 'accepted', false, false, "
        "(SELECT id FROM annotators WHERE name = 'lin'), 'annotation', now(), now(), 1 "
        "FROM labels WHERE key = 'policy'",
        "UPDATE annotators SET curator = true WHERE name = 'wang'",
        "INSERT INTO annotators (name, curator, created_at) VALUES ('qian', true, now())",
    ]
    for statement in refusals:
        with pytest.raises(DBAPIError) as refused, as_wang.begin() as conn:
            conn.exec_driver_sql(statement)
        assert getattr(refused.value.orig, "sqlstate", None) == "42501", statement
    with as_wang.begin() as conn:  # a row wang may not delete is not there for wang
        assert conn.exec_driver_sql(f"DELETE FROM spans WHERE id = {mine.id}").rowcount == 0
        # following an edit is anyone's to do
        conn.exec_driver_sql(f"UPDATE spans SET version = version + 1 WHERE id = {mine.id}")
    as_wang.dispose()
    as_zhao = create_engine(team["zhao"])
    with as_zhao.begin() as conn:  # a curator may
        conn.exec_driver_sql(f"UPDATE spans SET note = 'checked' WHERE id = {mine.id}")
        assert conn.exec_driver_sql(f"DELETE FROM spans WHERE id = {mine.id}").rowcount == 1
    as_zhao.dispose()


def test_a_text_edit_by_wang_moves_lin_s_spans_and_lin_sees_it(team: dict[str, str]) -> None:
    with _open(team, "lin") as lin, _open(team, "wang") as wang:
        mine = add_span(lin, 1, (4, 8), "target", "lin")
        last = start(lin)
        manual_edit(wang, 1, Edit(0, 0, "新增"), "wang")
        moved = _span(lin, mine.id)
        assert (moved.start, moved.end, moved.quote) == (6, 10, mine.quote)
        assert moved.version == mine.version + 1
        _, changes = changes_since(lin, last)
        assert changes.pages == {1} and changes.text and changes.spans
        with pytest.raises(SpanConflict, match="changed elsewhere by wang"):
            change_span(lin, mine.id, version=mine.version, note="stale")


@dataclass(frozen=True)
class _Applied:
    span_id: int
    version: int  # the version the change made
    fields: dict[str, Any]


def _changes(name: str, project: Project, spans: list[int], seed: int, log: list[Any]) -> None:
    """Read a span, wait a moment (a colleague may change it meanwhile), then change it with
    the version read; record what was applied and what was refused."""
    chance = random.Random(seed)
    values: dict[str, list[Any]] = {
        "note": [f"{name} {n}" for n in range(5)],
        "status": list(SpanStatus),
        "label": ["target", "project", "policy"],
    }
    for _ in range(25):
        span_id = chance.choice(spans)
        shown = _span(project, span_id)
        field = chance.choice(list(values))
        # always a change: setting what is there already changes nothing, not even the version
        fields = {field: chance.choice([v for v in values[field] if v != getattr(shown, field)])}
        version = shown.version
        threading.Event().wait(chance.random() / 200)
        try:
            saved = change_span(project, span_id, version=version, **fields)
        except SpanConflict:
            log.append(None)
            continue
        log.append(_Applied(span_id, saved.version, fields))


def test_changes_made_at_once_are_each_applied_or_refused_and_none_lost(
    team: dict[str, str],
) -> None:
    with _open(team, "lin") as lin, _open(team, "wang") as wang:
        own = {
            "lin": [add_span(lin, 1, (n * 4, n * 4 + 3), "policy", "lin").id for n in range(2)],
            "wang": [add_span(wang, 2, (n * 4, n * 4 + 3), "policy", "wang").id for n in range(2)],
        }
    workers = [("lin", own["lin"]), ("lin", own["lin"]), ("wang", own["wang"])]
    workers += [("wang", own["wang"]), ("zhao", own["lin"] + own["wang"])]
    projects = [_open(team, name) for name, _ in workers]
    log: list[Any] = []
    threads = [
        threading.Thread(target=_changes, args=(name, project, spans, seed, log))
        for seed, ((name, spans), project) in enumerate(zip(workers, projects, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    applied = [entry for entry in log if entry is not None]
    assert len(log) == 125 and applied and len(applied) < len(log)  # some were refused
    for span_id in own["lin"] + own["wang"]:
        steps = sorted((a for a in applied if a.span_id == span_id), key=lambda a: a.version)
        assert [a.version for a in steps] == list(range(2, len(steps) + 2))  # none lost
        expected = {"label": "policy", "status": SpanStatus.ACCEPTED, "note": ""}
        for step in steps:
            expected.update(step.fields)
        final = _span(projects[0], span_id)
        assert final.version == len(steps) + 1
        assert {"label": final.label, "status": final.status, "note": final.note} == expected
    for project in projects:
        project.close()


def test_two_annotators_are_measured_and_the_curated_export_is_what_the_curator_chose(
    team: dict[str, str], tmp_path: Any
) -> None:
    """The whole review on the server: lin and wang label page 1 blind, agreement is
    measured, zhao curates (an agreed unit taken, one disagreement settled by wang's
    version, one rejected), and the curated layer's export holds exactly that."""
    import json

    from xzannot.operations.agreement import measure_agreement
    from xzannot.operations.correcting_all import correct_pages
    from xzannot.operations.curation import curation_page, reject_unit, take_agreed, take_version
    from xzannot.operations.exporting import ExportFilter, export
    from xzannot.operations.team import assign_pages, is_blind

    with _open(team, "owner") as owner:
        correct_pages(owner, [1])  # as showing the page does: spans mark the corrected text
        for name in ("lin", "wang"):
            assign_pages(owner, name, 1, 1, 1)
    with _open(team, "lin") as lin, _open(team, "wang") as wang, _open(team, "zhao") as zhao:
        assert is_blind(lin, 1)
        for who, project in (("lin", lin), ("wang", wang)):
            add_span(project, 1, (0, 4), "policy", who)  # both
        add_span(lin, 1, (10, 16), "project", "lin")  # they differ in extent
        add_span(wang, 1, (10, 14), "project", "wang")
        add_span(wang, 1, (30, 34), "target", "wang")  # only wang
        report = measure_agreement(zhao)
        assert tuple(report.annotators) == ("lin", "wang") and report.pages == 1
        page = curation_page(zhao, 1)
        assert len(page.agreed) == 1 and len(page.disagreed) == 2
        with pytest.raises(UserError, match="curator"):
            take_version(lin, 1, page.disagreed[0], "wang", "lin")
        assert take_agreed(zhao, [1], "zhao") == 1
        extent, only_wang = sorted(page.disagreed, key=lambda unit: unit.start)
        take_version(zhao, 1, extent, "wang", "zhao")
        reject_unit(zhao, 1, only_wang, "zhao")
        out = tmp_path / "curated.jsonl"
        export(zhao, "jsonl", out, ExportFilter(layers=(SpanLayer.CURATED,)))
    spans = [s for line in out.read_text().splitlines() for s in json.loads(line)["spans"]]
    assert sorted((s["start"], s["end"], s["label"], s["annotator"]) for s in spans) == [
        (0, 4, "policy", "zhao"),
        (10, 14, "project", "zhao"),
    ]
