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
from typing import Iterator

import regex

from .. import dates
from ..rules import Rules
from ..scanning import MATCH_TIMEOUT, Starts, matches_at
from ..user_cache import compiled
from .sentences import _NON_WORDS, _REACH, _Candidate
from .when import _SPEECH_DATE


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
# "Israel says [that] about 1,200 were killed": a frame right before a figure is that figure's.
_INTRODUCES = compiled(r"(?i)^[ \t]*(?:that[ \t]+)?$")
_LEADING_THE = compiled(r"^(?:The|the)[ \t]+")
# Names that point back at an earlier speaker: no body of their own.
_PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I", "This", "That", "There", "The"})
# A sentence reporting speech: its speaker, named or not, is who a later "he said" means.
_SPEECH = compiled(r"(?i)\b(?:said|says|told|reported|announced|stated|according to)\b")
# The nouns an anaphor names ("the ministry said"): it points back at the latest speaker so named.
_ANAPHOR_NOUN = compiled(r"(?i)\bthe (ministry|agency|office|organi[sz]ation|military|army|authority|group)\b")
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
