"""increase: a series that only falls (hostages held) goes up between two dates.

Which metrics only fall is data: `directions` in rules/checks.yaml. Held hostages can only rise
through new captures; a later count above an earlier one means a stale or wrong figure, or a change
of definition (living only, or living and dead). A rise is explained, and not reported, when the
claims show new captures in between: a `captures` figure (hostages taken) for the same place dated
after the earlier count, at most on the later one, that exceeds every captures figure up to the
earlier count. Intervals and rounded readings as in `decrease`; a rise only the rounded reading of
an "about" figure shows is reported one level lower.

In the first weeks of a series (`settling_days` from its first figure) a rise is a note: after a
mass capture the count of those held grows as cases are confirmed and families told (199, 203,
then about 240 in October and November 2023), which is no silent change of definition.

Options (defaults):
  severity: warning
  captures: hostages_taken   # the metric whose rise explains a rise
  settling_days: 45          # days from a series' first figure in which its count is still settling

PASS: hostages_held gaza 136 (2023-12-10) → 129 (2023-12-20)
FAIL: hostages_held gaza 129 (2023-12-20) → 132 (2024-02-08)
PASS: the same, with hostages_taken gaza 240 (2023-12-01) → 253 (2024-01-15)
"""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ._direction import breaks
from .base import CheckContext, Problem, also, claim_records, day, fmt, interval_text, pair_problem, records, series_name

ID = "increase"
DEFAULTS = {"severity": "warning", "captures": "hostages_taken", "settling_days": 45}


def _new_captures(captures: pd.DataFrame, earlier: dict, later: dict) -> bool:
    """Whether captures at the place rose after the earlier count, by the later one's date."""
    here = captures[captures["place"] == earlier["place"]]
    before = here.loc[here["date"] <= earlier["date"], "hi"]
    between = here.loc[(here["date"] > earlier["date"]) & (here["date"] <= later["date"]), "lo"]
    return not before.empty and not between.empty and between.max() > before.max()


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    pairs = breaks(context.series, context.series["metric"].isin(context.metrics("falls")).to_numpy(), rising=False,
                   ratio=context.band_ratio)
    laters = claim_records(context.series, pairs["row"].to_numpy())
    earliers = claim_records(context.series, pairs["earlier"].to_numpy())
    series = context.series
    if len(pairs):
        captures = series.loc[(series["metric"] == options["captures"]).to_numpy(), ["place", "date", "lo", "hi"]]
        first = series.groupby("series_id")["date"].min()
    settling = pd.Timedelta(days=options["settling_days"])
    for pair, later, earlier in zip(records(pairs), laters, earliers):
        if not captures.empty and _new_captures(captures, earlier, later):
            continue
        early = later["date"] - first[series["series_id"].iat[pair["row"]]] <= settling
        yield pair_problem(
            earlier, later,
            message=(f"{series_name(later)} rises from {interval_text(earlier)} on {day(earlier['date'])} "
                     f"({earlier['source']}) to {interval_text(later)} on {day(later['date'])} ({later['source']}), "
                     f"{fmt(later['value'] - earlier['value'])} more, which a count that only falls cannot do "
                     f"without new captures.{also(pair['others'], 'above')}"),
            action=("Check whether the later figure counts the same people (living and dead hostages, "
                    "or the living only) and whether new captures were reported."),
            minor=not pair["wide"],
            note="in the first weeks after the captures the count of those held grows as cases are confirmed"
            if early else "",
        )
