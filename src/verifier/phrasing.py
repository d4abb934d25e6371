"""How a claim or sentence wrote what a Judgement's reason quotes: a name as the claim spelled it
("does not mention Selka-3"), a figure with its qualifier and the words it counts ("claim says
approximately 2,500 troops").

Facts are compared in normalised form (lower-case names, bare values), but a reader should see
the text's own words, so these helpers find them again. They shape reasons and decide nothing,
and both :mod:`verifier.judge` and :mod:`verifier.checks` quote figures, so they sit apart.
"""

from __future__ import annotations

import re

from verifier.figures import ORDINAL, Quantity
from verifier.lexicon import CURRENCY_WORDS, lemma
from verifier.units import QUALIFIER_PHRASES, is_currency


def surface(text: str, entity: str) -> str:
    """How the claim wrote a normalised entity name, for explanations."""
    pattern = r"[\s.’']*".join(re.escape(w) for w in entity.replace(".", "").split())
    m = re.search(pattern, text, re.IGNORECASE)
    return m.group() if m else entity.title()


_LOWER_FIRST = frozenset(w for phrase in (*QUALIFIER_PHRASES, "between") for w in phrase.split()[:1])


def figure_phrase(text: str, q: Quantity) -> str:
    """The figure with its qualifier and the words it counts: 'approximately 2,500 troops'."""
    start = q.start
    before = text[max(0, q.start - 30) : q.start].lower().rstrip()
    if q.qualifier != "exact":
        for phrase in QUALIFIER_PHRASES:
            if before.endswith(" " + phrase) or before == phrase or (phrase == "~" and before.endswith("~")):
                start = q.start - (len(text[max(0, q.start - 30) : q.start]) - before.rfind(phrase))
                break
    symbol = re.search(r"(?:US\$|A\$|C\$|HK\$|[$£€¥₹])\s?$", text[max(0, start - 4) : start])
    if symbol:
        start -= len(symbol.group())  # "£30 million", not "30 million"
    end = q.end
    # Up to the last of the words it counts that the sentence writes out ("7,844 people" of
    # "7,844 people have died", whose unit also names the deaths).
    wanted = {u for u in q.unit if u != "%" and u != ORDINAL and not is_currency(u)}
    wanted |= {word for word, symbol in CURRENCY_WORDS.items() if symbol in q.unit}  # "30 million pounds"
    wanted = {part for u in wanted for part in u.split("-")}  # "basis-point" is written "basis points"
    for m in re.finditer(r"[\w.’'-]+", text[q.end : q.end + 60]):
        if not wanted:
            break
        word = lemma(m.group())
        if word in wanted:
            wanted.discard(word)
            end = q.end + m.end()
    phrase = text[start:end].strip()
    first = phrase.split()[0] if phrase else ""
    if first[:1].isupper() and first.lower() in _LOWER_FIRST:
        phrase = phrase[0].lower() + phrase[1:]  # "the evidence says between 10 and 20", mid-sentence
    # A full stop that ends the sentence is not part of the figure ("45 elephants."); one that
    # ends an abbreviation is ("2,500 U.S.").
    return phrase[:-1] if re.search(r"[a-z0-9]{2}\.$", phrase) else phrase
