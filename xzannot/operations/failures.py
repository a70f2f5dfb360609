"""Telling a project the database cannot read (shown in words) from a bug (a traceback)."""

from __future__ import annotations

from xzannot.store.session import database_failure

__all__ = ["database_failure"]
