"""Pages nobody has opened are corrected in the background while the window is open; the
work stops when the window leaves the project and goes on the next time it is opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from xzannot.operations.correcting_all import pages_to_correct
from xzannot.store import database
from xzannot.store.database import open_project
from xzannot.store.documents import page_content
from xzannot.ui import background_correction
from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]


def _uncorrected(db: Path) -> list[int]:
    with open_project(db) as project:
        return pages_to_correct(project)


def test_pages_never_opened_are_corrected_in_the_background(
    make_window: MakeWindow, sample_db: Path, settings: Settings, qtbot: QtBot
) -> None:
    assert len(_uncorrected(sample_db)) == 3  # as imported
    settings.set(keys.CORRECT_IN_BACKGROUND, True)
    window = make_window(sample_db)
    assert window.background.running or _uncorrected(sample_db) == []  # begun as it opened
    qtbot.waitUntil(lambda: not window.background.running, timeout=30_000)
    assert _uncorrected(sample_db) == []
    with open_project(sample_db) as project, project.session() as session:
        assert window.pages_model.rowCount() == 3
        # a page never shown reads as corrected: the body without its running head and folio
        third = page_content(session, window.pages_model.page(2).id)
        assert third.current != third.original
    assert not window.background.label.isVisible()


def test_leaving_the_project_stops_and_opening_it_again_goes_on(
    make_window: MakeWindow,
    sample_db: Path,
    settings: Settings,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background_correction, "CHUNK", 1)
    window = make_window(sample_db)  # (not begun: the test begins it, as opening does)
    background = window.background
    # stopped as leaving the project does, once the first page is done
    leave = background.progressed.connect(lambda _done, _total: background.stop())
    with qtbot.waitSignal(background.progressed, timeout=30_000):
        background.start(window.project)
    background.progressed.disconnect(leave)
    assert not background.running
    left = _uncorrected(sample_db)
    assert 0 < len(left) < 3  # a page done, and not all of them
    with qtbot.waitSignal(background.finished, timeout=30_000):
        background.start(window.project)  # as opening it again does
    assert _uncorrected(sample_db) == []


def test_a_read_only_project_is_left_alone(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "unwritable", lambda _path: "the file cannot be written")
    with open_project(sample_db) as project:
        assert project.read_only
        assert pages_to_correct(project) == []


def test_a_page_that_cannot_be_corrected_is_said_and_the_others_go_on(
    make_window: MakeWindow,
    sample_db: Path,
    settings: Settings,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xzannot.errors import UserError
    from xzannot.operations import correcting_all

    real = correcting_all.correct_page
    broken = _uncorrected(sample_db)[-1:]  # the last page (the window shows the first)

    def correct(project: object, page_id: int) -> object:
        if page_id in broken:
            raise UserError("its text layer cannot be read")
        return real(project, page_id)  # type: ignore[arg-type]

    monkeypatch.setattr(correcting_all, "correct_page", correct)
    settings.set(keys.CORRECT_IN_BACKGROUND, True)
    window = make_window(sample_db)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "could not be corrected" in bar.currentMessage(), timeout=30_000)
    said = bar.currentMessage()
    assert said.startswith("1 page(s) could not be corrected")
    assert "its text layer cannot be read" in said
    qtbot.waitUntil(lambda: not window.background.running)
    assert _uncorrected(sample_db) == broken  # the others were corrected
