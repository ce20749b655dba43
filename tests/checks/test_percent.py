"""percent: a percentage beyond 100, or inconsistent with a count and a known population."""
from __future__ import annotations

from conftest import problems, text_claims


def test_share_above_100_percent():
    [problem] = problems("percent", """
        doc | quote | metric    | as_of
        a   | 120%  | displaced | 2024-02-07
    """)
    assert "120% is more than 100 percent" in problem.message


def test_share_at_most_100_percent_passes():
    assert problems("percent", """
        doc | quote | metric    | as_of
        a   | 100%  | displaced | 2024-02-07
        b   | 85%   | displaced | 2024-02-07
    """) == []


def test_share_consistent_with_count_and_population_passes():
    assert problems("percent", """
        doc | quote             | metric    | as_of
        a   | approximately 85% | displaced | 2024-02-07
        b   | 1.9 million       | displaced | 2024-02-05
    """, populations={"gaza": 2_200_000}) == []


def test_share_inconsistent_with_count_and_population():
    [problem] = problems("percent", """
        doc | quote       | metric    | as_of
        a   | 50%         | displaced | 2024-02-07
        b   | 1.9 million | displaced | 2024-02-07
    """, populations={"gaza": 2_200_000})
    assert problem.values == (50, 1900000) and "86% of the population of 2,200,000" in problem.message


def test_no_population_no_comparison():
    assert problems("percent", """
        doc | quote       | metric    | place | as_of
        a   | 50%         | displaced | rafah | 2024-02-07
        b   | 1.9 million | displaced | rafah | 2024-02-07
    """, populations={"gaza": 2_200_000}) == []


def test_share_of_the_killed_is_not_a_share_of_the_population():
    assert problems("percent", """
        doc | quote  | metric | group    | as_of
        a   | 70%    | killed | children | 2024-02-07
        b   | 12,300 | killed | children | 2024-02-07
    """, populations={"gaza": 2_200_000}) == []


def test_counts_outside_the_window_are_not_compared():
    assert problems("percent", """
        doc | quote       | metric    | as_of
        a   | 50%         | displaced | 2024-02-07
        b   | 1.9 million | displaced | 2023-12-20
    """, populations={"gaza": 2_200_000}) == []


def test_bundled_population_flags_real_text():
    claims = text_claims(("The UN says 1.9 million people have been displaced in Gaza. About 30% of Gazans "
                          "have been displaced, the report said.", "2023-12-20"))
    assert [p.values for p in problems("percent", claims, populations={"gaza": 2_200_000})] == [(30, 1900000)]
