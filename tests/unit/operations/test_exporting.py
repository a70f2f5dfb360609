"""Exporting a real project and importing spans back, as a researcher or archivist does."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import shared_file
from tests.xml_schemas import schema
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.brat import read_brat
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer
from xzannot.operations.exporting import ExportFilter, export, page_images, parse_page_numbers
from xzannot.operations.importing import import_document
from xzannot.operations.labelling import change_span
from xzannot.operations.span_import import import_spans
from xzannot.operations.suggesting import suggest
from xzannot.store.database import open_project
from xzannot.store.documents import current_text, list_pages
from xzannot.store.spans import list_spans

PAGE_NS = {"p": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"}
ALTO_NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}
EVERY_STATUS = ExportFilter(statuses=tuple(SpanStatus))


@pytest.fixture
def labelled(sample: Path, tmp_path: Path) -> Path:
    """A copy of ``sample`` with suggestions, one accepted, one rejected, one with a note."""
    db = tmp_path / "labelled.xzannot.sqlite"
    shutil.copyfile(sample, db)
    with open_project(db) as project:
        suggest(project)
        with project.session() as s:
            first, second, third, *_ = list_spans(s, list_pages(s)[0].id)
        change_span(project, first.id, status=SpanStatus.ACCEPTED)
        change_span(project, second.id, status=SpanStatus.REJECTED)
        change_span(project, third.id, note="核对原文\n第二行")
    return db


def spans_of(db: Path) -> list[tuple[int, int, int, str, str, str, str]]:
    with open_project(db) as project, project.session() as s:
        numbers = {p.id: (p.document_id, p.number) for p in list_pages(s)}
        return sorted(
            (*numbers[p], sp.start, sp.end, sp.label, sp.status.value, sp.note)  # type: ignore[misc]
            for p in numbers
            for sp in list_spans(s, p)
        )


@pytest.mark.parametrize("kind", ["jsonl", "brat", "labelstudio"])
def test_export_then_import_gives_back_the_same_spans(
    labelled: Path, sample: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / {"jsonl": "corpus.jsonl", "brat": "brat", "labelstudio": "tasks.json"}[kind]
    with open_project(labelled) as project:
        outcome = export(project, kind, out, EVERY_STATUS)
    assert outcome.spans == len(spans_of(labelled)) > 50
    files = sorted(out.glob("*.ann")) if kind == "brat" else [out]
    with open_project(sample) as project:
        imported = import_spans(project, files)
    assert sum(imported.added.values()) == outcome.spans
    assert spans_of(sample) == spans_of(labelled)
    with open_project(sample) as project:  # a second import finds everything already there
        again = import_spans(project, files)
    assert sum(again.added.values()) == 0 and again.known == outcome.spans


def test_brat_files_have_the_spans_on_the_right_characters(labelled: Path, tmp_path: Path) -> None:
    with open_project(labelled) as project:
        export(project, "brat", tmp_path / "brat", EVERY_STATUS)
    folder = tmp_path / "brat"
    assert (folder / "annotation.conf").is_file() and (folder / "visual.conf").is_file()
    pairs = sorted(folder.glob("*.ann"))
    assert [p.stem for p in pairs] == [
        "xiuzhou-2022-p52-dump-p0001",
        "xiuzhou-2022-sample-p0001",
        "xiuzhou-2022-sample-p0002",
        "xiuzhou-2022-sample-p0003",
    ]
    checked = 0
    for ann in pairs:
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")
        record = read_brat(ann.read_text(encoding="utf-8"), text, ann.name)
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, where, quote = line.split("\t")
                start, end = map(int, where.split(" ", 1)[1].split(";")[0].split())
                assert text[start:end] == quote.split(" ")[0][: end - start]
                checked += 1
        assert all(text[s.start : s.end].strip() for s in record.spans)
    rejected = [s for s in spans_of(labelled) if s[5] == "rejected"]
    assert checked == len(spans_of(labelled)) - len(rejected)  # rejected: no brat annotation
    (beside,) = folder.glob("*.rejected.json")
    assert [(s["start"], s["end"]) for s in json.loads(beside.read_text("utf-8"))] == [
        (s[2], s[3]) for s in rejected
    ]


def test_page_and_alto_validate_and_keep_the_layout(labelled: Path, tmp_path: Path) -> None:
    with open_project(labelled) as project:
        page_outcome = export(project, "pagexml", tmp_path / "page")
        alto_outcome = export(project, "alto", tmp_path / "alto")
    # the dump page has no coordinates: said, and left out
    assert page_outcome.pages == alto_outcome.pages == 3
    assert any("no coordinates" in note for note in page_outcome.notes)
    for path in sorted((tmp_path / "page").glob("*.xml")):
        document = etree.parse(str(path))
        assert schema("pagecontent-2019-07-15.xsd").validate(document), path
        regions = document.findall(".//p:TextRegion", PAGE_NS)
        kinds = [r.get("type") for r in regions]
        assert kinds[0] == "header" and kinds[-1] == "page-number"  # furniture apart
        order = [r.get("regionRef") for r in document.findall(".//p:RegionRefIndexed", PAGE_NS)]
        assert order == [r.get("id") for r in regions]
        for region in regions:
            text = "".join(region.find("p:TextEquiv/p:Unicode", PAGE_NS).text.split())
            glyphs = [
                g.find(".//p:Unicode", PAGE_NS).text
                for g in region.iter(f"{{{PAGE_NS['p']}}}Glyph")
            ]
            # every printed character is a glyph with its box (typed-in ones have none)
            assert "".join(glyphs) == text or len(glyphs) >= 0.95 * len(text)
            assert len(glyphs) > 0
    first = etree.parse(str(tmp_path / "page" / "xiuzhou-2022-sample-p0001.xml"))
    folio = first.findall(".//p:TextRegion", PAGE_NS)[-1]
    assert folio.find("p:TextEquiv/p:Unicode", PAGE_NS).text.strip("—– ") == "21"
    assert "heading" in [r.get("type") for r in first.findall(".//p:TextRegion", PAGE_NS)]
    with open_project(labelled) as project, project.session() as s:
        body = current_text(s, list_pages(s)[0].id)
    furniture = len("秀洲年鉴2022特载—21—")
    printed = len("".join(body.split()))
    assert printed + furniture >= len(first.findall(".//p:Glyph", PAGE_NS)) >= 0.98 * printed
    for path in sorted((tmp_path / "alto").glob("*.xml")):
        document = etree.parse(str(path))
        assert schema("alto-4-4.xsd").validate(document), path
        assert document.find(".//a:TopMargin/a:TextBlock", ALTO_NS) is not None
        assert document.find(".//a:BottomMargin/a:TextBlock", ALTO_NS) is not None
        assert document.findall(".//a:PrintSpace//a:Glyph", ALTO_NS)


def test_page_images_are_written_beside_the_xml(
    labelled: Path, tmp_path: Path, worker: PdfiumWorker
) -> None:
    with open_project(labelled) as project:
        render = page_images(project, PageRenderer(worker))
        export(project, "pagexml", tmp_path / "page", ExportFilter(pages=(2,)), render=render)
    (xml,) = sorted((tmp_path / "page").glob("*.xml"))
    page = etree.parse(str(xml)).find(".//p:Page", PAGE_NS)
    png = tmp_path / "page" / page.get("imageFilename")
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (int(page.get("imageWidth")), int(page.get("imageHeight")))


def test_without_images_page_and_alto_name_the_pdf_not_a_missing_png(
    labelled: Path, tmp_path: Path
) -> None:
    with open_project(labelled) as project:
        export(project, "pagexml", tmp_path / "page", ExportFilter(pages=(2,)))
        export(project, "alto", tmp_path / "alto", ExportFilter(pages=(2,)))
    (page_file,) = (tmp_path / "page").glob("*.xml")
    page = etree.parse(str(page_file)).find(".//p:Page", PAGE_NS)
    assert page.get("imageFilename") == "xiuzhou-2022-sample.pdf"
    assert not list((tmp_path / "page").glob("*.png"))
    (alto_file,) = (tmp_path / "alto").glob("*.xml")
    name = etree.parse(str(alto_file)).find(".//a:sourceImageInformation/a:fileName", ALTO_NS)
    assert name.text == "xiuzhou-2022-sample.pdf"


def test_filters_choose_pages_labels_statuses_and_annotators(
    labelled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.jsonl"

    def records(chosen: ExportFilter) -> list[dict]:  # type: ignore[type-arg]
        with open_project(labelled) as project:
            export(project, "jsonl", out, chosen)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    accepted = records(ExportFilter())  # the default: accepted spans only
    assert sum(len(r["spans"]) for r in accepted) == 1
    targets = records(ExportFilter(labels=("target",), statuses=tuple(SpanStatus)))
    assert {s["label"] for r in targets for s in r["spans"]} == {"target"}
    some = records(ExportFilter(documents=("1",), pages=parse_page_numbers("2-3")))
    assert [(r["document_id"], r["page"], r["printed_page"]) for r in some] == [
        (1, 2, "22"),
        (1, 3, "23"),
    ]
    nobody = records(ExportFilter(annotators=("nobody",), statuses=tuple(SpanStatus)))
    assert all(r["spans"] == [] for r in nobody)
    with pytest.raises(UserError, match="not a page number"):
        parse_page_numbers("2-x")


def test_a_failed_export_leaves_what_was_there(
    labelled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "corpus.jsonl"
    out.write_text("earlier export\n", encoding="utf-8")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "mine.txt").write_text("kept", encoding="utf-8")

    def broken(pages, target, *rest):  # type: ignore[no-untyped-def]
        if isinstance(target, Path):
            (target / "half.ann").write_text("T1\t", encoding="utf-8")
        else:
            target.write("half a line")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("xzannot.operations.exporting.write_jsonl", broken)
    monkeypatch.setattr("xzannot.operations.exporting.write_brat", broken)
    with open_project(labelled) as project:  # a full disk is one line, and nothing changes
        with pytest.raises(UserError, match=r"cannot write the export to .*No space left"):
            export(project, "jsonl", out)
        with pytest.raises(UserError, match=r"cannot write the export to .*No space left"):
            export(project, "brat", folder)
        with pytest.raises(UserError, match="no such folder"):
            export(project, "jsonl", tmp_path / "missing" / "corpus.jsonl")
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_a_folder_export_is_swapped_in_whole(labelled: Path, tmp_path: Path) -> None:
    """The new export takes the old one's place in one step (written whole beside it, then
    renamed); files with other names stay, and no temporary folder is left."""
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "stale-p0099.ann").write_text("T1\ttarget 0 1\tx\n", encoding="utf-8")
    (folder / "notes.md").write_text("mine", encoding="utf-8")
    with open_project(labelled) as project:
        export(project, "brat", folder)
        first = sorted(p.name for p in folder.iterdir())
        export(project, "brat", folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == first and "notes.md" in names and "annotation.conf" in names
    assert (folder / "notes.md").read_text(encoding="utf-8") == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_export_killed_between_its_renames_is_mended_by_the_next(
    labelled: Path, tmp_path: Path
) -> None:
    """Killed after the old folder was moved aside and before the new one took its place:
    the next export puts the old one back first (keeping the user's files) and clears the
    temporary folders."""
    folder = tmp_path / "brat"
    aside = tmp_path / ".brat.xzannot-old-k1ll3d"
    aside.mkdir()
    (aside / "notes.md").write_text("mine", encoding="utf-8")
    half = tmp_path / ".brat.xzannot-new-k1ll3d"
    half.mkdir()
    (half / "half.ann").write_text("T1\t", encoding="utf-8")
    with open_project(labelled) as project:
        export(project, "brat", folder)
    assert (folder / "notes.md").read_text(encoding="utf-8") == "mine"
    assert not (folder / "half.ann").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unmatched_texts_and_unknown_labels_import_nothing(sample: Path, tmp_path: Path) -> None:
    good = {"text": "加速城乡融合", "label": [[0, 4, "policy"]]}
    stray = {"text": "这段文字不在任何一页上", "label": [[0, 2, "policy"]]}
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (good, stray)), "utf-8")
    before = sample.read_bytes()
    with (
        open_project(sample) as project,
        pytest.raises(UserError, match="line 2: its text is on no page"),
    ):
        import_spans(project, [path])
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text(json.dumps({"text": "加速城乡融合", "label": [[0, 4, "goal"]]}), "utf-8")
    with open_project(sample) as project, pytest.raises(UserError, match="no label goal"):
        import_spans(project, [unknown])
    assert spans_of(sample) == []
    del before


def test_the_doccano_examples_import(tmp_path: Path, db_path: Path, worker: PdfiumWorker) -> None:
    examples = sorted(shared_file("formats", "doccano").glob("*_sequence_labeling_example.jsonl"))
    texts = {
        json.loads(line).get("text") or json.loads(line)["column_data"]
        for path in examples
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    with open_project(db_path) as project:
        for number, text in enumerate(sorted(texts)):  # each text as a page of its own
            page = tmp_path / f"doccano-{number}.txt"
            page.write_text(text, encoding="utf-8")
            import_document(project, worker, page)
        outcome = import_spans(project, examples, create_labels=True)
    assert sorted(outcome.new_labels) == ["MISC", "ORG", "PERSON"]
    assert sum(outcome.added.values()) == 4 and outcome.known == 3  # both files: same spans
    with open_project(db_path) as project, project.session() as s:
        stored = {(sp.quote, sp.label) for p in list_pages(s) for sp in list_spans(s, p.id)}
    assert stored == {
        ("EU", "ORG"),
        ("German", "MISC"),
        ("Peter Blackburn", "PERSON"),
        ("Obama", "PERSON"),
    }


@pytest.mark.skipif(os.name != "posix", reason="file modes and the umask are POSIX")
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_exported_files_follow_the_users_umask(labelled: Path, tmp_path: Path, umask: int) -> None:
    before = os.umask(umask)
    try:
        with open_project(labelled) as project:
            for kind in ("jsonl", "csv", "brat"):
                export(project, kind, tmp_path / kind)
    finally:
        os.umask(before)
    written = [tmp_path / "jsonl", tmp_path / "csv", *sorted((tmp_path / "brat").iterdir())]
    modes = {stat.S_IMODE(p.stat().st_mode) for p in written}
    assert modes == {0o666 & ~umask}
