"""The corpus formats on their own: round trips over random texts, and each format's shape."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import shared_file
from tests.xml_schemas import schema
from xzannot.core.corpus import CorpusPage, Furniture
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus import span_sets
from xzannot.io.corpus.alto import alto_xml
from xzannot.io.corpus.brat import (
    ann_text,
    annotation_conf,
    read_brat,
    read_rejected,
    rejected_json,
)
from xzannot.io.corpus.conll import bio_tags, write_conll
from xzannot.io.corpus.jsonl import read_jsonl, write_jsonl
from xzannot.io.corpus.labelstudio import labelling_config, read_labelstudio, task
from xzannot.io.corpus.pagexml import page_xml
from xzannot.io.corpus.records import SpanRecord
from xzannot.io.corpus.span_table import SpanTable
from xzannot.io.corpus.tables import write_targets_csv

LABELS = [
    LabelDef("target", "目标", "Target", "#d9480f", "1"),
    LabelDef("project", "项目", "Project", "#1971c2", "2"),
    LabelDef("policy", "政策", "Policy", "#2f9e44", "3"),
]
# Chinese, Latin, digits, punctuation, line breaks and characters beyond the BMP
CHARS = st.sampled_from([*list("城乡融合政策目标项目，。、“”（）%ab 12\n"), "𠀀", "𪚥", "😀"])


@st.composite
def pages(draw: st.DrawFn) -> CorpusPage:
    text = draw(st.text(CHARS, min_size=1, max_size=60))
    spans = []
    for ident in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if not text[start:end].strip():
            continue  # a span always holds more than white space
        spans.append(
            SpanInfo(
                id=ident + 1,
                page_id=7,
                start=start,
                end=end,
                label=draw(st.sampled_from([label.key for label in LABELS])),
                quote=text[start:end],
                status=draw(st.sampled_from(list(SpanStatus))),
                attributes=draw(
                    st.dictionaries(
                        st.sampled_from(["indicator", "unit", "value", "comparator"]),
                        st.one_of(st.text(CHARS, max_size=5), st.integers(0, 99), st.none()),
                        max_size=3,
                    )
                ),
                note=draw(st.text(CHARS, max_size=8)),
                annotator=draw(st.sampled_from(["审校员甲", "reviewer b", None])),
            )
        )
    return CorpusPage(7, 1, "秀洲年鉴", "xiuzhou.pdf", 3, "23", text, tuple(spans))


def same_spans(page: CorpusPage, read: Iterable[SpanRecord]) -> None:
    expected = [
        (s.start, s.end, s.label, s.status.value, s.attributes, s.note, s.annotator)
        for s in page.spans
    ]
    got = [(r.start, r.end, r.label, r.status, r.attributes, r.note, r.annotator) for r in read]
    assert got == expected


@settings(max_examples=150, deadline=None)
@given(pages())
def test_jsonl_gives_back_every_span(page: CorpusPage) -> None:
    out = io.StringIO()
    write_jsonl([page], out)
    (record,) = read_jsonl(out.getvalue(), "export.jsonl")
    assert record.text == page.text
    assert (record.document, record.page) == ("秀洲年鉴", 3)
    same_spans(page, record.spans)
    # doccano's view of the same line: text and [start, end, label] in code points; a
    # rejected span is no label
    line = json.loads(out.getvalue())
    assert [line["text"][s:e] for s, e, _ in line["label"]] == [
        s.quote for s in page.spans if s.status is not SpanStatus.REJECTED
    ]


def test_edits_made_in_doccano_come_back_and_nothing_stale() -> None:
    """doccano exports xzannot's ``spans`` again beside the ``label`` its user edited."""
    text = "全面落实“双减”政策，城镇新增就业1.6万人"
    spans = (
        _span(1, 4, 10, "policy", text, annotator="甲", note="核对"),
        _span(2, 0, 4, "policy", text, annotator="甲"),
        _span(3, 11, 21, "target", text, status=SpanStatus.REJECTED),
    )
    out = io.StringIO()
    write_jsonl([CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans)], out)
    record = json.loads(out.getvalue())
    record["label"].remove([0, 4, "policy"])  # deleted in doccano
    record["label"].append([15, 21, "target"])  # added there
    record["label"] = [
        [4, 10, "project"] if lab == [4, 10, "policy"] else lab for lab in record["label"]
    ]  # fmt: skip  relabelled there
    (back,) = read_jsonl(json.dumps(record, ensure_ascii=False), "doccano.jsonl")
    got = {(s.start, s.end, s.label, s.status, s.annotator, s.note) for s in back.spans}
    assert got == {
        (4, 10, "project", None, None, ""),  # the tool's label, nothing of the old span
        (15, 21, "target", None, None, ""),
        (11, 21, "target", "rejected", None, ""),  # the rejected span stays settled
    }
    record["label"] = [[4, 10, "policy"]]  # left as exported: every field comes back
    (back,) = read_jsonl(json.dumps(record, ensure_ascii=False), "doccano.jsonl")
    assert [(s.label, s.annotator, s.note) for s in back.spans if s.status != "rejected"] == [
        ("policy", "甲", "核对")
    ]


def test_edits_made_in_brat_come_back() -> None:
    """A span narrowed in brat, its note edited, its comparator changed: brat wins."""
    text = "空气质量优良率达到90%以上，\n城镇新增就业1.6万人"
    spans = (
        _span(1, 0, 15, "target", text, note="核对\n原文",
              attributes={"comparator": "≥", "value": 90.0, "unit": "%"}),
        _span(2, 11, 27, "target", text, note="跨行"),  # over the line break: fragments
    )  # fmt: skip
    ann = ann_text(CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans))
    unchanged = read_brat(ann, text, "p.ann")
    assert [(s.start, s.end, s.note) for s in unchanged.spans] == [
        (0, 15, "核对\n原文"),
        (11, 27, "跨行"),
    ]
    edited = (
        ann.replace(
            "T1\ttarget 0 15\t空气质量优良率达到90%以上，", "T1\ttarget 4 14\t优良率达到90%以上"
        )
        .replace("AnnotatorNotes T1\t核对 原文", "AnnotatorNotes T1\t已核对")
        .replace("Comparator T1 ge", "Comparator T1 approx")
    )
    first, second = read_brat(edited, text, "p.ann").spans
    assert (first.start, first.end, first.note) == (4, 14, "已核对")
    assert first.attributes["comparator"] == "≈" and first.attributes["value"] == 90.0
    assert (second.start, second.end) == (11, 27)  # untouched: its exact extent


@settings(max_examples=150, deadline=None)
@given(pages())
def test_brat_gives_back_every_span_on_its_characters(page: CorpusPage) -> None:
    ann = ann_text(page)
    record = read_brat(ann, page.text, "page.ann")
    rejected = rejected_json(page)  # written beside the .ann: no brat annotations
    settled = read_rejected(rejected, "page.rejected.json") if rejected else []
    live = [s for s in page.spans if s.status is not SpanStatus.REJECTED]
    same_spans(replace(page, spans=(*live, *(s for s in page.spans if s not in live))),
               (*record.spans, *settled))  # fmt: skip
    assert "\trejected" not in ann
    for line in ann.splitlines():  # what brat itself reads: fragments over the .txt
        if line.startswith("T"):
            _, where, quote = line.split("\t")
            pieces = [tuple(map(int, p.split())) for p in where.split(" ", 1)[1].split(";")]
            assert " ".join(page.text[a:b] for a, b in pieces) == quote
            assert all("\n" not in page.text[a:b] for a, b in pieces)


def test_doccano_shapes_are_read() -> None:
    lines = [
        {"column_data": "EU rejects", "column_label": [[0, 2, "ORG"]]},
        {"text": "Peter", "label": [[0, 5, "PERSON"]]},
        {"text": "Google", "entities": [{"start_offset": 0, "end_offset": 6, "label": "ORG"}]},
    ]
    records = read_jsonl("\n".join(json.dumps(line) for line in lines), "doccano.jsonl")
    assert [(r.text, [(s.start, s.end, s.label) for s in r.spans]) for r in records] == [
        ("EU rejects", [(0, 2, "ORG")]),
        ("Peter", [(0, 5, "PERSON")]),
        ("Google", [(0, 6, "ORG")]),
    ]


def _span(ident: int, start: int, end: int, label: str, text: str, **extra: object) -> SpanInfo:
    return SpanInfo(ident, 7, start, end, label, text[start:end], **extra)  # type: ignore[arg-type]


def test_conll_tags_characters_and_keeps_the_longer_of_overlapping_spans() -> None:
    text = "落实“双减”政策，\n城镇新增 就业"
    spans = [_span(1, 2, 8, "policy", text), _span(2, 2, 6, "target", text)]
    tags, left_out = bio_tags(text, spans, ["target", "project", "policy"])
    assert left_out == 1
    assert tags[2:8] == ["B-policy"] + ["I-policy"] * 5
    out = io.StringIO()
    write_conll([CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, tuple(spans))], out, ["policy"])
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["-DOCSTART-\tO", ""]  # a page starts a document, CoNLL-2003's way
    body = lines[2:]
    assert body[2] == "“\tB-policy"
    assert body[body.index("，\tO") + 1] == ""  # the paragraph ends with a blank line
    assert "就\tO" in body and " \tO" not in body  # spaces are not tokens
    assert all(len(line.split("\t")) == 2 for line in lines if line)  # no comment lines


def test_conll_restarts_a_span_after_a_paragraph_break_and_never_tags_rejected_ones() -> None:
    text = "推进城乡\n融合发展"
    spans = [
        _span(1, 2, 7, "policy", text),
        _span(2, 7, 9, "target", text, status=SpanStatus.REJECTED),
    ]
    tags, _ = bio_tags(text, spans, ["target", "policy"])
    written = [tag for ch, tag in zip(text, tags, strict=True) if not ch.isspace()]
    assert written == ["O", "O", "B-policy", "I-policy", "B-policy", "I-policy", "O", "O"]


def test_labelstudio_task_has_annotations_by_annotator_and_suggestions_as_predictions() -> None:
    text = "全面落实“双减”政策"
    spans = (
        _span(1, 4, 10, "policy", text, annotator="甲"),
        _span(2, 0, 4, "policy", text, status=SpanStatus.SUGGESTED, annotator="xzannot rules"),
        _span(3, 1, 3, "target", text, status=SpanStatus.REJECTED),
    )
    made = task(CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans))
    assert made["data"]["text"] == text
    (annotation,) = made["annotations"]
    assert "completed_by" not in annotation  # Label Studio wants one of its users there
    (result,) = annotation["result"]
    assert made["data"]["xzannot"]["spans"][result["id"]]["annotator"] == "甲"
    assert result["value"] == {"start": 4, "end": 10, "text": "“双减”政策", "labels": ["policy"]}
    assert made["predictions"][0]["result"][0]["value"]["text"] == "全面落实"
    config = etree.fromstring(labelling_config(LABELS).encode())
    assert [e.get("value") for e in config.iter("Label")] == ["target", "project", "policy"]
    assert config.find("Text").get("value") == "$text"


def test_csv_has_a_row_per_target_with_its_attributes() -> None:
    text = "城镇新增就业人数1.6万人以上"
    attrs = {"indicator": "城镇新增就业人数", "value": 1.6, "unit": "万人", "comparator": "≥"}
    spans = (
        _span(1, 0, len(text), "target", text, attributes=attrs, note="核对"),
        _span(2, 0, 4, "policy", text),
    )
    out = io.StringIO()
    rows = write_targets_csv([CorpusPage(7, 1, "秀洲", "x.pdf", 2, "22", text, spans)], out)
    assert rows == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    record = dict(zip(header, row, strict=True))
    assert record["indicator"] == "城镇新增就业人数"
    assert record["value"] == "1.6"
    assert (record["unit"], record["comparator"], record["direction"]) == ("万人", "≥", "")
    assert (record["page"], record["printed_page"], record["note"]) == ("2", "22", "核对")


def test_brat_configuration_declares_the_labels_and_attributes() -> None:
    conf = annotation_conf(LABELS)
    entities = conf.split("[entities]\n")[1].split("\n\n")[0].splitlines()
    assert entities == ["target", "project", "policy"]
    assert "Status\tArg:<ENTITY>, Value:suggested|accepted|rejected" in conf


def test_page_and_alto_hold_any_text_and_stay_valid() -> None:
    text = "A&B <c> “引号”\x02𠀀\n第二段"
    boxes = tuple((10.0 + 12 * i, 100.0, 21.0 + 12 * i, 112.0) for i in range(len(text)))
    head = Furniture(
        "header",
        "年鉴 特载",
        ((10, 20, 20, 30), (22, 20, 32, 30), None, (90, 20, 100, 30), (102, 20, 112, 30)),
    )
    page = CorpusPage(7, 1, "秀洲 & co", "x&y.pdf", 2, "22", text, (), 595.0, 842.0, boxes, (head,))
    page_doc = etree.fromstring(page_xml(page, "x&y-p0002.png", datetime(2026, 1, 2, tzinfo=UTC)))
    assert schema("pagecontent-2019-07-15.xsd").validate(page_doc), schema(
        "pagecontent-2019-07-15.xsd"
    ).error_log
    ns = {"p": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"}
    regions = page_doc.findall(".//p:TextRegion", ns)
    assert [r.get("type") for r in regions] == ["header", "paragraph", "paragraph"]
    assert regions[1].find("p:TextEquiv/p:Unicode", ns).text == "A&B <c> “引号”\ufffd𠀀"
    alto_doc = etree.fromstring(alto_xml(page, "x&y-p0002.png"))
    assert schema("alto-4-4.xsd").validate(alto_doc), schema("alto-4-4.xsd").error_log
    ns = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
    strings = [s.get("CONTENT") for s in alto_doc.iterfind(".//a:PrintSpace//a:String", ns)]
    assert strings == ["A&B", "<c>", "“引号”\ufffd𠀀", "第二段"]
    assert [s.get("CONTENT") for s in alto_doc.iterfind(".//a:TopMargin//a:String", ns)] == [
        "年鉴",
        "特载",
    ]


def test_a_table_is_a_table_region_in_page_and_a_table_block_in_alto() -> None:
    rows = ["项目\t期末\t期初", "短期借款\t878\t1,000", "合计\t878\t1,000"]
    text = "资产负债表\n" + "\n".join(rows) + "\n表后说明"
    boxes = tuple(
        None
        if ch in "\t\n"
        else (10.0 + 12 * i, 100.0 + 20 * line, 21.0 + 12 * i, 112.0 + 20 * line)
        for line, part in enumerate(text.split("\n"))
        for i, ch in enumerate(part + "\n")
    )[: len(text)]
    page = CorpusPage(1, 1, "表", "t.pdf", 1, "1", text, (), 595.0, 842.0, boxes, ())
    page_doc = etree.fromstring(page_xml(page, "t-p0001.png", datetime(2026, 1, 2, tzinfo=UTC)))
    assert schema("pagecontent-2019-07-15.xsd").validate(page_doc), schema(
        "pagecontent-2019-07-15.xsd"
    ).error_log
    ns = {"p": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"}
    (table,) = page_doc.findall(".//p:TableRegion", ns)
    lines = table.findall(".//p:TextLine/p:TextEquiv/p:Unicode", ns)
    assert [line.text for line in lines] == rows
    order = [r.get("regionRef") for r in page_doc.iterfind(".//p:RegionRefIndexed", ns)]
    assert order == ["r1", "r2", "r3"] and table.get("id") == "r2"  # in its place
    alto_doc = etree.fromstring(alto_xml(page, "t-p0001.png"))
    assert schema("alto-4-4.xsd").validate(alto_doc), schema("alto-4-4.xsd").error_log
    ns = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
    (block,) = alto_doc.findall(".//a:ComposedBlock", ns)
    assert block.get("TYPE") == "table" and len(block.findall(".//a:TextLine", ns)) == 3


def test_page_and_alto_say_the_resolution_and_the_language() -> None:
    text = "全面落实“双减”政策"
    boxes = tuple((10.0 + 12 * i, 100.0, 21.0 + 12 * i, 112.0) for i in range(len(text)))
    page = CorpusPage(1, 1, "秀洲", "x.pdf", 1, "21", text, (), 595.0, 842.0, boxes, ())
    page_doc = etree.fromstring(page_xml(page, "x-p0001.png", datetime(2026, 1, 2, tzinfo=UTC)))
    ns = {"p": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"}
    element = page_doc.find("p:Page", ns)
    assert (element.get("imageXResolution"), element.get("imageResolutionUnit")) == ("300", "PPI")
    assert element.get("primaryLanguage") == "Chinese"
    assert schema("pagecontent-2019-07-15.xsd").validate(page_doc)
    alto_doc = etree.fromstring(alto_xml(page, "x-p0001.png"))
    ns = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
    assert {b.get("LANG") for b in alto_doc.iterfind(".//a:TextBlock", ns)} == {"zh"}
    assert schema("alto-4-4.xsd").validate(alto_doc)


def test_csv_cells_are_never_formulas_and_numbers_stay_numbers() -> None:
    text = '=HYPERLINK("x")达到-5%'
    spans = (
        _span(1, 0, len(text), "target", text, note="+1 备注",
              attributes={"indicator": "@指标", "value": -5.0, "unit": "%"}),
    )  # fmt: skip
    out = io.StringIO()
    write_targets_csv([CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans)], out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"] == "'" + text
    assert row["note"] == "'+1 备注" and row["indicator"] == "'@指标"
    assert row["value"] == "-5"  # a signed number is no formula


def test_brat_configuration_allows_the_overlaps_xzannot_makes() -> None:
    conf = annotation_conf(LABELS)
    relations = conf.split("[relations]")[1].split("[events]")[0]
    assert "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in relations


def test_edits_made_in_label_studio_come_back_with_who_made_them() -> None:
    text = "全面落实“双减”政策，城镇新增就业1.6万人"
    spans = (
        _span(1, 4, 10, "policy", text, annotator="甲", note="核对"),
        _span(2, 0, 4, "policy", text, annotator="甲"),
        _span(3, 11, 21, "target", text, annotator="乙", attributes={"value": 1.6}),
        _span(4, 15, 21, "target", text, status=SpanStatus.REJECTED),
    )
    exported = [task(CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans))]
    # as Label Studio exports it again after its user worked on it
    first, second = sorted(exported[0]["annotations"], key=lambda a: len(a["result"]), reverse=True)
    first["completed_by"] = {"id": 3, "email": "ding@example.org"}
    first["result"] = [r for r in first["result"] if r["value"]["start"] != 0]  # deleted
    first["result"][0]["meta"] = {"text": ["已核对"]}  # its note edited
    second["result"][0]["value"].update(start=15, text="1.6万人")  # narrowed
    second["completed_by"] = 5
    first["result"].append({"id": "new1", "type": "labels", "from_name": "label",
                            "to_name": "text", "value": {"start": 0, "end": 4,
                            "text": "全面落实", "labels": ["project"]}})  # fmt: skip
    (record,) = read_labelstudio(json.dumps(exported, ensure_ascii=False), "export.json")
    got = sorted((s.start, s.end, s.label, s.status, s.annotator, s.note) for s in record.spans)
    assert got == [
        (0, 4, "project", "accepted", "ding@example.org", ""),
        (4, 10, "policy", "accepted", "甲", "已核对"),
        (15, 21, "target", "accepted", "5", ""),  # changed there: as Label Studio has it
        (15, 21, "target", "rejected", None, ""),  # settled in xzannot, no region there
    ]


def test_label_studios_own_tasks_with_predictions_are_read() -> None:
    path = shared_file("formats", "labelstudio", "ner_preannotated_tasks_example.json")
    records = read_labelstudio(path.read_text(encoding="utf-8"), path.name)
    spans = [(r.text[s.start : s.end], s.label, s.status) for r in records for s in r.spans]
    assert ("Jerusalem", "Location", "suggested") in spans
    assert all(status == "suggested" for _, _, status in spans)


def test_files_that_are_no_label_studio_export_are_refused_in_words() -> None:
    for text, words in (
        ("{", "not JSON"),
        ('{"data": {}}', "not a list of Label Studio tasks"),
        ('[{"data": {"html": "<p/>"}}]', "task 1: no data.text"),
        ('[{"data": {"text": "甲乙"}, "annotations": [{"result": [{"type": "labels", '
         '"value": {"start": "0", "end": 1, "labels": ["policy"]}}]}]}]',
         "task 1, annotation 1: region 1's start is not a whole number of at most 12 digits"),
    ):  # fmt: skip
        with pytest.raises(UserError, match=words):
            read_labelstudio(text, "tasks.json")
    with pytest.raises(UserError, match="span 1's start is not a whole number"):
        read_rejected('[{"start": "1", "end": 2, "label": "policy"}]', "p.rejected.json")


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (
            {"start": 0, "end": 2, "label": "policy", "status": ["x"]},
            "span 1's status is not one of suggested, accepted, rejected",
        ),
        (
            {"start": 0, "end": 2, "label": "policy", "annotator": {"a": 1}},
            "span 1's annotator is not text",
        ),
        ({"start": 0, "end": 2, "label": "policy", "note": {"x": 1}}, "span 1's note is not text"),
        ({"start": 0, "end": 2, "label": {"x": 1}}, "span 1's label is not text"),
        (
            {"start": int("9" * 4000), "end": 2, "label": "policy"},
            "span 1's start is not a whole number of at most 12 digits",
        ),
        (
            {"start": "0", "end": 2, "label": "policy"},
            "span 1's start is not a whole number of at most 12 digits",
        ),
    ],
)
def test_span_files_are_checked_field_by_field(span: dict[str, object], words: str) -> None:
    line = json.dumps({"text": "全面落实", "spans": [span]}, ensure_ascii=False)
    with pytest.raises(UserError, match=words):
        read_jsonl(line, "spans.jsonl")


def test_line_separators_inside_texts_and_notes_do_not_break_lines() -> None:
    """U+2028, U+2029 and U+0085 are written as they are (JSON allows them in strings);
    only a line feed ends a line of JSON Lines or of an ``.ann``."""
    text = "全面落实\u2028“双减”政策\x85城镇新增就业\u2029"
    spans = (_span(1, 0, 4, "policy", text, note="核对\u2028原文", attributes={"u": "\x85"}),)
    page = CorpusPage(7, 1, "秀洲", "x.pdf", 1, "21", text, spans)
    out = io.StringIO()
    write_jsonl([page], out)
    (record,) = read_jsonl(out.getvalue(), "export.jsonl")
    assert record.text == text
    same_spans(page, tuple(record.spans))
    (back,) = read_brat(ann_text(page), text, "p.ann").spans
    assert (back.note, back.attributes) == ("核对\u2028原文", {"u": "\x85"})


PLACES = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(1, 3)), max_size=25)


def _columns(places: list[tuple[int, int, int]]) -> tuple[npt.NDArray[np.int32], ...]:
    return tuple(np.array([p[i] for p in places], dtype=np.int32) for i in range(3))


@settings(max_examples=200, deadline=None)
@given(PLACES, PLACES, st.booleans())
def test_fresh_rows_are_the_first_candidate_of_each_new_place(
    candidates: list[tuple[int, int, int]], known: list[tuple[int, int, int]], packed: bool
) -> None:
    seen, expected = set(known), []
    for index, place in enumerate(candidates):
        if place not in seen:
            seen.add(place)
            expected.append(index)
    with pytest.MonkeyPatch.context() as patch:
        if not packed:  # as on a page too long to pack places into one number
            patch.setattr(span_sets, "PACKABLE", 0)
        rows = span_sets.fresh_rows(_columns(candidates), _columns(known)).tolist()
    assert sorted(rows) == expected
    assert [candidates[r] for r in rows] == sorted(candidates[r] for r in rows)  # by place


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(4, 6), st.sampled_from("ab"),
                       st.sampled_from([None, "accepted", "rejected"])), max_size=12),
    st.lists(st.tuples(st.integers(0, 3), st.integers(4, 6), st.sampled_from("abc")),
             max_size=12),
)  # fmt: skip
def test_the_tools_labels_win_over_our_spans(
    ours: list[tuple[int, int, str, str | None]], theirs: list[tuple[int, int, str]]
) -> None:
    """As doccano's users left them: each label is a span, with our fields where one of our
    spans is still like it; our rejected spans stay."""
    left = Counter(theirs)
    expected = []
    for start, end, label, status in ours:
        if status == "rejected" or left[start, end, label] > 0:
            left[start, end, label] -= status != "rejected"
            expected.append((start, end, label, status))
    for place in theirs:
        if left[place] > 0:
            left[place] -= 1
            expected.append((*place, None))
    got = span_sets.tool_wins(
        SpanTable.of(SpanRecord(s, e, lab, status=st_) for s, e, lab, st_ in ours),
        SpanTable.of(SpanRecord(s, e, lab) for s, e, lab in theirs),
    )
    assert [(s.start, s.end, s.label, s.status) for s in got] == expected
