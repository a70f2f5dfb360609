from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from xzannot.operations.correcting import correct_page
from xzannot.operations.labelling import add_span
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages, page_content
from xzannot.store.models import EditRow, Page
from xzannot.store.spans import list_spans


def test_a_page_is_corrected_once_with_edits_of_each_kind(sample: Path) -> None:
    with open_project(sample) as project:
        with project.session() as s:
            page = list_pages(s)[0]
        first = correct_page(project, page.id)
        again = correct_page(project, page.id)
        with project.session() as s:
            kinds = {row.kind for row in s.scalars(select(EditRow))}
            content = page_content(s, page.id)
            stored = s.get(Page, page.id)
            assert stored is not None
            assert stored.furniture == ["秀洲年鉴2022 特载", "—21—"]
    assert first.edits > 0 and not first.already
    assert first.text == content.current  # what the edits stored make of the page
    assert again.already and again.edits == 0 and again.text is None
    # Qt's text layer has full-width punctuation and no stray spaces: reading order and
    # radical look-alikes are what this page needs
    assert kinds == {"reflow", "radicals"}
    assert content.current.startswith("加速城乡融合。加快推进全省第二批新时代乡村集成改革试点")
    assert content.original.startswith("秀洲年鉴 2022 特 载")  # the original is kept


def test_the_reading_order_edit_says_what_it_acted_on(sample: Path) -> None:
    with open_project(sample) as project:
        with project.session() as s:
            page = list_pages(s)[0]
        correct_page(project, page.id)
        with project.session() as s:
            reflow = s.scalars(
                select(EditRow).where(EditRow.page_id == page.id, EditRow.kind == "reflow")
            ).one()
    evidence = reflow.evidence or ""
    # Qt wrote the two columns line by line across the page
    assert evidence.startswith("read 2 columns one after the other: the text layer stepped")
    assert "took “秀洲年鉴2022特载” out of the body: a neighbouring page repeats it" in evidence
    assert "took “—21—” out of the body: a page number" in evidence
    with open_project(sample) as project, project.session() as s:
        radicals = s.scalars(select(EditRow.evidence).where(EditRow.kind == "radicals")).all()
    assert radicals and all(e and "radical look-alike" in e for e in radicals)


def test_boxes_follow_the_reflowed_characters(sample: Path) -> None:
    with open_project(sample) as project:
        with project.session() as s:
            page = list_pages(s)[0]
            before = page_content(s, page.id)
        correct_page(project, page.id)
        with project.session() as s:
            after = page_content(s, page.id)
    assert len(after.boxes) == len(after.current)
    start = after.current.index("加速城乡融合")
    original_start = before.current.index("加速城乡融合")
    assert after.boxes[start : start + 6] == before.boxes[original_start : original_start + 6]
    # a radical folded to its ideograph keeps the glyph's box: 第⼆批 → 第二批
    assert "第⼆批" in before.current
    er = after.current.index("第二批") + 1
    assert after.boxes[er] == before.boxes[before.current.index("第⼆批") + 1]


def test_spans_made_before_correction_follow_their_words(sample: Path) -> None:
    with open_project(sample) as project:
        with project.session() as s:
            page = list_pages(s)[0]
            raw = page_content(s, page.id).current
        start = raw.index("城乡融合")
        add_span(project, page.id, (start, start + 4), "policy", "甲")
        head = raw.index("秀洲年鉴")
        add_span(project, page.id, (head, head + 4), "target", "甲")  # running head: goes away
        correct_page(project, page.id)
        with project.session() as s:
            spans = list_spans(s, page.id)
            text = page_content(s, page.id).current
    moved, gone = sorted(spans, key=lambda sp: sp.label)
    assert moved.label == "policy" and text[moved.start : moved.end] == "城乡融合" == moved.quote
    assert gone.orphaned  # its characters left the body: listed for review, not dropped


def test_dump_pages_are_de_interleaved(sample: Path) -> None:
    with open_project(sample) as project:
        with project.session() as s:
            dump_page = list_pages(s)[-1]
        correct_page(project, dump_page.id)
        with project.session() as s:
            content = page_content(s, dump_page.id)
            kinds = {
                r.kind for r in s.scalars(select(EditRow).where(EditRow.page_id == dump_page.id))
            }
            assert kinds == {"reflow", "punctuation", "spacing"}
            stored = s.get(Page, dump_page.id)
            assert stored is not None and "P. 52" in (stored.furniture or [])
    assert content.current.startswith("实现24小时内常住人口50%")


def test_projects_of_the_first_schema_are_upgraded(tmp_path: Path) -> None:
    from alembic import command

    from xzannot.store.database import _alembic_config, _make_engine, head_revision, locate

    path = tmp_path / "old.sqlite"
    engine = _make_engine(locate(path))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO documents (title, kind, source_path, sha256, page_count, created_at)"
            " VALUES ('旧', 'pdf', '/x.pdf', 'aa', 1, '2026-01-01')"
        )
    engine.dispose()
    with open_project(path) as project, project.session() as s:
        assert s.scalar(select(Page.furniture)) is None  # the new columns exist
    conn2 = sqlite3.connect(path)
    assert conn2.execute("SELECT title FROM documents").fetchone() == ("旧",)
    assert conn2.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    conn2.close()
