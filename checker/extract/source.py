"""On whose word a figure is (the claim's `source`): the attribution frames of a sentence (those
of rules/sources.yaml, "according to OCHA", then other bodies': "the Sudan Doctors Network
said"), the frame nearest a figure, and the speakers of earlier sentences that an anaphoric one
("It said ...", "the ministry said") refers back to, with the date each spoke.

Also `sentence_starts`: where the metric cues and the attribution frames can begin in a sentence,
found together in one pass (metric.py reads the cues' offsets).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from .. import dates
from ..gazetteer import for_rules, place_id
from ..rules import RUN_BY, Cue, Rules
from ..scanning import MATCH_TIMEOUT, Starts, matches_at
from ..user_cache import compiled
from .prefilter import LiteralFinder, Literals, needed_literals
from .sentences import ATTACKS, _NON_WORDS, _REACH, _Candidate
from .when import _SPEECH_DATE


# A name of Capitalised words ("Sudan Doctors Network", "Justice Minister Bekir Bozdag"), or people
# who speak for others ("hospital officials", "police"); matched case-sensitively.
# (a lower-case word before the noun qualifies it, unless it opens a clause: "when the agency reported")
_QUALIFIER = (r"(?:(?!(?:when|where|while|as|after|before|because|since|if|and|but|or|that|which|who|what|then|"
              r"in|on|at|of|for|to|by|with|from)\b)[a-z]+|U\.?N\.?)")
_NAME = (r"(?:[A-Z][\w'’.&-]*[ \t]+(?:(?:[A-Z][\w'’.&-]*|of|for|and|de|al)[ \t]+){0,5})?[A-Z][\w'’.&-]*"  # not "and Guinea"
         rf"|(?:{_QUALIFIER}[ \t]+){{0,2}}(?:officials|authorities|police|medics|rescuers|witnesses|residents|"
         r"doctors|paramedics|sources|spokesman|spokeswoman|spokesperson|officers|workers|volunteers)"
         rf"|(?:{_QUALIFIER}[ \t]+){{1,2}}(?:ministry|agency|authority|office|government|department|service)")
_SAYS = r"said|says|say|reported|reports|told|announced|estimated|estimates|confirmed|recorded|counted|added"
_OTHER_SOURCE = compiled(
    rf"\b(?:according to|citing)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?P<name>{_NAME})"
    rf"|(?<![\w'’])(?<!\b(?:that|which|who)[ \t]+)(?P<name>{_NAME})[ \t]+(?:{_SAYS})\b")
# The words every _OTHER_SOURCE match contains: one search for them spares most sentences the
# overlapped search for names.
_OTHER_SOURCE_WORDS = compiled(rf"\b(?:according to|citing)[ \t]|[ \t](?:{_SAYS})\b")
# A match not opened by "according to" or "citing" is a name of at most seven words (_NAME), each
# without spaces, spaced by [ \t], then its verb: where it can begin, before each verb.
_OPENS_OTHER = compiled(r"according to|citing")
_SAYS_VERB = compiled(rf"(?<=[ \t])(?:{_SAYS})\b")
_NAME_BEFORE_VERB = compiled(r"(?r)(?:\S+[ \t]+){1,7}")  # matched backwards from the verb
# Where a word begins, as every _OTHER_SOURCE match does ("according to", "citing", or a name:
# capitalised, a lower-case qualifier, "officials").
_WORD_START = compiled(r"(?<!\w)\w")


def _other_source_starts(sentence: str) -> list[int]:
    """Where an _OTHER_SOURCE match can begin: where "according to" or "citing" does, and at the
    words of the seven before a verb of saying. Tried at every word, the pattern took a twentieth
    of extraction. (Nearly every word can begin a name, some lower-case qualifier: `Starts` would
    learn nothing by asking.)"""
    starts = {m.start() for m in _OPENS_OTHER.finditer(sentence, timeout=MATCH_TIMEOUT)}
    for verb in _SAYS_VERB.finditer(sentence, timeout=MATCH_TIMEOUT):
        name = _NAME_BEFORE_VERB.match(sentence, 0, verb.start(), timeout=MATCH_TIMEOUT)
        if name is not None:
            starts.update(m.start() for m in _WORD_START.finditer(sentence, name.start(), verb.start(), timeout=MATCH_TIMEOUT))
    return sorted(starts)
# "Israel says [that] about 1,200 were killed": a frame right before a figure is that figure's.
_INTRODUCES = compiled(r"(?i)^[ \t]*(?:that[ \t]+)?$")
_LEADING_THE = compiled(r"^(?:The|the)[ \t]+")
# Names that point back at an earlier speaker: no body of their own.
_PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I", "This", "That", "There", "The", "A", "An", "Both", "Each", "All", "Neither"})
# A sentence reporting speech: its speaker, named or not, is who a later "he said" means.
_SPEECH = compiled(r"(?i)\b(?:said|says|told|reported|announced|stated|according to)\b")
# The nouns an anaphor names ("the ministry said"): it points back at the latest speaker so named.
_ANAPHOR_NOUN = compiled(r"(?i)\bthe (ministry|agency|office|organi[sz]ation|military|army|authority|group)\b")
# A bare "the Health Ministry" is Gaza's in reporting on Gaza (SPEC 3.5), the home country's elsewhere.
_NAMES_GAZA = compiled(r"(?i)gaza|hamas|palestin")


def _known_id(named: regex.Match, said: str, country: str, rules: Rules) -> str:
    """The id of a source rules/sources.yaml names (`named`, matched on `said`); a bare "Health
    Ministry" outside Gaza is the document's country's ("Health ministry counts 36" in Nepal)."""
    sid = named.lastgroup.split("__")[0]  # the alias group, which closes after any group inside it
    if sid == "gaza_health_ministry" and country != _country("gaza", rules) and not _NAMES_GAZA.search(said):
        return f"{country}_health_ministry" if country else "health_ministry"
    return sid


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


@dataclass(frozen=True, slots=True)
class _Named:
    """What a document names once and its sentences use: the names of rules/sources.yaml it
    contains, and the officials it introduces with their office (`_cast`)."""

    patterns: tuple[regex.Pattern, ...]
    cast: dict[str, str]


@lru_cache(maxsize=4)
def _name_literals(source_names: regex.Pattern) -> tuple[LiteralFinder, tuple[Literals | None, ...]]:
    """A finder of the literals of the aliases of `_each_name`, and each alias's (None if unknown)."""
    needs = tuple(needed_literals(alias.pattern, alias.flags) for alias in _each_name(source_names))
    return LiteralFinder(frozenset().union(*(need for need in needs if need is not None))), needs


def named_sources(text: str, rules: Rules) -> _Named:
    """The names of rules/sources.yaml that `text` contains (searched once per document, they
    spare each sentence the search for all the others), and its officials. An alias is searched
    for only if the text holds one of its literals, found for all at once."""
    finder, needs = _name_literals(rules.source_names)
    found = finder.found(text)
    return _Named(tuple(name for name, need in zip(_each_name(rules.source_names), needs)
                        if (found is None or need is None or not found.isdisjoint(need))
                        and name.search(text, timeout=MATCH_TIMEOUT)),
                  _cast(text, rules))


def sentence_starts(rules: Rules) -> Starts:
    """Where the metric cues, then the attribution frames of rules/sources.yaml can begin in a
    sentence. None begins right after a word character: rules.py wraps cues and frames in `(?<!\\w)`."""
    global _last_starts
    last = _last_starts  # read once: another thread may replace it
    if last is not None and last[0] is rules.cues and last[1] is rules.source_frames:
        return last[2]
    starts = _starts_of((*(cue.pattern for cue in rules.cues), rules.source_frames))
    _last_starts = (rules.cues, rules.source_frames, starts)
    return starts


# The rules asked last and their `Starts`: asked for every sentence, building and hashing the tuple
# of their patterns for `_starts_of` each time cost more than finding the starts of most sentences.
_last_starts: tuple[tuple[Cue, ...], regex.Pattern, Starts] | None = None


@lru_cache(maxsize=4)
def _starts_of(patterns: tuple[regex.Pattern, ...]) -> Starts:
    return Starts(patterns)


def _frames(sentence: str, rules: Rules, home: str, names: _Named) -> list[_Frame]:
    """Every attribution frame of the sentence: those of rules/sources.yaml, then other bodies'
    ("the Sudan Doctors Network said", "Kenya's government said", "figures from the task force");
    `home` is the document's place, `names` what its text names (`named_sources`)."""
    frames = []
    country = _country(home, rules)
    # the frames pattern is slow to try at every offset: only where some source is named at all
    named_somewhere = any(name.search(sentence, timeout=MATCH_TIMEOUT) for name in names.patterns)
    others = _OTHER_SOURCE_WORDS.search(sentence) is not None
    frame_starts = sentence_starts(rules)(sentence)[-1] if named_somewhere else ()
    for m in matches_at(rules.source_frames, sentence, frame_starts, overlapped=True) if named_somewhere else ():
        if m["source"] is None:
            continue
        named = rules.source_names.fullmatch(m["source"]) or rules.source_names.search(m["source"])
        if not named:
            continue
        frames.append(_Frame(m.start(), m.end(), _known_id(named, m["source"], country, rules), True))
    for m in matches_at(_OTHER_SOURCE, sentence, _other_source_starts(sentence), overlapped=True) \
            if others else ():
        name = _LEADING_THE.sub("", m["name"])
        if name in _PRONOUNS or _ANAPHOR_NOUN.fullmatch(f"the {name}") or rules.source_names.fullmatch(name):
            continue  # pronouns and "the ministry" point back; a known name is read by its own frames
        frames.append(_Frame(m.start(), m.end(), _speaker_id(name, None, country, names.cast, rules), False))
    if others or _FIGURE_VERB_WORDS.search(sentence) or _RECORD_WORDS.search(sentence):
        frames += _body_frames(sentence, rules, country, names.cast)
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
    if following < len(others) and _NEW_STATEMENT.search(sentence, lo, hi):
        return False  # "its count had reached 85, while Gaza's media office put the number at 123"
    return not (following < len(others) and _INTRODUCES.match(sentence[frame.end:others[following]]))


@dataclass(slots=True)
class _Carried:
    """What a sentence passes on to the next one that refers back to it ("It said ...", "he said"):
    the source it named, and the date it gave."""

    source: str | None = None
    when: date | None = None


_NEW_STATEMENT = compiled(r"(?i),[ \t]+(?:while|whereas|but)\b")


# Bodies every country has one of: "the military said" with none named before is the country's.
_HOME_BODIES = frozenset({"military", "army"})

_HISTORY = 6  # the speakers an anaphor may point back to, the latest last


class _Speakers:
    """The sentences of a document so far, as what an anaphoric sentence ("It said ...", "the
    ministry said") may refer back to: each new speaker, named or not, with the date it spoke.

    A sentence without figures is read for its speaker only when a later sentence refers back:
    most never are, and finding the sources of a sentence is the costliest reading there is."""

    def __init__(self, rules: Rules, home: str, published: date | None, names: _Named) -> None:
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
        noun = _ANAPHOR_NOUN.search(sentence)
        if noun:
            word = noun[1].lower().replace("organisation", "organization")
            for earlier in latest:
                if earlier.source and word in earlier.source:
                    return earlier
            if word in _HOME_BODIES:  # "the military said", none named before: the country's own
                country = _country(self.home, self.rules)
                sid = f"{country}_{word}" if country not in ("", "unknown") else word
                return _Carried(_grammar(self.rules).ids.get(sid, sid), latest[0].when if latest else None)
        return latest[0] if latest else _Carried()



# --- Bodies and officials named by what they are: "Kenya's government said", "the cabinet
# secretary for the interior told", "figures from the local resistance committee". Their nouns
# are rules/sources.yaml `bodies` and `titles`; their ids are made from the place the text gives
# and their words (SPEC 3.5 "others"), then mapped by `ids`.

# A capitalised word, after an Arabic article if any ("al-Qudra"): how a name begins, and the word.
_CAP_START = r"(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z]"
_CAP = rf"{_CAP_START}[\w'’.&-]*"
_CAPS = rf"{_CAP}(?:[ ](?:(?:of|for|de|al|the)[ ])?{_CAP}){{0,6}}"
# A lower-case word that can qualify a body ("national", "military-led"): no function word, pronoun or auxiliary.
_MOD = (r"(?!(?:and|or|but|that|the|a|an|of|to|in|on|at|by|for|from|with|as|while|when|after|before|which|who|whom|"
        r"where|what|whose|it|he|she|they|we|its|his|her|their|had|has|have|was|were|is|are|been|be|also|said|says|"
        r"not|than|"
        r"then|some|all|this|these|those|if|so|since|until|about|over|under|into|out|up|down|more|most|no)\b)[a-z][\w-]*")
# "the territory's health ministry": the document's own place, named by what it is.
_HOME_POSSESSIVE = r"the[ ](?:territory|enclave|country|nation|city|state|region|province|island|kingdom|strip)"
# Between a speaker and its verb: "Honea had reported", "the agency also said", "Israeli officials usually cite".
_AUXILIARY = (r"(?:[ ](?:had|has|have|also|later|earlier|then|again|initially|first|previously|would|[a-z]+ly|"
              r"(?:late[ ]|early[ ]|earlier[ ])?on[ ](?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))*")
# Verbs that attribute by themselves, and those that do only with the figure they give.
_SAYING_VERBS = (r"said|says|say|saying|told|tells|tell|announced|announces|reported|reports|estimated|estimates|estimate|"
                 r"confirmed|confirms|recorded|records|counted|counts|cited|cites|cite|claimed|claims|stated|states|added|"
                 r"declared|verified|documented|registered|warned|believes|believed|noted|acknowledged")
_SAYING = rf"(?:{_SAYING_VERBS})\b"
_GIVING_VERBS = (r"put|puts|putting|gave|given|gives|give|brought|brings|raised|raises|lowered|lowers|revised|revises|"
                 r"cut|updated|updates|increased|reduced")
_GIVING = (rf"(?:{_GIVING_VERBS})[ ](?:the|its|their|his|her|a|an)[ ](?:[\w'’-]+[ ]){{0,3}}?"
           r"(?:toll|figure|number|count|tally|estimate|total)s?\b")
# The words every body frame contains (its verb, or "by", "from" of `after`): one search spares
# most sentences.
_FIGURE_VERB_WORDS = compiled(rf"\b(?:{_SAYING_VERBS}|{_GIVING_VERBS}|by|from)\b")
# A person's honorific or rank, and words of time that a run of capitals picks up before a name.
_NOT_OF_THE_NAME = compiled(
    r"^(?:(?:On|In|At|By|Earlier|Later|Late|Last|Since|After|Before|Meanwhile|But|And|Yesterday|Today|Then|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Mr|Mrs|Ms|Dr|Sir|Dame|Prof|Professor|Rev|Sheikh|Colonel|Col|General|Gen|"
    r"Lieutenant|Lt|Major|Maj|Captain|Capt|Rear|Vice|Admiral|Brigadier|Sergeant|Sgt|Commander|Cmdr|Chief)\.?[ ])+")
# Titles whose holder speaks for what follows "for", "of" or "to" ("spokesman for the agency").
_DELEGATES = compiled(r"(?i)spokes(?:man|woman|person)|aide|advis[eo]r|head|director(?: general|-general)?|chief|"
                      r"official|commander|commissioner-general")
# Titles that speak only for a body: with none named ("a spokesman said"), the one named before.
_SPOKESPEOPLE = compiled(r"(?i)spokes(?:man|woman|person)")
# Titles whose holder heads a ministry of the field the text gives ("Interior Minister", "secretary for the interior").
_MINISTERS = compiled(r"(?i)minister|cabinet secretary|secretary")


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The speaker phrases of one set of rules, compiled once."""

    phrase: regex.Pattern  # one noun phrase naming a speaker, its parts in named groups
    subject: regex.Pattern  # a speaker right before a verb of saying (searched in the text before the verb)
    verb: regex.Pattern  # the verbs of saying a subject is looked for before
    after: regex.Pattern  # "according to X", "figures from X", "reported by X": a speaker after its cue
    owner: regex.Pattern  # "the commission's Wednesday report", "the agency's latest tally": a record's body
    person: regex.Pattern  # an official introduced with their name ("Sheriff Kory Honea", "X, the minister,")
    bodies: regex.Pattern  # a body noun alone
    ids: dict[str, str]
    introduces: regex.Pattern  # what every introduction `_cast` keeps holds: a title or body, then a name
    places: frozenset[str]  # the ids of rules/places.yaml
    nouns: LiteralFinder | None  # literals one of which every title or body contains (None: unknown)


_GRAMMARS: dict[str, _Grammar] = {}
# The prepositions that join a phrase to a title or body ("secretary for the interior").
_PREPOSITIONS = r"(?:of|for|in|to|at)"
_RUN_BY = rf",[ ]{RUN_BY}[ ][^,]{{1,60}},"  # "the media office, run by Hamas, said"


def _literal_finder(pattern: str) -> LiteralFinder | None:
    """A finder of the literals every match of `pattern` holds, or None if they are not known."""
    literals = needed_literals(pattern)
    return None if literals is None else LiteralFinder(literals)


def _grammar(rules: Rules) -> _Grammar:
    """The speaker grammar of `rules` (rules/sources.yaml `bodies`, `titles`, `ids`)."""
    if rules.version not in _GRAMMARS:
        raw = rules.raw["sources"]
        bodies = "|".join(sorted(raw.get("bodies") or ["(?!)"], key=len, reverse=True))
        nouns = "|".join(sorted((raw.get("bodies") or []) + (raw.get("titles") or ["(?!)"]), key=len, reverse=True))
        noun = rf"(?i:{nouns})(?![\w-])"
        # a word that begins a noun of several words is that noun's, not a qualifier: "Prime Minister"
        multi = "(?i:" + "|".join(n for n in (raw.get("titles") or []) if " " in n) + r")\b"
        np = (rf"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[ ])?(?:(?P<poss>{_CAPS}|{_HOME_POSSESSIVE})['’]s[ ])?"
              rf"(?P<quals>(?:(?!{multi})(?:{_MOD}|{_CAP})(?:[ ]and[ ](?:{_MOD}|{_CAP}))?[ ]){{0,4}})(?P<noun>{noun})"
              rf"(?P<pp>(?:[ ]{_PREPOSITIONS}[ ](?:the[ ])?(?:(?:{_MOD}|{_CAP})[ ]){{0,4}}?(?:{noun}|{_CAPS}|{_MOD})){{0,2}})"
              rf"(?:[ ](?P<name>{_CAPS}))?(?:[ ]\((?P<acronym>[^()]{{1,40}})\))?"
              rf"|(?:(?P<owner>{_CAPS})['’]s[ ])?(?P<proper>{_CAPS})(?:[ ]\((?P<acronym2>[^()]{{1,40}})\))?")
        bare = regex.sub(r"\(\?P<\w+>", "(?:", np)  # the phrase without its groups, to use more than once
        subject = (rf"(?:^|(?<=[\s,(“\"]))(?<!\b(?:that|which|who)[ ])(?P<np>{bare})"
                   # "The centre, quoted by the TASS news agency, said"
                   rf"(?:,[ ](?P<appos>{bare}),|,[ ](?:who|which)\b(?:[^,]{{0,100}},)?|,[ ](?:quoted|cited|speaking)\b"
                   rf"[^,]{{0,80}},|{_RUN_BY})?{_AUXILIARY}[ ]$")
        after = (rf"\b(?:according[ ]to[ ](?:(?:the[ ]|an?[ ])?(?:latest[ ]|official[ ]|early[ ])?"
                 rf"(?:figures|data|estimates?|count|tally|statement)[ ](?:from[ ]|by[ ]|of[ ]|released[ ]by[ ])?)?"
                 rf"|(?:figures|data|statistics|tally|count|toll|estimates?|bulletin|report|list|update)[ ](?:from|by|of|"
                 rf"(?:released|issued|given|compiled|posted|published)[ ]by)[ ]"
                 rf"|(?:reported|given|cited|announced|confirmed|released|provided|compiled|published|recorded|counted|"
                 rf"listed|tallied|posted|issued)[ ]by[ ])"
                 rf"(?P<np>{bare})")
        # ("Government figures put the number of deaths at 3,828": a body's figures, no possessive)
        owner = (rf"(?<![\w'’-])(?P<np>{bare})(?:(?P<possessive>['’]s)[ ](?:(?:{_MOD}|{_CAP})[ ]){{0,2}}?{_RECORD}"
                 rf"|[ ]{_BARE_RECORD})")
        # (never from within a word: "which Health Minister" is no "hich Health Minister")
        person = (rf"(?<![\w'’-])(?:(?P<role>{bare})|(?P<who>{_CAPS}),[ ](?P<role2>{bare}),"
                  rf"|(?P<role3>{bare}),[ ](?P<who3>{_CAPS}),)")
        _GRAMMARS[rules.version] = _Grammar(
            compiled(rf"(?:{np})"), compiled(subject), compiled(rf"(?<![\w'’-])(?:{_SAYING}|{_GIVING})"),
            compiled(after), compiled(owner), compiled(person), compiled(rf"(?i:{bodies})(?![\w-])"), dict(raw.get("ids") or {}),
            # the noun, any prepositional phrases after it (`pp`), then the name (`name`)
            compiled(rf"{noun}(?:[ ]{_PREPOSITIONS}[ ](?:[\w '’.&-]|\([^()]{{1,40}}\))*?)?[ ]{_CAP_START}"),
            frozenset(p.id for p in rules.places), _literal_finder(noun))
    return _GRAMMARS[rules.version]


def _country(home: str, rules: Rules) -> str:
    """The country-level area of the document's place (a body named without one is its
    country's: "the government said" in a story filed from Harare), else the place itself."""
    return for_rules(rules).area_of(home) or home


def _cast(text: str, rules: Rules) -> dict[str, str]:
    """The officials `text` introduces with a title, so that a later "Honea said" or "the sheriff
    said" is their office's word: surname and title noun (lower-case) -> the phrase of the office
    ("Butte County Sheriff", "the cabinet secretary for the interior"); the first one named wins."""
    grammar = _grammar(rules)
    return _cast_of(_introductions(text, grammar), grammar)


def _surname(name: str) -> str:
    """The word a later mention uses: "Ashraf al-Qudra" -> "Qudra", as in "Qudra told"."""
    return _PARTICLE.sub("", name.split()[-1])


_PARTICLE = compiled(r"^[a-z]{1,3}-(?=[A-Z])")


def _cast_of(introductions: Iterable[regex.Match], grammar: _Grammar) -> dict[str, str]:
    """`_cast` read from matches of `grammar.person` (the tests pass those of every offset)."""
    cast: dict[str, str] = {}
    for m in introductions:
        role = m["role"] or m["role2"] or m["role3"]
        parsed = grammar.phrase.fullmatch(role)
        if parsed is None or parsed["noun"] is None:
            continue
        who = parsed["name"] or m["who"] or m["who3"]
        if not who:
            continue
        office = role[:parsed.start("name")].rstrip() if parsed["name"] else role
        cast.setdefault(_surname(_NOT_OF_THE_NAME.sub("", who)), office)
        cast.setdefault(parsed["noun"].lower(), office)
    return cast


# A run of the characters a speaker phrase (_Grammar.person) can hold: word characters, single
# spaces, those of a capitalised word (_CAP: a full stop only after a capital of the same word,
# so "killed. The" ends a run), and a bracketed acronym, which may hold any. No match of `person`
# crosses another character, so `finditer` restarts after each one.
_PHRASE_RUN = compiled(r"(?:[\w '’&-]|(?<=[A-Z][\w'’.&-]*)\.|\([^()]{1,40}\))+")
# How a name after a title begins (`[ ]` and `_CAP`).
_SPACE_CAPITAL = compiled(rf"[ ]{_CAP_START}")


def _introductions(text: str, grammar: _Grammar) -> Iterator[regex.Match]:
    """What `grammar.person.finditer(text)` finds in the runs of phrase characters (_PHRASE_RUN)
    that hold a title or body followed by a name (`grammar.introduces`); `_cast` keeps no other
    match, and the others' runs cannot change these (no match crosses a run's end). Of the
    alternatives of `person`, only the first ever matches (the others begin with what it matches
    alone), so a name before the title ("X, the minister,") need not be looked for.

    Trying `person` at every offset of a document cost as much as the rest of extraction; few
    runs hold a title before a name."""
    runs = [(m.start(), m.end()) for m in _PHRASE_RUN.finditer(text, timeout=MATCH_TIMEOUT)]
    ends = grammar.nouns.ends(text) if grammar.nouns is not None else None
    if ends is not None:  # only the runs a noun's literal ends in, with a name after the first
        starts = [start for start, _ in runs]
        first: dict[int, int] = {}
        for at in ends:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < runs[i][1]:
                first.setdefault(i, at)
        runs = [runs[i] for i, at in first.items() if _SPACE_CAPITAL.search(text, at, runs[i][1]) is not None]
    for start, end in runs:
        if grammar.introduces.search(text, start, end, timeout=MATCH_TIMEOUT) is not None:
            # the character after the run, which lookaheads read, is in reach: no match holds it
            yield from grammar.person.finditer(text, start, end + 1, timeout=MATCH_TIMEOUT)


def _body_frames(sentence: str, rules: Rules, country: str, cast: dict[str, str]) -> list[_Frame]:
    """The frames of bodies and officials named by what they are: a speaker phrase right before a
    verb of saying ("Kenya's government said", "X, the cabinet secretary for the interior, told",
    "Dzgoyev put the number of attackers killed at 35"), or after "according to", "figures from",
    "reported by"."""
    grammar = _grammar(rules)
    frames = []
    for verb in grammar.verb.finditer(sentence, timeout=MATCH_TIMEOUT):
        lo = max(0, verb.start() - 200)
        m = grammar.subject.search(sentence, lo, verb.start(), timeout=MATCH_TIMEOUT)
        if m is None or _STORM.match(m["np"]) or _STORM_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "Cyclone Amphan had claimed 72 lives": a storm's name is no speaker
        sid = _speaker_id(m["np"], m["appos"], country, cast, rules)
        if sid:
            frames.append(_Frame(m.start(), verb.end(), sid, False))
    for m in grammar.owner.finditer(sentence, timeout=MATCH_TIMEOUT) if _RECORD_WORDS.search(sentence) else ():
        parsed = grammar.phrase.fullmatch(m["np"])
        if parsed is not None and parsed["noun"] is not None and (
                m["possessive"] or grammar.bodies.fullmatch(parsed["noun"])):
            # a body's record, not "Gaza's death toll"; "Government figures", not "Official figures"
            sid = _speaker_id(m["np"], None, country, cast, rules)
            if sid:
                frames.append(_Frame(m.start(), m.end(), sid, False))
    for m in grammar.after.finditer(sentence, timeout=MATCH_TIMEOUT):
        if (_OWNS_NEXT.search(m["np"]) and not _FIGURES_NEXT.match(sentence, m.end())) or _ATTACK_NEXT.match(sentence, m.end()):
            # "the toll from Friday's bombing", "the toll from Saturday's Israeli strike": the name owns
            # what follows, it gives no figure
            continue
        sid = _speaker_id(m["np"], None, country, cast, rules)
        if sid:
            frames.append(_Frame(m.start(), m.end(), sid, False))
    return frames


# What a body keeps or issues, whose figures are its word: "the commission's Wednesday report".
_RECORD = r"(?:report|reports|tally|list|figures|count|data|bulletin|statement|update|records|register)\b"
_BARE_RECORD = r"(?:figures|data|statistics|records)\b"
_RECORD_WORDS = compiled(rf"['’]s[ ](?:[\w-]+[ ]){{0,2}}?{_RECORD}|\b{_BARE_RECORD}")
_STORMS = r"(?i:cyclone|hurricane|typhoon|storm|depression)[ \t]+"
_STORM, _STORM_BEFORE = compiled(_STORMS), compiled(rf"\b{_STORMS}$")
_OWNS_NEXT = compiled(r"['’]s$")
_ATTACK_NEXT = compiled(rf"[ \t]+{ATTACKS}\b")
_FIGURES_NEXT = compiled(r"[ \t]+(?:(?:latest|own|official|new|final|updated)[ \t]+)?(?:figures|data|count|tally|toll|statement|estimates?|report|list)\b")


# The ids of speaker phrases read in documents that introduce no official (no `_cast`), where an
# id depends on the rules, the phrase and the country alone: the same few phrases ("officials",
# "the interior ministry", "a police spokesman") recur across an archive. Bounded: emptied when full.
_SPEAKER_IDS: dict[tuple[str, str, str | None, str], str | None] = {}
_MOST_SPEAKER_IDS = 1 << 16


def _speaker_id(phrase: str, appos: str | None, country: str, cast: dict[str, str], rules: Rules) -> str | None:
    """The source id of a speaker phrase and its apposition ("Joseph Ole Lenku", "the cabinet
    secretary for the interior"): a source of rules/sources.yaml either names; else the office
    either gives; else the person, by the office the document gave them; else the name's
    snake_case. None for pronouns and anaphors, which point back."""
    if cast:
        return _read_speaker_id(phrase, appos, country, cast, rules)
    key = (rules.version, phrase, appos, country)
    if key not in _SPEAKER_IDS:
        if len(_SPEAKER_IDS) >= _MOST_SPEAKER_IDS:
            _SPEAKER_IDS.clear()
        _SPEAKER_IDS[key] = _read_speaker_id(phrase, appos, country, cast, rules)
    return _SPEAKER_IDS[key]


def _read_speaker_id(phrase: str, appos: str | None, country: str, cast: dict[str, str], rules: Rules) -> str | None:
    """`_speaker_id`, read from the phrase."""
    grammar = _grammar(rules)
    parts = [p for p in (phrase, appos) if p]
    for part in parts:
        known = rules.source_names.fullmatch(_LEADING_THE.sub("", part))
        if known:
            return _known_id(known, part, country, rules)
    if _ANAPHOR_NOUN.fullmatch(_DETERMINER.sub("the ", phrase)):
        return None  # "the ministry said": the anaphor's referent is the ministry named before
    offices = [m for m in (grammar.phrase.fullmatch(p) for p in parts) if m is not None and m["noun"] is not None]
    for office in offices:  # "UNRWA's commissioner-general", "IOM director general": the body's word
        owner = office["poss"] or office["quals"].strip()
        known = rules.source_names.fullmatch(owner) if owner and _DELEGATES.fullmatch(office["noun"]) else None
        if known:
            return known.lastgroup.split("__")[0]
    if offices:
        return _office_id(offices[0], country, cast, rules)
    # ("On Monday the Ministry of Public Security put": no "the" left after the day)
    name = _LEADING_THE.sub("", _NOT_OF_THE_NAME.sub("", _LEADING_THE.sub("", phrase) + " ")).strip()
    if not name or name in _PRONOUNS or _ANAPHOR_NOUN.fullmatch(f"the {name}"):
        return None
    surname = _surname(name)
    if surname in cast:
        return _office_id(grammar.phrase.fullmatch(cast[surname]), country, cast, rules)
    pid = place_id(name)
    if _country(pid, rules) == pid and pid in grammar.places:
        return grammar.ids.get(f"{pid}_government", f"{pid}_government")  # "Malawi has reported 60 deaths"
    return _snake(name)


def _office_id(m: regex.Match | None, country: str, cast: dict[str, str], rules: Rules) -> str | None:
    """The id of an office or body phrase parsed by _Grammar.phrase: the place it names (its
    owner, "of X", capitalised words before a title) or the document's country, then what it is."""
    if m is None:
        return None
    grammar = _grammar(rules)
    noun, quals, pp = m["noun"].lower(), m["quals"].strip(), m["pp"].strip()
    obj = _LEADING_PREPOSITION.sub("", pp)
    if m["acronym"] and _ACRONYM.fullmatch(m["acronym"]):
        return grammar.ids.get(_snake(m["acronym"]), _snake(m["acronym"]))  # "... Agency (BNPB)": its short name
    if _DELEGATES.fullmatch(noun) and not grammar.bodies.search(quals):
        inner = grammar.phrase.fullmatch(obj) if obj else None
        if inner is not None:  # "spokesman for the National Disaster Mitigation Agency"
            return _speaker_id(obj, None, country, cast, rules)
    bare = not (m["poss"] or quals or pp)
    if bare and noun in cast and cast[noun] != m.group():
        return _office_id(grammar.phrase.fullmatch(cast[noun]), country, cast, rules)  # "the sheriff said"
    if bare and _SPOKESPEOPLE.fullmatch(noun):
        return None  # "spokesman Ashraf al-Qudra told": the body named before speaks (rules' anaphors)
    words = [w for w in _NOT_OF_THE_NAME.sub("", quals).split() if not _RANKS.fullmatch(w)]
    capitals = " ".join(w for w in words if w[0].isupper())
    lower = " ".join(w for w in words if not w[0].isupper())
    place = country
    if m["poss"] and not _HOME_OWNER.match(m["poss"]):
        place = _place_of(m["poss"], rules)
    elif obj and obj[0].isupper() and not _MINISTERS.fullmatch(noun) and not rules.not_a_place.match(obj):
        place, obj = _place_of(obj, rules), ""  # "the president of North Ossetia", "police in Borno"
    if _MINISTERS.fullmatch(noun):
        field = _snake(obj or f"{capitals} {lower}")
        what = f"{field}_ministry" if field else "government"
    elif capitals and m["noun"][0].isupper() and not _ranks_below_place(noun):
        what = _snake(f"{capitals} {m['noun']}")  # a body's own name: "Foreign Office", "Kenya Red Cross"
        place = place if m["poss"] else ""
    else:
        if capitals:
            place = _place_of(capitals, rules)  # "Butte County Sheriff", "Las Vegas police"
        body = grammar.bodies.search(lower)
        what = _snake(lower[:body.end()] if body and _DELEGATES.fullmatch(noun) else f"{lower} {noun}")
    sid = what if not place or what.startswith(place) else f"{place}_{what}"
    return grammar.ids.get(sid, sid)


# Compiled once: the phrases of a speaker are read for every frame.
_DETERMINER = compiled(r"^(?:the|its|their)[ ]")
_LEADING_PREPOSITION = compiled(rf"^{_PREPOSITIONS}[ ](?:the[ ])?")
_ACRONYM = compiled(r"[A-Z][A-Z0-9&-]{1,9}")
_HOME_OWNER = compiled(_HOME_POSSESSIVE)

# Ranks that do not change whose word it is: "the chief military spokesman" speaks for the military.
_RANKS = compiled(r"(?i)chief|senior|deputy|top|former|acting|interim|an?|the|(?:mon|tues|wednes|thurs|fri|satur|sun)day")


# Offices held in a place rather than bodies with a name of their own: "Butte County Sheriff".
_PLACE_OFFICES = compiled(r"(?i)sheriff|governor|mayor|coroner|police|prefect|prefecture|premier|president|"
                          r"prime minister|police chief|chief of police|commissioner|judge|court|council")


def _ranks_below_place(noun: str) -> bool:
    """Whether capitalised words before `noun` name the place of an office ("Butte County
    Sheriff") rather than a body's own name ("Foreign Office")."""
    return _PLACE_OFFICES.fullmatch(noun) is not None


def _place_of(name: str, rules: Rules) -> str:
    """The place id of a place's name or its people's adjective as rules/places.yaml lists them
    ("Britain" -> united_kingdom, "Kenyan" -> kenya), else its snake_case."""
    for place in rules.places:
        if place.names.fullmatch(name) or name in place.adjectives:
            return place.id
    return _snake(name)


def _snake(name: str) -> str:
    """A name's snake_case, possessives dropped: "Kenya's Red Cross" -> kenya_red_cross."""
    return _NON_WORDS.sub("_", name.lower().replace("’", "'").replace("'s", "").replace("'", "")).strip("_")
