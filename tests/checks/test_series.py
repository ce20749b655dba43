"""series: claims as intervals (rounding margins, the rounded reading of "about") and the running series."""
from __future__ import annotations

import math

from checker.extract import claims_frame
from checker.series import intervals, timeline

from conftest import claim_list


def _bounds(quote: str, column: str = "lo") -> tuple[float, float]:
    frame = intervals(claims_frame(claim_list(f"quote | as_of\n{quote} | 2024-01-01")))
    suffix = "_r" if column == "lo_r" else ""
    return frame[f"lo{suffix}"].iloc[0], frame[f"hi{suffix}"].iloc[0]


def test_rounded_figures_cover_what_rounds_to_them():
    assert _bounds("1.9 million") == (1_850_000, 1_949_999)
    assert _bounds("1,200") == (1_150, 1_249)
    assert _bounds("27,708") == (27_708, 27_708)
    assert _bounds("80") == (80, 80)


def test_qualifiers_keep_their_bounds():
    assert _bounds("nearly 20,000") == (18_000, 20_000)
    assert _bounds("more than 67,174") == (67_174, math.inf)
    assert _bounds("fewer than 50") == (-math.inf, 50)


def test_about_is_read_as_rounded_to_two_significant_figures():
    assert _bounds("about 1,400", "lo_r") == (1_350, 1_449)
    assert _bounds("about 1,400") == (1_260, 1_540)


def test_timeline_keeps_dated_precise_running_figures_only():
    claims = claim_list("""
        doc | quote     | as_of      | scope
        a   | 27,708    | 2024-02-07 | cumulative
        a   | 132       | 2024-02-07 | current
        a   | 447       | 2024-02-07 | period
        a   | thousands | 2024-02-07 | cumulative
        a   | 12        |            | cumulative
    """)
    assert timeline(claims_frame(claims))["value"].tolist() == [27708, 132]
