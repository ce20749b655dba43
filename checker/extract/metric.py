"""What a figure counts (the claim's `metric` and `unit`): which numbers are counts of people at
all (not dates, years, ages, money, measures or counts of things), the metric cue of
rules/metrics.yaml nearest a figure, the list or breakdown a figure without a cue of its own
continues ("killing 447 and wounding 1,246"), the metric refined by the noun counted, and whether
the figure counts people, households or a percentage. A tally ("its count had reached 68") says
that a figure is a count but not of what: the metric cues around it, or in the sentence before, do.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import NamedTuple

from .. import dates
from ..model import Unit
from ..numbers import CHANGE_VERBS, NumberMatch
from ..rules import Cue, Rules
from ..scanning import matches_at
from ..user_cache import compiled
from .sentences import _ANTECEDENT, _CLAUSE_BREAK, _REACH, _Candidate, _words_between
from .source import sentence_starts
from .when import EVENT_NOUNS


# Numbers that count no people (`_is_count`).
# the "eight" of "one in eight": number words a ratio's second term is written in
_RATIO_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|a hundred"
_NON_COUNT_BEFORE = compiled(
    r"(?i)(?:[$€£¥₪₹₦₱₩₫]|\b(?:hotline|helpline|phone|telephone|tel|fax|whatsapp|dial|call)(?:[ \t]+(?:is|on|at|number))?[ \t:]*$"
    # "one in eight", "one child in three", "two people in every 10,000": a ratio
    r"|\b(?:(?:one|\d+)(?:[ \t]+\w+)?[ \t]+in|[\w,]+(?:[ \t]+\w+)?[ \t]+in[ \t]+every)[ \t]*$"
    # "differed by more than two lakh": a gap between counts, not one
    r"|\b(?:differ(?:s|ed)?|diverg(?:e|es|ed))[ \t]+by"
    r"(?:[ \t]+(?:more[ \t]+than|over|about|some|nearly|almost))?[ \t]*$"
    r"|\b(?:usd|eur|us\$|gbp|inr|rs\.?|ngn|php|vnd|krw|jpy|aud|aged|ages|age|ages? of|(?<!\b(?:dead|victims)(?: now| could| may| might| will)? )number|no\.|article|resolution|"
    r"route|page|flight|channel|highway|section|chapter|room|apartment|building|unit|"
    r"magnitude|grade|level|category|phase|wave|covid|[a-z]+-)|\w-|[+#])[ \t]*$|\d[:.,]$")
_NON_COUNT_AFTER = compiled(
    r"(?i)^(?:-?\w*-(?!strong)\w|[ \t]+of[ \t]+the[ \t]+\w+est\b|"
    rf"[ \t]+in[ \t]+(?:every[ \t]+)?(?:(?!(?:1[89]|20)\d\d\b)\d+|{_RATIO_WORDS})\b"
    r"(?![ \t]+(?:\w+[ \t]+)?(?:hours?|days?|weeks?|months?|years?|attacks?|strikes?))|"  # "one in eight"
    r"[ \t]+(?:rise|increase|jump|drop|decline|fall|decrease|surge|spike)\b|[ \t]*(?:years?[ \t-]old|-year|year-old|:\d|\.\d|/\d|st\b|nd\b|rd\b|th\b|°|"
    r"km|mm\b|cm\b|kg\b|ml\b|mph|m/s|a\.m\.|p\.m\.|am\b|pm\b))")
# "one child in three", "two people in every 10,000": a ratio, read from the figure itself
_RATIO = compiled(
    r"(?i)(?:(?:about|around|roughly|nearly|almost|some|over)[ \t]+)?(?:one[ \t]+\w+[ \t]+in|[\w,.-]+[ \t]+\w+[ \t]+in[ \t]+every)[ \t]+"
    rf"(?:[\d,]+|{_RATIO_WORDS})\b")
_PEOPLE_NOUN = compiled(
    r"(?i)^[ \t]+(?:people|persons|residents|civilians|children|women|men|soldiers|palestinians|"
    r"israelis|ukrainians|hostages|victims|others|refugees|migrants|bodies|dead|deaths|killed|injured|wounded)\b")
_SHARE_OF = compiled(r"(?i)^[ \t]+of[ \t]+(?:the[ \t]+|all[ \t]+|its[ \t]+|their[ \t]+)?")
# "one of the last health posts": the words that single out the things a figure is a part of
_SUPERLATIVE = compiled(r"(?i)^(?:last|few|only|remaining|main|largest|biggest|busiest|first)[ \t]+")
# "at least 90 of the roughly 200 residents": the whole a figure is taken from (`_read_sentence`).
# ("about 100 of 132 foreign hostages freed", as headlines drop the article; but "60 percent of
# an estimated 391,000 refugees" is a share of a figure that counts on its own)
_PART_OF = compiled(r"(?i)^[ \t]+of[ \t]+(?:(the|its|their|some|\w+(?:'s|’s))[ \t]+)?$")

# The cue of a figure (`_best_cue`).
# "91 of the [251] people": a cue right after the whole a figure is taken from is the whole's.
_PARTICIPLE_PHRASE = compiled(r"(?i)[ \t]+(?:on|in|from|during|at|by|since)\b")
# (not "eight of the deaths", where the cue is the whole's noun and the figure's too)
_PARTITIVE = compiled(r"(?i)^[ \t]+of[ \t]+the[ \t]+(?:[\d,]+[ \t]+)?[\w-]+[ \t]+$")
_OF_THOSE_BEFORE = compiled(r"(?i)^[ \t]+of[ \t]+those[ \t]+$")
_APPOSITION = compiled(
    r"(?i),[ \t]*(?:(?:[\w-]+[ \t]+)?[\w.,-]+[ \t]+of[ \t]+(?:them|whom)\b|(?:or|including|mostly|most of them|many of them|among them)\b"
    # a share, maybe hedged: "some 85% of Gaza's population", "about three-quarters of the population"
    r"|(?:(?:some|about|around|roughly|nearly|almost|over|more than|close to)[ \t]+)?"
    r"(?:(?:a quarter|a third|a fifth|half|\w+-(?:thirds|quarters|fifths|tenths))\b|[\d.]+ ?(?:%|percent|per cent)))[^,;:]{0,80},")
# "1.5 million people [in the quake zone] are now homeless": a place phrase before the verb.
_LOCATIVE_PHRASE = compiled(
    r"(?i)\b(?:in|across|inside|throughout|near|around|from)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+"
    r"(?=[ \t]+(?:are|were|have|had|has|is|was|remain|remained|remains)\b)")
# No noun after the figure ("displaced more than 10 million, ..."): the cue's noun test is moot.
_NO_NOUN = compiled(r"(?i)^[ \t]*(?:[.,;:)]|$|(?:in|across|since|from|over|during|last|this|so far)\b)")
_NEXT_VERB = compiled(r"(?i)\band[ \t]+$")
_PUT_AT = compiled(r"(?i)[ \t]+(?:at|to)[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|more[ \t]+than[ \t]+)?\d")
# ", and" between a toll's word and a figure: the figure opens the next item of a list.
_NEW_ITEM = compiled(r",[ \t]+and\b")
_AND_OR = compiled(r"(?i)\b(?:and|or)\b|,")

# Lists and breakdowns: a figure without a cue of its own takes the metric of the one it
# continues (`_continues`, `_read_sentence`).
_COORDINATION = compiled(r"(?i)\b(?:and|including|of whom|of them|among them|among whom|plus|as well as|with)\b|[,:]")
# A breakdown of a figure ("..., including 386 children", "...: 72 Palestinians, three Lebanese")
# may stand further from it than a plain list item.
_BREAKDOWN = compiled(
    r"(?i)(?:\b(?:including|of whom|of them|among them|among whom|among those)\b|:)(?:\W+\w+){0,2}\W*$"
    r"|\b(?:bringing|raising|taking|pushing)\b.*\bto\W*$")  # "..., bringing the total since January to 1,316"
# A clause break other than the colon that opens a breakdown; ", where ..." opens a clause of its
# own ("evacuated 1,000 people from Mallacoota, where about 4,000 residents had gathered").
_NEW_CLAUSE = compiled(r"[;—]|\s-\s|\b(?:but|while|whereas|although)\b|,[ \t]+where\b")
# "... and UNICEF said about 100,000 children were among them": a part of the figure before.
_AMONG_THEM = compiled(r"(?i)^[ \t]+(?:[\w-]+[ \t]+){0,2}(?:were|are)[ \t]+among[ \t]+(?:them|those)\b")
# "its count ... had reached 85, while the media office put the number at 123": the same count
# another body gives, right after the first (`_read_sentence`).
_SAME_COUNT_BY_ANOTHER = compiled(
    r"(?i),[ \t]+(?:while|whereas|but)[ \t]+[^,;\d]{1,80}?[ \t](?:put|puts|putting|gave|gives|giving|placed|places|set|sets)"
    r"[ \t]+(?:the|its|their)[ \t]+(?:number|figure|toll|count|tally|total)[ \t]+(?:at|as)[ \t]+(?:\w+[ \t]+)?$")
# "316 people had been injured and 122 had been airlifted to Kenya": a figure with a verb of its
# own, no metric's cue, counts something else than the list before it (`_read_sentence`).
_OWN_PREDICATE = compiled(r"(?i)[ \t]+(?:(?:people|others|more)[ \t]+)?(?:had|have|has|were|was)[ \t]+"
                          r"(?:been[ \t]+)?(?:[a-z]+ly[ \t]+)?[a-z]+ed\b(?![ \t]+as\b)")  # not "were classed as injured"


def _own_verb_after_and(sentence: str, cand: _Candidate) -> bool:
    """Whether the figure opens a clause of its own after "and": "... injured and 122 had been airlifted"."""
    return _NEXT_VERB.search(sentence, max(0, cand.start - 8), cand.start) is not None \
        and _OWN_PREDICATE.match(sentence, cand.end) is not None


# "463 people, including 157 children, have died": the figure before a breakdown takes its metric.
_BREAKDOWN_AFTER = compiled(r"(?i)^(?:[ \t]+[\w-]+){0,3},?[ \t]+(?:including|among them|among whom)[ \t]+$")
_LIST_GAP, _BREAKDOWN_GAP = 10, 25
# "the number of confirmed infections rose to": a tally that says what it counts, not with a cue.
_COUNT_OF = compiled(r"(?i)\bof[ \t]+(?!(?:those|them|these)\b)\w")
# "64 children and 57 women": two figures, each with its noun, joined as one list.
_LIST_PARTNER = compiled(r"(?i)(?:[ \t]+[\w'’-]+){0,3}[ \t]+(?:and|or)[ \t]+$")
# The figure a count was revised from: "up from 614", "has fallen to four from 28".
_EARLIER_FIGURE = compiled(r"(?i)\b(?:(?:up|down|rising|falling|revised|increased|decreased|jump|jumped|rise|rose|climb|"
                           r"climbed|increase|drop|dropped|fall|fell)[ \t]+from(?:[ \t]+(?:the|an?))?"
                           # "up from an earlier count of 180"
                           r"(?:[ \t]+(?:earlier|previous|initial|first))?(?:[ \t]+(?:count|figure|toll|tally|estimate)[ \t]+of)?"
                           # "correcting earlier reports of six", "lowering the figure of about 500 dead that its
                           # officials had given"
                           r"|correct(?:ing|ed|s)?[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:earlier|initial|previous|first)[ \t]+"
                           r"(?:reports?|figures?|counts?|tolls?)[ \t]+of"
                           r"|(?:lower|lowered|lowering|revising|revised|cutting|cut|raising|raised)[ \t]+(?:the|its|an?)[ \t]+"
                           r"(?:(?:earlier|initial|previous|first)[ \t]+)?(?:figure|count|toll|tally|estimate)[ \t]+(?:of|from))[ \t]*$")
_TO = compiled(r"(?i)\bto[ \t]*$")
# "rose to 446 on Sunday from 417": the date of the new figure may stand before "from".
_ON_DAY = r"(?:[ \t]+(?:on|by)[ \t]+[\w.]+(?:[ \t]+\d+)?)?"
_FROM = compiled(rf"(?i)^{_ON_DAY}[ \t]+from(?:[ \t]+the)?[ \t]*$")
# "fell from 79 to 56": the count it changed to after the count it changed from.
_CHANGED_FROM = compiled(rf"(?i)\b{CHANGE_VERBS}[ \t]+from[ \t]*$")
_TO_NEXT = compiled(rf"(?i)^{_ON_DAY}[ \t]+to[ \t]*$")


def _is_count(sentence: str, m: NumberMatch, start: int, end: int, rules: Rules) -> bool:
    """False for numbers that are dates, years, ages, times, money, measures or counts of things."""
    before, after = sentence[max(0, start - 30): start], sentence[end: end + 40]
    if _NON_COUNT_BEFORE.search(before) or _NON_COUNT_AFTER.match(after) or _RATIO.match(sentence, start):
        return False
    if dates.MONTH_BEFORE.search(before) or dates.MONTH_AFTER.match(after):
        return False
    if _STEP_BEFORE.search(before) and _STEP_AFTER.match(after):
        return False  # "the toll rose by 12 to 345": the step, not a count of its own
    if m.number.unit is Unit.PERSONS and rules.non_people.match(after):
        return False
    if m.number.unit is Unit.PERSONS and m.number.value != round(m.number.value):
        return False  # "1.16 people" counts no one: a European "1.160" in a document without its locale
    share_of = _SHARE_OF.match(after)
    if share_of and rules.non_people.match(_SUPERLATIVE.sub("", after[share_of.end():], count=1)):
        return False  # "80% of hospitals", "one of the last health posts"
    core = sentence[start:end]
    if m.kind == "digits" and dates.YEAR.fullmatch(core.strip()) and (not _PEOPLE_NOUN.match(after)
                                                             or dates.DAY_BEFORE.search(before)
                                                             or _EVENT_OF.search(before)):
        return False  # "the hurricane of 1900 killed", not 1,900 killed
    if _AGE_BOUND.match(core) and _AGED_PEOPLE.search(before):
        return False  # "730 children under five": an age, part of the group
    if _MILLIMETRES.search(core):
        return False  # "352.2 mm of rain": a measure, not "mm" for million as in finance
    return True


_STEP_BEFORE = compiled(r"(?i)\b(?:rose|risen|rises|climbed|jumped|increased|grew|went[ \t]+up|fell|dropped|declined|"
                        r"raised|lowered|revised(?:[ \t]+(?:up|down))?)[ \t]+by[ \t]+$")
_STEP_AFTER = compiled(r"^,?[ \t]+to[ \t]+(?:about[ \t]+|around[ \t]+|nearly[ \t]+|more[ \t]+than[ \t]+)?\d")
_EVENT_OF = compiled(rf"(?i)\b{EVENT_NOUNS}[ \t]+(?:of|in)[ \t]+$")
_MILLIMETRES = compiled(r"\d[ \t]*mm$")
# "children under five", "those over 60": a bound after people is their age, not a count.
_AGE_BOUND = compiled(r"(?i)(?:under|below|over|above|aged)\b")
_AGED_PEOPLE = compiled(r"(?i)\b(?:children|kids|infants|babies|boys|girls|people|those|adults|men|women|patients)[ \t]+$")


def _cue_matches(sentence: str, rules: Rules) -> list[tuple[Cue, int, int]]:
    """(cue, start, end) of every metric cue of the sentence, tried only where it can begin."""
    found = []
    for cue, offsets in zip(rules.cues, sentence_starts(rules)(sentence)):
        for m in matches_at(cue.pattern, sentence, offsets) if offsets else ():
            found.append((cue, m.start(), m.end()))
    return found


@dataclass(frozen=True, slots=True)
class _Before:
    """The sentence before the one read, which a tally or a metric refined by its context looks
    back to ("Three people remain unaccounted for. ... it stood at 475")."""

    text: str = ""
    metric: str = ""  # its last claim's, if it has any
    scope: str = ""
    group: str = "all"
    counts: tuple[tuple[str, str, float], ...] = ()  # (metric, scope, value) of each of its claims


_FIRST = _Before()  # what the first sentence of a document has before it
# "Of those, 57 were Palestinian": the figures are parts of the count the sentence before gave.
_OF_THOSE = compiled(r"(?i)^\W*(?:of|among)[ \t]+(?:those|them|these),")


class _Told(NamedTuple):
    """What a figure's cue tells: the metric, its scope, the distance in words and whether the
    cue stands after the figure."""

    metric: str
    scope: str
    gap: int
    after: bool


def _figure_cue(sentence: str, cand: _Candidate, others: list[_Candidate], cues: list[tuple[Cue, int, int]],
                asides: bool, before: _Before, rules: Rules) -> _Told | None:
    """What the candidate's cue (`_best_cue`) tells; a tally's metric is its context's (`_tally_metric`)."""
    best = _best_cue(sentence, cand, others, cues, asides)
    if best is None:
        return None
    cue, gap, start = best
    told = (cue.metric, cue.scope) if cue.metric else _tally_metric(sentence, start, cand, others, cues, before, rules)
    if told is None:
        return None
    return _Told(*_in_context(*told, cues, before, rules), gap, cue.position == "after")


def _shares_predicate(sentence: str, earlier: _Candidate, cand: _Candidate, told: _Told) -> bool:
    """Whether `earlier` and `cand` are one list whose predicate follows it, so that both count
    what it says: "64 children and 57 women were among the dead" (but "1,005 suspected cases and 24
    deaths": a noun right after the figure is the figure's own)."""
    return told.after and told.gap > 0 and _LIST_PARTNER.match(sentence, earlier.end, cand.start) is not None


def _in_context(metric: str, scope: str, cues: list[tuple[Cue, int, int]], before: _Before,
                rules: Rules) -> tuple[str, str]:
    """The metric its context makes a figure count (rules.context_refinements): after an
    abduction, those unaccounted for are the captives."""
    for refined, context, becomes in rules.context_refinements:
        if metric == refined and (
                any(cue.metric in context for cue, _, _ in _telling(cues))
                or any(cue.metric in context for cue, _, _ in _telling(_cue_matches(before.text, rules)))):
            # (the scope its cue gave the first metric by default is the new metric's own)
            return becomes, rules.metric_scopes[becomes] if scope == rules.metric_scopes[metric] else scope
    return metric, scope


def _telling(cues: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
    """The cues that name a metric by their words alone, in text order: no tally, and none that
    needs a noun after it ("took" tells of hostages only before "hostages")."""
    return sorted((c for c in cues if c[0].metric and c[0].noun is None), key=lambda c: c[1])


def _tally_metric(sentence: str, start: int, cand: _Candidate, others: list[_Candidate],
                  cues: list[tuple[Cue, int, int]], before: _Before, rules: Rules) -> tuple[str, str] | None:
    """The metric and scope of a tally (its words begin at `start`) by the cues about it: one
    in its own words ("the number of new arrivals stood at"); else the nearest in its clause with
    no other figure between (a figure's own cue is not the tally's: "356, ..., with 1,246
    wounded"); else the last before it in its clause; else the sentence before's last claim or cue;
    else the nearest in its clause."""
    telling = _telling(cues)
    own = [(ce, cue.priority, -cs, cue) for cue, cs, ce in telling if start <= cs and ce <= cand.start]
    if own:  # the one nearest the figure; of cues ending together, the stronger, then the longer
        cue = max(own, key=lambda c: c[:3])[3]  # ("patients still in hospital": a stock, not "in hospital")
        return cue.metric, cue.scope
    if _COUNT_OF.search(sentence, start, cand.start):
        return None  # "the number of confirmed infections rose to": a count of something else
    clause = [(cue, cs, ce) for cue, cs, ce in telling
              if not _CLAUSE_BREAK.search(sentence, min(ce, start), max(cs, cand.end))]
    distance = lambda c: max(c[1] - cand.end, start - c[2])  # noqa: E731
    # the figures listed with this one ("listed 16,927 children and 11,487 women among the dead")
    # share its cue; any other figure has a cue of its own
    listed, last = set(), cand
    for other in others[others.index(cand) + 1:]:
        if not _LIST_PARTNER.match(sentence, last.end, other.start):
            break
        listed.add(other.start)
        last = other
    free = [c for c in clause if not any(min(c[2], start) <= o.start < max(c[1], cand.end)
                                         for o in others if o is not cand and o.start not in listed)]
    if free:
        cue = min(free, key=distance)[0]
        return cue.metric, cue.scope
    # a cue earlier in its clause, past other figures, before the sentence before's: "105 deaths
    # in the federal count, 85 of them direct, followed by South Carolina with 50"
    earlier_in_clause = [c for c in clause if c[2] <= start]
    if earlier_in_clause:
        return earlier_in_clause[-1][0].metric, earlier_in_clause[-1][0].scope
    if len({metric for metric, _, _ in before.counts}) > 1:
        # "5,791 ... had been killed ..., and 16,297 had been wounded. Its count stood at 5,087 on Monday":
        # the count of the sentence before nearest the figure in size, the same count at another time
        value = max(cand.match.number.value, 1)
        metric, scope, _ = min(before.counts, key=lambda c: abs(math.log(max(c[2], 1) / value)))
        return metric, scope
    if before.metric:
        return before.metric, before.scope
    earlier = _telling(_cue_matches(before.text, rules)) if before.text else []
    if earlier:
        return earlier[-1][0].metric, earlier[-1][0].scope
    if clause:
        cue = min(clause, key=distance)[0]
        return cue.metric, cue.scope
    return None


def _best_cue(sentence: str, cand: _Candidate, others: list[_Candidate],
              cues: list[tuple[Cue, int, int]], asides: bool) -> tuple[Cue, int, int] | None:
    """The cue nearest the candidate (in words), its distance and where it begins; other numbers
    and clause breaks block the way. `asides` is False when the sentence has no apposition (that
    no part of it can have one)."""
    best: tuple[tuple[int, int], Cue, int, int] | None = None
    after_text = sentence[cand.end: cand.end + _REACH]
    starts = [o.start for o in others]  # in text order
    for cue, cs, ce in cues:
        if cue.position == "before" and ce <= cand.start:
            lo, hi = ce, cand.start
        elif cue.position == "after" and cs >= cand.end:
            lo, hi = cand.end, cs
        else:
            continue
        if hi - lo > _REACH:
            continue  # farther than any cue's word gap can reach
        between = sentence[lo:hi]
        # a figure in an apposition does not stand between ("1.8 million people, or nearly 80
        # percent of the population, have been displaced")
        inside = starts[bisect.bisect_left(starts, lo): bisect.bisect_left(starts, hi)]
        if inside:
            # an apposition runs from comma to comma: without two there is none to look for
            spans = [(lo + a.start(), lo + a.end()) for a in _APPOSITION.finditer(between)] \
                if asides and between.count(",") >= 2 else []
            if any(o != cand.start and not any(a <= o < b for a, b in spans) for o in inside):
                continue
        if _CLAUSE_BREAK.search(between):
            continue
        # "1.7 million people, or three-quarters of the population, have been displaced"
        gap = _words_between(_APPOSITION.sub(" ", _LOCATIVE_PHRASE.sub(" ", between) if cue.position == "after" else between))
        if gap > cue.max_gap:
            continue
        # the bridge verb may be read as the number's qualifier: "toll passes 11,000"
        if cue.bridge is not None and _NEW_ITEM.search(between):
            continue  # "58 children ... were among the dead, and 120 children ... among the wounded"
        if cue.bridge is not None and gap > 4 and not (
                cue.bridge.search(between) or cue.bridge.search(sentence[lo:max(hi, cand.match.core)])):
            continue
        if cue.noun is not None and not cue.noun.match(after_text) and not _NO_NOUN.match(after_text):
            continue
        if cue.position == "before" and _ANTECEDENT.match(after_text):
            continue  # "132 hostages ..., 29 of whom have died": what comes before is the antecedent's
        if cue.position == "after" and _NEXT_VERB.search(between):
            continue  # "including 500 children and 276 women, and wounded 5,763": the verb is the next figure's
        if cue.position == "after" and _PUT_AT.match(sentence, ce):
            continue  # "puts dead at 143, injured at 360": the cue names the next figure's count
        if cand.match.kind == "vague" and cue.position == "after" and between.strip().lower() == "of":
            continue  # "hundreds of thousands of displaced people" describes, it does not claim
        # "91 of the 251 people seized on Oct. 7 remain in Gaza": a participle after the whole, with
        # its when or where, tells of the whole, unless nothing else tells of the part ("five of
        # the victims died of gunshot wounds", "197 of the girls unaccounted for" are the part's)
        # ("38 of those abducted have regained their freedom": "those" with its participle is the whole)
        whole_s = cue.position == "after" and (_PARTITIVE.match(between) is not None
                                               and _PARTICIPLE_PHRASE.match(sentence, ce) is not None
                                               or _OF_THOSE_BEFORE.match(between) is not None)
        # a negative priority marks a fallback cue; at equal distance, a cue before "and" is
        # likelier the figure before's ("23,404 injured and 1,611 remained missing")
        shared = cue.position == "before" and _AND_OR.search(between) is not None
        if shared and _own_verb_after_and(sentence, cand):
            continue  # "316 had been injured and 122 had been airlifted": the figure has a verb of its own
        key = (whole_s or cue.priority < 0, shared, gap, -cue.priority)
        if best is None or key < best[0]:
            best = (key, cue, gap, cs)
    return best[1:] if best else None


def _continues(sentence: str, previous: _Candidate, cand: _Candidate) -> bool:
    """Whether `cand` continues a list or breakdown begun by the claim `previous`."""
    between = sentence[previous.end: cand.start]
    if _NEW_CLAUSE.search(between):
        return False  # "... 49,133 injured, while more than 60,000 rescuers": a new clause, a new count
    if _EARLIER_FIGURE.search(between) or (_FROM.match(between) and _TO.search(sentence, 0, previous.start)):
        return True  # "killed ... since the coup, up from 614", "has fallen to four from 28": an earlier count
    if _TO_NEXT.match(between) and _CHANGED_FROM.search(sentence, 0, previous.start):
        return True  # "fell from 79 to 56": the count it changed to
    if not _COORDINATION.search(between):
        return False
    limit = _BREAKDOWN_GAP if _BREAKDOWN.search(between) else _LIST_GAP
    return _words_between(between) <= limit


def _refine(metric: str, sentence: str, cand: _Candidate, rules: Rules) -> str:
    """The metric as the noun counted refines it (rules.refinements: "release of 240 prisoners")."""
    after = sentence[cand.end:]
    for source_metric, noun, becomes in rules.refinements:
        if metric == source_metric and noun.match(after):
            return becomes
    return metric


def _counted_unit(sentence: str, cand: _Candidate, rules: Rules) -> str:
    """What the figure counts, for `units.normalise`: percent, household (rules.household_nouns) or person."""
    if cand.match.number.unit is Unit.PERCENT:
        return "percent"
    return "household" if rules.household_nouns.match(sentence[cand.end:]) else "person"
