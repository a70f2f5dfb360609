"""Access to the data files shipped in ``resources/``.

The same files are found wherever xzannot runs from:

- an installed wheel or an editable install, where ``resources/`` is the package
  ``xzannot.resources``;
- a PyInstaller bundle, where they sit in ``xzannot/resources`` beside the frozen modules;
- a source checkout run as ``python -m xzannot`` from its top folder, where Python imports
  the ``xzannot/`` folder itself and ``resources/`` is its sibling, not a subpackage.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

import xzannot
from xzannot.errors import UserError

_PACKAGE = "xzannot.resources"
_MARKER = "labels.toml"  # a file every copy of the resources holds


class MissingResourcesError(UserError):
    """The program's own data files are not where an install puts them: a broken install."""


def _candidates() -> list[Traversable]:
    found: list[Traversable] = []
    with suppress(ModuleNotFoundError):  # not a package in a source checkout or a bundle
        found.append(files(_PACKAGE))
    package = Path(xzannot.__file__).resolve().parent
    found.append(package / "resources")  # a PyInstaller bundle
    found.append(package.parent / "resources")  # a source checkout
    return found


@cache
def resources_root() -> Traversable:
    """The folder of shipped resources (the first place that holds them)."""
    candidates = _candidates()
    for node in candidates:
        if node.joinpath(_MARKER).is_file():
            return node
    raise MissingResourcesError(
        "xzannot's data files are missing (looked in "
        + ", ".join(str(c) for c in candidates)
        + "); reinstall xzannot"
    )


def resource(*parts: str) -> Traversable:
    """A shipped resource, e.g. ``resource("fonts", "x.otf")``."""
    node = resources_root()
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
