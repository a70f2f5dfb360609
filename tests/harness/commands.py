"""The commands the kill -9 harness runs: each a real ``xzannot`` command line (or, to test
the harness, a deliberately broken one), drawn from an episode's random stream against the
project it has built so far, and run as a process or in this interpreter."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import sys
import time
import traceback
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from tests.harness.state import copy_project, read_only

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SAMPLE_PDF = SAMPLES / "xiuzhou-2022-sample.pdf"
SAMPLE_DUMP = SAMPLES / "xiuzhou-2022-p52-dump.txt"
SAMPLE_REFERENCE = SAMPLES / "xiuzhou-2022-web-transcription.txt"
GOLD = ROOT / "tests" / "data" / "gold" / "sample-spans.jsonl"
SAMPLE_TITLE = SAMPLE_PDF.stem

# kinds of command, and how often each is drawn
KINDS: dict[str, float] = {
    "import": 3.0,
    "reference": 1.5,
    "suggest": 2.0,
    "suggest-rules": 1.0,
    "text": 1.0,
    "import-spans": 2.0,
    "collate": 1.0,
    "export-jsonl": 1.0,
    "export-txt": 1.0,
    "export-images": 0.3,
}
# deliberately broken commands, to show the harness catches what it is for: an import of two
# files in two transactions (half-applied when killed between them), and an import that
# prints its result before storing anything (a lost commit when killed before it stores)
BROKEN_KINDS: dict[str, float] = {"split-import": 1.0, "early-claim": 1.0}


@dataclass(frozen=True)
class Command:
    """One command of a chain: the ``xzannot`` argument lists it runs (one, unless broken)."""

    kind: str
    runs: tuple[tuple[str, ...], ...]
    out: Path | None = None  # an export's file or folder
    claim: str = ""  # broken variant: printed before anything is done

    @property
    def real(self) -> bool:
        """Whether it is exactly one ``python3 -m xzannot`` command."""
        return len(self.runs) == 1 and not self.claim

    def shown(self) -> str:
        return " && ".join("xzannot " + " ".join(run) for run in self.runs)

    def moved(self, db: Path, twin_db: Path, twin_out: Path | None) -> Command:
        """The same command on another project (and export target)."""
        swap = {str(db): str(twin_db)}
        if self.out is not None and twin_out is not None:
            swap[str(self.out)] = str(twin_out)
        runs = tuple(tuple(swap.get(a, a) for a in run) for run in self.runs)
        return replace(self, runs=runs, out=twin_out)


_BROKEN_SCRIPT = (
    "import json, sys\n"
    "from xzannot.cli import main\n"
    "spec = json.loads(sys.argv[1])\n"
    "if spec['claim']:\n"
    "    print(spec['claim'], flush=True)\n"
    "for argv in spec['runs']:\n"
    "    code = main(argv)\n"
    "    if code:\n"
    "        raise SystemExit(code)\n"
)


def process_argv(command: Command) -> list[str]:
    """How a command is started as a process."""
    if command.real:
        return [sys.executable, "-m", "xzannot", *command.runs[0]]
    spec = json.dumps({"claim": command.claim, "runs": [list(r) for r in command.runs]})
    return [sys.executable, "-c", _BROKEN_SCRIPT, spec]


def command_env(folder: Path) -> dict[str, str]:
    """The environment of the commands: this checkout, a private user folder, unbuffered
    output (what a killed command printed is not lost in a buffer)."""
    path = os.environ.get("PYTHONPATH")
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else ""),
        "XZANNOT_DATA_DIR": str(folder / "userdata"),
        "PYTHONUNBUFFERED": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }


@dataclass(frozen=True)
class Ran:
    """How a command ended."""

    code: int  # exit code; negative: the signal that ended it
    out: str
    err: str
    seconds: float
    killed: bool = False  # by the harness
    in_write: bool = False  # holding the write lock when killed
    hung: bool = False
    windows: tuple[tuple[float, float], ...] = ()  # when it held the write lock (s from start)


def run_inline(command: Command) -> Ran:
    """Run a command in this interpreter (the same code as the process runs)."""
    from xzannot.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    code = 0
    if command.claim:
        out.write(command.claim + "\n")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        for run in command.runs:
            try:
                code = main(list(run))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except Exception:
                err.write(traceback.format_exc())
                code = 99
            if code:
                break
    return Ran(code, out.getvalue(), err.getvalue(), time.monotonic() - start)


@dataclass(frozen=True)
class Template:
    """The starting project of every episode, and quotes its pages hold once each."""

    path: Path
    quotes: tuple[tuple[int, str], ...]  # (page number, quote) on the sample's pages


def build_template(folder: Path) -> Template:
    """The sample yearbook imported with its dump and reference, suggestions made, in a new
    project; and the gold quotes that occur once each on their page of it."""
    from xzannot.store.database import open_project
    from xzannot.store.documents import current_text, get_document, list_pages

    db = folder / "template.xzannot.sqlite"
    setup = (
        ("import", str(SAMPLE_PDF), str(SAMPLE_DUMP)),
        ("import", "--reference", "--document", SAMPLE_TITLE, str(SAMPLE_REFERENCE)),
        ("suggest",),
    )
    for argv in setup:
        ran = run_inline(Command("setup", ((*argv, "--db", str(db)),)))
        if ran.code != 0:
            raise RuntimeError(f"cannot build the starting project: {ran.err}")
    with open_project(db) as project, project.session() as s:
        doc = get_document(s, SAMPLE_TITLE)
        texts = {p.number: current_text(s, p.id) for p in list_pages(s, doc.id)}
    quotes = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        page, quote = record["page"], record["quote"]
        if len(quote) >= 3 and texts.get(page, "").count(quote) == 1:
            quotes.append((page, quote))
    if not quotes:
        raise RuntimeError("no gold quote is found once on its page")
    return Template(db, tuple(quotes))


@dataclass
class Episode:
    """One episode's project, files and random stream."""

    number: int
    kinds: tuple[tuple[str, float], ...]  # kinds of command and their weights
    template: Template
    folder: Path
    rng: random.Random
    db: Path = field(init=False)
    made: int = 0  # files made so far (each name used once)

    def __post_init__(self) -> None:
        self.db = self.folder / "project.xzannot.sqlite"
        (self.folder / "files").mkdir(parents=True, exist_ok=True)
        (self.folder / "out").mkdir(exist_ok=True)
        (self.folder / "userdata").mkdir(exist_ok=True)
        copy_project(self.template.path, self.db)

    def new_file(self, stem: str, suffix: str, data: bytes | str) -> Path:
        self.made += 1
        path = self.folder / "files" / f"{stem}{self.number}-{self.made}{suffix}"
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return path

    def documents(self) -> list[tuple[int, str, str, int]]:
        """(id, title, kind, pages) of each document."""
        with closing(read_only(self.db)) as conn:
            return list(conn.execute("SELECT id, title, kind, page_count FROM documents"))

    def sample_copies(self) -> list[tuple[int, str]]:
        """(id, title) of the documents that are the sample PDF (its pages hold the quotes)."""
        return [(i, t) for i, t, kind, pages in self.documents() if kind == "pdf" and pages == 3]

    def next_command(self) -> Command:
        names = [name for name, _ in self.kinds]
        weights = [weight for _, weight in self.kinds]
        kind = self.rng.choices(names, weights)[0]
        return MAKERS[kind](self)


def _db(e: Episode) -> tuple[str, str]:
    return ("--db", str(e.db))


def _pdf_variant(e: Episode) -> Path:
    # the sample's bytes and a comment after its end: another file (another hash), same pages
    data = SAMPLE_PDF.read_bytes() + f"\n% kill harness copy {e.number}-{e.made}\n".encode()
    return e.new_file("v", ".pdf", data)


def _make_import(e: Episode) -> Command:
    files = [str(_pdf_variant(e))]
    if e.rng.random() < 0.5:
        dump = SAMPLE_DUMP.read_text(encoding="utf-8")
        files.append(str(e.new_file("d", ".txt", f"{dump}\n第{e.made}号附记。\n")))
    return Command("import", (("import", *files, *_db(e)),))


def _make_split_import(e: Episode) -> Command:
    first, second = _pdf_variant(e), _pdf_variant(e)
    return Command(
        "split-import",
        (("import", str(first), *_db(e)), ("import", str(second), *_db(e))),
    )


def _make_early_claim(e: Episode) -> Command:
    pdf = _pdf_variant(e)
    return Command(
        "early-claim", (("import", str(pdf), *_db(e)),), claim=f"{pdf.name}: imported 3 pages"
    )


def _make_reference(e: Episode) -> Command:
    doc_id, _ = e.rng.choice(e.sample_copies())
    text = SAMPLE_REFERENCE.read_text(encoding="utf-8")
    files = [str(e.new_file("r", ".txt", f"第{e.made}号参考，{tag}。\n{text}")) for tag in "甲乙"]
    return Command(
        "reference", (("import", "--reference", "--document", str(doc_id), *files, *_db(e)),)
    )


def _make_suggest(e: Episode) -> Command:
    scope: tuple[str, ...] = ()
    if e.rng.random() < 0.5:
        doc_id, _ = e.rng.choice(e.sample_copies())
        scope = ("--document", str(doc_id))
    return Command("suggest", (("suggest", *scope, *_db(e)),))


def _rules_variant(e: Episode) -> Command:
    shipped = (ROOT / "resources" / "rules.toml").read_text(encoding="utf-8")
    _, quote = e.rng.choice(e.template.quotes)
    start = e.rng.randrange(0, max(1, len(quote) - 2))
    word = re.escape(quote[start : start + e.rng.randint(2, 4)])
    label = e.rng.choice(["target", "project", "policy"])
    rule = (
        f'\n[[rule]]\nname = "kill-{e.number}-{e.made}"\nlabel = "{label}"\npattern = \'{word}\'\n'
    )
    rules = e.new_file("k", ".toml", shipped + rule)
    return Command("suggest-rules", (("suggest", "--rules", str(rules), "--save-rules", *_db(e)),))


def _make_text(e: Episode) -> Command:
    doc_id, _, _, pages = e.rng.choice([d for d in e.documents() if d[2] in ("pdf", "text")])
    page = e.rng.randint(1, pages)
    return Command("text", (("text", "--document", str(doc_id), "--page", str(page), *_db(e)),))


def _make_import_spans(e: Episode) -> Command:
    copies = e.sample_copies()
    create = e.rng.random() < 0.3
    records = []
    for _ in range(e.rng.randint(1, 4)):
        _, title = e.rng.choice(copies)
        page, quote = e.rng.choice(e.template.quotes)
        start = e.rng.randrange(0, len(quote) - 1)
        end = e.rng.randint(start + 2, len(quote)) if start + 2 <= len(quote) else len(quote)
        label = f"k{e.number}x{e.made}" if create else e.rng.choice(["target", "project", "policy"])
        records.append(
            {"document": title, "page": page, "text": quote, "label": [[start, end, label]]}
        )
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    spans = e.new_file("s", ".jsonl", body)
    extra = ("--create-labels",) if create else ()
    return Command("import-spans", (("import-spans", str(spans), *extra, *_db(e)),))


def _make_collate(e: Episode) -> Command:
    scope: tuple[str, ...] = ()
    if e.rng.random() < 0.5:
        doc_id, _ = e.rng.choice(e.sample_copies())
        scope = ("--document", str(doc_id))
    return Command("collate", (("collate", *scope, *_db(e)),))


def _make_export(fmt: str, name: str, *extra: str) -> Callable[[Episode], Command]:
    def make(e: Episode) -> Command:
        out = e.folder / "out" / name
        scope: tuple[str, ...] = ()
        if fmt == "pagexml":
            doc_id, _ = e.rng.choice(e.sample_copies())
            scope = ("--document", str(doc_id))
        argv = ("export", "--format", fmt, "--out", str(out), *extra, *scope, *_db(e))
        return Command(f"export-{name.split('.', maxsplit=1)[0]}", (argv,), out=out)

    return make


MAKERS: dict[str, Callable[[Episode], Command]] = {
    "import": _make_import,
    "reference": _make_reference,
    "suggest": _make_suggest,
    "suggest-rules": _rules_variant,
    "text": _make_text,
    "import-spans": _make_import_spans,
    "collate": _make_collate,
    "export-jsonl": _make_export("jsonl", "jsonl.jsonl", "--status", "all"),
    "export-txt": _make_export("txt", "txt"),
    "export-images": _make_export("pagexml", "images", "--images"),
    "split-import": _make_split_import,
    "early-claim": _make_early_claim,
}
