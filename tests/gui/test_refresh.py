"""One OpChanges on the window's change bus refreshes the views that show what it names, and
no other view does any work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from xzannot.operations import browsing
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.labelling import add_span
from xzannot.ui import refresh
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


class Calls:
    """Counts the reads each view makes through operations."""

    def __init__(self) -> None:
        self.made: list[tuple[str, tuple[Any, ...]]] = []

    def names(self) -> list[str]:
        return [name for name, _ in self.made]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    calls = Calls()
    for name in ("reload_page", "page_rows", "page_corrections", "project_contents"):
        real = getattr(browsing, name)

        def spy(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            calls.made.append((_name, args[1:]))
            return _real(*args, **kwargs)

        monkeypatch.setattr(refresh.browsing, name, spy)
    yield calls


def _window(make_window: MakeWindow, sample_db: Path) -> tuple[MainWindow, int, list[int]]:
    window = make_window(sample_db)
    window.corrections_dock.raise_()  # the Corrections dock in view: it follows changes
    shown = window.state.page_id
    assert shown is not None
    others = [p.id for p in window.pages_model.pages() if p.id != shown]
    return window, shown, others


def test_a_change_of_corrections_reloads_that_panel_and_that_row_only(
    make_window: MakeWindow, sample_db: Path, reads: Calls, qtbot: Any
) -> None:
    window, shown, _others = _window(make_window, sample_db)
    collated: list[object] = []
    window.collating.collated.connect(collated.append)
    reads.made.clear()
    window.bus.publish(on_pages([shown], edits=True))
    assert reads.names() == ["reload_page", "page_corrections"]
    assert collated == []  # the text did not change: nothing to collate again
    assert window.saved_label.text() == "✓ Saved"


def test_a_change_on_other_pages_updates_their_rows_and_leaves_the_shown_page(
    make_window: MakeWindow, sample_db: Path, reads: Calls
) -> None:
    window, shown, others = _window(make_window, sample_db)
    for page_id in others:
        add_span(window.project, page_id, (0, 2), "policy", "甲")
    reads.made.clear()
    window.bus.publish(on_pages(others, spans=True))
    assert reads.made == [("page_rows", (others,))]
    column = window.pages_model.COLUMNS.index("spans")
    for page_id in others:
        row = window.pages_model.row_of(page_id)
        assert window.pages_model.index(row, column).data() == "1"
    assert window.state.page_id == shown


def test_one_span_on_the_shown_page_is_applied_without_reading_the_page(
    make_window: MakeWindow, sample_db: Path, reads: Calls
) -> None:
    window, shown, _others = _window(make_window, sample_db)
    span = add_span(window.project, shown, (0, 4), "target", "甲")
    reads.made.clear()
    window.bus.publish(OpChanges(frozenset({shown}), spans=True, span=span))
    assert reads.made == []
    assert [s.id for s in window.state.spans] == [span.id]
    row = window.pages_model.row_of(shown)
    assert window.pages_model.index(row, window.pages_model.COLUMNS.index("spans")).data() == "1"


def test_a_dock_behind_another_tab_reads_nothing_until_brought_forward(
    make_window: MakeWindow, sample_db: Path, reads: Calls, qtbot: Any
) -> None:
    window = make_window(sample_db)
    window.spans_dock.raise_()  # Corrections waits behind the Spans tab, as it opens
    qtbot.waitUntil(lambda: window.corrections.visibleRegion().isEmpty())
    reads.made.clear()
    window.step_page(1)
    assert "page_corrections" not in reads.names()  # a page switch reads no corrections
    shown = window.state.page_id
    window.corrections_dock.raise_()  # brought forward: the shown page's corrections
    qtbot.waitUntil(lambda: "page_corrections" in reads.names())
    assert ("page_corrections", (shown,)) in reads.made
    assert window.corrections.tree.topLevelItemCount() > 0
