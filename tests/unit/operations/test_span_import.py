"""Span files made elsewhere, imported onto the sample project: every bad field is refused in
one line that names the file, the line (or task), the span and the field, and the project is
left as it was, however late in the file the fault is."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from xzannot.cli import main
from xzannot.errors import UserError
from xzannot.io.corpus import json_stream
from xzannot.io.corpus.jsonl import read_jsonl
from xzannot.operations.correcting import correct_page_in
from xzannot.operations.span_import import _BATCH, import_spans
from xzannot.store.database import open_project
from xzannot.store.documents import current_text, list_pages
from xzannot.store.spans import list_spans

TEXT = "加速城乡融合"  # on the sample's first page, once
LONG = "9" * 5000  # past the 4,300 digits int() reads
DEEP: object = 1
for _ in range(32):
    DEEP = [DEEP]  # 33 deep, in attributes


def snapshot(db: Path) -> list[str]:
    """Everything the project holds, as SQL."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return list(conn.iterdump())


def refused(db: Path, path: Path, words: str, **options: object) -> None:
    """Importing ``path`` is refused with exactly ``words``, and the project is unchanged."""
    before = snapshot(db)
    with open_project(db) as project, pytest.raises(UserError) as caught:
        import_spans(project, [path], **options)  # type: ignore[arg-type]
    assert str(caught.value) == words
    assert "\n" not in str(caught.value)
    assert snapshot(db) == before


def jsonl(tmp_path: Path, *lines: str, name: str = "spans.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**record: object) -> str:
    return json.dumps({"text": TEXT, **record}, ensure_ascii=False)


def good(start: int = 0) -> dict[str, object]:
    return {"start": start, "end": start + 2, "label": "policy"}


# -- offsets


def test_an_offset_of_5000_digits_is_refused_in_words(sample_db: Path, tmp_path: Path) -> None:
    bad = line(label=[[0, 2, "policy"]]).replace("[[0, 2,", f'[[0, 2, "policy"], [{LONG}, 2,')
    path = jsonl(tmp_path, line(spans=[good()]), "", bad)
    refused(
        sample_db,
        path,
        "spans.jsonl, line 3: label 2's start is not a whole number of at most 12 digits "
        "(it is a number of 5000 digits)",
    )


def test_the_command_line_says_it_in_one_line(sample_db: Path, tmp_path: Path) -> None:
    path = jsonl(tmp_path, line(spans=[good()]).replace('"start": 0', f'"start": {LONG}'))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import-spans", "--db", str(sample_db), str(path)])
    assert code == 1
    assert err.getvalue() == (
        "xzannot: spans.jsonl, line 1: span 1's start is not a whole number of at most 12 "
        "digits (it is a number of 5000 digits)\n"
    )


@pytest.mark.parametrize(
    ("span", "words"),
    [
        ({"start": True, "end": 2}, "span 1's start is not a whole number of at most 12 digits "
                                    "(it is true)"),
        ({"start": 0.0, "end": 2}, "span 1's start is not a whole number of at most 12 digits "
                                   "(it is 0.0)"),
        ({"start": 0, "end": "2"}, "span 1's end is not a whole number of at most 12 digits "
                                   '(it is "2")'),
        ({"start": -1, "end": 2}, "span 1's start is negative (-1)"),
        ({"start": 0, "end": 10**12}, "span 1's end is not a whole number of at most 12 digits "
                                      "(it is 1000000000000)"),
        ({"start": 0, "end": 7}, "span 1 ends at 7, past the end of its text (6 characters)"),
        ({"start": 3, "end": 3}, "span 1 ends at 3, not after its start (3)"),
        ({"end": 2}, "span 1's start is not a whole number of at most 12 digits (it is null)"),
    ],
)  # fmt: skip
def test_an_offset_must_be_a_whole_number_inside_the_text(
    sample_db: Path, tmp_path: Path, span: dict[str, object], words: str
) -> None:
    path = jsonl(tmp_path, line(spans=[{**span, "label": "policy"}]))
    refused(sample_db, path, f"spans.jsonl, line 1: {words}")


def test_an_offset_past_a_text_that_comes_later_in_the_line(
    sample_db: Path, tmp_path: Path
) -> None:
    path = jsonl(tmp_path, json.dumps({"label": [[0, 2, "policy"], [2, 3_000_000_000, "policy"]],
                                       "text": TEXT}, ensure_ascii=False))  # fmt: skip
    refused(
        sample_db, path, "spans.jsonl, line 1: label 2 ends at 3000000000, past the end of its text"
    )


# -- status and annotator


def test_a_status_given_as_a_list_is_refused(sample_db: Path, tmp_path: Path) -> None:
    path = jsonl(tmp_path, line(spans=[good(), {**good(2), "status": ["accepted"]}]))
    refused(
        sample_db,
        path,
        "spans.jsonl, line 1: span 2's status is not one of suggested, accepted, rejected "
        "(it is a list)",
    )
    unknown = jsonl(tmp_path, line(spans=[{**good(), "status": "maybe"}]), name="unknown.jsonl")
    refused(
        sample_db,
        unknown,
        "unknown.jsonl, line 1: span 1's status is not one of suggested, accepted, rejected "
        '(it is "maybe")',
    )


def label_studio(tmp_path: Path, kept: dict[str, object]) -> Path:
    task = {
        "data": {"text": TEXT, "xzannot": {"spans": {"xz1": {**good(), **kept}}}},
        "annotations": [
            {"result": [{"id": "xz1", "type": "labels",
                         "value": {"start": 0, "end": 2, "labels": ["policy"]}}]}
        ],
    }  # fmt: skip
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def test_a_status_given_as_a_list_in_label_studios_data_is_refused(
    sample_db: Path, tmp_path: Path
) -> None:
    refused(
        sample_db,
        label_studio(tmp_path, {"status": ["accepted"]}),
        'tasks.json, task 1: data.xzannot span "xz1"\'s status is not one of suggested, '
        "accepted, rejected (it is a list)",
    )


def test_an_annotator_given_as_an_object_is_refused(sample_db: Path, tmp_path: Path) -> None:
    path = jsonl(tmp_path, line(spans=[{**good(), "annotator": {"name": "甲"}}]))
    refused(
        sample_db, path, "spans.jsonl, line 1: span 1's annotator is not text (it is an object)"
    )
    refused(
        sample_db,
        label_studio(tmp_path, {"annotator": {"name": "甲"}}),
        'tasks.json, task 1: data.xzannot span "xz1"\'s annotator is not text (it is an object)',
    )


# -- lone surrogates


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ('{"text": "加速\\ud800城乡融合", "label": [[0, 2, "policy"]]}',
         "its text holds a lone surrogate (\\ud800) at character 3"),
        ('{"text": "加速城乡融合", "label": [[0, 2, "pol\\udc00icy"]]}',
         "label 1's name holds a lone surrogate (\\udc00) at character 4"),
        ('{"text": "加速城乡融合", "spans": [{"start": 0, "end": 2, "label": "policy", '
         '"note": "\\ud83d"}]}',
         "span 1's note holds a lone surrogate (\\ud83d) at character 1"),
        ('{"text": "加速城乡融合", "spans": [{"start": 0, "end": 2, "label": "policy", '
         '"attributes": {"unit": ["%", "\\udfff"]}}]}',
         "a value in span 1's attributes holds a lone surrogate (\\udfff) at character 1"),
        ('{"text": "加速城乡融合", "spans": [{"start": 0, "end": 2, "label": "policy", '
         '"annotator": "a\\u0000b"}]}',
         "span 1's annotator holds a NUL character at character 2"),
    ],
)  # fmt: skip
def test_lone_surrogates_are_refused_in_words(
    sample_db: Path, tmp_path: Path, record: str, words: str
) -> None:
    path = jsonl(tmp_path, record)
    refused(
        sample_db,
        path,
        f"spans.jsonl, line 1: {words}, which is not text and cannot be stored",
        create_labels=True,
    )


# -- brat's XzannotAttributes


def brat(tmp_path: Path, kept: str, *more: str) -> Path:
    (tmp_path / "p.txt").write_text(TEXT + "。", encoding="utf-8")
    ann = tmp_path / "p.ann"
    lines = ["T1\tpolicy 0 2\t加速", f"#1\tXzannotAttributes T1\t{kept}", *more]
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ann


@pytest.mark.parametrize(
    ("kept", "words"),
    [
        ("[1, 2]", "T1's XzannotAttributes are not a JSON object (they are a list)"),
        ('{"attributes": [["unit", "%"]]}',
         "the attributes in T1's XzannotAttributes are not an object (they are a list)"),
        ('{"annotator": {"name": "甲"}}',
         "the annotator in T1's XzannotAttributes is not text (it is an object)"),
        ('{"note": 5}', "the note in T1's XzannotAttributes is not text (it is 5)"),
        (f'{{"start": {LONG}, "end": 2}}',
         "the start in T1's XzannotAttributes is not a whole number of at most 12 digits "
         "(it is a number of 5000 digits)"),
        ('{"end": "2"}',
         'the end in T1\'s XzannotAttributes is not a whole number of at most 12 digits '
         '(it is "2")'),
        ('{"attributes": {"unit": "\\ud800"}}',
         "a value in the attributes in T1's XzannotAttributes holds a lone surrogate (\\ud800) "
         "at character 1, which is not text and cannot be stored"),
        ('{"attributes": {"value": NaN}}',
         "the attributes in T1's XzannotAttributes hold a number that is not finite (nan)"),
        ('{"attributes": ', "not JSON (Expecting value, character 16)"),
    ],
)  # fmt: skip
def test_malformed_xzannot_attributes_in_brat_are_refused(
    sample_db: Path, tmp_path: Path, kept: str, words: str
) -> None:
    refused(sample_db, brat(tmp_path, kept), f"p.ann, line 2: {words}")


def test_brat_offsets_and_statuses_are_checked(sample_db: Path, tmp_path: Path) -> None:
    ann = brat(tmp_path, "{}")
    ann.write_text(f"T1\tpolicy 0 {LONG}\t加速\n", encoding="utf-8")
    refused(
        sample_db,
        ann,
        "p.ann, line 1: an offset of T1 is not a whole number of at most 12 digits "
        "(it is a number of 5000 digits)",
    )
    refused(
        sample_db,
        brat(tmp_path, "{}", "A1\tStatus T1 maybe"),
        "p.ann, line 3: the Status of T1 is not one of suggested, accepted, rejected "
        '(it is "maybe")',
    )


# -- the rest of a record's shape


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ("[1, 2]", "not a JSON object (it is a list)"),
        ("nonsense", "not JSON (Expecting value, character 1)"),
        ('{"text": "加速城乡融合", "label": [[0, 2, "policy"]] "x": 1}',
         "not JSON (Expecting ',' delimiter, character 48)"),
        (line(label=[[0, 2, 7]]), "label 1's name is not text (it is 7)"),
        (line(label=[[0, 2]]), "label 1 is not [start, end, label] (it is a list)"),
        (line(label={"0": "policy"}), "'label' is not a list (it is an object)"),
        (line(spans={"start": 0}), "'spans' is not a list (it is an object)"),
        (line(spans=[[0, 2, "policy"]]), "span 1 is not an object (it is a list)"),
        (line(spans=[{**good(), "label": ["policy"]}]),
         "span 1's label is not text (it is a list)"),
        (line(spans=[{**good(), "label": "x" * 65}]),
         "span 1's label is longer than 64 characters"),
        (line(spans=[{**good(), "attributes": "x"}]),
         'span 1\'s attributes are not an object (they are "x")'),
        (line(spans=[{**good(), "attributes": {"a": float("inf")}}]),
         "span 1's attributes hold a number that is not finite (inf)"),
        (line(spans=[{**good(), "attributes": {"a": DEEP}}]),
         "span 1's attributes are nested more than 32 deep"),
        (line(entities=["x"]), 'entity 1 is not an object (it is "x")'),
        (line(entities=[{"start_offset": 0, "end_offset": 2}]),
         "entity 1's label is not text (it is null)"),
        (line(page="第三页", label=[]), '\'page\' is not a page number (it is "第三页")'),
        (line(document=["秀洲"], label=[]), "'document' is not a title or an id (it is a list)"),
        (json.dumps({"data": {"text": TEXT}}), "'data' is not text (it is an object)"),
        ('{"text": "加速城乡融合", "text": "加速"}', '"text" is given twice'),
        ('{"text": "加速城乡融合", "meta": ' + "[" * 3000 + "]" * 3000 + "}",
         "not JSON xzannot reads (nested too deep)"),
    ],
)  # fmt: skip
def test_every_part_of_a_record_is_checked(
    sample_db: Path, tmp_path: Path, record: str, words: str
) -> None:
    refused(sample_db, jsonl(tmp_path, record), f"spans.jsonl, line 1: {words}")


@pytest.mark.parametrize(
    ("task", "words"),
    [
        ({"annotations": 5}, ": 'annotations' is not a list (it is 5)"),
        ({"annotations": [5]}, ": annotation 1 is not an object (it is 5)"),
        ({"annotations": [{"result": {"a": 1}}]},
         ", annotation 1: its result is not a list (it is an object)"),
        ({"annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 2,
                                                                  "labels": "policy"}}]}]},
         ", annotation 1: region 1's labels are not a list (they are \"policy\")"),
        ({"annotations": [{"result": [{"type": "labels", "meta": ["note"], "value": {
            "start": 0, "end": 2, "labels": ["policy"]}}]}]},
         ", annotation 1: region 1's meta is not an object (it is a list)"),
        ({"annotations": [{"completed_by": [3], "result": []}]},
         ": annotation 1's completed_by is not text (it is a list)"),
        ({"predictions": [{"result": [{"type": "labels", "value": {
            "start": 0, "end": 9, "labels": ["policy"]}}]}]},
         ", prediction 1: region 1 ends at 9, past the end of its text (6 characters)"),
        ({"data": {"text": TEXT, "xzannot": []}},
         ": data.xzannot is not an object (it is a list)"),
    ],
)  # fmt: skip
def test_label_studio_tasks_are_checked(
    sample_db: Path, tmp_path: Path, task: dict[str, object], words: str
) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"data": {"text": TEXT}, **task}], ensure_ascii=False), "utf-8")
    refused(sample_db, path, f"tasks.json, task 1{words}")


# -- all or nothing, while reading as it goes


def stored(db: Path) -> list[tuple[int, int, str]]:
    with open_project(db) as project, project.session() as s:
        return [(sp.start, sp.end, sp.label) for p in list_pages(s) for sp in list_spans(s, p.id)]


def test_a_fault_late_in_the_file_undoes_what_was_stored(sample_db: Path, tmp_path: Path) -> None:
    lines = [line(label=[[0, 2, "policy"], [2, 4, "target"]])] * 300
    path = jsonl(tmp_path, *lines, line(spans=[good(), {**good(), "annotator": 7}]))
    refused(sample_db, path, "spans.jsonl, line 301: span 2's annotator is not text (it is 7)")
    assert stored(sample_db) == []
    last = json.dumps({"text": TEXT, "label": [[0, 2, "policy"], [0, 3, "goal"]]})
    refused(
        sample_db,
        jsonl(tmp_path, *lines, last, name="labels.jsonl"),
        "the project has no label goal (add them with --create-labels, or change the labels "
        "in the file)",
    )
    stray = json.dumps({"text": "这段文字不在任何一页上", "label": [[0, 2, "policy"]]})
    refused(
        sample_db,
        jsonl(tmp_path, *lines, stray, name="stray.jsonl"),
        "nothing was imported: stray.jsonl, line 301: its text is on no page of the project",
    )
    with open_project(sample_db) as project:  # the good lines alone: stored once
        outcome = import_spans(project, [jsonl(tmp_path, *lines, name="good.jsonl")])
    assert (sum(outcome.added.values()), outcome.known, outcome.records) == (2, 598, 300)
    assert sorted(stored(sample_db)) == [(0, 2, "policy"), (2, 4, "target")]


@pytest.mark.parametrize("piece", [1, 7, 4096])
def test_a_line_read_in_pieces_gives_what_json_gives(
    monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    """Values cut anywhere between two pieces (a number, a string, a surrogate pair) come
    out whole."""
    text = "加速城乡融合😀" * 40
    spans = [
        {"start": s, "end": s + 3 + s % 5, "label": ["policy", "target"][s % 2],
         "status": "rejected" if s % 7 == 0 else "accepted", "annotator": "审校员甲",
         "attributes": {"value": s * 1.5, "unit": "万人"} if s % 3 == 0 else {},
         "note": "核对\n原文" if s % 4 == 0 else ""}
        for s in range(0, 200)
    ]  # fmt: skip
    record = {"page": 3, "text": text, "spans": spans,
              "label": [[s["start"], s["end"], s["label"]] for s in spans
                        if s["status"] != "rejected"]}  # fmt: skip
    monkeypatch.setattr(json_stream, "_PIECE", piece)
    (got,) = read_jsonl("\n\n" + json.dumps(record) + "\n", "x.jsonl")
    assert (got.text, got.page) == (text, 3)
    assert [
        (s.start, s.end, s.label, s.status, s.annotator, s.attributes, s.note) for s in got.spans
    ] == [tuple(s.values()) for s in spans]


def test_more_spans_than_a_batch_are_each_stored_once(sample_db: Path, tmp_path: Path) -> None:
    with open_project(sample_db) as project, project.transaction() as s:
        page = list_pages(s)[0].id
        correct_page_in(s, page)  # as the import does
        text = current_text(s, page)[:200]
    labels = [[a, b, "policy"] for a in range(0, 120) for b in range(a + 1, a + 60)]
    assert len(labels) > _BATCH
    path = jsonl(tmp_path, json.dumps({"text": text, "label": labels + labels[:10]}))
    with open_project(sample_db) as project:
        outcome = import_spans(project, [path])
    assert (outcome.added["policy"], outcome.known) == (len(labels), 10)
    assert len(stored(sample_db)) == len(labels)


def test_two_annotators_work_on_the_same_characters_is_kept_as_theirs(
    sample_db: Path, tmp_path: Path
) -> None:
    """Each annotator's spans are a layer of their own: the same span from two people is
    two spans (agreement is measured on them); from one person, once."""
    with open_project(sample_db) as project, project.transaction() as s:
        page = list_pages(s)[0].id
        correct_page_in(s, page)
        text = current_text(s, page)[:200]
    one = jsonl(tmp_path, json.dumps({"text": text, "label": [[0, 4, "policy"]]}))
    with open_project(sample_db) as project:
        assert import_spans(project, [one], annotator="lin").added["policy"] == 1
        assert import_spans(project, [one], annotator="wang").added["policy"] == 1
        again = import_spans(project, [one], annotator="lin")
        assert (again.added["policy"], again.known) == (0, 1)
        with project.session() as s:
            spans = list_spans(s, page)
    assert sorted(span.annotator for span in spans) == ["lin", "wang"]
