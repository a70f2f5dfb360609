"""Thinning backups by age: the newest few, then one a day, then one a week."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.retention import Retention, kept

START = datetime(2024, 1, 1, 9, 0)
NOW = datetime(2024, 6, 1, 12, 0)

times_st = st.lists(
    st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2024, 7, 1)),
    max_size=80,
)
rules = st.builds(
    Retention,
    st.integers(min_value=0, max_value=15),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=10),
)


def test_a_hundred_days_of_half_hourly_backups_keep_the_three_counts() -> None:
    times = [START + timedelta(minutes=30 * n) for n in range(48 * 100)]
    now = times[-1] + timedelta(minutes=1)
    keep = kept(times, now, Retention(12, 10, 9))
    assert len(keep) == 31
    newest_first = sorted((times[i] for i in keep), reverse=True)
    assert newest_first[:12] == sorted(times, reverse=True)[:12]  # the twelve most recent
    daily = newest_first[12:22]
    assert [t.date() for t in daily] == [
        newest_first[11].date() - timedelta(days=n) for n in range(1, 11)
    ]  # one a day, the newest of each of the ten days before
    assert all(t.hour == 23 and t.minute == 30 for t in daily)
    weekly = [t.isocalendar()[:2] for t in newest_first[22:]]
    assert len(set(weekly)) == 9 and weekly == sorted(weekly, reverse=True)
    assert weekly[0] < daily[-1].isocalendar()[:2]


def test_days_without_backups_are_not_counted() -> None:
    """A project worked on twice a month keeps ten days' copies, not ten empty days."""
    times = [START + timedelta(days=15 * n, hours=h) for n in range(12) for h in (0, 5)]
    keep = kept(times, NOW, Retention(recent=2, daily=10, weekly=0))
    assert len(keep) == 12  # the two of the last day, then one from each of ten days before
    assert len({times[i].date() for i in keep}) == 11


def test_fewer_backups_than_the_recent_count_are_all_kept() -> None:
    times = [START + timedelta(days=n) for n in range(5)]
    assert kept(times, NOW, Retention(12, 0, 0)) == set(range(5))
    assert kept([], NOW, Retention()) == set()


def test_a_backup_dated_after_now_is_kept_behind_the_one_just_made() -> None:
    made_now, future = NOW, NOW + timedelta(days=3)
    assert kept([future, made_now], NOW, Retention(1, 0, 0)) == {1}


@given(times_st, rules, st.data())
def test_thinning_keeps_what_it_promises(
    times: list[datetime], rule: Retention, data: st.DataObject
) -> None:
    pinned = data.draw(st.sets(st.integers(0, len(times) - 1))) if times else set()
    keep = kept(times, NOW, rule, pinned=pinned)
    assert keep <= set(range(len(times)))
    assert pinned <= keep  # pinned copies always stay
    assert len(keep - pinned) <= rule.most  # the three counts, the newest counting as recent
    free = [i for i in range(len(times)) if i not in pinned]
    if free:  # never the newest
        newest = max(free, key=lambda i: (min(times[i], NOW), times[i] <= NOW, times[i], i))
        assert newest in keep
    recent = sorted(free, key=lambda i: (min(times[i], NOW), times[i] <= NOW, times[i], i))
    assert set(recent[len(recent) - max(1, rule.recent) :]) <= keep  # the most recent


@given(times_st, rules)
def test_thinning_again_deletes_nothing_more(times: list[datetime], rule: Retention) -> None:
    keep = sorted(kept(times, NOW, rule))
    survivors = [times[i] for i in keep]
    assert kept(survivors, NOW, rule) == set(range(len(survivors)))


@given(times_st, rules)
def test_at_most_one_copy_a_day_past_the_recent_and_one_a_week_past_the_daily(
    times: list[datetime], rule: Retention
) -> None:
    past = [t for t in times if t <= NOW]
    keep = sorted((past[i] for i in kept(past, NOW, rule)), reverse=True)
    older = keep[max(1, rule.recent) :]
    days = [t.date() for t in older]
    assert len(set(days)) == len(days)
