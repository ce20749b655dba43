"""Where the people counted are (the claim's `place`): the places named in a text (listed in
rules/places.yaml, or read from a frame that makes a proper name one: "in Lahaina"), matched
once per document (`_PlaceIndex`) and handed out sentence by sentence; the place the document is
about, the default; and the place of one figure, the nearest named in a locative frame.
"""
from __future__ import annotations

import bisect
from collections import Counter
from itertools import accumulate

from .. import dates
from ..gazetteer import LOCAL_LEVELS, capital_of, for_rules, is_country, names_local_level, place_id
from ..model import Document
from ..rules import Rules
from ..scanning import MATCH_TIMEOUT
from ..user_cache import compiled
from .sentences import ATTACKS, NEXT_ANTECEDENT, _Candidate


# The words of a text, against each listed place's first words: most places need no search.
_WORD_RUN = compiled(r"\w+")
# A place rules/places.yaml does not list, in a frame that makes a proper name one: "in Lahaina",
# "on Maui", "the town of Pylos", "the capital, Port-au-Prince", "in remote Enga".
_NAMED_PLACE = compiled(
    r"(?:\b(?i:in|at|near|around|across|inside|throughout|from|off|on)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:remote|northern|southern|eastern|western|central|coastal|rural|neighbouring|neighboring|nearby|adjoining)[ \t]+)?"
    r"|\b(?:city|town|village|state|province|region|island|district|county|port|capital)[ \t]+of[ \t]+"
    r"|\bthe[ \t]+capital,[ \t]+)"
    r"(?P<name>\p{Lu}\p{Ll}(?:[\p{L}-]|['’](?!s\b))*(?:[ \t]+(?:(?:de|do|da|dos|das|del|di|du|la|le|el|al|von|van|der)[ \t]+)?"
    r"\p{Lu}\p{Ll}(?:[\p{L}-]|['’](?!s\b))*){0,3}+)"
    # not a possessive, a building ("at Kamal Adwan hospital") or an adjective ("in Israeli strikes")
    r"\b(?!['’]s\b|[ \t]+(?:hospital|clinic|school|mosque|church|university|airport|prison|stadium|hotel|station)\b"
    # (but "the Mawasi area", "the Nuseirat camp" are places)
    # (not "-an" alone: "across Henan according to", "in Sudan killed"; `_names_in` drops "German", "Afghan")
    r"|(?<=(?:i|ian|ean|can|ese|ish))[ \t]+(?!(?:province|state|region|district|county|prefecture|governorate|area|camp|"
    r"coastal|neighbourhood|neighborhood|zone)\b)\p{Ll})")
# "had the most", "has suffered the highest": a place at the head of a breakdown by place.
# "Sierra Leone had the most, 14,124, with 3,956 deaths": another count of the place in between.
_ANOTHER_FIGURE = r"(?:[ \t]+\d[\d,.]*,)?"
_THE_MOST = (r"(?:(?:still|again|also|now)[ \t]+)?(?:has|had|have)(?:[ \t]+(?:suffered|seen|recorded|reported))?[ \t]+the[ \t]+"
             r"(?:most|highest|largest|greatest)(?:[ \t]+[\w-]+)?")
# "has recorded", "accounted for" after a place's name ("Miyagi prefecture accounted for 6,333").
_RECORDED = (rf"(?:[ \t]+(?:{'|'.join(LOCAL_LEVELS)}|state|region))?"
             r"[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+)?(?:now[ \t]+)?(?:recorded|registered|accounted[ \t]+for)[ \t]+")
# "North Rhine-Westphalia has recorded 47 deaths", "Sindhupalchok, a hill district northeast of the
# capital, accounted for 3,035": a name that records its own dead, or that the text calls a place
# (not "counted" or "reported", which news agencies and monitors do).
_COUNTING_PLACE = compiled(
    r"(?<![\p{L}'’-])(?<!\b(?:The|the|A|a)[ \t]+)(?P<name>\p{Lu}\p{Ll}[\p{L}-]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}-]*){0,2})"
    r"(?=(?:,[ \t]+(?:a|the)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:district|province|region|state|county|town|city|village|port)\b[^,]{0,60},)?"
    # ("the coastal Maule region, closest to the epicentre, accounted for 541")
    rf"(?:(?:[ \t]+(?:{'|'.join(LOCAL_LEVELS)}|state|region),[^,\d]{{1,60}},)?{_RECORDED}(?:[\w-]+[ \t]+){{0,2}}\d"
    rf"|{_THE_MOST},?(?:{_ANOTHER_FIGURE}[ \t]+with)?[ \t]+\d))")  # "Buncombe County had the most, with 42"
# A name in a breakdown by place: "followed by Yancey with 11 and Henderson with seven", "Miyagi
# accounted for 6,333 of the dead, Iwate for 3,123".
_LISTED_PLACE = compiled(
    r"(?<=(?:\bfollowed[ \t]+by|,|\band)[ \t]+)(?P<name>\p{Lu}\p{Ll}[\p{L}-]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}-]*){0,2})"
    r"(?=[ \t]+(?:with|for)[ \t]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b))")
# "Lee County Sheriff Carmine Marceno", "Rathedaung Township": a name that ends in its own level is
# a place wherever it stands, in a frame or not.
# ("Serang regency", "Sumur district": a level in lower case describes the name, which is the place's id;
# not a province's, which reporters name to say where a place lies, and a toll's place is the country's)
_BELOW_PROVINCE = [level for level in LOCAL_LEVELS if level not in ("province", "prefecture", "governorate", "oblast")]
_ADMIN_NAME = compiled(
    r"(?<![\p{L}'’-])(?!(?:In|At|On|Of|From|Near|Across|Inside|Throughout|For|And|By|To|The|A|An)\b)(?P<name>(?:\p{Lu}\p{Ll}[\p{L}'’-]*[ \t]+){1,3}"
    rf"(?:{'|'.join(level.title() for level in LOCAL_LEVELS)})"
    rf"|\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]*(?:[ \t]+\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]*){{0,2}}(?=[ \t]+(?:{'|'.join(_BELOW_PROVINCE)})\b))\b"
    # before an office ("Clark County Sheriff Joseph Lombardo", "Miami-Dade County officials"): the
    # speaker's seat, which places a figure only as "his county" or "the county" later does
    rf"(?P<office>(?=(?:[ \t]+(?:{'|'.join(_BELOW_PROVINCE)}))?[ \t]+(?:\p{{Lu}}|officials|authorities|government|council|sheriff|emergency|spokes)))?")
# "Cutro toll reaches 88", "Grenfell death toll rises": a name right before a toll is a place's.
_NAME_BEFORE_TOLL = compiled(
    r"(?<![\p{L}'’-])(?!(?:The|A|An|This|That|Its|Their|Official|Overall|Final|Latest|New|Daily|Total|Death)\b)"
    r"(?P<name>\p{Lu}\p{Ll}[\p{L}'’-]*)(?=[ \t]+(?:[\p{Ll}-]+[ \t]+)?(?:death[ \t]+)?tolls?\b)")
# "told reporters in Geneva", "the health ministry in Damascus": where the speaker was.
_SPEAKERS_WHEREABOUTS = compiled(
    r"(?:(?:reporters|journalists|briefing|conference|speaking|headquarters)[ \t]+"
    r"|\b(?:said|says|told(?:[ \t]+\w+){0,3}|announced|added)[ \t]+"
    r"|\b(?:ministry|government|authorities|administration|office|agency)[ \t]+)$")  # before "in Kolkata", "in Damascus"
# Days and months stand in those frames too ("on Thursday", "in March").
_CALENDAR_WORD = compiled(rf"(?i)(?:{dates._MONTH}|{'|'.join(dates.WEEKDAYS)})\b")
# "in Gaza", "fled Rafah", "of Gazans", "had gone to Poland"; not "on" or "to" alone, which name
# targets ("pressure on Israel").
# ("a higher count for Syria": whose count it is)
_LOCATIVE = compiled(r"(?i)(?:\b(?:in|at|across|inside|throughout|from|near|of|into|fled|flee|fleeing|left|around|within|"
                     r"(?:count|toll|tally|figure|total)s?\s+(?:(?:announced|given|reported|released)\s+)?for|"
                     r"entered|entering|reached|reaching|(?:gone|went|go|going|fled|moved|headed|heading|travelled|traveled)\s+to)"
                     r"\s+(?:the\s+)?(?:\w+(?:['’]s)?\s+)?)$")  # ("in India's Odisha state")
# "fled Myanmar", "from Ukraine": where people left, which a count of people displaced abroad is
# not about ("370,000 have entered Bangladesh from Myanmar" are refugees in Bangladesh).
# Where captives are: "still in Gaza", "held in", "remain in".
_HELD_IN = compiled(r"(?i)\b(?:still|held|remain(?:s|ed|ing)?|captive|captivity)\b[^,.;]{0,12}$")
_LEFT_FROM = compiled(r"(?i)\b(?:from|fled|flee|fleeing|flees|left|leaving|escaped|escaping|out[ \t]+of)\s+(?:the\s+)?$")
# "Gaza's hospitals": a possessive locates as a locative frame does.
# "Gaza's hospitals"; not "including Australia's, offered", nor an actor ("Israel's offensive has
# killed 34,844 people in the territory")
_POSSESSIVE = compiled(r"(?:'s|’s)[ \t]+(?!(?:[\w-]+[ \t]+)?(?:offensive|strikes?|bombardment|bombing|campaign|assault|"
                       r"invasion|attacks?)\b)\w")



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
        for pattern, rank in ((place.names, None), (place.people, _DEMONYM), (place.toll_adjective, _IN_FRAME)):
            if pattern is None:
                continue
            for m in list(pattern.finditer(text, timeout=MATCH_TIMEOUT)):  # eager: see split_sentences
                if _FEATURE.search(text, max(0, m.start() - 12), m.start()) or _CITY_AFTER.match(text, m.end()):
                    continue  # "Lake Chad", "the Gulf of Mexico": water, not the country; "Mexico City" a city
                found.append((m.start(), m.end(), place.id, rank if rank is not None
                              else _IN_FRAME if m[0].lower().startswith("the ") else _MENTIONED))
    known = sorted(found)
    framed = sorted([*_NAMED_PLACE.finditer(text, timeout=MATCH_TIMEOUT),
                     *_COUNTING_PLACE.finditer(text, timeout=MATCH_TIMEOUT),
                     *_LISTED_PLACE.finditer(text, timeout=MATCH_TIMEOUT),
                     *_ADMIN_NAME.finditer(text, timeout=MATCH_TIMEOUT)], key=lambda m: m.start("name"))
    # a name before a toll is a place only if the text also names it as one: "Cutro toll reaches
    # 88" with "off Cutro" below; not "Bushfire toll" or a storm's name
    in_frame = {place_id(m["name"]) for m in framed}
    for m in [*framed, *(m for m in _NAME_BEFORE_TOLL.finditer(text, timeout=MATCH_TIMEOUT)
                         if place_id(m["name"]) in in_frame)]:
        start, end = m.span("name")
        at = bisect.bisect_left(known, (end,))
        if (at and known[at - 1][1] > start) or _CALENDAR_WORD.match(m["name"]) \
                or rules.not_a_place.match(m["name"]) or rules.source_names.fullmatch(m["name"]) \
                or (m.re is _NAMED_PLACE and for_rules(rules).nationality(m["name"])) \
                or any(pattern.fullmatch(m["name"]) for _, pattern in rules.groups) \
                or _SPEAKERS_WHEREABOUTS.search(text, max(0, m.start() - 30), m.start()):
            continue  # a listed place (or one overlapping it), or a name that is no place ("Civilians accounted for")
        found.append((start, end, place_id(m["name"]), _MENTIONED if m.re is _ADMIN_NAME and m["office"] is not None
                      else _IN_FRAME))
        known.insert(at, (start, end, "", 0))  # a name both frames read is one name
    return sorted(found)


def _located(text: str, names: list[tuple[int, int, str, int]], lo: int, hi: int) -> list[tuple[int, int, str, int]]:
    """The `names` of `text[lo:hi]` as (start, end, place, locative), offsets from `lo`; the
    locative frame ("in Gaza", "Gaza's") is read within those bounds."""
    return [(s - lo, e - lo, p, _DEMONYM if _ORIGIN.search(text[max(lo, s - 40): s])
             else _IN_FRAME if _LOCATIVE.search(text[max(lo, s - 40): s])
             or _POSSESSIVE.match(text, e, hi) or _BEFORE_TOLL.match(text, e, hi) else rank)
            for s, e, p, rank in names]


_POSSESSOR = compiled(r"['’]s[ \t]+")
# "the assault on southern Israel", "Israeli strikes on Gaza": the place an attack struck.
_ATTACK_ON = compiled(rf"(?i)\b{ATTACKS}[ \t]+on[ \t]+(?:the[ \t]+)?$")
# "the Mawasi area west of Khan Younis": a place that locates the one before it, the figure's place
# only if no other is named (it still tells where the story is).
_LANDMARK = compiled(r"(?i)\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?[ \t]+of[ \t]+(?:the[ \t]+)?$"
                     r"|\b(?:area|camp|village|town|compound|district|neighbou?rhood|coast)[ \t]+near[ \t]+(?:the[ \t]+)?$")
# "480 died elsewhere", "281 deaths reported from outside the state": counted in no place named.
_ELSEWHERE = compiled(r"(?i)(?:[ \t]+[\w-]+){0,3}?[ \t]+(?:elsewhere|(?:from[ \t]+)?outside[ \t]+(?:the|of[ \t]+the)[ \t]+"
                      r"(?:state|country|region|province|city|county))\b")
_UNNAMED_AREA = compiled(r"\bin[ \t]+the[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:region|area|district|province|valley|zone)s?,?"
                         r"[ \t]+with[ \t]+$")
# A city named after its country or region: "Mexico City", "Kuwait City", "Cebu City".
_CITY_AFTER = compiled(r"[ \t]+City\b")
# A natural feature named after a country: "on the shore of Lake Chad", "the Gulf of Mexico".
_FEATURE = compiled(r"\b(?:Lake|Gulf[ \t]+of|Bay[ \t]+of|Sea[ \t]+of|Mount|River)[ \t]+$")
# "Nepal quake toll", "Gaza death toll": a name right before a toll says whose toll it is.
_BEFORE_TOLL = compiled(r"(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:death[ \t]+)?(?:tolls?|dead|deaths)\b")
# "families from Afghanistan", "migrants from Syria": where people come from, as a demonym says.
_ORIGIN = compiled(r"(?i)\b(?:families|migrants|refugees|asylum[ \t]+seekers|nationals|citizens|people|workers|"
                   r"pilgrims|tourists|passengers|victims|many|most|some)[ \t]+(?:\w+[ \t]+)?from[ \t]+(?:the[ \t]+)?$")


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


# A sentence edge inside a word: a run-on cut at its length limit.
_IN_WORD = compiled(r"\w\w")


# A dateline opening the body: "NAIROBI, Sept. 22 —", "BESLAN, Russia, Sept. 4 —", "GAZA
# CITY/JERUSALEM, Oct 18 (Meridian Post) -", "ALGIERS -": the city the story is filed from, a
# region after it.
_DATELINE = compiled(
    rf"(?m)^[ \t]*(?P<city>\p{{Lu}}[\p{{Lu}}'’. -]*\p{{Lu}})(?:/[\p{{Lu}}'’. -]+)?"
    rf"(?:,[ \t]+(?:(?P<region>\p{{Lu}}[\p{{L}}.]*(?:[ \t]+\p{{Lu}}[\p{{L}}.]*)*),[ \t]+)?(?i:{dates._MONTH})\.?[ \t]+\d"
    # or with no date: "ALGIERS -", "SURFSIDE, Fla. (AP) —"
    rf"|(?:,[ \t]+(?P<region>\p{{Lu}}[\p{{L}}.]*(?:[ \t]+\p{{Lu}}[\p{{L}}.]*)*))?[ \t]+(?:\([^()\n]{{1,40}}\)[ \t]+)?[-—–][ \t])")
# The dateline stands in the first lines, after the headline.
_DATELINE_REACH = 600


def dateline(text: str) -> tuple[str, ...]:
    """The place ids of a story's dateline: the city it is filed from ("nairobi"), and the region
    or country named after it ("MINA, Saudi Arabia, Sept 24": also `saudi_arabia`); () if none."""
    m = _DATELINE.search(text, 0, min(len(text), _DATELINE_REACH), timeout=MATCH_TIMEOUT)
    if not m:
        return ()
    region = place_id(m["region"]) if m["region"] and not _ABBREVIATED.fullmatch(m["region"]) else ""
    return tuple(p for p in (place_id(m["city"].title()), region) if p)


def without_dateline(sentence: str) -> str:
    """`sentence` without the dateline opening it ("COLOMBO, April 24 (Wire) - Police said ..."):
    where the reporter filed from, not what the sentence is about."""
    return _DATELINE_OPENING.sub("", sentence)


# A dateline as it opens a lead sentence, up to its dash: "COLOMBO, April 24 (Indian Ocean
# Courier) -", "SURFSIDE, Fla. -", "LAGOS (Continental Africa Report) -" (`_DATELINE` finds the
# city and region in a document).
_DATELINE_OPENING = compiled(r"^\s*\p{Lu}[\p{Lu}'’. -]*\p{Lu}(?:/[\p{Lu}'’. -]+)?(?:,[^-—–\n]{0,60}|[ \t]+\([^()\n]{1,40}\))?\s+[-—–]\s+")


# "Calif.", "Fla.": a state abbreviated in a dateline names no place id here.
_ABBREVIATED = compiled(r"\p{Lu}\p{Ll}{0,4}\.")


def _document_place(document: Document, places: _PlaceIndex) -> str:
    """The place the document is about: the most named in locative frames (the headline counting
    thrice), else the most named; of the places the rules list, since a place read from its frame
    alone is as often where the talks or the briefing were ("Hamas head in Cairo") as where the
    people were counted, and such a place only where no listed one is framed. A country named only as a speaker ("Britain's Foreign Office said three
    Britons died") or a helper ("with the help of Switzerland") does not count; the dateline's
    city counts as one more mention, and the dateline's places win a tie."""
    rules, text = places.rules, places.text
    title = document.title
    listed = {place.id for place in rules.places}
    headline = [(p, _IN_FRAME if loc == _MENTIONED else loc, _HEADLINE_WEIGHT)
                for _, _, p, loc in _located(title, _names_in(title, rules), 0, len(title))]
    body = [(p, loc, 0 if _SPEAKERS_COUNTRY.match(text, e) or _HELPER.search(text, max(0, s - 20), s) else 1)
            for s, e, p, loc in places.document()]
    filed_from = dateline(text)
    named = [(p, loc, weight) for p, loc, weight in headline + body if p in listed and weight]
    named += [(filed_from[0], _IN_FRAME, 1)] if filed_from else []
    # a nationality names who died, not where: "three Britons were among the dead" in Nairobi
    counts = _framed_counts(named)
    if not +counts:  # "in Surfside", "at the In Amenas gas plant": places the rules do not list,
        # a county's or a district's below the others ("Lee County" in a story on all of Florida)
        unlisted = [(p, loc, weight) for p, loc, weight in headline + body if p not in listed and weight]
        counts = +_framed_counts([n for n in unlisted if not names_local_level(n[0])]) or _framed_counts(unlisted)
    if not +counts:
        counts = Counter(p for p, _, _ in named)
    if not +counts:
        return ""
    # on a tie, where the story was filed from
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] not in filed_from, kv[0]))[0][0]


_HEADLINE_WEIGHT = 2


def _framed_counts(named: list[tuple[str, int, int]]) -> Counter[str]:
    """How often, weighted, each place is named in a locative frame."""
    counts: Counter[str] = Counter()
    for p, loc, weight in named:
        counts[p] += weight if loc == _IN_FRAME else 0
    return counts


# "with the help of Switzerland", "mediated by Qatar": a country that helped, not where people were.
_HELPER = compiled(r"(?i)(?:help|support|mediation|assistance|aid)[ \t]+(?:of|from)[ \t]+$|(?:mediated|brokered)[ \t]+by[ \t]+$")


# "Thailand's government said 21 Thai nationals had been killed in Israel": the speaker's country,
# a place only when the sentence names no other.
_SPEAKERS_COUNTRY = compiled(
    # (not "Oslo's government district", a part of the city)
    r"(?i)(?:'s|’s)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:government(?![ \t]+(?:district|quarter|buildings?|complex|headquarters))|ministry|president|presidency|prime[ \t]+minister|"
    r"foreign[ \t]+office|authorities|officials|agency|spokes(?:man|woman|person)|cabinet|embassy|envoy|ambassador|"
    r"cricket[ \t]+team|national[ \t]+team)\b")


# "the health ministry there says", "1,380,711 arrivals there", "killed there": the place the
# sentence before named (not "there were", nor "the crew members there", in the cockpit).
_THERE_AFTER = r"(?:killed|died|dead|deaths|wounded|injured|displaced|missing|arrivals|toll|fatalities|casualties)"
_BODIES_THERE = r"(?:ministry|government|authorities|officials|police|agency|office|army|military)"
THERE = compiled(rf"(?i)\b(?:{_THERE_AFTER}|{_BODIES_THERE})[ \t]+there\b")
BODY_THERE = compiled(rf"(?i)\b{_BODIES_THERE}[ \t]+there\b")


def last_place(places: list[tuple[int, int, str, int]]) -> str:
    """The place a sentence names last, not by its people's name, or ""."""
    return next((p for _, _, p, rank in reversed(places) if rank != _DEMONYM), "")


def _place(sentence: str, cand: _Candidate, places: list[tuple[int, int, str, int]], default: str,
           metric: str = "", country: str = "", there: str = "") -> str:
    """The place of the figure, of the places of its own statement first ("In Zimbabwe 259 died,
    and Malawi's government has reported 56 deaths"; "Belgium has counted 36 deaths, bringing the
    toll in Europe to 216"): several countries together ("across the three countries") are a place
    of their own (`three_countries`); else the one named in a locative frame right after the
    figure's noun ("15 people in Kolkata"), else the nearest so named (demonyms too in a document
    with no place of its own), then a name standing as the statement's subject, a speaker's
    country last ("Thailand's government"); `default` (the document's) if none. People displaced
    are counted where they went, not where they fled from, where the statement names both. A
    "national toll" is the `country`'s (the one `default` lies in); a statement that names no
    place but says "there" is about `there`, the place the sentence before named."""
    # a nationality is where the people counted are from, not where they were counted: it places
    # the figure only in a document that names no place of its own
    wanted = (_IN_FRAME,) if default else (_IN_FRAME, _DEMONYM)
    lo = max((m.end() for m in _STATEMENT_BREAK.finditer(sentence, 0, cand.start)), default=0)
    hi = next((m.start() for m in _STATEMENT_BREAK.finditer(sentence, cand.end)), len(sentence))
    # "..., saying the chaos on Utoya island had ...": the speaker's reason, never the figure's place
    reason = _REASON.search(sentence, cand.end)
    places = [p for p in places if reason is None or p[0] < reason.start()]
    several = _SEVERAL_COUNTRIES.search(sentence, lo, hi)
    if several:  # "across the three countries": no one country's series
        return f"{several['n'].lower() or 'several'}_countries"
    if _COMBINED.search(sentence, max(lo, cand.start - 60), cand.start):
        return "several_countries"
    if country and _NATIONAL.search(sentence, max(lo, cand.start - 60), cand.start):
        return country  # "In Islamabad, the federal government's confirmed national toll stood at 39,422"
    if _ELSEWHERE.match(sentence, cand.end, hi) or _UNNAMED_AREA.search(sentence, max(0, cand.start - 60), cand.start):
        # "1,097 died in Louisiana and 480 died elsewhere", "and in the wider central region, with
        # 2,757 dead": no place the text names
        return "unknown"
    listed = [p for s, e, p, rank in places if rank != _DEMONYM and e <= cand.start and _PLACE_WITH.match(sentence[e:cand.start])]
    if listed:
        return listed[-1]
    # places passed over: where the displaced fled from; where hostages were not held, once the
    # statement says where they are ("94 of the 251 people seized in the October 7 attack were
    # still in Gaza")
    framed = [s for s, _, _, rank in places if rank == _IN_FRAME and lo <= s < hi]
    held = [s for s in framed if _HELD_IN.search(sentence, max(0, s - 30), s)] if metric == "hostages_held" else []
    passed = [s for s in framed if _LEFT_FROM.search(sentence, max(0, s - 30), s)] if metric == "displaced" \
        else [s for s in framed if s not in held] if held else []
    # "in India's Odisha state": the place the possessive owns is the figure's, not its owner
    owners = {e for _, e, _, _ in places if any(_POSSESSOR.fullmatch(sentence, e, s2) for s2, _, _, _ in places)}
    located = [(not lo <= s < hi, _SPEAKERS_COUNTRY.match(sentence, e) is not None, s in passed, -rank,
                e in owners,
                _LANDMARK.search(sentence, max(0, s - 40), s) is not None,
                _ATTACHED.match(sentence, cand.end, s) is None, min(abs(s - cand.end), abs(cand.start - e)), p)
               for s, e, p, rank in places
               if rank in wanted or (rank == _MENTIONED and lo <= s < cand.start and _COUNTING_SUBJECT.match(sentence, e))]
    best = min(located) if located else None
    if (best is None or best[0]) and country and THE_CAPITAL.search(sentence, max(lo, cand.start - 60), min(hi, cand.end + 60)):
        # "148 people had died in the capital": the capital of the country the document is about
        capital = capital_of(country)
        if capital:
            return capital
    region = _THE_REGION.search(sentence, lo, hi) if best is None or best[0] else None
    if region:
        # "In neighbouring Odisha, ..., and two deaths had been reported in the state", "West
        # Bengal Chief Minister ... said 72 people had died in the state": the place named last before
        before = [p for s, _, p, rank in places if rank != _DEMONYM and s < region.start()]
        if before:
            return before[-1]
    # "The Hamas assault on southern Israel ... killed more than 1,400": where the attack that killed struck
    struck = [p for s, _, p, rank in places if rank != _DEMONYM and lo <= s < cand.start
              and _ATTACK_ON.search(sentence, max(0, s - 30), s)]
    if struck and (best is None or best[0]):
        return struck[-1]
    # a place only another statement of the sentence names is that statement's, where the
    # document has a place of its own ("2,681 dead ..., with 1,591 deaths in Al Haouz")
    if best is None or (best[0] and default):
        here = THERE.search(sentence, lo, hi) if there else None
        # "there" is a place the sentence itself names before it, else the sentence before's
        named = [p for s, _, p, rank in places if rank != _DEMONYM and here and s < here.start()]
        return (named[-1] if named else there) if here else default
    return "two_countries" if _paired_country(sentence, best[-1], places) else best[-1]


# "in Turkey and Syria", "Turkey-Syria quake": two countries named as one place.
_PAIRED = compiled(r"^(?:[ \t]*-[ \t]*|[ \t]+and[ \t]+(?:in[ \t]+)?(?:neighbouring[ \t]+|neighboring[ \t]+)?)$")


def _paired_country(sentence: str, place: str, places: list[tuple[int, int, str, int]]) -> bool:
    """Whether `place`, a country, is named joined to another country ("Turkey and Syria")."""
    named = sorted((s, e, p) for s, e, p, rank in places if rank != _DEMONYM)
    for (s1, e1, p1), (s2, _, p2) in zip(named, named[1:]):
        if place in (p1, p2) and p1 != p2 and _PAIRED.match(sentence[e1:s2]) and is_country(p1) and is_country(p2):
            return True
    return False


_REASON = compiled(r",[ \t]+(?:saying|citing|explaining)\b")
_SEVERAL_COUNTRIES = compiled(r"(?i)\b(?:across|in|for)[ \t]+(?:the[ \t]+|all[ \t]+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|several|\d+)"
                              r"[ \t]+(?:\w+[ \t]+)?(?:countries|territories|nations)\b|(?-i:\b(?i:together|along)[ \t]+with[ \t]+\p{Lu})(?P<n>)"
                              # "the number of dead across the region", "region-wide"
                              r"|\bacross[ \t]+the[ \t]+(?:whole[ \t]+|wider[ \t]+)?region\b(?P<n>)|\bregion-?wide\b(?P<n>)")
# "in the state", "the province's toll": the region named before, in another statement of the sentence
_ITS_TOLL = r"['’]s[ \t]+(?:death[ \t]+)?(?:toll|tally|count|figure|dead)\b"  # "the state's toll", "the capital's count"
_THE_REGION = compiled(r"(?i)\b(?:in|across)[ \t]+(?:the|his|her|its|their)[ \t]+(?:state|province|region|district|county|prefecture)\b"
                       rf"|\b(?:the|his|her|its|their)[ \t]+(?:state|province|region|district|county|prefecture){_ITS_TOLL}")
# "in the capital", "the capital's count": the capital of the country the document is about.
THE_CAPITAL = compiled(rf"(?i)\bin[ \t]+the[ \t]+capital\b(?![ \t,]+(?-i:\p{{Lu}}))|\bthe[ \t]+capital{_ITS_TOLL}")
# "the combined toll passed the 50,000 mark": several places' toll, right before its figure
# ("the combined toll in Guinea, Liberia and Sierra Leone at 5,987")
_COMBINED = compiled(r"(?i)\bcombined[ \t]+(?:death[ \t]+)?tolls?\b(?:,?[ \t]+[\w-]+){0,8}?[ \t]+$")
# "the national toll", "the nationwide death toll": the whole country's, not a city's the sentence names
_NATIONAL = compiled(r"(?i)\b(?:national|nationwide|country-?wide)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:tolls?|tally|count|figures?)\b"
                     r"(?:[ \t]+[\w-]+){0,5}?[ \t]+$")
# "Belgium has counted 36 deaths": a place that counts its own dead, as a sentence's subject.
_COUNTING_SUBJECT = compiled(r"(?i)[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+|now[ \t]+)?(?:counted|recorded|registered|"
                             r"confirmed|listed|logged|tallied|raised|reported)\b")
# A breakdown by place: "followed by South Carolina with 48", "North Carolina has suffered the
# most, with 117 deaths": the place right before "with" and the figure is the figure's.
# ("Harris County again had the most deaths, 43", "Travis County, home to Austin, with nine")
# (and a place standing right before its figure in a list: "South Carolina has reported 49 deaths and
# Georgia 33")
_PLACE_WITH = compiled(rf"(?i)^(?:(?:[ \t]+{_THE_MOST},?{_ANOTHER_FIGURE})?|,[^,\d]{{1,40}},)[ \t]+(?:with|for)[ \t]+$"
                       rf"|^[ \t]+{_THE_MOST},[ \t]+$|^{_RECORDED}$|^[ \t]+$"
                       # "Pandeglang regency ... remains by far the worst affected, with 290 dead, 1,143 injured"
                       r"|^[^,\d;.]{0,80}\b(?:worst|hardest|most|badly|severely)[ \t-]+(?:hit|affected|damaged)\b[^,\d;.]{0,30},?[ \t]+with[ \t]+"
                       r"(?:\d[\d,.]*[ \t]+[\w-]+,?[ \t]+(?:and[ \t]+)?){0,4}$")
# "15 people in Kolkata": a place right after the figure's noun phrase is the figure's own.
_ATTACHED = compiled(r"[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:in|at|across|near|inside)[ \t]+(?:the[ \t]+)?(?:[\w-]+['’]s[ \t]+)?$")
# Where one statement of a sentence ends and another begins, for places: "..., and Malawi's
# government has reported 56 deaths", "..., bringing the toll in Europe to 216", "72 died in the
# state, 15 of them in Kolkata", "2,681 dead, with 1,591 deaths in Al Haouz province".
# ("..., adding 56 deaths recorded over the previous day as Israeli strikes continued ... around
# Jabalia": a clause of what went on meanwhile, whose places are its own)
_STATEMENT_BREAK = compiled(r"[;—]|,[ \t]+(?:and|but|while|whereas|bringing|raising|taking|pushing|with|listing)\b"
                            # "..., as the official death toll from clashes in the south rose to 75"
                            r"|,[ \t]+as(?=[ \t]+(?:the|a|an|its|their|his|her)[ \t])"
                            rf"|\b(?:while|whereas)\b|\band[ \t]+that\b|{NEXT_ANTECEDENT}"
                            r"|\bas(?=[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){0,3}(?:continued|pressed|intensified|raged|advanced"
                            r"|pushed|battled|fought|kept|searched|dug|struggled)\b)")


# The words between a figure and the nationality it counts: "31 Pakistani nationals", "three Britons".
_BEFORE_COUNTED_NOUN = compiled(r"^[ \t]+(?:[\w-]+[ \t]+){0,2}$")
# People named by their nationality's adjective: "two Indian nationals", "three Turkish citizens",
# "10 Japanese tourists", "more than 300 other Iranian pilgrims".
_NATIONALS = r"(?:national|citizen|tourist|pilgrim|worker|passenger|visitor|expatriate)s?\b"
_ADJECTIVE_NATIONALS = compiled(rf"[ \t]+(?:[\p{{Ll}}-]+[ \t]+)?(?P<adjective>\p{{Lu}}[\p{{L}}-]+(?:[ \t]+\p{{Lu}}[\p{{L}}-]+)?)"
                                rf"[ \t]+{_NATIONALS}")
_ADJECTIVE_NATIONALS_ANYWHERE = compiled(rf"\b\p{{Lu}}[\p{{L}}-]+[ \t]+{_NATIONALS}")
# "464 of its pilgrims", "87 of its citizens": the people of the country that speaks.
_ITS_PEOPLE = compiled(rf"(?i)[ \t]+(?:more[ \t]+)?of[ \t]+(?:its|their)[ \t]+(?:own[ \t]+)?(?:{_NATIONALS}|people\b)")


def _nationality(sentence: str, cand: _Candidate, places: list[tuple[int, int, str, int]], source: str,
                 place: str, default_place: str, rules: Rules) -> tuple[str, str] | None:
    """(place, group) when the figure counts people of a nationality ("three Britons were among
    the dead", "two Indian nationals", "464 of its pilgrims" in Iran's statement, its `source`) who
    are not simply the people of the place counted: "3.3 crore Pakistanis" affected in Pakistan
    are everyone there, but "nine Ethiopians" in a list of the nationalities of a crash's dead
    are a group. A figure placed by the nationality alone is the document's place's."""
    gazetteer = for_rules(rules)
    demonyms = [(s, e, p) for s, e, p, rank in places if rank == _DEMONYM]
    named = _ADJECTIVE_NATIONALS.match(sentence, cand.end)
    after = next((p for s, _, p in demonyms if s >= cand.end and _BEFORE_COUNTED_NOUN.match(sentence[cand.end:s] or " ")),
                 "")
    if after:
        country = after
    elif named:
        words = named["adjective"].split()
        country = gazetteer.nationality(" ".join(words)) or gazetteer.nationality(words[-1])
    elif _ITS_PEOPLE.match(sentence, cand.end):
        # the speaker's country ("iran_government"), else the country named last before the figure
        parts = source.split("_")
        country = next((c for c in ("_".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)) if is_country(c)), "") \
            or next((p for s, _, p, _ in reversed(places) if s < cand.start and is_country(p)), "")
    else:
        return None
    if not country or not is_country(country):
        return None  # "17 people from Nairobi": a town's people, not a nationality
    where = default_place if place == country and default_place else place
    breakdown = len({p for _, _, p in demonyms}) > 1 or len(_ADJECTIVE_NATIONALS_ANYWHERE.findall(sentence)) > 1
    if gazetteer.within(where, country) and not breakdown:
        return None
    return where, gazetteer.nationals(country)
