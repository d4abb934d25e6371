"""Scores and vote tallies: "beat Dunmore City 2-1", "a 6-3 ruling", "by six votes to three",
"152 votes to 146". The figure readers see two loose numbers, or none, in them; a claim that
gets the score of a final or the split of a vote wrong is contradicted by the one the story
gives. A tally is compared as a pair either way round ("lost 1-3" and "3-1 defeat" are one
score), and only where each side gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.lexicon import NUMBER_WORDS

# Words near a score that say it is one: a result, a ruling, a vote.
_CONTEXT = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|beating|lost|lose|loses|defeat(?:ed|s)?|drew|draw|"
    r"victory|score[ds]?|final|semi-final|match|game|ruling|ruled|rules|vote[ds]?|voting|majority|"
    r"margin|decision|verdict|thrashed|edged|routed|triumph|aggregate|"
    # A bill or motion carried or lost by a split: "The bill passed 214-187".
    r"passed|approved|adopted|rejected|carried|backed|endorsed)\b",
    re.IGNORECASE,
)
_SMALL = {w: float(i) for i, w in enumerate(NUMBER_WORDS[:20])}
_NUMBER = r"\d{1,3}|" + "|".join(sorted(_SMALL, key=len, reverse=True))
_DASHED = re.compile(r"(?<![\d.,:/-])\b(\d{1,3})\s?[-–]\s?(\d{1,3})\b(?![\d,:/-]|\.\d|\s?(?:[ap]\.?m\b|%))")
_VOTES = re.compile(
    rf"\b({_NUMBER})\s+votes?\s+to\s+({_NUMBER})\b"
    # "with 48 votes for and 39 against", "48 votes in favour and 39 against"
    rf"|\b({_NUMBER})\s+votes?\s+(?:for|in\s+favou?r)(?:\s+\w+){{0,3}}?\s+and\s+({_NUMBER})\s+(?:votes?\s+)?against\b",
    re.IGNORECASE,
)
# "passed by nine votes", "a margin of fewer than ten votes", "a majority of six": how far apart
# the two sides of a vote were, not how many voted either way (not "by 152 votes to 146").
_MARGIN = re.compile(
    rf"\b(?:by|margin\s+of|majority\s+of)\s+(?:(?P<qual>fewer\s+than|less\s+than|more\s+than|over|under|"
    rf"just|only)\s+)?(?P<n>{_NUMBER})\s+votes?\b(?!\s+to\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tally:
    pair: tuple[float, float]  # the two numbers, larger first
    text: str
    start: int


def _value(word: str) -> float:
    return float(word) if word.isdigit() else _SMALL[word.lower()]


@lru_cache(maxsize=8192)
def tallies(text: str) -> tuple[Tally, ...]:
    """The scores and vote splits a text gives."""
    found: list[Tally] = []
    for m in _VOTES.finditer(text):
        a, b = _value(m.group(1) or m.group(3)), _value(m.group(2) or m.group(4))
        found.append(Tally((max(a, b), min(a, b)), m.group(), m.start()))
    for m in _DASHED.finditer(text):
        near = text[max(0, m.start() - 50) : m.end() + 30]
        if not _CONTEXT.search(near):
            continue
        a, b = float(m.group(1)), float(m.group(2))
        found.append(Tally((max(a, b), min(a, b)), m.group(), m.start()))
    return tuple(found)


def tally_against(claim_text: str, ev_text: str) -> tuple[Tally, Tally, bool] | None:
    """(claim's tally, the sentence's, whether they agree) when each side gives exactly one
    (or the sentence gives the claim's among several)."""
    mine, theirs = tallies(claim_text), tallies(ev_text)
    if len(mine) != 1 or not theirs:
        return None
    same = next((t for t in theirs if t.pair == mine[0].pair), None)
    if same is not None:
        return mine[0], same, True
    if len(theirs) == 1:
        return mine[0], theirs[0], False
    return None


@dataclass(frozen=True)
class Margin:
    value: float
    qualifier: str  # "", "less" or "more"
    text: str
    start: int


def margins(text: str) -> list[Margin]:
    """The margins of a vote a text gives ("by nine votes", "a margin of fewer than ten votes")."""
    found = []
    for m in _MARGIN.finditer(text):
        qual = (m.group("qual") or "").lower()
        bound = (
            "less"
            if qual in ("fewer than", "less than", "under")
            else "more"
            if qual in ("more than", "over")
            else ""
        )
        found.append(Margin(_value(m.group("n")), bound, m.group(), m.start()))
    return found


def margin_against(claim_text: str, ev_text: str) -> tuple[Tally | Margin, Tally | Margin, bool] | None:
    """A vote's margin on one side against its split on the other ("passed by nine votes" /
    "by 48 votes to 39"): (what the claim says, what the sentence says, whether they agree).
    Only where one side gives one split and no margin, and the other one margin and no split."""
    for margin_side, split_side, claim_gives_margin in (
        (claim_text, ev_text, True),
        (ev_text, claim_text, False),
    ):
        said, split = margins(margin_side), [t for t in tallies(split_side) if "vote" in t.text.lower()]
        if len(said) != 1 or len(split) != 1 or tallies(margin_side) or margins(split_side):
            continue
        gap = split[0].pair[0] - split[0].pair[1]
        m = said[0]
        agrees = (
            gap < m.value
            if m.qualifier == "less"
            else gap > m.value
            if m.qualifier == "more"
            else gap == m.value
        )
        return (m, split[0], agrees) if claim_gives_margin else (split[0], m, agrees)
    return None


# "19 of the 45 seats": a share of seats, against which a claimed majority is arithmetic.
_OF_SEATS = re.compile(r"^\s+of\s+(?:the\s+)?(\d[\d,]*)\s+(?:\w+\s+)?seats\b", re.IGNORECASE)
_MAJORITY = re.compile(r"\b(?:an?\s+)?(?:(?:outright|absolute|overall|clear)\s+)?majority\b", re.IGNORECASE)
_NO_MAJORITY = re.compile(
    r"\b(?:no|without|short\s+of|shy\s+of|fell\s+short\s+of|falls?\s+short\s+of|failed\s+to\s+win|"
    r"did\s+not\s+win|not)\s+(?:an?\s+)?(?:(?:outright|absolute|overall|clear)\s+)?majority\b",
    re.IGNORECASE,
)


def majority_against_seats(claim_text: str, q_value: float, ev_text: str, e_end: int) -> str | None:
    """ "won 19 council seats, giving it an outright majority" against "19 of the 45 seats":
    the sentence's share of seats, when it settles a majority the claim says was won (or not).
    The claim's own figure must be the sentence's, so that both speak of the same party."""
    m = _OF_SEATS.match(ev_text[e_end : e_end + 40])
    if m is None or not _MAJORITY.search(claim_text):
        return None
    total = float(m.group(1).replace(",", ""))
    won = 2 * q_value > total
    denied = _NO_MAJORITY.search(claim_text) is not None
    if won == (not denied):
        return None
    said = "no majority" if denied else "a majority"
    return f"claim says {said}; {q_value:g} of {total:g} seats is {'a' if won else 'no'} majority"
