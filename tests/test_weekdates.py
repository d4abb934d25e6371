"""A weekday read as its date (verifier.weekdates) and the judge's reading of it."""

from __future__ import annotations

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.weekdates import weekday_dates

DECLARED = "Regional governor Sabine Krull declared a state of emergency on Wednesday."


def _dates(claim: str, sentence: str, published: str) -> list[tuple[int | None, int | None, int | None]]:
    ev = weekday_dates(extract(sentence), published, extract(claim))
    return [(d.year, d.month, d.day) for d in ev.dates]


def test_a_weekday_is_the_last_such_day_or_the_next_one_for_what_is_to_come() -> None:
    claim = "Krull declared a state of emergency on August 5."
    assert _dates(claim, DECLARED, "2026-08-06") == [(2026, 8, 5)]
    # The publication day itself, and "last Wednesday" a week before it.
    assert _dates(claim, DECLARED, "2026-08-05") == [(2026, 8, 5)]
    last = "Krull declared a state of emergency last Wednesday."
    assert _dates("Krull declared a state of emergency on July 29.", last, "2026-08-05") == [(2026, 7, 29)]
    mourning = "President Orlen declared three days of national mourning starting on Saturday."
    assert _dates("Three days of mourning begin on Saturday, May 24.", mourning, "2025-05-22") == [
        (2025, 5, 24)
    ]


def test_a_weekday_dates_only_the_claims_act_near_its_day() -> None:
    # Another act: winning a runoff is not being sworn in.
    won = "Ines Carrow won Port Sallow's mayoral runoff on Sunday."
    assert _dates("Ines Carrow will be sworn in as mayor on October 1.", won, "2025-09-29") == []
    # A month or a year is not dated by a weekday; nor a day weeks away; nor without a publication date.
    assert _dates("Krull declared a state of emergency in August.", DECLARED, "2026-08-06") == []
    assert _dates("Krull declared a state of emergency on June 5.", DECLARED, "2026-08-06") == []
    assert _dates("Krull declared a state of emergency on August 5.", DECLARED, "") == []
    # A date beside the weekday is read as written.
    both = "Krull declared a state of emergency on Wednesday, Aug. 5."
    assert [d.text for d in weekday_dates(extract(both), "2026-08-06", extract(both)).dates] == ["Aug. 5"]


def test_judge_compares_the_claims_day_with_the_weekdays_date() -> None:
    judge = FactJudge()
    ev = extract(DECLARED)
    j = judge.assess(
        extract("Governor Sabine Krull declared a state of emergency on August 5."), ev, 0.6, "", "2026-08-06"
    )
    assert (j.stance, j.kind) == ("supports", "date") and "Wednesday (August 5)" in j.reason, j
    j = judge.assess(
        extract("Governor Sabine Krull declared a state of emergency on August 4."), ev, 0.6, "", "2026-08-06"
    )
    assert j.stance == "contradicts" and "August 4" in j.reason, j


def test_the_last_such_weekday_includes_the_day_itself() -> None:
    import datetime

    from verifier.weekdates import last_weekday

    thursday = datetime.date(2026, 8, 6)
    assert last_weekday(thursday, "wednesday") == datetime.date(2026, 8, 5)
    assert last_weekday(thursday, "thursday") == thursday
    assert last_weekday(thursday, "friday") == datetime.date(2026, 7, 31)
