"""Who said it, read by the model: "Veldair chief executive Piet Danner said the airspace would
stay closed until ash readings fell" against '"… we will not reopen the airspace until the
readings fall," said Mara Holm, the head of SkyVel'.

:mod:`verifier.agents` catches a misattribution where the claim repeats the sentence's words;
a paraphrase falls under its coverage bar, and the entity check then reads the pair as
unrelated ("does not mention Piet Danner"). The model weighs names: it reads the pair above as
unknown (support 0.16), and the same claim said of Mara Holm as stated (0.78). So each person
the sentence has speak or act is put in the claim's person's place, and the model is asked
again: a claim the sentence states of someone else, and of no one it names as the claimed
person, is a misattribution. This module finds the people and writes the claims; the judge
(:class:`verifier.modeljudge.ModelJudge`) runs the model.
"""

from __future__ import annotations

import re

from verifier.agents import PERSON, SAY, TITLES, Agent, claim_agent, introduced, is_person
from verifier.entities import entity_present
from verifier.facts import Facts

# The model's support for the claim said of the sentence's person must clear this: the claim is
# then more likely stated than not. Not tuned: the even odds of the model's own reading.
STATED = 0.5
# Few sentences name more than three people who speak or act; each costs one more model pair.
_MOST = 3
# "… ," he said': the sentence's speaker is one the story named before, maybe the claimed person.
_PRONOUN_SAYS = re.compile(
    # Not "said he would appeal", where the pronoun is in what was said.
    rf"\b(?:he|she|they|we|I)\s+(?:had\s+|has\s+|would\s+)?{SAY}\b|\b{SAY}\s+(?:he|she|they)\s*[.,;]"
    r"|^(?:He|She|They)\b"
)
# '"… ," Calder told reporters', "said Calder" or "but Esterhal said": a surname alone, in a
# speaker's place (after a lower-case word, not opening the sentence).
_SURNAME_SAYS = re.compile(
    rf"[\"”],?\s+(?P<a>[A-Z][a-z'’]+)\s+{SAY}\b|\b{SAY}\s+(?P<b>[A-Z][a-z'’]+)\b(?!\s+[A-Z])"
    rf"|(?<=[a-z,;] )(?P<c>[A-Z][a-z'’]+)\s+{SAY}\b"
)
# A name in a speaker's place is a person's: "said Dr. Mirela Szanto, a neurologist …",
# "Mara Holm, the head of SkyVel, said".
_SAID_BEFORE = re.compile(rf"\b{SAY}\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")
_SAYS_AFTER = re.compile(rf"(?:,[^,]{{1,80}},)?\s+{SAY}\b")
# "Oskar Breyde did not back the rate hike": that someone else did not either leaves it open.
_NEGATED_ACT = re.compile(
    r"^(?:(?:do|does|did|has|have|had|is|was|were|will|would|could|can)(?:n['’]t|\s+not)|never)\b"
)
_NOT_SURNAME = frozenset({"It", "This", "That", "The", "There", "One", "A", "An", "In", "On", "At", "But"})
# A place's first word, which agents' body words leave out ("Port Vendrel", "Mount Tarrek").
_PLACE = frozenset("port mount lake cape fort saint st north south east west new upper lower".split())


def people(ev_text: str) -> list[str]:
    """The people a sentence names (two or three capitalised words that name no body or
    place, shown to be a person by a title, a role or a post), then any surname in a speaker's
    place, in order. Only people: read in the claim's place, a stadium or a town would leave
    the rest of the claim to be stated ("Breska's Kessmark Stadium stopped two penalties")."""
    found: list[str] = []
    for m in re.finditer(PERSON, ev_text):
        words = m.group(0).split()
        while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        name = " ".join(words)
        if (
            is_person(name)
            and words[0] not in _NOT_SURNAME
            and words[0].lower() not in _PLACE
            and not any(w.endswith(("'s", "’s")) for w in words)
            and (
                introduced(ev_text, m.start(), m.end())
                or _SAID_BEFORE.search(ev_text[: m.start()])
                or _SAYS_AFTER.match(ev_text, m.end())
            )
        ):
            found.append(name)
    for m in _SURNAME_SAYS.finditer(ev_text):
        surname = m.group("a") or m.group("b") or m.group("c")
        if (
            surname not in _NOT_SURNAME
            and surname.lower() not in TITLES
            and is_person(surname)
            and not any(surname in n for n in found)
        ):
            found.append(surname)
    return list(dict.fromkeys(found))


def _subject(claim_text: str, agent: Agent) -> str:
    at = claim_text.find(agent.act)
    return claim_text[:at].lower() if at > 0 else ""


def reattributed(claim: Facts, ev: Facts, title: str = "") -> tuple[Agent, list[tuple[str, str]]] | None:
    """The claim's person, and for each person the sentence names in their place, (that
    person, the claim said of them); None where the question does not arise: the claim names
    no person who acts (or says the person did not act), the sentence names the claimed
    person (or gives the act to "he" or "she", who may be them), or it leaves out more of the
    claim than who did it."""
    agent = claim_agent(claim.text)
    if agent is None or _NEGATED_ACT.match(agent.act):
        return None
    # A name nothing shows is a person's may be a company's ("Norvane Shipping estimated"):
    # only where it says something, as people do.
    speaks = re.match(rf"(?:{SAY}|wrote)\b", agent.act) is not None
    if not agent.introduced and (len(agent.name.split()) < 2 or not speaks):
        return None
    if agent.name.split()[-1].lower() in ev.text.lower() or _PRONOUN_SAYS.search(ev.text):
        return None
    subject = _subject(claim.text, agent)
    # Word by word: a name read past its title ("Velmari Defence Minister Tomas Ruvik").
    missing = [e for e in claim.entities if not entity_present(e, ev, title)]
    if not subject or not all(all(w in subject for w in m.split()) for m in missing):
        return None
    mine = set(agent.name.split())
    others = [p for p in people(ev.text) if not mine & set(p.split())][:_MOST]
    if not others:
        return None
    return agent, [(p, f"{p} {agent.act.rstrip('.')}.") for p in others]
