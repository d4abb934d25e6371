"""A draft's markup and headline: what of a draft read as written is not prose, and what heads it.

A ``.txt`` or ``.md`` draft has a headline only when it shows one (:func:`draft_headline`): a
Markdown ``# `` heading, or a first line that stands alone (a blank line after it, text after
that), has at most :data:`HEADLINE_MAX_WORDS` words, is not a byline and does not end like a
sentence or a clause (``. ! ? , ; : …``). Otherwise the first paragraph is body text and is
checked like the rest. The headline itself (its first line in the draft) is scored, with
its "headline" feature against it; only later copies of it are skipped as repeats.

HTML tags, comments and the content of ``<script>``/``<style>`` in a draft read as written
(``.txt``, and ``.md`` unless ingest renders it) are markup, not prose: they are blanked out
before sentences are split and claims read (:func:`hide_markup`), while the reports still
show the draft's own characters. Markdown markers around a sentence are trimmed off its span
(:func:`trim_markdown`) and links and emphasis in it reduced to their text (:func:`clean_claim`).
"""

from __future__ import annotations

import re

HEADLINE_MAX_WORDS = 20
_TITLE_MAX = 200  # as verifier.formats cuts titles
# A byline ("By Staff", "Updated 9:30 am") is never a headline, and counts against a sentence
# in verifier.checkworthy.
RE_BYLINE = re.compile(r"^(?:by|updated|published|posted)\b\s+\S", re.IGNORECASE)
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


def norm(text: str) -> str:
    """Lowercase words without punctuation: what a headline and its repeats are compared by."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def hide_markup(text: str) -> str:
    """``text`` with HTML tags, comments and script/style content blanked, every offset kept.

    Regular expressions rather than BeautifulSoup: sentence spans must index into the draft
    as written, and a parser gives back text without the offsets it came from.
    """

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _RE_TAG.sub(blank, _RE_RAW_TEXT.sub(blank, text))


def tag_edges(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Tags by where they touch text: {end: start} of opening tags, {start: end} of closing ones."""
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    for match in _RE_TAG.finditer(text):
        if match.group().startswith("</"):
            closing[match.start()] = match.end()
        elif not match.group().startswith("<!--"):
            opening[match.end()] = match.start()
    return opening, closing


def headline_text(line: str) -> str:
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
                if headline_text(line):
                    return headline_text(line)[:_TITLE_MAX]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or first + 1 >= len(lines) or lines[first + 1].strip():
        return ""  # not a line of its own
    if not any(line.strip() for line in lines[first + 2 :]):
        return ""  # the whole draft: nothing to head
    line = lines[first].strip()
    headline = headline_text(line) if markdown else " ".join(line.split())
    if (
        not headline
        or len(headline.split()) > HEADLINE_MAX_WORDS
        or headline.rstrip(_CLOSERS).endswith(_HEADLINE_NOT_END)
        or RE_BYLINE.match(headline)
        or (markdown and _RE_MD_LEAD.match(line) and not _RE_MD_HEADING.match(line))  # a list item, a quote
    ):
        return ""
    return headline[:_TITLE_MAX]


def headline_span(text: str, title: str) -> tuple[int, int] | None:
    """Where the headline ``title`` itself stands in ``text``: the first line that is the headline.

    A whole line, not just a sentence: a headline stands on its own line (or is a heading
    rendered to one), while the same words inside a paragraph repeat it.
    """
    key = norm(headline_text(title))
    if not key:
        return None
    pos = 0
    for line in text.split("\n"):
        if norm(headline_text(line)) == key:
            return pos, pos + len(line)
        pos += len(line) + 1
    return None


def clean_claim(text: str) -> str:
    """The sentence as a claim to check: markdown links and emphasis reduced to their text, no dateline."""
    text = _RE_MD_LINK.sub(r"\1", text)
    text = _RE_MD_EMPHASIS.sub(r"\2", text)
    text = _RE_DATELINE.sub("", text)
    return " ".join(text.split())


def trim_markdown(text: str, start: int, end: int) -> tuple[int, int, bool]:
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
