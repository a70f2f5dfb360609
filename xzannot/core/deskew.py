"""The skew of a scanned text page, estimated from its pixels (numpy only).

Rows of text lying level make the horizontal projection profile (dark pixels per row)
sharpest: full rows of ink between empty gaps. The page is shrunk to about 1000 pixels on
its long side and binarised with Otsu's threshold; the coordinates of its dark pixels are
sheared by each candidate angle and the angle whose profile has the largest variance wins,
found on a coarse grid, then refined in ``step`` increments around the best coarse angle.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

_TARGET_SIDE = 1000  # pixels on the long side after shrinking: enough for 0.1°, and fast
_COARSE_STEP = 0.25  # degrees; the peak is some ±0.5° wide at 1000 px: a 0.25 grid lands on it
_MIN_CONTRAST = 48.0  # grey levels between ink and paper; below it the page is blank (noise)
_MIN_DARK = 500  # dark pixels after shrinking; fewer cannot show rows of text
_MIN_DARK_FRACTION = 0.0005  # of the shrunk page's pixels: a stamp or a few specks
_SUB = 8  # bins per pixel of the projection profile


def _best_angle(score: Callable[[float], float], limit: float, step: float) -> float:
    """The angle within ``±limit`` that ``score`` rates highest: coarsely first, then in
    ``step``s around the best, to a fraction of a step by the parabola through the top."""
    coarse = max(step, _COARSE_STEP)
    count = round(limit / coarse)
    candidates = [min(limit, max(-limit, i * coarse)) for i in range(-count, count + 1)]
    best = max(candidates, key=score)
    fine = round(coarse / step)
    refined = [
        a
        for a in (best + i * step for i in range(-fine, fine + 1))
        if -limit - 1e-9 <= a <= limit + 1e-9
    ]
    scores = [score(a) for a in refined]
    top = int(np.argmax(scores))
    angle = refined[top]
    if 0 < top < len(refined) - 1:
        # the peak of the parabola through the best angle and its neighbours: sub-step accuracy
        left, mid, right = scores[top - 1], scores[top], scores[top + 1]
        curve = left - 2 * mid + right
        if curve < 0:
            angle += step * 0.5 * (left - right) / curve
    return angle


def estimate_skew(gray: npt.NDArray[np.uint8], *, limit: float = 5.0, step: float = 0.1) -> float:
    """The turn in degrees, counter-clockwise positive, that straightens a page (for Image.rotate).

    ``gray`` is a 2-D uint8 page, dark text on light paper; the tilt searched for lies within
    ``±limit`` degrees. A page turned ``a`` degrees counter-clockwise gives about ``-a``
    (rounded to 0.001). A blank page, one with too little ink, or a tilt within ``step`` of
    level gives 0.0.
    """
    if gray.ndim != 2 or gray.dtype != np.uint8:
        raise ValueError(
            f"estimate_skew needs a 2-D uint8 grayscale array, not {gray.dtype} {gray.shape}"
        )
    if limit <= 0 or step <= 0:
        raise ValueError(f"limit and step must be positive (got {limit}, {step})")
    small = _shrink(gray)
    dark = _dark_pixels(small)
    if dark is None:
        return 0.0
    ys, xs = dark
    # the shear is measured from the middle of the page, so the profile moves least
    xs -= (small.shape[1] - 1) / 2.0
    # one fixed range of bins for every angle: then the variance of the profile is its sum of
    # squares less a constant, and comparing sums of squares is enough
    reach = math.tan(math.radians(limit + step)) * float(np.abs(xs).max())
    ys = (ys + reach + 1.0) * _SUB
    xs *= _SUB
    bins = int((small.shape[0] + 2 * reach + 3) * _SUB)
    box = np.ones(_SUB)

    def score(angle: float) -> float:
        shifted = ys + xs * math.tan(math.radians(angle))
        # rows counted in 1/_SUB pixel bins, each pixel then spread over its own height: one
        # whole-pixel bin per row would favour level (integer) rows, biasing small tilts to 0
        profile = np.convolve(np.bincount(shifted.astype(np.intp), minlength=bins), box)
        return float(np.dot(profile, profile))

    angle = _best_angle(score, limit, step)
    # shearing by ``angle`` levels the rows: they rise to the right by ``angle`` (y grows
    # downwards), the page is turned counter-clockwise by it, and turning it back straightens it
    angle = -angle
    if abs(angle) < step:
        return 0.0
    return round(angle, 3)


def _shrink(gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The page shrunk by a whole factor to about ``_TARGET_SIDE`` on its long side.

    Each output pixel is the darkest of its block: thin strokes survive the shrinking,
    where a mean would fade them towards the paper.
    """
    factor = max(1, round(max(gray.shape) / _TARGET_SIDE))
    if factor == 1:
        return np.ascontiguousarray(gray, dtype=np.uint8)
    height, width = (gray.shape[0] // factor) * factor, (gray.shape[1] // factor) * factor
    # the minimum of strided views, one row then one column offset at a time: some thirty
    # times faster than a min over the axes of a reshaped block view
    rows = gray[0:height:factor, :width].copy()
    for offset in range(1, factor):
        np.minimum(rows, gray[offset:height:factor, :width], out=rows)
    small = rows[:, 0::factor].copy()
    for offset in range(1, factor):
        np.minimum(small, rows[:, offset::factor], out=small)
    return small


def _dark_pixels(
    small: npt.NDArray[np.uint8],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]] | None:
    """Row and column coordinates of the ink (Otsu's threshold), or None for a blank page."""
    if small.size == 0:
        return None
    histogram = np.bincount(small.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    below = np.cumsum(histogram)  # pixels at or below each level
    below_sum = np.cumsum(histogram * levels)
    total, total_sum = below[-1], below_sum[-1]
    above = total - below
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_below = below_sum / below
        mean_above = (total_sum - below_sum) / above
        between = below * above * (mean_below - mean_above) ** 2
    between[~np.isfinite(between)] = -1.0
    threshold = int(np.argmax(between))
    if between[threshold] <= 0:
        return None  # a single grey level: nothing on the page
    if mean_above[threshold] - mean_below[threshold] < _MIN_CONTRAST:
        return None  # Otsu split the paper's noise, not ink from paper
    dark_count = int(below[threshold])
    if dark_count < max(_MIN_DARK, _MIN_DARK_FRACTION * small.size):
        return None
    ys, xs = np.nonzero(small <= threshold)
    return ys.astype(np.float64), xs.astype(np.float64)
