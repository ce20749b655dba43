"""implausible_rate: a series jumps far faster than its own history.

For each series that only rises, take each date's highest floor (the least its claims say). Between
successive dates, the smallest growth the intervals allow (the later floor minus the earlier
ceiling) is compared with the series' median growth per day; a jump more than `factor` times that
median, and by at least `min_increase` people, is reported. A series needs at least four dated
figures (three steps) for its history to say anything.

Options (defaults):
  severity: warning
  factor: 10.0
  min_days: 1          # steps shorter than this are not used for the median
  min_increase: 50     # people; smaller jumps are never implausible
  settling_days: 30    # a jump this many days or fewer after the series' first figure is a note:
                       # a toll grows fastest in an event's first weeks, as the dead are found

PASS: killed gaza 27,708 → 27,840 → 27,960 → 28,100 over four days
FAIL: killed gaza 27,708 (02-07), 27,840 (02-08), 27,960 (02-09), 60,000 (02-10)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from .base import CheckContext, Problem, claim_records, day, fmt, interval_text, pair_problem, series_name

ID = "implausible_rate"
DEFAULTS = {"severity": "warning", "factor": 10.0, "min_days": 1, "min_increase": 50, "settling_days": 30}


def _steps(series: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """Per series and date, the claim (among `positions`) with the highest floor, with the step
    from the date before; `row` and `previous` are positions in `series`."""
    frame = pd.DataFrame({"code": series["series_id"].to_numpy()[positions],
                          "date": series["date"].to_numpy()[positions], "lo": series["lo"].to_numpy()[positions],
                          "hi": series["hi"].to_numpy()[positions], "row": positions})
    frame = frame[np.isfinite(frame["lo"]).to_numpy()]
    days = (frame.sort_values(["code", "date", "lo", "row"], kind="stable")
            .drop_duplicates(["code", "date"], keep="last").reset_index(drop=True))
    same = days["code"].eq(days["code"].shift())
    days["days"] = days["date"].diff().dt.days.where(same)
    days["step"] = days["lo"].diff().where(same)
    days["least"] = (days["lo"] - days["hi"].shift()).where(same)
    days["previous"] = days["row"].shift().where(same)
    return days


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series
    positions = np.flatnonzero((series["metric"].isin(context.metrics("rises")) & (series["scope"] == "cumulative")
                                & (series["unit"] == "persons")).to_numpy())
    if not len(positions):
        return
    days = _steps(series, positions)
    usable = days["days"] >= options["min_days"]
    rates = (days["step"] / days["days"]).clip(lower=0).where(usable)
    history = rates.groupby(days["code"])
    median = days["code"].map(history.median())
    enough = days["code"].map(history.count()) >= 3
    rate = days["least"] / days["days"]
    jump = enough & usable & (median > 0) & (rate > options["factor"] * median) \
        & (days["least"] >= options["min_increase"])
    afters = claim_records(series, days.loc[jump, "row"].to_numpy())
    befores = claim_records(series, days.loc[jump, "previous"].to_numpy().astype("int64"))
    since_first = (days["date"] - days["code"].map(days.groupby("code")["date"].min())).dt.days
    settling = since_first[jump] <= options["settling_days"]
    for after, before, usual, per_day, early in zip(afters, befores, median[jump], rate[jump], settling):
        yield pair_problem(
            before, after,
            message=(f"{series_name(after)} grows from {interval_text(before)} on {day(before['date'])} "
                     f"({before['source']}) to {interval_text(after)} on {day(after['date'])} ({after['source']}), "
                     f"at least {fmt(per_day)} a day where the series otherwise grows by about {fmt(usual)} a day "
                     f"({per_day / usual:.0f} times as fast)."),
            action=("Check the later figure: a typo, another series (injured for killed), another place, "
                    "or a tally that now counts more (e.g. the missing)."),
            note="the series began only days before, when a toll grows fastest" if early else "",
        )
