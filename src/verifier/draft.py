"""Drafts and ``verifier check-article``: a draft loaded, its claims checked, the reports.

Which sentences are claims is :mod:`verifier.checkworthy`'s to say; where a draft's headline is
and what of it is markup, :mod:`verifier.markup`'s. The reports list contradicted claims first,
then unknown or uncertain ones, then supported ones, numbered in that order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

# The names imported "as" themselves are re-exported: check-worthiness and the markup rules were
# written in this module first, and callers may still import them from here.
from verifier.checkworthy import BIAS as BIAS
from verifier.checkworthy import THRESHOLD, WEIGHTS, Sentence, score_sentences
from verifier.checkworthy import features_of as features_of
from verifier.checkworthy import find_claims as find_claims
from verifier.checkworthy import score_features as score_features
from verifier.errors import VerifierError
from verifier.markup import HEADLINE_MAX_WORDS as HEADLINE_MAX_WORDS
from verifier.markup import clean_claim as clean_claim
from verifier.markup import draft_headline
from verifier.markup import hide_markup as hide_markup
from verifier.report import evidence_where
from verifier.templating import plural
from verifier.types import Evidence, Verdict

DRAFT_EXTENSIONS = (".txt", ".md", ".html", ".htm")
MAX_DRAFT_CHARS = 200_000
# Claims below this confidence count as "uncertain" and are listed with the unknown ones.
UNCERTAIN_BELOW = 0.6
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


# ---------------------------------------------------------------- the article report


def priority(label: str, confidence: float) -> int:
    """0 contradicted, 1 unknown or uncertain, 2 supported: the order a fact-checker reads them."""
    if label == "contradicted":
        return 0
    if label == "unknown" or confidence < UNCERTAIN_BELOW:
        return 1
    return 2


@dataclass
class ArticleClaim:
    # 1-based, in the order every format lists the claims (see ArticleReport.ordered), so
    # "claim 2" means the same claim in the Markdown, HTML and JSON ("id") of one report.
    number: int
    sentence: Sentence
    verdict: Verdict
    contexts: list[dict[str, str]] = field(default_factory=list)

    @property
    def priority(self) -> int:
        return priority(self.verdict.label, self.verdict.confidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.number,
            "text": self.sentence.text,
            "claim": self.sentence.claim,
            "start": self.sentence.start,
            "end": self.sentence.end,
            "checkworthiness": self.sentence.score,
            "features": self.sentence.features,
            "verdict": self.verdict.to_dict(),
        }


@dataclass
class ArticleReport:
    title: str
    text: str
    sentences: list[Sentence]
    claims: list[ArticleClaim]
    threshold: float = THRESHOLD
    source: str = ""

    def ordered(self) -> list[ArticleClaim]:
        """Contradicted first, then unknown/uncertain, then supported; draft order within each."""
        return sorted(self.claims, key=_report_order)

    def counts(self) -> dict[str, int]:
        out = {"claims": len(self.claims), "contradicted": 0, "unknown": 0, "supported": 0, "uncertain": 0}
        for c in self.claims:
            out[c.verdict.label] += 1
            out["uncertain"] += c.verdict.label == "supported" and c.priority == 1
        out["sentences"] = len(self.sentences)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "threshold": self.threshold,
            "summary": self.counts(),
            "claims": [c.to_dict() for c in self.ordered()],
            "sentences": [s.to_dict(self.threshold) for s in self.sentences],
            # What every "start"/"end" above indexes (text[start:end] is the sentence): the draft
            # as read, which for .html (and rendered .md) is its visible text, not the file.
            "text": self.text,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        n = self.counts()
        lines = [
            f"# Fact-check: {_md(self.title or self.source or 'draft')}",
            "",
            f"{plural(n['claims'], 'check-worthy claim')} in {plural(n['sentences'], 'sentence')}: "
            f"{n['contradicted']} contradicted, {n['unknown']} unknown, {n['supported']} supported "
            f"({n['uncertain']} of them with confidence below {UNCERTAIN_BELOW:.1f}).",
        ]
        for c in self.ordered():
            v = c.verdict
            lines += [
                "",
                f"## {c.number}. {v.label.upper()} ({v.confidence:.2f}): {_md(c.sentence.text)}",
                "",
                f"- where: chars {c.sentence.start}–{c.sentence.end}, check-worthiness "
                f"{c.sentence.score:.2f} ({', '.join(f for f in c.sentence.features if WEIGHTS[f] > 0)})",
                f"- reason: {_md(v.explanation)}",
            ]
            for i, e in enumerate(v.evidence, 1):
                meta = evidence_where(e, chars=False)
                lines.append(f"- [{i}] “{_md(e.text.strip())}” ({_md(meta)})")
        skipped = [s for s in self.sentences if not s.checkworthy(self.threshold)]
        if skipped:
            lines += [
                "",
                f"Not checked ({plural(len(skipped), 'sentence')} below check-worthiness {self.threshold}):",
                "",
            ]
            for s in skipped:
                why = s.repeated or ", ".join(f for f in s.features if WEIGHTS[f] < 0) or "no checkable fact"
                lines.append(f"- {s.score:.2f} {_md(s.text)} ({why})")
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        from verifier.templating import render

        return render(
            "article.html",
            title=self.title or self.source or "draft",
            source=self.source,
            counts=self.counts(),
            claims=self.ordered(),
            segments=draft_segments(self.text, self.claims),
            uncertain_below=UNCERTAIN_BELOW,
            threshold=self.threshold,
            plural=plural,
        )


def _report_order(c: ArticleClaim) -> tuple[int, int]:
    return (c.priority, c.sentence.start)


def draft_segments(text: str, claims: Sequence[ArticleClaim]) -> list[tuple[str, ArticleClaim | None]]:
    """The draft cut into plain text and claim pieces, for highlighting."""
    out: list[tuple[str, ArticleClaim | None]] = []
    pos = 0
    for c in sorted(claims, key=lambda c: c.sentence.start):
        if c.sentence.start < pos:
            continue
        out.append((text[pos : c.sentence.start], None))
        out.append((text[c.sentence.start : c.sentence.end], c))
        pos = c.sentence.end
    out.append((text[pos:], None))
    return [(t, c) for t, c in out if t]


# Inline Markdown syntax a sentence could trigger mid-line (the report never starts a line with
# one): emphasis, code, links, GFM strikethrough, a backslash escape. "_" inside a word
# ("snake_case") is not emphasis, so it is left alone.
_MD_SPECIAL = re.compile(r"[\\`*\[\]~]|(?<![^\W_])_|_(?![^\W_])")
# "&" is plain text in Markdown unless it starts a character reference ("&amp;", "&#60;").
_MD_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Closing "#"s end an ATX heading and would be dropped from a claim quoted in one.
_MD_CLOSING_HASHES = re.compile(r"(?:^|(?<=\s))(#+)$")


def _md(text: str) -> str:
    """Text shown as written inside a Markdown line: no markup, no raw HTML, one line.

    Renderers pass raw HTML through, so ``<`` and ``>`` become entities ("&lt;script&gt;"
    shows as "<script>" and runs nothing); everything else is backslash-escaped only where
    Markdown would read it as syntax, so the raw report stays readable.
    """
    text = " ".join(text.split())
    text = _MD_ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return _MD_CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), text)


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
    verdicts = verifier.check_many([s.claim for s in chosen], top_k) if chosen else []
    claims = [
        ArticleClaim(0, s, v, evidence_contexts(verifier.index, v.evidence))
        for s, v in zip(chosen, verdicts, strict=True)
    ]
    # Numbered once the verdicts are known, in the order the reports list them.
    for number, claim in enumerate(sorted(claims, key=_report_order), 1):
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
