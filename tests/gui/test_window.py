"""The window on real projects: page image, text, navigation, zoom, import."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontDatabase, QFontMetricsF, QWheelEvent
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_DUMP, SAMPLE_PDF
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document
from xzannot.store.database import open_project
from xzannot.ui import settings as keys
from xzannot.ui.fonts import SANS_FAMILY, SERIF_FAMILY, cjk_font
from xzannot.ui.main_window import MainWindow
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]


def _imported(db_path: Path, *files: Path) -> Path:
    worker = PdfiumWorker()
    try:
        with open_project(db_path) as project:
            for path in files:
                import_document(project, worker, path)
    finally:
        worker.shutdown()
    return db_path


def _ink(window: MainWindow) -> int:
    """Dark pixels in a grab of the page view: proof that a page is painted."""
    image = window.page_view.viewport().grab().toImage()
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                dark += 1
    return dark


def test_demo_window_shows_page_image_and_text(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window(demo=True)
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)
    assert window.pages_model.rowCount() == 4
    text = window.text_view.toPlainText()
    assert text.startswith(
        "加速城乡融合。加快推进全省第二批"
    )  # corrected: reading order, no radicals
    assert "— 21 —" not in text and "秀洲年鉴 2022" not in text  # furniture is not body text
    assert "page 1 of 3" in window.page_label.text()
    assert "printed 21" in window.page_label.text()
    # re-rendered at the zoom it is shown at, so it is sharp
    view = window.page_view
    qtbot.waitUntil(lambda: abs(view.image_scale() - view.zoom()) < 1e-3, timeout=10_000)
    assert _ink(window) > 50


def test_page_down_and_up_move_through_pages(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window(_imported(db_path, SAMPLE_PDF))
    shown: list[int] = []
    window.pageShown.connect(shown.append)
    qtbot.keyClick(window.pages_table, Qt.Key.Key_PageDown)
    assert "page 2 of 3" in window.page_label.text()
    assert "printed 22" in window.page_label.text()
    qtbot.keyClick(window.pages_table, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.pages_table, Qt.Key.Key_PageDown)  # past the end: stays
    assert "page 3 of 3" in window.page_label.text()
    window.step_page(-1)
    assert "page 2 of 3" in window.page_label.text()
    assert len(shown) == 3
    qtbot.waitUntil(window.page_view.has_image, timeout=10_000)


def test_text_dump_page_shows_text_and_says_it_has_no_image(
    make_window: MakeWindow, db_path: Path
) -> None:
    window = make_window(_imported(db_path, SAMPLE_DUMP))
    text = window.text_view.toPlainText()
    assert text.startswith("实现24小时内常住人口50%的全员核酸检测能力。")  # de-interleaved
    assert "P. 52" not in text
    assert not window.page_view.has_image()
    assert "no image" in window.page_view._message.toPlainText()


def test_a_page_whose_text_layer_cannot_be_trusted_says_so_above_its_text(
    make_window: MakeWindow, db_path: Path
) -> None:
    import sqlite3

    _imported(db_path, SAMPLE_PDF)
    with sqlite3.connect(db_path) as db:  # as import flags a garbled layer
        db.execute("UPDATE pages SET suspect = 'the text layer is mostly stray symbols' "
                   "WHERE number = 2")  # fmt: skip
    window = make_window(db_path)
    assert not window.suspect_banner.isVisible()
    window.go_to("2")
    assert window.suspect_banner.isVisible()
    assert "mostly stray symbols" in window.suspect_banner.text()
    window.go_to("3")
    assert not window.suspect_banner.isVisible()


def test_zooming_re_renders_at_the_new_scale(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window(_imported(db_path, SAMPLE_PDF))
    view = window.page_view
    qtbot.waitUntil(view.has_image, timeout=10_000)
    fitted = view.zoom()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert abs(view.zoom() - fitted * 1.25) < 1e-6
    qtbot.waitUntil(lambda: abs(view.image_scale() - view.zoom()) < 1e-3, timeout=10_000)
    at = QPointF(50, 50)
    wheel = QWheelEvent(
        at, view.mapToGlobal(at), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    view.wheelEvent(wheel)
    assert view.zoom() < fitted * 1.25
    qtbot.waitUntil(lambda: abs(view.image_scale() - view.zoom()) < 1e-3, timeout=10_000)
    view.fit_width()
    assert abs(view.zoom() - fitted) < 1e-6


def test_import_from_the_window_shows_new_pages(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window(db_path)
    assert window.pages_model.rowCount() == 0
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as finished:
        window.imports.start(window.project, [SAMPLE_PDF, SAMPLE_DUMP])
    assert "Imported 2 document(s), 4 page(s)" in finished.args[0]
    assert window.pages_model.rowCount() == 4
    assert window.imports.run is not None and window.imports.run.dialog is None


def test_cancelled_import_changes_nothing(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window(db_path)
    before = db_path.read_bytes()
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as finished:
        window.imports.start(window.project, [SAMPLE_PDF])
        assert window.imports.run is not None
        dialog = window.imports.run.dialog
        assert dialog is not None
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert "cancelled" in finished.args[0]
    assert window.pages_model.rowCount() == 0
    window.project.close()
    assert db_path.read_bytes() == before


def test_missing_pdf_is_explained(make_window: MakeWindow, db_path: Path, sample_pdf: Path) -> None:
    _imported(db_path, sample_pdf)
    sample_pdf.unlink()
    window = make_window(db_path)
    assert "is missing or has changed" in window.page_view._message.toPlainText()
    assert "加" in unicodedata.normalize("NFKC", window.text_view.toPlainText())


def test_layout_and_last_project_are_remembered(
    make_window: MakeWindow, settings: Settings, db_path: Path
) -> None:
    window = make_window(_imported(db_path, SAMPLE_PDF))
    window.close()
    assert not settings.get(keys.WINDOW_GEOMETRY).isEmpty()
    assert not settings.get(keys.WINDOW_STATE).isEmpty()
    assert settings.get(keys.LAST_PROJECT).endswith("project.xzannot.sqlite")
    again = make_window(None)  # no project given: the last one
    assert again.project.location.path == db_path


def test_pages_model_is_a_well_behaved_item_model(qtmodeltester, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from xzannot.store.documents import list_documents, list_pages

    _imported(db_path, SAMPLE_PDF, SAMPLE_DUMP)
    model = PagesModel()
    with open_project(db_path) as project, project.session() as s:
        model.set_pages(list_documents(s), list_pages(s))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(1, 1)) == "22"
    assert model.data(model.index(0, 2)) == "to do"


def test_a_page_whose_text_layer_cannot_be_trusted_is_flagged_in_the_list(db_path: Path) -> None:
    from dataclasses import replace

    from xzannot.store.documents import list_documents, list_pages

    _imported(db_path, SAMPLE_PDF)
    with open_project(db_path) as project, project.session() as s:
        documents, pages = list_documents(s), list_pages(s)
    pages[1] = replace(pages[1], suspect="the text layer is mostly stray symbols; OCR the page")
    model = PagesModel()
    model.set_pages(documents, pages)
    status = model.index(1, PagesModel.COLUMNS.index("status"))
    assert model.data(status) == "needs OCR"
    assert "stray symbols" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, PagesModel.COLUMNS.index("status"))) == "to do"


def test_shipped_cjk_fonts_are_registered_and_cover_chinese() -> None:
    families = QFontDatabase.families()
    assert SANS_FAMILY in families
    assert SERIF_FAMILY in families
    metrics = QFontMetricsF(cjk_font(12))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "秀洲年鉴⼯⺠")


def test_no_two_actions_share_a_shortcut(make_window: MakeWindow, db_path: Path) -> None:
    from collections import Counter

    from PySide6.QtGui import QAction

    window = make_window(_imported(db_path, SAMPLE_PDF))
    window.set_project(open_project(db_path))  # reloading must not duplicate label keys
    keys = Counter(
        sequence.toString()
        for action in window.findChildren(QAction)
        if action.associatedObjects()
        for sequence in action.shortcuts()
    )
    assert keys, "the window has keyboard shortcuts"
    assert [key for key, n in keys.items() if n > 1] == []
