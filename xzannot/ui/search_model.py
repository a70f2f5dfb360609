"""The concordance's rows: a row per page holding hits (document, printed page, hit count),
each followed by its hits in context, read a screen of pages at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from xzannot.operations.search import Found, Hit, PageHits
from xzannot.ui.common import fill

Index = QModelIndex | QPersistentModelIndex
HitKey = tuple[int, int, int]  # page id, start, end
CropFn = Callable[[Hit], QPixmap | None]

GLYPHS, BEFORE, MATCH, AFTER = range(4)
SCREEN_HITS = 60  # hits read at a time (a screen or two)
SCREEN_PAGES = 40  # at most this many pages at a time
ROW_HEIGHT = 34  # pixels a row is tall: a crop of the hit's glyphs, and a margin
GLYPHS_WIDTH = 175  # pixels wide the first column starts
UNCOUNTED = 10  # the hits a page is taken to hold while they are not counted
_MATCH_BACKGROUND = QColor(255, 224, 130)
_GROUP_BACKGROUND = QColor(236, 239, 244)
Role = Qt.ItemDataRole
Checked, Unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def counted(count: int, what: str = "hits") -> str:
    """``count`` hits (or ``"pages"``), in words: "1 hit", "24 hits"."""
    if what == "pages":
        if count == 1:
            return QCoreApplication.translate("SearchCounts", "1 page")
        return fill(QCoreApplication.translate("SearchCounts", "%1 pages"), count)
    if count == 1:
        return QCoreApplication.translate("SearchCounts", "1 hit")
    return fill(QCoreApplication.translate("SearchCounts", "%1 hits"), count)


def key_of(hit: Hit) -> HitKey:
    """What names a hit among a search's hits."""
    return hit.page_id, hit.start, hit.end


@dataclass(frozen=True, slots=True)
class Group:
    """The row naming a page: its hits are the rows after it, up to ``last``."""

    page_hits: PageHits
    first: int  # the row of its first hit
    last: int  # the row after its last hit


class ConcordanceModel(QAbstractTableModel):
    """Hits in context, grouped by page; each hit checked unless excluded."""

    # (generation, page ids): the next pages whose hits the view wants
    wanted = Signal(int, object)
    checksChanged = Signal()

    def __init__(self, crops: CropFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._crops = crops
        self.found: Found | None = None
        self.generation = 0
        self.excluded: set[HitKey] = set()
        self._rows: list[Group | Hit] = []
        self._row_of: dict[HitKey, int] = {}
        self._next = 0  # the first page of ``found`` not read yet
        self._loading = False
        self._bold = QFont()
        self._bold.setBold(True)

    # what is shown
    def show_found(self, found: Found | None) -> None:
        """Show a search's pages (none read yet: the view asks for them as it scrolls)."""
        self.beginResetModel()
        self.generation += 1
        self.found = found
        self.excluded = set()
        self._rows, self._row_of = [], {}
        self._next, self._loading = 0, False
        self.endResetModel()
        self.checksChanged.emit()

    def add_pages(self, generation: int, pages: list[PageHits]) -> None:
        """The hits of the pages last asked for (an answer for an older search is dropped)."""
        if generation != self.generation or self.found is None:
            return
        self._loading = False
        self._next += len(pages)
        made: list[Group | Hit] = []
        first = len(self._rows)
        for page_hits in pages:
            if not page_hits.hits:
                continue
            start = first + len(made) + 1
            made.append(Group(page_hits, start, start + len(page_hits.hits)))
            made.extend(page_hits.hits)
        if not made:
            return
        self.beginInsertRows(QModelIndex(), first, first + len(made) - 1)
        self._rows.extend(made)
        for row, item in enumerate(made, first):
            if isinstance(item, Hit):
                self._row_of[key_of(item)] = row
        self.endInsertRows()

    def loading_failed(self, generation: int) -> None:
        """The pages asked for could not be read: let the view ask again later."""
        if generation == self.generation:
            self._loading = False

    @property
    def all_read(self) -> bool:
        """Whether every page's hits are in the list."""
        return self.found is None or self._next >= len(self.found.pages)

    @property
    def loading(self) -> bool:
        """Whether hits asked for have not come yet."""
        return self._loading

    def item(self, row: int) -> Group | Hit:
        """A row's page group or hit."""
        return self._rows[row]

    def page_hits(self, page_id: int) -> list[Hit]:
        """The hits listed on a page."""
        return [i for i in self._rows if isinstance(i, Hit) and i.page_id == page_id]

    def checked_hits(self) -> list[Hit]:
        """The hits in the list that are not excluded."""
        return [i for i in self._rows if isinstance(i, Hit) and key_of(i) not in self.excluded]

    def crop_ready(self, hit: Hit) -> None:
        """A hit's glyphs have been cut from its page: show them."""
        row = self._row_of.get(key_of(hit))
        if row is not None:
            index = self.index(row, GLYPHS)
            self.dataChanged.emit(index, index, [Role.DecorationRole])

    # reading more as the view scrolls (asked by the view once it is laid out: Qt's own
    # fetchMore is asked in the middle of laying out rows, and would read every page)
    def can_read_more(self) -> bool:
        """Whether pages remain to read, none being read."""
        return not self._loading and not self.all_read

    def read_more(self) -> None:
        """Ask for the hits of the next pages (a screen or two of hits)."""
        if not self.can_read_more() or self.found is None:
            return
        pages, hits = [], 0
        for page_id, count in self.found.pages[self._next :]:
            pages.append(page_id)
            hits += count or UNCOUNTED  # uncounted: a page's hits are known once read
            if hits >= SCREEN_HITS or len(pages) >= SCREEN_PAGES:
                break
        self._loading = True
        self.wanted.emit(self.generation, pages)

    # the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        names = [self.tr("On the page"), self.tr("Before"), self.tr("Hit"), self.tr("After")]
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == GLYPHS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Role.SizeHintRole and index.column() == GLYPHS:
            return QSize(GLYPHS_WIDTH, ROW_HEIGHT)  # every row tall enough for a crop
        item = self._rows[index.row()]
        if isinstance(item, Group):
            return self._group_data(item, index.column(), role)
        return self._hit_data(item, index.column(), role)

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:
        if role != Role.CheckStateRole or not index.isValid() or index.column() != GLYPHS:
            return False
        checked = Qt.CheckState(value) == Checked
        item = self._rows[index.row()]
        first, last = (item.first, item.last) if isinstance(item, Group) else (index.row(),) * 2
        group = index.row() if isinstance(item, Group) else self._group_row(index.row())
        for row in range(first, max(last, first + 1)):
            hit = self._rows[row]
            assert isinstance(hit, Hit)
            (self.excluded.discard if checked else self.excluded.add)(key_of(hit))
        top = self.index(min(group, index.row()), GLYPHS)
        bottom = self.index(max(last - 1, index.row()), GLYPHS)
        self.dataChanged.emit(top, bottom, [Role.CheckStateRole])
        self.checksChanged.emit()
        return True

    def _group_row(self, row: int) -> int:
        while row > 0 and not isinstance(self._rows[row], Group):
            row -= 1
        return row

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        if role == Role.BackgroundRole:
            return QBrush(_GROUP_BACKGROUND)
        if column != GLYPHS:
            return None
        if role == Role.DisplayRole:
            page = group.page_hits.page
            return fill(
                self.tr("%1 — p. %2 (%3)"),
                group.page_hits.document,
                page.printed_label or page.number,
                counted(len(group.page_hits.hits)),
            )
        if role == Role.FontRole:
            return self._bold
        if role == Role.CheckStateRole:
            hits = self._rows[group.first : group.last]
            out = sum(key_of(hit) in self.excluded for hit in hits if isinstance(hit, Hit))
            if not out:
                return Checked
            return Unchecked if out == len(hits) else Qt.CheckState.PartiallyChecked
        return None

    def _hit_data(self, hit: Hit, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return (None, hit.before, hit.match, hit.after)[column]
        if role == Role.TextAlignmentRole and column == BEFORE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column == GLYPHS:
            if role == Role.CheckStateRole:
                return Unchecked if key_of(hit) in self.excluded else Checked
            if role == Role.DecorationRole and hit.area is not None:
                return self._crops(hit)
            return None
        if column == MATCH:
            if role == Role.BackgroundRole:
                return QBrush(_MATCH_BACKGROUND)
            if role == Role.ForegroundRole:
                return QBrush(QColor(20, 20, 20))
            if role == Role.FontRole:
                return self._bold
        if role == Role.ToolTipRole:
            return f"{hit.before}【{hit.match}】{hit.after}"
        return None
