"""Which backups to keep as they age: the most recent few, then one a day, then one a week.

The rule is the one Anki and Zotero follow, by counts rather than by calendar: a project left
alone for a month keeps its ten daily copies from the ten days it was worked on, not ten empty
days. Every kept copy closes its day and its week, so a day's copy is the newest of a day older
than every copy kept before it, and a week's likewise.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Retention:
    """How many backups survive thinning: the newest ``recent``, then the newest of each of
    ``daily`` earlier days, then the newest of each of ``weekly`` earlier weeks."""

    recent: int = 12
    daily: int = 10
    weekly: int = 9

    @property
    def most(self) -> int:
        """The most backups the rule keeps besides pinned ones (the newest always counts)."""
        return max(1, self.recent) + max(0, self.daily) + max(0, self.weekly)


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def kept(
    times: Sequence[datetime],
    now: datetime,
    rule: Retention,
    *,
    pinned: Collection[int] = (),
) -> set[int]:
    """The indices into ``times`` of the backups to keep; the others may be deleted.

    Days and weeks are those of the times as given (pass local times for the user's days).
    A time later than ``now`` (a clock set back since) counts as made ``now``. The newest
    backup (of those not pinned) is always kept, whatever the counts; ``pinned`` indices are
    kept on top of the counts and take none of their places.
    """
    order = sorted(
        (i for i in range(len(times)) if i not in pinned),
        # a time past ``now`` counts as ``now``, behind a copy truly made then
        key=lambda i: (min(times[i], now), times[i] <= now, times[i], i),
        reverse=True,
    )
    keep = set(pinned)
    recent, daily, weekly = max(1, rule.recent), rule.daily, rule.weekly
    last_day, last_week = date.max, (date.max.year + 1, 0)
    for index in order:
        day = min(times[index], now).date()
        if recent > 0:
            recent -= 1
        elif daily > 0 and day < last_day:
            daily -= 1
        elif weekly > 0 and _week(day) < last_week:
            weekly -= 1
        else:
            continue
        keep.add(index)
        last_day, last_week = day, _week(day)
    return keep
