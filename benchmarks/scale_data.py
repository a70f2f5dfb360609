"""Test material for the scale benchmark: long yearbook PDFs, made once and kept.

A PDF of N pages is the sample report (``resources/samples/xiuzhou-2022-report.txt``) laid
out as a dense two-column yearbook section with the shipped Noto CJK font, by the same code
that makes the bundled sample (``xzannot.ui.yearbook_pdf``). So that pages differ, the text
is repeated with its paragraphs and sentences shuffled and every number changed. Files are
kept in ``~/.cache/xzannot-bench/scale`` (or ``$XZANNOT_BENCH_CACHE``) under their page
count, so only the first run pays for making them. Sizes above ``BLOCK`` pages are that
many distinct files of ``BLOCK`` pages each, told apart by a comment after ``%%EOF`` (the
bytes differ, so their SHA-256 does, and none is taken for a file imported already).
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "resources" / "samples" / "xiuzhou-2022-report.txt"
BLOCK = 1000  # pages in one generated file; larger sizes are several files
CHARS_PER_PAGE = 2400  # about what one dense page holds (see GEOMETRY)
VERSION = 1  # bump when the text or layout changes, so cached files are made again


def cache_folder() -> Path:
    """Where generated files are kept between runs."""
    base = os.environ.get("XZANNOT_BENCH_CACHE") or Path.home() / ".cache" / "xzannot-bench"
    folder = Path(base) / "scale"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def varied_paragraphs(characters: int, seed: int) -> list[str]:
    """The report's paragraphs again and again until ``characters`` are reached, each round
    in another order, with sentences shuffled and numbers changed."""
    from xzannot.ui.yearbook_pdf import is_heading, read_paragraphs

    source = read_paragraphs(SOURCE)
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < characters:
        order = source[:]
        rng.shuffle(order)
        for paragraph in order:
            text = paragraph
            if not is_heading(paragraph):
                sentences = [s for s in re.split(r"(?<=。)", paragraph) if s]
                rng.shuffle(sentences)
                text = "".join(sentences)
            text = re.sub(r"\d+", lambda m: str(rng.randrange(1, 10 ** len(m[0]))), text)
            out.append(text)
            total += len(text)
    return out


def _write(path: Path, pages: int, seed: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from xzannot.ui.fonts import register_fonts
    from xzannot.ui.yearbook_pdf import Geometry, write_yearbook_pdf

    app = QGuiApplication.instance() or QGuiApplication(["xzannot-bench"])
    register_fonts()
    dense = Geometry(body_size=9.5, line_height=14.0)
    paragraphs = varied_paragraphs(int(pages * CHARS_PER_PAGE * 1.15), seed)
    partial = path.with_suffix(".part")
    made = write_yearbook_pdf(paragraphs, partial, geometry=dense, max_pages=pages)
    if made != pages:
        raise RuntimeError(f"made {made} pages, wanted {pages}")
    partial.replace(path)
    del app


def yearbook_pdf(pages: int) -> Path:
    """One PDF of ``pages`` pages (at most ``BLOCK``), made now unless kept from before."""
    if pages > BLOCK:
        raise ValueError(f"one file holds at most {BLOCK} pages; use yearbook_files")
    path = cache_folder() / f"yearbook-v{VERSION}-{pages}.pdf"
    if not path.exists():
        _write(path, pages, seed=pages)
    return path


def yearbook_files(pages: int) -> list[Path]:
    """Files holding ``pages`` pages together: one file, or copies of the ``BLOCK``-page
    file whose bytes differ after ``%%EOF``."""
    if pages <= BLOCK:
        return [yearbook_pdf(pages)]
    if pages % BLOCK:
        raise ValueError(f"sizes above {BLOCK} pages must be a multiple of it")
    block = yearbook_pdf(BLOCK)
    files = []
    for copy in range(pages // BLOCK):
        path = cache_folder() / f"yearbook-v{VERSION}-{BLOCK}-copy{copy + 1}.pdf"
        if not path.exists():
            path.write_bytes(block.read_bytes() + f"\n% xzannot-bench copy {copy + 1}\n".encode())
        files.append(path)
    return files
