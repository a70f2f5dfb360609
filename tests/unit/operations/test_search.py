"""Searching a project: the index follows every change, answers like a scan of the texts,
filters by spans and pages, and every hit can be labelled or corrected at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from xzannot.core.edits import Edit
from xzannot.core.search import SearchQuery, fold, parse_condition
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations.correcting_all import correct_pages
from xzannot.operations.labelling import add_span
from xzannot.operations.reviewing import manual_edit
from xzannot.operations.saved_searches import (
    forget_search,
    load_search,
    save_search,
    saved_search_names,
)
from xzannot.operations.search import Found, Hit, all_hits, find, hits_on
from xzannot.operations.search_actions import (
    label_hits,
    replace_hits,
    revert_replacements,
    unlabel,
)
from xzannot.store.check import invariant_problems
from xzannot.store.database import Project, open_project
from xzannot.store.documents import current_text, list_pages


def counted(project: Project, query: SearchQuery) -> Found:
    """``find`` with the hits on each page counted."""
    return find(project, query, count=True)


def _hits(project: Project, query: SearchQuery) -> list[Hit]:
    return [hit for page in all_hits(project, query) for hit in page.hits]


def _scan(project: Project, needle: str) -> list[tuple[int, int]]:
    """What the index must answer: every page's folded current text, searched in Python."""
    with project.session() as session:
        pages = list_pages(session)
        texts = {page.id: fold(current_text(session, page.id)) for page in pages}
    counts = [(page.id, texts[page.id].count(fold(needle))) for page in pages]
    return [(page_id, count) for page_id, count in counts if count]


def _index_is_current(project: Project) -> None:
    with project.session() as session:
        assert invariant_problems(session) == []
        assert "out of date" not in " ".join(invariant_problems(session))


@pytest.fixture
def corrected(sample: Path) -> Path:
    with open_project(sample) as project:
        correct_pages(project, [page.id for page in _pages(project)])
    return sample


def _pages(project: Project) -> list:
    with project.session() as session:
        return list_pages(session)


@pytest.mark.parametrize("needle", ["城镇新增就业", "就业", "力", "%", "以上。", "xyz", "亿元"])
def test_the_index_answers_as_a_scan_of_every_page_would(corrected: Path, needle: str) -> None:
    with open_project(corrected) as project:
        _index_is_current(project)
        found = counted(project, SearchQuery(needle))
        assert found.pages == _scan(project, needle)
        assert sum(len(page.hits) for page in all_hits(project, SearchQuery(needle))) == (
            found.hit_count
        )
        quick = find(project, SearchQuery(needle))  # the index alone: which pages
        assert [page_id for page_id, _ in quick.pages] == [page_id for page_id, _ in found.pages]
        assert not quick.counted and found.counted


@pytest.mark.parametrize(
    "needle", ['"', '"城镇', "AND", "OR 就业", "就业*", "NEAR(就业", "-:^", "%_\\"]
)
def test_search_syntax_in_a_query_is_taken_literally(corrected: Path, needle: str) -> None:
    with open_project(corrected) as project:
        assert counted(project, SearchQuery(needle)).pages == _scan(project, needle)


def test_the_index_follows_edits_reverts_and_rollbacks(sample: Path) -> None:
    with open_project(sample) as project:
        page = _pages(project)[0]
        assert counted(project, SearchQuery("新词语测试")).pages == []
        edit_id = manual_edit(project, page.id, Edit(0, 0, "新词语测试"), "ann")
        assert counted(project, SearchQuery("新词语测试")).pages == [(page.id, 1)]
        assert counted(project, SearchQuery("词语")).pages == [(page.id, 1)]  # the short path
        _index_is_current(project)
        from xzannot.operations.reviewing import revert

        revert(project, page.id, [edit_id], "ann")
        assert counted(project, SearchQuery("新词语测试")).pages == []
        with pytest.raises(RuntimeError), project.transaction() as session:
            from xzannot.store.edits import add_edits

            add_edits(session, page.id, [(Edit(0, 0, "回滚的词"), "manual")], author="ann")
            raise RuntimeError("rolled back")
        assert counted(project, SearchQuery("回滚的词")).pages == []
        _index_is_current(project)


def test_a_stale_index_is_reported_by_the_check(sample: Path) -> None:
    conn = sqlite3.connect(sample)
    conn.execute("UPDATE page_search SET folded = 'x' WHERE page_id = (SELECT min(id) FROM pages)")
    conn.commit()
    conn.close()
    with open_project(sample) as project, project.session() as session:
        assert any(
            "search index is out of date for 1 pages" in p for p in invariant_problems(session)
        )


def test_filters_by_document_pages_and_original_text(corrected: Path) -> None:
    with open_project(corrected) as project:
        pages = _pages(project)
        first_doc = pages[0].document_id
        everywhere = counted(project, SearchQuery("以上")).pages
        in_doc = counted(project, SearchQuery("以上", documents=(first_doc,))).pages
        assert in_doc and set(in_doc) < set(everywhere)
        second = counted(project, SearchQuery("以上", first_page=2, last_page=2)).pages
        numbers = {p.id: p.number for p in pages}
        assert second and {numbers[page_id] for page_id, _ in second} == {2}
        # the radical look-alike ⼒ is in the extracted text, corrected to 力 since
        hits = _hits(project, SearchQuery("⼒", original=True, exact=True))
        assert hits and _hits(project, SearchQuery("⼒", exact=True)) == []


def test_span_filters_and_conditions_on_target_attributes(corrected: Path) -> None:
    with open_project(corrected) as project:
        hit = _hits(project, SearchQuery("1.6万人以上"))[0]
        add_span(project, hit.page_id, (hit.start, hit.end), "target", "ann")
        targets = SearchQuery("万人", labels=("target",))
        assert [h.match for h in _hits(project, targets)] == ["万人"]
        assert _hits(project, SearchQuery("万人", labels=("policy",))) == []
        by_value = SearchQuery(
            "", conditions=(parse_condition("value >= 1.5"), parse_condition("unit = 万人"))
        )
        assert [h.match for h in _hits(project, by_value)] == ["1.6万人以上"]
        assert _hits(project, SearchQuery("", conditions=(parse_condition("value > 2"),))) == []
        assert _hits(project, SearchQuery("万人", annotators=("someone else",))) == []
        assert _hits(project, SearchQuery("万人", statuses=(SpanStatus.SUGGESTED,))) == []


def test_hits_carry_context_and_the_area_of_their_glyphs(corrected: Path) -> None:
    with open_project(corrected) as project:
        found = counted(project, SearchQuery("城镇新增就业"))
        (page,) = hits_on(project, found, [found.pages[0][0]], areas=True)
        (hit,) = page.hits
        assert hit.match == "城镇新增就业" and hit.before.endswith("，") and "万人" in hit.after
        x0, y0, x1, y1 = hit.area
        assert 0 < x0 < x1 <= page.page.width and 0 < y0 < y1 <= page.page.height


def test_every_hit_labelled_at_once_then_undone(corrected: Path) -> None:
    with open_project(corrected) as project:
        hits = _hits(project, SearchQuery("力"))
        assert len(hits) > 10
        done = label_hits(project, hits, "policy", "ann")
        assert len(done.span_ids) == len(hits) and done.already == 0
        labelled = SearchQuery("力", labels=("policy",), statuses=(SpanStatus.SUGGESTED,))
        assert len(_hits(project, labelled)) == len(hits)
        again = label_hits(project, hits, "policy", "ann")
        assert again.span_ids == [] and again.already == len(hits)
        unlabel(project, done.span_ids)
        assert _hits(project, labelled) == []
        unlabel(project, done.span_ids, deleted=False)
        assert len(_hits(project, labelled)) == len(hits)


def test_a_recurring_misreading_corrected_across_pages_then_reverted(corrected: Path) -> None:
    with open_project(corrected) as project:
        hits = _hits(project, SearchQuery("以上"))
        pages = {hit.page_id for hit in hits}
        assert len(pages) >= 2
        kept = hits[1:]  # the first hit excluded
        done = replace_hits(project, kept, "以下", "ann")
        assert done.count == len(kept) and set(done.edits) <= pages
        assert len(_hits(project, SearchQuery("以上"))) == 1
        assert counted(project, SearchQuery("以下")).hit_count >= len(kept)
        _index_is_current(project)
        from xzannot.operations.browsing import page_corrections

        kinds = {c.kind for page_id in done.edits for c in page_corrections(project, page_id)}
        assert "batch" in kinds
        revert_replacements(project, done.edits, "ann")
        assert len(_hits(project, SearchQuery("以上"))) == len(hits)
        _index_is_current(project)


def test_acting_on_hits_of_a_page_changed_since_is_refused_and_changes_nothing(
    corrected: Path,
) -> None:
    with open_project(corrected) as project:
        hits = _hits(project, SearchQuery("以上"))
        manual_edit(project, hits[-1].page_id, Edit(0, 0, "插入"), "other")
        before = counted(project, SearchQuery("以上")).pages
        with pytest.raises(UserError, match="changed since the search"):
            replace_hits(project, hits, "以下", "ann")
        with pytest.raises(UserError, match="changed since the search"):
            label_hits(project, hits, "policy", "ann")
        assert counted(project, SearchQuery("以上")).pages == before
        assert _hits(project, SearchQuery("以上", labels=("policy",))) == []


def test_saved_searches_are_kept_in_the_project(corrected: Path) -> None:
    query = SearchQuery("万人", labels=("target",), conditions=(parse_condition("value >= 1"),))
    with open_project(corrected) as project:
        save_search(project, "就业目标", query, "ann")
        save_search(project, "another", SearchQuery("力"), "ann")
    with open_project(corrected) as project:
        assert saved_search_names(project) == ["another", "就业目标"]
        assert load_search(project, "就业目标") == query
        forget_search(project, "another")
        with pytest.raises(UserError, match="no saved search “another” \\(saved: 就业目标\\)"):
            load_search(project, "another")
        with pytest.raises(UserError, match="needs a name"):
            save_search(project, "  ", query, "ann")


def test_an_older_project_is_indexed_when_it_is_upgraded(corrected: Path) -> None:
    from tests.unit.store.test_database import _downgrade

    _downgrade(corrected, "0008")
    conn = sqlite3.connect(corrected)
    assert (
        conn.execute("SELECT name FROM sqlite_master WHERE name = 'page_search'").fetchall() == []
    )
    conn.close()
    with open_project(corrected) as project:
        _index_is_current(project)
        assert counted(project, SearchQuery("城镇新增就业")).pages == _scan(project, "城镇新增就业")


def test_an_exact_search_finds_spacing_and_widths_the_index_folds_away(sample: Path) -> None:
    with open_project(sample) as project:
        page = _pages(project)[0]
        manual_edit(project, page.id, Edit(0, 0, "ＧＤＰ增长 城镇　新增"), "ann")
        assert [h.match for h in _hits(project, SearchQuery("ＧＤＰ", exact=True))] == ["ＧＤＰ"]
        assert _hits(project, SearchQuery("GDP", exact=True)) == []
        assert [h.match for h in _hits(project, SearchQuery("城镇　新增", exact=True))] == [
            "城镇　新增"
        ]
        on_page = [
            h for h in _hits(project, SearchQuery("城镇新增", exact=True)) if h.page_id == page.id
        ]
        assert on_page == []  # only where the text has no space between


def test_texts_told_by_a_writer_are_folded_a_chunk_at_a_time_and_still_follow_later_edits(
    db_path: Path, worker: object, tmp_path: Path
) -> None:
    """A transaction correcting a shelf tells the index each page's text; a chunk of them is
    folded in at once (memory stays bounded), and a page edited again afterwards in the same
    transaction is worked out again at commit."""
    from xzannot.operations.importing import import_document
    from xzannot.store.edits import add_edits
    from xzannot.store.export_reads import CHUNK
    from xzannot.store.search_index import known_text

    dump = tmp_path / "shelf.txt"
    dump.write_text("\f".join(f"第{n}页的正文" for n in range(CHUNK + 5)), encoding="utf-8")
    with open_project(db_path) as project:
        import_document(project, worker, dump)  # type: ignore[arg-type]
        pages = _pages(project)
        with project.transaction() as session:
            for page in pages:
                add_edits(session, page.id, [(Edit(0, 0, "改"), "manual")], author="ann")
                known_text(session, page.id, "改" + current_text(session, page.id)[1:])
            assert "search_known_texts" in session.info  # the first chunk is folded in
            assert len(session.info["search_known_texts"]) == 5
            add_edits(session, pages[0].id, [(Edit(0, 0, "再"), "manual")], author="ann")
        _index_is_current(project)
        assert counted(project, SearchQuery("再改第0页")).pages == [(pages[0].id, 1)]
