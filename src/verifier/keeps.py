"""Kept against changed: "Kelair did not change its full-year passenger forecast" is what "Kelair
kept its forecast of about 33 million passengers" says, and "Kelair revised its forecast" is what
it denies. Wire stories report a decision not to move a forecast, a target or a policy as kept,
held, left unchanged or reaffirmed; a claim says the same with a denied change, and the model
reads the claim's "not" as a contradiction.

Only a verb of change or of keeping with its object right after it (a determiner and up to three
modifiers between), the two objects sharing their head noun.

Likewise a plan ruled out: "Tillquist ruled out a special dividend this year" is what "Arvelle
will not pay a special dividend this year" says; and a goal missed: "won the most seats but fell
short of a majority" is what "did not win a majority of seats" says.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.lexicon import content_lemmas, lemma

_CHANGE = (
    r"(?:change|changed|changes|alter|altered|alters|revise|revised|revises|adjust|adjusted|adjusts|"
    r"amend|amended|amends)"
)
_KEEP = (
    r"(?:kept|keeps|keep|held|holds|hold|maintained|maintains|maintain|reaffirmed|reaffirms|reaffirm|"
    r"confirmed|confirms|confirm|stuck\s+to|sticks\s+to|stood\s+by|stands\s+by|left)"
)
_DENIED = (
    r"(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|had\s+not|will\s+not|won['’]t|would\s+not|"
    r"does\s+not|doesn['’]t)"
)
_OBJECT = r"(?:its|their|the|his|her|a|an)\s+(?P<object>(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z]+))\b(?!['’-])"
_AFTER = r"(?=\s+(?:of|for|at|on|in|unchanged|and|but|as)\b|\s*[.,;]|\s*$)"
_CLAIM_KEPT = re.compile(rf"\b{_DENIED}\s+{_CHANGE}\s+{_OBJECT}{_AFTER}", re.IGNORECASE)
_CLAIM_CHANGED = re.compile(rf"\b(?<!not\s){_CHANGE}\s+{_OBJECT}{_AFTER}", re.IGNORECASE)
_SENTENCE_KEPT = re.compile(rf"\b{_KEEP}\s+{_OBJECT}{_AFTER}", re.IGNORECASE)
# The kept thing as the subject: "The top income tax rate stays at 45%", "the forecast was left
# unchanged". A bare "is at 45%" gives a level, not a decision to keep it.
_SUBJECT_KEPT = re.compile(
    r"\b(?P<object>(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z]+))\s+"
    r"(?:(?:stays|stayed|remains|remained|will\s+(?:stay|remain))\s+(?:at|unchanged|the\s+same)\b"
    r"|(?:is|was|are|were|will\s+be)\s+(?:(?:left|kept|held)\s+)?unchanged\b"
    r"|(?:is|was|are|were|will\s+be)\s+(?:kept|held)\s+at\b)",
    re.IGNORECASE,
)
# "left its forecast unchanged": "left" keeps only with "unchanged" after the object.
_LEFT = re.compile(r"^left\b", re.IGNORECASE)
_DENIED_BEFORE = re.compile(rf"\b{_DENIED}\s+$", re.IGNORECASE)


def _kept(sentence: str) -> dict[str, str]:
    """Head noun -> the words that say it was kept, for each thing the sentence keeps."""
    kept: dict[str, str] = {}
    for m in _SENTENCE_KEPT.finditer(sentence):
        if _LEFT.match(m.group(0)) and not sentence[m.end() :].lstrip().lower().startswith("unchanged"):
            continue
        if _DENIED_BEFORE.search(sentence, 0, m.start()):
            continue  # "did not keep its forecast"
        kept.setdefault(_head(m), m.group(0).strip())
    for m in _SUBJECT_KEPT.finditer(sentence):
        kept.setdefault(_head(m), m.group(0).strip())
    return kept


@lru_cache(maxsize=4096)
def kept_against(claim: str, sentence: str) -> tuple[bool, str, str] | None:
    """(agrees, the claim's words, the sentence's) when the claim denies or asserts a change of
    something the sentence says was kept."""
    kept = _kept(sentence)
    if not kept:
        return None
    for pattern, agrees in ((_CLAIM_KEPT, True), (_CLAIM_CHANGED, False)):
        m = pattern.search(claim)
        if m is not None and _head(m) in kept:
            return agrees, m.group(0).strip(), kept[_head(m)]
    return None


def _head(m: re.Match[str]) -> str:
    return lemma(m.group("head").lower())


_RULED_OUT = re.compile(r"\brul(?:ed|es|ing)\s+out\s+(?P<what>[^,.;]{3,80})", re.IGNORECASE)
_WILL_NOT = re.compile(
    r"\b(?:(?:will|would|is|are)\s+not\s+(?:be\s+)?|(?:won['’]t|has\s+no\s+plans?\s+to)\s+)"
    r"(?P<act>[^,.;]{3,80})",
    re.IGNORECASE,
)


_WILL = re.compile(
    r"\b(?:will|would|plans\s+to|is\s+to|are\s+to)\s+(?!not\b)(?P<act>[^,.;]{3,80})", re.IGNORECASE
)


def ruled_out(claim: str, sentence: str) -> tuple[bool, str, str] | None:
    """(agrees, the claim's words, the sentence's) when the sentence rules out what the claim
    says will not happen (agrees) or will happen (does not): every word of what it rules out,
    two at least, is in the claim's act."""
    ruled = _RULED_OUT.search(sentence)
    if ruled is None:
        return None
    what = content_lemmas(ruled.group("what"))
    if len(what) < 2:
        return None
    for pattern, agrees in ((_WILL_NOT, True), (_WILL, False)):
        m = pattern.search(claim)
        if m is not None and what <= content_lemmas(m.group("act")):
            return agrees, m.group(0).strip(), ruled.group(0).strip()
    return None


_FELL_SHORT = re.compile(
    r"\b(?:fell|falls|falling|fallen)\s+short\s+of\s+(?:an?\s+|the\s+|its\s+)?(?P<what>[\w'’-]+(?:\s+(?!and\b|but\b|or\b|as\b)[\w'’-]+)?)",
    re.I,
)
_GOT = r"(?:win|won|reach|reached|secure|secured|get|got|achieve|achieved|gain|gained|hit)"
_NOT_GOT = re.compile(
    rf"\b(?:did\s+not|didn['’]t|failed\s+to|has\s+not|have\s+not)\s+{_GOT}\s+(?P<what>[^,.;]{{3,60}})", re.I
)
_DID_GET = re.compile(rf"\b(?<!not\s){_GOT}\s+(?P<what>[^,.;]{{3,60}})", re.I)


def fell_short(claim: str, sentence: str) -> tuple[bool, str, str] | None:
    """(agrees, the claim's words, the sentence's) when the sentence says something fell short
    of what the claim says was not won (agrees) or was won (does not): the head of what it fell
    short of among the claim's words for it."""
    short = _FELL_SHORT.search(sentence)
    if short is None:
        return None
    head = lemma(short.group("what").split()[0].lower())
    for pattern, agrees in ((_NOT_GOT, True), (_DID_GET, False)):
        m = pattern.search(claim)
        if m is not None and head in content_lemmas(m.group("what")):
            return agrees, m.group(0).strip(), short.group(0).strip()
    return None
