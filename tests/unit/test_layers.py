"""The layering of docs/design.md: data flows io -> core -> store -> ui, and only ui knows Qt."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "xzannot"

# what each layer must never import
FORBIDDEN = {
    "core": ("PySide6", "sqlalchemy", "alembic", "pypdfium2", "xzannot.store", "xzannot.io",
             "xzannot.ui", "xzannot.operations"),
    "store": ("PySide6", "pypdfium2", "xzannot.io", "xzannot.ui", "xzannot.operations"),
    "io": ("PySide6", "sqlalchemy", "xzannot.store", "xzannot.ui", "xzannot.operations"),
    "operations": ("PySide6", "xzannot.ui"),
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_inside_their_bounds(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in _imports(path)
        if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[layer])
    ]
    assert not offences


def test_every_package_is_installed() -> None:
    """A subpackage missing from pyproject.toml would be left out of ``pip install .``."""
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(PACKAGE.parent).parts)
        for path in PACKAGE.rglob("__init__.py")
        if "migrations" not in path.parts
    }
    assert found <= listed
