"""Which sentence figure a claim figure speaks of: the sentence figures that may answer it
(:func:`candidates_for`), and a one-to-one pairing of claim figures with them in the order both
give them (:func:`aligned`). :func:`verifier.checks.figures_against_figures` then compares each
pair. Kept apart from the checks so that the choosing and the comparing each read on their own.
"""

from __future__ import annotations

import re
from functools import cache

from verifier.compare import distance, near
from verifier.facts import Facts
from verifier.figures import Quantity
from verifier.lexicon import MONTHS, STOPWORDS, WEEKDAYS, lemma
from verifier.scope import of_the_same_event
from verifier.units import same_count_noun
from verifier.wholes import (
    about_part,
    act_of_the_part,
    of_the_whole,
    other_event,
    other_measure,
    rival_figure,
)


def _synonym_overlap(q: Quantity, e: Quantity) -> int:
    return sum(1 for u in q.unit if any(same_count_noun(u, v) for v in e.unit))


def candidates_for(
    claim: Facts, ev: Facts, q: Quantity, same: list[Quantity], relaxed: bool
) -> list[Quantity] | None:
    """The sentence figures claim figure ``q`` may speak of, from those that count the same
    thing (``same``); None where no figure of the sentence counts it."""
    if not same and relaxed:
        same = [e for e in ev.quantities if near(q, e) and of_the_same_event(claim.text, q, ev.text, e)]
    # "Net debt fell to 18.7 billion" gives no value of "net profit rose to 1.42 billion".
    same = [e for e in same if not other_measure(claim.text, q, ev.text, e)]
    if not same:
        return None
    if any(e.whole_at is not None for e in same):
        whole = of_the_whole(claim.text, q, ev.text, same)
        named_parts = [
            e
            for e in same
            if e.whole_at is not None
            and (about_part(claim.text, q, ev.text, e) or act_of_the_part(claim.text, q, ev.text, e))
        ]
        same = [
            e
            for e in same
            if e.whole_at is None
            or about_part(claim.text, q, ev.text, e)
            or not (whole or other_event(claim.text, q, ev.text, e))
        ]
        # A one-figure claim about the part is not answered by its whole: "Osterlund sent
        # 18 helicopters" against "18 helicopters, including four sent by Osterlund" (a
        # claim that gives both, "25 out of 28 provinces", is read figure by figure).
        if len(claim.quantities) == 1:
            wholes = {e.whole_at for e in named_parts}
            same = [e for e in same if e.start not in wholes] or same
        if not same:
            return []
    # "15 compilation albums" answers "16 compilation albums", not "6 live albums".
    best = max(len(q.unit & e.unit) for e in same)
    # The claim's value said with a synonym of its unit stays beside them: "600 positions"
    # speaks of "shed 600 jobs", not only of "cut 2,000 positions" (only at the same value:
    # "156 civilians" is not "17 soldiers").
    same = [
        e
        for e in same
        if len(q.unit & e.unit) == best or (e.value == q.value and _synonym_overlap(q, e) >= best)
    ]
    # "6.1, compared with 2.9 for a placebo": a claim that does not name the placebo
    # speaks of the 6.1.
    same = [e for e in same if not rival_figure(claim.text, q, ev.text, e, same)] or same
    # A count broken down by place: "fewer than 340 cases in Republika Srpska" speaks of "304
    # were in Republika Srpska", not "379 in the Federation".
    place = _place_after(claim.text, q)
    if place is not None and len(same) > 1:
        same = [e for e in same if _place_after(ev.text, e) == place] or same
    # A list that labels each figure with the words before it: "engineering 21%" speaks of
    # "engineering 29%", not of "natural sciences 21%".
    label = _list_label(claim.text, q)
    if label and len(same) > 1:
        same = [e for e in same if _list_label(ev.text, e) == label] or same
    # A figure in a later clause about another named subject: "Noor Haldane keeps a stake of
    # about 14% after the listing, while Falk holds about 11%" gives Haldane's stake as 14%.
    if len(same) > 1 and claim.entities:
        own = [e for e in same if not _anothers_clause(claim, ev.text, e)]
        same = own or same
    # Takes by market: "more than $1.2 million worldwide" speaks of "a worldwide total of
    # $1,411,503", not of "$1,195,926 in other territories", however near; and a sentence
    # that gives a film's take only at home and abroad does not state its worldwide one.
    market = market_of(claim.text, q)
    if market is not None:
        markets = [market_of(ev.text, e) for e in same]
        same = [e for e, m in zip(same, markets, strict=True) if m == market] or [
            e for e, m in zip(same, markets, strict=True) if m is None
        ]
        if not same:
            return []
    return same


# The three markets a take or a sale is given for, in the words of box-office and sales
# reports. "International" takes are those outside the home market, as the trade press uses it.
_MARKETS = {
    "world": r"world-?wide|globally|global|(?:around|across|all\s+over)\s+the\s+world",
    "home": r"domestic(?:ally)?|(?:in\s+)?North\s+America(?:n)?|in\s+the\s+(?:United\s+States|U\.?S\.?)"
    r"\s+and\s+Canada",
    "abroad": r"overseas|abroad|international(?:ly)?|foreign|elsewhere|(?:in\s+)?other\s+"
    r"(?:territories|countries|markets)|outside\s+(?:of\s+)?(?:the\s+)?[A-Z][\w.]*",
}
_MARKET = "|".join(f"(?P<{name}>{words})" for name, words in _MARKETS.items())
# Right after the figure and its unit words ("$5 million in other territories", "37 million
# units worldwide"), or just before it in the same clause ("for a worldwide total of $318.5
# million", "a domestic gross of"). Linking words end the reach: "$9 million and $14 million
# worldwide" gives only the second its market.
_MARKET_AFTER = re.compile(rf"(?:\s+(?!and\b|or\b|but\b|while\b)[a-z][\w-]*){{0,3}}?\s+(?:{_MARKET})\b")
_MARKET_BEFORE = re.compile(
    rf"\b(?:{_MARKET})(?:\s+(?!and\b|or\b)[a-z][\w-]*){{0,3}}\s*(?:[^\w\s]{{1,3}}\s*)?$"
)


def market_of(text: str, q: Quantity) -> str | None:
    """The market a figure is given for: "world", "home" or "abroad"; None where it names none."""
    m = _MARKET_AFTER.match(text, q.end)
    if m is None:
        m = _MARKET_BEFORE.search(text, max(0, q.start - 40), q.start)
    if m is None:
        return None
    return next(name for name in _MARKETS if m.group(name))


_PLACE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,4}?\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*)"
)


_LIST_ITEM = re.compile(r"(?:,|\band)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+$")


def _list_label(text: str, q: Quantity) -> frozenset[str]:
    """The words a list item gives its figure: "engineering" in ", engineering 29%"; empty
    where the figure does not follow its label straight after a comma or "and"."""
    m = _LIST_ITEM.search(text, max(0, q.start - 40), q.start)
    if m is None:
        return frozenset()
    return frozenset(lemma(w) for w in m.group(1).split() if w not in STOPWORDS)


# Where a sentence turns to another subject: "…, while Falk holds about 11%", "; Lund won 12%".
_LATER_CLAUSE = re.compile(r";\s*|,\s*(?:while|whereas|but)\s+|\s+while\s+")
_NAMED_SUBJECT = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*(?=\s+[a-z])")


def _anothers_clause(claim: Facts, text: str, e: Quantity) -> bool:
    """Is ``e`` in a later clause of the sentence whose subject is a name the claim does not
    give, where an earlier clause names the claim's subject?"""
    starts = [m.end() for m in _LATER_CLAUSE.finditer(text, 0, e.start)]
    if not starts:
        return False
    clause = text[starts[-1] : e.start]
    m = _NAMED_SUBJECT.match(clause)
    if m is None or any(word.lower() in claim.text.lower() for word in m.group().split()):
        return False
    earlier = text[: starts[-1]].lower()
    return any(all(w in earlier for w in entity.split()) for entity in claim.entities)


def _place_after(text: str, q: Quantity) -> str | None:
    """The place a count is given for, named just after it ("59 in Republika Srpska", "340
    cases of coronavirus in Republika Srpska")."""
    m = _PLACE_AFTER.match(text, q.end)
    if m is None or "respectively" in m.group():
        return None  # "71% and 29% respectively of shares in ENIC": every figure's place
    place = m.group("place").lower()
    if place.split()[0].rstrip(".") in MONTHS or place.split()[0] in WEEKDAYS:
        return None  # "6.8% higher in August": a time, not a place
    return place


# What leaving a claim figure out of the alignment costs, as a distance (a log ratio): only
# figures within about 5% of each other are paired by it. A bound moves further from the
# figure it is about ("more than $14 million" for $17.1 million), and then nearness and order
# are too weak a guide: such figures are read as before (on 16,000 numeric VitaminC training
# pairs, pairing up to 35% apart added as many wrong contradictions as right ones).
UNALIGNED = 0.05


def aligned(claims: list[Quantity], candidates: list[list[Quantity]]) -> dict[int, Quantity]:
    """Claim figure (by index) -> the sentence figure it speaks of: each sentence figure used
    once, in the order the claim gives its figures, the values as near as can be (least total
    distance); a figure that fits nowhere is left out."""

    @cache
    def best(i: int, after: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if i == len(claims):
            return 0.0, ()
        cost, chosen = best(i + 1, after)
        options = [(cost + UNALIGNED, chosen)]
        for k, e in enumerate(candidates[i]):
            if e.start > after:
                cost, chosen = best(i + 1, e.start)
                options.append((cost + distance(claims[i], e), ((i, k), *chosen)))
        return min(options, key=lambda o: o[0])

    return {i: candidates[i][k] for i, k in best(0, -1)[1]}
