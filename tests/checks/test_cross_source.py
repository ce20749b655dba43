"""cross_source: two sources disagree on the same series within a few days."""
from __future__ import annotations

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_same_day_disagreement_names_each_source():
    [finding] = findings("cross_source", """
        doc | quote       | place  | as_of      | source
        a   | about 1,400 | israel | 2023-10-12 | israeli_officials
        b   | 1,139       | israel | 2023-10-12 | afp_tally
    """)
    assert finding.severity is Severity.WARNING
    assert "israeli_officials gives about 1,400" in finding.message and "afp_tally gives 1,139" in finding.message


def test_more_than_1200_and_1139_contradict():
    assert len(problems("cross_source", """
        doc | quote           | place  | as_of      | source
        a   | more than 1,200 | israel | 2023-12-15 | israeli_officials
        b   | 1,139           | israel | 2023-12-15 | afp_tally
    """)) == 1


def test_nearly_20000_and_19667_agree():
    assert problems("cross_source", """
        doc | quote         | as_of      | source
        a   | nearly 20,000 | 2023-12-20 | un
        b   | 19,667        | 2023-12-20 | gaza_health_ministry
    """) == []


def test_one_source_never_disagrees_with_itself_beyond_a_note():
    # (two outlets may print its figures of different hours; `test_one_sources_two_figures_...` below)
    assert [f.severity for f in findings("cross_source", """
        doc | quote  | as_of      | source
        a   | 27,708 | 2024-02-07 | gaza_health_ministry
        b   | 20,000 | 2024-02-07 | gaza_health_ministry
    """)] == [Severity.INFO]


def test_an_unattributed_figure_speaks_for_its_outlet_as_a_note():
    found = problems("cross_source", """
        doc | quote  | as_of      | source
        a   | 27,708 | 2024-02-07 | gaza_health_ministry
        b   | 20,000 | 2024-02-07 | unattributed
    """)
    assert [p.values for p in found] == [(27_708, 20_000)] and "unattributed" in found[0].note


def test_outside_the_window_no_finding():
    assert problems("cross_source", """
        doc | quote  | metric    | as_of      | source
        a   | 80,000 | displaced | 2024-05-06 | unrwa
        b   | 20,000 | displaced | 2024-05-09 | ocha
    """) == []
    assert len(problems("cross_source", """
        doc | quote  | metric    | as_of      | source
        a   | 80,000 | displaced | 2024-05-06 | unrwa
        b   | 20,000 | displaced | 2024-05-09 | ocha
    """, window_days=3)) == 1


def test_growth_of_the_series_is_allowed_for():
    table = """
        doc | quote  | as_of      | source
        a   | 27,019 | 2024-02-04 | gaza_health_ministry
        b   | 27,238 | 2024-02-05 | gaza_health_ministry
        c   | 27,478 | 2024-02-06 | gaza_health_ministry
        d   | 27,708 | 2024-02-07 | gaza_health_ministry
        e   | {later} | 2024-02-09 | who
    """
    # about 230 a day: two days later 28,150 is within growth and tolerance, 30,000 is not
    assert problems("cross_source", table.format(later="28,150"), tolerance=0.0) == []
    [problem] = problems("cross_source", table.format(later="30,000"), tolerance=0.0)
    assert "growth of about 235 a day" in problem.message


def test_syndicated_copies_count_once():
    [problem] = problems("cross_source", """
        doc | quote  | place  | as_of      | source
        a   | 1,400  | israel | 2023-10-12 | israeli_officials
        b   | 1,139  | israel | 2023-10-12 | afp_tally
        c   | 1,139  | israel | 2023-10-12 | afp_tally
        d   | 1,139  | israel | 2023-10-12 | afp_tally
    """)
    assert "3 copies of the afp_tally figure counted once" in problem.message


def test_later_fall_in_a_rising_series_is_left_to_decrease():
    assert problems("cross_source", """
        doc | quote  | as_of      | source
        a   | 27,840 | 2024-02-08 | gaza_health_ministry
        b   | 20,000 | 2024-02-09 | un
    """) == []


def test_disagreement_in_real_text():
    claims = text_claims(
        ("Israeli officials say about 1,400 people were killed in Israel on October 7.", "2023-10-12"),
        ("A total of 1,139 people were killed in Israel, according to an AFP tally.", "2023-10-12"))
    assert len(findings("cross_source", claims)) == 1


def test_a_hedged_figure_is_not_widened_twice():
    """UNHCR's "roughly 505,500" already allows 10% either way; the Polish border guard's "over
    575,000" the same morning lies beyond it: a disagreement, though the tolerance for an exact
    figure would have made the two meet."""
    [finding] = findings("cross_source", """
        doc | quote           | metric    | as_of      | source         | place
        a   | roughly 505,500 | displaced | 2022-03-03 | unhcr          | poland
        b   | over 575,000    | displaced | 2022-03-03 | border_guard   | poland
    """)
    assert finding.values in ((505500, 575000), (575000, 505500))


def test_two_ministries_disagreeing_are_found_beside_an_outlet_s_lower_figure():
    # the outlet's own 32 (identified dead) would pair with the highest figure as a note and
    # hide the two officials' figures, which disagree
    [warning] = [f for f in findings("cross_source", """
        doc | quote       | place       | as_of      | source
        a   | 90          | afghanistan | 2021-08-27 | afghanistan_health_ministry
        b   | at least 170| afghanistan | 2021-08-27 | health_officials
        b   | 32          | afghanistan | 2021-08-27 | unattributed
    """) if f.severity is Severity.WARNING]
    assert set(warning.values) == {90, 170}


def test_two_sources_counting_one_window_disagree():
    # Gaza, Oct 21 2025: killed since the ceasefire of Oct 11, by the health ministry and the media office
    [finding] = findings("cross_source", """
        doc | quote | scope  | period_start | as_of      | source
        a   | 87    | period | 2025-10-11   | 2025-10-21 | gaza_health_ministry
        b   | 97    | period | 2025-10-11   | 2025-10-21 | gaza_government_media_office
    """)
    assert finding.severity is Severity.WARNING and sorted(finding.values) == [87, 97]
    assert "since 2025-10-11" in finding.message


def test_counts_of_two_windows_never_meet():
    assert problems("cross_source", """
        doc | quote | scope  | period_start | as_of      | source
        a   | 87    | period | 2025-10-11   | 2025-10-21 | gaza_health_ministry
        b   | 673   | period | 2025-03-18   | 2025-10-21 | gaza_government_media_office
        c   | 40    | period |              | 2025-10-21 | un
    """) == []


def test_a_truce_dated_once_dates_the_article_s_later_since_the_ceasefire():
    claims = text_claims(("The health ministry said on Tuesday that 87 Palestinians had been killed since the truce "
                          "took effect on October 11. The Government Media Office said the same day that 97 people "
                          "had been killed since the ceasefire.", "2025-10-22"),)
    assert [(c.value, c.scope, c.period_start) for c in claims] == [(87, "period", "2025-10-11"),
                                                                    (97, "period", "2025-10-11")]


def test_a_window_s_lower_count_a_day_later_from_another_source_is_seen():
    # wounded since the ceasefire of Oct 11 2025: the health ministry's 311, the media office's 230 next day
    [finding] = findings("cross_source", """
        doc | quote | metric  | scope  | period_start | as_of      | source
        a   | 311   | injured | period | 2025-10-11   | 2025-10-21 | gaza_health_ministry
        b   | 230   | injured | period | 2025-10-11   | 2025-10-22 | gaza_government_media_office
    """)
    assert sorted(finding.values) == [230, 311]


def test_one_sources_two_figures_of_a_day_in_two_articles_are_a_note():
    # one outlet prints the ministry's toll of three days before as its latest
    [finding] = findings("cross_source", """
        doc | quote | as_of      | source
        a   | 3,785 | 2023-10-22 | gaza_health_ministry
        b   | 4,651 | 2023-10-22 | gaza_health_ministry
    """)
    assert finding.severity is Severity.INFO and finding.values in ((3785, 4651), (4651, 3785))
    assert "one source's figures of the day" in finding.message
    # copies of one figure agree
    assert problems("cross_source", """
        doc | quote | as_of      | source
        a   | 4,651 | 2023-10-22 | gaza_health_ministry
        b   | 4,651 | 2023-10-22 | gaza_health_ministry
    """) == []
