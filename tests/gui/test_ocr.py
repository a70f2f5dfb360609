"""Scanned pages in the window: reading them, the checking queue, regions read again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.scans import around as _around
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages
from xzannot.store.models import EditRow, PageText
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]
pytestmark = pytest.mark.xdist_group("ocr")  # with the OCR tests: the scans are made once


def _action(window: MainWindow, text: str) -> object:
    for action in window.findChildren(type(window.menuBar().actions()[0])):
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r}")


def test_the_queue_is_walked_with_f7_and_a_character_accepted(
    make_window: MakeWindow, qtbot: QtBot, scanned_db: Path
) -> None:
    window = make_window(scanned_db)
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)
    queue = window.ocr.queue
    assert queue.unsure, "the OCR'd page has characters to check"
    column = window.pages_model.COLUMNS.index("unsure")
    share = window.pages_model.index(0, column).data()
    assert share.endswith("%") and float(share[:-1]) > 0
    assert window.text_view.marks.unsure == [u.position for u in queue.unsure]
    assert len(queue._marks) == len(queue.unsure)  # marked on the image too

    qtbot.keyClick(window.text_view, Qt.Key.Key_F7)
    first = queue.current
    assert first is not None and first.unsure is not None
    assert window.state.selection == (first.start, first.start + 1)
    assert not window.ocr.panel.glyph.pixmap().isNull()  # the glyph, cut from the image
    assert window.ocr.panel.reading.text() == first.unsure.char

    _action(window, "Accept Character as Read").trigger()
    with open_project(scanned_db) as project, project.session() as session:
        checked = session.query(PageText.checked).filter_by(page_id=window.state.page_id).scalar()
    assert checked == [first.unsure.original]
    assert first.unsure.original not in {u.original for u in queue.unsure}
    later = [i for i in queue.items() if i.start >= first.start]
    assert queue.current == (later[0] if later else None)  # on to the next, if any
    window.undo_stack.undo()
    assert first.unsure.original in {u.original for u in queue.unsure}

    # past the last place on the first page, F7 goes on to the next page with places to check
    first_page = window.state.page_id
    for _ in range(len(queue.items()) + 1):
        queue.step(1)
    assert window.state.page_id != first_page
    assert queue.current is not None and queue.current == queue.items()[0]


def test_a_region_read_again_is_one_undo_step(
    make_window: MakeWindow, qtbot: QtBot, scanned_db: Path
) -> None:
    window = make_window(scanned_db)
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)
    data = window.state.data
    assert data is not None
    line_end = data.text.index("\n")
    region = _around(data.boxes[:line_end])
    before = data.text
    window.ocr._region_read(window.state.page_id, region, "重读的标题", "read again")
    assert window.state.data.text == "重读的标题" + before[line_end:]
    with open_project(scanned_db) as project, project.session() as session:
        kinds = [k for (k,) in session.query(EditRow.kind).order_by(EditRow.seq)]
    assert kinds[-1] == "ocr"
    window.undo_stack.undo()
    assert window.state.data.text == before


def test_tools_ocr_reads_an_imported_scan_while_the_window_stays_responsive(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    from tests.conftest import SAMPLE_PDF
    from tests.scans import SCAN_DPI, render_pages, write_tiff

    # the page's top: its running head and first lines (a whole page takes longer to read)
    strips = [im.crop((0, 0, im.width, 700)) for im in render_pages(SAMPLE_PDF, [1, 2], SCAN_DPI)]
    with open_project(db_path) as project:
        import_document(project, PdfiumWorker(), write_tiff(strips, tmp_path / "s.tif", SCAN_DPI))
    window = make_window(db_path)
    assert window.pages_model.page(0).needs_text
    window.ocr.flow.start([window.pages_model.page(0).id], "rapidocr", 200)
    ticks = []

    def finished() -> bool:
        ticks.append(1)
        return window.ocr.flow.run is not None and window.ocr.flow.run.dialog is None

    qtbot.waitUntil(finished, timeout=90_000)
    assert len(ticks) > 5  # the event loop ran all along
    qtbot.waitUntil(lambda: not window.pages_model.page(0).needs_text, timeout=5_000)
    window.select_row(0)
    window.show_page(window.pages_model.page(0).id)
    assert "秀洲" in window.state.data.text
    with open_project(db_path) as project, project.session() as session:
        assert [p.needs_text for p in list_pages(session)] == [False, True]


def test_the_queue_takes_the_reference_s_differences_too(
    make_window: MakeWindow, qtbot: QtBot, scanned_db: Path
) -> None:
    from tests.conftest import SAMPLE_REFERENCE
    from xzannot.core.edits import Edit
    from xzannot.operations.correcting import correct_page
    from xzannot.operations.importing import import_reference
    from xzannot.operations.reviewing import manual_edit
    from xzannot.store.documents import current_text

    with open_project(scanned_db) as project:
        import_reference(project, SAMPLE_REFERENCE, document="1")
        page_id = 1
        correct_page(project, page_id)
        with project.session() as session:
            text = current_text(session, page_id)
        at = text.index("城乡融合发展")  # a misreading for the reference to show: 融 → 整
        manual_edit(project, page_id, Edit(at + 2, at + 3, "整"), "甲")
    window = make_window(scanned_db)
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)
    qtbot.waitUntil(lambda: bool(window.differences.model.differences()), timeout=10_000)
    queue = window.ocr.queue
    queue.load()
    differences = [i for i in queue.items() if i.difference is not None]
    assert differences, "the OCR'd page differs from the web transcription somewhere"
    assert "difference(s) from the reference" in queue.summary()
    target = differences[0]
    queue._go(target)
    assert target.difference is not None
    assert window.ocr.panel.reading.text() == (target.difference.page_reading or "∅")
    (button,) = window.ocr.panel._reading_buttons
    button.click()  # take the reference's reading into the page
    data = window.state.data
    assert data is not None
    reading = target.difference.reference_reading
    assert data.text[target.start : target.start + len(reading)] == reading


def test_a_scanned_pdf_is_read_checked_and_exported_for_ocr_d(
    make_window: MakeWindow,
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import shared_file
    from xzannot.operations.exporting import export

    scan = shared_file("realpdfs", "rapiddoc_disciplinary_decision_scan_no_text.pdf")
    window = make_window(db_path)
    offered: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        offered.append(text)
        return QMessageBox.StandardButton.No  # read one page below, not all four

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.imports.start(window.project, [scan])
    qtbot.waitUntil(lambda: window.pages_model.rowCount() == 4, timeout=30_000)
    assert offered and offered[0].startswith("4 page(s) have no text")
    assert len(window.imports.needing_text) == 4
    window.ocr.flow.start(window.imports.needing_text[:1], "rapidocr", 200)
    qtbot.waitUntil(lambda: not window.pages_model.page(0).needs_text, timeout=90_000)
    window.select_row(0)
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)
    assert "纪律处分决定书" in window.state.data.text
    queue = window.ocr.queue
    while queue.unsure:  # check every unsure character of the page, accepting it
        queue.step(1)
        assert queue.current is not None and queue.current.unsure is not None
        queue.accept_current()
    assert window.pages_model.index(0, window.pages_model.COLUMNS.index("unsure")).data() == "0.0%"
    with open_project(db_path) as project:
        export(project, "pagexml", tmp_path / "page", pages_filter(1))
    validators = pytest.importorskip("ocrd_validators", reason="OCR-D is not installed")
    from ocrd_models.ocrd_page import parse

    (xml,) = (tmp_path / "page").glob("*.xml")
    report = validators.PageValidator.validate(
        ocrd_page=parse(str(xml), silence=True), page_textequiv_consistency="strict"
    )
    assert report.is_valid, report.errors[:5]


def pages_filter(*numbers: int) -> object:
    from xzannot.operations.exporting import ExportFilter

    return ExportFilter(pages=numbers)
