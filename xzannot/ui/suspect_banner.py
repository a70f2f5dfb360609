"""A warning above a page's text when its text layer cannot be trusted (see core.suspect)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from xzannot.ui.common import fill


class SuspectBanner(QLabel):
    """Says, for a page whose text layer is not what the page shows, why and what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border-bottom: 1px solid #e0c36a;"
            " padding: 6px; }"
        )
        self.hide()

    def show_reason(self, reason: str | None) -> None:
        """Show the reason (hide the banner for None)."""
        if not reason:
            self.hide()
            return
        self.setText(fill(self.tr("This page's text layer cannot be trusted: %1"), reason))
        self.show()


def with_banner(banner: SuspectBanner, content: QWidget) -> QWidget:
    """The banner stacked above ``content`` in one widget."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return pane
