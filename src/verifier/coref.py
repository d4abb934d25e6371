"""A sentence whose subject is a pronoun read as who or what the sentences before it name.

Wire stories name a person once and go on with a pronoun: "Halloran, 27, had won the title in
2023 and 2024 … She had not dropped a set on her way to the final." Retrieved alone, the second
sentence names nobody, so neither the model nor the fact layer can tell that it speaks of
Halloran, and a claim about her stays unknown. The judge reads such a sentence as "Maya Halloran
had not dropped a set …"; the evidence shown and cited is still the sentence as written.

"Its next policy meeting is scheduled for March 20" after "The bank did not rule out further
increases" is read as "The bank's next policy meeting …" the same way, and the speaker of
'"… next year," she said.' as the person named before.

The reading is deliberately narrow (no coreference model ships in a registry package that fits
here, and a wrong antecedent puts words in a source's mouth):
- only a sentence that opens with "He", "She", "His", "Her", "It" or "Its";
- "It" and "Its" stand for the subject of the sentence just before, where that is a thing or a
  body ("The bank", "Hallberg"), and "It" only where it is not the event or a placeholder ("It
  was the deadliest flood since 2010", "It is not clear whether …");
- "He" and "She" stand for the first person named in the nearest of the (at most two)
  sentences before it that name anyone, leaving out anyone the sentence itself names ("She
  served 11 aces to Halloran's four" is not about Halloran);
- a person is a run of capitalised words ending in words no dictionary knows ("Viktor
  Sandahl", the "Ilsa Drobnek" of "Governor Ilsa Drobnek"), not after "the" ("the Brackwater
  Falcons"), and not a place; or such a name's last word alone ("Halloran") once the document
  has named the person in full before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verifier.entities import ENTITY_RE, is_proper
from verifier.lexicon import MONTHS, WEEKDAYS
from verifier.places import place_names

# How many sentences back the antecedent may be (counting only those that name anyone, within
# LOOK_BACK: a quote between "Minister Birgit Aalto said …" and "She rejected …" names nobody),
# and how far back full names are gathered (a story names a person in full once, often first).
ANTECEDENT_REACH = 2
LOOK_BACK = 4
NAME_REACH = 60

_PRONOUN = re.compile(r"(?:He|She|His|Her|It|Its)\b(?!['’])")
_POSSESSIVE = frozenset({"His", "Her"})
# Words that join the parts of one name ("Lena Kovac of Brevland" is Lena Kovac).
_JOINERS = frozenset({"of", "the", "and", "al", "de", "del", "la", "van", "von"})
# What follows a name that is a sentence's subject ("Lindholm, who …", "Lindholm said").
_SUBJECT_AFTER = re.compile(r"(?:,|\s+(?:said|says|told|added|has|had|was|is|will|would)\b)")
_AFTER_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# Capitalised words before a name that give a role, not a first name ("Governor Ilsa Drobnek",
# "Health Minister Viktor Sandahl"): any other capitalised word before a surname is taken for
# a first name that a dictionary happens to know ("Maya Halloran").
_ROLES = frozenset(
    "minister president governor director chief coach judge justice senator mayor secretary "
    "chancellor commissioner captain general admiral colonel dr mr mrs ms miss prof professor sir "
    "lord lady king queen prince princess pope bishop officer inspector sergeant manager chairman "
    "chairwoman chair spokesman spokeswoman spokesperson leader representative "
    "ambassador deputy vice executive head editor founder striker goalkeeper defender midfielder "
    "player champion seed winger forward".split()
)
_AFTER_ROLE = re.compile(r"\b(?:" + "|".join(sorted(_ROLES)) + r")\s+$", re.IGNORECASE)


# "It" is read only where it stands for the thing the sentence before is about ("It needs the
# approval of …", "It was not tested in …"), not where it is the event or a placeholder: "It was
# the deadliest flood since 2010", "It is not clear whether …".
_IT_BE = re.compile(
    r"It\s+(?:is|was|'s|has been|had been|will be|would be|remains|remained|seems|seemed|appears|appeared)\b"
    r"(?!\s+(?:not\s+|also\s+)?[a-z]+ed\b)"
)
# Where the subject of the sentence before ends: a comma, an auxiliary, a verb in the past.
_SUBJECT_END = frozenset(
    "is are was were has have had did does do will would can cannot could should may might must "
    "said says came hit rose fell won lost made took gave set cut put kept held left saw went ran "
    "grew began became told found built paid sold bought brought thought met led struck broke "
    "spent sent who which that last also now then still again already previously recently".split()
)
_THING_TOKEN = re.compile(r"[\w’'.,-]+|\S")


# The speaker of a quote named by a pronoun after it: '"… next year," she said.'
_SPEAKER = re.compile(
    r"([,?!]\s*[\"”’']\s+)(he|she)(?=\s+(?:said|says|added|told|explained|insisted|argued|warned|noted)\b)"
)


def opens_with_pronoun(text: str) -> bool:
    """Whether :func:`resolve` may read the sentence otherwise (it opens with a pronoun, or a
    pronoun names a quote's speaker): the retriever gathers the sentences before it only for
    these."""
    return _PRONOUN.match(text.lstrip()) is not None or _SPEAKER.search(text) is not None


# How many sentences on a quote opened and left open may run before its attribution.
QUOTE_REACH = 3


def _open_quotes(text: str) -> int:
    """Quotation marks a sentence leaves open (1) or closes (-1), or 0."""
    straight = text.count('"') % 2
    curly = text.count("“") - text.count("”")
    if curly:
        return 1 if curly > 0 else -1
    if straight:
        return 1 if text.lstrip().startswith('"') else -1
    return 0


def opens_quote(text: str) -> bool:
    """Does the sentence open a quotation it does not close ('"This was not bad luck.'), so
    that who said it is in a sentence after it?"""
    return text.lstrip().startswith(('"', "“")) and _open_quotes(text) == 1


def quote_read_whole(text: str, after: Sequence[str]) -> str | None:
    """An open quote read with the sentences that carry it on to its close and attribution
    ('"This was not bad luck. It was a failure of process," NER chair Ingrid Vosse told
    reporters.'), or None where the quote does not close within :data:`QUOTE_REACH` sentences."""
    joined = [text]
    for nxt in after[:QUOTE_REACH]:
        joined.append(nxt)
        state = _open_quotes(nxt)
        if state == -1:
            return " ".join(joined)
        if state == 1:
            return None  # another quote opens: the marks are not read
    return None


# A sentence that is one quotation and nothing else ('"If inflation does not come down, we are
# prepared to act again."'), and an attribution that follows a quotation ('…," Governor Elin Varga
# told a news conference.') or comes before one ('Varga told reporters: "…'). Speech verbs only:
# '"…," the report found' is not a speaker.
_WHOLE_QUOTE = re.compile(r'\s*["“](?P<body>[^"“”]+?)(?P<end>[.?!…])?["”]\s*$')
_SPEECH = r"(?:said|says|added|adds|told|tells|explained|insisted|argued|warned|noted|stressed|continued)"
_TAIL = re.compile(rf'[,?!]\s*["”]\s+(?P<tail>[^"“”]*\b{_SPEECH}\b[^"“”]*[.!]?)\s*$')
_HEAD = re.compile(rf'^(?P<head>[^"“”]*\b{_SPEECH}\b[^"“”]*?[:,])\s*["“][^"“”]+["”]\s*$')


def whole_quote(text: str) -> bool:
    """Is the sentence a quotation and nothing else, so that its speaker is named before it?"""
    return _WHOLE_QUOTE.match(text) is not None


def continued_quote(text: str, before: Sequence[str]) -> str | None:
    """A sentence that only quotes, read with the attribution of the quote it carries on.

    Wire copy names a speaker once and goes on quoting: '"We are not going to let a temporary
    shock become permanent," Governor Elin Varga told a news conference. "If inflation does not
    come down, we are prepared to act again."' Retrieved alone, the second sentence has no
    speaker, so a claim that puts its words in someone else's mouth cannot be told from one that
    does not. It is read as '"If inflation …again," Governor Elin Varga told a news conference.'
    Only the quote's own paragraph run is followed: the sentences just before (``before``,
    nearest last) may be more such quotes, and the first other one must attribute a quote it
    ends or opens with (a speech verb and nothing else outside the marks); anything else and the
    reading is None."""
    m = _WHOLE_QUOTE.match(text)
    if m is None:
        return None
    for earlier in reversed(before[-QUOTE_REACH:]):
        if _WHOLE_QUOTE.match(earlier):
            continue
        body = m.group("body").rstrip()
        if (tail := _TAIL.search(earlier)) is not None:
            mark = m.group("end") if m.group("end") in ("?", "!") else ","
            said = tail.group("tail")
            return f'"{body}{mark}" {said}' + ("" if said.endswith((".", "!")) else ".")
        if (head := _HEAD.match(earlier.strip())) is not None:
            return f'{head.group("head")} "{body}{m.group("end") or "."}"'
        return None
    return None


def _person_runs(text: str) -> list[tuple[int, list[str]]]:
    """(start, words) of each capitalised run that may name a person, cut at a joining word
    ("Lena Kovac of Brevland" gives Lena Kovac): the words after a role ("agency director
    Henrik Strand", "Education Minister Tomas Berg"), else its trailing proper words."""
    places = place_names(text)
    runs = []
    for m in ENTITY_RE.finditer(text):
        if (
            m.group().startswith("The ")
            or _AFTER_THE.search(text[: m.start()])
            or any(s <= m.start() < e for s, e, _ in places)
        ):
            continue
        words: list[str] = []
        for w in m.group().split():
            if w in _JOINERS:
                break
            w = re.sub(r"['’]s$", "", w)
            words.append(w.rstrip(".") if len(w) > 2 else w)  # "Strand." ends its sentence
        roles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _ROLES]
        if roles or _AFTER_ROLE.search(text[: m.start()]):
            named = words[roles[-1] + 1 :] if roles else words
            # At least one word no dictionary knows: "Henrik Strand", not "Rugby League".
            if (
                1 <= len(named) <= 3
                and all(w.isalpha() or "-" in w for w in named)
                and any(map(is_proper, named))
            ):
                runs.append((m.start(), named))
            continue
        proper: list[str] = []
        for w in reversed(words):
            low = w.lower().rstrip(".")
            if (
                not is_proper(w)
                or low in MONTHS
                or low in WEEKDAYS
                or (w.isupper() and len(w) > 1)
                or re.search(r"-[a-z]", w)
            ):
                break  # "Fly-half" is no name, though no dictionary holds it whole
            proper.insert(0, w)
        if len(proper) == 1 and len(words) >= 2 and words[-2].isalpha():
            proper.insert(0, words[-2])  # "Maya Halloran": a first name the dictionary knows
        if proper:
            runs.append((m.start(), proper))
    return runs


def _full_names(sentences: Sequence[str]) -> dict[str, str]:
    """Last name -> full name of each person named by two or three proper words."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for _, words in _person_runs(sentence):
            if 2 <= len(words) <= 3:
                found.setdefault(words[-1], " ".join(words))
    return found


def _people(sentence: str, full: dict[str, str]) -> list[str]:
    """The people a sentence names, in order, each as its full name where one is known."""
    people = []
    for _, words in _person_runs(sentence):
        if 2 <= len(words) <= 3:
            people.append(" ".join(words))
        elif len(words) == 1 and words[0] in full:
            people.append(full[words[0]])
    return people


def resolve(text: str, before: Sequence[str], title: str = "") -> str | None:
    """The sentence with its opening pronoun, or the pronoun naming a quote's speaker, replaced
    by who or what it stands for; None where it has neither or the antecedent is not clear.
    ``before`` holds the document's sentences before this one, nearest last; ``title`` lends
    names, never an antecedent."""
    stripped = text.lstrip()
    m = _PRONOUN.match(stripped)
    speaker = None if m is not None else _SPEAKER.search(stripped)
    if not before or (m is None and speaker is None):
        return None
    earlier = list(before[-NAME_REACH:])
    full = _full_names([*earlier, stripped, title])  # the story's own spelling before the headline's
    if speaker is not None:
        person = _person_before(stripped, earlier, full)
        return None if person is None else stripped[: speaker.start(2)] + person + stripped[speaker.end(2) :]
    assert m is not None
    if m.group() in ("It", "Its"):
        if m.group() == "It" and _IT_BE.match(stripped):
            return None
        thing = _subject_thing(earlier[-1], full)
        return None if thing is None else thing + ("'s" if m.group() == "Its" else "") + stripped[m.end() :]
    person = _person_before(stripped, earlier, full)
    if person is None:
        return None
    return person + ("'s" if m.group() in _POSSESSIVE else "") + stripped[m.end() :]


def _person_before(sentence: str, earlier: Sequence[str], full: dict[str, str]) -> str | None:
    """The first person named in the nearest of the (at most ANTECEDENT_REACH) sentences
    before ``sentence`` that name anyone, not one ``sentence`` names itself; None where the
    nearest naming sentence's subject is a name that cannot be placed."""
    here = {p.split()[-1] for p in _people(sentence, full)}
    naming = 0
    for before in reversed(earlier[-LOOK_BACK:]):
        runs = _person_runs(before)
        if not runs:
            continue
        if runs[0][0] == 0 and len(runs[0][1]) == 1 and runs[0][1][0] not in full:
            if _SUBJECT_AFTER.match(before, len(runs[0][1][0])):
                return None  # the subject is a name we cannot place ("Tevro said …")
        people = [p for p in _people(before, full) if p.split()[-1] not in here]
        if people:
            return people[0]
        naming += 1
        if naming == ANTECEDENT_REACH:
            break
    return None


def _subject_thing(sentence: str, full: dict[str, str]) -> str | None:
    """The subject of a sentence where it is a thing or a body, not a person: "The bank" of
    "The bank did not rule out …", "The Sarvenian Volcanology Institute" of "… raised its alert
    level", "Hallberg" of "Hallberg reported …". None where the sentence opens otherwise (a
    quote, a figure, a person, "Seven of the eleven members")."""
    words: list[str] = []
    for token in _THING_TOKEN.findall(sentence):
        bare = token.rstrip(",;:")
        low = bare.lower()
        if (
            low in _SUBJECT_END
            or (len(low) > 4 and low.endswith("ed") and not bare[:1].isupper())
            or low.endswith("ly")
            or not bare
        ):
            break
        words.append(bare)
        if bare != token or len(words) > 6:
            break
    if not words or len(words) > 6 or words[-1][:1] in "('\"":
        return None
    if words[0] == "The":
        return " ".join(words) if len(words) >= 2 and words[-1][:1].isalpha() else None
    name = " ".join(words)
    runs = _person_runs(sentence)
    if not runs or runs[0][0] != 0 or words[-1] in full or " ".join(runs[0][1]) in full.values():
        return None
    return name if ENTITY_RE.fullmatch(name) and any(map(is_proper, words)) else None


# A person a sentence names by post alone. Wire leads give the post ("Brenmark's education
# minister ordered an independent inquiry on Monday") and name its holder a sentence or two
# later ("Education Minister Oskar Tellmann said …"), so a claim naming Tellmann finds a lead
# that never does. Read only where the post is specific: two words ("police chief", "chief
# executive") or owned ("Brenmark's minister"); a bare "the judge" may be another judge than the
# one the story names.
_POSTS = _ROLES | frozenset({"prosecutor", "lawyer", "attorney"})
_POST_WORDS = "|".join(sorted(_POSTS, key=len, reverse=True))
_BY_POST = re.compile(
    rf"\b(?P<owner>(?:[Tt]he\s+)?[\w-]+['’]s|[Tt]he)\s+(?:(?:former|new|acting|interim|outgoing)\s+)?"
    rf"(?P<post>(?:[a-z]+\s+){{0,2}}(?:{_POST_WORDS}))\b(?!['’-]|\s+(?:[A-Z]|of\b|and\b|{_POST_WORDS}\b))"
)
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2}"


def names_post(text: str) -> bool:
    """Whether :func:`read_post` may read the sentence otherwise: the retriever gathers the
    document's other sentences only for these."""
    return _first_post(text) is not None


def _first_post(text: str) -> re.Match[str] | None:
    return next((m for m in _BY_POST.finditer(text) if _specific(m)), None)


# A post that is what someone becomes or is ("Ruskova became New Horizon's leader in 2022")
# names its holder already, perhaps a new one the story names nowhere else.
_PREDICATE = re.compile(
    r"\b(?:became|become|becomes|becoming|is|was|are|were|be|been|as|named|appointed|elected|"
    r"replaced|replaces|succeeded|succeeds|to)\s+(?:[A-Z][\w-]*\s+){0,3}$",
    re.IGNORECASE,
)


def _specific(m: re.Match[str]) -> bool:
    if _PREDICATE.search(m.string, 0, m.start()):
        return False
    return m.group("owner").lower() != "the" or len(m.group("post").split()) >= 2


def read_post(text: str, others: Sequence[str]) -> str | None:
    """The sentence with the person its first specific post stands for named after it
    ("Brenmark's education minister Oskar Tellmann ordered …"), where the document's other
    sentences give that post to one person only, before the name ("Education Minister Oskar
    Tellmann") or after it ("Oskar Tellmann, the education minister"); None otherwise."""
    m = _first_post(text)
    if m is None:
        return None
    post = r"\s+".join(m.group("post").split())
    before = re.compile(rf"(?i:\b{post})\s+(?P<name>{_NAME})")
    after = re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)?(?i:{post})\b")
    names = {
        " ".join(found.group("name").split())
        for sentence in others
        for pattern in (before, after)
        for found in pattern.finditer(sentence)
    }
    names = {n for n in names if not any(w.lower() in _POSTS for w in n.split())}
    if len(names) != 1:
        return None
    name = next(iter(names))
    if name.split()[-1] in text:
        return None
    return f"{text[: m.end()]} {name}{text[m.end() :]}"
