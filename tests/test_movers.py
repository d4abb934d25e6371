"""verifier.movers: which thing a sentence says went up or down, and the judge's use of it."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.movers import moves, read_against
from verifier.types import Evidence


def _read(text: str) -> list[tuple[str, int, set[str], set[str]]]:
    return [(m.word, m.pole, set(m.mover), set(m.agent)) for m in moves(text)]


def test_each_direction_word_keeps_what_moved() -> None:
    got = _read("Ticket sales at the Norrvik arena rose 12% in May, although bar takings fell 3%.")
    assert got == [
        ("rose", 0, {"ticket", "sales", "norrvik", "arena"}, set()),
        ("fell", 1, {"bar", "taking"}, set()),
    ]


def test_a_verb_with_an_object_moves_the_object_and_names_who_moved_it() -> None:
    ((word, pole, mover, agent),) = _read("The ministry cut its subsidy for rural bus routes by 8%.")
    assert (word, pole) == ("cut", 1)
    assert mover == {"subsidy", "rural", "bus", "route"} and agent == {"ministry"}


def test_a_noun_of_change_moves_what_follows_in() -> None:
    ((word, pole, mover, _),) = _read("The agency reported a sharp rise in flu admissions among children.")
    assert (word, pole) == ("rise", 0) and mover == {"flu", "admission", "among", "child"}


def test_down_from_after_a_comma_moves_the_clause_before_it() -> None:
    text = "Only 64% of trains arrived on time in March, down from 70% a year earlier."
    ((word, pole, mover, _),) = _read(text)
    assert (word, pole) == ("down", 1) and {"train", "arrive", "time"} <= mover


def test_phrases_comparisons_and_names_are_not_directions() -> None:
    assert moves("Pensioners make up 22% of voters.") == ()
    assert moves("The plant was shut down in 2019.") == ()
    assert moves("Prices in Velm are higher than in Ostra.") == ()
    assert moves("Analysts at Rise Capital expect a deal.") == ()
    assert [m.word for m in moves("Costs went up sharply.")] == ["up"]


def test_when_is_not_what_moved() -> None:
    ((_, _, mover, agent),) = _read("The carrier's net loss narrowed last year.")
    assert mover == {"carrier", "net", "loss"} and not agent


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # The sentence's other direction word is said of something else.
        (
            "Ticket sales at the Norrvik arena fell in May.",
            "Ticket sales at the Norrvik arena rose 12% in May, although bar takings fell 3%.",
            ("fell", "rose"),
        ),
        (
            "Bar takings at the arena rose in May.",
            "Ticket sales at the Norrvik arena rose 12% in May, although bar takings fell 3%.",
            ("rose", "fell"),
        ),
        (
            "Ticket sales at the Norrvik arena rose in May.",
            "Ticket sales at the Norrvik arena rose 12% in May, although bar takings fell 3%.",
            ("rose", "rose"),
        ),
        # "a rise in" against the claim's "fell".
        (
            "Flu admissions among children fell this winter.",
            "The agency reported a sharp rise in flu admissions among children.",
            ("fell", "rise"),
        ),
        # The claim's measure is the noun the sentence moves, its owner said as "its": the
        # grid's profits rose, though the clause that repeats the grid's name says "fell".
        (
            "Pellara Grid's profits fell between 2021 and 2025.",
            "Pellara Grid's spending on maintenance fell 23% between 2021 and 2025, while its profits rose.",
            ("fell", "rose"),
        ),
        (
            "Pellara Grid's spending on maintenance rose.",
            "Pellara Grid's spending on maintenance fell 23% between 2021 and 2025, while its profits rose.",
            ("rose", "fell"),
        ),
        # Coordinated verbs share who did it: the growth forecast was the one cut.
        (
            "The central bank lowered its growth forecast.",
            "The bank raised its inflation forecast to 5% and cut its growth forecast to 1.1%.",
            ("lowered", "cut"),
        ),
    ],
)
def test_the_claims_direction_is_read_against_the_same_things(
    claim: str, sentence: str, expected: tuple[str, str]
) -> None:
    read = read_against(claim, sentence)
    assert read is not None and (read[0].word, read[1].word) == expected


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # One word in common is not the same thing.
        ("Energy prices rose in June.", "Food prices jumped 7.8%, while energy costs fell 1.4%."),
        # Another body moved another budget.
        (
            "The government reduced the grant it pays the university.",
            "The university said it would increase its grant budget by 15%.",
        ),
        # The claim says two directions: which is meant is not read.
        ("Revenue rose while costs fell.", "Revenue fell 3% and costs fell 2%."),
        # No direction in the claim.
        ("Revenue was 9.8 billion crowns.", "Revenue fell to 9.8 billion crowns."),
    ],
)
def test_no_reading_without_a_clear_match(claim: str, sentence: str) -> None:
    assert read_against(claim, sentence) is None


def test_the_judge_contradicts_a_direction_said_of_the_same_thing_the_other_way() -> None:
    judge = FactJudge()
    sentence = extract(
        "Ticket sales at the Norrvik arena rose 12% in 2024, although bar takings at the arena fell 3%."
    )
    j = judge.assess(extract("Ticket sales at the Norrvik arena fell in 2024."), sentence, 0.7)
    assert j.stance == "contradicts" and "'fell'" in j.reason and "'rose'" in j.reason, j
    assert "ticket sales at the norrvik arena" in j.reason.lower(), j
    # The same date and the claim's direction: no contradiction.
    j = judge.assess(extract("Ticket sales at the Norrvik arena rose in 2024."), sentence, 0.7)
    assert j.stance != "contradicts", j


def test_the_judge_reads_down_from_against_a_claimed_rise() -> None:
    judge = FactJudge()
    sentence = extract("Only 64% of trains arrived on time in 2024, down from 70% the year before.")
    j = judge.assess(extract("The share of trains arriving on time rose in 2024."), sentence, 0.6)
    assert j.stance == "contradicts" and "'down'" in j.reason, j
    assert "of 'trains arrived on time'" in j.reason, j  # what went down, not only that it did


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # No change is the third way: held, left unchanged, kept on hold, frozen, unchanged.
        (
            "The Bank of Velm raised its key rate on Thursday.",
            "The Bank of Velm held its key rate at 4.75% on Thursday.",
            ("raised", "held"),
        ),
        (
            "The Bank of Velm left its key rate unchanged on Thursday.",
            "The Bank of Velm cut its key rate by a quarter point on Thursday.",
            ("left", "cut"),
        ),
        (
            "Unemployment rose in June.",
            "Unemployment stood at 5.8% in June, unchanged from May.",
            ("rose", "unchanged"),
        ),
        ("Oil prices were stable in June.", "Oil prices fell 3% in June.", ("stable", "fell")),
    ],
)
def test_no_change_is_read_against_a_change(claim: str, sentence: str, expected: tuple[str, str]) -> None:
    read = read_against(claim, sentence)
    assert read is not None and (read[0].word, read[1].word) == expected
    assert 2 in (read[0].pole, read[1].pole) and read[0].pole != read[1].pole


def test_holding_talks_and_falling_off_are_no_moves() -> None:
    assert moves("The union held talks with the company on Monday.") == ()
    assert moves("A skateboarder fell off his board.") == ()
    # One word in common is enough only where it is all either side names and nothing else moves.
    assert read_against("Sales rose in 2024.", "Sales fell 3% in 2024.") is not None
    assert read_against("Sales rose in 2024.", "Sales fell in Europe in 2024 but rose in Asia.") is None


def test_the_judge_contradicts_a_rise_with_a_hold() -> None:
    judge = FactJudge()
    j = judge.assess(
        extract("The Bank of Velm raised its key rate on Thursday."),
        extract("The Bank of Velm held its key rate at 4.75% on Thursday."),
        0.7,
    )
    assert j.stance == "contradicts" and "'held'" in j.reason, j


def test_a_decision_is_read_against_the_decision_on_the_same_object() -> None:
    sentence = (
        "Orlen's board, which rejected an approach from Varda in May, said it would recommend the "
        "improved offer to shareholders."
    )
    read = read_against("Orlen's board urged shareholders to reject Varda's improved offer.", sentence)
    assert read is not None and (read[0].word, read[1].word) == ("reject", "recommend")
    read = read_against("Orlen's board will recommend Varda's improved offer.", sentence)
    assert read is not None and read[0].pole == read[1].pole
    # A rise and a decision are different axes: "cut" is not read against "rejected".
    assert read_against("Orlen cut the improved offer.", sentence) is None
    # Another body's decision on the same thing is not the claim's.
    assert read_against("The union accepted the pay offer.", "The company rejected the pay offer.") is None


def test_agreeing_to_something_is_accepting_it() -> None:
    sentence = "Birgit Aalto rejected opposition calls for an independent inquiry into the health service."
    claim = (
        "Birgit Aalto agreed to the opposition's demand for an independent inquiry into the health service."
    )
    read = read_against(claim, sentence)
    assert read is not None and (read[0].word, read[1].word) == ("agreed", "rejected")
    evidence = Evidence(sentence, "d", "", "", "", 0, 0, len(sentence), 0.6)
    (j,) = FactJudge().judge(claim, [evidence])
    assert j.stance == "contradicts" and "agreed" in j.reason and "rejected" in j.reason
    # Agreeing with someone, or that something is so, is no decision on a thing.
    said = moves("The minister agreed that the figures were unacceptable.")
    assert not [m for m in said if m.word == "agreed"]


def test_the_judge_takes_the_claims_move_stated_of_the_same_thing_as_support() -> None:
    judge = FactJudge()
    sentence = extract("The success rate for applications dropped to 19% from 23% last year.")
    j = judge.assess(extract("The success rate for grant applications fell."), sentence, 0.7)
    assert j.stance == "supports" and j.kind == "direction", j
    assert "'success rate for applications dropped'" in j.reason, j  # the sentence's own words


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # a move ruled out, asked about or only planned is not one that happened
        ("The central bank ruled out any further rate increases.", "The central bank raises rates again."),
        ("The port will raise its handling fees.", "Shippers asked whether handling fees rise next year."),
        (
            "The success rate for grant applications fell.",
            "Ministers said the success rate for applications could fall to 19% from 23% next year.",
        ),
        # a condition's outcome is not one that happened
        (
            "If the council doubles its budget, it'd raise the success rate for grant applications.",
            "The success rate for grant applications rose to 21% from 19%.",
        ),
    ],
)
def test_a_move_not_said_to_have_happened_supports_nothing(claim: str, sentence: str) -> None:
    read = read_against(claim, sentence)
    assert read is not None and read[0].pole == read[1].pole  # the words alone would match
    j = FactJudge().assess(extract(claim), extract(sentence), 0.7)
    assert j.stance != "supports", j


def test_a_change_noun_ending_a_compound_is_no_move() -> None:
    # "sea level rise" names a thing; "sea levels will rise" says it moves
    assert moves("Sea ice melt contributes very slightly to global sea level rise.") == ()
    assert [m.word for m in moves("Sea levels will rise.")] == ["rise"]
    assert [m.word for m in moves("House prices rise as demand grows.")] == ["rise", "grows"]
    # a superlative ranks; it does not move
    assert moves("The reform passed by the narrowest margin for a major government bill.") == ()


def test_one_body_deciding_the_other_way_on_the_same_object_contradicts() -> None:
    # the object's describing words ("government's compensation") need not be repeated when
    # the same body decides on the same thing
    claim = extract(
        "The Kessarian Poultry Growers' Association accepted the government's compensation offer."
    )
    sentence = extract("The Kessarian Poultry Growers' Association rejected the offer as far too low.")
    j = FactJudge().assess(claim, sentence, 0.7)
    assert j.stance == "contradicts" and "'accepted'" in j.reason and "'rejected'" in j.reason, j
    # another body's decision is not read so
    other = extract("The Kessarian Farmers' Union rejected the offer as far too low.")
    assert FactJudge().assess(claim, other, 0.7).stance != "contradicts"


def test_a_judgement_is_read_of_its_object_not_its_reason() -> None:
    (praised,) = moves(
        "Team manager Rolf Haakonsen praised the organisers for routing the stage down the Ardo."
    )
    (criticised,) = moves("Team manager Rolf Haakonsen criticised the organisers for sending the race down.")
    assert (praised.pole, criticised.pole) == (0, 1)
    assert praised.mover == criticised.mover == {"organiser"}


def test_a_move_that_happened_is_not_stated_by_one_only_expected() -> None:
    judge = FactJudge()
    claim = extract("The port raised its handling fees.")
    j = judge.assess(claim, extract("The port is expected to raise its handling fees."), 0.7)
    assert j.stance == "neutral" and "planned" in j.reason, j
    assert judge.assess(claim, extract("The port raised its handling fees by 6% in March."), 0.7).stance == (
        "supports"
    )
    # the other way round is left alone: a budget that "lifts" spending says it is set to rise
    planned = extract("The port will raise its handling fees.")
    assert judge.assess(planned, extract("The port said it will raise its handling fees."), 0.7).stance == (
        "supports"
    )
