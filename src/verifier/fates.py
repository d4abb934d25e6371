"""Whether a person lived: "The train's driver was killed in the derailment" against "The driver,
who survived with minor injuries, was questioned by police". Disaster stories name the people a
claim is most likely to get wrong (the driver, the captain, the pilot) by their role, and say
once, in a relative clause, that they lived or died; the claim turns that round.
"""

from __future__ import annotations

import re

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
