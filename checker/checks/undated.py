"""undated: claims that could not be placed in time are listed, never guessed.

A document with no publication date and no date in the claim's sentence gives an undated claim;
it is left out of every time-based check, and listed here so the editor can date it.

Options (defaults):
  severity: info

PASS: any claim with an as_of date
FAIL: "12 people were killed" in a document with no publication date
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, interval_text, records, series_name

ID = "undated"
DEFAULTS = {"severity": "info"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    for row in records(claims[claims["date"].isna()]):
        yield Problem(
            claim_ids=(row["claim_id"],), metric=row["metric"], place=row["place"], group=row["group"],
            message=(f"{series_name(row)}: {interval_text(row)} has no date, so it was not compared over time "
                     f"or with the reference."),
            action="Give the document a publication date (front matter or manifest) or date the figure in the text.",
            values=(int(row["value"]),), dates=(),
        )
