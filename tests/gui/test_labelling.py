"""Labelling in the window, as a user does it: keys, clicks on the image, undo, reopening."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from xzannot.core.boxes import line_rects
from xzannot.core.spans import SpanStatus
from xzannot.operations.changes import on_pages
from xzannot.operations.labelling import add_span, span_changed
from xzannot.store.spans import list_spans
from xzannot.ui.main_window import MainWindow
from xzannot.ui.spans_model import SpansModel

MakeWindow = Callable[..., MainWindow]


def stored_spans(window: MainWindow, *, include_deleted: bool = False) -> list:
    page_id = window.state.page_id
    assert page_id is not None
    with window.project.session() as session:
        return list_spans(session, page_id, include_deleted=include_deleted)


def press(
    qtbot: QtBot, widget: object, *keys: Qt.Key | str, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        else:
            qtbot.keyClick(widget, key, modifier)


def test_create_relabel_delete_undo_redo_with_the_keyboard(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    text_view = window.text_view
    text_view.setFocus()
    qtbot.keyClick(text_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(4):
        qtbot.keyClick(text_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.state.selection == (0, 4)

    press(qtbot, text_view, "1")  # target
    (span,) = stored_spans(window)
    # the page was corrected when first shown: its body starts "加速城乡融合"
    assert (span.start, span.end, span.label, span.quote) == (0, 4, "target", "加速城乡")
    assert span.annotator == "审校员甲"
    assert span.status is SpanStatus.ACCEPTED
    assert window.state.selected_span == span.id
    assert "Saved" in window.saved_label.text()
    assert window.spans_model.rowCount() == 1

    press(qtbot, text_view, "2")  # relabel the selected span: project
    assert [s.label for s in stored_spans(window)] == ["project"]

    qtbot.keyClick(text_view, Qt.Key.Key_Delete)  # an accepted span is deleted, recoverably
    assert stored_spans(window) == []
    assert [s.deleted for s in stored_spans(window, include_deleted=True)] == [True]

    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(text_view, *undo)
    assert [s.label for s in stored_spans(window)] == ["project"]
    qtbot.keyClick(text_view, *undo)
    assert [s.label for s in stored_spans(window)] == ["target"]
    qtbot.keyClick(text_view, *undo)
    assert stored_spans(window) == []
    qtbot.keyClick(text_view, *redo)
    qtbot.keyClick(text_view, *redo)
    assert [s.label for s in stored_spans(window)] == ["project"]
    assert window.spans_model.rowCount() == 1


def test_enter_accepts_and_delete_rejects_suggestions(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    page_id = window.state.page_id
    assert page_id is not None
    first = add_span(
        window.project, page_id, (10, 14), "policy", "规则", status=SpanStatus.SUGGESTED
    )
    second = add_span(
        window.project, page_id, (20, 26), "target", "规则", status=SpanStatus.SUGGESTED
    )
    window.bus.publish(on_pages([page_id], spans=True))  # as a saved change reaches the views

    window.spans_table.setFocus()
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Home)  # the first row
    assert window.state.selected_span == first.id
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Return)
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Down)
    assert window.state.selected_span == second.id
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Delete)
    statuses = {s.id: s.status for s in stored_spans(window)}
    assert statuses == {first.id: SpanStatus.ACCEPTED, second.id: SpanStatus.REJECTED}
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {s.id: s.status for s in stored_spans(window)}[second.id] is SpanStatus.SUGGESTED


def test_text_selection_lights_up_its_glyphs(make_window: MakeWindow, sample_db: Path) -> None:
    window = make_window(sample_db)
    window.text_view.select_range(30, 36)
    assert window.state.selection == (30, 36)
    drawn = window.page_view.overlay.selection_rects()
    boxes = window.state.data.boxes  # type: ignore[union-attr]
    expected = line_rects(boxes, 30, 36)
    assert len(drawn) == len(expected) >= 1
    for rect, (left, top, right, bottom) in zip(drawn, expected, strict=True):
        assert (rect.left(), rect.top()) == pytest.approx((left, top))
        assert (rect.right(), rect.bottom()) == pytest.approx((right, bottom))


def test_clicking_a_glyph_puts_the_caret_there(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    view = window.page_view
    qtbot.waitUntil(view.has_image, timeout=10_000)
    boxes = window.state.data.boxes  # type: ignore[union-attr]
    target = next(i for i, b in enumerate(boxes) if b is not None and i > 40)
    left, top, right, bottom = boxes[target]  # type: ignore[misc]
    view.centerOn(QPointF((left + right) / 2, (top + bottom) / 2))
    point = view.mapFromScene(QPointF((left + right) / 2, (top + bottom) / 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection == (target, target)
    assert window.text_view.selection_range() == (target, target)


def test_dragging_a_rectangle_on_the_image_selects_the_text_inside(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    view = window.page_view
    boxes = window.state.data.boxes  # type: ignore[union-attr]
    # the first body line of the left column: "加速城乡融合。…"
    text = window.state.data.text  # type: ignore[union-attr]
    start = text.index("加速城乡融合")
    (left, top, right, bottom), *_ = line_rects(boxes, start, start + 6)
    view.centerOn(QPointF(left, top))
    a = view.mapFromScene(QPointF(left - 1, top - 1))
    b = view.mapFromScene(QPointF(right + 1, bottom + 1))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert window.text_view.selection_range() == (start, start + 6)
    assert text[start : start + 6] == "加速城乡融合"


def test_overlapping_spans_can_each_be_picked_and_are_all_drawn(
    make_window: MakeWindow, sample_db: Path
) -> None:
    window = make_window(sample_db)
    page_id = window.state.page_id
    assert page_id is not None
    outer = add_span(window.project, page_id, (40, 60), "policy", "甲")
    inner = add_span(window.project, page_id, (45, 50), "target", "甲")
    window.bus.publish(on_pages([page_id], spans=True))  # as a saved change reaches the views
    assert window.state.levels[outer.id] != window.state.levels[inner.id]
    assert window.page_view.overlay.span_rects(outer.id)
    assert window.page_view.overlay.span_rects(inner.id)
    picks = [window.state.pick_span_at(47)]
    window.state.select_span(picks[-1])
    picks.append(window.state.pick_span_at(47))
    assert picks == [inner.id, outer.id]  # innermost first, then the one around it


def test_spans_and_view_survive_closing_and_reopening(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    window.step_page(1)
    window.text_view.select_range(5, 9)
    press(qtbot, window.text_view, "3")
    window.text_view.select_range(12, 16)
    window.page_view.set_zoom(1.7)
    page_id = window.state.page_id
    window.close()

    again = make_window(sample_db)
    assert again.state.page_id == page_id
    assert [(s.start, s.end, s.label) for s in again.state.spans] == [(5, 9, "policy")]
    assert again.state.selection == (12, 16)
    assert again.page_view.zoom() == pytest.approx(1.7)
    assert again.pages_model.data(again.pages_model.index(1, 3)) == "1"  # span count


def test_undo_history_survives_switching_pages(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    first_page = window.state.page_id
    window.text_view.select_range(3, 8)
    press(qtbot, window.text_view, "2")
    qtbot.keyClick(window.text_view, Qt.Key.Key_PageDown)
    assert window.state.page_id != first_page
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.page_id == first_page  # undo shows what it undid
    assert window.state.spans == []


def test_page_status_next_to_do_and_go_to_printed_page(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    qtbot.keyClick(
        window.text_view,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.pages_model.data(window.pages_model.index(0, 2)) == "done"
    assert window.go_to("23")
    assert "printed 23" in window.page_label.text()
    window.next_unfinished()  # wraps round, skipping page 1 (done)
    assert "page 2 of 3" in window.page_label.text()
    window.undo_stack.undo()
    assert window.pages_model.data(window.pages_model.index(0, 2)) == "to do"
    assert not window.go_to("99")


def test_span_editor_changes_note_attributes_and_status(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    window.text_view.select_range(40, 52)
    press(qtbot, window.text_view, "3")
    editor = window.editor
    editor.note.setText("核对原文")
    editor._add_row("indicator", "城镇新增就业人数")
    qtbot.mouseClick(editor.apply, Qt.MouseButton.LeftButton)
    editor.status.setCurrentIndex(editor.status.findData("rejected"))
    (span,) = stored_spans(window)
    assert span.note == "核对原文"
    assert span.attributes == {"indicator": "城镇新增就业人数"}
    assert span.status is SpanStatus.REJECTED
    window.undo_stack.undo()
    window.undo_stack.undo()
    (span,) = stored_spans(window)
    assert (span.note, span.attributes, span.status) == ("", {}, SpanStatus.ACCEPTED)


def test_spans_model_is_a_well_behaved_item_model(
    qtmodeltester, make_window: MakeWindow, sample_db: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(sample_db, show=False)
    page_id = window.state.page_id
    assert page_id is not None
    add_span(window.project, page_id, (1, 4), "policy", "甲", attributes={"value": 3})
    add_span(window.project, page_id, (2, 3), "target", "乙", status=SpanStatus.SUGGESTED)
    with window.project.session() as session:
        spans = list_spans(session, page_id)
    model = SpansModel()
    model.set_spans(spans)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 4)) == "value=3"


def test_hovering_a_span_in_the_text_shows_it_on_the_image(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    page_id = window.state.page_id
    assert page_id is not None
    span = add_span(window.project, page_id, (40, 48), "target", "甲")
    window.bus.publish(span_changed(span))  # as the operation's change reaches the views
    overlay = window.page_view.overlay
    assert overlay._focus_items == []
    rect = window.text_view.span_rects(span.start, span.end)[0]
    qtbot.mouseMove(window.text_view.viewport(), rect.center().toPoint())
    assert window.state.hovered_span == span.id
    assert len(overlay._focus_items) == 1  # drawn stronger on the image
    qtbot.mouseMove(
        window.text_view.viewport(), QPoint(2, window.text_view.viewport().height() - 2)
    )
    assert window.state.hovered_span == -1
    assert overlay._focus_items == []


def test_annotator_is_asked_once_and_remembered(
    make_window: MakeWindow,
    sample_db: Path,
    settings,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from xzannot.ui import settings as keys

    settings.set(keys.ANNOTATOR, "")
    asked: list[str] = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[1])
        return "李四", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window = make_window(sample_db)
    window.text_view.select_range(3, 7)
    window.labelling.apply_label("policy")
    window.text_view.select_range(9, 12)
    window.labelling.apply_label("target")
    assert len(asked) == 1
    assert settings.get(keys.ANNOTATOR) == "李四"
    assert {s.annotator for s in stored_spans(window)} == {"李四"}
