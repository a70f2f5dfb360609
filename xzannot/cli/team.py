"""``xzannot assign``, ``progress`` and ``curate``: pages given to annotators, curators, how
far each annotator is, and the agreed units taken into the curated layer."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any, TextIO

from xzannot.cli.arguments import page_range
from xzannot.errors import UserError
from xzannot.operations.curation import pages_to_curate, take_agreed
from xzannot.operations.project import Project
from xzannot.operations.team import (
    AssignmentInfo,
    ProgressRow,
    assign_pages,
    assignments,
    curators,
    progress,
    remove_assignment,
    set_curator,
)


def _range(found: AssignmentInfo) -> str:
    if found.first_page is None and found.last_page is None:
        return "all pages"
    return f"pages {found.first_page or 1}-{found.last_page or ''}"


def _line(found: AssignmentInfo) -> str:
    return f"{found.id}\t{found.annotator}\t{found.document}\t{_range(found)}"


def run_assign(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``xzannot assign``; returns the exit code."""
    if args.list:
        for found in assignments(project):
            out.write(_line(found) + "\n")
        names = curators(project)
        out.write(f"curators: {', '.join(names) if names else 'none'}\n")
    elif args.remove is not None:
        remove_assignment(project, args.remove)
        out.write(f"assignment {args.remove} removed\n")
    elif args.curator:
        set_curator(project, args.curator, not args.no)
        out.write(f"{args.curator} is {'no longer ' if args.no else ''}a curator\n")
    else:
        if not args.annotator or args.document is None:
            raise UserError(
                "say whom to give pages to and of which document: assign NAME --document D "
                "[--pages A-B] (or --list, --remove ID, --curator NAME)"
            )
        first, last = page_range(args.pages)
        made = assign_pages(project, args.annotator, args.document, first, last)
        out.write(f"assignment {made.id}: {made.annotator}, {made.document}, {_range(made)}\n")
    return 0


def _when(moment: datetime | None) -> str:
    return "—" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


_HEADINGS = ("annotator", "document", "assigned", "done", "in progress", "to do", "spans", "last")


def _cells(row: ProgressRow) -> tuple[str, ...]:
    return (
        row.annotator,
        row.document,
        *(str(n) for n in (row.assigned, row.done, row.in_progress, row.todo, row.spans)),
        _when(row.last_activity),
    )


def _record(row: ProgressRow) -> dict[str, Any]:
    return {
        "annotator": row.annotator,
        "document_id": row.document_id,
        "document": row.document,
        "assigned": row.assigned,
        "done": row.done,
        "in_progress": row.in_progress,
        "todo": row.todo,
        "spans": row.spans,
        "last_activity": None if row.last_activity is None else row.last_activity.isoformat(),
    }


def run_progress(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``xzannot progress``; returns the exit code."""
    rows = progress(project, document=args.document)
    if args.json:
        json.dump({"progress": [_record(row) for row in rows]}, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if not rows:
        out.write("no pages are given to anyone yet (xzannot assign gives them)\n")
        return 0
    table = [_HEADINGS, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(_HEADINGS))]
    for line in table:
        cells = [
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.write("  ".join(cells).rstrip() + "\n")
    return 0


def run_curate(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``xzannot curate``; returns the exit code."""
    if not args.take_agreed:
        raise UserError("say what to curate: --take-agreed takes every agreed unit")
    pages = pages_to_curate(project, document=args.document)
    taken = take_agreed(project, pages, args.curator)
    out.write(f"took {taken} agreed span{'s' * (taken != 1)} into the curated layer\n")
    return 0
