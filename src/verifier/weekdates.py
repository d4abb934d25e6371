"""A weekday read as its date: in a story published on Thursday, August 6, "Governor Sabine Krull
declared a state of emergency on Wednesday" dates the declaration August 5, which a claim gives as
"on August 5"; "three days of mourning starting on Saturday" begin on the Saturday after.

Wire copy dates the week's events by weekday alone and leaves the date to the dateline. A
weekday is read as the last such day up to the publication date (that day included), or, in a
sentence that speaks of what is to come ("will", "due", "starting", "next"), as the first such
day after it. Not where the sentence gives the date beside the weekday, nor the day a source said
something ("…, the ministry said on Tuesday").

A weekday dates the sentence's own act, which is the claim's only where both name it before their
dates ("declared a state of emergency on Wednesday" / "… on August 5"; "won the runoff on
Sunday" says nothing of when the winner "will be sworn in on October 1"), and it is read only
against a claim that gives a day of the month within a week of it: a weekday neither confirms
nor denies a year or a month.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from verifier.coverage import same_saying
from verifier.dates import DateMention
from verifier.facts import Facts
from verifier.lexicon import STOPWORDS, TOKEN_RE, lemma
from verifier.wordchecks import weekday_spans

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AHEAD = re.compile(
    r"\b(?:will|would|due|scheduled|set\s+to|is\s+to|are\s+to|starting|start|begins?|from|next|until|"
    r"expected|planned|plans)\b",
    re.IGNORECASE,
)
_LAST = re.compile(r"\blast\s+$", re.IGNORECASE)
_NEXT = re.compile(r"\b(?:next|this\s+coming)\s+$", re.IGNORECASE)


def _published(published: str) -> datetime.date | None:
    """The ISO date ``published`` ("2026-08-06", a time after it allowed), or None."""
    if not re.match(r"\d{4}-\d\d-\d\d", published):
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


def last_weekday(day: datetime.date, name: str) -> datetime.date:
    """The last ``name``d day ("wednesday") up to ``day``, that day included: what a wire
    story's weekday means in a story of that date."""
    return day - datetime.timedelta(days=(day.weekday() - DAYS.index(name)) % 7)


_NEAR_DAYS = 7
_ACT_WORDS = 5  # content words before a date that name its act


def _act(text: str, at: int) -> set[str]:
    """The last few lower-case content words before ``at``: what the date there dates."""
    words = [t for t in TOKEN_RE.findall(text[:at]) if t.islower() and t not in STOPWORDS and not t.isdigit()]
    return {lemma(t) for t in words[-_ACT_WORDS:]}


def weekday_dates(ev: Facts, published: str, claim: Facts) -> Facts:
    """The sentence with each weekday it dates the claim's act by read as a date of the story
    published on ISO date ``published``; unchanged without one."""
    day = _published(published)
    if day is None:
        return ev
    # Each day of the month the claim gives, with the words of its act.
    claimed = [
        (d, _act(claim.text, d.start)) for d in claim.dates if d.day is not None and d.month is not None
    ]
    if not claimed:
        return ev
    found = []
    for m in weekday_spans(ev.text):
        # A date beside the weekday ("on Wednesday, Aug. 5") is read as written.
        if any(d.day is not None and abs(d.start - m.end()) <= 4 for d in ev.dates):
            continue
        name = m.group(1).lower()
        before = ev.text[max(0, m.start() - 60) : m.start()]
        if _NEXT.search(before) or (_AHEAD.search(before) and not _LAST.search(before)):
            ahead = (DAYS.index(name) - day.weekday()) % 7 or 7
            when = day + datetime.timedelta(days=ahead)
        else:
            when = last_weekday(day, name)
            if _LAST.search(before) and when == day:
                when -= datetime.timedelta(days=7)
        act = _act(ev.text, m.start())
        # The claim's date in its own year, else in the weekday's.
        if not any(
            (on := calendar_date(d.year or when.year, d.month, d.day)) is not None
            and abs((on - when).days) <= _NEAR_DAYS
            and any(same_saying(a, b) for a in acts for b in act)
            for d, acts in claimed
        ):
            continue
        text = f"{m.group(1)} ({when.strftime('%B')} {when.day})"
        found.append(DateMention(when.year, when.month, when.day, text, m.start(), m.end()))
    if not found:
        return ev
    return replace(ev, dates=sorted([*ev.dates, *found], key=lambda d: d.start))


def calendar_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None where the calendar has no such day."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None  # "February 29" of a year that has none
