"""part_whole: a part exceeds its whole on the same date: a subgroup its group's total (children
killed > all killed), or a place the country it lies in (killed in Beslan > killed in Russia).

A subgroup and its whole share metric, place, unit, scope, period and date; a place and its
country share metric, group, unit, scope, period, date and event, the country being the place's
`whole` (series.wholes; a place the gazetteer does not know is taken to lie in its event's
country, and a finding on it is a note). A breakdown is a part of the figure its sentence breaks
down, whatever either counts: "88 people have died of malnutrition, including 147 children",
"176 girls among the 137 freed". The part contradicts the whole when even the least it
claims is more than the most the whole claims (intervals, with rounding: "20,000" killed in all
covers up to 20,499). Vague plurals and percentages never enter. Copies of the same pair of
figures (syndicated reports) are reported once.

Options (defaults):
  severity: error
  outside_totals: [attackers]  groups never counted in the toll of all (an attack's gunmen are not
                               its victims: "8 attackers" beside "3 killed" is no part above its whole)

PASS: killed gaza all "nearly 20,000", children 7,729 (2023-12-20)
FAIL: killed gaza all 10,000, children 12,000 (same date)
FAIL: killed beslan "beyond 350", killed russia 323 (same date, same event)
FAIL: "88 deaths from malnutrition, including 147 children" (one sentence)
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd
import regex

from ..series import OF_THE_COUNTED, OF_THEM, key_codes
from .base import CheckContext, Problem, claim_records, day, fmt, interval_text, series_name

ID = "part_whole"
DEFAULTS = {"severity": "error", "outside_totals": ["attackers"]}

_SAME = ["metric", "place", "unit", "scope", "period_start", "date"]


def run(context: CheckContext, options: dict) -> Iterator[Problem]:
    claims = context.claims
    positions = np.flatnonzero((claims["date"].notna() & (claims["qualifier"] != "vague")
                                & (claims["unit"] == "persons")).to_numpy())
    # a figure the text gives as said earlier that day ("Minutes earlier, Santos had given a toll of
    # 210") is no whole or part of that day's current figures
    current = positions[~claims["stated_earlier"].to_numpy(dtype=bool)[positions]] \
        if "stated_earlier" in claims.columns else positions
    yield from _groups(claims, current[~np.isin(claims["group"].to_numpy()[current], options["outside_totals"])])
    yield from _places(claims, current)
    yield from _breakdowns(claims, positions)


def _groups(claims: pd.DataFrame, positions: np.ndarray) -> Iterator[Problem]:
    """Subgroups above their group's total."""
    is_whole = (claims["group"].to_numpy() == "all")[positions]
    # (metric, place, unit) from each series' id: factorizing a few thousand series, not every claim.
    sids = claims["series_id"].to_numpy()
    first = np.unique(sids, return_index=True)[1]
    whole_of = np.zeros(int(sids.max(initial=0)) + 1, dtype="int64")
    whole_of[sids[first]] = key_codes(claims.iloc[first], ["metric", "place", "unit"])
    narrow = pd.DataFrame({"whole": whole_of[sids[positions]],
                           **{c: claims[c].to_numpy()[positions] for c in _SAME[3:]}})
    same = key_codes(narrow, list(narrow.columns))
    yield from _exceeding(claims, positions, same, same, is_whole, "group")


_BY_PLACE = ["event", "metric", "group", "unit", "scope", "period_start", "date"]


def _places(claims: pd.DataFrame, positions: np.ndarray) -> Iterator[Problem]:
    """Places above the country they lie in."""
    whole = claims["whole"].to_numpy()[positions]
    place = claims["place"].to_numpy()[positions]
    narrow = claims.iloc[positions][_BY_PLACE]
    # a part's key names its whole's place; a whole's key its own place
    keys = key_codes(pd.concat([narrow.assign(at=np.where(whole != "", whole, place)),
                                narrow.assign(at=place)], ignore_index=True), [*_BY_PLACE, "at"])
    is_whole = np.isin(place, whole[whole != ""])
    yield from _exceeding(claims, positions, keys[:len(positions)], keys[len(positions):], is_whole, "place",
                          is_part=whole != "")


# A breakdown of the figure before: "88 ... deaths, including 147 children", "188 of them
# children"; a part of the figure after: "176 girls among the 137 freed".
_BREAKDOWN_OPENS = regex.compile(
    r"(?i)^[^.;:\d]{0,100}?\b(?:including|among[ \t]+them|of[ \t]+them|of[ \t]+whom|among[ \t]+whom)"
    r"[ \t,]*(?:(?:some|about|at[ \t]+least|more[ \t]+than|nearly|almost|around|roughly)[ \t]+)?$")
_BREAKDOWN_AFTER = regex.compile(r"(?i)^[^.;:\d]{0,100}?,[ \t]*$")
_TAKEN_FROM = regex.compile(r"(?i)^[^.;:\d,]{0,40}?\b(?:of|among)[ \t]+(?:the|those|all)[ \t]+(?:[\w-]+[ \t]+){0,2}$")
# the last item of a list ("115 men, 20 women and two children, among them 126 Israelis"): the
# breakdown after it is the list's total's
_LIST_ITEM = regex.compile(r"(?i)(?:\band|,)[ \t]*$")


def _breakdowns(claims: pd.DataFrame, positions: np.ndarray) -> Iterator[Problem]:
    """Parts above the figure their own sentence says they are a part of."""
    frame = claims.iloc[positions]
    rows = list(zip(positions, frame["doc"].to_numpy(), frame["sentence"].to_numpy(), frame["quote"].to_numpy(),
                    frame["metric"].to_numpy(), frame["start"].to_numpy(), frame["end"].to_numpy(),
                    frame["lo"].to_numpy(), frame["hi"].to_numpy()))
    seen = set()
    # each figure with the one before it in its sentence, and with the last of its count there
    last: dict[tuple[str, str, str], tuple] = {}
    pairs = []
    for first, second in zip([None, *rows], rows):
        if first is not None and first[1:3] == second[1:3] and first[4] == second[4]:
            pairs.append((first, second, False))
        elif last.get((second[1], second[2], second[4])) is not None:
            pairs.append((last[(second[1], second[2], second[4])], second, True))
        last[(second[1], second[2], second[4])] = second
    for first, second, apart in pairs:
        row_a, doc_a, sentence, quote_a, metric_a, _, end_a, lo_a, hi_a = first
        row_b, doc_b, sentence_b, quote_b, metric_b, start_b, _, lo_b, hi_b = second
        begins = sentence.find(quote_a)
        at = begins + len(quote_a)
        between = sentence[at: at + int(start_b - end_a)]
        after = at + len(between) + len(quote_b)
        if begins < 0 or not sentence.startswith(quote_b, at + len(between)):
            continue
        # "65 deaths and 39 missing, and said that 72 of the dead ...": a part of the count before
        of_the_count = OF_THE_COUNTED.match(sentence, after)
        breakdown = of_the_count or (not apart and (_BREAKDOWN_OPENS.match(between) or (
            _BREAKDOWN_AFTER.match(between) and OF_THEM.match(sentence, after))))
        if breakdown and not _LIST_ITEM.search(sentence, 0, begins) and lo_b > hi_a:
            part, whole = row_b, row_a
        elif not apart and _TAKEN_FROM.match(between) and lo_a > hi_b:
            part, whole = row_a, row_b
        else:
            continue
        key = (metric_a, claims["value"].iat[part], claims["value"].iat[whole])
        if key in seen:
            continue  # copies of one sentence (syndicated reports) are one finding
        seen.add(key)
        part_claim, whole_claim = claim_records(claims, [part, whole])
        yield Problem(
            claim_ids=(part_claim["claim_id"], whole_claim["claim_id"]),
            message=(f"{series_name(whole_claim)}: the sentence gives {interval_text(part_claim)} "
                     f"({part_claim['group']}) as a part of {interval_text(whole_claim)} ({whole_claim['group']}), "
                     f"more than it by at least {fmt(part_claim['lo'] - whole_claim['hi'])} ({part_claim['source']})."),
            action=("Check the breakdown: a part cannot exceed the figure it is a part of, so the figures may "
                    "be swapped or one of them mistyped."),
            # the count the sentence breaks down, and the part that exceeds it (as `_exceeding` names it)
            metric=whole_claim["metric"], place=whole_claim["place"], group=part_claim["group"],
            values=(int(part_claim["value"]), int(whole_claim["value"])),
            dates=(day(part_claim["date"]),) if pd.notna(part_claim["date"]) else (), stated=True,
        )


def _exceeding(claims: pd.DataFrame, positions: np.ndarray, part_key: np.ndarray, whole_key: np.ndarray,
               is_whole: np.ndarray, level: str, is_part: np.ndarray | None = None) -> Iterator[Problem]:
    """Parts whose least figure is above the most their whole claims that day; `level` says
    whether a part is a subgroup ("group") or a place ("place")."""
    frame = pd.DataFrame({"lo": claims["lo"].to_numpy()[positions], "hi": claims["hi"].to_numpy()[positions],
                          "row": positions, "doc": claims["doc"].to_numpy()[positions]})
    wholes_of_day = frame.assign(same=whole_key)[is_whole]
    parts = frame.assign(same=part_key)[~is_whole if is_part is None else is_part]
    pairs = parts.merge(wholes_of_day, on="same", suffixes=("", "_whole"))
    pairs = pairs[pairs["lo"] > pairs["hi_whole"]]
    # One whole per part: the part's own article's, where it gives one ("298 with lighter injuries"
    # beside its "about 180 injured"), and of those the nearest below it, the likeliest to count the
    # same people (not "11 badly hurt" beside it)
    pairs = pairs.assign(elsewhere=pairs["doc"] != pairs["doc_whole"]).sort_values(
        ["row", "elsewhere", "hi_whole", "row_whole"], ascending=[True, True, False, True],
        kind="stable").drop_duplicates("row")
    rows, wholes = pairs["row"].to_numpy(), pairs["row_whole"].to_numpy()
    # Copies of one pair of figures (syndicated reports) are one finding.
    copy = pd.DataFrame({"same": pairs["same"].to_numpy(), "part": claims[level].to_numpy()[rows],
                         "value": claims["value"].to_numpy()[rows], "qualifier": claims["qualifier"].to_numpy()[rows],
                         "whole": claims["value"].to_numpy()[wholes]}).duplicated().to_numpy()
    guessed = claims["whole_guessed"].to_numpy()[rows[~copy]] if level == "place" else np.zeros(len(rows[~copy]), bool)
    for row, whole_claim, place_guessed in zip(claim_records(claims, rows[~copy]), claim_records(claims, wholes[~copy]),
                                               guessed):
        if level == "group":
            what = f"{series_name(row)} on {day(row['date'])}: {interval_text(row)} {row['group']}"
            whole_text = f"the {interval_text(whole_claim)} counted in all"
            note = ""
        else:
            what = f"{series_name(row)} on {day(row['date'])}: {interval_text(row)}"
            whole_text = f"the {interval_text(whole_claim)} counted in {whole_claim['place']}, where it lies"
            note = (f"{row['place']} is not in the gazetteer and is taken to lie in {whole_claim['place']}"
                    if place_guessed else "")
        yield Problem(
            claim_ids=(row["claim_id"], whole_claim["claim_id"]),
            message=(f"{what} ({row['source']}) is more than {whole_text} ({whole_claim['source']}), "
                     f"by at least {fmt(row['lo'] - whole_claim['hi'])}."),
            action=("Check that both figures count the same thing on the same date: a part cannot exceed "
                    "its whole, so one of them is wrong, stale or about another place or metric."),
            metric=row["metric"], place=row["place"], group=row["group"],
            values=(int(row["value"]), int(whole_claim["value"])),
            dates=(day(row["date"]),), note=note,
        )
