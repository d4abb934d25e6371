"""Jinja2 rendering for the HTML report and the review page, and escaping for the other outputs.

Autoescaping is on for every template: text from a draft, a document or a reviewer is
always written as text, never as markup. Templates use no external assets. A spreadsheet cell
(batch results, review exports) that would run as a formula is quoted (:func:`neutralise`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# OWASP CSV injection: spreadsheets run cells starting with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A cell that is nothing but a decimal number is a number to a spreadsheet, never a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """Prefix "'" to text a spreadsheet would run as a formula. Not to a plain number: "-5" or
    "+3.5" stays as written (a spreadsheet reads a number), but "-2+3" or "-5+cmd|..." is a
    formula and gets quoted. Anything but text is returned as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("verifier", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["pct"] = lambda x: f"{float(x):.2f}"
    env.filters["safe_url"] = safe_url
    env.filters["counted"] = plural  # {{ n|counted("claim") }}: "1 claim", "2 claims"
    return env


def plural(n: int, word: str, many: str = "") -> str:
    """``n`` and the word in the number it takes: "1 claim", "2 claims"."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def safe_url(url: str) -> str:
    """The URL if it is plain http(s), else "" (no javascript:, data: or relative tricks)."""
    url = (url or "").strip()
    return (
        url if url.lower().startswith(("http://", "https://")) and not any(c in url for c in "\"'<> ") else ""
    )


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
