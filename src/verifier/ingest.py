"""Read trusted source documents from files and folders into :class:`Document`.

One document per ``.txt``/``.md``/``.html``/``.htm`` file (metadata from an
optional ``X.meta.json`` beside ``X.ext``), one per ``.jsonl``/``.csv`` record.
All files must be UTF-8. ``.txt`` text is kept exactly as in the file (only
``\\r\\n`` -> ``\\n`` and a leading BOM dropped). ``.md`` is rendered to HTML
and read like an ``.html`` file, so "**bold**", "[link](url)" and "# " never
reach the evidence. Either way ``Document.text`` is the text that is stored,
segmented and shown, so sentence offsets index into it.

Ids are stable across rebuilds: an explicit ``doc_id`` wins, else the path
relative to the folder argument without extension, else for a jsonl/csv record
``<file stem>-<sha1(text)[:12]>``. Path ids that would clash with another id
("t.txt" and "t.md" in one folder) keep their extension ("t.txt", "t.md").
Exact duplicates (same text and metadata) are kept once, with a warning.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import hashlib
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString, Script, Stylesheet, TemplateString

from verifier.errors import VerifierError
from verifier.types import Document

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
_USE = "use .txt, .md, .html, .jsonl or .csv"
_META_SUFFIX = ".meta.json"
_META_FIELDS = ("doc_id", "title", "source", "date", "url")
_PLAIN_FIELDS = ("source", "date", "url")
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
# A table full of repeated rows would bury the build's own output under warnings.
_MAX_DUPLICATE_WARNINGS = 10


@dataclass(frozen=True)
class _Loaded:
    """A document with where it came from, which decides how an id clash is resolved."""

    doc: Document
    where: str  # "FILE" or "FILE line N" / "FILE row N", for messages
    explicit_id: bool  # the user gave doc_id (sidecar or record field)
    long_id: str | None = None  # for an id made from a path: the same path with its extension


def _warn_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_documents(
    paths: Sequence[str | Path], *, warn: Callable[[str], None] | None = None
) -> list[Document]:
    """Load every document under ``paths`` (files and/or folders), in order.

    ``warn`` receives one line per notice (exact duplicates dropped); default: stderr.
    """
    if isinstance(paths, (str, Path)):  # a lone path would iterate characters
        paths = [paths]
    if not paths:
        raise VerifierError("no input paths given: pass at least one file or folder")
    loaded: list[_Loaded] = []
    seen_files: set[Path] = set()
    for file, rel_path in _expand(paths):
        # A file reached twice (folder and explicit) would get two ids and be indexed twice.
        key = file.resolve()
        if key in seen_files:
            continue
        seen_files.add(key)
        loaded += _load_file(file, rel_path)
    if not loaded:
        raise VerifierError(f"no documents found in {', '.join(map(str, paths))}")
    return _resolve_ids(_drop_exact_duplicates(loaded, warn or _warn_stderr))


def _drop_exact_duplicates(loaded: list[_Loaded], warn: Callable[[str], None]) -> list[_Loaded]:
    """Keep the first of documents with the same text and metadata.

    An id made from a path or a record's text is not metadata the user chose, so two
    identical files (or rows) count as one document; explicitly given ids do count.
    """
    first: dict[tuple[str | None, ...], str] = {}
    kept: list[_Loaded] = []
    dropped: list[str] = []
    for item in loaded:
        d = item.doc
        key = (d.doc_id if item.explicit_id else None, d.text, d.title, d.source, d.date, d.url)
        if key in first:
            dropped.append(
                f"warning: {item.where} repeats {first[key]} (same text and metadata); indexed once"
            )
            continue
        first[key] = item.where
        kept.append(item)
    for line in dropped[:_MAX_DUPLICATE_WARNINGS]:
        warn(line)
    if len(dropped) > _MAX_DUPLICATE_WARNINGS:
        warn(f"warning: {len(dropped) - _MAX_DUPLICATE_WARNINGS} more exact duplicates indexed once")
    return kept


def _resolve_ids(loaded: list[_Loaded]) -> list[Document]:
    """Give path ids that clash their extension; any clash left is the user's to fix."""
    count: dict[str, int] = {}
    for item in loaded:
        count[item.doc.doc_id] = count.get(item.doc.doc_id, 0) + 1
    # Only clashing ids change, so every id that was valid before stays what it was.
    loaded = [
        replace(item, doc=replace(item.doc, doc_id=item.long_id))
        if item.long_id and count[item.doc.doc_id] > 1
        else item
        for item in loaded
    ]
    where_by_id: dict[str, str] = {}
    for item in loaded:
        doc_id = item.doc.doc_id
        if doc_id in where_by_id:
            raise VerifierError(
                f"duplicate document id '{doc_id}' (in {where_by_id[doc_id]} and {item.where}); "
                "give each its own doc_id (in the record, or in a NAME.meta.json sidecar) or rename one"
            )
        where_by_id[doc_id] = item.where
    return [item.doc for item in loaded]


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


def _expand(paths: Sequence[str | Path]) -> list[tuple[Path, str]]:
    """Turn the arguments into ``(file, path relative to its argument)`` pairs: ids derive from them."""
    found: list[tuple[Path, str]] = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            files = _walk(path)
            if not files:
                raise VerifierError(f"folder {path} contains no supported files: {_USE}")
            found += [(f, f.relative_to(path).as_posix()) for f in files]
        elif path.is_file():
            suffix = path.suffix.lower()
            if suffix not in SUPPORTED_EXTENSIONS or path.name.endswith(_META_SUFFIX):
                shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
                raise VerifierError(f"unsupported file type {shown} for {path}: {_USE}")
            found.append((path, path.name))
        elif path.exists():
            raise VerifierError(f"{path} is neither a file nor a folder")
        else:
            raise VerifierError(f"input path {path} does not exist")
    return found


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files += [Path(dirpath, name) for name in filenames if _wanted(name)]
    # Sort on path components so order (and so index rows) never depends on
    # the file system's listing order.
    return sorted(files, key=lambda f: f.relative_to(folder).parts)


def _wanted(name: str) -> bool:
    suffix = Path(name).suffix.lower()
    return suffix in SUPPORTED_EXTENSIONS and not name.startswith(".") and not name.endswith(_META_SUFFIX)


def _load_file(path: Path, rel_path: str) -> list[_Loaded]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _load_jsonl(path)
    if suffix == ".csv":
        return _load_csv(path)
    raw = _read_text(path)
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
    elif suffix == ".md":
        text, title = markdown_to_text(raw)
        title = title or _first_line(text)
    else:
        text, title = raw, _first_line(raw)
    if not text.strip():
        raise VerifierError(f"{path} contains no text")
    meta = _read_sidecar(path)
    plain = {key: meta[key] for key in _PLAIN_FIELDS}
    title = meta["title"] or title
    short_id = rel_path[: -len(path.suffix)] if path.suffix else rel_path
    if meta["doc_id"]:
        doc = Document(meta["doc_id"], text, title, **plain, path=str(path))
        return [_Loaded(doc, str(path), explicit_id=True)]
    doc = Document(short_id, text, title, **plain, path=str(path))
    return [_Loaded(doc, str(path), explicit_id=False, long_id=rel_path)]


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


def _read_text(path: Path) -> str:
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


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:_TITLE_MAX]


def _field(value: Any) -> str:
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


def _table_date(value: Any) -> tuple[str, str | None]:
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


def _read_sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.with_suffix("").name + _META_SUFFIX)
    if not sidecar.is_file():
        return dict.fromkeys(_META_FIELDS, "")
    try:
        meta = json.loads(_read_text(sidecar))
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
        fields[key] = _field(value)
    problem = _date_problem(fields["date"])
    if problem:
        raise VerifierError(f"metadata file {sidecar}: {problem}")
    return fields


def _unknown_key(key: str) -> str:
    close = difflib.get_close_matches(key, _META_FIELDS, n=1)
    return f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key)


def _record_doc(path: Path, record: dict[str, Any], text: str, where: str, date: str) -> _Loaded:
    """``date``: the record's date as :func:`_table_date` accepted it."""
    text = text.replace("\r\n", "\n")
    given = _field(record.get("doc_id"))
    doc_id = given or f"{path.stem}-{hashlib.sha1(text.encode()).hexdigest()[:12]}"
    plain = {key: _field(record.get(key)) for key in _PLAIN_FIELDS}
    plain["date"] = date
    doc = Document(doc_id, text, _field(record.get("title")), **plain, path=str(path))
    return _Loaded(doc, where, explicit_id=bool(given))


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


def _load_jsonl(path: Path) -> list[_Loaded]:
    out: list[_Loaded] = []
    for number, record in jsonl_objects(_read_text(path), path):
        where = f"{path} line {number}"
        if "text" not in record:
            raise VerifierError(f"{where}: missing 'text' field")
        text = record["text"]
        if not isinstance(text, str) or not text.strip():
            raise VerifierError(f"{where}: 'text' must be a non-empty string")
        date, problem = _table_date(record.get("date"))
        if problem:
            raise VerifierError(f"{where}: {problem}")
        out.append(_record_doc(path, record, text, where, date))
    if not out:
        raise VerifierError(f"{path} contains no records")
    return out


def _load_csv(path: Path) -> list[_Loaded]:
    # Decode ourselves so CSV follows the same UTF-8/BOM/CRLF rules as the rest.
    content = _read_text(path)
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
    out: list[_Loaded] = []
    for row, record in enumerate(frame.to_dict("records"), start=1):
        text = record["text"]
        date, problem = _table_date(record.get("date"))  # dtype=str: always text here
        if not text.strip():
            problem = "empty 'text'"
        if problem:
            # The line only when needed: finding it re-reads the file up to the row.
            line = _csv_line(content, row)
            at = f" (line {line})" if line else ""
            raise VerifierError(f"{path} row {row}{at}: {problem}")
        out.append(_record_doc(path, record, text, f"{path} row {row}", date))
    return out


def _csv_line(content: str, row: int) -> int | None:
    """File line where data row ``row`` starts: quoted fields may span lines."""
    reader, seen, end = csv.reader(io.StringIO(content)), -1, 0  # -1: the header is no data row
    with contextlib.suppress(csv.Error):
        for fields in reader:
            start, end = end + 1, reader.line_num
            seen += bool(fields)  # pandas skips blank lines, so they are not rows
            if fields and seen == row:
                return start
    return None
