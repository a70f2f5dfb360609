"""The Search dock: a concordance of hits grouped by page, opened, labelled and corrected at
once (one undo step each), saved searches, and errors in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from xzannot.core.spans import SpanStatus
from xzannot.operations.search import Hit
from xzannot.store.database import open_project
from xzannot.ui.main_window import MainWindow
from xzannot.ui.search_dialogs import LabelDialog, ReplaceDialog
from xzannot.ui.search_model import GLYPHS, ConcordanceModel, Group

MakeWindow = Callable[..., MainWindow]


def search(window: MainWindow, qtbot: QtBot, text: str, **options: bool) -> ConcordanceModel:
    """Type ``text`` into the dock and press Return; wait for the first screen of hits."""
    window.docks.show_search()
    panel = window.docks.search_panel
    form = panel.form
    for name in ("regex", "exact", "original"):
        getattr(form, name).setChecked(options.get(name, False))
    form.text.setText(text)
    qtbot.keyClick(form.text, Qt.Key.Key_Return)
    model = window.docks.search_model
    qtbot.waitUntil(lambda: model.found is not None and model.found.query.text == text)
    found = model.found
    assert found is not None
    if found.pages:
        qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading)
        # the pages holding hits come first; their hits are counted after
        qtbot.waitUntil(lambda: model.found is not None and model.found.counted)
    return model


def hits(model: ConcordanceModel) -> list[Hit]:
    return [item for row in range(model.rowCount()) if isinstance(item := model.item(row), Hit)]


def test_hits_are_grouped_by_page_with_their_context(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    model = search(window, qtbot, "秀洲")
    assert model.found is not None and len(model.found.pages) == 3
    groups = [model.item(row) for row in range(model.rowCount())]
    titles = [
        model.index(row, GLYPHS).data() for row, g in enumerate(groups) if isinstance(g, Group)
    ]
    assert titles[0].startswith("xiuzhou-2022-sample — p. 21 (")
    assert [t.split("p. ")[1].split(" ")[0] for t in titles] == ["21", "22", "23"]
    found = hits(model)
    assert len(found) == model.found.hit_count >= 10
    first = found[0]
    with window.project.session() as session:
        from xzannot.store.documents import current_text

        text = current_text(session, first.page_id)
    assert text[first.start : first.end] == "秀洲" == first.match
    assert text[: first.start].replace("\n", " ").endswith(first.before)
    assert text[first.end :].replace("\n", " ").startswith(first.after)
    row = next(r for r in range(model.rowCount()) if model.item(r) is first)
    assert model.index(row, 2).data() == "秀洲"
    assert model.index(row, GLYPHS).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # the hit's glyphs, cut from its page
    decoration = Qt.ItemDataRole.DecorationRole
    qtbot.waitUntil(lambda: model.index(row, GLYPHS).data(decoration) is not None)
    assert "3 pages" in window.docks.search_panel.summary.text()


def live_spans(window: MainWindow) -> int:
    from xzannot.operations.browsing import project_contents

    return sum(project_contents(window.project).span_counts.values())


def accept_dialog(window: MainWindow, qtbot: QtBot) -> QDialog:
    acting = window.docks.search_acting
    qtbot.waitUntil(lambda: acting.dialog is not None and acting.dialog.isVisible())
    assert acting.dialog is not None
    return acting.dialog


@pytest.fixture
def many_db(db_path: Path, tmp_path: Path, worker: object) -> Path:
    """Twelve pages of text, each naming 秀洲区 fifty times: 600 hits."""
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.operations.importing import import_document

    assert isinstance(worker, PdfiumWorker)
    page = "".join(f"第{n}条：秀洲区推进项目建设，" for n in range(50))
    dump = tmp_path / "many.txt"
    dump.write_text("\f".join([page] * 12), encoding="utf-8")
    with open_project(db_path) as project:
        import_document(project, worker, dump)
    return db_path


def test_hundreds_of_hits_are_labelled_as_one_undo_step(
    make_window: MakeWindow, qtbot: QtBot, many_db: Path
) -> None:
    window = make_window(many_db)
    model = search(window, qtbot, "秀洲区")
    assert model.found is not None and model.found.hit_count == 600
    assert not model.all_read  # a screen at a time: the rest are read to act on them
    assert len(hits(model)) < 600
    panel = window.docks.search_panel
    qtbot.mouseClick(panel.label_button, Qt.MouseButton.LeftButton)
    dialog = accept_dialog(window, qtbot)
    assert isinstance(dialog, LabelDialog)
    assert "600 hits" in dialog.ok.text()
    dialog.label.setCurrentIndex(dialog.label.findData("policy"))
    dialog.as_accepted.setChecked(True)
    before = window.undo_stack.count()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert live_spans(window) == 600
    assert window.undo_stack.count() == before + 1
    assert "Labelled 600 hits as policy" in window.statusBar().currentMessage()
    assert len(window.state.spans) == 50  # the shown page's spans, read again
    window.undo_stack.undo()
    assert live_spans(window) == 0
    assert window.state.spans == []
    window.undo_stack.redo()
    assert live_spans(window) == 600
    assert {s.status for s in window.state.spans} == {SpanStatus.ACCEPTED}


def test_replace_all_corrects_every_page_and_undoes_as_one(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    model = search(window, qtbot, "秀洲")
    count = len(hits(model))
    qtbot.mouseClick(window.docks.search_panel.replace_button, Qt.MouseButton.LeftButton)
    dialog = accept_dialog(window, qtbot)
    assert isinstance(dialog, ReplaceDialog)
    dialog.replacement.setText("秀州")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    texts = stored_texts(window)
    assert (
        all("秀洲" not in text for text in texts) and sum(t.count("秀州") for t in texts) == count
    )
    assert "秀州" in window.text_view.toPlainText()
    # the results are searched again: nothing left to find
    qtbot.waitUntil(lambda: model.found is not None and not model.found.pages)
    window.corrections_dock.raise_()
    qtbot.waitUntil(lambda: batch_group(window) is not None)
    group = batch_group(window)
    assert group is not None and group.childCount() == texts[0].count("秀州")
    window.undo_stack.undo()
    assert all("秀州" not in text for text in stored_texts(window))
    assert "秀州" not in window.text_view.toPlainText()


def stored_texts(window: MainWindow) -> list[str]:
    from xzannot.store.documents import current_text

    with window.project.session() as session:
        return [current_text(session, page_id) for page_id in (1, 2, 3)]


def batch_group(window: MainWindow):  # type: ignore[no-untyped-def]
    tree = window.corrections.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item is not None and item.text(0).startswith("Replaced from a search"):
            return item
    return None


def test_unchecked_hits_are_left_as_they_are(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    model = search(window, qtbot, "建设")
    found = hits(model)
    left_out = found[1]
    row = next(r for r in range(model.rowCount()) if model.item(r) is left_out)
    model.setData(model.index(row, GLYPHS), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert "1 left out" in window.docks.search_panel.summary.text()
    window.docks.search_acting.label_hits(model.checked_hits(), "policy", SpanStatus.SUGGESTED)
    assert live_spans(window) == len(found) - 1
    from xzannot.store.spans import list_spans

    with window.project.session() as session:
        spans = list_spans(session, left_out.page_id)
    assert not any(s.start == left_out.start and s.end == left_out.end for s in spans)
    assert "Labelled" in window.statusBar().currentMessage()


def test_return_opens_the_page_at_the_hit(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    model = search(window, qtbot, "秀洲")
    last = hits(model)[-1]
    assert last.page_id != window.state.page_id
    view = window.docks.search_panel.view
    row = next(r for r in range(model.rowCount()) if model.item(r) is last)
    view.setCurrentIndex(model.index(row, 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.state.page_id == last.page_id
    # the page was corrected as it was first shown (its running head taken out): the hit
    # is selected where it now stands
    _start, end = window.text_view.selection_range()
    assert window.text_view.textCursor().selectedText() == "秀洲"
    assert window.state.data is not None
    assert window.state.data.text[end:].startswith(last.after[:6])


def test_saved_searches_round_trip(make_window: MakeWindow, qtbot: QtBot, sample_db: Path) -> None:
    window = make_window(sample_db)
    search(window, qtbot, "秀洲")
    panel = window.docks.search_panel
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    dialog = accept_dialog(window, qtbot)
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("全区")
    dialog.accept()
    assert [panel.saved.itemText(i) for i in range(panel.saved.count())] == ["全区"]
    panel.form.text.setText("别的")
    panel.form.exact.setChecked(True)
    panel.saved.textActivated.emit("全区")
    assert panel.form.text.text() == "秀洲" and not panel.form.exact.isChecked()
    model = window.docks.search_model
    qtbot.waitUntil(lambda: model.found is not None and model.found.query.text == "秀洲")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    box = accept_dialog(window, qtbot)
    assert isinstance(box, QMessageBox)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.saved.count() == 0)


def test_a_bad_search_is_explained(make_window: MakeWindow, qtbot: QtBot, sample_db: Path) -> None:
    window = make_window(sample_db)
    window.docks.show_search()
    panel = window.docks.search_panel
    panel.form.regex.setChecked(True)
    panel.form.text.setText("秀洲(")
    qtbot.keyClick(panel.form.text, Qt.Key.Key_Return)
    assert panel.message.isVisible()
    assert "is not a regular expression" in panel.message.text()
    panel.form.regex.setChecked(False)
    panel.form.conditions.setText("value 100")
    qtbot.mouseClick(panel.form.search_button, Qt.MouseButton.LeftButton)
    assert "is not a condition" in panel.message.text()
    panel.form.conditions.setText("")
    qtbot.mouseClick(panel.form.search_button, Qt.MouseButton.LeftButton)
    assert not panel.message.isVisible()
    QApplication.processEvents()


def test_the_concordance_is_a_sound_model(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, qtmodeltester: object
) -> None:
    window = make_window(sample_db)
    model = search(window, qtbot, "建设")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
