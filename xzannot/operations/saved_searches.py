"""Saved searches: a team keeps the searches it runs again (``xzannot search --save``,
the concordance's Save)."""

from __future__ import annotations

from xzannot.core.search import SearchQuery, query_from_dict, query_to_dict
from xzannot.errors import UserError
from xzannot.store import saved_searches
from xzannot.store.database import Project


def save_search(project: Project, name: str, query: SearchQuery, annotator: str) -> None:
    """Keep ``query`` in the project as ``name`` (an earlier search of that name is replaced)."""
    name = name.strip()
    if not name:
        raise UserError("a saved search needs a name")
    if len(name) > 200:
        raise UserError("a saved search's name may have at most 200 characters")
    with project.transaction() as session:
        saved_searches.save(session, name, query_to_dict(query), annotator)


def saved_search_names(project: Project) -> list[str]:
    """The names of the project's saved searches, in alphabetical order."""
    with project.session() as session:
        return list(saved_searches.saved(session))


def load_search(project: Project, name: str) -> SearchQuery:
    """The saved search called ``name``."""
    with project.session() as session:
        found = saved_searches.saved(session)
    if name not in found:
        known = ", ".join(found) or "none"
        raise UserError(f"there is no saved search “{name}” (saved: {known})")
    return query_from_dict(found[name])


def forget_search(project: Project, name: str) -> None:
    """Delete the saved search called ``name``."""
    with project.transaction() as session:
        if not saved_searches.forget(session, name):
            raise UserError(f"there is no saved search “{name}”")
