"""What someone would not say: "Dorsza would not say whether the bank was likely to raise rates
again" is what "Dorsza declined to say whether another increase was likely then" says, and "the
hospital gave no date for the full recovery" what "did not say when the records would be back".

Wire stories close on what a source left open: declined to say, did not say, would not say, gave
no date, did not name them. A claim that says the same with its own "not" is read by the model as
a denial of the sentence. Here both are read as one statement when the one who kept silent is the
same (the claim's name in the sentence, or the sentence's "he", "she" or "it") and what they kept
to themselves shares the claim's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.coverage import same_saying
from verifier.lexicon import content_lemmas, lemma, said_in
from verifier.wording import same_pole

_SUBJECT = r"(?P<who>(?:[A-Z][\w'’.-]*\s+){0,4}?[A-Z][\w'’.-]*|[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
# The act of keeping silent, with what it kept silent about after it.
_SILENT = (
    r"(?:declined|refused)\s+to\s+(?:say|comment|give|disclose|name|specify|identify|reveal|confirm)"
    r"|(?:did|does|would|will)\s+not\s+(?:say|comment|give|disclose|name|specify|identify|reveal|confirm)"
    r"|(?:didn['’]t|wouldn['’]t|won['’]t)\s+(?:say|comment|give|disclose|name|specify|identify|reveal)"
    r"|(?:has|have)\s+not\s+(?:yet\s+)?(?:said|commented|given|disclosed|named|specified|identified|revealed)"
    r"|gave\s+no|has\s+given\s+no|offered\s+no|(?:had|made)\s+no\s+comment"
)
# The silence as the subject's own verb: a few plain words before it, or a second verb joined
# by "but"/"and" after what they did say ('Stamm said his party was "ready to govern" but did not
# say which parties …'); a new subject in between ("and Fennick did not say") is another speaker.
_WITHHELD = re.compile(
    rf"{_SUBJECT}(?:,[^,]{{1,80}},)?\s+(?:(?:[a-z]+\s+){{0,6}}?(?:but\s+|and\s+)?|[^.;]{{1,120}}?\s(?:but|and)\s+)"
    rf"(?P<act>{_SILENT})\b(?P<topic>[^.;]{{3,160}})"
)
_PRONOUNS = frozenset({"he", "she", "it", "they"})
# What someone will do, said of nothing in particular: "what she will do", "what its plans are".
_ANY_PLAN = frozenset({"do", "plan", "plans", "intention", "intentions", "next"})
# A silence about what someone will do: "whether she will sign", "when it would decide".
_TO_COME = re.compile(r"\b(?:whether|when|how|if)\b[^.;]{0,40}?\b(?:will|would|plans?\s+to|intends?\s+to)\b")
_ANY_ACT = re.compile(
    r"\bwhat\s+(?:he|she|it|they|the\s+\w+)\s+(?:will|would|(?:plans?|intends?|wants?)\s+to)\s+do\b"
    r"|\b(?:his|her|its|their)\s+(?:plans|intentions)\b"
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
# Words of the silence itself, not of what was left unsaid.
_ACT_WORDS = frozenset(
    "say said whether when how what which who comment give given disclose name specify identify "
    "reveal confirm detail details timetable date figure figures would could might may will another "
    "likely".split()
)


@lru_cache(maxsize=4096)
def _silences(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    found = []
    for m in _WITHHELD.finditer(text):
        topic = content_lemmas(m.group("topic")) - _ACT_WORDS
        found.append((m.group("who"), topic, m.group(0).strip()))
    return tuple(found)


def _question(said: str) -> str:
    m = re.search(r"\b(whether|when|how|what|which|who)\b", said)
    return m.group(1) if m else ""


def _of(said: str) -> frozenset[str]:
    m = re.search(r"\bof\s+(?:the\s+)?([^,;]{3,60})", said)
    return content_lemmas(m.group(1)) if m else frozenset()


def _shared(word: str, others: frozenset[str]) -> bool:
    """The word, its stem ("cut" / "cutting") or a word that says it ("raise" / "increase")
    among the other topic's words."""
    return said_in(word, others) or any(
        (len(word) >= 3 and o.startswith(word)) or same_saying(word, o) or same_pole(word, o) for o in others
    )


def _same_speaker(claimed: str, theirs: str) -> bool:
    """The sentence's pronoun, or a name word in common (a bare "The" before a common noun,
    "The company", names nobody)."""
    if theirs.lower() in _PRONOUNS:
        return True
    mine = {w.lower() for w in claimed.split()} - _DETERMINERS
    return bool(mine & ({w.lower() for w in theirs.split()} - _DETERMINERS))


def withheld_alike(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's words, the sentence's) when both say the same person or body kept silent
    about the same thing: the same question, and a word of what was left unsaid in common."""
    for who, topic, said in _silences(claim):
        if not topic:
            continue
        for their_who, their_topic, their_said in _silences(sentence):
            if not _same_speaker(who, their_who):
                continue
            if their_topic <= _ANY_PLAN and _ANY_ACT.search(their_said) and _TO_COME.search(said):
                # "has not said what she will do" leaves open whatever she might do: "whether she
                # will sign the pension law" among it.
                return said, their_said
            if not their_topic:
                continue
            # The same question, if both ask one ("whether" against "how" is another).
            if (q := _question(said)) and (their_q := _question(their_said)) and q != their_q:
                continue
            # Of whom or what: "an age breakdown of the deaths" is not one "of the people admitted".
            of, their_of = _of(said), _of(their_said)
            if of and their_of and not any(_shared(w, their_of) for w in of):
                continue
            if any(_shared(w, their_topic) for w in topic):
                return said, their_said
    return None


# A claim that someone said, confirmed or named what a sentence says they would not: "Brekke
# confirmed the talks with Nordvik Kabel" against "Brekke declined to confirm reports of talks with
# Nordvik Kabel".
_SPOKE = re.compile(
    rf"^{_SUBJECT}(?:,[^,]{{1,80}},)?\s+(?P<act>commented|confirmed|named|identified|disclosed|revealed|"
    r"specified)\b(?P<topic>[^.;]{3,160})"
)


def spoke_against_silence(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's words, the sentence's) when the claim has someone comment on, confirm or name
    what the sentence says the same person would not, with a word of it in common."""
    m = _SPOKE.match(claim.strip())
    if m is None:
        return None
    act = lemma(m.group("act"))
    topic = content_lemmas(m.group("topic")) - _ACT_WORDS
    if not topic:
        return None
    for their_who, their_topic, their_said in _silences(sentence):
        # Not commenting, or not saying, keeps back a confirmation or a name too.
        if not _same_speaker(m.group("who"), their_who) or not re.search(
            rf"\b(?:{act}|comment|say)\b", their_said.lower()
        ):
            continue
        if any(_shared(w, their_topic) for w in topic):
            return m.group(0).strip(), their_said
    return None
