"""cross_source: two sources disagree on the same series within a few days.

Both claims must be attributed, to different sources. The later one may exceed the earlier by the
series' own growth over the days between them (the median daily growth its claims show); beyond
that and a relative `tolerance`, they disagree. Syndicated copies (same source, value and date in
several documents) count once.

Options: `severity` (default warning), `window_days` (2), `tolerance` (0.02).

PASS: killed gaza 27,708 (ministry, 02-07) and 27,840 (ministry, 02-08): one source
FAIL: killed israel 1,400 (israeli_officials) and 1,139 (afp_tally), same day
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import SERIES_KEY
from .base import CheckContext, Problem, day, interval_text

ID = "cross_source"
DEFAULTS = {"severity": "warning", "window_days": 2, "tolerance": 0.02}


def daily_growth(group: pd.DataFrame) -> float:
    """Median growth per day between the series' successive dated figures (0 if unknown)."""
    points = group[np.isfinite(group["lo"])].groupby("date")["lo"].max().sort_index()
    if len(points) < 2:
        return 0.0
    days = points.index.to_series().diff().dt.days.iloc[1:].to_numpy()
    steps = points.diff().iloc[1:].to_numpy()
    rates = steps[days > 0] / days[days > 0]
    return float(np.median(np.clip(rates, 0, None))) if len(rates) else 0.0


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series[context.series["source"] != "unattributed"]
    window, tolerance = options["window_days"], options["tolerance"]
    for _, group in series.groupby(SERIES_KEY, sort=True):
        if group["source"].nunique() < 2:
            continue
        growth = daily_growth(group)
        distinct = group.drop_duplicates(["source", "value", "qualifier", "date"])
        rows = list(distinct.sort_values(["date", "claim_id"]).itertuples())
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                days = (b.date - a.date).days
                if days > window:
                    break
                if a.source == b.source:
                    continue
                slack = growth * days
                lo_a, hi_a = a.lo * (1 - tolerance), a.hi * (1 + tolerance) + slack
                if b.hi * (1 + tolerance) < lo_a or b.lo * (1 - tolerance) > hi_a:
                    yield Problem(
                        claim_ids=(b.claim_id, a.claim_id),
                        metric=a.metric, place=a.place, group=a.group,
                        message=(f"{a.metric} in {a.place} ({a.group}): {a.source} gives {interval_text(a._asdict())} "
                                 f"on {day(a.date)}, {b.source} gives {interval_text(b._asdict())} on {day(b.date)}"
                                 + (f", beyond the series' growth of about {growth:,.0f} a day." if days else ".")),
                        action="Name which source each figure comes from, or use the same source throughout.",
                        values=(int(a.value), int(b.value)), dates=(day(a.date), day(b.date)),
                    )
