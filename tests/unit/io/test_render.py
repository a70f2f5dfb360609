from __future__ import annotations

from tests.conftest import SAMPLE_PDF
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer


def _ink(data: memoryview) -> int:
    """How many sampled bytes are not white."""
    return sum(1 for b in data[::97] if b < 200)


def test_render_at_150_dpi_has_the_page_size_and_ink(worker: PdfiumWorker) -> None:
    renderer = PageRenderer(worker)
    image = renderer.render_dpi(SAMPLE_PDF, 2, 150).result(timeout=30)
    assert abs(image.width - round(595.28 * 150 / 72)) <= 1
    assert abs(image.height - round(841.89 * 150 / 72)) <= 1
    assert image.stride >= image.width * 3
    assert image.data.nbytes == image.stride * image.height
    assert _ink(image.data) > 100  # text was drawn


def test_renders_are_cached_per_scale(worker: PdfiumWorker) -> None:
    renderer = PageRenderer(worker)
    first = renderer.render(SAMPLE_PDF, 1, 1.0).result(timeout=30)
    again = renderer.render(SAMPLE_PDF, 1, 1.0).result(timeout=30)
    bigger = renderer.render(SAMPLE_PDF, 1, 2.0).result(timeout=30)
    assert again is first
    assert bigger.width == 2 * first.width or abs(bigger.width - 2 * first.width) <= 1


def test_cache_is_bounded(worker: PdfiumWorker) -> None:
    renderer = PageRenderer(worker, cache_bytes=1)
    first = renderer.render(SAMPLE_PDF, 1, 0.5).result(timeout=30)
    renderer.render(SAMPLE_PDF, 2, 0.5).result(timeout=30)
    assert renderer.render(SAMPLE_PDF, 1, 0.5).result(timeout=30) is not first
