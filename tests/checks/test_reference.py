"""reference: a claim disagrees with a reference series, with the likely cause named."""
from __future__ import annotations

from conftest import findings, problems, reference_frame, text_claims

REFERENCE = reference_frame("""
    date       | metric  | place | group    | value  | source
    2023-12-07 | killed  | gaza  | children | 7729   | gaza_health_ministry
    2023-12-20 | killed  | gaza  | children | 8000   | gaza_health_ministry
    2024-02-04 | killed  | gaza  | all      | 27365  | gaza_health_ministry
    2024-02-05 | killed  | gaza  | all      | 27478  | gaza_health_ministry
    2024-02-06 | killed  | gaza  | all      | 27585  | gaza_health_ministry
    2024-02-07 | killed  | gaza  | all      | 27708  | gaza_health_ministry
    2024-02-08 | killed  | gaza  | all      | 27840  | gaza_health_ministry
    2024-02-07 | injured | gaza  | all      | 67147  | gaza_health_ministry
""")


def test_figure_equal_to_the_days_bulletin_passes():
    assert problems("reference", """
        doc | quote  | as_of
        a   | 27,708 | 2024-02-07
    """, REFERENCE) == []


def test_news_may_lag_the_bulletin_by_lag_days():
    table = """
        doc | quote  | as_of
        a   | 27,478 | 2024-02-08
    """
    assert problems("reference", table, REFERENCE) == []
    [problem] = problems("reference", table, REFERENCE, lag_days=2)
    assert "stale figure" in problem.message and "3 days earlier" in problem.message


def test_transposed_digits_are_named():
    [finding] = findings("reference", """
        doc | quote            | metric  | as_of      | source
        a   | more than 67,174 | injured | 2024-02-07 | gaza_health_ministry
    """, REFERENCE)
    assert finding.severity.value == "warning"
    assert "off by +27" in finding.message and "transposed digits: 67,174 vs 67,147" in finding.message


def test_stale_subgroup_figure_is_named():
    [problem] = problems("reference", """
        doc | quote | group    | as_of
        a   | 7,729 | children | 2023-12-20
    """, REFERENCE)
    assert "stale subgroup figure" in problem.message and "2023-12-07, 13 days earlier" in problem.message


def test_figure_from_the_wrong_day_is_named():
    [problem] = problems("reference", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-06
    """, REFERENCE)
    assert "wrong day" in problem.message and "2024-02-08" in problem.message


def test_no_bulletin_in_the_window_no_comparison():
    assert problems("reference", """
        doc | quote  | as_of
        a   | 12,000 | 2024-03-01
    """, REFERENCE) == []


def test_series_the_reference_does_not_cover_is_not_compared():
    assert problems("reference", """
        doc | quote | place   | as_of
        a   | 3,000 | morocco | 2023-09-11
    """, REFERENCE) == []


def test_interval_claims_agree_when_the_reference_lies_inside():
    assert problems("reference", """
        doc | quote            | as_of
        a   | more than 27,000 | 2024-02-07
        b   | nearly 28,000    | 2024-02-08
    """, REFERENCE) == []


def test_period_counts_are_not_compared_with_cumulative_reference():
    assert problems("reference", """
        doc | quote | as_of      | scope
        a   | 123   | 2024-02-07 | period
    """, REFERENCE) == []


def test_copies_of_one_figure_are_one_finding():
    [problem] = problems("reference", """
        doc | quote  | metric  | as_of
        a   | 67,174 | injured | 2024-02-07
        b   | 67,174 | injured | 2024-02-07
    """, REFERENCE)
    assert len(problem.claim_ids) == 2


def test_transposed_digits_in_real_text():
    claims = text_claims(("The Gaza health ministry said 27,708 people had been killed and more than 67,174 "
                          "injured since October 7.", "2024-02-07"))
    [problem] = problems("reference", claims, REFERENCE)
    assert problem.values == (67174, 67147) and "transposed" in problem.message


def test_reference_rows_in_any_order_give_the_same_findings():
    table = """
        doc | quote            | metric  | group    | as_of
        a   | more than 67,174 | injured | all      | 2024-02-07
        b   | 7,729            | killed  | children | 2023-12-20
        c   | 27,840           | killed  | all      | 2024-02-06
        d   | 27,708           | injured | all      | 2024-02-07
    """
    in_order = problems("reference", table, REFERENCE)
    assert [p.message.split("likely ")[1].split(":")[0] for p in in_order] == [
        "transposed digits", "a stale subgroup figure", "a figure from the wrong day", "another series' figure"]
    assert "27,585 on 2024-02-06" in in_order[2].message  # the day's own bulletin, the latest in the window
    assert problems("reference", table, REFERENCE.iloc[::-1]) == in_order
    assert problems("reference", table, REFERENCE.sample(frac=1, random_state=3)) == in_order


def test_the_next_day_s_bulletin_quoted_is_a_note_and_two_days_on_a_warning():
    # an overnight bulletin: the article's "said on Tuesday" dates it a day before the reference does
    [next_day] = findings("reference", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-07
    """, REFERENCE)
    assert next_day.severity.value == "info" and "a day later" in next_day.message
    [two_days] = findings("reference", """
        doc | quote  | as_of
        a   | 27,840 | 2024-02-06
    """, REFERENCE)
    assert two_days.severity.value == "warning"


def test_a_figure_between_the_bulletins_around_its_day_is_a_note_and_one_outside_them_a_warning():
    # 27,650 on Feb 7: the morning's bulletin, between Feb 6's 27,585 and Feb 8's 27,840
    [within] = findings("reference", """
        doc | quote  | as_of      | source
        a   | 27,650 | 2024-02-07 | gaza_health_ministry
    """, REFERENCE)
    assert within.severity.value == "info" and "update issued within the day" in within.message
    [outside] = findings("reference", """
        doc | quote  | as_of      | source
        a   | 27,950 | 2024-02-07 | gaza_health_ministry
    """, REFERENCE)
    assert outside.severity.value == "warning"
