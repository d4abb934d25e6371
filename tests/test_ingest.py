"""Tests for verifier.ingest and verifier.formats: every input format, every user mistake, stable ids."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from verifier.errors import VerifierError
from verifier.formats import html_to_text, is_date
from verifier.ingest import SUPPORTED_EXTENSIONS, load_documents
from verifier.segment import segment_document


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))  # no newline translation on any OS
    return path


def load_one(path: Path):
    docs = load_documents([path])
    assert len(docs) == 1
    return docs[0]


# --- .txt / .md --------------------------------------------------------------


def test_txt_is_kept_verbatim_so_offsets_survive(tmp_path: Path) -> None:
    content = "  Heading line  \n\nThe U.S. sent 2,500 troops.\tTabs  and  spaces stay.\n\n\nEnd.\n"
    doc = load_one(write(tmp_path / "report.txt", content))
    assert doc.text == content
    start = content.index("2,500")
    assert doc.text[start : start + 5] == "2,500"
    assert doc.title == "Heading line"
    assert doc.doc_id == "report"
    assert doc.path == str(tmp_path / "report.txt")
    assert (doc.source, doc.date, doc.url) == ("", "", "")


def test_crlf_is_normalised(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "a.txt", "One.\r\nTwo.\r\n\r\nThree."))
    assert doc.text == "One.\nTwo.\n\nThree."
    assert "\r" not in doc.text


def test_long_first_line_title_is_truncated(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "a.txt", "x" * 500))
    assert doc.title == "x" * 200
    assert len(doc.text) == 500


def test_md_title_from_first_h1_without_markup(tmp_path: Path) -> None:
    content = "Intro paragraph.\n\n## Not this\n\n# The *Real* Title\n\nBody with **bold**.\n"
    doc = load_one(write(tmp_path / "notes.md", content))
    assert doc.title == "The Real Title"
    assert doc.text == "Intro paragraph.\n\nNot this\n\nThe Real Title\n\nBody with bold."


def test_md_without_h1_uses_first_nonempty_line(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "notes.md", "\n\n  ## Sub heading  \nbody\n"))
    assert doc.title == "Sub heading"


MARKDOWN = """# Heading about trains

The **railway** carried 12,000 passengers in *2020*.
See [the timetable](http://x.y) and `code`.

- Bullet: trains ran late.
- Second bullet with __emphasis__.

> A quoted line.

| Line | Riders |
|------|--------|
| North | 4,000 |

<script>alert(1)</script>
"""


def test_md_evidence_is_plain_text_with_offsets_into_the_stored_text(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "trains.md", MARKDOWN))
    sentences = [s.text for s in segment_document(doc)]
    assert sentences[:3] == [
        "Heading about trains",
        "The railway carried 12,000 passengers in 2020.",
        "See the timetable and code.",
    ]
    assert "Bullet: trains ran late." in sentences and "Second bullet with emphasis." in sentences
    assert "A quoted line." in sentences and "North 4,000" in doc.text
    for marker in ("#", "**", "__", "[", "](", "`", "- ", "> ", "|", "alert", "http://x.y"):
        assert marker not in doc.text, marker
    for s in segment_document(doc):  # what is stored and shown is what the offsets index
        assert doc.text[s.start : s.end] == s.text
    assert doc.title == "Heading about trains"


def test_binary_garbage_named_txt(tmp_path: Path) -> None:
    path = write(tmp_path / "garbage.txt", bytes(range(256)))
    with pytest.raises(VerifierError, match=r"garbage\.txt is not a UTF-8 text file"):
        load_documents([path])


def test_nul_bytes_in_valid_utf8_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "nul.txt", b"hello\x00world")
    with pytest.raises(VerifierError, match="not a UTF-8 text file"):
        load_documents([path])


def test_empty_text_file_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", "  \n\n")
    with pytest.raises(VerifierError, match=r"blank\.txt contains no text"):
        load_documents([path])


# --- .html -------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Coalition &amp; Iraq</title>
<style>p { color: red; } .secret { display: none }</style>
<script>var leaked = "script text";</script></head>
<body>
<!-- a comment that must vanish -->
<header><nav>Home</nav></header>
<article>
  <h1>Mission   to end</h1>
  <div><p>First   paragraph
     spans lines.</p><div><p>Nested <b>bold</b> paragraph.</p></div></div>
  <script>alert(1)</script>
  <noscript>Enable JavaScript</noscript>
  <template><p>template text</p></template>
  <ul><li>Item one</li><li>Item two</li></ul>
  <p>Tom &amp; Jerry &lt;3 caf&eacute;&nbsp;time</p>
  Line one<br>Line two
</article>
</body></html>"""


def test_html_visible_text_only() -> None:
    text, title = html_to_text(HTML)
    assert title == "Coalition & Iraq"
    for hidden in ("alert", "script text", "color: red", "comment", "Enable JavaScript", "template"):
        assert hidden not in text
    # The only "<" left is the decoded &lt; entity: no tag survived.
    assert "<" not in text.replace("<3", "") and ">" not in text
    assert "&" not in text.replace("Tom & Jerry", "")
    assert "Tom & Jerry <3 café time" in text


def test_html_blocks_become_separate_paragraphs() -> None:
    text, _ = html_to_text(HTML)
    paragraphs = text.split("\n\n")
    assert paragraphs == [
        "Home",
        "Mission to end",
        "First paragraph spans lines.",
        "Nested bold paragraph.",
        "Item one",
        "Item two",
        "Tom & Jerry <3 café time",
        "Line one",
        "Line two",
    ]


def test_html_title_falls_back_to_h1_and_cells_are_spaced() -> None:
    text, title = html_to_text(
        "<body><h1>Big <i>News</i></h1><table><tr><td>a</td><td>b</td></tr></table></body>"
    )
    assert title == "Big News"
    assert text == "Big News\n\na b"


def test_html_file_is_loaded(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "site" / "page.htm", HTML))
    assert doc.doc_id == "page"
    assert doc.title == "Coalition & Iraq"
    assert "alert(1)" not in doc.text and "Nested bold paragraph." in doc.text


def test_html_deep_nesting_does_not_recurse_out() -> None:
    text, _ = html_to_text("<div>" * 3000 + "deep" + "</div>" * 3000)
    assert text == "deep"


# --- sidecar metadata --------------------------------------------------------


def test_sidecar_metadata(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", "Body text.")
    meta = {"doc_id": "wire-1", "title": "Real title", "source": "wire", "date": " 2025-01-02 ", "url": None}
    write(tmp_path / "story.meta.json", json.dumps(meta))
    docs = load_documents([tmp_path])  # the sidecar itself is not a document
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.doc_id, doc.title, doc.source, doc.date, doc.url) == (
        "wire-1",
        "Real title",
        "wire",
        "2025-01-02",
        "",
    )
    assert doc.text == "Body text."


def test_sidecar_invalid_json_names_sidecar(tmp_path: Path) -> None:
    write(tmp_path / "story.md", "# T\nBody")
    write(tmp_path / "story.meta.json", "{not json")
    with pytest.raises(VerifierError, match=r"story\.meta\.json is not valid JSON"):
        load_documents([tmp_path / "story.md"])


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"title": 5, "date": ["x"]}, "field 'title' must be a string, not a number"),
        ({"date": ["x"]}, "field 'date' must be a string, not a list"),
        ({"source": {"a": 1}}, "field 'source' must be a string, not an object"),
        ({"url": True}, "field 'url' must be a string, not true/false"),
        ({"doc_id": 7}, "field 'doc_id' must be a string, not a number"),
        ({"date": "not a date"}, "field 'date' is not a date: 'not a date'"),
        ({"date": "2025-13-45"}, "field 'date' is not a date"),
        # A misspelt key used to be dropped silently, indexing the document without that field.
        (
            {"titel": "x"},
            "unknown field 'titel' (did you mean 'title'?); allowed: doc_id, title, source, date, url",
        ),
        ({"title": "ok", "author": "x"}, "unknown field 'author'; allowed: doc_id, title, source, date, url"),
        ({"sauce": "x", "Date": "2024"}, "unknown fields 'sauce' (did you mean 'source'?), 'Date' (did you"),
    ],
)
def test_sidecar_fields_are_validated(tmp_path: Path, meta: dict, message: str) -> None:
    write(tmp_path / "story.txt", "Body.")
    sidecar = write(tmp_path / "story.meta.json", json.dumps(meta))
    with pytest.raises(VerifierError) as info:
        load_documents([tmp_path])
    assert str(info.value).startswith(f"metadata file {sidecar}: {message}")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "date", ["", "   ", "2025-01-15", "15 January 2025", "March 2024", "2024-06-01T10:00Z"]
)
def test_sidecar_dates_that_read_as_dates(tmp_path: Path, date: str) -> None:
    write(tmp_path / "story.txt", "Body.")
    write(tmp_path / "story.meta.json", json.dumps({"date": date, "title": None}))
    assert load_one(tmp_path / "story.txt").date == date.strip()


def test_is_date() -> None:
    assert is_date("2025-01-15") and is_date("2 August 2024")
    assert not is_date("not a date") and not is_date("x") and not is_date("99999999999999999999")


def test_sidecar_must_be_object(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", "Body")
    write(tmp_path / "story.meta.json", "[1, 2]")
    with pytest.raises(VerifierError, match="must contain a JSON object"):
        load_documents([tmp_path / "story.txt"])


# --- .jsonl ------------------------------------------------------------------


def test_jsonl_good(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "d1", "text": "First doc.", "title": "One", "source": "AP", "date": 2024}),
        "",
        json.dumps({"text": "Second\r\ndoc.", "url": None, "extra": "ignored"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    first, second = load_documents([path])
    assert (first.doc_id, first.text, first.title, first.source, first.date) == (
        "d1",
        "First doc.",
        "One",
        "AP",
        "2024",
    )
    assert second.text == "Second\ndoc."
    assert second.doc_id == "feed-" + hashlib.sha1(b"Second\ndoc.").hexdigest()[:12]
    assert (second.title, second.source, second.url) == ("", "", "")
    assert first.path == second.path == str(path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"title": "no text"}', r"feed\.jsonl line 3: missing 'text' field"),
        ("[1, 2, 3]", r"feed\.jsonl line 3: not a JSON object"),
        ('{"text": "unterminated', r"feed\.jsonl line 3: invalid JSON: "),
        ('{"text": "   "}', r"feed\.jsonl line 3: 'text' must be a non-empty string"),
        ('{"text": 42}', r"feed\.jsonl line 3: 'text' must be a non-empty string"),
    ],
)
def test_jsonl_bad_lines(tmp_path: Path, line: str, message: str) -> None:
    good = json.dumps({"text": "fine"})
    path = write(tmp_path / "feed.jsonl", f"{good}\n\n{line}\n")
    with pytest.raises(VerifierError, match=message):
        load_documents([path])


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "yesterday",
            "field 'date' is not a date: 'yesterday' (write it like 2025-01-15, or leave it empty)",
        ),
        ("2021-02-30", "field 'date' is not a date: '2021-02-30'"),
        # Only a bare year passes as a number: str(20240115) or str(true) would index as a "date".
        (20240115, "field 'date' must be a date as text (like \"2025-01-15\") or a year, not a number"),
        (True, "field 'date' must be a date as text (like \"2025-01-15\") or a year, not true/false"),
        (["2024"], "field 'date' must be a date as text (like \"2025-01-15\") or a year, not a list"),
    ],
)
def test_jsonl_dates_are_validated_like_sidecars(tmp_path: Path, date: object, message: str) -> None:
    good = json.dumps({"text": "fine", "date": "2024-02-29"})
    path = write(tmp_path / "feed.jsonl", f"{good}\n\n{json.dumps({'text': 'x', 'date': date})}\n")
    with pytest.raises(VerifierError) as info:
        load_documents([path])
    assert str(info.value).startswith(f"{path} line 3: {message}")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("date", "stored"), [(2024, "2024"), (" 15 January 2025 ", "15 January 2025"), (None, ""), ("  ", "")]
)
def test_jsonl_dates_that_read_as_dates(tmp_path: Path, date: object, stored: str) -> None:
    # A year written as a JSON number is a year: kept as the text "2024", as a sidecar would hold it.
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": "x", "date": date}) + "\n")
    assert load_one(path).date == stored


def test_jsonl_with_no_records(tmp_path: Path) -> None:
    with pytest.raises(VerifierError, match="contains no records"):
        load_documents([write(tmp_path / "empty.jsonl", "\n\n")])


# --- .csv --------------------------------------------------------------------


def test_csv_good(tmp_path: Path) -> None:
    content = 'doc_id,text,title,date\nc1,"Quoted, with comma",T1, 2020-05-01\n,"Multi\nline",,\n'
    path = write(tmp_path / "table.csv", content)
    first, second = load_documents([path])
    assert (first.doc_id, first.text, first.title, first.date) == (
        "c1",
        "Quoted, with comma",
        "T1",
        "2020-05-01",
    )
    assert second.text == "Multi\nline"
    assert second.doc_id == "table-" + hashlib.sha1(b"Multi\nline").hexdigest()[:12]
    assert second.source == "" and second.date == ""


def test_csv_dates_are_validated_with_row_and_line(tmp_path: Path) -> None:
    # The quoted newline in row 1 puts row 2 on line 4: the message names both, as for an empty text.
    content = 'text,date,extra\n"Multi\nline",2024-02-29,kept\nok,2021-02-30,x\n'
    path = write(tmp_path / "table.csv", content)
    with pytest.raises(VerifierError) as info:
        load_documents([path])
    assert str(info.value) == (
        f"{path} row 2 (line 4): field 'date' is not a date: '2021-02-30' "
        "(write it like 2025-01-15, or leave it empty)"
    )
    write(path, "text,date\nok,yesterday\n")
    with pytest.raises(
        VerifierError, match=r"table\.csv row 1 \(line 2\): field 'date' is not a date: 'yesterday'"
    ):
        load_documents([path])


def test_csv_values_like_na_stay_strings(tmp_path: Path) -> None:
    doc = load_one(write(tmp_path / "t.csv", "text,source\nNA,NULL\n"))
    assert (doc.text, doc.source) == ("NA", "NULL")


def test_csv_missing_text_column_lists_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "body,title,date\nx,y,z\n")
    with pytest.raises(VerifierError, match=r"bad\.csv has no 'text' column \(columns: body, title, date\)"):
        load_documents([path])


def test_csv_empty_text_row_names_row_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", "text,title\nfine,a\nalso fine,b\n  ,c\n")
    with pytest.raises(VerifierError, match=r"rows\.csv row 3 \(line 4\): empty 'text'"):
        load_documents([path])


def test_csv_empty_text_line_accounts_for_multiline_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", 'text\n"two\nlines"\n\n""\n')
    with pytest.raises(VerifierError, match=r"row 2 \(line 5\): empty 'text'"):
        load_documents([path])


def test_csv_extra_fields_are_an_error_not_a_shift(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.csv", "text,title\na,b,c\n")
    with pytest.raises(VerifierError, match=r"cannot parse CSV file .*wide\.csv"):
        load_documents([path])


def test_csv_empty_file(tmp_path: Path) -> None:
    with pytest.raises(VerifierError, match=r"empty\.csv is empty"):
        load_documents([write(tmp_path / "empty.csv", "")])


# --- paths, walking, ids -----------------------------------------------------


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "paper.pdf", b"%PDF-1.4")
    with pytest.raises(VerifierError) as info:
        load_documents([path])
    assert str(info.value) == f"unsupported file type '.pdf' for {path}: use .txt, .md, .html, .jsonl or .csv"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    with pytest.raises(VerifierError, match=r"gone\.txt does not exist"):
        load_documents([missing])


def test_folder_without_supported_files(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.pdf", b"x")
    write(tmp_path / "docs" / ".hidden.txt", "hidden")
    with pytest.raises(VerifierError, match="contains no supported files"):
        load_documents([tmp_path / "docs"])


def test_no_paths() -> None:
    with pytest.raises(VerifierError, match="no input paths"):
        load_documents([])


def make_tree(root: Path) -> None:
    write(root / "b.txt", "B text.")
    write(root / "a.md", "# A\nA text.")
    write(root / "news" / "iraq-article.html", "<p>Iraq text.</p>")
    write(root / "news" / "z" / "deep.txt", "Deep text.")
    write(root / "data.jsonl", json.dumps({"text": "Record text."}) + "\n")
    write(root / "skip.pdf", b"%PDF")
    write(root / ".git" / "x.txt", "hidden dir")
    write(root / ".hidden.txt", "hidden file")
    write(root / "news" / "iraq-article.meta.json", '{"source": "wire"}')


def test_folder_walk_order_and_ids(tmp_path: Path) -> None:
    make_tree(tmp_path / "corpus")
    docs = load_documents([tmp_path / "corpus"])
    assert [d.doc_id for d in docs] == [
        "a",
        "b",
        "data-" + hashlib.sha1(b"Record text.").hexdigest()[:12],
        "news/iraq-article",
        "news/z/deep",
    ]
    assert docs[3].source == "wire"
    assert all("hidden" not in d.text for d in docs)


def test_ids_stable_across_loads_and_locations(tmp_path: Path) -> None:
    make_tree(tmp_path / "one" / "corpus")
    make_tree(tmp_path / "two" / "corpus")
    first = load_documents([tmp_path / "one" / "corpus"])
    again = load_documents([str(tmp_path / "one" / "corpus")])
    elsewhere = load_documents([tmp_path / "two" / "corpus"])
    assert [(d.doc_id, d.text) for d in first] == [(d.doc_id, d.text) for d in again]
    assert [d.doc_id for d in first] == [d.doc_id for d in elsewhere]


def test_explicit_file_id_is_its_name(tmp_path: Path) -> None:
    make_tree(tmp_path)
    doc = load_one(tmp_path / "news" / "z" / "deep.txt")
    assert doc.doc_id == "deep"


def test_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.txt", "A.")
    docs = load_documents([tmp_path / "c", tmp_path / "c" / "a.txt"])
    assert [d.doc_id for d in docs] == ["a"]


def test_clashing_path_ids_keep_their_extension(tmp_path: Path) -> None:
    write(tmp_path / "c" / "t.txt", "Plain text.")
    write(tmp_path / "c" / "t.md", "Markdown *text*.")
    write(tmp_path / "c" / "u.txt", "Other text.")
    docs = load_documents([tmp_path / "c"])
    assert [(d.doc_id, d.text) for d in docs] == [
        ("t.md", "Markdown text."),
        ("t.txt", "Plain text."),
        ("u", "Other text."),  # ids that do not clash stay as they were
    ]
    a = write(tmp_path / "x" / "report.txt", "One.")
    b = write(tmp_path / "y" / "report.md", "Two.")
    assert [d.doc_id for d in load_documents([a, b])] == ["report.txt", "report.md"]


def test_same_name_in_two_folders_is_an_error_naming_both(tmp_path: Path) -> None:
    a = write(tmp_path / "x" / "report.txt", "One.")
    b = write(tmp_path / "y" / "report.txt", "Two.")
    with pytest.raises(VerifierError) as info:
        load_documents([a, b])
    assert str(info.value).startswith(f"duplicate document id 'report.txt' (in {a} and {b}); give each")


def test_identical_records_are_indexed_once_with_a_warning(tmp_path: Path) -> None:
    row = json.dumps({"text": "Same row.", "title": "T"})
    path = write(tmp_path / "d.jsonl", f"{row}\n{row}\n" + json.dumps({"text": "Other."}) + "\n")
    warnings: list[str] = []
    docs = load_documents([path], warn=warnings.append)
    assert [d.text for d in docs] == ["Same row.", "Other."]
    assert docs[0].doc_id == "d-" + hashlib.sha1(b"Same row.").hexdigest()[:12]  # the id a single row gets
    assert warnings == [
        f"warning: {path} line 2 repeats {path} line 1 (same text and metadata); indexed once"
    ]
    csv_path = write(tmp_path / "t.csv", "doc_id,text\nsame,one\nsame,one\n")
    warnings.clear()
    assert [d.doc_id for d in load_documents([csv_path], warn=warnings.append)] == ["same"]
    assert warnings == [
        f"warning: {csv_path} row 2 repeats {csv_path} row 1 (same text and metadata); indexed once"
    ]


def test_identical_files_are_indexed_once_like_identical_rows(tmp_path: Path, capsys) -> None:
    write(tmp_path / "c" / "a.txt", "Same text.")
    write(tmp_path / "c" / "b.txt", "Same text.")
    docs = load_documents([tmp_path / "c"])  # default: warn on stderr
    assert [d.doc_id for d in docs] == ["a"]
    assert capsys.readouterr().err.splitlines() == [
        f"warning: {tmp_path / 'c' / 'b.txt'} repeats {tmp_path / 'c' / 'a.txt'} (same text and metadata); "
        "indexed once"
    ]


def test_same_text_with_other_metadata_is_two_documents(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Same text.")
    write(tmp_path / "b.txt", "Same text.")
    write(tmp_path / "b.meta.json", '{"source": "another wire"}')
    assert [d.doc_id for d in load_documents([tmp_path])] == ["a", "b"]
    two_ids = write(tmp_path / "r.jsonl", '{"doc_id": "x", "text": "T."}\n{"doc_id": "y", "text": "T."}\n')
    assert [d.doc_id for d in load_documents([two_ids])] == ["x", "y"]


def test_many_duplicates_are_summarised(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", (json.dumps({"text": "Same."}) + "\n") * 30)
    warnings: list[str] = []
    assert len(load_documents([path], warn=warnings.append)) == 1
    assert len(warnings) == 11 and warnings[-1] == "warning: 19 more exact duplicates indexed once"


def test_duplicate_ids_within_records(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", "doc_id,text\nsame,one\nsame,two\n")
    with pytest.raises(
        VerifierError,
        match=r"duplicate document id 'same' \(in .*t\.csv row 1 and .*t\.csv row 2\); give each its own",
    ):
        load_documents([path])


def test_sidecar_id_clashing_with_record_id(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "a.meta.json", '{"doc_id": "r1"}')
    write(tmp_path / "b.jsonl", json.dumps({"doc_id": "r1", "text": "Other."}))
    with pytest.raises(VerifierError, match="duplicate document id 'r1'"):
        load_documents([tmp_path])
