"""part_whole: a part exceeds its whole on the same date: a subgroup its group's total (children
killed > all killed), or a place the country it lies in (killed in Beslan > killed in Russia).

A subgroup and its whole share metric, place, unit, scope, period and date; a place and its
country share metric, group, unit, scope, period, date and event, the country being the place's
`whole` (series.wholes; a place the gazetteer does not know is taken to lie in its event's
country, and a finding on it is a note). The part contradicts the whole when even the least it
claims is more than the most the whole claims (intervals, with rounding: "20,000" killed in all
covers up to 20,499). Vague plurals and percentages never enter. Copies of the same pair of
figures (syndicated reports) are reported once.

Options (defaults):
  severity: error
  outside_totals: [attackers]  groups never counted in the toll of all (an attack's gunmen are not
                               its victims: "8 attackers" beside "3 killed" is no part above its whole)

PASS: killed gaza all "nearly 20,000", children 7,729 (2023-12-20)
FAIL: killed gaza all 10,000, children 12,000 (same date)
FAIL: killed beslan "beyond 350", killed russia 323 (same date, same event)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import key_codes
from .base import CheckContext, Problem, claim_records, day, fmt, interval_text, series_name

ID = "part_whole"
DEFAULTS = {"severity": "error", "outside_totals": ["attackers"]}

_SAME = ["metric", "place", "unit", "scope", "period_start", "date"]


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    positions = np.flatnonzero((claims["date"].notna() & (claims["qualifier"] != "vague")
                                & (claims["unit"] == "persons")).to_numpy())
    yield from _groups(claims, positions[~np.isin(claims["group"].to_numpy()[positions], options["outside_totals"])])
    yield from _places(claims, positions)


def _groups(claims: pd.DataFrame, positions: np.ndarray) -> Iterator[Problem]:
    """Subgroups above their group's total."""
    is_whole = (claims["group"].to_numpy() == "all")[positions]
    # (metric, place, unit) from each series' id: factorizing a few thousand series, not every claim.
    sids = claims["series_id"].to_numpy()
    first = np.unique(sids, return_index=True)[1]
    whole_of = np.zeros(int(sids.max(initial=0)) + 1, dtype="int64")
    whole_of[sids[first]] = key_codes(claims.iloc[first], ["metric", "place", "unit"])
    narrow = pd.DataFrame({"whole": whole_of[sids[positions]],
                           **{c: claims[c].to_numpy()[positions] for c in _SAME[3:]}})
    same = key_codes(narrow, list(narrow.columns))
    yield from _exceeding(claims, positions, same, same, is_whole, "group")


_BY_PLACE = ["event", "metric", "group", "unit", "scope", "period_start", "date"]


def _places(claims: pd.DataFrame, positions: np.ndarray) -> Iterator[Problem]:
    """Places above the country they lie in."""
    whole = claims["whole"].to_numpy()[positions]
    place = claims["place"].to_numpy()[positions]
    narrow = claims.iloc[positions][_BY_PLACE]
    # a part's key names its whole's place; a whole's key its own place
    keys = key_codes(pd.concat([narrow.assign(at=np.where(whole != "", whole, place)),
                                narrow.assign(at=place)], ignore_index=True), [*_BY_PLACE, "at"])
    is_whole = np.isin(place, whole[whole != ""])
    yield from _exceeding(claims, positions, keys[:len(positions)], keys[len(positions):], is_whole, "place",
                          is_part=whole != "")


def _exceeding(claims: pd.DataFrame, positions: np.ndarray, part_key: np.ndarray, whole_key: np.ndarray,
               is_whole: np.ndarray, level: str, is_part: np.ndarray | None = None) -> Iterator[Problem]:
    """Parts whose least figure is above the most their whole claims that day; `level` says
    whether a part is a subgroup ("group") or a place ("place")."""
    frame = pd.DataFrame({"lo": claims["lo"].to_numpy()[positions], "hi": claims["hi"].to_numpy()[positions],
                          "row": positions, "doc": claims["doc"].to_numpy()[positions]})
    wholes_of_day = frame.assign(same=whole_key)[is_whole]
    parts = frame.assign(same=part_key)[~is_whole if is_part is None else is_part]
    pairs = parts.merge(wholes_of_day, on="same", suffixes=("", "_whole"))
    pairs = pairs[pairs["lo"] > pairs["hi_whole"]]
    # One whole per part: the part's own article's, where it gives one ("298 with lighter injuries"
    # beside its "about 180 injured"), and of those the nearest below it, the likeliest to count the
    # same people (not "11 badly hurt" beside it)
    pairs = pairs.assign(elsewhere=pairs["doc"] != pairs["doc_whole"]).sort_values(
        ["row", "elsewhere", "hi_whole", "row_whole"], ascending=[True, True, False, True],
        kind="stable").drop_duplicates("row")
    rows, wholes = pairs["row"].to_numpy(), pairs["row_whole"].to_numpy()
    # Copies of one pair of figures (syndicated reports) are one finding.
    copy = pd.DataFrame({"same": pairs["same"].to_numpy(), "part": claims[level].to_numpy()[rows],
                         "value": claims["value"].to_numpy()[rows], "qualifier": claims["qualifier"].to_numpy()[rows],
                         "whole": claims["value"].to_numpy()[wholes]}).duplicated().to_numpy()
    guessed = claims["whole_guessed"].to_numpy()[rows[~copy]] if level == "place" else np.zeros(len(rows[~copy]), bool)
    for row, whole_claim, place_guessed in zip(claim_records(claims, rows[~copy]), claim_records(claims, wholes[~copy]),
                                               guessed):
        if level == "group":
            what = f"{series_name(row)} on {day(row['date'])}: {interval_text(row)} {row['group']}"
            whole_text = f"the {interval_text(whole_claim)} counted in all"
            note = ""
        else:
            what = f"{series_name(row)} on {day(row['date'])}: {interval_text(row)}"
            whole_text = f"the {interval_text(whole_claim)} counted in {whole_claim['place']}, where it lies"
            note = (f"{row['place']} is not in the gazetteer and is taken to lie in {whole_claim['place']}"
                    if place_guessed else "")
        yield Problem(
            claim_ids=(row["claim_id"], whole_claim["claim_id"]),
            message=(f"{what} ({row['source']}) is more than {whole_text} ({whole_claim['source']}), "
                     f"by at least {fmt(row['lo'] - whole_claim['hi'])}."),
            action=("Check that both figures count the same thing on the same date: a part cannot exceed "
                    "its whole, so one of them is wrong, stale or about another place or metric."),
            metric=row["metric"], place=row["place"], group=row["group"],
            values=(int(row["value"]), int(whole_claim["value"])),
            dates=(day(row["date"]),), note=note,
        )
