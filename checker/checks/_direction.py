"""Shared by `decrease` and `increase`: claims that move a series against its expected direction."""
from __future__ import annotations

import numpy as np
import pandas as pd


def breaks(series: pd.DataFrame, metrics: list[str], rising: bool) -> pd.DataFrame:
    """One row per earlier claim that a later claim of its series contradicts, for series that only
    rise (`rising`) or only fall.

    In a rising series an earlier claim sets a floor (its `lo_r`); a later claim breaks it when even
    its `hi_r` is below the highest floor set on any strictly earlier date (mirror-wise for a
    falling one). Each break is paired with the earlier claim that set that floor; when several
    later claims break the same earlier one (an outlier, or copies of one report) they are one
    row, anchored on the earliest. Columns: `row` (the later claim's position in `series`),
    `earlier` (the earlier claim's), `others` (how many more later claims break the same earlier
    one) and `wide` (the full intervals contradict too, not just the rounded readings).
    """
    positions = np.flatnonzero((series["metric"].isin(metrics) & (series["unit"] == "persons")).to_numpy())
    sign = 1.0 if rising else -1.0
    # In `sign` space both directions read as "never goes down".
    sets = (series["lo_r"] if rising else series["hi_r"]).to_numpy()[positions] * sign
    test = (series["hi_r"] if rising else series["lo_r"]).to_numpy()[positions] * sign
    work = pd.DataFrame({"code": series["series_id"].to_numpy()[positions],
                         "date": series["date"].to_numpy()[positions], "sets": sets, "test": test, "row": positions})
    # Per series and day, the claim setting the strongest floor.
    per_day = (work.sort_values(["code", "date", "sets", "row"], kind="stable")
               .drop_duplicates(["code", "date"], keep="last").reset_index(drop=True))
    first = per_day["code"].ne(per_day["code"].shift())
    previous = per_day["sets"].shift().where(~first, -np.inf)
    per_day["floor"] = previous.groupby(per_day["code"]).cummax()
    # Which earlier row set the floor: the latest one to reach it.
    setter = per_day["row"].shift().where(~first & (previous == per_day["floor"]))
    per_day["floor_row"] = setter.groupby(per_day["code"]).ffill()
    work = work.merge(per_day[["code", "date", "floor", "floor_row"]], on=["code", "date"], how="left")
    broken = work[(work["test"] < work["floor"]) & work["floor_row"].notna()]
    broken = broken.sort_values(["floor_row", "date", "row"], kind="stable")
    others = broken.groupby("floor_row")["row"].transform("size") - 1
    anchor = broken.assign(others=others.to_numpy()).drop_duplicates("floor_row")
    later, earlier = anchor["row"].to_numpy(), anchor["floor_row"].to_numpy().astype("int64")
    if rising:
        wide = series["hi"].to_numpy()[later] < series["lo"].to_numpy()[earlier]
    else:
        wide = series["lo"].to_numpy()[later] > series["hi"].to_numpy()[earlier]
    return pd.DataFrame({"row": later, "earlier": earlier, "others": anchor["others"].to_numpy(), "wide": wide})
