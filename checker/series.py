"""Claims → series: the claim table as intervals over time, keyed by (metric, place, group, unit).

A claim stands for an interval, not a point (SPEC 3.3): its qualifier's bounds, widened for
rounding when the figure is written as a round number ("1.9 million" covers 1,850,000–1,949,999).
Only claims that can be placed in a running series enter one: dated, not vague, not period counts.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import regex

SERIES_KEY = ["metric", "place", "group", "unit"]
REFERENCE_COLUMNS = ["date", "metric", "place", "group", "value", "source"]

_SCALED = regex.compile(r"(?i)(\d+)(?:\.(\d+))?\s*(million|billion|thousand|mn|bn|m|k)\b")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


class ReferenceError(Exception):
    """A reference file that cannot be used; the message names the file and the problem."""


def rounding_margin(value: int, quote: str) -> float:
    """Half a unit of the last significant digit a figure is written with.

    "1.9 million" → 50,000; "20,000" → 5,000; "27,708" → 0. A count given as a round number is
    a rounded count; its interval must cover what rounds to it.
    """
    scaled = _SCALED.search(quote or "")
    if scaled:
        decimals = len(scaled[2] or "")
        return 0.5 * 10 ** -decimals * _SCALES[scaled[3].lower()]
    if value <= 0:
        return 0.0
    zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    return 0.5 * 10 ** zeros if zeros >= 2 else 0.0


def intervals(claims: pd.DataFrame) -> pd.DataFrame:
    """The claim table with `lo`/`hi` (floats, ±inf when unbounded) and `date` (datetime64, NaT if undated)."""
    frame = claims.copy()
    margin = [rounding_margin(v, q) if qual == "exact" else 0.0
              for v, q, qual in zip(frame["value"], frame["quote"], frame["qualifier"])]
    lower = pd.to_numeric(frame["lower"], errors="coerce").astype("float64")
    upper = pd.to_numeric(frame["upper"], errors="coerce").astype("float64")
    frame["lo"] = (lower - margin).fillna(-math.inf)
    frame["hi"] = (upper + margin).fillna(math.inf)
    frame["date"] = pd.to_datetime(frame["as_of"].replace("", None), errors="coerce")
    return frame


def timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that form running series (dated, not vague, cumulative or current), sorted by key and date."""
    frame = intervals(claims)
    keep = frame["date"].notna() & (frame["qualifier"] != "vague") & frame["scope"].isin(["cumulative", "current"])
    return frame[keep].sort_values(SERIES_KEY + ["date", "claim_id"], kind="stable").reset_index(drop=True)


def load_reference(path: str | Path) -> pd.DataFrame:
    """A reference series CSV (SPEC 4b): `date,metric,place,group,value,source`."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype={"metric": str, "place": str, "group": str, "source": str})
    except FileNotFoundError:
        raise ReferenceError(f"{path}: reference file not found") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ReferenceError(f"{path}: malformed reference CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in REFERENCE_COLUMNS if c not in frame.columns]
    if missing:
        raise ReferenceError(f"{path}: reference file lacks column(s) {', '.join(missing)}")
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce", format="%Y-%m-%d")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    bad = frame["date"].isna() | frame["value"].isna()
    if bad.any():
        row = int(bad.idxmax()) + 2
        raise ReferenceError(f"{path}:{row}: bad date or value in reference row")
    frame["unit"] = "persons"
    return frame[REFERENCE_COLUMNS + ["unit"]].sort_values(["metric", "place", "group", "date"]).reset_index(drop=True)
