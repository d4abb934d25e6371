"""Reversed claims for the judge: a supported claim turned the other way round, against the
same sentence, labelled contradicted; an unknown claim turned round stays unknown.

Newsroom QA found the model reading reversed claims as support, some at 0.73-0.93: "never
warned the captain" against "warned twice", "the biggest drugmaker" against "the
second-largest", "has reopened" against "remains closed". The training sources hold few
pairs where one word turns a claim round while everything else still matches, so the model
learned that a sentence repeating the claim's words supports it. These pairs teach it that
a negation, an opposite or a rank changes the verdict.

Three ways to turn a claim, one per claim, chosen at random among those that apply:

- negate its first auxiliary ("was born" -> "was not born") or drop its negation;
- swap one word or phrase for its opposite ("rose" -> "fell", "more than" -> "less than");
- move a superlative down a rank ("the largest" -> "the second-largest") or back up.

Words inside a name ("The Last Samurai": capitalised after the claim's first word) are
left alone. Unknown pairs are turned too, so that a negation alone is no cue for
contradiction: against a sentence that does not decide the claim, its reverse is not
decided either. Contradicted pairs are not used: turning a claim a sentence contradicts
does not make it supported when the disagreement lies elsewhere (another figure, say).
"""

from __future__ import annotations

import random
import re

from hard_negatives import CLAIM_SOURCES

SUPPORTED, CONTRADICTED, UNKNOWN = 0, 1, 2
SHARE_CONTRADICTED = 0.7  # of the pairs made; the rest are turned unknown pairs

_OPPOSITES = [
    ("increased", "decreased"), ("increase", "decrease"), ("increases", "decreases"),
    ("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("risen", "fallen"),
    ("grew", "shrank"), ("gained", "lost"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
    ("winner", "loser"), ("higher", "lower"), ("larger", "smaller"), ("bigger", "smaller"),
    ("older", "younger"), ("longer", "shorter"), ("faster", "slower"), ("stronger", "weaker"),
    ("more than", "less than"), ("fewer than", "more than"), ("at least", "at most"),
    ("above", "below"), ("before", "after"), ("earlier", "later"),
    ("largest", "smallest"), ("biggest", "smallest"), ("highest", "lowest"),
    ("longest", "shortest"), ("oldest", "youngest"), ("earliest", "latest"), ("best", "worst"),
    ("the most", "the least"), ("first", "last"), ("always", "never"),
    ("positive", "negative"), ("male", "female"), ("north", "south"), ("east", "west"),
    ("northern", "southern"), ("eastern", "western"), ("legal", "illegal"),
    ("accepted", "rejected"), ("approved", "rejected"), ("allowed", "banned"), ("alive", "dead"),
    ("opened", "closed"), ("bought", "sold"), ("buy", "sell"), ("majority", "minority"),
    ("maximum", "minimum"), ("successful", "unsuccessful"), ("success", "failure"),
    ("began", "ended"), ("started", "ended"), ("supports", "opposes"), ("supported", "opposed"),
    ("includes", "excludes"), ("included", "excluded"), ("private", "public"),
    ("domestic", "foreign"), ("same", "different"), ("husband", "wife"),
]  # fmt: skip
_SWAP = {a: b for a, b in _OPPOSITES} | {b: a for a, b in _OPPOSITES}
_SWAP_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _SWAP), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_AUX = re.compile(
    r"\b(is|are|was|were|can|could|will|would|should|must|does|did|"
    r"(?:has|have|had)(?= (?:been|\w+ed|\w+en)\b))\b(?! not\b| never\b| no\b)",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(is|are|was|were|has|have|had|can|could|will|would|does|did) (not|never) ", re.I)
_ANY_NEGATION = re.compile(r"\b(not|never|no|none|nobody|nothing|neither|nor|without)\b|n't\b", re.I)
_SUPERLATIVE = re.compile(
    r"\bthe (largest|biggest|highest|longest|oldest|most|best|richest|tallest|busiest|"
    r"most populous|fastest)\b",
    re.IGNORECASE,
)
_RANKED = re.compile(r"\bthe (second|third)[- ](largest|biggest|highest|longest|oldest|most|best)\b", re.I)


def _in_name(claim: str, start: int) -> bool:
    return start > 0 and claim[start].isupper()


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def turnings(claim: str) -> list[str]:
    """Every reversal of ``claim`` this module knows, each changing one place."""
    out = []
    for m in _SWAP_RE.finditer(claim):
        if _in_name(claim, m.start()):
            continue
        new = _case_like(_SWAP[m.group(1).lower()], m.group(1))
        out.append(claim[: m.start()] + new + claim[m.end() :])
    m = _NEGATION.search(claim)
    if m:
        out.append(claim[: m.start()] + m.group(1) + " " + claim[m.end() :])
    elif not _ANY_NEGATION.search(claim):  # "is definitely not" must not become "is not definitely not"
        m = _AUX.search(claim)
        if m:
            out.append(claim[: m.end()] + " not" + claim[m.end() :])
    m = _SUPERLATIVE.search(claim)
    if m:
        out.append(claim[: m.start()] + f"the second-{m.group(1)}" + claim[m.end() :])
    m = _RANKED.search(claim)
    if m:
        out.append(claim[: m.start()] + f"the {m.group(2)}" + claim[m.end() :])
    return out


def reversed_pairs(pairs: list[dict], n: int, seed: int) -> list[dict]:
    """Up to ``n`` pairs: supported claims of ``pairs`` turned round and labelled
    contradicted (70%), unknown ones turned round and still unknown. Deterministic for a seed
    and input order; each claim is turned once."""
    rng = random.Random(seed + 29)
    want = {CONTRADICTED: round(n * SHARE_CONTRADICTED), UNKNOWN: n - round(n * SHARE_CONTRADICTED)}
    order = [p for p in pairs if p.get("source") in CLAIM_SOURCES and p["label"] in (SUPPORTED, UNKNOWN)]
    rng.shuffle(order)
    seen: set[str] = set()
    out: list[dict] = []
    for p in order:
        label = CONTRADICTED if p["label"] == SUPPORTED else UNKNOWN
        if not want[label] or p["hypothesis"] in seen:
            continue
        options = turnings(p["hypothesis"])
        if not options:
            continue
        seen.add(p["hypothesis"])
        want[label] -= 1
        out.append(
            {"premise": p["premise"], "hypothesis": rng.choice(options), "label": label, "source": "reversal"}
        )
    return out
