"""The layering of docs/design.md, checked by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "xzannot"

ROOT = PACKAGE.parent


def test_the_import_contracts_hold() -> None:
    """The fences of pyproject.toml's [tool.importlinter]: layer order, Qt only in the window,
    SQLAlchemy only in store, pdfium only in io, window and command line through operations."""
    checked = subprocess.run(
        [sys.executable, "-c", LINT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout[-6000:] + checked.stderr[-2000:]
    assert "0 broken" in checked.stdout


LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True, no_logo=True))"
)


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
