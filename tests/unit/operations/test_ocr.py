"""OCR of scanned pages: reading, storing, resuming, the queue, regions, exports and imports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import shared_file
from tests.scans import SCAN_DPI, Scans, around, render_pages, write_tiff
from tests.unit.test_cli import xzannot as run_cli
from tests.xml_schemas import schema
from xzannot.core.cer import cer, comparable
from xzannot.core.ocr import is_low
from xzannot.errors import UserError
from xzannot.io.ocr.job import OcrJob
from xzannot.io.ocr.worker import OcrWorker
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.correcting import correct_page_in
from xzannot.operations.exporting import export
from xzannot.operations.importing import import_document
from xzannot.operations.labelling import add_span
from xzannot.operations.ocr import (
    accept,
    choose_pages,
    ocr_pages,
    put_region_text,
    read_region,
    unaccept,
    unsure,
)
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages, page_content
from xzannot.store.ocr import page_image
from xzannot.store.spans import list_spans

pytestmark = pytest.mark.xdist_group("ocr")  # one process makes the OCR'd project once


def xzannot(*args: str | Path) -> tuple[int, str, str]:
    import os

    done = run_cli(*args, env_dir=Path(os.environ["XZANNOT_DATA_DIR"]))
    return int(done.returncode), done.stdout, done.stderr


def _pages(db: Path) -> list[int]:
    with open_project(db) as project, project.session() as session:
        return [p.id for p in list_pages(session)]


def _content(db: Path, page_id: int) -> object:
    with open_project(db) as project, project.transaction() as session:
        correct_page_in(session, page_id)
        return page_content(session, page_id)


@pytest.fixture(scope="module")
def ocr() -> object:
    with OcrWorker("rapidocr", threads=2) as worker:
        yield worker


def test_a_tiff_becomes_pages_sized_from_its_resolution(scans: Scans, db_path: Path) -> None:
    with open_project(db_path) as project:
        outcome = import_document(project, PdfiumWorker(), scans.tiff)
        with project.session() as session:
            pages = list_pages(session, outcome.document_id)
    assert outcome.pages == 2 and outcome.pages_needing_text == 2
    assert len(outcome.page_ids_needing_text) == 2
    # the sample PDF's pages are 595 × 842 points (A4); the scan at 200 dpi keeps that size
    assert [round(p.width) for p in pages] == [595, 595]
    assert [round(p.height) for p in pages] == [842, 842]
    assert all(p.needs_text for p in pages)


def test_ocr_reads_the_scans_in_reading_order(scans: Scans, scanned_db: Path) -> None:
    with open_project(scanned_db) as project, project.session() as session:
        # the folios printed at the foot, read now that the scan is read
        assert [p.printed_label for p in list_pages(session)] == ["21", "22"]
    for page_id, expected in zip(_pages(scanned_db), scans.expected, strict=True):
        content = _content(scanned_db, page_id)
        assert content.source == "ocr"
        assert content.engine.startswith("rapidocr")
        # two columns, running head and folio: the layout engine reads them as on a PDF page
        assert cer(comparable(content.current), comparable(expected)) <= 0.02
        # the engine's own line order is not reading order: the correction is what fixes it
        assert cer(comparable(content.original), comparable(expected)) > 0.2


def test_every_recognised_character_has_a_box_and_a_confidence(scanned_db: Path) -> None:
    content = _content(scanned_db, _pages(scanned_db)[0])
    printed = [i for i, c in enumerate(content.original) if not c.isspace()]
    boxes = content.original_boxes
    assert all(boxes[i] is not None for i in printed)
    confidences = content.confidences
    assert len(confidences) == len(content.current)
    known = [c for c in confidences if c is not None]
    assert len(known) > 0.9 * len(content.current)
    assert all(0.0 <= c <= 1.0 for c in known)
    # boxes lie on the page (points)
    page = content.page
    assert all(0 <= b[0] < b[2] <= page.width + 1 for b in boxes if b is not None)


def test_the_queue_holds_the_unsure_characters_until_accepted(scanned_db: Path) -> None:
    with open_project(scanned_db) as project:
        page_id = _pages(scanned_db)[0]
        queue = unsure(project, page_id)
        content = _content(scanned_db, page_id)
        assert queue, "a page of OCR has characters below the queue's confidence"
        assert all(is_low(u.confidence) for u in queue)
        assert all(content.current[u.position] == u.char for u in queue)
        first = queue[0]
        assert accept(project, page_id, [first.original]) == [first.original]
        after = unsure(project, page_id)
        assert first.original not in {u.original for u in after}
        assert len(after) == len(queue) - 1
        unaccept(project, page_id, [first.original])
        assert len(unsure(project, page_id)) == len(queue)


def test_a_corrected_character_leaves_the_queue(scanned_db: Path) -> None:
    with open_project(scanned_db) as project:
        page_id = _pages(scanned_db)[0]
        first = unsure(project, page_id)[0]
        from xzannot.core.edits import Edit
        from xzannot.operations.reviewing import manual_edit

        manual_edit(project, page_id, Edit(first.position, first.position + 1, "〇"), "甲")
        assert first.original not in {u.original for u in unsure(project, page_id)}


def test_an_interrupted_run_keeps_what_it_read_and_the_next_goes_on(
    db_path: Path, tmp_path: Path, ocr: OcrWorker
) -> None:
    # two small scans (a few lines each), so that the run is quick
    images = [im.crop((150, 150, 1500, 500)) for im in render_pages(_sample(), [1, 2], SCAN_DPI)]
    tiff = write_tiff(images, tmp_path / "strips.tif", SCAN_DPI)
    with open_project(db_path) as project:
        import_document(project, PdfiumWorker(), tiff)
        chosen = choose_pages(project)
        assert len(chosen) == 2
        cancel = threading.Event()

        def stop_after_first(done: int, _total: int) -> None:
            if done == 1:
                cancel.set()

        first = ocr_pages(project, ocr, chosen, progress=stop_after_first, cancel=cancel)
        assert first.cancelled and [p for p, _ in first.read] == chosen[:1]
        assert choose_pages(project) == chosen[1:]  # the first page is read and kept
        second = ocr_pages(project, ocr, chosen)
        assert [p for p, _ in second.read] == chosen[1:]
        assert second.already == 1  # the page read before was passed over
        assert choose_pages(project) == []


def test_a_tilted_scan_is_straightened_and_read(
    db_path: Path, tmp_path: Path, ocr: OcrWorker
) -> None:
    """A scan turned by 1.5° is measured, straightened and read as the same scan set
    straight; its boxes sit on the straightened image (what the window and PAGE show)."""
    (page,) = render_pages(_sample(), [1], SCAN_DPI)
    top = page.crop((0, 0, page.width, page.height // 4))
    top.paste(255, (0, page.height // 4 - 100, page.width, page.height // 4))  # a margin
    tilted = top.rotate(1.5, fillcolor=255, resample=3)
    tiff = write_tiff([top, tilted], tmp_path / "tilted.tif", SCAN_DPI)
    with open_project(db_path) as project:
        import_document(project, PdfiumWorker(), tiff)
        outcome = ocr_pages(project, ocr, choose_pages(project))
        (straight_id, _), (tilted_id, _) = outcome.read
        with project.session() as session:
            straight_image = page_image(session, straight_id)
            tilted_image = page_image(session, tilted_id)
    assert straight_image is not None and straight_image.skew == 0.0
    assert tilted_image is not None and abs(tilted_image.skew + 1.5) < 0.2  # turned back
    # the running head is furniture on one page, not the other (each is the other's neighbour)
    straight = _content(db_path, straight_id).current.removeprefix("秀洲年鉴2022\n")
    read = _content(db_path, tilted_id).current.removeprefix("秀洲年鉴2022\n")
    assert cer(comparable(read), comparable(straight)) <= 0.02


def _sample() -> Path:
    from tests.conftest import SAMPLE_PDF

    return SAMPLE_PDF


def test_a_page_with_someone_s_work_is_not_read_again(scanned_db: Path, ocr: OcrWorker) -> None:
    page_id = _pages(scanned_db)[0]
    with open_project(scanned_db) as project:
        add_span(project, page_id, (0, 4), "target", "甲")
        outcome = ocr_pages(project, ocr, [page_id], again=True)
        assert outcome.read == []
        assert "1 span" in outcome.skipped[0]
        with project.session() as session:
            assert len(list_spans(session, page_id)) == 1


def test_a_region_read_again_replaces_its_characters_and_spans_follow(
    scanned_db: Path, ocr: OcrWorker
) -> None:
    page_id = _pages(scanned_db)[0]
    content = _content(scanned_db, page_id)
    text = content.current
    # the first line of the left column's body: its characters' boxes make the region
    start = text.index("\n") + 1
    end = text.index("\n", start)
    region = around(content.boxes[start:end])
    with open_project(scanned_db) as project:
        read = read_region(project, ocr, page_id, region)
        assert cer(comparable(read), comparable(text[start:end])) <= 0.1
        span = add_span(project, page_id, (end + 1, end + 5), "target", "甲")
        put_region_text(project, page_id, region, "新的一行", author="甲", evidence="test")
        after = _content(scanned_db, page_id)
        assert after.current == text[:start] + "新的一行" + text[end:]
        with project.session() as session:
            (moved,) = list_spans(session, page_id)
        shift = len("新的一行") - (end - start)
        assert (moved.start, moved.end) == (span.start + shift, span.end + shift)
        assert moved.quote == span.quote
        with pytest.raises(UserError, match="reads the same"):
            put_region_text(project, page_id, region, "新的一行", author="甲", evidence="test")


def test_page_xml_and_alto_carry_the_confidences_and_validate(
    scanned_db: Path, tmp_path: Path
) -> None:
    with open_project(scanned_db) as project:
        export(project, "pagexml", tmp_path / "page")
        export(project, "alto", tmp_path / "alto")
    page_files = sorted((tmp_path / "page").glob("*.xml"))
    assert len(page_files) == 2
    for path in page_files:
        document = etree.parse(str(path))
        assert schema("pagecontent-2019-07-15.xsd").validate(document), path
        confs = [float(c) for c in document.xpath("//*[local-name()='Glyph']/*/@conf")]
        assert confs and all(0 <= c <= 1 for c in confs) and min(confs) < 1
    for path in sorted((tmp_path / "alto").glob("*.xml")):
        document = etree.parse(str(path))
        assert schema("alto-4-4.xsd").validate(document), path
        assert document.xpath("//*[local-name()='Glyph']/@GC")


def test_ocr_d_s_validator_accepts_the_page_xml(scanned_db: Path, tmp_path: Path) -> None:
    """OCR-D checks what the schema cannot: each level's text is its parts' text, and each
    element lies inside its parent."""
    validators = pytest.importorskip(
        "ocrd_validators", reason="OCR-D (the consumers extra) is not installed"
    )
    from ocrd_models.ocrd_page import parse

    with open_project(scanned_db) as project:
        export(project, "pagexml", tmp_path / "page")
    for path in sorted((tmp_path / "page").glob("*.xml")):
        report = validators.PageValidator.validate(
            ocrd_page=parse(str(path), silence=True),
            page_textequiv_consistency="strict",
            check_coords=True,
        )
        assert report.is_valid, (path.name, report.errors[:5])


def test_our_page_xml_imports_back_with_its_image(
    scans: Scans, scanned_db: Path, tmp_path: Path, db_path: Path
) -> None:
    """PAGE XML with its images (as Transkribus or OCR-D give them) comes in as OCR'd pages."""
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.io.render import PageRenderer
    from xzannot.operations.exporting import page_images

    folder = tmp_path / "page"
    pdfium = PdfiumWorker()
    try:
        with open_project(scanned_db) as project:
            export(project, "pagexml", folder, render=page_images(project, PageRenderer(pdfium)))
            before = [_content(scanned_db, p).current for p in _pages(scanned_db)]
        first = sorted(folder.glob("*.xml"))[0]
        with open_project(db_path) as project:
            outcome = import_document(project, pdfium, first)
            with project.session() as session:
                (page,) = list_pages(session, outcome.document_id)
                image = page_image(session, page.id)
        assert image is not None and Path(image.path).parent == folder
        content = _content(db_path, page.id)
        assert content.source == "ocr"
        assert content.engine.startswith("PAGE XML")
        assert cer(comparable(content.current), comparable(before[0])) <= 0.01
        assert any(c is not None and c < 1 for c in content.confidences)
    finally:
        pdfium.shutdown()


def test_a_page_that_takes_too_long_is_given_up_and_the_worker_recovers(scans: Scans) -> None:
    job = OcrJob(scans.tiff, "image", 0, 200)
    with OcrWorker("rapidocr", threads=1, page_timeout=0.05) as worker:
        with pytest.raises(UserError, match=r"gave up on reading sample-scan\.tif, frame 1"):
            worker.run(job)
        worker.page_timeout = 120
        strip = worker.run(OcrJob(scans.tiff, "image", 0, 200, region=(60, 60, 500, 140)))
        assert strip.lines  # a new worker process read it


def test_a_cancel_stops_the_page_being_read(scans: Scans) -> None:
    cancel = threading.Event()
    threading.Timer(1.5, cancel.set).start()
    with OcrWorker("rapidocr", threads=1) as worker:
        from xzannot.errors import CancelledError

        with pytest.raises(CancelledError):
            worker.run(OcrJob(scans.tiff, "image", 0, 300), cancel)


def test_an_unknown_engine_is_refused_in_words() -> None:
    with pytest.raises(UserError, match="unknown OCR engine"):
        OcrWorker("abbyy")


def test_the_command_line_reads_a_scanned_pdf(tmp_path: Path) -> None:
    scan = shared_file("realpdfs", "rapiddoc_disciplinary_decision_scan_no_text.pdf")
    db = tmp_path / "p.sqlite"
    code, out, err = xzannot("import", "--db", db, scan)
    assert code == 0 and "4 without a text layer" in out
    code, out, err = xzannot("text", "--db", db, "--page", "1")
    assert code == 1 and "has no text yet" in err and "xzannot ocr" in err
    code, out, err = xzannot("ocr", "--db", db, "--pages", "1", "--dpi", "200")
    assert code == 0, err
    assert out.startswith("read 1 page (")
    code, out, err = xzannot("text", "--db", db, "--page", "1")
    assert code == 0
    assert "纪律处分决定书" in out and "中国证券投资基金业协会" in out
    code, out, _ = xzannot("ocr", "--db", db, "--pages", "1")
    assert code == 0 and "1 pages had been read before" in out


def test_a_line_under_a_red_seal_is_read(ocr: OcrWorker) -> None:
    """The issuing body's name, stamped over with a red seal, is read with the seal's red
    taken out; the seal's own ring of characters is not taken for a line."""
    scan = shared_file("realpdfs", "rapiddoc_disciplinary_decision_scan_no_text.pdf")
    page = ocr.run(OcrJob(scan, "pdf", 3, 200))
    lines = ["".join(g.char for g in line) for line in page.lines]
    assert "中国证券投资基金业协会" in lines
    signed = lines.index("中国证券投资基金业协会")
    assert lines[signed + 1].startswith("2025年11月25日")  # in its place, above the date
    assert len(lines) <= 18


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dpi", "10"], "--dpi 10 is not a resolution"),
        (["--pages", "9"], "has no page 9"),
        (["--engine", "tesseract"], "Tesseract"),
    ],
)
def test_command_line_mistakes(scanned_db: Path, args: list[str], message: str) -> None:
    from xzannot.io.ocr.engines import missing_reason

    if args[0] == "--engine" and missing_reason("tesseract") is None:
        pytest.skip("Tesseract is installed here: the engine runs")
    code, _, err = xzannot("ocr", "--db", scanned_db, *args)
    assert code == 1 and message in err


def test_every_page_read_already_is_said(scanned_db: Path) -> None:
    code, out, _ = xzannot("ocr", "--db", scanned_db)
    assert code == 0 and "every page has a text already" in out


def test_tesseract_is_a_fallback_where_installed(scans: Scans) -> None:
    from xzannot.io.ocr.engines import missing_reason

    reason = missing_reason("tesseract")
    if reason is not None:
        pytest.skip(reason)
    job = OcrJob(scans.tiff, "image", 0, 200, region=(60, 60, 540, 160))
    with OcrWorker("tesseract", threads=1) as worker:
        page = worker.run(job)
    layer = page.layer()
    assert worker.engine_name.startswith("tesseract")
    assert sum("\u4e00" <= c <= "\u9fff" for c in layer.text) >= 5
    assert all(
        b is not None for c, b in zip(layer.text, layer.boxes, strict=True) if not c.isspace()
    )
