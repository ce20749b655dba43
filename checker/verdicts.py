"""A verdict for every claim of a draft, judged against the archive and the reference series.

An editor checking a draft before publication wants, claim by claim, one word and its evidence:

- `contradicts`: a warning or error finding involves the claim (a toll that falls, two sources
  that disagree, a figure off the reference); the evidence is the finding and what it rests on.
- `stale`: the newest figure of the same series known on the claim's date (archive or reference)
  lies beyond the claim's interval, the way the series moves (higher for a toll that only rises,
  lower for hostages still held). A claim the `reference` check flags is stale rather than
  contradicting when it repeats an older figure of its series.
- `unattributed`: nothing else is wrong but the text names no source; the evidence suggests the
  source the archive and reference most often give for that series.
- `consistent`: the newest known figure of the series, or one of the last `lag_days`, falls inside
  the claim's interval.
- `unverifiable`: nothing to compare with (no figure of the series on or before its date, an
  undated, vague or per-period figure, or one ahead of everything known).

Pure functions over claims, findings and the reference frame; no I/O.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd

from .checks.base import day, interval_text
from .extract import claims_frame
from .model import Claim, Finding, Severity
from .series import SERIES_KEY, intervals, timeline

CONTRADICTS, STALE, UNATTRIBUTED, CONSISTENT, UNVERIFIABLE = (
    "contradicts", "stale", "unattributed", "consistent", "unverifiable")
VERDICTS = (CONTRADICTS, STALE, UNATTRIBUTED, CONSISTENT, UNVERIFIABLE)

#: How evidence names the canonical sources of SPEC 3.5; other ids are spelled out from their words.
SOURCE_LABELS = {
    "gaza_health_ministry": "the Gaza Health Ministry",
    "gaza_government_media_office": "the Gaza Government Media Office",
    "israeli_officials": "Israeli officials",
    "afp_tally": "an AFP tally",
    "reuters_tally": "a Reuters tally",
    "unrwa": "UNRWA",
    "ocha": "UN OCHA",
    "who": "the WHO",
    "un": "the UN",
    "ohchr": "the UN human rights office (OHCHR)",
    "afad": "AFAD",
    "white_helmets": "the White Helmets",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one claim of the draft, with the evidence an editor reads."""

    claim: Claim
    verdict: str
    evidence: tuple[str, ...]
    finding_ids: tuple[str, ...] = ()
    suggested_source: str = ""

    def explanation(self) -> str:
        """The evidence on one line."""
        return "; ".join(e.rstrip(".") for e in self.evidence)

    def summary(self) -> str:
        """One line: 'stale: a newer figure exists: the Gaza Health Ministry reported 71,439 killed on 2026-01-14'."""
        return f"{self.verdict}: {self.explanation()}"


def record(v: Verdict) -> dict:
    """A verdict as plain data: where the claim stands, what it says, the verdict and evidence."""
    c = v.claim
    return {"claim_id": c.claim_id, "doc": c.doc, "path": c.path, "line": c.line, "column": c.column,
            "start": c.start, "end": c.end, "quote": c.quote, "metric": c.metric, "place": c.place,
            "group": c.group, "value": c.value, "as_of": c.as_of, "source": c.source,
            "verdict": v.verdict, "evidence": list(v.evidence), "finding_ids": list(v.finding_ids),
            "suggested_source": v.suggested_source}


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source.replace("_", " "))


def _what(metric: str, group: str) -> str:
    """'killed', 'children killed', 'hostages held' for a metric and group."""
    words = metric.replace("_", " ")
    if metric.startswith(("hostages_", "prisoners_")) and group in ("all", "hostages"):
        return words
    return words if group == "all" else f"{group.replace('_', ' ')} {words}"


def _figure(row: Mapping) -> str:
    """A known figure as evidence: who gave what on which day (and in which archive document)."""
    amount = interval_text(row) + ("%" if row["unit"] == "percent" else "")
    said = f"{amount} {_what(row['metric'], row['group'])} on {day(row['date'])}"
    if not row["doc"]:
        return f"{source_label(row['source'])} reported {said}"
    if row["source"] == "unattributed":
        return f"{row['doc']} gave {said}, unattributed"
    return f"{source_label(row['source'])} reported {said} (archive: {row['doc']})"


def _known(archive: Sequence[Claim], reference: pd.DataFrame | None) -> pd.DataFrame:
    """Every dated, precise running figure of the archive and the reference, with its interval."""
    columns = [*SERIES_KEY, "date", "lo", "hi", "value", "lower", "upper", "qualifier", "source", "doc"]
    parts = []
    if archive:
        parts.append(timeline(claims_frame(archive))[columns])
    if reference is not None and not reference.empty:
        ref = reference.assign(lo=reference["value"].astype(float), hi=reference["value"].astype(float),
                               lower=reference["value"], upper=reference["value"], qualifier="exact", doc="")
        parts.append(ref[columns])
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def _sources(archive: Sequence[Claim], reference: pd.DataFrame | None) -> dict[tuple, Counter]:
    """How often each source is given, per series (metric, place, group, unit), in the archive
    (unattributed figures left out) and the reference: counted once, not once per draft claim."""
    tally: dict[tuple, Counter] = defaultdict(Counter)
    for c in archive:
        if c.source != "unattributed":
            tally[(c.metric, c.place, c.group, c.unit)][c.source] += 1
    if reference is not None and not reference.empty:
        for key, sources in reference.groupby(SERIES_KEY[1:], sort=False)["source"]:
            tally[key].update(sources)
    return tally


def _series_of(claim: Claim, by_series: Mapping[tuple, pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """The known figures of the claim's series: the archive's of its event, and the reference's
    (which names no event, or the claim's)."""
    key = (claim.metric, claim.place, claim.group, claim.unit)
    parts = [by_series[k] for k in dict.fromkeys([(claim.event, *key), ("", *key)]) if k in by_series]
    return pd.concat(parts) if len(parts) > 1 else parts[0] if parts else empty


def _suggestion(counts: Counter) -> str:
    """The source most often given for a series ('' if none)."""
    if not counts:
        return ""
    # most frequent first; ties go to the alphabetically first id, so the output is deterministic
    return min(counts, key=lambda s: (-counts[s], s))


def _compare(claim: Mapping, series: pd.DataFrame, direction: str, lag_days: int, tolerance: float) -> tuple[str, str]:
    """(verdict, evidence) from the known figures of the claim's `series` on or before its date.

    A claim agreeing with the newest figure, or one of the last `lag_days` (news lags bulletins),
    is consistent; otherwise the newest figure decides. An open bound is read as reaching
    `tolerance` past its figure: "more than 67,174" is stale once 174,364 are reported.
    """
    rows = series[series["date"] <= claim["date"]]
    if rows.empty:
        return UNVERIFIABLE, f"no figure of this series on or before {day(claim['date'])} in the archive or reference"
    rows = rows.sort_values(["date", "doc", "source", "value"], kind="stable")
    value = float(claim["value"])
    lo = claim["lo"] if math.isfinite(claim["lo"]) else value * (1 - tolerance)
    hi = claim["hi"] if math.isfinite(claim["hi"]) else value * (1 + tolerance)
    newest = rows[rows["date"] == rows["date"].max()]
    recent = rows[(rows["date"] >= claim["date"] - pd.Timedelta(days=lag_days)) | (rows["date"] == newest["date"].iloc[0])]
    agreeing = recent[(recent["hi"] >= lo) & (recent["lo"] <= hi)]
    if not agreeing.empty:
        # the latest agreeing figure; on one day the reference (empty doc, sorted first) is cited
        match = agreeing[agreeing["date"] == agreeing["date"].max()].iloc[0]
        text = f"matches the figure on file: {_figure(match)}"
        if match["date"] < newest["date"].iloc[0]:
            text += f"; newest on file: {_figure(newest.iloc[0])}"
        return CONSISTENT, text
    behind = {"rises": newest["lo"] > hi, "falls": newest["hi"] < lo}.get(direction, pd.Series(True, index=newest.index))
    if behind.any():
        ahead = newest[behind]
        # the figure furthest along the series' direction is the one the draft lags most
        row = ahead.loc[ahead["hi"].idxmin()] if direction == "falls" else ahead.loc[ahead["lo"].idxmax()]
        return STALE, f"a newer figure exists: {_figure(row)}"
    return UNVERIFIABLE, f"beyond the newest figure on file, nothing confirms it yet: {_figure(newest.iloc[0])}"


def _repeats_older(claim: Mapping, series: pd.DataFrame) -> bool:
    """Whether a figure known before the claim's date lies inside the claim's interval."""
    older = series[series["date"] < claim["date"]]
    return bool(((older["hi"] >= claim["lo"]) & (older["lo"] <= claim["hi"])).any())


def _contradiction(claim: Claim, loud: list[Finding], claims: Mapping[str, Claim]) -> list[str]:
    """Each finding's message, then the sentences of the other claims it rests on."""
    evidence = [f.message for f in loud]
    others = dict.fromkeys(cid for f in loud for cid in f.claim_ids if cid != claim.claim_id)
    for cid in others:
        other = claims.get(cid)
        if other is not None:
            evidence.append(f"{other.doc}:{other.line} ({other.outlet or 'no outlet'}, "
                            f"{other.as_of or 'undated'}): “{other.sentence.strip()}”")
    return evidence


def judge(draft: Sequence[Claim], archive: Sequence[Claim], findings: Sequence[Finding],
          reference: pd.DataFrame | None, directions: Mapping[str, str], lag_days: int = 3,
          tolerance: float = 0.1) -> list[Verdict]:
    """A verdict for each claim of `draft`, in the draft's order.

    `findings` are those of the run over draft and archive together; `directions` maps a metric to
    how its series moves (`rises`, `falls`, `either`) and `lag_days` is how far a figure may lag
    the bulletins (both from rules/checks.yaml); `tolerance` is the qualifiers' (rules/qualifiers.yaml).
    """
    if not draft:
        return []
    known = _known(archive, reference)
    empty = known.iloc[0:0]
    by_series = {key: rows for key, rows in known.groupby(SERIES_KEY, sort=False)}
    by_id = {c.claim_id: c for c in (*archive, *draft)}
    rows = intervals(claims_frame(draft))
    sources = _sources(archive, reference) if any(c.source == "unattributed" for c in draft) else {}
    verdicts = []
    for claim, (_, row) in zip(draft, rows.iterrows()):
        involved = [f for f in findings if claim.claim_id in f.claim_ids]
        loud = [f for f in involved if f.severity.rank >= Severity.WARNING.rank]
        if pd.isna(row["date"]):
            verdict, text = UNVERIFIABLE, "undated: the figure could not be placed in time"
        elif claim.qualifier == "vague":
            verdict, text = UNVERIFIABLE, f"a vague figure (“{claim.quote}”): nothing precise to compare"
        elif claim.scope == "period":
            verdict, text = UNVERIFIABLE, "a count over a period, not a running total: nothing to compare"
        else:
            series = _series_of(claim, by_series, empty)
            verdict, text = _compare(row, series, directions.get(claim.metric, "either"), lag_days, tolerance)
        evidence = [text]
        if loud:
            # off the reference only because it repeats an older figure: stale, with the finding as evidence
            behind = (verdict == STALE and all(f.check == "reference" for f in loud)
                      and _repeats_older(row, _series_of(claim, by_series, empty)))
            verdict = STALE if behind else CONTRADICTS
            evidence = ([text] if behind else []) + _contradiction(claim, loud, by_id)
        suggested = ""
        if claim.source == "unattributed":
            suggested = _suggestion(sources.get((claim.metric, claim.place, claim.group, claim.unit), Counter()))
            advice = (f"no source named; the archive and reference most often give {source_label(suggested)}: "
                      f"“according to {source_label(suggested)}”" if suggested
                      else "no source named, and none on file for this series: say who reported it")
            if verdict in (CONSISTENT, UNVERIFIABLE):
                verdict, evidence = UNATTRIBUTED, [advice, *evidence]
            else:
                evidence.append(advice)
        verdicts.append(Verdict(claim, verdict, tuple(evidence), tuple(f.finding_id for f in involved), suggested))
    return verdicts


def counts(verdicts: Sequence[Verdict]) -> dict[str, int]:
    """How many claims got each verdict, in the fixed order of VERDICTS."""
    tally = Counter(v.verdict for v in verdicts)
    return {name: tally[name] for name in VERDICTS}


__all__ = ["VERDICTS", "Verdict", "counts", "judge", "record", "source_label"]
