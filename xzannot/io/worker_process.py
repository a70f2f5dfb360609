"""A long-lived helper process that answers requests one at a time.

Native code that can crash, hang or take gigabytes on a bad file (pdfium, an OCR engine)
runs in such a process, never in the window's: when it dies or stops answering, the
request ends in a message, the process is killed, and the next request starts a new one.
The child is started with ``spawn`` (no copy of a Qt window's state) and is a daemon, so
it never outlives the program.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from xzannot.errors import CancelledError, UserError

_POLL = 0.1


class WorkerStopped(UserError):
    """The helper process died or stopped answering while it worked on a request."""


@dataclass(frozen=True, slots=True)
class Payload:
    """An answer with a large buffer (a page's pixels): ``meta`` is pickled, ``data`` goes
    through the pipe as it is, never copied into a pickle; the caller gets (meta, bytes)."""

    meta: object
    data: Any  # anything with the buffer protocol


def serve(conn: Connection, handle: Callable[[Any], object], ready: object = None) -> None:
    """The child's loop: say ready (with ``ready``, e.g. an engine's name), then answer each
    request with ``handle(request)`` until the parent closes the pipe or sends None."""
    conn.send(("ready", ready))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            result = handle(request)
            if isinstance(result, Payload):
                conn.send(("payload", result.meta))
                conn.send_bytes(result.data)
                continue
            answer: tuple[str, object] = ("ok", result)
        except UserError as exc:
            answer = ("error", str(exc))
        except MemoryError:
            answer = ("error", "it needs more memory than is available")
        except Exception:
            answer = ("bug", traceback.format_exc())
        conn.send(answer)


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        return f"it crashed (signal {-code})"
    return f"it stopped (exit code {code})"


class WorkerProcess:
    """Parent side: starts the child on first use, sends requests, restarts after a failure.

    ``target(conn, *args)`` runs in the child; it must call :func:`serve` (or send
    ``("ready", value)`` itself, then answer like it). Requests are answered one at a
    time; callers on several threads wait their turn.
    """

    def __init__(
        self,
        name: str,
        target: Callable[..., None],
        args: tuple[object, ...] = (),
        *,
        start_timeout: float = 60.0,
    ) -> None:
        self.name = name  # "pdfium", "the OCR engine": said in messages
        self._target = target
        self._args = args
        self._start_timeout = start_timeout
        self._process: Any = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self.ready_value: object = None

    def request(
        self,
        message: object,
        *,
        where: str,
        timeout: float,
        cancel: threading.Event | None = None,
    ) -> object:
        """Send ``message`` and return the child's answer. Raises UserError with the
        child's message, WorkerStopped (naming ``where``) when the child crashed or gave no
        answer within ``timeout`` seconds, CancelledError when ``cancel`` was set."""
        with self._lock:
            conn = self._ensure_started(cancel)
            try:
                conn.send(message)
            except (OSError, ValueError):
                self._stop()
                raise WorkerStopped(f"{self.name} stopped before {where}") from None
            kind, value = self._answer(conn, timeout, cancel, where)
        if kind == "ok":
            return value
        raise UserError(str(value))

    def start_soon(self) -> None:
        """Start the child now, off the calling thread (a window does, so that its first
        request does not wait for the start); a failure is left for that request to say."""

        def start() -> None:
            with self._lock, contextlib.suppress(UserError):
                self._ensure_started(None)

        threading.Thread(target=start, name=f"start {self.name}", daemon=True).start()

    def _ensure_started(self, cancel: threading.Event | None) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=self._target, args=(child, *self._args), daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        kind, value = self._answer(parent, self._start_timeout, cancel, f"starting {self.name}")
        if kind != "ready":
            self._stop()
            raise UserError(str(value))
        self.ready_value = value
        return parent

    def _answer(
        self, conn: Connection, timeout: float, cancel: threading.Event | None, where: str
    ) -> tuple[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            if cancel is not None and cancel.is_set():
                self._stop()
                raise CancelledError()
            try:
                if conn.poll(_POLL):
                    kind, value = conn.recv()
                    if kind == "payload":
                        return "ok", (value, conn.recv_bytes())
                    if kind == "bug":
                        self._stop()
                        return "error", f"{self.name} failed on {where}:\n{value}"
                    return kind, value
            except (EOFError, OSError):
                pass  # the process died: said below
            if self._process is None or not self._process.is_alive():
                code = self._process.exitcode if self._process is not None else None
                self._stop()
                raise WorkerStopped(f"{self.name} failed on {where}: {_describe_exit(code)}")
            if time.monotonic() > deadline:
                self._stop()
                raise WorkerStopped(
                    f"{self.name} gave up on {where}: no answer after {timeout:.0f} s"
                )

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
        """Stop the child (calling it again does nothing)."""
        with self._lock:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                try:
                    self._conn.send(None)
                    self._process.join(5)
                except OSError:
                    pass
            self._stop()
