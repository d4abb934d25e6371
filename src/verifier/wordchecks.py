"""The checks of words that :class:`verifier.judge.FactJudge` runs after the values'
(:mod:`verifier.checks`): the direction of a change turned round, two names the other way
round, and another day of the week. Each says what differs as a :class:`verifier.checks.Conflict`,
past the coverage bars the judge hands it (:class:`verifier.checks.Cleared`). The days of the week
a sentence says something happened on are read here too (moved from :mod:`verifier.dates`).
"""

from __future__ import annotations

import re

from verifier.checks import Cleared, Conflict
from verifier.entities import swapped_roles
from verifier.facts import Facts
from verifier.figures import Quantity
from verifier.lexicon import STOPWORDS, TOKEN_RE, content_lemmas, lemma
from verifier.movers import contrast, moved_by_another, read_against, same_actor
from verifier.phrasing import figure_phrase
from verifier.scope import denied_at
from verifier.wholes import names_a_period
from verifier.wording import (
    POLE_WORDS,
    SESSION_END,
    at_figure,
    compass,
    object_flip,
    opposed,
    turned_words,
    window,
)


def turned_direction(
    claim: Facts, ev: Facts, supported_q: list[tuple[Quantity, Quantity]], cleared: Cleared
) -> Conflict | None:
    """Direction: at a matched figure ("rose to 4.2%" / "fell to 4.2%"), else over the whole
    sentence when each side says one direction only and the rest is repeated."""
    for q, e in supported_q:
        if names_a_period(claim.text, q):
            continue  # "the third quarter": when, not a figure that moved
        bearing = compass(claim.text, q), compass(ev.text, e)
        if bearing[0] and bearing[1] and bearing[0] != bearing[1]:
            said = figure_phrase(claim.text, q), figure_phrase(ev.text, e)
            return Conflict("quantity", f"claim says {said[0]}; the evidence says {said[1]}")
        said_c, said_e = window(claim.text, q.start), window(ev.text, e.start)
        flip = opposed(at_figure(said_c), at_figure(said_e))
        if flip is not None:
            # In the words each side used ("ended", not the "closed" it was read as).
            flip = tuple(
                w if w in said else next(x for x in said if x in SESSION_END)
                for w, said in zip(flip, (said_c, said_e), strict=True)
            )
            phrase = figure_phrase(claim.text, q)
            reason = f"claim says '{flip[0]}' to {phrase}; the evidence says '{flip[1]}'"
            return Conflict("quantity", reason)
    claim_words = [t.lower() for t in TOKEN_RE.findall(claim.text)]
    ev_words = [t.lower() for t in TOKEN_RE.findall(ev.text)]
    said_of = object_flip(claim_words, ev_words)
    if said_of is not None and cleared.support:
        return Conflict("direction", f"claim says '{said_of[0]}'; the evidence says '{said_of[1]}' of it")
    read = read_against(claim.text, ev.text)
    if read is not None and read[0].pole == read[1].pole:
        return None  # the sentence says it went the claim's way, whatever else went the other
    excused: frozenset[str] = frozenset()
    if read is not None:  # what the sentence said went the other way names what moved
        reason: str | None = contrast(read)
        if same_actor(read):
            excused = read[0].mover - read[1].mover
    elif moved_by_another(claim.text, ev.text):
        return None
    else:
        flip = opposed(claim_words, _clauses_about(claim_words, ev.text))
        reason = None if flip is None else f"claim says '{flip[0]}'; the evidence says '{flip[1]}'"
    if reason is not None and cleared.all_but(turned_words(claim_words, ev.content) | excused):
        return Conflict("direction", reason)
    return None


# Where a sentence turns to another subject: "Revenue reached 9.8 billion crowns, while costs fell".
_POLE_LEMMAS = frozenset(lemma(w) for w in POLE_WORDS)
_OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|although)\b|\s\bwhile\b", re.IGNORECASE)


def _clauses_about(claim_words: list[str], text: str) -> list[str]:
    """The sentence's words, less those of clauses that share no word with the claim but a
    direction: "while costs fell" says nothing of the claim's revenue."""
    named = {lemma(w) for w in claim_words} - STOPWORDS
    out: list[str] = []
    for clause in _OTHER_CLAUSE.split(text):
        words = [t.lower() for t in TOKEN_RE.findall(clause)]
        content = {lemma(w) for w in words} - STOPWORDS
        if not out or content & named - _POLE_LEMMAS:
            out += words
    return out


def swapped_names(claim: Facts, ev: Facts, cleared: Cleared) -> Conflict | None:
    """Two names the other way round about one verb: "Pemberly agreed to buy Arkwell" against
    "Arkwell agreed to buy Pemberly"."""
    roles = swapped_roles(claim, ev)
    if roles is not None and cleared.negation and not (claim.negated or ev.negated):
        return Conflict("direction", f"claim says '{roles}'; the evidence says it the other way round")
    return None


# "from the capital Saldor to the port city of Fennick": the first name after each end.
_ROUTE = re.compile(
    r"\bfrom\s+(?:[a-z][\w'’-]*,?\s+){0,4}(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
    r"[^.;]{0,60}?\bto\s+(?:[a-z][\w'’-]*,?\s+){0,4}(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)


def reversed_route(claim: Facts, ev: Facts, cleared: Cleared) -> Conflict | None:
    """A journey or a move the other way round: "travelling from Fennick to the capital,
    Saldor" against "from the capital Saldor to the port city of Fennick"."""
    mine, theirs = _ROUTE.search(claim.text), _ROUTE.search(ev.text)
    if mine is None or theirs is None or not cleared.support or claim.negated or ev.negated:
        return None
    if (mine["a"], mine["b"]) == (theirs["b"], theirs["a"]) and mine["a"] != mine["b"]:
        said = f"from {theirs['a']} to {theirs['b']}"
        return Conflict("direction", f"claim says from {mine['a']} to {mine['b']}; the evidence says {said}")
    return None


def other_weekday(
    claim: Facts, ev: Facts, claim_days: list[str], ev_days: list[str], cleared: Cleared
) -> Conflict | None:
    """A weekday is a date of its own: "on Monday" against "on Sunday", all else repeated.
    ``claim_days``, ``ev_days``: :func:`weekdays` of each."""
    if (
        len(set(claim_days)) != 1
        or not ev_days
        # A denial elsewhere in a sentence ("…, but the mayor said residents had received no
        # order") says nothing of its day: only one whose clause holds a weekday does.
        or _day_denied(claim)
        or _day_denied(ev)
    ):
        return None
    day = claim_days[0]
    # A day is compared with a day of the same role: "joined Tuesday's stoppage" not with "the
    # stoppage … is due to end at 6 a.m. on Sunday" (the day an event ends is not its day), nor
    # "has become lower since Thursday" with "began erupting on Wednesday".
    role = _day_roles(claim.text).get(day, {""})
    ev_roles = _day_roles(ev.text)
    ev_days = [d for d in ev_days if role & ev_roles.get(d, {""})]
    if not ev_days:
        return None
    if day not in ev_days:
        near = cleared.support and _same_event(claim.text, day, ev.text, ev_days[0])
        if near or cleared.all_but(frozenset(claim_days)):
            return _day_conflict(day, ev_days[0])
        return None
    # The claim's day is in the sentence, but for another event: "declared Wednesday a day of
    # mourning and said she would travel there on Tuesday" against "declared Tuesday a day of
    # mourning". The day the sentence gives the claim's event is the one to compare.
    if (
        cleared.support
        and not _same_event(claim.text, day, ev.text, day)
        and not _close_alike(claim.text, ev.text, day)
    ):
        other = next((d for d in ev_days if d != day and _same_event(claim.text, day, ev.text, d)), None)
        if other is not None:
            return _day_conflict(day, other)
    return None


# The words that make a weekday an event's end or a deadline: "until Sunday", "due to end at
# 6 a.m. on Sunday", "by Tuesday".
_ENDS_BEFORE = re.compile(
    r"\b(?:until|till|through|end|ends|ending|ended|finish|finishes|expires?|deadline)\b"
    r"(?:[^,.;]|\b[ap]\.m\.){0,25}?$"
    # "restored by Tuesday evening": a deadline is an end too.
    r"|\bby\s+$",
    re.I,
)


_STARTS_BEFORE = re.compile(r"\b(?:since|from)\s+(?:late\s+|early\s+)?$", re.I)


def _day_roles(text: str) -> dict[str, set[str]]:
    """Each weekday a sentence names, with what it is each time it is named: when something
    ends ("until Sunday", "by Tuesday"), when it started ("since Thursday"), or plain ("")."""
    roles: dict[str, set[str]] = {}
    for m in _WEEKDAY_RE.finditer(text):
        window = (text, max(0, m.start() - 40), m.start())
        role = "end" if _ENDS_BEFORE.search(*window) else "start" if _STARTS_BEFORE.search(*window) else ""
        roles.setdefault(m.group(1).lower(), set()).add(role)
    return roles


def _close_alike(claim_text: str, ev_text: str, day: str) -> bool:
    """Do the three words before the day share one, figures included: "was 40 on Monday"
    against "rose to 52 on Tuesday, from 40 on Monday" is the claim's Monday."""

    def close(text: str) -> frozenset[str]:
        return content_lemmas(" ".join(_words_before(text, day, 40, 3)))

    return bool(close(claim_text) & close(ev_text))


def _day_conflict(claimed: str, stated: str) -> Conflict:
    return Conflict("date", f"claim says {claimed.capitalize()}; the evidence says {stated.capitalize()}")


def _day_denied(facts: Facts) -> bool:
    return any(denied_at(facts, m.start(), m.end()) for m in _WEEKDAY_RE.finditer(facts.text))


def _same_event(claim_text: str, claim_day: str, ev_text: str, ev_day: str) -> bool:
    """Do the words just before each weekday share one: the same event on two days ("the wind
    shifted on Sunday" / "the wind changed direction on Monday"), not two events ("the strike
    began on Sunday" / "returned to work on Tuesday")?"""

    def before(text: str, day: str) -> set[str]:
        words = _words_before(text, day, 80, 8)
        return {lemma(w.lower()) for w in words if w[0].isalpha() and w.lower() not in STOPWORDS}

    return bool(before(claim_text, claim_day) & before(ev_text, ev_day))


def _words_before(text: str, day: str, reach: int, count: int) -> list[str]:
    """The last ``count`` words within ``reach`` characters before the day's first mention."""
    at = text.lower().find(day)
    return TOKEN_RE.findall(text[max(0, at - reach) : at])[-count:]


_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")
# "…, officials said on Tuesday": when it was said, not when it happened.
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|told|reported|confirmed|added|stated|wrote|tweeted)\s+(?:[\w.]+\s+){0,3}?(?:on\s+)?$",
    re.IGNORECASE,
)


# A claim about the saying itself ("announced the closure on a Thursday"): then the day a
# source said it is the day in question.
_SAYING = re.compile(r"\b(?:announced|announces|unveiled|reported|disclosed|published|released)\b", re.I)


def weekday_spans(text: str, saying: bool = False) -> list[re.Match[str]]:
    """The mentions of the days of the week a sentence says something happened on; not the day
    a source said it, unless ``saying`` (the claim is about when it was said)."""
    return [
        m
        for m in _WEEKDAY_RE.finditer(text)
        if saying or not _SAID_ON.search(text, max(0, m.start() - 40), m.start())
    ]


def weekdays(text: str, saying: bool = False) -> list[str]:
    """The days of the week a sentence says something happened on, lower-cased (as
    :func:`weekday_spans`)."""
    return [m.group(1).lower() for m in weekday_spans(text, saying)]


def about_saying(text: str) -> bool:
    """Is the claim about an announcement, so that its day is the day it was said?"""
    return _SAYING.search(text) is not None
