"""On-topic hard negatives for the judge: a claim against a sentence about the same subject
that states some other fact, labelled unknown.

The training sources' unknown pairs are few and the random negatives are off-topic, so the
model learned that a sentence on the claim's subject with another figure in it contradicts
the claim ("Solvex employs 15,000 people" against "the company would hire 2,000 workers").
These pairs teach it that the same subject is not the same fact.

A pair is built from two training pairs whose claims name the same subject (the claim's
first name-like word): the claim of one, the evidence sentence of the other. It is kept only
when that sentence is not a revision of the claim's own evidence (VitaminC pairs the same
sentence before and after an edit) and shares at most half of the claim's other content
words (a sentence that repeats the claim is more likely to decide it than not).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict

# Sources whose hypotheses are claims about a named subject (NLI captions are not).
CLAIM_SOURCES = (
    "vitaminc_real",
    "vitaminc_synthetic",
    "fever_symmetric",
    "fever_adversarial",
    "fm2",
    "covidfact",
    "healthver",
    "climate_fever_train",
)
UNKNOWN = 2
_WORD = re.compile(r"[A-Za-z][\w'-]*|\d[\d.,]*")
_NOT_SUBJECT = {
    "the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "there", "this", "that", "these",
    "those", "his", "her", "their", "its", "one", "as", "by", "for", "from", "of", "to", "after",
    "before", "during", "since", "with", "when", "while", "and", "or", "but", "not", "no", "some",
    "many", "most", "all", "more", "less", "over", "under", "about", "only", "also", "both",
}  # fmt: skip
_STOP = _NOT_SUBJECT | {
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "did", "does", "do", "which",
    "who", "than", "into", "s", "at", "least",
}  # fmt: skip
MAX_SHARED = 0.5  # of the claim's content words (its subject aside) the sentence may repeat
MAX_REVISION = 0.5  # token Jaccard with the claim's own evidence above which it is a revision


def subject(claim: str) -> str | None:
    """The claim's longest run of capitalised words (leading function words dropped),
    lower-cased: the name the claim is about ("The Big Wedding" -> "big wedding")."""
    spans: list[list[str]] = [[]]
    # Punctuation does not end a run ("On Rotten Tomatoes , The Big Wedding" is one): such a
    # key is rarely found whole in a sentence, so the claim just gets no pair. Left as run 7
    # trained with it.
    for word in _WORD.findall(claim):
        if word[0].isupper():
            spans[-1].append(word)
        elif spans[-1]:
            spans.append([])
    best: list[str] = []
    for span in spans:
        while span and span[0].lower() in _NOT_SUBJECT:
            span = span[1:]
        if len(span) > len(best):
            best = span
    name = " ".join(best).lower()
    return name if len(name) > 2 else None


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", " ".join(_WORD.findall(text)).lower()) is not None


def topical_negatives(pairs: list[dict], n: int, seed: int) -> list[dict]:
    """Up to ``n`` unknown pairs, each a claim of ``pairs`` against another pair's sentence
    that names the claim's subject. Deterministic for a seed and input order."""
    rng = random.Random(seed + 11)
    own: dict[str, set[str]] = defaultdict(set)  # claim -> its evidence sentences
    for p in pairs:
        if p.get("source") in CLAIM_SOURCES:
            own[p["hypothesis"]].add(p["premise"])
    premises = sorted({p["premise"] for p in pairs if p.get("source") in CLAIM_SOURCES})
    by_word: dict[str, list[int]] = defaultdict(list)
    for k, premise in enumerate(premises):
        for word in _tokens(premise):
            by_word[word].append(k)
    claims = sorted(own)
    rng.shuffle(claims)
    out: list[dict] = []
    for claim in claims:
        if len(out) >= n:
            break
        name = subject(claim)
        if name is None:
            continue
        candidates = by_word.get(name.split()[0], [])
        content = _tokens(claim) - _STOP - set(name.split())
        evidence = [_tokens(e) for e in own[claim]]
        for k in rng.sample(candidates, min(8, len(candidates))):
            premise = premises[k]
            if premise in own[claim] or not _mentions(premise, name):
                continue
            words = _tokens(premise)
            if any(_jaccard(words, e) > MAX_REVISION for e in evidence):
                continue
            if content and len(content & words) / len(content) > MAX_SHARED:
                continue
            out.append(
                {"premise": premise, "hypothesis": claim, "label": UNKNOWN, "source": "topical_negative"}
            )
            break
    return out
