"""increase: a series that only falls (hostages held) goes up between two dates.

Which metrics only fall is data: `directions` in rules/checks.yaml. Held hostages can only rise
through new captures; a later count above an earlier one means a stale or wrong figure, or a change
of definition (living only, or living and dead). Intervals and rounded readings as in `decrease`;
a rise only the rounded reading of an "about" figure shows is reported one level lower.

Options (defaults):
  severity: warning

PASS: hostages_held gaza 136 (2023-12-10) → 129 (2023-12-20)
FAIL: hostages_held gaza 129 (2023-12-20) → 132 (2024-02-08)
"""
from __future__ import annotations

from typing import Iterator

from ._direction import breaks
from .base import CheckContext, Problem, day, fmt, interval_text, records, series_name

ID = "increase"
DEFAULTS = {"severity": "warning"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    for pair in records(breaks(context.series, context.metrics("falls"), rising=False)):
        earlier = {k[len("earlier_"):]: v for k, v in pair.items() if k.startswith("earlier_")}
        more = f" {pair['others']} later figure(s) are also above it." if pair["others"] else ""
        yield Problem(
            claim_ids=(pair["claim_id"], earlier["claim_id"]),
            message=(f"{series_name(pair)} rises from {interval_text(earlier)} on {day(earlier['date'])} "
                     f"({earlier['source']}) to {interval_text(pair)} on {day(pair['date'])} ({pair['source']}), "
                     f"{fmt(pair['value'] - earlier['value'])} more, which a count that only falls cannot do "
                     f"without new captures.{more}"),
            action=("Check whether the later figure counts the same people (living and dead hostages, "
                    "or the living only) and whether new captures were reported."),
            metric=pair["metric"], place=pair["place"], group=pair["group"],
            values=(int(earlier["value"]), int(pair["value"])),
            dates=(day(earlier["date"]), day(pair["date"])),
            minor=not pair["wide"],
        )
