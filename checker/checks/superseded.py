"""superseded: a later article still prints a figure its source revised away.

When a figure's own sentence states that it revises a running total down ("police revised the
toll down to 174 from 195", rules/events.yaml `revisions`), the fall itself is a note (the text
explains it). An article dated after the revision that prints the old figure again, and not the
revised one, repeats what its source withdrew: that is reported, once per repeating claim, naming
the revision. Only series that never fall (`directions: rises`) are read.

Options (defaults):
  severity: warning

PASS: 195 killed (Nov 29), "revised the toll down to 174, citing double counting" (Nov 30), 171 (Dec 2)
FAIL: the same, then "the attacks killed 195 people" (Dec 5)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from .base import CheckContext, Problem, claim_records, day, interval_text, pair_problem, series_name

ID = "superseded"
DEFAULTS = {"severity": "warning"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series
    if series.empty or "revised" not in series.columns:
        return
    rising = series["metric"].isin(context.metrics("rises")).to_numpy()
    sids, dates = series["series_id"].to_numpy(), series["date"].to_numpy()
    lo, hi, values = series["lo"].to_numpy(), series["hi"].to_numpy(), series["value"].to_numpy()
    reported: set[int] = set()
    for r in np.flatnonzero(rising & series["revised"].to_numpy()):
        same = sids == sids[r]
        # the figures the revision withdrew: earlier, and above all it allows
        old = np.flatnonzero(same & (dates < dates[r]) & (lo > hi[r]))
        if not len(old):
            continue
        later = np.flatnonzero(same & (dates > dates[r]) & ~((lo <= values[r]) & (values[r] <= hi)))
        for row in later:
            repeated = old[(lo[row] <= values[old]) & (values[old] <= hi[row])]
            if not len(repeated) or row in reported:
                continue
            reported.add(int(row))
            revision, repeat = claim_records(series, [r, row])
            yield pair_problem(
                revision, repeat,
                message=(f"{series_name(repeat)}: the text gives {interval_text(repeat)} on {day(repeat['date'])}, "
                         f"a figure {revision['source']} revised to {interval_text(revision)} on "
                         f"{day(revision['date'])} (\"{_excerpt(series['sentence'].iat[r])}\")."),
                action="Use the revised figure, or say why the earlier one is given.",
            )


def _excerpt(sentence: str, width: int = 100) -> str:
    return sentence if len(sentence) <= width else sentence[:width - 1].rstrip() + "…"
