"""Figure forms read in session 10: a bare "m" as metres, and the other readings below.

Each case is a claim, an evidence sentence and the stance the fact layer must give.
"""

from __future__ import annotations

import pytest

from verifier.dates import extract_dates
from verifier.entities import entity_present
from verifier.facts import extract
from verifier.judge import FactJudge

JUDGE = FactJudge()


def stance(claim: str, evidence: str) -> str:
    return JUDGE.assess(extract(claim), extract(evidence), 0.8).stance


METRES = [
    ("The tower is 324 metres tall.", "The tower is 324 m tall.", "supports"),
    ("The tower is 300 metres tall.", "The tower is 324 m tall.", "contradicts"),
    ("The bridge is 1,149 m long.", "The bridge is 1,149 metres long.", "supports"),
    ("The road is 100 km long.", "The road is 100,000 m long.", "supports"),
    ("The diver reached a depth of 40 metres.", "The diver reached a depth of 40m.", "supports"),
    # A million where money or a count says so.
    ("The firm raised £30 million.", "The firm raised £30m from investors.", "supports"),
    ("The city has 5 million people.", "The city has 5m people.", "supports"),
    ("The club paid €45 million for him.", "The club paid €45m for him.", "supports"),
]


CURRENCIES = [
    ("Revenue reached $3.4bn.", "Revenue reached US$3.4 billion.", "supports"),
    ("Revenue reached US$3.4bn.", "Revenue reached $3.4 billion.", "supports"),
    ("The fine was €4.5 billion.", "The fine was EUR 4.5 billion.", "supports"),
    ("The project cost Rs 500 crore.", "The project cost Rs 50 crore.", "contradicts"),
    ("The project cost Rs 500 crore.", "The project cost ₹500 crore.", "supports"),
    # "US $" spaced keeps the bound before it: "more than US $ 90 billion" is a lower bound.
    ("The group was valued at more than US $ 90 billion.", "It was valued at US $ 100 billion.", "supports"),
    ("The group was valued at less than US $ 90 billion.", "It was valued at US $ 2.6 billion.", "supports"),
    ("The firm was valued at more than US $ 90 billion.", "It was valued at US $ 2.6bn.", "contradicts"),
    # Other dollars stay other currencies.
    ("The deal was worth A$5 billion.", "The deal was worth US$5 billion.", "contradicts"),
]


def test_a_currency_code_is_no_entity() -> None:
    assert extract("Revenue reached US$3.4 billion.").entities == frozenset()
    assert extract("It cost USD 5m.").entities == frozenset()


AGES = [
    ("The suspect was 45.", "The suspect, aged 45, was arrested.", "supports"),
    ("The minister is 52.", "The minister, 52, resigned on Monday.", "supports"),
    ("The actor died aged 83.", "The actor died at the age of 85.", "contradicts"),
    ("A 45-year-old man was arrested.", "The man, aged 45, was arrested.", "supports"),
    ("A 12-year-old girl was found.", "A 12-month-old girl was found.", "contradicts"),
    # An age answers nothing about a count.
    ("There were 17 victims.", "The youngest victim was 17.", "neutral"),
]


FACTORS = [
    ("Sales doubled to 4 million.", "Sales rose from 2 million to 4 million.", "supports"),
    ("Sales doubled.", "Sales rose from 2 million to 3 million.", "contradicts"),
    ("Sales tripled.", "Sales doubled.", "contradicts"),
    ("Sales doubled.", "Sales rose 100%.", "supports"),
    ("Sales rose 100%.", "Sales doubled.", "supports"),
    ("Sales doubled.", "Sales rose 2%.", "contradicts"),
    ("The number of cases halved.", "Cases fell by half.", "supports"),
    ("The price doubled to $10.", "The price rose to $10 from $5.", "supports"),
    ("The price doubled to $10.", "The price rose to $10 from $8.", "contradicts"),
    ("Profits fell by half to $2bn.", "Profits fell 50% to $2bn.", "supports"),
    ("Profits fell by half.", "Profits fell by 20%.", "contradicts"),
    ("Arrests rose threefold.", "Arrests tripled.", "supports"),
    ("Sales more than doubled.", "Sales rose from 2 million to 5 million.", "supports"),
    # A denied change states nothing; a size of change is not a level.
    ("Sales did not double.", "Sales rose from 2 million to 4 million.", "neutral"),
    ("Unemployment rose 3%.", "Unemployment rose to 3%.", "neutral"),
    # "Twice" that counts times, and a doubles title, are no factors.
    ("She won the title twice.", "She won the title in 2019 and 2021.", "neutral"),
]


UNREAD_WORDS = [
    # A figure word no reader reads is not confirmed by a sentence that leaves it out.
    ("Hundreds of SR20s have been sold.", "A dozen SR20s have been sold.", "neutral"),
    # "Hundreds of" with a count noun is read (100-1,999), and 12 is not it.
    ("Hundreds of people were arrested.", "Police arrested 12 people.", "contradicts"),
    ("Profits fell by half.", "Profits fell sharply.", "neutral"),
    (
        "Paraguay had its first civilian leader in four decades.",
        "Paraguay had its first civilian leader in 40 years.",
        "supports",
    ),
    ("He spent a decade in prison.", "He spent 10 years in prison.", "supports"),
    ("He spent a decade in prison.", "He spent 15 years in prison.", "contradicts"),
    ("He spent a decade in prison.", "He spent seven years in prison.", "contradicts"),
]


ALIASES = [
    ("The USSR dissolved in 1991.", "The Soviet Union dissolved in 1991.", "supports"),
    (
        "The WHO declared a pandemic in 2019.",
        "The World Health Organization declared a pandemic in 2020.",
        "contradicts",
    ),
    ("The US Federal Reserve raised rates to 5.5%.", "The Fed raised rates to 5.5%.", "supports"),
    ("Holland won the match in 1988.", "The Netherlands won the match in 1988.", "supports"),
    ("America's GDP grew 2.5% in 2023.", "US GDP grew 2.5% in 2023.", "supports"),
    ("She became CEO in 2015.", "She became chief executive in 2015.", "supports"),
]


def test_who_is_a_name_only_in_capitals() -> None:
    assert extract("Who won the vote?").entities == frozenset()
    assert extract("The WHO declared a pandemic.").entities == {"world health organization"}
    # Nor does an ordinary "who" or "fed" mention the WHO or the Fed.
    assert not entity_present("world health organization", extract("The minister who resigned said so."))
    assert entity_present("world health organization", extract("The WHO said so."))
    assert not entity_present("federal reserve", extract("The cattle were fed twice a day."))
    assert entity_present("federal reserve", extract("The Fed raised rates."))


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        # A demonym in the claim is mentioned by its place, as the place is by its demonym.
        ("corvassan", "Corvassa's top court struck down the law.", True),
        ("canadian", "The void in Atlantic Canada was filled.", True),
        ("pakistani", "Pakistan's team won.", True),
        ("iraq", "Iraqi forces advanced.", True),
        # A short word is no demonym.
        ("dean", "The dea approved it.", False),
    ],
)
def test_a_demonym_and_its_place_mention_each_other(entity: str, text: str, expected: bool) -> None:
    assert entity_present(entity, extract(text)) is expected


CONVERSIONS = [
    # Temperatures compare across scales.
    ("Temperatures reached 40C.", "Temperatures reached 104F.", "supports"),
    ("Temperatures reached 40C.", "Temperatures reached 40F.", "contradicts"),
    # Basis points are hundredths of a percentage point.
    (
        "The bank raised rates by 0.25 percentage points to 5.25%.",
        "The bank raised its rate by 25 basis points to 5.25%.",
        "supports",
    ),
    ("Inflation rose 2 percentage points.", "Inflation rose 2 basis points.", "contradicts"),
    # Across units each figure keeps its own rounding: "two years" is not 18 months.
    ("The trial lasted 18 months.", "The trial lasted two years.", "contradicts"),
    ("The trial lasted two years.", "The trial lasted 18 months.", "contradicts"),
    ("The trial lasted two weeks.", "The trial lasted 14 days.", "supports"),
    ("The trail is 3 miles long.", "The trail is 4.8 km long.", "supports"),
    # After a figure, "over three years" is what it is spread across, not more than three years.
    # Two "about" figures agree where each is within the other's rounding, not where the
    # roundings only touch.
    ("About 2,300 troops are in Iraq.", "About 2,500 troops are in Iraq.", "supports"),
    ("The force will total about 4,600 troops.", "The force will total about 4,100 troops.", "contradicts"),
    ("The deal is worth 14.5% over three years.", "They accepted a three-year deal worth 14.5%.", "supports"),
    ("The deal is worth 14.5% over three years.", "They took a two-year deal worth 14.5%.", "contradicts"),
    ("The dispute lasted over three years.", "The dispute lasted three years.", "contradicts"),
    # Sums in words, and "a billion" with its qualifier.
    ("The government pledged €1bn.", "The government pledged one billion euros.", "supports"),
    ("The firm is valued at over $1bn.", "The firm is valued at over a billion dollars.", "supports"),
    ("He was 45 when he was elected.", "He was elected in 2010 at the age of 45.", "supports"),
]


POINTS_AND_BOUNDS = [
    # A change in points against the two percentages it runs between.
    (
        "The party's vote share rose 5 percentage points to 30%.",
        "The party's vote share rose from 25% to 30%.",
        "supports",
    ),
    ("Inflation fell 1.2 points to 3.4%.", "Inflation fell to 3.4% from 4.6%.", "supports"),
    ("His approval rating fell by 5 points.", "His approval rating fell from 52% to 42%.", "contradicts"),
    (
        "His approval rating rose by 10 points.",
        "His approval rating fell from 52% to 42%.",
        "contradicts",
    ),
    # Bounds said by a verb, and people counted as a population.
    ("The death toll exceeded 1,000.", "The death toll rose to 1,200.", "supports"),
    ("The death toll exceeded 1,000.", "The death toll rose to 800.", "contradicts"),
    ("Less than 5,000 people live in the village.", "The village has a population of 4,200.", "supports"),
]


CENTURIES = [
    ("The church was built in the 12th century.", "The church dates from the 12th century.", "supports"),
    ("The church was built in the 12th century.", "The church was built in 1150.", "supports"),
    ("The church was built in the 12th century.", "The church was built in 1250.", "contradicts"),
    ("The castle was built in the 1100s.", "The castle was built in the 12th century.", "supports"),
    ("The abbey was founded in 1098.", "The abbey was founded in 1102.", "contradicts"),
    # An early year only where a date is expected.
    ("There were 1200 cases.", "In 1200 cases, the treatment failed.", "supports"),
]


OTHER_SUBJECT = [
    # A name that is also a word ("Apple", "Trump") opening the claim, against a sentence
    # about someone else: no verdict either way.
    ("Apple reported revenue of $90bn.", "Microsoft reported revenue of $90bn.", "neutral"),
    ("Apple reported revenue of $90bn.", "Microsoft reported revenue of $60bn.", "neutral"),
    ("Trump won the 2020 election.", "Joe Biden won the 2020 presidential election.", "neutral"),
    # Common nouns and a shared surname are no swap.
    ("Shares fell 5% on Monday.", "Tesla shares fell 5% on Monday.", "supports"),
    ("Martin Palermo scored 215 goals.", "Palermo scored 215 goals for Boca.", "supports"),
]


SURNAMES = [
    # A person named again by surname only is the same person.
    ("Ilsa Drobnek has led the bank since 2021.", "Drobnek has led the bank since 2021.", "supports"),
    ("Tomas Berengar won 52% of the vote.", "Berengar won 48% of the vote.", "contradicts"),
    # "Two-thirds of" is a share whatever follows; "a two-thirds majority" counts nothing.
    (
        "More than two-thirds of registered voters cast ballots.",
        "58% of registered voters cast ballots.",
        "contradicts",
    ),
]


def test_a_title_naming_the_person_by_surname_mentions_them() -> None:
    claim = extract("Lena Kovac earned 2.4 million euros for winning the Ardena Open.")
    sentence = extract("The win is worth 2.4 million euros, twice what the runner-up receives.")
    assert JUDGE.assess(
        claim, sentence, 0.7, "Kovac stuns top seed to win first Ardena Open title"
    ).stance == ("supports")
    assert JUDGE.assess(claim, sentence, 0.7, "Top seed wins first Ardena Open title").stance == "neutral"


def test_a_two_thirds_majority_is_no_count() -> None:
    assert extract("He won a two-thirds majority.").quantities == []


def test_may_after_a_time_word_is_the_month() -> None:
    months = {
        t: [d.month for d in extract(t).dates]
        for t in (
            "Inflation rose to 3.4% in May.",
            "As of May, sales rose.",
            "He may resign.",
            "Sales could fall in may.",
            "Theresa May said prices rose.",
        )
    }
    assert list(months.values()) == [[5], [5], [], [], []]
    assert stance("Inflation rose to 3.4% in May.", "Inflation rose to 3.4% in June.") == "contradicts"


def test_a_datelines_date_is_no_fact() -> None:
    lead = "TALMERE, Feb 6 (Wire) - The central bank raised its main rate to 5.75% on Thursday."
    assert [d.text for d in extract(lead).dates] == []
    assert [d.text for d in extract("LONDON, March 3, 2024 (Reuters) — Prices rose in 2023.").dates] == [
        "2023"
    ]
    assert stance("The central bank raised its main rate to 5.75% in January.", lead) != "contradicts"


def test_no_loose_reading_when_the_title_names_a_sibling() -> None:
    from verifier.types import Evidence

    text = "The mission cost 380 million dollars, the agency said."
    claim = "The Selka-3 mission will cost about 600 million dollars."

    def judged(title: str):
        return JUDGE.judge(claim, [Evidence(text, "d", title, "", "", 0, 0, len(text), 0.6)])[0]

    # Under a title about another Selka, the sentence is about that one: no hint either way.
    assert judged("Selka-2 lander touches down").tentative is None
    # Under a title that names no sibling, the sentence may be about the claim's subject.
    loose = judged("Space agency budget").tentative
    assert loose is not None and loose.stance == "contradicts"


RATINGS = [
    # A rating in words is the rating: its scale is no figure of its own.
    ("The film has a Metacritic score of 61/100.", "It has a Metacritic score of 61 out of 100.", "supports"),
    (
        "On Metacritic the film has a score lower than 60.",
        "On Metacritic the film has a score of 57 out of 100, based on 34 critics.",
        "supports",
    ),
    ("On Metacritic the film scored 38%.", "On Metacritic the film scored 38 out of 100.", "supports"),
    ("On Metacritic the film scored 45%.", "On Metacritic the film has a score of 38/100.", "contradicts"),
    ("The series has an average score of 8.3/10.", "It has an average score of 8.3 out of 10.", "supports"),
]


WEEKDAYS = [
    (
        "A red warning was issued on Monday afternoon.",
        "A red warning was issued on Sunday afternoon.",
        "contradicts",
    ),
    (
        "The bank raised rates on Thursday.",
        "The bank raised rates on Thursday, the governor said on Friday.",
        "supports",
    ),
    # The day a source spoke is not the day it happened; an unsaid day is not confirmed.
    ("The bank raised rates on Monday.", "The bank raised rates, officials said on Tuesday.", "neutral"),
    # Antonyms of change.
    (
        "The crown weakened against the euro in 2024.",
        "The crown strengthened against the euro in 2024.",
        "contradicts",
    ),
    ("The railway line has reopened.", "The railway line has closed.", "contradicts"),
]


INCLUDING = [
    # "Including" gives a part; a one-figure claim about the part is not answered by the whole.
    (
        "Neighbouring Osterlund sent 18 helicopters.",
        "Neighbouring countries sent 18 helicopters, including four sent by neighbouring Osterlund.",
        "contradicts",
    ),
    (
        "Neighbouring countries sent 18 helicopters.",
        "Neighbouring countries sent 18 helicopters, including four sent by neighbouring Osterlund.",
        "supports",
    ),
    (
        "Osterlund sent four helicopters.",
        "Neighbouring countries sent 18 helicopters, including four sent by neighbouring Osterlund.",
        "supports",
    ),
]


SWAPPED_NAMES = [
    (
        "Pemberly Brands agreed to buy Arkwell Foods.",
        "Arkwell Foods agreed on Monday to buy rival snack maker Pemberly Brands for $8.7 billion.",
        "contradicts",
    ),
    (
        "Arkwell Foods agreed to buy Pemberly Brands.",
        "Arkwell Foods agreed on Monday to buy rival snack maker Pemberly Brands for $8.7 billion.",
        "supports",
    ),
    ("Germany beat Brazil 7-1.", "Brazil beat Germany 7-1.", "contradicts"),
    # A passive, a symmetric verb, a place: no swap.
    ("Pemberly was bought by Arkwell.", "Arkwell bought Pemberly.", "supports"),
    ("Germany drew with Brazil.", "Brazil drew with Germany.", "supports"),
]


AGE_GROUPS = [
    # An age group is what a statistic is about, not a figure to check.
    (
        "More than a fifth of the population is now aged 65 or over.",
        "A net 215,000 people left the country, most of them aged 20 to 39.",
        "neutral",
    ),
    (
        "More than 83% of deaths were in patients aged 70 or older.",
        "84% of deaths were in patients aged 70 or older.",
        "supports",
    ),
    ("The fee could exceed 90 million euros.", "The fee was 97 million euros.", "supports"),
]


# Every area above, one case per line: each case is (claim, evidence, the stance the fact layer
# must give).
CASES = {
    "metres": METRES,
    "currencies": CURRENCIES,
    "ages": AGES,
    "factors": FACTORS,
    "unread-words": UNREAD_WORDS,
    "aliases": ALIASES,
    "conversions": CONVERSIONS,
    "points-and-bounds": POINTS_AND_BOUNDS,
    "centuries": CENTURIES,
    "other-subject": OTHER_SUBJECT,
    "surnames": SURNAMES,
    "weekdays": WEEKDAYS,
    "including": INCLUDING,
    "swapped-names": SWAPPED_NAMES,
    "age-groups": AGE_GROUPS,
    "ratings": RATINGS,
}


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [pytest.param(*case, id=f"{area}-{i}") for area, cases in CASES.items() for i, case in enumerate(cases)],
)
def test_figure_forms(claim: str, evidence: str, expected: str) -> None:
    assert stance(claim, evidence) == expected


def test_a_bound_verb_after_a_name_keeps_the_noun_before_the_name() -> None:
    # As "the population of Eritrea reached 5 million" does.
    (q,) = extract("The population of Eritrea exceeded 5 million.").quantities
    assert q.unit == {"population"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Roughly one in three patients saw their migraine days halved.", 100 / 3),
        ("Nine in 10 voters backed the plan.", 90.0),
        ("1 in every 4 children lives in poverty.", 25.0),
    ],
)
def test_one_in_three_is_a_share(text: str, value: float) -> None:
    [q] = extract(text).quantities
    assert q.unit == frozenset({"%"}) and q.value == pytest.approx(value) and q.qualifier == "approx"


@pytest.mark.parametrize("text", ["He scored two in three minutes.", "They won one in 2021."])
def test_one_in_a_time_or_a_year_is_no_share(text: str) -> None:
    assert all(q.unit != frozenset({"%"}) for q in extract(text).quantities)


def test_a_distance_in_another_direction_contradicts() -> None:
    judge = FactJudge()
    claim = extract("The quake's epicentre was about 25 km northeast of Sarvano.")
    j = judge.assess(claim, extract("The epicentre was about 25 km southwest of Sarvano."), 0.8)
    assert j.stance == "contradicts" and "northeast" in j.reason and "southwest" in j.reason, j
    j = judge.assess(claim, extract("The epicentre was about 25 km north-east of Sarvano."), 0.8)
    assert j.stance == "supports", j


def test_a_hyphenated_name_in_the_title_is_mentioned() -> None:
    facts = extract("The lander came down after a 12-minute powered descent.")
    assert entity_present("selka-2", facts, "Tavaria's Selka-2 lander touches down")
    assert not entity_present("selka-3", facts, "Tavaria's Selka-2 lander touches down")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The film has a score of 61 out of 100, based on 9 critics.", [(61.0, "/100"), (9.0, "critic")]),
        ("It was rated 4 out of 5 stars.", [(4.0, "/5")]),
        # A part of a whole keeps both counts.
        ("Eight out of 10 voters backed the plan.", None),
        ("The party won 14 out of 19 provinces.", [(14.0, "province"), (19.0, "province")]),
    ],
)
def test_a_rating_in_words_is_one_figure(text: str, figures: list[tuple[float, str]] | None) -> None:
    found = [(q.value, q.head) for q in extract(text).quantities]
    if figures is None:
        assert all(not head.startswith("/") for _, head in found), found
    else:
        assert found == figures


def test_a_figure_based_on_reviews_counts_no_base() -> None:
    (score, reviews) = extract("It has a score lower than 60 based on under 40 reviews.").quantities
    assert score.unit == {"score"} and reviews.unit == {"review"}


def judged_against(claim: str, text: str):
    """The fact layer's judgement of one untitled sentence (as a VitaminC document is)."""
    from verifier.types import Evidence

    return JUDGE.judge(claim, [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)])[0]


def test_the_tentative_reading_leaves_a_date_open_where_the_sentence_gives_none() -> None:
    claim = "Germany has more than 170 confirmed cases of coronavirus in 2020."
    loose = judged_against(claim, "There have been 188 confirmed cases and 16 recoveries.").tentative
    assert loose is not None and loose.stance == "supports", loose
    # A sentence dated otherwise still speaks of another year.
    other = judged_against(claim, "In 2019 there were 188 confirmed cases and 16 recoveries.").tentative
    assert other is not None and other.stance == "contradicts" and "2019" in other.reason, other


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("It grossed over $ 112 million.", (112e6, 112.999e6)),
        ("It sold over 7.4 million units.", (7.4e6, 7.4999e6)),
        ("Gatherings of more than 50 people were banned.", (50, 59.99)),
        ("It shipped over six million units.", (6e6, 6.999e6)),
        ("Over 2,700 people attended.", (2700, 2799.9)),
        ("About 2,500 troops remain.", None),  # not a bound: left as it is
    ],
)
def test_a_reported_bound_is_rounded_at_its_last_digit(
    text: str, interval: tuple[float, float] | None
) -> None:
    from verifier.compare import reported_bound

    (q,) = extract(text).quantities
    if interval is None:
        assert reported_bound(q) == q
    else:
        assert reported_bound(q).interval() == pytest.approx(interval)


def test_the_tentative_reading_rounds_a_reported_bound() -> None:
    def loose(claim: str, text: str) -> str | None:
        j = judged_against(claim, text)
        return j.tentative and j.tentative.stance

    text = "As of August 2015, the game has shipped over six million units."
    assert loose("WWE 2K15 shipped over 7.5 million units by August 2015.", text) == "contradicts"
    assert loose("WWE 2K15 shipped fewer than 7 million units by August 2015.", text) == "supports"
    # The strict reading keeps to what the words allow.
    sure = judged_against("The game shipped over 7.5 million units by August 2015.", text)
    assert sure.stance == "neutral", sure


def test_the_tentative_reading_takes_an_about_figure_at_its_value_against_a_bound() -> None:
    text = "The Game Gear was unable to surpass the Game Boy, selling approximately 11 million units."
    for claim, expected in (
        ("The Game Gear sold more than 10.8 million units.", "supports"),
        ("The Game Gear sold more than 11.5 million units.", "contradicts"),
        ("The Game Gear sold fewer than 10.5 million units.", "contradicts"),
    ):
        judged = judged_against(claim, text)
        # Strictly, "approximately 11 million" leaves a bound this near it open.
        assert judged.stance == "neutral", (claim, judged)
        assert judged.tentative is not None and judged.tentative.stance == expected, (claim, judged)
    # A point claim keeps the "about" figure's width: 10.5 million is about 11 million.
    point = judged_against("The Game Gear sold 10.5 million units.", text)
    assert point.stance == "supports", point


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        ("covid-19", "The state has confirmed 42 positive cases of Covid19.", True),
        ("covid19", "Cases of COVID-19 rose.", True),
        ("selka-2", "The Selka2 lander touched down.", True),
        ("covid-19", "Cases of influenza rose.", False),
    ],
)
def test_a_name_is_mentioned_with_or_without_its_hyphen(entity: str, text: str, expected: bool) -> None:
    assert entity_present(entity, extract(text)) is expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("It became the fourth Pixar film to pass $1 billion in ticket sales.", "more"),
        ("Sales surpassing 5 million copies were reported.", "more"),
        ("Parliament passed 3 laws.", "exact"),  # a count of laws, not a threshold
    ],
)
def test_a_threshold_verb_bounds_its_figure(text: str, qualifier: str) -> None:
    counts = [q for q in extract(text).quantities if q.value >= 3 and "#th" not in q.unit]
    assert [q.qualifier for q in counts] == [qualifier]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("There are 13 cases as of 6 April , 2020 , 9 of whom have recovered.", (2020, 4, 6)),
        ("On 6 April, 2020 marked a low.", (2020, 4, 6)),
        ("By 6 April, 2020 cases had been counted.", (None, 4, 6)),  # 2,020 cases, not a year
    ],
)
def test_a_comma_before_the_year_keeps_the_date_whole(text: str, day: tuple[int | None, int, int]) -> None:
    (d,) = extract(text).dates
    assert (d.year, d.month, d.day) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A day and month fix a four-digit year before 1500 too (a bare one needs "in").
        ("Henry III ( 1 October 1207 – 16 November 1272 ) was King of England.", (1207, 10, 1)),
        ("In May 1419 , King Sejong embarked upon the expedition.", (1419, 5, None)),
    ],
)
def test_a_medieval_year_is_read_in_a_full_date(text: str, day: tuple[int, int, int | None]) -> None:
    d = extract(text).dates[0]
    assert (d.year, d.month, d.day) == day


def test_the_tentative_reading_takes_a_day_without_a_year_in_the_claims_year() -> None:
    text = "As of 5 April , there have been 298 confirmed cases , 25 recoveries and 2 deaths."
    claim = "Before April 6 , 2020 , Uzbekistan had less than 300 confirmed coronavirus cases ."
    judged = judged_against(claim, text)
    assert judged.stance == "neutral", judged  # strictly, "5 April" is of no stated year
    assert judged.tentative is not None and judged.tentative.stance == "supports", judged
    # Only to agree: another day is no contradiction, as it may be another year's.
    other = judged_against("On April 9 , 2020 , Uzbekistan had 298 confirmed coronavirus cases .", text)
    assert other.stance == "neutral" and (other.tentative is None or other.tentative.stance != "contradicts")


def test_the_tentative_reading_compares_a_percentage_with_the_claims_name_set_aside() -> None:
    text = "It currently holds a 59 % rotten rating on Rotten Tomatoes based on 37 reviews ."
    judged = judged_against("Mimic was rated more than 60 % on Rotten Tomatoes .", text)
    # Strictly, a bare percentage needs most of the claim repeated; "Mimic" is not.
    assert judged.stance == "neutral", judged
    assert judged.tentative is not None and judged.tentative.stance == "contradicts", judged
    # Still half the claim's other words: another percentage is no answer to this one.
    other = judged_against("Mimic was rated more than 60 % by critics in a Gallup poll of Americans .", text)
    assert other.tentative is None or other.tentative.stance != "contradicts", other


def test_the_tentative_reading_leaves_a_percentage_among_several_to_the_strict_bar() -> None:
    text = (
        "Members of the union voted 3,412 to 1,108 on Monday to accept an 8.5% pay increase, well "
        "below the 14% the union had demanded but above the 5% first offered."
    )
    judged = judged_against("More than 70% of the union members who voted backed the pay deal.", text)
    assert judged.tentative is None or judged.tentative.stance != "contradicts", judged


@pytest.mark.parametrize(
    ("claim", "text", "expected"),
    [
        (
            "Fallout 76 was released to negative reviews .",
            "Fallout 76 was released to generally mixed to negative reviews , with many criticizing it .",
            "supports",
        ),
        (
            "10 Cloverfield Lane is a science fiction thriller film .",
            "10 Cloverfield Lane is a 2016 American science fiction psychological thriller film .",
            "supports",
        ),
        # The name's number confirms nothing of its own: the rest must still be stated.
        (
            "10 Cloverfield Lane is a horror film .",
            "10 Cloverfield Lane is a 2016 American science fiction psychological thriller film .",
            "neutral",
        ),
    ],
)
def test_a_names_number_the_sentence_repeats_is_stated(claim: str, text: str, expected: str) -> None:
    assert judged_against(claim, text).stance == expected


def test_a_day_given_with_by_is_when_the_figure_was_read() -> None:
    text = "By April 9 , Palm Tree had reported 428 cases , maintaining its lead ."
    after = judged_against("After April 8 , Palm Tree had more than 400 cases .", text)
    assert after.stance == "supports", after
    before = judged_against("Before April 8 , Palm Tree had more than 400 cases .", text)
    assert before.stance == "contradicts", before
    # "Until" ends a period: its day is no reading of the claim's.
    until = "Schools will stay closed until May 4 , the governor said ."
    closed = judged_against("After May 1 , the governor said schools would stay closed .", until)
    assert closed.stance != "supports", closed


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        # A change in Fahrenheit converts without the 32-degree offset ...
        ("Australia has warmed by 1.8 °F since 1910.", (1.0, None)),
        ("The April lows are now about 6 degrees Fahrenheit warmer than they used to be.", (3.33, None)),
        # ... as does one in brackets after a Celsius change, and both ends of a range.
        ("The first half was 0.85 °C (1.53 °F) above the 20th century average.", (0.85, None)),
        ("Temperatures will rise 1.1 to 6.4 °C (2.0 to 11.5 °F) by 2100.", (1.11, 6.39)),
        # A level keeps it: "rose to" is a level, not a change.
        ("Temperatures reached 104F.", (40.0, None)),
        ("Temperatures rose to 104 °F on Monday.", (40.0, None)),
        ("Highs will be 90 to 95 °F on Friday.", (32.22, 35.0)),
    ],
)
def test_a_temperature_change_in_fahrenheit_is_a_difference(text: str, celsius: tuple) -> None:
    q = [q for q in extract(text).quantities if "F" in q.text or "Fahrenheit" in q.text][0]
    assert q.head == "celsius"
    assert (round(q.value, 2), None if q.upper is None else round(q.upper, 2)) == celsius


def test_below_zero_is_a_level_not_a_change() -> None:
    from verifier.units import temperature_change

    text = "Overnight it fell to 40 °F below zero."
    start = text.index("40")
    assert not temperature_change(text, start, start + len("40 °F"))
    warmer = "Lows are now 6 °F below the old average."
    start = warmer.index("6")
    assert temperature_change(warmer, start, start + len("6 °F"))


def test_a_warming_in_fahrenheit_answers_one_in_celsius() -> None:
    text = "Australia has experienced an increase of nearly 1.0 °C in average annual temperatures since 1910."
    claim = "Australia has warmed by {} in average annual temperatures since 1910."
    assert judged_against(claim.format("1.8 °F"), text).stance == "supports"
    assert judged_against(claim.format("3 °F"), text).stance == "contradicts"


def test_a_medieval_birth_date_answers_a_bound() -> None:
    text = "Henry III ( 1 October 1207 – 16 November 1272 ) was King of England from 1216 until his death."
    assert judged_against("Henry III of England was born before 1210.", text).stance == "supports"
    assert judged_against("Henry III of England was born after 1210.", text).stance == "contradicts"


def test_the_number_of_things_names_what_its_figure_counts() -> None:
    # Not the province (nor an age, as "was 52" alone would read).
    (q,) = extract("The number of deaths in the province was 52.").quantities
    assert q.unit == {"death"}


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("The album sold 10 million copies globally.", "It sold 10 million copies worldwide.", "supports"),
        ("The album sold 14 million copies globally.", "It sold 10 million copies worldwide.", "contradicts"),
        ("The video had 12.3 million views on YouTube.", "It has 12.3 million hits on YouTube.", "supports"),
        ("He won 101 caps for Brazil.", "He made 101 appearances for Brazil.", "supports"),
        ("The airline flies 120 planes.", "The airline flies 120 aircraft.", "supports"),
        ("Italy reported 52 coronavirus deaths.", "Italy reported 52 COVID-19 deaths.", "supports"),
        ("52 residents died in the flood.", "The flood caused 52 deaths among residents.", "supports"),
    ],
)
def test_count_nouns_said_in_other_words(claim: str, evidence: str, expected: str) -> None:
    assert stance(claim, evidence) == expected


def test_due_to_is_no_word_of_the_news() -> None:
    content = extract("Schools shut due to the pandemic.").content
    assert "due" not in content and {"school", "pandemic"} <= content


@pytest.mark.parametrize(
    ("text", "head", "value"),
    [
        (
            "Temperatures have been warming at around 0.2 degrees Celsius per decade.",
            "celsius-per-decade",
            0.2,
        ),
        # A warming rate in Fahrenheit is a difference: no 32-degree offset.
        ("Temperatures would rise by 0.54F (0.3C) per decade.", "celsius-per-decade", 0.3),
        ("Sea level rose 3.3 mm per year.", "mm-per-year", 3.3),
        ("It raised $5 million a year ago.", "$", 5e6),  # "a year" is a time here
    ],
)
def test_a_measure_over_a_period_is_a_rate(text: str, head: str, value: float) -> None:
    q = extract(text).quantities[0]
    assert q.head == head and q.value == pytest.approx(value, abs=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures would rise by 0.54F (0.3C) per decade.",
        "Temperatures would rise by 0.3C (0.54F) per decade.",
        "Sea level rose 3.3 mm (0.13 in) per year.",
    ],
)
def test_both_units_of_a_rate_are_the_rate(text: str) -> None:
    """The figure in brackets is the same rate in another unit, not a level of its own."""
    assert all(q.head.endswith(("-per-decade", "-per-year")) for q in extract(text).quantities)


def test_a_rate_is_not_a_level() -> None:
    claim = "Temperatures have been warming at around 0.2 degrees Celsius per decade."
    assert (
        stance(claim, "Temperatures have been warming at about 0.17 degrees Celsius per decade.")
        == "supports"
    )
    assert stance(claim, "Temperatures rose by 0.12 degrees Celsius in 2016.") != "contradicts"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("The quake struck at 3:12 a.m. local time on Tuesday.", 192),
        ("The train came off the tracks at 11:52 p.m. on Monday.", 1432),
        ("Talks will resume at 2 p.m. on Friday.", 840),
        ("The last message was sent at 21:47 GMT.", 1307),
    ],
)
def test_a_time_of_day_is_one_figure(text: str, minutes: int) -> None:
    """Not "3" and "12 a.m" (twelve of something): one time, compared only with another time."""
    (q,) = extract(text).quantities
    assert q.head == "clock" and q.value == minutes


def test_times_of_day_are_compared_to_the_minute() -> None:
    evidence = "The earthquake struck at 3:12 a.m. local time on Tuesday, officials said."
    assert stance("The quake struck at 3:12 a.m. local time on Tuesday.", evidence) == "supports"
    assert stance("The quake struck at 4:12 a.m. local time on Tuesday.", evidence) == "contradicts"
    assert stance("The quake struck at about 3:20 a.m. local time on Tuesday.", evidence) == "supports"


@pytest.mark.parametrize(
    "text",
    [
        "16:10 is a common display aspect ratio.",  # a ratio
        "He ran 2:03:59 in Berlin.",  # a race time
        "Residents must stay home from 9:00 p.m. to 6:00 a.m.",  # the ends of a period
    ],
)
def test_not_every_colon_is_a_time_of_day(text: str) -> None:
    assert all(q.head != "clock" for q in extract(text).quantities)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        # A round figure: a tenth either way.
        ("About 2,500 troops remain.", (2250, 2750)),
        ("About 40% of voters agreed.", (36, 44)),
        # A precise one: a few steps of its last digit, not a tenth.
        ("It reached about 91.3% of students.", (91.05, 91.55)),
        ("About 2,480 troops remain.", (2455, 2505)),
        # In words, no digit to go by: a tenth.
        ("About six million people live there.", (5.4e6, 6.6e6)),
    ],
)
def test_about_widens_a_figure_by_its_precision(text: str, interval: tuple[float, float]) -> None:
    (q,) = extract(text).quantities
    assert q.qualifier == "approx"
    assert q.interval() == pytest.approx(interval)


def test_about_a_precise_figure_answers_a_bound() -> None:
    sentence = "188 countries closed schools , impacting about 91.3 % of the world 's student population ."
    less = judged_against("School closures impacted less than 95 % of students .", sentence)
    more = judged_against("School closures impacted more than 95 % of students .", sentence)
    assert (less.stance, more.stance) == ("supports", "contradicts")


def test_a_running_total_counts_what_moved_it() -> None:
    (new, total) = extract(
        "On 20 March , fourteen new cases were confirmed , bringing the total to 77 ."
    ).quantities
    assert "new" in new.unit and total.head == "case" and "new" not in total.unit
    (clock, bare) = extract(
        "More were confirmed at 12:30 , bringing the total of confirmed cases to 134 ."
    ).quantities
    assert clock.head != bare.head  # a time of day counts nothing


def test_the_new_ones_are_not_the_total() -> None:
    sentence = "On 19 March 2020 , nine new cases were confirmed , bringing the total to 63 ."
    # The claim's total is the 63, not the nine the day added.
    assert (
        judged_against("On 19 March 2020 there were less than 62 confirmed cases .", sentence).stance
        == "contradicts"
    )
    assert (
        judged_against("On 19 March 2020 there were more than 62 confirmed cases .", sentence).stance
        == "supports"
    )
    # A claim about the new ones is answered by them.
    assert judged_against("Nine new cases were confirmed on 19 March 2020 .", sentence).stance == "supports"


BIOGRAPHY = (
    "Helena Rubinstein ( born Chaja Rubinstein ; December 25 , 1870 – April 1 , 1965 ) was a Polish "
    "American businesswoman ."
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Helena Rubinstein was born after 1871 .", "contradicts"),
        ("Helena Rubinstein was born in 1965 .", "contradicts"),  # the death, not the birth
        ("Helena Rubinstein was born on December 25 , 1870 .", "supports"),
        ("Helena Rubinstein died in 1965 .", "supports"),
        ("Helena Rubinstein died in 1966 .", "contradicts"),
        ("Helena Rubinstein died before 1960 .", "contradicts"),
    ],
)
def test_a_lifes_span_gives_a_birth_and_a_death(claim: str, stance: str) -> None:
    assert judged_against(claim, BIOGRAPHY).stance == stance


def test_a_bracketed_run_of_years_is_no_life() -> None:
    # A show's run mid-sentence is not the subject's life; another's life does not hide the
    # subject's own birth date.
    assert [d.life for d in extract_dates("He starred in Gilmore Girls ( 2000–2007 ) .")] == [None, None]
    gein = (
        "Ed Gein was born in La Crosse County , Wisconsin , on August 27 , 1919 , the son of "
        "George Philip Gein ( 1873–1940 ) ."
    )
    assert judged_against("Ed Gein was born on August 27 , 1919 .", gein).stance == "supports"
    # A claim of no birth or death still reads a span as the years it covers.
    war = "World War I ( July 28 , 1914 – November 11 , 1918 ) was a global war ."
    assert judged_against("World War I was fought in 1916 .", war).stance != "contradicts"


@pytest.mark.parametrize("text", ["Since the mid 1970s , it rose .", "since the early-1990s it grew"])
def test_since_the_mid_decade_is_a_period_from_then(text: str) -> None:
    (d,) = extract_dates(text)
    assert (d.qualifier, d.ongoing) == ("since", True)


def test_a_figure_dated_after_its_bracketed_units_is_of_that_date() -> None:
    sentence = "The UAE had a gross domestic product of $ 403.2 billion ( AED 1.46 trillion ) in 2014 ."
    judged = judged_against("The UAE had a gross domestic product above $ 410 billion in 2018 .", sentence)
    assert judged.stance == "neutral" and judged.kind == "snapshot"


def test_a_count_broken_down_by_place() -> None:
    sentence = (
        "As of 6 April 2020 , in Bosnia and Herzegovina there were 696 confirmed cases , of which "
        "304 were in Republika Srpska , 379 in the Federation of Bosnia and Herzegovina , and 13 in "
        "Brčko District ."
    )
    # Each part counts cases, and each claim figure is read against its own place's.
    assert (
        judged_against("There were fewer than 310 cases in Republika Srpska .", sentence).stance == "supports"
    )
    assert (
        judged_against("There were more than 340 cases in Republika Srpska .", sentence).stance
        == "contradicts"
    )
    listed = (
        "There are 93 cases , 59 in Republika Srpska , and 34 in the Federation of Bosnia and Herzegovina ."
    )
    assert [sorted(q.unit) for q in extract(listed).quantities] == [["case"]] * 3
    # A month is no place: "6.8% higher in August" is not "rose 1.4% in August".
    prices = "Prices rose 1.4% in August from July and were 6.8% higher than a year earlier ."
    assert (
        judged_against("Prices were 6.8% higher in August than a year earlier .", prices).stance == "supports"
    )


def test_a_span_of_months_or_days_is_no_name() -> None:
    assert extract("Kelair carried 8.6 million passengers in the July-to-September quarter.").entities == {
        "kelair"
    }
    assert extract("The office opens Monday-Friday in Marseille.").entities == {"marseille"}
    # Names that begin as a month or a day does are still names.
    assert extract("The Marseille-Monaco match drew 60,000 fans.").entities == {"marseille-monaco"}
    assert extract("Mayweather beat Pacquiao.").entities == {"mayweather", "pacquiao"}


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # A race time is one length of time, to the second, however it is written.
        ("Tesfamariam won the marathon in 2:04:51.", "supports"),
        ("Tesfamariam won the marathon in 2:05:51.", "contradicts"),
    ],
)
def test_a_race_time_is_one_length_of_time(claim: str, stance: str) -> None:
    sentence = "Tesfamariam won the marathon on Sunday in 2 hours 4 minutes 51 seconds, a course record."
    assert judged_against(claim, sentence).stance == stance


def test_an_age_group_in_words_is_no_figure() -> None:
    # "children under five", like "children under 15", names a group.
    assert [q.text for q in extract("Seven people died, five of them children under five.").quantities] == [
        "Seven",
        "five",
    ]
    assert [q.text for q in extract("The share of children under 15 fell to 13.2%.").quantities] == ["13.2%"]


def test_a_preposition_ends_what_a_figure_counts() -> None:
    # "around the world" says where the vehicles are, not what is counted.
    (q,) = extract("Velden is recalling 412,000 vehicles around the world.").quantities
    assert q.unit == {"vehicle"}
    (q,) = extract("About 1,300 evacuees across the valley were housed in schools.").quantities
    assert q.unit == {"evacuee"}


def test_a_year_before_data_names_which_data() -> None:
    # "data" counts nothing in the singular: "the 2019 data retention law" is that year's law.
    assert [d.year for d in extract_dates("The court upheld the 2019 data retention law.")] == [2019]
    assert (
        stance(
            "The court upheld the 2019 data retention law.",
            "The court on Tuesday struck down a 2019 law that forced operators to keep phone data.",
        )
        == "contradicts"
    )


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        # Words that say one thing in news copy, one word or two against one.
        ("Velden is calling back 412,000 vehicles.", "Velden Motors is recalling 412,000 vehicles."),
        ("Corvaris Air called off 640 flights on Monday.", "Corvaris Air cancelled 640 flights on Monday."),
        ("Nine workers were hurt in the blast.", "The blast injured nine workers at the plant."),
        ("The company employs about 2,300 staff.", "The firm employs about 2,300 workers."),
        (
            "Police opened an investigation into the collapse of the Harlow bridge.",
            "Police opened an inquiry into the collapse of the Harlow bridge on Monday.",
        ),
    ],
)
def test_a_news_paraphrase_of_a_word_is_the_word(claim: str, evidence: str) -> None:
    assert stance(claim, evidence) == "supports"


def test_a_bill_turned_down_against_the_law_approved() -> None:
    # A bill passed is a law: the claim's act turned round is then read as one.
    claim = "Lower Vessen's regional parliament voted down the tiered water-pricing bill."
    lead = (
        "Lower Vessen's regional parliament on Thursday approved a law that will make households pay "
        "more for heavy water use, the region's biggest change to utility pricing since 2009."
    )
    assert stance(claim, lead) == "contradicts"


def test_two_small_changes_in_percent_are_compared_as_percentages() -> None:
    from verifier.changes import Factor, factor_agrees

    def rose(pct: float, text: str) -> Factor:
        return Factor(1 + pct / 100, text, 0, len(text))

    # As factors 1.033 and 1.014 are within the match ratio; as percentages they are far apart.
    assert factor_agrees(rose(3.3, "3.3%"), rose(1.4, "1.4%")) is False
    assert factor_agrees(rose(5.1, "5.1%"), rose(5.0, "5.0%")) is True
    # A factor said in words still meets a percentage at the factor's tolerance.
    assert factor_agrees(Factor(2.0, "doubled", 0, 7), rose(95, "95%")) is True
    j = FactJudge().assess(
        extract("Merovian apartment prices rose 5.1% over the past year."),
        extract("House prices in Merovia rose 1.4% in August from July."),
        0.7,
    )
    assert j.stance != "supports", j
