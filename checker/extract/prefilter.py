"""Which sentences of a document can hold a claim, found in one pass over the document.

A sentence yields a claim only when a number phrase of the number grammar and a metric cue of
rules/metrics.yaml both match in it (`_read_sentence` needs a candidate and a cue for its first
claim; every later one continues a claim). Each of those patterns is reduced here to literal
strings, one of which every match of it contains (`needed_literals`): the number words, vague
phrases and idioms of the grammar and the digits, and for each cue the word it cannot match
without ("killed", "wounded", "hostage"). An Aho-Corasick automaton (`pyahocorasick`) finds all of
them in the lower-cased document at once, and a sentence is a *window* when it holds a literal of
each kind. The `regex` rules then run only in windows; any other sentence is left unread.

The literals are derived from the patterns themselves, never listed by hand, so a change to the
rules changes them too. A pattern the derivation cannot bound (one that can match without any
literal it can name) makes its side of the test always true: the prefilter narrows less, never
wrongly. Matching is on lower-cased text, which is a superset of the rules' case-insensitive
matching, except for the few characters outside ASCII that `regex` folds onto an ASCII letter or
reads as a digit (`_UNSAFE`): a document holding one is read sentence by sentence, unfiltered.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from re import error as ParseError

import ahocorasick
import regex

from ..numbers import NumberLexicon, _gate
from ..rules import Rules
from ..user_cache import compiled, folder, keep
from .sentences import _ANTECEDENT

Literals = frozenset[str]

# Finite string sets larger than this are not enumerated (a product of alternations grows fast).
_MOST_STRINGS = 256
# A character class with more members than this is no literal worth finding ("[a-z]").
_MOST_CLASS = 16
_DIGITS = frozenset("0123456789")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Characters outside ASCII that the lower-cased text does not match as `regex` would: those the
# case-insensitive rules equate with an ASCII letter ("ſ", the Kelvin sign) and digits of other
# scripts, which `\d` reads and the literals do not list.
_UNSAFE = compiled(r"[^\x00-\x7f](?<=(?i:[a-z])|\d)")  # the class first: far faster to scan for


def _class_members(items: list) -> Literals | None:
    """The lower-cased members of a character class `[...]`, if few and all ASCII."""
    members: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MOST_CLASS:
            members.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            members.update(_DIGITS)  # other scripts' digits: `_UNSAFE`
        else:
            return None  # negated, a wide range, \w, \s
    if len(members) > _MOST_CLASS or not all(c.isascii() for c in members):
        return None  # a non-ASCII letter may fold as lower() does not (σ, ς): no literal
    return frozenset(c.lower() for c in members)


def _product(sets: Iterable[Literals]) -> Literals | None:
    """Every concatenation of one string from each set, or None if there would be too many."""
    result: Literals = frozenset({""})
    for strings in sets:
        if len(result) * len(strings) > _MOST_STRINGS:
            return None
        result = frozenset(a + b for a, b in itertools.product(result, strings))
    return result


def _exact(item: tuple) -> Literals | None:
    """All the strings (lower-cased) one parsed item can match, or None if not few and known."""
    op, av = item
    if op is sre.LITERAL:
        return frozenset({chr(av).lower()}) if chr(av).isascii() else None
    if op is sre.IN:
        return _class_members(av)
    if op is sre.CATEGORY:
        return _class_members([item])
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""})  # zero-width: dropping its condition only widens what matches
    if op is sre.SUBPATTERN:
        return _exact_sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _exact_sequence(av)
    if op is sre.BRANCH:
        branches = [_exact_sequence(b) for b in av[1]]
        if any(b is None for b in branches) or sum(map(len, branches)) > _MOST_STRINGS:  # type: ignore[arg-type]
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, high, body = av
        once = _exact_sequence(body)
        if once is None or high > 1:
            return None
        return frozenset({""}) | once if low == 0 else once
    return None  # back-references, conditionals, anything not worth enumerating


def _exact_sequence(items: Sequence) -> Literals | None:
    """All the strings a sequence of parsed items can match, or None."""
    parts = [_exact(item) for item in items]
    return None if any(p is None for p in parts) else _product(parts)  # type: ignore[arg-type]


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two literal sets: the one whose shortest string is longest, then the
    smaller. A set holding the empty string selects nothing."""
    usable = [s for s in (a, b) if s is not None and "" not in s]
    return min(usable, key=lambda s: (-min(map(len, s)), len(s))) if usable else None


def _needed(item: tuple) -> Literals | None:
    """Strings one of which every match of the parsed `item` contains, or None if none is known."""
    op, av = item
    best = _better(_exact(item), None)
    if op is sre.SUBPATTERN:
        best = _better(best, _needed_sequence(av[3]))
    elif op is sre.ATOMIC_GROUP:
        best = _better(best, _needed_sequence(av))
    elif op is sre.BRANCH:
        branches = [_needed_sequence(b) for b in av[1]]
        if all(b is not None for b in branches):
            best = _better(best, frozenset().union(*branches))  # type: ignore[arg-type]
    elif op in _REPEATS and av[0] >= 1:
        best = _better(best, _needed_sequence(av[2]))
    return best


def _needed_sequence(items: Sequence) -> Literals | None:
    """Strings one of which every match of a sequence contains: those of one item, or every
    spelling of a run of items each of which matches few known strings ("hospitali[sz]ed")."""
    best: Literals | None = None
    run: list[Literals] = []
    for item in [*items, None]:
        exact = _exact(item) if item is not None else None
        if exact is not None:
            run.append(exact)
            continue
        if run:
            best = _better(best, _product(run))
            run = []
        if item is not None:
            best = _better(best, _needed(item))
    return best


def needed_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Lower-cased strings one of which every match of `pattern` (in `regex`'s V0 dialect, which
    Python's parser reads) contains, or None when no such set is known (including syntax only
    `regex` has)."""
    try:
        parsed = sre_parse.parse(pattern, flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE))
    except (ParseError, OverflowError, RecursionError):
        return None
    return _needed_sequence(list(parsed))


def _fewest(literals: Literals) -> Literals:
    """`literals` less those containing another: where one is found, so is the shorter. (Each
    literal's own shorter substrings are looked up: far fewer than the other literals.)"""
    return frozenset(a for a in literals if not any(
        a[i:i + width] in literals for width in range(1, len(a)) for i in range(len(a) - width + 1)))


def number_literals(lexicon: NumberLexicon) -> Literals | None:
    """What every number phrase contains: the literals of the number grammar's gate (a digit, a
    number word, a vague phrase or an idiom)."""
    gate = _gate(lexicon)
    literals = needed_literals(gate.pattern, gate.flags)
    return None if literals is None else _fewest(literals)


def cue_literals(patterns: Iterable[regex.Pattern]) -> Literals | None:
    """What every match of one of the metric cues' `patterns` contains, or None if some cue can
    match without any literal known."""
    found: set[str] = set()
    for pattern in patterns:
        literals = needed_literals(pattern.pattern, pattern.flags)
        if literals is None:
            return None
        found |= literals
    return _fewest(frozenset(found))


def _lowered(text: str) -> str | None:
    """`text` lower-cased, where literals are found as the case-insensitive rules would find them;
    None when offsets or case folding would differ from the rules' (`_UNSAFE`)."""
    lowered = text.lower()
    if len(lowered) != len(text) or (not text.isascii() and _UNSAFE.search(text)):
        return None
    return lowered


class LiteralFinder:
    """Where a text holds any of some literals (lower-cased, as `needed_literals` gives them), in
    one Aho-Corasick pass."""

    def __init__(self, literals: Literals) -> None:
        self.literals = literals
        self._automaton = ahocorasick.Automaton()
        for literal in literals:
            self._automaton.add_word(literal, literal)
        if literals:
            self._automaton.make_automaton()

    def hits(self, text: str) -> list[tuple[int, str]] | None:
        """Every literal found in `text` with the offset of its last character, in text order; None
        when `text` must be read unfiltered."""
        if not self.literals:
            return []  # an automaton without words cannot be searched
        lowered = _lowered(text)
        return None if lowered is None else list(self._automaton.iter(lowered))

    def ends(self, text: str) -> list[int] | None:
        """The offset of the last character of every literal found in `text` (as `hits`)."""
        hits = self.hits(text)
        return None if hits is None else [at for at, _ in hits]

    def found(self, text: str) -> set[str] | None:
        """The literals found in `text` (as `hits`)."""
        hits = self.hits(text)
        return None if hits is None else {literal for _, literal in hits}


class Prefilter:
    """The windows of a document: the sentences holding both a number literal and a cue literal.
    `None` for either kind of literal means every sentence has one of that kind."""

    _NUMBER, _CUE = 1, 2

    def __init__(self, numbers: Literals | None, cues: Literals | None) -> None:
        self._always = (self._NUMBER if numbers is None else 0) | (self._CUE if cues is None else 0)
        automaton = ahocorasick.Automaton()
        kinds: dict[str, int] = {}
        for kind, literals in ((self._NUMBER, numbers), (self._CUE, cues)):
            for literal in literals or ():
                kinds[literal] = kinds.get(literal, 0) | kind
        for literal, kind in kinds.items():
            automaton.add_word(literal, kind)
        self._automaton = automaton if kinds else None
        if self._automaton is not None:
            automaton.make_automaton()

    def windows(self, text: str, sentences: Sequence[tuple[int, int]]) -> list[bool] | None:
        """For each (start, end) of `sentences` (in text order, not overlapping), whether it is a
        window; None when the document must be read unfiltered."""
        both = self._NUMBER | self._CUE
        if self._always == both:
            return None
        lowered = _lowered(text)
        if lowered is None:
            return None
        seen = [self._always] * len(sentences)
        if self._automaton is not None and sentences:
            ends = [end for _, end in sentences]
            i = 0  # the sentence holding the literal's last character: hits come in text order
            for at, kind in self._automaton.iter(lowered):
                if at >= ends[i]:
                    i = bisect.bisect_right(ends, at, i)
                    if i == len(ends):
                        break
                if at >= sentences[i][0]:  # not in the blank between two sentences
                    seen[i] |= kind
        return [s == both for s in seen]


@lru_cache(maxsize=4)
def _prefilter(numbers: NumberLexicon, cues: tuple[regex.Pattern, ...]) -> Prefilter:
    gate = _gate(numbers)
    patterns = [(gate.pattern, gate.flags), *((cue.pattern, cue.flags) for cue in cues)]
    digest = hashlib.sha256(json.dumps([_DERIVATION, patterns]).encode("utf-8")).hexdigest()[:24]
    where = folder("prefilter")
    path = where / f"{digest}.json" if where is not None else None
    literals = _kept_literals(path)
    if literals is None:
        literals = number_literals(numbers), cue_literals(cues)
        keep(path, json.dumps([None if side is None else sorted(side) for side in literals]).encode("utf-8"))
    return Prefilter(*literals)


# Bumped when the derivation of literals changes, so literals kept by an earlier one are not read.
_DERIVATION = 1


def _kept_literals(path: Path | None) -> tuple[Literals | None, Literals | None] | None:
    """The (number, cue) literals kept at `path` by an earlier run: deriving them reads every
    pattern's syntax tree, a quarter of a second that a run on one short article should not pay."""
    if path is None:
        return None
    try:
        numbers, cues = json.loads(path.read_bytes())
    except (OSError, ValueError, TypeError):  # none yet, cut short or damaged: derive again
        return None
    return tuple(None if side is None else frozenset(map(str, side)) for side in (numbers, cues))  # type: ignore[return-value]


def prefilter(rules: Rules) -> Prefilter:
    """The prefilter of `rules`, built once per set of rules; besides the metric cues, a figure's
    own "of them" may begin a claim ("Four of them were foreigners": a part of the count before)."""
    return _prefilter(rules.numbers, (*(cue.pattern for cue in rules.cues), _ANTECEDENT))
