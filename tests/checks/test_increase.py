"""increase: a series that only falls (hostages held) goes up."""
from __future__ import annotations

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_falling_count_passes():
    assert problems("increase", """
        doc | quote | metric        | as_of      | scope
        a   | 136   | hostages_held | 2023-12-10 | current
        b   | 129   | hostages_held | 2023-12-20 | current
    """) == []


def test_rise_without_new_captures_is_reported_with_both_sources():
    [finding] = findings("increase", """
        doc | quote | metric        | as_of      | scope   | source
        a   | 129   | hostages_held | 2023-12-20 | current | unattributed
        b   | 132   | hostages_held | 2024-02-08 | current | israeli_officials
    """)
    assert finding.severity is Severity.WARNING and finding.values == (129, 132)
    assert "(unattributed)" in finding.message and "(israeli_officials)" in finding.message


def test_rise_explained_by_new_captures_in_between_passes():
    table = """
        doc | quote   | metric         | as_of      | scope
        a   | 129     | hostages_held  | 2023-12-20 | current
        b   | 132     | hostages_held  | 2024-02-08 | current
        c   | 240     | hostages_taken | 2023-12-01 | cumulative
        d   | {taken} | hostages_taken | 2024-01-15 | cumulative
    """
    assert problems("increase", table.format(taken="253")) == []
    assert len(problems("increase", table.format(taken="240"))) == 1


def test_about_figure_within_its_rounding_is_no_rise():
    assert problems("increase", """
        doc | quote      | metric        | as_of      | scope
        a   | about 130  | hostages_held | 2023-12-20 | current
        b   | 132        | hostages_held | 2024-01-08 | current
    """) == []


def test_rise_in_real_text():
    claims = text_claims(
        ("Israel says 129 hostages remain in Gaza.", "2023-12-20"),
        ("Israeli officials say 132 hostages are still held in Gaza.", "2024-02-08"))
    [finding] = findings("increase", claims)
    assert finding.values == (129, 132)


def test_a_rise_in_the_first_weeks_after_the_captures_is_a_note():
    """199 held on Oct 16, about 240 on Nov 11: the army was still confirming cases. The same
    rise a year on is a warning."""
    table = """
        doc | quote     | metric        | as_of      | scope
        a   | 199       | hostages_held | 2023-10-16 | current
        b   | 240       | hostages_held | {later}    | current
    """
    [early] = findings("increase", table.format(later="2023-11-11"))
    [late] = findings("increase", table.format(later="2024-10-16"))
    assert early.severity is Severity.INFO and "confirmed" in early.message
    assert late.severity is Severity.WARNING
