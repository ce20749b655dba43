"""Dates as reporters write them, resolved against the publication date: never in the future, never
with a silently assumed year when there is no publication date.
"""
from __future__ import annotations

from datetime import date

import pytest

from checker.dates import resolve

FRIDAY = date(2024, 3, 8)


@pytest.mark.parametrize("phrase, expected", [
    ("Tuesday", date(2024, 3, 5)),
    ("Friday", FRIDAY),  # the day of publication itself
    ("yesterday", date(2024, 3, 7)),
    ("March 3", date(2024, 3, 3)),
    ("3 March", date(2024, 3, 3)),
    ("Oct. 7", date(2023, 10, 7)),  # October 7 is still ahead in March 2024: last year's
    ("October 7, 2023", date(2023, 10, 7)),
    ("December 2023", date(2023, 12, 1)),
    ("2024-02-29", date(2024, 2, 29)),
    ("2023", date(2023, 12, 31)),
    ("2024", FRIDAY),  # a year not yet over ends, for now, on the reference date
    ("last year", date(2023, 12, 31)),
    ("the end of the year", date(2023, 12, 31)),
    ("by the end of last year", date(2023, 12, 31)),
])
def test_resolved_on_or_before_the_reference(phrase, expected):
    assert resolve(phrase, FRIDAY) == expected


def test_never_a_future_date():
    assert resolve("2025-01-01", FRIDAY) is None
    assert resolve("March 9, 2024", FRIDAY) is None


def test_no_reference_only_dates_that_carry_their_year():
    assert resolve("Tuesday", None) is None
    assert resolve("March 3", None) is None
    assert resolve("March 3, 2024", None) == date(2024, 3, 3)


def test_not_a_date():
    assert resolve("the ceasefire", FRIDAY) is None


@pytest.mark.parametrize("phrase, published, expected", [
    ("Christmas Eve", date(2025, 1, 8), date(2024, 12, 24)),
    ("Christmas Day", date(2024, 12, 27), date(2024, 12, 25)),
    ("New Year’s Eve", date(2025, 1, 2), date(2024, 12, 31)),
    ("New Year's Day", date(2025, 1, 2), date(2025, 1, 1)),
    ("Boxing Day", date(2024, 12, 20), date(2023, 12, 26)),  # never after publication
])
def test_holidays_on_a_fixed_day(phrase, published, expected):
    assert resolve(phrase, published) == expected



def test_a_day_of_last_year():
    assert resolve("October 7 last year", date(2024, 10, 19)) == date(2023, 10, 7)


def test_last_friday_is_the_latest_friday_before_the_day_never_the_day_itself():
    assert resolve("last Friday", date(2025, 9, 25)) == date(2025, 9, 19)  # a Thursday
    assert resolve("last Friday", date(2025, 9, 26)) == date(2025, 9, 19)  # a Friday
    assert resolve("Friday", date(2025, 9, 26)) == date(2025, 9, 26)
