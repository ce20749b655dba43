"""implausible_rate: a jump far beyond the growth the series itself shows."""
from __future__ import annotations

from conftest import findings, problems

STEADY = """
    doc | quote   | as_of
    a   | 27,708  | 2024-02-07
    b   | 27,840  | 2024-02-08
    c   | 27,960  | 2024-02-09
    d   | {last}  | 2024-02-10
"""


def test_steady_growth_passes():
    assert problems("implausible_rate", STEADY.format(last="28,100")) == []


def test_jump_far_beyond_the_series_growth():
    [problem] = problems("implausible_rate", STEADY.format(last="60,000"))
    assert problem.values == (27960, 60000) and "a day where the series otherwise grows by about" in problem.message


def test_short_history_says_nothing():
    assert problems("implausible_rate", """
        doc | quote  | as_of
        a   | 27,708 | 2024-02-07
        b   | 27,840 | 2024-02-08
        c   | 60,000 | 2024-02-09
    """) == []


def test_small_counts_need_a_real_jump():
    assert problems("implausible_rate", """
        doc | quote | group       | as_of
        a   | 10    | journalists | 2024-02-07
        b   | 11    | journalists | 2024-02-08
        c   | 12    | journalists | 2024-02-09
        d   | 40    | journalists | 2024-02-10
    """) == []


def test_factor_is_configurable():
    # 31,000 covers 30,500–31,499: at least 2,540 a day against a usual 132
    assert problems("implausible_rate", STEADY.format(last="31,000"), factor=20.0) == []
    assert len(problems("implausible_rate", STEADY.format(last="31,000"), factor=10.0)) == 1


def test_a_jump_in_the_first_weeks_of_a_series_is_a_note():
    # a wildfire's toll creeps, then jumps as the burned town is searched: a note in its first
    # weeks, a warning months on
    table = """
        doc | quote | as_of
        a   | 30    | {0}-10
        b   | 32    | {0}-11
        c   | 34    | {0}-12
        d   | 36    | {0}-13
        e   | 93    | {0}-14
    """
    [early] = findings("implausible_rate", table.format("2023-08"))
    assert early.severity.value == "info" and "began only days before" in early.message
    [late] = findings("implausible_rate", table.format("2023-08"), settling_days=2)
    assert late.severity.value == "warning"
