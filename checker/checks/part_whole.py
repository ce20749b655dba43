"""part_whole: a subgroup exceeds its whole on the same date (children killed > all killed).

Options: `severity` (default error).

PASS: killed gaza all "nearly 20,000", children 7,729 (2023-12-20)
FAIL: killed gaza all 10,000, children 12,000 (same date)
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, day, interval_text

ID = "part_whole"
DEFAULTS = {"severity": "error"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims[context.claims["date"].notna() & (context.claims["qualifier"] != "vague")
                            & (context.claims["unit"] == "persons")]
    whole = claims[claims["group"] == "all"]
    parts = claims[claims["group"] != "all"]
    pairs = parts.merge(whole, on=["metric", "place", "unit", "scope", "date"], suffixes=("", "_whole"))
    for _, row in pairs[pairs["lo"] > pairs["hi_whole"]].iterrows():
        whole_claim = {k: row[f"{k}_whole"] for k in ("qualifier", "value", "lower", "upper")}
        yield Problem(
            claim_ids=(row["claim_id"], row["claim_id_whole"]),
            message=(f"{row['metric']} in {row['place']} on {day(row['date'])}: {interval_text(row)} "
                     f"{row['group']} is more than the {interval_text(whole_claim)} people counted in all."),
            action="Check that both figures count the same thing on the same date; one of them is wrong or stale.",
            metric=row["metric"], place=row["place"], group=row["group"],
            values=(int(row["value"]), int(row["value_whole"])),
            dates=(day(row["date"]),),
        )
