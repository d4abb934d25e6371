"""A comparison with a dated level: "Lower Vessen now uses less water than it did in 2015"
against "water use … remains above the 2015 level", "Arkwell has flown fewer missions this year
than in the whole of 2025" against "its fifth this year, up from three in the whole of 2025".

The sentence names the claim's year, so the date checks read it as confirming the claim; which
side of that year's level the figure now stands is what the claim turns on. Only a comparative
before "than … <year>" in the claim, and a sentence that puts the same year on one side only
("up from … in 2025", "above the 2015 level", "fell … from … in 2019"), are read.

A preference turned round: "chose to chase sales volume rather than protect its margins" against
"we chose to protect our margins rather than chase volume", the two sides sharing their words
crosswise and not straight.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.lexicon import content_lemmas, said_in

_MORE = r"more|higher|bigger|larger|greater"
_LESS = r"fewer|less|lower|smaller"
_YEAR = r"(?:19|20)\d\d"
_CLAIM = re.compile(
    # Lower case: "Lower Vessen" and "Greater London" are places; a sentence may open on
    # "Fewer people", "More fans" or "Less water", which name nothing.
    rf"\b(?P<cmp>{_MORE}|{_LESS}|^More|^Fewer|^Less)\b[^.;]{{0,60}}?\bthan\b[^.;]{{0,40}}?\b(?P<year>{_YEAR})\b"
)
# Which side of a year's level the sentence puts its figure: the cue, then that year soon after.
_SIDES = (
    (0, r"\b(?:up|higher|more|greater|larger|bigger|above|exceed(?:s|ed|ing)?)\b"),
    (0, r"\b(?:rose|risen|increased|grew|grown|climbed|jumped)\b[^.;]{0,30}?\bfrom\b"),
    (1, r"\b(?:down|lower|less|fewer|smaller|below|under)\b"),
    (1, r"\b(?:fell|fallen|dropped|declined|decreased|shrank|slipped)\b[^.;]{0,30}?\bfrom\b"),
)


def _sides(sentence: str, year: str) -> dict[int, re.Match[str]]:
    """Each side of the year's level the sentence puts its figure, with the first words that say so."""
    found: dict[int, re.Match[str]] = {}
    for side, cue in _SIDES:
        # A decimal point ends no clause: "down from 4.1 in 2000".
        if side not in found and (m := re.search(rf"{cue}(?:[^.;]|\.(?=\d)){{0,40}}?\b{year}\b", sentence)):
            found[side] = m
    return found


@lru_cache(maxsize=4096)
def against_reference(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's comparison, the sentence's) when the sentence puts the figure on the other
    side of the level of the year the claim compares it with."""
    m = _CLAIM.search(claim)
    if m is None:
        return None
    year = m.group("year")
    sides = _sides(sentence, year)
    mine = 0 if re.fullmatch(_MORE, m.group("cmp").lower()) else 1
    if len(sides) != 1 or mine in sides:
        return None
    (theirs,) = sides.values()
    return m.group(0), theirs.group(0)


# The preferred side, then the one passed over: a few words each, within one clause.
_RATHER = re.compile(
    r"(?P<a>(?:[\w'’-]+\s+){1,4}?)(?:rather\s+than|instead\s+of)\s+(?P<b>(?:[\w'’-]+\s*){1,4})"
)
_SIDE_STOP = frozenset(
    {"choose", "chose", "chosen", "decide", "decided", "prefer", "preferred", "would", "will"}
)


def _preference(text: str) -> tuple[frozenset[str], frozenset[str], str] | None:
    m = _RATHER.search(text)
    if m is None:
        return None
    a, b = (content_lemmas(m.group(k)) - _SIDE_STOP for k in ("a", "b"))
    # A word on both sides ("cut costs rather than cut jobs") tells neither apart.
    a, b = a - b, b - a
    return (a, b, m.group(0).strip(" ,.")) if a and b else None


def _shares(words: frozenset[str], other: frozenset[str]) -> bool:
    return any(said_in(w, other) for w in words)


@lru_cache(maxsize=4096)
def preference_swapped(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's preference, the sentence's) when the sentence prefers what the claim says
    was passed over, and passes over what the claim says was preferred."""
    mine, theirs = _preference(claim), _preference(sentence)
    if mine is None or theirs is None:
        return None
    (a, b, said), (x, y, their_said) = mine, theirs
    if _shares(a, y) and _shares(b, x) and not _shares(a, x) and not _shares(b, y):
        return said, their_said
    return None
