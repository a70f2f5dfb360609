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
    except OSError as exc:  # a full disk, a folder made read-only meanwhile: the old file stays
        raise UserError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)


_NEW, _OLD = "xzannot-new-", "xzannot-old-"


def _leftovers(parent: Path, name: str, kind: str) -> list[Path]:
    return [p for p in parent.glob(f".{name}.{kind}*") if p.is_dir()]


def tidy_folder(path: Path) -> None:
    """Mend what an export killed half-way left beside ``path``: an old folder moved aside
    when the new one was not yet in place is put back; other temporary folders go."""
    parent = path.absolute().parent
    if not parent.is_dir():
        return
    old = _leftovers(parent, path.name, _OLD)
    if old and not path.exists():
        old.pop().rename(path)
    for leftover in old + _leftovers(parent, path.name, _NEW):
        shutil.rmtree(leftover, ignore_errors=True)


def _carry_over(old: Path, new: Path) -> None:
    """Files of the old folder the export does not write, into the new one (linked where the
    file system allows, else copied): other files in the folder are never lost."""
    for item in old.iterdir():
        target = new / item.name
        if target.exists() or target.is_symlink():
            continue
        if item.is_dir() and not item.is_symlink():
            shutil.copytree(item, target, symlinks=True)
            continue
        try:
            os.link(item, target, follow_symlinks=False)
        except OSError:
            shutil.copy2(item, target, follow_symlinks=False)


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A temporary folder beside ``path`` that takes its place if the block succeeds.

    The new folder is written whole beside the old (files of the old one with other names
    carried over), then put in place by renames: a reader sees the old export or the new,
    never a mix. A failure leaves the old folder as it was and no temporary folder behind;
    a kill between the renames is mended by the next export (:func:`tidy_folder`).
    """
    parent = check_target(path, folder=True)
    tidy_folder(path)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.{_NEW}", dir=parent))
    try:
        yield temporary
        if path.exists():
            _carry_over(path, temporary)
            aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.{_OLD}", dir=parent))
            aside.rmdir()  # a free name: the old folder is renamed to it
            path.rename(aside)
            temporary.rename(path)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            temporary.rename(path)
    except OSError as exc:
        raise UserError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
