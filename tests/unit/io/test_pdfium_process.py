"""pdfium runs in its own process: a crash, a hang or a huge allocation there ends the
request in a message naming the file and page, and the next request works."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_PDF
from xzannot.core.pages import LabelSource
from xzannot.errors import UserError
from xzannot.io.pdf_import import extract_pdf
from xzannot.io.pdfium_worker import Documents, PdfiumCrashed, PdfiumWorker
from xzannot.io.render import PageRenderer


def _pid(_documents: Documents) -> int:
    return os.getpid()


def _page_count(documents: Documents, path: Path) -> int:
    return len(documents.document(path))


def _crash(_documents: Documents) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _hang(_documents: Documents) -> None:
    time.sleep(60)


def _allocate(_documents: Documents, size: int) -> int:
    return len(bytearray(size))


def write_pdf(path: Path, objects: dict[int, bytes], root: int = 1) -> Path:
    """A PDF of these objects (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n" % size
    for number in range(size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    path.write_bytes(bytes(out))
    return path


def cyclic_labels_pdf(path: Path) -> Path:
    """Two pages whose /PageLabels number tree loops (object 7's /Kids point back to 6):
    pdfium's page-label call segfaults on it."""
    text = b"BT /F1 24 Tf 40 100 Td (Page) Tj ET"
    return write_pdf(
        path,
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /PageLabels 6 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
            b" /Resources << /Font << /F1 8 0 R >> >> >>",
            4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
            5: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
            b" /Resources << /Font << /F1 8 0 R >> >> >>",
            6: b"<< /Kids [7 0 R] >>",
            7: b"<< /Kids [6 0 R] >>",
            8: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        },
    )


def test_pdfium_runs_in_another_process(worker: PdfiumWorker) -> None:
    assert worker.call(_pid, where="asking") != os.getpid()
    assert worker.call(_page_count, SAMPLE_PDF, where="counting") >= 2


def test_a_crash_is_a_message_naming_the_place_and_the_next_request_works(
    worker: PdfiumWorker,
) -> None:
    first = worker.call(_pid, where="asking")
    crashed = r"pdfium failed on reading a\.pdf, page 3: it crashed \(signal 11\)"
    with pytest.raises(PdfiumCrashed, match=crashed):
        worker.call(_crash, where="reading a.pdf, page 3")
    second = worker.call(_pid, where="asking")
    assert second != first  # started again
    assert worker.call(_page_count, SAMPLE_PDF, where="counting") >= 2


def test_a_hang_is_stopped_after_the_time_limit() -> None:
    worker = PdfiumWorker(timeout=1.5)
    try:
        started = time.monotonic()
        with pytest.raises(PdfiumCrashed, match=r"gave up on showing b\.pdf, page 1: no answer"):
            worker.call(_hang, where="showing b.pdf, page 1")
        assert time.monotonic() - started < 20
        assert worker.call(_page_count, SAMPLE_PDF, where="counting") >= 2
    finally:
        worker.shutdown()


def test_the_process_memory_is_capped() -> None:
    worker = PdfiumWorker(memory_limit=1024**3)
    try:
        assert worker.call(_allocate, 10_000_000, where="allocating") == 10_000_000
        with pytest.raises(UserError, match="more memory than is available"):
            worker.call(_allocate, 2 * 1024**3, where="allocating")
        assert worker.call(_allocate, 10_000_000, where="allocating") == 10_000_000
    finally:
        worker.shutdown()


def test_a_pdf_whose_page_label_tree_crashes_pdfium_still_imports(
    worker: PdfiumWorker, tmp_path: Path
) -> None:
    pdf = cyclic_labels_pdf(tmp_path / "cyclic.pdf")
    pages = extract_pdf(worker, pdf)
    assert [p.number for p in pages] == [1, 2]
    assert all(p.label_source is not LabelSource.PDF for p in pages)
    assert "Page" in pages[0].text
    # and the same worker renders it afterwards
    image = PageRenderer(worker).render(pdf, 2, 1.0).result(timeout=60)
    assert (image.width, image.height) == (200, 200)


def test_a_render_that_crashes_pdfium_fails_its_future_only(
    worker: PdfiumWorker, tmp_path: Path
) -> None:
    renderer = PageRenderer(worker)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(SAMPLE_PDF.read_bytes()[:2000] + b"\n%%EOF\n")
    future = renderer.render(broken, 1, 1.0)
    with pytest.raises(UserError):
        future.result(timeout=60)
    assert renderer.render(SAMPLE_PDF, 1, 0.5).result(timeout=60).width > 0
