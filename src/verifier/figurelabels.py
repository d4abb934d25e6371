"""Which noun a figure is the value of, where the sentence says so outright: "on a turnout of
74%", "an unemployment rate of 5.8%", "turnout was 74%". A claim that gives its figure to that
noun ("Turnout in the strike ballot was 87%") and matches another of the sentence's figures
("87% of members who voted backed strike action") has moved a figure from one thing to another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verifier.checks import Cleared, Conflict
from verifier.facts import Facts
from verifier.figures import Quantity
from verifier.lexicon import STOPWORDS, TOKEN_RE, lemma
from verifier.scope import old_value
from verifier.wholes import measure_label

# The claim's subject before its figure: "Turnout in the FRW strike ballot was 87%".
_CLAIM_SUBJECT = re.compile(
    r"^(?P<subject>[^,;:]{2,80}?)\s+(?:was|were|is|are|stood\s+at|stands\s+at|reached|of)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?$",
    re.IGNORECASE,
)


def moved_figure(
    claim_text: str, q: Quantity, ev_text: str, e: Quantity, figures: Sequence[Quantity]
) -> str | None:
    """The sentence's phrase for the figure it gives the claim's measure noun, when the claim
    gives ``q`` to that noun, ``e`` (the sentence's figure equal to ``q``) is not the noun's, and
    another figure of the same unit is: "claim says turnout 87%" against "87% of members …
    backed strike action, on a turnout of 74%". None otherwise."""
    m = _CLAIM_SUBJECT.search(claim_text[: q.start])
    if m is None:
        return None
    said = {lemma(w.lower()) for w in TOKEN_RE.findall(m.group("subject")) if w.lower() not in STOPWORDS}
    own = measure_label(ev_text, e)
    if own is not None and own <= said:
        return None  # the sentence gives the matched figure to the claim's measure too
    if old_value(ev_text, e):
        return None  # "67%, up from 62% in 2015": the measure's earlier value, not another's
    for other in figures:
        if other is e or other.unit != e.unit or other.value == q.value:
            continue
        label = measure_label(ev_text, other)
        if label is not None and label <= said:
            return f"{' '.join(sorted(label))} {other.text}"
    return None


def relabelled(
    claim: Facts, ev: Facts, supported_q: Sequence[tuple[Quantity, Quantity]], cleared: Cleared
) -> Conflict | None:
    """The first matched figure the sentence gives to another thing than the claim's measure
    (:func:`moved_figure`), as a contradiction."""
    if not cleared.support:
        return None
    for q, e in supported_q:
        theirs = moved_figure(claim.text, q, ev.text, e, ev.quantities)
        if theirs is not None:
            noun = theirs.split()[0]
            return Conflict("quantity", f"claim says {noun} {q.text}; the evidence says {theirs}")
    return None
