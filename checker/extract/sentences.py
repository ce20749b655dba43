"""Sentences and clauses: where the sentences of a document begin and end (a run-on cut into
pieces of bounded length), teaser lines left out, the clause a figure stands in, and the words
counted between two points of a sentence.

Also the figure every other module reads: `_Candidate`, a number with its offsets in its sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..numbers import NumberMatch
from ..scanning import MATCH_TIMEOUT
from ..user_cache import compiled


# Sentence ends: . ! ? (then space and a capital, digit or quote), or a line break. Abbreviations
# such as "Oct." or "U.S." do not end a sentence.
_ABBREVIATIONS = compiled(
    r"(?i)(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|gen|lt|col|"
    r"sgt|capt|gov|sen|rep|no|vs|approx|est|inc|ltd|co|corp|jr|sr|prof|rs)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
_SENTENCE_END = compiled(r"[.!?]+[\"'”’)\]]*(?=[ \t]+[\"'“‘(\[]?[A-Z0-9])|\n+")
# A word, as `_words_between` counts them.
_WORD = compiled(r"[\w'’]+")
# Where a clause ends: a cue across it is not about the figure on the other side.
# ("toll rises to 86 as another wounded man dies": the wounded man is the next clause's)
# "while" opens a clause, not before a participle ("killed while trying to reach food")
_CLAUSE_BREAK = compiled(r"[;—]|(?<!\d):(?!\d)|\s-\s|\b(?:but|whereas|although)\b|\bwhile\b(?![ \t]+\w+ing\b)"
                         r"|\b(?:as|after|when)[ \t]+another\b")
# ", 36 of them": the figure after opens a clause of its own (place.py's statements end there too).
NEXT_ANTECEDENT = r",[ \t]*[\w.,-]+[ \t]+(?:of[ \t]+whom|of[ \t]+them|among[ \t]+them|among[ \t]+whom)\b"
# The nouns of an attack, which owns the place it struck and the day it came ("the assault on southern
# Israel", "the toll from Saturday's Israeli strike", "the July 13 strike") (place.py, source.py, when.py).
ATTACKS = (r"(?:(?:air[ \t]*|drone[ \t]+|missile[ \t]+)?strikes?|attacks?|assaults?|raids?|bombings?|shelling|blasts?|"
           r"explosions?|offensive|bombardment|rampage|invasion|incursion)")
_NEXT_ANTECEDENT = compiled(rf"(?i){NEXT_ANTECEDENT}")
# What a name loses on becoming an id (place.py, source.py).
_NON_WORDS = compiled(r"\W+")
# "29 of whom": what follows the figure is a part of the one before; not after a comma ("3,000,
# among them 940 children": the figure is the whole).
_ANTECEDENT = compiled(r"(?i)^[ \t]*(?:of whom|of them|among them|among whom)\b")
# Teaser lines that link to other articles: their figures belong to those articles.
_TEASER = compiled(r"(?i)^\W*(?:read also|read more|see also|related|recommended|more on this|also read)\b")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A number in a sentence, offsets relative to the sentence."""

    match: NumberMatch
    start: int
    end: int


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
    """How many words `text` has: the distance between a figure and a cue, or two figures."""
    return len(_WORD.findall(text))


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


# Characters either side of a figure within which its clause, cue and source are looked for.
_REACH = 400
