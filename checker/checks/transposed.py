"""transposed: two figures of one series on one day differ by two swapped digits.

A source's toll of 1,297 that another article gives as 1,279 for the same day is a misprint of one
of them: a toll that moved between two reports of the day would hardly land on the same digits in
another order. Only figures of `min_value` or more are read (a toll of 12 and one of 21 on a day are
as likely two reports as one misprint), and only figures of different documents (an article that
writes "up from 1,279 to 1,297" gives both). Copies of one figure are reported once, on the first
pair of documents.

Options (defaults):
  severity: warning
  min_value: 100

PASS: killed haiti 1,297 (civil_protection, 08-15) and 1,419 (civil_protection, 08-15, later in the day)
FAIL: killed haiti 1,297 (civil_protection, 08-15) and 1,279 (civil_protection, 08-15, another article)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from .base import CheckContext, Problem, claim_records, day, interval_text, pair_problem, series_name, transpositions

ID = "transposed"
DEFAULTS = {"severity": "warning", "min_value": 100}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    series = context.series
    if series.empty:
        return
    values = series["value"].to_numpy()
    dated = series["date"].notna().to_numpy()
    read = np.flatnonzero(dated & (values >= options["min_value"]))
    keys = list(zip(series["series_id"].to_numpy()[read].tolist(), series["date"].to_numpy()[read].tolist(),
                    values[read].tolist()))
    rows: dict[tuple, list[int]] = {}
    for row, key in zip(read.tolist(), keys):
        rows.setdefault(key, []).append(row)
    docs = series["doc"].to_numpy()
    reported: set[tuple] = set()  # (series, day, the pair of figures)
    for (sid, date, value), these in rows.items():
        for other in transpositions(value):
            pair = frozenset((value, other))
            those = rows.get((sid, date, other))
            if not those or (sid, date, pair) in reported:
                continue
            found = next(((a, b) for a in these for b in those if docs[a] != docs[b]), None)
            if found is None:
                continue
            reported.add((sid, date, pair))
            a, b = claim_records(series, sorted(found))
            yield pair_problem(
                a, b,
                message=(f"{series_name(a)} on {day(a['date'])}: {a['source']} gives {interval_text(a)} in {a['doc']}, "
                         f"{b['source']} gives {interval_text(b)} in {b['doc']}: the same digits, two of them "
                         f"swapped, likely a misprint of one of them."),
                action="Check the figure against its source's own statement for that day.",
            )
