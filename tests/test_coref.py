"""A sentence opening with "He"/"She" read as the person the sentences before it name."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.coref import (
    continued_quote,
    opens_quote,
    opens_with_pronoun,
    quote_read_whole,
    read_post,
    resolve,
    whole_quote,
)
from verifier.embed import Embedder
from verifier.index import EvidenceIndex, build_index
from verifier.ingest import load_documents
from verifier.judge import FactJudge
from verifier.retrieve import Retriever
from verifier.types import Evidence

STORY = [
    "ARDENA, July 6 (Wire) - Lena Kovac of Brevland won the Ardena Open on Sunday, beating top seed "
    "Maya Halloran 6-4 3-6 7-5.",
    "Kovac, 22 and seeded ninth, is the first Brevland player to win the tournament since 1988.",
    "Halloran, 27, had won the title in 2023 and 2024.",
]


@pytest.mark.parametrize(
    ("sentence", "before", "expected"),
    [
        # The first person the sentence before names, in the full name the story gave.
        ("She had not dropped a set.", STORY, "Maya Halloran had not dropped a set."),
        ("Her route was far from smooth.", STORY, "Maya Halloran's route was far from smooth."),
        ("She had never lost a final.", STORY[:2], "Lena Kovac had never lost a final."),
        # Not anyone the sentence itself names.
        (
            "She served 11 aces to Halloran's four.",
            [*STORY[:2], "Kovac broke Halloran's serve in the 12th game."],
            "Lena Kovac served 11 aces to Halloran's four.",
        ),
        # A role is not a name; the name after it is, dictionary surname or not.
        (
            "He did not comment on the increase.",
            ["Education Minister Tomas Berg said the government had no plans to change its funding."],
            "Tomas Berg did not comment on the increase.",
        ),
        (
            "He said the main cause was a shortage of staff.",
            ['"The system is not keeping up," said agency director Henrik Strand.'],
            "Henrik Strand said the main cause was a shortage of staff.",
        ),
        # A quote that names nobody does not hide the speaker named before it.
        (
            "She rejected calls for an inquiry.",
            [
                "Health Minister Birgit Aalto said the figures were unacceptable.",
                '"That money is only now reaching hospitals.',
                'I expect waiting times to start falling," she said.',
            ],
            "Birgit Aalto rejected calls for an inquiry.",
        ),
    ],
)
def test_pronoun_read_as_the_person_named_before(sentence: str, before: list[str], expected: str) -> None:
    assert opens_with_pronoun(sentence)
    assert resolve(sentence, before) == expected


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        ("It rose 0.8% in March.", STORY),  # not a person's pronoun
        ("The bank said she would stay.", STORY),  # the pronoun is not the subject
        ("She had not dropped a set.", []),  # nothing before it
        # Organisations, teams and places are not people.
        ("He joined in 2023.", ["The Brackwater Falcons won the Premier Rugby League title."]),
        ("She said it was too early.", ["Veltrane Industries will shut its plant in Marvania."]),
        # A subject we cannot place ("Tevro", never named in full) is not skipped for an older name.
        ("He said no.", [STORY[0], "Tevro, her father, said she was tired."]),
        # Too far back: two sentences naming other things stand between.
        ("She declined to comment.", [STORY[0], "Prices in Brevland rose 3%.", "Rents in Marvania fell 2%."]),
    ],
)
def test_no_reading_where_the_antecedent_is_not_clear(sentence: str, before: list[str]) -> None:
    assert resolve(sentence, before) is None


@pytest.mark.parametrize(
    ("sentence", "before", "expected"),
    [
        (
            "Its next policy meeting is scheduled for March 20.",
            "The bank did not rule out further increases.",
            "The bank's next policy meeting is scheduled for March 20.",
        ),
        (
            "It strengthened 0.9% to 94.2 per dollar after the decision.",
            "The zel has lost about 11% of its value against the dollar since October.",
            "The zel strengthened 0.9% to 94.2 per dollar after the decision.",
        ),
        (
            "It also widened the exclusion zone to 8 kilometres.",
            "The Sarvenian Volcanology Institute raised its alert level to 4 on Sunday.",
            "The Sarvenian Volcanology Institute also widened the exclusion zone to 8 kilometres.",
        ),
        (
            "Its shares rose 2.4% on Tuesday.",
            "Hallberg reported an operating profit of 2.3 billion crowns for 2024.",
            "Hallberg's shares rose 2.4% on Tuesday.",
        ),
        (
            "It was not tested in patients over 80.",
            "The drug, made by Halvex, blocks an enzyme.",
            "The drug was not tested in patients over 80.",
        ),
    ],
)
def test_it_read_as_the_thing_the_sentence_before_is_about(sentence: str, before: str, expected: str) -> None:
    assert resolve(sentence, [before]) == expected


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        # "It" as the event or a placeholder, not a thing named before.
        ("It was the deadliest flood in Vestria since 2010.", "The weather service had issued a warning."),
        ("It is not clear whether the plant will reopen.", "The company closed the plant in May."),
        # The sentence before opens with no thing to stand for.
        ("It obliged operators to keep records.", "Parliament passed the law in November 2019."),
        ("Its shares fell 4%.", '"We are pleased with the result," she said.'),
        ("It backed the increase.", "Seven of the eleven members voted for it."),
        ("It had won the title twice.", "Halloran, 27, had won the title in 2023 and 2024."),
    ],
)
def test_no_reading_of_it_where_no_thing_is_named_before(sentence: str, before: str) -> None:
    assert resolve(sentence, [STORY[0], before]) is None


def test_a_quotes_speaker_named_by_a_pronoun_is_read_as_the_person_named_before() -> None:
    before = [
        "Health Minister Birgit Aalto said the figures were unacceptable.",
        '"That money is only now reaching hospitals.',
    ]
    quote = 'I expect waiting times to start falling next year," she said.'
    assert opens_with_pronoun(quote)
    assert resolve(quote, before) == 'I expect waiting times to start falling next year," Birgit Aalto said.'
    # Not someone the quote itself names: Lena spoke of, not speaking.
    said = '"Lena Kovac was better today," she said.'
    assert resolve(said, [*STORY[:2], "Kovac broke Halloran's serve."]) == (
        '"Lena Kovac was better today," Maya Halloran said.'
    )
    assert not opens_with_pronoun('"We will appeal," the company said.')


def test_only_the_sentence_opening_counts() -> None:
    assert not opens_with_pronoun("Herbert Lom starred in it.")
    assert not opens_with_pronoun("Hero worship is common.")
    assert opens_with_pronoun("  She said so.")


def test_the_headline_lends_names_but_is_no_antecedent() -> None:
    before = ["Halloran, 27, had won the title twice."]
    assert resolve("She lost.", before, title="Kovac stuns Maya Halloran") == "Maya Halloran lost."
    assert resolve("She lost.", ["The crowd was 14,200."], title="Kovac stuns Maya Halloran") is None


def _evidence(text: str, read_as: str = "") -> Evidence:
    return Evidence(text, "d", "", "", "", 3, 0, len(text), 0.6, read_as=read_as)


def test_fact_layer_reads_the_named_sentence() -> None:
    claim = "Maya Halloran won 12 matches in 2024."
    plain = _evidence("She won 15 matches in 2024.")
    named = _evidence(plain.text, read_as="Maya Halloran won 15 matches in 2024.")
    before, after = FactJudge().judge(claim, [plain, named])
    assert before.stance != "contradicts"  # names nobody: another player's 15 matches, perhaps
    assert after.stance == "contradicts" and "12" in after.reason and "15" in after.reason


def test_evidence_output_keeps_the_sentence_and_says_how_it_was_read() -> None:
    plain = _evidence("It rose.")
    assert "read_as" not in plain.to_dict()
    named = _evidence("She won.", read_as="Maya Halloran won.")
    assert named.to_dict()["text"] == "She won."
    assert named.to_dict()["read_as"] == "Maya Halloran won."
    assert named.to_dict()["reading"] == "“She” read as Maya Halloran"


def _retrieved(
    tmp_path: Path, embedder: Embedder, story: str, query: str, top_k: int, pool: int
) -> list[Evidence]:
    """The evidence the retriever finds for ``query`` in a one-story corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(story, encoding="utf-8")
    build_index(load_documents([corpus]), tmp_path / "index", embedder, progress=False)
    index = EvidenceIndex.load(tmp_path / "index")
    return Retriever(index, embedder, top_k=top_k, pool=pool).run([query])[0]


def test_retriever_reads_a_pronoun_sentence_from_its_story(tmp_path: Path, embedder: Embedder) -> None:
    story = (
        "Kovac stuns top seed\n\n" + " ".join(STORY) + " She had not dropped a set on her way to the final.\n"
    )
    evidence = _retrieved(tmp_path, embedder, story, "Halloran did not drop a set", 5, 8)
    pronoun = next(e for e in evidence if e.text.startswith("She had not"))
    assert pronoun.read_as == "Maya Halloran had not dropped a set on her way to the final."
    assert all(e.read_as == "" for e in evidence if e is not pronoun)


def test_reports_say_how_a_pronoun_was_read() -> None:
    from verifier.report import to_text
    from verifier.templating import render
    from verifier.types import Verdict

    named = _evidence("She had not dropped a set.", read_as="Maya <Halloran> had not dropped a set.")
    assert named.reading == "“She” read as Maya <Halloran>"
    assert _evidence("She won.").reading == ""
    verdict = Verdict("Halloran did not drop a set", "supported", 0.8, "…", [named])
    assert "“She” read as Maya <Halloran>" in to_text(verdict)
    for shown in (verdict, verdict.to_dict()):  # the review pages render saved verdicts
        html = render("_evidence.html", verdict=shown, contexts=[])
        assert "read as Maya &lt;Halloran&gt;" in html and "<Halloran>" not in html
    plain = Verdict("Halloran lost", "unknown", 0.4, "…", [_evidence("It rose.")])
    assert "read as" not in render("_evidence.html", verdict=plain.to_dict(), contexts=[])


def test_retriever_finds_the_sentences_before_when_a_document_is_not_stored_in_one_run() -> None:
    """An index updated document by document may hold one story's sentences apart."""
    from types import SimpleNamespace

    import numpy as np
    import pyarrow as pa

    records = [
        {"doc_id": "b", "sentence_index": 0, "text": STORY[0]},
        {"doc_id": "a", "sentence_index": 0, "text": "Prices in Marvania rose 3%."},
        {"doc_id": "b", "sentence_index": 1, "text": STORY[2]},
        {"doc_id": "a", "sentence_index": 1, "text": "Rents fell."},
        {"doc_id": "b", "sentence_index": 2, "text": "She had not dropped a set."},
    ]
    table = pa.Table.from_pylist(records)
    index = SimpleNamespace(
        sentences=table,
        sentence_rows=lambda rows: table.take(list(rows)).to_pylist(),
        rows_of_documents=lambda ids: np.array([i for i, r in enumerate(records) if r["doc_id"] in ids]),
    )
    reader = SimpleNamespace(index=index)
    reader._document_texts = lambda *a: Retriever._document_texts(reader, *a)  # type: ignore[arg-type]
    reader._before = lambda *a: Retriever._before(reader, *a)  # type: ignore[arg-type]
    read = Retriever._read_as(reader, records[4], "", 4)  # type: ignore[arg-type]
    assert read == "Maya Halloran had not dropped a set."


def test_the_reading_names_the_pronoun_wherever_it_stands() -> None:
    def reading(text: str, read_as: str) -> str:
        return _evidence(text, read_as=read_as).reading

    assert reading("He said the cause.", "Henrik Strand said the cause.") == "“He” read as Henrik Strand"
    assert reading('"It will fall," she said.', '"It will fall," Birgit Aalto said.') == (
        "“she” read as Birgit Aalto"
    )
    assert reading("Its shares fell.", "Hallberg's shares fell.") == "“Its” read as Hallberg's"


def test_an_open_quote_is_read_on_to_its_close_and_speaker() -> None:
    opening = '"This was not bad luck.'
    closing = 'It was a failure of process," NER chair Ingrid Vosse told reporters.'
    assert opens_quote(opening) and not opens_quote(closing) and not opens_quote('"It is over," she said.')
    assert quote_read_whole(opening, [closing]) == f"{opening} {closing}"
    # Curly marks too; a quote that does not close within reach, or another quote opening, is
    # left as written.
    assert quote_read_whole("“We checked every ballot.", ["We found no fraud,” she said."]) is not None
    assert (
        quote_read_whole(opening, ["It was bad.", "It was worse.", "It was awful.", 'Then," she said.'])
        is None
    )
    assert quote_read_whole(opening, ['"Another quote begins.']) is None


def test_retriever_reads_an_open_quote_with_its_speaker(tmp_path: Path, embedder: Embedder) -> None:
    story = (
        "Regulator blames grid operator for blackout\n\n"
        "The report found the relay had been set wrongly. "
        '"This was not bad luck. It was a failure of process," NER chair Ingrid Vosse told reporters. '
        "The operator said it accepted the findings.\n"
    )
    evidence = _retrieved(tmp_path, embedder, story, "Vosse said the blackout was not bad luck", 4, 8)
    opening = next(e for e in evidence if e.text == '"This was not bad luck.')
    assert opening.read_as.endswith("NER chair Ingrid Vosse told reporters.")
    assert opening.reading.startswith("read with the rest of its quote: It was a failure")
    j = FactJudge().judge("Energy Minister Sofia Rendahl said the blackout was not bad luck.", [opening])[0]
    assert j.stance == "contradicts" and "Ingrid Vosse" in j.reason, j


ATTRIBUTED = '"We will not let a shock become permanent," Governor Elin Varga told a news conference.'


@pytest.mark.parametrize(
    ("sentence", "before", "expected"),
    [
        # The speaker named after the quote before carries on to a sentence that only quotes.
        (
            '"If inflation does not come down, we are prepared to act again."',
            ["Prices rose 4.6%.", ATTRIBUTED],
            '"If inflation does not come down, we are prepared to act again," Governor Elin Varga told '
            "a news conference.",
        ),
        # ... through another such sentence, and named before the quote too.
        (
            '"Why now?"',
            [ATTRIBUTED, '"We waited."'],
            '"Why now?" Governor Elin Varga told a news conference.',
        ),
        (
            '"It failed."',
            ['Varga told reporters: "We did not see it coming."'],
            'Varga told reporters: "It failed."',
        ),
        # No speech verb, no quote before it, or a sentence with words outside its marks: as written.
        ('"It failed."', ['"The dam was weak," the report found.'], None),
        ('"It failed."', ["The report found the dam was weak."], None),
        ('"It failed," Varga said.', [ATTRIBUTED], None),
        ('"It failed."', [], None),
    ],
)
def test_a_quote_is_read_with_the_speaker_of_the_quote_it_carries_on(
    sentence: str, before: list[str], expected: str | None
) -> None:
    assert continued_quote(sentence, before) == expected
    assert whole_quote(sentence) == (not sentence.endswith("said."))


def test_retriever_reads_a_carried_on_quote_with_its_speaker(tmp_path: Path, embedder: Embedder) -> None:
    story = (
        "Bank raises rates\n\n"
        "The central bank raised its key rate to 5.25% on Thursday. "
        f"{ATTRIBUTED} "
        '"If inflation does not come down, we are prepared to act again." '
        "Deputy governor Rolf Amsel voted against the rise.\n"
    )
    evidence = _retrieved(tmp_path, embedder, story, "the bank is prepared to act again", 4, 8)
    carried = next(e for e in evidence if e.text.startswith('"If inflation'))
    assert carried.read_as.endswith('again," Governor Elin Varga told a news conference.')
    assert (
        carried.reading
        == "a quote carried on from the one before: … Governor Elin Varga told a news conference."
    )
    claim = (
        "Deputy governor Rolf Amsel said the bank was prepared to act again if inflation does not come down."
    )
    j = FactJudge().judge(claim, [carried])[0]
    assert j.stance == "contradicts" and "Elin Varga" in j.reason, j


@pytest.mark.parametrize(
    ("sentence", "others", "expected"),
    [
        # A wire lead gives the post; the story names its holder later.
        (
            "KORVIK, August 17 (Wire) - Brenmark's education minister ordered an inquiry on Monday.",
            ["Education Minister Oskar Tellmann said the inquiry would report within 12 weeks."],
            "KORVIK, August 17 (Wire) - Brenmark's education minister Oskar Tellmann ordered an inquiry "
            "on Monday.",
        ),
        # ... or names them with the post in apposition.
        (
            "The company's chief executive said sales fell.",
            ["Lena Sorvik, the chief executive, said most stores were small."],
            "The company's chief executive Lena Sorvik said sales fell.",
        ),
        # Two holders of the post, or none: no reading.
        (
            "The company's chief executive said sales fell.",
            ["Lena Sorvik, the chief executive, said so.", "Chief Executive Tom Berg left in May."],
            None,
        ),
        ("The company's chief executive said sales fell.", ["Finance director Mats Ekholm said so."], None),
        # A bare post may be another holder than the one the story names.
        ("The judge said no.", ["The inquiry is led by retired judge Hanne Brodal."], None),
        # A post someone becomes names its holder already.
        ("Ruskova became New Horizon's leader in 2022.", ["Leader Radim Dolhan quit."], None),
        # A post named with its holder is read as written.
        ("Police chief Tomas Hruby said so.", ["Police chief Tomas Hruby spoke."], None),
    ],
)
def test_a_post_is_read_as_the_person_the_story_gives_it_to(
    sentence: str, others: list[str], expected: str | None
) -> None:
    assert read_post(sentence, others) == expected


def test_retriever_reads_a_post_as_its_holder_named_later(tmp_path: Path, embedder: Embedder) -> None:
    story = (
        "Brenmark orders inquiry into exam marking\n\n"
        "Brenmark's education minister ordered an independent inquiry on Monday after exam papers were "
        "wrongly marked. Education Minister Oskar Tellmann said the inquiry must report within 12 weeks.\n"
    )
    evidence = _retrieved(tmp_path, embedder, story, "Tellmann ordered an inquiry", 3, 4)
    lead = next(e for e in evidence if e.text.startswith("Brenmark's"))
    assert lead.read_as.startswith("Brenmark's education minister Oskar Tellmann ordered")
    assert lead.reading == "“education minister” read as Oskar Tellmann"
    j = FactJudge().judge("Tellmann ordered the inquiry on Tuesday.", [lead])[0]
    assert "does not mention" not in j.reason, j
