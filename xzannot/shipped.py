"""Access to the data files shipped in ``resources/`` (installed as ``xzannot.resources``)."""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

_PACKAGE = "xzannot.resources"


def resource(*parts: str) -> Traversable:
    """A shipped resource, e.g. ``resource("fonts", "x.otf")``."""
    node = files(_PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_text(*parts: str) -> str:
    """The UTF-8 text of a shipped resource."""
    return resource(*parts).read_text(encoding="utf-8")


def resource_path(*parts: str) -> Path:
    """A real file-system path to a shipped resource (packages installed as folders)."""
    with as_file(resource(*parts)) as path:
        return Path(path)
