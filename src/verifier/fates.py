"""What befell people, as disaster stories tell it.

- Whether a person lived: "The train's driver was killed in the derailment" against "The driver,
  who survived with minor injuries, was questioned by police" (:func:`other_fate_of`). Stories
  name the people a claim is most likely to get wrong (the driver, the captain, the pilot) by
  their role, and say once, in a relative clause, that they lived or died.
- What a count counts: "two firefighters were killed" is not answered by "about 1,350
  firefighters are battling the blaze" (:func:`other_fate`), nor "50 people were injured" by
  "Two people were killed and 17 injured" (:func:`fate_apart`).
"""

from __future__ import annotations

import re

from verifier.figures import Quantity
from verifier.lexicon import TOKEN_RE

# Died, or lived: what the claim says after its subject, and what the sentence says after its
# mention of the same person ("the captain, who survived", "the pilot was killed").
_DIED = (
    r"(?:(?:was|were)\s+(?:among\s+(?:those\s+killed|the\s+dead|the\s+victims)|killed|dead)"
    r"|died|perished|lost\s+(?:his|her|their)\s+li(?:fe|ves))"
)
_LIVED = (
    r"(?:survived|(?:was|were)\s+(?:unhurt|uninjured|unharmed|among\s+the\s+survivors|rescued\s+alive)"
    r"|escaped\s+(?:unhurt|uninjured|unharmed|alive))"
)
_FATE = rf"(?:(?P<died>{_DIED})|(?P<lived>{_LIVED}))\b"
# The claim's subject: "The train's driver", "The Serin Star's captain", "Captain Ivo Marn".
_CLAIM = re.compile(rf"^(?P<who>(?:[\w'’.-]+\s+){{0,5}}?[\w'’.-]+)\s+{_FATE}", re.IGNORECASE)
_OWNER = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s\s+(?P<head>[\w-]+)$", re.IGNORECASE)


_COUNTED = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds|thousands|"
    r"several|many|some|all|most|few)\b",
    re.IGNORECASE,
)


def _fate(m: re.Match[str]) -> str:
    return "died" if m.group("died") else "lived"


def other_fate_of(claim: str, sentence: str) -> tuple[str, str, str] | None:
    """(the person, what the claim says befell them, what the sentence says) when the sentence
    says the claim's person lived where the claim says they died, or the reverse; None
    otherwise. The person is the claim's subject: its head word (the role, or the surname)
    must be what the sentence says lived or died, and a possessor the sentence gives ("the
    ferry's captain") must be the claim's."""
    m = _CLAIM.match(claim.strip())
    if m is None:
        return None
    who = m.group("who").strip()
    if _COUNTED.search(who):
        return None  # "More than 140 people were rescued alive": a count, which figures settle
    owned = _OWNER.match(who)
    head = (owned.group("head") if owned else who.split()[-1]).lower()
    if len(head) < 3 or head in ("who", "they", "she", "he", "it"):
        return None
    said = re.compile(
        rf"(?<![\w-])(?:(?P<owner>[\w'’.-]+)['’]s\s+)?{re.escape(head)}\b(?:,\s+who\s+|\s+)(?:had\s+)?{_FATE}",
        re.IGNORECASE,
    )
    for e in said.finditer(sentence):
        if e.group("owner") and not (owned and e.group("owner").lower() in owned.group("owner").lower()):
            continue  # another ship's captain
        if _fate(e) != _fate(m):
            return who, _fate(m), _fate(e)
    return None


# What happened to the people a count counts: "two firefighters were killed" is not answered by
# "about 1,350 firefighters are battling the blaze", though both count firefighters.
_FATES = {
    "died": "death", "die": "death", "dies": "death", "dead": "death", "death": "death", "deaths": "death",
    "kill": "death", "killed": "death", "killing": "death", "fatalities": "death", "perished": "death",
    "injured": "injury", "injuries": "injury", "hurt": "injury", "wounded": "injury", "injuring": "injury",
    "missing": "missing", "arrested": "arrest", "detained": "arrest", "arrests": "arrest",
    "evacuated": "evacuation", "displaced": "evacuation",
}  # fmt: skip
_CLAUSE_END = re.compile(r"[,;:.()]|\d")


def _fates_in(text: str) -> set[str]:
    words = (w.lower().rstrip(".") for w in TOKEN_RE.findall(text))
    return {_FATES[w] for w in words if w in _FATES}


def fate_apart(claim_text: str, q: Quantity, ev_text: str, e: Quantity) -> bool:
    """Do the claim's figure and the sentence's say different fates of those they count, each
    in the clause right after it ("50 people were injured" against "Two people were killed and
    17 injured", "were rescued alive" against "34 people remained missing")? Then they count
    different people, whatever their unit."""

    def after(text: str, x: Quantity) -> set[str]:
        # "killing four people and injuring 11": a fate said right before the figure is its own,
        # and what follows it is the next figure's.
        lead = _FATE_BEFORE.search(text, max(0, x.start - 30), x.start)
        if lead is not None and lead.group(1).lower() in _FATES:
            return {_FATES[lead.group(1).lower()]}
        tail = text[x.end : x.end + 60]
        stop = _CLAUSE_END.search(tail)
        clause = tail[: stop.start()] if stop else tail
        return _fates_in(clause) | ({"rescue"} if _RESCUED.search(clause) else set())

    mine, theirs = after(claim_text, q), after(ev_text, e)
    return bool(mine) and bool(theirs) and not mine & theirs


# The verb of a fate right before a figure: "killing four", "injured at least 11".
_FATE_BEFORE = re.compile(r"\b(\w+)\s+(?:(?:at\s+least|about|some|nearly|almost|more\s+than)\s+)?$")
# Those brought out alive, against those still missing or dead ("143 survivors", "were rescued
# alive"); read only against another fate, since a count of the rescued is often told without
# the word ("pulled 143 people from the water").
_RESCUED = re.compile(r"\b(?:survivors?|survived|rescued|saved|alive)\b", re.IGNORECASE)


def other_fate(claim_text: str, q: Quantity, ev_text: str) -> bool:
    """Does the claim say what befell what it counts, in the clause after its figure ("two
    firefighters were killed"), while the sentence says nothing of that fate at all ("about
    1,350 firefighters are battling the blaze")? Then the two count different people."""
    after = claim_text[q.end : q.end + 60]
    stop = _CLAUSE_END.search(after)
    claimed = _fates_in(after[: stop.start()] if stop else after)
    return bool(claimed) and not (claimed & _fates_in(ev_text))
