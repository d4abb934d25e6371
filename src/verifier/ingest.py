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

How each format reads (text, markup, sidecars, records, dates) is :mod:`verifier.formats`;
this module picks the files, makes documents of what they hold and gives them their ids.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from verifier.errors import VerifierError
from verifier.formats import (
    META_SUFFIX,
    csv_line,
    field_text,
    first_line,
    html_to_text,
    jsonl_objects,
    markdown_to_text,
    read_csv,
    read_sidecar,
    read_text,
    table_date,
)
from verifier.types import Document

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
_USE = "use .txt, .md, .html, .jsonl or .csv"
_PLAIN_FIELDS = ("source", "date", "url")
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
            if suffix not in SUPPORTED_EXTENSIONS or path.name.endswith(META_SUFFIX):
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
    return suffix in SUPPORTED_EXTENSIONS and not name.startswith(".") and not name.endswith(META_SUFFIX)


def _load_file(path: Path, rel_path: str) -> list[_Loaded]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _load_jsonl(path)
    if suffix == ".csv":
        return _load_csv(path)
    raw = read_text(path)
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
    elif suffix == ".md":
        text, title = markdown_to_text(raw)
        title = title or first_line(text)
    else:
        text, title = raw, first_line(raw)
    if not text.strip():
        raise VerifierError(f"{path} contains no text")
    meta = read_sidecar(path)
    plain = {key: meta[key] for key in _PLAIN_FIELDS}
    title = meta["title"] or title
    short_id = rel_path[: -len(path.suffix)] if path.suffix else rel_path
    if meta["doc_id"]:
        doc = Document(meta["doc_id"], text, title, **plain, path=str(path))
        return [_Loaded(doc, str(path), explicit_id=True)]
    doc = Document(short_id, text, title, **plain, path=str(path))
    return [_Loaded(doc, str(path), explicit_id=False, long_id=rel_path)]


def _record_doc(path: Path, record: dict[str, Any], text: str, where: str, date: str) -> _Loaded:
    """``date``: the record's date as :func:`verifier.formats.table_date` accepted it."""
    text = text.replace("\r\n", "\n")
    given = field_text(record.get("doc_id"))
    doc_id = given or f"{path.stem}-{hashlib.sha1(text.encode()).hexdigest()[:12]}"
    plain = {key: field_text(record.get(key)) for key in _PLAIN_FIELDS}
    plain["date"] = date
    doc = Document(doc_id, text, field_text(record.get("title")), **plain, path=str(path))
    return _Loaded(doc, where, explicit_id=bool(given))


def _load_jsonl(path: Path) -> list[_Loaded]:
    out: list[_Loaded] = []
    for number, record in jsonl_objects(read_text(path), path):
        where = f"{path} line {number}"
        if "text" not in record:
            raise VerifierError(f"{where}: missing 'text' field")
        text = record["text"]
        if not isinstance(text, str) or not text.strip():
            raise VerifierError(f"{where}: 'text' must be a non-empty string")
        date, problem = table_date(record.get("date"))
        if problem:
            raise VerifierError(f"{where}: {problem}")
        out.append(_record_doc(path, record, text, where, date))
    if not out:
        raise VerifierError(f"{path} contains no records")
    return out


def _load_csv(path: Path) -> list[_Loaded]:
    content, records = read_csv(path)
    out: list[_Loaded] = []
    for row, record in enumerate(records, start=1):
        text = record["text"]
        date, problem = table_date(record.get("date"))  # read_csv reads every cell as text
        if not text.strip():
            problem = "empty 'text'"
        if problem:
            # The line only when needed: finding it re-reads the file up to the row.
            line = csv_line(content, row)
            at = f" (line {line})" if line else ""
            raise VerifierError(f"{path} row {row}{at}: {problem}")
        out.append(_record_doc(path, record, text, f"{path} row {row}", date))
    return out
