"""What of a claim's text is checked, and how figures reach the model (no model needed)."""

from __future__ import annotations

import pytest

from verifier.claims import checkable, parts
from verifier.nli import grouped


@pytest.mark.parametrize(
    ("claim", "core"),
    [
        ("The US has 10,000 troops in Iraq, officials said on Monday.", "The US has 10,000 troops in Iraq"),
        (
            "The US has 2,500 troops in Iraq, a Pentagon spokesman told Reuters on Monday.",
            "The US has 2,500 troops in Iraq",
        ),
        ("Troops will stay, the minister said, until 2026.", "Troops will stay until 2026."),
        ("China's case count is not unusual, health official says", "China's case count is not unusual"),
        (
            "The coalition will stay in Baghdad until 2027, officials said on Monday.",
            "The coalition will stay in Baghdad until 2027",
        ),
        ("Cases rose to 1,500, the ministry reported.", "Cases rose to 1,500"),
        # What is claimed stays: a passive verb, a thousands separator, a reported statement
        # that is the claim itself, the source of a figure, a date that is content.
        ("More than 1,550 cases of COVID-19 have been confirmed .", None),
        ("On March 15 , 2020 , the 24th case was reported in Orašje .", None),
        ("Fabio Coentrao stated that he would only play for Benfica .", None),
        ("The film has a 91 % rating , according to Rotten Tomatoes .", None),
        ("The apps were free from 2013 onwards , as announced in 2013 .", None),
        ("He said so.", None),
    ],
)
def test_an_attribution_is_not_part_of_the_claim(claim: str, core: str | None) -> None:
    assert checkable(claim) == (core if core is not None else claim)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US has 2500 troops in Iraq", "The US has 2,500 troops in Iraq"),
        ("In 2015 there were 15000 cases", "In 2015 there were 15,000 cases"),
        ("from 1998 to 2003", "from 1998 to 2003"),  # could be years: left as written
        ("ID 007 and 0123, 3.14159, 1:2500, 2500.5 km", "ID 007 and 0123, 3.14159, 1:2500, 2500.5 km"),
        ("$2500000", "$2,500,000"),
    ],
)
def test_large_figures_reach_the_model_grouped(text: str, expected: str) -> None:
    assert grouped(text) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (
            "Solvex will hire 2,000 workers in 2023 and was founded in 1987.",
            ["Solvex will hire 2,000 workers in 2023", "Solvex was founded in 1987."],
        ),
        (
            "The company reported a profit and hired 2,000 workers.",
            ["The company reported a profit", "The company hired 2,000 workers."],
        ),
        # A past tense of its own ("broke", "opened") and an auxiliary each start a predicate;
        # a passive second shares the first's "was" where an agent or a source follows it.
        (
            "The fire broke out on Saturday afternoon and has destroyed at least 57 homes.",
            ["The fire broke out on Saturday afternoon", "The fire has destroyed at least 57 homes."],
        ),
        (
            "Greywater opened in 1958 and is an open-pit mine.",
            ["Greywater opened in 1958", "Greywater is an open-pit mine."],
        ),
        (
            "Anselm was fined 1.5 million galders and barred from public office for 12 years.",
            ["Anselm was fined 1.5 million galders", "Anselm was barred from public office for 12 years."],
        ),
        # After an auxiliary, a past form that is no passive may be an adjective.
        ("The airport was undamaged and stayed open after the quake.", None),
        (
            "People were advised against going to hospital due to long waits and cramped conditions.",
            None,
        ),
        # Not a predicate of a relative clause inside the first.
        ("'Clean coal' is an approach in which emissions would be captured and pumped underground.", None),
        # "and" between nouns or names is one statement.
        ("New York has under 62,000 cases and less than 1,000 deaths .", None),
        ("Bosnia and Herzegovina had 431 cases.", None),
        ("He played for Arsenal and Chelsea.", None),
        ("Smith and Jones set a record.", None),
        ("Revenue and profits rose 5%.", None),
        # Two clauses with subjects of their own; "she" is the first clause's name.
        (
            "Halvik mined 385,000 tonnes of copper last year, while Serrano mined 225,000 tonnes.",
            ["Halvik mined 385,000 tonnes of copper last year.", "Serrano mined 225,000 tonnes."],
        ),
        (
            "Kovac was seeded ninth at the Ardena Open, and she beat Halloran in the final.",
            ["Kovac was seeded ninth at the Ardena Open.", "Kovac beat Halloran in the final."],
        ),
        (
            "The board backed the fee rise by 11 votes to 4, and international students will pay 12% more.",
            ["The board backed the fee rise by 11 votes to 4.", "International students will pay 12% more."],
        ),
        # A second clause may open on a determiner, a plain noun or a figure of its own; a
        # present "-s" before what it governs is the first clause's verb; "it" is the first's name.
        (
            "The Calder reservoir supplies about 310,000 people, and a new plant will open in 2027.",
            ["The Calder reservoir supplies about 310,000 people.", "A new plant will open in 2027."],
        ),
        (
            "The committee voted five to two, and unemployment rose to 5.8% in June.",
            ["The committee voted five to two.", "Unemployment rose to 5.8% in June."],
        ),
        (
            "Kelair filled 86.2 percent of its seats, and 84 percent of its flights left on time.",
            ["Kelair filled 86.2 percent of its seats.", "84 percent of its flights left on time."],
        ),
        (
            "Meridian-1 cost $265 million to build, and it was insured for $230 million.",
            ["Meridian-1 cost $265 million to build.", "Meridian-1 was insured for $230 million."],
        ),
        (
            "The plant closed in May 2020, and it was sold in June.",
            ["The plant closed in May 2020.", "It was sold in June."],
        ),
        # Not an adverb or a verb sharing the first's subject, nor a count of the first's.
        ("The firm was founded in 1990, and subsequently moved its head office to Paris.", None),
        ("The firm was founded in 1990, and sold 2,000 cars that were later recalled.", None),
        ("Velden received 37 reports, and six of them involved minor collisions.", None),
        # What may be is no statement to check alone; a subordinate clause has no subject.
        ("Sea ice has shrunk by a third, and summer sea ice might be gone by 2040.", None),
        ("Prices fell 3% in 1999, and a similar fall should follow this year.", None),
        ("Much warming is delayed, and if we do not act now we could pass tipping points.", None),
        # A present "-s" before its object, an adverb before it, "also" before the second
        # predicate, and a second predicate that is a saying (nw16 rs-09, rv-10, sp-11; nw7 tr-16).
        (
            "SSR carries about 620,000 passengers on an average weekday and made a profit last year.",
            ["SSR carries about 620,000 passengers on an average weekday", "SSR made a profit last year."],
        ),
        (
            "The line normally carries about 40 trains a day and will reopen on Wednesday.",
            ["The line normally carries about 40 trains a day", "The line will reopen on Wednesday."],
        ),
        (
            "Biovant developed BVT-17 and also paid for the trial.",
            ["Biovant developed BVT-17", "Biovant paid for the trial."],
        ),
        (
            "Sedgwick promised a 25 million guilder fund and said 4,000 soldiers had been deployed.",
            [
                "Sedgwick promised a 25 million guilder fund",
                "Sedgwick said 4,000 soldiers had been deployed.",
            ],
        ),
        ("Prices rose 5% while wages were flat.", ["Prices rose 5%.", "Wages were flat."]),
        # A plural noun is no present verb: "makes cars and trucks" is one predicate.
        ("The company makes cars and trucks.", None),
        # An "-ed" after "the" is an adjective of the subject, no predicate.
        ("Debris from the failed rocket came down within a hazard zone and hurt nobody.", None),
        # A bare "and" joins two clauses only after a clause that states a figure, and only
        # before a subject with a finite verb of its own.
        (
            "Marek is 31 years old and Tollan is 28.",
            ["Marek is 31 years old.", "Tollan is 28 years old."],
        ),
        (
            "Exports and imports added 12,000 jobs and mining lost 4,000.",
            ["Exports and imports added 12,000 jobs.", "Mining lost 4,000 jobs."],
        ),
        (
            "Operating profit was 88 million crowns and the proposed dividend is 1.20 crowns.",
            ["Operating profit was 88 million crowns.", "The proposed dividend is 1.20 crowns."],
        ),
        ("Global warming is causing more hurricanes and stronger hurricanes.", None),
        ("Sea ice has diminished much faster than scientists and climate models anticipated.", None),
        ("Stress from warm water heated by climate change and El Nino caused the die-off.", None),
        ("He bought 500 shares and bonds issued by the state.", None),
        ("If emissions rise 2% and the world is allowed to heat up, ice will melt.", None),
        ("Nine deputies abstained and five were absent from the vote.", None),
        ("Temperatures rose and sea ice declined.", None),
        ("The sun has shown no trend since 1950 and in fact has shown a slight cooling.", None),
        # A second figure of another name with its verb left out takes the first's verb.
        (
            "Ardvik was fined 40 million crowns and Pellmar 12 million crowns.",
            ["Ardvik was fined 40 million crowns.", "Pellmar was fined 12 million crowns."],
        ),
        ("The bill was carried with 48 votes for and 39 against.", None),
        ("Output could be cut by 21%, 19% and 11% respectively.", None),
        ("Inflation was between 2% and 3%.", None),
        # A possessive is no subject: "Thursday's cut" is.
        (
            "Thursday's cut was the bank's third this year and was approved unanimously.",
            ["Thursday's cut was the bank's third this year", "Thursday's cut was approved unanimously."],
        ),
        # A figure and the comment a "which" clause makes on it; not a comment on another noun.
        (
            "Unemployment in Greyford is 7.9%, which is below the national rate.",
            ["Unemployment in Greyford is 7.9%.", "Unemployment in Greyford is below the national rate."],
        ),
        ("Rising CO2 levels are causing ocean acidification, which is harming marine life.", None),
        ("Hallberg closed the plant in Greyford, which is 140 km south of Lansdorf.", None),
        # A second statement hung on the first with "with", of a subject of its own.
        (
            "Orlen's revenue rose 4.1% to 3.2 billion crowns, with software revenue up 19%.",
            ["Orlen's revenue rose 4.1% to 3.2 billion crowns.", "Software revenue up 19%."],
        ),
        (
            "The court ruled five votes to four, with Justice Ida Marr writing the dissent.",
            ["The court ruled five votes to four.", "Justice Ida Marr writing the dissent."],
        ),
        # A second clause may end on its verb; "died" is a verb.
        (
            "Justice Ana Korbel wrote for the majority, while judges Emil Rask and Dora Veyl dissented.",
            ["Justice Ana Korbel wrote for the majority.", "Judges Emil Rask and Dora Veyl dissented."],
        ),
        (
            "A firefighter died on Wednesday, and 37 people were treated for smoke inhalation.",
            ["A firefighter died on Wednesday.", "37 people were treated for smoke inhalation."],
        ),
        # Not where the second cannot stand alone ("it"), nor a "with" that only describes.
        ("The fire was 40% contained on Monday, with 18 aircraft helping to fight it.", None),
        (
            "The planet went through a warm period, with temperatures similar to those expected in "
            "coming decades.",
            None,
        ),
        ("The firm merged with a rival, with a combined value of $3 billion.", None),
        # A list of names is no clause; a counted subject says nothing alone; nor does a relative clause.
        ("Mel Ott, Willie Mays, and Bonds played for the Giants.", None),
        ("Four people died in the floods, and two others are still missing.", None),
        ("The plant, which employs 600 people, and its owner were sold.", None),
    ],
)
def test_a_compound_claim_is_checked_part_by_part(claim: str, expected: list[str] | None) -> None:
    assert parts(claim) == (expected or [claim])


def test_parts_combine_into_one_verdict() -> None:
    from verifier.api import combine
    from verifier.types import Evidence, Verdict

    def verdict(part: str, label: str, confidence: float, at: int) -> Verdict:
        e = Evidence(f"sentence {at}", "d", "T", "", "", at, at * 10, at * 10 + 5, 0.8)
        return Verdict(part, label, confidence, f"reason {at}.", [e])  # type: ignore[arg-type]

    a, b = verdict("A", "supported", 0.9, 1), verdict("B", "contradicted", 0.8, 2)
    both = combine("A and B", [a, b])
    assert (both.claim, both.label, both.confidence) == ("A and B", "contradicted", 0.8)
    assert both.explanation.startswith("The part “B” is contradicted: reason 2.")
    assert [e.sentence_index for e in both.evidence] == [2, 1]  # the deciding part's evidence first
    unsure = combine("A and C", [a, verdict("C", "unknown", 0.46, 3)])
    assert unsure.label == "unknown" and "“C” is not settled" in unsure.explanation
    fine = combine("A and D", [a, verdict("D", "supported", 0.7, 4)])
    assert fine.label == "supported" and fine.confidence == 0.7
    assert "“A”: reason 1." in fine.explanation and "“D”: reason 4." in fine.explanation
    assert fine.explanation.startswith("Every part is supported.") and not fine.disputed
    torn = verdict("E", "supported", 0.6, 5)
    torn.disputed = True
    mixed = combine("A and E", [a, torn])
    assert mixed.label == "supported" and mixed.disputed
    assert mixed.explanation.startswith("Every part leans supported, but the sources disagree on “E”.")
    assert "Every part is supported" not in mixed.explanation
