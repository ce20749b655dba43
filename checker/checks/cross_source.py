"""cross_source: two sources disagree on the same series within a few days.

Both claims come from different sources and are dated at most `window_days` apart; an unattributed
figure speaks for its outlet, and a finding on one is a note. The
later figure may exceed the earlier by the series' own growth over the days between them (the
median daily growth of its dated figures, all sources together), and, in a series
that may move both ways (`either` in rules/checks.yaml `directions`), fall below it by the
series' own median daily fall (the missing, as people are found); beyond that, and beyond a
relative `tolerance` on each side of an exact figure (a hedged one allows what its words
allow), the two cannot both hold. Repeated copies of one report
(syndicated: same source, figure, qualifier and date in several documents) count once, and one
disagreement is reported once, on the closest pair of dates. A later figure below an earlier one
in a series that only rises is left to `decrease`. A later figure above an earlier one by more
than the series' usual growth is a note, since a toll grows fastest in an event's first days,
faster than its median pace. Pairs are also sought within bands of magnitude (`band_ratio`,
base.magnitude_bands), where a larger figure of the same day would otherwise hide them.

One source's figures of one day as two outlets print them ("3,785" in one, "4,651" in the other)
are a note where no other pair holds either: one may be the day's later update, the other a stale
copy an editor should check.

Counts of one window (scope period, with its start) are compared the same way, each window
start a series of its own: "87 killed since the truce took effect on October 11" against another
source's "97 since the ceasefire" the next day.

Options (defaults):
  severity: warning
  window_days: 2
  tolerance: 0.02

PASS: killed gaza 27,708 (gaza_health_ministry, 02-07) and "more than 27,000" (un, 02-08)
PASS: killed gaza 27,708 (ministry, 02-07) and 27,900 (who, 02-09), the series growing ~130 a day
FAIL: killed israel "about 1,400" (israeli_officials) and 1,139 (afp_tally), same day
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from ..series import key_codes
from .base import (CheckContext, Problem, claim_records, day, fmt, interval_text, magnitude_bands, pair_problem, records,
                   series_name)

ID = "cross_source"
DEFAULTS = {"severity": "warning", "window_days": 2, "tolerance": 0.02}

_DAY_BITS = 20  # days since 1970 (offset by half) fit in 20 bits
_DAY_OFFSET = 1 << (_DAY_BITS - 1)


def _day_keys(codes: np.ndarray, dates: pd.Series) -> np.ndarray:
    """One int64 per (series, day): merges and group-bys then compare single integers."""
    days = dates.to_numpy().astype("datetime64[D]").astype("int64")
    return (codes.astype("int64") << _DAY_BITS) + days + _DAY_OFFSET


def daily_moves(series: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Median growth and median fall per day between each series' successive dated figures (0 if
    unknown), by series_id; a fall is known from two steps or more."""
    finite = np.isfinite(series["lo"].to_numpy())
    keys = _day_keys(series["series_id"].to_numpy(), series["date"])[finite]
    floors = pd.Series(series["lo"].to_numpy()[finite]).groupby(keys).max()  # sorted: by series, then day
    key = floors.index.to_numpy()
    code, days = key >> _DAY_BITS, key & ((1 << _DAY_BITS) - 1)
    same = np.r_[False, code[1:] == code[:-1]]
    step = np.divide(np.diff(floors.to_numpy(), prepend=np.nan), np.diff(days, prepend=0),
                     out=np.full(len(key), np.nan), where=same)
    growth = pd.Series(np.clip(step, 0, None)).groupby(code).median().fillna(0.0)
    falls = pd.Series(np.clip(-step, 0, None)).groupby(code)
    # from one step the fall is the disagreement itself: a pace needs two
    return growth, falls.median().where(falls.count() >= 2).fillna(0.0)


def _best_two(keys: np.ndarray, sources: np.ndarray, values: np.ndarray, rows: np.ndarray,
              largest: bool) -> dict[str, np.ndarray]:
    """Per (series, day) key, the claim with the largest (or smallest) value and the best claim of
    any other source: `key`, `row1`, `source1`, `v1`, `row2`, `v2` (row2 -1 and v2 ∓inf when no
    other source spoke). Two claims per series-day are all a pair of days needs: the best pair of
    different sources is the two leaders, or one leader with the other side's runner-up."""
    signed = pd.Series(values if largest else -values)
    # idxmax takes the first of equal values: `rows` arrive in ascending order, so the earlier claim.
    leaders = signed.groupby(keys, sort=True).idxmax().to_numpy()
    lead_keys = pd.Index(keys[leaders])
    others = np.flatnonzero(sources != sources[leaders][lead_keys.get_indexer(keys)])
    runners = signed.iloc[others].groupby(keys[others], sort=False).idxmax()
    at = lead_keys.get_indexer(runners.index.to_numpy())
    best = {"key": keys[leaders], "row1": rows[leaders], "source1": sources[leaders], "v1": values[leaders],
            "row2": np.full(len(leaders), -1), "v2": np.full(len(leaders), -np.inf if largest else np.inf)}
    best["row2"][at] = rows[runners.to_numpy()]
    best["v2"][at] = values[runners.to_numpy()]
    return best


def _choose(floor: dict, ceiling: dict, at: np.ndarray,
            allowance: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For series-days of `floor` paired with those of `ceiling` (`at`: index into `ceiling`, -1 for
    none), the pair of claims from different sources whose floor (tolerance deducted) most exceeds
    the ceiling, allowance deducted: (score > 0 when they disagree, floor rows, ceiling rows)."""
    has = at >= 0
    f = {k: v[has] for k, v in floor.items()}
    c = {k: v[at[has]] for k, v in ceiling.items()}
    allowance = allowance[has]

    def score(fv: str, cv: str) -> np.ndarray:
        return f[fv] - c[cv] - allowance

    differ = f["source1"] != c["source1"]
    s12, s21 = score("v1", "v2"), score("v2", "v1")
    runner = s12 >= s21
    return (np.where(differ, score("v1", "v1"), np.maximum(s12, s21)),
            np.where(differ | runner, f["row1"], f["row2"]), np.where(differ | ~runner, c["row1"], c["row2"]))


def _disagreements(series: pd.DataFrame, moves: tuple[pd.Series, pd.Series], options: dict,
                   directions: dict[str, str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Pairs (`row_a` on the earlier or same day, `row_b`; positions in `series`) of claims from
    different sources that cannot both hold, with `days` between them and the `gap`; and each row's
    number of syndicated copies. `moves`: each series' daily growth and fall (`daily_moves`).
    Works on integer arrays throughout."""
    growth, fall = moves
    tol = options["tolerance"]
    codes = series["series_id"].to_numpy()
    sources, names = pd.factorize(series["source"])
    attributed = sources != (list(names).index("unattributed") if "unattributed" in names else -1)
    # Only series that more than one source speaks to can disagree.
    spoken = pd.Series(sources[attributed]).groupby(codes[attributed]).nunique()
    candidates = np.flatnonzero(attributed & np.isin(codes, spoken.index[spoken.to_numpy() > 1]))
    keys = _day_keys(codes, series["date"])
    # Syndicated copies (same source, figure, wording and date) count once.
    copy_key = pd.DataFrame({"key": keys[candidates], "source": sources[candidates],
                             "value": series["value"].to_numpy()[candidates],
                             "qualifier": pd.factorize(series["qualifier"].to_numpy()[candidates])[0]})
    copy_id = key_codes(copy_key, list(copy_key.columns))
    counts = np.bincount(copy_id)
    first = np.unique(copy_id, return_index=True)[1]
    copies = np.ones(len(series), dtype="int64")
    copies[candidates[first]] = counts
    kept = candidates[np.sort(first)]
    lo, hi = series["lo"].to_numpy(), series["hi"].to_numpy()
    # the tolerance widens what a figure allows where its words allow nothing more: "roughly
    # 505,500" already allows 10% either way, and "over 575,000" nothing below
    exact = series["qualifier"].to_numpy() == "exact"
    reach_lo, reach_hi = np.where(exact, lo * (1 - tol), lo), np.where(exact, hi * (1 + tol), hi)
    top = _best_two(keys[kept], sources[kept], reach_lo[kept], kept, largest=True)
    bottom = _best_two(keys[kept], sources[kept], reach_hi[kept], kept, largest=False)
    # Each series' direction, looked up once per series rather than once per claim.
    first = np.unique(codes, return_index=True)[1]
    by_series = np.full(int(codes.max(initial=0)) + 1, "either", dtype=object)
    by_series[codes[first]] = [directions.get(m, "either") for m in series["metric"].to_numpy()[first]]
    direction = by_series[codes]
    index = {"top": pd.Index(top["key"]), "bottom": pd.Index(bottom["key"])}
    found = []
    for days in range(options["window_days"] + 1):
        # b below a: a's floor over b's ceiling, b `days` later. On the same day that covers both orders.
        at = index["bottom"].get_indexer(top["key"] + days)
        if days:
            # Across days, a fall in a series that only rises is `decrease`'s to report.
            at[direction[top["row1"]] == "rises"] = -1
        # a stock that moves both ways falls at its own pace meanwhile (the missing, as people are
        # found); held hostages fall in releases, which the text reports
        allowance = np.where(direction[top["row1"]] == "either",
                             fall.reindex(codes[top["row1"]]).fillna(0.0).to_numpy() * days, 0.0)
        score, row_a, row_b = _choose(top, bottom, at, allowance)
        found.append(pd.DataFrame({"row_a": row_a, "row_b": row_b, "score": score, "days": days}))
        if not days:
            continue
        # b above a, beyond the series' growth over the days between: b's floor over a's ceiling.
        at = index["bottom"].get_indexer(top["key"] - days)
        at[direction[top["row1"]] == "falls"] = -1
        allowance = growth.reindex(codes[top["row1"]]).fillna(0.0).to_numpy() * days
        score, row_b, row_a = _choose(top, bottom, at, allowance)
        found.append(pd.DataFrame({"row_a": row_a, "row_b": row_b, "score": score, "days": days}))
    result = pd.concat(found, ignore_index=True)
    result = result[result["score"].to_numpy() > 0]
    floor_a = lo[result["row_a"].to_numpy()] - hi[result["row_b"].to_numpy()]
    floor_b = lo[result["row_b"].to_numpy()] - hi[result["row_a"].to_numpy()]
    result = result.assign(gap=np.maximum(floor_a, floor_b), code=codes[result["row_a"].to_numpy()])
    # One disagreement, one finding: the closest dates, then the widest gap; each claim once.
    result = result.sort_values(["days", "score", "row_a", "row_b"], ascending=[True, False, True, True],
                                kind="stable")
    return result.drop_duplicates("row_a").drop_duplicates("row_b"), copies


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    yield from _problems(context.series, context, options)
    # counts of one window from two sources: "87 killed since the truce took effect on October 11"
    # and "97 since the ceasefire", each window start a series of its own
    claims = context.claims
    windows = claims[((claims["scope"] == "period") & (claims["period_start"].fillna("") != "")
                      & claims["date"].notna() & (claims["qualifier"] != "vague")).to_numpy()]
    if not windows.empty:
        windows = windows.assign(series_id=key_codes(windows, ["series_id", "period_start"])).reset_index(drop=True)
        yield from _problems(windows, context, options, since=windows["period_start"].to_numpy())


def _problems(series: pd.DataFrame, context: CheckContext, options: dict,
              since: np.ndarray | None = None) -> Iterator[Problem]:
    """The disagreements within `series` (running series, or window counts with their starts `since`)."""
    if series.empty:
        return
    # an unattributed figure speaks for its outlet: against another source it is a note
    unattributed = (series["source"] == "unattributed").to_numpy()
    outlets = series["outlet"].where(series["outlet"] != "", series["doc"]).astype(str)
    series = series.assign(source=np.where(unattributed, "unattributed (" + outlets + ")", series["source"]))
    moves = daily_moves(series)
    # a window's count is set against any other the days around it, lower or higher: no other check
    # follows a window's series as `decrease` follows a running one
    directions = context.directions if since is None else {}
    pairs, copies = _disagreements(series, moves, options, directions)
    sids = series["series_id"].to_numpy()
    banded = []
    # Pairs are also sought among the attributed figures whose sameness is not a guess: the day's
    # lowest figure may count identified victims only, or be an outlet's own, and the pair with it a
    # note, which would hide a warning-worthy pair of two sources' plain tolls.
    sure = np.flatnonzero(((series["guess"] == "") & ~unattributed).to_numpy())
    if 0 < len(sure) < len(series):
        found, _ = _disagreements(series.iloc[sure], moves, options, directions)
        banded.append(found.assign(row_a=sure[found["row_a"].to_numpy()], row_b=sure[found["row_b"].to_numpy()]))
    # within bands of magnitude too (base.magnitude_bands): Kolkata's 15 against another outlet's
    # 17, on a day the state's 72 leads the series
    for codes in magnitude_bands(series, context.band_ratio) if context.band_ratio else ():
        first = np.unique(codes, return_index=True)[1]
        band_moves = tuple(pd.Series(rate.reindex(sids[first]).fillna(0.0).to_numpy(), index=codes[first])
                           for rate in moves)
        found, _ = _disagreements(series.assign(series_id=codes), band_moves, options, directions)
        banded.append(found.assign(code=sids[found["row_a"].to_numpy()]))
    pairs = pd.concat([pairs, *banded], ignore_index=True).drop_duplicates(["row_a", "row_b"])
    # one source's figures of one day as two outlets print them ("3,785" beside "4,651"): a note, since
    # one may be the day's later update, or a stale copy; only where no other pair holds either figure
    quoted = np.flatnonzero(~unattributed)
    found, _ = _disagreements(series.iloc[quoted].assign(source=series["source"].to_numpy()[quoted] + "\0"
                                                         + outlets.to_numpy()[quoted]), moves, options, directions)
    row_a, row_b = quoted[found["row_a"].to_numpy()], quoted[found["row_b"].to_numpy()]
    sources = series["source"].to_numpy()
    paired = np.concatenate([pairs["row_a"].to_numpy(), pairs["row_b"].to_numpy()])
    one_source = ((sources[row_a] == sources[row_b]) & (found["days"] == 0).to_numpy()
                  & ~np.isin(row_a, paired) & ~np.isin(row_b, paired))
    pairs = pd.concat([pairs.assign(one_source=False),
                       found[one_source].assign(row_a=row_a[one_source], row_b=row_b[one_source], one_source=True)],
                      ignore_index=True)
    rates, falls = (rate.to_dict() for rate in moves)  # dicts: looked up once per finding
    earlier = claim_records(series, pairs["row_a"].to_numpy())
    later = claim_records(series, pairs["row_b"].to_numpy())
    window = (lambda row: f" since {since[int(row)]}") if since is not None else (lambda row: "")  # noqa: E731
    for pair, a, b in zip(records(pairs), earlier, later):
        rising = b["lo"] > a["hi"]
        rate = float((rates if rising else falls).get(pair["code"], 0.0))
        allowance = (f", more than the series' {'growth' if rising else 'fall'} of about {fmt(rate)} a day allows"
                     if pair["days"] and rate else "")
        repeated = [f"{copies[int(pair[row])]} copies of the {claim['source']} figure"
                    for row, claim in (("row_a", a), ("row_b", b)) if copies[int(pair[row])] > 1]
        counted = f" ({' and '.join(repeated)} counted once)" if repeated else ""
        yield pair_problem(
            a, b,
            message=(f"{series_name(a)}{window(pair['row_a'])}: {a['source']} gives {interval_text(a)} "
                     f"on {day(a['date'])}, "
                     f"{b['source']} gives {interval_text(b)} on {day(b['date'])}, at least {fmt(pair['gap'])} "
                     f"apart{allowance}{counted}."),
            action=("Attribute each figure to its source and say which is newer; do not present the two as "
                    "one toll."),
            note="both are one source's figures of the day as two outlets print them: one may be a later update, "
            "or a stale copy" if pair["one_source"] else
            "the later figure is the higher, and a toll may grow faster than its usual pace"
            if pair["days"] and rising else
            "a figure is unattributed: its outlet's, or an unnamed source's"
            if a["source"].startswith("unattributed") or b["source"].startswith("unattributed") else "",
        )
