"""percent: a percentage beyond 100, or one inconsistent with a count and a known population.

A share above 100 percent is reported on its own. Where `populations` (in rules/checks.yaml)
gives a place's population, a percentage of a metric in `population_metrics` ("85% of Gazans
displaced") is compared with the nearest count of the same metric, place and group dated at most
`window_days` away ("1.9 million displaced"): with both read as intervals, the count's share of
the population must come within `tolerance` percentage points of the stated one. Shares of
something else ("70% of those killed were women and children") are never compared with the
population. Percentages never enter a series with counts.

Options (defaults):
  severity: error
  populations: {}                   # place → population (rules/checks.yaml gives gaza: 2200000)
  population_metrics: [displaced, affected]
  window_days: 7
  tolerance: 5.0                    # percentage points

PASS: displaced gaza "approximately 85%" and 1.9 million displaced, same week (86% of 2.2 million)
FAIL: displaced gaza 120%
FAIL: displaced gaza 50% and 1.9 million displaced, same day
"""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from .base import CheckContext, Problem, day, fmt, interval_text, records, series_name

ID = "percent"
DEFAULTS = {"severity": "error", "populations": {}, "population_metrics": ["displaced", "affected"],
            "window_days": 7, "tolerance": 5.0}

_KEY = ["metric", "place", "group"]
_COUNT = ["claim_id", "value", "lower", "upper", "lo", "hi", "qualifier"]


def _nearest_counts(shares: pd.DataFrame, counts: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """Each dated share with the nearest count of its metric, place and group (within the window)."""
    left = shares[shares["date"].notna()].sort_values("date", kind="stable")
    right = counts.sort_values(["date", "claim_id"], kind="stable")
    pairs = pd.merge_asof(left, right[_KEY + ["date"] + _COUNT]
                          .rename(columns={"date": "count_date"}).assign(date=right["date"]),
                          on="date", by=_KEY, direction="nearest", tolerance=pd.Timedelta(days=window_days),
                          suffixes=("", "_count"))
    return pairs[pairs["claim_id_count"].notna()]


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    shares = claims[(claims["unit"] == "percent") & (claims["qualifier"] != "vague")]
    for row in records(shares[shares["lo"] > 100]):
        yield Problem(
            claim_ids=(row["claim_id"],), metric=row["metric"], place=row["place"], group=row["group"],
            message=(f"{series_name(row)}: {interval_text(row)}% is more than 100 percent of anything it can be "
                     f"a share of."),
            action="Check the figure and what the percentage is a share of.",
            values=(int(row["value"]),), dates=(row["as_of"],) if row["as_of"] else (),
        )
    populations = {place: float(n) for place, n in (options["populations"] or {}).items()}
    shares = shares[shares["place"].isin(populations) & shares["metric"].isin(options["population_metrics"])
                    & (shares["lo"] <= 100)]
    if shares.empty:
        return
    wanted = ((claims["unit"] == "persons") & (claims["qualifier"] != "vague") & claims["date"].notna()
              & claims["place"].isin(populations) & claims["metric"].isin(options["population_metrics"]))
    counts = claims[_KEY + ["date"] + _COUNT][wanted.to_numpy()]
    pairs = _nearest_counts(shares, counts, options["window_days"])
    population = pairs["place"].map(populations).to_numpy(dtype="float64")
    low, high = pairs["lo_count"].to_numpy() / population * 100, pairs["hi_count"].to_numpy() / population * 100
    tolerance = options["tolerance"]
    off = (pairs["hi"].to_numpy() + tolerance < low) | (pairs["lo"].to_numpy() - tolerance > high)
    for row, pop in zip(records(pairs[off]), population[off]):
        count = {k: row[f"{k}_count"] for k in ("qualifier", "value", "lower", "upper")}
        computed = row["value_count"] / pop * 100
        yield Problem(
            claim_ids=(row["claim_id"], row["claim_id_count"]),
            metric=row["metric"], place=row["place"], group=row["group"],
            message=(f"{series_name(row)}: the text says {interval_text(row)}% on {day(row['date'])}, but "
                     f"{interval_text(count)} people on {day(row['count_date'])} is {computed:.0f}% of the "
                     f"population of {fmt(pop)} the rules give for {row['place']}, "
                     f"{abs(computed - row['value']):.0f} points apart."),
            action="Check the percentage, the count, and the population each of them assumes.",
            values=(int(row["value"]), int(row["value_count"])),
            dates=(day(row["date"]), day(row["count_date"])),
        )
