"""When a figure is given for (the claim's `as_of`): the date phrase nearest the figure ("as of
March 3", "by Sunday", "said on Tuesday", "down from 100 a day earlier"), the day a statement
was made (which a later "it said" takes over, source.py), and the days the document names as its
event's ("Saturday's attack": a "since Saturday" after it opens no window, scope.py).

`extract` dates a claim by the first of: the figure's own date phrase, the date of the figure it
continues, the date the speaker an anaphor refers back to gave, the publication date.
"""
from __future__ import annotations

from datetime import date, timedelta

from .. import dates
from ..scanning import MATCH_TIMEOUT, finds
from ..user_cache import compiled
from .sentences import ATTACKS


# Nouns of events a year before them dates: "the 2004 tsunami".
EVENT_NOUNS = (r"(?:attacks?|earthquakes?|quakes?|tsunami|floods?|storm|cyclone|hurricane|typhoon|bombings?|blast|"
                r"explosion|war|massacre|stampede|crush|fire|wildfire|shipwreck|sinking|famine|siege|genocide|disaster)")
# The date a figure is given for: "as of March 3", "by Sunday", "said on Tuesday", "on Tuesday".
# "on October 7" alone is left out: it names the event far more often than the count's date.
# Not the day of the event a relative clause tells of: "the quake, which struck off Hualien county on
# Wednesday morning, killed nine", "were killed when a bridge gave way on Sunday evening".
_EVENT_CLAUSE = r"\b(?:(?:which|that)[ \t]+(?:struck|hit|happened|occurred|erupted|began|started)|when)\b"
_EVENTS_DAY = rf"(?<!{_EVENT_CLAUSE}[^,.;]{{0,100}})"
_WEEKDAY = rf"(?:{'|'.join(dates.WEEKDAYS)})"
# That day itself, which dates a figure given "in the first hours after the blast" and since revised.
_EVENTS_DAY_TOLD = compiled(rf"(?i){_EVENT_CLAUSE}[^,.;]{{0,100}}?\bon[ \t]+(?P<when>{_WEEKDAY})\b")
# A lookbehind scans back, up to 100 characters, wherever it is tried: each branch that opens with
# one first looks ahead for the words it must begin with, so it is tried at those words alone
# (the same matches, a fifth of the time).
_AS_OF = compiled(
    rf"(?i)\b(?:(?:as of|as at|as on|updated)[ \t]+"
    rf"(?:(?:midnight|noon|the morning|the evening|late|early)[ \t]+)?(?:on[ \t]+)?(?:the[ \t]+)?(?P<when>{dates.DATE})"
    # "by Sunday", but not "hit by the Feb. 6 earthquakes"
    rf"|(?:by|through|until|up to)[ \t]+(?:(?:late|early|mid)[ \t]+)?(?P<when>{dates.DATE})"
    rf"|(?:said|says|reported|announced|stated|confirmed|added|published|released)[ \t]+(?:on[ \t]+)?(?P<when>{dates.DATE})"
    # "since the ceasefire began on Friday" starts a window: the figure is not Friday's
    # ("since the truce collapsed on Tuesday" too)
    rf"|(?=on[ \t])(?<!(?:began|begun|started|effect|since|from)[ \t]+)(?<!\bsince\b[^,.;]{{0,40}})"
    rf"{_EVENTS_DAY}on[ \t]+(?P<when>(?:{'|'.join(dates.WEEKDAYS)}|yesterday|{dates.HOLIDAY}))"
    # "On May 25, 2017, NHS England said 116 ...": a date that opens the sentence dates what it says
    # (after a linking word too: "Then, on October 9, the minister told ...")
    rf"|(?=on[ \t])(?<![\w,;][^\w.]*)On[ \t]+(?P<when>{dates.DATE})(?![\w-])"
    rf"|(?=on[ \t])(?<=^[ \t]*(?:Then|But|And|Later|Earlier|Meanwhile|Also|By[ \t]+then),?[ \t]+)"
    rf"on[ \t]+(?P<when>{dates.DATE})(?![\w-])"
    # "killed 12 people Tuesday", as AP writes it; not "since Saturday" nor "Saturday's attack"
    rf"|(?={_WEEKDAY})(?<!(?:began|begun|started|effect|since|from|until|till|after|before|between|and|to|last|next|early|late|on)[ \t]+)"
    rf"{_EVENTS_DAY}(?P<when>{_WEEKDAY})(?![\w'’])"
    rf"|(?:between|from)[ \t]+{dates.DATE}[ \t]+(?:and|to|until|through)[ \t]+(?P<when>{dates.DATE})"
    # "the toll stood at 37,396 on June 19": a date right after a figure is the figure's
    rf"|(?=on[ \t])(?<=\d[ \t]+)on[ \t]+(?P<when>{dates.DATE})"
    # "since July 1990, when 1,426 pilgrims died", "since 1934, when an earthquake killed": the
    # earlier event's own day, for the figures after it ("2,615 killed since 27 May, when the aid
    # system began operating" counts from that day to now)
    rf"|since[ \t]+(?:(?:the[ \t]+)?(?:[\w-]+[ \t]+){{0,2}}?(?:of|in)[ \t]+)?(?P<since_when>{dates.DATE}|(?:{dates._MONTH}[ \t]+)?(?:1[89]|20)\d\d),?[ \t]+when"
    # "during World War Two, when about 10,000 were killed": a war long past
    rf"|(?:during|in)[ \t]+(?P<war>(?:the[ \t]+)?(?:(?:Second|First)[ \t]+World[ \t]+War|World[ \t]+War[ \t]+(?:Two|II|One|I|2|1)))\b"
    # "the 1990 tunnel stampede in which 1,426 died", "the 2004 tsunami, which killed": an earlier
    # event named by its year dates the figures after it, not one before it ("147 killed, the
    # deadliest since the 1998 bombing")
    rf"|(?=1[89]|20)(?<=\bthe[ \t]+)(?P<event_year>(?:1[89]|20)\d\d)(?=[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{EVENT_NOUNS}\b)"
    # "the Galveston hurricane of 1900 killed", "the floods of August 2018, which killed"
    rf"|(?=1[89]|20)(?<=\b{EVENT_NOUNS}[ \t]+of[ \t]+(?:{dates._MONTH}[ \t]+)?)(?P<event_year>(?:1[89]|20)\d\d)\b"
    # "in June 2016", not "since the invasion in February 2022" (a window's start) nor "the truce
    # took place in November 2023" (when a window was, not a date of its count)
    rf"|(?=(?:in|during)[ \t])(?<!\b(?:since|began|begun|started|erupted|broke[ \t]+out)\b[^,.;]{{0,40}})"
    rf"(?<!\b(?:took[ \t]+place|happened|occurred)[ \t]+)(?:in|during)[ \t]+(?P<when>(?:{dates._MONTH}[ \t]+)?(?:1[89]|20)\d\d)(?![\d-])"
    # ("since October 7 last year" names a day of last year, not its end)
    rf"|(?P<when>(?=last)(?<!{dates._MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?[ \t]+)last year|(?:by[ \t]+)?the end of (?:the |this |last )?year)"
    # "up from about 480,000 it gave last Friday": the past day a figure was given
    rf"|(?=last)(?<=\b(?:gave|given|reported|announced|published|released|issued|put|listed|cited)[ \t]+)"
    rf"(?P<when>last[ \t]+{_WEEKDAY})(?![\w'’])"
    rf"|(?P<earlier>a day earlier|the day before|the previous day|a week earlier"
    rf"|a day later|the next day|the following day"
    # "Only hours earlier officials had put the toll at about 300": the day of the figure before
    rf"|(?:(?:only|just|a few|some|several)[ \t]+)?(?:hours|minutes)[ \t]+(?:earlier|before)|earlier (?:in|on) the day|earlier that day)"
    # "by the end of that period": the last day of the window the clause named before
    rf"|(?P<period_end>by the end of (?:that|the same|this) period)"
    # "up from 1,695 at the start of the month"
    # (not "since Israel launched its offensive at the start of the month": the window's start)
    rf"|(?=at|earlier)(?<!\bsince\b[^,.;]{{0,80}})(?P<month_start>at the (?:start|beginning) of (?:the|this) month|earlier this month))\b")
# The last day of a window: "between October 7, 2023, and June 30, 2024" (the last one named).
_WINDOW_END = compiled(rf"(?i)\b(?:and|to|until|through)[ \t]+(?P<end>{dates.DATE})")
# A day within each world war, for a figure of one recalled in passing.
_WORLD_WARS = {1: date(1916, 7, 1), 2: date(1942, 7, 1)}
_FIRST_WAR = compiled(r"\b(?:First|One|I|1)\b")
_EARLIER = {"a day earlier": 1, "the day before": 1, "the previous day": 1, "a week earlier": 7,
            "a day later": -1, "the next day": -1, "the following day": -1}


def _explicit_date(clause: str, at: int, published: date | None, before: date | None = None,
                   others: tuple[int, ...] = (), span: int = 0, after_only: bool = False,
                   opening: date | None = None) -> date | None:
    """The date the text gives for the figure at offset `at` of `clause`: the nearest date phrase
    (`after_only`: after the figure). "A day earlier" dates only the figure right before it ("to
    84, down from 100 reported a day earlier"), counting back from `before` (the date of the
    figure before), else from `published`; opening the sentence ("A day later, the minister said
    282 ..."), it dates all its figures, counting from `opening` (the date of the sentence
    before's last figure), else from `published`."""
    end = at + span
    # the nearest date phrase; on a tie the one after the figure ("rose to 52 on Saturday")
    nearest = sorted((m for m in finds(_AS_OF, clause) if not after_only or m.start() >= end),
                     key=lambda m: (m.start() - end, 0) if m.start() >= end else (max(0, at - m.end()), 1))
    # "a day earlier", "at the start of the month" date only the figure right before them
    right_after = lambda m: m.start() >= at and not any(at < o < m.start() for o in others)  # noqa: E731
    # "has risen to 326, up from 225 on Wednesday": a date after an earlier figure compared with it is that figure's
    compared = [o for o in others if o > at and _COMPARED.search(clause, max(0, o - 30), o)]
    for m in nearest:
        if any(end <= o < m.start() for o in compared):
            continue
        if m.end() <= at and m["when"] and _UPDATED.search(clause, m.end(), at):
            continue  # "killed in strikes on Yemen on Wednesday has risen to 46": the day of the strikes
        if m["earlier"]:
            # ... or, opening the sentence, all of it
            opens = not clause[:m.start()].strip()
            if not opens and not right_after(m):
                continue
            anchor = (opening if opens else before) or published
            # ("hours earlier", "earlier in the day": the same day)
            when = anchor - timedelta(days=_EARLIER.get(m["earlier"].lower(), 0)) if anchor else None
            return when if when is None or published is None or when <= published else None
        if m["event_year"]:
            # (not past a speaker's new statement: "Of the 251 people taken in the 2023 attack,
            # Israel says 59 remain")
            if m.start() < end and not _NEW_STATEMENT.search(clause, m.end(), at):
                return dates.resolve(m["event_year"], published)
            continue
        if m["since_when"]:
            if m.end() <= at:
                return dates.resolve(m["since_when"], published)
            continue
        if m["period_end"]:
            windows = list(_WINDOW_END.finditer(clause, 0, m.start(), timeout=MATCH_TIMEOUT))
            if not windows:
                continue
            return dates.resolve(windows[-1]["end"], published)
        if m["war"]:
            return _WORLD_WARS[1 if _FIRST_WAR.search(m["war"]) else 2]
        if m["month_start"]:
            if not right_after(m):
                continue
            return published.replace(day=1) if published else None
        resolved = dates.resolve(m["when"], published)
        if resolved is not None:
            return resolved
    return None


# A toll brought up to date: the day named before it is its event's, not the figure's.
_UPDATED = compiled(r"(?i)\b(?:has|have|had)[ \t]+(?:now[ \t]+)?(?:risen|climbed|increased|jumped|reached|grown)\b")


# A clause that a speaker opens: ", Israel says", ", the ministry said that".
_NEW_STATEMENT = compiled(r"(?i),[^,]{0,60}?\b(?:says|said|told|reports|reported|announced|estimates|estimated)\b")


# The words before an earlier figure a figure is compared with: "up from", "compared with".
_COMPARED = compiled(r"(?i)\b(?:(?:up|down)[ \t]+from|compared[ \t]+(?:with|to))[ \t]+(?:(?:an?|the)[ \t]+)?(?:[\w-]+[ \t]+){0,2}$")


# The day a statement was made: "said on Thursday that", "released new figures on Sunday".
# ("In its report on Monday, the ministry put the toll at", "in a statement on Friday")
_SPEECH_DATE = compiled(
    rf"(?i)\b(?:said|says|told reporters|announced|reported|released|published|issued|confirmed|stated|updated"
    rf"|(?:in|at)[ \t]+(?:its|their|a|the)[ \t]+(?:[\w-]+[ \t]+)?(?:report|statement|update|bulletin|briefing))"
    rf"(?:[ \t]+[\w-]+){{0,3}}?[ \t]+on[ \t]+(?P<when>{dates.DATE})")


# "Saturday's Hamas attack", "the Feb. 6 earthquakes", "the invasion on Feb. 24": the day the event began.
_EVENTS = rf"(?:{ATTACKS}|earthquakes?|quakes?|floods?|flooding|storm|cyclone|hurricane|typhoon|war|outbreak|massacre)"
_EVENT_DATE = compiled(
    rf"(?i)\b(?P<when>{dates.DATE})(?:'s|’s)?[ \t]+(?:[\w-]+[ \t]+){{0,2}}{_EVENTS}\b"
    rf"|\b{_EVENTS}[ \t]+(?:of|on)[ \t]+(?P<when>{dates.DATE})")


def _event_dates(text: str, published: date | None) -> frozenset[date]:
    """The days the document names as the day its event happened."""
    found = [dates.resolve(m["when"], published) for m in list(_EVENT_DATE.finditer(text, timeout=MATCH_TIMEOUT))]
    return frozenset(d for d in found if d is not None)
