"""Who did or said it: someone else doing or saying what the claim says contradicts it."""

from __future__ import annotations

import pytest

from verifier.agents import claim_agent, other_agent
from verifier.facts import extract
from verifier.judge import FactJudge


def test_the_claims_subject_is_read_with_what_they_did() -> None:
    agent = claim_agent("Police spokeswoman Annika Bors ordered security reviews at all 32 state museums.")
    assert agent is not None and agent.name == "Annika Bors" and agent.act.startswith("ordered security")
    assert agent.introduced  # "Police spokeswoman" says she is a person
    assert claim_agent("Finance Minister Petr Halloway said inflation was high.").name == "Petr Halloway"
    # What someone is, a name in the middle of a claim, and a club are no one's act.
    assert claim_agent("Annika Bors is the police spokeswoman.") is None
    assert claim_agent("The final was played between Harwick Rovers and Dunmore City on Saturday.") is None
    assert claim_agent("Astrand City won the Valdorian Cup final 3-1.") is None
    # A cleft names its subject for emphasis; "it was" before anything else is no one's act.
    cleft = claim_agent("It was finance director Mats Ekholm who told analysts that the cuts were a mistake.")
    assert cleft is not None and cleft.name == "Mats Ekholm" and cleft.act.startswith("told analysts")
    assert claim_agent("It was a mistake that Mats Ekholm made.") is None


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        (
            "Police spokeswoman Annika Bors ordered security reviews at all 32 state museums.",
            "Culture Minister Rosa Ellmann ordered security reviews at all 32 state-run museums.",
            ("Annika Bors", "Rosa Ellmann"),
        ),
        (
            "Customs broker Ivo Marsh received a suspended two-year sentence after cooperating with "
            "investigators.",
            "Former port director Lukas Fenner, 51, received a two-year suspended sentence after cooperating "
            "with investigators, while Daria Kosztin was jailed.",
            ("Ivo Marsh", "Lukas Fenner"),
        ),
        (
            "Finance Minister Petr Halloway said inflation was proving more stubborn than expected.",
            '"Inflation is proving more stubborn than we anticipated," Governor Ilsa Drobnek, 58, '
            "told reporters.",
            ("Petr Halloway", "Ilsa Drobnek"),
        ),
        # A wire story's second mention: the surname alone after the quote.
        (
            "Finance Minister Petr Halloway said he would do whatever was necessary to bring inflation "
            "back to target.",
            '"We will do whatever is necessary to bring inflation back to target," Drobnek said.',
            ("Petr Halloway", "Drobnek"),
        ),
        # ... but not a pronoun, nor the claimed person's own surname.
        (
            "Finance Minister Petr Halloway said he would do whatever was necessary to bring inflation "
            "back to target.",
            '"We will do whatever is necessary to bring inflation back to target," He said.',
            None,
        ),
        (
            "Finance Minister Petr Halloway said he would do whatever was necessary to bring inflation "
            "back to target.",
            '"We will do whatever is necessary to bring inflation back to target," Halloway said.',
            None,
        ),
        # A claim that does not show its speaker is a person is not set against a bare surname.
        (
            "Petr Halloway said he would do whatever was necessary to bring inflation back to target.",
            '"We will do whatever is necessary to bring inflation back to target," Drobnek said.',
            None,
        ),
        # The claimed person is in the sentence: what they did is for the other checks.
        (
            "Customs broker Ivo Marsh received a suspended sentence after cooperating with investigators.",
            "Customs broker Ivo Marsh received a suspended sentence after cooperating with investigators.",
            None,
        ),
        # A body's initials before the speaker's role.
        (
            "Transport commissioner Ines Varga said the bridge belongs to the public even if the "
            "tollbooths do not.",
            '"The bridge belongs to the public, even if the tollbooths do not," said ADAM president '
            "Henrik Olsen outside the court.",
            ("Ines Varga", "Henrik Olsen"),
        ),
        # The verb counts among the words repeated: with it, two words of its object are enough.
        (
            "Police chief Tomas Hruby suspended the prison's governor.",
            "Justice Minister Irena Vavra suspended the prison's governor, Jan Sedlak, on Thursday.",
            ("Tomas Hruby", "Irena Vavra"),
        ),
        (
            "Police chief Tomas Hruby suspended the governor.",
            "Justice Minister Irena Vavra suspended the governor.",
            None,
        ),
        # A news synonym of the act's word says it too.
        (
            "Falcons captain Tobias Renner kicked the match-winning penalty.",
            "Fly-half Rhys Ambrose kicked the decisive penalty from 38 metres with 40 seconds left.",
            ("Tobias Renner", "Rhys Ambrose"),
        ),
        (
            "Falcons captain Tobias Renner kicked the match-winning penalty.",
            "Fly-half Rhys Ambrose kicked the first penalty from 38 metres.",
            None,
        ),
        # Too little was said to tell one act from another.
        ("Mayor Tom Hale said he was pleased.", "Governor Ann Berg said she was pleased.", None),
        # Another act by another person.
        (
            "Police spokeswoman Annika Bors ordered security reviews at all 32 state museums.",
            "Culture Minister Rosa Ellmann ordered a new roof for the opera house.",
            None,
        ),
        # The same verb, but the claim's words come later, in another clause.
        (
            "Police spokeswoman Annika Bors ordered security reviews at all museums.",
            "Culture Minister Rosa Ellmann ordered calm; security reviews at all museums began later.",
            None,
        ),
    ],
)
def test_another_person_doing_or_saying_it_is_found(
    claim: str, sentence: str, expected: tuple | None
) -> None:
    assert other_agent(claim, sentence) == expected


def test_a_misattributed_act_contradicts_the_claim() -> None:
    claim = extract("Police spokeswoman Annika Bors ordered security reviews at all 32 state museums.")
    sentence = extract("Culture Minister Rosa Ellmann ordered security reviews at all 32 state-run museums.")
    j = FactJudge().assess(claim, sentence, 0.4)
    assert j.stance == "contradicts" and j.kind == "role", j
    assert "Rosa Ellmann, not Annika Bors" in j.reason
    # A name after a nationality and a title is still the claim's subject, not a missing name.
    claim = extract('Velmari Defence Minister Tomas Ruvik described the deal as "a victory for patience".')
    sentence = extract(
        'Corvanian President Ilse Marholm, who hosted the talks, called the deal "a victory for patience".'
    )
    j = FactJudge().assess(claim, sentence, 0.5)
    assert j.stance == "contradicts" and "Ilse Marholm, not Tomas Ruvik" in j.reason, j


def test_the_claimed_winner_named_as_beaten_contradicts() -> None:
    from verifier.agents import other_winner

    lead = "Harwick Rovers won the National Cup on Saturday, coming back to beat holders Dunmore City 2-1."
    assert other_winner("Dunmore City won this year's National Cup final.", lead) == (
        "Dunmore City",
        "Harwick Rovers",
    )
    assert other_winner("Harwick Rovers won the National Cup final.", lead) is None
    # A career's count of titles is not one contest.
    assert other_winner("Dunmore City won four National Cup titles.", lead) is None
    j = FactJudge().assess(extract("Dunmore City won this year's National Cup final."), extract(lead), 0.7)
    assert j.stance == "contradicts" and j.kind == "role" and "Harwick Rovers won" in j.reason, j


def test_the_claimed_loser_named_as_the_winner_contradicts() -> None:
    from verifier.agents import winner_as_loser

    # nw15 sf-16: "lost ... to" against "beat": the score matches, who won does not.
    lead = "Torvane Rovers beat Port Linden City 3-1 in the Vellmar Cup final on Saturday."
    claim = "Torvane Rovers lost the Vellmar Cup final 3-1 to Port Linden City."
    assert winner_as_loser(claim, lead) == ("Torvane Rovers", "Port Linden City")
    assert winner_as_loser("Torvane Rovers were beaten by Port Linden in the final.", lead) is not None
    assert winner_as_loser("Port Linden City lost the Vellmar Cup final 3-1 to Torvane Rovers.", lead) is None
    j = FactJudge().assess(extract(claim), extract(lead), 0.7)
    assert j.stance == "contradicts" and j.kind == "role" and "Torvane Rovers beat" in j.reason, j


def test_the_claimed_winner_beaten_by_the_claimed_loser_contradicts() -> None:
    from verifier.agents import winner_as_loser

    lead = (
        "Dalia Marsk of Ostravia became the youngest winner of the Continental Chess Championship "
        "on Sunday, beating defending champion Yevgen Koltar in a rapid tiebreak."
    )
    assert winner_as_loser("Koltar beat Marsk to keep his continental title.", lead) == ("Marsk", "Koltar")
    assert winner_as_loser("Marsk beat Koltar to win the title.", lead) is None
    # Other meetings than the story's, or a sentence that reports one each way.
    assert winner_as_loser("Koltar beat Marsk in both of their previous meetings.", lead) is None
    assert (
        winner_as_loser("Rovers beat City 2-1.", "City beat Rovers 3-0 in 2009, and Rovers beat City 2-1.")
        is None
    )


def test_a_title_kept_is_a_title_won() -> None:
    from verifier.agents import other_winner

    lead = (
        "Sanna Ilves of Korvia won the Brenna Open title on Sunday, beating world No. 2 and "
        "holder Tova Lind 7-5 6-3."
    )
    assert other_winner("Tova Lind successfully defended her Brenna Open title.", lead) == (
        "Tova Lind",
        "Sanna Ilves",
    )
    assert other_winner("Tova Lind retained the Brenna Open title.", lead) == ("Tova Lind", "Sanna Ilves")
    # Defending something else is not winning.
    assert other_winner("Tova Lind defended her decision to skip the clay season.", lead) is None
    # Another year's contest than the sentence's.
    assert other_winner("Tova Lind won the Brenna Open in 2021 and 2022.", lead) is None


def test_a_winner_with_a_role_before_the_name_and_a_rival_left_behind() -> None:
    from verifier.agents import other_winner

    race = (
        "Dobrescu, a 31-year-old physiotherapist from Rhenford who trains around her job, won the "
        "women's race in 2:21:40, pulling clear of defending champion Ruth Chelimo in the final 5 km."
    )
    claim = "Defending champion Ruth Chelimo won the women's race in Rhenford."
    assert other_winner(claim, race) == ("Ruth Chelimo", "Dobrescu")
    # A name of two capitalised words is still the name, not a role and a name.
    assert other_winner(
        "Dunmore City won the race.", "Harwick won the race, finishing ahead of Dunmore City."
    ) == (
        "Dunmore City",
        "Harwick",
    )
    assert (
        other_winner("Ruth Chelimo won the women's race.", "Chelimo won the women's race in 2:21:40.") is None
    )


def test_a_charge_is_said_and_a_speaker_may_be_introduced_by_a_clause() -> None:
    from verifier.agents import other_agent

    sentence = (
        "Naomi Achterberg, who represents Lumora workers at the Ardenian Technical Employees' Union, "
        'said the company was "using AI as a cover for cost-cutting".'
    )
    claim = (
        "Oriane Leclerc, the union representative, accused the company of using AI as cover for cost-cutting."
    )
    assert other_agent(claim, sentence) == ("Oriane Leclerc", "Naomi Achterberg")
    # What was said must be the charge's words.
    assert other_agent("Oriane Leclerc accused the company of breaking the law.", sentence) is None


def test_what_one_called_something_is_said_and_a_role_may_stand_in_apposition() -> None:
    from verifier.agents import other_agent

    sentence = (
        'Vesna Mirkov, head of the Tarsenian Farmers\' Federation, said the aid was "a drop in the ocean" '
        "and called for a freeze on farm loan repayments."
    )
    claim = "Agriculture Minister Goran Telessi called the emergency aid a drop in the ocean."
    assert other_agent(claim, sentence) == ("Goran Telessi", "Vesna Mirkov")
    # The one who said it is no one else.
    assert other_agent("Vesna Mirkov called the emergency aid a drop in the ocean.", sentence) is None


def test_a_name_set_off_by_commas_after_a_post_is_the_one_who_said_or_did_it() -> None:
    from verifier.agents import other_agent

    said = (
        "The team's coach, former sprint champion Ilse Varno, said her rider would miss next week's "
        "stage race in Dorvik."
    )
    claim = "Race director Paul Ostrem said the rider would miss next week's stage race in Dorvik."
    assert other_agent(claim, said) == ("Paul Ostrem", "Ilse Varno")
    did = "The opposition, whose leader, Mara Lindt, campaigned on a pledge to cut fuel duty, came second."
    assert other_agent("Tomas Feld campaigned on a pledge to cut fuel duty.", did) == (
        "Tomas Feld",
        "Mara Lindt",
    )
    # A name after a comma that opens the sentence's clause, not an apposition, is not read so.
    assert (
        other_agent(
            "Tomas Feld campaigned on a pledge to cut fuel duty.", "Mara Lindt, campaigned on a pledge."
        )
        is None
    )


def test_a_charge_in_the_claims_own_verb_by_someone_set_off_by_a_post() -> None:
    who = "Petar Solvik, head of the Rhuvenian Miners' Union,"
    sentence = f"{who} accused Drummel of putting output ahead of safety."
    claim = "Chief inspector Runa Kvist accused Drummel of putting production ahead of safety."
    assert other_agent(claim, sentence) == ("Runa Kvist", "Petar Solvik")
    assert other_agent("Chief inspector Runa Kvist accused Drummel of breaking the law.", sentence) is None


def test_the_claimed_speaker_after_a_body_and_its_post() -> None:
    # the body's name, its post, then the person; or the post, then the name set off by commas
    agent = claim_agent("Norrin Lines chief executive Paulo Verrick said the crews were heroes.")
    assert agent is not None and agent.name == "Paulo Verrick" and agent.introduced
    agent = claim_agent(
        "Arvelle's chief financial officer, Jonas Brekke, told analysts that fibre paid the bills."
    )
    assert agent is not None and agent.name == "Jonas Brekke" and agent.act.startswith("told analysts")
    # a verb before a body's name is the act, not a post
    agent = claim_agent("Coast guard spokesman Aris Tolen suspended Dellaport Lines' operating licence.")
    assert agent is not None and agent.name == "Aris Tolen"
