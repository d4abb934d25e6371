"""An outside expert: "Professor Ilka Baum of the University of Tesmaria, who was not involved in
the study, noted …". Science and health stories quote someone who had no part in the work to
judge it, and say so in these words. A claim that gives that person a part in the work ("Professor
Ilka Baum led the MBX-4 trial") is contradicted; one that says they had none ("had no role in
the VESTA study") is what the sentence says. The claim usually names the work ("the MBX-4
trial") where the sentence says "the study", so the entity checks alone would call the sentence
unrelated, and the model reads the claim's "no role" as a denial of the sentence.

Only the plain shapes: the sentence says "<person> …, who was not involved in the study" (or
"research", "trial", "work"), the person named at most a few words before; the claim names the
same person (surname and, where both give one, first name) doing the work or having no part in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.roles import same_person

_WORK = r"(?:study|studies|research|trial|trials|work|analysis|paper|project)"
_OUTSIDE = re.compile(
    rf"\bwho\s+(?:was|were|is|had)\s+not\s+(?:been\s+)?(?:involved|taken\s+part)\s+in\s+"
    rf"(?:the|this|that|either)\s+(?:new\s+)?{_WORK}\b",
    re.IGNORECASE,
)
# A person's name: two or three capitalised words, a title before it allowed.
_NAME = r"(?:(?:Professor|Prof\.?|Dr\.?|Doctor)\s+)?(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"
# How far before "who was not involved" the person may be named: the post or body between
# ("of the Kaltberg Institute", "an infectious disease specialist at the University of Pellbrook").
_REACH = 14
_PLACE_BEFORE = re.compile(r"\b(?:of|at|in|from|for|the|with)\s+$", re.IGNORECASE)
# The claim gives the person a part in the work, or says they had none.
_PART = re.compile(
    rf"^\s*(?:(?:lead|chief|principal)\s+(?:investigator|researcher|author)\s+)?{_NAME}\s+"
    r"(?:(?:has\s+|had\s+)?(?:led|ran|headed|conducted|carried\s+out|oversaw|designed|co-led|coordinated|"
    r"worked\s+on|took\s+part\s+in|helped\s+(?:run|lead|design)|co-authored|wrote)"
    r"|(?:was|is)\s+(?:the\s+|a\s+|an\s+)?(?:(?:lead|chief|principal|senior)\s+)?"
    r"(?:investigator|researcher|author|co-author|leader|head)\s+(?:of|in|on))\b"
    rf"[^.;]*?\b{_WORK}\b"
)
_NO_PART = tuple(
    re.compile(rf"^\s*{_NAME}\s+{said}\b[^.;]*?\b{_WORK}\b")
    for said in (
        r"(?:had|has|played)\s+no\s+(?:role|part)\s+in",
        r"(?:was|is)\s+not\s+(?:involved\s+in|part\s+of)",
        r"did\s+not\s+take\s+part\s+in",
    )
)


def _outsiders(sentence: str) -> list[tuple[str, str]]:
    """(person, the sentence's words) for each person it says had no part in the work."""
    found = []
    for m in _OUTSIDE.finditer(sentence):
        before = " ".join(sentence[: m.start()].split()[-_REACH:])
        # A body or place is named after "of", "at" or "in" ("of the Kaltberg Institute"): the
        # person is the last name that is not.
        people = [
            n.group("name")
            for n in re.finditer(_NAME, before)
            if not _PLACE_BEFORE.search(before, 0, n.start())
        ]
        if people:
            found.append((people[-1], m.group().removeprefix("who ").strip()))
    return found


@lru_cache(maxsize=4096)
def outside_expert(claim: str, sentence: str) -> tuple[bool, str, str] | None:
    """(agrees, the claim's words, the sentence's) where the sentence says a person the claim
    names had no part in the work: agrees where the claim says so too, not where it gives them a
    part; None where the sentence says no such thing of the claim's person."""
    if "involved" not in sentence and "taken part" not in sentence:
        return None  # most sentences: one substring test spares the patterns
    for agrees, pattern in ((False, _PART), *((True, p) for p in _NO_PART)):
        m = pattern.search(claim)
        if m is None:
            continue
        for person, said in _outsiders(sentence):
            if same_person(person, m.group("name")):
                return agrees, claim[m.end("name") : m.end()].strip(), f"{person} {said}"
    return None
