"""Negation: which words deny what follows them, and where a cue is not a denial.

"Not", "no", "never", "nothing", "cannot" and the rest deny what follows them, except in set
phrases that deny nothing ("not only", "no fewer than"), in a number sign ("No 10"), an answer
("said no."), a compound ("no-fly") or a time ("not until 3 March"), and inside a title or name
("The album No Way Out", "Never Let Me Go is a novel"), which headlines and shouted words are not.
The fact layer (:mod:`verifier.facts`) reads these cues; the judge decides their scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

NEGATION_CUES = (
    "no longer",
    "not",
    "n't",
    "never",
    "no",
    "none",
    "neither",
    "nor",
    "nobody",
    "nothing",
    "without",
    "cannot",
)


def title_case(text: str) -> bool:
    """Is most of the text capitalised, as headlines are ("Attack Kills 15 Americans")?"""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 4]  # not "in", "of"
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# "not only X but Y", "no fewer than 5", "not unlike": the cue does not deny what follows.
_NOT_DENIAL = re.compile(
    r"\s+(?:only|just|merely|unlike|least|to mention|all|every|always|many|much|necessarily|entirely"
    r"|(?:any\s+)?(?:fewer|less|more|higher|lower|greater|later|earlier)\s+than)\b"
)


# "Resolution No 2334", "No. 5": a number sign; "voters said no to": an answer, not a denial.
_NO_NUMBER = re.compile(r"\.?\s*\d")
_NO_ANSWER = re.compile(r"\b(?:say|says|said|saying|vote|votes|voted|voting)\s+$")
# ... an answer ends there: "said no to the plan", "voted no." (not "said no jobs would go").
_NO_ANSWER_END = re.compile(r"\s*(?:to\b|[,.;:!?]|$)")


# Words a title leaves in lower case ("No Time to Die", "Never Mind the Bollocks"), and the
# verbs that follow a title at the start of a sentence ("No Way Out was released").
_TITLE_SMALL = frozenset("a an the of to for in on at and or by with me my you it".split())
_AFTER_TITLE = re.compile(
    r"(?:is|was|are|were|has|had|have|will|would|became|won|sold|made|began|wrote|took|ran|went|"
    r"stars|tells|follows|features|depicts|\w+ed)$"
)
_QUOTES = "\"'“”‘’`(["
# What opens a sentence besides its first character: a full stop, a dateline dash, a bullet.
_OPENERS = ".!?;:-–—•*"
_SPEECH = re.compile(
    r"\b(?:said|says|say|told\s+\w+|insisted|added|asked|replied|answered|wrote|stated|declared)$", re.I
)
# "Nobody at Solvex", "Nothing in the Lisbon Treaty", "Neither France nor Germany", "Not Solvex
# but Rhodia": a denial about a name, not a title.
_DENIES_A_NAME = re.compile(r"\s+(?:at|in|of|from)\b|.*?\b(?:nor|but)\b", re.I)


def _headline(text: str) -> bool:
    """Capitalised throughout and not ended like a sentence: "Solvex Will Not Close Plant"."""
    return title_case(text) and not text.rstrip().endswith((".", "!", "?"))


def _names_cue(text: str, start: int, end: int) -> bool:
    """Is the negation cue at ``text[start:end]`` part of a title or name, not a denial: "the
    album No Way Out", "Age Ain't Nothing but a Number", "Never Let Me Go is a novel"? Inside a
    sentence a capitalised cue is a name; at its start the cue must open a run of capitalised
    words that a verb follows ("No Way Out was", not "No Premier League club has" nor "No
    Senate Democrats voted"). Never in a headline, where every word is capitalised ("Solvex Will
    Not Close Plant"), nor when it is shouted ("would NOT close")."""
    if _headline(text):
        return False
    ts = start
    while ts > 0 and not text[ts - 1].isspace():
        ts -= 1
    word = ts
    while word < start and text[word] in _QUOTES:
        word += 1
    token = re.match(r"[\w'’]+", text[word:])
    if token and len(token.group()) > 1 and token.group().isupper():
        return False  # emphasis, not a name
    gap = text[:word]
    before = gap.rstrip()
    quoted = before.endswith(tuple(_QUOTES))
    before = before.rstrip(_QUOTES).rstrip()
    opening = (
        not before
        or before[-1] in _OPENERS
        or "\n" in gap[len(before) :]
        # A quotation opens a sentence after a comma or a verb of speech ('said, "No', 'said "Not').
        or (quoted and (before[-1] == "," or bool(_SPEECH.search(before))))
    )
    capital = text[word].isupper()
    if not opening:
        if capital:
            return True
        # "Age Ai n't Nothing": a split "n't" between two capitalised words of a title.
        prev = re.search(r"(\S+)\s+$", text[:ts])
        nxt = re.match(r"\s*(\S+)", text[end:])
        return bool(
            ts == start
            and text[start:end].lower() == "n't"
            and prev
            and nxt
            and prev.group(1)[0].isupper()
            and nxt.group(1)[0].isupper()
        )
    if not capital or _DENIES_A_NAME.match(text, end):
        return False
    in_quotes = word > ts  # the cue opens a quotation: '"No Surprises" was released'
    named, last = 0, ""
    for raw in text[end:].split():
        w = raw.strip(_QUOTES + ",")
        if in_quotes and w[:1].isupper() and raw.rstrip(",.").endswith(('"', "”", "’", "'")):
            return True  # the quotation closes on capitalised words: a quoted title
        if not w or w.lower() in _TITLE_SMALL or w[0].isdigit():
            continue
        if not w[0].isupper():
            # "No Senate Democrats voted": a group named in the plural is denied, not a title.
            group = last.endswith("s") and not last.endswith(("ss", "'s", "’s"))
            return named >= 2 and not group and bool(_AFTER_TITLE.match(w))
        if not (len(w) > 1 and w.rstrip("s").replace(".", "").isupper()):  # "MPs", "U.S.": not title words
            named += 1
        last = w
    return False


# "Not ... until 3 March", "It was not until 1990 that": a time, not a denial.
_NOT_UNTIL = re.compile(r"[^,;.!?]{0,60}?\b(?:until|till)\b")
NOT_UNTIL_BEFORE = re.compile(r"(?:\bnot|n't)\b[^,;.!?]{0,60}\b(?:until|till)\s+(?:the\s+)?$")
# "no-fly zone", "a no-deal Brexit": a compound, not a denial ("no-one" is one).
_NO_COMPOUND = re.compile(r"-(?!one\b)[a-z]")


def negation_matches(text: str, cue: str) -> Iterator[re.Match[str]]:
    """Where ``cue`` denies what follows it in ``text`` (matches index into ``text``)."""
    low = text.lower().replace("’", "'")
    if cue not in low:
        return  # most cues are in no sentence: no pattern to run
    pattern = r"n't\b" if cue == "n't" else rf"\b{re.escape(cue)}\b"
    for m in re.finditer(pattern, low):
        if _NOT_DENIAL.match(low, m.end()):
            continue
        if cue == "no" and (
            _NO_NUMBER.match(low, m.end())
            or (_NO_ANSWER.search(low, 0, m.start()) and _NO_ANSWER_END.match(low, m.end()))
            or _NO_COMPOUND.match(low, m.end())
        ):
            continue
        if _names_cue(text, m.start(), m.end()):
            continue
        if cue in ("not", "n't") and _NOT_UNTIL.match(low, m.end()):
            continue  # "did not end until 3 March" says when it ended
        yield m


@lru_cache(maxsize=8192)
def negation_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every denial in ``text`` as (cue, start, end), cue by cue in NEGATION_CUES order: read
    once per sentence, asked again for each figure the judge compares."""
    return tuple((cue, m.start(), m.end()) for cue in NEGATION_CUES for m in negation_matches(text, cue))


def negation_cues(text: str) -> list[str]:
    cues: list[str] = []
    for cue, _, _ in negation_spans(text):
        if cue in cues or (cue == "no" and "no longer" in cues):
            continue
        cues.append(cue)
    return cues


# "No club had ever paid a bigger fee" is "the highest fee ever paid" said the other way, and
# "no earlier census since 1921 had recorded a fall" is "the first fall since 1921": a denial
# of anything beyond a mark restates the mark, so the two agree.
_BEYOND = re.compile(
    r"\b(?:more|less|fewer|bigger|larger|higher|greater|lower|smaller|longer|shorter|faster|"
    r"better|worse|earlier|before|previous|previously|prior|ever)\b|\b\w+er\s+than\b",
    re.IGNORECASE,
)
_MARK = re.compile(
    r"\b(?:first|record|only|unprecedented|most|least|best|worst|highest|largest|biggest|"
    r"greatest|lowest|smallest|longest|shortest|fastest|slowest|earliest|oldest|youngest|"
    r"strongest|deepest|heaviest|never\s+before)\b|\b\w+-(?:high|low)\b",
    re.IGNORECASE,
)


def restates_mark(negated: str, other: str) -> bool:
    """Is ``negated`` a denial of anything beyond a mark (a comparison after its negation)
    that ``other`` states as a superlative, a first or a record?"""
    spans = negation_spans(negated)
    if not spans or not _MARK.search(other):
        return False
    return any(_BEYOND.search(negated, end) for _, _, end in spans)
