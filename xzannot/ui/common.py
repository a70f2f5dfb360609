"""Small things every part of the window shares: how long status messages stay, the zoom step,
and filling a translated text's ``%1``, ``%2``… placeholders."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

BRIEF_MS = 5000  # a status-bar hint (a mode switched, nothing further to go to)
LONG_MS = 8000  # a status-bar outcome worth reading (an import, an export, a task finished)
ZOOM_STEP = 1.25  # one step of Zoom In / Zoom Out, by menu or by key

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2``… replaced by ``values`` in order (in one pass, so a value
    that itself holds ``%2`` stays as it is); placeholders without a value are kept."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


def in_view(widget: QWidget) -> bool:
    """Whether any of ``widget`` is on screen: shown, and not behind another tab (the widget
    of a tabified dock stays "visible" while another tab is in front of it). Work for what is
    not in view waits until its dock is brought forward (``visibilityChanged``)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
