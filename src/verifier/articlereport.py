"""The report of ``verifier check-article``: the claims checked in a draft, in the order a
fact-checker reads them, as Markdown, one self-contained HTML page or JSON.

Separate from :mod:`verifier.draft` to keep each module small: draft.py loads a draft and
checks its claims, this module only shows the result, and imports nothing from draft.py.
Contradicted claims come first, then unknown or uncertain ones, then supported ones
(:func:`priority`, also used by the review page), numbered in that order
(:func:`report_order`), so "claim 2" is the same claim in every format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from verifier.checkworthy import THRESHOLD, WEIGHTS, Sentence
from verifier.report import evidence_where
from verifier.templating import plural
from verifier.types import Verdict

# Claims below this confidence count as "uncertain" and are listed with the unknown ones.
UNCERTAIN_BELOW = 0.6


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
        return sorted(self.claims, key=report_order)

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


def report_order(c: ArticleClaim) -> tuple[int, int]:
    """The key the reports list claims by, and :func:`verifier.draft.check_article` numbers them by."""
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
