"""Parts said in words: a fraction of a point ("a quarter point", "half a point") is a rate's
percentage points, "fell by a fifth" is a change of 20%, and a change read off its two ends is
dated where its new end is."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()


def stance(claim: str, sentence: str) -> str:
    return JUDGE.judge(claim, [Evidence(sentence, "d", "Wire story", "", "", 0, 0, len(sentence), 0.8)])[
        0
    ].stance


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("The bank raised rates by half a point.", "The bank raised rates by 50 basis points.", "supports"),
        (
            "The bank raised rates by a quarter point.",
            "The bank raised rates by 25 basis points.",
            "supports",
        ),
        # Before, "a quarter point" was no figure, and the claim was supported word for word.
        (
            "The bank raised rates by a quarter point.",
            "The bank raised rates by 50 basis points.",
            "contradicts",
        ),
        ("The bank made a half-point cut.", "The bank cut rates by 50 basis points.", "supports"),
        (
            "The bank cut rates by a quarter point.",
            "The bank cut rates by 0.25 percentage points.",
            "supports",
        ),
        ("Sales fell by a fifth.", "Sales fell 20%.", "supports"),
        ("Sales fell by a fifth.", "Sales fell 40%.", "contradicts"),
        ("Sales rose by a third.", "Sales rose 33%.", "supports"),
        ("Sales fell by a fifth.", "Sales fell to 80 million from 100 million.", "supports"),
        ("Sales fell by half.", "Sales fell 50%.", "supports"),
        # nw16 rv-03: the change's object between its verb and "by", a share of two-thirds, and
        # a bound on it.
        (
            "The vaccine cut hospital admissions among over-70s by more than two-thirds.",
            "The vaccine cut hospital admissions among people aged 70 and over by 71%.",
            "supports",
        ),
        (
            "The vaccine cut hospital admissions among over-70s by more than three-quarters.",
            "The vaccine cut hospital admissions among people aged 70 and over by 71%.",
            "contradicts",
        ),
        ("The levy raised costs by two-thirds.", "The levy raised costs by 67%.", "supports"),
        ("Output fell by nearly half.", "Output fell 45%.", "supports"),
        # A change of ends is dated by its new end, not by the old one's date after it.
        (
            "Unemployment fell 0.3 points in March.",
            "Unemployment fell to 5.1% in March from 5.4% in February.",
            "supports",
        ),
        (
            "Unemployment fell 0.3 points in February.",
            "Unemployment fell to 5.1% in March from 5.4% in February.",
            "neutral",
        ),
    ],
)
def test_parts_said_in_words(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_share_by_a_time_is_no_change() -> None:
    from verifier.changes import factors

    assert factors("They were up 2-0 by half-time.") == []
    assert factors("The work was split by thirds.") == []
    [cut] = factors("The vaccine cut hospital admissions among over-70s by more than two-thirds.")
    assert (round(cut.value, 3), cut.qualifier, cut.text) == (0.333, "less", "cut by more than two-thirds")


def test_a_part_is_no_rank() -> None:
    assert extract("Sales fell by a fifth.").quantities == []
    assert [q.value for q in extract("The team finished fifth.").quantities] == [5]
    [quarter] = extract("The bank raised rates by a quarter point.").quantities
    assert (quarter.value, quarter.unit) == (0.25, frozenset({"percentage-point"}))


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # Areas convert between hectares, acres and square kilometres or miles; a square
        # kilometre is no kilometre.
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 12 square kilometres.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 3,000 acres.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 30 square kilometres.", "contradicts"),
        ("The park covers 46 square miles.", "The park covers 119 square kilometres.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 12 km² of forest.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 12 km2 of forest.", "supports"),
        (
            "The fire destroyed 12 kilometres of forest.",
            "The fire destroyed 12 square kilometres of forest.",
            "neutral",
        ),
        # A count known by its order: "hundreds" is 100-1,999, "thousands" 1,000 or more.
        ("Hundreds of flights were cancelled.", "640 flights were cancelled.", "supports"),
        ("Hundreds of flights were cancelled.", "64 flights were cancelled.", "contradicts"),
        ("Dozens of people were injured.", "54 people were injured.", "supports"),
        ("Dozens of people were injured.", "Five people were injured.", "contradicts"),
        ("Thousands of people were evacuated.", "About 12,000 people were evacuated.", "supports"),
        ("The rally drew 50,000 people.", "The rally drew tens of thousands of people.", "neutral"),
        ("The rally drew 2,000 people.", "The rally drew tens of thousands of people.", "contradicts"),
        # A bill's split is a tally, written either way.
        ("The bill passed 214-187.", "The bill passed by 214 votes to 187.", "supports"),
        ("The bill passed 214-178.", "The bill passed by 214 votes to 187.", "contradicts"),
    ],
)
def test_areas_orders_and_splits(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_an_order_without_a_count_noun_is_left_to_the_words() -> None:
    # "Hundreds of SR20s": no noun to compare by, so the phrase is matched as words, as before.
    assert extract("Hundreds of SR20s have been sold.").quantities == []
    [q] = extract("Hundreds of flights were cancelled.").quantities
    assert (q.value, q.upper, q.unit) == (100, 1999, frozenset({"flight"}))


BOOK_CLUB = (
    "The film was released on May 18, 2018, by Paramount Pictures, received mixed reviews from critics and"
)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # A sum a film or firm "earned" is what it "grossed", "made" or "collected" (before,
        # "earned" was a claim word the sentence did not repeat, and it fell short of the bar).
        (
            "Book Club earned less than $73 million globally.",
            f"{BOOK_CLUB} has grossed $72 million worldwide.",
            "supports",
        ),
        (
            "Book Club earned less than $80 million globally.",
            f"{BOOK_CLUB} has grossed over $81.5 million worldwide.",
            "contradicts",
        ),
        (
            "The film earned 3 crore on its opening day.",
            "The film collected 3 crore on its opening day.",
            "supports",
        ),
        # A "movie" is a "film".
        (
            "The movie Collateral Beauty has been reviewed by more than 36 critics on Metacritic.",
            "On Metacritic, the film holds an average score of 23 out of 100, based on 36 critics.",
            "contradicts",
        ),
        (
            "The movie will be released on 25 November 2015.",
            "Columbia Pictures will release the film on November 20, 2015.",
            "contradicts",
        ),
        # "Received" is a light verb: the score a film received is the score it has.
        (
            "Focus (film) received an approval rating above 48%.",
            "Review aggregator Rotten Tomatoes reported a 50% approval rating, based on 12 reviews.",
            "supports",
        ),
        (
            "Focus (film) received an approval rating below 53% from under 19 reviews.",
            "Review aggregator Rotten Tomatoes reported a 55% approval rating, based on 20 reviews.",
            "contradicts",
        ),
        # Money made or lost: a loss is not a profit of the same size, nor a deficit a surplus.
        ("The firm made a loss of $3.4bn.", "The firm posted a profit of $3.4 billion.", "contradicts"),
        ("The firm made a profit of $3.4bn.", "The firm posted a profit of $3.4 billion.", "supports"),
        (
            "The budget showed a deficit of 2.1% of GDP.",
            "The budget showed a surplus of 2.1% of GDP.",
            "contradicts",
        ),
        # "Profit" names the measure: a sentence about net debt is not about it.
        (
            "Halcyra made a net profit of 1.42 billion drax in the third quarter.",
            "Net debt fell to 18.7 billion drax at the end of September.",
            "neutral",
        ),
    ],
)
def test_money_made_and_lost(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # The whole's own hedge does not hide that the part counts what the whole counts.
        (
            "An internal review found that 63 markers had used the wrong answer key.",
            "An internal review found that 63 of the roughly 4,000 markers employed had used the wrong key.",
            "supports",
        ),
        ("Twelve workers were hurt.", "Twelve of an estimated 900 workers were hurt.", "supports"),
        ("Fifteen workers were hurt.", "Twelve of an estimated 900 workers were hurt.", "contradicts"),
    ],
)
def test_a_part_of_a_hedged_whole_counts_what_the_whole_counts(
    claim: str, sentence: str, expected: str
) -> None:
    assert stance(claim, sentence) == expected


def test_a_name_that_opens_a_sentence_keeps_its_number() -> None:
    """ "Line 4" at a sentence's start is a name, as it is inside one; "Another 300" is a count."""
    assert [
        q.value for q in extract("Line 4 was approved with a budget of 0.8 billion lorens.").quantities
    ] == [8e8]
    assert [q.value for q in extract("Terminal 2 will close on Monday.").quantities] == []
    assert [q.value for q in extract("Another 300 fled the town.").quantities] == [300]
    assert [q.value for q in extract("About 500 people died.").quantities] == [500]
    assert (
        stance(
            "Line 4 was approved with a budget of 0.8 billion lorens.",
            "It was approved with a budget of 800 million lorens.",
        )
        == "supports"
    )
