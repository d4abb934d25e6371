"""Whether a figure counts a whole or a part of one ("the plant has two reactors" against "two
of the three reactors were damaged"), which side of a contrast it is on ("6.1, compared with 2.9
for a placebo"), and whether a part belongs to another event than the claim's ("killed 52
people, of whom 40 were passengers" against "injured 40 people"). Moved from
:mod:`verifier.wording`; :mod:`verifier.figurepairs` reads these when it pairs figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from verifier.figures import ORDINAL, WHOLE_ADJECTIVES, Quantity
from verifier.lexicon import CURRENCY_WORDS, PLACING, SCALES, STOPWORDS, TOKEN_RE, lemma
from verifier.units import QUALIFIER_WORDS
from verifier.wording import window

# Verbs of having or making a whole: "the plant has two reactors", "the show had nine seasons".
_TOTAL_BEFORE = re.compile(
    r"\b(?:has|have|had|having|comprises?|comprising|consists?\s+of|contains?|containing|totals?|"
    r"totall?ing|owns?|owned|operates?|operated)\s+(?:(?:a|an|the|its|their|his|her|only|just|some)\s+)?$",
    re.IGNORECASE,
)


def _says_something(word: str) -> bool:
    """A word before a figure that can tell what the figure is of: not "of", "in", "than"."""
    return word not in STOPWORDS and word not in QUALIFIER_WORDS


def of_the_whole(claim_text: str, q: Quantity, ev_text: str, same: list[Quantity]) -> bool:
    """Does the claim's figure speak of a whole the sentence gives a part of? It does when it
    follows a verb of having ("the plant has two reactors" is not answered by "two of the three
    reactors were damaged"), or the verb the sentence's whole follows ("he wrote three novels"
    is not answered by "he wrote 12 novels, of which three were adapted")."""
    before = claim_text[max(0, q.start - 40) : q.start]
    if _TOTAL_BEFORE.search(before):
        return True
    # "usually runs 2,150 trains" speaks of "310 of its usual 2,150 trains"'s whole.
    kinds = {
        words[0].lower() for e in same if e.whole_at is not None and (words := window(ev_text, e.whole_at, 1))
    }
    near = {
        w.lower().removesuffix("ly") for w in TOKEN_RE.findall(claim_text[max(0, q.start - 40) : q.end + 30])
    }
    if kinds & WHOLE_ADJECTIVES & near:
        return True
    verb = window(claim_text, q.start, 1)
    if not verb or not _says_something(verb[0]):
        return False  # "in 26 of the 28 provinces": "of" says nothing of the whole
    wholes = {e.whole_at for e in same if e.whole_at is not None}
    return any(window(ev_text, at, 1) == verb for at in wholes)


def about_part(claim_text: str, q: Quantity, ev_text: str, part: Quantity) -> bool:
    """Does the claim name what sets the part apart? "Killed 40 passengers" and "jury selection
    took 3 days" are about "of whom 40 were passengers" and "of which 3 were spent on jury
    selection"; the unit the two share does not count."""
    clause = re.split(r"[,.;:()]", ev_text[part.end : part.end + 80], maxsplit=1)[0]
    said = {lemma(t.lower()) for t in TOKEN_RE.findall(clause) if t[0].isalpha()}
    named = {lemma(t.lower()) for t in TOKEN_RE.findall(claim_text) if t[0].isalpha()}
    # What the whole's own clause says sets nothing apart ("Neighbouring countries sent 18
    # helicopters, including four sent by neighbouring Osterlund": only "Osterlund" does).
    if part.whole_at is not None:
        opens = max((ev_text.rfind(c, 0, part.whole_at) for c in ".;:()"), default=-1) + 1
        whole = ev_text[opens : part.start]
        said -= {lemma(t.lower()) for t in TOKEN_RE.findall(whole) if t[0].isalpha()}
    return bool((said & named) - part.unit - STOPWORDS - QUALIFIER_WORDS)


def act_of_the_part(claim_text: str, q: Quantity, ev_text: str, part: Quantity) -> bool:
    """Does the claim's verb govern the sentence's part? "Won 19 provinces" is about the part
    of "won in 14 of the 19 provinces", not its whole."""
    verb = [w for w in window(claim_text, q.start, 2) if _says_something(w)][-1:]
    ev_verb = [w for w in window(ev_text, part.start, 2) if _says_something(w)][-1:]
    return bool(verb and ev_verb) and lemma(verb[0]) == lemma(ev_verb[0])


# What puts a second figure on another side: "cut migraine days by 6.1, compared with 2.9 for a
# placebo", "the union is demanding 9%, while Velrail has offered 4.5%", "apartments rose 7.5%,
# outpacing detached houses, which gained 5.1%", "worth 2.4 million euros, twice the 1.2 million
# euros that Halloran receives". Not "against" ("grossed $116 million against a $50 million
# budget"), nor "of which" (its parts belong to the figure before).
_CONTRAST = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|while|whereas|(?<!of\s)which|but|"
    r"(?:twice|double|triple|half|(?:two|three|four|five|ten)\s+times)\s+(?:the|that\s+of))\b",
    re.IGNORECASE,
)
_CLAUSE_TAIL = re.compile(r"[^,;:.()]*")


def rival_figure(claim_text: str, q: Quantity, ev_text: str, e: Quantity, same: Sequence[Quantity]) -> bool:
    """Is ``e`` the figure of what the sentence sets against another figure of the same kind,
    where the claim names none of what sets it apart? Then the claim's figure is the other
    one: "Calvrex cut migraine days by 2.9" is answered by 6.1 in "cut them by 6.1, compared
    with 2.9 for a placebo"."""
    before = [o for o in same if o is not e and o.end <= e.start]
    if not before:
        return False
    between = ev_text[max(o.end for o in before) : e.start]
    markers = list(_CONTRAST.finditer(between))
    if not markers:
        return False
    marker = markers[-1]
    # What sets the figure apart: the marker's clause, and for "which" the one it hangs on
    # ("outpacing detached houses, which gained 5.1%"), with what
    # follows the figure in its clause ("2.9 for a placebo").
    opens = [m.end() for m in re.finditer(r"[,;:]", between[: marker.start()])]
    start = opens[-1] if opens else 0
    if marker.group().lower() == "which" and opens and not between[start : marker.start()].strip():
        start = opens[-2] if len(opens) > 1 else 0
    tail = _CLAUSE_TAIL.match(ev_text, e.end)
    apart = between[start:] + " " + (tail.group() if tail else "")
    named = {lemma(t.lower()) for t in TOKEN_RE.findall(claim_text) if t[0].isalpha()}
    words = {lemma(t.lower()) for t in TOKEN_RE.findall(apart) if t[0].isalpha()}
    # The figure's own scale and currency words ("1.2 million euros") set nothing apart.
    words -= STOPWORDS | QUALIFIER_WORDS | e.unit | q.unit | SCALES.keys() | CURRENCY_WORDS.keys()
    return bool(words) and not (words & named)


_OWNER_BEFORE = re.compile(r"[A-Za-z][\w-]*['’]s\s+$")


def other_event(claim_text: str, q: Quantity, ev_text: str, part: Quantity) -> bool:
    """Is a part of another event than the claim's? "Killed 52 people, of whom 40 were
    passengers" does not answer "injured 40 people": the whole follows "killed", the claim's
    figure "injured"."""
    assert part.whole_at is not None
    at = part.whole_at
    # The whole's owner is no verb: "won in 14 of the country's 19 provinces".
    if owner := _OWNER_BEFORE.search(ev_text, 0, at):
        at = owner.start()
    verb, whole_verb = window(claim_text, q.start, 1), window(ev_text, at, 1)
    # "of its usual 2,150 trains": the whole's kind, not its verb.
    whole_verb = [w for w in whole_verb if w.lower() not in WHOLE_ADJECTIVES]
    content = [w for w in (*verb, *whole_verb) if _says_something(w)]
    return len(content) == 2 and lemma(content[0]) != lemma(content[1])


# "third-quarter profit", "in the second half": a period of the year, which the sentence that
# gives the figure often names otherwise ("the July-September period", "the quarter").
_PERIOD_RANK = re.compile(r"[-\s]+(?:quarter|half)\b", re.IGNORECASE)


def names_a_period(text: str, q: Quantity) -> bool:
    """Is ``q`` the rank of a quarter or half ("third-quarter net profit")? It names when the
    figure was measured, so a sentence that leaves it out still speaks of the figure; one that
    ranks another quarter is still read against it."""
    return ORDINAL in q.unit and _PERIOD_RANK.match(text, q.end) is not None


# "The missing 15-year-old boy", "a 52-year-old man": an age that says who, not what happened.
_BY_AGE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def who_by_age(text: str, q: Quantity, said: frozenset[str]) -> bool:
    """Is ``q`` an age that names the claim's person while the sentence (its content lemmas,
    ``said``) leaves out what the claim says of them ("The missing 15-year-old boy has been
    found alive" against "A 15-year-old boy was missing")? Then the age confirms only who."""
    if q.head != "year-old" or not _BY_AGE.search(text, max(0, q.start - 30), q.start):
        return False
    noun = re.match(r"-year-old\s+[\w'’-]+", text[q.end :])
    rest = text[q.end + (noun.end() if noun else 0) :]
    told = {lemma(w.lower()) for w in TOKEN_RE.findall(rest) if w[0].isalpha()} - STOPWORDS
    return not told <= said


class Said(Protocol):
    """A figure or a change (:class:`verifier.changes.Factor`) where the text gives it."""

    start: int


# What a verb of change or being gives a figure to, in the figure's clause: "net profit rose
# 18% to 1.42 billion drax", "Net debt fell to 18.7 billion drax", "revenue was $5 billion".
_GIVEN_TO = re.compile(
    r"(?P<subject>(?:[A-Za-z][\w'’-]*\s+){0,5}?[A-Za-z][\w'’-]*)\s+"
    r"(?:rose|rises?|fell|falls?|grew|grows?|climb(?:s|ed)?|drop(?:s|ped)?|declin(?:es?|ed)|"
    r"increas(?:es?|ed)|decreas(?:es?|ed)|jump(?:s|ed)?|slip(?:s|ped)?|slump(?:s|ed)?|surg(?:es?|ed)|"
    r"soar(?:s|ed)?|gain(?:s|ed)?|was|were|is|are|stood|totall?ed|reached)"
    r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s?cent|percent))?(?:\s+(?:to|at))?"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?(?:[$€£¥]\s*)?$"
)
_OPENERS = frozenset(
    "when where while after before since because as if that which who whom whose and but or than "
    "then said says told".split()
)
_CLAUSE_START = re.compile(r".*(?:[,;:(]|\bthat\b|\bwhile\b|\band\b)", re.DOTALL)


def _measured(text: str, q: Said) -> tuple[str, frozenset[str]] | None:
    """(head, words) of the subject a verb gives ``q`` to in its clause, or None."""
    before = text[max(0, q.start - 80) : q.start]
    opened = _CLAUSE_START.match(before)
    m = _GIVEN_TO.search(before[opened.end() if opened else 0 :])
    if m is None:
        return None
    tokens = re.findall(r"[A-Za-z][\w-]*", re.sub(r"['’]s\b", "", m.group("subject")))
    # The noun phrase right before the verb, back to a word that opens a clause: "the rape
    # ordeal when she was 15" names no measure.
    phrase: list[str] = []
    for w in reversed(tokens):
        if w.lower() in _OPENERS:
            break
        phrase.insert(0, w)
    if not phrase or phrase[-1].lower() in STOPWORDS:
        return None  # "It rose to 5%", "There were 40": no measure named
    words = [lemma(w.lower()) for w in phrase if w.lower() not in STOPWORDS]
    # The head is the noun before a phrase that places or qualifies it: "Reservoirs in southern
    # Tarsenia were at 31%" measures reservoirs, as "Reservoirs in the south" does.
    cut = next((i for i, w in enumerate(phrase) if i and w.lower() in PLACING), None)
    head = lemma(phrase[cut - 1].lower()) if cut is not None else ""
    if not head or head in STOPWORDS:
        head = words[-1]
    return head, frozenset(w for word in words for w in (word, *word.split("-")))


def other_measure(claim_text: str, q: Said, ev_text: str, e: Said) -> bool:
    """Do the claim and the sentence give their figures to two different measures, each named
    as its verb's subject: "net profit rose 18% to 1.42 billion drax" against "Net debt fell
    to 18.7 billion drax"? Then the sentence's figure is no value of the claim's measure, in
    the same unit or not; a sentence that names the claim's measure anywhere in the subject
    ("Net profit for the July-September period rose to …") is read against it."""
    mine, theirs = _measured(claim_text, q), _measured(ev_text, e)
    if mine is None or theirs is None:
        return False
    return mine[0] not in theirs[1] and theirs[0] not in mine[1]


# "a turnout of 74%", "an unemployment rate of 5.8%", "the margin of 12 votes": the noun
# phrase just before "of" and the figure.
_NOUN_OF = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?P<phrase>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+of\s+(?:about\s+|around\s+)?$"
)
# "turnout was 74%", "the unemployment rate stood at 5.8%": the subject's last words and the figure.
_NOUN_WAS = re.compile(
    r"(?P<phrase>(?:\b[a-z-]+\s+){0,2}?\b[a-z-]+)\s+(?:was|were|is|are|stood\s+at|stands\s+at|reached|came\s+in\s+at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?$",
    re.IGNORECASE,
)
# Heads that say only what kind of measure: "the unemployment rate" is named by "unemployment".
_GENERIC = frozenset({"rate", "share", "level"})
_LABELLED_NOUNS = frozenset(
    "turnout rate share margin majority inflation unemployment growth deficit surplus yield "
    "approval attendance occupancy capacity".split()
)


def measure_label(text: str, q: Quantity) -> frozenset[str] | None:
    """The words naming the measure the text gives ``q`` to ({"turnout"} for "a turnout of 74%",
    {"unemployment"} for "the unemployment rate stood at 5.8%"), or None."""
    before = text[max(0, q.start - 60) : q.start]
    for pattern in (_NOUN_OF, _NOUN_WAS):
        m = pattern.search(before)
        if m is None:
            continue
        words = [lemma(w.lower()) for w in m.group("phrase").split() if w.lower() not in STOPWORDS]
        if words and words[-1] in _LABELLED_NOUNS:
            return frozenset(words) - _GENERIC or frozenset(words)
    return None


def _read_bounds(q: Quantity) -> tuple[float, float]:
    # A small exact figure is a count ("14 of the 19 provinces"), not a rounded measurement.
    if q.qualifier == "exact" and abs(q.value) < 1000:
        return q.value, q.value
    return q.interval()


def part_shares(quantities: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """(share, whole) for each part the sentence gives of a whole figure: "about 14,000 of the
    operator's 19,500 employees" is 64-79% of them (as far as "about" allows), "14 of the 19
    provinces" is 74%. The share is a range over the two figures' readings, starting where
    the part does, so a claimed "seven in ten employees" or "three quarters of provinces" is
    read against it."""
    at = {e.start: e for e in quantities}
    out = []
    for part in quantities:
        whole = at.get(part.whole_at) if part.whole_at is not None else None
        if whole is None or whole.value <= 0 or not 0 <= part.value <= whole.value:
            continue
        if part.upper is not None or whole.upper is not None:
            continue
        if {part.qualifier, whole.qualifier} - {"exact", "approx"}:
            continue  # "more than 400 of the 650 seats" bounds a share; it gives none
        p_lo, p_hi = _read_bounds(part)
        w_lo, w_hi = _read_bounds(whole)
        lo, hi = 100 * p_lo / w_hi, min(100.0, 100 * p_hi / w_lo)
        text = f"{100 * part.value / whole.value:.0f}%"
        share = Quantity(lo, text, frozenset({"%"}), "range", part.start, whole.end, head="%", upper=hi)
        out.append((share, whole))
    return out


def names_whole(claim_text: str, q: Quantity, whole: Quantity) -> bool:
    """Does the claim say its share ``q`` is of what ``whole`` counts ("seven in ten Teskovian
    Railways employees", "75% of the provinces")? A share of something else (turnout, a vote)
    is not read against the part."""
    after = {lemma(w.lower()) for w in TOKEN_RE.findall(claim_text[q.end : q.end + 60])[:6]}
    return whole.head in after
