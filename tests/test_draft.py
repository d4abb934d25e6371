"""Check-worthiness and ``verifier check-article``: which sentences are claims, and the three reports."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from verifier.cli import cli
from verifier.draft import (
    THRESHOLD,
    WEIGHTS,
    clean_claim,
    find_claims,
    paragraph_around,
    read_draft,
    score_sentences,
)
from verifier.errors import VerifierError

DATA = Path(__file__).parent / "data"

# Against the small test corpus (conftest.py): troops 2,500 (so 10,000 is contradicted),
# schools +3.2 percent and 49 degrees in Baghdad (supported).
DRAFT = """Troops in Iraq

Troops in Iraq

The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024. \
Spending on schools rose by 3.2 percent.

Who will pay for it? I think this is a wonderful budget.

Baghdad recorded 49 degrees Celsius on 2 August.

Subscribe to our newsletter.
"""
CHECKWORTHY = [
    "The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024.",
    "Spending on schools rose by 3.2 percent.",
    "Baghdad recorded 49 degrees Celsius on 2 August.",
]
NOT_CHECKWORTHY = {
    "Troops in Iraq": "headline",
    "Who will pay for it?": "question",
    "I think this is a wonderful budget.": "opinion",
    "Subscribe to our newsletter.": "call to action or boilerplate",
}
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def invoke(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "troops.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


# --- check-worthiness ---------------------------------------------------------------------------


def test_known_sentences_are_picked_and_skipped() -> None:
    sentences = score_sentences(DRAFT, "Troops in Iraq")
    assert [s.text for s in find_claims(DRAFT, "Troops in Iraq")] == CHECKWORTHY
    by_text = {}
    for s in sentences:
        by_text.setdefault(s.text, []).append(s)
        assert DRAFT[s.start : s.end] == s.text  # exact spans into the draft
        assert 0.0 <= s.score <= 1.0
    for text, feature in NOT_CHECKWORTHY.items():
        first = by_text[text][0]
        assert not first.checkworthy(), text
        assert first.repeated or feature in first.features, (text, first.features)
    headline = by_text["Troops in Iraq"]
    assert [s.repeated for s in headline] == ["repeats the headline", "repeats the headline"]
    troops = by_text[CHECKWORTHY[0]][0]
    assert {"number", "date", "named entity", "attribution"} <= set(troops.features)


def test_a_repeated_sentence_is_checked_once() -> None:
    text = "Exports rose by 12 percent in 2023.\n\nExports rose by 12 percent in 2023."
    first, second = score_sentences(text)
    assert first.checkworthy() and not second.checkworthy()
    assert second.repeated == "repeats an earlier sentence" and second.score == 0.0


def test_markdown_markers_stay_out_of_the_claim() -> None:
    text = "# Budget\n\n- **Spending** on [schools](http://example.org) rose by 3.2 percent in 2024.\n"
    (claim,) = find_claims(text, "Budget")
    assert claim.text == text[claim.start : claim.end]
    assert claim.text.startswith("**Spending**")
    assert clean_claim(claim.text) == "Spending on schools rose by 3.2 percent in 2024."
    assert clean_claim("BAGHDAD — The coalition will leave.") == "The coalition will leave."


def test_score_is_the_documented_logistic() -> None:
    (s,) = score_sentences("Spending on schools rose by 3.2 percent.")
    assert set(s.features) == {"number", "comparison"}
    import math

    expected = 1 / (1 + math.exp(-(-1.0 + WEIGHTS["number"] + WEIGHTS["comparison"])))
    assert s.score == pytest.approx(expected, abs=1e-4)
    assert THRESHOLD == 0.5


def test_hand_labels_precision_and_recall() -> None:
    """The README's figures: the scorer against 80+ hand-labelled sentences of five drafts."""
    spec = importlib.util.spec_from_file_location(
        "cw", Path(__file__).parents[1] / "scripts/checkworthiness.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts, _ = module.evaluate(DATA / "checkworthiness.jsonl", DATA / "drafts", THRESHOLD)
    total = counts["all"]
    assert sum(total.values()) >= 40
    precision = total["tp"] / (total["tp"] + total["fp"])
    recall = total["tp"] / (total["tp"] + total["fn"])
    assert precision >= 0.9 and recall >= 0.9, counts


def test_read_draft_formats(tmp_path: Path) -> None:
    text, title = read_draft(DATA / "drafts" / "heatwave.html")
    assert title == "Baghdad swelters in record heat"
    assert "<p>" not in text and "Baghdad recorded 49 degrees Celsius on 2 August" in text
    text, title = read_draft(DATA / "drafts" / "coalition.md")
    assert title == "Coalition troops to leave Baghdad by September"
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(VerifierError, match="unsupported draft type"):
        read_draft(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(VerifierError):
        read_draft(empty)


def test_paragraph_around() -> None:
    text = "Headline\n\nFirst one. Second one. Third one.\n\nNext paragraph."
    start = text.index("Second")
    ctx = paragraph_around(text, start, start + len("Second one."))
    assert ctx == {"before": "First one. ", "sentence": "Second one.", "after": " Third one."}
    assert paragraph_around(text, 5, 1000)["sentence"] == ""


# --- check-article ------------------------------------------------------------------------------


def test_check_article_json(draft_file: Path, built_index) -> None:
    result = invoke("check-article", draft_file, "--index", built_index.path, "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    claims = report["claims"]
    assert sorted(c["text"] for c in claims) == sorted(CHECKWORTHY)
    labels = {c["text"]: c["verdict"]["label"] for c in claims}
    assert labels[CHECKWORTHY[0]] == "contradicted"
    assert labels[CHECKWORTHY[1]] == "supported"
    # Contradicted first, then unknown/uncertain, then supported.
    order = [c["verdict"]["label"] for c in claims]
    rank = {"contradicted": 0, "unknown": 1, "supported": 2}
    assert order == sorted(order, key=rank.__getitem__)
    assert claims[0]["text"] == CHECKWORTHY[0]
    for c in claims:
        assert DRAFT[c["start"] : c["end"]] == c["text"]
        assert 0.5 <= c["checkworthiness"] <= 1.0
        assert c["verdict"]["evidence"] and {"text", "doc_id", "start", "end"} <= set(
            c["verdict"]["evidence"][0]
        )
    assert len(report["sentences"]) == 8
    assert report["summary"]["contradicted"] == 1 and report["summary"]["claims"] == 3


def test_check_article_markdown_to_stdout(draft_file: Path, built_index) -> None:
    result = invoke("check-article", draft_file, "--index", built_index.path, "-q")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("# Fact-check: Troops in Iraq")
    heads = re.findall(r"^## \d+\. (\w+)", out, re.M)
    assert heads[0] == "CONTRADICTED" and len(heads) == 3
    assert "Not checked (5 sentences" in out and "question" in out


def test_check_article_html_is_self_contained_and_escaped(tmp_path: Path, built_index) -> None:
    draft = tmp_path / "xss.txt"
    draft.write_text(
        f"Troops {XSS[0]}\n\nThe U.S. has 10,000 troops in Iraq, said {XSS[1]} in March 2024.\n\n"
        f"Spending on schools rose by 3.2 percent. {XSS[0]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = invoke("check-article", draft, "--index", built_index.path, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert "report written to" in result.output
    html = out.read_text(encoding="utf-8")
    for payload in XSS:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html  # the report needs no script at all
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no external assets
    assert not re.search(r'<link[^>]+href="(?!data:)', html) and "@import" not in html
    assert "Content-Security-Policy" in html
    # The claim is highlighted inside the draft, the evidence inside its paragraph.
    assert re.search(
        r'<mark class="\w+" title="[^"]*">The U\.S\. has 10,000 troops in Iraq, said &lt;img', html
    )
    assert "approx. 2,500 troops" in html
    assert 'id="in-draft-1"' in html and 'href="#claim-1"' in html


def test_check_article_format_follows_output_suffix(draft_file: Path, tmp_path: Path, built_index) -> None:
    out = tmp_path / "r.json"
    assert invoke("check-article", draft_file, "--index", built_index.path, "-o", out, "-q").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["claims"] == 3


def test_check_article_user_errors(tmp_path: Path, built_index) -> None:
    missing = invoke("check-article", tmp_path / "nope.md", "--index", built_index.path)
    assert missing.exit_code == 2 and "does not exist" in missing.output
    bad = tmp_path / "draft.pdf"
    bad.write_bytes(b"%PDF-1.4")
    result = invoke("check-article", bad, "--index", built_index.path)
    assert result.exit_code == 2 and "unsupported draft type" in result.output


def test_a_draft_without_claims(tmp_path: Path, built_index) -> None:
    draft = tmp_path / "opinion.txt"
    draft.write_text("What a week.\n\nI think we deserve better.\n", encoding="utf-8")
    result = invoke("check-article", draft, "--index", built_index.path, "--format", "html", "-q")
    assert result.exit_code == 0
    assert "No sentence of the draft reached check-worthiness" in result.output
