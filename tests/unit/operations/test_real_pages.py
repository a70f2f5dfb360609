"""Correction never makes a real page worse than the text as extracted (tests/data/realpages)."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file
from tests.real_pages import corpus_stems, pdf_of, read_stem


@pytest.mark.parametrize("stem", corpus_stems())
def test_correction_never_makes_a_real_page_worse(stem: str) -> None:
    if not pdf_of(stem).exists():
        shared_file("realpdfs", f"{stem}.pdf")  # skips, saying why
    worse = [
        f"{page.name}: CER {page.cer_extracted:.2%} extracted, {page.cer_corrected:.2%} corrected"
        for page in read_stem(stem)
        if page.cer_corrected > page.cer_extracted
    ]
    assert not worse, "\n".join(worse)


def _table_rows(text: str) -> list[tuple[str, ...]]:
    return [
        tuple(cell.replace(" ", "") for cell in line.split("\t") if cell.strip())
        for line in text.split("\n")
        if "\t" in line
    ]


@pytest.mark.parametrize(
    ("stem", "number"),
    [
        ("pdfplumber_issue-336_anhui_land_standard_p173", 1),  # merged header cells
        ("rapiddoc_byd_2025q1_report_tables", 2),  # key figures, wrapped cells
        ("rapiddoc_byd_2025q1_report_tables", 6),  # a balance sheet
        ("pdfplumber_issue-67_quarterly_report", 10),
    ],
)
def test_ruled_tables_come_out_row_by_row_as_printed(stem: str, number: int) -> None:
    shared_file("realpdfs", f"{stem}.pdf")
    (page,) = [p for p in read_stem(stem) if p.number == number]
    assert _table_rows(page.corrected) == _table_rows(page.reference)


def test_pages_made_for_each_fault_come_out_as_printed() -> None:
    """Numbers, a name grid and check boxes; a sidebar written after its column; a vertical
    page with a double-line note and a head note (tests/data/madepages/make_pages.py)."""
    pages = read_stem("fault-classes")
    for page in pages:
        assert page.cer_corrected == 0.0, (page.name, page.corrected)
    assert pages[2].cer_extracted > 0.1  # the vertical page's layer starts with its head note
