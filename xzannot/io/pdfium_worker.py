"""pdfium in its own process: every pypdfium2 call of the program runs there.

pdfium is native code that can crash or hang on a damaged PDF (a cyclic page-label tree
makes it segfault) and is not thread-safe. So the program never calls it itself: callers
send a function and its arguments to one long-lived helper process, which runs them one
at a time and keeps recently used documents open, so rendering a page of an open document
costs no re-parsing. A crash or a request that passes the time limit becomes a message
naming the file and page; the process is started again for the next request. The child
also has a ceiling on its memory, so no page can take the machine's.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from xzannot.errors import UserError
from xzannot.io.worker_process import Payload, WorkerProcess, WorkerStopped, serve

if TYPE_CHECKING:
    import pypdfium2 as pdfium

T = TypeVar("T")

REQUEST_TIMEOUT = 120.0  # seconds one request may take (a dense page renders in < 1)
MEMORY_LIMIT = 4 * 1024**3  # address space of the pdfium process, in bytes
_MAX_OPEN_DOCUMENTS = 4


class PdfiumCrashed(WorkerStopped):
    """pdfium crashed or hung on a request; the message names the file and page."""


class Documents:
    """The child's open documents, the most recently used kept (a few at most)."""

    def __init__(self) -> None:
        self._open: OrderedDict[tuple[str, str | None], pdfium.PdfDocument] = OrderedDict()

    def document(self, path: Path, password: str | None = None) -> pdfium.PdfDocument:
        """The open document at ``path``."""
        key = (str(path), password)
        doc = self._open.get(key)
        if doc is not None:
            self._open.move_to_end(key)
            return doc
        doc = open_pdf(path, password)
        self._open[key] = doc
        while len(self._open) > _MAX_OPEN_DOCUMENTS:
            _, old = self._open.popitem(last=False)
            old.close()
        return doc


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, memory_limit: int) -> None:
    """The pdfium process: run each ``(function, arguments)`` with the open documents."""
    _limit_memory(memory_limit)
    import pypdfium2  # noqa: F401  (loaded while the window is still being built)

    documents = Documents()

    def handle(request: tuple[Callable[..., object], tuple[object, ...]]) -> object:
        fn, args = request
        return fn(documents, *args)

    serve(conn, handle)


class PdfiumWorker:
    """Runs functions in the pdfium process, one at a time.

    A function sent there must be defined at a module's top level (it is sent by name);
    it receives the process's :class:`Documents` first, then the arguments, and its
    result must pickle (plain data: no pdfium objects).
    """

    def __init__(
        self, *, timeout: float = REQUEST_TIMEOUT, memory_limit: int = MEMORY_LIMIT
    ) -> None:
        self.timeout = timeout
        self._process = WorkerProcess("pdfium", _serve, (memory_limit,))

    def start_soon(self) -> None:
        """Start the pdfium process in the background, ready for the first request."""
        self._process.start_soon()

    def call(self, fn: Callable[..., T], *args: Any, where: str) -> T:
        """``fn(documents, *args)`` in the pdfium process; ``where`` names the file and page
        for messages ("reading report.pdf, page 3"). Raises UserError in words, and
        PdfiumCrashed when pdfium crashed or hung there."""
        try:
            return self._process.request((fn, args), where=where, timeout=self.timeout)  # type: ignore[return-value]
        except WorkerStopped as exc:
            raise PdfiumCrashed(f"{exc}; the PDF may be damaged") from None

    def call_payload(self, fn: Callable[..., Payload], *args: Any, where: str) -> tuple[Any, bytes]:
        """Like :meth:`call`, for a function answering with a :class:`Payload`: its
        ``meta`` and its data as bytes."""
        answer = self.call(fn, *args, where=where)
        return answer  # type: ignore[return-value]  # the process sent (meta, bytes)

    def shutdown(self) -> None:
        """Stop the process (calling it again does nothing)."""
        self._process.shutdown()


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """Open a PDF, turning pdfium's failures into messages a user understands."""
    import pypdfium2 as pdfium

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
