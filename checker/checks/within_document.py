"""within_document: one document states the same series twice with values that cannot both hold.

Options: `severity` (default warning).

PASS: "80,000 people have fled Rafah" in the headline and "around 80,000" in the body
FAIL: "27,708 killed" and later "27,000 killed", same document, same date
"""
from __future__ import annotations

from typing import Iterator

from .base import CheckContext, Problem, interval_text

ID = "within_document"
DEFAULTS = {"severity": "warning"}


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims[(context.claims["qualifier"] != "vague")]
    keys = ["doc", "metric", "place", "group", "unit", "scope", "as_of", "period_start"]
    for _, group in claims.groupby(keys, sort=True):
        if len(group) < 2:
            continue
        rows = list(group.itertuples())
        for i, first in enumerate(rows):
            for second in rows[i + 1:]:
                if first.hi < second.lo or second.hi < first.lo:
                    yield Problem(
                        claim_ids=(second.claim_id, first.claim_id),
                        metric=first.metric, place=first.place, group=first.group,
                        message=(f"{first.doc} gives {first.metric} in {first.place} ({first.group}) as "
                                 f"{interval_text(first._asdict())} on line {first.line} and "
                                 f"{interval_text(second._asdict())} on line {second.line}."),
                        action="Make the two figures agree, or say why they differ (different dates or sources).",
                        values=(int(first.value), int(second.value)), dates=(first.as_of,),
                    )
                    break
