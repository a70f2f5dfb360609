"""The Label Studio task list, written from templates, is what json.dump(indent=1) writes."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.io.corpus.labelstudio import task, write_labelstudio

TEXT = '秀洲区\n“双减”政策 "quoted" \\ back\tslash </x> 空气质量优良率达到90%以上'
_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def _spans(draw: st.DrawFn, number: int) -> SpanInfo:
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start + 1, len(TEXT)))
    return SpanInfo(
        id=number,
        page_id=7,
        start=start,
        end=end,
        label=draw(st.sampled_from(["target", "policy", 'we"ird\n'])),
        quote=TEXT[start:end],
        status=draw(st.sampled_from(list(SpanStatus))),
        attributes=draw(st.dictionaries(st.text(max_size=6), _values, max_size=3)),
        note=draw(st.sampled_from(["", "核对原文\n第二行", 'a "note"'])),
        annotator=draw(st.sampled_from([None, "", "alice", "张三"])),
    )


@st.composite
def _pages(draw: st.DrawFn) -> list[CorpusPage]:
    pages = []
    for number in range(draw(st.integers(0, 3))):
        count = draw(st.integers(0, 6))
        spans = tuple(draw(_spans(100 * number + k)) for k in range(count))
        printed = draw(st.sampled_from([None, "21", 'x"y']))
        pages.append(CorpusPage(number + 1, 1, "秀洲 \"年鉴\"", "x.pdf", number + 1, printed,
                                TEXT, spans))  # fmt: skip
    return pages


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_the_written_tasks_are_what_json_dump_writes(pages: list[CorpusPage]) -> None:
    expected = io.StringIO()
    json.dump([task(p) for p in pages], expected, ensure_ascii=False, indent=1)
    expected.write("\n")
    written = io.StringIO()
    write_labelstudio(iter(pages), written)
    assert written.getvalue() == expected.getvalue()
