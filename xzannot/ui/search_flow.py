"""Running a search from the Search dock: the pages holding hits found off the GUI thread,
their hits read a screen at a time as the list scrolls, and a hit opened on its page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDockWidget

from xzannot.core.search import SearchQuery, fold
from xzannot.errors import UserError
from xzannot.operations import browsing
from xzannot.operations.browsing import PageInfo
from xzannot.operations.project import Project
from xzannot.operations.saved_searches import saved_search_names
from xzannot.operations.search import Found, Hit, PageHits, PageImage, find, hits_on, page_images
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller
from xzannot.ui.search_crops import GlyphCrops, Source
from xzannot.ui.search_dock import SearchDock
from xzannot.ui.search_model import ConcordanceModel, counted

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class Screen:
    """The hits of some pages, and where each page's image is (for cutting glyphs)."""

    pages: list[PageHits]
    sources: dict[int, Source | None]


Files = dict[int, tuple[str, Path | None]]  # document id -> its recorded path, its file found


def image_source(image: PageImage | None, page: PageInfo, files: Files) -> Source | None:
    """Where a page's image is (None: it has none, or its file is missing); ``files`` holds
    the documents' files the window has looked for already (a PDF moved since its import)."""
    if image is None:
        return None
    path: Path | None = Path(image.path)
    recorded, found = files.get(page.document_id, ("", None))
    if recorded and image.path == recorded:
        path = found
    return (path, image.index + 1, image.skew) if path is not None and path.is_file() else None


def read_screen(project: Project, found: Found, page_ids: list[int], files: Files) -> Screen:
    """The hits on ``page_ids`` with their glyphs' areas (run off the GUI thread)."""
    pages = hits_on(project, found, page_ids, areas=True)
    cut = [page for page in pages if any(hit.area is not None for hit in page.hits)]
    images = page_images(project, [page.page.id for page in cut])
    sources = {page.page.id: image_source(images[page.page.id], page.page, files) for page in cut}
    return Screen(pages, sources)


def _likeness(hit: Hit, other: Hit) -> int:
    """How many characters of context two hits share next to them (folded)."""
    shared = 0
    for mine, theirs in ((hit.after, other.after), (hit.before[::-1], other.before[::-1])):
        for a, b in zip(fold(mine), fold(theirs), strict=False):
            if a != b:
                break
            shared += 1
    return shared


class Searching(Controller):
    """Finds what the dock asks for and fills its concordance."""

    def __init__(
        self, window: MainWindow, panel: SearchDock, model: ConcordanceModel, crops: GlyphCrops
    ) -> None:
        super().__init__(window.bench, window)
        self.window = window
        self.panel = panel
        self.model = model
        self.crops = crops
        self.dock: QDockWidget | None = None
        self.query: SearchQuery | None = None  # the search shown
        self._choices_read = False
        self._stale = False  # the project changed since the search shown: search again
        self._searched_in: Project | None = None
        model.wanted.connect(self._fetch)
        model.checksChanged.connect(self.summarise)
        crops.ready.connect(model.crop_ready)
        panel.form.search_button.clicked.connect(self.search)
        for field in (panel.form.text, panel.form.pages, panel.form.conditions):
            field.returnPressed.connect(self.search)
        panel.view.opened.connect(self.open_hit)

    def attach(self, dock: QDockWidget) -> None:
        """The dock the panel sits in: its choices are read when it is first shown."""
        self.dock = dock
        dock.visibilityChanged.connect(self._shown)

    def show(self) -> None:
        """Bring the dock forward, with the query's text chosen to type over."""
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
        self._shown(True)
        self.panel.form.text.setFocus()
        self.panel.form.text.selectAll()

    def _shown(self, visible: bool) -> None:
        if not visible:
            return
        if not self._choices_read:
            self.read_choices()
        if self._stale or (self.query is not None and self._searched_in is not self.project):
            self.refresh()

    @property
    def project(self) -> Project:
        return self._project()

    def read_choices(self) -> None:
        """Read the project's labels, annotators, documents and saved searches."""
        choices = browsing.export_choices(self.project)
        self.panel.form.set_choices(choices.labels, choices.annotators, choices.documents)
        self.panel.set_saved(saved_search_names(self.project), self.panel.saved.currentText())
        self._choices_read = True

    def project_loaded(self) -> None:
        """The project was read again (another project, documents or labels changed): the
        choices are read again when the dock shows; another project's hits are forgotten."""
        self._choices_read = False
        if self._searched_in is not None and self._searched_in is not self.project:
            self.query, self._searched_in = None, None
            self.model.show_found(None)
            self.crops.clear()
            self.summarise()
        if self.panel.isVisible():
            self.read_choices()

    # searching
    def search(self) -> None:
        """Search for what the dock's fields ask."""
        try:
            query = self.panel.form.query()
        except UserError as exc:
            self.panel.say(str(exc))
            return
        self.run(query)

    def run(self, query: SearchQuery, *, keep_checks: bool = False) -> None:
        """Find the pages holding hits of ``query`` off the GUI thread, then list them."""
        self.panel.say("")
        self.panel.summary.setText(self.tr("Searching…"))
        self.query, self._stale = query, False
        project = self.project
        excluded = set(self.model.excluded) if keep_checks else set()

        def found(result: Found) -> None:
            if query is self.query:
                self._show(result, project, excluded)
                if not result.counted:  # the index answered which pages: now how many hits
                    self.window.tasks.run(
                        partial(find, count=True), project, query, done=counted_too
                    )

        def counted_too(result: Found) -> None:
            shown = self.model.found
            if shown is None or shown.query is not query or query is not self.query:
                return
            if [p for p, _ in result.pages] == [p for p, _ in shown.pages]:
                self.model.found = result
                self.summarise()

        # the pages holding hits come first, from the index alone; counting reads their texts
        self.window.tasks.run(find, project, query, done=found, failed=self.failed)

    def refresh(self) -> None:
        """Search again for the search shown (after its hits were acted on), keeping which
        hits were left out; done when the dock next shows if it is hidden."""
        if self.query is None:
            return
        if not self.panel.isVisible():
            self._stale = True
            return
        self.run(self.query, keep_checks=True)

    def _show(self, found: Found, project: Project, excluded: set[tuple[int, int, int]]) -> None:
        self._searched_in = project
        self.crops.clear()
        self.model.show_found(found)
        self.model.excluded = excluded
        self.summarise()

    def failed(self, exc: BaseException) -> None:
        """A search or a read failed: say why in the dock (a bug is raised)."""
        if not isinstance(exc, UserError):
            raise exc
        self.panel.summary.setText("")
        self.panel.say(str(exc))

    def _fetch(self, generation: int, page_ids: list[int]) -> None:
        found = self.model.found
        if found is None:
            return
        navigation = self.window.navigation
        files = {
            doc: (navigation.documents[doc].source_path, path)
            for doc, path in navigation.files.items()
            if doc in navigation.documents
        }

        def done(screen: Screen) -> None:
            if generation == self.model.generation:
                self.crops.sources.update(screen.sources)
                self.model.add_pages(generation, screen.pages)

        def failed(exc: BaseException) -> None:
            self.model.loading_failed(generation)
            self.failed(exc)

        self.window.tasks.run(
            read_screen, self.project, found, page_ids, files, done=done, failed=failed
        )

    def summarise(self) -> None:
        """Say how many hits on how many pages were found, and how many are left out."""
        found = self.model.found
        if found is None:
            self.panel.summary.setText("")
            return
        pages = counted(len(found.pages), "pages")
        if found.counted:
            text = fill(self.tr("%1 on %2"), counted(found.hit_count), pages)
        else:
            text = fill(self.tr("Hits on %1"), pages)
        if not found.pages:
            text = self.tr("Nothing found.")
        elif self.model.excluded:
            text += " · " + fill(self.tr("%1 left out"), len(self.model.excluded))
        self.panel.summary.setText(text)

    def _found_again(self, hit: Hit) -> Hit | None:
        """``hit`` as the page now reads: of the page's hits read again, the one whose
        context reads most like it (None if none is like it)."""
        found = self.model.found
        if found is None:
            return None
        now = hits_on(self.project, found, [hit.page_id])
        again = [(_likeness(hit, other), other) for other in (now[0].hits if now else [])]
        best = max(again, key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] > 0 else None

    # opening a hit
    def open_hit(self, index: QModelIndex) -> None:
        """Show the hit's page with its characters selected (a page's row: the page)."""
        if not index.isValid():
            return
        item = self.model.item(index.row())
        if isinstance(item, Hit):
            self.go_to(item)
        elif self.window.navigation.select_page(item.page_hits.page.id):
            self.window.text_view.setFocus()

    def go_to(self, hit: Hit) -> None:
        """Show ``hit``'s page and select its characters (a search of the original text:
        where they still read the same in the corrected text)."""
        window = self.window
        if window.state.page_id != hit.page_id and not window.navigation.select_page(hit.page_id):
            return
        data = window.state.data
        if data is None or data.page.id != hit.page_id:
            return
        if fold(data.text[hit.start : hit.end]) != fold(hit.match):
            # corrected since (a page is the first time it is shown): the hit where it is now
            moved = self._found_again(hit)
            if moved is None:
                window.status.say(self.tr("The page has changed since the search: search again."))
                return
            hit = moved
        window.text_view.select_range(hit.start, hit.end)
        window.page_view.reveal(hit.start, hit.end)
        window.text_view.setFocus()
