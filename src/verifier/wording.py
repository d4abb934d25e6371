"""What the words around a figure or a claim say: which way something went ("rose to 4.2%"
against "fell to 4.2%", "approved" against "rejected", "went ahead" against "called off"), and
the figure words no reader turns into a figure ("doubled", "a decade"). Equal figures can still
disagree on these, so :class:`verifier.judge.FactJudge` reads them beside the values
:mod:`verifier.compare` compares. Whether a figure counts a whole or a part of one is in
:mod:`verifier.wholes`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from verifier.figures import Quantity
from verifier.lexicon import STOPWORDS, TOKEN_RE, lemma

# Opposite poles of one axis: a claim that says a figure "rose" where the sentence says it
# "fell" to the same value is contradicted, though every figure matches. Lemmas and the
# surface forms the lemmatiser gets wrong ("rose" is a flower to it, "won" a currency).
_AXES = (
    (
        frozenset(
            "rise rose risen increase grow grew climb jump soar surge gain raise up rebound expand boost "
            "higher high strengthen accelerate widen inflate speed_up double triple".split()
        ),
        frozenset(
            "fall fell fallen decrease decline drop shrink shrank slip plunge tumble slump sink dip down "
            "cut reduce lower low weaken decelerate slow narrow halve".split()
        ),
    ),
    # Converse verbs ("A bought X" is "X was sold to A"), so a passive sentence is not read.
    (frozenset({"buy", "bought", "acquire"}), frozenset({"sell", "sold"})),
    (frozenset({"open", "reopen"}), frozenset({"close", "shut"})),
    # A state that goes on, against one that has ended ("still makes" / "no longer makes").
    (frozenset({"still", "continue", "remain"}), frozenset({"no_longer", "cease", "discontinue"})),
    (
        frozenset({"approve", "accept", "agree", "comply"}),
        frozenset({"reject", "refuse", "turned_down", "voted_down", "defy"}),
    ),
    # Judgements of a decision or of someone: "praised the Lynx" / "criticised the Lynx".
    (
        frozenset({"praise", "welcome", "hail", "commend"}),
        frozenset({"criticise", "criticize", "condemn", "deplore", "oppose"}),
    ),
    (frozenset({"overestimate"}), frozenset({"underestimate"})),
    (frozenset({"admit", "confess"}), frozenset({"deny"})),
    (
        frozenset({"glad", "happy", "please", "delighted"}),
        frozenset({"sad", "sorry", "unhappy", "disappoint"}),
    ),
    # A score: "led by 15 points early in the third quarter" / "trailed by 15 points".
    (frozenset({"lead", "led"}), frozenset({"trail", "trailed"})),
    # A vote of confidence or a challenge: "survived a no-confidence motion" / "was defeated".
    (frozenset({"survive"}), frozenset({"defeat", "topple", "oust"})),
    # A state of emergency, a ban or a curfew: put in place, or lifted.
    (frozenset({"declare", "impose"}), frozenset({"lift"})),
    (frozenset({"improve"}), frozenset({"deteriorate", "worsen"})),
    # Talks taken up again, or broken off.
    (frozenset({"resume"}), frozenset({"break_off"})),
    # A date moved earlier, or later.
    (frozenset({"bring_forward"}), frozenset({"postpone", "delay"})),
    # A court's ruling on a law, licence or verdict: it stands, or it goes (lemmas: the
    # lemmatiser reads "upheld", "revokes", "quashed" right).
    # A recount or an appeal "confirms" what it does not overturn.
    (frozenset({"uphold", "confirm"}), frozenset({"overturn", "quash", "revoke", "annul", "struck_down"})),
    # A court's verdict on a defendant.
    (frozenset({"convict", "found_guilty"}), frozenset({"acquit"})),
    # An attempt that worked, or did not: "successfully placed it into orbit" / "failed to reach orbit".
    (frozenset({"succeed", "successfully"}), frozenset({"fail"})),
    # Money made or lost: "a loss of $3.4bn" is not "a profit of $3.4 billion".
    (
        frozenset({"profit", "profits", "surplus", "earn", "earned"}),
        frozenset({"loss", "losses", "deficit", "lose", "lost"}),
    ),
    # Results against what was expected: "beating analysts' forecasts" / "missed expectations".
    (frozenset({"beat_forecast"}), frozenset({"missed_forecast"})),
    # A race: "pulling clear of Chelimo in the final 5 kilometres" / "fell behind Chelimo".
    (frozenset({"pull_clear"}), frozenset({"fall_behind"})),
    # Traffic, a crowd, a load against the usual: "35% heavier than on a typical Monday".
    (frozenset({"heavier", "busier"}), frozenset({"lighter", "quieter"})),
    # The ends of a ranking: "the lowest among its neighbours" / "the highest".
    (frozenset({"highest"}), frozenset({"lowest"})),
    (frozenset({"strongest", "best"}), frozenset({"weakest", "worst"})),
    # A level against a mark: "closed 18.7% above their offer price" / "closed below it".
    (frozenset({"above"}), frozenset({"below"})),
    # A plan carried out, or not: "went ahead with his state visit" / "cancelled a planned visit".
    (
        frozenset({"go_ahead"}),
        frozenset({"cancel", "cancelled", "postpone", "call_off", "scrap", "scrapped"}),
    ),
)
POLE_WORDS = frozenset(w for axis in _AXES for pole in axis for w in pole)
# Axes whose poles follow one another in time: "declared a state of emergency" and "will lift
# it on Friday", "talks broke off" and "will resume on Monday" are both true. Read as opposed
# only where both sentences speak of the same time (both, or neither, of what will be).
_SEQUENCE = frozenset(i for i, axis in enumerate(_AXES) if axis[0] & {"declare", "resume", "bring_forward"})
_FUTURE = frozenset({"will", "would", "plans", "planned", "expects", "expected", "'ll"})
# Poles that also name what is measured ("a profit of", "the deficit"): left out of a sentence,
# they leave it about something else, unless it says the other pole.
MEASURE_POLES = frozenset({"profit", "profits", "surplus", "loss", "losses", "deficit"})
RISE_WORDS, FALL_WORDS = _AXES[0]
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:sold|bought|acquired|opened|closed)\b", re.I
)


# "its lowest since 2016": a level, against the other end ("the highest among its neighbours"),
# not a move ("output should rise"), though the lemmatiser reads it as "low".
_LEVELS = frozenset({"highest", "lowest", "strongest", "weakest", "best", "worst"})


@lru_cache(maxsize=16384)
def _poles_of(word: str) -> tuple[tuple[int, int], ...]:
    bare = word.rstrip(".,;:!?")
    forms = {bare} if bare in _LEVELS else {word, lemma(word)}
    if word.startswith(("high-", "low-")):
        forms.add(word.split("-", 1)[0])  # "high-risk" / "low-risk", "low-income" / "high-income"
    return tuple((a, p) for a, axis in enumerate(_AXES) for p, pole in enumerate(axis) if forms & pole)


def turned_round(word: str, others: frozenset[str]) -> bool:
    """Does ``others`` hold a word of the opposite pole to ``word`` ("fell" for "rose", "loss"
    for "profit")? Then the two say one thing turned round, not two things."""
    opposite = {(axis, 1 - pole) for axis, pole in _poles_of(word)}
    return any(found in opposite for other in others for found in _poles_of(other))


def same_pole(a: str, b: str) -> bool:
    """Do two words say the same way on one axis ("raise" / "increase", "cut" / "lower")?"""
    return bool(set(_poles_of(a)) & set(_poles_of(b)))


def unturned_measure(word: str, against: frozenset[str]) -> bool:
    """Is ``word`` a pole that names a measure ("profit") which ``against`` does not turn round
    ("loss")? Then a sentence that leaves it out is about another measure, and the word is not
    set aside as the direction a flipped claim changes."""
    return word in MEASURE_POLES and not turned_round(word, against)


def _poles(words: Sequence[str]) -> list[tuple[int, int]]:
    """(axis, pole) of each direction word in ``words`` (lower-case tokens)."""
    return [found for w in words for found in _poles_of(w)]


_TURN = frozenset({"turn", "turns", "turned", "turning"})
_GO = frozenset({"go", "goes", "went", "gone", "going"})
_CALL = frozenset({"call", "calls", "called", "calling"})
_STRIKE = frozenset({"strike", "strikes", "struck", "striking"})
_BREAK = frozenset({"break", "breaks", "broke", "broken", "breaking"})
_BRING = frozenset({"bring", "brings", "brought", "bringing"})
_VOTE = frozenset({"vote", "votes", "voted", "voting"})
_PULL = frozenset(
    {"pull", "pulls", "pulled", "pulling", "move", "moved", "moving", "moves", "broke", "break"}
)
_FALLING = frozenset({"fell", "fall", "falls", "falling", "fallen"})
_FALLEN = _FALLING | {"dropped", "drop", "slipped", "slip"}
_MAKE = frozenset({"make", "makes", "made", "making", "take", "takes", "took", "taking"})


def _two_word(first: str, second: str) -> str | None:
    """ "go_ahead" for "went ahead", "call_off" for "called off": the pole two words make."""
    second = second.rstrip(".,;:!?")
    if first in _GO and second == "ahead":
        return "go_ahead"
    if first in _CALL and second == "off":
        return "call_off"
    if first in _BREAK and second == "off":
        return "break_off"
    if first in _BRING and second == "forward":
        return "bring_forward"
    if first in _VOTE and second == "down":
        return "voted_down"
    if first == "found" and second == "guilty":
        return "found_guilty"
    if first in _PULL and second in ("clear", "ahead", "away"):
        return "pull_clear"
    if first in _FALLEN and second == "behind":
        return "fall_behind"
    if first in _MAKE and second == "up":
        return "make_up"  # "children make up 13.2%": a share, no rise
    if first in ("speed", "speeds", "speeded", "sped", "speeding") and second == "up":
        return "speed_up"
    return None


_BEAT = frozenset("beat beats beating exceeded exceeds exceeding topped topping surpassed surpassing".split())
_MISS = frozenset({"miss", "missed", "misses", "missing"})
_EXPECTED = frozenset("expectations forecast forecasts estimates estimate consensus".split())


def _forecast_verb(words: Sequence[str], i: int) -> str | None:
    """ "beat_forecast" or "missed_forecast" for "beating the average forecast", "missed
    analysts' expectations": the verb with what was expected within four words after it."""
    w = words[i]
    if (w in _BEAT or w in _MISS) and any(x.rstrip(".,;:") in _EXPECTED for x in words[i + 1 : i + 5]):
        return "beat_forecast" if w in _BEAT else "missed_forecast"
    return None


def joined_pole_words(claim_words: Sequence[str], ev_words: Sequence[str]) -> frozenset[str]:
    """The lemmas of the claim's poles of several words ("missed analysts' expectations": the
    verb and what was expected; "went ahead", "called off") where the sentence says a pole of
    the same axis: words a claim turned round changes, which the sentence need not repeat (or
    may paraphrase, "forecasts" for "expectations") to be about the same thing."""
    axes = {a for a, _ in _poles(_joined(ev_words))}
    bare = [w.rstrip(".,;:!?") for w in claim_words]
    out: set[str] = set()
    for i, w in enumerate(claim_words):
        joined = _forecast_verb(claim_words, i)
        if joined is not None:
            parts = {lemma(w)} | {
                lemma(x.rstrip(".,;:")) for x in claim_words[i + 1 : i + 5] if x.rstrip(".,;:") in _EXPECTED
            }
        elif i + 1 < len(bare) and (joined := _two_word(bare[i], bare[i + 1])) is not None:
            parts = {lemma(bare[i]), bare[i + 1]}
        else:
            continue
        if any(a in axes for a, _ in _poles_of(joined)):
            out |= parts
    return frozenset(out)


def turned_words(words: Sequence[str], against: frozenset[str] = frozenset()) -> frozenset[str]:
    """The lemmas of ``words`` that say a pole, the verb of a joined pole ("missed" of
    "missed expectations") among them: what a claim turned round changes. A pole that names
    a measure ("profit") counts only where ``against`` says the other pole ("loss")."""
    bare = [w.rstrip(".,;:!?") for w in words]
    nxt, prev = [*words[1:], ""], ["", *bare[:-1]]
    return frozenset(
        lemma(w)
        for i, w in enumerate(words)
        if ((w in POLE_WORDS or lemma(w) in POLE_WORDS) and not unturned_measure(lemma(w), against))
        or _forecast_verb(words, i) is not None
        or _two_word(w, nxt[i]) is not None
        or _two_word(prev[i], w) is not None
    )


_COPULA = frozenset({"be", "been", "being", "was", "were", "is", "are"})
_PRECIPITATION = frozenset({"rain", "rainfall", "snow", "snowfall", "hail", "sleet", "showers"})


def _joined(words: Sequence[str]) -> list[str]:
    """ "no longer", "turned (the offer) down" and "beat (analysts') forecasts" as one word, so
    that each is one pole."""
    out: list[str] = []
    for i, w in enumerate(words):
        if (joined := _forecast_verb(words, i)) is not None:
            out.append(joined)
            continue
        if w in _FALLING and any(x in _PRECIPITATION for x in out[-3:]):
            out.append("fell_as_rain")  # "300 millimetres of rain fell": weather, not a fall
            continue
        if w.rstrip(".,;:!?") in ("lost", "lose") and out and out[-1] in _COPULA:
            out.append("lost_passive")  # "480 jobs will be lost": jobs gone, not money lost
            continue
        if w == "longer" and out and out[-1] == "no":
            out[-1] = "no_longer"
            continue
        if out and (two := _two_word(out[-1], w)) is not None:
            out[-1] = two
            continue
        if w.rstrip(".,;:!?") == "down":
            turn = next((i for i in range(len(out) - 1, max(-1, len(out) - 4), -1) if out[i] in _TURN), None)
            if turn is not None:
                out[turn] = "turned_down"
                continue
            if out and out[-1] in _STRIKE:
                out[-1] = "struck_down"  # "struck down the law", not "down" as a direction
                continue
        out.append(w)
    return out


def opposed(
    claim_words: Sequence[str], ev_words: Sequence[str], acts_only: bool = False
) -> tuple[str, str] | None:
    """The claim's direction word and the sentence's opposite one, when on some axis each
    says one pole only and they differ ("rose" / "fell"); None otherwise. ``acts_only``: not
    the rise/fall axis, which a sentence often says of another figure than the claim's."""
    claim_words, ev_words = _joined(claim_words), _joined(ev_words)
    c, e = _poles(claim_words), _poles(ev_words)
    for a in {axis for axis, _ in c}:
        if acts_only and a == 0:
            continue
        if a > 0 and (_PASSIVE.search(" ".join(claim_words)) or _PASSIVE.search(" ".join(ev_words))):
            continue  # "X was sold to A" says "A bought X"
        if a in _SEQUENCE and _FUTURE.isdisjoint(claim_words) != _FUTURE.isdisjoint(ev_words):
            continue
        cp, ep = {p for x, p in c if x == a}, {p for x, p in e if x == a}
        if len(cp) == 1 and len(ep) == 1 and cp != ep:
            cw = next(w for w in claim_words if (a, *cp) in _poles_of(w))
            ew = next(w for w in ev_words if (a, *ep) in _poles_of(w))
            if _denied(claim_words, cw) != _denied(ev_words, ew):
                continue  # "was not convicted" is "was acquitted": the denial turns it back
            return cw.replace("_", " ").rstrip(".,;:!?"), ew.replace("_", " ").rstrip(".,;:!?")
    return None


_DENIALS = frozenset(
    {"not", "never", "no", "n't", "didn't", "wasn't", "weren't", "hasn't", "haven't", "won't"}
)


def _denied(words: Sequence[str], word: str) -> bool:
    """Is ``word`` denied by one of the three words before it ("was not convicted")?"""
    i = list(words).index(word)
    return not _DENIALS.isdisjoint(w.lower() for w in words[max(0, i - 3) : i])


def object_flip(claim_words: Sequence[str], ev_words: Sequence[str]) -> tuple[str, str] | None:
    """The claim's direction word and the sentence's opposite one said of the same object
    ("lower the minimum wage" against "… and to raise the minimum wage"), where the sentence may
    say the other way of other things ("cut the deficit")."""
    claim_words = _joined([w.rstrip(".") for w in claim_words])
    ev_words = _joined([w.rstrip(".") for w in ev_words])
    for i, w in enumerate(claim_words):
        for axis, pole in _poles_of(w):
            obj = [x for x in claim_words[i + 1 : i + 5] if x not in STOPWORDS][:2]
            if len(obj) < 2:
                continue
            said = []  # the direction words before each mention of the object
            for j in range(len(ev_words) - 1):
                if ev_words[j : j + 2] == obj:
                    before = [x for x in ev_words[max(0, j - 3) : j] if x not in STOPWORDS]
                    said += [(b, p) for b in before for a, p in _poles_of(b) if a == axis]
            # Any mention said the claim's way ("increases the heart rate, but lowers resting
            # heart rate") leaves it to the other checks.
            if said and all(p != pole for _, p in said):
                return w.replace("_", " "), said[-1][0].replace("_", " ")
    return None


def torn(claim_words: Sequence[str], ev_words: Sequence[str]) -> tuple[str, str, str] | None:
    """The claim's direction word and the sentence's two opposite ones, when the claim says one
    way and the sentence both ("the share of under-15s has grown" against "the over-65s' share
    is up ..., while the under-15s' fell"): which one is the claim's is not read."""
    claim_words, ev_words = _joined(claim_words), _joined(ev_words)
    c, e = _poles(claim_words), _poles(ev_words)
    for a in {axis for axis, _ in c}:
        cp, ep = {p for x, p in c if x == a}, {p for x, p in e if x == a}
        if len(cp) == 1 and len(ep) == 2:
            cw = next(w for w in claim_words if (a, *cp) in _poles_of(w))
            if cw in ev_words or lemma(cw) in {lemma(w) for w in ev_words}:
                continue  # the sentence repeats the claim's own word: "increases the rate, but lowers"
            if _nearest_pole(claim_words, ev_words, a) == next(iter(cp)):
                continue  # "Completions of new homes fell ..., as builders faced higher costs"
            first, second = (next(w for w in ev_words if (a, p) in _poles_of(w)) for p in (0, 1))
            return cw.replace("_", " "), first.replace("_", " "), second.replace("_", " ")
    return None


def _nearest_pole(claim_words: Sequence[str], ev_words: Sequence[str], axis: int) -> int | None:
    """The pole of the sentence's direction word whose six words before repeat most of the
    claim (its subject: "the share of children under 15 fell"); None on a tie."""
    content = {lemma(w) for w in claim_words if w not in STOPWORDS}
    scores: dict[int, int] = {}
    for i, w in enumerate(ev_words):
        for a, pole in _poles_of(w):
            if a == axis:
                shared = len(content & {lemma(x) for x in ev_words[max(0, i - 6) : i] if x not in STOPWORDS})
                scores[pole] = max(scores.get(pole, 0), shared)
    if len(scores) < 2 or scores[0] == scores[1]:
        return None
    return max(scores, key=lambda p: scores[p])


_COMPASS = re.compile(
    r"^[\s\w.]{0,14}?\b((?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern|erly|wards?)?\b",
    re.IGNORECASE,
)


def compass(text: str, q: Quantity) -> str:
    """The bearing right after a distance ("25 km northeast of Sarvano"): "northeast", or ""."""
    m = _COMPASS.match(text[q.end : q.end + 24])
    return m.group(1).lower().replace("-", "").replace(" ", "") if m else ""


def window(text: str, start: int, before: int = 6) -> list[str]:
    """The lower-case words just before a figure ("unemployment rate fell to"), not reaching
    back past another figure ("51 wins and 65 losses": nothing is said before 65)."""
    words = [t.lower() for t in TOKEN_RE.findall(text[max(0, start - 60) : start])][-before:]
    numbers = [i for i, w in enumerate(words) if w[0].isdigit()]
    return words[numbers[-1] + 1 :] if numbers else words


# A price a session "ended" or "finished" at is its close: "ended the session at $36.80" is
# "closed at $36.80", not the "opened at $38.50" before it.
SESSION_END = frozenset({"end", "ended", "ends", "finish", "finished", "finishes", "settle", "settled"})


def at_figure(words: list[str]) -> list[str]:
    """:func:`window`'s words with a session's end said as its close, where the figure is what it
    ended at ("ended the session at")."""
    if not words or words[-1] != "at":
        return words
    return ["closed" if w in SESSION_END else w for w in words]


# Figure words no reader turns into a figure ("doubled", "a decade", "hundreds of", "threefold",
# "half"): a claim that says one is not confirmed by a sentence that does not say it too ("The
# price doubled to $10" against "rose to $10 from $8"; "Profits fell by half" against "fell by
# 20%"). Capitalised only at the start: "Half Girlfriend" and "Century Link" are names. Not digits: those
# outside every figure read are mostly names too ("Chapter 3", "Fallout 76"), and evidence
# often leaves a title out.
_FIGURE_WORD = re.compile(
    r"\b(?:half|halv(?:ed|ing)|thirds|quarters|dozens|decades?|centur(?:y|ies)|hundreds|thousands|"
    r"millions|billions|doubl(?:ed|ing)|tripl(?:ed|ing)|quadrupl(?:ed|ing)|"
    r"(?:twice|thrice)(?=\s+(?:as|the|that|its|their|what)\b)|"
    r"[a-z]+fold|crores?|lakhs?)\b",
    re.IGNORECASE,
)


def unread_figures(
    text: str, read: Sequence[tuple[int, int]], units: frozenset[str] = frozenset()
) -> list[str]:
    """Figure words of ``text`` outside the ``read`` spans of its figures and dates, and not a
    figure's unit ("four decades")."""
    return [
        m.group()
        for m in _FIGURE_WORD.finditer(text)
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in read)
        and lemma(m.group()) not in units
        and (m.group()[0].islower() or _opens(text, m.end()))
    ]


def _opens(text: str, end: int) -> bool:
    """Is a capitalised figure word ``text[:end]`` the sentence's first word, with a lower-case
    one after it ("Hundreds of people", not the title "Half Girlfriend")?"""
    return not text[:end].split()[:-1] and re.match(r"\s+[a-z]", text[end:]) is not None


def says_too(text: str, word: str) -> bool:
    """Does ``text`` say this figure word too ("doubled" for "doubling")?"""
    stem = word.lower()[:5] if len(word) > 5 else word.lower()
    return re.search(rf"\b{re.escape(stem)}", text, re.IGNORECASE) is not None
