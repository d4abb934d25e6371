"""`verifier batch`: verify every claim in a table file, resumably.

Results are checkpointed beside the output after every chunk, so an interrupted
run loses at most one chunk and `--resume` carries on where it stopped. The CLI
imports this module only when `batch` runs, so pandas at module top is fine.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import click
import pandas as pd
from tqdm import tqdm

from verifier.cli import rerank_option
from verifier.errors import UserError, VerifierError

# The names imported "as" themselves are re-exported: table reading and writing were written in
# this module first, and callers may still import them from here.
from verifier.tables import FORMATS as FORMATS
from verifier.tables import atomic_write, load_table, table_suffix, type_text_columns, write_table
from verifier.tables import neutralise_formulas as neutralise_formulas
from verifier.tables import read_table as read_table
from verifier.templating import plural
from verifier.types import Verdict

RESULT_COLUMNS = ("label", "confidence", "explanation", "evidence", "evidence_doc", "error")
MAX_CLAIM_CHARS = 2000


class SupportsCheckMany(Protocol):
    def check_many(self, claims: list[str], top_k: int | None = None) -> list[Verdict]: ...


@dataclass
class BatchSummary:
    rows: int  # rows in the input
    done: int  # rows with a verdict
    errors: int  # rows with `error` filled instead of a verdict
    skipped_resumed: int  # rows taken from an earlier run's checkpoint, not re-verified


# --- checkpoint -------------------------------------------------------------------------


def _checkpoint_paths(output: Path) -> tuple[Path, Path]:
    return output.with_name(output.name + ".partial.jsonl"), output.with_name(output.name + ".partial.json")


def _load_checkpoint(rows_path: Path, n_rows: int) -> dict[int, dict[str, Any]]:
    """Rows finished by an earlier run; cuts the file back after its last whole record."""
    data = rows_path.read_bytes()
    done: dict[int, dict[str, Any]] = {}
    good_end = 0
    for line in data.splitlines(keepends=True):
        # An interrupt or crash mid-write leaves a torn last line; that chunk is redone.
        if not line.endswith(b"\n"):
            break
        try:
            rec = json.loads(line)
            ok = isinstance(rec, dict) and isinstance(rec.get("row"), int) and 0 <= rec["row"] < n_rows
        except (json.JSONDecodeError, UnicodeDecodeError):
            ok = False
        if not ok:
            break
        done[rec["row"]] = {c: rec.get(c) for c in RESULT_COLUMNS}
        good_end += len(line)
    if good_end != len(data):
        # Otherwise the next append would glue a new record onto the torn fragment.
        with open(rows_path, "r+b") as fh:
            fh.truncate(good_end)
    return done


@dataclass
class _Job:
    df: pd.DataFrame
    input_path: Path
    output_path: Path
    input_sha256: str
    claim_column: str
    done: dict[int, dict[str, Any]]
    settings: dict[str, Any]


def _setting_text(key: str, value: Any) -> str:
    if key == "top_k":
        return f"--top-k {value}" if value is not None else "the default --top-k"
    if key == "index":
        return f"--index {value}" if value is not None else "the bundled corpus (no --index)"
    if key == "rerank":
        return {True: "--rerank", False: "--no-rerank"}.get(value, "neither --rerank nor --no-rerank")
    return f"--{key.replace('_', '-')} {value}"


def _check_settings(
    meta: dict[str, Any], settings: dict[str, Any], output_path: Path, start_over: str
) -> None:
    # Mixing verdicts made with different settings in one output would be silently inconsistent.
    # Checkpoints from before a setting was recorded lack its key, so it is not compared.
    changed = [key for key, value in settings.items() if key in meta and meta[key] != value]
    if changed:
        was = ", ".join(_setting_text(k, meta[k]) for k in changed)
        now = ", ".join(_setting_text(k, settings[k]) for k in changed)
        raise VerifierError(
            f"cannot resume: the unfinished results for {output_path} were made with {was}, not {now}; "
            f"use the same settings to continue, or {start_over}"
        )


def _prepare(
    input_path: Path,
    output_path: Path,
    claim_column: str,
    resume: bool,
    settings: dict[str, Any] | None = None,
) -> _Job:
    """Every check that can fail on the user's files, done before any model is loaded.

    `settings` (JSON values: top_k, and from the CLI index, backend, rerank) are recorded in the
    checkpoint, and a resume with other values is refused.
    """
    settings = settings or {}
    table_suffix(output_path)
    df, data = load_table(input_path)
    if claim_column not in df.columns:
        cols = ", ".join(str(c) for c in df.columns)
        raise VerifierError(
            f"{input_path} has no '{claim_column}' column (columns: {cols}); choose one with --claim-column"
        )
    clash = [c for c in RESULT_COLUMNS if c in df.columns]
    if clash:
        raise VerifierError(
            f"{input_path} already has {'column' if len(clash) == 1 else 'columns'} {', '.join(clash)} "
            f"that the results would overwrite; rename {'it' if len(clash) == 1 else 'them'} first"
        )
    if not output_path.parent.is_dir():
        raise VerifierError(f"cannot write {output_path}: folder {output_path.parent} does not exist")
    if output_path.exists() and output_path.resolve() == input_path.resolve():
        raise VerifierError(f"the output {output_path} is the input file; choose another -o")
    sha = hashlib.sha256(data).hexdigest()
    rows_path, meta_path = _checkpoint_paths(output_path)
    done: dict[int, dict[str, Any]] = {}
    # The rows file is what holds work; a meta file alone (crash before the first chunk) is stale.
    if rows_path.exists() and rows_path.stat().st_size > 0:
        if not resume:
            raise VerifierError(
                f"found unfinished results for {output_path} from an earlier run: add --resume to continue "
                f"or delete {rows_path}"
            )
        start_over = f"delete {rows_path} and {meta_path.name} to start over"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            msg = f"cannot resume: {meta_path} is missing or unreadable; {start_over}"
            raise VerifierError(msg) from None
        if meta.get("input_sha256") != sha:
            raise VerifierError(
                f"cannot resume: the unfinished results for {output_path} were made from different input "
                f"(was {meta.get('input')}, and {input_path} does not match it); {start_over}"
            )
        if meta.get("claim_column") != claim_column:
            raise VerifierError(
                f"cannot resume: the unfinished results for {output_path} used --claim-column "
                f"'{meta.get('claim_column')}', not '{claim_column}'; {start_over}"
            )
        _check_settings(meta, settings, output_path, start_over)
        done = _load_checkpoint(rows_path, len(df))
    return _Job(df, input_path, output_path, sha, claim_column, done, settings)


# --- running ----------------------------------------------------------------------------


def _claim_problem(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "empty claim"
    text = str(value)
    if not text.strip():
        return "empty claim"
    if len(text) > MAX_CLAIM_CHARS:
        return f"claim too long ({len(text)} characters, limit {MAX_CLAIM_CHARS})"
    return None


def _error_row(message: str) -> dict[str, Any]:
    return {**dict.fromkeys(RESULT_COLUMNS, ""), "confidence": None, "error": message}


def _verdict_row(v: Verdict) -> dict[str, Any]:
    # The sentence the explanation cites: the first that takes the verdict's side (a verdict
    # lists first what it cites), else the closest one, which an "unknown" names.
    side = {"supported": "supports", "contradicted": "contradicts"}.get(str(v.label))
    cited = next((e for e in v.evidence if e.stance == side), v.evidence[0] if v.evidence else None)
    return {
        "label": str(v.label),
        "confidence": round(float(v.confidence), 4),
        "explanation": v.explanation,
        "evidence": cited.text if cited else "",
        "evidence_doc": cited.doc_id if cited else "",
        "error": "",
    }


def _check(
    verifier: SupportsCheckMany, items: list[tuple[int, str]], top_k: int | None
) -> dict[int, dict[str, Any]]:
    if not items:
        return {}
    try:
        verdicts = verifier.check_many([claim for _, claim in items], top_k=top_k)
    except VerifierError as e:
        if len(items) == 1:
            return {items[0][0]: _error_row(str(e))}
        # One bad claim must not sink the whole chunk (or the batch): retry one by one to find it.
        return {k: v for item in items for k, v in _check(verifier, [item], top_k).items()}
    if len(verdicts) != len(items):
        raise RuntimeError(f"check_many returned {len(verdicts)} verdicts for {len(items)} claims")
    return {i: _verdict_row(v) for (i, _), v in zip(items, verdicts, strict=True)}


def _execute(
    verifier: SupportsCheckMany, job: _Job, top_k: int | None, chunk_size: int, progress: bool
) -> BatchSummary:
    # The settings the checkpoint records must be the ones the rows are checked with.
    if job.settings.get("top_k", top_k) != top_k:
        raise ValueError("top_k differs from the settings the job was prepared with")
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    n = len(job.df)
    rows_path, meta_path = _checkpoint_paths(job.output_path)
    results = dict(job.done)
    resumed = len(results)
    if not job.done:
        meta = {
            "input": str(job.input_path.resolve()),
            "input_sha256": job.input_sha256,
            "claim_column": job.claim_column,
            "rows": n,
            "top_k": top_k,
            **job.settings,
        }
        atomic_write(meta_path, lambda fh: fh.write(json.dumps(meta, indent=2).encode("utf-8")))
    pending = [i for i in range(n) if i not in results]
    claims = job.df[job.claim_column].tolist()
    quiet_bar = not progress or not sys.stderr.isatty()
    bar = tqdm(total=n, initial=resumed, unit="claim", file=sys.stderr, disable=quiet_bar)
    try:
        with open(rows_path, "a", encoding="utf-8") as ckpt:
            for start in range(0, len(pending), chunk_size):
                chunk = pending[start : start + chunk_size]
                problems = {i: _claim_problem(claims[i]) for i in chunk}
                finished = {i: _error_row(p) for i, p in problems.items() if p}
                good = [(i, str(claims[i]).strip()) for i, p in problems.items() if not p]
                finished.update(_check(verifier, good, top_k))
                # One write + fsync per chunk: an interrupt loses at most the chunk in flight.
                ckpt.write(
                    "".join(json.dumps({"row": i, **finished[i]}, ensure_ascii=False) + "\n" for i in chunk)
                )
                ckpt.flush()
                os.fsync(ckpt.fileno())
                results.update(finished)
                bar.update(len(chunk))
    finally:
        bar.close()

    ordered = [results[i] for i in range(n)]
    out = job.df.copy()
    for col in RESULT_COLUMNS:
        values = [r[col] for r in ordered]
        # float, not object: a real number column in Parquet/Excel, NaN (empty) for error rows.
        out[col] = pd.Series(values, dtype=float, index=out.index) if col == "confidence" else values
    text_in = job.input_path.suffix.lower() in (".csv", ".tsv")
    if text_in and job.output_path.suffix.lower() in (".jsonl", ".parquet"):
        # CSV has no types, so its cells were read as text; in a typed output an id column of
        # 1, 2, 3 should be numbers, as long as no cell changes (see tables._integers_if_lossless).
        # The claim stays text: it is what was checked.
        text_cols = [str(c) for c in job.df.columns if c != job.claim_column]
        out = type_text_columns(out, text_cols)
    write_table(out, job.output_path)
    # Rows file first: a meta file left alone is ignored by the next run.
    rows_path.unlink(missing_ok=True)
    meta_path.unlink(missing_ok=True)
    errors = sum(1 for r in ordered if r["error"])
    return BatchSummary(rows=n, done=n - errors, errors=errors, skipped_resumed=resumed)


def run_batch(
    verifier: SupportsCheckMany,
    input_path: Path,
    output_path: Path,
    *,
    claim_column: str = "claim",
    top_k: int | None = None,
    resume: bool = False,
    chunk_size: int = 32,
    progress: bool = True,
) -> BatchSummary:
    """Verify the claim column of `input_path` into `output_path`; see module docs for resume."""
    job = _prepare(Path(input_path), Path(output_path), claim_column, resume, {"top_k": top_k})
    return _execute(verifier, job, top_k, chunk_size, progress)


# --- command ----------------------------------------------------------------------------


def _open_verifier(
    index_dir: Path | None, backend: str, quiet: bool, rerank: bool | None = None
) -> SupportsCheckMany:
    # Imported here: loading the engine pulls in the model runtime, which `--help` must not pay for.
    from verifier.api import Verifier

    return Verifier.open(index_dir, backend=backend, quiet=quiet, rerank=rerank)


@click.command("batch")
@click.argument("input_path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write the results; the format follows the extension (CSV output uses commas).",
)
@click.option("--claim-column", default="claim", show_default=True, help="Input column holding the claims.")
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Index folder to check against (default: the index of the bundled corpus).",
)
@click.option(
    "--top-k",
    default=5,
    show_default=True,
    type=click.IntRange(min=1),
    help="Evidence sentences to retrieve per claim.",
)
@click.option(
    "--resume", is_flag=True, help="Continue an interrupted run from its checkpoint beside the output."
)
@click.option(
    "--backend",
    type=click.Choice(["onnx", "torch"]),
    default="onnx",
    show_default=True,
    help="Embedding runtime: onnx (the shipped fp32 ONNX graph; fast, no torch) or torch.",
)
@rerank_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line; errors only.")
def batch_command(
    input_path: Path,
    output_path: Path,
    claim_column: str,
    index_dir: Path | None,
    top_k: int,
    resume: bool,
    backend: str,
    rerank: bool | None,
    quiet: bool,
) -> None:
    """Verify every claim in a CSV/TSV/JSONL/Excel/Parquet file.

    A .csv input may separate fields with commas, semicolons, tabs or "|" (detected from the
    file); a .csv output always uses commas. In .jsonl/.parquet output, CSV/TSV columns of whole
    numbers (1, 2, 3; not 007) become numbers; every other cell keeps its text.
    """
    # What decides the verdicts: a resume with other values would mix two kinds in one output.
    settings = {
        "top_k": top_k,
        "index": str(index_dir.resolve()) if index_dir is not None else None,
        "backend": backend,
        "rerank": rerank,
    }
    try:
        job = _prepare(input_path, output_path, claim_column, resume, settings)
        verifier = _open_verifier(index_dir, backend, quiet, rerank)
        summary = _execute(verifier, job, top_k, chunk_size=32, progress=not quiet)
    except VerifierError as e:
        raise UserError(str(e)) from None
    except KeyboardInterrupt:
        rows_path = _checkpoint_paths(output_path)[0]
        saved = f"finished rows are saved in {rows_path}; " if rows_path.exists() else ""
        click.echo(f"\ninterrupted: {saved}run the same command with --resume to continue", err=True)
        sys.exit(130)
    if not quiet:
        with_errors = "with an error" if summary.errors == 1 else "with errors"
        click.echo(
            f"wrote {plural(summary.rows, 'row')} to {output_path} ({summary.errors} {with_errors})", err=True
        )
