"""Who did or said it: "Police spokeswoman Annika Bors ordered security reviews at all 32 state
museums" against "Culture Minister Rosa Ellmann ordered security reviews at all 32 state-run
museums". The sentence repeats the act word for word with another person doing it, and never
names the claimed one: a misattribution, which the entity checks alone would only call
unrelated.

Only people are compared (two or three capitalised words, none of which names a club, company or
place), and only acts said with the same verb and most of the same words, so that two people who
both "said" something, or both did something ordinary, are not set against each other. A speech
verb is matched through what was said: the claim's words against the quote or report, the
speaker read from "said X", "X said" or "X told".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.coverage import same_saying
from verifier.lexicon import STOPWORDS, content_lemmas, said_in
from verifier.roles import POST_HEAD

# Words that make a run of capitalised words a club, company, body or place, not a person.
_NOT_PERSON = frozenset(
    "city united rovers athletic club fc bank group inc corp ltd plc airlines airline air motors mining "
    "ministry agency bureau institute university court council party union association foundation "
    "republic kingdom states county province region river island street national international "
    "pharma capital partners holdings energy foods brands the".split()
)
# Two or three words: roles.NAME takes up to four, which would swallow a title before the name
# ("Finance Minister Petr Halloway"), a post being what roles.py reads and this module sets aside.
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_PERSON = rf"{_WORD}(?:\s+(?:van|von|de|da|del|der|la|le|al|bin))?(?:\s+{_WORD}){{1,2}}"
_SAY = r"(?:said|says|told|tells|added|warned|stated|argued|insisted|called|described)"
# "<name>[, 58,| , who …,] <verb>": the claim's own subject.
_AUX = r"(?:will\s+|would\s+|has\s+|had\s+)?"
# "Arvelle's chief financial officer, Jonas Brekke, told": a name set off after its post closes
# with a comma of its own.
_SUBJECT = re.compile(
    rf"(?P<name>{_PERSON})(?:,\s+[^,]{{1,80}},|(?P<closed>,))?\s+(?P<rest>{_AUX}[a-z][\w'-]*\b.*)$"
)
_ANY_SAY = re.compile(rf"\b{_SAY}\b")
# "said ADAM president Henrik Olsen": a body's initials may come before the role.
_SPEAKER_AFTER = re.compile(
    rf"\b{_SAY}\s+(?:[A-Z]{{2,}}\s+)?(?:[a-z]+\s+){{0,3}}(?:[A-Z][a-z]+\s+){{0,2}}?(?P<name>{_PERSON})"
)
# A post or clause in apposition after a name: ", head of the miners' union,", ", who …,".
_POST = r",\s+(?:who|the|a|an|[a-z][\w-]*\s+of)\s+[^,]{1,100},"
# "<name>[, 58,| , who represents the workers,] said".
_SPEAKER_BEFORE = re.compile(
    # "Vesna Mirkov, head of the Tarsenian Farmers' Federation, said": a role in apposition.
    rf"(?P<name>{_PERSON})(?:,\s+(?:aged\s+)?\d+,|{_POST})?\s+{_SAY}\b"
)
# "Varga's coach, former doubles champion Dora Halasz, said": the name itself in apposition,
# after a post.
_SPEAKER_APPOSED = re.compile(rf",\s+(?:[a-z][\w'’-]*\s+){{0,4}}(?P<name>{_PERSON}),\s+{_SAY}\b")
# A charge is said: "X accused the company of using AI as cover" is what "Y said the company
# was using AI as a cover" says, by another speaker.
_CHARGE = re.compile(r"accused|criticised|criticized")
# A wire story names a speaker in full once, then by surname alone after each quote
# ('"We will do whatever is necessary," Dorsza said.'): one capitalised word right after the
# quote closes, not a pronoun. Only for a claim whose speaker is introduced as a person.
_SPEAKER_AFTER_QUOTE = re.compile(rf"[\"”],?\s+(?P<name>{_WORD})\s+{_SAY}\b")
_PRONOUNS = frozenset("he she it they we i you this that one".split())
_COPULA = frozenset({"is", "was", "are", "were", "be", "been", "being", "remains", "remained", "became"})
_MIN_WORDS = 3
_COVERAGE = 0.7


@dataclass(frozen=True)
class Agent:
    name: str
    act: str  # the claim's words after the name
    introduced: bool  # a title, role, age or post says the name is a person's


# Titles that may open a run of capitalised words before the name itself.
_TITLES = frozenset(
    "governor minister president justice judge mayor commander chancellor dr mr mrs ms prof director "
    "chief senator general captain coach inspector superintendent admiral colonel lieutenant sergeant "
    "commissioner professor bishop detective".split()
)


def _person(name: str) -> bool:
    return not any(w.lower() in _NOT_PERSON for w in name.split())


# Lower-case words before a name that are not a role ("said Tom Hale", "and Tom Hale").
_NOT_ROLE = STOPWORDS | frozenset(
    {"said", "says", "told", "added", "warned", "by", "with", "from", "against"}
)


def _introduced(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] shown to be a person: a title or a role before it
    ("Governor", "customs broker"), or an age or a post in apposition after it?"""
    # A post set off before the name counts too: "whose leader, Mara Lindt,".
    before = [w.rstrip(",") for w in text[:start].split()[-1:]] if start else []
    if before and before[0].isalpha() and before[0].islower() and before[0] not in _NOT_ROLE:
        return True
    if text[start:end].split()[0].lower().rstrip(".") in _TITLES:
        return True
    return (
        re.match(r",\s+(?:aged\s+\d+|\d+|(?:the\s+)?[a-z][\w'’-]*(?:\s+[\w'’-]+){0,6}),", text[end:])
        is not None
    )


def _bare(name: str) -> str:
    """The name without a title before it ("Governor Ilsa Drobnek" is Ilsa Drobnek)."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


_CLEFT = re.compile(
    r"^It\s+(?:was|is)\s+(?P<who>(?:[a-z]+\s+){0,3}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:who|that)\s+"
)


_ROLE_THEN_NAME = re.compile(
    rf"(?:[a-z][\w-]*\s+){{0,2}}(?:{POST_HEAD}|leader|founder|owner|head|official|executive|officer|"
    rf"lawyer|analyst|economist|adviser|advisor)\s+{_PERSON}\b"
)


@lru_cache(maxsize=4096)
def claim_agent(claim_text: str) -> Agent | None:
    """The person a claim says did or said something, with what they did."""
    # "It was finance director Mats Ekholm who told analysts …" names its subject for emphasis.
    claim_text = _CLEFT.sub(r"\g<who> ", claim_text.strip())
    for m in _SUBJECT.finditer(claim_text.rstrip(".")):
        name = m.group("name")
        before = claim_text[: m.start()].split()
        # The claim's subject: at its start, after at most a post or role ("Police spokeswoman").
        if len(before) > 4 or any(w.lower() in _NOT_ROLE for w in before):
            continue
        if m.group("closed") and not claim_text[: m.start()].rstrip().endswith(","):
            continue  # "Serrano Copper, whose …": only a name set off on both sides
        if _ROLE_THEN_NAME.match(m.group("rest")):
            # "Norrin Lines chief executive Paulo Verrick said": the body, its post, then the person.
            return claim_agent(claim_text[m.start("rest") :])
        if _person(name) and (m.start() == 0 or claim_text[m.start() - 1] == " "):
            verb = m.group("rest").split()[0]
            if verb in _COPULA:
                return None  # what someone is, not what they did
            return Agent(_bare(name), m.group("rest"), _introduced(claim_text, m.start(), m.end("name")))
    return None


def _covered(words: frozenset[str], text: str, least: int = _MIN_WORDS) -> bool:
    if len(words) < least:
        return False
    seen = content_lemmas(text)
    # A news synonym says the word too ("the decisive penalty" for "the match-winning penalty").
    said = sum(1 for w in words if said_in(w, seen) or any(same_saying(w, s) for s in seen))
    return said / len(words) >= _COVERAGE


def _other_speaker(agent: Agent, act: str, ev_text: str) -> str | None:
    """The one the sentence has say what the claim has ``agent`` say, or None."""
    if not _ANY_SAY.search(ev_text):
        return None
    if not _covered(content_lemmas(re.sub(r"^(?:that|reporters|\w+ that)\s+", "", act)), ev_text):
        return None
    for pattern in (_SPEAKER_AFTER, _SPEAKER_BEFORE, _SPEAKER_APPOSED):
        m = pattern.search(ev_text)
        if (
            m is not None
            and _person(m.group("name"))
            and (agent.introduced or _introduced(ev_text, m.start("name"), m.end("name")))
        ):
            return _bare(m.group("name"))
    m = _SPEAKER_AFTER_QUOTE.search(ev_text)
    if (
        agent.introduced
        and m is not None
        and m.group("name").lower() not in _PRONOUNS
        and _person(m.group("name"))
    ):
        return m.group("name")
    return None


def other_agent(claim_text: str, ev_text: str) -> tuple[str, str] | None:
    """(claimed person, the sentence's person) when the sentence has someone else do or say
    what the claim says, and does not name the claimed person."""
    agent = claim_agent(claim_text)
    if agent is None or agent.name.split()[-1].lower() in ev_text.lower():
        return None
    verb = agent.act.split()
    if verb[0] in ("will", "would", "has", "had") and len(verb) > 1:
        verb = verb[1:]
    act = " ".join(verb[1:])
    if re.fullmatch(_SAY, verb[0]) or _CHARGE.fullmatch(verb[0]):
        speaker = _other_speaker(agent, act, ev_text)
        if speaker is not None:
            return agent.name, speaker
        # A charge may also be made in the claim's own verb ("Petar Solvik … accused Drummel of
        # putting output ahead of safety"): read it as an act below.
        if not _CHARGE.fullmatch(verb[0]):
            return None
    # The same verb, right after another person (a post or an age may come between, and a
    # comma closing the name's own apposition: "whose leader, Attila Szalan, campaigned").
    if f" {verb[0]}" not in ev_text:
        return None  # one substring test spares the name pattern on most sentences
    pattern = re.compile(
        rf"(?P<name>{_PERSON})(?:,\s+(?:aged\s+)?\d+,|{_POST}|(?P<closed>,))?\s+{_AUX}{re.escape(verb[0])}\b(?P<act>.*)"
    )
    m = pattern.search(ev_text)
    if m is None or not _person(m.group("name")):
        return None
    if m.group("closed") and not ev_text[: m.start("name")].rstrip().endswith(","):
        return None  # "In May, Tom Hale, …": only a name set off by commas on both sides
    if not (agent.introduced or _introduced(ev_text, m.start("name"), m.end("name"))):
        return None
    # The act is what follows the verb in its own clause, not anything later in the sentence.
    clause = re.split(r";|,\s+(?:while|and|but|whereas)\b|\.\s", m.group("act"))[0]
    # The verb itself is one of the words repeated: "suspended the prison's governor" is three.
    if not _covered(content_lemmas(act), " ".join(clause.split()[: len(act.split()) + 8]), _MIN_WORDS - 1):
        return None
    return agent.name, _bare(m.group("name"))


# What verifier.speakers reads a sentence's people with.
PERSON, SAY, TITLES = _PERSON, _SAY, _TITLES
is_person, introduced = _person, _introduced


# Who won: "Dunmore City won this year's National Cup final" against "Harwick Rovers won the
# National Cup …, coming from behind to beat holders Dunmore City 2-1". A contest has one
# winner, and the sentence names the claimed one as beaten.
_NAMES = r"(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+the\s+)?[A-Z][\w'’.-]*){0,3}"
_WON = r"(?:won|wins|clinched|captured|secured|claimed)"
# One contest, not a career: "has won four grand slam titles" counts several.
# Keeping a title is winning it again: "Drammel City retained the Cup", "Halloran successfully
# defended her title".
_KEPT = (
    r"(?:(?:successfully\s+)?(?:retained|defended|kept)"
    r"(?=\s+(?:the|her|his|their|its)\s+(?:[\w'’-]+\s+){0,4}(?i:title|crown|cup|trophy|championship|belt)\b))"
)
# A role may come before the claimed winner: "Defending champion Ruth Chelimo won …".
_CLAIM_WIN = re.compile(
    rf"^(?:(?:[A-Z]?[a-z]+\s+)?[a-z]+\s+(?=[A-Z]))?(?P<name>{_NAMES})\s+(?:{_WON}|{_KEPT})\s+(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"many|more|most)\b)(?P<what>.+)$"
)
# Within one clause; a full stop before a figure ends nothing ("beating world No. 1 Halloran").
_GAP = r"(?:[^.;]|\.(?=\s*\d))"
_BEATEN = (
    r"(?:beat|beating|beats|defeated|defeating|defeat\s+of|against|ousting|unseating|edging|"
    r"thrashing|ending\s+the\s+[\w\s-]{0,30}?\s+of|runner-up|lost\s+to|losing\s+to|"
    r"pull(?:ing|ed)\s+clear\s+of|(?:finishing\s+|finished\s+)?ahead\s+of|outsprint(?:ing|ed))"
)


# "Torvane Rovers lost the Vellmar Cup final 3-1 to Port Linden City": the claim's loser and
# winner, against a sentence in which the claimed loser beat the claimed winner.
_CLAIM_LOST = re.compile(
    rf"^(?P<loser>{_NAMES})\s+(?:lost|were\s+beaten|was\s+beaten|fell)\b[^.;]{{0,80}}?\b(?:to|by)\s+"
    rf"(?:the\s+)?(?P<winner>{_NAMES})"
)
_BEAT = r"(?:beat|beats|defeated|defeats|edged|thrashed|overcame|overpowered|routed)"
# "Koltar beat Marsk to keep his title": the claim's winner, then its loser.
_CLAIM_BEAT = re.compile(
    rf"^(?P<winner>{_NAMES})\s+{_BEAT}\s+(?:the\s+)?(?:(?:defending|reigning)\s+\w+\s+)?(?P<loser>{_NAMES})"
)
# "… in both of their regular-season meetings": other games than the one a story reports.
_OTHER_MEETINGS = re.compile(
    r"\b(?:both|all|meetings?|games|matches|regular[- ]season|previous|earlier|group\s+stage|"
    r"last\s+(?:season|year|time)|in\s+(?:19|20)\d\d)\b"
)
_EV_BEAT = (
    re.compile(rf"(?P<a>{_NAMES})\s+{_BEAT}\s+(?:the\s+)?(?P<b>{_NAMES})"),
    # "Dalia Marsk of Ostravia became the youngest winner …, beating defending champion Yevgen
    # Koltar": the participle's subject is the clause's.
    re.compile(
        rf"(?P<a>{_NAMES})(?:\s+of\s+[A-Z][\w'’-]*)?\s+[a-z][^.;,]{{0,100}}?,\s+"
        rf"(?:beating|defeating|edging|thrashing|overcoming)\s+(?:[a-z]+\s+){{0,2}}(?P<b>{_NAMES})"
    ),
)


def winner_as_loser(claim_text: str, ev_text: str) -> tuple[str, str] | None:
    """(claimed loser, claimed winner) when the sentence has the claimed loser beat the claimed
    winner: "X lost ... to Y" or "Y beat X" against "X beat Y 3-1"."""
    m = _CLAIM_LOST.match(claim_text.strip())
    if m is None:
        m = _CLAIM_BEAT.match(claim_text.strip())
    if m is None or _OTHER_MEETINGS.search(claim_text, m.end()):
        return None
    loser, winner = m.group("loser").rstrip("."), m.group("winner").rstrip(".")
    met = [(w.group("a"), w.group("b")) for pattern in _EV_BEAT for w in pattern.finditer(ev_text)]
    if any(_same_name(a, winner) and _same_name(b, loser) for a, b in met):
        return None  # two meetings, one each way ("City beat Rovers in 2009, and Rovers beat City …")
    if any(_same_name(a, loser) and _same_name(b, winner) for a, b in met):
        return loser, winner
    return None


def _same_name(a: str, b: str) -> bool:
    """One name, said in full or in part ("Port Linden" / "Port Linden City")."""
    x, y = set(a.rstrip(".").split()) - {"The"}, set(b.rstrip(".").split()) - {"The"}
    return bool(x) and bool(y) and (x <= y or y <= x)


def other_winner(claim_text: str, ev_text: str) -> tuple[str, str] | None:
    """(claimed winner, the sentence's winner) when the sentence has someone else win the same
    contest and names the claimed winner as the one beaten."""
    m = _CLAIM_WIN.match(claim_text.strip().rstrip("."))
    if m is None:
        return None
    mine = m.group("name")
    what = content_lemmas(m.group("what")) - {"year", "new", "term"}
    if any(y not in ev_text for y in re.findall(r"\b(?:1[89]|20)\d\d\b", m.group("what"))):
        return None  # "won it in 2022 and 2023": another year's contest than the sentence's
    # "Lena Kovac of Brevland won …": the winner with where she is from.
    named = rf"{_NAMES}(?:\s+of\s+[A-Z][\w'’-]*)?"
    for w in re.finditer(rf"(?P<name>{named})(?:,[^,]{{1,80}},)?\s+{_WON}\s+(?P<what>{_GAP}*)", ev_text):
        theirs = w.group("name")
        if theirs.split()[-1] == mine.split()[-1] or theirs.split()[0] in ("The", "A", "It", "He", "She"):
            continue
        rest = w.group("what")
        beaten = re.search(rf"\b{_BEATEN}\b{_GAP}{{0,40}}?\b{re.escape(mine.split()[-1])}\b", rest)
        said = content_lemmas(rest)
        if beaten is not None and any(said_in(x, said) for x in what):
            person = re.split(r" of (?:the )?", theirs)[0]  # "Lena Kovac", not "Bank"
            return mine, person if len(person.split()) > 1 else theirs
    return None
