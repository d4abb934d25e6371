"""Which thing went which way: the rise/fall words of a sentence, each with the words naming
what moved ("Prescriptions by family doctors rose 9% in 2024, although sales of antibiotics for
livestock fell 4%" says prescriptions rose and sales fell).

:mod:`verifier.wording` reads a direction over a whole sentence, so a sentence that says both
ways is left unread, and one that says the other way of something else reads as a
contradiction. Here each direction word keeps what moved:

- a verb used without an object moves what comes before it, back to the clause's start
  ("the share of children under 15 fell");
- a verb with an object moves the object ("the government reduced its grant per student"),
  and the words before it name who did it;
- a noun moves what follows "in" ("an 18% rise in third-quarter net profit");
- ", down from 74%" moves what the clause before the comma names.

No change ("held its key rate at 5.25%", "unemployment was unchanged") is a third way a figure
goes, and a decision ("rejected an approach", "would recommend the new offer") is read of its
object on an axis of its own.

The claim's one direction word is read against the sentence's direction word whose mover
repeats most of the claim's mover; only a clear match is read (:func:`read_against`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from verifier.lexicon import MONTHS, PLACING, STOPWORDS, TOKEN_RE, WEEKDAYS, lemma
from verifier.wording import FALL_WORDS, RISE_WORDS

# The rise/fall axis of :mod:`verifier.wording`, less "high" and "low" (which here name levels,
# "a high rate", more than changes), plus verbs of change that take an object ("lifted",
# "slashed", "trimmed") and a past participle the lemmatiser leaves alone ("grown", "shrunk").
# "up"/"down" and "higher"/"lower" are read only where they say a change (:func:`_says_change`).
# Not "double" or "triple", which the wording axis reads as a rise but which also say how much
# ("more than double the 2024 audience"); read as movers they took the place of the move a
# claim is about ("if the council doubles its budget, it'd raise the success rate").
_RISE = (RISE_WORDS - {"high", "double", "triple"}) | {"grown", "enlarge", "lift", "hike"}
_FALL = (FALL_WORDS - {"low"}) | {"shrunk", "slash", "trim", "halve", "ease"}
_BARE = frozenset({"up", "down", "higher", "lower"})
# No change, the third way a figure can go: "froze its fees", "unemployment was unchanged",
# "held its key rate at 5.25%", "kept rates on hold". A claim of a rise or fall is contradicted
# by it, and the reverse.
STEADY = 2
_FROZE = frozenset({"freeze", "froze", "frozen", "freezes", "freezing"})
_STILL = frozenset({"unchanged", "steady", "flat", "stable"})
_COPULAS = frozenset("was were is are be been remained remains remain stayed stays stay".split())
_NO_CHANGE_AFTER = frozenset("off over into onto out asleep ill apart behind through short".split())
_STANDS = frozenset("stand stands stood standing".split())  # "stood at 5.8%": a level, not what
_HOLDS = frozenset(
    "held hold holds holding kept keep keeps keeping left leave leaves maintained maintain maintains".split()
)
# Verbs that take an object: "raised its forecast", "cut the deficit", "reduced its grant".
_TRANSITIVE = frozenset(
    "increase raise boost expand widen enlarge lift hike strengthen accelerate grow "
    "decrease cut reduce lower weaken narrow slash trim halve ease slow shrink freeze froze".split()
)
# Nouns of change: "a rise in cases", "an 18% rise in net profit".
_NOUNS = frozenset(
    "rise increase growth jump surge gain rebound boost hike fall decrease decline drop dip slump "
    "plunge cut".split()
)
_DETERMINERS = frozenset("a an the its their his her this that our".split())
# Where a mover's words stop: the figure's own prepositions and the clause's joints.
_STOPS = frozenset(
    "to by from in on at during after before since against with than as into until over "
    "while whereas but although though because when which who where and or".split()
)
# When, not what: "narrowed last year" has no object, and two movers that share only "year"
# are not one thing.
_TIME = (
    frozenset(
        "year years month months week weeks day days quarter quarters decade decades annual annually "
        "yearly monthly quarterly last next this today yesterday again further sharply slightly "
        "steadily".split()
    )
    | frozenset(MONTHS)
    | WEEKDAYS
)
_JOINTS = frozenset("while whereas but although though because when which who where whose".split())
# "make up", "shut down", "set up" are no change; "went up", "came down" are.
_GOES = frozenset("go went gone goes going come came comes move moved moves".split())
_PHRASAL = frozenset("make set take pick shut step break turn back sign look put".split()) | _GOES
_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_MOST = 8


@dataclass(frozen=True)
class Move:
    """One direction word: ``pole`` 0 is up, 1 down, 2 (:data:`STEADY`) no change; ``mover``
    the content lemmas naming what moved, ``agent`` those naming who moved it (a verb with an
    object only)."""

    word: str
    pole: int
    mover: frozenset[str]
    agent: frozenset[str]
    named: str = ""  # the mover as the text says it: "prescriptions by family doctors"
    axis: int = 0  # 0: how a figure went; ACTS: a decision taken on something


def _pole(word: str) -> int | None:
    if word in _FROZE:
        return STEADY
    forms = {word, lemma(word)}
    if forms & _RISE:
        return 0
    if forms & _FALL:
        return 1
    return None


def _items(text: str) -> list[str]:
    """Lower-case words, with "|" where a clause or phrase breaks (punctuation, "while")."""
    out: list[str] = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        if _BREAK.search(text[pos : m.start()]):
            out.append("|")
        w = m.group().lower().rstrip(".")
        if m.group()[0].isupper() and out and out[-1] != "|" and _pole(w) is not None:
            w += "_"  # a name mid-sentence: "Trim28", "Rise Against"
        out.append("|" if w in _JOINTS else w)
        pos = m.end()
    return out


def _words(span: list[str]) -> int:
    """Words that count toward :data:`_MOST`: not figures, nor the "s" of "under-15s"."""
    return sum(1 for w in span if w[0].isalpha() and len(w) > 1)


def _said(words: list[str]) -> str:
    """The span as said, less the joints and figures at its ends ("of patients … in 2024")."""
    words = [w.rstrip("_") for w in words if w != "|"]
    while words and (words[0] in STOPWORDS or words[0][0].isdigit() or words[0] in _STOPS):
        words = words[1:]
    while words and (words[-1] in STOPWORDS or words[-1][0].isdigit() or words[-1] in _STOPS):
        words = words[:-1]
    return " ".join(words)


def _content(words: list[str]) -> frozenset[str]:
    return frozenset(
        lemma(w)
        for w in words
        if w != "|"
        and w[0].isalpha()
        and len(w) > 1
        and w not in STOPWORDS
        and w not in _TIME
        and w not in _COPULAS
        and w not in _STANDS
        and _pole(w) is None
    )


def _says_change(items: list[str], i: int) -> bool:
    """Is a bare "up"/"down"/"higher"/"lower" a change ("down from 74%", "was up 3%", "22%
    higher") rather than a phrase ("make up", "shut down", "lower house")?"""
    after = items[i + 1] if i + 1 < len(items) else ""
    before = items[i - 1] if i else ""
    if lemma(before) in _PHRASAL:
        return before in _GOES
    return (
        after in {"from", "to", "by", "than"}
        or after[:1].isdigit()
        or before[:1].isdigit()
        or (
            before in {"was", "were", "is", "are", "be", "been", "|"}
            and after in {"|", "on", "in", "sharply"}
        )
    )


# Words after which a verb's base form is still a verb: "will rise", "did not fall", "they rise".
_VERB_BEFORE = frozenset(
    "will would could can may might should must shall to not did does do and or then also "
    "i we you they".split()
)


def _compound(items: list[str], i: int) -> bool:
    """Is the change noun at ``items[i]`` the last word of a compound ("sea level rise", "a price
    increase is expected"), not a verb? A singular noun before a bare "rise" leaves no verb to
    agree with it; "prices rise" and "cut" (a past form too) are verbs."""
    w, before = items[i], items[i - 1] if i else "|"
    return (
        w in _NOUNS - {"cut"}
        and before[:1].isalpha()
        and not before.endswith(("s", "ly"))
        and before not in _VERB_BEFORE
        and before not in STOPWORDS
        and _pole(before) is None
    )


def _left(items: list[str], i: int) -> list[str]:
    """The words before ``items[i]`` back to the clause's start, another direction word or
    :data:`_MOST` words; a ", down from …" reaches over its comma into the clause before."""
    j = i - 1
    if j >= 0 and items[j] == "|" and (items[i] in _BARE or items[i] in _STILL):
        j -= 1
    out: list[str] = []
    while j >= 0 and items[j] != "|" and _words(out) < _MOST and _pole(items[j]) is None:
        out.append(items[j])
        j -= 1
    return out[::-1]


def _right(items: list[str], i: int, skip_first: bool) -> list[str]:
    """The words after ``items[i]`` up to a preposition, a break or another direction word;
    ``skip_first``: past the "in" of "a rise in cases"."""
    j = i + 1
    if skip_first and j < len(items) and items[j] in {"in", "of"}:
        j += 1
    out: list[str] = []
    while j < len(items) and items[j] not in _STOPS and items[j] != "|" and _words(out) < _MOST:
        if _pole(items[j]) is not None and items[j] not in _BARE:
            break
        out.append(items[j])
        j += 1
    return out


# A decision on something, said of its object: "urged shareholders to reject the new offer"
# against "rejected an approach in October … would recommend the new offer".
ACTS = 1
# A judgement of something is read so too: "praised the organisers" / "criticised the organisers".
_JUDGEMENTS = {
    "praise": 0, "welcome": 0, "commend": 0,
    "criticise": 1, "criticize": 1, "condemn": 1, "oppose": 1,
}  # fmt: skip
_DECISIONS = {
    "approve": 0, "accept": 0, "recommend": 0, "endorse": 0, "agree": 0,
    "reject": 1, "refuse": 1, "veto": 1,
    **_JUDGEMENTS,
}  # fmt: skip


def _decision(items: list[str], i: int) -> Move | None:
    """The decision verb at ``items[i]`` with its object, or None."""
    verb = lemma(items[i])
    pole = _DECISIONS.get(verb)
    if pole is None:
        return None
    # "agreed to the opposition's demand": what was agreed to follows its "to"; agreeing that
    # something is so, or with someone, decides nothing.
    if verb == "agree" and items[i + 1 : i + 2] != ["to"]:
        return None
    span = _right(items, i + 1 if verb == "agree" else i, False)
    if verb in _JUDGEMENTS and "for" in span:
        span = span[: span.index("for")]  # "criticised the organisers for sending the race": why
    if not _content(span):
        return None
    return Move(items[i], pole, _content(span), _content(_left(items, i)), _said(span), ACTS)


def _held(items: list[str], i: int) -> int | None:
    """Where the object of "held its key rate at 5.25%", "left rates unchanged", "kept rates on
    hold" ends, when ``items[i]`` is such a verb of holding; None otherwise ("held talks")."""
    if items[i] not in _HOLDS:
        return None
    for j in range(i + 2, min(len(items), i + 8)):
        w = items[j]
        if w == "|" or (_pole(w) is not None and w not in _BARE):
            return None
        if w in _STILL or (w == "on" and items[j + 1 : j + 2] == ["hold"]):
            return j
        if w == "at" and items[j + 1 : j + 2] and items[j + 1][0].isdigit():
            return j
    return None


@lru_cache(maxsize=8192)
def moves(text: str) -> tuple[Move, ...]:
    """The rise/fall words of ``text``, each with what moved."""
    items = _items(text)
    out: list[Move] = []
    for i, w in enumerate(items):
        held = _held(items, i)
        if held is not None:
            span = items[i + 1 : held]
            agent = _content(_left(items, i))
            out.append(Move(w, STEADY, _content(span), agent, _said(span)))
            continue
        if w in _STILL and i and items[i - 1] in _COPULAS:
            span = _left(items, i - 1)  # "Unemployment was unchanged", "prices remained flat"
            out.append(Move(w, STEADY, _content(span), frozenset(), _said(span)))
            continue
        if (
            w in _STILL
            and i
            and items[i - 1] == "|"
            and i + 1 < len(items)
            and items[i + 1] in {"from", "at"}
        ):
            span = _left(items, i)  # "Unemployment stood at 5.8% in June, unchanged from May"
            out.append(Move(w, STEADY, _content(span), frozenset(), _said(span)))
            continue
        decided = _decision(items, i) if w != "|" else None
        if decided is not None:
            out.append(decided)
            continue
        pole = _pole(w) if w != "|" else None
        if pole is None or (w in _BARE and not _says_change(items, i)):
            continue
        if w.endswith("est") and lemma(w) != w:
            continue  # "the narrowest margin", "the weakest growth": a rank, not a move
        if "than" in items[i + 1 : i + 3]:
            continue  # "higher than Vietnam": which side is named first is not read
        if i + 1 < len(items) and items[i + 1] in _NO_CHANGE_AFTER:
            continue  # "fell off his skateboard", "fell ill", "cut off": no figure moved
        before = items[i - 1] if i else "|"
        after = items[i + 1] if i + 1 < len(items) else "|"
        base = lemma(w)
        noun = (
            base in _NOUNS
            and w == base
            and (before in _DETERMINERS or before[:1].isdigit() or after in {"in", "of"})
        )
        if noun:
            span = _right(items, i, True)
            out.append(Move(w, pole, _content(span), frozenset(), _said(span)))
            continue
        if _compound(items, i):
            continue
        span = _right(items, i, False)
        obj = _content(span)
        has_object = after in _DETERMINERS or bool(obj) and after not in _TIME
        takes_object = base in _TRANSITIVE and w not in _BARE and has_object
        # "raised its forecast … and cut its forecast for growth": who cut it is who raised it.
        inherit = before == "and" and bool(out)
        if takes_object:
            left = out[-1].agent if inherit and out[-1].agent else _content(_left(items, i))
            out.append(Move(w, pole, obj, left, _said(span)))
        elif inherit and not out[-1].agent:
            out.append(replace(out[-1], word=w, pole=pole))  # "rose in May and fell in June"
        else:
            span = _left(items, i)
            out.append(Move(w, pole, _content(span), frozenset(), _said(span)))
    return tuple(out)


def contrast(read: tuple[Move, Move]) -> str:
    """ "claim says 'fell'; the evidence says 'rose' of 'prescriptions by family doctors'"."""
    mine, theirs = read
    return f"claim says '{mine.word}'; the evidence says '{theirs.word}' of '{theirs.named}'"


def _head(named: str) -> str:
    """The noun a mover's words are about: the last content word before a placing phrase
    ("spending on maintenance" → "spend"), else the last one ("pellara grid's profits" →
    "profit"); "" where none."""
    words = [w for w in re.findall(r"[a-z][a-z-]*", named.lower()) if w != "s"]
    cut = next((i for i, w in enumerate(words) if i and w in PLACING), len(words))
    content = [w for w in words[:cut] if w not in STOPWORDS and w not in _TIME]
    return lemma(content[-1]) if content else ""


def _by_head(mine: Move, theirs: list[Move]) -> Move | None:
    """The sentence's one move of the claim mover's head noun, where every move of it goes
    one way and the words it names are all the claim's: "Pellara Grid's spending on
    maintenance fell 23%, while its profits rose" says the grid's profits rose."""
    head = _head(mine.named)
    if not head:
        return None
    hits = [m for m in theirs if head in m.mover]
    if not hits or len({m.pole for m in hits}) != 1:
        return None
    if any(not m.mover or _head(m.named) == head for m in theirs if m not in hits):
        return None  # a move of something unnamed ("… but rose in Asia") may be the claim's
    best = max(hits, key=lambda m: len(mine.mover & m.mover))
    return best if best.mover <= mine.mover else None


def read_against(claim: str, sentence: str, least: int = 2) -> tuple[Move, Move] | None:
    """The claim's one direction word and the sentence's direction word said of the same
    thing: the one whose mover repeats the most of the claim's mover, at least ``least`` words
    and half of them, where no word of the other direction repeats as many, and who moved it
    does not differ. None where the claim says no direction, or more than one, or the match
    is not clear. The caller compares the two poles."""
    said = moves(claim)
    if len(said) != 1 or not said[0].mover:
        return None
    mine = said[0]
    best: dict[int, tuple[int, Move]] = {}
    theirs_all = [
        m
        for m in moves(sentence)
        if m.axis == mine.axis
        # another body raised or cut it: "the university said it would increase"
        and not (mine.agent and m.agent and not mine.agent & m.agent)
    ]
    owned = _by_head(mine, theirs_all)
    if owned is not None:
        return mine, owned
    for m in theirs_all:
        shared = len(mine.mover & m.mover)
        if shared > best.get(m.pole, (-1, m))[0]:
            best[m.pole] = (shared, m)
    if not best:
        return None
    top = max(best.values(), key=lambda x: x[0])
    shared, theirs = top
    rival = max((n for pole, (n, _) in best.items() if pole != theirs.pole), default=-1)
    # One word is enough where it is all either side names and the sentence moves nothing else
    # ("Unemployment rose" / "Unemployment stood at 5.8%, unchanged from May").
    alone = shared == 1 and mine.mover == theirs.mover and len(moves(sentence)) == 1
    if (shared < least and not alone) or 2 * shared < len(mine.mover) or rival >= shared:
        return None
    return mine, theirs


# Words just before a direction word that leave it unsaid: planned, forecast, asked, doubted
# or denied ("will raise its fees", "whether handling fees rise", "is expected to fall", "did not
# cut"). A "to" just before does too: "plans to raise", "agreed to cut", "the decision to lift".
_UNSAID = frozenset(
    "will would could may might should can must shall whether if unless not never no "
    "expect expects expected plan plans planned forecast forecasts predicted predicts".split()
)
_SHORT = ("n't", "n’t", "'d", "’d", "'ll", "’ll")  # "didn't", "we'd", "they'll"
_DENIED = re.compile(r"\brul(?:e|es|ed|ing)\s+out\b|\bden(?:y|ies|ied|ying)\b", re.IGNORECASE)


def asserted(text: str, move: Move) -> bool:
    """Does ``text`` say the move happened ("the regulator raised fees"), rather than that it
    will, may or might not ("ruled out any further rate increases")? Read in the few words
    before the direction word, within its clause."""
    if _DENIED.search(text):
        return False
    items = _items(text)
    if items[:1] in (["if"], ["unless"]):
        return False  # "If we double carbon dioxide, we'd only raise temperatures by a degree"
    for i, w in enumerate(items):
        if w != move.word:
            continue
        j = i
        while j > 0 and items[j - 1] != "|" and i - j < 4:
            j -= 1
        before = items[j:i]
        # "to" only just before: "plans to raise", not "fees paid to the council rose".
        if before[-1:] != ["to"] and not any(b in _UNSAID or b.endswith(_SHORT) for b in before):
            return True
    return False


def quoted(text: str, move: Move) -> str:
    """The sentence's own words for a move: "the success rate for applications dropped", or
    "'dropped' of 'the success rate'" where they are not one short stretch."""
    low = text.lower()
    at = re.search(rf"\b{re.escape(move.word)}\b", low)
    of = low.find(move.named) if move.named else -1
    if at is None or of < 0:
        return f"'{move.word}'"
    start, end = min(at.start(), of), max(at.end(), of + len(move.named))
    if end - start > 90:
        return f"'{move.word}' of '{move.named}'"
    return f"'{text[start:end]}'"


def same_actor(read: tuple[Move, Move]) -> bool:
    """Is a decision read of one body ("the growers' association accepted the government's
    compensation offer" / "the growers' association rejected the offer")? Then the words that
    only describe its object ("government's compensation") need not be repeated."""
    mine, theirs = read
    return mine.axis == ACTS and bool(mine.agent) and mine.agent <= theirs.agent


def moved_by_another(claim: str, sentence: str) -> bool:
    """Does the sentence have another body move what the claim's one move moves ("The
    government reduced the per-student grant" against "The university said it would increase
    its grant budget")? Then its direction says nothing of the claim's act."""
    said = moves(claim)
    if len(said) != 1 or not said[0].agent:
        return False
    mine = said[0]
    head = _head(mine.named)
    return any(
        m.axis == mine.axis
        and m.agent
        and not mine.agent & m.agent
        and ((head and head in m.mover) or bool(mine.mover & m.mover))
        for m in moves(sentence)
    )
