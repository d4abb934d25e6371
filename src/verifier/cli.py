"""The ``verifier`` command line.

Heavy modules (pandas, torch, the model) are imported inside the commands that
need them, so ``verifier check`` starts fast.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from verifier.errors import UserError, VerifierError
from verifier.templating import plural


class LazyGroup(click.Group):
    """A group whose subcommands live in other modules and are imported only when used."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def invoke(self, ctx: click.Context) -> Any:
        # Every command reports user mistakes the same way, under CliRunner too.
        try:
            return super().invoke(ctx)
        except VerifierError as exc:
            raise UserError(str(exc)) from None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(
    cls=LazyGroup,
    lazy={
        "batch": "verifier.batch:batch_command",
        "check-article": "verifier.draft:check_article_command",
        "serve": "verifier.serve:serve_command",
    },
)
@click.version_option(package_name="claim-verifier")
def cli() -> None:
    """Verify claims against a corpus of trusted documents, offline.

    Each claim is labelled supported, contradicted or unknown, with a confidence,
    a plain-English reason and the cited sentences. Without --index the shipped
    default corpus is used (its index is built once and cached).
    """


def _open(
    index_dir: Path | None,
    backend: str,
    quiet: bool,
    top_k: int = 5,
    judge: str = "auto",
    rerank: bool | None = None,
) -> Any:
    from verifier.api import Verifier

    return Verifier.open(index_dir, backend=backend, quiet=quiet, top_k=top_k, judge=judge, rerank=rerank)


index_option = click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Index folder built with 'verifier index build' (default: the shipped corpus).",
)
backend_option = click.option(
    "--backend",
    type=click.Choice(["onnx", "torch"]),
    default="onnx",
    show_default=True,
    help="Embedding backend: onnx (the shipped fp32 ONNX graph; fast, no torch) or torch "
    "(sentence-transformers). Same vectors up to float rounding.",
)


quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bars or status messages; errors and warnings still show."
)
rerank_option = click.option(
    "--rerank/--no-rerank",
    default=None,
    help="Re-order the retrieved candidates with the verification model before judging the top k: "
    "finds more of the evidence, at one model pass per candidate (default: the shipped model's choice).",
)


@cli.command()
@click.argument("claim")
@index_option
@click.option(
    "--top-k",
    type=click.IntRange(1, 100),
    default=5,
    show_default=True,
    help="How many evidence sentences to retrieve and cite.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@backend_option
@click.option(
    "--judge",
    type=click.Choice(["auto", "model", "facts"]),
    default="auto",
    show_default=True,
    help="The shipped verification model with the fact layer (auto/model), or the fact layer alone.",
)
@rerank_option
@quiet_option
def check(
    claim: str,
    index_dir: Path | None,
    top_k: int,
    as_json: bool,
    backend: str,
    judge: str,
    rerank: bool | None,
    quiet: bool,
) -> None:
    """Check one CLAIM against the corpus."""
    from verifier.api import validate_claim
    from verifier.report import to_json, to_text

    claim = validate_claim(claim)
    verdict = _open(index_dir, backend, quiet, top_k, judge, rerank).check(claim, top_k)
    if as_json:
        click.echo(to_json(verdict))
    else:
        click.echo(to_text(verdict, colour=sys.stdout.isatty()))


@cli.group()
def index() -> None:
    """Build and inspect evidence indexes."""


@index.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the index to (replaced atomically if it is already an index).",
)
@backend_option
@quiet_option
def index_build(paths: tuple[Path, ...], index_dir: Path, backend: str, quiet: bool) -> None:
    """Index documents from PATHS: .txt, .md, .html files, .jsonl/.csv tables, or folders of them."""
    from verifier.embed import Embedder
    from verifier.index import build_index, check_target
    from verifier.ingest import load_documents

    check_target(index_dir)  # before minutes of embedding, not after
    docs = load_documents(list(paths))
    manifest = build_index(docs, index_dir, Embedder(backend=backend), progress=False if quiet else None)
    if not quiet:
        click.echo(
            f"indexed {manifest['documents']} documents, {manifest['sentences']} sentences into {index_dir}",
            err=True,
        )


@index.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Index folder to add to (updated in place, atomically).",
)
@backend_option
@quiet_option
def index_add(paths: tuple[Path, ...], index_dir: Path, backend: str, quiet: bool) -> None:
    """Add documents from PATHS to an index without rebuilding it: only they are embedded."""
    from verifier.embed import Embedder
    from verifier.ingest import load_documents
    from verifier.update import add_documents

    docs = load_documents(list(paths))
    manifest = add_documents(index_dir, docs, Embedder(backend=backend))
    if quiet:
        return
    click.echo(
        f"added {plural(len(docs), 'document')}; {index_dir} now holds "
        f"{plural(manifest['documents'], 'document')}, {plural(manifest['sentences'], 'sentence')}",
        err=True,
    )


@index.command("remove")
@click.argument("doc_ids", nargs=-1, required=True)
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Index folder to remove from (updated in place, atomically).",
)
@quiet_option
def index_remove(doc_ids: tuple[str, ...], index_dir: Path, quiet: bool) -> None:
    """Remove the documents DOC_IDS (and their sentences) from an index without rebuilding it."""
    from verifier.update import remove_documents

    manifest = remove_documents(index_dir, list(doc_ids))
    if quiet:
        return
    click.echo(
        f"removed {plural(len(set(doc_ids)), 'document')}; {index_dir} now holds "
        f"{plural(manifest['documents'], 'document')}, {plural(manifest['sentences'], 'sentence')}",
        err=True,
    )


@index.command("info")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--verify", is_flag=True, help="Also check every file's sha256 against the manifest.")
def index_info(index_dir: Path | None, as_json: bool, verify: bool) -> None:
    """Show what an index holds: documents, sentences, model, build date, size."""
    from verifier.index import read_manifest, verify_files

    if index_dir is None:
        from verifier.cache import default_index_dir

        index_dir = default_index_dir(progress=False)
    manifest = read_manifest(index_dir)
    verify_files(index_dir, manifest, checksums=verify)
    size = sum(p.stat().st_size for p in Path(index_dir).rglob("*") if p.is_file())
    info = {
        "index": str(index_dir),
        "documents": manifest["documents"],
        "sentences": manifest["sentences"],
        "model": manifest["model"]["name"],
        "dimension": manifest["model"]["dimension"],
        "faiss_type": manifest["faiss"]["type"],
        "built_at": manifest["built_at"],
        "size_bytes": size,
        "corpus_fingerprint": manifest["corpus_fingerprint"],
        # Reaching here with --verify means every checksum matched (a mismatch raised above).
        "verified": verify,
    }
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    for key, value in info.items():
        if key != "verified":
            click.echo(f"{key:>18}: {value}")
    if verify:
        click.echo(f"{'verified':>18}: all {len(manifest['files'])} files match their sha256 checksums")


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="verifier", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except VerifierError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
