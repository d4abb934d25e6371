"""Readings of a claim against one sentence that :class:`verifier.judge.FactJudge` takes beside
its comparison of values: another person did what the claim says (:func:`done_by_another`), a
superlative bounded in time (:func:`bounded`), a market moved (:func:`market_reading`), the day
a story's lead gives (:func:`lead_day`), and whether a date or the words confirm a claim of
change only one way (:func:`one_way`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import replace

from verifier.agents import claim_agent, other_agent
from verifier.checks import Conflict
from verifier.dates import DateMention, dateline_end, extract_dates
from verifier.facts import Facts
from verifier.figures import Quantity
from verifier.judgement import Judgement, contradiction
from verifier.lexicon import TOKEN_RE, content_lemmas
from verifier.markets import market_move
from verifier.movers import contrast, read_against
from verifier.scope import bounded_conflict
from verifier.weekdates import calendar_date, last_weekday
from verifier.wholes import names_a_period
from verifier.wordchecks import about_saying, weekdays
from verifier.wording import opposed, torn


def done_by_another(claim: Facts, ev: Facts, missing: Sequence[str]) -> tuple[str, str, str] | None:
    """(claimed person, the sentence's person, what the claim says was done) when the sentence
    has someone else do or say it, and leaves out nothing of the claim but who did it."""
    agent = claim_agent(claim.text)
    if agent is None:
        return None
    subject = claim.text[: claim.text.find(agent.act)].lower() if agent.act in claim.text else ""
    # Word by word: a name read past its title ("Velmari Defence Minister Tomas Ruvik") is
    # missed as "Velmari Tomas Ruvik".
    if not all(all(w in subject for w in m.split()) for m in missing):
        return None
    other = other_agent(claim.text, ev.text)
    return None if other is None else (other[0], other[1], agent.act)


def bounded(claim: Facts, ev: Facts, missing: Sequence[str]) -> tuple[str, str] | None:
    """ "The deadliest ferry disaster in Skarnia's history" against "The accident is the deadliest
    involving a ferry in Skarnia since 1979" (:func:`verifier.scope.bounded_conflict`). Read
    before the claim's names and scope are asked for: the sentence names the claim's subject by
    a common noun or "it", as stories do after the lead, and says little else of the claim."""
    bound = bounded_conflict(claim.text, ev.text)
    if bound is None:
        return None
    at = claim.text.lower().find(bound[0].split(" …")[0].split()[0])
    subject = claim.text[:at].lower()
    return bound if all(m in subject for m in missing) else None


_SINCE = re.compile(r"\bsince\b|\bso\s+far\s+this\s+year\b|\bthis\s+year\b")


def market_reading(
    claim: Facts, ev: Facts, similarity: float, title: str, missing: Sequence[str]
) -> Judgement | None:
    """A share price, currency or yield the sentence moves the other way (or the same way) as
    the claim (:mod:`verifier.markets`), on the same day where both name one."""
    moved = market_move(claim.text, ev.text, title)
    if moved is None:
        return None
    owner = moved[0].lower()
    if not all(all(w in owner for w in m.split()) for m in missing):
        return None  # the sentence leaves out more of the claim than whose price moved
    # Every day either names, the day a source spoke included ("fell 4.2%, it said on Tuesday").
    days = set(weekdays(claim.text, saying=True)), set(weekdays(ev.text, saying=True))
    if days[0] and days[1] and not days[0] & days[1]:
        return None
    # A move over a period ("has lost about 11% … since October") is not the day's move the
    # claim reads ("weakened after the rate decision"), and the other way round.
    after = ev.text[moved[3] :]
    if bool(_SINCE.search(after.split(".")[0])) != bool(_SINCE.search(claim.text)):
        return None
    strength = min(1.0, max(0.0, similarity))
    if moved[2]:
        # A move with nothing else to check is a stated direction; the claim's own figure
        # ("rose 8.4%") is not checked here, and leaves it word overlap.
        kind = "overlap" if counted(claim) else "direction"
        return Judgement("supports", 0.45 + 0.45 * strength, f"states '{moved[1]}'", kind)
    return contradiction(
        Conflict("direction", f"claim says '{moved[0]}'; the evidence says '{moved[1]}'"), strength
    )


def lead_day(claim: Facts, ev: Facts) -> tuple[str, str] | None:
    """An announcement's weekday against the day a wire story's lead (its dateline sentence)
    says it was made: "Hallberg announced the Greyford closure on a Thursday" against
    "GREYFORD, May 20 (Wire) - Hallberg Motors will close …, the carmaker said on Tuesday". The
    lead tells of the story's news, so its one day is the announcement's, whatever verbs the two
    use. Only for a claim with no figure or other date, whose names the lead mentions."""
    figures = [q for q in claim.quantities if not _period_ordinal(claim.text, q)]
    if not dateline_end(ev.text) or not about_saying(claim.text) or figures or claim.dates:
        return None
    claim_days, ev_days = set(weekdays(claim.text, saying=True)), set(weekdays(ev.text, saying=True))
    if len(claim_days) != 1 or len(ev_days) != 1 or claim_days == ev_days or claim.negated:
        return None
    return next(iter(claim_days)).capitalize(), next(iter(ev_days)).capitalize()


def _period_ordinal(text: str, q: Quantity) -> bool:
    """Is the figure the ordinal of a period ("third-quarter results", "first-half profit"): a
    name of what was reported, not a figure the lead must state?"""
    return q.text.lower() in _ORDINALS and re.match(r"[-\s](?:quarter|half)\b", text[q.end :]) is not None


_ORDINALS = frozenset({"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"})


def _dateline_day(text: str, published: str) -> datetime.date | None:
    """The date a lead's dateline gives ("SUNDRA POINT, Sept 16 (Wire) - "), in the year the
    story was published (ISO ``published``); None without both."""
    end = dateline_end(text)
    if not end or not re.match(r"\d{4}", published):
        return None
    # The dateline's date, read as any date is once its place is set aside (the reader leaves a
    # dateline's date out of the sentence's own).
    said = [d for d in extract_dates(text[text.find(",", 0, end) + 1 : end]) if d.month and d.day]
    if len(said) != 1:
        return None
    return calendar_date(int(published[:4]), said[0].month, said[0].day)


# Only the past year, and not as a comparison's base ("double last year's total"): "this year"
# and "next year" are mostly plans and forecasts ("expects waiting times to fall next year"),
# where a matched year would lend a hedged sentence the weight of a dated fact.
_LAST_YEAR = re.compile(r"\blast\s+year\b(?!['’]s)", re.IGNORECASE)


def publication_years(ev: Facts, published: str) -> Facts:
    """The sentence with "last year" read as the year it is for a story published on ISO date
    ``published``: in a story of March 2026 "carried 6.2 million passengers last year" is about
    2025, so a claim dated 2025 is read against it and not against the "5.4 million in 2024"
    beside it. Unchanged without a publication date."""
    if not re.match(r"\d{4}", published):
        return ev
    year = int(published[:4]) - 1
    found = [
        DateMention(year, None, None, f"{m.group(0)} ({year})", m.start(), m.end())
        for m in _LAST_YEAR.finditer(ev.text)
        if not any(d.start <= m.start() < d.end for d in ev.dates)
    ]
    if not found:
        return ev
    return replace(ev, dates=sorted([*ev.dates, *found], key=lambda d: d.start))


def lead_date(claim: Facts, ev: Facts, published: str) -> tuple[bool, str, str] | None:
    """The news's date, read off a wire story's lead: its one weekday ("failed to reach orbit on
    Wednesday") is the last such day up to its dateline's date ("Sept 16"), as wire copy uses
    them. Against a claim that dates the news by its day of the month (and maybe its weekday):
    (agrees, what the claim says, what the lead says), or None where either side does not say
    it so."""
    day = _dateline_day(ev.text, published)
    if day is None or ev.dates or claim.quantities or len(claim.dates) != 1 or claim.negated:
        return None  # a lead that dates something itself is read as it says
    said = claim.dates[0]
    if said.day is None or said.month is None or said.qualifier != "exact":
        return None
    try:
        gap = abs((datetime.date(day.year, said.month, said.day) - day).days)
    except ValueError:
        return None
    if gap > 7:
        return None  # a date weeks away is another event's ("postponed from September 3")
    ev_days, claim_days = set(weekdays(ev.text)), set(weekdays(claim.text))
    if len(ev_days) != 1 or len(claim_days) > 1:
        return None
    named = next(iter(ev_days))
    when = last_weekday(day, named)
    agrees = (said.month, said.day) == (when.month, when.day) and claim_days <= {named}
    mine = ", ".join([*(d.capitalize() for d in claim_days), said.text])
    return agrees, mine, f"{named.capitalize()}, {when.strftime('%B')} {when.day}"


def one_way(claim: Facts, ev: Facts, verdict: Judgement) -> Judgement:
    """A date or the words confirm a claim of change only where the sentence says one way; a
    figure's own direction is checked where it matched."""
    if verdict.stance != "supports" or verdict.kind not in ("date", "overlap", "quantity"):
        return verdict
    lower = [t.lower() for t in TOKEN_RE.findall(claim.text)], [t.lower() for t in TOKEN_RE.findall(ev.text)]
    # Read first what moved: "prescriptions fell" against "prescriptions rose 9%, although sales
    # of antibiotics fell 4%" is a contradiction, whatever else the sentence says rose or fell.
    read = read_against(claim.text, ev.text)
    if read is not None and read[0].pole != read[1].pole:
        return contradiction(Conflict("direction", contrast(read)), verdict.probability)
    both = torn(*lower) if verdict.kind != "quantity" and read is None else None
    if both is not None:
        reason = f"says both '{both[1]}' and '{both[2]}', not which way '{both[0]}' went"
        return Judgement("neutral", 0.0, reason, "direction")
    # The date matched, or the words did, but the sentence says the other way ("the council
    # approved a renovation in March 2024" against "rejected a plan … in 2024").
    # Likewise a matched figure, for acts only ("accepted a 45 million crown offer" against
    # "offered 45 million crowns …, but the company turned the offer down"): a rise or fall
    # is checked at the figure itself.
    if verdict.kind in ("date", "quantity"):
        flip = opposed(*lower, acts_only=verdict.kind == "quantity")
        if flip is not None:
            reason = f"claim says '{flip[0]}'; the evidence says '{flip[1]}'"
            return contradiction(Conflict("direction", reason), verdict.probability)
    return verdict


# "The title is Vestra's first since 2004": the one before it came in 2004. A claim whose point
# is when "the previous" (or "most recent", "last") one was is answered by that date; and the
# other way round.
_WHEN = r"\b(?:in|back\s+in)\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\b"
_PREVIOUS = re.compile(r"\b(?:previous|most\s+recent|last|prior)\s+(?P<what>[^.;]{1,50}?)" + _WHEN)
_FIRST_SINCE = re.compile(
    r"\bfirst\b(?P<what>[^.;]{0,40}?)\bsince\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PREVIOUS_WORDS = frozenset(
    {"previous", "recent", "last", "prior", "come", "happen", "take", "place", "back", "one"}
)


def _words(text: str) -> frozenset[str]:
    return content_lemmas(text) - _PREVIOUS_WORDS


def _when(m: re.Match[str]) -> str:
    return f"{m.group('month')} {m.group('year')}" if m.group("month") else m.group("year")


def previous_year(claim: str, sentence: str) -> tuple[str, str] | None:
    """(when the claim says, when the sentence says) where one dates the previous such thing
    and the other says this is the first since a date. Only where the date ends its sentence's
    statement (not "the previous recall, in 2016, involved a syrup") and both speak of the same
    thing: the words of "first X since" (or, with none, the rest of the sentence) share one with
    "previous X" ("its first increase since" does not date the previous cut). Months are compared
    where both give one, else years."""
    for dated, first, dated_text, first_text in (
        (_PREVIOUS.search(claim), _FIRST_SINCE.search(sentence), claim, sentence),
        (_PREVIOUS.search(sentence), _FIRST_SINCE.search(claim), sentence, claim),
    ):
        if dated is None or first is None or dated_text[dated.end() :].strip(" .!\"'”’") != "":
            continue
        thing = _words(first.group("what")) or _words(first_text)
        if not _words(dated.group("what")) & thing:
            continue
        a, b = _when(dated), _when(first)
        if not (dated.group("month") and first.group("month")):
            a, b = dated.group("year"), first.group("year")
        return (a, b) if dated_text is claim else (b, a)
    return None


def counted(claim: Facts) -> bool:
    """Does the claim give a figure of its own, a period's ordinal ("the third quarter") aside?"""
    return any(not names_a_period(claim.text, q) for q in claim.quantities)


# What a change is measured against, said in words ("compared with the previous year", "than
# last season", "from a year earlier"): a sentence that gives the change's starting figure
# ("dropped to 19% from 23%", "up 12% from 2023", "down from 210 million") says it with that
# figure, so the words are not missing from it.
_BASELINE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|from|on|over|since)\s+(?:(?:the|a|its|their)\s+)?"
    r"(?:previous|preceding|prior|last|year-earlier|year\s+before|year\s+earlier|same\s+period)"
    r"(?:\s+(?:year|years|quarter|month|week|season|period|survey|census|election|one|time))?"
    r"(?:\s+(?:earlier|before))?"
    r"|\b(?:a|one|the)\s+year\s+(?:earlier|before|ago)\b",
    re.IGNORECASE,
)
_FROM_FIGURE = re.compile(
    r"\bfrom\s+(?:a\s+|an\s+)?(?:[$€£]\s?)?\d|\b(?:up|down|higher|lower)\s+(?:by\s+)?[\d.]+\s*(?:%|percent|per\s+cent)"
    r"|\b(?:compared\s+(?:with|to)|against)\s+(?:[$€£]\s?)?\d",
    re.IGNORECASE,
)


def baseline_words(claim_text: str, sentence: str) -> frozenset[str]:
    """The claim's words naming what a change is measured against, where the sentence gives the
    figure it started from instead (:data:`_BASELINE`); empty otherwise."""
    if not _FROM_FIGURE.search(sentence):
        return frozenset()
    return _baseline(claim_text)


def _baseline(text: str) -> frozenset[str]:
    """The content words of what ``text`` measures a change against (:data:`_BASELINE`)."""
    return frozenset(w for m in _BASELINE.finditer(text) for w in content_lemmas(m.group()))


def baseline_unsaid(claim_text: str, sentence: str) -> bool:
    """Does the claim say what its change is measured against ("fell compared with the previous
    year") where the sentence says neither that nor the figure it started from ("dropped
    sharply")? A move alike then does not state the claim."""
    said = _baseline(claim_text)
    if not said or _FROM_FIGURE.search(sentence):
        return False
    return not said <= _baseline(sentence)
