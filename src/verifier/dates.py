"""Dates in a sentence: full and numeric dates, bare years, decades, centuries and spans of
years, each with the bound the words before it put on it ("before 1967", "since 2017").

Separate from :mod:`verifier.facts` to keep each module small. facts.py imports
:func:`extract_dates` from here for :func:`verifier.facts.extract`, and :mod:`verifier.quantities`
imports :func:`is_year` so that its figure reader leaves years alone; both this module and the
figure readers take their word lists from :mod:`verifier.lexicon`. Dates written in digits
("14/04/2021") are read by :mod:`verifier.numericdates`, which needs no words; the mentions of
them are made here. What the words just before a date say of it beyond its bound ("as of",
"not until", "until" as the end of a state) is read by :mod:`verifier.datewords`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from verifier.datewords import read_words
from verifier.lexicon import (
    CURRENCY_RE,
    CURRENCY_WORDS,
    MEASURES,
    MONTHS,
    SCALES,
    STOPWORDS,
    TOKEN_RE,
    lemma,
    ranks,
)
from verifier.numericdates import numeric_dates

# Words before a date that make it a bound, not a point: "born before 1967". "by", "until",
# "since" and "from" include the date itself ("cases by March 20" holds on March 20).
DATE_BEFORE = ("before", "prior to", "earlier than")
# "to" closes a span ("from 1976 to 1985"): the end of a range is not a point.
DATE_BY = ("until", "till", "by", "through", "no later than", "to")
DATE_AFTER = ("after", "later than")
DATE_SINCE = ("since", "from")
DATE_BOUNDS = ((DATE_BEFORE, "before"), (DATE_BY, "by"), (DATE_AFTER, "after"), (DATE_SINCE, "since"))
DATE_RE = re.compile(
    r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s?,)?)?(?:\s+(?P<year>1\d\d\d|20\d\d))?\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    # "6 April, 2020" (and "6 April , 2020" as tokenised text writes it): the comma is the date's.
    r"(?:(?:\s?,)?\s+(?P<year2>1\d\d\d|20\d\d)(?!\s+[a-z]+s\b))?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    qualifier: str = "exact"  # exact | before | by | after | since (by/since include the date)
    years: int = 1  # how many years a year-only mention covers: 10 for "the 1970s", 100 for "the 1800s"
    # "As of 5 April 2020, 531 cases": the date a running figure was read at, not when
    # something happened; another date is another reading, not a contradiction.
    snapshot: bool = False
    # "04/05/2021": 4 May or 5 April depending on the writer's country; read both ways.
    swapped: bool = False
    # "Has not recorded a death since 2017": a period running from the date to now, which a
    # later date falls in. Not "from 2006 to 2012" (a span whose start is a date of its own),
    # nor "its best finish since 1980" (where a comparison reaches back to).
    ongoing: bool = False
    # "From 2006 to 2012", "between 2006 and 2012", "2006–12": both ends carry the years the
    # span covers, so that a point inside it ("in 2010") is not read against one end alone.
    span: tuple[int, int] | None = None
    # "born on 2 November 1953", "his death on August 6, 2009": the date of a birth or death,
    # which answers only a claim about that ("born after 1970" is not held by "Hellion (2014)").
    life: str | None = None
    # The birth or death is an end of a life's span in brackets ("Smith (1870 – 1965)"): the
    # sentence may be about someone else's life than the one bracketed.
    lifespan: bool = False
    # "Stay in Baghdad until 2027", "the mission will end in September 2025": when a state
    # ends. Two such dates are two ends, and differ when their dates do; a claimed end is
    # confirmed by the same date, not by any earlier one ("by 2027" would be).
    closes: bool = False


# "To" that is no end of a span: "according to the 2012 census", "due to 2020's drought".
_TO_NOT_BOUND = re.compile(
    r" (?:according|due|owing|thanks|compared|relative|contrary|back|postponed|delayed|moved) to$"
)


def _date_qualifier(before: str) -> str:
    before = " " + re.sub(r"\s+", " ", before.lower()).rstrip()
    before = re.sub(r" (?:the )?(?:end|start|beginning|middle) of$", "", before)
    before = re.sub(r" (?:in|on|of)$", "", before)
    if re.search(r" since (?:the )?(?:early|mid|late)-?$", before):
        return "since"  # "since the mid-1970s"
    before = re.sub(r" the$", "", before)  # "before the 1980s"
    if _TO_NOT_BOUND.search(before) or _ORIGIN.search(before):
        return "exact"  # "according to the 2012 revision", "postponed to 2021", "dates from 1150"
    for words, name in DATE_BOUNDS:
        if any(before.endswith(" " + w) for w in words):
            return name
    return "exact"


# A wire story's dateline: "TALMERE, Feb 6 (Wire) -", "LONDON, March 3, 2024 (Reuters) —".
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,},\s+[^()\n]{3,30}?\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|-|–|—)\s")


def dateline_end(text: str) -> int:
    """Where a wire story's dateline ends (0 without one): its place and date say where and
    when the story was filed, not what it is about."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


# "The church dates from the 12th century": when it was made, not a period since then.
# So is a record or a work "from 2018": "a UN report from 2018" is dated 2018, no period from it.
_ORIGIN = re.compile(
    r"\b(?:(?:dates?|dated|dating) (?:back )?(?:from|to)|(?:report|study|survey|census|poll|data|figures|"
    r"estimate|photo|photograph|letter|paper|article|interview|speech|statement|document|film|video|"
    r"recording|footage|map|list)s? from)$"
)
# "In 2019 sales rose", "by 2030 emissions": a year, whatever follows.
_YEAR_BEFORE = re.compile(r"\b(?:in|by|since|until|till|during|before|after|circa)\s+$", re.IGNORECASE)
_ERAS = frozenset({"BC", "AD", "CE", "BCE"})
# Words that bound a count, not a time: "more than 1500 Americans", "at least 1200 people". Not
# "over" or "under", which also say "during" ("sales rose 5% over 2020"), nor "up to", which also
# ends a period ("held the title up to 1998"); a date's own bounds ("before", "by", "later than")
# are other words.
_COUNT_BOUND = re.compile(
    r"\b(?:(?:no\s+)?(?:more|less|fewer|greater)\s+than|at\s+(?:least|most))\s*$", re.IGNORECASE
)


def is_year(value: float, num: str, after: str, before: str = "") -> bool:
    if re.search(r"[,.\s]", num) or not 1000 <= value <= 2100:
        return False
    if CURRENCY_RE.search(before):
        return False  # "$2000"
    if _COUNT_BOUND.search(before):
        # A bound on a count, not a year: "less than 1550 coronavirus cases" ("coronavirus"
        # reads like the singular noun of "the 2019 season").
        return False
    if value < 1500:
        # An early year only where a date is expected, and not before a count: "built in 1150",
        # not "in 1150 cases".
        nxt = TOKEN_RE.findall(after[:30])
        return bool(_YEAR_BEFORE.search(before)) and not (
            nxt and nxt[0][0].islower() and nxt[0] not in STOPWORDS
        )
    if _YEAR_BEFORE.search(before) or re.match(r"\s*(?:[,;:)]|\.(?!\d)|$)", after):
        return True  # "In 2019, sales rose", "opened in 1932, it carries"
    nxt = TOKEN_RE.findall(after[:30])
    if nxt and 2 <= len(nxt[0]) <= 3 and nxt[0].isupper() and nxt[0] not in _ERAS:
        return False  # a unit: "1500 MW"
    return (
        not nxt
        or not nxt[0][0].isalpha()
        or nxt[0][0].isupper()
        or nxt[0].lower() in STOPWORDS
        or ranks(nxt[0].lower())
        or _names_a_year(nxt[0].lower().rstrip(".,"))
        or nxt[0].lower() in ("onwards", "onward")  # "from 2013 onwards", not a plural count
    )


# Nouns that count in the singular: "1,500 people", "2000 staff", "a 1500 word essay".
_MASS_NOUNS = frozenset(
    "people police staff personnel cattle livestock crew media sheep fish word page calorie watt "
    "kilowatt megawatt horsepower square acre hectare seat bed room".split()
)


def _names_a_year(word: str) -> bool:
    """A year before a singular noun names which one: "the 2010 season", "its 2019 report"
    (while "1500 workers" counts). Not a unit: "1500 km", "2000 m"."""
    return (
        word.isalpha()
        and len(word) > 2
        and lemma(word) == word
        and (not word.endswith("s") or word.endswith(("sis", "us", "ss")))  # "census", "crisis"
        and word not in _MASS_NOUNS
        and word not in MEASURES
        and word not in CURRENCY_WORDS
        and word not in SCALES
    )


_MAY_MONTH = re.compile(
    r"\b(?:in|since|by|until|till|from|through|during|early|mid|late|last|next|this|before|after|between|as\s+of)"
    r"[\s-]+$",
    re.IGNORECASE,
)


def extract_dates(text: str) -> list[DateMention]:
    dates: list[DateMention] = []
    spans: list[tuple[int, int]] = []
    for m, year, month, day, ambiguous in numeric_dates(text):
        qualifier = _date_qualifier(text[max(0, m.start() - 30) : m.start()])
        dates.append(
            DateMention(year, month, day, m.group(), m.start(), m.end(), qualifier, swapped=ambiguous)
        )
        spans.append((m.start(), m.end()))
    for m in DATE_RE.finditer(text):
        month_word = (m.group("month") or m.group("month2") or "").lower().rstrip(".")
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2")
        if (
            month_word == "may"
            and not (day or year)
            and not (text[m.start()] == "M" and _MAY_MONTH.search(text, 0, m.start()))
        ):
            continue  # the verb "may" (a capitalised "May" after "in", "since", "early" … is the month)
        if month_word in ("mar", "march") and not (day or year) and text[m.start()].islower():
            continue
        month = MONTHS.get(month_word) or MONTHS.get(month_word[:3])
        dates.append(
            DateMention(
                int(year) if year else None,
                month,
                int(day) if day else None,
                m.group().strip(),
                m.start(),
                m.end(),
                _date_qualifier(text[max(0, m.start() - 30) : m.start()]),
            )
        )
        spans.append((m.start(), m.end()))
    # Decades and centuries: "the 1970s" covers 1970-1979, "the 1800s" 1800-1899 (but "the
    # 2000s" is the decade: that is how it is used).
    for m in re.finditer(r"(?<![\w,.])(1\d\d0|20\d0)[’']?s\b", text):
        year = int(m.group(1))
        years = 100 if year % 100 == 0 and year < 2000 else 10
        qualifier = _date_qualifier(text[max(0, m.start() - 30) : m.start()])
        dates.append(DateMention(year, None, None, m.group(), m.start(), m.end(), qualifier, years))
        spans.append((m.start(), m.end()))
    # "the 21st century": 2000-2099, as it is used (not the strict 2001-2100).
    for m in re.finditer(r"\b(1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b", text, re.IGNORECASE):
        qualifier = _date_qualifier(text[max(0, m.start() - 30) : m.start()])
        year = (int(m.group(1)) - 1) * 100
        dates.append(DateMention(year, None, None, m.group(), m.start(), m.end(), qualifier, 100))
        spans.append((m.start(), m.end()))
    for m in re.finditer(r"(?<![\w,.])(1\d\d\d|20\d\d|2100)(?![\w%]|[.,]\d)", text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if is_year(float(m.group()), m.group(), text[m.end() :], text[max(0, m.start() - 12) : m.start()]):
            qualifier = _date_qualifier(text[max(0, m.start() - 30) : m.start()])
            dates.append(DateMention(int(m.group()), None, None, m.group(), m.start(), m.end(), qualifier))
    filed = dateline_end(text)
    if filed:
        # "TALMERE, Feb 6 (Wire) - The bank raised ...": when the story was filed, not when
        # anything in it happened.
        dates = [d for d in dates if d.start >= filed]
    dates = _lifespans(text, _date_spans(text, _year_spans(text, dates)))
    dates = [_with_life_event(text, d) for d in dates]
    dates = [read_words(text, d) for d in dates]
    return sorted(dates, key=lambda d: d.start)


# A life's span in brackets after a name: "Helena Rubinstein (born Chaja Rubinstein; December
# 25, 1870 – April 1, 1965)", "John Smith (1870–1965)".
_LIFE_OPEN = re.compile(r"[A-Z][\w.'’-]*\s*\(\s*(?:(?:born|n[ée]e?)\s+[^;()]{1,60};\s*)?$", re.IGNORECASE)
_LIFE_CLOSE = re.compile(r"\s*\)")
# What opens a biography: the name alone ("Ernest `` Ernie '' Arthur Coombs , CM (").
_OPENING_NAME = re.compile(r"\W*(?:[A-Z][\w.'’-]*|``|''|\"|,)(?:\s*(?:[A-Z][\w.'’-]*|``|''|\"|,))*\s*\(")
LONGEST_LIFE = 120


def _lifespans(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The two ends of a life's span are its birth and its death: a claimed birth or death is
    read against its own end ("born after 1871" is refuted by "(December 25, 1870 – April 1,
    1965)", which the span as one stretch of years would hold); any other claim still reads
    the span (:func:`verifier.datecompare.same_event`)."""
    out = list(dates)
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        if not (
            first.span and first.span == last.span and (first.qualifier, last.qualifier) == ("since", "by")
        ):
            continue
        lo, hi = first.span
        opening = _LIFE_OPEN.search(text, 0, first.start)
        if not (0 < hi - lo <= LONGEST_LIFE and opening and _LIFE_CLOSE.match(text, last.end)):
            continue
        # Years alone bracket a show's run or a reign as often ("Gilmore Girls (2000–2007)"):
        # only where the sentence opens with the bracketed name, as a biography does.
        bracket = text.index("(", opening.start())
        if first.month is None and not _OPENING_NAME.fullmatch(text, 0, bracket + 1):
            continue
        out[i] = replace(first, life="birth", lifespan=True)
        out[i + 1] = replace(last, life="death", lifespan=True)
    return out


# "born on", "born some years after", "his death in", "passed away in": within a clause.
_BIRTH_BEFORE = re.compile(r"\b(?:born|birth|b\.)(?:\s+[\w']+){0,3}\s*$", re.IGNORECASE)
_DEATH_BEFORE = re.compile(r"\b(?:died|dies|death|passed\s+away|d\.)(?:\s+[\w']+){0,3}\s*$", re.IGNORECASE)


def _with_life_event(text: str, d: DateMention) -> DateMention:
    before = text[max(0, d.start - 30) : d.start]
    if _BIRTH_BEFORE.search(before):
        return replace(d, life="birth")
    if _DEATH_BEFORE.search(before):
        return replace(d, life="death")
    return d


# Two years joined as a span. "and" joins a span only after "between": "won in 2006 and 2012"
# names two years. A two-digit end ("2006–12", only after a dash) takes the first year's century.
_YEAR_SPAN = re.compile(
    r"(?:\b(?P<lead>from|between)\s+)?(?<![\w,.])(?P<a>1[5-9]\d\d|20\d\d)\s*"
    r"(?P<sep>[-–—]|\b(?:to|until|till|through|and)\b)\s*(?P<b>1[5-9]\d\d|20\d\d|2100|\d\d)(?![\w%-]|[.,]\d)",
    re.IGNORECASE,
)


def _year_spans(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Mark the two ends of each span of years: the start as a "since", the end as a "by" (as
    "from 2006 to 2012" already reads), each carrying the span. A two-digit end becomes a
    mention of its own, so that it is not read as a count."""
    by_start = {d.start: d for d in dates if d.month is None and d.years == 1}
    for m in _YEAR_SPAN.finditer(text):
        sep = m.group("sep").lower()
        if sep == "and" and (m.group("lead") or "").lower() != "between":
            continue
        a, b_text = int(m.group("a")), m.group("b")
        b = a // 100 * 100 + int(b_text) if len(b_text) == 2 else int(b_text)
        first = by_start.get(m.start("a"))
        if len(b_text) == 2 and sep not in "-–—":
            continue  # "from 10 cases in 2019 to 50 cases": a count, not "2050"
        if first is None or not a < b <= a + 150 or _MOVED.search(text, 0, m.start()):
            continue
        last = by_start.get(m.start("b"))
        if last is None and (len(b_text) == 4 or any(d.start <= m.start("b") < d.end for d in dates)):
            continue  # the end was read as something else (a count, part of a full date)
        words, span = m.group(), (a, b)
        ends = [replace(first, qualifier="since", span=span, text=words)]
        if last is None:
            ends.append(DateMention(b, None, None, words, m.start("b"), m.end("b"), "by", span=span))
        else:
            ends.append(replace(last, qualifier="by", span=span, text=words))
        dates = [d for d in dates if d is not first and d is not last] + ends
    return sorted(dates, key=lambda d: d.start)


# Between the two ends of a span of full dates: "from March 2006 to June 2012", "between 5 May
# and 6 June 2021", "5 May 2010 – 6 June 2012".
_SPAN_SEP = re.compile(r"\s*(?:[-–—]|to|until|till|through)\s*", re.IGNORECASE)
_SPAN_AND = re.compile(r"\s*and\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# What opens a span, and is quoted with it: "from March 2006 to June 2012".
_SPAN_LEAD = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
# A date moved is a change, not a span: "postponed from May 2020 to June 2021".
_MOVED = re.compile(
    r"\b(?:postponed|moved|delayed|rescheduled|pushed\s+back|brought\s+forward|changed|shifted)\b[^.;]{0,30}$",
    re.IGNORECASE,
)


def _date_spans(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Spans whose ends are dates with a month ("between March 2006 and June 2012"), read at
    the years they cover, as spans of years are: so that "in 2010" is not refuted by either
    end."""
    out = list(dates)
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        if first.span or last.span or last.year is None or (first.month is None and last.month is None):
            continue
        between = text[first.end : last.start]
        if not (
            _SPAN_SEP.fullmatch(between)
            or (_SPAN_AND.fullmatch(between) and _BETWEEN.search(text, 0, first.start))
        ) or _MOVED.search(text, 0, first.start):
            continue
        lo, hi = first.year if first.year is not None else last.year, last.year
        if lo > hi:
            continue
        lead = _SPAN_LEAD.search(text, 0, first.start)
        words = text[lead.start() if lead else first.start : last.end]
        out[i] = replace(first, qualifier="since", span=(lo, hi), text=words)
        out[i + 1] = replace(last, qualifier="by", span=(lo, hi), text=words)
    return out
