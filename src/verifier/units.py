"""What the words around a figure say of it: how it is qualified ("about", "more than", "at
least"), what it counts ("troops", "confirmed cases", "$"; "the death toll rose to 52", "7,844
people have died"), which count nouns name the same thing, and whether the figure ends a name
("Chapter 3").

Separate from :mod:`verifier.quantities` to keep each module small. These read the plain text
before or after a figure and build no :class:`~verifier.figures.Quantity`, so the figure modules
(quantities.py, spelled.py, figures.py) import from here and nothing here imports them back; the
judge compares qualifier words and count nouns with the same tables.
"""

from __future__ import annotations

import re

from verifier.lexicon import CURRENCY_CODES, CURRENCY_RE, MONTHS, STOPWORDS, TOKEN_RE, lemma, ranks
from verifier.negation import title_case

APPROX = (
    "approximately",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "circa",
    "approx.",
    "approx",
    "~",
    "more or less",
    "just over",
    "just under",
    "over",
)
LOWER_BOUND = (
    "more than",
    "over",
    "above",
    "exceeding",
    "exceeded",
    "exceeds",
    "exceed",
    "surpass",
    "surpassed",
    "topped",
    "tops",
    "surpasses",
    "surpassing",
    "topping",
    # "the fourth film to pass $1 billion": only after "to", where it is a threshold ("passed
    # 3 laws" counts laws).
    "to pass",
    "upwards of",
    "in excess of",
    "greater than",
    "higher than",
    "larger than",
    "bigger than",
    # Comparatives of a measure: "older than 7 years", "longer than 90 minutes".
    "older than",
    "longer than",
    "taller than",
)
# Verbs that bound a figure: the noun before them names it, as before "reached".
_BOUND_VERBS = frozenset(
    {"exceeded", "exceeds", "exceed", "surpassed", "surpass", "surpasses", "topped", "tops"}
)
AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of")
UPPER_BOUND = (
    "less than",
    "fewer than",
    "under",
    "below",
    "lower than",
    "smaller than",
    "younger than",
    "shorter than",
)
# Bounds that report the highest figure reached, not a limit (figures.Quantity.peak).
PEAK_BOUNDS = ("up to", "a maximum of", "as many as")
AT_MOST = ("at most", "no more than", *PEAK_BOUNDS)
# Every phrase that qualifies a figure, longest first (so "just over" is found before "over").
QUALIFIER_PHRASES = tuple(
    sorted(APPROX + LOWER_BOUND + AT_LEAST + UPPER_BOUND + AT_MOST, key=len, reverse=True)
)
QUALIFIER_WORDS = frozenset(w for phrase in QUALIFIER_PHRASES for w in phrase.split())


# Count nouns that name the same thing in news prose: a figure of "fatalities" answers one of
# "deaths". Read off the numeric VitaminC *training* pairs whose figures were left uncompared
# for want of a shared unit word (scripts/fact_layer_check.py); only plain synonyms, never
# neighbours ("cases" and "deaths" stay apart).
UNIT_SYNONYMS = (
    frozenset({"death", "fatality", "die"}),
    frozenset({"critic", "review", "reviewer"}),
    frozenset({"resident", "inhabitant", "population", "people", "citizen"}),
    frozenset({"copy", "unit"}),
    frozenset({"troop", "soldier"}),
    frozenset({"job", "position"}),
    frozenset({"worker", "employee", "staff"}),
    frozenset({"case", "infection", "occurrence"}),
    frozenset({"worldwide", "globally", "global"}),
    frozenset({"view", "hit"}),
    frozenset({"appearance", "cap"}),
    frozenset({"aircraft", "airplane", "aeroplane", "plane"}),
    frozenset({"phone", "handset"}),
    frozenset({"age", "year-old"}),
    # Not a count, but the word most often said the other way round in the same figure's
    # sentence ("coronavirus cases" for "COVID-19 cases").
    frozenset({"coronavirus", "covid-19", "covid19", "covid"}),
)
_UNIT_CANON = {w: min(group) for group in UNIT_SYNONYMS for w in group}


def is_count_synonym(word: str) -> bool:
    """Does the word have a synonym among count nouns (UNIT_SYNONYMS)?"""
    return word in _UNIT_CANON


def same_count_noun(a: str, b: str) -> bool:
    """Do two unit lemmas name the same thing ("death" and "fatality")?"""
    return a == b or (a in _UNIT_CANON and _UNIT_CANON[a] == _UNIT_CANON.get(b))


def is_currency(unit: str) -> bool:
    """Is this unit word the currency a figure was written in ("$", "US$", "£", "EUR")?"""
    return CURRENCY_RE.fullmatch(unit) is not None


def currency_before(before: str) -> str:
    """The currency written before a figure ("$", "€" for "EUR", "CHF"), one name each; "" if none."""
    m = CURRENCY_RE.search(before)
    code = m.group().replace(" ", "").rstrip(".").upper() if m else ""  # "US $" is "US$"
    return CURRENCY_CODES.get(code, code)


# "over" that says what something is spread across, not that a figure is exceeded.
_OVER_AS_PREPOSITION = re.compile(r"\b(?:averag\w*|spread|distributed|divided)\s+over$")


# "a pay deal worth 14.5% over three years", "$2 billion over five years": after a figure,
# "over" and a length of time say what the figure is spread across, not that the length
# is exceeded ("lasted over three years" is a bound).
_FIGURE_THEN_OVER = re.compile(r"(?:\d|%|\bper\s?cent|\bpercent|\bpoints?|illion|\bbn|\bm)\s+over\s*$", re.I)
_TIME_AFTER = re.compile(r"[\w.,-]+?[\s-]+(?:years?|months?|weeks?|days?|decades?|quarters?)\b", re.I)


def spread_over(text: str, start: int) -> bool:
    """Is the figure at ``start`` a length of time a figure before it is spread across?"""
    return bool(_FIGURE_THEN_OVER.search(text[max(0, start - 25) : start])) and bool(
        _TIME_AFTER.match(text, start)
    )


def qualifier_at(text: str, start: int) -> str:
    """The qualifier of the figure at ``start``, from the words just before it."""
    if spread_over(text, start):
        return "exact"
    return qualifier_before(text[max(0, start - 25) : start])


def qualifier_before(before: str) -> str:
    """The qualifier the words before a figure give it: exact, approx, more, atleast, less or atmost."""
    before = CURRENCY_RE.sub("", before)
    before = " " + before.lower().rstrip()
    if _OVER_AS_PREPOSITION.search(before):
        return "exact"  # "averaged over 12 reviewers" counts 12 of them, not more than 12
    for words, name in (
        (AT_LEAST, "atleast"),
        (AT_MOST, "atmost"),
        (LOWER_BOUND, "more"),
        (UPPER_BOUND, "less"),
        (APPROX, "approx"),
    ):
        for w in words:
            if before.endswith(" " + w) or (w == "~" and before.endswith("~")):
                return name
    return "exact"


# Participles that open a clause after a figure: "a score of 60 based on 40 reviews" counts
# no "base".
_CLAUSE_OPENERS = frozenset({"based", "indicating", "including", "making", "bringing", "giving"})
# Where or how a figure was counted, not what it counts: "37 million units worldwide" counts
# units, as "37 million units globally" does (`figurepairs.market_of` reads the market). Not
# "later" or "ago": "two years later" against "eight years later" is compared as a span of
# its own, where "two years" alone is a generic unit that needs the rest of the claim stated.
_SCOPE_ADVERBS = frozenset(
    "worldwide world-wide globally overseas abroad domestically internationally elsewhere outside "
    "nationally nationwide locally respectively apiece altogether".split()
)


# "km2", "km²": square kilometres (the tokens would read "km" and drop the square).
_SQUARED = re.compile(r"\b(km|mi|m)(?:2|²)(?!\w)")
_SQUARED_UNITS = {"km": "kilometres", "mi": "miles", "m": "metres"}


# Prepositions the stopword list leaves out: "412,000 vehicles around the world" counts vehicles.
_PREPOSITIONS = frozenset(
    "around across along alongside among amid amongst behind beyond despite inside near throughout "
    "toward towards within".split()
)


def unit_after(after: str) -> list[str]:
    """Lemmas of the lower-case words right after a number, in order: what it counts."""
    words: list[str] = []
    # "41 Covid-19 cases": the digits belong to the name being skipped.
    # A unit does not run past a comma or bracket: "14 days , starting" counts days.
    after = re.split(r"[,;:()\[\]&]", after[:60], maxsplit=1)[0]
    after = _SQUARED.sub(lambda m: f"square {_SQUARED_UNITS[m.group(1)]}", after)  # "12 km2"
    for tok in TOKEN_RE.findall(re.sub(r"(?<=[A-Za-z])-\d+\b", "", after)):
        low = tok.lower().rstrip(".")
        if tok[0].isupper():  # "2,500 U.S. troops": skip the modifier, keep looking
            if words:
                break
            continue
        if not tok[0].isalpha() or low in STOPWORDS or low in MONTHS or ranks(low) or low in _CLAUSE_OPENERS:
            break
        if low in _SCOPE_ADVERBS or low in _PREPOSITIONS:
            break
        words.append(lemma(low))
        if len(words) == 3:  # "confirmed coronavirus cases": the head comes last
            break
    return words


# Words that hold a figure without saying what it counts ("a total of 32").
_CONTAINERS = frozenset(
    {"total", "number", "sum", "amount", "count", "figure", "lot", "couple", "group", "set"}
    | {"part", "rest", "out", "each", "all", "most", "many", "some", "one"}
)
_OF_BEFORE = re.compile(r"\b([a-z]+) of$")
# A noun its bound follows straight after: "a score lower than 60", "a capacity above 50,000".
_ARTICLE_NOUN = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?([a-z]{3,})$")
# Verbs by which a measure moves to a new level ("rose to 52", "grew 3.2 percent to 11.84 million").
_MOVED = (
    r"rose|rises|fell|falls|climbed|dropped|increased|decreased|grew|jumped|soared|surged|plunged|slumped"
)
# A noun that a verb of being or reaching gives a figure: "the population was 5.7 million",
# "the death toll rose to 52", "turnout stood at 61".
_IS_VERBS = (
    r"(?:(?:has|have|had) )?(?:is|was|are|were|been|stood at|stands at|reached|reaches|"
    rf"(?:{_MOVED}|risen|fallen|doubled|tripled|quadrupled|halved) (?:to|from)|"
    r"totall?ed|totals|hit|hits)$"
)
_IS_BEFORE = re.compile(
    r"\b([a-z]{3,}) "
    + _IS_VERBS
    # "put the population at 5.7 million", "estimated its debt at", "put the country's population at"
    + r"|\b(?:put|puts|estimated?|estimates|pegged|placed|set|sets) "
    r"(?:the |its |their |his |her )?(?:[a-z]+['’]s )?([a-z]{3,}) at$"
)
# "The number of X" earlier in the clause names what the figure of its verb counts.
_NUMBER_OF = re.compile(r"\bnumber of ([a-z]{3,})\b[^,;:.()]*$")
# A measure, its change, then the level it reached: "the population grew 3.2 percent over the
# past decade to 11.84 million", "sales rose 7% to 9.1 million" (the size of the change and its
# period stand between the noun and "to").
_CHANGED_TO = re.compile(
    rf"\b([a-z]{{3,}}) (?:{_MOVED}|grows|declined|gained|slipped|shrank)"
    r" (?:by )?(?:about |around |nearly |almost |some )?[\d.,]+ ?(?:%|percent|per cent)"
    r"[^,;:()\d]{0,40} (?:to|from)$"
)
# The noun before a name: "the population of Eritrea is", "cases in Heinsberg rose to".
_OF_NAME_IS = re.compile(
    r"\b([A-Za-z][a-z]{2,}) (?:of|in|at|for) (?:the )?(?:[A-Z][\w.'’-]* ){1,3}" + _IS_VERBS
)


# Nouns that a small bare figure after "is"/"was" counts or measures ("the death toll was 52",
# "turnout was 61"); after any other singular noun such a figure is more often an age ("the
# suspect was 23").
_AGGREGATES = frozenset(
    "toll turnout score price rate total tally count population attendance capacity budget cost "
    "figure temperature margin majority deficit debt index level ranking rank average share "
    "unemployment inflation growth tax fee fine salary wage record".split()
)


_PERSONAL_IS = re.compile(r"\b(?:he|she) (?:is|was)$")
_AGE_OF_IS = re.compile(r"\bage of (?:[a-z][\w-]* ){1,4}" + _IS_VERBS)


def unit_before(before: str, age_like: bool = False) -> list[str]:
    """What a figure with nothing after it counts, when the text named it first: "a population
    of nearly 1.5 million", "a score of 57", "the death toll rose to 52" (qualifier words
    between are skipped)."""
    written = " " + " ".join(before.split())
    text = written.lower()
    cut = True
    verb = qualified = False
    while cut:  # "nearly", "more than", "in excess of": what qualifies the figure, not what it counts
        cut = False
        for phrase in QUALIFIER_PHRASES:
            if text.endswith(" " + phrase):
                text, cut = text[: -len(phrase) - 1], True
                qualified = True
                verb = verb or phrase in _BOUND_VERBS
                break
    written = written[: len(text)]
    if verb:
        # "the death toll exceeded 1,000": the toll, as if it had reached it. Both copies get the
        # verb, so that `written` still lines up with `text` letter for letter.
        text += " reached"
        written += " reached"
    if age_like and (_PERSONAL_IS.search(text) or _AGE_OF_IS.search(text)):
        return ["age"]  # "he was 45 when he was elected", "the average age of buyers rose to 34"
    m = _OF_BEFORE.search(text)
    if m is None and qualified:
        m = _ARTICLE_NOUN.search(text)  # "a score lower than 60"
    # Only a verb's figure is what "the number of X" before it counts: "the number of cases
    # registered is 2,049", not "cut the number of monthly migraine days by an average of 6.1".
    of_a_verb = m is None
    if m is None:
        m = _CHANGED_TO.search(text)
    if m is None and (m := _IS_BEFORE.search(text)) is not None:
        at = m.start(1) if m.group(1) else m.start(m.lastindex or 1)
        if len(written) == len(text) and written[at].isupper() and written[:at].strip():
            # A name is no unit: "the population of Eritrea is 5.7 million" counts population.
            m = _OF_NAME_IS.search(written)
    noun = m and (m.group(1) or m.group(m.lastindex or 1))
    if of_a_verb and m is not None and (counted := _NUMBER_OF.search(text, 0, m.start())) is not None:
        # "the total number of cases registered in the sultanate is 2,049" counts cases.
        noun = counted.group(1)
    if not noun or noun in STOPWORDS or noun in _CONTAINERS or noun in MONTHS:
        return []
    singular = not noun.lower().endswith("s")  # "the number of cases was 84" counts cases
    if age_like and singular and re.search(r" (?:is|was)$", text) and lemma(noun.lower()) not in _AGGREGATES:
        return ["age"]  # "the youngest victim was 17": an age, not 17 victims
    return [lemma(noun.lower())]


# A part of a named whole: "109 of Georgia's counties".
_OF_NAMES = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s")


def unit_of(after: str) -> list[str]:
    """What a figure counts when it is a part of a named whole: "109 of Georgia's counties"."""
    m = _OF_NAMES.match(after)
    return unit_after(after[m.end() - 1 :]) if m else []


# What happened to those a figure counts, when the sentence says it with a verb: "7,844 people
# have died" counts deaths as "7,844 deaths" does; "killing 15" counts the dead, "15 bombs
# killed" does not (an active "killed" after the figure makes it the killer).
_AUX = r"(?:(?:have|has|had|were|was|are|is|been|reportedly|so\s+far|confirmed)\s+){0,3}"
_EVENT_AFTER = (
    (re.compile(r"^\s*(?:[a-z][a-z-]*\s+){0,2}?" + _AUX + r"(?:died|dead|perished)\b"), "death"),
    (re.compile(r"^\s*(?:[a-z][a-z-]*\s+){0,2}?(?:were|was|been|are)\s+killed\b"), "death"),
    (re.compile(r"^\s*(?:[a-z][a-z-]*\s+){0,2}?" + _AUX + r"recovered\b"), "recovery"),
)
_KILLING_BEFORE = re.compile(r"\b(?:killing|killed|kills)\s+(?:[a-z]+\s+){0,2}$")


def counted_event(before: str, after: str) -> str | None:
    """ "death" or "recovery" when a verb says what befell the counted ones, else None."""
    if _KILLING_BEFORE.search(" " + before.lower()):
        return "death"
    for pattern, noun in _EVENT_AFTER:
        if pattern.match(after[:60]):
            return noun
    return None


_NAME_BEFORE = re.compile(r"(^|.)\s*\b([A-Z][A-Za-z]+)\s$")


# Words that open a sentence with a count ("Another 300 fled", "Exactly 40 voted") beyond the
# stopwords and qualifiers names_it already sets aside anywhere ("About 500", "Some 40"); any
# other capitalised word before a number at a sentence's start names something ("Line 4 was
# approved", "Terminal 2 will close"), as one inside a sentence does.
_COUNT_OPENERS = frozenset("another exactly fully precisely barely last first top total additional".split())


def names_it(text: str, start: int) -> bool:
    """Does the number at ``start`` end a name: right after a capitalised word ("Chapter 3",
    "Apollo 11", "Line 4" opening a sentence; not "About 500", "In all, 500" or "Another 300")? Not in a
    headline, where every word is capitalised ("Attack Kills 15 Americans")."""
    if title_case(text):
        return False
    m = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(2).lower()
    if m.group(1) in ("", ".", "!", "?") and m.start(2) - m.start() <= 2 and word in _COUNT_OPENERS:
        return False
    if currency_before(text[max(0, start - 40) : start]):
        return False  # "Rs 500", "USD 5m": a sum
    return word not in STOPWORDS and word not in QUALIFIER_WORDS and word not in MONTHS


# A temperature said as a change is a difference, which converts from Fahrenheit without the
# 32-degree offset: "rose 1.8 °F" is 1 °C of warming, not -16.8 °C. It is one where a change word
# comes just before it ("rose", "warming of", "by"; not "rose to", a level), or a comparison after
# it ("above the 20th-century average", "warmer"); a Fahrenheit figure in brackets after a
# Celsius one ("0.85 °C (1.53 °F) above") is read as that one is.
_TEMP_CHANGE_BEFORE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|warm\w*|cool\w*|drop\w*|fell|fall\w*|decreas\w*|"
    r"declin\w*|by|anomal\w*)"
    r"(?:\s+(?:of|about|around|nearly|almost|roughly|approximately|some|between|from|more\s+than|"
    r"less\s+than|up\s+to|over|under))*\s+(?:\d[\d.,]*\s*(?:–|-|to|and)\s*)?$",
    re.IGNORECASE,
)
_TEMP_CHANGE_AFTER = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,40}\)\s*)?(?:(?:above|below)(?!\s+(?:zero|freezing))|warmer|cooler|colder|hotter|higher|lower|"
    r"of\s+(?:warming|cooling)|increase|rise)\b",
    re.IGNORECASE,
)
_CELSIUS_BRACKET = re.compile(
    r"\d[\d.,]*(?:\s*(?:–|-|to)\s*\d[\d.,]*)?\s*(?:°\s?C|degrees?\s+(?:Celsius|C))\s*\(\s*"
    r"(?:\d[\d.,]*\s*(?:–|-|to)\s*)?$",
    re.IGNORECASE,
)


def temperature_change(text: str, start: int, end: int) -> bool:
    """Is the temperature at ``text[start:end]`` said as a change rather than a level?"""
    before = text[max(0, start - 60) : start]
    bracket = _CELSIUS_BRACKET.search(before)
    if bracket is not None:
        before = before[: bracket.start()]
    return bool(_TEMP_CHANGE_BEFORE.search(before) or _TEMP_CHANGE_AFTER.match(text, end))


# How a temperature figure's own text says it was written in Fahrenheit ("104F", "11.5 °F",
# "8.1 degrees Fahrenheit"), as the figure reader writes those scales.
_FAHRENHEIT = re.compile(r"(?:\d|°)\s?F\b|Fahrenheit")


def in_fahrenheit(figure_text: str) -> bool:
    return _FAHRENHEIT.search(figure_text) is not None


def fahrenheit_to_celsius(value: float, change: bool) -> float:
    return value * 5 / 9 if change else (value - 32) * 5 / 9
