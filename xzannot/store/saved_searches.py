"""Searches kept in the project under a name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from xzannot.store.models import SavedSearch
from xzannot.store.session import Session
from xzannot.store.spans import annotator_id


def save(session: Session, name: str, query: dict[str, Any], annotator: str) -> None:
    """Keep ``query`` under ``name`` (replacing a search of that name)."""
    row = session.get(SavedSearch, name)
    if row is None:
        row = SavedSearch(name=name)
        session.add(row)
    row.query = query
    row.annotator_id = annotator_id(session, annotator)


def saved(session: Session) -> dict[str, dict[str, Any]]:
    """Every saved search, by name in alphabetical order."""
    rows = session.execute(select(SavedSearch.name, SavedSearch.query).order_by(SavedSearch.name))
    return {name: dict(query) for name, query in rows}


def forget(session: Session, name: str) -> bool:
    """Delete the search called ``name``; whether there was one."""
    row = session.get(SavedSearch, name)
    if row is not None:
        session.delete(row)
    return row is not None
