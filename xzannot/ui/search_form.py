"""What to search for, as the Search dock asks it: the text and how to match it, and the
filters (label, status, annotator, document, pages, attribute conditions)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from xzannot.core.labels import LabelDef
from xzannot.core.search import SearchQuery, parse_condition
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations.browsing import DocumentInfo
from xzannot.ui.common import fill

_PAGES = re.compile(r"^\s*(\d*)\s*(?:([-–—~至到])\s*(\d*))?\s*$")


def _combo(parent: QWidget, anything: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(anything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _chosen(combo: QComboBox) -> tuple[object, ...]:
    value = combo.currentData()
    return () if value is None else (value,)


def _choose(combo: QComboBox, values: tuple[object, ...]) -> None:
    index = combo.findData(values[0]) if values else 0
    combo.setCurrentIndex(max(index, 0))


class SearchForm(QWidget):
    """The query's fields; :meth:`query` reads them as a :class:`SearchQuery`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Text to find, e.g. 亿元"))
        self.text.setClearButtonEnabled(True)
        self.regex = QCheckBox(self.tr("Rege&x"), self)
        self.regex.setToolTip(self.tr("Read the text as a regular expression"))
        self.exact = QCheckBox(self.tr("Ex&act"), self)
        self.exact.setToolTip(
            self.tr(
                "Match the text as it is; otherwise spaces and line breaks, full and half "
                "width, case and radical look-alikes are not told apart"
            )
        )
        self.original = QCheckBox(self.tr("&Original text"), self)
        self.original.setToolTip(self.tr("Search the text as extracted, before corrections"))
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setDefault(True)
        self.label = _combo(self, self.tr("Any label"))
        self.status = _combo(self, self.tr("Any status"))
        for status, name in self._statuses().items():
            self.status.addItem(name, status)
        self.annotator = _combo(self, self.tr("Anyone"))
        self.document = _combo(self, self.tr("All documents"))
        self.pages = QLineEdit(self)
        self.pages.setPlaceholderText(self.tr("e.g. 12-30"))
        self.pages.setFixedWidth(100)
        self.conditions = QLineEdit(self)
        self.conditions.setPlaceholderText(self.tr("e.g. value >= 100; unit = 亿元"))
        self.conditions.setMinimumWidth(200)
        self.conditions.setToolTip(
            self.tr("Conditions on the attributes of the spans the hits lie in, split by “;”")
        )
        self._lay_out()

    def _statuses(self) -> dict[SpanStatus, str]:
        return {
            SpanStatus.SUGGESTED: self.tr("Suggested"),
            SpanStatus.ACCEPTED: self.tr("Accepted"),
            SpanStatus.REJECTED: self.tr("Rejected"),
        }

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        for option in (self.regex, self.exact, self.original, self.search_button):
            top.addWidget(option)
        grid.addLayout(top, 0, 0)
        filters = QHBoxLayout()
        for widget in (self.label, self.status, self.annotator, self.document):
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("Pages:"), self))
        filters.addWidget(self.pages)
        filters.addWidget(QLabel(self.tr("Attributes:"), self))
        filters.addWidget(self.conditions, 1)
        grid.addLayout(filters, 1, 0)

    def set_choices(
        self, labels: list[LabelDef], annotators: list[str], documents: list[DocumentInfo]
    ) -> None:
        """The project's labels, annotators and documents to choose from (choices made are
        kept where they still exist)."""
        for combo, items in (
            (self.label, [(f"{d.name_zh} {d.name_en}", d.key) for d in labels]),
            (self.annotator, [(name, name) for name in annotators]),
            (self.document, [(d.title, d.id) for d in documents]),
        ):
            kept = _chosen(combo)
            while combo.count() > 1:
                combo.removeItem(1)
            for name, value in items:
                combo.addItem(name, value)
            _choose(combo, kept)

    def query(self) -> SearchQuery:
        """The search asked for (a :class:`UserError` says what is wrong with it)."""
        first, last = self._page_range()
        pieces = [piece.strip() for piece in self.conditions.text().split(";")]
        return SearchQuery(
            text=self.text.text(),
            regex=self.regex.isChecked(),
            exact=self.exact.isChecked(),
            original=self.original.isChecked(),
            labels=_chosen(self.label),  # type: ignore[arg-type]
            statuses=_chosen(self.status),  # type: ignore[arg-type]
            annotators=_chosen(self.annotator),  # type: ignore[arg-type]
            conditions=tuple(parse_condition(piece) for piece in pieces if piece),
            documents=_chosen(self.document),  # type: ignore[arg-type]
            first_page=first,
            last_page=last,
        )

    def _page_range(self) -> tuple[int | None, int | None]:
        found = _PAGES.match(self.pages.text())
        if found is None:
            raise UserError(
                fill(
                    self.tr("“%1” is not a range of pages; write e.g. 12-30, 12- or 12"),
                    self.pages.text(),
                )
            )
        first = int(found[1]) if found[1] else None
        last = int(found[3]) if found[3] else (None if found[2] else first)
        return first, last

    def set_query(self, query: SearchQuery) -> None:
        """Show a (saved) search in the fields."""
        self.text.setText(query.text)
        self.regex.setChecked(query.regex)
        self.exact.setChecked(query.exact)
        self.original.setChecked(query.original)
        for combo, values in (
            (self.label, query.labels),
            (self.status, query.statuses),
            (self.annotator, query.annotators),
            (self.document, query.documents),
        ):
            _choose(combo, tuple(values))
        first, last = query.first_page, query.last_page
        pages = "" if first is None and last is None else f"{first or ''}-{last or ''}"
        self.pages.setText(str(first) if first is not None and first == last else pages)
        self.conditions.setText("; ".join(str(c) for c in query.conditions))
