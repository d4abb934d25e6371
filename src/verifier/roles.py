"""Who holds a post: "Hallberg chief executive Lotte Brandt" against "chief executive Maren
Ostby told reporters". A claim that puts the wrong person in a post one person holds at a time
is a classic misattribution; the sentence does not name the claimed person at all, so the
entity checks would only call it unrelated.

Only posts one person holds (a chief executive, a governor, a health minister, a head coach),
read in three shapes: the post before the name ("Governor Elena Marsh"), the name with the post
in apposition ("Pieter Koval, the governor of the central bank,"), and the name said to be it
("Henrik Vaal is general secretary of the union"). A qualifier changes the post: a deputy
governor is not the governor, a former chief executive is not the chief executive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Posts one person holds at a time, longest first so that "chief executive officer" is not read
# as "chief executive" and a stray "officer". "Minister" needs its portfolio ("health minister",
# "minister of health"): a cabinet has many ministers.
_PORTFOLIO = (
    "finance|health|interior|defence|defense|foreign|justice|education|transport|economy|labour|labor|"
    "energy|environment|trade|agriculture"
)
_POSTS = sorted(
    (
        "chief executive officer|chief executive|ceo|chief financial officer|cfo|chairman|chairwoman|"
        "chairperson|chair|president|prime minister|premier|chancellor|governor|mayor|head coach|manager|"
        "captain|general secretary|secretary-general|secretary general|director-general|director general|"
        "chief justice|police chief|fire chief|chief constable|speaker"
    ).split("|"),
    key=len,
    reverse=True,
)
_POST = rf"(?i:(?:{_PORTFOLIO}) minister|minister (?:of|for) (?:{_PORTFOLIO})|{'|'.join(_POSTS)})"
# Words before a post that make it another one.
_QUALIFIED = re.compile(
    r"\b(?:deputy|vice|former|ex|acting|interim|assistant|associate|outgoing|incoming|previous|"
    r"late|regional|provincial|state|shadow|co|honorary|club|team|general)[- ]?$",
    re.IGNORECASE,
)
_PARTICLES = ("van", "von", "de", "da", "del", "der", "la", "le", "bin", "al")
_WORD = rf"(?:[A-Z][a-z'’-]+|[A-Z]\.|(?:{'|'.join(_PARTICLES)})\b)"
_NAME = rf"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+{_WORD}){{1,3}}"
# One plain word may stand before a post in apposition ("Kessland's transport commissioner"),
# but not a word that starts another phrase ("Koval, and governor Marsh").
_LOWER = r"(?:(?!(?:and|or|who|which|that|with|as|but|while|when|is|was|has|had|said|says)\b)[a-z]+\s+)?"
_BEFORE = re.compile(rf"\b({_POST})\s+({_NAME})")
_APPOSED = re.compile(
    rf"({_NAME}),\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w'’-]*(?:'s|’s)?\s+){{0,3}}{_LOWER}({_POST})\b"
)
_IS = re.compile(
    rf"({_NAME})\s+(?:is|was|has been|became|is now)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?({_POST})\b"
)


@dataclass(frozen=True)
class Holder:
    post: str  # normalised: lower-case, one spelling
    name: str  # as written
    start: int


# One spelling per post.
_SAME_POST = {
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "cfo": "chief financial officer",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair": "chairman",
    "secretary general": "general secretary",
}


def _norm_post(post: str) -> str:
    post = re.sub(r"\s+", " ", post.lower()).replace("-", " ")
    portfolio = re.fullmatch(r"minister (?:of|for) (\w+)", post)
    if portfolio:
        post = f"{portfolio.group(1)} minister"
    return _SAME_POST.get(post, post)


def holders(text: str) -> list[Holder]:
    """Every (post, person) the text pairs, unqualified posts only."""
    found: list[Holder] = []
    for pattern, post_group, name_group in ((_BEFORE, 1, 2), (_APPOSED, 2, 1), (_IS, 2, 1)):
        for m in pattern.finditer(text):
            name = m.group(name_group).strip()
            if _QUALIFIED.search(text[max(0, m.start(post_group) - 15) : m.start(post_group)]):
                continue
            if pattern is _BEFORE and not (m.start() == 0 or text[m.start() - 1] in " (\"'“‘"):
                continue
            found.append(Holder(_norm_post(m.group(post_group)), name, m.start()))
    return found


# Capitalised words that open a sentence or clause, not a body's name before its post.
_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "when", "after", "before", "while"}


def _elsewhere(holder: Holder, ev_text: str, claim_text: str) -> bool:
    """Is the sentence's post qualified by a name the claim does not give ("Volvo chief
    executive Jim Rowan" against "Hallberg chief executive Lotte Brandt"): another body's post?"""
    before = ev_text[max(0, holder.start - 40) : holder.start].split()[-3:]
    words = [w.strip("'’s,") for w in before if w[:1].isupper() and not w.isupper()]
    return any(w and w.lower() not in claim_text.lower() for w in words[-2:] if w.lower() not in _OPENERS)


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip("'’")


def other_holder(claim_text: str, ev_text: str) -> tuple[Holder, Holder] | None:
    """The claim's (post, person) and the sentence's other person in that post, when the
    sentence does not name the claimed person at all."""
    others = holders(ev_text)
    for c in holders(claim_text):
        if _surname(c.name) in ev_text.lower():
            continue  # the claimed person is in the sentence: a post read wrongly is likelier
        for e in others:
            if (
                e.post == c.post
                and _surname(e.name) != _surname(c.name)
                and not _elsewhere(e, ev_text, claim_text)
            ):
                return c, e
    return None
