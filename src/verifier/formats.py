"""What each source file format says: its text, its visible text, its metadata, its records.

The readers behind :mod:`verifier.ingest`, one per format: UTF-8 text (BOM and ``\\r\\n``
dropped), the visible text and title of HTML and of Markdown (rendered to HTML first), a
``NAME.meta.json`` sidecar's fields, JSONL objects and CSV rows, and the one rule for what
reads as a date. They live apart from ingest so that it reads as one stage (which files,
which documents, which ids), and so the drafts of ``check-article`` (:mod:`verifier.draft`),
batch tables (:mod:`verifier.tables`) and the server's ``POST /api/documents`` read text,
sidecars, JSON lines and dates by the same rules as the corpus.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import json
import warnings
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString, Script, Stylesheet, TemplateString

from verifier.errors import VerifierError

META_SUFFIX = ".meta.json"
_META_FIELDS = ("doc_id", "title", "source", "date", "url")
_TITLE_MAX = 200

# Tags whose content a reader never sees; head/title are excluded from the body
# text because the title is returned separately.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe"})
# Each of these starts a new paragraph so the sentence splitter never glues the
# end of one block onto the start of the next.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr",
        "section", "article", "header", "footer", "blockquote", "pre",
        "ul", "ol", "dl", "dt", "dd", "table", "caption", "main", "nav",
        "aside", "figure", "figcaption", "hr", "address", "form", "fieldset",
    }
)  # fmt: skip
# Adjacent cells need a space or "<td>a</td><td>b</td>" would read as "ab".
_CELL_TAGS = frozenset({"td", "th"})
# Comments, doctypes, CDATA and the raw text of script/style are not visible.
_INVISIBLE = (PreformattedString, Script, Stylesheet, TemplateString)
_END_BLOCK = object()


def html_to_text(html: str) -> tuple[str, str]:
    """Return ``(visible text, title)``; blocks are separated by blank lines."""
    soup = BeautifulSoup(html, "lxml")
    title_tag, h1 = soup.find("title"), soup.find("h1")
    title = " ".join(title_tag.get_text(" ").split()) if isinstance(title_tag, Tag) else ""
    if not title and isinstance(h1, Tag):
        title = " ".join(_blocks(h1))
    return "\n\n".join(_blocks(soup)), title[:_TITLE_MAX]


def _blocks(root: Tag) -> list[str]:
    # Iterative: deeply nested real-world HTML can exceed the recursion limit.
    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(text)
        parts.clear()

    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node is _END_BLOCK:
            flush()
        elif isinstance(node, str):
            if not isinstance(node, _INVISIBLE):
                parts.append(node)
        elif isinstance(node, Tag) and node.name not in _SKIP_TAGS:
            if node.name in _BLOCK_TAGS:
                flush()
                stack.append(_END_BLOCK)
            elif node.name in _CELL_TAGS:
                stack.append(" ")
            stack.extend(reversed(node.contents))
    flush()
    return blocks


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """Return ``(visible text, title)`` of a Markdown document, read as the HTML it renders to.

    The title is the first level-1 heading, else empty.
    """
    return html_to_text(_markdown_renderer().render(markdown))


@lru_cache(maxsize=1)
def _markdown_renderer() -> Any:
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover - a broken install
        raise VerifierError("reading .md files needs markdown-it-py; reinstall claim-verifier") from None
    # CommonMark, as most editors preview it, plus the tables and strike-through of GitHub's dialect.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_text(path: Path) -> str:
    """A UTF-8 file's text, a leading BOM dropped and ``\\r\\n`` read as ``\\n``; a binary or
    non-UTF-8 file is refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VerifierError(f"cannot read {path}: {exc.strerror}") from None
    try:
        if b"\x00" in data:  # valid UTF-8 but certainly not text
            raise UnicodeError
        text = data.decode("utf-8")
    except UnicodeError:
        raise VerifierError(f"{path} is not a UTF-8 text file") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def first_line(text: str) -> str:
    """The first non-blank line, stripped and cut to title length: the title of a file that names none."""
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:_TITLE_MAX]


def field_text(value: Any) -> str:
    """A metadata value as stored: stripped text, "" when absent."""
    return "" if value is None else str(value).strip()


def is_date(value: str) -> bool:
    """True for a string that reads as a date ("2025-01-15", "15 January 2025", "March 2024")."""
    from dateutil import parser

    try:
        parser.parse(value)
    except (ValueError, OverflowError):
        return False
    return True


_DATE_HINT = "(write it like 2025-01-15, or leave it empty)"


def _date_problem(value: str) -> str | None:
    """Why ``value`` (stripped) cannot be a document's date, or None: one rule for every way in."""
    if value and not is_date(value):
        return f"field 'date' is not a date: {value!r} {_DATE_HINT}"
    return None


def table_date(value: Any) -> tuple[str, str | None]:
    """A jsonl/csv record's ``date`` as stored, and why it is refused (None when it is not).

    A bare year is a date people write as a JSON number ({"date": 2024}); it is kept as the text
    "2024", which reads as that year. Any other number, a list or an object would be indexed as
    nonsense (str(20240115), "['x']"), so it is refused as in a sidecar.
    """
    if value is None:
        return "", None
    if type(value) is int and 1000 <= value <= 9999:  # type(): True is an int too, and no year
        return str(value), None
    if not isinstance(value, str):
        got = _JSON_TYPES.get(type(value), type(value).__name__)
        return "", f"field 'date' must be a date as text (like \"2025-01-15\") or a year, not {got}"
    date = value.strip()
    return date, _date_problem(date)


_JSON_TYPES = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}


def read_sidecar(path: Path) -> dict[str, str]:
    """The fields of ``path``'s ``NAME.meta.json`` sidecar (all "" without one); a misspelt key,
    a value that is not text or a date that reads as none is refused."""
    sidecar = path.with_name(path.with_suffix("").name + META_SUFFIX)
    if not sidecar.is_file():
        return dict.fromkeys(_META_FIELDS, "")
    try:
        meta = json.loads(read_text(sidecar))
    except json.JSONDecodeError as exc:
        raise VerifierError(
            f"metadata file {sidecar} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(meta, dict):
        raise VerifierError(f"metadata file {sidecar} must contain a JSON object")
    # A misspelt key ("titel") would otherwise be dropped and the document indexed without it.
    unknown = [key for key in meta if key not in _META_FIELDS]
    if unknown:
        named = ", ".join(_unknown_key(key) for key in unknown)
        raise VerifierError(
            f"metadata file {sidecar}: unknown {'field' if len(unknown) == 1 else 'fields'} {named}; "
            f"allowed: {', '.join(_META_FIELDS)}"
        )
    fields: dict[str, str] = {}
    for key in _META_FIELDS:
        value = meta.get(key)
        # str() of 5 or ["x"] would index nonsense as a title or date: refuse it instead.
        if value is not None and not isinstance(value, str):
            got = _JSON_TYPES.get(type(value), type(value).__name__)
            raise VerifierError(f"metadata file {sidecar}: field '{key}' must be a string, not {got}")
        fields[key] = field_text(value)
    problem = _date_problem(fields["date"])
    if problem:
        raise VerifierError(f"metadata file {sidecar}: {problem}")
    return fields


def _unknown_key(key: str) -> str:
    close = difflib.get_close_matches(key, _META_FIELDS, n=1)
    return f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key)


def jsonl_objects(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; a bad line is a VerifierError naming it."""
    # Split on "\n" only: str.splitlines would also cut at U+2028 inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise VerifierError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(record, dict):
            raise VerifierError(f"{where}: not a JSON object")
        yield number, record


def read_csv(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The file's text and its data rows (every cell a string), checked to have a 'text' column.

    The text comes back too, so a row refused later can be found at its line (:func:`csv_line`).
    """
    # Decode ourselves so CSV follows the same UTF-8/BOM/CRLF rules as the rest.
    content = read_text(path)
    try:
        with warnings.catch_warnings():
            # Rows with more fields than the header would otherwise silently
            # become an index (shifting 'text') or lose data: make that fatal.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(io.StringIO(content), dtype=str, keep_default_na=False, index_col=False)
    except pd.errors.EmptyDataError:
        raise VerifierError(f"{path} is empty: expected a header row with a 'text' column") from None
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError) as exc:
        detail = " ".join(str(exc).split())
        raise VerifierError(f"cannot parse CSV file {path}: {detail}") from None
    columns = [str(c) for c in frame.columns]
    if "text" not in columns:
        raise VerifierError(f"{path} has no 'text' column (columns: {', '.join(columns)})")
    if frame.empty:
        raise VerifierError(f"{path} has a header but no data rows")
    return content, frame.to_dict("records")


def csv_line(content: str, row: int) -> int | None:
    """File line where data row ``row`` starts: quoted fields may span lines."""
    reader, seen, end = csv.reader(io.StringIO(content)), -1, 0  # -1: the header is no data row
    with contextlib.suppress(csv.Error):
        for fields in reader:
            start, end = end + 1, reader.line_num
            seen += bool(fields)  # pandas skips blank lines, so they are not rows
            if fields and seen == row:
                return start
    return None
