"""Finding a document's PDF again after it was moved or renamed, by its SHA-256."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from xzannot.errors import UserError
from xzannot.io.hashing import sha256_file
from xzannot.store.database import Project
from xzannot.store.documents import DocumentInfo, relocate_document

MAX_CANDIDATES = 500


def _candidates(name: str, folders: Iterable[Path]) -> Iterable[Path]:
    folders = [f for f in dict.fromkeys(folders) if f.is_dir()]
    for folder in folders:  # the same name first: the cheapest and likeliest
        if (folder / name).is_file():
            yield folder / name
    for folder in folders:
        yield from sorted(folder.glob("*.pdf"))[:MAX_CANDIDATES]


def find_moved(original: Path, sha256: str, folders: Iterable[Path]) -> Path | None:
    """A file in ``folders`` with the given hash, preferring one with the original name."""
    seen: set[Path] = set()
    for path in _candidates(original.name, folders):
        if path in seen:
            continue
        seen.add(path)
        try:
            if sha256_file(path) == sha256:
                return path
        except UserError:
            continue
    return None


def document_path(
    project: Project, document: DocumentInfo, extra: Iterable[Path] = ()
) -> Path | None:
    """Where a document's file is now: its recorded path, or a moved copy found by hash.

    The file at the recorded path counts only if its bytes are still the ones
    imported. A file found elsewhere is recorded as the document's new path.
    """
    recorded = Path(document.source_path)
    if recorded.is_file() and sha256_file(recorded) == document.sha256:
        return recorded
    folders = [recorded.parent, *extra]
    if project.location.path is not None:
        folders.insert(0, project.location.path.parent)
    found = find_moved(recorded, document.sha256, folders)
    if found is not None:
        with project.transaction() as session:
            relocate_document(session, document.id, found)
    return found


def adopt_file(project: Project, document: DocumentInfo, path: Path) -> None:
    """Record ``path`` as the document's file if it has the document's bytes."""
    if sha256_file(path) != document.sha256:
        raise UserError(f"{path} is not the file this document was imported from")
    with project.transaction() as session:
        relocate_document(session, document.id, path)
