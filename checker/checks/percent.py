"""percent: a percentage beyond 100, or one inconsistent with a count and a known population.

Options: `severity` (default error); `populations`: place → population, for checking "85% of
Gazans displaced" against "1.9 million displaced" (none by default); `tolerance`: percentage
points allowed between the stated and the computed share (5).

PASS: displaced gaza 85% with population 2,200,000 and 1.9 million displaced (86%)
FAIL: displaced gaza 120%
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, day, fmt

ID = "percent"
DEFAULTS = {"severity": "error", "populations": {}, "tolerance": 5.0}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    shares = claims[claims["unit"] == "percent"]
    for _, row in shares[shares["lo"] > 100].iterrows():
        yield Problem(
            claim_ids=(row["claim_id"],), metric=row["metric"], place=row["place"], group=row["group"],
            message=f"{row['metric']} in {row['place']}: {row['quote']!s} is more than 100 percent.",
            action="Check what the percentage is a share of.",
            values=(int(row["value"]),), dates=(row["as_of"],),
        )
    populations = options["populations"] or {}
    counts = claims[(claims["unit"] == "persons") & (claims["qualifier"] != "vague") & claims["date"].notna()]
    for _, share in shares[shares["place"].isin(populations) & shares["date"].notna()].iterrows():
        population = populations[share["place"]]
        same = counts[(counts["metric"] == share["metric"]) & (counts["place"] == share["place"])
                      & (counts["group"] == share["group"]) & ((counts["date"] - share["date"]).abs().dt.days <= 7)]
        for _, count in same.iterrows():
            low, high = count["lo"] / population * 100, count["hi"] / population * 100
            if share["hi"] + options["tolerance"] < low or share["lo"] - options["tolerance"] > high:
                yield Problem(
                    claim_ids=(share["claim_id"], count["claim_id"]),
                    metric=share["metric"], place=share["place"], group=share["group"],
                    message=(f"{share['metric']} in {share['place']}: {share['value']}% on {share['as_of']} but "
                             f"{fmt(count['value'])} people on {day(count['date'])} is {count['value'] / population:.0%} "
                             f"of a population of {fmt(population)}."),
                    action="Check the percentage, the count and the population they assume.",
                    values=(int(share["value"]), int(count["value"])), dates=(share["as_of"], day(count["date"])),
                )
