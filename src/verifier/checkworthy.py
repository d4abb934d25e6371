"""Check-worthiness: a score per sentence of a draft, and which sentences are claims.

Check-worthiness is a transparent linear score, not a trained model: each sentence gets
features that make a statement checkable (a number, a date, a named entity, a comparison,
a causal link, an attribution, a state that changed, a superlative) or not (a question, an
opinion word, first or second person, a call to action or legal line, a byline, a headline,
very few words), each with a hand-set weight; the score is ``sigmoid(BIAS + sum of weights)``
and a sentence is a claim when it reaches :data:`THRESHOLD`. Headlines repeated in the body
(and any sentence repeated verbatim) score 0. The weights were set on the "dev" split of
``tests/data/checkworthiness.jsonl`` (two drafts in ``tests/data/drafts`` and some sentences
labelled on their own) and measured on every split (``scripts/checkworthiness.py``).

Which line is the headline, and what of a draft is markup rather than prose, is
:mod:`verifier.markup`'s to say.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verifier.coref import resolve
from verifier.markup import (
    RE_BYLINE,
    clean_claim,
    headline_span,
    headline_text,
    hide_markup,
    norm,
    tag_edges,
    trim_markdown,
)

THRESHOLD = 0.5
BIAS = -1.0
WEIGHTS: dict[str, float] = {
    "number": 1.6,
    "date": 1.0,
    "named entity": 0.8,
    "several named entities": 0.4,
    "comparison": 0.7,
    "causal": 1.2,
    "attribution": 0.5,
    "change of state": 1.0,
    "superlative": 0.5,
    "question": -4.0,
    "opinion": -2.5,
    "first/second person": -1.3,
    "call to action or boilerplate": -4.0,
    "byline": -3.0,
    "headline": -2.5,
    "few words": -1.5,
}

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "twice double doubled triple tripled half halved quarter percent"
).split()
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_RE_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_RE_DIGIT = re.compile(r"\d")
# A clock time says when, like a date, not how many.
_RE_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]m\b|[ap]\.m\.)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_RE_RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tonight|(?:last|next|this|every|a|per|within a) (?:year|month|week|decade|day)"
    r"|(?:years?|months?|weeks?|decades?) ago)\b",
    re.IGNORECASE,
)
# Superlatives of a measurable quantity ("the longest", "the deadliest"); evaluative ones
# ("the best", "the most honest") are opinions, and "-est" alone also ends "interest", "forest".
_MEASURED_SUPERLATIVE = (
    r"(?:largest|biggest|highest|lowest|smallest|longest|shortest|oldest|youngest|newest|"
    r"tallest|deepest|widest|hottest|warmest|coldest|wettest|driest|fastest|slowest|heaviest|"
    r"lightest|richest|poorest|busiest|deadliest|earliest|costliest|strongest|weakest|"
    r"most (?:populous|expensive|visited|densely|widely|common)|least (?:populous|expensive|visited))"
)
_RE_COMPARISON = re.compile(
    rf"\b(?:more|less|fewer|than|most|least|{_MEASURED_SUPERLATIVE}|rose|risen|rise|rises|fell|fallen|"
    r"falls|increase[sd]?|decrease[sd]?|grew|grown|dropped|doubled|tripled|halved|up from|down from|"
    r"compared (?:with|to)|record)\b",
    re.IGNORECASE,
)
# A superlative that ranks something ("the longest in the country", "Iraq's largest city",
# "the first woman to"): a claim about all the others too, so worth more than a comparison.
_RE_SUPERLATIVE = re.compile(
    rf"\b(?:the|its|their|[A-Za-z]+['’]s)\s+(?:{_MEASURED_SUPERLATIVE}|first|only)\b", re.IGNORECASE
)
# A state that changed or ended ("no longer makes", "ceased trading"): checkable against the past.
_RE_CHANGE = re.compile(
    r"\b(?:no longer|stopped|ceased|discontinued|scrapped|shut down|closed down|abolished)\b",
    re.IGNORECASE,
)
_RE_CAUSAL = re.compile(
    r"\b(?:because|due to|caused|causes|causing|led to|leads to|as a result|blamed|driven by|"
    r"resulted in|results in|forced|thanks to|owing to)\b",
    re.IGNORECASE,
)
_RE_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|reports|announced|stated|confirmed|estimated|"
    r"estimates|showed|shows)\b",
    re.IGNORECASE,
)
_RE_OPINION = re.compile(
    r"\b(?:I|we) (?:think|believe|feel)\b|\bin (?:my|our) (?:view|opinion)\b|\b(?:think|thinks|believe|"
    r"believes|feel|feels|seems?|should|must|ought|deserves?|arguably|hopefully|unfortunately|sadly|"
    r"fortunately|remarkable|brutal|terrible|wonderful|great|awful|amazing|shameful|disgraceful|"
    r"outrageous|absurd|ridiculous|mistake|betrayal|scandal|proud|remains to be seen|by any measure)\b",
    re.IGNORECASE,
)
# Case matters: "US" and "ME" are places, "us" and "me" are the writer.
_RE_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?)\b")
_CALL_TO_ACTION_START = (
    "sign up subscribe follow share read click contact stay download watch listen join see get send "
    "email call visit learn find tell don't do please related advertisement"
).split()
_RE_BOILERPLATE = re.compile(
    r"©|\ball rights reserved\b|\bsubscribe\b|\bnewsletter\b|\bsign up\b|\bclick here\b|"
    r"\bread more\b|\bshare this\b|\bfollow us\b|[\w.+-]+@[\w-]+\.[\w.]+|https?://",
    re.IGNORECASE,
)
_RE_WORD = re.compile(r"[\w'’.-]+")
_RE_ENTITY = re.compile(r"^(?:[A-Z][a-z][\w'’-]*|[A-Z]{2,}[\w'’-]*|(?:[A-Z]\.){2,}[\w'’-]*)$")
_TERMINAL = tuple(".!?\"”’')")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass
class Sentence:
    """One sentence of a draft with its check-worthiness."""

    index: int  # position among the draft's sentences, from 0
    start: int
    end: int
    text: str  # draft[start:end], markdown markers around it trimmed
    score: float
    features: list[str]  # the features that fired, in WEIGHTS order
    repeated: str = ""  # why the sentence is skipped whatever its score ("repeats the headline")
    claim: str = ""  # clean_claim of the sentence with markup blanked
    # The claim with its opening "She"/"It" read as who or what the sentences before name
    # (verifier.coref): what is scored and checked; "" where the claim is read as written.
    read_as: str = ""

    def __post_init__(self) -> None:
        if not self.claim:
            self.claim = clean_claim(self.text)

    def checkworthy(self, threshold: float = THRESHOLD) -> bool:
        return not self.repeated and self.score >= threshold

    def to_dict(self, threshold: float = THRESHOLD) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": self.score,
            "checkworthy": self.checkworthy(threshold),
            "features": self.features,
            "skipped": self.repeated,
            **({"read_as": self.read_as} if self.read_as else {}),
        }

    @property
    def checked(self) -> str:
        return self.read_as or self.claim


def features_of(text: str, *, heading: bool = False) -> list[str]:
    """The check-worthiness features of one sentence (see :data:`WEIGHTS`)."""
    # Sentence punctuation off the end of words, abbreviations ("U.S.") kept whole.
    words = [w if re.fullmatch(r"(?:[A-Za-z]\.){2,}", w) else w.rstrip(".") for w in _RE_WORD.findall(text)]
    words = [w for w in words if w]
    lowered = [w.lower().strip(".") for w in words]
    found: set[str] = set()
    stripped = text.strip()
    years = _RE_YEAR.findall(text)
    clock = _RE_CLOCK.search(text) is not None
    other_digits = _RE_DIGIT.search(_RE_CLOCK.sub(" ", _RE_YEAR.sub(" ", text))) is not None
    if other_digits or any(w in _NUMBER_WORDS for w in lowered) or "%" in text:
        found.add("number")
    if years or clock or _RE_RELATIVE_DATE.search(text) or any(w in _MONTHS or w in _WEEKDAYS for w in words):
        found.add("date")
    entities = [
        w
        for i, w in enumerate(words)
        if _RE_ENTITY.match(w)
        and w not in _MONTHS
        and w not in _WEEKDAYS
        and w != "I"
        and (i > 0 or w.isupper() or "." in w)  # a capital first word is just the sentence start
    ]
    if entities:
        found.add("named entity")
    if len(set(entities)) >= 2:
        found.add("several named entities")
    if _RE_COMPARISON.search(text):
        found.add("comparison")
    if _RE_CAUSAL.search(text):
        found.add("causal")
    if _RE_ATTRIBUTION.search(text):
        found.add("attribution")
    if _RE_CHANGE.search(text):
        found.add("change of state")
    if _RE_SUPERLATIVE.search(text):
        found.add("superlative")
    if stripped.endswith("?"):
        found.add("question")
    if _RE_OPINION.search(text):
        found.add("opinion")
    if _RE_PERSON.search(text):
        found.add("first/second person")
    first = lowered[0] if lowered else ""
    # An imperative start is a call to action only without a figure in it: "See the report on
    # the floods, which killed 40 people" states a death toll. A date is not enough, since
    # invitations carry one ("Join us on Saturday", "Watch it live at 8pm").
    imperative = first in _CALL_TO_ACTION_START or " ".join(lowered[:2]) in _CALL_TO_ACTION_START
    if _RE_BOILERPLATE.search(text) or (imperative and "number" not in found):
        found.add("call to action or boilerplate")
    if RE_BYLINE.match(stripped):
        found.add("byline")
    if heading or not stripped.endswith(_TERMINAL):
        found.add("headline")
    if len(words) < 5:
        found.add("few words")
    return [name for name in WEIGHTS if name in found]


def score_features(features: Sequence[str]) -> float:
    return round(_sigmoid(BIAS + sum(WEIGHTS[f] for f in features)), 4)


def score_sentences(text: str, title: str = "", *, markup: bool = True) -> list[Sentence]:
    """Every sentence of ``text`` with its check-worthiness score and features.

    ``title`` is the draft's headline ("" for none). The first line of ``text`` that is the
    headline is scored as one; copies of it elsewhere are repeats. ``markup``: HTML in ``text``
    is markup to skip (a draft read as written), not visible text.
    """
    from verifier.segment import split_sentences

    plain = hide_markup(text) if markup else text
    opening, closing = tag_edges(text) if markup else ({}, {})
    out: list[Sentence] = []
    seen: set[str] = set()
    said: list[str] = []  # the claims so far, in order: what a pronoun may stand for
    headline = norm(headline_text(title))
    own = headline_span(plain, title)
    for start, end in split_sentences(plain):
        start, end, heading = trim_markdown(plain, start, end)
        if start >= end:
            continue
        claim = clean_claim(plain[start:end])
        # Shown with the tags glued to it, so "<b>Spending</b> rose" is not shown as "Spending</b> rose".
        while start in opening and opening[start] >= (out[-1].end if out else 0):
            start = opening[start]
        while end in closing:
            end = closing[end]
        is_headline = own is not None and own[0] <= start and end <= own[1]
        # "She rejected calls for an inquiry" is as worth checking as "Birgit Aalto rejected …".
        read_as = "" if is_headline else (resolve(claim, said, title) or "")
        features = features_of(read_as or claim, heading=heading or is_headline)
        key = norm(claim)
        repeated = ""
        if is_headline:
            pass  # the headline itself, scored as a headline; never a repeat of itself
        elif key and key == headline:
            repeated = "repeats the headline"
        elif key in seen:
            repeated = "repeats an earlier sentence"
        seen.add(key)
        score = 0.0 if repeated else score_features(features)
        out.append(Sentence(len(out), start, end, text[start:end], score, features, repeated, claim, read_as))
        said.append(claim)
    return out


def find_claims(
    text: str, title: str = "", threshold: float = THRESHOLD, *, markup: bool = True
) -> list[Sentence]:
    """The check-worthy sentences of a draft, in draft order."""
    return [s for s in score_sentences(text, title, markup=markup) if s.checkworthy(threshold)]
