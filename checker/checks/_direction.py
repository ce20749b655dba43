"""Shared by `decrease` and `increase`: claims that move a series against its expected direction."""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import SERIES_KEY


def breaks(series: pd.DataFrame, directions: dict[str, str], direction: str) -> Iterator[tuple[pd.Series, pd.Series]]:
    """(earlier, later) claim pairs where `later` cannot hold if the series only `direction`s.

    For a rising series, a later claim breaks it when even its upper bound is below the highest
    lower bound stated on an earlier date (and mirror-wise for a falling one). Each breaking claim
    is paired with the earlier claim that sets that bound.
    """
    metrics = [m for m, d in directions.items() if d == direction]
    frame = series[series["metric"].isin(metrics)]
    rising = direction == "rises"
    for _, group in frame.groupby(SERIES_KEY, sort=True):
        if group["date"].nunique() < 2:
            continue
        bound = group["lo"] if rising else -group["hi"]
        # For each row: the strongest bound set on any strictly earlier date, and which row set it.
        per_day = group.assign(bound=bound).sort_values(["date", "bound"]).groupby("date").tail(1)
        best_idx, best_val, earlier = [], [], {}
        running_val, running_idx = -np.inf, None
        for idx, row in per_day.iterrows():
            earlier[row["date"]] = (running_val, running_idx)
            if row["bound"] > running_val:
                running_val, running_idx = row["bound"], idx
        for idx, row in group.iterrows():
            prior_val, prior_idx = earlier[row["date"]]
            if prior_idx is None:
                continue
            later_bound = row["hi"] if rising else -row["lo"]
            if later_bound < prior_val:
                yield group.loc[prior_idx], row
