"""The OCR engines xzannot can drive, each turning an RGB page image into lines of glyphs.

``rapidocr`` (PP-OCR models inside its wheel, run by onnxruntime) is the default: it boxes
every character and gives each a confidence. Tesseract with ``chi_sim`` is used where it is
installed (Debian: ``tesseract-ocr-chi-sim``); it is run as a command and read as hOCR.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from xzannot.core.ocr import Glyph, quad_box, split_box
from xzannot.errors import UserError
from xzannot.io.ocr.names import ENGINES

# weak lines are kept for review, not dropped (rapidocr drops lines under 0.5 by default)
_TEXT_SCORE = 0.3


class Engine(Protocol):
    """An engine loaded once in the worker process and called once per image."""

    name: str

    def recognise(self, image: Any, dpi: float) -> list[list[Glyph]]:
        """Lines of glyphs (boxes in the image's pixels) of an RGB ``numpy`` image."""
        ...


def _tesseract_languages() -> set[str]:
    command = shutil.which("tesseract")
    if command is None:
        return set()
    try:
        done = subprocess.run(
            [command, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in done.stdout.splitlines()[1:] if line.strip()}


@cache
def missing_reason(name: str) -> str | None:
    """Why engine ``name`` cannot run here, in words; None when it can."""
    if name == "rapidocr":
        for module, package in (("rapidocr", "rapidocr"), ("onnxruntime", "onnxruntime")):
            if importlib.util.find_spec(module) is None:
                return (
                    f"the rapidocr engine needs the {package} package: "
                    "install xzannot with its OCR extra (pip install 'xzannot[ocr]')"
                )
        return None
    if name == "tesseract":
        if shutil.which("tesseract") is None:
            return "Tesseract is not installed (Debian/Ubuntu: apt install tesseract-ocr-chi-sim)"
        if "chi_sim" not in _tesseract_languages():
            return (
                "Tesseract has no chi_sim model (Debian/Ubuntu: apt install tesseract-ocr-chi-sim)"
            )
        return None
    return f"unknown OCR engine {name!r} (one of {', '.join(ENGINES)})"


def available_engines() -> list[str]:
    """The engines that can run on this machine, the default first."""
    return [name for name in ENGINES if missing_reason(name) is None]


def check_engine(name: str) -> None:
    """Refuse, in words, an engine that cannot run here."""
    reason = missing_reason(name)
    if reason is not None:
        raise UserError(reason)


class RapidOcr:
    """PP-OCR (v6 small in rapidocr 3.10) with a box and a confidence per character."""

    def __init__(self, threads: int) -> None:
        from rapidocr import RapidOCR

        self._ocr = RapidOCR(
            params={
                "Global.use_cls": False,  # yearbook pages are upright
                "Global.log_level": "critical",
                "Det.limit_type": "max",
                "Det.limit_side_len": 1600,
                "Rec.rec_batch_num": 1,
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )
        self.name = f"rapidocr {metadata.version('rapidocr')}"

    def recognise(self, image: Any, dpi: float) -> list[list[Glyph]]:
        # the same arguments on every call: rapidocr keeps a call's arguments for later ones
        result: Any = self._ocr(
            image, return_word_box=True, return_single_char_box=True, text_score=_TEXT_SCORE
        )
        texts = result.txts or ()
        words = result.word_results or ()
        return [_line_glyphs(text, list(cells)) for text, cells in zip(texts, words, strict=False)]


def _line_glyphs(text: str, cells: list[Any]) -> list[Glyph]:
    """A line's characters with the boxes of rapidocr's per-character cells; the line's
    spaces (which have no cell) become boxless glyphs between words, and a cell holding
    several characters shares its box out among them."""
    queue = [(str(char), float(score), quad_box(quad)) for char, score, quad in cells]
    glyphs: list[Glyph] = []
    index, cell = 0, 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            if glyphs and glyphs[-1].char != " ":
                glyphs.append(Glyph(" ", None, None))
            index += 1
            continue
        if cell < len(queue) and queue[cell][0] and text.startswith(queue[cell][0], index):
            chars, score, box = queue[cell]
            glyphs.extend(
                Glyph(c, b, score) for c, b in zip(chars, split_box(box, len(chars)), strict=True)
            )
            index += len(chars)
            cell += 1
            continue
        glyphs.append(Glyph(char, None, None))  # a character the cells do not account for
        index += 1
    while glyphs and glyphs[-1].char == " ":
        glyphs.pop()
    return glyphs


class Tesseract:
    """Tesseract's ``chi_sim`` model, run as a command and read back from its hOCR."""

    def __init__(self, threads: int) -> None:
        command = shutil.which("tesseract")
        assert command is not None
        self._command = command
        self._env = {**os.environ, "OMP_THREAD_LIMIT": str(max(1, threads))}
        version = subprocess.run(
            [command, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
        first = (version.stdout or version.stderr).split("\n", 1)[0].strip()
        self.name = first or "tesseract"

    def recognise(self, image: Any, dpi: float) -> list[list[Glyph]]:
        from PIL import Image

        from xzannot.io.ocr_formats import read_ocr_file

        with tempfile.TemporaryDirectory(prefix="xzannot-ocr-") as folder:
            png = Path(folder) / "page.png"
            Image.fromarray(image).save(png, dpi=(dpi, dpi))
            done = subprocess.run(
                [
                    self._command,
                    str(png),
                    str(Path(folder) / "page"),
                    *("-l", "chi_sim", "--dpi", str(round(dpi)), "hocr"),
                ],
                capture_output=True,
                text=True,
                env=self._env,
                timeout=600,
                check=False,
            )
            if done.returncode != 0:
                raise UserError(f"Tesseract failed: {done.stderr.strip()[:300]}")
            pages = read_ocr_file(Path(folder) / "page.hocr")
        return [line for _, page in pages for line in page.lines]


_MAKERS: dict[str, Callable[[int], Engine]] = {"rapidocr": RapidOcr, "tesseract": Tesseract}


def load_engine(name: str, threads: int) -> Engine:
    """Load engine ``name`` (its models read once, ≈ 1 s) to run on ``threads`` threads."""
    check_engine(name)
    return _MAKERS[name](threads)
