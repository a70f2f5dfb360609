"""The state of a project and of an export, as the harnesses compare them: each table's rows
(without the times they were written), SQLite's integrity check, consistent copies."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path


def read_only(db: Path) -> sqlite3.Connection:
    """A connection that cannot write to the project."""
    return sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)


def fingerprint(db: Path) -> dict[str, str]:
    """A hash of each table's rows (in any order), without the times rows were written."""
    tables: dict[str, str] = {}
    with closing(read_only(db)) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for name in names:
            columns = [
                row[1]
                for row in conn.execute(f'PRAGMA table_info("{name}")')
                if not row[1].endswith("_at") and row[1] != "at"  # when, not what
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = sorted(repr(row) for row in conn.execute(f'SELECT {listed} FROM "{name}"'))
            digest = hashlib.sha256()
            for row in rows:
                digest.update(row.encode())
                digest.update(b"\n")
            tables[name] = f"{len(rows)}:{digest.hexdigest()[:16]}"
    return tables


def integrity_problems(db: Path) -> list[str]:
    """``PRAGMA integrity_check`` on its own connection (an empty list: sound)."""
    try:
        with closing(read_only(db)) as conn:
            verdict = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read it: {exc}"]
    return [] if verdict == ["ok"] else verdict[:5]


def copy_project(source: Path, target: Path) -> None:
    """A consistent copy of a project (SQLite's backup API)."""
    target.unlink(missing_ok=True)
    with closing(read_only(source)) as src, closing(sqlite3.connect(target)) as dest:
        src.backup(dest)


def count(db: Path, sql: str, *args: object) -> int:
    with closing(read_only(db)) as conn:
        return int(conn.execute(sql, args).fetchone()[0])


def output_state(out: Path | None) -> object:
    """What an export target holds: None (nothing), bytes (a file) or {name: bytes} (a folder;
    images compared by name only, PAGE XML carries the time it was written)."""
    if out is None or not out.exists():
        return None
    if out.is_file():
        return out.read_bytes()
    return {
        p.name: b"" if p.suffix in (".png", ".xml") else p.read_bytes()
        for p in sorted(out.iterdir())
    }


def output_difference(now: object, before: object, after: object) -> str:
    """How an export target differs from before and after, in words."""

    def names(state: object) -> set[str]:
        return set(state) if isinstance(state, dict) else set()

    def shown(state: object) -> str:
        if state is None:
            return "absent"
        if isinstance(state, bytes):
            return f"a file of {len(state)} bytes"
        return f"a folder of {len(names(state))} files"

    words = [f"now {shown(now)}, before {shown(before)}, after {shown(after)}"]
    if isinstance(now, dict):
        for label, other in (("before", before), ("after", after)):
            extra, missing = names(now) - names(other), names(other) - names(now)
            if extra or missing:
                words.append(f"vs {label}: +{sorted(extra)[:4]} -{sorted(missing)[:4]}")
            elif isinstance(other, dict):
                changed = sorted(n for n in names(now) if now[n] != other[n])
                words.append(f"vs {label}: {changed[:4]} differ")
    return "; ".join(words)


def mid_swap(out: Path) -> bool:
    """An export folder moved aside while the new one was not yet in place."""
    return not out.exists() and any(out.parent.glob(f".{out.name}.xzannot-old-*"))


def copy_output(out: Path | None, target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink(missing_ok=True)
    if out is None or not out.exists():
        return
    if out.is_dir():
        shutil.copytree(out, target)
    else:
        shutil.copyfile(out, target)


@contextlib.contextmanager
def work_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A temporary folder for a harness run (kept, and its name printed, with ``keep``)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        if keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
