"""The window's menus, declared as tables: each row a menu entry (its text, the slot it calls,
its shortcut), turned into actions by one small function."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from xzannot.core.labels import LabelDef
from xzannot.core.pages import PageStatus
from xzannot.ui import settings as keys
from xzannot.ui.common import LONG_MS, ZOOM_STEP
from xzannot.ui.i18n import LANGUAGES

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None
Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Entry:
    """One menu entry: ``slot`` is a dotted path from the window (``"corpus.open_export"``),
    called with ``args``; ``name`` keeps the action on the window under that attribute."""

    text: str
    slot: str
    shortcut: Shortcut | tuple[Shortcut, ...] = None
    args: tuple[object, ...] = ()
    checkable: bool = False
    name: str | None = None


SEPARATOR = None
Row = Entry | None  # None: a separator


def make_action(
    owner: QWidget, text: str, slot: Callable[[], object], shortcut: Shortcut = None
) -> QAction:
    """An action of ``owner`` (its shortcut works wherever the focus is) calling ``slot``."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    # triggered(bool) would fill a lambda's first default argument: call the slot bare
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def add_entries(menu: QMenu, window: MainWindow, rows: Sequence[Row]) -> None:
    """Add a table of entries to ``menu``: the one function that turns rows into actions."""
    for row in rows:
        if row is None:
            menu.addSeparator()
            continue
        slot = attrgetter(row.slot)(window)
        shortcuts = row.shortcut if isinstance(row.shortcut, tuple) else (row.shortcut,)
        action = make_action(window, row.text, partial(slot, *row.args), shortcuts[0])
        if len(shortcuts) > 1:
            action.setShortcuts([QKeySequence(s) for s in shortcuts if s is not None])
        action.setCheckable(row.checkable)
        if row.name:
            setattr(window, row.name, action)
        menu.addAction(action)


class WindowMenus(QObject):
    """Builds the window's menu bar from its tables; rebuilds the Label menu for a project."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._label_actions: list[QAction] = []
        self._labels_live = True
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        add_entries(file_menu, window, self.file_entries())
        window.backups.add_actions(file_menu)
        add_entries(file_menu, window, [SEPARATOR, Entry(self.tr("&Quit"), "close", Key.Quit)])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._add_undo(edit_menu)
        add_entries(edit_menu, window, self.edit_entries())
        self.label_menu = bar.addMenu(self.tr("&Label"))
        view_menu = bar.addMenu(self.tr("&View"))
        add_entries(view_menu, window, self.view_entries())
        self._add_docks_and_languages(view_menu)
        add_entries(bar.addMenu(self.tr("&Go")), window, self.go_entries())
        add_entries(bar.addMenu(self.tr("&Page")), window, self.page_entries())
        tools_menu = bar.addMenu(self.tr("&Tools"))
        add_entries(tools_menu, window, self.suggest_entries())
        window.ocr.add_actions(tools_menu)
        add_entries(tools_menu, window, self.collate_entries())
        team_menu = bar.addMenu(self.tr("Tea&m"))
        add_entries(team_menu, window, self.team_entries())
        window.team.add_actions(team_menu)
        add_entries(
            team_menu, window, [SEPARATOR, Entry(self.tr("Your &Name…"), "team.change_name")]
        )
        guide = Entry(self.tr("Annotation &Guide"), "show_guide", Key.HelpContents)
        add_entries(bar.addMenu(self.tr("&Help")), window, [guide])

    def file_entries(self) -> list[Row]:
        return [
            Entry(self.tr("&Open Project…"), "lifecycle.choose_project", Key.Open),
            Entry(self.tr("&New Project…"), "lifecycle.new_project", Key.New),
            SEPARATOR,
            Entry(self.tr("&Import PDF or Text…"), "lifecycle.choose_import", "Ctrl+I"),
            Entry(self.tr("Import &Reference Text…"), "lifecycle.choose_reference"),
            Entry(self.tr("&Locate Missing PDF…"), "lifecycle.locate_pdf"),
            SEPARATOR,
            Entry(self.tr("&Export Corpus…"), "corpus.open_export", "Ctrl+Shift+E"),
            Entry(self.tr("Import &Spans…"), "corpus.choose_span_files"),
            SEPARATOR,
        ]

    def edit_entries(self) -> list[Row]:
        return [
            SEPARATOR,
            Entry(
                self.tr("&Accept Span"),
                "labelling.accept",
                (Qt.Key.Key_Return, Qt.Key.Key_Enter),
                name="accept_action",
            ),
            Entry(
                self.tr("&Reject Suggestion or Delete Span"),
                "labelling.reject_or_delete",
                Qt.Key.Key_Delete,
                name="reject_action",
            ),
            Entry(self.tr("&Delete Span"), "labelling.delete", "Shift+Delete"),
            SEPARATOR,
            Entry(self.tr("&Find…"), "docks.show_search", ("Ctrl+Shift+F", Key.Find)),
            SEPARATOR,
            Entry(
                self.tr("&Correct Text"),
                "toggle_correcting",
                "Ctrl+E",
                checkable=True,
                name="correct_action",
            ),
        ]

    def view_entries(self) -> list[Row]:
        return [
            Entry(self.tr("&Compare with Original…"), "show_diff", "Ctrl+Shift+C"),
            SEPARATOR,
            Entry(self.tr("Fit &Width"), "page_view.fit_width", "Ctrl+0"),
            Entry(self.tr("Fit &Page"), "page_view.fit_page", "Ctrl+9"),
            Entry(self.tr("Zoom &In"), "page_view.zoom_by", Key.ZoomIn, (ZOOM_STEP,)),
            Entry(self.tr("Zoom &Out"), "page_view.zoom_by", Key.ZoomOut, (1 / ZOOM_STEP,)),
            SEPARATOR,
            Entry(
                self.tr("Show &Others' Spans"),
                "team.toggle_others",
                checkable=True,
                name="show_others_action",
            ),
            SEPARATOR,
        ]

    def go_entries(self) -> list[Row]:
        return [
            Entry(self.tr("&Next Page"), "navigation.step_page", Qt.Key.Key_PageDown, (1,)),
            Entry(self.tr("&Previous Page"), "navigation.step_page", Qt.Key.Key_PageUp, (-1,)),
            Entry(self.tr("Next Page &to Do"), "navigation.next_unfinished", "Shift+PgDown"),
            Entry(self.tr("&Go to Page…"), "navigation.ask_page", "Ctrl+G"),
        ]

    def page_entries(self) -> list[Row]:
        mark = "labelling.set_page_status"
        return [
            Entry(self.tr("Mark Page &to Do"), mark, "Ctrl+Shift+T", (PageStatus.TODO,)),
            Entry(
                self.tr("Mark Page &in Progress"), mark, "Ctrl+Shift+P", (PageStatus.IN_PROGRESS,)
            ),
            Entry(self.tr("Mark Page &Done"), mark, "Ctrl+Shift+D", (PageStatus.DONE,)),
        ]

    def suggest_entries(self) -> list[Row]:
        return [
            Entry(self.tr("&Suggest Spans on This Page"), "suggest_page", "Ctrl+Shift+S"),
            Entry(
                self.tr("Suggest Spans on &All Pages"),
                "suggesting.start",
                "Ctrl+Alt+Shift+S",
                (None,),
            ),
            SEPARATOR,
            Entry(self.tr("Pre-annotation &Rules…"), "suggesting.edit_rules"),
            SEPARATOR,
        ]

    def collate_entries(self) -> list[Row]:
        return [
            SEPARATOR,
            Entry(self.tr("&Collate All Pages"), "collating.collate_all"),
            Entry(self.tr("&Next Difference"), "step_difference", Qt.Key.Key_F8, (1,)),
            Entry(self.tr("&Previous Difference"), "step_difference", "Shift+F8", (-1,)),
            Entry(self.tr("&Accept Difference"), "accept_difference", "Ctrl+Shift+A"),
            Entry(self.tr("Re&ject Difference"), "reject_difference", "Ctrl+Shift+X"),
        ]

    def team_entries(self) -> list[Row]:
        return [
            Entry(self.tr("&Assignments…"), "team.open_assignments"),
            Entry(self.tr("&Progress…"), "team.open_progress"),
            Entry(self.tr("A&greement…"), "team.open_agreement"),
            SEPARATOR,
            Entry(
                self.tr("&Curation Mode"),
                "team.toggle_curation",
                "Ctrl+Shift+U",
                checkable=True,
                name="curation_action",
            ),
        ]

    def _add_undo(self, menu: QMenu) -> None:
        window = self.window
        undo = window.undo_stack.createUndoAction(window, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = window.undo_stack.createRedoAction(window, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            window.addAction(action)
            menu.addAction(action)

    def _add_docks_and_languages(self, menu: QMenu) -> None:
        for dock in self.window.docks.all():
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        language_menu = menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        chosen = self.window.settings.get(keys.LANGUAGE)
        for code, name in LANGUAGES.items():
            action = QAction(self.tr("System") if not code else name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            language_menu.addAction(action)
        self.language_group.triggered.connect(self._choose_language)

    def _choose_language(self, action: QAction) -> None:
        self.window.settings.set(keys.LANGUAGE, str(action.data()))
        self.window.statusBar().showMessage(
            self.tr("The language changes when xzannot is started again."), LONG_MS
        )

    def enable_labels(self, on: bool) -> None:
        """Make the label keys live, or not: curation mode lends their keys to its own
        actions meanwhile (no two actions ever hold one key)."""
        self._labels_live = on
        for action in self._label_actions:
            action.setEnabled(on)
            key = action.data()
            action.setShortcut(QKeySequence(key) if on and key else QKeySequence())

    def set_labels(self, labels: list[LabelDef]) -> None:
        """One entry a label, with its key, in place of the last project's."""
        window = self.window
        for action in self._label_actions:
            window.removeAction(action)
            action.deleteLater()
        self.label_menu.clear()
        self._label_actions = []
        for label in labels:
            action = make_action(
                window,
                f"{label.name_zh} {label.name_en}",
                partial(window.labelling.apply_label, label.key),
                label.shortcut,
            )
            action.setData(label.shortcut)
            if not self._labels_live:
                action.setEnabled(False)
                action.setShortcut(QKeySequence())
            self.label_menu.addAction(action)
            self._label_actions.append(action)
