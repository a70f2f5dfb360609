"""Original against current text of a page: what every correction changed, at a glance."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget
from rapidfuzz.distance import Levenshtein

from xzannot.ui.common import fill
from xzannot.ui.fonts import cjk_font

DELETED = "background:#ffd7d5;color:#82071e;text-decoration:line-through"
INSERTED = "background:#ccffd8;color:#055d20"


def diff_html(original: str, current: str) -> str:
    """The current text with deletions struck through and insertions marked, as HTML."""
    parts: list[str] = []
    for op in Levenshtein.opcodes(original, current):
        old = html.escape(original[op.src_start : op.src_end])
        new = html.escape(current[op.dest_start : op.dest_end])
        if op.tag == "equal":
            parts.append(new)
            continue
        if old:
            parts.append(f'<span style="{DELETED}">{old}</span>')
        if new:
            parts.append(f'<span style="{INSERTED}">{new}</span>')
    return (
        "<div style='white-space:pre-wrap;line-height:160%'>"
        + "".join(parts).replace("\n", "<br>")
        + "</div>"
    )


class DiffDialog(QDialog):
    """Shows a page's original text against its current text."""

    def __init__(
        self, original: str, current: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Original and corrected: %1"), title))
        self.resize(900, 700)
        self.browser = QTextBrowser(self)
        self.browser.setFont(cjk_font(12))
        self.browser.setHtml(diff_html(original, current))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
