"""Benchmark: the checking stage on 1,000,000 synthetic claims (target: under 10 s on 2 cores).

    .venv/bin/python bench/bench_checks.py              # 1,000,000 claims
    .venv/bin/python bench/bench_checks.py --claims 200000
    .venv/bin/python bench/bench_checks.py --claims 300000 --report   # and the stages after the checks

Builds a claim table (SPEC 2) the way a large archive would give one: 2,000 series (places ×
metrics × groups) over 400 days, figures from several sources in 100,000 documents, every
qualifier, a few percentages, period counts and undated claims, syndicated copies, and a small
share of planted errors (drops, typos, jumps) so each check has something to report. A reference
series covers the `killed`/`injured` totals. It then times `series.intervals` and `timeline` and
each check on its own, and prints the total and the peak RSS of the process. With `--report` it
then times what `check` and `report` runs do with the same claims as `Claim` records: the whole
checking stage of the pipeline (claim table, checks, findings), the JSON findings and the Markdown
report.
"""
from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

from checker import checks
from checker.checks.base import records
from checker.model import CLAIM_COLUMNS, Claim
from checker.pipeline import check_claims
from checker.report import ReportContext, json_format, markdown
from checker.rules import load_rules
from checker.series import intervals, timeline

METRICS = np.array(["killed", "injured", "displaced", "hostages_held", "detained"])
GROUPS = np.array(["all", "children", "women", "civilians"])
SOURCES = np.array(["gaza_health_ministry", "un", "ocha", "afp_tally", "israeli_officials", "unattributed"])
DAYS = 400


def synthetic_claims(n: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claim table, reference series) with `n` claims."""
    rng = np.random.default_rng(seed)
    places = np.array([f"place_{i:03d}" for i in range(100)])
    place, metric, group = rng.integers(0, 100, n), rng.integers(0, len(METRICS), n), rng.integers(0, len(GROUPS), n)
    t = rng.integers(0, DAYS, n)
    # Each series grows steadily from its own base at its own pace; subgroups are shares of the whole.
    whole = place * len(METRICS) + metric
    base = 1_000 + (whole * 7919) % 50_000
    pace = 5 + (whole * 104_729) % 200
    share = np.where(group == 0, 1.0, 0.3)
    # Held hostages fall; everything else grows.
    true = np.where(metric == 3, np.maximum(base - pace * t, 0), np.round((base + pace * t) * share))
    value = true.copy()
    qualifier = rng.choice(np.array(["exact", "about", "more_than", "nearly", "at_least", "vague"]), n,
                           p=[0.7, 0.1, 0.1, 0.04, 0.04, 0.02])
    # Planted errors: 0.05% drops to half, 0.05% transposed-looking typos, 0.02% tenfold jumps.
    roll = rng.random(n)
    value = np.where(roll < 0.0005, np.round(value / 2), value)
    value = np.where((roll >= 0.0005) & (roll < 0.001), value + 27, value)
    value = np.where((roll >= 0.001) & (roll < 0.0012), value * 10, value)
    value = np.where(qualifier == "about", np.round(value, -2), value)
    value = np.where(qualifier == "nearly", np.ceil(value / 1000) * 1000, value)
    value = np.where(qualifier == "more_than", np.floor(value / 100) * 100, value)
    unit = np.where(rng.random(n) < 0.02, "percent", "persons")
    value = np.where(unit == "percent", value % 100, value).astype("int64")
    lower = np.where(qualifier == "about", value * 0.9, np.where(qualifier == "nearly", value * 0.9, value))
    upper = np.where(qualifier == "about", value * 1.1, value).astype("float64")
    upper[np.isin(qualifier, ["more_than", "at_least"])] = np.nan
    upper = np.where(qualifier == "vague", value * 5, upper)
    scope = np.where(rng.random(n) < 0.05, "period", np.where(metric == 3, "current", "cumulative"))
    dates = pd.Timestamp("2023-10-07") + pd.to_timedelta(t, unit="D")
    as_of = np.where(rng.random(n) < 0.01, "", dates.strftime("%Y-%m-%d"))
    doc_ids = rng.integers(0, 100_000, n)
    # A tenth of the claims are syndicated copies of another claim in another document.
    copy = rng.random(n) < 0.1
    src = rng.integers(0, len(SOURCES), n)
    donor = rng.integers(0, n, n)
    columns = {"place": place, "metric": metric, "group": group, "value": value, "lower": lower, "upper": upper,
               "qualifier": qualifier, "unit": unit, "scope": scope, "as_of": as_of, "src": src}
    for name, array in columns.items():
        array[copy] = array[donor[copy]]
    start = np.arange(n) * 40
    docs = np.char.add("doc_", doc_ids.astype(str))
    claims = pd.DataFrame({
        "claim_id": np.char.add(np.char.add(docs, ":"), start.astype(str)), "doc": docs,
        "path": np.char.add(docs, ".txt"), "line": 1 + (start // 400) % 60, "column": 1 + start % 400,
        "start": start, "end": start + 6, "quote": [f"{v:,}" for v in value],
        "sentence": np.char.add("sentence ", (start // 400).astype(str)),
        "metric": METRICS[metric], "place": places[place], "group": GROUPS[group], "value": value,
        "lower": pd.array(np.round(lower), dtype="Int64"),
        "upper": pd.array(np.where(np.isnan(upper), -1, np.round(upper)), dtype="Int64"),
        "qualifier": qualifier, "unit": unit, "scope": scope,
        "period_start": np.where(scope == "period", as_of, ""), "as_of": as_of, "published": as_of,
        "outlet": "wire", "source": SOURCES[src], "confidence": 0.9,
    })
    claims.loc[claims["upper"] == -1, "upper"] = pd.NA
    claims.loc[claims["qualifier"].isin(["up_to", "less_than"]), "lower"] = pd.NA
    days = pd.date_range("2023-10-07", periods=DAYS, freq="D")
    ref_places, ref_metrics = np.arange(100), [0, 1]
    grid = np.array(np.meshgrid(ref_places, ref_metrics, np.arange(DAYS), indexing="ij")).reshape(3, -1)
    ref_series = grid[0] * len(METRICS) + grid[1]
    reference = pd.DataFrame({
        "date": days[grid[2]], "metric": METRICS[grid[1]], "place": places[grid[0]], "group": "all",
        "value": 1_000 + (ref_series * 7919) % 50_000 + (5 + (ref_series * 104_729) % 200) * grid[2],
        "source": "gaza_health_ministry", "unit": "persons"})
    return claims, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--report", action="store_true",
                        help="also time check_claims, the JSON findings and the Markdown report")
    args = parser.parse_args()
    rules = load_rules()
    options = checks.configure(rules.checks)
    table, reference = synthetic_claims(args.claims)
    print(f"{len(table):,} claims, {len(reference):,} reference rows")
    began, cpu = time.perf_counter(), time.process_time()

    def timed(name: str, work, note=lambda result: ""):
        wall, used = time.perf_counter(), time.process_time()
        result = work()
        print(f"  {name:<18}{time.perf_counter() - wall:7.2f} s  ({time.process_time() - used:5.2f} s CPU)  "
              + note(result))
        return result

    frame = timed("intervals", lambda: intervals(table))
    series = timed("timeline", lambda: timeline(frame), lambda s: f"{len(s):,} claims in series")
    context = checks.CheckContext(claims=frame, series=series, reference=reference, directions=rules.directions)
    for check_id, module in checks.REGISTRY.items():
        timed(check_id, lambda: sum(1 for _ in module.run(context, options[check_id])), lambda n: f"{n:>7,} problems")
    total, cpu = time.perf_counter() - began, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU time next to wall time shows how much of the wall time other processes took.
    print(f"check stage total {total:.2f} s wall, {cpu:.2f} s CPU; peak RSS {peak:,.0f} MB (whole process)")
    if args.report:
        claims = [Claim(**row) for row in records(table[list(CLAIM_COLUMNS)])]
        found = timed("check_claims", lambda: check_claims(claims, rules, reference), lambda f: f"{len(f):>7,} findings")
        context = ReportContext(len(set(table["doc"])), tuple(claims), "bench")
        timed("json findings", lambda: json_format.render(found, context), lambda text: f"{len(text) / 1e6:,.0f} MB")
        timed("markdown report", lambda: markdown.render(found, context), lambda text: f"{len(text) / 1e6:,.0f} MB")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS {peak:,.0f} MB (whole process)")


if __name__ == "__main__":
    main()
