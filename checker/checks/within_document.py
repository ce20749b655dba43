"""within_document: one document states the same series twice with values that cannot both hold.

Two claims of one document are the same statement when they share series (metric, place, group,
unit), scope, date and period, and come from the same source (an unattributed figure counts as
any source of the document). A document that reports two sources disagreeing is not
contradicting itself; `cross_source` covers that. Two figures in one sentence are taken as two
different counts, and vague plurals never count. One finding per statement: the pair of claims
furthest apart.

Options (defaults):
  severity: warning

PASS: "80,000 people have fled Rafah" in the headline and "around 80,000" in the body
PASS: "Israel says 1,200 were killed; Hamas officials say 1,400" (two sources)
PASS: "rose on Sunday to 708" and "Only hours earlier officials had put the toll at about 300"
FAIL: "27,708 killed" and later "27,000 killed", same document, same date
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import key_codes
from .base import CheckContext, Problem, claim_records, fmt, interval_text, pair_problem, records, series_name

ID = "within_document"
DEFAULTS = {"severity": "warning"}

_STATEMENT = ["doc", "series_id", "scope", "date", "period_start"]


def _buckets(claims: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """Claims by statement and source, an unattributed claim repeated under each source of its
    statement: columns `statement`, `bucket` (codes), `lo`, `hi`, `row` (position in `claims`)."""
    narrow = pd.DataFrame({c: claims[c].to_numpy()[positions] for c in _STATEMENT + ["source"]})
    source = pd.factorize(narrow["source"])[0]
    unattributed = (narrow["source"] == "unattributed").to_numpy()
    frame = pd.DataFrame({"statement": key_codes(narrow, _STATEMENT),
                          "bucket": np.where(unattributed, -1, source),
                          "lo": claims["lo"].to_numpy()[positions], "hi": claims["hi"].to_numpy()[positions],
                          "row": positions})
    named = frame.loc[~unattributed, ["statement", "bucket"]].drop_duplicates()
    spread = frame[unattributed].drop(columns="bucket").merge(named, on="statement")
    return pd.concat([frame, spread], ignore_index=True)


def _contradictions(claims: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """Per statement and source, the pair of claims from different sentences furthest apart."""
    buckets = _buckets(claims, positions)
    keys = ["statement", "bucket"]
    grouped = buckets.groupby(keys, sort=False)
    # Only statements whose claims cannot all hold need pairing; in a real corpus that is a handful.
    buckets = buckets[(grouped["lo"].transform("max") > grouped["hi"].transform("min")).to_numpy()]
    pairs = buckets.merge(buckets, on=keys, suffixes=("_most", "_least"))
    pairs = pairs[pairs["lo_most"] > pairs["hi_least"]]
    # Two figures in one sentence are two different counts ("9 killed in the strike, 2,000 in all").
    sentence = claims["sentence"].to_numpy()
    pairs = pairs[sentence[pairs["row_most"].to_numpy()] != sentence[pairs["row_least"].to_numpy()]]
    pairs = pairs.assign(gap=pairs["lo_most"] - pairs["hi_least"],
                         first=np.minimum(pairs["row_most"], pairs["row_least"]),
                         second=np.maximum(pairs["row_most"], pairs["row_least"]))
    pairs = pairs.sort_values(["gap", "first", "second"], ascending=[False, True, True], kind="stable")
    return pairs.drop_duplicates(keys).drop_duplicates(["first", "second"]).sort_values(["first", "second"])


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    # a figure the text gives as said earlier ("Only hours earlier officials had put the toll at
    # about 300") is the count at another moment, however the day is written
    earlier = claims["stated_earlier"].to_numpy(dtype=bool) if "stated_earlier" in claims.columns \
        else np.zeros(len(claims), dtype=bool)
    positions = np.flatnonzero((claims["qualifier"] != "vague").to_numpy() & ~earlier)
    # Only a series a document states more than once can contradict itself: usually a small share.
    docs = pd.factorize(claims["doc"].to_numpy()[positions])[0].astype("int64")
    series_ids = claims["series_id"].to_numpy()[positions]
    repeated = pd.Series(docs * (int(series_ids.max(initial=0)) + 1) + series_ids).duplicated(keep=False)
    positions = positions[repeated.to_numpy()]
    pairs = _contradictions(claims, positions)
    firsts = claim_records(claims, pairs["first"].to_numpy())
    seconds = claim_records(claims, pairs["second"].to_numpy())
    for pair, first, second in zip(records(pairs), firsts, seconds):
        when = f" for {first['as_of']}" if first["as_of"] else ""
        yield pair_problem(
            first, second,
            message=(f"{first['doc']} gives {series_name(first)}{when} as {interval_text(first)} on line "
                     f"{first['line']} and {interval_text(second)} on line {second['line']}, which cannot both "
                     f"hold (at least {fmt(pair['gap'])} apart)."),
            action="Make the two figures agree, or say why they differ (another date, source or definition).",
            dates=(first["as_of"],) if first["as_of"] else (),
        )
