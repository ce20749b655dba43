"""decrease: a series that only rises (killed, injured, ...) goes down between two dates.

Which metrics only rise is data: `directions` in rules/checks.yaml. Claims are intervals:
"nearly 20,000" on 2023-12-20 then 19,667 later is no decrease; 27,708 on 2024-02-07 then 27,000
on 2024-02-09 is. "about" figures are read as rounded to two significant figures here, so a
revision from "about 1,400" to "about 1,200" (Israel's October 7 toll, November 2023) is reported
even though the ±10% "about" allows would overlap: an official downward revision must be cited
as one. Vague plurals, percentages and period counts never enter a series.

A stock that falls is a note: a metric that may move either way (`directions: either`:
displaced, missing, detained), or a count at the time of a metric that only rises ("37 were still
in hospital"): people return, are found and are discharged, but an editor may want the fall
explained. Running totals and stocks are never compared with each other.

Severity rises with the size of the drop: the configured severity for a drop of at least
`warning_below` of the earlier figure that the full intervals show; one level lower for a smaller
drop, or one that only the rounded reading of an "about" figure shows.

A fall that only the figures as written show and that is smaller than `rounding_below` of the
earlier figure (12,500 wounded, then 12,493) is a note: the round figure was a rounding.

Options (defaults):
  severity: error
  warning_below: 0.05   # share of the earlier figure
  rounding_below: 0.01  # share of the earlier figure

PASS: killed gaza "nearly 20,000" (2023-12-20) → 19,667 (2024-01-02)
FAIL: killed gaza 27,840 (2024-02-08) → 26,000 (2024-02-10): error, a 6.6% drop
FAIL: killed israel "about 1,400" (2023-10-20) → "about 1,200" (2023-11-10): warning
"""
from __future__ import annotations

from typing import Iterator

from ._direction import breaks
from .base import CheckContext, Problem, also, claim_records, day, fmt, interval_text, pair_problem, records, series_name

ID = "decrease"
_BOUNDS = ("at_least", "more_than")
DEFAULTS = {"severity": "error", "warning_below": 0.05, "rounding_below": 0.01}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series
    rises = series["metric"].isin(context.metrics("rises")).to_numpy()
    either = series["metric"].isin(context.metrics("either")).to_numpy()
    running = (series["scope"] == "cumulative").to_numpy()
    # a running total that falls; a stock that falls, of any metric ("37 were still in hospital")
    for selected, stock in ((rises & running, False), (either | (rises & ~running), True)):
        pairs = breaks(series, selected, rising=True, ratio=context.band_ratio)
        laters = claim_records(series, pairs["row"].to_numpy())
        earliers = claim_records(series, pairs["earlier"].to_numpy())
        for pair, later, earlier in zip(records(pairs), laters, earliers):
            yield _fall(pair, earlier, later, options, stock=stock)


def _fall(pair: dict, earlier: dict, later: dict, options: dict, stock: bool) -> Problem:
    """The problem of one fall; a stock's (`stock`: displaced, missing) is a note, since people
    return and are found, but one an editor may want to see explained."""
    drop = earlier["value"] - later["value"]
    share = drop / earlier["value"] if earlier["value"] else 1.0
    hedge = "" if pair["wide"] else (
        " They disagree only as written (the margin \"about\" or a round figure allows would let both"
        " stand), which is how an official revision looks.")
    kind = "a count that may fall" if stock else "a count that only rises"
    return pair_problem(
        earlier, later,
        message=(f"{series_name(later)} falls from {interval_text(earlier)} on {day(earlier['date'])} "
                 f"({earlier['source']}) to {interval_text(later)} on {day(later['date'])} ({later['source']}), "
                 f"{fmt(drop)} fewer ({share:.1%}), in {kind}.{hedge}{also(pair['others'], 'below')}"),
        action=("If the toll was officially revised down, say so and cite the revised figure throughout; "
                "otherwise check both figures and their dates against the source."),
        minor=not pair["wide"] or share < options["warning_below"],
        note=_why_a_note(pair, earlier, later, share, options, stock),
    )


def _why_a_note(pair: dict, earlier: dict, later: dict, share: float, options: dict, stock: bool) -> str:
    """Why a fall is only a note ("" when it is not): a stock's, one from an early bound to a count, a
    later bound the earlier count satisfies, or a fall only as written and within rounding."""
    if stock:
        return "people displaced, missing, detained or in hospital return, are found or leave, so the fall may be real"
    if earlier["qualifier"] in _BOUNDS and later["qualifier"] == "exact":
        return ("the earlier figure is a bound (\"at least\", \"more than\"), as first reports give them, and the "
                "later one a count")
    if not pair["wide"] and later["qualifier"] in _BOUNDS:
        return ("the later figure is a lower bound, which the higher count satisfies; it may be the count as it "
                "stood days before, printed late")
    if not pair["wide"] and share < options["rounding_below"]:
        return "the fall is within what rounding the higher figure explains"
    return ""
