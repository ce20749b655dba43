"""Claims → series: the claim table as intervals over time, keyed by (event, metric, place, group, unit).

A figure whose place is unknown forms a series with its own document's figures only: two
articles that name no place are not known to count the same people.

Each claim also gets `guess`: why its sameness with the other figures of its series is a guess
and not read from the text ("" when it is not): an estimate, one incident's figure, a figure of
an earlier event, a place outside its event's area, or no place at all; `doubts` adds the reasons
a pair of claims gives. The pipeline makes a finding that rests on a guess a note.

A claim stands for an interval, not a point (SPEC 3.3). Two readings are kept for each claim:

- `lo`/`hi`: everything the claim allows — its qualifier's bounds, and for a figure written as a
  round number (two or more trailing zeros) the range that rounds to it at two significant
  figures or more ("1.9 million" covers 1,850,000–1,949,999, "1,200" covers 1,150–1,249).
  Two claims contradict only when these intervals cannot both hold.
- `lo_r`/`hi_r`: the figure as rounded — for "about N", N rounded to two significant figures
  ("about 1,400" is 1,350–1,449) instead of the qualifier's ±t; a round figure in digits as
  written ("1,000" is 1,000, "1.9 million" still 1,850,000–1,949,999); the same as `lo`/`hi` otherwise.
  Checks use it to see a revision that the generous `about` tolerance would hide, and report such
  findings one level lower.

Only claims that can be placed in a running series enter one: dated, not vague, not period counts.
Everything here is vectorised: a million claims take a second or two.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from datetime import date

import numpy as np
import pandas as pd
import regex

from .events import EARLIER, INCIDENT, Event
from .gazetteer import Gazetteer
from .model import Claim
from .rules import Rules

SERIES_KEY = ["event", "metric", "place", "group", "unit"]
# A reference series (SPEC 4b) names its event optionally: "" speaks for every event's claims.
REFERENCE_KEY = ["event", "metric", "place", "group", "unit"]
REFERENCE_COLUMNS = ["date", "metric", "place", "group", "value", "source"]
_UNPLACED = ("", "unknown")

class ReferenceError(Exception):
    """A reference file that cannot be used; the message names the file and the problem."""



# "just over 1,400": not much over, no more above it than "nearly" allows below.
_JUST_OVER = r"(?i)^\W*(?:just|slightly|a little|little)[ \t]+(?:over|above|more[ \t]+than)\b"
# The words of a figure rounded by its wording ("1.9 million", "two thousand", "24 lakh").
_SCALE_WORDS = r"(?i)\b(?:hundred|thousand|million|billion|lakhs?|crores?)\b|\d ?(?:mn|bn|m|k)\b"

def _trailing_zeros(values: np.ndarray) -> np.ndarray:
    zeros = np.zeros(len(values), dtype="int64")
    whole = np.abs(values.astype("int64"))
    for power in range(1, 13):
        zeros += (whole > 0) & (whole % 10 ** power == 0)
    return zeros


def rounding_margins(values: pd.Series) -> np.ndarray:
    """Half a unit of the last digit a round figure (two or more trailing zeros) is taken to be
    rounded to: at most its last non-zero digit, at least its second significant digit.

    "1.9 million" (1,900,000) → 50,000; "1,200" → 50; "20,000" → 500 (read as 19,500–20,499, not
    15,000–24,999: a reporter writing 20,000 for 17,000 would say "nearly" or "some"); "27,708"
    and "80" → 0, read as exact counts. A figure with a scale word has the same digits as one
    without, so "1.9 million" and "1,900,000" read alike.
    """
    values = pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype="float64")
    zeros = _trailing_zeros(values)
    digits = np.floor(np.log10(np.maximum(np.abs(values), 1.0))) + 1
    return np.where(zeros >= 2, 0.5 * 10.0 ** np.minimum(zeros, digits - 2), 0.0)


def _two_figure_margin(values: np.ndarray) -> np.ndarray:
    """Half a unit of the second significant digit: 1,400 → 50, 250 → 5, 7 → 0.5."""
    magnitude = np.floor(np.log10(np.maximum(np.abs(values), 1.0)))
    return 0.5 * 10.0 ** np.maximum(magnitude - 1, 0)


def key_codes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per distinct combination of `columns` (in order of appearance), so group-wise
    work runs on plain integer arrays instead of strings: a million rows in a fraction of a second."""
    code = np.zeros(len(frame), dtype="int64")
    size = 1
    for column in columns:
        part, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        width = max(len(uniques), 1)
        if size * width >= 2 ** 62:  # keep the mixed-radix code inside int64
            code, first = pd.factorize(code)
            size = len(first)
        code = code * width + part
        size *= width
    return pd.factorize(code)[0].astype("int64")


# Characters either side of a figure within which `other_counts` words speak of it.
_OTHER_COUNT_REACH = 80


def _other_counts(claims: pd.DataFrame, other_counts: Sequence[tuple[str, regex.Pattern]]) -> list[str]:
    """Per claim, the `other_counts` reason its figure (or the same figure of the same metric and
    place in its document) gives, or "": not the "36 bodies" one hospital received beside a
    country's 36 dead."""
    found: dict[tuple, str] = {}
    rows = list(zip(claims["doc"].to_numpy(), claims["metric"].to_numpy(), claims["place"].to_numpy(),
                    claims["value"].to_numpy(), claims["sentence"].to_numpy(), claims["quote"].to_numpy()))
    for doc, metric, place, value, sentence, quote in rows if other_counts else ():
        at = max(sentence.find(quote), 0)
        lo, hi = max(0, at - _OTHER_COUNT_REACH), at + len(quote) + _OTHER_COUNT_REACH
        why = next((why for why, words in other_counts if words.search(sentence, lo, hi)), "")
        if why:
            found.setdefault((doc, metric, place, value), f"the figure {why}")
    return [found.get(row[:4], "") for row in rows]


# A figure a part of the one before it: "4,576 soldiers have been wounded, some 2,300 of them during
# the ground operation" (checks/part_whole.py reads the same breakdowns).
OF_THEM = regex.compile(r"(?i)[ \t]+(?:of[ \t]+them|of[ \t]+whom|among[ \t]+them)\b")


# ... or "Seven others, among them a family of six, were released".
_AMONG_BEFORE = regex.compile(r"(?i)\b(?:including|among[ \t]+them|among[ \t]+whom)\b[^.;:\d]{0,30}$")
# A part of the count its own words name: "2,530 of the dead had already been buried", "73 of the
# injured had been discharged" (checks/part_whole.py reads the same breakdowns).
OF_THE_COUNTED = regex.compile(
    r"(?i)[ \t]+of[ \t]+the[ \t]+(?:dead|victims|deaths|injured|wounded|casualties|missing)\b")
# ... or a sentence that opens on the count it takes its figures from: "Of those killed, 115 died when
# the Canterbury Television building collapsed".
_OF_THOSE_OPENING = regex.compile(r"(?i)^\W*(?:of|among)[ \t]+(?:those|them|these|the)\b[^,\d]{0,30},")


def _unnamed_parts(claims: pd.DataFrame) -> np.ndarray:
    """Per claim, whether it is a part of the figure before it in its sentence ("2,300 of them",
    "among them a family of six") that names no group, place or window of its own, or a part of the
    count its own words name that names no group ("2,530 of the dead had already been buried"): the
    same series as its whole, but not the same people."""
    rows = zip(claims["doc"].to_numpy(), claims["sentence"].to_numpy(), claims["quote"].to_numpy(),
               claims["metric"].to_numpy(), claims["group"].to_numpy(), claims["place"].to_numpy(),
               claims["scope"].to_numpy())
    found, before = [], None
    for row in rows:
        doc, sentence, quote, *count = row
        at = sentence.find(quote)
        whole_at = sentence.find(before[2]) if before is not None else -1
        after_whole = before is not None and before[:2] == (doc, sentence) and list(before[3:]) == count \
            and 0 <= whole_at < at and (OF_THEM.match(sentence, at + len(quote)) is not None
                                        or _AMONG_BEFORE.search(sentence, whole_at, at) is not None)
        of_the_counted = count[1] == "all" and at >= 0 and (OF_THE_COUNTED.match(sentence, at + len(quote)) is not None
                                                          or _OF_THOSE_OPENING.match(sentence) is not None)
        found.append(after_whole or of_the_counted)
        before = row
    return np.array(found, dtype=bool)


# Characters before a figure, and after it, within which `earlier_statements` words date it before
# the figure its document reports as current.
_EARLIER_REACH = (150, 60)


def _stated_earlier(claims: pd.DataFrame, words: regex.Pattern) -> np.ndarray:
    """Per claim, whether the words near it say the text gives it as what was said earlier
    ("Only hours earlier officials had put the toll at about 300")."""
    before, after = _EARLIER_REACH
    found = []
    for sentence, quote in zip(claims["sentence"].to_numpy(), claims["quote"].to_numpy()):
        at = max(sentence.find(quote), 0)
        found.append(words.search(sentence, max(0, at - before), at + len(quote) + after) is not None)
    return np.array(found, dtype=bool)


def guesses(claims: pd.DataFrame, events: Mapping[str, Event], gazetteer: Gazetteer | None,
            other_counts: Sequence[tuple[str, regex.Pattern]] = ()) -> np.ndarray:
    """Per claim, why its sameness with its series is a guess ("" when the text says it). A
    figure the words near it say counts something else (`other_counts` of rules/events.yaml:
    "counting the five gunmen", "the bodies of 16 people had been recovered") is one, and so are
    its repeats in its document (the headline's "72 dead")."""
    reasons = np.full(len(claims), "", dtype=object)
    other = _other_counts(claims, other_counts)
    parts = _unnamed_parts(claims)
    kinds = {e.event: e.kind for e in events.values()}
    areas = {e.event: e.areas or (e.area,) for e in events.values()}
    for i, (event, place, estimate) in enumerate(zip(claims["event"].to_numpy(), claims["place"].to_numpy(),
                                                     claims["estimate"].to_numpy())):
        kind = kinds.get(event)
        if other[i]:
            reasons[i] = other[i]
        elif parts[i]:
            reasons[i] = "a part of the figure before it in its sentence, of people it does not name"
        elif estimate:
            reasons[i] = "an estimate, not a count"
        elif kind == INCIDENT:
            reasons[i] = "one incident's figure, matched to the others by the incident's wording only"
        elif kind == EARLIER:
            reasons[i] = "a figure of an earlier event, named in passing"
        elif place in _UNPLACED:
            reasons[i] = "no place is named for it"
        elif gazetteer is not None and any(areas.get(event, ())) and gazetteer.area_of(place) \
                and not any(gazetteer.within(place, area) for area in areas[event]):
            reasons[i] = f"its place ({place}) lies outside the event's area ({', '.join(areas[event])})"
    return reasons


def doubts(claims: Sequence[Claim], values: Sequence[int], rules: Rules, revised: Collection[str] = ()) -> list[str]:
    """Why a finding on `claims` (with `values`) may compare figures that count different things,
    or says what the text explains, beyond each claim's own `guesses`: the later figure's sentence
    states a revision ("police revised the number of injured down to 410 from 452"); two figures of one
    sentence (a sentence that seems to contradict itself is more likely misread), or of one
    article that no one source gives both of (an article names several counts: a district's, a
    day's, a group's); or figures more than `same_count_ratio` times apart (a revision or a
    misprint moves a toll by less; a different count does not)."""
    reasons = []
    ratio = rules.same_count_ratio
    # `revised`: the ids of claims whose text states a revision, "doc\0metric\0value" of the
    # figures a document says it revised (the later figure's article explains the earlier one),
    # "event\0metric\0value" of the revised figures (repeated in a later article), and
    # "replaced\0event\0metric\0value" of the figures a revision replaced
    later = claims[0] if claims else None
    if later is not None and (later.claim_id in revised or f"{later.event}\0{later.metric}\0{later.value}" in revised
                              or any(f"{later.doc}\0{c.metric}\0{c.value}" in revised for c in claims[1:])):
        reasons.append("the text states that the figure was revised")
    elif any(f"replaced\0{c.event}\0{c.metric}\0{c.value}" in revised for c in claims[1:]):
        reasons.append("the earlier figure is one the text says a revision replaced")
    sources = {c.source for c in claims}
    if len(claims) > 1 and len({(c.doc, c.line, c.sentence) for c in claims}) == 1:
        reasons.append("both figures stand in one sentence, which more likely gives them for different things "
                       "than contradicts itself")
    elif len(claims) > 1 and len({c.doc for c in claims}) == 1 and (len(sources) > 1 or "unattributed" in sources):
        reasons.append("both figures stand in one article, which may give them for different things")
    positive = [abs(v) for v in values[:2] if v]
    if len(positive) == 2 and max(positive) > ratio * min(positive):
        reasons.append(f"the figures are more than {ratio:g} times apart, more like two different counts "
                       "than one count revised or misprinted")
    elif _distant_fall(claims, rules):
        reasons.append(f"the later figure is more than {rules.distant_fall:.0%} lower, more than "
                       f"{rules.distant_days} days later, more like another count than the same one repeated "
                       "or misprinted")
    return reasons


def _distant_fall(claims: Sequence[Claim], rules: Rules) -> bool:
    """Whether the later of two dated claims is far below the earlier, long after it."""
    dated = sorted((c.as_of, c.value) for c in claims if c.as_of)
    if len(dated) != 2 or not dated[0][1]:
        return False
    (first, high), (last, low) = dated
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return days > rules.distant_days and low < (1 - rules.distant_fall) * high



def _revised(claims: pd.DataFrame, revision: regex.Pattern) -> np.ndarray:
    """Per claim, whether its sentence, or that of the same figure elsewhere in its document (a
    headline "lowers toll to about 253, citing double counting" over the body's "about 253"),
    states that the figure revises an earlier one."""
    stated = np.array([revision.search(x) is not None for x in claims["sentence"].to_numpy()], dtype=bool)
    key = pd.MultiIndex.from_arrays([claims["doc"], claims["metric"], claims["value"]])
    revised_keys = set(key[stated])
    return np.array([k in revised_keys for k in key], dtype=bool)


def wholes(claims: pd.DataFrame, events: Mapping[str, Event],
           gazetteer: Gazetteer | None) -> tuple[np.ndarray, np.ndarray]:
    """Per claim, the place its place is a part of ("" for none): the country a city or province
    lies in (when the gazetteer knows only one), and, for a place the gazetteer does not know
    ("the Rusitu Valley"), its event's country, a guess (second array True)."""
    whole = np.full(len(claims), "", dtype=object)
    guessed = np.zeros(len(claims), dtype=bool)
    if gazetteer is None:
        return whole, guessed
    area_of_event = {e.event: e.area for e in events.values() if e.kind != EARLIER}
    for i, (event, place) in enumerate(zip(claims["event"].to_numpy(), claims["place"].to_numpy())):
        if place in _UNPLACED:
            continue
        areas = gazetteer.areas_of(place)
        if len(areas) == 1 and areas[0] != place:
            whole[i] = areas[0]
        elif not areas and area_of_event.get(event) and regex.fullmatch(r"[a-z_]+", place) \
                and not place.endswith("_countries"):
            whole[i], guessed[i] = area_of_event[event], True
    return whole, guessed


def _counted_bound(frame: pd.DataFrame, value: np.ndarray) -> np.ndarray:
    """Lower bounds of running totals ("at least 373", "more than 1,459") in figures no one rounds
    to: three significant digits or more (430, 1,400 and 5,200 are round), or two not ending in 0 or 5."""
    bound = frame["qualifier"].isin(["at_least", "more_than"]).to_numpy() & (frame["scope"] == "cumulative").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.maximum(10 ** (np.floor(np.log10(np.maximum(value, 1))) - 1), 5)
        return bound & (value >= 10) & (np.mod(value, step) != 0)


def intervals(claims: pd.DataFrame, events: Mapping[str, Event] | None = None,
              gazetteer: Gazetteer | None = None, rules: Rules | None = None) -> pd.DataFrame:
    """The claim table with `lo`/`hi` and `lo_r`/`hi_r` (floats, ±inf when unbounded), `counted_bound`
    (see `_counted_bound`), `date`
    (datetime64, NaT when undated), `series_id` (an integer per series, see `key_codes`) and
    `guess` (see `guesses`; with no `events`, only estimates and unplaced figures are guesses),
    `whole` and `whole_guessed` (see `wholes`), `revised` (the sentence states a revision, by
    the rules' `revisions`) and `stated_earlier` (the words near it give the figure as said before
    the current one, by the rules' `earlier_statements`; `rules` also gives `other_counts` to `guesses`)."""
    frame = claims.copy(deep=False)  # new columns only: the input stays as it was
    qualifier = frame["qualifier"].to_numpy()
    value = pd.to_numeric(frame["value"], errors="coerce").to_numpy(dtype="float64")
    rounding = rounding_margins(frame["value"])
    exact = qualifier == "exact"
    # Counts are whole numbers: "1.9 million" stops at 1,949,999, not 1,950,000.
    persons = (frame["unit"] == "persons").to_numpy()
    upper_margin = np.where(persons & (rounding >= 1), rounding - 1, rounding)
    lower = pd.to_numeric(frame["lower"], errors="coerce").to_numpy(dtype="float64")
    upper = pd.to_numeric(frame["upper"], errors="coerce").to_numpy(dtype="float64")
    frame["lo"] = np.nan_to_num(np.where(exact, lower - rounding, lower), nan=-np.inf)
    frame["hi"] = np.nan_to_num(np.where(exact, upper + upper_margin, upper), nan=np.inf)
    just_over = (qualifier == "more_than") & frame["quote"].astype(str).str.contains(_JUST_OVER).to_numpy()
    tolerance = rules.numbers.tolerance if rules is not None else 0.1
    frame["hi"] = np.where(just_over, np.minimum(frame["hi"], value * (1 + tolerance)), frame["hi"])
    about = qualifier == "about"
    margin = _two_figure_margin(value)
    # Never wider than what the claim allows: "about 20,000" stays within its ±t.
    # A round figure in digits as written: "1,000 women" after "1,032 women" is a fall as the
    # ministry printed it; "1.9 million" is rounded by its very wording.
    as_written = exact & ~frame["quote"].astype(str).str.contains(_SCALE_WORDS).to_numpy()
    frame["lo_r"] = np.where(about, np.maximum(value - margin, frame["lo"]), np.where(as_written, lower, frame["lo"]))
    frame["hi_r"] = np.where(about, np.minimum(value + np.where(persons & (margin >= 1), margin - 1, margin),
                                               frame["hi"]), np.where(as_written, upper, frame["hi"]))
    # "killing at least 373 people", two days after the agency counted 430: a running total's bound
    # that no one rounds is a count as it stood when written, and read so, a stale one (checks/_direction.py)
    frame["counted_bound"] = _counted_bound(frame, value)
    # An unplaced figure's series is its document's own.
    unplaced = frame["place"].isin(_UNPLACED).to_numpy()
    keyed = frame[SERIES_KEY].assign(place=np.where(unplaced, "\0" + frame["doc"].astype(str), frame["place"]))
    frame["series_id"] = key_codes(keyed, SERIES_KEY)
    frame["guess"] = guesses(frame, events or {}, gazetteer, rules.other_counts if rules else ())
    # the sentence states that its figure revises an earlier one (checks/superseded.py)
    frame["revised"] = _revised(frame, rules.revision_words) if rules is not None else np.zeros(len(frame), bool)
    # the text gives the figure as what was said before its current one (checks/within_document.py)
    frame["stated_earlier"] = _stated_earlier(frame, rules.earlier_statement_words) if rules is not None \
        else np.zeros(len(frame), bool)
    frame["whole"], frame["whole_guessed"] = wholes(frame, events or {}, gazetteer)
    # Parse each distinct date once: a million claims share a few thousand dates.
    codes, uniques = pd.factorize(frame["as_of"].fillna(""))
    parsed = pd.to_datetime(pd.Series(uniques).replace("", None), errors="coerce", format="%Y-%m-%d")
    frame["date"] = parsed.to_numpy()[codes] if len(uniques) else pd.Series([], dtype="datetime64[ns]")
    return frame


def timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that form running series (dated, not vague, cumulative or current), in claim order.
    Takes the claim table, or the output of `intervals`."""
    frame = claims if "lo" in claims.columns else intervals(claims)
    keep = (frame["date"].notna() & (frame["qualifier"] != "vague")
            & frame["scope"].isin(["cumulative", "current"])).to_numpy()
    # Rows stay in claim order: checks group by integer series codes themselves, and an in-order
    # selection is much cheaper than reordering a million wide rows.
    return frame[keep].reset_index(drop=True)


def load_reference(path: str | Path) -> pd.DataFrame:
    """A reference series CSV (SPEC 4b): `date,metric,place,group,value,source[,event]`."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype={"metric": str, "place": str, "group": str, "source": str, "event": str})
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
    frame["event"] = frame["event"].fillna("").astype(str) if "event" in frame.columns else ""
    return (frame[REFERENCE_COLUMNS + ["unit", "event"]].sort_values(["event", "metric", "place", "group", "date"])
            .reset_index(drop=True))
