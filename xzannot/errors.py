"""Errors a user can cause and that are shown in words, as opposed to bugs.

Anything raised as :class:`UserError` is reported as one line (on stderr, or in a
message box) and never as a traceback. Every other exception is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, explained in words."""


class CancelledError(UserError):
    """The user cancelled a long-running operation; nothing was written."""

    def __init__(self, message: str = "cancelled; nothing was changed") -> None:
        super().__init__(message)


class DamagedProjectError(UserError):
    """A project file that failed SQLite's check: nothing may be written to it."""

    def __init__(self, message: str, path: object) -> None:
        super().__init__(message)
        self.path = path


class ReadOnlyProjectError(UserError):
    """A change asked of a project that cannot be written (a read-only file, folder or disk)."""
