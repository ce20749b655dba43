"""What every check shares: the problem record, the context it reads, and how figures are written."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..series import key_codes


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports; the first claim id is the anchor shown on a line.

    `minor` asks the pipeline for one level below the configured severity (a small drop, or one
    that only the rounded reading of an "about" figure shows); `note` is why the check itself
    doubts the claims count the same thing, which makes the finding a note (SPEC 4, severity info).
    """

    claim_ids: tuple[str, ...]
    message: str
    action: str
    metric: str
    place: str
    group: str
    values: tuple[int, ...]
    dates: tuple[str, ...]
    minor: bool = False
    note: str = ""
    #: the text itself says how the figures relate ("88 deaths, including 147 children"): no guess
    #: about whether they count the same thing applies
    stated: bool = False


@dataclass(frozen=True)
class CheckContext:
    """What every check may read: all claims with intervals (`series.intervals`), the claims that
    form running series (`series.timeline`), the reference series (or None), and each metric's
    expected direction (`rises`, `falls`, `either`)."""

    claims: pd.DataFrame
    series: pd.DataFrame
    reference: pd.DataFrame | None
    directions: dict[str, str]
    band_ratio: float | None = None  # rules/checks.yaml: the width of a band of magnitude (see magnitude_bands)

    def metrics(self, direction: str) -> list[str]:
        return [m for m, d in self.directions.items() if d == direction]


def magnitude_bands(series: pd.DataFrame, ratio: float) -> list[np.ndarray]:
    """Two codings of `series` by (series, band of magnitude) where a band spans a factor of
    `ratio`; the second is offset by half a band, so two figures less than `ratio` apart always
    share a band in one of them. Checks run within bands find the pairs a series' figures of other
    magnitudes (a war's toll beside one strike's) would hide."""
    values = np.maximum(series["value"].to_numpy(dtype="float64"), 1.0)
    level = np.log(values) / np.log(ratio)
    return [key_codes(series[["series_id"]].assign(band=np.floor(level + shift).astype("int64")), ["series_id", "band"])
            for shift in (0.0, 0.5)]


def _python_values(column: pd.Series) -> list:
    """A column's values as `to_dict` gives them: Python scalars and Timestamps; a nullable
    integer column (`lower`, `upper`) gives None where it has no value."""
    if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_integer_dtype(column.dtype):
        return column.to_numpy(dtype=object, na_value=None).tolist()
    if pd.api.types.is_datetime64_dtype(column.dtype):  # a Timestamp per distinct date: making one is slow
        codes, dates = pd.factorize(column, use_na_sentinel=False)
        return dates.to_numpy(dtype=object)[codes].tolist()
    return column.to_numpy(dtype=object).tolist()


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, in order, equal to `frame.to_dict("records")`; for the rows a check reports
    on, never for whole tables. Built a column at a time: pandas boxes each cell on its own."""
    names = frame.columns.tolist()
    return [dict(zip(names, row)) for row in zip(*(_python_values(frame[name]) for name in names))]


# What messages read from a claim; taking only these keeps turning rows into dicts cheap.
MESSAGE_COLUMNS = ["claim_id", "doc", "line", "metric", "place", "group", "value", "lower", "upper", "qualifier",
                   "unit", "scope", "source", "as_of", "date", "lo", "hi"]


def claim_records(frame: pd.DataFrame, positions) -> list[dict[str, Any]]:
    """The claims at `positions` (in order) as dicts of the columns messages use."""
    return records(frame.iloc[positions, frame.columns.get_indexer(MESSAGE_COLUMNS)])


def also(count: int, relation: str) -> str:
    """' 2 later figures are also below it.' (empty for 0): further claims breaking the same one."""
    if not count:
        return ""
    return f" {count} later figure{'s are' if count > 1 else ' is'} also {relation} it."


def fmt(value: float) -> str:
    """A figure as an editor reads it: 67,174."""
    return f"{int(round(value)):,}"


def transpositions(value: int) -> list[int]:
    """The figures `value` becomes by swapping two adjacent, different digits (no leading zero)."""
    digits = str(value)
    swapped = (digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:] for i in range(len(digits) - 1)
               if digits[i] != digits[i + 1])
    return [int(s) for s in swapped if s[0] != "0"]


def transposed(a: int, b: int) -> bool:
    """True when `a` and `b` differ by swapping two adjacent digits (67,174 and 67,147)."""
    return b in transpositions(a)


@lru_cache(maxsize=4096)  # a corpus has a few thousand dates, and messages name them again and again
def day(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def series_name(row) -> str:
    """'killed in gaza' or 'killed (children) in gaza'."""
    group = "" if row["group"] == "all" else f" ({row['group']})"
    return f"{row['metric']}{group} in {row['place']}"


def interval_text(row) -> str:
    """How the text bounds a claim: '67,174', 'more than 67,174', '18,000–20,000' (a range, or a
    vague plural such as "thousands": 2,000–9,999)."""
    qualifier, value = row["qualifier"], row["value"]
    words = {"more_than": "more than", "at_least": "at least", "nearly": "nearly", "about": "about",
             "up_to": "up to", "less_than": "fewer than"}
    if qualifier in words:
        return f"{words[qualifier]} {fmt(value)}"
    if qualifier in ("range", "vague"):
        return f"{fmt(row['lower'])}–{fmt(row['upper'])}"
    return fmt(value)



def pair_problem(earlier: Mapping, later: Mapping, message: str, action: str, minor: bool = False,
                 dates: tuple[str, ...] | None = None, note: str = "") -> Problem:
    """A problem about two claims of one series, anchored on the later one (values and dates earlier
    first; `dates` defaults to the two claims' dates)."""
    return Problem(
        claim_ids=(later["claim_id"], earlier["claim_id"]), message=message, action=action,
        metric=later["metric"], place=later["place"], group=later["group"],
        values=(int(earlier["value"]), int(later["value"])),
        dates=dates if dates is not None else (day(earlier["date"]), day(later["date"])),
        minor=minor, note=note,
    )
