"""decrease: a series that only rises goes down beyond what the intervals allow."""
from __future__ import annotations

import pytest

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_rising_toll_passes():
    assert problems("decrease", """
        doc | quote  | as_of      | source
        a   | 27,708 | 2024-02-07 | gaza_health_ministry
        b   | 27,840 | 2024-02-08 | gaza_health_ministry
    """) == []


def test_drop_beyond_the_intervals_is_an_error_naming_both_figures():
    [finding] = findings("decrease", """
        doc | quote  | as_of      | source
        a   | 27,840 | 2024-02-08 | gaza_health_ministry
        b   | 26,000 | 2024-02-10 | un
    """)
    assert finding.severity is Severity.ERROR
    assert finding.values == (27840, 26000) and finding.dates == ("2024-02-08", "2024-02-10")
    assert "27,840 on 2024-02-08 (gaza_health_ministry)" in finding.message
    assert "26,000 on 2024-02-10 (un)" in finding.message and "1,840 fewer (6.6%)" in finding.message


def test_small_drop_is_one_level_lower():
    [finding] = findings("decrease", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-08
        b   | 27,500 | 2024-02-10
    """)
    assert finding.severity is Severity.WARNING


def test_warning_below_is_configurable():
    [finding] = findings("decrease", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-08
        b   | 27,500 | 2024-02-10
    """, warning_below=0.001)
    assert finding.severity is Severity.ERROR


def test_nearly_20000_then_19667_is_no_decrease():
    assert problems("decrease", """
        doc | quote         | as_of
        a   | nearly 20,000 | 2023-12-20
        b   | 19,667        | 2024-01-02
    """) == []


def test_more_than_1200_then_1139_is_a_decrease():
    [problem] = problems("decrease", """
        doc | quote           | place  | as_of
        a   | more than 1,200 | israel | 2023-10-12
        b   | 1,139           | israel | 2023-12-15
    """)
    assert problem.values == (1200, 1139)


def test_official_revision_from_about_1400_to_about_1200_is_still_reported():
    [finding] = findings("decrease", """
        doc | quote       | place  | as_of      | source
        a   | about 1,400 | israel | 2023-10-20 | israeli_officials
        b   | about 1,200 | israel | 2023-11-10 | israeli_officials
    """)
    # the ±10% of "about" would overlap; as rounded figures they do not: reported, one level lower
    assert finding.severity is Severity.WARNING
    assert "revision" in finding.message and "200 fewer" in finding.message


def test_rounded_figure_covers_what_rounds_to_it():
    table = """
        doc | quote       | metric | as_of
        a   | 1.9 million | killed | 2023-12-20
        b   | {later}     | killed | 2023-12-27
    """
    assert problems("decrease", table.format(later="1,850,000")) == []
    assert len(problems("decrease", table.format(later="1,849,999"))) == 1


@pytest.mark.parametrize("earlier, later, severity, words", [
    # 1,032 women, then the ministry's 1,000: a fall as printed, though "1,000" could be a rounding
    # that covers 1,032; a level lower (a warning) for that reason
    ("1,032", "1,000", Severity.WARNING, "only as written"),
    # 12,500 wounded, then 12,493: within what the round figure's rounding explains, a note
    ("12,500", "12,493", Severity.INFO, "rounding"),
])
def test_a_round_figure_in_digits_is_read_as_written(earlier, later, severity, words):
    [finding] = findings("decrease", f"""
        doc | quote     | metric | as_of
        a   | {earlier} | killed | 2023-10-17
        b   | {later}   | killed | 2023-10-19
    """)
    assert finding.severity is severity and words in finding.message


def test_vague_plural_never_raises():
    assert problems("decrease", """
        doc | quote     | as_of
        a   | Thousands | 2023-10-20
        b   | 1,500     | 2023-10-25
        c   | hundreds  | 2023-10-30
    """) == []


def test_period_claims_never_enter_the_cumulative_series():
    assert problems("decrease", """
        doc | quote            | as_of      | scope
        a   | more than 71,000 | 2026-01-14 | cumulative
        b   | 447              | 2026-01-15 | period
    """) == []


def test_percentages_never_mix_with_counts():
    assert problems("decrease", """
        doc | quote  | as_of
        a   | 27,708 | 2024-02-07
        b   | 70%    | 2024-02-08
    """) == []


def test_a_series_that_may_fall_gives_a_note_not_a_contradiction():
    found = problems("decrease", """
        doc | quote     | metric    | as_of
        a   | 1,900,000 | displaced | 2023-12-20
        b   | 450,000   | displaced | 2024-05-09
    """)
    assert [p.values for p in found] == [(1_900_000, 450_000)]
    assert "may fall" in found[0].message and found[0].note


def test_undated_claims_are_left_out():
    assert problems("decrease", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-08
        b   | 26,000 |
    """) == []


def test_one_high_outlier_is_one_finding():
    [problem] = problems("decrease", """
        doc | quote   | as_of
        a   | 27,708  | 2024-02-07
        b   | 277,080 | 2024-02-08
        c   | 27,960  | 2024-02-09
        d   | 28,100  | 2024-02-10
    """)
    assert problem.values == (277080, 27960) and "1 later figure is also below it" in problem.message


def test_a_revision_the_text_states_is_a_note():
    claims = text_claims(
        ("Israeli officials said about 1,400 people were killed in Israel in the October 7 attack.", "2023-10-20"),
        ("Israel has revised the toll of the October 7 attack in Israel down to about 1,200 killed.",
         "2023-11-10"))
    [finding] = findings("decrease", claims)
    # the text states the revision: a note that says so, not a warning (issue 13)
    assert finding.values == (1400, 1200) and finding.severity is Severity.INFO
    assert "the text states that the figure was revised" in finding.message


def test_just_over_a_figure_is_not_much_over_it():
    # Syria's toll printed as "just over 1,400" weeks after 5,914: no more above 1,400 than "nearly" allows
    assert [f.values for f in problems("decrease", """
        doc | quote           | as_of      | source
        a   | 5,914           | 2023-02-24 | syria_health_ministry
        b   | just over 1,400 | 2023-03-13 | syria_health_ministry
    """)] == [(5914, 1400)]
    assert problems("decrease", """
        doc | quote           | as_of      | source
        a   | 5,914           | 2023-02-24 | syria_health_ministry
        b   | more than 1,400 | 2023-03-13 | syria_health_ministry
    """) == []


def test_a_bound_no_one_rounds_to_printed_after_a_higher_count_is_a_note():
    # "killing at least 373 people" two days after the agency counted 430: the count as it stood days
    # before, printed late; an editor sees it, but "at least" is no contradiction of 430
    [finding] = findings("decrease", """
        doc | quote        | as_of      | source
        a   | 430          | 2018-12-26 | bnpb
        b   | at least 373 | 2018-12-28 | unattributed
    """)
    assert finding.values == (430, 373) and finding.severity is Severity.INFO
    assert "lower bound" in finding.message
    # a round bound is a rounding, not a count
    assert problems("decrease", """
        doc | quote        | as_of      | source
        a   | 430          | 2018-12-26 | bnpb
        b   | at least 400 | 2018-12-28 | unattributed
    """) == []


def test_a_count_below_an_early_bound_is_a_note():
    # Oslo, 2011: "at least 87" on the first night, then the police's count of 86: the early figure was a bound
    [finding] = findings("decrease", """
        doc | quote        | as_of      | source
        a   | at least 87  | 2011-07-23 | unattributed
        b   | 86           | 2011-07-24 | police
    """)
    assert finding.severity is Severity.INFO and "is a bound" in finding.message
