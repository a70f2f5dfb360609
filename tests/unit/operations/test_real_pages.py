"""Correction never makes a real page worse than the text as extracted (tests/data/realpages)."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file
from tests.real_pages import corpus_stems, read_stem


@pytest.mark.parametrize("stem", corpus_stems())
def test_correction_never_makes_a_real_page_worse(stem: str) -> None:
    shared_file("realpdfs", f"{stem}.pdf")
    worse = [
        f"{page.name}: CER {page.cer_extracted:.2%} extracted, {page.cer_corrected:.2%} corrected"
        for page in read_stem(stem)
        if page.cer_corrected > page.cer_extracted
    ]
    assert not worse, "\n".join(worse)
