"""Drafts and ``verifier check-article``: a draft loaded, its claims checked, the reports.

Which sentences are claims is :mod:`verifier.checkworthy`'s to say; where a draft's headline is
and what of it is markup, :mod:`verifier.markup`'s; how the reports show the claims,
:mod:`verifier.articlereport`'s. The reports list contradicted claims first, then unknown or
uncertain ones, then supported ones, numbered in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from verifier.articlereport import ArticleClaim, ArticleReport, report_order

# The names imported "as" themselves are re-exported: check-worthiness and the markup rules were
# written in this module first, and callers may still import them from here.
from verifier.checkworthy import BIAS as BIAS
from verifier.checkworthy import THRESHOLD, score_sentences
from verifier.checkworthy import features_of as features_of
from verifier.checkworthy import find_claims as find_claims
from verifier.checkworthy import score_features as score_features
from verifier.errors import VerifierError
from verifier.markup import HEADLINE_MAX_WORDS as HEADLINE_MAX_WORDS
from verifier.markup import clean_claim as clean_claim
from verifier.markup import draft_headline
from verifier.markup import hide_markup as hide_markup
from verifier.templating import plural
from verifier.types import Evidence

DRAFT_EXTENSIONS = (".txt", ".md", ".html", ".htm")
MAX_DRAFT_CHARS = 200_000
FORMATS = ("md", "html", "json")
# Report formats by the extension of -o; Markdown is plain text, so .txt is taken as Markdown.
OUTPUT_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
# Drafts written as plain text, whose headline is read from the file as written.
MARKUP_DRAFT_EXTENSIONS = (".txt", ".md")


@dataclass
class Draft:
    text: str  # what is split, scored and shown
    title: str  # the headline, "" when the draft has none
    # True when ``text`` is the file as written, so HTML in it is markup (see hide_markup);
    # False when it was rendered (HTML, and Markdown where ingest renders it): what is left shows.
    markup: bool


def load_draft(path: str | Path) -> Draft:
    """A .txt, .md or .html draft; HTML is reduced to its visible text.

    The title of a .txt/.md draft is its :func:`draft_headline`, read on the file as written
    ("" when it shows none), unless a ``NAME.meta.json`` beside it names one.
    """
    from verifier.formats import read_sidecar, read_text
    from verifier.ingest import load_documents

    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_file() and suffix not in DRAFT_EXTENSIONS:
        shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise VerifierError(f"unsupported draft type {shown} for {path}: use .txt, .md or .html")
    doc = load_documents([path])[0]
    check_draft_text(doc.text)
    if suffix not in MARKUP_DRAFT_EXTENSIONS:
        return Draft(doc.text, doc.title, markup=False)
    source = read_text(path)
    title = doc.title
    # load_documents takes any first line for a title; a draft's first paragraph may be its lede.
    if not read_sidecar(path)["title"]:
        title = draft_headline(source, markdown=suffix == ".md")
    return Draft(doc.text, title, markup=doc.text == source)


def read_draft(path: str | Path) -> tuple[str, str]:
    """(text, title) of a .txt, .md or .html draft (see :func:`load_draft`)."""
    draft = load_draft(path)
    return draft.text, draft.title


def output_format(fmt: str | None, output: Path | None) -> str:
    """The report format: ``--format``, else from -o's extension (none: Markdown)."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower() if output else ""
    if not suffix:
        return "md"
    if suffix not in OUTPUT_SUFFIXES:
        known = ", ".join(OUTPUT_SUFFIXES)
        raise VerifierError(
            f"cannot write a '{suffix}' report ({output}): use {known}, or choose one with --format"
        )
    return OUTPUT_SUFFIXES[suffix]


def check_draft_text(text: str) -> None:
    if not text.strip():
        raise VerifierError("the draft is empty")
    if len(text) > MAX_DRAFT_CHARS:
        raise VerifierError(f"the draft is {len(text)} characters long; the limit is {MAX_DRAFT_CHARS}")


# ---------------------------------------------------------------- evidence in its paragraph


def paragraph_around(text: str, start: int, end: int, limit: int = 700) -> dict[str, str]:
    """The paragraph (blank-line separated) holding ``text[start:end]``, cut to ``limit`` chars a side."""
    if not (0 <= start <= end <= len(text)):
        return {"before": "", "sentence": "", "after": ""}
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    hi = len(text) if hi < 0 else hi
    before, after = text[lo:start], text[end:hi]
    if len(before) > limit:
        before = "…" + before[-limit:].split(" ", 1)[-1]
    if len(after) > limit:
        after = after[:limit].rsplit(" ", 1)[0] + "…"
    return {"before": before.lstrip(), "sentence": text[start:end], "after": after.rstrip()}


def evidence_contexts(index: Any, evidence: Sequence[Evidence]) -> list[dict[str, str]]:
    """For each piece of evidence, its paragraph in the indexed document, with the document's url."""
    out = []
    for e in evidence:
        doc = index.documents.get(e.doc_id) or {}
        text = doc.get("text") or ""
        context = paragraph_around(text, e.start, e.end) if text[e.start : e.end] == e.text else {}
        if not context.get("sentence"):
            context = {"before": "", "sentence": e.text, "after": ""}
        context["url"] = doc.get("url") or ""
        out.append(context)
    return out


def check_article(
    verifier: Any,
    text: str,
    title: str = "",
    *,
    threshold: float = THRESHOLD,
    top_k: int | None = None,
    source: str = "",
    markup: bool = True,
) -> ArticleReport:
    """Find the check-worthy sentences of ``text`` and check them all against the verifier's index."""
    from verifier.api import MAX_CLAIM_CHARS

    check_draft_text(text)
    sentences = score_sentences(text, title, markup=markup)
    chosen = [s for s in sentences if s.checkworthy(threshold) and len(s.claim) <= MAX_CLAIM_CHARS]
    # A claim that opens with "She" or "It" is checked as who or what the draft's sentences
    # before it name ("She rejected calls for an inquiry" after "Health Minister Birgit Aalto
    # said …", Sentence.read_as): alone it names nobody the archive could be searched for. The
    # verdict's claim says what was checked; the report shows the sentence as written.
    verdicts = verifier.check_many([s.checked for s in chosen], top_k) if chosen else []
    claims = [
        ArticleClaim(0, s, v, evidence_contexts(verifier.index, v.evidence))
        for s, v in zip(chosen, verdicts, strict=True)
    ]
    # Numbered once the verdicts are known, in the order the reports list them.
    for number, claim in enumerate(sorted(claims, key=report_order), 1):
        claim.number = number
    return ArticleReport(title, text, sentences, claims, threshold, source)


@click.command("check-article")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="md (default), html (one self-contained file) or json; default from -o's extension "
    "(.md/.markdown/.txt, .html/.htm, .json; any other is an error).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write here, not stdout.")
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Index folder built with 'verifier index build' (default: the shipped corpus).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=THRESHOLD,
    show_default=True,
    help="Check-worthiness a sentence needs to be checked.",
)
@click.option(
    "--top-k", type=click.IntRange(1, 100), default=5, show_default=True, help="Evidence per claim."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def check_article_command(
    draft: Path,
    fmt: str | None,
    output: Path | None,
    index_dir: Path | None,
    threshold: float,
    top_k: int,
    quiet: bool,
) -> None:
    """Find the check-worthy claims of DRAFT (.txt, .md, .html) and check each one.

    Contradicted and uncertain claims come first, numbered in that order. Markdown goes to
    stdout unless -o is given; --format html writes one self-contained page (no external
    assets) with each claim highlighted in the draft and each piece of evidence in its
    paragraph. A .txt/.md draft's headline is a '# ' heading, or a short first line standing
    alone that does not end like a sentence; HTML tags and script/style in it are skipped.
    """
    from verifier.api import Verifier

    fmt = output_format(fmt, output)
    loaded = load_draft(draft)
    verifier = Verifier.open(index_dir, quiet=quiet, top_k=top_k)
    report = check_article(
        verifier,
        loaded.text,
        loaded.title,
        threshold=threshold,
        top_k=top_k,
        source=draft.name,
        markup=loaded.markup,
    )
    rendered = {"md": report.to_markdown, "html": report.to_html, "json": report.to_json}[fmt]()
    if output is None:
        click.echo(rendered, nl=not rendered.endswith("\n"))
        return
    from verifier.diskio import write_atomic_text

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_text(output.absolute(), rendered if rendered.endswith("\n") else rendered + "\n")
    except OSError as exc:
        raise VerifierError(f"cannot write {output}: {exc.strerror}") from None
    if quiet:
        return
    n = report.counts()
    click.echo(
        f"{plural(n['claims'], 'claim')} checked ({n['contradicted']} contradicted, {n['unknown']} unknown, "
        f"{n['supported']} supported); report written to {output}",
        err=True,
    )
