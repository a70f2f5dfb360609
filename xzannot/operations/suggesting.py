"""Pre-annotation: the project's rules, and running them to store suggested spans.

Suggestions are ordinary spans with status ``suggested``. Running the rules again adds
only what is new: a span already there (whatever its status, even rejected or deleted)
is never suggested twice, and neither is one that overlaps a live span of the same label.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from xzannot.core.rules import RuleSet, Suggestion, parse_rules
from xzannot.core.spans import SpanStatus
from xzannot.errors import CancelledError, UserError
from xzannot.operations.changes import NOTHING, OpChanges, on_pages
from xzannot.operations.correcting import correct_page_in
from xzannot.shipped import resource_text
from xzannot.store.database import Project
from xzannot.store.documents import current_text, get_page_info, list_pages
from xzannot.store.labels import list_labels
from xzannot.store.session import Session
from xzannot.store.settings import get_setting, set_setting
from xzannot.store.span_batches import add_spans, label_ids, span_keys
from xzannot.store.spans import annotator_id

RULES_SETTING = "rules"
RULES_ANNOTATOR = "xzannot rules"


def shipped_rules_text() -> str:
    """The rules that come with xzannot (``resources/rules.toml``)."""
    return resource_text("rules.toml")


def rules_text(session: Session) -> str:
    """The project's own rules, or the shipped ones when it has none."""
    return get_setting(session, RULES_SETTING) or shipped_rules_text()


def project_rules(session: Session, text: str | None = None) -> RuleSet:
    """The project's rules compiled (or ``text`` compiled, checked against the project's labels)."""
    labels = [label.key for label in list_labels(session)]
    return parse_rules(rules_text(session) if text is None else text, labels)


def save_rules(project: Project, text: str | None) -> RuleSet:
    """Keep ``text`` as the project's rules once it compiles; None goes back to the shipped ones."""
    with project.transaction() as session:
        rules = project_rules(session, text)  # a broken file is refused before anything is stored
        set_setting(session, RULES_SETTING, None if text is None else text)
        return rules


def target_attributes(session: Session, quote: str) -> dict[str, Any]:
    """A target's attributes read from its text with the project's target vocabulary."""
    return project_rules(session).grammar.parse(quote)


@dataclass
class SuggestOutcome:
    """What a run of the rules stored."""

    pages: int = 0
    added: Counter[str] = field(default_factory=Counter)  # label -> new suggestions
    known: int = 0  # found again, but already there (or rejected before)
    stopped: list[str] = field(default_factory=list)  # rules stopped for taking too long, where
    labels: list[str] = field(default_factory=list)  # the labels the rules suggest, in order
    changes: OpChanges = NOTHING  # the pages given suggestions (and corrected first)


@dataclass(slots=True)
class RunIds:
    """What a run of the rules looks up once: the id of each label by key, and of the rules'
    annotator (made when the first suggestion is stored, as before)."""

    labels: dict[str, int]
    annotator: int | None = None

    @classmethod
    def read(cls, session: Session) -> RunIds:
        """The project's label ids."""
        return cls(label_ids(session))

    def label(self, key: str) -> int:
        """The id of label ``key``."""
        found = self.labels.get(key)
        if found is None:
            raise UserError(f"the project has no label {key!r}")
        return found

    def annotator_in(self, session: Session) -> int:
        """The id of the rules' annotator."""
        if self.annotator is None:
            self.annotator = annotator_id(session, RULES_ANNOTATOR)
        return self.annotator


def suggest_in(
    session: Session,
    page_id: int,
    rules: RuleSet,
    stopped: list[str] | None = None,
    ids: RunIds | None = None,
) -> tuple[Counter[str], int]:
    """Run ``rules`` over one page (corrected first), storing what is new in one statement;
    the names of rules stopped for taking too long go to ``stopped``. ``ids``: the run's
    look-ups, when the caller runs many pages."""
    if ids is None:
        ids = RunIds.read(session)
    text = correct_page_in(session, page_id).text  # suggestions belong on the corrected text
    if text is None:  # corrected before
        text = current_text(session, page_id)
    fresh, known = _fresh(rules.suggest(text, stopped=stopped), span_keys(session, page_id), ids)
    if not fresh:
        return Counter(), known
    who = ids.annotator_in(session)
    add_spans(
        session,
        [
            {
                "page_id": page_id,
                "start": found.start,
                "end": found.end,
                "label_id": ids.label(found.label),
                "quote": found.quote,
                "status": SpanStatus.SUGGESTED.value,
                "annotator_id": who,
                "attributes": found.attributes or {},
                "note": f"rule {found.rule}",
            }
            for found in fresh
        ],
    )
    return Counter(found.label for found in fresh), known


def _fresh(
    suggestions: Iterable[Suggestion], spans: list[tuple[int, int, int, bool]], ids: RunIds
) -> tuple[list[Suggestion], int]:
    """The suggestions not there yet, and how many were: one already there (whatever its
    status, even rejected or deleted), or overlapping a standing span of its label."""
    taken = {(start, end, label) for start, end, label, _ in spans}
    standing: dict[int, list[tuple[int, int]]] = {}
    for start, end, label, stands in sorted(spans):
        if stands:
            standing.setdefault(label, []).append((start, end))
    reach = {  # per label: the starts in order, and the furthest end up to each
        label: ([s for s, _ in places], list(accumulate((e for _, e in places), max)))
        for label, places in standing.items()
    }
    fresh: list[Suggestion] = []
    known = 0
    for found in suggestions:
        label = ids.label(found.label)
        starts, ends = reach.get(label, ([], []))
        before = bisect_left(starts, found.end)  # the standing spans starting before its end
        if (found.start, found.end, label) in taken or (before and ends[before - 1] > found.start):
            known += 1
            continue
        taken.add((found.start, found.end, label))
        fresh.append(found)
    return fresh, known


def suggest(
    project: Project,
    page_ids: Iterable[int] | None = None,
    *,
    rules_file: str | None = None,
    keep_rules: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SuggestOutcome:
    """Run the rules over the given pages (default: every page) in one transaction.

    ``rules_file`` is the text of a rules file to use instead of the project's; with
    ``keep_rules`` it becomes the project's, in the same transaction, when no rule had to
    be stopped (so a crash never keeps the suggestions without the rules, or the reverse).
    A cancel stores nothing.
    """
    outcome = SuggestOutcome()
    with project.transaction() as session:
        rules = project_rules(session, rules_file)
        outcome.labels = list(rules.labels)
        ids = list(page_ids) if page_ids is not None else [p.id for p in list_pages(session)]
        looked_up = RunIds.read(session)
        for done, page_id in enumerate(ids, 1):
            if cancelled is not None and cancelled():
                raise CancelledError
            stopped: list[str] = []
            added, known = suggest_in(session, page_id, rules, stopped, looked_up)
            if stopped:
                number = get_page_info(session, page_id).number
                outcome.stopped.extend(f"rule {name!r} on page {number}" for name in stopped)
            outcome.added.update(added)
            outcome.known += known
            outcome.pages += 1
            if added:
                outcome.changes |= on_pages([page_id], spans=True)
            if progress is not None:
                progress(done, len(ids))
        if keep_rules and rules_file is not None and not outcome.stopped:
            set_setting(session, RULES_SETTING, rules_file)
    return outcome
