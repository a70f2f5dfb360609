"""The OCR worker: one long-lived process that loads an engine once and reads pages.

Recognition runs in its own process, not a thread: an engine's native code that crashes,
hangs or takes a gigabyte does so there, and the window and the project live on. A page
that takes longer than the time limit, a crash, or a cancel kill the process; the next
page starts a new one.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from xzannot.core.ocr import OcrPage
from xzannot.errors import CancelledError, UserError
from xzannot.io.ocr.engines import check_engine
from xzannot.io.ocr.job import OcrJob
from xzannot.io.ocr.names import DEFAULT_ENGINE

PAGE_TIMEOUT = 600.0  # seconds one page may take (a dense page at 300 dpi takes ~10)
_START_TIMEOUT = 180.0  # loading the engine's models
_POLL = 0.1


def default_threads() -> int:
    """Threads for recognition: the machine's cores, up to four (more gain little)."""
    return max(1, min(4, os.cpu_count() or 1))


def _serve(conn: Connection, engine_name: str, threads: int) -> None:
    """The worker process's loop: load the engine, then answer one job at a time."""
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
    conn.send(("ready", engine.name))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            conn.send(("ok", run_job(engine, job)))
        except UserError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", "the page image is too large for the memory available"))
        except Exception:
            conn.send(("bug", traceback.format_exc()))


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
        self.engine_name = ""
        self._process: Any = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    def run(self, job: OcrJob, cancel: threading.Event | None = None) -> OcrPage:
        """Recognise one page; raises UserError (in words) or CancelledError."""
        with self._lock:
            conn = self._ensure_started(cancel)
            conn.send(job)
            kind, value = self._answer(conn, self.page_timeout, cancel, job)
        if kind == "ok":
            assert isinstance(value, OcrPage)
            return value
        raise UserError(str(value))

    def _ensure_started(self, cancel: threading.Event | None) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")  # no copy of a Qt window's state
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve, args=(child, self.engine, self.threads), daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        kind, value = self._answer(parent, _START_TIMEOUT, cancel, None)
        if kind != "ready":
            self._stop()
            raise UserError(str(value))
        self.engine_name = str(value)
        return parent

    def _answer(
        self,
        conn: Connection,
        timeout: float,
        cancel: threading.Event | None,
        job: OcrJob | None,
    ) -> tuple[str, object]:
        where = "starting the OCR engine" if job is None else _name(job)
        deadline = time.monotonic() + timeout
        while True:
            if cancel is not None and cancel.is_set():
                self._stop()
                raise CancelledError()
            try:
                if conn.poll(_POLL):
                    kind, value = conn.recv()
                    if kind == "bug":
                        self._stop()
                        return "error", f"the OCR engine failed on {where}:\n{value}"
                    return kind, value
            except (EOFError, OSError):
                pass  # the process died: said below
            if self._process is None or not self._process.is_alive():
                code = self._process.exitcode if self._process is not None else None
                self._stop()
                return "error", f"the OCR worker stopped (exit code {code}) while {where}"
            if time.monotonic() > deadline:
                self._stop()
                return "error", f"OCR gave up on {where}: no answer after {timeout:.0f} s"

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process = None

    def shutdown(self) -> None:
        """Stop the worker process (calling it again does nothing)."""
        with self._lock:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                try:
                    self._conn.send(None)
                    self._process.join(5)
                except OSError:
                    pass
            self._stop()

    def __enter__(self) -> OcrWorker:
        return self

    def __exit__(self, *_: object) -> None:
        self.shutdown()


def _name(job: OcrJob) -> str:
    what = "page" if job.kind == "pdf" else "frame"
    return f"reading {job.path.name}, {what} {job.index + 1}"
