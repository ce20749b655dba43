"""Documents → claims: every number of people a document states, with what it counts, where,
when, of whom, and on whose word (SPEC 2).

A number found by `numbers.scan` becomes a claim when a metric cue of rules/metrics.yaml stands
near it (or, failing one, it continues a list started by a claim of the same sentence: "killing
447 and wounding 1,246", "nearly 20,000 lives, including 7,729 children"). Numbers that are dates,
ages, money, distances or counts of things are dropped before that.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Iterable, Iterator

import regex

from . import dates
from .model import CLAIM_COLUMNS, Claim, Document, Qualifier, Unit
from .numbers import NumberMatch, scan, uses_decimal_comma
from .rules import Cue, Rules
from .scanning import MATCH_TIMEOUT, Starts, matches_at
from .user_cache import compiled
from .units import normalise

# Sentence ends: . ! ? (then space and a capital, digit or quote), or a line break. Abbreviations
# such as "Oct." or "U.S." do not end a sentence.
_ABBREVIATIONS = compiled(
    r"(?i)(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|gen|lt|col|"
    r"sgt|capt|gov|sen|rep|no|vs|approx|est|inc|ltd|co|corp|jr|sr|prof|rs)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
_SENTENCE_END = compiled(r"[.!?]+[\"'”’)\]]*(?=[ \t]+[\"'“‘(\[]?[A-Z0-9])|\n+")
_WORD = compiled(r"[\w'’]+")
_CLAUSE_BREAK = compiled(r"[;—]|(?<!\d):(?!\d)|\s-\s|\b(?:but|while|whereas|although)\b")
_COORDINATION = compiled(r"(?i)\b(?:and|including|of whom|of them|among them|among whom|plus|as well as|with)\b|[,:]")
# A breakdown of a figure ("..., including 386 children", "...: 72 Palestinians, three Lebanese")
# may stand further from it than a plain list item.
_BREAKDOWN = compiled(
    r"(?i)(?:\b(?:including|of whom|of them|among them|among whom|among those)\b|:)(?:\W+\w+){0,2}\W*$"
    r"|\b(?:bringing|raising|taking|pushing)\b.*\bto\W*$")  # "..., bringing the total since January to 1,316"
# A clause break other than the colon that opens a breakdown.
_NEW_CLAUSE = compiled(r"[;—]|\s-\s|\b(?:but|while|whereas|although)\b")
_APPOSITION = compiled(
    r"(?i),[ \t]*(?:(?:or|including|mostly|most of them|many of them|among them|a quarter|a third|a fifth|half|"
    r"about half|nearly half|more than half|\w+-(?:thirds|quarters|fifths|tenths))\b|[\d.]+ ?(?:%|percent|per cent))[^,;:]{0,80},")
# "1.5 million people [in the quake zone] are now homeless": a place phrase before the verb.
_LOCATIVE_PHRASE = compiled(
    r"(?i)\b(?:in|across|inside|throughout|near|around|from)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+"
    r"(?=[ \t]+(?:are|were|have|had|has|is|was)\b)")
# "... and UNICEF said about 100,000 children were among them": a part of the figure before.
_AMONG_THEM = compiled(r"(?i)^[ \t]+(?:[\w-]+[ \t]+){0,2}(?:were|are)[ \t]+among[ \t]+(?:them|those)\b")
# "463 people, including 157 children, have died": the figure before a breakdown takes its metric.
_BREAKDOWN_AFTER = compiled(r"(?i)^(?:[ \t]+[\w-]+){0,3},?[ \t]+(?:including|among them|among whom)[ \t]+$")
_LIST_GAP, _BREAKDOWN_GAP = 10, 25
_AND_OR = compiled(r"(?i)\b(?:and|or)\b|,")
# The figure a count was revised from: "up from 614", "has fallen to four from 28".
_EARLIER_FIGURE = compiled(r"(?i)\b(?:up|down|rising|falling|revised|increased|decreased)[ \t]+from[ \t]*$")
_TO = compiled(r"(?i)\bto[ \t]*$")
_NEXT_ANTECEDENT = compiled(r"(?i),[ \t]*[\w.,-]+[ \t]+(?:of whom|of them|among them|among whom)\b")
_INTRODUCES = compiled(r"(?i)^[ \t]*(?:that[ \t]+)?$")
# A name of Capitalised words ("Sudan Doctors Network", "Justice Minister Bekir Bozdag"), or people
# who speak for others ("hospital officials", "police"); matched case-sensitively.
_NAME = (r"(?:(?:[A-Z][\w'’.&-]*|of|for|and|de|al)[ \t]+){0,6}[A-Z][\w'’.&-]*"
         r"|(?:(?:[a-z]+|U\.?N\.?)[ \t]+){0,2}(?:officials|authorities|police|medics|rescuers|witnesses|residents|"
         r"doctors|paramedics|sources|spokesman|spokeswoman|spokesperson|officers)"
         r"|(?:(?:[a-z]+|U\.?N\.?)[ \t]+){1,2}(?:ministry|agency|authority|office|government|department|service)")
_SAYS = r"said|says|say|reported|reports|told|announced|estimated|estimates|confirmed|recorded|counted|added"
_OTHER_SOURCE = compiled(
    rf"\b(?:according to|citing)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?P<name>{_NAME})"
    rf"|(?<![\w'’])(?<!\b(?:that|which|who)[ \t]+)(?P<name>{_NAME})[ \t]+(?:{_SAYS})\b")
# The words every _OTHER_SOURCE match contains: one search for them spares most sentences the
# overlapped search for names.
_OTHER_SOURCE_WORDS = compiled(rf"\b(?:according to|citing)[ \t]|[ \t](?:{_SAYS})\b")
_NON_WORDS = compiled(r"\W+")
_LEADING_THE = compiled(r"^(?:The|the)[ \t]+")
_PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I", "This", "That", "There", "The"})
_SPEECH = compiled(r"(?i)\b(?:said|says|told|reported|announced|stated|according to)\b")
_PART_OF = compiled(r"(?i)^[ \t]+of[ \t]+(?:the|its|their|some|\w+(?:'s|’s))[ \t]+$")
_SHARE_OF = compiled(r"(?i)^[ \t]+of[ \t]+(?:the[ \t]+|all[ \t]+|its[ \t]+|their[ \t]+)?")
# No noun after the figure ("displaced more than 10 million, ..."): the cue's noun test is moot.
_NO_NOUN = compiled(r"(?i)^[ \t]*(?:[.,;:)]|$|(?:in|across|since|from|over|during|last|this|so far)\b)")
_NEXT_VERB = compiled(r"(?i)\band[ \t]+$")
_ANTECEDENT = compiled(r"(?i)^\W*(?:of whom|of them|among them|among whom)\b")
# "in Gaza", "fled Rafah", "of Gazans"; not "on" or "to", which name targets ("pressure on Israel").
_LOCATIVE = compiled(r"(?i)(?:\b(?:in|at|across|inside|throughout|from|near|of|into|fled|flee|fleeing|left|around|within)\s+(?:the\s+)?(?:\w+\s+)?)$")
# Teaser lines that link to other articles: their figures belong to those articles.
_TEASER = compiled(r"(?i)^\W*(?:read also|read more|see also|related|recommended|more on this|also read)\b")
_POSSESSIVE = compiled(r"^(?:'s|’s)")
_NON_COUNT_BEFORE = compiled(
    r"(?i)(?:[$€£¥₪₹₦₱₩₫]|\b(?:hotline|helpline|phone|telephone|tel|fax|whatsapp|dial|call)(?:[ \t]+(?:is|on|at|number))?[ \t:]*$"
    r"|\b(?:one|\d+)[ \t]+in[ \t]*$"  # "one in eight": a ratio
    r"|\b(?:usd|eur|us\$|gbp|inr|rs\.?|ngn|php|vnd|krw|jpy|aud|aged|ages|age|ages of|number|no\.|article|resolution|"
    r"route|page|flight|channel|highway|section|chapter|room|apartment|building|unit|"
    r"magnitude|grade|level|category|phase|wave|covid|[a-z]+-)|\w-|[+#])[ \t]*$|\d[:.,]$")
_NON_COUNT_AFTER = compiled(
    r"(?i)^(?:-?\w*-(?!strong)\w|[ \t]+of[ \t]+the[ \t]+\w+est\b|"
    r"[ \t]+in[ \t]+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|a hundred)\b"
    r"(?![ \t]+(?:\w+[ \t]+)?(?:hours?|days?|weeks?|months?|years?|attacks?|strikes?))|"  # "one in eight"
    r"[ \t]+(?:rise|increase|jump|drop|decline|fall|decrease|surge|spike)\b|[ \t]*(?:years?[ \t-]old|-year|year-old|:\d|\.\d|/\d|st\b|nd\b|rd\b|th\b|°|"
    r"km|mm\b|cm\b|kg\b|ml\b|mph|m/s|a\.m\.|p\.m\.|am\b|pm\b))")
_YEAR = compiled(r"^(?:1[89]|20)\d\d$")
_PEOPLE_NOUN = compiled(
    r"(?i)^[ \t]+(?:people|persons|residents|civilians|children|women|men|soldiers|palestinians|"
    r"israelis|ukrainians|hostages|victims|others|refugees|migrants|bodies|dead|deaths|killed|injured|wounded)\b")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A number in a sentence, offsets relative to the sentence."""

    match: NumberMatch
    start: int
    end: int


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


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? before a capital, or at a line break. A run-on
    "sentence" longer than _MAX_SENTENCE characters is cut at commas (or spaces), so that the work
    per sentence, which grows faster than its length, stays bounded on hostile text."""
    start = 0
    # matched up front: the regex module counts a timeout from the start of iteration, the time
    # the caller spends on each sentence included
    for m in list(_SENTENCE_END.finditer(text, timeout=MATCH_TIMEOUT)):
        if m[0][0] != "\n" and _ABBREVIATIONS.search(text[max(start, m.start() - 12): m.start() + 1]):
            continue
        yield from _bounded(text, start, m.end())
        start = m.end()
    yield from _bounded(text, start, len(text))


_MAX_SENTENCE = 2000


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence `text[start:end]` in pieces of at most _MAX_SENTENCE characters; blank ones left out."""
    while end - start > _MAX_SENTENCE:
        limit = start + _MAX_SENTENCE
        cut = text.rfind(",", start + _MAX_SENTENCE // 2, limit)  # a comma in the second half, else a space
        cut = cut if cut > start else text.rfind(" ", start, limit)
        cut = cut + 1 if cut > start else limit
        if text[start:cut].strip():
            yield start, cut
        start = cut
    if text[start:end].strip():
        yield start, end


def _words_between(text: str) -> int:
    return len(_WORD.findall(text))


def _is_count(sentence: str, m: NumberMatch, start: int, end: int, rules: Rules) -> bool:
    """False for numbers that are dates, years, ages, times, money, measures or counts of things."""
    before, after = sentence[max(0, start - 30): start], sentence[end: end + 40]
    if _NON_COUNT_BEFORE.search(before) or _NON_COUNT_AFTER.match(after):
        return False
    if dates.MONTH_BEFORE.search(before) or dates.MONTH_AFTER.match(after):
        return False
    if m.number.unit is Unit.PERSONS and rules.non_people.match(after):
        return False
    if m.number.unit is Unit.PERSONS and m.number.value != round(m.number.value):
        return False  # "1.16 people" counts no one: a European "1.160" in a document without its locale
    share_of = _SHARE_OF.match(after)
    if m.number.unit is Unit.PERCENT and share_of and rules.non_people.match(after[share_of.end():]):
        return False  # "80% of hospitals"
    core = sentence[start:end]
    if m.kind == "digits" and _YEAR.match(core.strip()) and not _PEOPLE_NOUN.match(after):
        return False
    return True


def _cue_matches(sentence: str, rules: Rules) -> list[tuple[Cue, int, int]]:
    found = []
    for cue, offsets in zip(rules.cues, sentence_starts(rules)(sentence)):
        for m in matches_at(cue.pattern, sentence, offsets) if offsets else ():
            found.append((cue, m.start(), m.end()))
    return found


def _best_cue(sentence: str, cand: _Candidate, others: list[_Candidate],
              cues: list[tuple[Cue, int, int]], asides: bool) -> tuple[Cue, int] | None:
    """The cue nearest the candidate (in words), other numbers and clause breaks blocking the way;
    `asides` is False when the sentence has no apposition (that no part of it can have one)."""
    best: tuple[tuple[int, int], Cue, int] | None = None
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
        if cue.bridge is not None and gap > 4 and not (
                cue.bridge.search(between) or cue.bridge.search(sentence[lo:max(hi, cand.match.core)])):
            continue
        if cue.noun is not None and not cue.noun.match(after_text) and not _NO_NOUN.match(after_text):
            continue
        if cue.position == "before" and _ANTECEDENT.match(after_text):
            continue  # "132 hostages ..., 29 of whom have died": what comes before is the antecedent's
        if cue.position == "after" and _NEXT_VERB.search(between):
            continue  # "including 500 children and 276 women, and wounded 5,763": the verb is the next figure's
        if cand.match.kind == "vague" and cue.position == "after" and between.strip().lower() == "of":
            continue  # "hundreds of thousands of displaced people" describes, it does not claim
        # a negative priority marks a fallback cue; at equal distance, a cue before "and" is
        # likelier the figure before's ("23,404 injured and 1,611 remained missing")
        shared = cue.position == "before" and _AND_OR.search(between) is not None
        key = (cue.priority < 0, gap, shared, -cue.priority)
        if best is None or key < best[0]:
            best = (key, cue, gap)
    return (best[1], best[2]) if best else None


def _group(sentence: str, cand: _Candidate, rules: Rules) -> str:
    """The subgroup the figure counts: the noun right after it ("12 Palestinian children"), or what
    the counted people are said to be ("96 of the dead are children"); `all` if none."""
    after = sentence[cand.end: cand.end + 80]
    said_to_be = _GROUP_PREDICATE.match(after)
    noun = said_to_be["noun"] if said_to_be else _PHRASE_END.split(after, maxsplit=1)[0]
    words = " ".join(_WORD.findall(_NOUN_PHRASE_END.split(noun, maxsplit=1)[0])[:4])
    best = None
    for gid, pattern in rules.groups:
        m = pattern.search(words)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), gid)
    return best[1] if best else "all"


_PHRASE_END = compiled(r"[,;:.()]")
# The noun phrase after a figure ends at a verb, a preposition or a subordinate clause:
# "11,000 as rescuers battle" counts no rescuers.
_NOUN_PHRASE_END = compiled(
    r"(?i)\b(?:as|when|after|while|but|in|on|at|from|by|who|that|which|were|was|have|has|had|are|is|"
    r"since|during|across|into|near|with|for|to|of whom|of them)\b")
_GROUP_PREDICATE = compiled(
    r"(?i)^[ \t]+of[ \t]+(?:the|them|those)(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:are|were|was)[ \t]+(?:all[ \t]+)?(?P<noun>[^,;:.]{1,40})")


_WORD_RUN = compiled(r"\w+")
# A place rules/places.yaml does not list, in a frame that makes a proper name one: "in Lahaina",
# "on Maui", "the town of Pylos", "the capital, Port-au-Prince", "in remote Enga".
_NAMED_PLACE = compiled(
    r"(?:\b(?:in|at|near|around|across|inside|throughout|from|off|on)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:remote|northern|southern|eastern|western|central|coastal|rural)[ \t]+)?"
    r"|\b(?:city|town|village|state|province|region|island|district|county|port|capital)[ \t]+of[ \t]+"
    r"|\bthe[ \t]+capital,[ \t]+)"
    r"(?P<name>\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]+(?:(?:de|do|da|dos|das|del|la|el|al)[ \t]+)?\p{Lu}\p{Ll}[\p{L}'’-]*){0,3}+)"
    # not a possessive, a building ("at Kamal Adwan hospital") or an adjective ("in Israeli strikes")
    r"\b(?!['’]s\b|[ \t]+(?:hospital|clinic|school|mosque|church|university|airport|prison|stadium|hotel|station)\b"
    r"|(?<=(?:i|an|ese|ish))[ \t]+\p{Ll})")
# "told reporters in Geneva": where the speaker was.
_SPEAKERS_WHEREABOUTS = compiled(r"(?:reporters|journalists|briefing|conference|speaking|headquarters)[ \t]+$")
# Days and months stand in those frames too ("on Thursday", "in March").
_CALENDAR_WORD = compiled(rf"(?i)(?:{dates._MONTH}|{'|'.join(dates.WEEKDAYS)})\b")


def _place_id(name: str) -> str:
    """A proper name as a place id: "Port-au-Prince" -> port_au_prince, "São Paulo" -> sao_paulo."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_WORDS.sub("_", ascii_name.lower().replace("'", "").replace("’", "")).strip("_")


# How surely a name says where the people counted are: named in a locative frame ("in Rafah",
# "the Strip", a place read from its frame), then a demonym ("658 Egyptians died in Mecca").
_IN_FRAME, _DEMONYM, _MENTIONED = 2, 1, 0


def _names_in(text: str, rules: Rules) -> list[tuple[int, int, str, int]]:
    """(start, end, place, locative) for every place named in `text`, in text order; `locative`
    ranks the name (_IN_FRAME, _DEMONYM, _MENTIONED) as far as the name alone tells: `_located`
    reads the words around."""
    found = []
    words = set(_WORD_RUN.findall(text))
    for place in rules.places:
        if place.first_words is not None and place.first_words.isdisjoint(words):
            continue
        for pattern, demonym in ((place.names, False), (place.people, True)):
            if pattern is None:
                continue
            for m in list(pattern.finditer(text, timeout=MATCH_TIMEOUT)):  # eager: see split_sentences
                found.append((m.start(), m.end(), place.id, _DEMONYM if demonym
                              else _IN_FRAME if m[0].lower().startswith("the ") else _MENTIONED))
    known = sorted(found)
    for m in list(_NAMED_PLACE.finditer(text, timeout=MATCH_TIMEOUT)):
        start, end = m.span("name")
        at = bisect.bisect_left(known, (end,))
        if (at and known[at - 1][1] > start) or _CALENDAR_WORD.match(m["name"]) \
                or rules.not_a_place.match(m["name"]) or rules.source_names.fullmatch(m["name"]) \
                or _SPEAKERS_WHEREABOUTS.search(text, max(0, m.start() - 30), m.start()):
            continue  # a listed place (or one overlapping it), or a name that is no place
        found.append((start, end, _place_id(m["name"]), _IN_FRAME))
    return sorted(found)


def _located(text: str, names: list[tuple[int, int, str, int]], lo: int, hi: int) -> list[tuple[int, int, str, int]]:
    """The `names` of `text[lo:hi]` as (start, end, place, locative), offsets from `lo`; the
    locative frame ("in Gaza", "Gaza's") is read within those bounds."""
    return [(s - lo, e - lo, p, _IN_FRAME if _LOCATIVE.search(text[max(lo, s - 40): s])
             or _POSSESSIVE.match(text[e: min(hi, e + 2)]) else rank)
            for s, e, p, rank in names]


class _PlaceIndex:
    """The places named in a document, matched once, and handed out sentence by sentence: the
    place patterns are many, and matching them all again on every sentence with a figure took
    about a tenth of the time of extraction."""

    def __init__(self, text: str, rules: Rules) -> None:
        self.text, self.rules = text, rules
        self.names = _names_in(text, rules)
        self.starts = [n[0] for n in self.names]
        self.reach = list(accumulate((n[1] for n in self.names), max, initial=0))  # farthest end before each

    def document(self) -> list[tuple[int, int, str, int]]:
        return _located(self.text, self.names, 0, len(self.text))

    def sentence(self, lo: int, hi: int) -> list[tuple[int, int, str, int]]:
        """The places of the sentence `text[lo:hi]`, as `_located` gives them for it alone."""
        first, last = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        inside = self.names[first:last]
        text = self.text
        # a name across the sentence's edge, or an edge inside a word (a run-on cut at its length
        # limit), may hide or make a name the sentence alone would read: match it alone
        if self.reach[first] > lo or any(e > hi for _, e, _, _ in inside) \
                or _IN_WORD.match(text, max(lo - 1, 0), lo + 1) or _IN_WORD.match(text, hi - 1, hi + 1):
            sentence = text[lo:hi]
            return _located(sentence, _names_in(sentence, self.rules), 0, hi - lo)
        return _located(text, inside, lo, hi)


_IN_WORD = compiled(r"\w\w")


def _document_place(document: Document, places: _PlaceIndex) -> str:
    """The place the document is about: the most named in locative frames, else the most named;
    of the places the rules list, since a place read from its frame alone is as often where the
    talks or the briefing were ("Hamas head in Cairo") as where the people were counted."""
    title = document.title
    listed = {place.id for place in places.rules.places}
    named = [n for n in _located(title, _names_in(title, places.rules), 0, len(title)) + places.document()
             if n[2] in listed]
    counts = Counter(p for _, _, p, loc in named if loc) or Counter(p for _, _, p, _ in named)
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


# "Thailand's government said 21 Thai nationals had been killed in Israel": the speaker's country,
# a place only when the sentence names no other.
_SPEAKERS_COUNTRY = compiled(
    r"(?i)(?:'s|’s)[ \t]+(?:[\w-]+[ \t]+)?(?:government|ministry|president|prime[ \t]+minister|"
    r"authorities|officials|agency|spokes(?:man|woman|person)|cabinet|embassy)\b")


def _place(sentence: str, cand: _Candidate, places: list[tuple[int, int, str, int]], default: str) -> str:
    located = [(_SPEAKERS_COUNTRY.match(sentence, e) is not None, -rank, min(abs(s - cand.end), abs(cand.start - e)), p)
               for s, e, p, rank in places if rank]
    return min(located)[-1] if located else default


# A bare "the Health Ministry" is Gaza's in reporting on Gaza (SPEC 3.5), the home country's elsewhere.
_GAZA_PLACES = frozenset({"gaza", "rafah", "khan_younis", "jabalia"})
_NAMES_GAZA = compiled(r"(?i)gaza|hamas|palestin")


@dataclass(frozen=True, slots=True)
class _Frame:
    """An attribution frame in a sentence ("according to OCHA", "police said") and the source id."""

    start: int
    end: int
    source: str
    known: bool  # named in rules/sources.yaml


@lru_cache(maxsize=4)
def _each_name(source_names: regex.Pattern) -> tuple[regex.Pattern, ...]:
    """The alternatives of rules.source_names (one named group per alias), each compiled alone:
    searched one by one, each with its own fast scan for its first letters, they find whether a
    sentence names a source some three times faster than the one alternation does."""
    return tuple(compiled(alias, source_names.flags)
                 for alias in regex.split(r"\|(?=\(\?P<\w+>)", source_names.pattern))


def named_sources(text: str, rules: Rules) -> tuple[regex.Pattern, ...]:
    """The names of rules/sources.yaml that `text` contains: searched once per document, they
    spare each sentence the search for all the others."""
    return tuple(name for name in _each_name(rules.source_names) if name.search(text, timeout=MATCH_TIMEOUT))


def sentence_starts(rules: Rules) -> Starts:
    """Where the metric cues, then the attribution frames of rules/sources.yaml, then other
    bodies' (_OTHER_SOURCE) can begin in a sentence. None begins right after a word character:
    rules.py wraps cues and frames in `(?<!\\w)`, and _OTHER_SOURCE begins at a word boundary."""
    return _starts_of((*(cue.pattern for cue in rules.cues), rules.source_frames, _OTHER_SOURCE))


@lru_cache(maxsize=4)
def _starts_of(patterns: tuple[regex.Pattern, ...]) -> Starts:
    return Starts(patterns)


def _frames(sentence: str, rules: Rules, home: str, names: tuple[regex.Pattern, ...]) -> list[_Frame]:
    """Every attribution frame of the sentence: those of rules/sources.yaml, then other bodies'
    ("the Sudan Doctors Network said"); `home` is the document's place, `names` the source names
    its text contains (`named_sources`)."""
    frames = []
    # the frames pattern is slow to try at every offset: only where some source is named at all
    named_somewhere = any(name.search(sentence, timeout=MATCH_TIMEOUT) for name in names)
    others = _OTHER_SOURCE_WORDS.search(sentence) is not None
    *_, frame_starts, other_starts = sentence_starts(rules)(sentence) if named_somewhere or others else ((), ())
    for m in matches_at(rules.source_frames, sentence, frame_starts, overlapped=True) if named_somewhere else ():
        if m["source"] is None:
            continue
        named = rules.source_names.fullmatch(m["source"]) or rules.source_names.search(m["source"])
        if not named:
            continue
        sid = named.lastgroup.split("__")[0]  # the alias group, which closes after any group inside it
        if sid == "gaza_health_ministry" and home not in _GAZA_PLACES and not _NAMES_GAZA.search(m["source"]):
            sid = f"{home}_health_ministry" if home else "health_ministry"
        frames.append(_Frame(m.start(), m.end(), sid, True))
    for m in matches_at(_OTHER_SOURCE, sentence, other_starts, overlapped=True) if others else ():
        name = _LEADING_THE.sub("", m["name"])
        if name in _PRONOUNS or _ANAPHOR_NOUN.fullmatch(f"the {name}") or rules.source_names.fullmatch(name):
            continue  # pronouns and "the ministry" point back; a known name is read by its own frames
        sid = _NON_WORDS.sub("_", name.lower().replace("’", "'").replace("'s", "")).strip("_")
        frames.append(_Frame(m.start(), m.end(), sid, False))
    return frames


def _source(sentence: str, cand: _Candidate, frames: list[_Frame], others: tuple[int, ...] = ()) -> str | None:
    """The source attributed nearest the candidate, a known one before another body's; `others`
    are the starts of the sentence's other figures."""
    best = None
    for frame in frames:
        distance = min(abs(frame.start - cand.end), abs(cand.start - frame.end))
        if distance > 2 * _REACH or not _frame_applies(sentence, cand, frame, others):
            continue
        key = (not frame.known, distance, frame.start - frame.end)
        if best is None or key < best[0]:
            best = (key, frame.source)
    return best[1] if best else None


def _frame_applies(sentence: str, cand: _Candidate, frame: _Frame, others: tuple[int, ...]) -> bool:
    """Whether the attribution frame can be the candidate's."""
    lo, hi = (cand.end, frame.start) if frame.start >= cand.end else (frame.end, cand.start)
    if ";" in sentence[lo:hi]:
        return False  # "Israel says 1,300 killed; Gaza toll passes 1,400": another clause's source
    # "240 were taken ..., in which Israel says about 1,200 were killed": the later figure's
    if frame.start < cand.end:
        return True
    following = bisect.bisect_left(others, frame.end)  # `others` are in text order
    return not (following < len(others) and _INTRODUCES.match(sentence[frame.end:others[following]]))


def _scope(clause: str, span: tuple[int, int], metric: str, metric_scope: str, as_of: date | None,
           rules: Rules, event_dates: frozenset[date] = frozenset(),
           others: tuple[int, ...] = ()) -> tuple[str, date | None]:
    """(scope, period_start) of the figure at `span` of `clause` from the cues of the clause.

    State and "since" cues count only near the figure: in "1.8 million have been displaced, and more
    than 1 million are sheltering", "are sheltering" is the second figure's. A "since" date that is
    the day of the event itself ("since Saturday", after "Saturday's attack") opens no window. A
    figure a toll is brought to ("raising the death toll to 30,035") is a running total. `others`
    are the starts of the clause's other figures: "with another 10,100 missing" is not 11,300's window.
    """
    near = lambda m, before, after: _near(clause, span, m, before, after)  # noqa: E731
    if rules.directions.get(metric) != "rises":  # a toll that only accumulates is never a stock
        if any(near(m, 3, 8) for m in rules.current_cues.finditer(clause, timeout=MATCH_TIMEOUT)):
            return "current", None
    if _TOTAL_BEFORE.search(clause[:span[0]]):
        return metric_scope, None
    if any(near(m, _SINCE_WORDS, _SINCE_WORDS) for m in rules.event_start.finditer(clause, timeout=MATCH_TIMEOUT)):
        return metric_scope, None
    for since in rules.since_phrase.finditer(clause, timeout=MATCH_TIMEOUT):
        when = dates.DATE_PATTERN.match(clause[since.end():].lstrip())
        if not when or not near(since, _SINCE_WORDS, _SINCE_WORDS):
            continue
        start = dates.resolve(when[0], as_of)
        if start is not None and (start in event_dates or (
                as_of is not None and (as_of - start).days > rules.since_date_period_days)):
            return metric_scope, None
        return "period", start
    window = _BETWEEN_DATES.search(clause)
    if window:
        return "period", dates.resolve(window["first"], as_of)
    period = next((m for m in rules.period_cues.finditer(clause, timeout=MATCH_TIMEOUT)
                   if not (m.start() >= span[1] and any(0 <= o - m.end() <= 12 for o in others))), None)
    if period and _WEEKDAY.search(period[0]) and _RUNNING_TOTAL.search(clause):
        return metric_scope, None  # "the toll rose to 52 on Saturday": a total dated, not a window
    if period:
        return "period", _period_start(clause[period.start():], as_of)
    return metric_scope, None


_SINCE_WORDS = 15
_TOTAL_BEFORE = compiled(
    r"(?i)(?:\b(?:toll|total|tally)\b(?:[ \t]+[\w.'’-]+){0,5}?[ \t]+(?:to|at)"
    r"|\b(?:bringing|raising|taking|pushing)[ \t]+to)[ \t]+(?:the[ \t]+)?$")


def _near(clause: str, span: tuple[int, int], m: regex.Match, before: int, after: int) -> bool:
    """Whether the cue `m` stands at most `before` words before the span or `after` words after it."""
    if m.end() <= span[0]:
        return _words_between(clause[m.end():span[0]]) <= before
    if m.start() >= span[1]:
        return _words_between(clause[span[1]:m.start()]) <= after
    return True


# "Saturday's Hamas attack", "the Feb. 6 earthquakes", "the invasion on Feb. 24": the day the event began.
_EVENTS = r"(?:attacks?|earthquakes?|quakes?|invasion|offensive|floods?|flooding|storm|cyclone|hurricane|typhoon|bombing|blast|explosion|war|incursion|assault|outbreak|massacre)"
_EVENT_DATE = compiled(
    rf"(?i)\b(?P<when>{dates.DATE})(?:'s|’s)?[ \t]+(?:[\w-]+[ \t]+){{0,2}}{_EVENTS}\b"
    rf"|\b{_EVENTS}[ \t]+(?:of|on)[ \t]+(?P<when>{dates.DATE})")


def _event_dates(text: str, published: date | None) -> frozenset[date]:
    """The days the document names as the day its event happened."""
    found = [dates.resolve(m["when"], published) for m in list(_EVENT_DATE.finditer(text, timeout=MATCH_TIMEOUT))]
    return frozenset(d for d in found if d is not None)


_BETWEEN_DATES = compiled(
    rf"(?i)\b(?:between|from)[ \t]+(?P<first>{dates.DATE})[ \t]+(?:and|to|until|through)[ \t]+{dates.DATE}")
_WEEKDAY = compiled(rf"(?i)\b(?:{'|'.join(dates.WEEKDAYS)})\b")
# Words of a running total: a weekday beside them dates the total instead of opening a window.
_RUNNING_TOTAL = compiled(
    r"(?i)\b(?:toll|total|tally|rose|risen|rises|climbed|jumped|reached|stood|stands|up from|down from|"
    r"so far|in all|overall|put the|puts the|number of (?:the )?(?:dead|deaths|injured|wounded|missing))\b")


def _period_start(text: str, as_of: date | None) -> date | None:
    """Start of a window named right after a period cue ("that began Oct. 10", "past 24 hours")."""
    if as_of is None:
        return None
    hours = regex.match(r"(?i)in the (?:past|last) (\d+) hours", text)
    if hours:
        return as_of - timedelta(days=max(1, int(hours[1]) // 24))
    when = dates.DATE_PATTERN.search(text[:80])
    return dates.resolve(when[0], as_of) if when else None


# The date a figure is given for: "as of March 3", "by Sunday", "said on Tuesday", "on Tuesday".
# "on October 7" alone is left out: it names the event far more often than the count's date.
_AS_OF = compiled(
    rf"(?i)\b(?:(?:as of|as at|as on|updated)[ \t]+"
    rf"(?:(?:midnight|noon|the morning|the evening|late|early)[ \t]+)?(?:on[ \t]+)?(?:the[ \t]+)?(?P<when>{dates.DATE})"
    # "by Sunday", but not "hit by the Feb. 6 earthquakes"
    rf"|(?:by|through|until|up to)[ \t]+(?P<when>{dates.DATE})"
    rf"|(?:said|says|reported|announced|stated|confirmed|added|published|released)[ \t]+(?:on[ \t]+)?(?P<when>{dates.DATE})"
    # "since the ceasefire began on Friday" starts a window: the figure is not Friday's
    rf"|(?<!(?:began|begun|started|effect|since|from)[ \t]+)on[ \t]+(?P<when>(?:{'|'.join(dates.WEEKDAYS)}|yesterday|{dates.HOLIDAY}))"
    # "killed 12 people Tuesday", as AP writes it; not "since Saturday" nor "Saturday's attack"
    rf"|(?<!(?:began|begun|started|effect|since|from|until|till|after|before|between|and|to|last|next|early|late|on)[ \t]+)"
    rf"(?P<when>{'|'.join(dates.WEEKDAYS)})(?![\w'’])"
    rf"|(?:between|from)[ \t]+{dates.DATE}[ \t]+(?:and|to|until|through)[ \t]+(?P<when>{dates.DATE})"
    rf"|(?:in|during)[ \t]+(?P<when>(?:1[89]|20)\d\d)(?![\d-])"
    rf"|(?P<when>last year|(?:by[ \t]+)?the end of (?:the |this |last )?year)"
    rf"|(?P<earlier>a day earlier|the day before|the previous day|a week earlier))\b")
_EARLIER = {"a day earlier": 1, "the day before": 1, "the previous day": 1, "a week earlier": 7}


def _explicit_date(clause: str, at: int, published: date | None, before: date | None = None,
                   others: tuple[int, ...] = (), span: int = 0) -> date | None:
    """The date the text gives for the figure at offset `at` of `clause`: the nearest date phrase.
    "A day earlier" dates only the figure right before it ("to 84, down from 100 reported a day
    earlier"), counting back from `before` (the date of the figure before), else from `published`."""
    end = at + span
    # the nearest date phrase; on a tie the one after the figure ("rose to 52 on Saturday")
    nearest = sorted(_AS_OF.finditer(clause, timeout=MATCH_TIMEOUT),
                     key=lambda m: (m.start() - end, 0) if m.start() >= end else (max(0, at - m.end()), 1))
    for m in nearest:
        if m["earlier"]:
            if m.start() < at or any(at < o < m.start() for o in others):
                continue
            anchor = before or published
            return anchor - timedelta(days=_EARLIER[m["earlier"].lower()]) if anchor else None
        resolved = dates.resolve(m["when"], published)
        if resolved is not None:
            return resolved
    return None


# The day a statement was made: "said on Thursday that", "released new figures on Sunday".
_SPEECH_DATE = compiled(
    rf"(?i)\b(?:said|says|told reporters|announced|reported|released|published|issued|confirmed|stated|updated)"
    rf"(?:[ \t]+[\w-]+){{0,3}}?[ \t]+on[ \t]+(?P<when>{dates.DATE})")
# The nouns an anaphor names ("the ministry said"): it points back at the latest speaker so named.
_ANAPHOR_NOUN = compiled(r"(?i)\bthe (ministry|agency|office|organi[sz]ation|military|army|authority|group)\b")


@dataclass(slots=True)
class _Carried:
    """What a sentence passes on to the next one that refers back to it ("It said ...", "he said"):
    the source it named, and the date it gave."""

    source: str | None = None
    when: date | None = None


_HISTORY = 6  # the speakers an anaphor may point back to, the latest last


class _Speakers:
    """The sentences of a document so far, as what an anaphoric sentence ("It said ...", "the
    ministry said") may refer back to: each new speaker, named or not, with the date it spoke.

    A sentence without figures is read for its speaker only when a later sentence refers back:
    most never are, and finding the sources of a sentence is the costliest reading there is."""

    def __init__(self, rules: Rules, home: str, published: date | None, names: tuple[regex.Pattern, ...]) -> None:
        self.rules, self.home, self.published, self.names = rules, home, published, names
        # per sentence, the latest last: what it passes on, None if no speaker, or its text if unread
        self._heard: list[_Carried | None | str] = []

    def heard(self, sentence: str, anaphoric: bool | None = None, source: str | None = None) -> None:
        """Record `sentence`; with `anaphoric` given it has been read, and `source` is its source."""
        if anaphoric is None:
            self._heard.append(sentence)
        else:
            self._heard.append(self._speaker(sentence, anaphoric, source))
        if len(self._heard) > 128 and sum(isinstance(h, _Carried) for h in self._heard[-64:]) >= _HISTORY:
            del self._heard[:-64]  # bounded on long documents: the latest speakers are all within

    def _speaker(self, sentence: str, anaphoric: bool, source: str | None) -> _Carried | None:
        """What `sentence` passes on: a new speaker, named or not, is what a later "he said" refers to."""
        if source or (not anaphoric and _SPEECH.search(sentence)):
            speech_date = _SPEECH_DATE.search(sentence, timeout=MATCH_TIMEOUT)
            return _Carried(source, speech_date and dates.resolve(speech_date["when"], self.published))
        return None

    def _latest(self) -> Iterator[_Carried]:
        """The speakers, the latest first, at most _HISTORY of them; unread sentences read on the way."""
        count = 0
        for i in range(len(self._heard) - 1, -1, -1):
            if count == _HISTORY:
                return
            entry = self._heard[i]
            if isinstance(entry, str):
                anaphoric = self.rules.source_anaphors.search(entry, timeout=MATCH_TIMEOUT) is not None
                frames = _frames(entry, self.rules, self.home, self.names)
                source = _source(entry, _Candidate(None, len(entry), len(entry)), frames)  # type: ignore[arg-type]
                entry = self._heard[i] = self._speaker(entry, anaphoric, source)
            if entry is not None:
                count += 1
                yield entry

    def referent(self, sentence: str) -> _Carried:
        """The earlier speaker the anaphoric `sentence` refers to: the latest whose name has the noun
        the anaphor uses ("the ministry"), else the latest."""
        latest = list(self._latest())
        if not latest:
            return _Carried()
        noun = _ANAPHOR_NOUN.search(sentence)
        if noun:
            word = noun[1].lower().replace("organisation", "organization")
            for earlier in latest:
                if earlier.source and word in earlier.source:
                    return earlier
        return latest[0]


def _clause_of(sentence: str, cand: _Candidate) -> tuple[int, str]:
    """(offset in the sentence, text) of the clause the candidate stands in, at most _REACH
    characters either side of it (no cue farther away is about this figure; it bounds the work
    on run-on text)."""
    lo, hi = max(0, cand.start - _REACH), min(len(sentence), cand.end + _REACH)
    if _ANTECEDENT.match(sentence[cand.end:hi]):
        return cand.start, sentence[cand.start:hi]  # "29 of whom have died" opens a clause of its own
    starts = [lo] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence, lo, cand.start)]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, cand.end, hi)] + [hi]
    # "238 people have died since mid-June, 36 of them since Friday": the second window is not the first's
    ends += [m.start() for m in _NEXT_ANTECEDENT.finditer(sentence, cand.end, hi)]
    return max(starts), sentence[max(starts): min(ends)]


_REACH = 400


def _refine(metric: str, sentence: str, cand: _Candidate, rules: Rules) -> str:
    after = sentence[cand.end:]
    for source_metric, noun, becomes in rules.refinements:
        if metric == source_metric and noun.match(after):
            return becomes
    return metric


def _counted_unit(sentence: str, cand: _Candidate, rules: Rules) -> str:
    if cand.match.number.unit is Unit.PERCENT:
        return "percent"
    return "household" if rules.household_nouns.match(sentence[cand.end:]) else "person"


def _read_sentence(sentence: str, rules: Rules, decimal_comma: bool = False) -> list[_Found]:
    """The claims of one sentence: candidates, their cues, metrics inherited along lists."""
    candidates = [
        _Candidate(m, m.start, m.end)
        for m in scan(sentence, rules.numbers, decimal_comma)
        if _is_count(sentence, m, m.start, m.end, rules)
    ]
    # "at least 90 of the roughly 200 residents were killed": the second figure is the whole the
    # first is taken from, no claim of its own, and it must not stand between the first and its cue
    candidates = [c for i, c in enumerate(candidates)
                  if not (i and _PART_OF.match(sentence[candidates[i - 1].end: c.start]))]
    if not candidates:
        return []
    cues = _cue_matches(sentence, rules)
    asides = _APPOSITION.search(sentence) is not None  # once here, not for each figure and cue
    found: list[_Found] = []
    unread: list[_Candidate] = []  # no cue of their own: may take the metric of a breakdown after them
    for cand in candidates:
        best = _best_cue(sentence, cand, candidates, cues, asides)
        previous = found[-1] if found else None
        if best is not None:
            cue, gap = best
            item = _Found(cand, cue.metric, cue.scope, gap, inherited=False)
        elif previous is not None and cand.match.kind != "vague" and (
                _continues(sentence, previous.candidate, cand) or _AMONG_THEM.match(sentence[cand.end:])):
            item = _Found(cand, previous.metric, previous.cue_scope, previous.gap, inherited=True)
        else:
            unread.append(cand)
            continue
        if unread and not item.inherited and _BREAKDOWN_AFTER.match(sentence[unread[-1].end: cand.start]):
            whole = _Found(unread.pop(), item.metric, item.cue_scope, item.gap, inherited=True)
            found.append(_finish(whole, sentence, rules, None))
        found.append(_finish(item, sentence, rules, previous))
    return found


def _continues(sentence: str, previous: _Candidate, cand: _Candidate) -> bool:
    """Whether `cand` continues a list or breakdown begun by the claim `previous`."""
    between = sentence[previous.end: cand.start]
    if _NEW_CLAUSE.search(between):
        return False  # "... 49,133 injured, while more than 60,000 rescuers": a new clause, a new count
    if _EARLIER_FIGURE.search(between) or (between.strip() == "from" and _TO.search(sentence, 0, previous.start)):
        return True  # "killed ... since the coup, up from 614", "has fallen to four from 28": an earlier count
    if not _COORDINATION.search(between):
        return False
    limit = _BREAKDOWN_GAP if _BREAKDOWN.search(between) else _LIST_GAP
    return _words_between(between) <= limit


def _finish(item: _Found, sentence: str, rules: Rules, previous: _Found | None) -> _Found:
    """Metric refined by the noun counted, and the group counted."""
    cand = item.candidate
    item.metric = _refine(item.metric, sentence, cand, rules)
    item.group = _group(sentence, cand, rules)
    if previous is not None and _ANTECEDENT.match(sentence[cand.end:]):
        item.group = "hostages" if previous.metric.startswith("hostages") else previous.group
    return item


def extract(document: Document, rules: Rules) -> list[Claim]:
    """Every claim of `document`, in text order."""
    text = document.text
    place_index = _PlaceIndex(text, rules)
    default_place = _document_place(document, place_index)
    published = document.published
    decimal_comma = uses_decimal_comma(document.locale)
    event_dates = _event_dates(document.text, published)
    claims: list[Claim] = []
    names = named_sources(text, rules)
    speakers = _Speakers(rules, default_place, published, names)
    for s_start, s_end in split_sentences(text):
        sentence = text[s_start:s_end]
        if _TEASER.match(sentence):
            continue
        found = _read_sentence(sentence, rules, decimal_comma)
        if not found:
            speakers.heard(sentence)  # read only if a later sentence refers back to it
            continue
        anaphoric = rules.source_anaphors.search(sentence, timeout=MATCH_TIMEOUT) is not None
        carried = speakers.referent(sentence) if anaphoric else _Carried()
        sentence_source = None
        previous: tuple[_Candidate | None, date | None] = (None, None)  # the sentence's previous figure, its date
        frames = _frames(sentence, rules, default_place, names)
        places = place_index.sentence(s_start, s_end)
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
            explicit = _explicit_date(clause, cand.start - clause_start, published, previous[1],
                                      tuple(f.candidate.start - clause_start for f in found if f is not item),
                                      cand.end - cand.start)
            if explicit is None and previous[0] is not None and (item.inherited or _continues(sentence, previous[0], cand)):
                explicit = previous[1]
            previous = (cand, explicit)
            as_of = explicit or carried.when or published
            at = cand.start - clause_start
            scope, period_start = _scope(clause, (at, at + cand.end - cand.start), item.metric, item.cue_scope,
                                         as_of, rules, event_dates,
                                         tuple(f.candidate.start - clause_start for f in found if f is not item))
            sentence_source = sentence_source or source
            place = _place(sentence, cand, places, default_place)
            group = item.group
            if group in rules.same_people.get(place, ()) or group in rules.same_as_metric.get(item.metric, ()):
                group = "all"
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
            ))
        speakers.heard(sentence, anaphoric, sentence_source)
    return claims


def claims_frame(claims: Iterable[Claim]):
    """The claim table (SPEC 2) as a pandas DataFrame with the spec's columns in order."""
    import pandas as pd  # noqa: PLC0415

    claims = list(claims)
    # column by column: pandas infers each column's type once instead of transposing rows
    frame = pd.DataFrame({col: [getattr(c, col) for c in claims] for col in CLAIM_COLUMNS})
    for col in ("lower", "upper"):
        frame[col] = frame[col].astype("Int64")
    return frame
