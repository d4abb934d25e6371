"""Dates written in digits: ISO "2021-04-14", "14/04/2021", "04-14-2021", "14.04.21", each
checked against the calendar, with its day and month order read from the separator and the
values.

Separate from :mod:`verifier.dates` to keep each module small. Reading digits as a date needs
none of the word lists nor :class:`~verifier.dates.DateMention`: :func:`numeric_dates` yields
the match and its day, and dates.py makes the mention (with the bound the words before it put
on it). Nothing here imports dates.py, so there is no cycle.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

# Numeric dates: ISO "2021-04-14" (or 2021/04/14), and "14/04/2021", "14.04.2021",
# "04-14-2021" with a four-digit year.
_ISO_DATE = re.compile(
    r"(?<![\w.,/-])(?P<y>1[5-9]\d\d|20\d\d)([-/])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?:(?=T\d)|(?![\w/-]|[.,]\d))"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<y>1[5-9]\d\d|20\d\d)(?![\w/-]|[.,]\d)"
)
# "14/04/21", "14.04.21": a two-digit year, read in the century that puts it nearest to now. Not
# with hyphens ("4-4-21" is as likely a score or a formation), nor "1.2.21" (a version).
_SHORT_YEAR_DATE = re.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d\d)(?![\w/-]|[.,]\d)"
    r"|(?<![\w.,/-])(?P<a2>\d\d)\.(?P<b2>\d\d)\.(?P<y2>\d\d)(?![\w/-]|\.\w)"
)


_PAST_EVENT = re.compile(r"\b(?:born|died|founded|established|b\.|d\.)\s*(?:on\s+)?$", re.IGNORECASE)


def _full_year(yy: int, past: bool = False) -> int:
    """The century nearest now; a birth or a founding is in the past ("born 03/07/28": 1928)."""
    this = datetime.date.today().year
    year = this - this % 100 + yy
    return year - 100 if year > this + (0 if past else 10) else year


def _real_day(year: int, month: int, day: int) -> bool:
    """Is it a day of the calendar ("31/02/2021" is not)?"""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


_VERSION_BEFORE = re.compile(
    r"\b(?:version|patch|release|build|firmware|v|no|number|upgrade\s+to|sizes?|grades?|case|article|art|"
    r"paragraph|para|section|sec|clause|rule|chapter|ch)\.?\s*$",
    re.IGNORECASE,
)
# "5/10/20 mg", "the 10/10/10 rule": doses and rules of thumb.
_NOT_DATE_AFTER = re.compile(r"\s*(?:mg|mcg|g|kg|mm|cm|ml|l|rule|split|ratio)\b", re.IGNORECASE)


def numeric_dates(text: str) -> Iterator[tuple[re.Match[str], int, int, int, bool]]:
    """(match, year, month, day, ambiguous) of each numeric date: "14/04/2021" is day-first,
    "04/14/2021" month-first; "04/05/2021" is 4 May or 5 April depending on the writer's
    country, so it is ambiguous (read month-first here, compared both ways)."""
    for m in _ISO_DATE.finditer(text):
        if _VERSION_BEFORE.search(text, 0, m.start()):
            continue
        month, day = int(m.group("m")), int(m.group("d"))
        if _real_day(int(m.group("y")), month, day):
            yield m, int(m.group("y")), month, day, False
    for m in (*_NUMERIC_DATE.finditer(text), *_SHORT_YEAR_DATE.finditer(text)):
        if _VERSION_BEFORE.search(text, 0, m.start()) or _NOT_DATE_AFTER.match(text, m.end()):
            continue  # "Patch 1.2.2021", "Law No. 5/12/2021", "5/10/20 mg": a number, not a date
        a, b, y = (int(m.group(g) or m.group(g + "2")) for g in ("a", "b", "y"))
        year = y if y >= 100 else _full_year(y, bool(_PAST_EVENT.search(text, 0, m.start())))
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            continue
        # Dots are written day first (14.04.2021, 03.11.98: 3 November); slashes either way.
        dotted = "." in m.group()
        month, day = (b, a) if a > 12 or dotted else (a, b)
        if _real_day(year, month, day):  # not "31/02/2021"
            yield m, year, month, day, not dotted and a != b and a <= 12 and b <= 12
