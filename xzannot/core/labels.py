"""The label schema: which labels a project has, their colours and shortcuts."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class LabelDef:
    """One label as declared in a ``labels.toml``."""

    key: str
    name_zh: str
    name_en: str
    color: str
    shortcut: str | None = None
    description: str = ""


class LabelSchemaError(ValueError):
    """A labels file that cannot be used, with the reason in words."""


def parse_label_schema(text: str) -> list[LabelDef]:
    """Parse the TOML text of a label schema (an array of ``[[label]]`` tables)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LabelSchemaError(f"the labels file is not valid TOML: {exc}") from exc
    entries = data.get("label")
    if not isinstance(entries, list) or not entries:
        raise LabelSchemaError("the labels file declares no [[label]] entries")
    labels: list[LabelDef] = []
    seen_keys: set[str] = set()
    seen_shortcuts: set[str] = set()
    for number, entry in enumerate(entries, 1):
        key = str(entry.get("key", "")).strip()
        if not key:
            raise LabelSchemaError(f"label {number} has no key")
        if key in seen_keys:
            raise LabelSchemaError(f"label key {key!r} is declared twice")
        color = str(entry.get("color", "#868e96"))
        if not _COLOR.match(color):
            raise LabelSchemaError(f"label {key!r}: colour {color!r} is not of the form #rrggbb")
        shortcut = entry.get("shortcut")
        if shortcut is not None:
            shortcut = str(shortcut)
            if shortcut in seen_shortcuts:
                raise LabelSchemaError(f"label {key!r}: shortcut {shortcut!r} is already taken")
            seen_shortcuts.add(shortcut)
        seen_keys.add(key)
        labels.append(
            LabelDef(
                key=key,
                name_zh=str(entry.get("name_zh", key)),
                name_en=str(entry.get("name_en", key)),
                color=color,
                shortcut=shortcut,
                description=str(entry.get("description", "")),
            )
        )
    return labels
