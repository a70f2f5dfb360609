"""Checking a project: SQLite's own checks, and the invariants xzannot keeps.

SQLite's checks (``PRAGMA quick_check`` or ``integrity_check``, and ``foreign_key_check``)
run on a read-only connection, so a damaged file is looked at without being written to.
xzannot's invariants are read through the ORM once the file is sound: boxes and confidences
one per character, edits in an unbroken chain that applies, spans inside their page's text,
documents' page counts, the search index up to date.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xzannot.core.edits import Edit, apply_edits
from xzannot.core.search import fold
from xzannot.store.models import Document, EditRow, Page, PageSearch, PageText, Span
from xzannot.store.sqlite_files import connect_read_only

_BOX_BYTES = 16  # four float32 per character
_CONFIDENCE_BYTES = 4


@dataclass
class CheckReport:
    """What a check found: nothing (sound), or the problems in words."""

    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def sqlite_problems(path: Path, *, quick: bool = False) -> list[str]:
    """SQLite's verdict on a project file (read-only); an empty list when it is sound."""
    try:
        with closing(connect_read_only(path)) as conn:
            rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")
            # a row may hold several lines, under a "*** in database main ***" heading
            verdict = [
                line.strip()
                for row in rows
                for line in str(row[0]).splitlines()
                if line.strip() and not line.startswith("***")
            ]
            keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read it: {exc}"]
    problems = [] if verdict == ["ok"] else [f"SQLite: {line}" for line in verdict[:20]]
    problems += [
        f"a row of {table} (rowid {rowid}) refers to a missing row of {parent}"
        for table, rowid, parent, _ in keys[:20]
    ]
    return problems


def invariant_problems(session: Session) -> list[str]:
    """Where the project breaks what xzannot keeps true of its data."""
    problems: list[str] = []
    counts = dict(
        session.execute(select(Page.document_id, func.count()).group_by(Page.document_id)).all()
    )
    for doc in session.scalars(select(Document)):
        if counts.get(doc.id, 0) != doc.page_count:
            problems.append(
                f"document {doc.id} ({doc.title}) says it has {doc.page_count} pages, "
                f"and {counts.get(doc.id, 0)} are stored"
            )
    texts = {
        page_id: (original, boxes, confidences)
        for page_id, original, boxes, confidences in session.execute(
            select(PageText.page_id, PageText.original, PageText.boxes, PageText.confidences)
        )
    }
    for page_id, (original, boxes, confidences) in texts.items():
        if boxes is not None and len(boxes) != _BOX_BYTES * len(original):
            problems.append(f"page {page_id}: its boxes are not one per character")
        if confidences is not None and len(confidences) != _CONFIDENCE_BYTES * len(original):
            problems.append(f"page {page_id}: its confidences are not one per character")
    chains: dict[int, list[tuple[int, int, int, str]]] = {}
    for page_id, seq, start, end, replacement in session.execute(
        select(
            EditRow.page_id, EditRow.seq, EditRow.start, EditRow.end, EditRow.replacement
        ).order_by(EditRow.page_id, EditRow.seq)
    ):
        chains.setdefault(page_id, []).append((seq, start, end, replacement))
    current: dict[int, str] = {}
    for page_id, original in ((p, t[0]) for p, t in texts.items()):
        chain = chains.get(page_id, [])
        if [seq for seq, *_ in chain] != list(range(1, len(chain) + 1)):
            problems.append(f"page {page_id}: its chain of edits has a gap")
            continue
        text = original
        for seq, start, end, replacement in chain:
            if not 0 <= start <= end <= len(text):
                problems.append(f"page {page_id}: edit {seq} lies outside the text it edits")
                break
            text = apply_edits(text, [Edit(start, end, replacement)])
        else:
            current[page_id] = text
    for span_id, page_id, start, end, quote in session.execute(
        select(Span.id, Span.page_id, Span.start, Span.end, Span.quote).where(
            Span.deleted.is_(False), Span.orphaned.is_(False)
        )
    ):
        shown = current.get(page_id)
        if shown is None:
            continue
        if not 0 <= start < end <= len(shown):
            problems.append(f"span {span_id} (page {page_id}) lies outside its page's text")
        elif shown[start:end] != quote:
            problems.append(f"span {span_id} (page {page_id}) no longer quotes its characters")
    return problems + _search_index_problems(session, current)


def _search_index_problems(session: Session, current: dict[int, str]) -> list[str]:
    """Pages whose text the search index holds other than it now reads."""
    held = dict(session.execute(select(PageSearch.page_id, PageSearch.folded)).all())
    stale = [page_id for page_id, text in current.items() if held.get(page_id) != fold(text)]
    if not stale:
        return []
    shown = ", ".join(map(str, sorted(stale)[:10])) + (" …" if len(stale) > 10 else "")
    return [f"the search index is out of date for {len(stale)} pages ({shown})"]
