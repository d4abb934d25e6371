"""Which measure a figure is given to: a value of "net debt" is no value of "net profit", and a
quarter's rank ("third-quarter profit") says when, not what, is measured."""

from __future__ import annotations

import pytest

from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()
TITLE = "Halcyra profit jumps 18% on data demand, shares hit record"
PROFIT = (
    "Net profit for the July-September period rose to 1.42 billion drax "
    "from 1.20 billion drax a year earlier."
)
DEBT = "Net debt fell to 18.7 billion drax at the end of September from 20.3 billion drax at the end of June."


def judged(claim: str, text: str, title: str = TITLE):
    return JUDGE.judge(claim, [Evidence(text, "d", title, "", "", 0, 0, len(text), 0.8)])[0]


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # Another measure, in the same unit: neither its value nor its change answers the claim.
        ("Halcyra's net profit rose to 1.42 billion drax.", DEBT, "neutral"),
        ("Halcyra shares fell 7.3%.", DEBT, "neutral"),
        ("Halcyra's net profit rose 18%.", DEBT, "neutral"),
        # The claim's measure named anywhere in the subject is read against it.
        ("Halcyra's net profit rose to 1.50 billion drax.", PROFIT, "contradicts"),
        ("Halcyra's net profit rose 18%.", PROFIT, "supports"),
        ("Halcyra's net debt fell to 19.5 billion drax.", DEBT, "contradicts"),
        # A large figure is read to its last written digit, never looser than a hundredth.
        ("Halcyra's revenue was 9.85 billion drax.", "Revenue was 9.75 billion drax.", "contradicts"),
        ("The town had 7,492 residents.", "The town had 7,450 residents.", "contradicts"),
        ("The US has 2,500 troops in Iraq.", "The US has 2,480 troops in Iraq.", "supports"),
        ("The firm earned 9.8 billion drax.", "The firm earned 9.75 billion drax.", "supports"),
    ],
)
def test_a_figure_of_another_measure_does_not_answer(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence).stance == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Reservoirs in southern Tarsenia were at 31% of capacity.", "supports"),
        ("Reservoirs in southern Tarsenia were at 58% of capacity.", "contradicts"),
    ],
)
def test_a_measure_is_the_noun_before_the_words_that_place_it(claim: str, stance: str) -> None:
    # Reservoirs "in southern Tarsenia" and "in the south" are both reservoirs, so the
    # sentence's 31% is their level, and the year-earlier 58% no rival of it.
    sentence = "Reservoirs in the south were at 31% of capacity, compared with 58% a year earlier."
    assert judged(claim, sentence, "Tarsenia cuts wheat forecast as drought bites").stance == stance


def test_a_quarters_rank_is_not_a_figure_the_sentence_must_repeat() -> None:
    verdict = judged("Halcyra's third-quarter net profit rose to 1.42 billion drax.", PROFIT)
    assert verdict.stance == "supports"
    # Another quarter is still another figure.
    other = judged(
        "Halcyra's second-quarter net profit was 1.42 billion drax.",
        "Halcyra's third-quarter net profit was 1.42 billion drax.",
    )
    assert other.stance == "contradicts"


UNION = (
    "The Federation of Rail Workers (FRW), which represents about 14,000 of the operator's "
    "19,500 employees, is demanding a 9% pay rise this year."
)


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # A part of a whole is a share of it, read against a claimed share of the same thing.
        ("The party won in 74% of the provinces.", "The party won in 14 of the 19 provinces.", "supports"),
        ("The party won in 40% of the provinces.", "The party won in 14 of the 19 provinces.", "contradicts"),
        ("The FRW represents half of the operator's employees.", UNION, "contradicts"),
        # "about 14,000" leaves 64-79%: not enough to settle "more than 70%", and the pay
        # rise's 9% is no share of the staff.
        ("The FRW represents more than 70% of the operator's employees.", UNION, "neutral"),
        ("The FRW wants a 9% pay rise.", UNION, "supports"),
        # A share of something else is not read against the part.
        ("Turnout was 60%.", "The party won in 14 of the 19 provinces.", "neutral"),
    ],
)
def test_a_part_of_a_whole_is_a_share_of_it(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence).stance == stance


def test_the_share_is_explained_by_its_two_figures() -> None:
    reason = judged(
        "The party won in 40% of the provinces.", "The party won in 14 of the 19 provinces."
    ).reason
    assert reason == "claim says 40%; the evidence says 14 of the 19 (74%)"


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # An amount of change is read off the change's two ends, never against either end.
        ("Net profit rose by 220 million drax.", PROFIT, "supports"),
        ("Net profit rose by 500 million drax.", PROFIT, "contradicts"),
        ("Net profit fell by 220 million drax.", PROFIT, "contradicts"),
        ("Net debt fell by 1.6 billion drax.", DEBT, "supports"),
        ("Net debt fell by about 1.5 billion drax.", DEBT, "supports"),
        ("Net debt fell by 3 billion drax.", DEBT, "contradicts"),
        # The ends are still levels: a level claimed is read against them as before.
        ("Net profit was 1.42 billion drax.", PROFIT, "supports"),
        ("The company cut 1,200 jobs.", "The company will shed 1,200 jobs.", "supports"),
    ],
)
def test_an_amount_of_change_is_read_off_its_ends(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence).stance == stance


def test_an_amount_is_no_level() -> None:
    # Before, "rose by 220 million" was contradicted by the 1.20 billion it rose from.
    verdict = judged("Net profit rose by 220 million drax.", PROFIT)
    assert verdict.reason == "states from 1.20 billion to 1.42 billion"


RANKS = "Kovac will rise to No. 6 in the world rankings on Monday from No. 14."


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # "No. 6" is a rank, and a move up a ranking is read off its two ranks.
        ("Kovac will climb eight places in the world rankings.", "supports"),
        ("Kovac will climb three places in the world rankings.", "contradicts"),
        ("Kovac will drop eight places in the world rankings.", "contradicts"),
        ("Kovac will rise to No.6 in the world rankings.", "supports"),
        ("Kovac will rise to No.5 in the world rankings.", "contradicts"),
    ],
)
def test_a_move_in_a_ranking_is_read_off_its_ranks(claim: str, stance: str) -> None:
    assert judged(claim, RANKS, "Kovac wins Ardena Open").stance == stance


def test_a_numbered_rank_is_no_name() -> None:
    from verifier.facts import extract

    facts = extract("Kovac will rise to No.5 in the world rankings.")
    assert facts.entities == frozenset({"kovac"})
    assert [(q.text, q.value) for q in facts.quantities] == [("No.5", 5.0)]


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # The measure named before its change and period counts the level the change reached.
        (
            "Calvera had 11.84 million inhabitants on census day.",
            "Calvera's population grew 3.2 percent over the past decade to 11.84 million, with all "
            "of the increase coming from immigration.",
            "supports",
        ),
        (
            "Calvera had 12.4 million inhabitants on census day.",
            "Calvera's population grew 3.2 percent over the past decade to 11.84 million, with all "
            "of the increase coming from immigration.",
            "contradicts",
        ),
        # "The number of X" counts a verb's figure told after a long clause.
        (
            "By April 13, 2020, there were more than 700 cases of coronavirus in the sultanate.",
            "As of 13 April 2020, the total number of cases registered in the sultanate is 727.",
            "supports",
        ),
        # ... and not a figure an "of" phrase names: "by an average of 6.1" counts the average.
        (
            "In the trial, Calvrex reduced monthly migraine days by an average of 2.9.",
            "In a late-stage trial, Calvrex cut the number of monthly migraine days by an average of "
            "6.1, compared with 2.9 for a placebo.",
            "contradicts",
        ),
    ],
)
def test_the_measure_a_figure_is_the_level_of(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence, title="").stance == stance


def test_jobs_are_positions_and_workers_are_employees() -> None:
    j = judged(
        "14 workers of the plant were taken to hospital.",
        "14 employees of the plant were taken to hospital.",
        "",
    )
    assert j.stance == "supports", j
    j = judged("The bank will cut 600 positions.", "The bank will cut 900 jobs.", "")
    assert j.stance == "contradicts", j


IPO_TITLE = "Quillon shares jump 19% in Tavren debut after $1.4 billion IPO"
SESSION = "The stock opened at $38.50, rose as high as $41.20 in the first hour and ended the day at $36.80."


@pytest.mark.parametrize(
    ("claim", "stance", "said"),
    [
        # What a session "ended" at is its close, not the open before it.
        ("Quillon shares ended their first trading day at $38.50.", "contradicts", "'ended'"),
        ("Quillon shares ended their first trading day at $36.80.", "supports", "$36.80"),
        ("Quillon shares opened at $36.80.", "contradicts", "'opened'"),
    ],
)
def test_a_sessions_end_is_its_close(claim: str, stance: str, said: str) -> None:
    j = judged(claim, SESSION, IPO_TITLE)
    assert j.stance == stance and said in j.reason, j


def test_a_share_price_is_no_value_of_the_sum_an_offering_raised() -> None:
    # Ten thousand times apart is another measure, not a wrong figure; a thousand times (a
    # scale word mistaken) still contradicts.
    lead = "Shares in Quillon closed 18.7% above their offer price, after an offering raised $1.4 billion."
    assert judged("Quillon shares ended their first day at $38.50.", lead, IPO_TITLE).stance != "contradicts"
    assert judged("The Quillon offering raised $1.4 million.", lead, IPO_TITLE).stance == "contradicts"


CANAL = "It was the longest closure of the canal since 1998, when a sunken dredger blocked it for nine days."


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # "since 1998, when …" tells of the 1998 closure: its nine days are not this one's.
        ("The four-day shutdown was the canal's longest closure since 1998.", "neutral"),
        ("The closure of the canal lasted nine days.", "neutral"),
    ],
)
def test_a_figure_of_the_event_a_since_clause_recalls_is_not_the_news(claim: str, stance: str) -> None:
    j = judged(claim, CANAL, "Ship refloated in Halvard Canal after four-day blockage")
    assert j.stance == stance and (j.tentative is None or j.tentative.stance == "neutral"), j


def test_a_claim_naming_the_recalled_events_year_is_read_against_its_figures() -> None:
    j = judged("The 1998 closure of the canal lasted five days.", CANAL, "Ship refloated in Halvard Canal")
    reading = j if j.stance != "neutral" else j.tentative
    assert reading is not None and reading.stance == "contradicts" and "nine days" in reading.reason, j


STAKES = (
    "Co-founder and chief technology officer Noor Haldane keeps a stake of about 14% after the "
    "listing, while Falk holds about 11%."
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # A later clause about another named subject gives that subject's figure.
        ("Noor Haldane holds a stake of about 11% in Quillon.", "contradicts"),
        ("Noor Haldane holds a stake of about 14% in Quillon.", "supports"),
        ("Falk holds a stake of about 11% in Quillon.", "supports"),
    ],
)
def test_a_figure_in_another_subjects_clause_is_theirs(claim: str, stance: str) -> None:
    assert judged(claim, STAKES, IPO_TITLE).stance == stance


CENSUS = (
    "People aged 65 and over now make up 22.7% of the population, up from 18.9% a decade ago, "
    "while the share of children under 15 fell to 13.2% from 14.6%."
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # "make up" is no rise, "children under 15" is a group and no figure, and a claim in
        # the present tense speaks of the share now, not the old value of its change.
        ("Children under 15 make up 13.2% of Ostrania's population.", "supports"),
        ("Children under 15 make up 14.6% of Ostrania's population.", "contradicts"),
        (
            "People aged 65 and over make up 22.7% of the population, and children under 15 make up 13.2%.",
            "supports",
        ),
    ],
)
def test_a_share_a_group_makes_up(claim: str, stance: str) -> None:
    assert judged(claim, CENSUS, "Ostrania's population falls to 8.31 million").stance == stance


GRANTS = (
    "Medical and life sciences received 38% of the grant money, engineering 29%, natural sciences "
    "21%, and social sciences and humanities 12%."
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # Each item of a list is the figure after its label.
        ("Medical and life sciences received 38% of the grant money and engineering 21%.", "contradicts"),
        ("Medical and life sciences received 38% of the grant money and engineering 29%.", "supports"),
    ],
)
def test_a_list_gives_each_figure_to_its_label(claim: str, stance: str) -> None:
    assert judged(claim, GRANTS, "Valdria research funding table").stance == stance


@pytest.mark.parametrize(
    ("claim", "text", "stance"),
    [
        # "N years old" is an age, as "Name, N," and "aged N" are.
        ("Varga is 22 years old.", "Varga, 22, saved two break points in the deciding set.", "supports"),
        ("Varga is 23 years old.", "Varga, 22, saved two break points in the deciding set.", "contradicts"),
        ("The champion is 30 years old.", "The champion, aged 31, retired on Sunday.", "contradicts"),
        # "the average age of buyers rose to 34 from 31 a decade ago": 34 is the age now, 31
        # the age then ("a decade ago" is when, not "per decade").
        (
            "The average first-time buyer is now 34 years old.",
            "The average age of a first-time buyer climbed to 34 from 31 a decade ago.",
            "supports",
        ),
    ],
)
def test_an_age_said_in_years_old_is_an_age(claim: str, text: str, stance: str) -> None:
    assert judged(claim, text, "").stance == stance


@pytest.mark.parametrize(
    ("claim", "text", "stance"),
    [
        # A forecast figure answers a claim about the forecast.
        (
            "Analysts had forecast a profit of 2.1 billion.",
            "Analysts had forecast a profit of 1.9 billion.",
            "contradicts",
        ),
        (
            "The bank now projects economic growth of 1.1% this year.",
            "The bank cut its projection for economic growth this year to 1.1% from 1.4%.",
            "supports",
        ),
        # A possible figure answers a claim of what is possible, not what came about.
        (
            "Insured losses from the fires could reach 900 million escudos.",
            "Insurers said insured losses from the fires could reach 900 million escudos.",
            "supports",
        ),
        (
            "Insured losses from the fires came to 900 million escudos.",
            "Insurers said insured losses from the fires could reach 900 million escudos.",
            "neutral",
        ),
        # "put the country's population at": the population, as "put the population at" is.
        (
            "The 2024 census put the country's population at 8.31 million.",
            "The country's population fell to 8.31 million, the first results of the 2024 census show.",
            "supports",
        ),
    ],
)
def test_a_forecast_figure_answers_only_a_forecast(claim: str, text: str, stance: str) -> None:
    assert judged(claim, text, "").stance == stance


def test_a_forecast_figure_is_not_the_one_that_came_about() -> None:
    j = judged(
        "Ostrania's 2024 census put the country's population at 8.31 million.",
        "The result was better than the office's own 2019 projection, which had forecast a population "
        "of 8.19 million for 2024.",
        "Ostrania's population falls to 8.31 million in first census since 2015",
    )
    # Not even read loosely: the loose reading feeds the model combination.
    assert j.stance == "neutral" and (j.tentative is None or j.tentative.stance != "contradicts")
