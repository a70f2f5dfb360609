from __future__ import annotations

import io

from xzannot.cli import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_redrawn_in_place_on_a_terminal() -> None:
    screen = Terminal()
    progress = TerminalProgress("yearbook.pdf", screen)
    for done in range(301):
        progress(done, 300)
    shown = screen.getvalue()
    assert shown.startswith("\ryearbook.pdf: page 0/300 (0%)")
    assert "\ryearbook.pdf: page 150/300 (50%)" in shown
    assert shown.endswith("\ryearbook.pdf: page 300/300 (100%)\n")
    assert shown.count("\r") == 101  # once per percent, not once per page


def test_no_progress_lines_into_a_file_or_pipe() -> None:
    piped = io.StringIO()
    progress = TerminalProgress("yearbook.pdf", piped)
    progress(1, 3)
    progress(3, 3)
    assert piped.getvalue() == ""
