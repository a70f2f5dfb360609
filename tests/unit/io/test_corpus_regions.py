"""The page layout PAGE XML and ALTO are written from: worked out for a whole page at once,
it must give what working glyph by glyph gives."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr, unescape

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.alto import alto_xml
from xzannot.io.corpus.pagexml import page_xml
from xzannot.io.corpus.regions import (
    SCALE,
    Line,
    PageLayout,
    numerals,
    page_layout,
    pixels,
    xml_attr,
    xml_char,
    xml_chars,
    xml_text,
)

# whole and half pixels (rounded half to even, as round() does), negatives, huge ones
_COORDINATES = st.one_of(
    st.floats(-20, 3000, allow_nan=False),
    st.integers(-10, 6000).map(lambda n: n / 2 / SCALE),
    st.integers(0, 100_000).map(float),
)
_BOXES = st.one_of(st.none(), st.tuples(*[_COORDINATES] * 4))


def _layout(text: str, boxes: list[Box | None]) -> PageLayout:
    page = CorpusPage(1, 1, "t", "t.pdf", 1, None, text, width=595, height=842, boxes=(*boxes,))
    return page_layout(page)


@settings(max_examples=200, deadline=None)
@given(st.lists(_BOXES, max_size=40))
def test_every_glyph_in_pixels_at_once_is_as_one_by_one(boxes: list[Box | None]) -> None:
    rects = _layout("字" * len(boxes), boxes).pixels()
    assert rects.shape == (len(boxes), 4)
    for box, rect in zip(boxes, rects.tolist(), strict=True):
        assert tuple(rect) == (pixels(box) if box is not None else (0, 0, 1, 1))
    for column in rects.T:
        assert numerals(column) == [str(n) for n in column.tolist()]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("年鉴 \u3000\t2x"), st.one_of(st.none(), st.just((1.0, 2, 3, 4)))
        ),
        min_size=1,
        max_size=30,
    )
)
def test_words_are_the_runs_between_white_space_with_a_box(
    glyphs: list[tuple[str, Box | None]],
) -> None:
    text = "".join(char for char, _ in glyphs)
    boxes = [box for _, box in glyphs]
    line_box = union(boxes)
    if line_box is None:
        return
    layout = _layout(text, boxes)
    runs: list[list[int]] = [[]]
    for index, char in enumerate(text):
        runs.append([]) if char.isspace() else runs[-1].append(index)
    expected = [
        (run[0], run[-1] + 1, union(boxes[i] for i in run))
        for run in runs
        if run and any(boxes[i] is not None for i in run)
    ]
    found = layout.words(Line(0, len(text), line_box))
    assert [(w.start, w.end, w.box) for w in found] == expected


@given(st.text(max_size=30))
def test_characters_as_xml_all_at_once_are_as_one_by_one(text: str) -> None:
    assert list(xml_chars(text)) == [xml_char(c) for c in text]
    assert "".join(xml_chars(text)) == xml_text(text)


# Chinese, Latin-1 (one byte read as Latin-1, two in UTF-8), quotes, white space, a control
_GLYPH_CHARS = st.sampled_from(
    [*"年鉴城乡ab1·é", " ", "\u3000", "\n", '"', "'", "&", "<", "\x02", "𠀀"]
)
PAGE_NS = {"p": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"}
ALTO_NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}


@st.composite
def _glyph_pages(draw: st.DrawFn) -> CorpusPage:
    """A page of one or a few printed lines, some glyphs without a box, quotes and white space
    among the characters, and confidences or none."""
    text = draw(st.text(_GLYPH_CHARS, min_size=1, max_size=40))
    boxes: list[Box | None] = []
    for i in range(len(text)):
        row = draw(st.sampled_from([0, 0, 0, 1]))  # now and then a line further down
        boxed = draw(st.booleans()) or draw(st.booleans())
        boxes.append(
            (10.0 + 12 * i, 100.0 + 30 * row, 21.0 + 12 * i, 112.0 + 30 * row) if boxed else None
        )
    confidence = st.one_of(st.none(), st.floats(-0.5, 1.5))
    confidences = draw(
        st.one_of(st.just([]), st.lists(confidence, min_size=len(text), max_size=len(text)))
    )
    return CorpusPage(
        1, 1, "秀洲", "x.pdf", 1, None, text, (), 595.0, 842.0, (*boxes,), (), (*confidences,)
    )


def _expected_glyphs(
    page: CorpusPage,
) -> list[list[tuple[int, str, tuple[int, int, int, int], float | None]]]:
    """For each word in reading order: its glyphs with a box, each as its number in the word,
    its character as XML gives it back, its pixels and its confidence."""
    layout = page_layout(page)
    found = []
    for region in layout.regions:
        for line in region.lines:
            for word in layout.words(line):
                found.append(
                    [
                        (
                            i - word.start + 1,
                            unescape(xml_char(page.text[i])),
                            pixels(box),
                            layout.confidences[i] if layout.confidences else None,
                        )
                        for i in range(word.start, word.end)
                        if (box := page.boxes[i]) is not None
                    ]
                )
    return found


def _conf(value: float | None) -> str | None:
    return None if value is None else f"{min(1.0, max(0.0, value)):.3f}"


@settings(max_examples=150, deadline=None)
@given(_glyph_pages())
def test_every_glyph_is_written_in_its_word_with_its_number_character_and_place(
    page: CorpusPage,
) -> None:
    expected = _expected_glyphs(page)
    document = etree.fromstring(page_xml(page, "x.png", datetime(2026, 1, 2, tzinfo=UTC)))
    words = document.findall(".//p:Word", PAGE_NS)
    assert len(words) == len(expected)
    for word, glyphs in zip(words, expected, strict=True):
        found = word.findall("p:Glyph", PAGE_NS)
        assert [g.get("id") for g in found] == [f"{word.get('id')}g{n}" for n, *_ in glyphs]
        for glyph, (_, char, (x, y, r, b), conf) in zip(found, glyphs, strict=True):
            assert glyph.find("p:TextEquiv/p:Unicode", PAGE_NS).text == char
            assert (
                glyph.find("p:Coords", PAGE_NS).get("points") == f"{x},{y} {r},{y} {r},{b} {x},{b}"
            )
            assert glyph.find("p:TextEquiv", PAGE_NS).get("conf") == _conf(conf)
    document = etree.fromstring(alto_xml(page, "x.png"))
    strings = document.findall(".//a:String", ALTO_NS)
    assert len(strings) == len(expected)
    for string, glyphs in zip(strings, expected, strict=True):
        found = string.findall("a:Glyph", ALTO_NS)
        assert [g.get("ID") for g in found] == [f"{string.get('ID')}g{n}" for n, *_ in glyphs]
        for glyph, (_, char, (x, y, r, b), conf) in zip(found, glyphs, strict=True):
            place = [glyph.get(name) for name in ("CONTENT", "HPOS", "VPOS", "WIDTH", "HEIGHT")]
            assert place == [char, str(x), str(y), str(r - x), str(b - y)]
            assert glyph.get("GC") == _conf(conf)


_ATTR_CHARS = st.one_of(st.characters(), st.sampled_from([*"&<>\"'\n\r\t\x02\ufffe年 a"]))


def _in_xml(char: str) -> str:
    """A character as XML 1.0 can hold it (U+FFFD for one it cannot)."""
    held = char in "\t\n\r" or (char >= " " and char not in "\ufffe\uffff")
    return char if held and not "\ud800" <= char <= "\udfff" else "\ufffd"


@given(st.text(_ATTR_CHARS, max_size=30))
def test_attribute_values_are_quoted_as_quoteattr_quotes_them(text: str) -> None:
    assert xml_attr(text) == quoteattr("".join(map(_in_xml, text)))
