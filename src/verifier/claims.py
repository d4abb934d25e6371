"""What of a claim is checked: without its attribution, and a compound claim part by part.

A claim as a user or a draft writes it often carries more than one checkable statement ("Solvex
will hire 2,000 workers in 2023 and was founded in 1987") or who said it ("…, officials said on
Monday"). Evidence sentences state one thing at a time, so each part is checked on its own and
the verdicts are combined (verifier.api): any part contradicted contradicts the claim; every
part supported supports it; otherwise it is unknown.
"""

from __future__ import annotations

import re

# Who said it is not what is claimed: "The US has 10,000 troops in Iraq, officials said on
# Monday" is checked as "The US has 10,000 troops in Iraq". A speaker left in would be a name
# or a day every sentence must repeat. Only a closing (or inserted) attribution with at most a
# short "when/where" after the verb is cut: "X said that ..." at the start may be what is
# claimed ("Coentrao stated that he would only play for Benfica"), and "according to X" is
# often the scope of a figure (Rotten Tomatoes' rating is not Metacritic's).
_SAY = (
    r"(?:said|says|told\s+\w+|reported|reports|announced|announces|added|adds|stated|"
    r"claimed|claims|confirmed|confirms|noted|notes|insisted|insists|warned|warns)"
)
# One to six words, none of which joins a clause or makes the verb passive ("1,550 cases
# have been confirmed" states the figure; nobody is quoted).
_SPEAKER = (
    r"(?:(?!(?:as|and|but|that|which|who|while|was|were|been|be|is|are|has|have|had)\b)[\w'’.-]+\s+){1,6}?"
)
_WHEN = r"(?:\s+(?:on|in|last|this|at|during|via|yesterday|today|earlier|late|early)\b(?:\s+[\w'’-]+){0,3})?"
_ATTRIBUTION_AFTER = re.compile(r"(?<!\d),\s+" + _SPEAKER + _SAY + _WHEN + r"\s*[.!]?\s*$", re.IGNORECASE)
_ATTRIBUTION_INSIDE = re.compile(r"(?<!\d),\s+" + _SPEAKER + _SAY + _WHEN + r"\s*,\s*", re.IGNORECASE)


def checkable(claim: str) -> str:
    """The claim without a closing or inserted attribution ("…, officials said on Monday")."""
    core = _ATTRIBUTION_INSIDE.sub(" ", _ATTRIBUTION_AFTER.sub("", claim)).strip()
    # Nothing left that states anything: keep what the user wrote.
    return core if len(core.split()) >= 3 else claim


# A second predicate sharing the first one's subject: "<subject> will hire 2,000 workers and was
# founded in 1987". Only auxiliaries (and a past tense on both sides) start a predicate here: a
# bare "and" also joins nouns ("cases and deaths", "Bosnia and Herzegovina"), which must stay.
_AUXILIARY = r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should)"
_PREDICATE = rf"(?:{_AUXILIARY}\b|(?:[a-z]+ed)\b)"
_COMPOUND = re.compile(
    rf"^(?P<subject>[^,;:]+?)\s+(?P<first>{_PREDICATE}[^;:]*?),?\s+and\s+(?P<second>{_PREDICATE}[^;:]+)$"
)


def parts(claim: str) -> list[str]:
    """The claim's statements: itself, or its subject with each of two predicates."""
    m = _COMPOUND.match(claim.strip())
    if not m:
        return [claim]
    subject, first, second = m.group("subject"), m.group("first"), m.group("second")
    both_past = first.split()[0].endswith("ed") and second.split()[0].endswith("ed")
    auxiliaries = re.match(_AUXILIARY + r"\b", first) and re.match(_AUXILIARY + r"\b", second)
    if (
        not (both_past or auxiliaries)
        or len(subject.split()) > 8
        or min(len(first.split()), len(second.split())) < 2
    ):
        return [claim]
    return [f"{subject} {first.rstrip(',')}", f"{subject} {second}"]
