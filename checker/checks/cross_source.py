"""cross_source: two sources disagree on the same series within a few days.

Both claims must be attributed, to different sources, and dated at most `window_days` apart. The
later figure may exceed the earlier by the series' own growth over the days between them (the
median daily growth of its dated figures, all sources together); beyond that, and beyond a
relative `tolerance` on each side, the two cannot both hold. Repeated copies of one report
(syndicated: same source, figure, qualifier and date in several documents) count once, and one
disagreement is reported once, on the closest pair of dates. A later figure below an earlier one
in a series that only rises is left to `decrease`.

Options (defaults):
  severity: warning
  window_days: 2
  tolerance: 0.02

PASS: killed gaza 27,708 (gaza_health_ministry, 02-07) and "more than 27,000" (un, 02-08)
PASS: killed gaza 27,708 (ministry, 02-07) and 27,900 (who, 02-09), the series growing ~130 a day
FAIL: killed israel "about 1,400" (israeli_officials) and 1,139 (afp_tally), same day
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from .base import CheckContext, Problem, day, fmt, interval_text, records, series_name

ID = "cross_source"
DEFAULTS = {"severity": "warning", "window_days": 2, "tolerance": 0.02}

_COPY = ["code", "source", "value", "qualifier", "date"]


def daily_growth(series: pd.DataFrame, codes: np.ndarray) -> pd.Series:
    """Median growth per day between each series' successive dated figures (0 if unknown), by code."""
    floors = pd.DataFrame({"code": codes, "date": series["date"].to_numpy(), "lo": series["lo"].to_numpy()})
    floors = floors[np.isfinite(floors["lo"])].groupby(["code", "date"], sort=True)["lo"].max().reset_index()
    same = floors["code"].eq(floors["code"].shift())
    days = floors["date"].diff().dt.days.where(same)
    rates = (floors["lo"].diff() / days).clip(lower=0)
    return rates.groupby(floors["code"]).median().fillna(0.0)


def _disagreements(series: pd.DataFrame, codes: np.ndarray, growth: pd.Series, options: dict,
                   directions: dict[str, str]) -> pd.DataFrame:
    """Pairs (a on the earlier or same day, b) of claims from different sources that cannot both hold;
    `row_a`/`row_b` are positions in `series`. Works on integer codes throughout."""
    tol = options["tolerance"]
    attributed = (series["source"] != "unattributed").to_numpy()
    frame = pd.DataFrame({
        "code": codes, "date": series["date"].to_numpy().astype("datetime64[D]").astype("int64"),
        "source": pd.factorize(series["source"])[0],
        "value": series["value"].to_numpy(), "qualifier": pd.factorize(series["qualifier"])[0],
        "lo": series["lo"].to_numpy(), "hi": series["hi"].to_numpy(), "row": np.arange(len(series)),
        "direction": series["metric"].map(directions).fillna("either").to_numpy()})[attributed]
    # Only series that more than one source speaks to can disagree.
    frame = frame[frame.groupby("code")["source"].transform("nunique").to_numpy() > 1]
    # Syndicated copies (same source, figure, wording and date) count once.
    copies = frame.groupby(_COPY, sort=False)["row"].transform("size")
    frame = frame.assign(copies=copies.to_numpy()).drop_duplicates(_COPY)
    # One integer per series and day (days since 1970 fit in 20 bits), so merges compare int64s.
    frame["day"] = frame["code"] * (1 << 20) + frame["date"] + (1 << 19)
    # Per series, day and source, the claim saying most (top) and least (bottom) is all a pair needs.
    top = frame.sort_values(["lo", "row"], kind="stable").drop_duplicates(["code", "date", "source"], keep="last")
    bottom = frame.sort_values(["hi", "row"], kind="stable").drop_duplicates(["code", "date", "source"], keep="first")
    found = []
    for days in range(options["window_days"] + 1):
        later = {name: side.assign(day=side["day"] - days) for name, side in (("top", top), ("bottom", bottom))}
        # b below a: a's top against b's bottom. On the same day that covers both orders; across days,
        # b above a (beyond the growth between them) is a's bottom against b's top.
        below = top.merge(later["bottom"].drop(columns="code"), on="day", suffixes=("_a", "_b"))
        below = below[(below["source_a"] != below["source_b"])
                      & (below["hi_b"] * (1 + tol) < below["lo_a"] * (1 - tol))]
        # Across days, a fall in a series that only rises is `decrease`'s to report.
        if days:
            below = below[below["direction_a"] != "rises"]
        found.append(below.assign(days=days, gap=below["lo_a"] - below["hi_b"]))
        if not days:
            continue
        above = bottom.merge(later["top"].drop(columns="code"), on="day", suffixes=("_a", "_b"))
        allowance = growth.reindex(above["code"]).fillna(0.0).to_numpy() * days
        above = above[(above["source_a"] != above["source_b"]) & (above["direction_a"] != "falls")
                      & (above["lo_b"] * (1 - tol) > above["hi_a"] * (1 + tol) + allowance)]
        found.append(above.assign(days=days, gap=above["lo_b"] - above["hi_a"]))
    result = pd.concat(found, ignore_index=True)
    # One disagreement, one finding: the closest dates, then the widest gap; each claim once.
    result = result.sort_values(["days", "gap", "row_a", "row_b"], ascending=[True, False, True, True], kind="stable")
    return result.drop_duplicates("row_a").drop_duplicates("row_b")


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series
    if series.empty:
        return
    codes = series["series_id"].to_numpy()
    growth = daily_growth(series, codes)
    pairs = _disagreements(series, codes, growth, options, context.directions)
    earlier, later = series.iloc[pairs["row_a"].to_numpy()], series.iloc[pairs["row_b"].to_numpy()]
    for pair, a, b in zip(records(pairs), records(earlier), records(later)):
        rate = float(growth.get(pair["code"], 0.0))
        allowance = (f", more than the series' growth of about {fmt(rate)} a day allows"
                     if pair["days"] and rate else "")
        copies = [f"{n} copies of the {s} figure" for n, s in ((pair["copies_a"], a["source"]),
                                                                  (pair["copies_b"], b["source"])) if n > 1]
        counted = f" ({' and '.join(copies)} counted once)" if copies else ""
        yield Problem(
            claim_ids=(b["claim_id"], a["claim_id"]),
            metric=a["metric"], place=a["place"], group=a["group"],
            message=(f"{series_name(a)}: {a['source']} gives {interval_text(a)} on {day(a['date'])}, "
                     f"{b['source']} gives {interval_text(b)} on {day(b['date'])}, at least {fmt(pair['gap'])} "
                     f"apart{allowance}{counted}."),
            action=("Attribute each figure to its source and say which is newer; do not present the two as "
                    "one toll."),
            values=(int(a["value"]), int(b["value"])), dates=(day(a["date"]), day(b["date"])),
        )
