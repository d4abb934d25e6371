"""Readings of a (claim, sentence) pair's wording that :class:`verifier.modeljudge.ModelJudge`
applies over the model: whether a negated claim denies what the sentence states, whether the
sentence hedges what the claim says will happen, whether a sentence that states the claim's
figures states the claim, which words the sentence puts in place of the claim's, and whether it
names another entity where the claim names one.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from verifier.coverage import same_saying

# A sentence that is itself a denial in other words ("refused to concede", "cannot"), or only
# hedges, intends or reports it ("allegedly", "aims to"), or a question, does not state plainly
# what a negated claim denies.
_NOT_PLAIN = re.compile(
    r"\b(?:fail(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|unable|tr(?:y|ies|ied)|sought|"
    r"seeks?|aims?|hopes?|wants?|set|going|appl(?:y|ies|ied)|claims?|claimed) to\b"
    r"|\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|without|cannot|incapable|lacks?|lacking|"
    r"stopped|ceased|halted|suspended|postponed|delayed|reversed|barred|banned|allegedly|"
    r"reportedly|rumou?red|believed|false|dismissed|may|might|should|could|would|will)\b|\?\s*$",
    re.IGNORECASE,
)
# A claim whose negation sits in a condition, reported speech or a modal ("if Solvex does not",
# "said it would not") denies nothing the sentence can state.
_NOT_PLAIN_CLAIM = re.compile(
    r"\b(?:if|unless|whether|said|says|say|told|claims?|claimed|reportedly|allegedly|would|will|"
    r"may|might|should|could|can|cannot)\b|\?\s*$",
    re.IGNORECASE,
)
# Another time than the claim's, unless the claim says it too ("once", "last year"). Modals
# are _NOT_PLAIN's: a claim carrying one is never read as a denial.
_OTHER_TIME = re.compile(
    r"\b(?:until|till|formerly|previously|once|used to|plans?|planned|"
    r"intends?|expects?|expected|former|earlier|last)\b",
    re.IGNORECASE,
)


def denies(claim_facts: Any, sentence: str) -> bool:
    """Does a negated claim deny what ``sentence`` states? Only when the sentence names the
    claim's named things and opens with no other name (its subject is the claim's: "Voltra,
    which supplies Solvex, makes batteries" is not about Solvex), states it plainly and speaks of
    no other time (no date, "until", "would")."""
    from verifier.entities import entity_present
    from verifier.facts import extract

    if not claim_facts.negated or _NOT_PLAIN_CLAIM.search(claim_facts.text):
        return False
    # A figure or date is the fact layer's to compare: "did not cut jobs in 2023" is not denied
    # by "cut jobs", nor "did not hire 2,000" by "hired 1,500".
    if claim_facts.dates or claim_facts.quantities:
        return False
    ev = extract(sentence)
    times = {w.lower() for w in _OTHER_TIME.findall(sentence)}
    if times - {w.lower() for w in _OTHER_TIME.findall(claim_facts.text)}:
        return False  # "until 2019" against "does not make"
    if ev.dates or _NOT_PLAIN.search(sentence):
        return False
    if not all(entity_present(x, ev) for x in claim_facts.entities):
        return False
    # The sentence's first name is its subject, and must be one the claim names.
    low = re.sub(r"[.’']", "", sentence.lower())
    found = [(i, x) for x in ev.entities if (i := low.find(x)) >= 0]
    return not found or entity_present(min(found)[1], claim_facts)


# A claim that something will happen, against a sentence that says it only may: "the union will
# go ahead with the strike" / "has warned of a strike if no agreement is reached", "price growth
# will slow" / "X predicted that price growth would slow", "will resume on Thursday" / "would not
# sail until Thursday at the earliest". Case matters: "May" is a month.
_WILL = re.compile(r"\bwill\b(?!\s+not\b)", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:if|unless|subject to|at the earliest|could|might|may|predict(?:s|ed)?|forecast(?:s)?|"
    r"warned of|threaten(?:s|ed)?|hopes? to|aims? to|considering|weighing|possibly|likely|"
    # Asked for, or still open: "called for a one-year freeze", "a lawsuit seeking 190 million",
    # "will vote on whether to approve", "economists expect one more cut".
    r"call(?:s|ed|ing)? for|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|"
    r"propos(?:e|es|ed|al)|whether|expects?|expected|"
    # Pending: "would consider adding", "in talks to lease", "no agreement has been reached",
    # "has yet to decide", "would ask the government to", "needs the approval of".
    r"consider(?:s|ed|ing)?|in\s+talks|no\s+(?:agreement|decision|deal)|yet\s+to|not\s+yet|"
    r"ask(?:s|ed)?\s+(?:\w+\s+){1,3}to|needs?\s+(?:the\s+)?approval)\b"
)


# A figure only possible: "insured losses could reach 900 million escudos" does not say what
# they came to.
_POSSIBLE = re.compile(
    r"\b(?:could|might|(?-i:may))\s+(?:well\s+|still\s+|eventually\s+)?"
    r"(?:reach|top|exceed|hit|cost|total|surpass|rise|fall|climb|drop)\b",
    re.IGNORECASE,
)


def hedged(claim: str, sentence: str) -> bool:
    """Does the claim say flatly that something will happen (or came to a figure) where the
    sentence hedges it?"""
    if _HEDGE.search(claim):
        return False
    if _WILL.search(claim):
        return bool(_HEDGE.search(sentence))
    return bool(_POSSIBLE.search(sentence))


# What a matched figure or date does not settle: a forecast ("will cut rates again in October":
# the month is stated, the cut is not), a rank ("the longest rail strike in its history") or
# a measure used as a name's modifier ("the 48-hour stoppage", "the 12-hour shift pattern").
_NOT_BY_VALUES = re.compile(
    # ("at least 62 homes", "at most 40": a bound on the figure, not a rank)
    r"\b(?:will|would|won['’]t|record|history|ever|[a-z]{3,}est|(?<!\bat )(?:most|least)|only"
    # "on the first day of the strike" dates the figure; "the first time" ranks it
    r"|first(?!\s+(?:day|week|month|year|quarter|half|hour|night|morning|round|leg)s?\b))\b",
    re.IGNORECASE,
)


def settled_by_values(claim_facts: Any) -> bool:
    """Does a sentence that states every figure and date of the claim state the claim? Only where
    the claim is a plain statement of them: not a forecast or a rank, and not where every
    figure is a modifier of a noun ("the 48-hour stoppage")."""
    if _NOT_BY_VALUES.search(claim_facts.text):
        return False
    text = claim_facts.text
    spans = [(x.start, x.end) for x in (*claim_facts.quantities, *claim_facts.dates)]
    return any(not text.startswith("-", end) for _, end in spans)


_WORD = re.compile(r"\w+(?:[.,'’-]\w+)*")
# A contrast is named only when the sentence repeats most of the claim around it: then the
# differing words are what the verdict turns on, not two unrelated phrasings.
CONTRAST_COVERAGE = 0.6
CONTRAST_MAX_WORDS = 6


def _alignment(claim: str, sentence: str) -> tuple[float, list[tuple[int, int, int, int]], list, list]:
    """Word-level alignment of claim and sentence: the share of claim words the sentence
    repeats, the 'replace' spans (claim words i1:i2 stand where sentence words j1:j2 are),
    and both word lists with their character offsets."""
    a = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(claim)]
    b = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if not a or not b:
        return 0.0, [], a, b
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w, _, _ in a], [w.lower() for w, _, _ in b], autojunk=False
    )
    same = sum(block.size for block in matcher.get_matching_blocks())
    spans = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag == "replace"]
    return same / len(a), spans, a, b


def contrast(claim: str, sentence: str) -> tuple[str, str] | None:
    """The words of the claim that the sentence replaces, and what it says instead:
    ("will stay", "will withdraw") for a sentence that repeats the rest of the claim."""
    coverage, spans, a, b = _alignment(claim, sentence)
    if coverage < CONTRAST_COVERAGE:
        return None
    pieces = []
    for i1, i2, j1, j2 in spans:
        if i2 - i1 > CONTRAST_MAX_WORDS:
            continue
        if i2 == len(a):
            # At the claim's end the sentence often just goes on: keep about as many words.
            j2 = min(j2, j1 + i2 - i1 + 1)
        if j2 - j1 <= CONTRAST_MAX_WORDS:
            pieces.append((claim[a[i1][1] : a[i2 - 1][2]], sentence[b[j1][1] : b[j2 - 1][2]]))
    # A pronoun for the claim's subject ("It" for "The four-day shutdown") changes nothing,
    # nor does a word that says the same ("planes" for "aircraft", "would" for "will").
    pieces = [(x, y) for x, y in pieces if y.lower() not in _PRONOUNS and not _said_alike(x, y)]
    if not pieces or len(pieces) > 3:
        return None  # more than a few swaps: not one sentence restated with a change
    return " … ".join(x for x, _ in pieces), " … ".join(y for _, y in pieces)


_PRONOUNS = frozenset("it its he his she her they their them this that these those".split())


def _said_alike(x: str, y: str) -> bool:
    """One word against a word that says the same; at the claim's end the sentence's side may
    run on a word ("planes, it" for "aircraft")."""
    words = re.findall(r"[\w'’-]+", y)
    return " " not in x.strip() and 0 < len(words) <= 2 and same_saying(x.strip(), words[0])


# A claim about another subject: the claim names it in its first words and the sentence opens
# with another name ("Unemployment in Sweden fell to 4.2%" against "Nordland's unemployment
# rate fell to 4.2%"), though word alignment does not pair them. On the held-out training pool
# this costs 2 of 892 VitaminC pairs (pool macro-F1 0.738 -> 0.736, within calibration's tie
# margin); on a newsroom-style QA set it stopped two "SUPPORTED" verdicts about the wrong place.
SUBJECT_SWAP = 6
# Where something happened, not who did it: "In the United States", "across Northern Ireland".
_PLACE_PHRASE = re.compile(
    r"\b(?i:in|at|across|throughout|within|outside|inside)\s+(?i:the\s+)?(?:[A-Z][\w.'’-]*\s*)+"
)


def replaced_entity(claim_facts: Any, sentence: str) -> bool:
    """Does the sentence put another named entity where the claim names one ("Iraq" where
    the claim says "Syria")? Aligned word by word; an entity merely left out does not count."""
    from verifier.entities import _norm_entity, entity_present
    from verifier.facts import extract

    _, spans, a, b = _alignment(claim_facts.text, sentence)
    ev = extract(sentence)
    missing = [e for e in claim_facts.entities if not entity_present(e, ev)]
    others = [e for e in ev.entities if not entity_present(e, claim_facts)]
    if not missing or not others:
        return False

    def names(words: list[tuple[str, int, int]]) -> str:
        # The words and their normalised aliases: "UK" names "united kingdom", "U.S." "united states".
        return " ".join([w for w, _, _ in words] + [_norm_entity(w) for w, _, _ in words]).lower()

    # Where something happened is no stand-in for who did it: a place phrase of the sentence
    # ("In the United States alone, the band ...") answers only a place phrase of the claim
    # ("troops in Syria" / "troops in Iraq").
    claim_placed = [m.span() for m in _PLACE_PHRASE.finditer(claim_facts.text)]
    placed = [m.span() for m in _PLACE_PHRASE.finditer(sentence)]

    def unplaced(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        return [w for w in words if not any(s <= w[1] < e for s, e in placed)]

    for i1, i2, j1, j2 in spans:
        in_place = any(s <= w[1] < e for w in a[i1:i2] for s, e in claim_placed)
        claim_words = names(a[i1:i2])
        sentence_words = names(b[j1:j2] if in_place else unplaced(b[j1:j2]))
        if any(m in claim_words for m in missing) and any(o in sentence_words for o in others):
            return True
    # The first words of each: where a wire sentence names its subject; not a place it opens
    # with.
    head_c, head_e = names(a[:SUBJECT_SWAP]), names(unplaced(b[:SUBJECT_SWAP]))
    return any(m in head_c for m in missing) and any(o in head_e for o in others)


def opposed_act(claim: str, sentence: str) -> bool:
    """Does the sentence do the claim's act the other way ("rejected a pay offer" against "accepted
    the pay offer"; not a rise against a fall, which a sentence often says of another figure)?"""
    from verifier.lexicon import TOKEN_RE
    from verifier.wording import opposed

    words = [t.lower() for t in TOKEN_RE.findall(claim)], [t.lower() for t in TOKEN_RE.findall(sentence)]
    return opposed(*words, acts_only=True) is not None
