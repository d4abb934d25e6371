"""Another holder of a superlative: "Brinnet is Drossland's largest telecoms operator" against
"Halcyra Communications, Drossland's largest telecoms operator, reported …". A superlative in
one scope names one thing, and wire copy says which in an apposition after the name. The
sentence that shows it seldom names the claimed one, so the entity checks alone would only
call it unrelated.

Only the plain shapes: the claim says "<subject> is [the] <Scope>'s <superlative> <noun>" or
"<subject> is the <superlative> <noun> in <Scope>"; the sentence gives "<name>, <Scope>'s
<superlative> <noun>," or "<name>, the <superlative> <noun> in <Scope>,". Both must name the
scope, the same superlative (in any spelling) of the same noun, unranked ("second-largest" is
:func:`verifier.scope.rank_conflict`'s), and the sentence's name must share no distinctive word
with the claim's subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.lexicon import lemma
from verifier.scope import SUPERLATIVE, one_spelling

_CAPS = r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’.&-]*)*"
_NOUN = r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?"
_COPULA = r"(?:is|was|are|were|remains|remained|became|has\s+become)"
_CLAIM_OWNED = re.compile(
    rf"^(?P<subject>.+?)\s+{_COPULA}\s+(?:the\s+)?(?P<scope>{_CAPS})(?:'s|’s)\s+(?P<sup>{SUPERLATIVE})\s+"
    rf"(?P<noun>{_NOUN})\s*[.!]?$"
)
_CLAIM_IN = re.compile(
    rf"^(?P<subject>.+?)\s+{_COPULA}\s+the\s+(?P<sup>{SUPERLATIVE})\s+(?P<noun>{_NOUN})\s+(?:in|of)\s+"
    rf"(?:the\s+)?(?P<scope>{_CAPS})\s*[.!]?$"
)
# "<name>[ in <Place>], <Scope>'s largest hospital," and "<name>, the largest hospital in <Scope>,",
# or the name said to be it: "<name> is the largest hospital in <Scope>".
_HOLDER = rf"(?P<holder>{_CAPS})(?:\s+(?:in|of|at)\s+{_CAPS})?(?:,\s+|\s+{_COPULA}\s+)"
_EV_OWNED = re.compile(
    rf"{_HOLDER}(?:the\s+)?(?P<scope>{_CAPS})(?:'s|’s)\s+(?P<sup>{SUPERLATIVE})\s+(?P<noun>{_NOUN})\s*(?:[,;.]|$)"
)
_EV_IN = re.compile(
    rf"{_HOLDER}the\s+(?P<sup>{SUPERLATIVE})\s+(?P<noun>{_NOUN})\s+(?:in|of)\s+(?:the\s+)?(?P<scope>{_CAPS})\s*(?:[,;.]|$)"
)
# Words of a name that say what kind of thing it is, not which one.
_KIND_WORDS = frozenset(
    "the of and in at hospital university college school company group bank club party city town "
    "airline airport port mine plant team union court council ministry st saint general national "
    "international holdings communications motors".split()
)


def _scope(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip().rstrip(".!"), flags=re.IGNORECASE).lower()


def _head(noun: str) -> str:
    return lemma(noun.split()[-1])


def _distinct(name: str) -> set[str]:
    return {w.lower().strip(".'’") for w in name.split()} - _KIND_WORDS


@lru_cache(maxsize=4096)
def other_superlative_holder(claim_text: str, ev_text: str) -> tuple[str, str, str] | None:
    """(claimed subject, the sentence's holder, the superlative phrase) when the sentence gives
    the claim's superlative, in the same scope, to something else."""
    text = claim_text.strip()
    m = _CLAIM_OWNED.match(text) or _CLAIM_IN.match(text)
    if m is None:
        return None
    subject = m.group("subject")
    mine = _distinct(subject)
    if not mine or re.search(r"\b(?:one|among)\b", subject, re.IGNORECASE):
        return None
    sup, head, scope = one_spelling(m.group("sup")), _head(m.group("noun")), _scope(m.group("scope"))
    for pattern in (_EV_OWNED, _EV_IN):
        for e in pattern.finditer(ev_text):
            if one_spelling(e.group("sup")) != sup or _head(e.group("noun")) != head:
                continue
            if _scope(e.group("scope")) != scope:
                continue
            holder = e.group("holder")
            if _distinct(holder) & mine or _scope(subject) in ev_text.lower():
                continue  # the same one, or the claimed one named too
            return subject, holder, f"{scope.title()}'s {sup} {m.group('noun')}"
    return None


# A person's post and the body it is at, said in apposition: "Aleksander Morck, rector of the
# Tamsvik Institute of Technology," or "Aleksander Morck, Kardis's rector,".
_PERSON = r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"
_POST = r"(?P<post>(?:[a-z-]+\s+){0,2}?[a-z-]+)"
# A plain word may stand before the body's name ("chief executive of state-owned Lunessan Railways").
_POST_OF = re.compile(
    rf"{_PERSON},\s+(?:the\s+)?{_POST}\s+(?:of|at)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?(?P<body>{_CAPS})\s*,"
)
_BODY_POST = re.compile(rf"{_PERSON},\s+(?:the\s+)?(?P<body>{_CAPS})(?:'s|’s)\s+{_POST}\s*,")
# The body and post before the name: "Ecologists' Bloc leader Radim Dolhan said …" (a post in
# capitals, "Finance Minister Jonas Tarr", is :mod:`verifier.roles`'s).
_BODY_POST_NAME = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?P<body>{_CAPS})(?:'s|’s)?\s+(?P<post>(?:[a-z-]+\s+){{0,2}}?"
    rf"(?:leader|chief\s+executive|chairman|chairwoman|president|head|director|founder|"
    rf"general\s+secretary|secretary-general|spokesman|spokeswoman|chief))\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}})"
)
# Posts at the top of a body: a person at the top of two bodies that share no word is a person
# given another's post. "Leader", "head" and "chief" say no more than that.
_TOP = frozenset(
    "leader head chief executive chairman chairwoman president director founder secretary "
    "secretary-general".split()
)
# Words of a body's name that many bodies share, or that open a sentence.
_OPENING = frozenset({"the", "a", "an", "opposition", "former", "acting", "deputy", "interim"})


def _posts(text: str) -> list[tuple[str, str, str]]:
    """(name, post, body) for each person given a post at a body in apposition."""
    return [
        (m.group("name"), m.group("post"), m.group("body"))
        for pattern in (_POST_OF, _BODY_POST, _BODY_POST_NAME)
        for m in pattern.finditer(text)
        if not {w.lower() for w in m.group("body").split()} & _OPENING
    ]


@lru_cache(maxsize=4096)
def other_body(claim_text: str, ev_text: str) -> tuple[str, str, str] | None:
    """(person, the claim's body, the sentence's body) when both give the person the same post
    at two bodies that share no distinctive word, and the sentence never names the claim's."""
    for name, post, body in _posts(claim_text):
        mine = _distinct(body)
        if not mine or any(w in ev_text.lower() for w in mine):
            continue
        for other, their_post, their_body in _posts(ev_text):
            same_person = other.split()[-1] == name.split()[-1] and (
                len(other.split()) < 2 or other.split()[-2:] == name.split()[-2:]
            )
            theirs = _distinct(their_body)
            same_post = _head(their_post) == _head(post) or (
                _head(their_post) in _TOP and _head(post) in _TOP
            )
            if same_person and same_post and theirs and not theirs & mine:
                return name, f"{post} of {body}", f"{their_post} of {their_body}"
    return None


# A superlative done: "Tessen University recorded the biggest funding increase of any public
# university" against "The University of Calder recorded the biggest increase among the
# country's 14 public universities". One holder, said with the same verb, superlative and noun.
_STOP = r"(?:of|in|among|for|since|on|at|by|this|last|than|to|from|with|and|or|as|the|a|an)"
_DONE_NOUN = rf"(?P<noun>(?!{_STOP}\b)[a-z][\w-]*(?:\s+(?!{_STOP}\b)[a-z][\w-]*){{0,2}})"
# The doer: a name, and maybe the kind of thing it is ("The Belmira fire").
_DOER = rf"{_CAPS}(?:\s+[a-z]+)?"


def _done(verb: str) -> str:
    return (
        rf"\s+(?:has\s+|had\s+)?(?P<verb>{verb})\s+(?:the\s+|its\s+|their\s+)?(?P<sup>{SUPERLATIVE})"
        rf"(?:\s+{_DONE_NOUN})?"
    )


_ANY_VERB = r"(?!the\b|its\b|their\b)[a-z]+"
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remained", "became"})
_CLAIM_DONE = re.compile(rf"^(?:The\s+)?(?P<subject>{_DOER}){_done(_ANY_VERB)}")
_SCOPE_AFTER = re.compile(r"^\W*(?:\s*\b[\w'’-]+){0,6}")


def _scope_names(text: str) -> set[str]:
    """Capitalised words in the few words after a superlative's noun: its scope, if named."""
    m = _SCOPE_AFTER.match(text)
    return {re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"\b[A-Z][\w'’-]+", m.group(0) if m else "")}


def _named(name: str) -> set[str]:
    """The distinctive capitalised words of a name."""
    return {w.lower().strip(".'’") for w in name.split() if w[:1].isupper()} - _KIND_WORDS


def _done_head(m: re.Match[str]) -> tuple[str, str]:
    """(superlative, noun head) of a superlative act: "most goals" is "most" of goals."""
    sup = one_spelling(m.group("sup"))
    if m.group("noun"):
        return sup, _head(m.group("noun"))
    words = sup.split()
    return (words[0], lemma(words[-1])) if len(words) == 2 else (sup, "")


@lru_cache(maxsize=4096)
def other_top_doer(claim_text: str, ev_text: str) -> tuple[str, str, str] | None:
    """(claimed subject, the sentence's subject, what the claim says it did) when the sentence
    has another name do the claim's superlative act, and never names the claimed one."""
    m = _CLAIM_DONE.match(claim_text.strip())
    if m is None:
        return None
    subject, verb = m.group("subject"), m.group("verb")
    mine = _named(subject)
    if not mine or verb in _COPULAS or any(w in ev_text.lower() for w in mine):
        return None
    done = _done_head(m)
    pattern = re.compile(rf"(?:\b[Tt]he\s+)?(?P<holder>{_DOER}){_done(re.escape(verb))}")
    for e in pattern.finditer(ev_text):
        theirs = _named(e.group("holder"))
        if _done_head(e) != done or not theirs or theirs & mine:
            continue
        ours, their_scope = _scope_names(claim_text[m.end() :]), _scope_names(ev_text[e.end() :])
        if ours and their_scope and not ours & their_scope:
            continue  # "the biggest increase in Norland" is not "the biggest increase in Vessa"
        return subject, e.group("holder"), claim_text[m.start("verb") : m.end()].strip()
    return None


# A superlative the sentence says was held until a date: "was the longest road bridge in Ardenia
# until 2019" against "is currently Ardenia's longest road bridge". Something else holds it now.
_NOW = re.compile(
    r"\b(?:is|are|remains|remain)\s+(?:still\s+|currently\s+|now\s+)?(?:the\s+)?(?:[A-Z][\w-]*(?:'s|’s)\s+)?$"
)
_PAST_HELD = re.compile(r"\b(?:was|were|had\s+been)\s+(?:[\w'’-]+\s+){0,4}$")
_UNTIL_DATE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,5}?until\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?P<when>(?:19|20)\d\d)\b"
)


_AGAIN = re.compile(r"\b(?:remains|remained|still|again|regained|retook)\b")
_HELD = re.compile(rf"(?P<sup>{SUPERLATIVE})\s+{_DONE_NOUN}")


@lru_cache(maxsize=4096)
def ended_superlative(claim_text: str, ev_text: str) -> tuple[str, str] | None:
    """(the claim's superlative, the sentence's, with its end) when the claim says something
    holds a superlative now and the sentence that it held it until a date."""
    if re.search(r"\b(?:until|was|were|former|formerly|once)\b", claim_text) or _AGAIN.search(ev_text):
        return None
    for c in _HELD.finditer(claim_text):
        if not _NOW.search(claim_text, 0, c.start()):
            continue
        sup, head = one_spelling(c.group("sup")), _head(c.group("noun"))
        for e in _HELD.finditer(ev_text):
            if one_spelling(e.group("sup")) != sup or _head(e.group("noun")) != head:
                continue
            until = _UNTIL_DATE.match(ev_text, e.end()) if _PAST_HELD.search(ev_text, 0, e.start()) else None
            if until is not None:
                return f"{c.group('sup')} {c.group('noun')} now", ev_text[e.start() : until.end()]
    return None
