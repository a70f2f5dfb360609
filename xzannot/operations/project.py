"""Opening a project, for the window and the command line: they never reach ``store``."""

from __future__ import annotations

from xzannot.store.database import Location, Project, check_location, open_project, project_exists

__all__ = ["Location", "Project", "check_location", "open_project", "project_exists"]
