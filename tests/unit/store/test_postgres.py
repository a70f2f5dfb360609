"""Projects on a PostgreSQL server, for teams. `.ci/run` starts a private server for these.

Without XZANNOT_TEST_POSTGRES_URL (an admin URL of a server to make test databases on),
the tests are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import SAMPLE_DUMP, SAMPLE_PDF
from xzannot.core.boxes import pack_boxes, unpack_boxes
from xzannot.errors import UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import read_document, store_documents
from xzannot.store.database import head_revision, open_project
from xzannot.store.documents import list_pages, page_content
from xzannot.store.stats import project_stats

ADMIN_URL = os.environ.get("XZANNOT_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL server for tests")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    assert ADMIN_URL
    name = f"xzannot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name)
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_empty_server_database_is_only_used_when_asked(pg_url: str) -> None:
    with pytest.raises(UserError, match="no project at"):
        open_project(pg_url)
    with open_project(pg_url, create=True) as project, project.session() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        assert s.scalars(text("SELECT key FROM labels ORDER BY position")).all() == [
            "target",
            "project",
            "policy",
        ]


def test_import_round_trips_texts_and_boxes(pg_url: str, worker: PdfiumWorker) -> None:
    reads = [read_document(worker, SAMPLE_PDF), read_document(worker, SAMPLE_DUMP)]
    with open_project(pg_url, create=True) as project:
        outcomes = store_documents(project, reads)
        again = store_documents(project, reads[:1])
        with project.session() as s:
            pages = list_pages(s)
            contents = [page_content(s, p.id) for p in pages]
            stats = project_stats(s)
    assert [o.pages for o in outcomes] == [3, 1]
    assert again[0].already_present
    assert stats.pages == 4
    assert [p.printed_label for p in pages] == ["21", "22", "23", "22"]
    for content, extracted in zip(contents, [*reads[0].pages, *reads[1].pages], strict=True):
        assert content.original == extracted.text
        # boxes are stored as float32 (core.boxes), so compare them as stored
        stored = unpack_boxes(pack_boxes(extracted.boxes)) if extracted.boxes else []
        assert content.boxes == (stored or [None] * len(extracted.text))


def test_newer_schema_on_the_server_is_refused_and_untouched(pg_url: str) -> None:
    open_project(pg_url, create=True).close()
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(UserError, match="newer version of xzannot"):
        open_project(pg_url)
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
        )
    engine.dispose()


def test_other_applications_database_is_refused(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer)"))
    engine.dispose()
    with pytest.raises(UserError, match="not an xzannot project"):
        open_project(pg_url, create=True)


def test_unreachable_server_is_explained() -> None:
    assert ADMIN_URL
    url = make_url(ADMIN_URL).set(database="postgres").update_query_dict({"port": "1"})
    with pytest.raises(UserError, match="cannot open project"):
        open_project(url.render_as_string(hide_password=False))


def test_command_line_with_a_plain_postgresql_url(pg_url: str, user_data_dir: Path) -> None:
    from tests.unit.test_cli import xzannot

    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    result = xzannot("import", SAMPLE_PDF, "--db", plain, env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    stats = xzannot("stats", "--db", plain, env_dir=user_data_dir)
    assert "pages          3 (to do 3)" in stats.stdout


def test_search_on_the_server_follows_edits_with_trigrams_and_short_queries(
    pg_url: str, worker: PdfiumWorker
) -> None:
    from xzannot.core.edits import Edit
    from xzannot.core.search import SearchQuery
    from xzannot.operations.reviewing import manual_edit
    from xzannot.operations.search import all_hits, find
    from xzannot.operations.search_actions import label_hits
    from xzannot.store.check import invariant_problems

    with open_project(pg_url, create=True) as project:
        store_documents(project, [read_document(worker, SAMPLE_PDF)])
        with project.session() as s:
            pages = list_pages(s)
            trigram_index = s.scalar(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_page_search_trigrams'")
            )
        assert trigram_index == 1
        assert find(project, SearchQuery("城镇新增\n就业"), count=True).pages == [(pages[1].id, 1)]
        manual_edit(project, pages[0].id, Edit(0, 0, "百分_号%测"), "ann")
        # % and _ are LIKE signs, taken literally
        assert find(project, SearchQuery("分_号%"), count=True).pages == [(pages[0].id, 1)]
        assert find(project, SearchQuery("_号"), count=True).pages == [(pages[0].id, 1)]  # strpos
        assert find(project, SearchQuery("分x号"), count=True).pages == []
        hits = [hit for page in all_hits(project, SearchQuery("百分")) for hit in page.hits]
        assert len(label_hits(project, hits, "policy", "ann").span_ids) == 1
        with project.session() as s:
            assert invariant_problems(s) == []
