"""``xzannot agreement``: how far the annotators agree, per label and for all labels
together, as plain-text tables or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from xzannot.core.agreement import (
    ALL_LABELS,
    Agreement,
    Alpha,
    PageDisagreement,
    PairAgreement,
    SpanMatch,
)
from xzannot.operations.agreement import AgreementReport, measure_agreement
from xzannot.operations.project import Project


def run_agreement(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``xzannot agreement``; returns the exit code."""
    report = measure_agreement(
        project,
        labels=args.label or None,
        annotators=args.annotator or None,
        documents=args.document or None,
        against=args.against,
        by_document=args.by_document,
    )
    if args.json:
        json.dump(_report_record(report), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _write_report(report, out)
    return 0


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value + 0.0:.2f}".replace("-0.00", "0.00")


def _many(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _heading(report: AgreementReport) -> list[str]:
    names = ", ".join(report.annotators)
    lines = [f"{len(report.annotators)} annotators ({names}) on {_many(report.pages, 'page')}"]
    if report.against:
        lines.append(f"each against {report.against}")
    lines.append(f"({report.rule})")
    return lines


def _write_report(report: AgreementReport, out: TextIO) -> None:
    for line in _heading(report):
        out.write(line + "\n")
    _write_agreement(report.overall, out)
    if report.worst_pages:
        out.write("\npages that disagree most\n")
        for page in report.worst_pages:
            out.write(f"  {_page_line(page)}\n")
    for title, agreement in report.documents.items():
        out.write(f"\n== {title}\n")
        _write_agreement(agreement, out)


def _write_agreement(agreement: Agreement, out: TextIO) -> None:
    for label in (*agreement.labels, ALL_LABELS):
        name = "all labels" if label == ALL_LABELS else label
        out.write(f"\n{name}: α across all {_alpha_text(agreement.alpha[label])}\n")
        for line in _matrix(agreement, label):
            out.write(f"  {line}\n")
        for pair in agreement.pairs:
            if pair.label == label:
                out.write(f"  {_units(pair)}\n")
    for found in agreement.attributes:
        if found.pairs:
            out.write(
                f"\ntargets {found.a}–{found.b} agree on {found.attribute} in "
                f"{found.agree} of {found.pairs} exact matches ({_figure(found.share)})"
            )
    if any(found.pairs for found in agreement.attributes):
        out.write("\n")


def _alpha_text(alpha: Alpha) -> str:
    return f"{_figure(alpha.value)} ({alpha.units} characters, {alpha.values} values)"


def _matrix(agreement: Agreement, label: str) -> list[str]:
    """κ · F1 exact · F1 overlap for each pair, rows and columns by annotator."""
    pairs = {(p.a, p.b): p for p in agreement.pairs if p.label == label}
    rows = [n for n in agreement.annotators if any(a == n for a, _ in pairs)]
    columns = [n for n in agreement.annotators if any(b == n for _, b in pairs)]
    cells = {
        key: f"{_figure(p.kappa.value)} · {_figure(p.exact.f1)} · {_figure(p.overlap.f1)}"
        for key, p in pairs.items()
    }
    corner = "κ · F1 exact · F1 overlap"
    first = max(len(corner), *(len(n) for n in rows))
    width = max(18, *(len(n) for n in columns))
    lines = [corner.ljust(first) + "".join(f"  {n:<{width}}" for n in columns)]
    for row in rows:
        line = row.ljust(first)
        line += "".join(f"  {cells.get((row, col), ''):<{width}}" for col in columns)
        lines.append(line.rstrip())
    return lines


def _units(pair: PairAgreement) -> str:
    return (
        f"{pair.a}–{pair.b}: {_many(pair.pages, 'page')}, {pair.characters} characters; spans "
        f"exact {_counts(pair, pair.exact)}; overlapping {_counts(pair, pair.overlap)}"
    )


def _counts(pair: PairAgreement, match: SpanMatch) -> str:
    return f"{match.both} both, {match.only_a} {pair.a} only, {match.only_b} {pair.b} only"


def _page_line(page: PageDisagreement) -> str:
    return (
        f"{page.document} p. {page.number}: {page.differing} of {page.characters} characters "
        f"differ, α {_figure(page.alpha)} ({', '.join(page.annotators)})"
    )


def _match_record(match: SpanMatch) -> dict[str, Any]:
    return {
        "both": match.both,
        "only_a": match.only_a,
        "only_b": match.only_b,
        "precision": match.precision,
        "recall": match.recall,
        "f1": match.f1,
    }


def _pair_record(pair: PairAgreement) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "kappa": pair.kappa.value,
        "observed": pair.kappa.observed,
        "expected": pair.kappa.expected,
        "characters": pair.characters,
        "pages": pair.pages,
        "exact": _match_record(pair.exact),
        "overlap": _match_record(pair.overlap),
    }


def _label_record(agreement: Agreement, label: str) -> dict[str, Any]:
    alpha = agreement.alpha[label]
    return {
        "alpha": {"value": alpha.value, "characters": alpha.units, "values": alpha.values},
        "pairs": [_pair_record(p) for p in agreement.pairs if p.label == label],
    }


def _agreement_record(agreement: Agreement) -> dict[str, Any]:
    return {
        "by_label": {label: _label_record(agreement, label) for label in agreement.labels},
        "all_labels": _label_record(agreement, ALL_LABELS),
        "target_attributes": [
            {"a": f.a, "b": f.b, "attribute": f.attribute, "agree": f.agree, "pairs": f.pairs}
            for f in agreement.attributes
        ],
    }


def _report_record(report: AgreementReport) -> dict[str, Any]:
    return {
        "annotators": list(report.annotators),
        "labels": list(report.labels),
        "against": report.against,
        "pages": report.pages,
        "rule": report.rule,
        **_agreement_record(report.overall),
        "worst_pages": [
            {
                "document": p.document,
                "page": p.number,
                "page_id": p.page_id,
                "annotators": list(p.annotators),
                "characters": p.characters,
                "differing": p.differing,
                "alpha": p.alpha,
            }
            for p in report.worst_pages
        ],
        "documents": {title: _agreement_record(a) for title, a in report.documents.items()},
    }
