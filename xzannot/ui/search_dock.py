"""The Search dock: a query with its filters, saved searches, and the hits as a
keyword-in-context concordance grouped by page, to open, or to label or correct at once."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from xzannot.ui.search_crops import HEIGHT, MAX_WIDTH
from xzannot.ui.search_form import SearchForm
from xzannot.ui.search_model import BEFORE, GLYPHS, GLYPHS_WIDTH, MATCH, ConcordanceModel, Group

_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterKeys(QObject):
    """Keeps Return and Enter in the dock (the window's Accept Span shortcut would take
    them): they search from the fields and open the hit in the list."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in _RETURN and plain:
                event.accept()
                return True
        return super().eventFilter(watched, event)


class _LeftContext(QStyledItemDelegate):
    """The context before a hit: cut on its left, so the words next to the hit show."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceView(QTreeView):
    """The hits, a row each, with a row naming each page; Return opens the hit."""

    opened = Signal(QModelIndex)

    def __init__(self, model: ConcordanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(MAX_WIDTH, HEIGHT))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(BEFORE, _LeftContext(self))
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((GLYPHS, GLYPHS_WIDTH), (BEFORE, 260), (MATCH, 90)):
            self.setColumnWidth(column, width)
        model.rowsInserted.connect(self._span_groups)
        model.modelReset.connect(self._span_groups)
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._read_more)
        for signal in (model.rowsInserted, model.modelReset):
            signal.connect(self._more.start)
        self.verticalScrollBar().valueChanged.connect(self._more.start)
        self.verticalScrollBar().rangeChanged.connect(self._more.start)
        self.activated.connect(self.opened)  # a double click (or a click, by the platform's way)

    def _span_groups(
        self, _parent: QModelIndex | None = None, first: int = 0, last: int = -1
    ) -> None:
        model = self.model()
        assert isinstance(model, ConcordanceModel)
        last = model.rowCount() - 1 if last < 0 else last
        for row in range(first, last + 1):
            if isinstance(model.item(row), Group):
                self.setFirstColumnSpanned(row, QModelIndex(), True)

    def _read_more(self) -> None:
        """Read the next pages' hits when the list's end is in view (the rows shown fill
        the view, then scrolling near the end reads on)."""
        model = self.model()
        assert isinstance(model, ConcordanceModel)
        if not self.isVisible() or self.viewport().height() <= 0 or not model.can_read_more():
            return
        self.executeDelayedItemsLayout()
        bar = self.verticalScrollBar()
        if bar.maximum() == 0 or bar.value() >= bar.maximum() - bar.pageStep():
            model.read_more()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._more.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._more.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _RETURN and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchDock(QWidget):
    """The dock's widgets; what they ask for is done by ``ui.search_flow.Searching``."""

    def __init__(self, model: ConcordanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchPanel")
        self.form = SearchForm(self)
        self.saved = QComboBox(self)
        self.saved.setPlaceholderText(self.tr("Saved searches"))
        self.saved.setMinimumContentsLength(12)
        self.saved.setToolTip(self.tr("Run a saved search"))
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the saved search chosen"))
        self.view = ConcordanceView(model, self)
        self.summary = QLabel(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.label_button = QPushButton(self.tr("&Label All…"), self)
        self.replace_button = QPushButton(self.tr("&Replace All…"), self)
        self._lay_out()
        self.keys = EnterKeys(self)
        for widget in (self.form.text, self.form.pages, self.form.conditions, self.view):
            widget.installEventFilter(self.keys)

    def _lay_out(self) -> None:
        saved = QHBoxLayout()
        saved.addWidget(self.saved)
        saved.addWidget(self.save_button)
        saved.addWidget(self.delete_button)
        top = QHBoxLayout()
        top.addWidget(self.form, 1)
        top.addLayout(saved)
        top.setAlignment(saved, Qt.AlignmentFlag.AlignTop)
        outcome = QHBoxLayout()
        outcome.addWidget(self.summary, 1)
        outcome.addWidget(self.label_button)
        outcome.addWidget(self.replace_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(outcome)

    def say(self, text: str) -> None:
        """A problem with the search, in words (empty: none)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_saved(self, names: list[str], chosen: str | None = None) -> None:
        """The project's saved searches."""
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItems(names)
        self.saved.setCurrentIndex(names.index(chosen) if chosen in names else -1)
        self.saved.blockSignals(False)
        self.delete_button.setEnabled(bool(names))
