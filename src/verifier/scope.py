"""Scope: which figures, dates and ranks a negation, a change or a superlative speaks of.

A negation governs its own clause ("did not win in 2023"), not the clause beside it ("Nobody was
hurt in the fire, which destroyed 30 homes"); a count of nothing ("no deaths") is a denial
limited to what its clause names; a change's old value ("down from 5.1%") is not its new one;
a superlative ranked on one side only ("largest" against "second-largest") conflicts when both
speak of the same subject in the same scope. :class:`verifier.judge.FactJudge` asks these
questions of the facts :mod:`verifier.facts` reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.dates import DateMention
from verifier.facts import Facts, extract
from verifier.figures import Quantity
from verifier.lexicon import STOPWORDS, TOKEN_RE, lemma, said_in
from verifier.negation import negation_spans

SUPERLATIVE = (
    # Not "at least once" nor "most of the cars": a bound and a quantifier, no superlative.
    r"(?:(?<!\bat\s)(?:most|least)\s+(?!of\b|once\b|twice\b)[a-z]+|largest|biggest|smallest|highest|lowest|longest|shortest|tallest|oldest"
    r"|youngest|busiest|richest|poorest|fastest|slowest|deepest|heaviest|strongest|best|worst|greatest"
    r"|deadliest|costliest|hottest|coldest|warmest|wettest|driest)"
)
# One spelling per superlative, so that "the biggest airline" is ranked by "the second-largest".
_SAME_SUPERLATIVE = {"biggest": "largest", "costliest": "most expensive", "most deadly": "deadliest"}
_RANKED_SUPERLATIVE = re.compile(
    rf"\b(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))[\s-]+(?P<sup>{SUPERLATIVE})\b",
    re.IGNORECASE,
)
_BARE_SUPERLATIVE = re.compile(rf"\b(?P<sup>{SUPERLATIVE})\b", re.IGNORECASE)


# "One of the largest", "among the best": no rank. "Ranks #4 in the list of the largest", "the
# number 2 best-selling": a rank said another way, which the superlatives alone misread.
_ONE_OF = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}$", re.IGNORECASE)
_OTHER_RANK = re.compile(r"#\s*\d|\bnumber\s+\d|\bno\.\s*\d|\brank(?:s|ed|ing)?\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _superlatives(text: str) -> tuple[dict[str, str], set[str]]:
    """The ranked superlatives of a sentence ("second-largest": {"largest": "second-largest"}) and
    its bare ones ("the largest")."""
    found = list(_RANKED_SUPERLATIVE.finditer(text))
    ranked = {one_spelling(m.group("sup")): m.group() for m in found}
    spans = {m.span("sup") for m in found}
    bare = {
        one_spelling(m.group())
        for m in _BARE_SUPERLATIVE.finditer(text)
        if m.span() not in spans and not _ONE_OF.search(text, 0, m.start())
    }
    return ranked, bare


@lru_cache(maxsize=8192)
def superlative_words(text: str) -> frozenset[str]:
    """The lemmas of a text's superlatives ("biggest" → "big", "most visited" → "visit")."""
    return frozenset(
        lemma(w) for m in _BARE_SUPERLATIVE.finditer(text) for w in m.group().lower().split() if w != "most"
    )


def one_spelling(sup: str) -> str:
    sup = re.sub(r"\s+", " ", sup.lower())
    return _SAME_SUPERLATIVE.get(sup, sup)


def _find_superlative(text: str, sup: str) -> int:
    """Where the superlative (or another spelling of it) stands in the text, or -1."""
    if sup == "first":
        first = _FIRST.search(text)
        return first.start() if first else -1
    for m in _BARE_SUPERLATIVE.finditer(text):
        if one_spelling(m.group()) == sup:
            return m.start()
    return -1


def rank_conflict(claim: str, sentence: str) -> tuple[str, str] | None:
    """ "The largest glassmaker" against "the second-largest glassmaker", or "the third most
    visited" against "the most visited": the same superlative, ranked on one side only. Not
    "its heaviest defeat" against "its third defeat" (no shared superlative), nor a sentence that
    says both ("the largest, ahead of Voltra, the second-largest")."""
    if _OTHER_RANK.search(claim) or _OTHER_RANK.search(sentence):
        return None
    c_ranked, c_bare = _superlatives(claim)
    e_ranked, e_bare = _superlatives(sentence)
    for sup in c_bare - set(c_ranked):
        if (
            sup in e_ranked
            and sup not in e_bare
            and _same_subject(claim, sentence, sup)
            and _same_scope(claim, sentence, sup)
        ):
            return sup, e_ranked[sup]
    for sup, phrase in c_ranked.items():
        if (
            sup in e_bare
            and sup not in e_ranked
            and _same_subject(claim, sentence, sup)
            and _same_scope(claim, sentence, sup)
        ):
            return phrase, sup
    return None


_ALL_TIME = re.compile(r"\bever\b|\bhistory\b|\bon record\b|\bof all time\b|\ball[- ]time\b", re.IGNORECASE)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# "the deadliest since 1979", "its biggest cut since March 2020": a bound in time, before which
# there was a larger one. Not "since records began" or "since its founding", which are all time.
_SINCE = re.compile(
    rf"^[^,;:.!?]{{0,80}}?\b(since\s+(?:(?:early|late|mid|the)\s+)?(?:\d{{4}}|(?:{_MONTHS})\b(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+\d{{4}})?)"
    # "since Vaskor Telecom cut 2,000 positions in 2019": an earlier event, dated.
    r"|since\s+(?!records?\b)[A-Z](?:[^,;:.!?]|,(?=\d)){0,60}?\b(?:1[89]|20)\d\d\b"
    # "its first eruption in 37 years": a window, before which there was one.
    r"|in\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|a|a\s+few|several)\s+(?:years|decades|year|decade)\b)",
    re.I,
)


# "Shares fell to an all-time low", "a record high": the lowest or highest ever, said of a level.
_RECORD_LEVEL = re.compile(r"\b(?:an?\s+|the\s+)?(?:all[- ]time|record)\s+(high|low)s?\b", re.I)


def bounded_conflict(claim: str, sentence: str) -> tuple[str, str] | None:
    """ "The deadliest ferry disaster in Skarnia's history" against "the deadliest involving a
    ferry since 1979": the sentence bounds in time what the claim says of all time."""
    level = _RECORD_LEVEL.search(claim)
    if level is not None:
        claim = f"{claim[: level.start()]}the {level.group(1).lower()}est ever{claim[level.end() :]}"
    if not _ALL_TIME.search(claim):
        return None
    c_ranked, c_bare = _superlatives(claim)
    e_ranked, e_bare = _superlatives(sentence)
    for sup in (c_bare - set(c_ranked)) & (e_bare - set(e_ranked)):
        at = _find_superlative(sentence, sup)
        m = _SINCE.search(sentence[at:])
        if m is not None and not _ALL_TIME.search(sentence) and _same_subject(claim, sentence, sup):
            said = f"{sup} … in history" if "history" in claim.lower() else f"{sup} ever"
            if level is not None and sup == f"{level.group(1).lower()}est":
                said = " ".join(level.group().split()[-2:])  # the claim's own words: "all-time low"
            return said, f"{sup} {m.group(1).strip()}"
    # A first time is a superlative in time: "the first time Palmira has ever recalled one of
    # its products" against "the first recall of a Palmira product since 2016".
    first = _FIRST.search(sentence)
    if _FIRST.search(claim) and first is not None and not _ALL_TIME.search(sentence):
        m = _SINCE.search(sentence[first.start() :])
        if m is not None and _same_subject(claim, sentence, "first"):
            said = "first … in history" if "history" in claim.lower() else "first … ever"
            return said, f"first {m.group(1).strip()}"
    return None


# Not "first-half", "first-quarter": a part of something, no first time.
_FIRST = re.compile(r"\bfirst\b(?!-)", re.IGNORECASE)


# "The fastest annual rise in over three years", "for the first time in a decade": the span a
# superlative (or a first time) is measured over.
_WINDOW_LEAD = re.compile(
    r"\b(?:in|for)\s+(?:(?:over|more\s+than|almost|nearly|about|around|at\s+least|the\s+past|the\s+last)\s+)*$",
    re.IGNORECASE,
)
_FIRST_TIME = re.compile(r"\bfirst\s+time\b", re.IGNORECASE)


# "the longest closure since 1998, when a sunken dredger blocked it for nine days": a clause
# that opens on "when" after a past date tells of that earlier event.
_EARLIER_EVENT = re.compile(
    rf"\b(?:since|in|than\s+in|as\s+in)\s+(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?"
    rf"(?P<year>(?:1[6-9]|20)\d\d),?\s+when\b[^;.!?]*$",
    re.IGNORECASE,
)


def earlier_event(text: str, q: Quantity) -> str | None:
    """The year of the earlier event a "since 1998, when …" clause recalls, where ``q`` is told
    of it, else None. Such a figure is no figure of the news itself: "nine days" is not how long
    this closure lasted, only how long the 1998 one did."""
    m = _EARLIER_EVENT.search(text[max(0, q.start - 200) : q.start])
    return m.group("year") if m else None


def of_the_same_event(claim: str, q: Quantity, sentence: str, e: Quantity) -> bool:
    """Can sentence figure ``e`` answer claim figure ``q``: both of the news, both of one recalled
    event, or the claim naming the year of the event ``e`` is told of ("the 1998 closure")?"""
    mine, theirs = earlier_event(claim, q), earlier_event(sentence, e)
    if theirs is None:
        return mine is None
    # "the 1998 closure", "in 1998": the claim speaks of that event; "since 1998" only dates the news.
    return mine == theirs or re.search(rf"(?<!since )\b{theirs}\b", claim, re.IGNORECASE) is not None


def superlative_window(text: str, q: Quantity) -> bool:
    """Is the duration ``q`` the span a superlative in its clause is measured over ("the
    fastest annual pace in over three years")? Such a span is no duration of the news: it does
    not answer "6.8% higher than twelve months earlier"."""
    if not _WINDOW_LEAD.search(text, max(0, q.start - 30), q.start):
        return False
    clause = re.split(r"[,;:.()]", text[max(0, q.start - 120) : q.start])[-1]
    return bool(_BARE_SUPERLATIVE.search(clause) or _FIRST_TIME.search(clause))


def _same_scope(claim: str, sentence: str, sup: str) -> bool:
    """Is each side's phrase after the superlative said by the other ("the largest carmaker in
    Japan" is not ranked by "the second-largest carmaker in the world", nor "by market value" by
    "by revenue", nor a rank in 1950)?"""

    def words(text: str) -> set[str]:
        return {lemma(w) for w in TOKEN_RE.findall(text) if w.lower() not in STOPWORDS}

    def tail(text: str) -> set[str]:
        at = _find_superlative(text, sup)
        at = at + len(_BARE_SUPERLATIVE.match(text, at).group()) if at >= 0 else len(text)
        # "the second-largest airline after SkyNord": what comes after "after" is the one ahead;
        # "the largest operator with 4.6 million subscribers" (or "which …") says what it has,
        # not what it is ranked among.
        phrase = re.split(r"[,;:.!?]|\b(?:after|behind|with|which|who|whose)\b", text[at:], maxsplit=1)[0]
        # At most 80 characters, in whole words: a cut "Compac" is no word of either side.
        return words(phrase if len(phrase) <= 80 else phrase[:80].rsplit(" ", 1)[0])

    # The claim may say one plain word more of what is ranked ("the largest telecom operator"
    # against "the second-largest operator"), not another place or time.
    unsaid = tail(claim) - words(sentence)
    names = {lemma(w) for w in TOKEN_RE.findall(claim) if w[0].isupper()}
    plain = len(unsaid) <= 1 and all(w.isalpha() and w not in names for w in unsaid)
    return tail(sentence) <= words(claim) and (not unsaid or plain)


# "It was the deadliest rail accident in Lunessa since 1996": a pronoun for the subject.
_PRONOUN_SUBJECT_OPENS = re.compile(
    r"\s*(?:it|this|that)\s+(?:was|is|has\s+been|had\s+been)\s+(?:the|its)\s+", re.I
)
# A superlative whose noun is left out after a first one: ", and the longest since 1996".
_ELIDED = re.compile(r",?\s+and\s+(?:the|its)\s*$", re.I)
_PRONOUN_SUBJECT = re.compile(
    # "Environment Minister Halina Brosz said it was the worst …": the pronoun may be reported.
    r"(?:[^,;:.!?\"“”]{0,80}?\b(?:said|says|added)\s+(?:that\s+)?)?"
    # "It is the volcano's first eruption", "It was Rhuvenia's deadliest": a possessive is the
    # pronoun's too.
    r"\s*(?:it|this|that)\s+(?:was|is|has\s+been|had\s+been)\s+"
    r"(?:(?:the|its)\s*(?:[a-z]+(?:'s|’s)\s+)?|[a-z][\w-]*(?:'s|’s)\s+)$",
    re.I,
)
# Where a claim's superlative stops saying what is ranked and starts saying over what time:
# "the longest walkout | ever staged at the port", "the deadliest in Ulvenia's | recorded history".
_ALL_TIME_TAIL = re.compile(
    r"\b(?:ever|recorded\s+history|history|on\s+record|of\s+all\s+time|all[- ]time)\b", re.I
)


def _content_words(text: str) -> set[str]:
    # A claim's last word keeps its full stop in the tokens ("turned down.").
    return {
        lemma(w) for w in TOKEN_RE.findall(text) if w.lower().rstrip(".") not in STOPWORDS and w[0].isalpha()
    }


def _same_subject(claim: str, sentence: str, sup: str) -> bool:
    """Do both name a common word before the superlative, where its subject is? "Helium is the
    second most abundant element, after hydrogen" ranks helium, not the claim's hydrogen."""

    def before(text: str) -> set[str]:
        return _content_words(text.lower()[: max(0, _find_superlative(text, sup))])

    if before(claim) & before(sentence):
        return True

    def after(text: str) -> set[str]:
        return _content_words(text[_find_superlative(text, sup) :])

    def ranked_by_claim(text: str) -> set[str]:
        tail = text[_find_superlative(text, sup) :]
        return _content_words(_ALL_TIME_TAIL.split(tail, maxsplit=1)[0])

    # Where the sentence's subject is a pronoun, what is ranked must be the claim's: every
    # common word of it ("rail accident").
    head = sentence[: max(0, _find_superlative(sentence, sup))]
    if _PRONOUN_SUBJECT.match(head):
        seen = after(sentence)
    elif (opening := _PRONOUN_SUBJECT_OPENS.match(head)) and (elided := _ELIDED.search(head)):
        # "It is the first national rail strike in Sarnova since 2019, ..., and the longest
        # since 1996": the second superlative ranks the first one's noun.
        seen = _content_words(head[opening.end() : elided.start()])
    else:
        return False
    # Not the claim's names: the sentence calls its subject "the canal" for "the Halvard
    # Canal", and the judge asks separately that a name the sentence leaves out is the
    # claim's subject or in the story's title. Nor the superlative, matched already in
    # any of its spellings ("biggest" / "largest").
    at = _find_superlative(claim, sup)
    names = {lemma(w) for w in TOKEN_RE.findall(claim[at:]) if w[0].isupper()}
    spelled = {lemma(w) for w in claim[at:].lower().split()[: len(sup.split())]}
    timeless = {"history", "ever", "record", "time", "one"} | names | spelled
    # What the claim ranks, read three ways, any of which the sentence may repeat: all its
    # words after the superlative ("the biggest ever announced by a Venmark bank"); those
    # before it says over what time ("the longest walkout | ever staged at the port"); or,
    # where that leaves none, the subject's common noun ("Dravik's fine is the largest ever").
    cut = ranked_by_claim(claim) - timeless
    readings = [after(claim) - timeless, cut]
    if not cut:
        common = {lemma(w) for w in TOKEN_RE.findall(claim[:at]) if not w[0].isupper()}
        readings.append(common & before(claim))
    return any(ranked and all(said_in(w, seen) for w in ranked) for ranked in readings)


# Where a negation's clause ends: "Nobody was hurt in the fire, which destroyed 30 homes".
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\b(?:which|who|whom|whose|while|whereas|but|although|though|when|because)\b"
    # "founded in 1887 and has never closed": a second verb starts a clause of its own
    r"|\band\s+(?:has|have|had|was|were|is|are|will|would|did|does)\b",
    re.I,
)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.I)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|some)\s+)?(?:US\$|[$£€¥₹])?\s*$", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:(?:about|around|roughly|some)\s+)?(?:US\$|[$£€¥₹])?\s*$", re.I)


def old_value(text: str, q: Quantity) -> bool:
    """The value a change started from: "fell to 2.8% from 3.4%", "down from 5.1%"."""
    return bool(_FROM_BEFORE.search(text, max(0, q.start - 30), q.start))


def new_value(text: str, q: Quantity) -> bool:
    """The value a change reached: "rose to 3.4%"."""
    return bool(_TO_BEFORE.search(text, max(0, q.start - 30), q.start))


_ZERO_QUALIFIER = re.compile(
    r"\b(?:in|at|from|since|during|among|outside|inside|on)\s+(?:the\s+)?([\w'’-]+)", re.I
)


def zero_in_scope(text: str, zero: Quantity, other: Facts) -> bool:
    """Does a count of nothing speak of what the other sentence counts: its clause repeats one of
    the other's words besides the unit (its verb: not "No protesters were harmed" against
    "arrested 25 protesters"), and every place, group or time it is limited to is the other's too
    (not "no teams from Asia", "no complaints since Friday")?"""
    start = max(text.rfind(c, 0, zero.start) for c in ",;:.(") + 1
    rest = re.split(r"[,;:.!?()]", text[zero.end :], maxsplit=1)[0]
    clause = text[start : zero.start] + " " + rest
    said = {lemma(w) for w in TOKEN_RE.findall(clause)} - set(zero.unit)
    if not said & (other.content | {lemma(w) for w in TOKEN_RE.findall(other.text) if w[0].isupper()}):
        return False
    limits = {lemma(m.group(1)) for m in _ZERO_QUALIFIER.finditer(rest)}
    known = {lemma(w) for w in TOKEN_RE.findall(other.text)}
    return limits <= known


def _denials(facts: Facts) -> list[tuple[int, int]]:
    """Where the cues ``facts`` reads deny (a "no" inside "no longer" is that cue's, not its own)."""
    return [(start, end) for cue, start, end in negation_spans(facts.text) if cue in facts.negations]


_STRUCK = re.compile(r"\s*(?:(?:even|just|only|the|a|an)\s+)?(?:US\$|[$£€¥₹])?\s*")


def struck(facts: Facts, x: Quantity) -> bool:
    """Is the figure itself what a negation rejects ("45%, not 60%", "not $2 billion"), rather than
    a figure inside a denied clause ("cannot confirm the 300 job cuts")?"""
    return any(end <= x.start and _STRUCK.fullmatch(facts.text, end, x.start) for _, end in _denials(facts))


def governed(facts: Facts, x: Quantity | DateMention) -> bool:
    """Is the figure or date denied where it stands? A count of nothing ("no deaths", "did not cut
    any jobs") is what the negation states, not what it denies."""
    return not (isinstance(x, Quantity) and x.value == 0) and denied_at(facts, x.start, x.end)


def denied_at(facts: Facts, start: int, end: int) -> bool:
    """Does a negation of ``facts`` govern the figure or date at ``text[start:end]``: in its
    clause, before or after it ("did not win in 2023", "2,000 jobs were not cut")? "Not ...
    until 1912" states 1912."""
    if not facts.negated or _UNTIL.search(facts.text, 0, start):
        return False
    for cue_start, cue_end in _denials(facts):
        a, b = (cue_end, start) if cue_end <= start else (end, cue_start)
        if a <= b and not _CLAUSE_BREAK.search(facts.text, a, b):
            return True
    return False


def negation_in_scope(facts: Facts, other: Facts) -> bool:
    """Does a negation cue of ``facts`` govern what the other sentence says: do its own clause
    hold words the other says, and at least half of those the rest of the sentence after it
    shares? "Nobody was hurt in the fire, which destroyed 30 homes" denies nothing of "the
    fire destroyed 30 homes" (only "fire" is in the denied clause, "destroyed homes" after it)."""
    low = facts.text.lower().replace("’", "'")
    for _, cue_end in _denials(facts):
        rest = low[cue_end:]
        end = re.search(r"[.!?]", rest)
        rest = rest[: end.start()] if end else rest
        brk = _CLAUSE_BREAK.search(rest)
        clause = rest[: brk.start()] if brk else rest
        denied = extract(clause)
        said = denied.content & other.content
        if said and 2 * len(said) >= len(extract(rest).content & other.content) and _head_said(denied, other):
            return True
    return False


def _head_said(denied: Facts, other: Facts) -> bool:
    """Does the other sentence say the word a negation denies first, its verb or noun ("did not
    change its forecast": "change")? "Kelair kept its forecast" shares the forecast, not the
    change, and is no statement of what the claim denies."""
    head = next((w for w in denied.lemmas if w in denied.content and w not in _SAYING_HEADS), None)
    return (
        head is None or said_in(head, other.content) or not other.content.isdisjoint(_HEAD_KIN.get(head, ()))
    )


# "No one has been reported killed": what is denied is the killing, not the report.
_SAYING_HEADS = frozenset({"report", "say", "know"})
# Verbs news prose says one thing with: "had not beaten Astrand" denies "won", "did not finish
# second" denies "came second".
_HEAD_KIN = {
    w: group
    for group in (frozenset({"win", "beat", "defeat"}), frozenset({"finish", "come", "place", "end"}))
    for w in group
}
