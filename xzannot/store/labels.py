"""The project's label schema in the database."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xzannot.core.labels import LabelDef, parse_label_schema
from xzannot.shipped import resource_text
from xzannot.store.models import Label


def default_label_schema() -> list[LabelDef]:
    """The labels shipped in ``resources/labels.toml``."""
    return parse_label_schema(resource_text("labels.toml"))


def ensure_default_labels(session: Session) -> None:
    """Give a project without labels the default schema."""
    if session.scalar(select(func.count()).select_from(Label)):
        return
    for position, definition in enumerate(default_label_schema()):
        session.add(
            Label(
                key=definition.key,
                name_zh=definition.name_zh,
                name_en=definition.name_en,
                color=definition.color,
                shortcut=definition.shortcut,
                description=definition.description,
                position=position,
            )
        )


def list_labels(session: Session) -> list[LabelDef]:
    """The project's labels in their order."""
    rows = session.scalars(select(Label).order_by(Label.position, Label.id))
    return [LabelDef(r.key, r.name_zh, r.name_en, r.color, r.shortcut, r.description) for r in rows]


# colours for labels added after the schema, distinct from the default three
EXTRA_COLOURS = ("#ae3ec9", "#f08c00", "#0c8599", "#e64980", "#5c940d", "#495057")


def add_label(session: Session, key: str) -> LabelDef:
    """Add a label to the project's schema (named by its key, in a colour of its own)."""
    count = session.scalar(select(func.count()).select_from(Label)) or 0
    colour = EXTRA_COLOURS[count % len(EXTRA_COLOURS)]
    session.add(
        Label(
            key=key,
            name_zh=key,
            name_en=key,
            color=colour,
            shortcut=None,
            description="",
            position=count,
        )
    )
    session.flush()
    return LabelDef(key, key, key, colour)
