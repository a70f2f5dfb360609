"""The command line as a user runs it: real files, exit codes and messages.

Commands run in this process through ``xzannot.cli.main`` with their output captured, as
a process would print it (a test that starts the installed program as a process is in
``test_install.py``); the import-time test starts a process because that is its point.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLE_DUMP, SAMPLE_PDF, SAMPLE_REFERENCE, shared_file
from xzannot.cli import main


def xzannot(*args: str | Path, env_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line with these arguments; what it printed and its exit code."""
    assert os.environ["XZANNOT_DATA_DIR"] == str(env_dir)
    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, usage mistakes
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def test_help_and_usage_mistakes_load_no_heavy_library() -> None:
    """--help answers at once: it imports neither the database, pdfium, Qt nor rapidfuzz."""
    heavy = ("sqlalchemy", "alembic", "pypdfium2", "rapidfuzz", "PySide6", "lxml")
    script = (
        "import sys\n"
        "from xzannot.cli import main\n"
        "for argv in (['--help'], ['export', '--help'], ['export', '--format', 'x']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('loaded:', *sorted({m.split('.')[0] for m in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.splitlines()[-1].split()[1:]
    assert "xzannot" in loaded
    assert not set(heavy) & set(loaded)


def assert_user_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("xzannot: ")
    assert words in lines[0]


@pytest.fixture
def project(tmp_path: Path, user_data_dir: Path) -> Path:
    db = tmp_path / "cli.xzannot.sqlite"
    result = xzannot("import", SAMPLE_PDF, SAMPLE_DUMP, "--db", db, env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    assert "xiuzhou-2022-sample.pdf: imported 3 pages as document 1" in result.stdout
    assert "xiuzhou-2022-p52-dump.txt: imported 1 page as document 2" in result.stdout
    return db


def test_import_stats_and_text(project: Path, user_data_dir: Path) -> None:
    ref = xzannot("import", "--reference", SAMPLE_REFERENCE, "--db", project, env_dir=user_data_dir)
    assert ref.returncode == 0
    assert "stored for document 1" in ref.stdout
    stats = xzannot("stats", "--db", project, env_dir=user_data_dir)
    assert stats.returncode == 0
    assert "documents      2" in stats.stdout
    assert "pages          4 (to do 4)" in stats.stdout
    assert "references     1" in stats.stdout
    assert "spans target   0" in stats.stdout
    page = xzannot("text", "--db", project, "--page", "2", env_dir=user_data_dir)
    assert page.returncode == 0
    assert "— 22 —" not in page.stdout  # the body, without running head and folio
    assert "全面深化数字化改革。" in page.stdout  # in reading order, normalised
    original = xzannot("text", "--db", project, "--page", "2", "--original", env_dir=user_data_dir)
    assert "— 22 —" in original.stdout
    dump = xzannot(
        "text", "--db", project, "--page", "1", "--document", "xiuzhou-2022-p52-dump", "--original",
        env_dir=user_data_dir,
    )  # fmt: skip
    assert dump.stdout.rstrip("\n") == SAMPLE_DUMP.read_text(encoding="utf-8").rstrip("\n")


def test_db_may_come_before_the_command(project: Path, user_data_dir: Path) -> None:
    result = xzannot("--db", project, "stats", env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    assert "documents      2" in result.stdout


def test_importing_again_is_recognised(project: Path, user_data_dir: Path) -> None:
    again = xzannot("import", SAMPLE_PDF, "--db", project, env_dir=user_data_dir)
    assert again.returncode == 0
    assert "already in the project (document 1)" in again.stdout


def test_default_project_lives_in_the_user_data_folder(user_data_dir: Path) -> None:
    result = xzannot("import", SAMPLE_DUMP, env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    assert (user_data_dir / "default.xzannot.sqlite").is_file()
    assert xzannot("stats", env_dir=user_data_dir).returncode == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import", "nowhere.pdf"], "nowhere.pdf: no such file"),
        (
            ["import", DATA / "encrypted-sample.pdf"],
            "is encrypted; give its password with --password",
        ),
        (["import", DATA / "encrypted-sample.pdf", "--password", "nope"], "the password is wrong"),
        (["import", DATA / "README.md"], "is not a PDF, an image (TIFF, JPEG, PNG), an OCR file"),
        (["text", "--page", "9"], "there is no page 9; the document has pages 1 to 3"),
        (["text", "--page", "1", "--document", "nosuch"], "no document 'nosuch'"),
        (["import", "--reference", SAMPLE_PDF], "a reference witness must be a text file"),
    ],
)
def test_user_mistakes_leave_the_project_as_it_was(
    project: Path, user_data_dir: Path, args: list, words: str
) -> None:
    before = project.read_bytes()
    result = xzannot(*args, "--db", project, env_dir=user_data_dir)
    assert_user_error(result, words)
    assert project.read_bytes() == before


def test_encrypted_pdf_imports_with_its_password(tmp_path: Path, user_data_dir: Path) -> None:
    db = tmp_path / "enc.sqlite"
    result = xzannot(
        "import",
        DATA / "encrypted-sample.pdf",
        "--password",
        "secret",
        "--db",
        db,
        env_dir=user_data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "imported 3 pages" in result.stdout


def test_truncated_pdf_creates_no_project(tmp_path: Path, user_data_dir: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(SAMPLE_PDF.read_bytes()[:50_000])
    db = tmp_path / "new.sqlite"
    assert_user_error(xzannot("import", cut, "--db", db, env_dir=user_data_dir), "truncated")
    assert not db.exists()


def test_failed_second_file_stores_neither(
    tmp_path: Path, user_data_dir: Path, project: Path
) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(SAMPLE_PDF.read_bytes()[:50_000])
    other = tmp_path / "other.pdf"
    other.write_bytes((DATA / "scanned-no-text.pdf").read_bytes())
    before = project.read_bytes()
    assert_user_error(
        xzannot("import", other, cut, "--db", project, env_dir=user_data_dir), "truncated"
    )
    assert project.read_bytes() == before


@pytest.mark.parametrize(
    ("make_db", "words"),
    [
        (lambda tmp: tmp / "notes.txt", "is not an xzannot project (it is not an SQLite database)"),
        (lambda tmp: tmp / "missing" / "p.sqlite", "the folder"),
        (lambda tmp: tmp, "is a folder, not a project database"),
    ],
)
def test_unusable_db_paths(tmp_path: Path, user_data_dir: Path, make_db, words: str) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("购物清单", encoding="utf-8")
    db = make_db(tmp_path)
    assert_user_error(xzannot("import", SAMPLE_DUMP, "--db", db, env_dir=user_data_dir), words)
    assert notes.read_text(encoding="utf-8") == "购物清单"


def test_reading_a_missing_project_does_not_create_it(tmp_path: Path, user_data_dir: Path) -> None:
    db = tmp_path / "absent.sqlite"
    assert_user_error(xzannot("stats", "--db", db, env_dir=user_data_dir), "no project at")
    assert not db.exists()


def test_usage_mistakes_are_one_line(user_data_dir: Path) -> None:
    result = xzannot("text", "--page", "two", env_dir=user_data_dir)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_reflow_prints_the_dump_in_reading_order(user_data_dir: Path) -> None:
    result = xzannot("reflow", SAMPLE_DUMP, env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("实现24小时内常住人口50%的全员核酸检测能力。")
    assert "P. 52" not in result.stdout
    kept = xzannot("reflow", SAMPLE_DUMP, "--keep", "spacing", env_dir=user_data_dir)
    assert kept.stdout.startswith("实现 24 小时内")


def test_reflow_refuses_a_pdf(user_data_dir: Path) -> None:
    assert_user_error(
        xzannot("reflow", SAMPLE_PDF, env_dir=user_data_dir), "reflow reads text dumps"
    )


def test_suggest_prints_counts_and_adds_nothing_the_second_time(
    project: Path, user_data_dir: Path
) -> None:
    first = xzannot("suggest", "--db", project, "--document", "1", env_dir=user_data_dir)
    assert first.returncode == 0, first.stderr
    counts = dict(line.split() for line in first.stdout.splitlines()[1:4])
    assert set(counts) == {"target", "project", "policy"}
    assert all(int(n) > 5 for n in counts.values())
    assert "on 3 pages" in first.stdout
    again = xzannot("suggest", "--db", project, "--document", "1", env_dir=user_data_dir)
    assert again.returncode == 0
    assert again.stdout.startswith("0 new suggestions on 3 pages")
    assert f"{sum(map(int, counts.values()))} found again" in again.stdout
    stats = xzannot("stats", "--db", project, env_dir=user_data_dir)
    assert f"spans target   {counts['target']} (suggested {counts['target']})" in stats.stdout


def test_suggest_with_a_broken_rules_file_changes_nothing(
    project: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[vocab]\nunit = ["%"]\n', encoding="utf-8")
    before = project.read_bytes()
    result = xzannot(
        "suggest", "--db", project, "--rules", rules, "--save-rules", env_dir=user_data_dir
    )
    assert_user_error(result, "no [target] table")
    assert project.read_bytes() == before
    missing = xzannot("suggest", "--db", project, "--save-rules", env_dir=user_data_dir)
    assert_user_error(missing, "--save-rules needs --rules FILE")


def test_rules_that_take_too_long_are_stopped_and_not_kept(
    project: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    from xzannot.shipped import resource_text

    rules = tmp_path / "rules.toml"
    runaway = '\n[[rule]]\nname = "runaway"\nlabel = "target"\npattern = "(\\\\w|\\\\w\\\\w)+$"\n'
    rules.write_text(resource_text("rules.toml") + runaway, encoding="utf-8")
    result = xzannot(
        "suggest", "--db", project, "--page", "1", "--rules", rules, "--save-rules",
        env_dir=user_data_dir,
    )  # fmt: skip
    assert result.returncode == 1
    assert "rule 'runaway' on page 1 took longer than" in result.stderr
    assert "were not kept" in result.stderr
    assert "Traceback" not in result.stderr
    again = xzannot("suggest", "--db", project, "--page", "1", env_dir=user_data_dir)
    assert again.returncode == 0, again.stderr  # the project's own rules: the runaway is not there
    assert "runaway" not in again.stderr


def test_export_and_import_spans_round_trip(
    project: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    assert xzannot("suggest", "--db", project, env_dir=user_data_dir).returncode == 0
    out = tmp_path / "corpus.jsonl"
    exported = xzannot(
        "export",
        "--db",
        project,
        "--format",
        "jsonl",
        "--out",
        out,
        "--status",
        "all",
        env_dir=user_data_dir,
    )
    assert exported.returncode == 0, exported.stderr
    total = sum(len(json.loads(line)["spans"]) for line in out.read_text("utf-8").splitlines())
    assert exported.stdout == f"{out}: 4 pages, {total} spans as jsonl\n"
    fresh = tmp_path / "fresh.xzannot.sqlite"
    assert (
        xzannot("import", SAMPLE_PDF, SAMPLE_DUMP, "--db", fresh, env_dir=user_data_dir).returncode
        == 0
    )
    imported = xzannot("import-spans", "--db", fresh, out, env_dir=user_data_dir)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"{total} spans imported from 4 texts (")
    accepted_only = xzannot(
        "export",
        "--db",
        fresh,
        "--format",
        "csv",
        "--out",
        tmp_path / "t.csv",
        env_dir=user_data_dir,
    )
    assert f"{total} spans left out by the filters (status accepted)" in accepted_only.stdout
    page = xzannot(
        "export",
        "--db",
        fresh,
        "--format",
        "pagexml",
        "--out",
        tmp_path / "page",
        "--pages",
        "1",
        "--document",
        "1",
        env_dir=user_data_dir,
    )
    assert page.stdout == f"{tmp_path / 'page'}: 1 page as pagexml\n"
    assert (tmp_path / "page" / "xiuzhou-2022-sample-p0001.xml").is_file()


def test_export_and_import_mistakes_are_one_line(
    project: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    before = project.read_bytes()
    missing = xzannot(
        "export",
        "--db",
        project,
        "--format",
        "jsonl",
        "--out",
        tmp_path / "no" / "x.jsonl",
        env_dir=user_data_dir,
    )
    assert_user_error(missing, "no such folder")
    images = xzannot(
        "export",
        "--db",
        project,
        "--format",
        "csv",
        "--out",
        tmp_path / "x.csv",
        "--images",
        env_dir=user_data_dir,
    )
    assert_user_error(images, "--images goes with --format pagexml or alto")
    stray = tmp_path / "stray.jsonl"
    stray.write_text('{"text": "不在项目里的文字", "label": [[0, 2, "policy"]]}\n', "utf-8")
    result = xzannot("import-spans", "--db", project, stray, env_dir=user_data_dir)
    assert_user_error(result, "nothing was imported: stray.jsonl, line 1: its text is on no page")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", "utf-8")
    assert_user_error(
        xzannot("import-spans", "--db", project, broken, env_dir=user_data_dir), "not JSON"
    )
    other = tmp_path / "spans.xml"
    other.write_text("<x/>", "utf-8")
    assert_user_error(
        xzannot("import-spans", "--db", project, other, env_dir=user_data_dir),
        "import-spans reads .jsonl files, Label Studio .json exports and brat .ann",
    )
    assert project.read_bytes() == before


def test_collate_prints_every_page(project: Path, user_data_dir: Path) -> None:
    ref = xzannot("import", "--reference", SAMPLE_REFERENCE, "--db", project, env_dir=user_data_dir)
    assert "left out 5 lines of the web page" in ref.stdout
    result = xzannot("collate", "--db", project, "--differences", env_dir=user_data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("xiuzhou-2022-sample page 1 (printed 21): 1 open difference, CER ")
    assert "xiuzhou-2022-sample page 2 (printed 22): 2 open differences" in result.stdout
    assert "  substitution 'ŷ' / '2'" in lines
    assert "  substitution '人代会' / '人民代表大会'" in lines
    assert "xiuzhou-2022-sample page 3 (printed 23): no counterpart in the reference" in lines
    assert "xiuzhou-2022-p52-dump page 1 (printed 22): the document has no reference text" in lines


def test_text_of_a_page_whose_layer_is_garbled_says_so(tmp_path: Path, user_data_dir: Path) -> None:
    pdf = shared_file("realpdfs", "rapiddoc_GBT3620.1-2016_standard_rotated_tables.pdf")
    db = tmp_path / "standard.sqlite"
    assert xzannot("import", pdf, "--db", db, env_dir=user_data_dir).returncode == 0
    garbled = xzannot("text", "--db", db, "--page", "6", env_dir=user_data_dir)
    assert garbled.returncode == 0
    assert garbled.stderr.startswith("xzannot: page 6: the text layer is mostly stray symbols")
    assert "OCR the page" in garbled.stderr
    fine = xzannot("text", "--db", db, "--page", "3", env_dir=user_data_dir)
    assert fine.stderr == "" and "3.1" in fine.stdout
