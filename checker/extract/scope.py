"""Over what time a figure counts (the claim's `scope` and `period_start`): a stock standing now
("are sheltering": current), a window ("since Oct. 7", "in the past 24 hours", "between ... and
...": period, with the day it starts), or the scope the metric cue gives (a running total).
"""
from __future__ import annotations

from datetime import date, timedelta

import regex

from .. import dates
from ..rules import Rules
from ..scanning import MATCH_TIMEOUT, finds
from ..user_cache import compiled
from .sentences import _REACH, _words_between


def _scope(clause: str, span: tuple[int, int], metric: str, metric_scope: str, as_of: date | None,
           rules: Rules, event_dates: frozenset[date] = frozenset(),
           others: tuple[int, ...] = ()) -> tuple[str, date | None]:
    """(scope, period_start) of the figure at `span` of `clause` from the cues of the clause.

    State and "since" cues count only near the figure: in "1.8 million have been displaced, and more
    than 1 million are sheltering", "are sheltering" is the second figure's. A "since" date that is
    the day of the event itself ("since Saturday", after "Saturday's attack") opens no window. A
    figure a toll is brought to ("raising the death toll to 30,035") or an event's own toll ("the
    fire that killed 72", not one strike's) is a running total. `others`
    are the starts of the clause's other figures: "with another 10,100 missing" is not 11,300's window.
    """
    near = lambda m, before, after: _near(clause, span, m, before, after)  # noqa: E731
    # not past another figure: "436 killed in the past 24 hours and 15,273 wounded since the war began"
    past_other = lambda m: any(span[1] <= o < m.start() or m.end() <= o < span[0] for o in others)  # noqa: E731
    # a toll that only accumulates is a stock only where the cue follows its own figure: "29 people
    # wounded in the attack remained in hospital", not "12 were killed and 40 remain missing"; no other
    # figure between, it may stand past a long noun phrase ("wounded in Sunday's attack at the Pulse
    # nightclub remained at Orlando Regional Medical Center")
    rising = rules.directions.get(metric) == "rises"
    if any((near(m, 0, 10) if rising else near(m, 3, 8)) and not (rising and past_other(m))
           for m in finds(rules.current_cues, clause)):
        return "current", None
    if _TOTAL_BEFORE.search(clause[:span[0]]) or (
            rules.event_toll.search(clause, max(0, span[0] - 120), span[0], timeout=MATCH_TIMEOUT)
            and not rules.incident_words.search(clause, max(0, span[0] - 120), span[0], timeout=MATCH_TIMEOUT)):
        return metric_scope, None
    # a cue after another figure, and before this one past a comma, is that figure's: "more than 500
    # since Monday, when the agency reported 1,419 dead", "726 soldiers had been killed since October
    # 7 last year, 346 of them during the ground operation"
    behind_other = lambda m, reach: m.end() <= span[0] and _LIST_BREAK.search(clause, m.end(), span[0]) is not None \
        and any(0 <= m.start() - o <= reach for o in others)  # noqa: E731
    # "the deadliest year since it began keeping records in 2005": a record's "since", no figure's
    record = lambda m: _SUPERLATIVE.search(clause, max(0, m.start() - 80), m.start()) is not None  # noqa: E731
    if any(near(m, _SINCE_WORDS, _SINCE_WORDS) and not past_other(m) and not behind_other(m, _REACH) and not record(m)
           for m in finds(rules.event_start, clause)):
        return metric_scope, None
    others_before = lambda m: behind_other(m, _OWN_CUE)  # noqa: E731
    for since in finds(rules.since_phrase, clause):
        when = dates.DATE_PATTERN.match(clause[since.end():].lstrip())
        if not when or not near(since, _SINCE_WORDS, _SINCE_WORDS) or past_other(since) or others_before(since) \
                or record(since):
            continue
        start = dates.resolve(when[0], as_of)
        if start is not None and (start in event_dates or (
                as_of is not None and (as_of - start).days > rules.since_date_period_days)):
            return metric_scope, None
        return "period", start
    window = _BETWEEN_DATES.search(clause)
    if window:
        return "period", dates.resolve(window["first"], as_of)
    # a cue right before another figure, or right after one and before this figure, is that
    # figure's ("40,005 killed, 40 of them in the previous 24 hours, and 92,041 wounded")
    # ("Another 17,072 people remained missing, and the agency listed 2,777 people as injured")
    # the nearest such cue: "raised its toll on Tuesday to 41,965 ..., adding 56 deaths recorded over
    # the previous day" (not the first)
    period = min((m for m in finds(rules.period_cues, clause)
                  if not (m.start() >= span[1] and any(0 <= o - m.end() <= 12 for o in others)
                          and not _own_cue_before_comma(clause, span, m, others))
                  and not (m.end() <= span[0] and any(0 <= o - m.end() <= 1 for o in others if o < span[0]))
                  and not others_before(m) and near(m, _PERIOD_WORDS, _PERIOD_WORDS)),
                 key=lambda m: span[0] - m.end() if m.end() <= span[0] else m.start() - span[1], default=None)
    if period and _WEEKDAY.search(period[0]) and not _DAYS_OWN.search(period[0]) \
            and (metric_scope == "current" or _RUNNING_TOTAL.search(clause)):
        # "the toll rose to 52 on Saturday", "329 were missing on Monday": a total or a stock dated
        return metric_scope, None
    if period:
        return "period", _period_start(clause[period.start():], as_of)
    return metric_scope, None


def names_own_window(words: str, rules: Rules) -> bool:
    """Whether the words after a part's figure name a time of their own ("54 of them in the past 24
    hours", "149 of them were still receiving treatment"); a part that names none counts over its
    whole's time ("300, including 117 children")."""
    words = _PART_END.split(words, maxsplit=1)[0]
    return any(p.search(words, timeout=MATCH_TIMEOUT) is not None
               for p in (rules.period_cues, rules.current_cues, rules.since_phrase))


# The words of a part end at a comma or stop: "two of them children, the ministry said ... since".
_PART_END = compiled(r"[,;:.]")


# "since the ceasefire": a window an article names by its truce, dated once and then not again
SINCE_TRUCE = compiled(r"(?i)\bsince[ \t]+(?:the[ \t]+)?(?:truce|ceasefire|cease-fire|pause)\b")


def _own_cue_before_comma(clause: str, span: tuple[int, int], m: regex.Match, others: tuple[int, ...]) -> bool:
    """Whether the period cue `m`, followed closely by another figure, is still the figure's at
    `span`: no figure stands between them and a comma parts the cue from the next ("had recorded
    37,877 deaths over the same period, about 41 percent fewer", "40 of them in the previous 24
    hours, and 92,041 wounded")."""
    after = min((o for o in others if o >= m.end()), default=len(clause))
    # (a next figure past the clause's end stands in another clause: "11 more deaths over the past
    # 24 hours, two of them children")
    return not any(span[1] <= o < m.start() for o in others) and ("," in clause[m.end():after] or after >= len(clause))


# A superlative a "since" completes ("the deadliest year since ...").
_SUPERLATIVE = compiled(r"(?i)\b(?:deadliest|bloodiest|worst|highest|largest|most[ \t]+\w+)\b[^,;.]*$")
_SINCE_WORDS = 15
# Words between a figure and a period cue of its clause, at most: "..., as an overnight search found
# no more survivors" at the end of a long sentence is no window of the figure at its start.
_PERIOD_WORDS = 20
# Characters from a figure's start within which a period cue after it is its own ("40 of them in
# the previous 24 hours"), where a list goes on after the cue (not "with another 10,100").
_OWN_CUE = 24
_LIST_BREAK = compiled(r",|\band\b")
_TOTAL_BEFORE = compiled(
    r"(?i)(?:\b(?<!day['’]s[ \t]+)(?:toll|total|tally)\b(?:[ \t]+[\w.'’-]+){0,5}?[ \t]+(?:to|at)"
    r"|\b(?:bringing|raising|taking|pushing)[ \t]+to)[ \t]+(?:the[ \t]+)?$")


def _near(clause: str, span: tuple[int, int], m: regex.Match, before: int, after: int) -> bool:
    """Whether the cue `m` stands at most `before` words before the span or `after` words after it."""
    if m.end() <= span[0]:
        return _words_between(clause[m.end():span[0]]) <= before
    if m.start() >= span[1]:
        return _words_between(clause[span[1]:m.start()]) <= after
    return True


_BETWEEN_DATES = compiled(
    rf"(?i)\b(?:between|from)[ \t]+(?P<first>{dates.DATE})[ \t]+(?:and|to|until|through)[ \t]+{dates.DATE}")
# "Friday's toll": the day's own count, not a total dated (but "Saturday's earthquake" names the event)
_DAYS_OWN = compiled(r"day['’]s[ \t]+(?:death[ \t]+)?(?:toll|violence|fighting|clashes|shelling|bombardment)\b")
_WEEKDAY = compiled(rf"(?i)\b(?:{'|'.join(dates.WEEKDAYS)})\b")
# Words of a running total: a weekday beside them dates the total instead of opening a window.
_RUNNING_TOTAL = compiled(
    r"(?i)\b(?:toll|total|tally|count|rose|risen|rises|climbed|jumped|reached|stood|stands|up from|down from|"
    r"so far|in all|overall|put the|puts the|number of (?:the )?(?:dead|deaths|injured|wounded|missing))\b")


def _period_start(text: str, as_of: date | None) -> date | None:
    """Start of a window named right after a period cue ("that began Oct. 10", "past 24 hours")."""
    if as_of is None:
        return None
    hours = regex.match(r"(?i)in the (?:past|last) (\d+) hours", text)
    if hours:
        return as_of - timedelta(days=max(1, int(hours[1]) // 24))
    week = regex.match(r"(?i)(this|last) week", text)
    if week:  # from the Monday of the week: an event begun this week counts it all
        return as_of - timedelta(days=as_of.weekday() + (7 if week[1].lower() == "last" else 0))
    # not the day a statement was made ("in 2015, the interior ministry said on Wednesday")
    when = next((m for m in dates.DATE_PATTERN.finditer(text[:80]) if not _SAID_ON.search(text, 0, m.start())), None)
    return dates.resolve(when[0], as_of) if when else None


_SAID_ON = compiled(r"(?i)\b(?:said|says|announced|reported|stated|confirmed|told[ \t]+\w+)[ \t]+(?:on[ \t]+)?$")
