"""Team review: which spans of a page an annotator sees while labelling it.

A page assigned to two annotators or more is labelled *blind*: each sees their own spans and
the rules' suggestions, not the others' work, so that agreement measures independent
judgements. A suggestion the annotator has acted on (accepted or rejected: they then hold a
span of their own at that place with that label) is no longer shown to them; the others still
see it. Curators may look at everyone's spans and at the curated layer (``show_others``).
"""

from __future__ import annotations

from collections.abc import Iterable

from xzannot.core.spans import SpanInfo, SpanLayer

BLIND_FROM = 2  # a page assigned to this many annotators or more is labelled blind


def is_blind(assignees: Iterable[str]) -> bool:
    """Whether a page given to ``assignees`` is labelled blind."""
    return len(set(assignees)) >= BLIND_FROM


def place(span: SpanInfo) -> tuple[int, int, str]:
    """Where a span is and what it says: its characters and label."""
    return span.start, span.end, span.label


def visible(
    spans: Iterable[SpanInfo],
    viewer: str,
    *,
    show_others: bool,
    blind: bool,
    rules_author: str,
) -> list[SpanInfo]:
    """The spans of a page ``viewer`` sees, in the order given.

    Their own spans always; the rules' suggestions unless they hold a span of their own at
    that place with that label (of any status); other annotators' spans when ``show_others``
    or the page is not blind; the curated layer only with ``show_others``.
    """
    spans = list(spans)
    acted = {
        place(span)
        for span in spans
        if span.layer == SpanLayer.ANNOTATION and span.annotator == viewer
    }
    shown: list[SpanInfo] = []
    for span in spans:
        if span.layer == SpanLayer.CURATED:
            keep = show_others
        elif span.annotator == viewer:
            keep = True
        elif span.annotator == rules_author:
            keep = place(span) not in acted
        else:
            keep = show_others or not blind
        if keep:
            shown.append(span)
    return shown
