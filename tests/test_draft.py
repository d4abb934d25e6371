"""Check-worthiness and ``verifier check-article``: which sentences are claims, and the three reports."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from verifier.checkworthy import THRESHOLD, WEIGHTS, find_claims, score_sentences
from verifier.cli import cli
from verifier.draft import load_draft, paragraph_around, read_draft
from verifier.errors import VerifierError
from verifier.markup import clean_claim, draft_headline
from verifier.templating import plural

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
    # The headline itself is scored as one; only its copy in the body repeats it.
    assert [s.repeated for s in headline] == ["", "repeats the headline"]
    assert "headline" in headline[0].features and headline[1].score == 0.0
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


def test_the_us_is_a_place_not_the_writer() -> None:
    (s,) = score_sentences("The US has 2,500 troops in Iraq.")
    assert "first/second person" not in s.features
    (s,) = score_sentences("Tell us about the 2,500 troops in Iraq.")
    assert "first/second person" in s.features


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
    result = invoke("check-article", draft, "--index", built_index.path, "-o", out)
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
    quiet = invoke("check-article", draft_file, "--index", built_index.path, "-o", out, "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
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


# --- headlines, wording, numbering, output format, markup (QA round 3) ---------------------------

NO_HEADLINE = "The US has 10,000 troops in Iraq.\n\nThe coalition was formed in 2015.\n"


@pytest.mark.parametrize(
    ("text", "markdown", "expected"),
    [
        (NO_HEADLINE, False, ""),  # a first paragraph that ends like a sentence is body text
        ("I think so.\n", False, ""),
        ("Troops in Iraq\n\nThe US has 10,000 troops in Iraq.\n", False, "Troops in Iraq"),
        ('Minister: "We will leave"\n\nThe US has 10,000 troops.\n', False, 'Minister: "We will leave"'),
        ("Will troops leave?\n\nThe US has 10,000 troops.\n", False, ""),
        ("Troops in Iraq\nThe US has 10,000 troops.\n", False, ""),  # no blank line: a paragraph
        ("Troops in Iraq\n", False, ""),  # nothing to head
        ("By Jane Doe\n\nThe US has 10,000 troops.\n", False, ""),
        ("The US has 10,000 troops.\n\n# Troops *in* Iraq\n\nMore.\n", True, "Troops in Iraq"),
        ("Troops in Iraq\n==============\n\nThe US has 10,000 troops.\n", True, "Troops in Iraq"),
        ("```\n# a comment\n```\n\nThe US has 10,000 troops.\n", True, ""),
        ("- Troops in Iraq\n\nThe US has 10,000 troops.\n", True, ""),
    ],
)
def test_draft_headline_rule(text: str, markdown: bool, expected: str) -> None:
    assert draft_headline(text, markdown=markdown) == expected


def test_a_draft_without_headline_keeps_its_first_claim(tmp_path: Path) -> None:
    draft = tmp_path / "nohead.txt"
    draft.write_text(NO_HEADLINE, encoding="utf-8")
    text, title = read_draft(draft)
    assert title == ""
    assert [s.text for s in find_claims(text, title)] == [
        "The US has 10,000 troops in Iraq.",
        "The coalition was formed in 2015.",
    ]
    one = tmp_path / "one.txt"
    one.write_text("I think so.\n", encoding="utf-8")
    (sentence,) = score_sentences(*read_draft(one))
    assert sentence.repeated == "" and "opinion" in sentence.features


def test_a_headline_never_repeats_itself() -> None:
    for title in ("Troops in Iraq", "I think so."):
        first, *rest = score_sentences(f"{title}\n\nExports rose by 12 percent in 2023.\n", title)
        assert first.text == title and first.repeated == "" and "headline" in first.features
    sentences = score_sentences("# Troops in Iraq\n\nSpending rose.\n\nTroops in Iraq\n", "Troops in Iraq")
    assert [s.repeated for s in sentences] == ["", "", "repeats the headline"]


def test_counts_are_singular_and_plural(tmp_path: Path, built_index) -> None:
    assert (plural(1, "claim"), plural(0, "claim"), plural(2, "sentence")) == (
        "1 claim",
        "0 claims",
        "2 sentences",
    )
    draft = tmp_path / "one.txt"
    draft.write_text("Spending on schools rose by 3.2 percent.\n\nI think so.\n", encoding="utf-8")
    md = invoke("check-article", draft, "--index", built_index.path, "-q")
    assert md.exit_code == 0, md.output
    assert "1 check-worthy claim in 2 sentences:" in md.output
    assert "Not checked (1 sentence below" in md.output
    out = tmp_path / "r.html"
    html = invoke("check-article", draft, "--index", built_index.path, "-o", out)
    assert html.exit_code == 0 and "1 claim checked" in html.output
    page = out.read_text(encoding="utf-8")
    assert "1 check-worthy claim in 2 sentences" in page
    for output in (md.output, page, html.output):
        assert not re.search(r"\b1 (claims|sentences)\b", output)


def test_claim_numbers_follow_the_printed_order(tmp_path: Path, built_index) -> None:
    # Supported first in the draft, contradicted second: the report lists the contradicted one first.
    draft = tmp_path / "order.txt"
    draft.write_text(
        "Spending on schools rose by 3.2 percent.\n\nThe U.S. has 10,000 troops in Iraq, according to "
        "a U.N. report published in March 2024.\n",
        encoding="utf-8",
    )
    md = invoke("check-article", draft, "--index", built_index.path, "-q").output
    assert re.findall(r"^## (\d+)\. (\w+)", md, re.M) == [("1", "CONTRADICTED"), ("2", "SUPPORTED")]
    report = json.loads(
        invoke("check-article", draft, "--index", built_index.path, "--format", "json", "-q").output
    )
    assert [(c["id"], c["verdict"]["label"]) for c in report["claims"]] == [
        (1, "contradicted"),
        (2, "supported"),
    ]
    out = tmp_path / "r.html"
    invoke("check-article", draft, "--index", built_index.path, "-o", out, "-q")
    page = out.read_text(encoding="utf-8")
    cards = re.findall(r'<section class="card (\w+)" id="claim-(\d+)"', page)
    assert cards == [("contradicted", "1"), ("supported", "2")]
    # In the draft the supported claim comes first and links to card 2.
    assert page.index('id="in-draft-2"') < page.index('id="in-draft-1"')


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.HTML5"])
def test_unknown_output_extension_is_an_error(
    draft_file: Path, tmp_path: Path, built_index, name: str
) -> None:
    out = tmp_path / name
    result = invoke("check-article", draft_file, "--index", built_index.path, "-o", out, "-q")
    assert result.exit_code == 2
    assert f"cannot write a '{out.suffix.lower()}' report" in result.output
    assert ".md" in result.output and ".html" in result.output and ".json" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()
    # --format says what to write whatever the name.
    forced = invoke(
        "check-article", draft_file, "--index", built_index.path, "-o", out, "--format", "md", "-q"
    )
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# Fact-check:")


def test_markup_in_a_plain_text_draft_is_not_a_claim(tmp_path: Path) -> None:
    text = (
        "The mission employs <script>alert(2)</script> 46 soldiers.\n\n"
        "<style>p { width: 2024px; }</style>\n\n"
        "<b>Spending</b> on schools rose by 3.2 percent.\n"
    )
    draft = tmp_path / "xss.txt"
    draft.write_text(text, encoding="utf-8")
    loaded = load_draft(draft)
    assert loaded.markup and loaded.title == ""
    claims = find_claims(loaded.text, loaded.title, markup=loaded.markup)
    # The draft's own characters are shown; what is checked has no markup, nor what a script says.
    assert [c.text for c in claims] == [
        "The mission employs <script>alert(2)</script> 46 soldiers.",
        "<b>Spending</b> on schools rose by 3.2 percent.",
    ]
    assert [c.claim for c in claims] == [
        "The mission employs 46 soldiers.",
        "Spending on schools rose by 3.2 percent.",
    ]
    for c in claims:
        assert text[c.start : c.end] == c.text
    # Nothing inside <style> became a sentence.
    assert not any("2024" in s.claim for s in score_sentences(loaded.text, markup=True))
    # As visible text (an HTML draft's), markup-looking words are words.
    (visible,) = score_sentences("The <b> tag was added in 1993.", markup=False)
    assert visible.claim == "The <b> tag was added in 1993."


def test_markup_in_a_markdown_draft_is_not_a_claim(tmp_path: Path) -> None:
    draft = tmp_path / "xss.md"
    draft.write_text(
        "# Troops\n\nThe mission employs <script>alert(2)</script> 46 soldiers.\n", encoding="utf-8"
    )
    loaded = load_draft(draft)
    assert loaded.title == "Troops"
    (claim,) = find_claims(loaded.text, loaded.title, markup=loaded.markup)
    assert claim.claim == "The mission employs 46 soldiers."


# --- offsets, Markdown escaping, check-worthiness misses (QA round 6) ----------------------------

QUOTED = 'The mayor said the jams were "a temporary problem <script>alert(1)</script> & nothing more".'
OFFSET_DRAFTS = {
    "draft.txt": "Troops in Iraq\r\n\r\nThe U.S. has 10,000 troops in Iraq, a *U.N.* report said in 2024.\r\n"
    "\r\nSee you next week.\r\n",
    "draft.md": "# Troops in Iraq\n\n*By Staff*\n\nThe U.S. has 10,000 troops in Iraq, a "
    "[U.N. report](http://x.example) said in **2024**.\n",
    "draft.html": "<html><head><title>Troops</title><style>p{}</style></head><body><h1>Troops in Iraq</h1>"
    "<p>The U.S. has <b>10,000</b> troops in Iraq, a U.N. report said in 2024.</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(OFFSET_DRAFTS))
def test_json_offsets_index_the_text_the_report_carries(tmp_path: Path, built_index, name: str) -> None:
    draft = tmp_path / name
    draft.write_bytes(OFFSET_DRAFTS[name].encode("utf-8"))
    result = invoke("check-article", draft, "--index", built_index.path, "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    text = report["text"]
    assert report["claims"] and "10,000 troops" in report["claims"][0]["text"]
    for item in report["claims"] + report["sentences"]:
        assert text[item["start"] : item["end"]] == item["text"]
    # The text is the draft as read, not the file: CRLF, Markdown and tags are gone.
    assert "\r" not in text and "<p>" not in text and "**" not in text


def _rendered(markdown: str) -> str:
    """What a reader sees of one Markdown line: rendered, tags dropped, entities decoded."""
    import html

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html.unescape(re.sub(r"<[^>]*>", "", rendered)).strip()


@pytest.mark.parametrize(
    "sentence",
    [
        QUOTED,
        "AT&T paid &amp; 5 < 6 > 4, see [1](http://x) or <http://y>.",
        "snake_case and __init__ and *stars* and `code` and ~~gone~~ and a \\ backslash",
        "We are #1 #",
    ],
)
def test_markdown_report_shows_a_sentence_as_written(sentence: str) -> None:
    from verifier.articlereport import _md

    shown = _md(sentence)
    assert "<" not in shown and ">" not in shown  # no raw HTML for the renderer to pass through
    assert _rendered(f"## 1. UNKNOWN (0.46): {shown}") == f"1. UNKNOWN (0.46): {sentence}"
    assert _rendered(f"- 0.10 {shown}") == f"0.10 {sentence}"
    assert "\\&" not in shown and "snake\\_case" not in shown  # no escape where none is needed


def test_markdown_report_quotes_tags_as_text(tmp_path: Path, built_index) -> None:
    draft = tmp_path / "quote.txt"
    draft.write_text(f"{QUOTED}\n\nThe U.S. has 10,000 troops in Iraq.\n", encoding="utf-8")
    result = invoke("check-article", draft, "--index", built_index.path, "-q")
    assert result.exit_code == 0, result.output
    assert "a temporary problem &lt;script&gt;alert(1)&lt;/script&gt; & nothing more" in result.output
    assert "<script>" not in result.output and "\\&" not in result.output


@pytest.mark.parametrize(
    ("sentence", "feature", "checkworthy"),
    [
        # An imperative with a figure in it states a fact; without one it is a call to action.
        ("See the council report on Floods in Kasara, which killed 40 people.", "number", True),
        ("Watch the final live on Sunday at 8pm.", "call to action or boilerplate", False),
        ("Solvex no longer makes lead-acid batteries.", "change of state", True),
        ("I will never forget that morning.", None, False),
        ("The bridge is the longest in the country.", "superlative", True),
        ("Kasara is the wettest town in the region.", "superlative", True),
        ("The mayor is the most honest politician in the region.", None, False),
        ("It was the longest night of my life.", "superlative", False),
        ("Her latest novel is a delight.", None, False),
    ],
)
def test_checkworthiness_of_imperatives_changes_and_superlatives(
    sentence: str, feature: str | None, checkworthy: bool
) -> None:
    (s,) = score_sentences(sentence)
    assert s.checkworthy() is checkworthy, (s.score, s.features)
    if feature:
        assert feature in s.features
    if checkworthy:
        assert "call to action or boilerplate" not in s.features


def test_a_claim_opening_with_a_pronoun_is_checked_as_who_it_stands_for() -> None:
    from verifier.draft import check_article
    from verifier.types import Verdict

    class Recorder:
        index = None

        def __init__(self) -> None:
            self.checked: list[str] = []

        def check_many(self, claims: list[str], top_k: int | None = None) -> list[Verdict]:
            self.checked += claims
            return [Verdict(c, "unknown", 0.4, "…", []) for c in claims]

    draft = (
        "Health Minister Birgit Aalto said on Tuesday that waiting times rose 12% in 2024. "
        "She rejected opposition calls for an independent inquiry into the 2024 figures.\n"
    )
    verifier = Recorder()
    report = check_article(verifier, draft, threshold=0.0)
    assert "Birgit Aalto rejected opposition calls for an independent inquiry into the 2024 figures." in (
        verifier.checked
    )
    # The report still shows the sentence as the draft has it.
    assert any(c.sentence.claim.startswith("She rejected") for c in report.claims)


def test_a_pronoun_claim_is_scored_as_who_it_stands_for() -> None:
    draft = "Health Minister Birgit Aalto spoke on Tuesday. She rejected calls for an inquiry.\n"
    first, second = score_sentences(draft)
    assert second.read_as == "Birgit Aalto rejected calls for an inquiry."
    assert second.checked == second.read_as and second.claim.startswith("She")
    assert second.to_dict()["read_as"] == second.read_as and "read_as" not in first.to_dict()
    alone = score_sentences("She rejected calls for an inquiry.\n")[0]
    assert alone.read_as == "" and alone.score < second.score  # a name makes it worth checking
