"""pdfium crashing on a page never takes the window with it: the page says why, and the
next page is drawn by a new pdfium process."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from xzannot.io import pdf_render
from xzannot.io.pdfium_worker import Documents
from xzannot.io.worker_process import Payload
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]
REAL = pdf_render.render_pdf_page


def _crash_on_page_2(documents: Documents, path: Path, number: int, scale: float) -> Payload:
    if number == 2:
        os.kill(os.getpid(), signal.SIGSEGV)
    return REAL(documents, path, number, scale)


def test_a_page_that_crashes_pdfium_says_so_and_the_window_lives_on(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_render, "render_pdf_page", _crash_on_page_2)
    window = make_window(sample_db)
    qtbot.waitUntil(window.page_view.has_image, timeout=20_000)
    window.step_page(1)
    said = window.page_view._message  # what the page area shows
    qtbot.waitUntil(lambda: "could not be rendered" in said.toPlainText(), timeout=20_000)
    assert "pdfium failed on showing" in said.toPlainText()
    assert "page 2" in said.toPlainText() and "crashed" in said.toPlainText()
    window.step_page(1)
    qtbot.waitUntil(window.page_view.has_image, timeout=20_000)
    assert window.isVisible()
