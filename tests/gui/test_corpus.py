"""Exporting the corpus and importing spans from the window."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.test_labelling import stored_spans
from xzannot.operations.suggesting import suggest
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def check(widget, key: str, on: bool = True) -> None:  # type: ignore[no-untyped-def]
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_exporting_from_the_dialog(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
    tmp_path: Path,
) -> None:
    window = make_window(sample_db)
    suggest(window.project)
    window.corpus.open_export()
    dialog = window.corpus.dialog
    assert dialog is not None
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert dialog.path.text().endswith("corpus-brat")  # beside the project, named for the format
    assert not dialog.images.isEnabled()
    dialog.path.setText(str(tmp_path / "brat"))
    check(dialog.statuses, "suggested")
    check(dialog.labels, "policy", on=False)
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    dialog.pages.setText("2-x")  # a mistake is said in the dialog, which stays open
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not a page number" in dialog.error.text()

    dialog.pages.setText("1-2")
    with qtbot.waitSignal(window.corpus.finished, timeout=20_000) as done:
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert "Exported 2 page(s)" in done.args[0]
    anns = sorted((tmp_path / "brat").glob("*.ann"))
    assert [a.stem for a in anns] == ["xiuzhou-2022-sample-p0001", "xiuzhou-2022-sample-p0002"]
    labels = {
        line.split("\t")[1].split()[0]
        for a in anns
        for line in a.read_text("utf-8").splitlines()
        if line.startswith("T")
    }
    assert labels == {"target", "project"}


def test_importing_spans_from_the_window(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(sample_db)
    text = window.state.data.text if window.state.data else ""
    record = {"text": text, "label": [[0, 4, "policy"], [7, 11, "milestone"]]}
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    asked: list[str] = []

    def answer(parent, title, question):  # type: ignore[no-untyped-def]
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(window.corpus.finished, timeout=20_000) as done:
        window.corpus.start_import([path])
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage())
    assert "milestone" in asked[0]
    assert "Imported 2 span(s) from 1 text(s)." in window.statusBar().currentMessage()
    del done
    spans = stored_spans(window)
    assert {(s.quote, s.label, s.annotator) for s in spans} == {
        (text[0:4], "policy", "审校员甲"),
        (text[7:11], "milestone", "审校员甲"),
    }
    assert window.spans_model.rowCount() == 2  # shown at once, new label and all
    assert "milestone" in [a.text() for a in window.label_menu.actions()][-1]


def test_the_export_dialog_chooses_the_curated_layer(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, tmp_path: Path
) -> None:
    from xzannot.core.spans import SpanLayer
    from xzannot.operations.labelling import add_span
    from xzannot.operations.team import set_curator

    window = make_window(sample_db)
    page = window.state.page_id
    assert page is not None
    set_curator(window.project, "zhao")
    add_span(window.project, page, (0, 4), "policy", "lin")
    add_span(window.project, page, (0, 2), "policy", "zhao", layer=SpanLayer.CURATED)
    window.corpus.open_export()
    dialog = window.corpus.dialog
    assert dialog is not None
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    dialog.path.setText(str(tmp_path / "curated.jsonl"))
    dialog.layer.setCurrentIndex(1)  # the curated layer
    with qtbot.waitSignal(window.corpus.finished, timeout=20_000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    records = [json.loads(line) for line in (tmp_path / "curated.jsonl").read_text().splitlines()]
    spans = [span for record in records for span in record["spans"]]
    assert [(s["start"], s["end"], s["annotator"]) for s in spans] == [(0, 2, "zhao")]
