"""Render verdicts for people (terminal) and machines (JSON)."""

from __future__ import annotations

import json
import textwrap

import click

from verifier.types import Evidence, Verdict

_COLOURS = {"supported": "green", "contradicted": "red", "unknown": "yellow"}


def to_json(verdict: Verdict) -> str:
    return json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2)


def to_text(verdict: Verdict, *, colour: bool = False, width: int = 100) -> str:
    head = f"{verdict.label.upper()} ({verdict.confidence:.2f})"
    if colour:
        head = click.style(head, fg=_COLOURS[verdict.label], bold=True)
    lines = [f"{head}  {verdict.explanation}"]
    for i, e in enumerate(verdict.evidence, 1):
        quote = textwrap.fill(
            f'"{e.text.strip()}"', width=width, initial_indent=f"  [{i}] ", subsequent_indent="      "
        )
        lines.append(quote)
        where = evidence_where(e)
        lines.append(f"      {where}")
    return "\n".join(lines)


def evidence_where(e: Evidence, *, chars: bool = True) -> str:
    """Where a cited sentence comes from and what the judge made of it, on one line."""
    parts = (
        e.title or e.doc_id,
        e.source,
        e.date,
        f"sentence {e.sentence_index + 1}",
        f"chars {e.start}–{e.end}" if chars else "",
        f"similarity {e.similarity:.2f}",
        e.stance if e.stance == "neutral" else f"{e.stance} {e.stance_probability:.2f}",
        e.reading,
    )
    return " · ".join(p for p in parts if p)
