"""Named entities in a sentence: the names of places, organisations and people, normalised
(aliases such as "US" and "America" read as one), and whether a name is mentioned in a piece of
evidence.

Separate from :mod:`verifier.facts` to keep each module small. facts.py imports from here
(:func:`extract_entities` for :func:`verifier.facts.extract`, and :func:`is_proper` so that names
are not counted as content words); the judge imports :func:`entity_present` from here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import simplemma

from verifier.dates import dateline_end
from verifier.lexicon import (
    CURRENCY_RE,
    MONTHS,
    NUMBER_WORDS,
    RANK_NO_RE,
    STOPWORDS,
    TOKEN_RE,
    WEEKDAYS,
    lemma,
)
from verifier.negation import title_case
from verifier.places import place_names, place_variants

if TYPE_CHECKING:
    from verifier.facts import Facts

# Spelling variants of the same entity that plain token matching cannot see.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "americans": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "isis": "isil",
    "daesh": "isil",
    "islamic state": "isil",
    "ussr": "soviet union",
    "soviet": "soviet union",
    "soviets": "soviet union",
    "holland": "netherlands",
    "dutch": "netherlands",
    "who": "world health organization",
    "world health organisation": "world health organization",
    "fed": "federal reserve",
    "us federal reserve": "federal reserve",
    "prc": "china",
    "uae": "united arab emirates",
    "drc": "democratic republic of the congo",
    "nyc": "new york city",
}
# Aliases that are also ordinary words: names only as written here ("WHO", not "who"; "the
# Fed", not "were fed"), whether an entity is read from a sentence or looked for in one.
_CASED_ALIASES = {"who": re.compile(r"\bWHO\b"), "fed": re.compile(r"\bFed\b")}
# Capitalised abbreviations that name no place, body or person: "America's GDP" is about
# America, and "She became CEO" names nobody the evidence must repeat.
NOT_NAMES = frozenset(
    "gdp gnp cpi vat ceo cfo coo cto md pm mp mps tv ai ipo hiv aids dna gmt utc ad bc am pm".split()
)
ENTITY_RE = re.compile(
    r"(?:[A-Z][\w’'.-]*[\w.]|[A-Z])(?:\s+(?:(?:of|the|al|de|del|la|van|von|and)\s+)?(?:[A-Z][\w’'.-]*[\w.]|[A-Z]))*"
)


def _norm_entity(name: str) -> str:
    low = re.sub(r"[’']s\b", "", name.lower())  # "Solvex's" names Solvex, not "Solvexs"
    low = re.sub(r"[.’']", "", low).strip()
    low = re.sub(r"^the\s+", "", low)
    return ALIASES.get(low, low)


@lru_cache(maxsize=65536)
def is_proper(word: str) -> bool:
    """A name rather than a capitalised ordinary word ("Iraq", "NATO", "Alawi"; not "Global").
    Cached: every sentence's every word asks, and words repeat."""
    bare = word.strip(".’'").replace("’", "'")
    if bare.endswith("'s"):
        bare = bare[:-2]
    if not bare:
        return False
    letters = bare.replace(".", "").replace("-", "")
    if len(letters) >= 2 and letters.isupper():
        return True  # an acronym: U.S., NATO, ISIL
    if not bare[:1].isupper():
        return False
    low = bare.lower()
    if not simplemma.is_known(low, lang="en"):
        return True  # not a dictionary word: a name
    # simplemma keeps the capital on the lemma of a proper noun ("Iraq", "Britain").
    return simplemma.lemmatize(low, lang="en")[:1].isupper()


def extract_entities(text: str) -> frozenset[str]:
    """Normalised names of places, organisations and people.

    Only the proper words of a capitalised run count ("Global Coalition against ISIL" names
    ISIL), so a capital at the start of a sentence or in a headline is not taken for a name
    that every piece of evidence would then have to repeat.
    """
    found = set()
    # A place of several words is one entity, whole: its words are not read again as names
    # ("South Korea" is not "korea", nor "South Korea and New Zealand" "korea zealand").
    places = place_names(text)
    masked = text
    for start, end, _ in places:
        masked = masked[:start] + "," * (end - start) + masked[end:]
    found.update(entity for _, _, entity in places)
    masked = RANK_NO_RE.sub(lambda m: "," * len(m.group()), masked)  # "No.14" is a rank
    for m in ENTITY_RE.finditer(masked):
        if text[m.end() : m.end() + 1] == "$" or CURRENCY_RE.fullmatch(m.group()):
            continue  # "US$3.4bn", "HK$", "EUR": a currency, not a mention of a country
        # "U.S.-led", "Iraq-based": the entity is the capitalised part before the hyphen.
        words = [re.sub(r"-[a-z]+$", "", w) for w in m.group().split()]
        name = " ".join(words)
        cased = _CASED_ALIASES.get(name.lower())
        if cased is not None and not cased.fullmatch(name):
            continue  # "Who won?" is a question, "WHO" the World Health Organization
        if _norm_entity(name) in ALIASES.values():
            found.add(_norm_entity(name))
            continue
        proper = [
            w
            for w in words
            if is_proper(w)
            and w.lower().rstrip(".") not in MONTHS
            # "Monday's share rise" names a day, as "on Monday" does: no entity.
            and re.sub(r"['’]s$", "", w.lower().rstrip(".")) not in WEEKDAYS
            and not _TIME_SPAN.fullmatch(w)
            and _norm_entity(w) not in NOT_NAMES
        ]
        if proper and len(" ".join(proper)) > 1:
            found.add(_norm_entity(" ".join(proper)))
    return frozenset(found)


# "July-to-September", "Monday-Friday": a span of months or days, no name.
_DAY_OR_MONTH = "(?:" + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)) + r")\.?"
_TIME_SPAN = re.compile(rf"{_DAY_OR_MONTH}(?:-(?:to|through|till|until)-|[-–]){_DAY_OR_MONTH}", re.I)


_DEMONYM_ENDS = ("ian", "an", "ese", "i", "n")


def _demonym_stems(word: str) -> list[str]:
    """The place a demonym may name: "corvassan" -> "corvassa", "pakistani" -> "pakistan"."""
    return [word[: -len(end)] for end in _DEMONYM_ENDS if word.endswith(end) and len(word) - len(end) >= 5]


def entity_present(entity: str, facts: Facts, extra: str = "") -> bool:
    """Is ``entity`` (normalised) mentioned in the evidence (or its title ``extra``)? Not by a
    dateline: "CASTREL, Sept 9 (Wire) - House prices in Merovia rose 6.8%" says nothing of
    Castrel's prices."""
    filed = dateline_end(facts.text)
    if entity in facts.entities and not filed:
        return True
    body = facts.text[filed:]
    body_lower = body.lower()
    haystack = " " + re.sub(r"[.’']", "", (body + " " + extra).lower()) + " "
    haystack = re.sub(r"[^\w]+", " ", haystack)
    for variant in place_variants(entity) | {k for k, v in ALIASES.items() if v == entity}:
        if variant in _CASED_ALIASES:
            if _CASED_ALIASES[variant].search(body + " " + extra):
                return True
            continue
        # The haystack's punctuation is spaces: so is the name's ("Selka-2" is "selka 2").
        tokens = re.sub(r"[^\w]+", " ", variant).split()
        if f" {' '.join(tokens)} " in haystack:
            return True
        # Written with or without its hyphen: "COVID-19" and "Covid19", "Selka-2" and "Selka2".
        split = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", "".join(tokens))
        if (len(tokens) > 1 and f" {''.join(tokens)} " in haystack) or f" {split} " in haystack:
            return True
        # A middle name or initial between: "Trevor Michael Moran" mentions Trevor Moran.
        if len(tokens) == 2 and re.search(
            rf" {re.escape(tokens[0])} (?:\w+ ){{1,2}}{re.escape(tokens[1])} ", haystack
        ):
            return True
        # Demonyms and possessives: "Iraqi" mentions Iraq, "Syria's" mentions Syria; and the
        # other way, "Corvassan police" is mentioned by "Corvassa's top court".
        if len(tokens) == 1:
            stems = ([variant] if len(variant) >= 4 else []) + _demonym_stems(variant)
            if any(re.search(rf" {re.escape(stem)}\w{{0,3}} ", haystack) for stem in stems):
                return True
    # A person named again by surname only: "Ilsa Drobnek" in "Drobnek said", or in the title
    # ("Kovac stuns top seed Halloran"). Only where the first name is itself a name ("New York"
    # is not "York"), and the surname is written as one.
    tokens = entity.split()
    if (
        len(tokens) == 2
        and entity not in ALIASES.values()
        and len(tokens[1]) >= 4
        and is_proper(tokens[0].capitalize())
        and re.search(rf"\b{re.escape(tokens[1].capitalize())}\b", body + " " + extra)
    ):
        return True
    for ent in facts.entities:
        if filed and ent.lower() not in body_lower:
            continue  # named in the dateline only
        if (
            len(entity) >= 4
            and (ent.startswith(entity) or entity.startswith(ent))
            and min(len(ent), len(entity)) >= 4
        ):
            return True
    return False


# The verb right after a subject's name: "Apple reported", "Trump was", "Trump won".
_SUBJECT_VERB = re.compile(
    r"[a-z]+ed|is|was|are|were|has|had|have|will|would|won|wins|said|says|made|makes|became|becomes|"
    r"took|takes|led|leads|lost|loses|sold|sells|bought|buys|got|gets|ran|runs|came|comes|went|goes|"
    r"gave|gives|left|leaves|met|meets|paid|pays|set|sets|told|tells|beat|beats|held|holds|built|"
    r"began|begins|spent|spends|grew|grows|rose|rises|fell|falls"
)


def other_subject(claim: Facts, ev: Facts, title: str = "") -> tuple[str, str] | None:
    """A claim that opens with a name the evidence never says, against a sentence that opens
    with a name the claim never says: (the claim's, the sentence's), as in "Apple reported
    revenue of $90bn" against "Microsoft reported revenue of $90bn". Catches the names that are
    also dictionary words ("Apple", "Trump"), which :func:`extract_entities` leaves out."""
    text = claim.text.lstrip()
    run = ENTITY_RE.match(text)
    if run is None or title_case(claim.text):
        return None
    word = run.group().split()[0].rstrip(".")
    low = word.lower()
    verb = TOKEN_RE.match(text[run.end() :].lstrip())
    if verb is None or not _SUBJECT_VERB.fullmatch(verb.group()):
        return None  # "Viral transmission of ...": a headline's noun phrase, not a name and its verb
    if low in STOPWORDS or low in MONTHS or low in NUMBER_WORDS or lemma(low) != low:
        return None  # "The", "In March", "Three episodes", "Officials said": no name
    said = (ev.text + " " + title).lower()
    # Any word of the opening name the evidence says ("Martin Palermo" / "Palermo") keeps it.
    for name_word in run.group().split():
        w = name_word.lower().strip(".’'")
        if re.search(rf"\b{re.escape(w)}", said) or lemma(w) in ev.words:
            return None
    opening = ENTITY_RE.match(re.sub(r"^The\s+", "", ev.text.lstrip()))
    if opening is not None:
        name = _norm_entity(opening.group())
        if name in ev.entities and not entity_present(name, claim):
            return word, opening.group()
    return None


# Between two names, words that make their roles interchangeable ("A and B merged", "A drew
# with B") or turn them round (a passive: "A was bought by B").
_SYMMETRIC = re.compile(
    r"\b(?:and|with|against|versus|vs|between|by|or)\b|\b(?:was|were|been|being)\s+\w+", re.I
)
_PREPOSITION_LAST = re.compile(
    r"\b(?:in|on|at|for|from|of|to|into|over|under|near|across|the|a|an)\s*$", re.I
)
_SYMMETRIC_VERBS = frozenset("meet marry merge play draw tie face talk negotiate join partner ally".split())


def _first_at(text: str, entity: str) -> tuple[int, int] | None:
    for m in ENTITY_RE.finditer(text):
        if _norm_entity(m.group()) == entity or entity in extract_entities(m.group()):
            return m.start(), m.end()
    return None


def swapped_roles(claim: Facts, ev: Facts) -> str | None:
    """Two names the sentence puts the other way round about the same verb: "Pemberly agreed to
    buy Arkwell" against "Arkwell agreed to buy Pemberly". The claim's words from the first
    name to the second, or None."""
    names = [e for e in claim.entities if e in ev.entities]
    if len(names) < 2:
        return None
    found = {e: (_first_at(claim.text, e), _first_at(ev.text, e)) for e in names}
    for a in names:
        for b in names:
            (ca, ea), (cb, eb) = found[a], found[b]
            if a == b or not (ca and cb and ea and eb) or not (ca[1] <= cb[0] and eb[1] <= ea[0]):
                continue
            said_c, said_e = claim.text[ca[1] : cb[0]], ev.text[eb[1] : ea[0]]
            if len(said_c.split()) > 5 or len(said_e.split()) > 10:
                continue
            if _PREPOSITION_LAST.search(said_c) or _PREPOSITION_LAST.search(said_e):
                continue  # "started in Germany", "scored for Antigua": a place or side, not an object
            if _SYMMETRIC.search(said_c) or _SYMMETRIC.search(said_e):
                continue
            verbs_c = {lemma(w) for w in TOKEN_RE.findall(said_c.lower()) if w not in STOPWORDS}
            verbs_e = {lemma(w) for w in TOKEN_RE.findall(said_e.lower()) if w not in STOPWORDS}
            shared = (verbs_c & verbs_e) - _SYMMETRIC_VERBS
            if shared and not (verbs_c & _SYMMETRIC_VERBS):
                return claim.text[ca[0] : cb[1]].rstrip(".")
    return None
