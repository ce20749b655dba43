"""decrease: a series that only rises (killed, injured, ...) goes down between two dates.

Claims are intervals: "nearly 20,000" on 2023-12-20 then 19,667 later is no decrease; 27,708 on
2024-02-07 then 27,000 on 2024-02-09 is. Vague plurals and period counts never enter a series.
An official downward revision is still reported: the editor must then cite the revised figure.

Options: `severity` (default error); `warning_below`: a drop smaller than this share of the
earlier figure is reported one level lower (default 0.05).

PASS: killed gaza 27,708 (2024-02-07) → 27,840 (2024-02-08)
FAIL: killed gaza 27,840 (2024-02-08) → 26,000 (2024-02-10)
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, day, fmt, interval_text
from ._direction import breaks

ID = "decrease"
DEFAULTS = {"severity": "error", "warning_below": 0.05}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    for earlier, later in breaks(context.series, context.directions, "rises"):
        drop = earlier["lo"] - later["hi"]
        share = drop / earlier["lo"] if earlier["lo"] > 0 else 1.0
        yield Problem(
            claim_ids=(later["claim_id"], earlier["claim_id"]),
            message=(f"{later['metric']} in {later['place']} ({later['group']}) falls from "
                     f"{interval_text(earlier)} on {day(earlier['date'])} ({earlier['source']}) to "
                     f"{interval_text(later)} on {day(later['date'])} ({later['source']}), "
                     f"a drop of at least {fmt(drop)} ({share:.1%}) in a count that only rises."),
            action=("Check both figures against the source; if the toll was officially revised down, "
                    "cite the revision explicitly."),
            metric=later["metric"], place=later["place"], group=later["group"],
            values=(int(earlier["value"]), int(later["value"])),
            dates=(day(earlier["date"]), day(later["date"])),
            minor=share < options["warning_below"],
        )
