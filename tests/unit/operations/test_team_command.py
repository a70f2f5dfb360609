"""``xzannot assign``, ``progress`` and ``curate`` on the sample project, and their mistakes
in one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.unit.test_cli import xzannot as run
from xzannot.operations.labelling import add_span
from xzannot.operations.project import open_project

SAMPLE, DUMP = "xiuzhou-2022-sample", "xiuzhou-2022-p52-dump"


def cli(*args: str | Path) -> tuple[int, str, str]:
    done = run(*args, env_dir=Path(os.environ["XZANNOT_DATA_DIR"]))
    return int(done.returncode), done.stdout, done.stderr


def test_assign_list_remove_and_curators(sample: Path) -> None:
    assert cli("assign", "--db", sample, "lin", "--document", SAMPLE, "--pages", "2-3") == (
        0,
        f"assignment 1: lin, {SAMPLE}, pages 2-3\n",
        "",
    )
    code, out, _ = cli("assign", "--db", sample, "wang", "--document", DUMP)
    assert code == 0 and out == f"assignment 2: wang, {DUMP}, all pages\n"
    assert cli("assign", "--db", sample, "--curator", "chen")[1] == "chen is a curator\n"
    code, out, _ = cli("assign", "--db", sample, "--list")
    assert out.splitlines() == [
        f"1\tlin\t{SAMPLE}\tpages 2-3",
        f"2\twang\t{DUMP}\tall pages",
        "curators: chen",
    ]
    assert cli("assign", "--db", sample, "--remove", "2")[1] == "assignment 2 removed\n"
    code, out, _ = cli("assign", "--db", sample, "--curator", "chen", "--not")
    assert out == "chen is no longer a curator\n"
    code, out, _ = cli("assign", "--db", sample, "--list")
    assert out.splitlines() == [f"1\tlin\t{SAMPLE}\tpages 2-3", "curators: none"]


def test_progress_as_a_table_and_as_json(sample: Path) -> None:
    code, out, _ = cli("progress", "--db", sample)
    assert code == 0 and "no pages are given to anyone yet" in out
    cli("assign", "--db", sample, "lin", "--document", SAMPLE)
    cli("assign", "--db", sample, "wang", "--document", SAMPLE, "--pages", "1")
    with open_project(sample) as project:
        add_span(project, 1, (0, 4), "policy", "lin")
    code, out, _ = cli("progress", "--db", sample)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == [
        "annotator", "document", "assigned", "done", "in", "progress", "to", "do", "spans", "last",
    ]  # fmt: skip
    assert lines[1].split()[:7] == ["lin", SAMPLE, "3", "0", "0", "3", "1"]
    assert lines[2].split() == ["wang", SAMPLE, "1", "0", "0", "1", "0", "—"]
    code, out, _ = cli("progress", "--db", sample, "--json", "--document", SAMPLE)
    rows = json.loads(out)["progress"]
    assert [(r["annotator"], r["assigned"], r["spans"]) for r in rows] == [
        ("lin", 3, 1),
        ("wang", 1, 0),
    ]
    assert rows[0]["last_activity"] and rows[1]["last_activity"] is None


def test_curate_takes_the_agreed_spans(sample: Path) -> None:
    with open_project(sample) as project:
        for who in ("lin", "wang"):
            add_span(project, 1, (0, 4), "policy", who)
        add_span(project, 1, (10, 14), "policy", "lin")
    cli("assign", "--db", sample, "--curator", "chen")
    assert cli("curate", "--db", sample, "--as", "chen", "--take-agreed") == (
        0,
        "took 1 agreed span into the curated layer\n",
        "",
    )
    code, out, _ = cli("curate", "--db", sample, "--as", "chen", "--take-agreed", "--document", "1")
    assert (code, out) == (0, "took 0 agreed spans into the curated layer\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assign", "lin", "--document", "nope"], "no document 'nope'"),
        (["assign", "lin", "--document", SAMPLE, "--pages", "x"], "--pages x: write page numbers"),
        (["assign", "lin", "--document", SAMPLE, "--pages", "2-9"], "has no page 9"),
        (["assign", "lin"], "say whom to give pages to and of which document"),
        (["assign", "--remove", "7"], "there is no assignment 7"),
        (["progress", "--document", "nope"], "no document 'nope'"),
        (["curate", "--as", "lin", "--take-agreed"], "lin is not one"),
        (["curate", "--as", "lin"], "--take-agreed"),
    ],
)
def test_mistakes_are_one_line(sample: Path, args: list[str], message: str) -> None:
    code, out, err = cli(args[0], "--db", sample, *args[1:])
    assert code == 1 and not out
    assert err.startswith("xzannot: ") and len(err.strip().splitlines()) == 1 and message in err


def test_export_chooses_a_layer(sample: Path, tmp_path: Path) -> None:
    from xzannot.core.spans import SpanLayer
    from xzannot.operations.correcting_all import correct_pages
    from xzannot.operations.team import set_curator

    with open_project(sample) as project:
        correct_pages(project, [1])
        set_curator(project, "zhao")
        add_span(project, 1, (0, 4), "policy", "lin")
        add_span(project, 1, (0, 4), "policy", "wang")
        add_span(project, 1, (0, 2), "policy", "zhao", layer=SpanLayer.CURATED)

    def exported(*layer: str) -> list[tuple[int, int, str]]:
        out = tmp_path / f"{'-'.join(layer)}.jsonl"
        code, _, err = cli("export", "--db", sample, "--format", "jsonl", "--out", out,
                           "--layer", *layer)  # fmt: skip
        assert code == 0, err
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        return sorted((s["start"], s["end"], s["annotator"]) for r in records for s in r["spans"])

    assert exported("curated") == [(0, 2, "zhao")]
    assert exported("annotator", "wang") == [(0, 4, "wang")]
    assert exported("annotators") == [(0, 4, "lin"), (0, 4, "wang")]
    assert exported("all") == [(0, 2, "zhao"), (0, 4, "lin"), (0, 4, "wang")]
    code, _, err = cli("export", "--db", sample, "--format", "jsonl", "--out",
                       tmp_path / "x.jsonl", "--layer", "mine")  # fmt: skip
    assert (
        code == 1
        and err == "xzannot: --layer mine: say curated, annotator NAME, annotators or all\n"
    )
