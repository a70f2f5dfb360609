"""``xzannot search``: every hit of a search in context, as text or JSON; optionally every hit
labelled (``--mark``) or corrected (``--replace``), and searches kept under a name."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import Any, TextIO

from xzannot.cli.arguments import page_range
from xzannot.core.search import SearchQuery, parse_condition
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations.project import Project
from xzannot.operations.saved_searches import load_search, save_search, saved_search_names
from xzannot.operations.search import Hit, PageHits, all_hits, document_ids
from xzannot.operations.search_actions import label_hits, replace_hits


def _query(project: Project, args: argparse.Namespace) -> SearchQuery:
    if args.saved:
        return load_search(project, args.saved)
    first, last = page_range(args.pages)
    return SearchQuery(
        text=args.query,
        regex=args.regex,
        exact=args.exact,
        original=args.original,
        labels=tuple(args.label),
        statuses=tuple(SpanStatus(status) for status in args.status),
        annotators=tuple(args.annotator),
        conditions=tuple(parse_condition(where) for where in args.where),
        documents=document_ids(project, args.document),
        first_page=first,
        last_page=last,
    )


def run_search(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``xzannot search``; returns the exit code (0, also when nothing is found)."""
    if args.list_saved:
        for name in saved_search_names(project):
            out.write(f"{name}\n")
        return 0
    if args.accept and not args.mark:
        raise UserError("--accept goes with --mark LABEL")
    query = _query(project, args)
    if args.save:
        save_search(project, args.save, query, args.author)
    found = list(all_hits(project, query))
    hits = [hit for page in found for hit in page.hits]
    if args.json:
        _write_json(found, out)
    else:
        _write_lines(found, out)
    if args.mark:
        status = SpanStatus.ACCEPTED if args.accept else SpanStatus.SUGGESTED
        labelled = label_hits(project, _current(query, hits), args.mark, args.author, status=status)
        out.write(
            f"labelled {len(labelled.span_ids)} hits as {args.mark}"
            + (f"; {labelled.already} were already" if labelled.already else "")
            + "\n"
        )
    if args.replace is not None:
        replaced = replace_hits(project, _current(query, hits), args.replace, args.author)
        out.write(f"corrected {replaced.count} hits to “{args.replace}” (open for review)\n")
    return 0


def _current(query: SearchQuery, hits: list[Hit]) -> list[Hit]:
    if query.original:
        raise UserError(
            "hits in the original text cannot be labelled or corrected: search the corrected text"
        )
    return hits


def _name(page: PageHits) -> str:
    printed = page.page.printed_label
    return f"p. {page.page.number}" + (f" (printed {printed})" if printed else "")


def _write_lines(found: Iterable[PageHits], out: TextIO) -> None:
    total = pages = 0
    for page in found:
        pages += 1
        total += len(page.hits)
        out.write(f"{page.document} {_name(page)}: {len(page.hits)}\n")
        for hit in page.hits:
            out.write(f"  {hit.before:>20}【{hit.match}】{hit.after}\n")
    out.write(f"{total} hit{'s' * (total != 1)} on {pages} page{'s' * (pages != 1)}\n")


def _record(page: PageHits, hit: Hit) -> dict[str, Any]:
    return {
        "document": page.document,
        "document_id": page.page.document_id,
        "page": page.page.number,
        "printed_page": page.page.printed_label,
        "page_id": page.page.id,
        "start": hit.start,
        "end": hit.end,
        "match": hit.match,
        "before": hit.before,
        "after": hit.after,
    }


def _write_json(found: Iterable[PageHits], out: TextIO) -> None:
    records = [_record(page, hit) for page in found for hit in page.hits]
    json.dump({"count": len(records), "hits": records}, out, ensure_ascii=False, indent=1)
    out.write("\n")
