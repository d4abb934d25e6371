"""A denial that anything beats it is a superlative: "No player in the league has scored more
goals than Tomas Ybarlo" is what "took his tally to 27, the most of any player in the league"
says, and "Vestria has not suffered a deadlier flood since 2010" is "the deadliest flood in
Vestria since 2010". The model reads the claim's "no" as a denial of the sentence and calls it
a contradiction; the fact layer reads the two as one statement.

Only the plain shapes are read: "no <kind> … <comparative> … than <rival>" (the rival may be left
implicit: "no candidate had produced a better result"), and "<subject> has not <verb> a
<comparative> <kind> since <date>". The sentence must give the matching superlative, repeat the
kind, name the rival (or, for a sentence about "the dam" that names nothing else before its
superlative, leave it implicit), agree on any "since" date, and deny nothing itself. A rival
in time is read the same way: "had never won the title before Saturday" is "won the title for
the first time on Saturday", with the same verb, most of its object and the "before" time in
the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.lexicon import STOPWORDS, content_lemmas, lemma, said_in

# The superlatives a comparative is answered by: a size or amount compared one way is answered
# by any superlative of size or amount ("a bigger fee" / "the highest ever paid").
_MORE = ("most", "record", "highest", "largest", "biggest", "greatest", "deadliest")
_LESS = ("least", "fewest", "lowest", "smallest")
_FAMILIES = {
    "more": _MORE,
    "bigger": _MORE,
    "larger": _MORE,
    "greater": _MORE,
    "higher": _MORE,
    "less": _LESS,
    "fewer": _LESS,
    "lower": _LESS,
    "smaller": _LESS,
    "better": ("best", "record"),
    "worse": ("worst",),
}
# Words in -er that compare nothing.
_NOT_COMPARATIVE = frozenset(
    "ever never over after other another under whether however rather either neither together "
    "number member water power order summer winter quarter player manager officer leader minister "
    "per later".split()
)
_COMPARATIVE = (
    rf"(?!(?:{'|'.join(sorted(_NOT_COMPARATIVE))})\b)(?:more|less|fewer|better|worse|[a-z]{{2,}}(?:er|ier))"
)
_CLAIM_NO = re.compile(
    rf"\b(?:no|none\s+of\s+the)\s+(?P<kind>[a-z][\w\s'’-]{{1,60}}?)\s+(?:has|have|had|is|was|are|were|will|would|[a-z]{{3,}}ed)\b"
    rf"(?P<verb>[\w\s'’-]{{0,40}}?)\b(?P<cmp>{_COMPARATIVE})\b(?P<what>[\w\s'’-]{{0,40}}?)"
    r"(?:\s+than\s+(?P<rival>[^,.;]+))?(?:[,.;]|$)",
    re.IGNORECASE,
)
_CLAIM_SINCE = re.compile(
    rf"^(?P<rival>.+?)\s+(?:has|have|had)\s+not\s+(?:[a-z]+\s+){{1,2}}(?:a|an)\s+(?P<cmp>{_COMPARATIVE})"
    r"\s+(?P<what>[\w\s'’-]{1,40}?)\s+since\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(\d{4}|[A-Z]\w+)")
# Words of a rival that only point back: "than this one", "than it".
_POINTERS = frozenset("this that it one these those its".split())
# A superlative ranked below the top ("the second-largest") is no answer.
_BELOW_TOP = re.compile(r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[\s-]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Rivalry:
    cmp: str  # the comparative, lower case ("more", "taller", "less popular")
    kind: frozenset[str]  # content words of what is ranked ("player", "league")
    rival: frozenset[str]  # the rival's capitalised or content words; empty when implicit
    since: str | None  # "2010" in "since 2010"


def _superlatives(cmp: str) -> tuple[str, ...]:
    words = cmp.split()
    if words[0] in ("more", "less") and len(words) > 1:  # "less popular" -> "least popular"
        return (f"{'most' if words[0] == 'more' else 'least'} {words[1]}",)
    if cmp in _FAMILIES:
        return _FAMILIES[cmp]
    if cmp.endswith("ier"):
        return (cmp[:-3] + "iest",)
    stem = cmp[:-2]
    # "bigger" -> "biggest", "taller" -> "tallest", "deadlier" handled above
    return (stem + "est",)


def _with_adjective(cmp: str, what: str) -> str:
    """ "more" or "less" with the adjective it grades ("less popular"), not a noun ("more goals")."""
    words = what.split()
    if cmp in ("more", "less") and words and words[0].lower() not in STOPWORDS:
        adjective = words[0].lower()
        if not adjective.endswith("s") and adjective != "often" and len(words) > 1:
            return f"{cmp} {adjective}"
    return cmp


@lru_cache(maxsize=2048)
def rivalry(claim_text: str) -> Rivalry | None:
    """The superlative a claim states as a denial of any rival, or None."""
    since = _SINCE.search(claim_text)
    year = since.group(1) if since else None
    m = _CLAIM_NO.search(claim_text)
    if m is not None:
        cmp = _with_adjective(m.group("cmp").lower(), m.group("what").strip())
        rival = content_lemmas(m.group("rival") or "") - _POINTERS
        return Rivalry(cmp, content_lemmas(m.group("kind")), rival, year)
    m = _CLAIM_SINCE.search(claim_text)
    if m is not None:
        # "Vestria has not suffered a deadlier flood": the subject is where or who ranks, which
        # the sentence may leave to "it"; the rival is implicit.
        cmp = _with_adjective(m.group("cmp").lower(), m.group("what"))
        return Rivalry(cmp, content_lemmas(m.group("what")), frozenset(), year)
    return None


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s+\w+\.?\s+\d{1,2}\s+\([^)]*\)\s+[-–—]\s+")


def _names_before(ev_text: str, end: int, claim_words: frozenset[str]) -> bool:
    """Does the sentence's clause before ``end`` name someone or something the claim does not?
    (Its first word, and a dateline, name nothing.)"""
    clause = re.split(r"[;:]|\bbut\b", _DATELINE.sub("", ev_text[:end]))[-1]
    first = re.search(r"[A-Za-z]", clause)
    for m in re.finditer(r"\b[A-Z][\w'’-]*", clause):
        if first is not None and m.start() == first.start():
            continue
        if not said_in(lemma(m.group().lower()), claim_words):
            return True
    return False


def _rival_at(ev_text: str, start: int, end: int, rival: frozenset[str]) -> bool:
    """Is the rival the superlative's subject: named before it in its clause, or right after
    it as its place ("the deadliest flood in Vestria")?"""
    before = re.split(r"[;:]|\bbut\b|,\s+(?:while|whereas|beating|ahead\s+of)\b", ev_text[:start])[-1]
    after = re.match(r"[\w\s'’-]{0,30}?\b(?:in|of)\s+([\w\s'’-]{1,40})", ev_text[end:])
    if rival & content_lemmas(before):
        return True
    return after is not None and bool(rival & content_lemmas(after.group(1)))


# "The Falcons had never won the title before Saturday": nothing came first in time.
_NEVER_BEFORE = re.compile(
    r"^(?P<subject>.+?)\s+(?:had|has)\s+never\s+(?:before\s+)?(?P<verb>[a-z]+)\s+(?P<what>.+?)"
    r"(?:\s+before\s+(?P<when>[^,.;]+))?[.]?$",
    re.IGNORECASE,
)
_FIRST_TIME = re.compile(r"\b(?P<verb>[a-z]+)\s+(?P<what>[^,.;]{0,80}?)\s+for\s+the\s+first\s+time\b")


@lru_cache(maxsize=2048)
def _never_before(claim_text: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[str]] | None:
    """(verb, object, subject, "before" time) of "<subject> had never <verb> <object> before
    <time>", as lemmas; None for any other claim."""
    m = _NEVER_BEFORE.match(claim_text.strip())
    if m is None:
        return None
    verb = lemma(m.group("verb").lower())
    what, subject = content_lemmas(m.group("what")), content_lemmas(m.group("subject"))
    return verb, what, subject, content_lemmas(m.group("when") or "")


def first_time(claim_text: str, ev_text: str) -> str | None:
    """ "Won the … title for the first time on Saturday", when the claim says the subject had
    never done it before then: the same verb, most of its object and the claim's "before" time."""
    parsed = _never_before(claim_text)
    if parsed is None:
        return None
    verb, what, subject, when = parsed
    said = content_lemmas(ev_text)
    if not what or not subject & said or not when <= said:
        return None
    for f in _FIRST_TIME.finditer(ev_text):
        if lemma(f.group("verb").lower()) != verb:
            continue
        done = content_lemmas(f.group("what"))
        if sum(1 for w in what if said_in(w, done)) / len(what) >= 0.7:
            return " ".join(f.group().split())
    return None


def states_rivalry(claim_text: str, ev_text: str, ev_negated: bool) -> str | None:
    """The sentence's superlative, with the words that rank by it, when it states what the
    claim's denial of any rival says."""
    if ev_negated:
        return None
    r = rivalry(claim_text)
    if r is None:
        return first_time(claim_text, ev_text)
    said = content_lemmas(ev_text)
    named = bool(r.rival & said)
    if not (any(w in said for w in r.kind) or named):
        return None
    if r.since is not None and not re.search(rf"\bsince\s+(?:the\s+)?{re.escape(r.since)}\b", ev_text):
        return None
    pattern = "|".join(re.escape(s) for s in _superlatives(r.cmp))
    claim_words = content_lemmas(claim_text)
    for m in re.finditer(rf"\b(?:{pattern})\b", ev_text, re.IGNORECASE):
        if _BELOW_TOP.search(ev_text[max(0, m.start() - 12) : m.start()]):
            continue
        if named:
            if not _rival_at(ev_text, m.start(), m.end(), r.rival):
                continue
        elif _names_before(ev_text, m.start(), claim_words):
            continue
        return _phrase(ev_text, m.start(), m.end())
    return None


def _phrase(ev_text: str, start: int, end: int) -> str:
    """The superlative with the words that make it a ranking, for the explanation: "the most of
    any player in the league", "the tallest in the country"."""
    head = re.search(r"(?:\b(?:the|a|its|their|(?:the\s+)?\w+['’]s)\s+)?$", ev_text[:start])
    opening = head.start() if head is not None and head.group() else start
    tail = re.match(r"[^,.;:\"”()]*", ev_text[end:])
    words = (ev_text[opening:end] + (tail.group() if tail else "")).split()
    return " ".join(words[:12])
