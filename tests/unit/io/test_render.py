from __future__ import annotations

from pathlib import Path

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


def test_a_huge_page_at_a_high_zoom_is_capped_in_pixels(
    worker: PdfiumWorker, tmp_path: Path
) -> None:
    """A 14,400-point page (the largest PDF allows) at 400 % would be 3.3 billion pixels
    (10 GB): it is rendered at the resolution the cap allows, and shown scaled up."""
    from tests.unit.io.test_pdfium_process import write_pdf
    from xzannot.io.pdf_render import MAX_PIXELS

    text = b"BT /F1 400 Tf 100 7000 Td (Big) Tj ET"
    pdf = write_pdf(
        tmp_path / "huge.pdf",
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
            5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        },
    )
    image = PageRenderer(worker).render(pdf, 1, 4.0).result(timeout=120)
    assert image.width * image.height <= MAX_PIXELS
    assert image.scale < 4.0 and abs(image.width - 14400 * image.scale) <= 1
    assert _ink(image.data) > 0


def _pixels(image: object) -> object:
    from PIL import Image

    return Image.frombuffer(
        "RGB",
        (image.width, image.height),
        bytes(image.data),
        "raw",
        "RGB",
        image.stride,
        1,  # type: ignore[attr-defined]
    )


def test_an_area_is_drawn_as_the_same_part_of_the_whole_page(worker: PdfiumWorker) -> None:
    from PIL import ImageChops

    renderer = PageRenderer(worker)
    area = (60.0, 100.0, 300.0, 160.0)  # points from the top left: a few lines of the text
    part = renderer.render_area(SAMPLE_PDF, 1, area, 2.0).result(timeout=30)
    assert (part.width, part.height) == (480, 120)
    whole = renderer.render(SAMPLE_PDF, 1, 2.0).result(timeout=30)
    cut = _pixels(whole).crop((120, 200, 600, 320))  # type: ignore[attr-defined]
    difference = ImageChops.difference(_pixels(part), cut).convert("L")  # type: ignore[arg-type]
    assert _ink(part.data) > 50  # glyphs, not a blank strip
    assert sum(difference.histogram()[40:]) < 0.01 * 480 * 120  # the same pixels
    # past the page's edge: clipped to it, never an error
    edge = renderer.render_area(SAMPLE_PDF, 1, (500.0, 800.0, 900.0, 900.0), 1.0).result(timeout=30)
    assert edge.width <= 96 and edge.height <= 42
