"""Documents → claims: every number of people a document states, with what it counts, where,
when, of whom, and on whose word (SPEC 2).

A number found by `numbers.scan` becomes a claim when a metric cue of rules/metrics.yaml stands
near it (or, failing one, it continues a list started by a claim of the same sentence: "killing
447 and wounding 1,246", "nearly 20,000 lives, including 7,729 children"). Numbers that are dates,
ages, money, distances or counts of things are dropped before that.

This module reads a document sentence by sentence and puts each claim together; each attribute
of a claim has its own module:

- sentences.py: sentences and clauses, the figure candidate (`_Candidate`)
- metric.py: which numbers count people, the metric cue, lists and breakdowns, the unit counted
- group.py: `group`, the subgroup counted
- place.py: `place`, the places named and the document's own
- source.py: `source`, attribution frames and the speakers an anaphor refers back to
- when.py: `as_of`, date phrases, speech dates, event dates
- scope.py: `scope` and `period_start`
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .. import dates
from ..model import CLAIM_COLUMNS, Claim, Document, Qualifier
from ..numbers import scan, uses_decimal_comma
from ..rules import Rules
from ..scanning import MATCH_TIMEOUT
from ..units import normalise
from ..user_cache import compiled
from .group import _claim_group, _group
from .metric import (_AMONG_THEM, _APPOSITION, _EARLIER_FIGURE, _BREAKDOWN_AFTER, _FIRST, _OF_THOSE, _PART_OF, _SAME_COUNT_BY_ANOTHER,
                     _Before, _continues, _counted_unit, _cue_matches, _figure_cue, _is_count, _own_verb_after_and, _refine,
                     _shares_predicate)
from ..gazetteer import place_id
from .estimate import _estimate
from .place import BODY_THERE, THERE, _document_place, _nationality, _place, _PlaceIndex, last_place
from .prefilter import prefilter
from .scope import SINCE_TRUCE, _scope, names_own_window
from .sentences import _ANTECEDENT, _TEASER, _Candidate, _clause_of, split_sentences
from .source import _Carried, _country, _frames, _source, _Speakers, named_sources
from .when import _EVENTS_DAY_TOLD, _SPEECH_DATE, _event_dates, _explicit_date

# Names other modules and the tests import from `checker.extract`, where they were defined before
# the attributes had modules of their own.
from .place import _located, _names_in  # noqa: E402,F401,I001
from .source import _OTHER_SOURCE, sentence_starts  # noqa: E402,F401


@dataclass(slots=True)
class _Found:
    """What is decided about one candidate; mutable while the sentence is read."""

    candidate: _Candidate
    metric: str
    cue_scope: str
    gap: int
    inherited: bool
    group: str = "all"
    place: str = ""
    earlier: bool = False  # an earlier figure of the count before it ("..., up from 313,000")


def _read_sentence(sentence: str, rules: Rules, decimal_comma: bool = False,
                   before: _Before = _FIRST) -> list[_Found]:
    """The claims of one sentence: candidates, their cues, metrics inherited along lists; `before`
    is the sentence before, whose metric a tally may count ("... unaccounted for. It stood at 61")."""
    candidates = [
        _Candidate(m, m.start, m.end)
        for m in scan(sentence, rules.numbers, decimal_comma)
        if _is_count(sentence, m, m.start, m.end, rules)
    ]
    # "at least 90 of the roughly 200 residents were killed": the second figure is the whole the
    # first is taken from; it must not stand between the first and its cue, and is a claim only
    # where its own noun's cue follows it ("117 of the 129 people killed had been identified")
    wholes = [c for i, c in enumerate(candidates) if i and _is_whole_of(sentence, candidates[i - 1], c)]
    candidates = [c for c in candidates if c not in wholes]
    if not candidates:
        return []
    cues = _cue_matches(sentence, rules)
    asides = _APPOSITION.search(sentence) is not None  # once here, not for each figure and cue
    found: list[_Found] = []
    unread: list[_Candidate] = []  # no cue of their own: may take the metric of a breakdown after them
    for cand in candidates:
        best = _figure_cue(sentence, cand, candidates, cues, asides, before, rules)
        previous = found[-1] if found else None
        earlier = previous is not None and _EARLIER_FIGURE.search(sentence, previous.candidate.end, cand.start) is not None
        if earlier and best is not None and best.gap > 1:
            # "370,000 ..., up from 313,000 in the tally the agency released": the same count,
            # earlier, unless the figure says what it counts ("up from 197 dead")
            best = None
        if best is not None and previous is not None and previous.metric == "hostages_held" \
                and best.metric == "hostages_taken" and _ANTECEDENT.match(sentence[cand.end:]):
            # "98 hostages remained in Gaza, 94 of them taken on October 7": captives still held, named
            # by their capture
            item = _Found(cand, previous.metric, previous.cue_scope, best.gap, inherited=True)
        elif best is not None:
            item = _Found(cand, best.metric, best.scope, best.gap, inherited=False)
            if previous is not None and previous.inherited and _shares_predicate(
                    sentence, previous.candidate, cand, best):
                # "..., and 153 children and 161 women among the wounded": not the list before's
                previous.metric = _refine(best.metric, sentence, previous.candidate, rules)
                previous.cue_scope = best.scope
        elif previous is not None and cand.match.kind != "vague" and not _own_verb_after_and(sentence, cand) and (
                _continues(sentence, previous.candidate, cand) or _AMONG_THEM.match(sentence[cand.end:])
                or _ANTECEDENT.match(sentence[cand.end:])  # ", and 210 of them were children": a part of it
                or _SAME_COUNT_BY_ANOTHER.search(sentence, previous.candidate.end, cand.start)):
            item = _Found(cand, previous.metric, previous.cue_scope, previous.gap, inherited=True)
        elif previous is None and not unread and cand.match.kind != "vague" and _ANTECEDENT.match(sentence[cand.end:]) \
                and (named_before := [c for c in cues if c[2] <= cand.start]):
            # "Most of the dead were combatants, and 246 of them were Hezbollah fighters": the people the
            # sentence named before, with no figure of their own
            cue = max(named_before, key=lambda c: c[2])[0]
            item = _Found(cand, cue.metric, cue.scope, 0, inherited=True)
        elif previous is None and not unread and before.metric and not sentence[:cand.start].strip() \
                and _ANTECEDENT.match(sentence[cand.end:]):
            # "16 of the dead had been identified. Four of them were foreigners": a part of the count before
            item = _Found(cand, before.metric, before.scope, 0, inherited=True)
        else:
            unread.append(cand)
            continue
        item.earlier = earlier
        if unread and not item.inherited and (_BREAKDOWN_AFTER.match(sentence[unread[-1].end: cand.start]) or (
                best is not None and _shares_predicate(sentence, unread[-1], cand, best))):
            whole = _Found(unread.pop(), item.metric, item.cue_scope, item.gap, inherited=True)
            found.append(_finish(whole, sentence, rules, None))
        found.append(_finish(item, sentence, rules, previous))
    for whole in wholes:
        own = _figure_cue(sentence, whole, [whole], cues, asides, before, rules) \
            if _WHOLE_S_OWN.match(sentence, whole.end) else None
        if own is not None and own.after:
            found.append(_finish(_Found(whole, own.metric, own.scope, own.gap, inherited=False), sentence, rules, None))
    return sorted(found, key=lambda f: f.candidate.start)


def _is_whole_of(sentence: str, part: _Candidate, whole: _Candidate) -> bool:
    """Whether `whole` is what `part` is taken from ("90 of the 200", "100 of 132"; a share is a
    part only of a whole with its determiner: "60 percent of an estimated 391,000" counts both)."""
    m = _PART_OF.match(sentence[part.end: whole.start])
    return m is not None and (m[1] is not None or part.match.kind != "percent")


# A partitive's whole with a participle of its own ("of the 129 people killed"), not a predicate
# ("of the roughly 200 residents were killed" is the part's).
_WHOLE_S_OWN = compiled(r"(?i)[ \t]+(?:(?!(?:were|was|are|is|had|have|has|been|being)\b)[\w-]+[ \t]+){0,2}?(?:killed|dead|wounded|injured|seized|taken|abducted|kidnapped|"
                        r"missing|displaced|detained|arrested|held)\b")


def _finish(item: _Found, sentence: str, rules: Rules, previous: _Found | None) -> _Found:
    """Metric refined by the noun counted, and the group counted."""
    cand = item.candidate
    item.metric = _refine(item.metric, sentence, cand, rules)
    item.group = _group(sentence, cand, rules, item.metric)
    if item.group == "living" and item.metric == "killed" and previous is not None:
        # "handed over 33 hostages, 25 of them alive and the bodies of eight": the living are no toll
        item.metric, item.cue_scope = previous.metric, previous.cue_scope
    if previous is not None and item.group == "all" and _ANTECEDENT.match(sentence[cand.end:]):
        item.group = "hostages" if previous.metric.startswith("hostages") else previous.group
    elif previous is not None and item.group == "all" and item.inherited \
            and _SAME_COUNT_BY_ANOTHER.search(sentence, previous.candidate.end, cand.start):
        item.group = previous.group  # another body's figure for the same journalists
    return item


def extract(document: Document, rules: Rules, use_prefilter: bool = True) -> list[Claim]:
    """Every claim of `document`, in text order; `use_prefilter=False` reads every sentence, which
    finds the same claims more slowly (the tests compare the two)."""
    text = document.text
    place_index = _PlaceIndex(text, rules)
    default_place = _document_place(document, place_index)
    country = _country(default_place, rules)  # the whole a "national toll" counts
    published = document.published
    decimal_comma = uses_decimal_comma(document.locale)
    event_dates = _event_dates(document.text, published)
    claims: list[Claim] = []
    names = named_sources(text, rules)
    speakers = _Speakers(rules, default_place, published, names)
    sentences = list(split_sentences(text))
    before = _FIRST
    truce: date | None = None  # the day the article says its truce began, once it says it
    last_date: date | None = None  # the date the text gave the last figure it dated, which "A day later" counts from
    windows = prefilter(rules).windows(text, sentences) if use_prefilter else None
    for i, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        if _TEASER.match(sentence):
            continue
        # outside the windows no number phrase and metric cue meet: nothing to read, but a later
        # anaphor may still refer back to the sentence's speaker
        found = _read_sentence(sentence, rules, decimal_comma, before) if windows is None or windows[i] else []
        prior = before
        before = (_Before(sentence, found[-1].metric, found[-1].cue_scope, found[-1].group,
                         tuple((f.metric, f.cue_scope, float(f.candidate.match.number.value)) for f in found))
                  if found else _Before(sentence))
        if not found:
            speakers.heard(sentence)  # read only if a later sentence refers back to it
            continue
        anaphoric = rules.source_anaphors.search(sentence, timeout=MATCH_TIMEOUT) is not None
        carried = speakers.referent(sentence) if anaphoric else _Carried()
        sentence_source = None
        previous: tuple[_Candidate | None, date | None] = (None, None)  # the sentence's previous figure, its date
        places = place_index.sentence(s_start, s_end)
        # "The health ministry there says ...": the place of the sentence before, its body's too
        there = last_place(place_index.sentence(*sentences[i - 1])) if i and THERE.search(sentence) else ""
        frames = _frames(sentence, rules, there if there and BODY_THERE.search(sentence) else default_place, names)
        for item in found:
            cand = item.candidate
            number = cand.match.number
            normalised = normalise(number.value, _counted_unit(sentence, cand, rules), rules.persons_per_household)
            if normalised is None:
                continue
            value, unit = normalised
            factor = value / number.value if number.value else 1.0
            clause_start, clause = _clause_of(sentence, cand)
            source = _source(sentence, cand, frames, tuple(f.candidate.start for f in found if f is not item))
            if source is None:
                source = carried.source
            # the date: the text's own for this figure; a breakdown's total's ("as of July 10: 5,024
            # killed"); the one the sentence referred back to gave ("... on Sunday. It said 1,210"); else
            # the publication date
            # an earlier figure ("..., up from 313,000 in the tally released on Monday") has a date of
            # its own after it, never the figure's before it
            explicit = _explicit_date(clause, cand.start - clause_start, published, previous[1],
                                      tuple(f.candidate.start - clause_start for f in found if f is not item),
                                      cand.end - cand.start, after_only=item.earlier, opening=last_date)
            if explicit is None and previous[0] is not None and not item.earlier \
                    and (item.inherited or _continues(sentence, previous[0], cand)):
                explicit = previous[1]
            previous = (cand, explicit)
            # else the day the sentence's speaker spoke ("has risen to 326, up from 225 on Wednesday, the
            # president said on Thursday")
            # ("lowering the figure of about 500 ... given in the first hours after the blast" on the
            # Tuesday the sentence says the blast came: the event's day, for an earlier figure)
            spoken = (_EVENTS_DAY_TOLD if item.earlier else _SPEECH_DATE).search(sentence, timeout=MATCH_TIMEOUT) \
                if explicit is None else None
            if spoken is not None and not item.earlier and any(
                    f.earlier and cand.end <= f.candidate.start < spoken.start()
                    and "," not in sentence[f.candidate.end:spoken.start()] for f in found):
                # "rose to 52, up from 40 reported on Monday": the day the earlier figure was given
                # (not "..., down from more than 1,400, the ministry said on Friday")
                spoken = None
            as_of = explicit or (dates.resolve(spoken["when"], published) if spoken else None) or carried.when or published
            at = cand.start - clause_start
            scope, period_start = _scope(clause, (at, at + cand.end - cand.start), item.metric, item.cue_scope,
                                         as_of, rules, event_dates,
                                         tuple(f.candidate.start - clause_start for f in found if f is not item))
            whole = claims[-1] if claims and claims[-1].start >= s_start and claims[-1].metric == item.metric else None
            if whole is not None and (_ANTECEDENT.match(sentence[cand.end:])
                                      or _BREAKDOWN_AFTER.match(sentence[whole.end - s_start: cand.start])) \
                    and not names_own_window(sentence[cand.end:min((f.candidate.start for f in found
                                                               if f.candidate.start > cand.start), default=len(sentence))], rules):
                # a part counts over its whole's time, unless it names its own ("54 of them in the past 24
                # hours"): "300, including 117 children"; "11 more deaths over the past 24 hours, two of them children"
                scope = whole.scope
                period_start = date.fromisoformat(whole.period_start) if whole.period_start else None
            if scope == "period" and SINCE_TRUCE.search(clause):
                # "since the truce took effect on October 11" dates a later "since the ceasefire"
                truce = period_start = period_start or truce
            sentence_source = sentence_source or source
            place = _place(sentence, cand, places, default_place, item.metric, country, there)
            group = item.group
            if item.earlier and claims and claims[-1].start >= s_start:
                # "..., down from almost 7,000", "seven attackers ..., correcting earlier reports of
                # six": the same count's place and group
                place = claims[-1].place
                group = claims[-1].group if group == "all" else group
            nationality = _nationality(sentence, cand, places, source or "", place, default_place, rules) \
                if group == "all" else None
            if nationality:
                place, group = nationality  # "31 Pakistani nationals" among a toll counted in Nepal
            group = _claim_group(group, place, item.metric, rules)
            if group == "all":
                # a part whose own group is everyone there keeps that of the count it is a part of:
                # "64 journalists ... Of those, 57 were Palestinian", "322 aid workers, 315 of them Palestinians"
                whole = prior if _OF_THOSE.match(sentence) else claims[-1] if (
                    claims and claims[-1].start >= s_start and _ANTECEDENT.match(sentence[cand.end:])) else None
                if whole is not None and whole.metric == item.metric:
                    group = whole.group
            if group == "staff" and source and _ITS_STAFF.match(sentence, cand.end):
                group = f"{source}_staff"  # "UNRWA says 152 of its staff": UNRWA's, not MSF's staff
            start, end = s_start + cand.start, s_start + cand.end
            line, column = document.position(start)
            bound = lambda x: None if x is None else int(round(x * factor))  # noqa: E731
            confidence = 0.5 if number.qualifier is Qualifier.VAGUE else 0.95 - 0.05 * min(item.gap, 8)
            if item.inherited:
                confidence -= 0.15
            claims.append(Claim(
                claim_id=f"{document.doc}:{start}", doc=document.doc, path=document.path,
                line=line, column=column, start=start, end=end, quote=text[start:end],
                sentence=" ".join(sentence.split()), metric=item.metric, place=place or "unknown",
                group=group, value=int(round(value)), lower=bound(number.lower), upper=bound(number.upper),
                qualifier=number.qualifier.value, unit=unit.value, scope=scope,
                period_start=period_start.isoformat() if period_start else "",
                as_of=as_of.isoformat() if as_of else "",
                published=published.isoformat() if published else "", outlet=document.outlet,
                source=source or "unattributed", confidence=round(max(0.1, confidence), 2),
                estimate=_estimate(sentence, cand, rules),
            ))
        speakers.heard(sentence, anaphoric, sentence_source)
        last_date = previous[1] or last_date
    return claims


# "152 of its staff", "35 of its Gaza staff": the speaker's own people
_ITS_STAFF = compiled(r"(?i)[ \t]+of[ \t]+(?:its|their)[ \t]")


def claims_frame(claims: Iterable[Claim]):
    """The claim table (SPEC 2) as a pandas DataFrame with the spec's columns in order."""
    import pandas as pd  # noqa: PLC0415

    claims = list(claims)
    # column by column: pandas infers each column's type once instead of transposing rows
    frame = pd.DataFrame({col: [getattr(c, col) for c in claims] for col in CLAIM_COLUMNS})
    for col in ("lower", "upper"):
        frame[col] = frame[col].astype("Int64")
    return frame
