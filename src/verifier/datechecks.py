"""The date check :class:`verifier.judge.FactJudge` runs after the figure check
(:func:`verifier.checks.figures_against_figures`): each claim date against the sentence's dates
of the same event, with the readings that decide which of them answer it (a reference point
is not the news's date, a ranked period is not another length of time, a day given with "by"
is when a figure was read, and in the tentative reading a day without a year is the claim's
year's). Apart from :mod:`verifier.checks` to keep each module small; it shares that module's
:class:`~verifier.checks.Conflict` and :class:`~verifier.checks.Cleared`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verifier.checks import Cleared, Conflict, polar
from verifier.datecompare import dates_match, same_event
from verifier.dates import DateMention
from verifier.facts import Facts
from verifier.lexicon import STOPWORDS, TOKEN_RE, lemma

# Another time than one a sentence tells of: "will cut rates again in October".
AGAIN = re.compile(r"\b(?:again|once\s+more|a\s+further|another)\b", re.IGNORECASE)


# A date the sentence measures against, not the date of its news: "the fastest increase since
# March 2022", "its worst result since 1994", "2.1% above the previous peak set in September 2022".
_REFERENCE = re.compile(
    r"(?:\b(?:\w+est|best|worst|most|least)\b[\w\s-]{0,50}|\bfirst\s+\w+(?:\s+\w+)?\s+)since\s+(?:the\s+)?$"
    # "23% more than in 2022", "compared with 2023": the year a change is measured from
    r"|\b(?:more|less|fewer|higher|lower|greater|bigger|smaller)\s+than\s+(?:in\s+)?$"
    r"|\bcompared\s+(?:with|to)\s+(?:in\s+)?$"
    r"|\b(?:previous|prior|earlier|last|old)\s+(?:peak|high|low|record)\s+(?:\w+\s+){0,2}(?:in|on)\s+$",
    re.IGNORECASE,
)


_WILL = re.compile(r"\bwill\b", re.IGNORECASE)


def _another_time(claim_text: str, d: DateMention, ev_text: str, e: DateMention) -> bool:
    """Does a claim of what will happen again ("at its April meeting") meet a sentence's dated
    past ("last raised rates in April 2023")? The month is the same; the time is not."""
    return (
        d.year is None
        and e.year is not None
        and bool(_WILL.search(claim_text) and AGAIN.search(claim_text))
        and not AGAIN.search(ev_text)
        and not _WILL.search(ev_text)
    )


# A superlative measured from an event the sentence dates: "the most in any quarter since it
# began building its network in 2019". The year dates the start of the comparison: no rival
# to the date of the claim's news, only to a claim about that start ("began building in 2021").
_SINCE_EVENT = re.compile(
    r"\b(?:\w+est|best|worst|most|least|first)\b[\w\s-]{0,40}\bsince\s+(?P<event>(?:[\w'’-]+\s+){1,6}?)(?:in|on)\s+$",
    re.IGNORECASE,
)


def _since_event(ev_text: str, e: DateMention, claim_text: str, d: DateMention) -> bool:
    m = _SINCE_EVENT.search(ev_text[max(0, e.start - 110) : e.start])
    if m is None:
        return False
    event = {lemma(w.lower()) for w in TOKEN_RE.findall(m.group("event"))} - STOPWORDS
    before = TOKEN_RE.findall(claim_text[max(0, d.start - 80) : d.start])[-8:]
    return not event & ({lemma(w.lower()) for w in before} - STOPWORDS)


def _reference(ev_text: str, e: DateMention, claim_text: str, d: DateMention) -> bool:
    """Is the sentence's date a reference point the claim's date is not ("since March 2022"
    after a superlative, "the previous peak set in September 2022")?"""
    return bool(_REFERENCE.search(ev_text[max(0, e.start - 60) : e.start])) and not _REFERENCE.search(
        claim_text[max(0, d.start - 60) : d.start]
    )


# A period that is what a superlative ranks: "2010 was the hottest", "the 20th century was the
# warmest recorded".
_RANKED = re.compile(
    r"\s*(?:was|were|is|are|has\s+been|had\s+been|became|remains?)\s+(?:\w+\s+){0,2}?"
    r"(?:the\s+)?(?:\w+est|most|least|best|worst)\b",
    re.IGNORECASE,
)


def _ranked_apart(claim_text: str, d: DateMention, ev_text: str, e: DateMention) -> bool:
    """Are the two dates periods of another length, one of them what a superlative ranks? A
    year ranked the hottest is not rivalled by a century ranked the hottest ("2010 was the
    hottest recorded" against "the 20th century was the hottest recorded in 2,000 years")."""
    if d.years == e.years or d.month is not None or e.month is not None:
        return False
    return bool(_RANKED.match(claim_text, d.end) or _RANKED.match(ev_text, e.end))


# ... where "by" opens its clause ("By April 9, Palm Tree had reported") or follows the figure
# read ("had reported 428 cases by April 9"); not a deadline ("is due to vote on it by Dec. 18").
_BY = re.compile(r"(?:^|[,;:]\s*|\d[\d,.%]*(?:\s+[\w'’-]+){0,5}\s+)by\s+(?:the\s+)?$", re.IGNORECASE)


def _reading_by(d: DateMention, e: DateMention, ev_text: str) -> DateMention:
    """A day the sentence gives with "by" ("By April 9, Palm Tree had reported 428 cases") is
    when its figure was read, against a claim that puts its own date before or after a day:
    "after April 8" holds of it. ("Until" and "through" end a period: not these.)"""
    if (
        e.qualifier == "by"
        and e.month is not None
        and d.qualifier in ("before", "after")
        and _BY.search(ev_text, max(0, e.start - 60), e.start)
    ):
        return replace(e, qualifier="exact")
    return e


def _dates_match(d: DateMention, e: DateMention, relaxed: bool, ev_text: str) -> bool | None:
    """:func:`dates_match`; in the tentative reading a sentence's day or month without a year
    ("as of 5 April") that agrees with the claim's full date is taken to be in its year, as a
    report's dates are. Only to agree: a day that differs may be of another year or event
    (on training pairs such contradictions were right about half the time)."""
    ok = dates_match(d, _reading_by(d, e, ev_text))
    if ok is None and relaxed and e.year is None and e.month is not None and not e.span:
        if d.year is not None and d.month is not None and dates_match(d, replace(e, year=d.year)):
            return True
    return ok


# A quarter or half of the year by name: "the third quarter", "third-quarter", "Q3", "the first
# half". Its months, first to last.
_PERIOD_NAMES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_NAMED_PERIOD = re.compile(
    r"\b(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|half)|Q(?P<q>[1-4]))\b",
    re.IGNORECASE,
)
# The words between the two months of a span: "July to September", "July-September".
_MONTH_SPAN = re.compile(r"\s*(?:[-–—]|(?:-)?(?:to|through|until)(?:-)?)\s*", re.IGNORECASE)


def _named_periods(text: str) -> list[tuple[tuple[int, int], str]]:
    """The quarters and halves a sentence names, as their first and last months."""
    out = []
    for m in _NAMED_PERIOD.finditer(text):
        if m.group("q"):
            n, size = int(m.group("q")), 3
        else:
            n, size = _PERIOD_NAMES[m.group("nth").lower()], 3 if m.group("part").lower() == "quarter" else 6
            if size == 6 and n > 2:
                continue
        out.append((((n - 1) * size + 1, n * size), m.group()))
    return out


def _period_said(claim: Facts, ev: Facts) -> tuple[list[tuple[DateMention, DateMention]], Conflict | None]:
    """A claim's span of months that the sentence names as its quarter or half: "in the
    July-to-September quarter" is "in the third quarter". Both months are answered, each by the
    sentence's name of the period; a year the claim gives must be one the sentence gives. A
    sentence that names only other periods of that length ("the second quarter") is the
    difference."""
    periods = _named_periods(ev.text)
    if not periods:
        return [], None
    ev_years = {e.year for e in ev.dates if e.year is not None}
    pairs: list[tuple[DateMention, DateMention]] = []
    conflict = None
    for a, b in zip(claim.dates, claim.dates[1:], strict=False):
        if (
            a.month is None
            or b.month is None
            or a.day is not None
            or b.day is not None
            or not _MONTH_SPAN.fullmatch(claim.text[a.end : b.start])
            or any(d.year is not None and d.year not in ev_years for d in (a, b))
        ):
            continue
        size = b.month - a.month + 1
        if size not in (3, 6) or (a.month - 1) % size:
            continue
        named = {months: words for months, words in periods if months[1] - months[0] + 1 == size}
        if len(named) != 1:
            # "8.6 million in the third quarter, up from 8.1 million in the second": which
            # figure is of which period is not read here.
            continue
        if (a.month, b.month) in named:
            said = replace(a, text=named[a.month, b.month], month=None, year=None)
            pairs += [(a, said), (b, said)]
        elif conflict is None:
            (other,) = named.values()
            span = claim.text[a.start : b.end]
            conflict = Conflict("date", f"claim says {span}; the evidence says {other}")
    return pairs, conflict


def dates_against_dates(
    claim: Facts, ev: Facts, cleared: Cleared, relaxed: bool = False
) -> tuple[list[tuple[DateMention, DateMention]], Conflict | None]:
    """Each claim date against the sentence dates of the same event: the pairs that match, and the
    first difference that contradicts. ``relaxed``: a sentence date without a year may agree
    with the claim's in the claim date's year (:func:`_dates_match`)."""
    supported_d, period_conflict = _period_said(claim, ev)
    if period_conflict is not None and cleared.support:
        return supported_d, period_conflict
    said = {id(d) for d, _ in supported_d}
    # A sentence date that matches one claim date is that date, not a rival of the others
    # ("from 10 in 2019 to 50 in 2020" against "50 in 2020").
    compared = [
        [
            (e, _dates_match(d, e, relaxed, ev.text))
            for e in same_event(d, ev.dates)
            if not _reference(ev.text, e, claim.text, d) and not _ranked_apart(claim.text, d, ev.text, e)
        ]
        for d in claim.dates
    ]
    answered = {id(e) for results in compared for e, ok in results if ok}
    for d, results in zip(claim.dates, compared, strict=True):
        if id(d) in said:
            continue
        match = next((e for e, ok in results if ok), None)
        if match is not None and _another_time(claim.text, d, ev.text, match):
            continue  # "will raise rates again at its April meeting" is not "raised … in April 2023"
        if match is not None:
            supported_d.append((d, match))
            continue
        conflict = next(
            (
                e
                for e, ok in results
                if ok is False and id(e) not in answered and not _since_event(ev.text, e, claim.text, d)
            ),
            None,
        )
        if conflict is not None and AGAIN.search(claim.text) and not AGAIN.search(ev.text):
            conflict = None  # "will cut rates again in October" is not the cut "in June"
        if conflict is not None and cleared.support and not polar(claim, ev, d, conflict):
            # "claim says after 22 April; the evidence says 22 April": the bound is what differs.
            bound = f"{d.qualifier} " if d.qualifier in ("before", "after", "by", "since") else ""
            if d.closes and d.qualifier == "by":
                bound = "until "  # an end, not a deadline
            reason = f"claim says {bound}{d.text}; the evidence says {conflict.text}"
            return supported_d, Conflict("date", reason)
    return supported_d, None
