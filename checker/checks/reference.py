"""reference: a claim disagrees with a reference series (SPEC 4b).

A figure may equal any reference figure of its series reported up to `lag_days` before its date
(news lags bulletins). When it does not, the message names a likely cause: transposed digits
(67,174 vs 67,147), a stale figure (equal to the reference of an earlier date), or a figure from
another day.

Options: `severity` (default warning), `lag_days` (3), `stale_days` (how far back a stale match
is looked for, 30).

PASS: killed gaza 27,708 on 2024-02-07; the ministry reported 27,708 that day.
FAIL: injured gaza more than 67,174 on 2024-02-07; the ministry reported 67,147.
"""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from .base import CheckContext, Problem, day, fmt, interval_text

ID = "reference"
DEFAULTS = {"severity": "warning", "lag_days": 3, "stale_days": 30}


def transposed(a: int, b: int) -> bool:
    """True when `a` and `b` differ by swapping two adjacent digits."""
    sa, sb = str(a), str(b)
    if len(sa) != len(sb) or sa == sb:
        return False
    diff = [i for i, (x, y) in enumerate(zip(sa, sb)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]


def _cause(claim, window: pd.DataFrame, history: pd.DataFrame, stale_days: int) -> str:
    value = int(claim["value"])
    for ref in window.itertuples():
        if transposed(value, int(ref.value)):
            return f"likely transposed digits: {fmt(value)} vs {fmt(ref.value)}"
    same = history[history["value"] == value]
    if not same.empty:
        when = same.iloc[(same["date"] - claim["date"]).abs().argmin()]
        days = (claim["date"] - when["date"]).days
        if 0 < days <= stale_days:
            subgroup = "subgroup " if claim["group"] != "all" else ""
            return f"likely a stale {subgroup}figure: {when['source']} reported {fmt(value)} on {day(when['date'])}, {days} days earlier"
        return f"likely a figure from another day: {when['source']} reported {fmt(value)} on {day(when['date'])}"
    return ""


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    reference = context.reference
    if reference is None or reference.empty:
        return
    claims = context.series[context.series["scope"] == "cumulative"]
    lag = pd.Timedelta(days=options["lag_days"])
    by_key = {key: rows for key, rows in reference.groupby(["metric", "place", "group", "unit"])}
    for _, claim in claims.iterrows():
        rows = by_key.get((claim["metric"], claim["place"], claim["group"], claim["unit"]))
        if rows is None:
            continue
        window = rows[(rows["date"] <= claim["date"]) & (rows["date"] >= claim["date"] - lag)]
        if window.empty:
            continue
        if ((window["value"] >= claim["lo"]) & (window["value"] <= claim["hi"])).any():
            continue
        latest = window.iloc[-1]
        history = rows[(rows["date"] - claim["date"]).abs() <= pd.Timedelta(days=options["stale_days"])]
        cause = _cause(claim, window, history, options["stale_days"])
        diff = int(claim["value"]) - int(latest["value"])
        yield Problem(
            claim_ids=(claim["claim_id"],),
            message=(f"{claim['metric']} ({claim['group']}) in {claim['place']}: the text says "
                     f"{interval_text(claim)} on {day(claim['date'])}, where {latest['source']} reported "
                     f"{fmt(latest['value'])} on {day(latest['date'])} (off by {diff:+,})"
                     + (f"; {cause}." if cause else ".")),
            action=f"Verify the figure against the {latest['source']} report of {day(latest['date'])}.",
            metric=claim["metric"], place=claim["place"], group=claim["group"],
            values=(int(claim["value"]), int(latest["value"])),
            dates=(day(claim["date"]), day(latest["date"])),
        )
