"""part_whole: a subgroup exceeds its whole on the same date."""
from __future__ import annotations

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_children_above_all_killed_is_an_error():
    [finding] = findings("part_whole", """
        doc | quote  | group    | as_of      | source
        a   | 10,000 | all      | 2023-11-05 | gaza_health_ministry
        b   | 12,000 | children | 2023-11-05 | unicef
    """)
    assert finding.severity is Severity.ERROR and finding.values == (12000, 10000)
    assert "12,000 children (unicef)" in finding.message and "at least" in finding.message


def test_subgroup_within_an_approximate_whole_passes():
    assert problems("part_whole", """
        doc | quote         | group    | as_of
        a   | nearly 20,000 | all      | 2023-12-20
        b   | 7,729         | children | 2023-12-20
    """) == []


def test_rounded_whole_covers_a_slightly_larger_part():
    assert problems("part_whole", """
        doc | quote  | group     | as_of
        a   | 20,000 | all       | 2023-12-20
        b   | 20,400 | civilians | 2023-12-20
    """) == []


def test_different_dates_are_not_compared():
    assert problems("part_whole", """
        doc | quote  | group    | as_of
        a   | 10,000 | all      | 2023-11-05
        b   | 12,000 | children | 2023-11-20
    """) == []


def test_vague_and_percent_parts_never_raise():
    assert problems("part_whole", """
        doc | quote     | group    | as_of
        a   | 200       | all      | 2023-11-05
        b   | thousands | children | 2023-11-05
        c   | 40%       | children | 2023-11-05
    """) == []


def test_part_above_whole_in_real_text():
    claims = text_claims(("The health ministry said 10,022 people have been killed in Gaza, including "
                          "12,000 children.", "2023-11-05"))
    assert [f.values for f in findings("part_whole", claims)] == [(12000, 10022)]


def test_attackers_killed_are_never_a_part_of_the_victims_toll():
    # Paris, 14 Nov 2015: "three people killed" at the Stade de France, and eight attackers dead
    assert problems("part_whole", """
        doc | quote | group     | as_of      | source
        a   | 3     | all       | 2015-11-14 | paris_prosecutor
        b   | 8     | attackers | 2015-11-14 | france_office
    """) == []


def test_groups_outside_totals_are_an_option_an_editor_can_empty():
    assert [f.values for f in findings("part_whole", """
        doc | quote | group     | as_of      | source
        a   | 3     | all       | 2015-11-14 | paris_prosecutor
        b   | 8     | attackers | 2015-11-14 | france_office
    """, outside_totals=[])] == [(8, 3)]


def test_a_part_is_set_against_its_own_article_s_whole_nearest_below_it():
    # Kanjuruhan: "about 180 injured" and "298 with lighter injuries" in one article; another
    # article's 7 injured children-only figure is not the whole the 298 is part of
    [problem] = problems("part_whole", """
        doc | quote     | metric  | group           | as_of
        a   | about 180 | injured | all             | 2022-10-02
        a   | 11        | injured | all             | 2022-10-02
        a   | 298       | injured | lightly_injured | 2022-10-02
        b   | 7         | injured | all             | 2022-10-02
    """)
    assert problem.values == (298, 180)


def test_a_breakdown_above_the_figure_its_sentence_breaks_down_is_an_error_whatever_either_counts():
    # the figures swapped: the ministry reported 147 hunger deaths, 88 of them children
    claims = text_claims(("The health ministry said 88 people have died of malnutrition since the war began, "
                          "including 147 children.", "2025-07-30"),
                         ("Hunger-related deaths in the Gaza Strip rose to 147 on Tuesday, 188 of them children, "
                          "the health ministry said.", "2025-07-29"),
                         ("Police said 12 of the 9 people killed in the attack were children.", "2024-03-25"))
    found = findings("part_whole", claims)
    assert sorted(f.values for f in found) == [(12, 9), (147, 88), (188, 147)]
    assert all(f.severity is Severity.ERROR for f in found)


def test_a_breakdown_of_a_list_s_total_is_not_one_of_its_last_item():
    # Dec 1, 2023: "among them 126 Israelis" breaks down the 137 held, not the two children
    claims = text_claims(("Government spokesman Eylon Levy said 137 hostages were still being held, 115 men, "
                          "20 women and two children, among them 126 Israelis and 11 foreign nationals.",
                          "2023-12-01"),)
    assert findings("part_whole", claims) == []


def test_a_part_of_the_dead_above_the_count_of_its_sentence_is_an_error():
    # Typhoon Yagi: "65 deaths and 39 missing, ... 72 of the dead were killed in landslides"
    claims = text_claims(("Earlier on Tuesday the national disaster agency had reported 65 deaths and 39 missing, and "
                          "said that 72 of the dead were killed in landslides and flash floods.", "2024-09-10"),)
    assert [f.values for f in findings("part_whole", claims)] == [(72, 65)]
