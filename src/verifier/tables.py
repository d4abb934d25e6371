"""Table files for ``verifier batch``: read as written, written atomically and spreadsheet-safe.

CSV and TSV are read with the csv module, every row checked against the header, so an error
names the line a user sees in an editor and "007" or "" comes back exactly as written; a
.csv's separator is sniffed from the file. Outputs are replaced in one rename, so a reader or
a crash never sees half a file, and CSV/TSV/XLSX cells a spreadsheet would run as formulas
are quoted. Only ``verifier batch`` imports this module, so pandas at module top is fine.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pandas as pd

from verifier.errors import VerifierError
from verifier.templating import neutralise, plural

FORMATS = (".csv", ".tsv", ".jsonl", ".xlsx", ".parquet")
# Field separators a .csv may use: Excel in many locales writes ";", some tools tab or "|".
_CSV_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024


def table_suffix(path: Path) -> str:
    """The extension of a table file, lowercased; an unsupported one is an error."""
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise VerifierError(
            f"unsupported file type '{ext or '(none)'}' for {path}: use .csv, .tsv, .jsonl, .xlsx or .parquet"
        )
    return ext


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VerifierError(f"input file {path} does not exist") from None
    except IsADirectoryError:
        raise VerifierError(f"{path} is a folder, not a table file") from None
    except OSError as e:
        raise VerifierError(f"cannot read {path}: {e.strerror or e}") from None


def _parse_jsonl(data: bytes, path: Path) -> pd.DataFrame:
    # Parsed by hand rather than pd.read_json so an error can name the line, and so
    # strings like "2020-01-01" or "007" are not turned into dates or numbers.
    from verifier.formats import jsonl_objects

    records = [record for _, record in jsonl_objects(data.decode("utf-8-sig"), path)]
    # object dtype keeps each value as written: ints stay ints even next to a missing one.
    return pd.DataFrame(records, dtype=object)


def _sniff_delimiter(text: str) -> str:
    sample = text[:_SNIFF_CHARS]
    if len(text) > len(sample) and "\n" in sample:
        # A row cut in half would skew the sniffer's per-line counts.
        sample = sample[: sample.rindex("\n") + 1]
    header = sample.lstrip("\r\n").splitlines()[0] if sample.strip() else ""
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        # No separator is consistent over the sample (say, one ragged row): the header decides,
        # so the row error that follows names the real problem, not a missing column.
        return next((d for d in _CSV_DELIMITERS if d in header), ",")
    # A separator missing from the header line cannot be the file's (a one-column file whose
    # claims happen to hold ";" must stay one column).
    return delimiter if delimiter in header else ","


def _parse_delimited(data: bytes, ext: str, path: Path) -> pd.DataFrame:
    # The csv module rather than pd.read_csv: pandas takes the first column as the index when
    # the first row is long, or (index_col=False) drops the extra cells with a warning, and its
    # "line" numbers count records, not lines; here every row is checked against the header and
    # an error names the line a user sees in an editor. utf-8-sig drops the BOM Excel writes.
    text = data.decode("utf-8-sig")
    delimiter = "\t" if ext == ".tsv" else _sniff_delimiter(text)
    # Only the separator is taken from the sniffer; its quoting and skipinitialspace guesses
    # could strip or merge what the user wrote. strict: an unclosed quote is an error rather
    # than a cell that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    # The default 128 KiB cell limit would refuse long cells that pandas used to accept.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    shown = "tab" if delimiter == "\t" else f"'{delimiter}'"
    header: list[str] | None = None
    rows: list[list[str]] = []
    start = 1  # the line the record being read starts on
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields:  # a blank line, skipped as pandas does
                continue
            if header is None:
                header = fields
                _check_header(header, path)
                continue
            if len(fields) > len(header):
                raise VerifierError(
                    f"{path} line {line} (row {len(rows) + 1}): expected {plural(len(header), 'field')} "
                    f"as in the header, saw {len(fields)}; quote cells that contain {shown}"
                )
            # A short row is only missing trailing cells: they are empty, as in a spreadsheet.
            rows.append(fields + [""] * (len(header) - len(fields)))
    except csv.Error as e:
        # The common cause; the csv module only says "unexpected end of data".
        hint = " (a quote opened there is never closed)" if "end of data" in str(e) else ""
        raise VerifierError(f"cannot read {path} as {ext[1:].upper()}: line {start}: {e}{hint}") from None
    if header is None:
        raise VerifierError(f"{path} is empty")
    # Strings throughout so "007" and "" come back exactly as they went in.
    return pd.DataFrame(rows, columns=header, dtype=str)


def _check_header(header: list[str], path: Path) -> None:
    # pandas would rename a repeat to "claim.1" and could check the wrong one.
    seen: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        if name in seen:
            raise VerifierError(
                f"{path} has column '{name}' twice (columns {seen[name]} and {i}); rename one"
            )
        seen[name] = i


def _parse(data: bytes, ext: str, path: Path) -> pd.DataFrame:
    if ext in (".csv", ".tsv", ".jsonl") and b"\x00" in data[:8192]:
        raise VerifierError(f"{path} looks like a binary file, not {ext[1:].upper()} text")
    buf = io.BytesIO(data)
    if ext in (".csv", ".tsv"):
        return _parse_delimited(data, ext, path)
    if ext == ".jsonl":
        return _parse_jsonl(data, path)
    if ext == ".xlsx":
        return pd.read_excel(buf, sheet_name=0, dtype=str, keep_default_na=False, engine="openpyxl")
    return pd.read_parquet(buf, engine="pyarrow")


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def load_table(path: Path) -> tuple[pd.DataFrame, bytes]:
    """The table at ``path`` (see :func:`read_table`) and the bytes it was read from."""
    ext = table_suffix(path)
    data = _read_bytes(path)
    if not data.strip():
        raise VerifierError(f"{path} is empty")
    try:
        return _parse(data, ext, path), data
    except VerifierError:
        raise
    except UnicodeDecodeError as e:
        raise VerifierError(
            f"{path} is not UTF-8 text (byte 0x{e.object[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from None
    except Exception as e:  # pandas, pyarrow and openpyxl raise many unrelated types
        raise VerifierError(f"cannot read {path} as {ext[1:].upper()}: {_short(e)}") from None


def read_table(path: Path) -> pd.DataFrame:
    """Read a .csv/.tsv/.jsonl/.xlsx/.parquet file; text formats as strings, unchanged."""
    return load_table(Path(path))[0]


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix "'" to text cells a spreadsheet would run as a formula (headers too)."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype(object).map(neutralise)
    out.columns = [neutralise(c) for c in out.columns]
    return out


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Replace ``path`` with what ``write`` writes, all at once."""
    # A temp file in the same folder, so os.replace is a rename on one file system and a
    # reader (or a crash) never sees a half-written output.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes 0600 files; give the output the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _integers_if_lossless(col: pd.Series) -> pd.Series:
    # Only whole numbers, and only when every cell is the exact text of its number: "007",
    # "+3", "1_000" or an empty cell keep the column as text. Decimals stay text too, since
    # pandas' JSON writer rounds floats (10 decimal places) and "0.10" is not "0.1".
    values = col.tolist()
    if not values or not all(isinstance(v, str) for v in values):
        return col
    try:
        numbers = [int(v) for v in values]
    except ValueError:
        return col
    if all(str(n) == v and -(2**63) <= n < 2**63 for n, v in zip(numbers, values, strict=True)):
        return pd.Series(numbers, index=col.index, dtype="int64")
    return col


def type_text_columns(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Whole-number text columns as int64, for typed outputs of a CSV/TSV read as text."""
    out = df.copy()
    for col in columns:
        out[col] = _integers_if_lossless(out[col])
    return out


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write atomically by extension; CSV/TSV/XLSX get formula cells neutralised."""
    path = Path(path)
    ext = table_suffix(path)
    if ext in (".csv", ".tsv", ".xlsx"):
        df = neutralise_formulas(df)

    def write(fh: IO[bytes]) -> None:
        if ext in (".csv", ".tsv"):
            text = df.to_csv(index=False, sep="," if ext == ".csv" else "\t", lineterminator="\n")
            fh.write(text.encode("utf-8"))
        elif ext == ".jsonl":
            text = df.to_json(orient="records", lines=True, force_ascii=False)
            fh.write(text.encode("utf-8"))
            if text and not text.endswith("\n"):
                fh.write(b"\n")
        elif ext == ".xlsx":
            df.to_excel(fh, index=False, engine="openpyxl")
        else:
            df.to_parquet(fh, engine="pyarrow", index=False)

    try:
        atomic_write(path, write)
    except FileNotFoundError:
        raise VerifierError(f"cannot write {path}: folder {path.parent} does not exist") from None
    except OSError as e:
        raise VerifierError(f"cannot write {path}: {e.strerror or e}") from None
