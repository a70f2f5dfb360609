"""The one thread that owns every pdfium call.

PDFium is not thread-safe, so every pypdfium2 call in xzannot runs on this
worker's single thread: callers submit functions and get futures back. The
worker keeps recently used documents open so that rendering a page of an open
document costs no re-parsing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pypdfium2 as pdfium

from xzannot.errors import UserError

T = TypeVar("T")

_MAX_OPEN_DOCUMENTS = 4
# PDFium's lack of thread safety is process-wide: two workers (two windows, or a
# window and an import) must still never call it at the same time.
_PDFIUM_LOCK = threading.RLock()


class PdfiumWorker:
    """Runs functions on the single pdfium thread and caches open documents."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfium")
        self._documents: OrderedDict[tuple[str, str | None], pdfium.PdfDocument] = OrderedDict()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Queue ``fn(*args)`` on the pdfium thread."""
        return self._executor.submit(self._run, fn, *args)

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the pdfium thread and wait for its result."""
        if threading.current_thread() is self._thread:
            with _PDFIUM_LOCK:
                return fn(*args)
        return self.submit(fn, *args).result()

    def _run(self, fn: Callable[..., T], *args: Any) -> T:
        self._thread = threading.current_thread()
        with _PDFIUM_LOCK:
            return fn(*args)

    def document(self, path: Path, password: str | None = None) -> pdfium.PdfDocument:
        """The open document at ``path``; call only on the pdfium thread."""
        self._assert_on_thread()
        key = (str(path), password)
        doc = self._documents.get(key)
        if doc is not None:
            self._documents.move_to_end(key)
            return doc
        doc = open_pdf(path, password)
        self._documents[key] = doc
        while len(self._documents) > _MAX_OPEN_DOCUMENTS:
            _, old = self._documents.popitem(last=False)
            old.close()
        return doc

    def forget(self, path: Path) -> None:
        """Close a cached document (e.g. before the file is replaced)."""

        def _forget() -> None:
            for key in [k for k in self._documents if k[0] == str(path)]:
                self._documents.pop(key).close()

        self.call(_forget)

    def _assert_on_thread(self) -> None:
        if threading.current_thread() is not self._thread:
            raise RuntimeError("pdfium called outside the pdfium worker thread")

    def shutdown(self) -> None:
        """Close every document and stop the thread (calling it again does nothing)."""
        if self._closed:
            return
        self._closed = True

        def _close_all() -> None:
            for doc in self._documents.values():
                doc.close()
            self._documents.clear()

        self.call(_close_all)
        self._executor.shutdown(wait=True)


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """Open a PDF, turning pdfium's failures into messages a user understands."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            if password:
                raise UserError(f"{path}: the password is wrong") from exc
            raise UserError(
                f"{path} is encrypted; give its password with --password to import it"
            ) from exc
        if "format" in reason or "corrupt" in reason:
            raise UserError(f"{path} is damaged or not a PDF ({exc})") from exc
        raise UserError(f"cannot open {path}: {exc}") from exc
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
