"""Checkable facts in a sentence: quantities, dates, named entities, negation.

The judge compares these between a claim and an evidence sentence. Everything
here is deterministic and cheap (no model load), so it runs on the check path.
Number words go through text2num and lemmas through simplemma; what is left is
the small amount of English-specific glue (qualifier words, month names) that no
kept library exposes as data.

:func:`extract` gathers them into :class:`Facts`, with the content words a claim's coverage is
measured by. Figures (:class:`~verifier.figures.Quantity`) are read in :mod:`verifier.quantities`
(phrases such as "half a million" in :mod:`verifier.spelled`, the words around a figure in
:mod:`verifier.units`, figures read with their neighbours in :mod:`verifier.neighbours`), dates in
:mod:`verifier.dates`, named entities in :mod:`verifier.entities` and negation cues in
:mod:`verifier.negation`; the word lists they read with (stopwords, months, lemmas, units,
currencies) are in :mod:`verifier.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from verifier.dates import DateMention, extract_dates
from verifier.entities import ALIASES, extract_entities, is_proper
from verifier.figures import Quantity
from verifier.lexicon import MONTHS, NUMBER_WORDS, SCALES, STOPWORDS, TOKEN_RE, lemma
from verifier.negation import NEGATION_CUES, negation_cues
from verifier.quantities import extract_quantities
from verifier.units import QUALIFIER_WORDS

# Words that qualify or spell a number; coverage of the claim's meaning ignores them.
_NOT_CONTENT = frozenset(
    QUALIFIER_WORDS
    | set(NUMBER_WORDS)
    | set(SCALES)
    | set(MONTHS)
    | {w for cue in NEGATION_CUES for w in cue.split()}
    | {"percent", "cent", "currently", "anti", "pro"}
    # A light verb of having: a film "received" the score it "has" or "holds", a candidate the
    # votes he "won". On the numeric training pairs, 27 more read right and one fewer wrong
    # (fact_layer_check.py); "hold", "get" and "give" the same way were worse.
    | {"receive"}
    | {"due"}  # "due to the pandemic": a link, not a word of the claim's news
    | {"th", "st", "nd", "rd", "century", "centuries"}  # "the 19th century" is a date
    | {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
    | {"dozen"}  # figures: "less than half the vote" is compared with "52.4%", not its words
)


@dataclass
class Facts:
    text: str
    lemmas: list[str]
    content: frozenset[str]
    entities: frozenset[str]
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    negations: list[str] = field(default_factory=list)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.lemmas)

    @property
    def negated(self) -> bool:
        return bool(self.negations)


_LIFE_WORDS = frozenset({"born", "birth", "die", "death"})


@lru_cache(maxsize=8192)
def extract(text: str) -> Facts:
    dates = extract_dates(text)
    quantities = extract_quantities(text, [(d.start, d.end) for d in dates])
    # "no longer" is negation, not a word about length.
    # Hyphenated words count by their parts: "anti-ISIL" names ISIL, "12-month" counts months.
    words = TOKEN_RE.findall(re.sub(r"\bno longer\b", "no", text, flags=re.IGNORECASE))
    parts = [part for w in words for part in w.split("-") if part]
    lemmas = [lemma(part) for part in parts]
    entities = extract_entities(text)
    # Names are compared by entity_present (aliases, demonyms); counting their words as
    # content too would punish "United States" against "U.S.". Ordinary capitalised words
    # ("Turnout was ...") stay content.
    alias_words = {w for e in entities if e in ALIASES.values() for w in e.split()}
    content = frozenset(
        lem
        for part, lem in zip(parts, lemmas, strict=True)
        if lem
        and not is_proper(part)
        and part.lower() not in alias_words
        and part.lower() not in _NOT_CONTENT
        and lem not in STOPWORDS
        and lem not in NEGATION_CUES
        and lem not in _NOT_CONTENT
        and not lem[0].isdigit()
        and not part.lower().replace("’", "'").endswith("n't")  # "didn't": the negation, not a word
    )
    if any(d.lifespan for d in dates):
        # "Smith (1870 – 1965)" says when Smith was born and died.
        content |= _LIFE_WORDS
        lemmas = [*lemmas, *sorted(_LIFE_WORDS - set(lemmas))]
    return Facts(text, lemmas, content, entities, quantities, dates, negation_cues(text))
