"""Seeing each other's changes: what others changed in a project since a window last
looked, read from the project's change log (see :mod:`xzannot.store.change_log`) as the
:class:`OpChanges` a window's views refresh from."""

from __future__ import annotations

from collections.abc import Sequence

from xzannot.operations.changes import NOTHING, OpChanges
from xzannot.store.change_log import READ_AT_ONCE, Change, clean, latest
from xzannot.store.change_log import changes_since as _log_since
from xzannot.store.database import Project

MOST_PAGES = 500  # more pages than this changed at once: the window reads everything again
_KINDS = {
    "spans": {"spans": True},
    "text": {"text": True, "edits": True},
    "page_status": {"page_status": True},
    "documents": {"documents": True},
    "labels": {"labels": True},
}


def start(project: Project) -> int:
    """Begin following a project's changes: the log's old rows are cleared, and the id of
    its newest row is where to read on from (what came before is already shown)."""
    if project.read_only is not None:
        with project.session() as session:
            return latest(session)
    with project.transaction(derived=True) as session:
        clean(session)
        return latest(session)


def changes_since(project: Project, last_id: int) -> tuple[int, OpChanges]:
    """What was changed in the project after log row ``last_id``, and the row to read on
    from. The window's own changes come back too (views read them again, harmlessly)."""
    with project.session() as session:
        new_last, rows = _log_since(session, last_id)
    changes = as_changes(rows)
    if len(rows) >= READ_AT_ONCE:  # a flood: read everything again, and from the end
        with project.session() as session:
            new_last = latest(session)
        changes = everything()
    return new_last, changes


def as_changes(rows: Sequence[Change]) -> OpChanges:
    """The rows of the log as what a window refreshes: the pages they name and the kinds of
    change; a change of no one page (or of very many) names every page."""
    kinds: dict[str, bool] = {}
    pages: set[int] = set()
    everywhere = False
    for row in rows:
        kinds.update(_KINDS.get(row.what, {}))
        if row.what in {"documents", "labels"}:
            continue
        if row.page_id is None:
            everywhere = True
        else:
            pages.add(row.page_id)
    if not kinds:
        return NOTHING
    if everywhere or len(pages) > MOST_PAGES:
        pages = set()
    return OpChanges(pages=frozenset(pages), **kinds)  # type: ignore[arg-type]


def everything() -> OpChanges:
    """Anything may have changed anywhere: every view reads what it shows again."""
    return OpChanges(text=True, spans=True, page_status=True, documents=True, labels=True)
