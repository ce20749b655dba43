"""reference: a claim disagrees with a reference series (SPEC 4b).

A cumulative count is compared with the reference figures of its series (metric, place, group)
reported on its date or up to `lag_days` before it (news lags bulletins); it agrees when any of
them lies within its interval. Dates with no reference figure in that window are not compared.
When it disagrees, the message names a likely cause where one fits:
- transposed digits: 67,174 where the reference says 67,147;
- a stale figure: the figure equals the reference of an earlier date (at most `stale_days`
  before; "a stale subgroup figure" for children, women, ...);
- a figure from the wrong day: it equals the reference of a later date;
- another series' figure: it equals the reference for another group or metric in the window.
A figure more than `unexplained_gap` away from the reference that none of these explains is a
note: a misquote is near the figure it garbles, and a figure far off with no pattern more often
counts something else (identified bodies only, another date, a subgroup). So is a figure the text
attributes to another source than the reference's: two sources disagreeing, not a misquote.
Copies of one figure in several documents are one finding.

A figure the reference gives at most `lead_days` after the figure's own date is a note too: the
day an article's figure is dated by (its publication, a "said on Tuesday") is often a day early
for a bulletin issued overnight. So is one that lies between the reference's figures of the day
before and the day after its own: a bulletin of the morning, where the reference keeps the
evening's (8,796 on Nov 1, between 8,525 on Oct 31 and 9,061 on Nov 2).

Options (defaults):
  severity: warning
  lag_days: 3
  stale_days: 30
  unexplained_gap: 0.1
  lead_days: 1

PASS: killed gaza 27,708 on 2024-02-07; the ministry reported 27,708 that day.
PASS: killed gaza 27,585 on 2024-02-07; the ministry reported it on 2024-02-06 (one day's lag).
FAIL: injured gaza "more than 67,174" on 2024-02-07; the ministry reported 67,147.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Iterator

import numpy as np
import pandas as pd

from ..series import REFERENCE_KEY, SERIES_KEY, key_codes
from .base import CheckContext, Problem, day, fmt, interval_text, records, series_name, transposed

ID = "reference"
DEFAULTS = {"severity": "warning", "lag_days": 3, "stale_days": 30, "unexplained_gap": 0.1, "lead_days": 1}

_EPOCH = np.datetime64("1970-01-01", "D")


def _day_numbers(dates: pd.Series) -> np.ndarray:
    return (dates.to_numpy().astype("datetime64[D]") - _EPOCH).astype("int64")


def _reference_keys(series: pd.DataFrame, reference: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims' and the reference's keys (REFERENCE_KEY): a reference row naming an event
    speaks for that event's claims only; one naming none for the claims of every other event."""
    named = set(reference["event"]) - {""}
    claims = series[REFERENCE_KEY].assign(event=np.where(series["event"].isin(named), series["event"], ""))
    return claims, reference[REFERENCE_KEY]


def _window(series: pd.DataFrame, positions: np.ndarray, reference: pd.DataFrame, lag: int) -> np.ndarray:
    """For each claim at `positions`, the reference figures of its series `k` days before its date
    (column k; NaN where none), looked up through one integer key per (series, day)."""
    claim_keys, ref_keys_frame = _reference_keys(series.iloc[positions], reference)
    both = key_codes(pd.concat([claim_keys, ref_keys_frame], ignore_index=True), REFERENCE_KEY)
    codes, ref_codes = both[:len(claim_keys)], both[len(claim_keys):]
    span = 1 << 20  # more days than any series covers
    ref_keys = pd.Index(ref_codes.astype("int64") * span + _day_numbers(reference["date"]) + span // 2)
    # A trailing NaN: `get_indexer`'s -1 (no figure that day) then reads as NaN.
    ref_values = np.append(reference["value"].to_numpy(dtype="float64"), np.nan)
    claim_days = codes * span + _day_numbers(series["date"].iloc[positions]) + span // 2
    table = np.full((len(positions), lag + 1), np.nan)
    for k in range(lag + 1):
        table[:, k] = ref_values[ref_keys.get_indexer(claim_days - k)]
    return table


def _cause(claim: dict, today: int, history: list[dict], elsewhere: list[dict], window: list[dict], lag: int,
           stale_days: int) -> str:
    """The likeliest reason a figure differs from the reference, or ''. Reference rows carry their
    `day` number: `history` and `window` are the claim's series within `stale_days` and `lag` days
    of `today`, `elsewhere` every row of its place with the claim's value."""
    value = int(claim["value"])
    for ref in window:
        if transposed(value, int(ref["value"])):
            return f"likely transposed digits: {fmt(value)} vs {fmt(ref['value'])}"
    same = [ref for ref in history if ref["value"] == value]
    if same:
        when = min(same, key=lambda ref: abs(ref["day"] - today))  # the first of the nearest
        days = today - when["day"]
        if 0 < days <= stale_days:
            subgroup = "subgroup " if claim["group"] != "all" else ""
            return (f"likely a stale {subgroup}figure: {when['source']} reported {fmt(value)} on "
                    f"{day(when['date'])}, {days} days earlier")
        if days < 0:
            return (f"likely a figure from the wrong day: {when['source']} reported {fmt(value)} on "
                    f"{day(when['date'])}, {-days} days later")
    ref = next((ref for ref in elsewhere if today - lag <= ref["day"] <= today), None)
    if ref is not None:
        return (f"likely another series' figure: {ref['source']} reported {fmt(value)} {series_name(ref)} "
                f"on {day(ref['date'])}")
    return ""


def _note(claim: dict, latest: dict, cause: str, gap: float, unexplained_gap: float, early: bool,
          between: tuple[dict, dict] | None) -> str:
    """Why a disagreement with the reference is a note, or "": the figure is another source's (a
    disagreement between sources, not a misquote of the reference's), the reference gives it a
    day or so later (`early`), it lies `between` the reference's figures of the days around its
    own (an update issued within the day), or it is far off with no misquote pattern to explain it."""
    if claim["source"] not in ("unattributed", latest["source"]):
        return f"the figure is {claim['source']}'s, not {latest['source']}'s"
    if early:
        return "the reference gives the same figure a day later: the date read for it is likely early"
    if between and not cause:
        first, last = between
        return (f"it lies between the reference's {fmt(first['value'])} of {day(first['date'])} and "
                f"{fmt(last['value'])} of {day(last['date'])}: likely an update issued within the day")
    if not cause and gap > unexplained_gap:
        return f"{gap:.0%} from the reference with no misquote to explain it, it may count something else"
    return ""


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    reference = context.reference
    if reference is None or reference.empty:
        return
    series = context.series
    # A figure whose sameness with the series is a guess (an estimate, an incident, ...) is not
    # the reference's to judge.
    positions = np.flatnonzero(((series["scope"] == "cumulative") & (series["unit"] == "persons")
                                & (series["guess"] == "")).to_numpy())
    lag, stale = options["lag_days"], options["stale_days"]
    table = _window(series, positions, reference, lag)
    compared = ~np.isnan(table).all(axis=1)
    lo, hi = series["lo"].to_numpy()[positions, None], series["hi"].to_numpy()[positions, None]
    agrees = ((table >= lo) & (table <= hi)).any(axis=1)
    flagged = series.iloc[positions[compared & ~agrees]]
    if flagged.empty:
        return
    # Copies of one figure (same series, wording and date) are one finding.
    flagged = flagged.sort_values("claim_id", kind="stable")
    copies = flagged.groupby(SERIES_KEY + ["value", "qualifier", "date"], sort=False)["claim_id"].agg(tuple)
    flagged = flagged.drop_duplicates(SERIES_KEY + ["value", "qualifier", "date"])
    # The reference as rows in plain lists, by series (in date order) and by place and figure (in
    # reference order): each flagged claim then costs a few bisections, not scans of frames.
    by_series: dict[tuple, list[dict]] = defaultdict(list)
    by_figure: dict[tuple, list[dict]] = defaultdict(list)
    for ref in records(reference.assign(day=_day_numbers(reference["date"]))):
        by_series[tuple(ref[k] for k in REFERENCE_KEY)].append(ref)
        by_figure[(ref["place"], ref["value"])].append(ref)
    for rows in by_series.values():
        rows.sort(key=lambda ref: ref["day"])
    days_of = {key: [ref["day"] for ref in rows] for key, rows in by_series.items()}
    flagged_keys = records(_reference_keys(flagged, reference)[0])
    for claim, keys, today in zip(records(flagged), flagged_keys, _day_numbers(flagged["date"]).tolist()):
        key = tuple(keys[k] for k in REFERENCE_KEY)
        rows, days = by_series[key], days_of[key]
        window = rows[bisect_left(days, today - lag):bisect_right(days, today)]
        latest = window[-1]
        history = rows[bisect_left(days, today - stale):bisect_right(days, today + stale)]
        cause = _cause(claim, today, history, by_figure[(claim["place"], int(claim["value"]))], window, lag, stale)
        early = any(ref["value"] == int(claim["value"]) and 0 < ref["day"] - today <= options["lead_days"]
                    for ref in history)
        around = [ref for ref in history if abs(ref["day"] - today) <= 1]  # in date order
        between = (around[0], around[-1]) if len(around) > 1 and around[0]["value"] < int(claim["value"]) \
            < around[-1]["value"] else None
        diff = int(claim["value"]) - int(latest["value"])
        gap = abs(diff) / max(int(latest["value"]), 1)
        yield Problem(
            claim_ids=copies[tuple(claim[k] for k in SERIES_KEY + ["value", "qualifier", "date"])],
            message=(f"{claim['metric']} ({claim['group']}) in {claim['place']}: the text says "
                     f"{interval_text(claim)} on {day(claim['date'])}, where {latest['source']} reported "
                     f"{fmt(latest['value'])} on {day(latest['date'])} (off by {diff:+,})"
                     + (f"; {cause}." if cause else ".")),
            action=f"Verify the figure against the {latest['source']} report of {day(latest['date'])}.",
            metric=claim["metric"], place=claim["place"], group=claim["group"],
            values=(int(claim["value"]), int(latest["value"])),
            dates=(day(claim["date"]), day(latest["date"])),
            note=_note(claim, latest, cause, gap, options["unexplained_gap"], early, between),
        )
