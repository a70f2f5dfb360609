"""A project that cannot be written opens read-only: it is shown, collated and exported with
its corrections worked out in a scratch copy, changes are refused as read-only (never
"damaged"), and the file is never touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REFERENCE
from xzannot.errors import ReadOnlyProjectError
from xzannot.operations.collating import collate_pages
from xzannot.operations.exporting import export
from xzannot.operations.importing import import_reference
from xzannot.operations.labelling import add_span
from xzannot.store import database
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages, page_content


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    done = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def reference_db(sample_db: Path) -> Path:
    """The sample with its reference transcription, never shown or corrected yet."""
    with open_project(sample_db) as project:
        import_reference(project, SAMPLE_REFERENCE)
    return sample_db


def test_a_project_that_cannot_be_written_is_read_in_a_scratch_copy(
    reference_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest(reference_db)
    monkeypatch.setattr(database, "unwritable", lambda _path: "the file cannot be written")
    with open_project(reference_db) as project:
        assert project.read_only == "the file cannot be written"
        with project.transaction(derived=True) as session:
            page = list_pages(session)[0]
        results = collate_pages(project)  # corrects every page first, in the copy
        assert results and all(r.reference is not None for r in results)
        out = tmp_path / "corpus.jsonl"
        export(project, "jsonl", out)
        assert out.read_text(encoding="utf-8").strip()
        with project.session() as session:
            content = page_content(session, page.id)
            assert content.current != content.original  # corrections were worked out
        with pytest.raises(ReadOnlyProjectError, match=r"is read-only .*nothing can be changed"):
            add_span(project, page.id, (0, 2), "policy", "甲")
        scratch = Path(str(project.engine.url.database))
        assert scratch.exists() and scratch != reference_db
    assert not scratch.parent.exists()  # the copy goes when the project is closed
    assert _digest(reference_db) == before
    assert not reference_db.with_name(reference_db.name + ".backups").exists()


@pytest.mark.skipif(not _can_mount_read_only(), reason="no private read-only mount here")
def test_on_a_read_only_disk_commands_read_and_refuse_changes_in_words(
    reference_db: Path, tmp_path: Path
) -> None:
    """The folder is mounted read-only (as a CD, a write-protected share): SQLite cannot make
    its journal there. Reading commands work; changing ones say read-only, in one line."""
    folder = tmp_path / "disk"
    folder.mkdir()
    db = folder / "yearbook.sqlite"
    shutil.copyfile(reference_db, db)
    before = _digest(db)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
        command = [sys.executable, "-m", "xzannot", *map(str, args)]
        return subprocess.run(
            ["unshare", "-m", "sh", "-c", script, str(folder), *command],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    for args in (
        ["stats", "--db", db],
        ["text", "--db", db, "--document", "1", "--page", "1"],
        ["collate", "--db", db],
        ["export", "--db", db, "--format", "jsonl", "--out", out / "c.jsonl"],
        ["check", "--db", db],
    ):
        done = run(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "damaged" not in done.stderr
    assert (out / "c.jsonl").stat().st_size > 0
    done = run("suggest", "--db", db)
    assert done.returncode == 1
    assert "is read-only" in done.stderr and "damaged" not in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert _digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["yearbook.sqlite"]
