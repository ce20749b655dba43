"""implausible_rate: a series jumps far faster than its own history.

Between successive dates of a rising series, the smallest growth the intervals allow is compared
with the median growth per day of the series; a jump more than `factor` times that is reported.
Needs at least four dated figures in the series.

Options: `severity` (default warning), `factor` (10), `min_days` (1).

PASS: killed gaza 27,708 → 27,840 → 34,844 over three months
FAIL: killed gaza 27,708 (02-07), 27,840 (02-08), 27,960 (02-09), 60,000 (02-10)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from ..series import SERIES_KEY
from .base import CheckContext, Problem, day, fmt, interval_text

ID = "implausible_rate"
DEFAULTS = {"severity": "warning", "factor": 10.0, "min_days": 1}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    rising = [m for m, d in context.directions.items() if d == "rises"]
    series = context.series[context.series["metric"].isin(rising) & (context.series["scope"] == "cumulative")]
    for _, group in series.groupby(SERIES_KEY, sort=True):
        firsts = group.sort_values(["date", "lo"]).groupby("date").tail(1).reset_index(drop=True)
        if len(firsts) < 4:
            continue
        days = firsts["date"].diff().dt.days.to_numpy()[1:]
        growth = (firsts["lo"].to_numpy()[1:] - firsts["hi"].to_numpy()[:-1])
        steps = (firsts["lo"].diff().to_numpy()[1:])
        finite = np.isfinite(steps) & (days >= options["min_days"])
        if finite.sum() < 3:
            continue
        median = float(np.median(np.clip(steps[finite] / days[finite], 0, None)))
        if median <= 0:
            continue
        for i in np.flatnonzero(finite & np.isfinite(growth)):
            rate = growth[i] / days[i]
            if rate > options["factor"] * median:
                before, after = firsts.iloc[i], firsts.iloc[i + 1]
                yield Problem(
                    claim_ids=(after["claim_id"], before["claim_id"]),
                    metric=after["metric"], place=after["place"], group=after["group"],
                    message=(f"{after['metric']} in {after['place']} ({after['group']}) grows from "
                             f"{interval_text(before)} on {day(before['date'])} to {interval_text(after)} on "
                             f"{day(after['date'])}, at least {fmt(rate)} a day against a usual {fmt(median)}."),
                    action="Check the later figure: a typo, another series (e.g. injured for killed) or another place.",
                    values=(int(before["value"]), int(after["value"])),
                    dates=(day(before["date"]), day(after["date"])),
                )
