"""Place names of several ordinary words, from ISO 3166 (pycountry): "Dominican Republic",
"South Korea", "North Carolina". Capitalised runs of dictionary words are no names to the entity
reader ("Dominican" and "Republic" are both words), and a compass word is dropped from a name
("South Korea" was read as "korea", so North and South Korea were one place). Every name of a
country (short, common and official) reads as one entity, so "Czech Republic" and "Czechia" are
one place.

Separate from :mod:`verifier.entities` to keep each module small; it is built once, on first use.
"""

from __future__ import annotations

import re
from functools import cache

# Countries whose states or provinces news names most; the rest of ISO 3166-2 is thousands of
# districts whose names collide with ordinary capitalised phrases ("Central", "Western Cape").
_SUBDIVISIONS_OF = ("US", "CA", "AU", "IN")


def _norm(name: str) -> str:
    return re.sub(r"[.’']", "", name.lower()).strip()


@cache
def _places() -> tuple[re.Pattern[str] | None, dict[str, str], dict[str, frozenset[str]]]:
    """(pattern of every multi-word name, name -> the place's entity, entity -> its names)."""
    import pycountry

    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        names = [n for n in names if n and "," not in n and "(" not in n]
        if not names:
            continue
        entity = _norm(names[0])
        for n in names:
            canonical.setdefault(_norm(n), entity)
    for code in _SUBDIVISIONS_OF:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            if "," not in sub.name and "(" not in sub.name:
                canonical.setdefault(_norm(sub.name), _norm(sub.name))
    multi = sorted((n for n in canonical if " " in n), key=len, reverse=True)
    variants: dict[str, set[str]] = {}
    for name, entity in canonical.items():
        variants.setdefault(entity, set()).add(name)
    if not multi:
        return None, canonical, {}
    # Longest first, so "Democratic Republic of the Congo" wins over "Republic of the Congo".
    words = [r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in n.split()) for n in multi]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")
    return pattern, canonical, {e: frozenset(v) for e, v in variants.items() if len(v) > 1}


def place_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity) of each multi-word place name in ``text``, as written with capitals."""
    pattern, canonical, _ = _places()
    if pattern is None:
        return []
    return [
        (m.start(), m.end(), canonical[_norm(re.sub(r"\s+", " ", m.group()))]) for m in pattern.finditer(text)
    ]


def place_variants(entity: str) -> frozenset[str]:
    """Every name of the place ``entity`` names (itself included), for finding it in a text."""
    return _places()[2].get(entity, frozenset({entity}))
