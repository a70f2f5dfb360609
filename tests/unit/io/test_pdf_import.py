from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import DATA, REAL_PDFS, SAMPLE_PDF, SAMPLE_SOURCE, shared_file
from xzannot.core.pages import LabelSource, TextSource
from xzannot.errors import CancelledError, UserError
from xzannot.io.pdf_import import extract_pdf
from xzannot.io.pdfium_worker import PdfiumWorker


def _fold(text: str) -> str:
    """Fold Kangxi radicals (which Qt-written text layers use) and drop whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_sample_pages_sizes_labels_text_and_boxes(worker: PdfiumWorker) -> None:
    pages = extract_pdf(worker, SAMPLE_PDF)
    assert [p.number for p in pages] == [1, 2, 3]
    assert [p.printed_label for p in pages] == ["21", "22", "23"]
    assert all(p.label_source is LabelSource.FOLIO for p in pages)
    for page in pages:
        assert page.width == pytest.approx(595.28, abs=0.5)
        assert page.height == pytest.approx(841.89, abs=0.5)
        assert page.source is TextSource.PDF
        assert len(page.boxes) == len(page.text)
        for char, box in zip(page.text, page.boxes, strict=True):
            if char.isspace():
                continue
            assert box is not None, f"{char!r} has no box"
            left, top, right, bottom = box
            assert 0 <= left < right <= page.width
            assert 0 <= top < bottom <= page.height
    every_char = _fold("".join(p.text for p in pages))
    source = _fold(SAMPLE_SOURCE.read_text(encoding="utf-8"))
    # every character of the laid-out report is on the pages, in some order
    for phrase in (
        "加速城乡融合",
        "城镇新增就业人数1.6万人以上",
        "智慧医保+未来社区",
        "人代会票决",
    ):
        assert phrase in source
        assert all(ch in every_char for ch in phrase)


def test_box_of_folio_lies_at_the_foot(worker: PdfiumWorker) -> None:
    page = extract_pdf(worker, SAMPLE_PDF)[1]
    index = page.text.index("— 22 —") + 2
    box = page.boxes[index]
    assert box is not None
    assert box[1] > page.height * 0.85


@pytest.mark.parametrize(
    ("name", "pages", "phrase"),
    [
        ("pdfplumber_issue-336_anhui_land_standard_p173.pdf", 1, "安徽省建设用地使用标准"),
        ("pdfplumber_issue-67_quarterly_report.pdf", 22, "东北电气发展股份有限公司"),
        ("pdfjs_XiaoBiaoSong_toc.pdf", 1, "关 于 红 军 作 战 的 原 则"),
        ("pdfplumber_pr-136_scanned_with_ocr_layer.pdf", 6, "说阴"),
    ],
)
def test_real_pdfs_import_with_text_and_boxes(
    worker: PdfiumWorker, name: str, pages: int, phrase: str
) -> None:
    extracted = extract_pdf(worker, shared_file("realpdfs", name))
    assert len(extracted) == pages
    assert phrase in extracted[0].text
    assert all(len(p.boxes) == len(p.text) for p in extracted)


def test_real_pdf_folio_from_running_header(worker: PdfiumWorker) -> None:
    path = shared_file("realpdfs", "pdfplumber_issue-336_anhui_land_standard_p173.pdf")
    page = extract_pdf(worker, path)[0]
    assert page.printed_label == "173"


def test_scan_without_text_layer_needs_text(worker: PdfiumWorker) -> None:
    (page,) = extract_pdf(worker, DATA / "scanned-no-text.pdf")
    assert page.needs_text
    assert page.source is TextSource.NONE
    assert page.width > 500


def test_encrypted_pdf_asks_for_its_password(worker: PdfiumWorker) -> None:
    path = DATA / "encrypted-sample.pdf"
    with pytest.raises(UserError, match="encrypted; give its password with --password"):
        extract_pdf(worker, path)
    with pytest.raises(UserError, match="password is wrong"):
        extract_pdf(worker, path, password="guess")
    assert len(extract_pdf(worker, path, password="secret")) == 3


def test_truncated_pdf_is_refused(worker: PdfiumWorker, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(SAMPLE_PDF.read_bytes()[: SAMPLE_PDF.stat().st_size // 2])
    with pytest.raises(UserError, match="truncated"):
        extract_pdf(worker, cut)


def test_damaged_pdf_is_refused(worker: PdfiumWorker, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"garbage " * 500 + b"\n%%EOF\n")
    with pytest.raises(UserError, match="damaged or not a PDF"):
        extract_pdf(worker, bad)


def test_not_a_pdf_is_refused(worker: PdfiumWorker, tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError, match="is not a PDF"):
        extract_pdf(worker, fake)


def test_progress_is_reported_per_page(worker: PdfiumWorker) -> None:
    seen: list[tuple[int, int]] = []
    extract_pdf(worker, SAMPLE_PDF, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancel_stops_between_pages(worker: PdfiumWorker) -> None:
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 1:
            cancel.set()

    with pytest.raises(CancelledError):
        extract_pdf(worker, SAMPLE_PDF, progress=progress, cancel=cancel)


@pytest.mark.parametrize("name", [SAMPLE_PDF.name, "scanned-no-text.pdf", *REAL_PDFS])
def test_text_read_in_one_call_matches_reading_each_character(name: str) -> None:
    import pypdfium2 as pdfium

    from xzannot.io.pdf_text import page_text_and_boxes

    if name == SAMPLE_PDF.name:
        path = SAMPLE_PDF
    elif (DATA / name).exists():
        path = DATA / name
    else:
        path = shared_file("realpdfs", name)
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            height = page.get_height()
            assert page_text_and_boxes(page, height) == page_text_and_boxes(
                page, height, one_call=False
            )
            page.close()
    finally:
        pdf.close()


def _pdf_with_page_labels(path: Path) -> None:
    """Three empty pages labelled i, ii, 5 through the catalog's /PageLabels tree."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R"
        b" /PageLabels << /Nums [0 << /S /r >> 2 << /S /D /St 5 >>] >> >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 3,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def test_pdf_page_labels_win_over_folios(worker: PdfiumWorker, tmp_path: Path) -> None:
    path = tmp_path / "labelled.pdf"
    _pdf_with_page_labels(path)
    pages = extract_pdf(worker, path)
    assert [(p.printed_label, p.label_source) for p in pages] == [
        ("i", LabelSource.PDF),
        ("ii", LabelSource.PDF),
        ("5", LabelSource.PDF),
    ]
    assert all(p.needs_text for p in pages)


def test_a_garbled_text_layer_is_flagged_and_its_page_numbers_not_believed(
    worker: PdfiumWorker,
) -> None:
    path = shared_file("realpdfs", "rapiddoc_GBT3620.1-2016_standard_rotated_tables.pdf")
    pages = extract_pdf(worker, path)
    assert [p.number for p in pages if p.suspect] == [5, 6, 7, 8, 9]  # the rotated tables
    assert "OCR" in (pages[5].suspect or "")
    labels = {p.number: p.printed_label for p in pages}
    assert labels[6] == "4" and labels[8] == "6" and labels[10] == "8"
    assert labels[7] is None and labels[9] is None  # "9" and "5" read from the garble
