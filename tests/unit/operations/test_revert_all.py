"""Spans through any chain of edits: they follow, are orphaned when their text goes,
and reverting every edit brings every span back where it was."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from xzannot.core.edits import Edit
from xzannot.core.pages import ExtractedPage, TextSource
from xzannot.operations.labelling import add_span
from xzannot.operations.reviewing import revert
from xzannot.store.database import open_project
from xzannot.store.documents import add_document, list_pages, page_content
from xzannot.store.edits import add_edits
from xzannot.store.models import EditRow
from xzannot.store.spans import list_spans

ORIGINAL = "加强全面优质的公共服务供给持续扩大优质教育资源"


@st.composite
def edit_chain(draw: st.DrawFn) -> list[tuple[int, int, str, bool]]:
    """Edits as (start share, end share, replacement, reorder), applied to the current text."""
    return draw(
        st.lists(
            st.tuples(
                st.floats(0, 1),
                st.floats(0, 1),
                st.text(alphabet="改正字𠀁", max_size=4),
                st.booleans(),
            ),
            min_size=1,
            max_size=6,
        )
    )


def _concrete(text: str, step: tuple[float, float, str, bool]) -> Edit:
    a, b, replacement, reorder = step
    start, end = sorted((int(a * len(text)), int(b * len(text))))
    if reorder and end > start:  # move the range's characters backwards, as a reflow would
        moved = text[start:end][::-1]
        return Edit(start, end, moved, tuple(range(end - 1, start - 1, -1)))
    return Edit(start, end, replacement)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edit_chain(), st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6)), min_size=1, max_size=4)
)
def test_spans_follow_any_edits_and_come_back_when_all_are_reverted(
    template_db: Path, chain: list[tuple[float, float, str, bool]], spans: list[tuple[int, int]]
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        db = folder / "p.sqlite"
        shutil.copyfile(template_db, db)
        with open_project(db) as project:
            with project.transaction() as s:
                page = ExtractedPage(1, 100, 100, ORIGINAL, source=TextSource.DUMP)
                add_document(
                    s, title="t", kind="text", source_path=db, sha256="0" * 64, pages=[page]
                )
                page_id = list_pages(s)[0].id
            places = {(start, min(start + length, len(ORIGINAL))) for start, length in spans}
            for place in sorted(places):  # one live span of a label per place
                add_span(project, page_id, place, "policy", "甲")
            with project.session() as s:
                before = [(sp.start, sp.end, sp.quote) for sp in list_spans(s, page_id)]
            for step in chain:
                with project.transaction() as s:
                    text = page_content(s, page_id).current
                    add_edits(s, page_id, [(_concrete(text, step), "manual")], author="甲")
                with project.session() as s:
                    text = page_content(s, page_id).current
                    for span in list_spans(s, page_id):
                        # every span shows the text at its offsets, or is orphaned for review
                        assert span.orphaned or text[span.start : span.end] == span.quote
            with project.session() as s:
                ids = [
                    row.id for row in s.scalars(select(EditRow).where(EditRow.page_id == page_id))
                ]
            revert(project, page_id, ids, "甲")
            with project.session() as s:
                assert page_content(s, page_id).current == ORIGINAL
                after = [(sp.start, sp.end, sp.quote) for sp in list_spans(s, page_id)]
                assert not any(sp.orphaned for sp in list_spans(s, page_id))
            assert after == before
    finally:
        shutil.rmtree(folder)
