"""The annotation guide, shown from Help in the window's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from xzannot.shipped import resource_text


def guide_text(language: str) -> str:
    """The guide in Markdown: Chinese for a Chinese window, English otherwise."""
    name = "guide.zh.md" if language.lower().startswith("zh") else "guide.en.md"
    return resource_text("guide", name)


class GuideDialog(QDialog):
    """A non-modal window with the annotation guide, to keep open beside the page."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(self.tr("Annotation guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 720)
