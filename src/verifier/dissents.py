"""Majority against dissent: which side of a split decision a court's judge or a rate-setter took.

Wire stories on rulings and rate decisions name who wrote for the majority and who dissented
("Writing for the majority, Chief Justice Hanna Vesterlund …", "Three dissenting judges, led by
Justice Marek Tolland, …", "The two dissenters were Deputy Governor Sven Aldrich and …"). A claim
that puts one of them on the other side ("Justice Marek Tolland wrote the majority opinion"),
gives the majority's pen or the dissent's lead to someone else, or counts among the dissenters
someone the sentence's full list leaves out, is contradicted by that sentence. The model reads
such pairs as the same story told twice: the names and the words are all there.

People are matched by surname (the last capitalised word of a name, titles before it aside).
Only contradictions are read: a claim that agrees is left to the rest of the judge, since
"wrote for the majority" says nothing of the vote's count or of what the opinion said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_NAME = r"[A-Z][\w'’-]+(?:\s+(?:van|von|de|da|del|der)?\s*[A-Z][\w'’-]+){0,4}"
# A list of names, each perhaps after a lowercase post ("Deputy Governor Sven Aldrich and
# external member Ruth Hallam").
_LIST = rf"{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[a-z]+\s+){{0,2}}{_NAME})*"
_FOLLOWED = r"(?:judges?|justices?|members?|opinions?|judgments?|views?|policymakers|governors)"


@dataclass(frozen=True)
class _Side:
    surnames: frozenset[str]
    side: str  # "majority" or "dissent"
    sole: bool  # the majority's writer or the dissent's leader: one person
    whole: bool  # the sentence lists every dissenter ("The two dissenters were A and B")
    phrase: str


# (pattern, side, sole, whole): each pattern's "names" group holds the people it places.
_PATTERNS = [
    (
        rf"\b(?i:writing|wrote|writes|spoke|speaking)\s+for\s+the\s+majority,\s+(?P<names>{_NAME})",
        "majority",
        True,
        False,
    ),
    (
        rf"(?P<names>{_NAME}),?\s+(?:who\s+)?(?:wrote|writes|writing|delivered|delivering)\s+(?:for\s+the\s+majority|"
        r"the\s+(?:court's\s+|court’s\s+)?majority\s+(?:opinion|judgment|ruling|decision))",
        "majority",
        True,
        False,
    ),
    (
        rf"\b(?i:the)\s+(?:two|three|four|five|\d+)\s+(?:dissenters|dissenting\s+{_FOLLOWED})(?:\s+were|,)\s+"
        rf"(?!led\b|including\b)(?:[a-z]+\s+){{0,2}}(?P<names>{_LIST})",
        "dissent",
        False,
        True,
    ),
    (
        rf"\bdissent(?:ing|ers)\b(?:\s+{_FOLLOWED})?,?\s+led\s+by\s+(?:[a-z]+\s+){{0,2}}(?P<names>{_NAME})",
        "dissent",
        True,
        False,
    ),
    (
        rf"(?P<names>{_NAME}),?\s+(?:who\s+)?(?:led|leading|leads|wrote|writing|writes)\s+the\s+dissent\b",
        "dissent",
        True,
        False,
    ),
    (rf"\b(?i:in)\s+a\s+dissenting\s+{_FOLLOWED},\s+(?P<names>{_NAME})", "dissent", False, False),
    (rf"(?P<names>{_LIST})\s+(?:also\s+)?dissented\b", "dissent", False, False),
    (
        rf"(?P<names>{_NAME})\b[^.;\"“”]{{0,60}}?\bin\s+(?:a|his|her|the)\s+dissent(?:ing\s+{_FOLLOWED})?\b",
        "dissent",
        False,
        False,
    ),
    (
        rf"(?P<names>{_NAME})\s+(?:was|were)\s+(?:one\s+of\s+|among\s+)?the\s+dissenters?\b",
        "dissent",
        False,
        False,
    ),
    (rf"(?P<names>{_NAME})\s+(?:also\s+)?voted\s+against\b", "dissent", False, False),
]
_COMPILED = [(re.compile(p), side, sole, whole) for p, side, sole, whole in _PATTERNS]
_TITLES = frozenset(
    "justice justices judge judges chief deputy governor president mr mrs ms dr lord lady external "
    "member the writing".split()
)
# Capitalised words that start a sentence and name nobody ("Three judges dissented").
_NOBODY = frozenset("the two three four five six seven eight nine all both they he she".split())


def _surnames(names: str) -> frozenset[str]:
    out = set()
    for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names):
        words = [w for w in re.findall(r"[A-Z][\w'’-]+", name) if w.lower() not in _TITLES]
        if words and words[-1].lower() not in _NOBODY:
            out.add(words[-1].lower())
    return frozenset(out)


@lru_cache(maxsize=4096)
def _sides(text: str) -> tuple[_Side, ...]:
    found = []
    for pattern, side, sole, whole in _COMPILED:
        for m in pattern.finditer(text):
            surnames = _surnames(m.group("names"))
            if surnames:
                found.append(_Side(surnames, side, sole, whole, m.group(0).strip()))
    return tuple(found)


def side_against(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's words, the sentence's) when the sentence puts the claim's judge or
    rate-setter on the other side, gives the claimed sole role to another, or lists every
    dissenter without the claimed one."""
    mine = _sides(claim)
    if not mine:
        return None
    theirs = _sides(sentence)
    for c in mine:
        for s in theirs:
            if c.surnames & s.surnames and c.side != s.side:
                return c.phrase, s.phrase
            if c.side != s.side or c.surnames & s.surnames:
                continue
            if (c.sole and s.sole) or (c.side == "dissent" and s.whole):
                return c.phrase, s.phrase
    return None
