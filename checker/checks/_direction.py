"""Shared by `decrease` and `increase`: claims that move a series against its expected direction."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .base import magnitude_bands


def breaks(series: pd.DataFrame, selected: np.ndarray, rising: bool, ratio: float | None = None) -> pd.DataFrame:
    """`_breaks` over the whole series, over its figures whose sameness is no guess and, with `ratio`, within each band of magnitude (see
    base.magnitude_bands): in a series that mixes an incident's toll with a war's (471 killed at a
    hospital, 3,478 in the war), the hospital's own fall from 500 to 471 is not hidden behind the
    war's floor; within a band only figures at most BAND_DAYS apart. Each later figure once (an
    editor fixes a figure once), against the earlier figure of its own band where it has one."""
    found = [_breaks(series, selected, rising)]
    # again among the figures whose sameness is not a guess: a later figure that counts identified
    # victims or bodies received may break the floor first, and its note would hide a plain toll's fall
    sure = selected & (series["guess"] == "").to_numpy()
    if sure.any() and not np.array_equal(sure, selected):
        found.append(_breaks(series, sure, rising))
    if rising and "counted_bound" in series.columns:
        # a bound no one rounds to, read as the count it was ("at least 373" days after 430): only where
        # no other reading of the series finds its fall, and never as the floor of another's
        counted = series["counted_bound"].to_numpy()
        as_counted = _breaks(series.assign(hi_r=np.where(counted, series["value"].astype("float64"), series["hi_r"])),
                             selected, rising)
        seen = np.concatenate([f["row"].to_numpy() for f in found])
        found.insert(0, as_counted[counted[as_counted["row"].to_numpy()] & ~np.isin(as_counted["row"], seen)])
    dates = series["date"].to_numpy()
    for codes in magnitude_bands(series, ratio) if ratio else ():
        banded = _breaks(series.assign(series_id=codes), selected, rising)
        # within a band only figures days apart: months apart, a war's small figures are other counts
        near = dates[banded["row"].to_numpy()] - dates[banded["earlier"].to_numpy()] <= np.timedelta64(BAND_DAYS, "D")
        found.append(banded[near])
    return pd.concat(found, ignore_index=True).drop_duplicates("row", keep="last").reset_index(drop=True)


#: Days within which two figures of one band of magnitude are compared (see `breaks`).
BAND_DAYS = 14


def _breaks(series: pd.DataFrame, selected: np.ndarray, rising: bool) -> pd.DataFrame:
    """One row per earlier claim that a later claim of its series contradicts, among the `selected`
    claims (a boolean per row of `series`), read as a count that only rises (`rising`) or only falls.

    In a rising series an earlier claim sets a floor (its `lo_r`); a later claim breaks it when even
    its `hi_r` is below the highest floor set on any strictly earlier date (mirror-wise for a
    falling one). Each break is paired with the earlier claim that set that floor; when several
    later claims break the same earlier one (an outlier, or copies of one report) they are one
    row, anchored on the earliest. Columns: `row` (the later claim's position in `series`),
    `earlier` (the earlier claim's), `others` (how many more later claims break the same earlier
    one) and `wide` (the full intervals contradict too, not just the rounded readings).
    """
    positions = np.flatnonzero(selected & (series["unit"] == "persons").to_numpy())
    sign = 1.0 if rising else -1.0
    # In `sign` space both directions read as "never goes down".
    sets = (series["lo_r"] if rising else series["hi_r"]).to_numpy()[positions] * sign
    test = (series["hi_r"] if rising else series["lo_r"]).to_numpy()[positions] * sign
    # a later figure's full interval, not its rounded reading: a further fall (see `_further`) must show in it
    bound = (series["hi"] if rising else series["lo"]).to_numpy()[positions] * sign
    work = pd.DataFrame({"code": series["series_id"].to_numpy()[positions], "date": series["date"].to_numpy()[positions],
                         "sets": sets, "test": test, "bound": bound, "row": positions})
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
    steps = _further(broken)
    later = np.concatenate([anchor["row"].to_numpy(), steps[:, 0]]).astype("int64")
    earlier = np.concatenate([anchor["floor_row"].to_numpy(), steps[:, 1]]).astype("int64")
    others = np.concatenate([anchor["others"].to_numpy(), np.zeros(len(steps), dtype="int64")])
    if rising:
        wide = series["hi"].to_numpy()[later] < series["lo"].to_numpy()[earlier]
    else:
        wide = series["lo"].to_numpy()[later] > series["hi"].to_numpy()[earlier]
    return pd.DataFrame({"row": later, "earlier": earlier, "others": others, "wide": wide})


def _further(broken: pd.DataFrame) -> np.ndarray:
    """(row, earlier) for each further fall after a break of one floor, in date order: 1,032 then
    1,000 then 967 is two falls, the second from 1,000, when 967 is below even what 1,000 allows
    and comes on a later day. A figure whose full interval reaches the first break ("about 400"
    after 432) is a copy or a rounding of it, and stays one of the `others`."""
    steps: list[tuple[int, int]] = []
    several = broken[broken["floor_row"].duplicated(keep=False)]  # a floor broken once has no further fall
    for _, falls in several.groupby("floor_row", sort=False):
        low = None
        for row, when, sets, bound in zip(falls["row"], falls["date"], falls["sets"], falls["bound"]):
            if low is None:
                low = (row, when, sets)
            elif bound < low[2] and when > low[1]:
                steps.append((row, low[0]))
                low = (row, when, sets)
    return np.array(steps, dtype="int64").reshape(-1, 2)
