"""Claims → events: what each figure counts for (SPEC 3.6).

Documents are grouped into events by what they report: the country-level area their figures are
about (checker/gazetteer.py), the kind of event their headline and text name (rules/events.yaml)
and their dates. Two documents join when they share the area, their kinds are alike and no more
than the kind's `window_days` separate them from the event's latest article; a manifest or
front-matter column `event` fixes a document's event instead. An anniversary piece ("Four years
on, ...", "marks 25 years since the gas leak") is dated by the event it marks, not by its own day.

Within a document a figure may count for something else:
- a figure dated well before its event began counts for that earlier event ("the 2004 tsunami,
  which killed some 230,000"), named by its year, kind and place;
- a figure about a place in another area counts for the event found there at that time, if any
  ("Israel says 1,200 were killed" in an article on the war in Gaza), and so does a figure about
  a town or province another event's documents name ("the wreck off Cutro killed 86" in an article
  on a year of crossings);
- a figure of one incident (a strike, a blast, a shipwreck) near the figure is a series of its own,
  a part of the event.

The stage only names events and sorts claims into them; which claims are surely the same count
is the series stage's question (checker/series.py reads `Event.kind`).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex
from dateutil.relativedelta import relativedelta
from num2words import num2words

from . import dates
from .extract.group import _claim_group
from .extract.place import _DEMONYM, THE_CAPITAL, _names_in, dateline, without_dateline
from .extract.when import _EVENT_DATE, _SPEECH_DATE
from .gazetteer import Gazetteer, capital_of, names_local_level, place_id
from .model import Claim, Document
from .numbers import words_value
from .rules import Rules
from .user_cache import compiled

# Days an event may begin before its first article (a figure dated the night of an attack).
_BEFORE_FIRST_ARTICLE = 3
# How a claim came to its event: a group of documents' (its own, or another area's it names),
# an earlier event it recalls, or an incident within its document's event.
MAIN, EARLIER, INCIDENT = "main", "earlier", "incident"
_TITLE_WEIGHT = 3
_INCIDENT_REACH = 120  # characters between an incident's words and its figure
_NOT_NOUNS = frozenset({"on", "at", "in", "near", "that", "which", "hit"})  # "attack on": the noun is "attack"
# Events reported over this many days or more (wars, sieges, epidemics, displacement) have
# incidents a headline can name; a single attack or quake is its own incident.
_LONG_RUNNING = 700
# Words of a running total near a figure ("since", "has since killed more than 38,300"; not the adverb
# of a statement: "has since given a figure of 68").
_RUNNING_TOTAL = compiled(r"(?i)\bsince\b(?![ \t]+(?:then|been|given|revised|raised|lowered|updated|corrected|reported|"
                          r"put|said|confirmed|added|released|published)\b)|\bso far\b|\bin total\b|\boverall\b|"
                          r"\baltogether\b|\bin all\b|\bcumulative\b|\bin the war\b")


@dataclass(frozen=True, slots=True)
class Event:
    """One event: what a series counts for. `kind` says how its claims came to it (MAIN for a
    group of documents, EARLIER, INCIDENT or a fixed event); `parent` is the event an incident
    is part of."""

    event: str
    name: str
    type: str
    place: str
    start: str
    kind: str = MAIN
    parent: str = ""
    area: str = ""  # the country-level area (checker/gazetteer.py); "" when unplaced
    areas: tuple[str, ...] = ()  # every area a good share of its figures are about, `area` first
    docs: tuple[str, ...] = ()
    claims: int = 0


# Days an event may have begun before its first article in an archive: the day an anniversary marks
# (the quake's; the first article came days later), the start of a window that is the event's running
# total ("since Oct. 7" in a war first reported on Oct. 16).
_BEGAN_BEFORE_FIRST = 31
# The headline and lead, where an anniversary piece says what it marks.
_LEAD = 600
# "Four years on", "13 years since the earthquake", "Thirty years after Bhopal", "the fourth
# anniversary", "six months after the quake".
_ANNIVERSARY = compiled(r"(?i)\b(?P<count>an?|\d+|[a-z]+(?:-[a-z]+)?)[ \t]+(?P<unit>years?|months?)[ \t]+(?:on|since|after)\b"
                        r"|\b(?P<nth>\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[ \t]+anniversary\b")


@dataclass(frozen=True, slots=True)
class DocumentProfile:
    """What the events stage needs of a document: its date, a fixed event, and how often its
    headline and text name each kind of event."""

    doc: str
    published: date | None
    fixed: str
    kinds: tuple[tuple[str, int], ...]
    places: tuple[str, ...] = ()  # the places its headline and its dateline name
    incident: str = ""  # the incident its headline names ("raid", "blast"), if any
    headline_places: tuple[str, ...] = ()  # the places its headline names
    marks: date | None = None  # the day of the event an anniversary piece marks


def profile(document: Document, rules: Rules) -> DocumentProfile:
    """The profile of `document` (one pass of each kind's words over its text)."""
    counts: Counter[str] = Counter()
    for kind in rules.event_types:
        counts[kind.id] = (_TITLE_WEIGHT * len(kind.words.findall(document.title))
                           + len(kind.words.findall(document.text)))
    places = tuple(dict.fromkeys(p for _, _, p, rank in _names_in(document.title, rules) if rank != _DEMONYM))
    named = rules.headline_incidents.search(document.title)
    return DocumentProfile(document.doc, document.published, document.event,
                           tuple(sorted((k, n) for k, n in counts.items() if n)),
                           places + dateline(document.text), _incident_id(named[0].split()[-1], rules) if named else "",
                           places, _marked_day(document))


def _marked_day(document: Document) -> date | None:
    """The day of the event an anniversary piece marks, counted back from its publication by the
    years or months its headline or lead says have passed ("Four years on", "the 10th anniversary")."""
    m = _ANNIVERSARY.search(document.text[:_LEAD])
    if m is None or document.published is None:
        return None
    if m["nth"] is not None:
        count = int(m["nth"][:-2]) if m["nth"][0].isdigit() else _ORDINALS.get(m["nth"].lower())
        months = 12 * count if count else 0
    else:
        count = 1 if m["count"].lower() in ("a", "an") else int(m["count"]) if m["count"].isdigit() \
            else words_value(m["count"])
        months = int(count) * (12 if m["unit"].startswith("year") else 1) if count else 0
    return document.published - relativedelta(months=months) if months else None


# "fourth" -> 4, "twenty-fifth" -> 25: the ordinal words of anniversaries.
_ORDINALS = {num2words(n, to="ordinal"): n for n in range(1, 101)}


def _incident_id(noun: str, rules: Rules) -> str:
    """'raids' -> 'raid', 'explosion' -> 'blast' (rules' incident_names): one id for an incident
    however an article words it."""
    noun = place_id(noun)
    noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    return rules.incident_names.get(noun, noun)


def _profile_of_claims(doc: str, claims: Sequence[Claim], rules: Rules) -> DocumentProfile:
    """A document's profile read off its claims alone (an archive's claims, kept without their
    texts): its publication date, and the kinds its figures' sentences name."""
    sentences = "\n".join(dict.fromkeys(c.sentence for c in claims))
    published = next((c.published for c in claims if c.published), "")
    counts = {t.id: len(t.words.findall(sentences)) for t in rules.event_types}
    return DocumentProfile(doc, date.fromisoformat(published) if published else None, "",
                           tuple(sorted((k, n) for k, n in counts.items() if n)))


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(n * b[k] for k, n in a.items())
    norm = math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values()))
    return dot / norm if norm else 0.0


def _kind_of(counts: Counter, rules: Rules) -> str:
    """The kind named most; ties go to the kind listed first in the rules."""
    order = {t.id: i for i, t in enumerate(rules.event_types)}
    best = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order))))
    return best[0][0] if best and best[0][1] else "event"


@dataclass
class _Cluster:
    areas: Counter  # how many of its figures are about each area
    kinds: Counter
    docs: list[str]
    first: date
    last: date
    fixed: str = ""

    @property
    def area(self) -> str:
        return _top(self.areas)


def _top(counts: Counter) -> str:
    """The most counted area ("" for none), one the gazetteer knows before a town of its own
    (`_TOWN`); ties go to the first in alphabetical order."""
    return sorted(counts.items(), key=lambda kv: (kv[0].startswith(_TOWN), -kv[1], kv[0]))[0][0] if counts else ""


# The mark of a town the gazetteer does not know ("~surfside"), an area of its own: its articles
# join one another, and an event of a known country that names it.
_TOWN = "~"


class _Grouping:
    """Documents grouped into events, and each document's event."""

    def __init__(self, profiles: Sequence[DocumentProfile], claims_by_doc: dict[str, list[Claim]],
                 rules: Rules, gazetteer: Gazetteer) -> None:
        self.rules, self.gazetteer = rules, gazetteer
        self.windows = {t.id: t.window_days for t in rules.event_types}
        self.clusters: list[_Cluster] = []
        self.of_doc: dict[str, _Cluster] = {}
        fixed: dict[str, _Cluster] = {}
        for p in sorted(profiles, key=lambda p: (p.published or date.max, p.doc)):
            kinds = Counter(dict(p.kinds))
            areas = self._areas(claims_by_doc.get(p.doc, ()), p.places)
            when = p.published or date.max
            if p.fixed:
                cluster = fixed.get(p.fixed)
                if cluster is None:
                    cluster = fixed[p.fixed] = _Cluster(Counter(), Counter(), [], when, when, fixed=p.fixed)
                    self.clusters.append(cluster)
            else:
                cluster = self._joinable(areas, kinds, p.published, p.marks)
                if cluster is None:
                    cluster = _Cluster(Counter(), Counter(), [], p.marks or when, p.marks or when)
                    self.clusters.append(cluster)
            cluster.areas.update(areas)
            cluster.kinds.update(kinds)
            cluster.docs.append(p.doc)
            if p.marks is not None:  # an anniversary dates the event's start
                cluster.first = min(cluster.first, p.marks)
            window = timedelta(days=self.windows.get(_kind_of(cluster.kinds, rules), 365))
            if p.published and (p.marks is None or p.published - cluster.last <= window):
                # an anniversary of an event long over keeps it no longer open; one of a war still on does
                cluster.first, cluster.last = min(cluster.first, when), max(cluster.last, when)
            self.of_doc[p.doc] = cluster

    def index_places(self, claims_by_doc: dict[str, list[Claim]]) -> None:
        """How many figures of each event's own documents name each place below a country's level."""
        self.named: dict[str, list[tuple[_Cluster, int]]] = defaultdict(list)
        for cluster in self.clusters:
            places = Counter(c.place for d in cluster.docs for c in claims_by_doc.get(d, ()))
            for place, count in sorted(places.items()):
                if place not in ("", "unknown") and self.gazetteer.area_of(place) != place:
                    self.named[place].append((cluster, count))

    def naming(self, place: str, when: date, own: _Cluster) -> _Cluster | None:
        """The event of another group of documents that names `place` more often than the
        claim's own and runs at `when` (within its kind's window after its latest article): "the
        wreck off Cutro on Feb. 26 killed 86", in an April article on a year's crossings, is the
        Cutro shipwreck's figure."""
        naming = self.named.get(place, ())
        own_count = next((count for cluster, count in naming if cluster is own), 0)
        for other, count in sorted(naming, key=lambda cc: -cc[1]):
            window = timedelta(days=self.windows.get(_kind_of(other.kinds, self.rules), 365))
            runs = other.first <= when <= other.last + window
            if other is not own and count > own_count and not other.fixed and runs:
                return other
        return None

    def running_at(self, when: date, area: str, own: _Cluster) -> _Cluster | None:
        """Another group of documents about `area` that runs at `when` (from its first article to its
        kind's window after its latest), if any: an earlier event the archive reports itself."""
        for other in self.clusters:
            window = timedelta(days=self.windows.get(_kind_of(other.kinds, self.rules), 365))
            if other is not own and not other.fixed and area and area in other.areas \
                    and other.first - timedelta(days=_BEFORE_FIRST_ARTICLE) <= when <= other.last + window:
                return other
        return None

    def _areas(self, claims: Iterable[Claim], headline: Sequence[str]) -> Counter:
        """How many of a document's figures are about each area (none for unplaced figures), its
        headline's places and dateline counting as `_TITLE_WEIGHT` figures each. A name several
        countries have ("Kensington") counts for the one the document's other names are in."""
        places = [c.place for c in claims] + [p for p in headline for _ in range(_TITLE_WEIGHT)]
        # a town the gazetteer does not know ("Surfside") is an area of its own (`_TOWN`)
        found = [self.gazetteer.areas_of(p) or ((_TOWN + p,) if p and p != "unknown" else ()) for p in places]
        sure = Counter(areas[0] for areas in found if len(areas) == 1)
        return Counter(max(areas, key=lambda a: (sure[a], -areas.index(a))) for areas in found if areas)

    def _joinable(self, areas: Counter, kinds: Counter, published: date | None, marks: date | None = None) -> _Cluster | None:
        """The open event that a document of `published`, about `areas`, joins: one whose main
        area the document speaks of, or which speaks of the document's main area (a cyclone
        across three countries is one event), of a like kind, its latest article no more than its
        kind's window before, or, for an anniversary piece, the day it `marks` within the event's
        days (which begin up to a month before its first article)."""
        if not areas or published is None:
            return None  # an unplaced or undated document is an event of its own
        best, best_score = None, self.rules.same_event_similarity
        for cluster in self.clusters:
            if cluster.fixed or not (cluster.area in areas or _top(areas) in cluster.areas):
                continue
            gap = published - cluster.last
            if marks is not None and marks >= cluster.first - timedelta(days=_BEGAN_BEFORE_FIRST):
                gap = min(gap, max(marks - cluster.last, timedelta(0)))
            window = self.windows.get(_kind_of(cluster.kinds, self.rules), 365)
            if gap > timedelta(days=window):
                continue
            score = _cosine(kinds, cluster.kinds) if kinds and cluster.kinds else float(not kinds and not cluster.kinds)
            if self._contains(cluster, kinds) or (not kinds and (gap <= timedelta(days=self.rules.follow_up_days)
                                                                 or window >= _LONG_RUNNING)):
                # the hostages of a war it names; a follow-up that names no kind of event at all
                # ("92 people still unaccounted for after Helene"), or any such article while a
                # war runs there ("the UN says the Gaza death toll is unchanged")
                score = max(score, self.rules.same_event_similarity)
            if cluster.area != _top(areas):
                score *= _cosine(areas, cluster.areas) ** 0.5  # another country's event: only if much alike
            if score and gap <= timedelta(days=self.rules.follow_up_days):
                score += 1  # a follow-up: any kind in common will do, and it beats any older event
            if score >= best_score:
                best, best_score = cluster, score + 1e-9  # the first of equal scores
        return best

    def _contains(self, cluster: _Cluster, kinds: Counter) -> bool:
        """Whether a document of `kinds` reports a part of the cluster's event: its own kind is one
        the cluster's kind contains (rules/events.yaml `contains`), and it names the cluster's kind
        or that kind runs for years (a war)."""
        kind = _kind_of(cluster.kinds, self.rules)
        # (a war's displaced or its hostages in its area, named or not: the war runs there)
        names_it = kinds[kind] > 0 or self.windows.get(kind, 0) >= _LONG_RUNNING
        return bool(kinds) and names_it and _kind_of(kinds, self.rules) in _contained(kind, self.rules)


def _contained(kind: str, rules: Rules) -> frozenset[str]:
    """The kinds of event an event of `kind` contains (rules/events.yaml `contains`)."""
    return next((t.contains for t in rules.event_types if t.id == kind), frozenset())


def _main_event(cluster: _Cluster, claims: Iterable[Claim], rules: Rules, gazetteer: Gazetteer) -> Event:
    kind = _kind_of(cluster.kinds, rules)
    # not the figures of an earlier event recalled in passing ("the 114 killed in Kansas City in 1981")
    began = cluster.first - timedelta(days=rules.earlier_event_days) if cluster.first != date.max else date.min
    area = "" if cluster.area.startswith(_TOWN) else cluster.area
    # of the area's places, or a town the gazetteer does not know that several articles name
    # ("Surfside" in the United States; not the "Atlas" of one article)
    recent = [c for c in claims if c.place and c.place != "unknown" and (not c.as_of or date.fromisoformat(c.as_of) >= began)]
    naming = Counter(place for place, _ in {(c.place, c.doc) for c in recent})
    places = Counter(c.place for c in recent if not area or gazetteer.within(c.place, area)
                     or (not gazetteer.areas_of(c.place) and naming[c.place] > 1))
    # a county's toll is a part of the story's region, which it names less often ("Lee County" and "Florida")
    top = sorted(places.items(), key=lambda kv: (names_local_level(kv[0]), -kv[1], kv[0]))
    place = top[0][0] if top else (area or cluster.area.lstrip(_TOWN) or "unknown")
    if area and any(t.id == kind and t.wide_area for t in rules.event_types) and gazetteer.is_town(place):
        place = area  # a cyclone's toll is the country's, not the worst-hit town's (Tacloban)
    elif area and place == area and any(t.id == kind and t.one_place for t in rules.event_types):
        place = _site(recent, area, gazetteer) or place  # the crash in Ahmedabad, not in India
    start = "" if cluster.first == date.max else cluster.first.isoformat()
    if cluster.fixed:
        return Event(cluster.fixed, cluster.fixed.replace("_", " ").replace("-", " "), kind, place, start,
                     area=area, areas=_shared(cluster.areas), docs=tuple(cluster.docs))
    where = place if place == area or not area else f"{place}-{area}"
    ident = "-".join(x for x in (start, kind, where) if x).replace("_", "-") or f"doc-{cluster.docs[0]}"
    if not cluster.area:
        ident = f"{ident}-{place_id(cluster.docs[0])}"  # unplaced: never shared across documents
    name = f"{_kind_name(kind)}, {_readable(place)}{', ' + _readable(area) if where != place else ''}"
    return Event(ident, f"{name}, {start}" if start else name, kind, place, start, area=area,
                 areas=_shared(cluster.areas), docs=tuple(cluster.docs))


def _kind_name(kind: str) -> str:
    """A kind of event as a name begins: "winter_storm" -> "Winter storm"."""
    return kind.replace("_", " ").capitalize()


def _site(claims: Sequence[Claim], area: str, gazetteer: Gazetteer) -> str:
    """The town within `area` where an event of one place happened, as its articles name it: the
    only place below the area they name, or one that two or more articles name, more than any
    other. "" when an article gives figures of one count for two places (Oslo and Utoya, the
    Bataclan and the Stade de France): an event of several sites, whose country's toll is no site's."""
    named: dict[str, set[str]] = defaultdict(set)
    per_count: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        # a venue the gazetteer does not know ("Utoya") is a site too, though never the event's place
        if c.place not in (area, "", "unknown") and (gazetteer.within(c.place, area)
                                                     or not gazetteer.areas_of(c.place)):
            named[c.place].add(c.doc)
            per_count[(c.doc, c.metric)].add(c.place)
    if any(len(places) > 1 for places in per_count.values()):
        return ""
    towns = sorted((p for p in named if gazetteer.areas_of(p)), key=lambda p: (-len(named[p]), p))
    if not towns:
        return ""
    others = [len(docs) for p, docs in named.items() if p != towns[0]]
    return towns[0] if not others or len(named[towns[0]]) >= max(2, max(others) + 1) else ""


def _same_site(claims: Iterable[Claim], event: Event, gazetteer: Gazetteer) -> str:
    """The other name of the one site an event of one place happened at: the venue the gazetteer
    does not know, named by two or more articles, of an event placed in a town ("Crocus City
    Hall" for an attack in Moscow), or the town of an event placed at such a venue. Its figures
    are the event's place's. "" when the articles name no such place, or several, or one article
    gives different figures of one count for two places (an event of several sites)."""
    named: dict[str, set[str]] = defaultdict(set)
    figures: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.place in (event.area, "", "unknown"):
            continue
        figures[(c.doc, c.metric)][c.place].add(c.value)
        if c.place != event.place:
            named[c.place].add(c.doc)
    several = any(len(by_place) > 1 and not set.intersection(*by_place.values()) for by_place in figures.values())
    if several or len(named) != 1:
        return ""
    (other, docs), = named.items()
    if gazetteer.is_town(event.place):
        return other if not gazetteer.areas_of(other) and len(docs) >= 2 else ""
    known = gazetteer.areas_of(event.place)
    return other if not known and event.area and gazetteer.within(other, event.area) else ""


# An area an event's figures are about, beside its main one, when this share of them or more are.
_AREA_SHARE = 0.15


def _shared(areas: Counter) -> tuple[str, ...]:
    """The areas a good share of an event's figures are about, of those the gazetteer knows."""
    known = Counter({a: n for a, n in areas.items() if not a.startswith(_TOWN)})
    total = sum(known.values())
    return tuple(a for a, n in sorted(known.items(), key=lambda kv: (-kv[1], kv[0])) if n >= _AREA_SHARE * total)


_SINCE = compiled(r"(?i)\bsince\b")


def _scope_in(claim: Claim, event: Event, single: bool, by_events: frozenset[str],
              in_the_event: regex.Pattern | None = None) -> tuple[str, str, str]:
    """The claim's scope, window start and date now that its event is known: a window that opens
    no later than the event's first article ("since Oct. 7" in a war reported from Oct. 16;
    "killed on Tuesday" in a quake's first report) is the event's running total, as of the day the
    sentence says it was given ("killed when the bridge gave way on Sunday, police said on
    Monday"); so is, in an event of one place (`single`), a metric counted by events (a release,
    `by_events`: one abduction's releases) or a figure of "the" event by a word of its kind
    (`in_the_event`, see `_in_the`: "died in the crash")."""
    if claim.scope == "period" and not claim.period_start and single and claim.metric in by_events:
        return "cumulative", "", claim.as_of  # "105 schoolgirls freed" of one abduction: all its releases so far
    at = _after_figure(claim)
    if claim.scope == "period" and not claim.period_start and single and in_the_event is not None \
            and in_the_event.search(claim.sentence, at, at + _INCIDENT_REACH):
        return "cumulative", "", claim.as_of  # "270 had died in the crash" of a crash: the event's toll
    if claim.scope == "period" and event.kind == EARLIER:
        return "cumulative", "", claim.as_of  # "in December 2012, when a gunman killed 26": that event's toll
    if claim.scope != "period" or not claim.period_start:
        return claim.scope, claim.period_start, claim.as_of
    start = date.fromisoformat(claim.period_start)
    began = date.fromisoformat(event.start) if event.start else None
    as_of = date.fromisoformat(claim.as_of) if claim.as_of else None
    # a window open to the figure's date ("since ...", or the day it is dated); not a closed one
    # in the past ("the truce, lasting one week, took place in November")
    open_ended = _SINCE.search(claim.sentence) is not None or (as_of is not None and (as_of - start).days <= 1)
    # (an event of one article began, as far as we know, when it was published: no telling)
    one_day = as_of is not None and (as_of - start).days <= 1
    # (not a window opened long before the event began: "killed in the West Bank this year" in a war of October)
    if (event.kind == MAIN and began is not None and len(event.docs) > 1
            and began - timedelta(days=_BEGAN_BEFORE_FIRST) <= start <= began and open_ended) \
            or (event.kind == INCIDENT and one_day):
        # a day's count ("killed on Sunday") is the toll as of the day it was given; so is an
        # incident's ("a strike on a cafe on Monday afternoon, killing 33")
        return "cumulative", "", (_statement_day(claim) if one_day else "") or claim.as_of
    return claim.scope, claim.period_start, claim.as_of


def _statement_day(claim: Claim) -> str:
    """The day the sentence says its figure was given, after the figure and later than its date
    ("..., police said on Monday"), or ""."""
    said = _SPEECH_DATE.search(claim.sentence, _after_figure(claim))
    published = date.fromisoformat(claim.published) if claim.published else None
    when = dates.resolve(said["when"], published) if said else None
    later = when is not None and claim.as_of < when.isoformat() and (published is None or when <= published)
    return when.isoformat() if later else ""


def _in_the(kind_words: str) -> regex.Pattern:
    """"in the" event by a word of its kind (`kind_words`, a pattern): "died in the crash of the flight"."""
    return compiled(rf"(?i)\b(?:in|from)[ \t]+(?:the|this|that)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{kind_words})\b")


def _is_step(claim: Claim) -> bool:
    """Whether the figure counts a step of what it counts: "five more", "another 12", "seven others"."""
    at = max(0, claim.sentence.find(claim.quote))
    return _STEP_AFTER.match(claim.sentence, at + len(claim.quote)) is not None \
        or _STEP_BEFORE.search(claim.sentence, max(0, at - 20), at) is not None


_STEP_AFTER = compiled(r"(?i)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:more|others)\b")
_STEP_BEFORE = compiled(r"(?i)\b(?:another|a[ \t]+further|an[ \t]+additional)[ \t]+$")


def _after_figure(claim: Claim) -> int:
    """Where the claim's figure ends in its sentence."""
    return max(0, claim.sentence.find(claim.quote)) + len(claim.quote)


def _unnamed(place: str, sentence: str, rules: Rules, gazetteer: Gazetteer) -> bool:
    """Whether `sentence` leaves `place` unnamed, by its id's words or a name rules/places.yaml
    gives it ("northern Gaza" for north_gaza): the figure's place is its document's default (the
    dateline's city, the headline's country), which differs between articles on one event. The
    dateline opening a lead sentence ("COLOMBO, April 24 (Wire) - Police said 359 had died") names
    where the reporter was, not the figure's place."""
    text = without_dateline(sentence)
    if f"_{place}_" in f"_{place_id(text)}_":
        return False
    if THE_CAPITAL.search(text) and place == capital_of(gazetteer.area_of(place)):
        return False  # "died in the capital"
    # (a possessive names a speaker's or an owner's country, not where the people are: "Nigeria's military")
    listed = next((p for p in rules.places if p.id == place), None)
    return listed is None or not any(not _POSSESSIVE_S.match(text, m.end()) for m in listed.names.finditer(text))


_POSSESSIVE_S = compiled(r"['’]s\b")


def _whole_of(place: str, event: Event) -> bool:
    """Whether `place` is the whole of `event`'s area (its country) or unknown: not a town or site,
    which may be a part, nor another country, whose figure may count its nationals."""
    return place in (event.area, "", "unknown")


def _readable(place: str) -> str:
    return place.replace("_", " ").title() if place and place != "unknown" else "place unknown"


def _running_total(claim: Claim) -> bool:
    """Whether running-total words ("since", "so far") stand near the claim's figure: not those
    of another phrase of its sentence ("the deadliest incident of the war so far")."""
    sentence = claim.sentence
    at = max(0, sentence.find(claim.quote))
    return _RUNNING_TOTAL.search(sentence, max(0, at - _INCIDENT_REACH), at + len(claim.quote) + _INCIDENT_REACH // 2) \
        is not None


# Words that make an incident named after them a point in time: "the anniversary of the attack".
_TIME_OF = compiled(r"(?i)\b(?:anniversary|eve|months?|years?|weeks?|days?)[ \t]+(?:since|after|of)[ \t]+$"
                    r"|\banniversary[ \t]+of[ \t]+$")


def _incident(claim: Claim, rules: Rules) -> str:
    """The incident noun near the claim's figure ("strike", "blast"), or ""."""
    sentence = claim.sentence
    at = sentence.find(claim.quote)
    if at < 0 or _running_total(claim):
        return ""
    lo, hi = max(0, at - _INCIDENT_REACH), min(len(sentence), at + len(claim.quote) + _INCIDENT_REACH)
    m = rules.incident_words.search(sentence, lo, hi)
    if m and _TIME_OF.search(sentence, max(0, m.start() - 30), m.start()):
        return ""  # "the first anniversary of the Hamas attack on Israel": a time, not the figure's incident
    nouns = [w for w in m[0].split() if w.lower() not in _NOT_NOUNS] if m else []
    # the incident's own noun, not its site's ("strike on the Maghazi camp" is a strike)
    named = [w for w in nouns if rules.headline_incidents.fullmatch(w)]
    return _incident_id((named or nouns)[-1], rules) if nouns else ""


def assign(claims: Sequence[Claim], profiles: Iterable[DocumentProfile], rules: Rules,
           gazetteer: Gazetteer | None = None) -> tuple[list[Event], list[Claim]]:
    """The events found, in order of their ids, and `claims` (same order) with `event` set."""
    gazetteer = gazetteer or Gazetteer(rules)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    merged: dict[str, DocumentProfile] = {}
    for p in profiles:  # the parts of a streamed document are one document
        first = merged.get(p.doc)
        merged[p.doc] = p if first is None else replace(
            first, kinds=tuple(sorted((Counter(dict(first.kinds)) + Counter(dict(p.kinds))).items())))
    profiles = [*merged.values(), *(_profile_of_claims(d, found, rules) for d, found in by_doc.items()
                                    if d not in merged)]
    grouping = _Grouping(profiles, by_doc, rules, gazetteer)
    grouping.index_places(by_doc)
    merged_profiles = {p.doc: p for p in profiles}
    main = {id(cl): _main_event(cl, (c for d in cl.docs for c in by_doc.get(d, ())), rules, gazetteer)
            for cl in grouping.clusters}
    events: dict[str, Event] = {e.event: e for e in main.values()}
    counts: Counter[str] = Counter()
    docs_of: dict[str, dict[str, None]] = defaultdict(dict)
    one_place = frozenset(t.id for t in rules.event_types if t.one_place)
    in_the_event = {t.id: _in_the(t.words.pattern) for t in rules.event_types}
    same_site = {main[id(cl)].event: _same_site((c for d in cl.docs for c in by_doc.get(d, ())), main[id(cl)],
                                                gazetteer)
                 for cl in grouping.clusters if main[id(cl)].type in one_place}
    # events whose releases come in steps ("freed four more captives on Friday"): each figure is its
    # step's, never all the releases so far
    stepwise = {main[id(cluster)].event for cluster in grouping.clusters
                if any(c.metric in rules.counted_by_events and _is_step(c) for d in cluster.docs for c in by_doc.get(d, ()))}
    out = []
    for claim in claims:
        cluster = grouping.of_doc[claim.doc]
        event = main[id(cluster)]
        event, place = _claims_event(claim, event, cluster, grouping, main, events, rules, gazetteer, one_place,
                                     headline_incident=merged_profiles[claim.doc].incident)
        whole = out[-1] if out else None
        if whole is not None and whole.doc == claim.doc and whole.sentence == claim.sentence \
                and whole.metric == claim.metric and whole.group == "all" and claim.group != "all" \
                and events[whole.event].kind == INCIDENT:
            # "104 killed in strikes overnight, 46 of them children": a part of an incident's toll is the incident's
            event = events[whole.event]
        # a document's own place, where its sentence names none, or the event's country ("in Britain"
        # for a London fire), is the event's; a part the sentence names ("northern Gaza") or the
        # headline makes the document's subject ("North Carolina says ...") stays
        defaulted = (_unnamed(place, claim.sentence, rules, gazetteer) and place not in merged_profiles[claim.doc].headline_places) \
            or place == event.area
        if event.kind == MAIN and place != event.place and event.area and (
                (defaulted and (gazetteer.area_of(place) == event.area or event.type in one_place))
                or (event.type in one_place and (_whole_of(place, event) or place == same_site.get(event.event)))):
            place = event.place
        # "fewer than 100 Palestinians" placed in Gaza count everyone there (rules/groups.yaml same_people)
        group = _claim_group(claim.group, place, claim.metric, rules)
        scope, period_start, as_of = _scope_in(claim, event, event.type in one_place,
                                               frozenset() if event.event in stepwise else rules.counted_by_events,
                                               in_the_event.get(event.type))
        out.append(replace(claim, event=event.event, place=place, group=group, scope=scope, period_start=period_start,
                           as_of=as_of))
    out = _split_incidents(_placed_incidents(out, events, rules, gazetteer), events)
    for claim in out:
        counts[claim.event] += 1
        docs_of[claim.event][claim.doc] = None
    found = [replace(e, docs=tuple(docs_of[e.event]) or e.docs, claims=counts[e.event])
             for e in sorted(events.values(), key=lambda e: e.event)]
    captives = _captives(out)
    out = [replace(c, group="all") if c.metric in _HOSTAGE_METRICS and captives.get(c.event) == c.group else c
           for c in out]
    return found, out


def _placed_incidents(claims: list[Claim], events: dict[str, Event], rules: Rules, gazetteer: Gazetteer) -> list[Claim]:
    """`claims` with an incident's figures placed only at its parent event's place by default ("45
    killed and 240 wounded in the strike, Gaza's health ministry says") moved to the one incident of
    that kind at a named place with figures within `_INCIDENT_GAP` days ("the strike" in Rafah),
    which is where they were; not one whose sentence names that place ("a cafe in Gaza City")."""
    sites: dict[tuple[str, str], list[tuple[date, str]]] = defaultdict(list)
    for claim in claims:
        event = events[claim.event]
        if event.kind == INCIDENT and claim.as_of and event.place != events[event.parent].place:
            sites[(event.parent, event.type)].append((date.fromisoformat(claim.as_of), claim.event))
    out = list(claims)
    for i, claim in enumerate(claims):
        event = events[claim.event]
        if event.kind != INCIDENT or not claim.as_of or event.place != events[event.parent].place \
                or not _unnamed(claim.place, claim.sentence, rules, gazetteer):
            continue
        day = date.fromisoformat(claim.as_of)
        near = {site for when, site in sites.get((event.parent, event.type), ())
                if abs((when - day).days) < _INCIDENT_GAP}
        if len(near) == 1:
            site = near.pop()
            out[i] = replace(claim, event=site, place=events[site].place)
    return out


# Figures of an incident's kind and place this many days apart or more are of two incidents.
_INCIDENT_GAP = 14


def _split_incidents(claims: list[Claim], events: dict[str, Event]) -> list[Claim]:
    """`claims` with each incident's figures split where they lie `_INCIDENT_GAP` days apart: "a
    strike in Gaza" in December 2023 and another in September 2024 are two incidents, the later
    one named by its first day (new events go into `events`)."""
    runs: dict[str, list[int]] = defaultdict(list)
    days: dict[int, date] = {}
    for i, claim in enumerate(claims):
        if events[claim.event].kind == INCIDENT and claim.as_of:
            runs[claim.event].append(i)
            days[i] = _incident_day(claim)
    out = list(claims)
    for ident, members in runs.items():
        members.sort(key=lambda i: (days[i], i))
        current, last = ident, None
        for i in members:
            day = days[i]
            if last is not None and (day - last).days >= _INCIDENT_GAP:
                base = events[ident]
                current = f"{ident}-{day.isoformat()}"
                events.setdefault(current, replace(base, event=current, start=day.isoformat(),
                                                   name=base.name.replace(" (", f", {day.isoformat()} (", 1)))
            last = day
            out[i] = replace(claims[i], event=current)
    return out


def _incident_day(claim: Claim) -> date:
    """The day of the incident a figure counts: the one its sentence names ("The July 13 strike ...
    killed 71", printed on August 1), else the figure's own day."""
    named = _EVENT_DATE.search(claim.sentence)
    published = date.fromisoformat(claim.published) if claim.published else None
    day = dates.resolve(named["when"], published) if named else None
    return day if day is not None and published is not None and day <= published else date.fromisoformat(claim.as_of)


# A group whose figure of those taken is this share of the largest figure of all taken or more
# is who the captives were.
_ALL_OF_THEM = 0.9
# The metrics that count an abduction's captives (SPEC 3.1), and the groups never among them.
_HOSTAGE_METRICS = frozenset({"hostages_taken", "hostages_held", "hostages_released"})
_NOT_CAPTIVES = frozenset({"attackers", "militants"})


def _captives(claims: Sequence[Claim]) -> dict[str, str]:
    """Per event, the group its captives all belong to, where its figures of those taken say so
    ("287 pupils abducted" beside "286 people abducted"): the schoolchildren
    of a school abduction are its hostages, so "119 girls still held" and "113 still held" count
    the same people. Groups never among the victims (attackers) are not."""
    taken: dict[str, dict[str, int]] = defaultdict(dict)
    for c in claims:
        if c.metric == "hostages_taken":
            taken[c.event][c.group] = max(c.value, taken[c.event].get(c.group, 0))
    found = {}
    for event, by_group in taken.items():
        groups = [g for g in by_group if g != "all" and g not in _NOT_CAPTIVES]
        if len(groups) == 1 and "all" in by_group and by_group[groups[0]] >= _ALL_OF_THEM * by_group["all"]:
            found[event] = groups[0]
    return found


def _other_kind_since(claim: Claim, event: Event, as_of: date | None, rules: Rules) -> date | None:
    """The day a figure counts from ("since March 2022") where its sentence names another kind of
    event than `event`'s, not one it contains: "Malawi's cholera outbreak had killed more than 1,000
    people since March 2022", in a cyclone's article, counts an epidemic begun long before."""
    m = _SINCE_DATE.search(claim.sentence)
    if m is None:
        return None
    others = {t.id for t in rules.event_types if t.words.search(claim.sentence)} - {event.type} - _contained(event.type, rules)
    return dates.resolve(m["when"], as_of) if others else None


_SINCE_DATE = compiled(rf"(?i)\bsince[ \t]+(?:the[ \t]+)?(?P<when>{dates.DATE})\b")


def _claims_event(claim: Claim, event: Event, cluster: _Cluster, grouping: _Grouping, main: dict[int, Event],
                  events: dict[str, Event], rules: Rules, gazetteer: Gazetteer, one_place: frozenset[str],
                  headline_incident: str = "") -> tuple[Event, str]:
    """The event `claim` counts for, its document's being `event`, and the claim's place; new
    events go into `events`. In an article whose headline names an incident of a long-running
    event ("Israeli raid frees four hostages" in a war), a figure with no incident or
    running-total words of its own is the incident's, and its place is the event's unless the
    figure names a part of it (not the speaker's country: "Israel's military put the number
    killed at fewer than 100")."""
    as_of = date.fromisoformat(claim.as_of) if claim.as_of else None
    since = _other_kind_since(claim, event, as_of, rules)
    when = since or as_of
    if when and cluster.first != date.max and when < cluster.first - timedelta(days=rules.earlier_event_days):
        running = grouping.running_at(when, gazetteer.area_of(claim.place) or cluster.area, cluster)
        if running is not None:  # "On May 25, 2017, NHS England said 116" in 2022: the archive's 2017 event
            return main[id(running)], claim.place
        counts = Counter(t.id for t in rules.event_types
                         if t.words.search(claim.sentence) and (since is None or t.id != event.type))
        kind = _kind_of(counts, rules) if counts else event.type
        place = claim.place if claim.place and claim.place != "unknown" else event.place
        ident = f"{when.year}-{kind}-{place}".replace("_", "-")
        earlier = events.setdefault(ident, Event(ident, f"{_kind_name(kind)}, {_readable(place)}, {when.year}",
                                                 kind, place, f"{when.year}-01-01", kind=EARLIER,
                                                 area=gazetteer.area_of(place), areas=(gazetteer.area_of(place),)))
        return earlier, claim.place
    named = grouping.naming(claim.place, as_of, cluster) if as_of else None
    if named is not None:
        return main[id(named)], claim.place
    area = gazetteer.area_of(claim.place)
    if area and cluster.area and area not in event.areas and as_of:
        for other in grouping.clusters:
            if other.area == area and not other.fixed and other.first <= as_of <= other.last + timedelta(days=7):
                return main[id(other)], claim.place
    # a single attack or collapse is its own incident: "the collapse" in its articles is the event
    one_place_only = event.type in one_place and grouping.windows.get(event.type, 0) < _LONG_RUNNING
    noun = "" if one_place_only else _incident(claim, rules)
    place = claim.place if claim.place and claim.place != "unknown" else event.place
    claim_place = claim.place
    # (not a stock: "the 98 hostages still held" under "strikes continue" are the war's)
    if not noun and headline_incident and grouping.windows.get(event.type, 0) >= _LONG_RUNNING \
            and claim.scope != "current" and not _running_total(claim):
        noun = headline_incident
        if not (event.area and gazetteer.within(place, event.area)):
            place = claim_place = event.place
    if noun:
        ident = f"{event.event}/{noun.replace('_', '-')}-{place.replace('_', '-')}"
        incident = events.setdefault(ident, Event(ident, f"{noun.replace('_', ' ').capitalize()} in {_readable(place)} "
                                                  f"({event.name})", noun, place, event.start, kind=INCIDENT,
                                                  parent=event.event, area=event.area, areas=event.areas))
        return incident, claim_place
    return event, claim.place
