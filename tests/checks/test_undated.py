"""undated: claims that could not be placed in time are listed, never guessed."""
from __future__ import annotations

from checker.model import Severity

from conftest import findings, problems, text_claims


def test_undated_claim_is_listed_as_info():
    [finding] = findings("undated", """
        doc | quote | as_of
        a   | 12    |
        b   | 30    | 2024-02-07
    """)
    assert finding.severity is Severity.INFO and finding.values == (12,) and finding.dates == ()


def test_dated_claims_are_not_listed():
    assert problems("undated", """
        doc | quote | as_of
        a   | 12    | 2024-02-07
    """) == []


def test_document_without_a_date_in_real_text():
    claims = text_claims(("Twelve people were killed in the strike on Rafah, the civil defence said.", None))
    assert [p.values for p in problems("undated", claims)] == [(12,)]
