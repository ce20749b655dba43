"""What every check shares: the problem record, the context it reads, and how figures are written."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports; the first claim id is the anchor shown on a line."""

    claim_ids: tuple[str, ...]
    message: str
    action: str
    metric: str
    place: str
    group: str
    values: tuple[int, ...]
    dates: tuple[str, ...]
    minor: bool = False


@dataclass(frozen=True)
class CheckContext:
    """What every check may read: all claims with intervals, the running series, the reference."""

    claims: pd.DataFrame
    series: pd.DataFrame
    reference: pd.DataFrame | None
    directions: dict[str, str]


def fmt(value: float) -> str:
    """A figure as an editor reads it: 67,174."""
    return f"{int(round(value)):,}"


def day(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def interval_text(row) -> str:
    """How the text bounds a claim: '67,174' or 'more than 67,174' or '18,000–20,000'."""
    qualifier, value = row["qualifier"], row["value"]
    words = {"more_than": "more than", "at_least": "at least", "nearly": "nearly", "about": "about",
             "up_to": "up to", "less_than": "fewer than"}
    if qualifier in words:
        return f"{words[qualifier]} {fmt(value)}"
    if qualifier == "range":
        return f"{fmt(row['lower'])}–{fmt(row['upper'])}"
    return fmt(value)
