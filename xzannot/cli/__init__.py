"""The ``xzannot`` command line (the contract in docs/design.md).

User mistakes end with one line on stderr and exit code 1; a cancelled command
(Ctrl+C) exits with 130 and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from xzannot import __version__
from xzannot.core.normalise import DEFAULT_RULES, RULES
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.errors import CancelledError, UserError
from xzannot.io.corpus.formats import DEFAULT_ANNOTATOR, DEFAULT_STATUSES, FORMATS, TEXT_FORMATS
from xzannot.io.ocr.names import DEFAULT_DPI, DEFAULT_ENGINE, ENGINES
from xzannot.paths import default_project, ensure_folder

if TYPE_CHECKING:
    from xzannot.operations.collating import PageCollation

# Each command imports the modules it uses when it runs, so that --help and usage mistakes
# answer at once, without loading SQLAlchemy, Alembic, pdfium or the collation engine.

EXIT_OK, EXIT_USER_ERROR, EXIT_CANCELLED = 0, 1, 130
_STATUS_WORDS: dict[str, str] = {
    PageStatus.TODO: "to do",
    PageStatus.IN_PROGRESS: "in progress",
    PageStatus.DONE: "done",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes in one line, like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"xzannot: {message} (see xzannot --help)\n")


def _db_arg(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # given before or after the command; a command's own default must not hide the top one
    parser.add_argument(
        "--db",
        metavar="DB",
        default=None if top else argparse.SUPPRESS,
        help="project database: a file path or an SQLAlchemy URL (default: your default project)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog="xzannot",
        description="Review, correct and annotate pages of Chinese yearbooks and reports.",
    )
    parser.add_argument("--version", action="version", version=f"xzannot {__version__}")
    _db_arg(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("demo", help="open the window on the bundled sample yearbook")

    _import_parser(sub)
    _collate_parser(sub)
    _text_parsers(sub)
    _suggest_parser(sub)
    _export_parser(sub)
    _import_spans_parser(sub)
    _ocr_parser(sub)
    _safety_parsers(sub)
    _search_parser(sub)
    _agreement_parser(sub)
    _team_parsers(sub)

    _db_arg(sub.add_parser("stats", help="count pages, edits and spans"))
    return parser


def _import_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot import``: files, or reference witnesses."""
    imp = sub.add_parser(
        "import", help="import PDFs or text dumps (or, with --reference, a witness)"
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _db_arg(imp)
    imp.add_argument(
        "--reference", action="store_true", help="store the text files as reference witnesses"
    )
    imp.add_argument("--document", help="document a reference belongs to (id or name)")
    imp.add_argument("--password", help="password of an encrypted PDF")
    imp.add_argument(
        "--keep-furniture",
        action="store_true",
        help="with --reference: keep web page lines (site notices, addresses, comment boxes)",
    )


def _collate_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot collate``: differences from the reference witness."""
    col = sub.add_parser(
        "collate", help="per page: the differences from the reference witness, and the CER"
    )
    _db_arg(col)
    col.add_argument("--document", help="only this document (id or name)")
    col.add_argument("--page", type=int, help="only this page (from 1 in PDF order)")
    col.add_argument("--differences", action="store_true", help="list each open difference")


def _text_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot text`` (a page of the project) and ``reflow`` (a dump)."""
    text = sub.add_parser(
        "text",
        help="print a page's body in reading order, corrected (corrections are kept as edits)",
    )
    _db_arg(text)
    text.add_argument("--page", type=int, required=True, help="page number, from 1 in PDF order")
    text.add_argument("--document", help="document id or name (default: the first imported)")
    text.add_argument("--original", action="store_true", help="the text as extracted, unedited")

    reflow = sub.add_parser("reflow", help="print a text dump in reading order, normalised")
    reflow.add_argument("file", type=Path, metavar="FILE")
    reflow.add_argument(
        "--keep",
        action="append",
        default=[],
        choices=sorted(RULES),
        help="leave this normalisation out (may be given more than once)",
    )


def _suggest_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot suggest``: the pre-annotation rules."""
    suggest = sub.add_parser(
        "suggest", help="run the pre-annotation rules and store their suggestions"
    )
    _db_arg(suggest)
    suggest.add_argument("--page", type=int, help="only this page (from 1 in PDF order)")
    suggest.add_argument("--document", help="only this document (id or name)")
    suggest.add_argument(
        "--rules", type=Path, metavar="FILE", help="a rules file to use instead of the project's"
    )
    suggest.add_argument(
        "--save-rules",
        action="store_true",
        help="keep the --rules file as the project's rules from now on",
    )


def _export_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot export``: the corpus in a format, filtered."""
    exp = sub.add_parser(
        "export",
        help="write the corpus as jsonl, conll, brat, labelstudio, csv, pagexml, alto or txt",
    )
    _db_arg(exp)
    exp.add_argument(
        "--format",
        required=True,
        choices=list(FORMATS),
        metavar="F",
        help=f"one of {', '.join(FORMATS)}",
    )
    exp.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="PATH",
        help="a file, or a folder for brat, pagexml, alto and txt",
    )
    exp.add_argument(
        "--document",
        action="append",
        default=[],
        help="only this document, by id or name (may be repeated)",
    )
    exp.add_argument("--pages", help="only these page numbers, e.g. 1-3,7")
    exp.add_argument(
        "--label", action="append", default=[], help="only spans with this label (may be repeated)"
    )
    exp.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[*(s.value for s in SpanStatus), "all"],
        help="only spans with this status (default: accepted; may be repeated)",
    )
    exp.add_argument(
        "--annotator",
        action="append",
        default=[],
        help="only spans by this annotator (may be repeated)",
    )
    exp.add_argument(
        "--layer",
        nargs="+",
        metavar="LAYER",
        default=["all"],
        help="whose spans: curated (the curators' merged layer), annotator NAME (one "
        "annotator's own layer), annotators (everyone's own layers) or all (default)",
    )
    exp.add_argument(
        "--images",
        action="store_true",
        help="with pagexml or alto: also write each page's image (PNG, 300 dpi)",
    )


def _import_spans_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot import-spans``: spans made elsewhere."""
    imp_spans = sub.add_parser(
        "import-spans",
        help="add spans from JSONL (as exported, or doccano's), Label Studio JSON or brat .ann",
    )
    imp_spans.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _db_arg(imp_spans)
    imp_spans.add_argument(
        "--annotator",
        default=DEFAULT_ANNOTATOR,
        help="whom spans that name no annotator are recorded for",
    )
    imp_spans.add_argument(
        "--create-labels",
        action="store_true",
        help="add labels the project lacks instead of refusing the files",
    )


def _search_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot search``: every occurrence in the project, in context."""
    find = sub.add_parser(
        "search",
        help="find text across the project (ignoring spacing, line breaks and full/half "
        "width), print each hit in context; optionally label or correct every hit",
    )
    find.add_argument("query", nargs="?", default="", help="the text (or --regex) to find")
    _db_arg(find)
    find.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    find.add_argument("--exact", action="store_true", help="match spacing and width exactly")
    find.add_argument("--original", action="store_true", help="search the uncorrected text")
    find.add_argument("--label", action="append", default=[], help="only hits in such spans")
    find.add_argument(
        "--status", action="append", default=[], choices=[status.value for status in SpanStatus]
    )
    find.add_argument("--annotator", action="append", default=[], help="only their spans")
    find.add_argument(
        "--where", action="append", default=[], metavar="COND", help="e.g. 'value >= 100'"
    )
    find.add_argument("--document", action="append", default=[], help="id or name")
    find.add_argument("--pages", metavar="A-B", help="page numbers within each document")
    find.add_argument("--json", action="store_true", help="print the hits as JSON")
    find.add_argument("--save", metavar="NAME", help="keep this search in the project")
    find.add_argument("--saved", metavar="NAME", help="run the search kept as NAME")
    find.add_argument("--list-saved", action="store_true", help="list the saved searches")
    find.add_argument("--mark", metavar="LABEL", help="label every hit (as suggestions)")
    find.add_argument("--accept", action="store_true", help="with --mark: label as accepted")
    find.add_argument("--replace", metavar="TEXT", help="correct every hit to TEXT")
    find.add_argument("--as", dest="author", default="search", help="who --mark/--replace is")


def _agreement_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot agreement``: how far the annotators agree (κ, α, span F1)."""
    agree = sub.add_parser(
        "agreement",
        help="inter-annotator agreement per label: Cohen's κ and span F1 (exact and "
        "overlapping) per pair, Krippendorff's α across all, the pages that disagree most",
    )
    _db_arg(agree)
    agree.add_argument("--label", action="append", default=[], help="only this label")
    agree.add_argument("--annotator", action="append", default=[], help="only these annotators")
    agree.add_argument("--document", action="append", default=[], help="id or name")
    agree.add_argument("--against", metavar="A", help="measure everyone against annotator A")
    agree.add_argument("--by-document", action="store_true", help="also each document alone")
    agree.add_argument("--json", action="store_true", help="print the figures as JSON")


def _team_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``xzannot assign``, ``progress`` and ``curate``: team review."""
    assign = sub.add_parser(
        "assign", help="give pages of a document to an annotator; list or remove assignments"
    )
    _db_arg(assign)
    assign.add_argument("annotator", nargs="?", metavar="ANNOTATOR", help="whom to give pages")
    assign.add_argument("--document", help="document id or name")
    assign.add_argument("--pages", metavar="A-B", help="only these pages: 3-10, 3-, -10 or 7")
    assign.add_argument("--list", action="store_true", help="list assignments and curators")
    assign.add_argument("--remove", type=int, metavar="ID", help="take an assignment back")
    assign.add_argument("--curator", metavar="NAME", help="make NAME a curator")
    assign.add_argument("--not", dest="no", action="store_true", help="with --curator: no longer")

    prog = sub.add_parser("progress", help="per annotator and document: pages done, spans")
    _db_arg(prog)
    prog.add_argument("--document", help="only this document (id or name)")
    prog.add_argument("--json", action="store_true", help="print the figures as JSON")

    curate = sub.add_parser("curate", help="take what annotators agree on into the curated layer")
    _db_arg(curate)
    curate.add_argument("--as", dest="curator", required=True, metavar="CURATOR", help="who")
    curate.add_argument(
        "--take-agreed", action="store_true", help="take every agreed unit not yet settled"
    )
    curate.add_argument("--document", help="only this document (id or name)")


def _safety_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    check = sub.add_parser("check", help="check a project for damage (changes nothing)")
    _db_arg(check)
    check.add_argument("--quick", action="store_true", help="SQLite's quicker check")
    restore = sub.add_parser(
        "restore", help="bring back a backup of a project file (default: the newest good one)"
    )
    _db_arg(restore)
    restore.add_argument("backup", nargs="?", type=Path, metavar="BACKUP")
    backup = sub.add_parser(
        "backup",
        help="make a verified copy of a project file in <project>.backups/, then thin the "
        "older copies by age; prints the copy's path",
    )
    _db_arg(backup)
    for name, what in (
        ("recent", "the newest copies kept"),
        ("daily", "then days kept, one copy each"),
        ("weekly", "then weeks kept, one copy each"),
    ):
        backup.add_argument(
            f"--{name}", type=int, metavar="N", help=f"{what} (default: as the window keeps)"
        )


def _ocr_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    ocr = sub.add_parser(
        "ocr",
        help="read scanned pages with OCR (default: every page without a text layer)",
    )
    _db_arg(ocr)
    ocr.add_argument("--document", help="only this document (id or name)")
    ocr.add_argument(
        "--pages",
        help="these pages of the document (e.g. 1-3,7), also pages with a text layer to replace",
    )
    ocr.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="the OCR engine (default: %(default)s)",
    )
    ocr.add_argument(
        "--dpi", type=int, default=DEFAULT_DPI, help="resolution to read at (default: %(default)s)"
    )
    ocr.add_argument("--threads", type=int, help="threads the engine uses (default: the cores)")
    ocr.add_argument("--again", action="store_true", help="read pages already read by OCR again")


def _project_location(args: argparse.Namespace, *, create: bool) -> str:
    if args.db:
        return str(args.db)
    path = default_project()
    if create:
        ensure_folder(path.parent)
    return str(path)


class TerminalProgress:
    """Progress of a long import on stderr: a line redrawn in place on a terminal."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self._label = label
        self._stream = stream
        self._live = stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self._live or total <= 1:
            return
        percent = done * 100 // total
        if percent != self._last:
            self._last = percent
            self._stream.write(f"\r{self._label}: page {done}/{total} ({percent}%)")
            self._stream.flush()
        if done == total:
            self._stream.write("\n")


def _import_references(args: argparse.Namespace, out: TextIO) -> int:
    from xzannot.operations.importing import import_references
    from xzannot.operations.project import open_project

    with open_project(_project_location(args, create=False)) as project:
        stored = import_references(
            project, args.files, document=args.document, keep_furniture=args.keep_furniture
        )
        for path, ref in zip(args.files, stored, strict=True):
            state = "was already stored" if ref.already_present else "stored"
            out.write(
                f"{path.name}: reference text of {ref.characters} characters {state} "
                f"for document {ref.document_id} ({ref.document_title})\n"
            )
            if ref.removed:
                out.write(f"left out {len(ref.removed)} lines of the web page:\n")
                for number, line in ref.removed:
                    out.write(f"  line {number}: {line[:60]}{'…' * (len(line) > 60)}\n")
    return EXIT_OK


def _collation_line(result: PageCollation) -> str:
    if result.reference is None:
        return "the document has no reference text"
    if result.collation is None:
        return "no counterpart in the reference"
    coverage = result.collation.coverage(result.text_length)
    settled = f", {result.rejected} rejected" if result.rejected else ""
    return (
        f"{len(result.open)} open difference{'s' * (len(result.open) != 1)}{settled}, "
        f"CER {result.collation.cer:.2%}, the reference covers {coverage:.0%} of the page"
    )


def cmd_collate(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.collating import collate_pages
    from xzannot.operations.overview import chosen_pages
    from xzannot.operations.project import open_project

    with open_project(_project_location(args, create=False)) as project:
        chosen = chosen_pages(project, args.document, args.page)
        pages, titles = chosen.pages, chosen.titles
        results = collate_pages(project, [p.id for p in pages])
    several = len({p.document_id for p in pages}) > 1
    for page, result in zip(pages, results, strict=True):
        name = f"{titles[page.document_id]} " if several else ""
        printed = f" (printed {page.printed_label})" if page.printed_label else ""
        out.write(f"{name}page {page.number}{printed}: {_collation_line(result)}\n")
        if args.differences:
            for d in result.open:
                out.write(f"  {d.kind.value:<12} {d.page_reading!r} / {d.reference_reading!r}\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.operations.importing import import_files

    files: list[Path] = args.files
    for path in files:
        if not path.exists():
            raise UserError(f"{path}: no such file")
    if args.reference:
        return _import_references(args, out)
    worker = PdfiumWorker()
    try:
        outcomes = import_files(
            _project_location(args, create=True),
            worker,
            files,
            password=args.password,
            file_progress=lambda path: TerminalProgress(path.name, err),
        )
    finally:
        worker.shutdown()
    for path, outcome in zip(files, outcomes, strict=True):
        if outcome.already_present:
            out.write(f"{path.name}: already in the project (document {outcome.document_id})\n")
            continue
        extra = (
            f", {outcome.pages_needing_text} without a text layer (need OCR)"
            if outcome.pages_needing_text
            else ""
        )
        out.write(
            f"{path.name}: imported {outcome.pages} page{'s' * (outcome.pages != 1)}{extra} "
            f"as document {outcome.document_id}\n"
        )
    return EXIT_OK


def cmd_ocr(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import threading

    from xzannot.io.ocr.engines import check_engine
    from xzannot.io.ocr.worker import OcrWorker
    from xzannot.operations.ocr import choose_pages, ocr_pages, unsure_total
    from xzannot.operations.project import open_project

    check_engine(args.engine)
    if not 50 <= args.dpi <= 1200:
        raise UserError(f"--dpi {args.dpi} is not a resolution to read at (50 to 1200)")
    if args.threads is not None and not 1 <= args.threads <= 64:
        raise UserError(f"--threads {args.threads} is not a number of threads (1 to 64)")
    with open_project(_project_location(args, create=False)) as project:
        chosen = choose_pages(project, document=args.document, pages=args.pages)
        if not chosen:
            out.write("every page has a text already; give --pages to read pages again\n")
            return EXIT_OK
        cancel = threading.Event()
        with OcrWorker(args.engine, threads=args.threads) as worker:
            try:
                outcome = ocr_pages(
                    project,
                    worker,
                    chosen,
                    dpi=args.dpi,
                    again=args.again,
                    progress=TerminalProgress("OCR", err),
                    cancel=cancel,
                )
            except KeyboardInterrupt:
                cancel.set()
                err.write(
                    "\nxzannot: stopped; the pages read so far are kept, "
                    "and the same command goes on from there\n"
                )
                return EXIT_CANCELLED
        unsure = unsure_total(project, [page_id for page_id, _ in outcome.read])
    characters = sum(n for _, n in outcome.read)
    pages = len(outcome.read)
    out.write(
        f"read {pages} page{'s' * (pages != 1)} ({characters} characters) with {outcome.engine}"
        + (f"; {unsure} unsure characters to check" if unsure else "")
        + "\n"
    )
    if outcome.already:
        out.write(f"{outcome.already} pages had been read before (--again reads them again)\n")
    for line in outcome.skipped:
        out.write(f"left alone: {line}\n")
    for line in outcome.failed:
        err.write(f"xzannot: {line}\n")
    return EXIT_USER_ERROR if outcome.failed else EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.checking import check_project

    db = _project_location(args, create=False)
    report = check_project(db, quick=args.quick)
    if report.sound:
        out.write(f"{db}: no problems found\n")
        return EXIT_OK
    out.write(f"{db}: {len(report.problems)} problem{'s' * (len(report.problems) != 1)}\n")
    for problem in report.problems:
        out.write(f"  {problem}\n")
    out.write(f"bring back a good backup with: xzannot restore --db {db}\n")
    return EXIT_USER_ERROR


def cmd_restore(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.checking import restore_project

    db = _project_location(args, create=False)
    done = restore_project(db, args.backup)
    out.write(f"{db}: restored from {done.backup}; the file it replaced is kept as {done.kept}\n")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.backups import back_up_project

    given = {name: getattr(args, name) for name in ("recent", "daily", "weekly")}
    if any(n is not None and n < 0 for n in given.values()):
        raise UserError("--recent, --daily and --weekly take a count of 0 or more")
    # a count not given is the one kept for the project, as its window's Backups dialog chose
    done = back_up_project(_project_location(args, create=False), **given)
    out.write(f"{done.path}\n")
    return EXIT_OK


def cmd_text(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from xzannot.operations.project import open_project
    from xzannot.operations.showing import find_page, show_page

    with open_project(_project_location(args, create=False)) as project:
        document, page_id = find_page(project, args.document, args.page)
        content = show_page(project, page_id, corrected=not args.original).content
    page = content.page
    if page.needs_text:
        raise UserError(
            f"page {page.number} has no text yet (a scan): read it with "
            f"xzannot ocr --document {document.id} --pages {page.number}"
        )
    if page.suspect:
        err.write(f"xzannot: page {page.number}: {page.suspect}\n")
    text = content.original if args.original else content.current
    out.write(text if text.endswith("\n") or not text else text + "\n")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.overview import project_overview
    from xzannot.operations.project import open_project

    with open_project(_project_location(args, create=False)) as project:
        stats = project_overview(project)
    statuses = ", ".join(
        f"{_STATUS_WORDS.get(k, k)} {v}" for k, v in sorted(stats.pages_by_status.items())
    )
    out.write(f"documents      {stats.documents}\n")
    out.write(f"pages          {stats.pages}" + (f" ({statuses})" if statuses else "") + "\n")
    out.write(f"needing text   {stats.pages_needing_text}\n")
    out.write(f"references     {stats.references}\n")
    out.write(f"edits          {stats.edits}\n")
    for label, by_status in stats.spans.items():
        total = sum(by_status.values())
        detail = ", ".join(f"{k} {v}" for k, v in sorted(by_status.items()))
        out.write(f"spans {label:<8} {total}" + (f" ({detail})" if detail else "") + "\n")
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from xzannot.core.rules import RULE_TIMEOUT
    from xzannot.io.text_import import read_text_file
    from xzannot.operations.overview import chosen_pages
    from xzannot.operations.project import open_project
    from xzannot.operations.suggesting import suggest

    rules: str | None = None
    if args.rules is not None:
        rules = read_text_file(args.rules)
    elif args.save_rules:
        raise UserError("--save-rules needs --rules FILE")
    with open_project(_project_location(args, create=False)) as project:
        page_ids: list[int] | None = None
        if args.page is not None or args.document is not None:
            # a page given alone is one of the first document's
            page_ids = [p.id for p in chosen_pages(project, args.document, args.page).pages]
        # kept only once they have run well, with the suggestions they made
        outcome = suggest(project, page_ids, rules_file=rules, keep_rules=args.save_rules)
    labels = outcome.labels
    total = sum(outcome.added.values())
    out.write(
        f"{total} new suggestion{'s' * (total != 1)} on {outcome.pages} "
        f"page{'s' * (outcome.pages != 1)}\n"
    )
    for label in labels:
        out.write(f"  {label:<8} {outcome.added.get(label, 0)}\n")
    if outcome.known:
        out.write(f"{outcome.known} found again were already there or rejected\n")
    for where in outcome.stopped:
        err.write(f"xzannot: {where} took longer than {RULE_TIMEOUT:g} s and was skipped there\n")
    if outcome.stopped and args.save_rules:
        err.write("xzannot: the rules were not kept as the project's; mend the rules named above\n")
    return EXIT_USER_ERROR if outcome.stopped else EXIT_OK


def _layers(
    words: list[str], annotators: tuple[str, ...]
) -> tuple[tuple[SpanLayer, ...], tuple[str, ...]]:
    """``--layer``: which layers to export, and whose (``annotator NAME`` adds NAME)."""
    kind, names = words[0], tuple(words[1:])
    if kind == "annotator" and names:
        return (SpanLayer.ANNOTATION,), (*annotators, *names)
    if not names and kind in ("all", "curated", "annotators"):
        chosen = {"all": (), "curated": (SpanLayer.CURATED,)}
        return chosen.get(kind, (SpanLayer.ANNOTATION,)), annotators
    raise UserError(f"--layer {' '.join(words)}: say curated, annotator NAME, annotators or all")


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.io.render import PageRenderer
    from xzannot.operations.exporting import ExportFilter, export, page_images, parse_page_numbers
    from xzannot.operations.project import open_project

    statuses = (
        tuple(SpanStatus)
        if "all" in args.status
        else tuple(SpanStatus(v) for v in args.status) or DEFAULT_STATUSES
    )
    layers, annotators = _layers(args.layer, tuple(args.annotator))
    chosen = ExportFilter(
        documents=tuple(args.document),
        pages=parse_page_numbers(args.pages) if args.pages else (),
        labels=tuple(args.label),
        statuses=statuses,
        annotators=annotators,
        layers=layers,
    )
    if args.images and args.format not in ("pagexml", "alto"):
        raise UserError("--images goes with --format pagexml or alto")
    worker = PdfiumWorker() if args.images else None
    try:
        with open_project(_project_location(args, create=False)) as project:
            render = page_images(project, PageRenderer(worker)) if worker else None
            outcome = export(project, args.format, args.out, chosen, render=render)
    finally:
        if worker is not None:
            worker.shutdown()
    pages = f"{outcome.pages} page{'s' * (outcome.pages != 1)}"
    if args.format in TEXT_FORMATS:  # the text and its layout, without spans
        out.write(f"{args.out}: {pages} as {args.format}\n")
    else:
        spans = f"{outcome.spans} span{'s' * (outcome.spans != 1)}"
        out.write(f"{args.out}: {pages}, {spans} as {args.format}\n")
    if outcome.spans_left_out and args.format not in TEXT_FORMATS:
        shown = "/".join(s.value for s in statuses)
        out.write(f"{outcome.spans_left_out} spans left out by the filters (status {shown})\n")
    for note in outcome.notes:
        err.write(f"xzannot: {note}\n")
    return EXIT_OK


def cmd_import_spans(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.operations.project import open_project
    from xzannot.operations.span_import import import_spans

    with open_project(_project_location(args, create=False)) as project:
        outcome = import_spans(
            project, args.files, annotator=args.annotator, create_labels=args.create_labels
        )
    total = sum(outcome.added.values())
    detail = ", ".join(f"{label} {n}" for label, n in sorted(outcome.added.items()))
    out.write(
        f"{total} span{'s' * (total != 1)} imported from {outcome.records} "
        f"text{'s' * (outcome.records != 1)}" + (f" ({detail})" if detail else "") + "\n"
    )
    if outcome.known:
        out.write(f"{outcome.known} were already there\n")
    if outcome.new_labels:
        out.write(f"new labels: {', '.join(outcome.new_labels)}\n")
    return EXIT_OK


def cmd_reflow(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.core.reflow import reflow_dump
    from xzannot.io.file_kind import file_kind
    from xzannot.io.text_import import read_text_file

    path: Path = args.file
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if file_kind(path) != "text":
        raise UserError(f"{path} is not a text dump; reflow reads text dumps (import it instead)")
    rules = [rule for rule in DEFAULT_RULES if rule not in args.keep]
    out.write(reflow_dump(read_text_file(path), rules) + "\n")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.cli.search import run_search
    from xzannot.operations.project import open_project

    with open_project(_project_location(args, create=False)) as project:
        return run_search(project, args, out)


def cmd_agreement(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.cli.agreement import run_agreement
    from xzannot.operations.project import open_project

    with open_project(_project_location(args, create=False)) as project:
        return run_agreement(project, args, out)


def cmd_team(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from xzannot.cli.team import run_assign, run_curate, run_progress
    from xzannot.operations.project import open_project

    run = {"assign": run_assign, "progress": run_progress, "curate": run_curate}[args.command]
    with open_project(_project_location(args, create=False)) as project:
        return run(project, args, out)


def cmd_window(args: argparse.Namespace, _out: TextIO, _err: TextIO) -> int:
    from xzannot.app import run_window

    return run_window(database=args.db, demo=args.command == "demo")


COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    None: cmd_window,
    "demo": cmd_window,
    "import": cmd_import,
    "text": cmd_text,
    "stats": cmd_stats,
    "reflow": cmd_reflow,
    "suggest": cmd_suggest,
    "collate": cmd_collate,
    "export": cmd_export,
    "import-spans": cmd_import_spans,
    "ocr": cmd_ocr,
    "check": cmd_check,
    "restore": cmd_restore,
    "backup": cmd_backup,
    "search": cmd_search,
    "agreement": cmd_agreement,
    "assign": cmd_team,
    "progress": cmd_team,
    "curate": cmd_team,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        return COMMANDS[args.command](args, out, err)
    except CancelledError as exc:
        err.write(f"xzannot: {exc}\n")
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        err.write("\nxzannot: cancelled; nothing was changed\n")
        return EXIT_CANCELLED
    except UserError as exc:
        err.write(f"xzannot: {exc}\n")
        return EXIT_USER_ERROR
    except Exception as exc:
        damage = _database_damage(exc, args)
        if damage is None:
            raise
        err.write(f"xzannot: {damage}\n")
        return EXIT_USER_ERROR


def _database_damage(exc: BaseException, args: argparse.Namespace) -> str | None:
    """A database error a damaged or unreadable project causes, in one line (None: a bug)."""
    from xzannot.operations.failures import database_failure

    reason = database_failure(exc)
    if reason is None:
        return None
    db = getattr(args, "db", None) or "DB"
    return (
        f"the project could not be read ({reason}); it may be damaged: xzannot check "
        f"--db {db} says what is wrong, xzannot restore --db {db} brings back a backup"
    )
