"""What the words just before a date say of it, beyond its bound (``dates._date_qualifier``).

A date found in a sentence is marked here as a reading of a running figure ("as of 5 April"),
as when something happened rather than a bound ("not until 1990"), as the start of a period
still running ("since 2017"), or as when a state ends ("until 2027", "will end in September
2025"). Each mark changes what :mod:`verifier.datecompare` reads the date against.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from verifier.negation import NOT_UNTIL_BEFORE

# "As of 5 April 2020, 531 cases": when a running figure was read.
_AS_OF = re.compile(r"\bas (?:of|at)(?: the (?:end|start|beginning|middle) of)?[\s,]*$", re.IGNORECASE)
# A superlative or "first" before "since": "the first ... since 1817", "its highest since 1980".
_ANCHOR = re.compile(r"\b(?:first|last|only|most|least|best|worst|\w{3,}est)\b[^,;.]*$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?$", re.IGNORECASE)
# The words that make a date the end of a state: "until (the end of) 2027", "will end in
# September 2025", "the contract expires on 30 June".
_PART_OF = r"(?:(?:the\s+)?(?:end|middle|start|beginning)\s+of\s+)?(?:the\s+)?$"
_UNTIL = re.compile(r"\b(?:until|till)\s+" + _PART_OF, re.IGNORECASE)
_ENDS_ON = re.compile(
    r"\b(?:end(?:s|ed|ing)?|expir(?:es?|ed|ing)|conclud(?:es?|ed|ing))\s+(?:in|on|at)\s+" + _PART_OF,
    re.IGNORECASE,
)


def read_words(text: str, d: Any) -> Any:
    """``d`` (a :class:`verifier.dates.DateMention` of ``text``) with the marks its words give."""
    if _AS_OF.search(text[max(0, d.start - 40) : d.start]):
        d = replace(d, snapshot=True)
    if d.qualifier == "by" and NOT_UNTIL_BEFORE.search(
        text[max(0, d.start - 80) : d.start].lower().replace("’", "'")
    ):
        # "Did not end until 3 March", "it was not until 1990": the date it happened, not a bound.
        d = replace(d, qualifier="exact")
    if _closes_state(text, d):
        d = replace(d, closes=True)
    if _SINCE.search(text[max(0, d.start - 20) : d.start]) and not _ANCHOR.search(
        text[max(0, d.start - 60) : d.start]
    ):
        d = replace(d, ongoing=True)
    return d


def _closes_state(text: str, d: Any) -> bool:
    """Whether ``d`` is when a state ends: "until" a date (not "not until", which says when
    something began), or a date something ends, expires or concludes on. Never an end of a
    span of years ("from 2006 to 2012"), which is read as the span."""
    if d.span is not None:
        return False
    before = text[max(0, d.start - 40) : d.start]
    if d.qualifier == "by":
        return bool(_UNTIL.search(before))
    return d.qualifier == "exact" and bool(_ENDS_ON.search(before))
