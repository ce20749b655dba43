"""transposed: two figures of one series on one day differ by two swapped digits."""
from __future__ import annotations

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_a_recalled_toll_with_two_digits_swapped_is_a_warning():
    claims = text_claims(
        ("Haiti earthquake toll soars\n\nLES CAYES, Haiti (Hispaniola Herald) - The death toll from Saturday's "
         "earthquake in southwestern Haiti jumped to 1,297 on Sunday, the Civil Protection agency said.",
         "2021-08-15"),
        ("Haiti counts its dead\n\nPORT-AU-PRINCE, Haiti (Caribbean Wire) - The Civil Protection agency raised "
         "the death toll from Saturday's earthquake to 1,419 on Monday. On Sunday night it had put the number "
         "of dead at 1,279.", "2021-08-16"),
    )
    [finding] = findings("transposed", claims)
    assert finding.severity is Severity.WARNING
    assert set(finding.values) == {1_297, 1_279} and "swapped" in finding.message


def test_a_toll_that_moved_within_the_day_is_no_misprint():
    assert problems("transposed", """
        doc | quote | place | as_of      | source
        a   | 1,297 | haiti | 2021-08-15 | civil_protection
        b   | 1,419 | haiti | 2021-08-15 | civil_protection
    """) == []


def test_one_article_giving_both_figures_is_not_read():
    assert problems("transposed", """
        doc | quote | place | as_of      | source
        a   | 1,279 | haiti | 2021-08-15 | civil_protection
        a   | 1,297 | haiti | 2021-08-15 | civil_protection
    """) == []


def test_small_figures_and_other_days_are_not_read():
    assert problems("transposed", """
        doc | quote | place | as_of      | source
        a   | 12    | haiti | 2021-08-15 | police
        b   | 21    | haiti | 2021-08-15 | police
        c   | 1,279 | haiti | 2021-08-15 | police
        d   | 1,297 | haiti | 2021-08-16 | police
    """) == []


def test_copies_of_one_misprint_are_reported_once():
    assert len(problems("transposed", """
        doc | quote  | as_of      | source
        a   | 67,174 | 2025-10-06 | gaza_health_ministry
        b   | 67,147 | 2025-10-06 | un
        c   | 67,147 | 2025-10-06 | unattributed
    """)) == 1
