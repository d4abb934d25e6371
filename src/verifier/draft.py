"""Claims from a draft: a check-worthiness score per sentence, and ``verifier check-article``.

Check-worthiness is a transparent linear score, not a trained model: each sentence gets
features that make a statement checkable (a number, a date, a named entity, a comparison,
a causal link, an attribution, a state that changed, a superlative) or not (a question, an
opinion word, first or second person, a call to action or legal line, a byline, a headline,
very few words), each with a hand-set weight; the score is ``sigmoid(BIAS + sum of weights)``
and a sentence is a claim when it reaches :data:`THRESHOLD`. Headlines repeated in the body
(and any sentence repeated verbatim) score 0. The weights were set on the "dev" split of
``tests/data/checkworthiness.jsonl`` (two drafts in ``tests/data/drafts`` and some sentences
labelled on their own) and measured on every split (``scripts/checkworthiness.py``).

A ``.txt`` or ``.md`` draft has a headline only when it shows one (:func:`draft_headline`): a
Markdown ``# `` heading, or a first line that stands alone (a blank line after it, text after
that), has at most :data:`HEADLINE_MAX_WORDS` words, is not a byline and does not end like a
sentence or a clause (``. ! ? , ; : …``). Otherwise the first paragraph is body text and is
checked like the rest. The headline itself (its first line in the draft) is scored, with
its "headline" feature against it; only later copies of it are skipped as repeats.

HTML tags, comments and the content of ``<script>``/``<style>`` in a draft read as written
(``.txt``, and ``.md`` unless ingest renders it) are markup, not prose: they are blanked out
before sentences are split and claims read (:func:`hide_markup`), while the reports still
show the draft's own characters.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from verifier.errors import VerifierError
from verifier.report import evidence_where
from verifier.templating import plural
from verifier.types import Evidence, Verdict

THRESHOLD = 0.5
BIAS = -1.0
WEIGHTS: dict[str, float] = {
    "number": 1.6,
    "date": 1.0,
    "named entity": 0.8,
    "several named entities": 0.4,
    "comparison": 0.7,
    "causal": 1.2,
    "attribution": 0.5,
    "change of state": 1.0,
    "superlative": 0.5,
    "question": -4.0,
    "opinion": -2.5,
    "first/second person": -1.3,
    "call to action or boilerplate": -4.0,
    "byline": -3.0,
    "headline": -2.5,
    "few words": -1.5,
}
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
HEADLINE_MAX_WORDS = 20
_TITLE_MAX = 200  # as verifier.ingest cuts titles

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "twice double doubled triple tripled half halved quarter percent"
).split()
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_RE_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_RE_DIGIT = re.compile(r"\d")
# A clock time says when, like a date, not how many.
_RE_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]m\b|[ap]\.m\.)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_RE_RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tonight|(?:last|next|this|every|a|per|within a) (?:year|month|week|decade|day)"
    r"|(?:years?|months?|weeks?|decades?) ago)\b",
    re.IGNORECASE,
)
# Superlatives of a measurable quantity ("the longest", "the deadliest"); evaluative ones
# ("the best", "the most honest") are opinions, and "-est" alone also ends "interest", "forest".
_MEASURED_SUPERLATIVE = (
    r"(?:largest|biggest|highest|lowest|smallest|longest|shortest|oldest|youngest|newest|"
    r"tallest|deepest|widest|hottest|warmest|coldest|wettest|driest|fastest|slowest|heaviest|"
    r"lightest|richest|poorest|busiest|deadliest|earliest|costliest|strongest|weakest|"
    r"most (?:populous|expensive|visited|densely|widely|common)|least (?:populous|expensive|visited))"
)
_RE_COMPARISON = re.compile(
    rf"\b(?:more|less|fewer|than|most|least|{_MEASURED_SUPERLATIVE}|rose|risen|rise|rises|fell|fallen|"
    r"falls|increase[sd]?|decrease[sd]?|grew|grown|dropped|doubled|tripled|halved|up from|down from|"
    r"compared (?:with|to)|record)\b",
    re.IGNORECASE,
)
# A superlative that ranks something ("the longest in the country", "Iraq's largest city",
# "the first woman to"): a claim about all the others too, so worth more than a comparison.
_RE_SUPERLATIVE = re.compile(
    rf"\b(?:the|its|their|[A-Za-z]+['’]s)\s+(?:{_MEASURED_SUPERLATIVE}|first|only)\b", re.IGNORECASE
)
# A state that changed or ended ("no longer makes", "ceased trading"): checkable against the past.
_RE_CHANGE = re.compile(
    r"\b(?:no longer|stopped|ceased|discontinued|scrapped|shut down|closed down|abolished)\b",
    re.IGNORECASE,
)
_RE_CAUSAL = re.compile(
    r"\b(?:because|due to|caused|causes|causing|led to|leads to|as a result|blamed|driven by|"
    r"resulted in|results in|forced|thanks to|owing to)\b",
    re.IGNORECASE,
)
_RE_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|reports|announced|stated|confirmed|estimated|"
    r"estimates|showed|shows)\b",
    re.IGNORECASE,
)
_RE_OPINION = re.compile(
    r"\b(?:I|we) (?:think|believe|feel)\b|\bin (?:my|our) (?:view|opinion)\b|\b(?:think|thinks|believe|"
    r"believes|feel|feels|seems?|should|must|ought|deserves?|arguably|hopefully|unfortunately|sadly|"
    r"fortunately|remarkable|brutal|terrible|wonderful|great|awful|amazing|shameful|disgraceful|"
    r"outrageous|absurd|ridiculous|mistake|betrayal|scandal|proud|remains to be seen|by any measure)\b",
    re.IGNORECASE,
)
# Case matters: "US" and "ME" are places, "us" and "me" are the writer.
_RE_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?)\b")
_CALL_TO_ACTION_START = (
    "sign up subscribe follow share read click contact stay download watch listen join see get send "
    "email call visit learn find tell don't do please related advertisement"
).split()
_RE_BOILERPLATE = re.compile(
    r"©|\ball rights reserved\b|\bsubscribe\b|\bnewsletter\b|\bsign up\b|\bclick here\b|"
    r"\bread more\b|\bshare this\b|\bfollow us\b|[\w.+-]+@[\w-]+\.[\w.]+|https?://",
    re.IGNORECASE,
)
_RE_BYLINE = re.compile(r"^(?:by|updated|published|posted)\b\s+\S", re.IGNORECASE)
_RE_WORD = re.compile(r"[\w'’.-]+")
_RE_ENTITY = re.compile(r"^(?:[A-Z][a-z][\w'’-]*|[A-Z]{2,}[\w'’-]*|(?:[A-Z]\.){2,}[\w'’-]*)$")
_TERMINAL = tuple(".!?\"”’')")
# Markdown syntax around a sentence: headings, quotes, list bullets, emphasis markers.
_RE_MD_LEAD = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\d{1,3}[.)][ \t]+)+")
_RE_MD_TRAIL = re.compile(r"[ \t]+#+$")
_RE_EMPHASIS_LEAD = re.compile(r"^[*_]{1,3}(?=\S)")
_RE_EMPHASIS_TRAIL = re.compile(r"(?<=\S)[*_]{1,3}$")
# "BAGHDAD — " opening a story names where it was filed, not part of the claim.
_RE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}\s*(?:—|–|--)\s*")
_RE_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_RE_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_RE_MD_H1 = re.compile(r"^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RE_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_RE_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# Sentence or clause punctuation ending a line: the line is prose, not a headline.
_HEADLINE_NOT_END = tuple(".!?,;:…")
_CLOSERS = "\"”’')]*_ \t"
# An unclosed <script> runs to the end of the text, as it would in a browser.
_RE_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_RE_TAG = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>", re.DOTALL)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def hide_markup(text: str) -> str:
    """``text`` with HTML tags, comments and script/style content blanked, every offset kept.

    Regular expressions rather than BeautifulSoup: sentence spans must index into the draft
    as written, and a parser gives back text without the offsets it came from.
    """

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _RE_TAG.sub(blank, _RE_RAW_TEXT.sub(blank, text))


def _tag_edges(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Tags by where they touch text: {end: start} of opening tags, {start: end} of closing ones."""
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    for match in _RE_TAG.finditer(text):
        if match.group().startswith("</"):
            closing[match.start()] = match.end()
        elif not match.group().startswith("<!--"):
            opening[match.end()] = match.start()
    return opening, closing


def _headline_text(line: str) -> str:
    """A line as a headline would read: heading markers, links and emphasis reduced to text."""
    line = line.strip()
    heading = _RE_MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _RE_MD_EMPHASIS.sub(r"\2", _RE_MD_LINK.sub(r"\1", line))
    return " ".join(line.split())


def draft_headline(text: str, *, markdown: bool = False) -> str:
    """The headline of a .txt/.md draft, or "" when it has none (rule in the module docstring)."""
    lines = hide_markup(text).split("\n")
    if markdown:
        fenced = False
        for i, line in enumerate(lines):
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced  # "# " in a code block is a comment, not a heading
            elif fenced or not line.strip():
                continue
            elif _RE_MD_H1.match(line.strip()) or (i + 1 < len(lines) and _RE_SETEXT_H1.match(lines[i + 1])):
                if _headline_text(line):
                    return _headline_text(line)[:_TITLE_MAX]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or first + 1 >= len(lines) or lines[first + 1].strip():
        return ""  # not a line of its own
    if not any(line.strip() for line in lines[first + 2 :]):
        return ""  # the whole draft: nothing to head
    line = lines[first].strip()
    headline = _headline_text(line) if markdown else " ".join(line.split())
    if (
        not headline
        or len(headline.split()) > HEADLINE_MAX_WORDS
        or headline.rstrip(_CLOSERS).endswith(_HEADLINE_NOT_END)
        or _RE_BYLINE.match(headline)
        or (markdown and _RE_MD_LEAD.match(line) and not _RE_MD_HEADING.match(line))  # a list item, a quote
    ):
        return ""
    return headline[:_TITLE_MAX]


def _headline_span(text: str, title: str) -> tuple[int, int] | None:
    """Where the headline ``title`` itself stands in ``text``: the first line that is the headline.

    A whole line, not just a sentence: a headline stands on its own line (or is a heading
    rendered to one), while the same words inside a paragraph repeat it.
    """
    key = _norm(_headline_text(title))
    if not key:
        return None
    pos = 0
    for line in text.split("\n"):
        if _norm(_headline_text(line)) == key:
            return pos, pos + len(line)
        pos += len(line) + 1
    return None


def clean_claim(text: str) -> str:
    """The sentence as a claim to check: markdown links and emphasis reduced to their text, no dateline."""
    text = _RE_MD_LINK.sub(r"\1", text)
    text = _RE_MD_EMPHASIS.sub(r"\2", text)
    text = _RE_DATELINE.sub("", text)
    return " ".join(text.split())


@dataclass
class Sentence:
    """One sentence of a draft with its check-worthiness."""

    index: int  # position among the draft's sentences, from 0
    start: int
    end: int
    text: str  # draft[start:end], markdown markers around it trimmed
    score: float
    features: list[str]  # the features that fired, in WEIGHTS order
    repeated: str = ""  # why the sentence is skipped whatever its score ("repeats the headline")
    claim: str = ""  # what is checked: clean_claim of the sentence with markup blanked

    def __post_init__(self) -> None:
        if not self.claim:
            self.claim = clean_claim(self.text)

    def checkworthy(self, threshold: float = THRESHOLD) -> bool:
        return not self.repeated and self.score >= threshold

    def to_dict(self, threshold: float = THRESHOLD) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": self.score,
            "checkworthy": self.checkworthy(threshold),
            "features": self.features,
            "skipped": self.repeated,
        }


def features_of(text: str, *, heading: bool = False) -> list[str]:
    """The check-worthiness features of one sentence (see :data:`WEIGHTS`)."""
    # Sentence punctuation off the end of words, abbreviations ("U.S.") kept whole.
    words = [w if re.fullmatch(r"(?:[A-Za-z]\.){2,}", w) else w.rstrip(".") for w in _RE_WORD.findall(text)]
    words = [w for w in words if w]
    lowered = [w.lower().strip(".") for w in words]
    found: set[str] = set()
    stripped = text.strip()
    years = _RE_YEAR.findall(text)
    clock = _RE_CLOCK.search(text) is not None
    other_digits = _RE_DIGIT.search(_RE_CLOCK.sub(" ", _RE_YEAR.sub(" ", text))) is not None
    if other_digits or any(w in _NUMBER_WORDS for w in lowered) or "%" in text:
        found.add("number")
    if years or clock or _RE_RELATIVE_DATE.search(text) or any(w in _MONTHS or w in _WEEKDAYS for w in words):
        found.add("date")
    entities = [
        w
        for i, w in enumerate(words)
        if _RE_ENTITY.match(w)
        and w not in _MONTHS
        and w not in _WEEKDAYS
        and w != "I"
        and (i > 0 or w.isupper() or "." in w)  # a capital first word is just the sentence start
    ]
    if entities:
        found.add("named entity")
    if len(set(entities)) >= 2:
        found.add("several named entities")
    if _RE_COMPARISON.search(text):
        found.add("comparison")
    if _RE_CAUSAL.search(text):
        found.add("causal")
    if _RE_ATTRIBUTION.search(text):
        found.add("attribution")
    if _RE_CHANGE.search(text):
        found.add("change of state")
    if _RE_SUPERLATIVE.search(text):
        found.add("superlative")
    if stripped.endswith("?"):
        found.add("question")
    if _RE_OPINION.search(text):
        found.add("opinion")
    if _RE_PERSON.search(text):
        found.add("first/second person")
    first = lowered[0] if lowered else ""
    # An imperative start is a call to action only without a figure in it: "See the report on
    # the floods, which killed 40 people" states a death toll. A date is not enough, since
    # invitations carry one ("Join us on Saturday", "Watch it live at 8pm").
    imperative = first in _CALL_TO_ACTION_START or " ".join(lowered[:2]) in _CALL_TO_ACTION_START
    if _RE_BOILERPLATE.search(text) or (imperative and "number" not in found):
        found.add("call to action or boilerplate")
    if _RE_BYLINE.match(stripped):
        found.add("byline")
    if heading or not stripped.endswith(_TERMINAL):
        found.add("headline")
    if len(words) < 5:
        found.add("few words")
    return [name for name in WEIGHTS if name in found]


def score_features(features: Sequence[str]) -> float:
    return round(_sigmoid(BIAS + sum(WEIGHTS[f] for f in features)), 4)


def _trim_markdown(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Span without markdown markers around it; True when it is a markdown heading."""
    span = text[start:end]
    heading = span.lstrip().startswith("#")
    lead = _RE_MD_LEAD.match(span)
    if lead:
        start += lead.end()
    trail = _RE_MD_TRAIL.search(text[start:end])
    if trail:
        end = start + trail.start()
    # An emphasis marker cut off from its pair by the sentence split ("*By Staff. Draft*").
    lead = _RE_EMPHASIS_LEAD.match(text[start:end])
    if lead and text[start:end].count(lead.group()) % 2:
        start += lead.end()
    trail = _RE_EMPHASIS_TRAIL.search(text[start:end])
    if trail and text[start:end].count(trail.group()) % 2:
        end = start + trail.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, heading


def score_sentences(text: str, title: str = "", *, markup: bool = True) -> list[Sentence]:
    """Every sentence of ``text`` with its check-worthiness score and features.

    ``title`` is the draft's headline ("" for none). The first line of ``text`` that is the
    headline is scored as one; copies of it elsewhere are repeats. ``markup``: HTML in ``text``
    is markup to skip (a draft read as written), not visible text.
    """
    from verifier.segment import split_sentences

    plain = hide_markup(text) if markup else text
    opening, closing = _tag_edges(text) if markup else ({}, {})
    out: list[Sentence] = []
    seen: set[str] = set()
    headline = _norm(_headline_text(title))
    own = _headline_span(plain, title)
    for start, end in split_sentences(plain):
        start, end, heading = _trim_markdown(plain, start, end)
        if start >= end:
            continue
        claim = clean_claim(plain[start:end])
        # Shown with the tags glued to it, so "<b>Spending</b> rose" is not shown as "Spending</b> rose".
        while start in opening and opening[start] >= (out[-1].end if out else 0):
            start = opening[start]
        while end in closing:
            end = closing[end]
        is_headline = own is not None and own[0] <= start and end <= own[1]
        features = features_of(claim, heading=heading or is_headline)
        key = _norm(claim)
        repeated = ""
        if is_headline:
            pass  # the headline itself, scored as a headline; never a repeat of itself
        elif key and key == headline:
            repeated = "repeats the headline"
        elif key in seen:
            repeated = "repeats an earlier sentence"
        seen.add(key)
        score = 0.0 if repeated else score_features(features)
        out.append(Sentence(len(out), start, end, text[start:end], score, features, repeated, claim))
    return out


def find_claims(
    text: str, title: str = "", threshold: float = THRESHOLD, *, markup: bool = True
) -> list[Sentence]:
    """The check-worthy sentences of a draft, in draft order."""
    return [s for s in score_sentences(text, title, markup=markup) if s.checkworthy(threshold)]


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
    from verifier.ingest import _read_sidecar, _read_text, load_documents

    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_file() and suffix not in DRAFT_EXTENSIONS:
        shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise VerifierError(f"unsupported draft type {shown} for {path}: use .txt, .md or .html")
    doc = load_documents([path])[0]
    check_draft_text(doc.text)
    if suffix not in MARKUP_DRAFT_EXTENSIONS:
        return Draft(doc.text, doc.title, markup=False)
    source = _read_text(path)
    title = doc.title
    # load_documents takes any first line for a title; a draft's first paragraph may be its lede.
    if not _read_sidecar(path)["title"]:
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
    from verifier.index import write_atomic_text

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
