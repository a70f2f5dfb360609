"""`xzannot search`: hits in context or as JSON, filters, saved searches, and every hit
labelled or corrected from the command line; mistakes in one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.unit.test_cli import xzannot as run


def cli(*args: str | Path) -> tuple[int, str, str]:
    done = run(*args, env_dir=Path(os.environ["XZANNOT_DATA_DIR"]))
    return int(done.returncode), done.stdout, done.stderr


@pytest.fixture
def project(sample: Path) -> Path:
    assert cli("suggest", "--db", sample)[0] == 0
    return sample


def test_hits_are_printed_in_context_grouped_by_page(project: Path) -> None:
    code, out, err = cli("search", "城镇新增\n就业", "--db", project)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "2 hits on 2 pages"
    assert sum("【城镇新增就业】人数1.6万人以上" in line for line in lines) == 2
    assert any(line.startswith("xiuzhou-2022-sample p. 2 (printed 22): 1") for line in lines)


def test_json_output_names_document_page_and_offsets(project: Path) -> None:
    code, out, _ = cli("search", "万人", "--db", project, "--json", "--label", "target")
    assert code == 0
    found = json.loads(out)
    assert found["count"] == len(found["hits"]) >= 1
    hit = found["hits"][0]
    assert hit["match"] == "万人" and hit["printed_page"] == "22"
    assert {"document", "document_id", "page", "page_id", "start", "end", "before", "after"} <= set(
        hit
    )
    code, out, _ = cli(
        "search", "--db", project, "--json", "--where", "value >= 1000", "--where", "unit = 元"
    )
    assert [h["match"] for h in json.loads(out)["hits"]] == ["困难群众人均年增收2000元"] * 2


def test_every_hit_marked_and_corrected_from_the_command_line(project: Path) -> None:
    code, out, _ = cli("search", "力争", "--db", project, "--mark", "policy", "--as", "lin")
    assert code == 0
    marked = int(out.splitlines()[-1].split()[1])
    assert marked >= 3
    code, out, _ = cli("search", "力争", "--db", project, "--label", "policy", "--annotator", "lin")
    assert out.splitlines()[-1].startswith(f"{marked} hits")
    code, out, _ = cli("search", "力争", "--db", project, "--replace", "努力争取")
    assert code == 0 and out.splitlines()[-1].startswith(f"corrected {marked} hits")
    code, out, _ = cli("search", "努力争取", "--db", project)
    assert out.splitlines()[-1].startswith(f"{marked} hits")
    assert cli("check", "--db", project)[0] == 0


def test_saved_searches_from_the_command_line(project: Path) -> None:
    assert cli("search", "以上", "--pages", "2-3", "--db", project, "--save", "以上 p2-3")[0] == 0
    _code, out, _ = cli("search", "--db", project, "--list-saved")
    assert out.splitlines() == ["以上 p2-3"]
    first = cli("search", "以上", "--pages", "2-3", "--db", project)[1]
    assert cli("search", "--saved", "以上 p2-3", "--db", project)[1] == first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["[亿", "--regex"], "is not a regular expression"),
        (["亿", "--where", "value big"], "NAME OP VALUE"),
        (["亿", "--pages", "two"], "--pages two"),
        (["亿", "--document", "nope"], "nope"),
        (["--saved", "nope"], "no saved search “nope”"),
        ([], "say what to search for"),
        (["亿", "--mark", "nolabel"], "no label 'nolabel'"),
        (["力争", "--original", "--replace", "x"], "original text cannot be"),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(
    project: Path, args: list[str], message: str
) -> None:
    before = project.read_bytes()
    code, _, err = cli("search", *args, "--db", project)
    assert code == 1
    assert err.startswith("xzannot: ") and len(err.strip().splitlines()) == 1 and message in err
    assert project.read_bytes() == before
