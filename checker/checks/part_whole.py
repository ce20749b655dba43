"""part_whole: a subgroup exceeds its whole on the same date (children killed > all killed).

A part and its whole share metric, place, unit, scope, period and date; the part contradicts the
whole when even the least it claims is more than the most the whole claims (intervals, with
rounding: "20,000" killed in all covers up to 20,499). Vague plurals and percentages never enter.
Copies of the same pair of figures (syndicated reports) are reported once.

Options (defaults):
  severity: error

PASS: killed gaza all "nearly 20,000", children 7,729 (2023-12-20)
FAIL: killed gaza all 10,000, children 12,000 (same date)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import key_codes
from .base import CheckContext, Problem, claim_records, day, fmt, interval_text, series_name

ID = "part_whole"
DEFAULTS = {"severity": "error"}

_SAME = ["metric", "place", "unit", "scope", "period_start", "date"]


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    positions = np.flatnonzero((claims["date"].notna() & (claims["qualifier"] != "vague")
                                & (claims["unit"] == "persons")).to_numpy())
    is_whole = (claims["group"].to_numpy() == "all")[positions]
    # (metric, place, unit) from each series' id: factorizing a few thousand series, not every claim.
    sids = claims["series_id"].to_numpy()
    first = np.unique(sids, return_index=True)[1]
    whole_of = np.zeros(int(sids.max(initial=0)) + 1, dtype="int64")
    whole_of[sids[first]] = key_codes(claims.iloc[first], ["metric", "place", "unit"])
    narrow = pd.DataFrame({"whole": whole_of[sids[positions]],
                           **{c: claims[c].to_numpy()[positions] for c in _SAME[3:]}})
    frame = pd.DataFrame({"same": key_codes(narrow, list(narrow.columns)),
                          "lo": claims["lo"].to_numpy()[positions], "hi": claims["hi"].to_numpy()[positions],
                          "row": positions})
    # The whole's least-claiming figure of the day is the one a part can exceed.
    whole = frame[is_whole].sort_values(["hi", "row"], kind="stable").drop_duplicates("same")
    parts = frame[~is_whole]
    pairs = parts.merge(whole, on="same", suffixes=("", "_whole"))
    pairs = pairs[pairs["lo"] > pairs["hi_whole"]].sort_values("row", kind="stable")
    rows, wholes = pairs["row"].to_numpy(), pairs["row_whole"].to_numpy()
    # Copies of one pair of figures (syndicated reports) are one finding.
    copy = pd.DataFrame({"same": pairs["same"].to_numpy(), "group": claims["group"].to_numpy()[rows],
                         "value": claims["value"].to_numpy()[rows], "qualifier": claims["qualifier"].to_numpy()[rows],
                         "whole": claims["value"].to_numpy()[wholes]}).duplicated().to_numpy()
    for row, whole_claim in zip(claim_records(claims, rows[~copy]), claim_records(claims, wholes[~copy])):
        yield Problem(
            claim_ids=(row["claim_id"], whole_claim["claim_id"]),
            message=(f"{series_name(row)} on {day(row['date'])}: {interval_text(row)} {row['group']} "
                     f"({row['source']}) is more than the {interval_text(whole_claim)} counted in all "
                     f"({whole_claim['source']}), by at least {fmt(row['lo'] - whole_claim['hi'])}."),
            action=("Check that both figures count the same thing on the same date: a subgroup cannot exceed "
                    "the total, so one of them is wrong, stale or about another place or metric."),
            metric=row["metric"], place=row["place"], group=row["group"],
            values=(int(row["value"]), int(whole_claim["value"])),
            dates=(day(row["date"]),),
        )
