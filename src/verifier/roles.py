"""Who holds a post: "Hallberg chief executive Lotte Brandt" against "chief executive Maren
Ostby told reporters". A claim that puts the wrong person in a post, or gives a person a post the
sources give someone else, is a classic misattribution; the sentence that shows it often does not
name the claimed person at all, so the entity checks would only call it unrelated.

Posts are read in four shapes: the post before the name ("Governor Elena Marsh", "regional fire
chief Nuria Castell"), the name with the post in apposition ("Pieter Koval, the governor of the
central bank,"), the post with the name in apposition ("Kestovia's health minister, Anja
Voltrec,") and the name said to be it ("Henrik Vaal is general secretary of the union"). A
post keeps the plain words that make it a post of its own ("fire chief", "transport
commissioner", "mission director"); capitalised words before it name the body that has it
("Hallberg chief executive"). A time or rank qualifier makes another post that several people
hold or held: a deputy governor is not the governor, a former chief executive is not the chief
executive, and neither is read.

Two checks use them: another person in the claimed person's post (``other_holder``, which only
posts one person holds at a time can make a contradiction), and the claimed person given another
post (``other_post``: "Interior Minister Anja Voltrec" against "health minister Anja Voltrec").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PORTFOLIO = (
    "finance|health|interior|defence|defense|foreign|justice|education|transport|economy|labour|labor|"
    "energy|environment|trade|agriculture|culture|housing|industry|sport|sports|tourism|home"
)
# Posts, longest first so that "chief executive officer" is not read as "chief executive" and a
# stray "officer". "Minister" needs its portfolio ("health minister", "minister of health"): a
# cabinet has many ministers.
_HEADS = sorted(
    (
        "chief executive officer|chief executive|ceo|cfo|coo|chairman|chairwoman|chairperson|chair|"
        "president|prime minister|chancellor|governor|mayor|head coach|manager|"
        "captain|general secretary|secretary-general|secretary general|director-general|director general|"
        "chief justice|chief constable|speaker|opposition leader|director|commissioner|commander|chief|"
        "spokesman|spokeswoman|spokesperson|minister"
    ).split("|"),
    key=len,
    reverse=True,
)
_HEAD = (
    rf"(?i:minister (?:of|for) (?:{_PORTFOLIO})\b|chief [a-z]+ officer|"
    rf"head of (?:(?!(?:at|in|for|of|the|and|on)\b)[a-z]+\b\s?){{1,3}}|"
    rf"{'|'.join(_HEADS)})"
)
POST_HEAD = _HEAD  # the head word of a post, for readers of who said what (verifier.agents)
# Plain words that make a post of its own before its head ("fire chief", "transport
# commissioner"); capitalised, only where the head is capitalised too ("Interior Minister").
_STOP = (
    r"the|a|an|its|their|his|her|and|or|who|which|that|with|as|but|while|when|is|was|has|had|said|"
    r"says|of|to|for|by|from|new|now|also|veteran|longtime|including|includes|like|such"
)
_MOD = rf"(?:(?!(?:{_STOP})\b)[a-z][a-z-]+)"
_CAPMOD = (
    rf"(?:(?i:{_PORTFOLIO}|regional|provincial|state|national|federal|police|fire|transport|mission|opposition|"
    rf"coastguard|army|military|navy|medical|prime)\b)"
)
_POST = rf"(?:(?:{_CAPMOD}\s+)?(?:{_MOD}\s+){{0,2}}{_HEAD}|(?:{_CAPMOD}\s+){{0,2}}(?=[A-Z])(?i:{_HEAD}))"
# Words before a post that make it another one, which several people hold or held.
_QUALIFIED = re.compile(
    r"\b(?:deputy|vice|former|ex|acting|interim|assistant|associate|outgoing|incoming|previous|late|"
    r"shadow|co|honorary|club|team|general|senior|junior|first|second|then|non-executive|independent|"
    r"executive|programme|program|creative|artistic|research)[- ]?$",
    re.IGNORECASE,
)
_PARTICLES = ("van", "von", "de", "da", "del", "der", "la", "le", "bin", "al")
_WORD = rf"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.|(?:{'|'.join(_PARTICLES)})\b)"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
_NAME = rf"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.)(?:\s+{_WORD}){{1,3}}"
# One plain word may stand before a post in apposition ("Kessland's transport commissioner"),
# but not a word that starts another phrase ("Koval, and governor Marsh").
_BODY = r"(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w'’-]*(?:'s|’s)?\s+){0,3}"
_BEFORE = re.compile(rf"\b({_POST})\s+{_HONORIFIC}({_NAME})")
_APPOSED = re.compile(rf"({_NAME}),\s+{_BODY}({_POST})\b")
_POST_FIRST = re.compile(
    rf"(?:^|,\s+|\b(?i:the)\s+)(?:[\w'’-]+(?:'s|’s)\s+)?({_POST}),\s+{_HONORIFIC}({_NAME}),"
)
_IS = re.compile(
    rf"({_NAME})\s+(?:is|was|has been|became|is now)\s+(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*(?:'s|’s)?\s+){{0,2}}({_POST})\b"
)
_HEAD_END = re.compile(rf"{_HEAD}\s*$")
# What may follow a post when a claim says no more than who holds it.
_BODY_AFTER = re.compile(r"\s*(?:(?:of|at|for|in)\s+[\w'’ -]+?)?\s*[.!]?\s*$")


@dataclass(frozen=True)
class Holder:
    post: str  # normalised: lower-case, one spelling, without the body's words
    name: str  # as written
    start: int  # where the post or the name begins, whichever comes first


# One spelling per post.
_SAME_POST = {
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair": "chairman",
    "secretary general": "general secretary",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "manager": "head coach",
}
# Plain words before a head that name the body, not another post ("agency director" is the
# agency's director).
_BODY_NOUNS = frozenset(
    "agency bureau institute authority company bank group firm union association board ministry "
    "department office commission council court club team party airline".split()
)
# Posts one person holds at a time (in one body): another person in one is a contradiction.
_MANY = frozenset({"spokesman", "chief"})
# Posts one person commonly holds together ("chairman and chief executive").
_TOGETHER = frozenset({"chairman", "chief executive", "president", "managing director", "founder"})
# Bare heads that only say "the one in charge": they fit any other post at the top.
_GENERIC = frozenset({"chief", "head", "leader"})


def _norm_post(post: str) -> str:
    post = re.sub(r"\s+", " ", post.lower()).replace("-", " ").replace("director general", "director-general")
    words = post.split()
    while len(words) > 1 and words[0] in _BODY_NOUNS:
        words = words[1:]
    post = " ".join(words)
    portfolio = re.fullmatch(r"(.*?)minister (?:of|for) (\w+)", post)
    if portfolio:
        post = f"{portfolio.group(1)}{portfolio.group(2)} minister"
    if post.split()[-1:] == ["minister"] and not re.search(rf"\b(?:{_PORTFOLIO}|prime)\b", post):
        return ""  # a minister without a portfolio: a cabinet has many
    for spelling, same in _SAME_POST.items():
        if post == spelling or post.endswith(" " + spelling):
            return post[: len(post) - len(spelling)] + same
    return post


_ANY_HEAD = re.compile(rf"{_HEAD}", re.IGNORECASE)


@lru_cache(maxsize=8192)
def holders(text: str) -> tuple[Holder, ...]:
    """Every (post, person) the text pairs, unqualified posts only."""
    if not _ANY_HEAD.search(text):
        return ()  # most sentences name no post: one quick look instead of four patterns
    found: list[Holder] = []
    shapes = ((_BEFORE, 1, 2), (_APPOSED, 2, 1), (_POST_FIRST, 1, 2), (_IS, 2, 1))
    for pattern, post_group, name_group in shapes:
        for m in pattern.finditer(text):
            name = m.group(name_group).strip()
            if _QUALIFIED.search(text[max(0, m.start(post_group) - 15) : m.start(post_group)]):
                continue
            head = _HEAD_END.search(m.group(post_group))
            modifiers = m.group(post_group)[: head.start()] if head else ""
            if any(_QUALIFIED.search(w + " ") for w in modifiers.split()):
                continue
            if pattern is _BEFORE and not (m.start() == 0 or text[m.start() - 1] in " (\"'“‘"):
                continue
            post = _norm_post(m.group(post_group))
            if post:
                start = min(m.start(post_group), m.start(name_group))
                found.append(Holder(post, name, start))
    return tuple(found)


# Capitalised words that open a sentence or clause, not a body's name before its post.
_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "when", "after", "before", "while"}


def _elsewhere(holder: Holder, ev_text: str, claim_text: str, claimed: str) -> bool:
    """Is the sentence's post qualified by a name the claim does not give ("Volvo chief
    executive Jim Rowan" against "Hallberg chief executive Lotte Brandt"): another body's post?
    An abbreviation ("TPA chairman") is the claim's body when it abbreviates the claim's names
    ("NIPH" for "National Institute of Public Health"), or when the claim names no body at all
    ("chairman of the pilots' union")."""
    before = ev_text[max(0, holder.start - 40) : holder.start].split()[-3:]
    words = [w.strip("'’,").removesuffix("'s").removesuffix("’s") for w in before if w[:1].isupper()]
    names = re.findall(r"\b[A-Z][\w'’-]*", claim_text)
    initials = "".join(w[0] for w in names)
    bodies = [w for w in names[1:] if w not in claimed.split()]
    return any(
        w.lower() not in claim_text.lower() and not (w.isupper() and (w in initials or not bodies))
        for w in words[-2:]
        if w and w.lower() not in _OPENERS
    )


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip("'’")


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname and, where both give one, the same first name."""
    first_a, first_b = a.split()[0].lower(), b.split()[0].lower()
    return _surname(a) == _surname(b) and (first_a == first_b or len(a.split()) < 2 or len(b.split()) < 2)


def _same_post(a: str, b: str) -> bool:
    """One post, said with more or fewer of its words ("commander", "coastguard commander")?"""
    wa, wb = a.split(), b.split()
    return wa[-1] == wb[-1] and (set(wa) <= set(wb) or set(wb) <= set(wa))


def _fit(a: str, b: str) -> bool:
    """Can one person hold both posts?"""
    return _same_post(a, b) or (a in _TOGETHER and b in _TOGETHER) or a in _GENERIC or b in _GENERIC


def other_holder(claim_text: str, ev_text: str) -> tuple[Holder, Holder] | None:
    """The claim's (post, person) and the sentence's other person in that post, when the
    sentence does not name the claimed person at all."""
    others = holders(ev_text)
    for c in holders(claim_text):
        if _surname(c.name) in ev_text.lower():
            continue  # the claimed person is in the sentence: a post read wrongly is likelier
        for e in others:
            if (
                _same_post(e.post, c.post)
                and e.post.split()[-1] not in _MANY
                and not same_person(e.name, c.name)
                and not _elsewhere(e, ev_text, claim_text, c.name)
            ):
                return c, e
    return None


def other_post(claim_text: str, ev_text: str) -> tuple[Holder, Holder] | None:
    """The claim's (post, person) and the sentence's other post for that person ("Interior
    Minister Anja Voltrec" against "Kestovia's health minister, Anja Voltrec")."""
    mine = holders(claim_text)
    if not mine:
        return None
    theirs = holders(ev_text)
    for c in mine:
        own = [e for e in theirs if same_person(e.name, c.name)]
        if own and not any(_fit(e.post, c.post) for e in own):
            return c, own[0]
    return None


def only_the_post(claim_text: str) -> Holder | None:
    """The claim's holder when the claim says no more than who holds a post ("Viktor Sandahl is
    the director of the National Institute of Public Health")."""
    text = claim_text.strip()
    m = _IS.match(text)
    if m is None or not _BODY_AFTER.fullmatch(text[m.end() :]):
        return None
    # Without the body ("Rolf Iversen is the chief executive") any chief executive in the
    # corpus would be another holder.
    named = re.findall(r"\b[A-Z][\w'’-]*", text[m.end(1) :])
    if not (named or text[m.end() :].strip(" .!")):
        return None
    return next((h for h in holders(text) if h.name == m.group(1).strip()), None)


# Words between a name and its post's body ("is the director of").
_LINKS = frozenset({"is", "was", "the", "of", "at", "for", "in", "has", "been", "became"})


def body_named(claim_text: str, holder: Holder, ev_text: str, title: str = "") -> bool:
    """Does the sentence (or its document's title) name the body of the claim's post ("Selka-2",
    "the bureau", "NIPH" for "National Institute of Public Health")? Without it, another holder of
    a post of the same name may hold it somewhere else."""
    after = claim_text[claim_text.find(holder.name) + len(holder.name) :]
    post_words = set(holder.post.split()) | _LINKS
    words = [w.strip("'’.,").removesuffix("'s").removesuffix("’s") for w in after.split()]
    body = [w for w in words if w and w.lower() not in post_words and len(w) > 2]
    seen = f"{ev_text} {title}".lower()
    initials = "".join(w[0] for w in body if w[:1].isupper())
    acronyms = re.findall(r"\b[A-Z]{2,}\b", f"{ev_text} {title}")
    return any(re.search(rf"\b{re.escape(w.lower())}\b", seen) for w in body) or any(
        a in initials for a in acronyms if len(initials) > 1
    )
