"""Times of day read as figures: "3:12 a.m.", "2 p.m.", "21:47 GMT".

A time is one figure, in minutes after midnight, compared only with another time of day
(:data:`verifier.figures.CLOCK`); its digits are no counts, so :mod:`verifier.quantities` reads
these first and leaves their spans alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from verifier.figures import CLOCK, Quantity, make_quantity
from verifier.units import qualifier_at

# A time of day: "3:12 a.m.", "2 p.m.", "21:47 GMT". One figure, in minutes after midnight,
# compared only with another time of day; its digits are no counts ("12 a.m" is not twelve of
# anything). Not a race time ("2:03:59"), nor a ratio ("a 1:50 scale", "16:9 aspect ratio").
_CLOCK = re.compile(
    r"(?<![\w:.,/])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:]|\.\d|\s*scale))",
    re.IGNORECASE,
)
# In a sentence about ratios, scales or odds, "16:9" is a ratio (read as before).
_RATIOS = re.compile(r"\b(?:ratios?|scales?|odds)\b", re.IGNORECASE)
# A time that bounds a period ("after 3 p.m.", "from 9 p.m. to 6 a.m.", "by 7 p.m.") is read as
# no figure at all: its digits are still no counts.
_BOUND_BEFORE = re.compile(
    r"\b(?:after|before|by|until|till|from|since|starting|to|between|and)\s+$", re.IGNORECASE
)


def clock_times(text: str, free: Callable[[int, int], bool], taken: list[tuple[int, int]]) -> list[Quantity]:
    """Times of day as figures; ``taken`` gets the spans of those read as no figure."""
    found = []
    for m in _CLOCK.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if not m.group("ampm") and _RATIOS.search(text):
            continue
        if _BOUND_BEFORE.search(text, 0, m.start()):
            taken.append((m.start(), m.end()))
            continue
        if m.group("ampm"):
            hour = int(m.group("h")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            minutes = int(m.group("m") or 0)
        else:
            hour, minutes = int(m.group("h24")), int(m.group("m24"))
        qual = qualifier_at(text, m.start())
        found.append(make_quantity(hour * 60 + minutes, text, m.start(), m.end(), [CLOCK], qual))
    return found


# A race or a record time: "2:04:51", "1:59:40.2" (hours, minutes, seconds), one length of time
# in seconds, as "2 hours 4 minutes 51 seconds" is read.
_ELAPSED = re.compile(
    r"(?<![\w:.,/])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?)(?![\d:]|\s?[ap]\.?m\b)"
)


def elapsed_times(text: str, free: Callable[[int, int], bool]) -> list[Quantity]:
    """Race times as lengths of time, in seconds."""
    found = []
    for m in _ELAPSED.finditer(text):
        if not free(m.start(), m.end()):
            continue
        seconds = int(m.group("h")) * 3600 + int(m.group("m")) * 60 + float(m.group("s"))
        found.append(
            make_quantity(seconds, text, m.start(), m.end(), ["second"], qualifier_at(text, m.start()))
        )
    return found
