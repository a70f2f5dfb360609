"""Project-wide settings stored with the project, so a team on one server shares them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from xzannot.store.models import Setting


def get_setting(session: Session, key: str) -> str | None:
    """The stored value of ``key``, or None when the project has none."""
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str | None) -> None:
    """Store ``value`` under ``key``; None removes the setting."""
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
