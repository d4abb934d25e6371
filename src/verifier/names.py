"""Names around a claim's figures and entities, as :class:`verifier.judge.FactJudge` reads them:
whether a sentence names a rival of the claim's entity or its document's title a sibling of it
("Brennmoor University" / "the University of Valdstrom", "Apollo 13" / "Apollo 11"), the
capitalised words a loose reading sets aside, and whether a bare number is part of a name
("Fallout 76", "10 Cloverfield Lane") and the sentence repeats it. Apart from
:mod:`verifier.judge` to keep each module small; they read text and decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verifier.figures import Quantity
from verifier.lexicon import TOKEN_RE, lemma


def rival_named(entity: str, claim_text: str, ev_text: str) -> bool:
    """Does the sentence name another thing of the claim entity's kind ("the University of
    Valdstrom" where the claim says "Brennmoor University")? Then the document's title, which
    names the claim's, does not make the sentence about it."""
    m = re.search(rf"\b{re.escape(entity)}\b", claim_text, re.IGNORECASE)
    if m is None:
        return False
    after = re.match(r"\s+([A-Z][a-z]{3,})\b", claim_text[m.end() :])
    before = re.search(r"\b([A-Z][a-z]{3,})\s+(?:of\s+)?$", claim_text[: m.start()])
    for kind in (x.group(1) for x in (after, before) if x is not None):
        pattern = rf"\b(?:([A-Z][a-z]+)\s+{kind}|{kind}\s+(?:of\s+)?([A-Z][a-z]+))\b"
        for other in re.finditer(pattern, ev_text):
            name = (other.group(1) or other.group(2)).lower()
            if name != entity and name not in ("the", "a", "an", "this", "that"):
                return True
    return False


def sibling_named(missing: Sequence[str], title: str) -> bool:
    """Does the document's title name a sibling of a missing entity ("Selka-2" where the claim
    says "Selka-3", "Apollo 11" for "Apollo 13")? Then a sentence that names neither is about
    the title's, not the claim's."""
    for entity in missing:
        m = re.fullmatch(r"(.+?)[\s-]?(\d+)", entity)
        if m is None:
            continue
        for other in re.finditer(rf"\b{re.escape(m.group(1))}[\s-]?(\d+)\b", title, re.IGNORECASE):
            if other.group(1) != m.group(2):
                return True
    return False


def named_words(text: str) -> frozenset[str]:
    """Lemmas of the capitalised words of a sentence (names, titles; the first word too)."""
    return frozenset(lemma(t) for t in TOKEN_RE.findall(text) if t[0].isupper())


_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]\w*)")
_NAME_BEFORE = re.compile(r"([A-Z][\w]*)[\s-]$")


def of_a_name(text: str, q: Quantity) -> bool:
    """Is a bare number part of a name ("10 Cloverfield Lane", "Apollo 13", "Catch-22")? The
    loose reading sets names aside, their numbers with them."""
    if q.unit or q.qualifier != "exact" or not q.text.isdigit():
        return False
    before = text[max(0, q.start - 30) : q.start]
    return bool(_NAME_AFTER.match(text, q.end) or _NAME_BEFORE.search(before))


def name_repeated(text: str, q: Quantity, ev_text: str) -> bool:
    """Is ``q`` a name's number ("Fallout 76", "10 Cloverfield Lane") that the sentence writes
    with the same name word beside it?"""
    if not of_a_name(text, q):
        return False
    number = re.escape(q.text)
    before = _NAME_BEFORE.search(text[max(0, q.start - 30) : q.start])
    after = _NAME_AFTER.match(text, q.end)
    patterns = []
    if before is not None:
        patterns.append(rf"\b{re.escape(before.group(1))}[\s-]?{number}\b")
    if after is not None:
        patterns.append(rf"(?<![\w.,]){number}\s+{re.escape(after.group(1))}\b")
    return any(re.search(p, ev_text) for p in patterns)
