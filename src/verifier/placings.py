"""Who came where: "Viktor Lanz came first in the first round" against "Viktor Lanz of the
nationalist Heritage Party came third with 17.2%", and "The Social Democrats came third" against
"The far-right Homeland party came third with 15.2%, … and the Social Democrats fourth with 6.9%".

Election, race and league stories list placings, often several in one sentence and the later ones
without their verb. The figure check reads "third" as a word both sentences share; this reading
ties each ordinal to the name it places, so that a claim placing a name where the sentence places
it otherwise is contradicted.

Only placings of one contest are compared: an ordinal counted over part of one ("came first in
four of seven districts") is not read, nor two placings set in different seasons or years.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ORD = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
# The placed name: capitalised words, perhaps with a lowercase noun after them ("Homeland
# party") and a short "of …" or apposition before the verb.
_WHO = (
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+|the\s+)?[A-Z][\w'’.-]*)*"
    r"(?:\s+(?:party|bloc|front|alliance))?)"
)
_BETWEEN = (
    r"(?:\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|,\s+[^,;.]{1,60},|,\s+who)?"
)
# What may follow a placing: the end of its clause or a word that goes on about the same result.
_AFTER = r"(?:\s+place)?(?=\s*(?:[,.;]|$|\s+(?:with|in|on|at|behind|after|and|for|overall|this|last)\b))"
_PLACED = re.compile(
    rf"{_WHO}{_BETWEEN}\s+(?:came|comes|finished|finishes|placed|ended|was|were|is|took)\s+(?:in\s+)?{_ORD}{_AFTER}"
)
# "…, and the Social Democrats fourth with 6.9%": a placing that borrows the verb before it.
_ELLIPTIC = re.compile(rf",?\s+and\s+(?:the\s+)?{_WHO}\s+{_ORD}(?=\s+with\b|\s*[,.;]|$)")
_PART = re.compile(
    r"^\s+in\s+\w+\s+of\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:districts|regions|states|races|constituencies|wards|provinces|counties|stages|events)\b"
)
_WHEN = re.compile(r"\b(?:this|last|next)\s+(?:season|year|time)\b|\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]")
_NOT_NAMES = frozenset({"the", "a", "an", "it", "they", "he", "she"})


def _rank(word: str) -> int:
    return _ORDINALS.get(word.lower()) or int(re.sub(r"\D", "", word))


def _names(who: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w'’-]*", who) if w.lower() not in _NOT_NAMES)


@lru_cache(maxsize=4096)
def placings(text: str) -> tuple[tuple[frozenset[str], int, str, frozenset[str]], ...]:
    """(the placed name's words, rank, the words that say it, when) for each placing in the text."""
    found = []
    borrowed: set[int] = set()  # an elliptic placing after two placings is read once
    for m in _PLACED.finditer(text):
        rest = text[m.end() :]
        if _PART.match(rest):
            continue
        clause = re.split(r"[;.]|,\s+(?:and|while|but)\b", rest)[0]
        names = _names(m.group("who"))
        if names:
            found.append((names, _rank(m.group("ord")), m.group(0).strip(), frozenset(_WHEN.findall(clause))))
        # The placings that borrow this one's verb, up to the end of the sentence.
        for e in _ELLIPTIC.finditer(text, m.end(), len(text)):
            if e.start() in borrowed or _SENTENCE_END.search(text, m.end(), e.start()):
                continue
            if others := _names(e.group("who")):
                borrowed.add(e.start())
                found.append((others, _rank(e.group("ord")), e.group(0).strip(" ,"), frozenset()))
    return tuple(found)


def other_placing(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's words, the sentence's) when the sentence places the claim's placed name at
    another rank in the same contest."""
    mine = placings(claim)
    if not mine:
        return None
    for names, rank, said, when in mine:
        for their_names, their_rank, their_said, their_when in placings(sentence):
            if when and their_when and when != their_when:
                continue
            if (names <= their_names or their_names <= names) and rank != their_rank:
                return said, their_said
    return None
