"""Pages spooled to a temporary file while a long import reads them."""

from __future__ import annotations

from xzannot.core.pages import ExtractedPage, LabelSource, TextSource
from xzannot.io.page_spool import PageSpool


def _page(number: int, text: str = "加速城乡融合") -> ExtractedPage:
    boxes = [(float(i), 10.0, float(i) + 9.5, 20.0) for i in range(len(text))]
    return ExtractedPage(
        number=number,
        width=595.0,
        height=842.0,
        text=text,
        boxes=list(boxes),
        source=TextSource.PDF if text else TextSource.NONE,
        printed_label=str(number + 20),
        label_source=LabelSource.FOLIO,
    )


def test_pages_come_back_as_they_went_in_one_at_a_time() -> None:
    pages = [_page(n, "第二页文字" * n) for n in range(1, 6)] + [_page(6, "")]
    spool = PageSpool(pages)
    assert len(spool) == 6
    assert list(spool) == pages
    assert spool[2] == pages[2] and spool[-1] == pages[-1]
    assert spool[1:3] == pages[1:3]
    assert spool.needing_text == 1  # the page without text
    spool[0].text = "changed"  # a page read back is a copy: the spool keeps what was read
    assert spool[0].text == pages[0].text


def test_labels_corrected_after_reading_are_what_is_stored() -> None:
    spool = PageSpool([_page(1), _page(2), _page(3)])
    label = spool.labels[1]
    assert (label.number, label.printed_label, label.label_source) == (2, "22", LabelSource.FOLIO)
    label.printed_label, label.label_source = None, LabelSource.NONE  # a stray folio dropped
    assert (spool[1].printed_label, spool[1].label_source) == (None, LabelSource.NONE)
    assert [p.printed_label for p in spool] == ["21", None, "23"]


def test_closing_lets_the_pages_go() -> None:
    spool = PageSpool([_page(1)])
    spooled = spool._file
    assert spooled is not None and not spooled.closed
    spool.close()
    assert spooled.closed and len(spool) == 0 and list(spool) == []
