"""The OCR worker: one long-lived process that loads an engine once and reads pages.

Recognition runs in its own process, not a thread: an engine's native code that crashes,
hangs or takes a gigabyte does so there, and the window and the project live on. A page
that takes longer than the time limit, a crash, or a cancel kill the process; the next
page starts a new one.
"""

from __future__ import annotations

import os
import threading
import traceback
from multiprocessing.connection import Connection

from xzannot.core.ocr import OcrPage
from xzannot.errors import UserError
from xzannot.io.ocr.engines import check_engine
from xzannot.io.ocr.job import OcrJob
from xzannot.io.ocr.names import DEFAULT_ENGINE
from xzannot.io.worker_process import WorkerProcess, serve

PAGE_TIMEOUT = 600.0  # seconds one page may take (a dense page at 300 dpi takes ~10)
_START_TIMEOUT = 180.0  # loading the engine's models


def default_threads() -> int:
    """Threads for recognition: the machine's cores, up to four (more gain little)."""
    return max(1, min(4, os.cpu_count() or 1))


def _serve(conn: Connection, engine_name: str, threads: int) -> None:
    """The worker process: load the engine once, then read one page per request."""
    for name in ("OMP_NUM_THREADS", "OMP_THREAD_LIMIT", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(threads)
    if hasattr(os, "nice"):
        os.nice(5)  # the window, sharing the cores, stays responsive while pages are read
    from xzannot.io.ocr.engines import load_engine
    from xzannot.io.ocr.job import run_job

    try:
        engine = load_engine(engine_name, threads)
    except UserError as exc:
        conn.send(("error", str(exc)))
        return
    except Exception:
        conn.send(("bug", traceback.format_exc()))
        return
    serve(conn, lambda job: run_job(engine, job), ready=engine.name)


class OcrWorker:
    """Runs OCR jobs in a worker process, one at a time, restarting it when it fails."""

    def __init__(
        self,
        engine: str = DEFAULT_ENGINE,
        *,
        threads: int | None = None,
        page_timeout: float = PAGE_TIMEOUT,
    ) -> None:
        check_engine(engine)
        self.engine = engine
        self.threads = threads or default_threads()
        self.page_timeout = page_timeout
        self._process = WorkerProcess(
            "the OCR engine", _serve, (engine, self.threads), start_timeout=_START_TIMEOUT
        )

    @property
    def engine_name(self) -> str:
        """The engine and its version, once it has started ("" before)."""
        return str(self._process.ready_value or "")

    def run(self, job: OcrJob, cancel: threading.Event | None = None) -> OcrPage:
        """Recognise one page; raises UserError (in words) or CancelledError."""
        page = self._process.request(
            job, where=_name(job), timeout=self.page_timeout, cancel=cancel
        )
        assert isinstance(page, OcrPage)
        return page

    def shutdown(self) -> None:
        """Stop the worker process (calling it again does nothing)."""
        self._process.shutdown()

    def __enter__(self) -> OcrWorker:
        return self

    def __exit__(self, *_: object) -> None:
        self.shutdown()


def _name(job: OcrJob) -> str:
    what = "page" if job.kind == "pdf" else "frame"
    return f"reading {job.path.name}, {what} {job.index + 1}"
