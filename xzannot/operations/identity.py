"""Who works on a project: on a team server, the database role the project is open as; on a
file, the name the window's user gave.

On PostgreSQL an annotator's role is their identity (see :mod:`xzannot.store.team_server`):
the window records spans under it instead of its preference, and the server holds the role
to its own layer. The project's owner, a superuser and every SQLite project have none.
"""

from __future__ import annotations

from xzannot.store.database import Project


def identity(project: Project) -> str | None:
    """The annotator's role the project is open as on a team server, else None."""
    return project.identity


def act_as(project: Project, name: str | None) -> str | None:
    """Record the changes made through ``project`` as ``name``'s (who changed a span last,
    in the change log); on a team server the role's own name, whatever ``name`` says.
    Returns the name the changes are recorded under."""
    given = name.strip() if name else ""
    project.acting = project.identity or given or None
    return project.acting
