"""increase: a series that only falls (hostages held) goes up between two dates.

Held hostages can only rise through new captures; a later count above an earlier one means a
stale or wrong figure, or a change of definition (living only, or living and dead).

Options: `severity` (default warning).

PASS: hostages_held gaza 136 (2023-12-10) → 129 (2023-12-20)
FAIL: hostages_held gaza 129 (2023-12-20) → 132 (2024-02-08)
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, day, interval_text
from ._direction import breaks

ID = "increase"
DEFAULTS = {"severity": "warning"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    for earlier, later in breaks(context.series, context.directions, "falls"):
        yield Problem(
            claim_ids=(later["claim_id"], earlier["claim_id"]),
            message=(f"{later['metric']} in {later['place']} rises from {interval_text(earlier)} on "
                     f"{day(earlier['date'])} ({earlier['source']}) to {interval_text(later)} on "
                     f"{day(later['date'])} ({later['source']}), which a count that only falls cannot do "
                     f"without new captures."),
            action=("Check whether the later figure counts the same people (living and dead hostages, "
                    "or the living only) and whether new captures were reported."),
            metric=later["metric"], place=later["place"], group=later["group"],
            values=(int(earlier["value"]), int(later["value"])),
            dates=(day(earlier["date"]), day(later["date"])),
        )
