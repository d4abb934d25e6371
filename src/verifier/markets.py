"""Which way a market moved: "Veltrane's shares gained 3.2%" against "Veltrane shares fell
3.2%", "the Marvanian crown weakened" against "the Marvanian crown strengthened 0.8%". Wire
stories report such moves in nearly every company or central-bank story, and a claim that turns
one round usually repeats little else of the sentence (it adds "after the decision", "on
Tuesday"), so the word-overlap bar the other direction checks need is seldom met.

A move is read as a mover (a share price, a currency, a yield or an index, with the names or
pronoun before it that say whose) and the direction word right after it. The claim's move is
compared with the sentence's move of the same mover: the same head noun, and the claim's owner
named in the sentence's mover (or, for "its shares", in the sentence or the document's title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.lexicon import lemma

_UP = frozenset(
    "rose rise rises risen gained gain gains climbed climb jumped jump soared surged rallied advanced "
    "strengthened strengthen firmed increased rebounded recovered widened widen expanded grew".split()
) | {"went up"}
_DOWN = frozenset(
    "fell fall falls fallen dropped drop lost lose declined decline slid slumped tumbled plunged sank "
    "weakened weaken eased slipped dipped decreased narrowed narrow shrank shrunk contracted".split()
) | {"went down", "came down"}
# What moves: "shares", "share price", "stock", a currency ("crown", "franc", "dalen": the word
# after a demonym), a yield or an index.
_CURRENCY = r"(?:[A-Z][a-z]+(?:ian|an|ish|ese|i|ic)\s+)[a-z]+"
# A company's balance: its debt, its margin or its loss ("Net debt fell to 18.7 billion drax",
# "Halcyra reduced its net debt"), which narrow and widen as well as fall and rise.
_BALANCE = r"(?:[Nn]et\s+|[Oo]perating\s+|[Pp]rofit\s+)?(?:debt|margin|loss)"
_HEAD = rf"(?:shares|share price|stock price|stock|stocks|yields?|index|{_BALANCE}|{_CURRENCY})"
_OWNER = r"(?:(?:[A-Z][\w&.-]*(?:'s|’s)?\s+){1,3}|(?:its|their|the company's|the bank's)\s+|the\s+)?"
_ADVERB = r"(?:(?:sharply|slightly|initially|also|then|later|briefly|steadily|further)\s+)?"
_MOVE = re.compile(
    rf"(?P<mover>{_OWNER}(?P<head>{_HEAD}))\s+(?:have\s+|had\s+|has\s+)?{_ADVERB}"
    r"(?P<verb>(?:went|came)\s+(?:down|up)|[a-z]+)\b"
)


# "Shares in Arkwell fell 18%", "Stock of Halden Air Group rose": the owner after the head.
# "Shares in Tessant's listed parent company, Ambrecia Power Holdings, fell 5.8%": the owner named
# in an apposition.
_MOVE_OF = re.compile(
    rf"\b(?P<head>[Ss]hares|[Ss]tock)\s+(?:in|of)\s+"
    rf"(?:(?P<owner>(?:[A-Z][\w&.-]*\s+){{1,3}})|[^,;]{{1,60}},\s+(?P<named>(?:[A-Z][\w&.-]*\s*){{1,3}}),\s+)"
    rf"(?:have\s+|had\s+|has\s+)?{_ADVERB}(?P<verb>[a-z]+)\b"
)


# "Halcyra reduced its net debt": the owner acting on its own balance.
_ACTED = re.compile(
    rf"(?P<owner>(?:[A-Z][\w&.-]*\s+){{1,3}})(?:has\s+|had\s+)?(?P<verb>reduced|cut|lowered|increased|raised)\s+"
    rf"its\s+(?P<head>{_BALANCE})\b"
)
_ACTED_UP = frozenset({"increased", "raised"})
# Words of a balance's name, not of its owner ("Net debt fell").
_NOT_OWNER = frozenset({"the", "its", "their", "net", "operating", "profit"})


# A currency named in lower case ("the euro", "the zel") is read only where the sentence prices
# it against another: "the tavren firmed 1.3% against the dollar".
_QUOTED = re.compile(
    rf"\b[Tt]he\s+(?P<head>[a-z]+)\s+(?:has\s+|had\s+)?{_ADVERB}(?P<verb>[a-z]+)\b"
    r"(?=[^;]{0,40}?\b(?:against|versus|per)\s+(?:the\s+|a\s+)?(?:US\s+|U\.S\.\s+)?"
    r"(?:dollar|euro|yen|pound|sterling|franc|yuan|greenback|basket)\b)"
)


@dataclass(frozen=True)
class Move:
    owner: frozenset[str]  # lower-case names before the head ("veltrane"), empty for "its"
    head: str
    up: bool
    phrase: str
    end: int  # where the move's words end in the text


def _head(head: str) -> str:
    words = head.lower().split()
    if words[0] in ("shares", "stock", "stocks") or head.lower() in ("share price", "stock price"):
        return "shares"
    return lemma(words[-1])


@lru_cache(maxsize=8192)
def moves(text: str) -> tuple[Move, ...]:
    """Every (mover, direction) the text says."""
    found: list[Move] = []
    for m in _MOVE.finditer(text):
        verb = m.group("verb")
        if verb not in _UP and verb not in _DOWN:
            continue
        owner = frozenset(
            w.lower().removesuffix("'s").removesuffix("’s")
            for w in re.findall(r"[A-Z][\w&.'’-]*", m.group("mover"))
            if w.lower() not in _NOT_OWNER
        )
        head = m.group("head")
        if head[0].isupper():  # a currency: its demonym is its owner
            owner |= {head.split()[0].lower()}
        found.append(Move(owner, _head(head), verb in _UP, f"{m.group('mover')} {verb}", m.end()))
    for m in _MOVE_OF.finditer(text):
        verb = m.group("verb")
        if verb in _UP or verb in _DOWN:
            owner = frozenset(w.lower() for w in (m.group("owner") or m.group("named")).split())
            found.append(Move(owner, "shares", verb in _UP, m.group(0), m.end()))
    for m in _ACTED.finditer(text):
        owner = frozenset(w.lower() for w in m.group("owner").split())
        found.append(Move(owner, _head(m.group("head")), m.group("verb") in _ACTED_UP, m.group(0), m.end()))
    for m in _QUOTED.finditer(text):
        verb, head = m.group("verb"), m.group("head")
        if (verb in _UP or verb in _DOWN) and head not in ("shares", "stock", "stocks", "index"):
            found.append(Move(frozenset({head}), head, verb in _UP, f"the {head} {verb}", m.end()))
    return tuple(found)


def _stem(word: str) -> str:
    return word[:5]


def _owned(claim: Move, ev: Move, ev_text: str, title: str) -> bool:
    """Is the sentence's mover the claim's: the claim's owner named in it, or, where the
    sentence says only "its shares", in the sentence or the title?"""
    mine = {_stem(w) for w in claim.owner}
    if ev.owner:
        # "Halvik shares" are Halvik Mining's; "Serrano shares" are not.
        theirs = {_stem(w) for w in ev.owner}
        return bool(mine) and (mine <= theirs or theirs <= mine)
    seen = {_stem(w.lower()) for w in re.findall(r"[A-Z][\w&.-]*", f"{ev_text} {title}")}
    return bool(mine) and mine <= seen


def market_move(claim_text: str, ev_text: str, title: str = "") -> tuple[str, str, bool, int] | None:
    """(claim's move, sentence's move, whether they agree, where the sentence's move ends) for
    the claim's mover, when the sentence moves it one way only."""
    claimed = moves(claim_text)
    if len(claimed) != 1:
        return None
    c = claimed[0]
    same = [e for e in moves(ev_text) if e.head == c.head and _owned(c, e, ev_text, title)]
    if not same or len({e.up for e in same}) > 1:
        return None
    return c.phrase, same[0].phrase, same[0].up == c.up, same[0].end


# A day's trading: the most a price moved during the day, and where it closed. "The shares rose as
# much as 7.2% … before closing up 5.9%": a claim that they "ended the day 7.2% higher" gives the
# day's peak as its close.
_FIGURE = r"(?P<figure>\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))"
_PEAK_FIGURE = re.compile(rf"\b(?:as\s+much\s+as|at\s+one\s+point|intraday\s+\w+\s+of)\s+{_FIGURE}", re.I)
_CLOSE_FIGURE = re.compile(
    rf"\b(?:clos(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing))\s+(?:the\s+(?:day|session)\s+)?(?:up|down|higher|lower)?\s*"
    rf"(?:by\s+)?{_FIGURE}",
    re.I,
)
_CLAIM_CLOSE = re.compile(
    rf"\b(?:clos(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing))\b[^.;]{{0,30}}?{_FIGURE}", re.I
)


def _percent(text: str) -> float:
    return float(re.match(r"\d+(?:\.\d+)?", text).group(0))  # type: ignore[union-attr]


def close_against(claim_text: str, ev_text: str) -> tuple[bool, str, str] | None:
    """(agrees, the claim's words, the sentence's) for a claim giving a day's closing move in
    percent, against a sentence that gives both the day's peak and its close."""
    mine = _CLAIM_CLOSE.search(claim_text)
    peak, close = _PEAK_FIGURE.search(ev_text), _CLOSE_FIGURE.search(ev_text)
    if mine is None or peak is None or close is None:
        return None
    said = _percent(mine.group("figure"))
    return said == _percent(close.group("figure")), mine.group(0).strip(), close.group(0).strip()
