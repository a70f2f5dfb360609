"""Skew measured on synthetic pages (rows of word-like blocks, or drawn text) at known tilts."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from xzannot.core.deskew import estimate_skew


@cache  # drawn once per layout; the tests only read it
def _page(
    width: int = 2500,
    height: int = 3500,
    *,
    glyph: int = 40,
    leading: int = 64,
    columns: int = 1,
    seed: int = 0,
) -> Image.Image:
    """A grey page of text-like rows: dark blocks the size of characters, ragged line ends."""
    rng = np.random.default_rng(seed)
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    margin = width // 12
    column_width = (width - 2 * margin) // columns
    for column in range(columns):
        left = margin + column * column_width
        right = left + column_width - glyph
        y = margin
        while y + glyph < height - margin:
            x = left + (2 * glyph if rng.random() < 0.2 else 0)  # indented paragraph start
            end = right - (int(rng.integers(0, column_width // 2)) if rng.random() < 0.2 else 0)
            while x + glyph <= end:
                draw.rectangle([x, y, x + glyph - 4, y + glyph], fill=int(rng.integers(0, 70)))
                x += glyph + 4
            y += leading
    return page


def _tilted(page: Image.Image, degrees: float) -> np.ndarray:
    """The page scanned crooked: turned ``degrees`` counter-clockwise, paper in the corners."""
    turned = page.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=250)
    return np.asarray(turned)


@pytest.mark.parametrize("tilt", [-2.5, -1.0, 0.5, 1.0, 3.0])
def test_a_tilted_page_is_measured_within_0_15_degrees(tilt: float) -> None:
    page = _page()
    angle = estimate_skew(_tilted(page, tilt))
    # the answer is the turn that straightens the page: the tilt, the other way
    assert angle == pytest.approx(-tilt, abs=0.15)
    # and Pillow turning the page by it leaves nothing to straighten
    straightened = Image.fromarray(_tilted(page, tilt)).rotate(
        angle, resample=Image.Resampling.BILINEAR, fillcolor=250
    )
    assert estimate_skew(np.asarray(straightened)) == 0.0


@pytest.mark.parametrize("tilt", [-1.5, 2.0])
def test_two_columns_of_small_text_on_a_landscape_page(tilt: float) -> None:
    page = _page(3500, 2500, glyph=24, leading=38, columns=2, seed=3)
    assert estimate_skew(_tilted(page, tilt)) == pytest.approx(-tilt, abs=0.15)


def test_drawn_text_lines() -> None:
    page = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=36)
    words = ["the", "yearbook", "of", "county", "records", "harvest", "roads", "and", "schools"]
    rng = np.random.default_rng(7)
    for row in range(40):
        line = " ".join(rng.choice(words, size=10))
        draw.text((150, 150 + row * 48), line, fill=0, font=font)
    assert estimate_skew(_tilted(page, -1.2)) == pytest.approx(1.2, abs=0.15)


def test_a_tilt_beyond_the_default_limit_is_found_with_a_wider_one() -> None:
    tilted = _tilted(_page(1250, 1750, glyph=20, leading=32), 7.0)
    assert estimate_skew(tilted, limit=10.0) == pytest.approx(-7.0, abs=0.15)
    # within the default ±5 degrees the answer stays inside the search range
    assert abs(estimate_skew(tilted)) <= 5.0 + 1e-9


def test_a_level_page_gives_exactly_zero() -> None:
    assert estimate_skew(np.asarray(_page())) == 0.0


def test_a_tilt_within_a_step_of_level_gives_zero() -> None:
    assert estimate_skew(_tilted(_page(), 0.04)) == 0.0
    # a finer step measures it
    assert estimate_skew(_tilted(_page(), 0.5), step=0.05) == pytest.approx(-0.5, abs=0.1)


def test_blank_pages_give_zero() -> None:
    white = np.full((3500, 2500), 255, dtype=np.uint8)
    assert estimate_skew(white) == 0.0
    # the paper's grain and faint shading, turned: Otsu would split them, but there is no ink
    rng = np.random.default_rng(1)
    shaded = Image.new("L", (2500, 3500), 245)
    for y in range(300, 3300, 400):
        ImageDraw.Draw(shaded).rectangle([0, y, 2500, y + 150], fill=228)
    grain = rng.integers(-4, 5, size=(3500, 2500))
    paper = np.clip(np.asarray(shaded.rotate(2.0, fillcolor=245)) + grain, 0, 255)
    assert estimate_skew(paper.astype(np.uint8)) == 0.0
    # a few specks of dust are not rows of text
    specks = white.copy()
    for y, x in rng.integers(100, 2400, size=(40, 2)):
        specks[y : y + 6, x : x + 6] = 0
    assert estimate_skew(specks) == 0.0
    assert estimate_skew(np.zeros((0, 0), dtype=np.uint8)) == 0.0


def test_only_a_grey_2d_array_is_accepted() -> None:
    with pytest.raises(ValueError, match="2-D uint8"):
        estimate_skew(np.zeros((10, 10, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match="2-D uint8"):
        estimate_skew(np.zeros((10, 10), dtype=np.float64))
