"""Writing export files so that a failure never leaves half a file or half a folder."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from xzannot.errors import UserError


def _parent(path: Path) -> Path:
    parent = path.absolute().parent
    if not parent.is_dir():
        raise UserError(f"{parent}: no such folder")
    return parent


def check_target(path: Path, *, folder: bool) -> Path:
    """Refuse, before any work, a place an export cannot be written to; its parent folder."""
    if folder and path.exists() and not path.is_dir():
        raise UserError(f"{path} is a file; this format is written to a folder")
    if not folder and path.is_dir():
        raise UserError(f"{path} is a folder; this format is written to one file")
    return _parent(path)


def _new_file(parent: Path, prefix: str) -> Path:
    """A new empty file with a unique name, its mode set by the user's umask (as any file
    the user writes; ``mkstemp`` would make it private to the owner)."""
    while True:
        candidate = parent / f"{prefix}{secrets.token_hex(6)}"
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only if the block succeeds."""
    parent = check_target(path, folder=False)
    temporary = _new_file(parent, f".{path.name}.")
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A temporary folder whose files are moved into ``path`` if the block succeeds.

    Files already in ``path`` with other names are left alone; same names are replaced.
    """
    parent = check_target(path, folder=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    try:
        yield temporary
        path.mkdir(exist_ok=True)
        for item in sorted(temporary.iterdir()):
            item.replace(path / item.name)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
