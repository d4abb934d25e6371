"""What of a claim is checked: without its attribution, and a compound claim part by part.

A claim as a user or a draft writes it often carries more than one checkable statement ("Solvex
will hire 2,000 workers in 2023 and was founded in 1987") or who said it ("…, officials said on
Monday"). Evidence sentences state one thing at a time, so each part is checked on its own and
the verdicts are combined (verifier.api): any part contradicted contradicts the claim; every
part supported supports it; otherwise it is unknown.
"""

from __future__ import annotations

import re

from verifier.lexicon import STOPWORDS

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
# have been confirmed" states the figure; nobody is quoted). The comma may follow a figure ("…
# until 2027, officials said"): a thousands separator has no space after it.
_SPEAKER = (
    r"(?:(?!(?:as|and|but|that|which|who|while|was|were|been|be|is|are|has|have|had)\b)[\w'’.-]+\s+){1,6}?"
)
_WHEN = r"(?:\s+(?:on|in|last|this|at|during|via|yesterday|today|earlier|late|early)\b(?:\s+[\w'’-]+){0,3})?"
_ATTRIBUTION_AFTER = re.compile(r",\s+" + _SPEAKER + _SAY + _WHEN + r"\s*[.!]?\s*$", re.IGNORECASE)
_ATTRIBUTION_INSIDE = re.compile(r",\s+" + _SPEAKER + _SAY + _WHEN + r"\s*,\s*", re.IGNORECASE)


def checkable(claim: str) -> str:
    """The claim without a closing or inserted attribution ("…, officials said on Monday")."""
    core = _ATTRIBUTION_INSIDE.sub(" ", _ATTRIBUTION_AFTER.sub("", claim)).strip()
    # Nothing left that states anything: keep what the user wrote.
    return core if len(core.split()) >= 3 else claim


# A second predicate sharing the first one's subject: "<subject> will hire 2,000 workers and was
# founded in 1987". Only auxiliaries and past tenses start a predicate here: a bare "and" also
# joins nouns ("cases and deaths", "Bosnia and Herzegovina"), which must stay.
_AUXILIARY = r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should)"
# Past tenses that do not end in "-ed", as news prose uses them.
_IRREGULAR = (
    r"(?:won|lost|beat|made|took|fell|rose|paid|held|left|led|gave|got|grew|sold|bought|hit|cut|set|ran|saw"
    r"|broke|struck|began|became|came|went|kept|met|sent|spent|built|brought|drew|drove|fought|found|flew"
    r"|froze|knew|rode|shot|shut|sank|spoke|stood|stole|swept|threw|wrote|chose|sought|told|upheld|withdrew"
    r"|cost|hurt|shed|slid|felt|heard|laid|lent|taught|thought|overtook|died)"
)
_PREDICATE = rf"(?:{_AUXILIARY}\b|{_IRREGULAR}\b|(?:[a-z]+ed)\b)"
_PASSIVE = re.compile(r"[a-z]+ed\s+(?:by|from|to|for|as|with|in|at|on)\b")
# The first predicate may be a present "-s" before what it governs ("carries about 620,000
# passengers and made a profit"); the second may follow "also" or "then", and may be a saying
# ("promised a fund and said 4,000 soldiers had been deployed").
_PRESENT_BEFORE_OBJECT = (
    r"[a-z]{2,}[^\Ws]s(?=\s+(?:a|an|the|its|their|his|her|about|around|some|nearly|almost|\d))"
)
_COMPOUND = re.compile(
    rf"^(?P<subject>[^,;:]+?)(?<!['’]s)\s+(?P<first>(?:[a-z]+ly\s+)?(?:{_PREDICATE}|{_PRESENT_BEFORE_OBJECT})[^;:]*?),?\s+and\s+"
    rf"(?:(?:also|then)\s+)?(?P<second>(?:{_PREDICATE}|said\b|says\b)[^;:]+)$"
)


# A clause whose subject is only counted ("two others are still missing") says nothing alone.
_COUNTING = r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|others|another)\b"
# The same two clauses joined by a bare "and" ("Varga is 22 years old and Lindqvist is 27",
# "Revenue grew 2.3% and like-for-like sales declined 1.1%"). Without the comma an "and" far
# more often joins nouns ("more hurricanes and stronger hurricanes", "the East Coast and the Gulf
# Coast in recent years"), so only where the first clause states a figure, as a report's clauses
# do, and both have a finite verb: an auxiliary, an irregular past or an "-ed" that is no
# participle ("ocean water heated by climate change"). A present "-s" is left out: it cannot be
# told from a plural.
_FINITE = rf"(?:{_AUXILIARY}|{_IRREGULAR}|[a-z]+ed(?!\s+(?:by|from|in|into|at|with|on)\b))"
# Words that open a phrase, not a subject: "... since 1950 and in fact has shown a cooling".
_NO_SUBJECT = (
    r"(?:in|on|at|by|for|from|with|without|to|of|as|so|then|also|even|still|thus|hence|moreover|"
    r"yet|not|never|now|later|since|after|before|during|over|under|into)\b"
)
# Two clauses with subjects of their own: "Halvik mined 385,000 tonnes last year, while Serrano
# mined 225,000 tonnes", "Kovac was seeded ninth, and she beat Halloran in the final". The second
# must open with a name, a pronoun, a determiner or a plain noun, and have a verb of its own.
# A clause that says what may be ("summer sea ice might be gone by 2040", "a similar change
# should occur") is no statement of fact to check on its own: the second clauses read below
# open only on a verb that states, not on a modal of possibility.
_STATED = rf"(?:(?!(?:can|could|may|might|must|should)\b){_FINITE})"
# Words that open a subordinate clause, not a subject: "and if we don't act now we could".
_SUBORDINATORS = "if|when|while|although|though|as|because|once|unless"
_SUBORDINATE = rf"(?:{_SUBORDINATORS}|whether|where)\b"
# Words a subject's few words cannot run through: they open a clause of their own.
_NOT_A_SUBJECT_WORD = r"(?!(?:when|where|that|which|who|because|if)\b)"
_CLAUSES = re.compile(
    r"^(?P<first>[^;:]{20,}?),\s+(?:and|while|whereas|but)\s+"
    r"(?P<second>(?:(?:[A-Z][\w'’-]*|she|he|they|it|its|their|the)\b"
    r"(?:\s+[\w'’%.,-]+){0,5}?\s+"
    rf"(?:{_AUXILIARY}|{_IRREGULAR}|[a-z]+ed|[a-z]+s)"
    r"|(?:a|an|this|these|his|her)\b(?:\s+[\w'’%.,-]+){0,5}?\s+"
    rf"{_STATED}"
    # A subject of plain words ("unemployment rose", "judges Emil Rask and Dora Veyl
    # dissented"): not a verb, an adverb or a phrase opener sharing the first's subject
    # ("and then moved", "and subsequently signed", "and sold 2,000 cars that were …").
    rf"|(?!{_COUNTING}|{_PREDICATE}|{_NO_SUBJECT}|{_SUBORDINATE}|[a-z]+ly\b)[a-z][\w'’-]*"
    rf"(?:\s+{_NOT_A_SUBJECT_WORD}[\w'’-]+){{0,5}}?\s+"
    rf"{_STATED}"
    # A figure that counts something of its own ("84 percent of its flights left on time"),
    # not "two others" or "six of them", which say nothing alone.
    r"|\d[\d,.]*%?(?:\s+(?:percent|per\s+cent))?\s+(?!(?:of\s+(?:them|those|whom)|others|more)\b)"
    rf"[a-z][\w'’-]*(?:\s+[\w'’-]+){{0,4}}?\s+{_STATED})"
    # The verb may end it ("while judges Emil Rask and Dora Veyl dissented.").
    r"\b(?:[^;:]{6,}|[.!]?))$"
)
_BARE_CLAUSES = re.compile(
    r"^(?P<first>(?:[^,;:]|(?<=\d),(?=\d{3})){8,}?)\s+(?:and|while|whereas)\s+"
    rf"(?P<second>(?!{_PREDICATE}|{_COUNTING}|{_NO_SUBJECT})"
    r"(?:[A-Z][\w'’-]*|she|he|they|it|its|their|the|a|an|[a-z][\w'’-]*)\b"
    rf"(?:\s+{_NOT_A_SUBJECT_WORD}[\w'’%.-]+){{0,5}}?\s+"
    rf"{_FINITE}\b[^;:]*)$"
)
# The first is no clause where "and" closes a pair it opened ("both X and Y", "between X and
# Y", "faster than X and Y expected"), where it is subordinate ("If emissions continue ... and
# the world heats up") or where the second is more of what someone said.
_NOT_A_CLAUSE = re.compile(
    rf"\b(?:between|both|than|said|says|told)\b|^(?:{_SUBORDINATORS})\b",
    re.IGNORECASE,
)
# A second figure whose verb is left out, of a name of its own: "Helvex was fined 231 million
# crowns and Sardis 91 million crowns" is two claims, the second with the first's verb. Not
# without the name: "carried with 48 votes for and 39 against", "struck 14.2% of patients on the
# drug and 18.6% of those on placebo" are one statement, which its sentence states whole.
_HAS_FINITE = re.compile(rf"\b{_FINITE}\b")
_FIRST_FIGURE = re.compile(rf"^(?P<subject>.+?)\s+(?P<verb>{_FINITE}\b[^\d;:]*?)(?=[$€£]?\d)")
_GAPPED = re.compile(
    r"^(?P<first>.+?\d[^;:]*?)\s+and\s+(?P<who>(?:[A-Z][\w'’-]*\s+){1,3})(?P<figure>[$€£]?\d[^;:]*)$"
)


# Words after a figure that name nothing it counts ("9,000 in May", "5 last year").
_NOT_COUNTED = STOPWORDS | {"last"}
_COUNTED_LAST = re.compile(r"\d[\d,.]*\s+(?P<noun>[a-z]+(?:\s+old)?)\b(?!.*\d)")
_BARE_LAST = re.compile(r"(?<=\d)(?P<end>\s*[.!]?)$")


def _count_noun_shared(first: str, second: str) -> str:
    """The second clause's bare figure counts what the first's does: "added 18,000 jobs and
    manufacturing lost 9,000" says 9,000 jobs."""
    counted, bare = _COUNTED_LAST.search(first), _BARE_LAST.search(second)
    if counted is None or bare is None or counted.group("noun") in _NOT_COUNTED:
        return second
    return second[: bare.start()] + " " + counted.group("noun") + bare.group("end")


def _gapped(text: str) -> list[str] | None:
    m = _GAPPED.match(text)
    # "cut by 21%, 19% and 11% respectively" pairs a list with another list.
    if m is None or "respectively" in text or re.search(r"\d%?,\s", m.group("first")):
        return None
    if _NOT_A_CLAUSE.search(m.group("first")) or _RELATIVE.search(m.group("first")):
        return None
    figure = m.group("figure")
    # A verb of its own makes the second a clause; a long one is more than a figure.
    if len(figure.split()) > 6 or _HAS_FINITE.search(figure):
        return None
    head = _FIRST_FIGURE.match(m.group("first"))
    if head is None:
        return None
    return [m.group("first") + ".", f"{m.group('who').strip()} {head.group('verb').strip()} {figure}"]


# A figure and a comment on it: "Unemployment in Greyford is 7.9%, which is below the national
# rate" says two things of one subject, the second often what is wrong.
_WHICH_IS = re.compile(
    r"^(?P<subject>[^,;:]{3,}?)\s+(?P<state>(?:is|was|are|were|stood\s+at|stands\s+at)\s+[^,;:\d]{0,30}\d[^,;:]*?),\s+"
    r"which\s+(?P<comment>(?:is|was|are|were)\s+[^;:]{4,})$"
)
# A clause and a second statement hung on it with "with": "Revenue rose 6.4%, with mobile data
# revenue up 21%", "The committee split 6-3, with the three dissenters wanting a smaller rise".
# The second says something of its own subject (a figure's "up"/"down", or an "-ing" verb).
_WITH = re.compile(
    r"^(?P<first>[^;:]{20,}?),\s+with\s+"
    r"(?P<second>(?!(?:a|an)\b)[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s+(?:up|down|[a-z]{3,}ing)\b[^;:]{3,})$"
)
_PRONOUN = re.compile(r"^(?:she|he|it)\b", re.IGNORECASE)
# A name at the first clause's start that "she", "he" or "it" may stand for: not a determiner.
_NOT_A_NAME = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her"})
# The first clause needs a verb of its own: "Mel Ott, Willie Mays, and Bonds played for …" is a list.
# A present "-s" counts before what it governs ("supplies about 310,000 people", "wants a 9%
# rise"), where a plural noun seldom stands.
_VERB = re.compile(
    rf"\b(?:{_AUXILIARY}|{_IRREGULAR}|[a-z]{{3,}}ed|says|said)\b"
    r"|\b[a-z]{2,}[^\Ws]s\s+(?:a|an|the|its|their|his|her|about|around|some|nearly|almost|\d)\b"
)
_RELATIVE = re.compile(r"\b(?:which|who|that)\b", re.IGNORECASE)
# A subject cannot end on a determiner or a preposition: what follows is still its noun phrase.
_OPEN_PHRASE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that|these|those|of|from|in|on|at|by|for|with|to)$", re.IGNORECASE
)


def parts(claim: str) -> list[str]:
    """The claim's statements: itself, its subject with each of two predicates, each of two
    clauses, or a state and the comment a "which" clause makes on it."""
    text = claim.strip()
    clauses = _CLAUSES.match(text)
    if clauses and not _RELATIVE.search(clauses.group("first")) and _VERB.search(clauses.group("first")):
        first, second = clauses.group("first").rstrip(","), clauses.group("second")
        # "she beat Halloran": the first clause's opening name, so the part can be retrieved
        name = re.match(r"(?:[A-Z][\w'’-]*\s?)+(?=,|\s+[a-z])", first)
        if _PRONOUN.match(second) and name is not None and name.group().split()[0] not in _NOT_A_NAME:
            second = _PRONOUN.sub(name.group().strip(), second, count=1)
        if not re.match(r"(?:her|his|its|their)\b", second):
            second = second[0].upper() + second[1:]
        return [first + ".", second]
    bare = _BARE_CLAUSES.match(text)
    if (
        bare
        and re.search(r"\d", bare.group("first"))
        and _HAS_FINITE.search(bare.group("first"))
        and not _RELATIVE.search(bare.group("first"))
        and not _NOT_A_CLAUSE.search(bare.group("first"))
    ):
        first, second = bare.group("first"), bare.group("second")
        return [first + ".", _count_noun_shared(first, second[0].upper() + second[1:])]
    gapped = _gapped(text)
    if gapped:
        return gapped
    hung = _WITH.match(text)
    # The first needs a verb of its own; the second must stand alone: "32 aircraft helping to
    # fight it" says nothing without what "it" is.
    if (
        hung
        and (_VERB.search(hung.group("first")) or re.search(r"\b[a-z]{3,}s\b", hung.group("first")))
        and not re.search(r"\b(?:it|them)\b", hung.group("second"))
    ):
        second = hung.group("second")
        return [hung.group("first") + ".", second[0].upper() + second[1:]]
    which = _WHICH_IS.match(text)
    if which:
        subject = which.group("subject")
        return [f"{subject} {which.group('state')}.", f"{subject} {which.group('comment')}"]
    m = _COMPOUND.match(text)
    if not m:
        return [claim]
    subject, first, second = m.group("subject"), m.group("first"), m.group("second")
    if len(subject.split()) > 8 or min(len(first.split()), len(second.split())) < 2:
        return [claim]
    if _OPEN_PHRASE.search(subject):
        return [claim]  # "Debris from the failed rocket": an "-ed" after "the" is an adjective
    if _RELATIVE.search(first) or re.search(r"\b(?:where|when|whose|whom)\b", first):
        # "is an approach in which emissions would be captured and pumped underground": the
        # second predicate is the relative clause's, not the subject's.
        return [claim]
    if not re.match(_AUXILIARY + r"\b", second) and re.match(_AUXILIARY + r"\b", first):
        # After an auxiliary, a past form that opens the second is a predicate only as a passive
        # that shares it ("was fined 1.5 million galders and barred from office"); otherwise it
        # is often an adjective of a noun ("advised against going due to long waits and cramped
        # conditions").
        helper = re.match(r"(?:is|are|was|were)\b", first)
        if helper is None or not _PASSIVE.match(second):
            return [claim]
        second = f"{helper.group()} {second}"
    return [f"{subject} {first.rstrip(',')}", f"{subject} {second}"]
