"""Trying the patterns of the rules only where they can begin, under one time limit.

The `regex` module tries a pattern at every offset of a text. For the long alternations of the
rules (number phrases with their qualifiers, metric cues, attribution frames naming any of a
hundred sources), those tries are most of the work of extraction, and nearly all fail at the
first word. `Starts` finds the offsets worth trying word by word, for several patterns at once:
which patterns can begin with a given word is asked once (a partial match of the word alone) and
remembered, so a text costs one dictionary lookup per word. `matches_at` then tries a pattern at
its offsets alone, and finds what `finditer` finds.
"""
from __future__ import annotations

import bisect
import time
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, Sequence

import regex

from .user_cache import compiled

#: Seconds any one pattern may spend on one text before it is abandoned as hostile.
MATCH_TIMEOUT = 2.0


class Starts:
    """For each pattern of `tests`, the offsets of a text where it can begin a match: word starts
    (and other characters not preceded by a word character) whose word, with the character after
    it, the pattern matches whole or in part ("in" of "in the region of"), and wherever `also`
    matches.

    For this to find every offset where a pattern can match, the pattern must not begin right
    after a word character unless `also` finds it there, and no lookbehind of it may require text
    before the offset (the word is tested alone): a pattern with a positive lookbehind is not
    trusted, and every offset is tried. The patterns of the rules are built to meet these
    conditions. A test pattern may match more than the pattern it stands for (the first words of
    the number grammar stand for the grammar).
    """

    # Words remembered: the words of news follow Zipf's law, so the few thousand frequent ones are
    # nearly all asked again soon after the memory is emptied when full.
    _REMEMBERED = 1 << 16

    def __init__(self, tests: Sequence[regex.Pattern], also: regex.Pattern | None = None) -> None:
        self._tests, self._also = tuple(tests), also
        self._untrusted = tuple(i for i, test in enumerate(self._tests) if "(?<=" in test.pattern)
        # a word (with the character after it), or the first letters of one -> `_which_begin`
        self._known: dict[str, tuple[int, ...]] = {}
        self._last: tuple[str, list[list[int]]] | None = None  # the text asked last, and its offsets
        self._everyone = tuple(range(len(self._tests)))
        self._tree = _tree(self._tests, self._everyone)

    def _which_begin(self, word: str) -> tuple[int, ...]:
        """The indexes of the `tests` that can begin with `word`: of those that can begin with its
        first letters, asked first and remembered. A test that can begin with a string can begin
        with each of its prefixes; of the distinct words of news, a few in a hundred begin a test,
        and most of the others share their first three letters with no test."""
        known, which = self._known, self._everyone
        for length in range(1, len(word)):
            prefix = word[:length]
            found = known.get(prefix)
            if found is None:
                found = known[prefix] = _begin(self._tree, prefix, frozenset(which))
            which = found
            if not which:
                return ()
        return _begin(self._tree, word, frozenset(which))

    def __call__(self, text: str) -> list[list[int]]:
        """Per pattern of `tests`, in their order, the offsets where it can begin in `text`."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]  # the cues and the frames of one sentence are asked in turn
        found: list[list[int]] = [[] for _ in self._tests]
        known = self._known
        for start, word in _words(text):
            which = known.get(word)
            if which is None:
                if len(known) >= self._REMEMBERED:
                    known.clear()
                which = known[word] = self._which_begin(word)
            for i in which:
                found[i].append(start)
        if self._also is not None:
            marks = [m.start() for m in self._also.finditer(text, overlapped=True, timeout=MATCH_TIMEOUT)]
            found = [sorted(set(offsets).union(marks)) for offsets in found]
        for i in self._untrusted:
            found[i] = list(range(len(text) + 1))
        self._last = (text, found)
        return found


class _Gate(NamedTuple):
    """Some of the tests, as one alternation: in news most words begin no test, or one, so asking a
    word of the tree of gates takes a few partial matches where asking each test took one per test.
    A partial match of an alternation fails only where each of its branches fails."""

    pattern: regex.Pattern | None  # None where the tests' flags differ: no alternation stands for them
    tests: tuple[int, ...]  # their indexes
    halves: tuple[_Gate, ...]  # none for one test


def _tree(tests: tuple[regex.Pattern, ...], indexes: tuple[int, ...]) -> _Gate:
    """The gate of `tests[indexes]`, split into halves of about equal pattern length down to single
    tests (a long pattern, as the attribution frames', is then matched again at few levels)."""
    if len(indexes) == 1:
        return _Gate(tests[indexes[0]], indexes, ())
    flags = {tests[i].flags for i in indexes}
    pattern = compiled("|".join(f"(?:{tests[i].pattern})" for i in indexes), flags.pop()) if len(flags) == 1 else None
    lengths = list(accumulate(len(tests[i].pattern) for i in indexes))
    half = min(max(bisect.bisect_left(lengths, lengths[-1] / 2), 1), len(indexes) - 1)
    return _Gate(pattern, indexes, (_tree(tests, indexes[:half]), _tree(tests, indexes[half:])))


def _begin(gate: _Gate, word: str, among: frozenset[int]) -> tuple[int, ...]:
    """The indexes of the tests of `gate`, of those `among`, that can begin with `word`; a gate
    whose tests are not all `among` is not asked, only its halves."""
    if among.isdisjoint(gate.tests):
        return ()
    if among.issuperset(gate.tests):
        if gate.pattern is not None and gate.pattern.match(word, partial=True, timeout=MATCH_TIMEOUT) is None:
            return ()
        if not gate.halves:
            return gate.tests
    return tuple(i for half in gate.halves for i in _begin(half, word, among))


_TOKEN = compiled(r"(?<!\w)(?:\w+|\W)")
_last_words: tuple[str, list[tuple[int, str]]] | None = None


def _words(text: str) -> list[tuple[int, str]]:
    """Where each word of `text` (and each other character not preceded by a word character)
    begins, with the word and the character after it; the text asked last is remembered, as the
    number grammar's `Starts` and the cues' read each sentence in turn."""
    global _last_words
    last = _last_words  # read once: another thread may replace it
    if last is not None and last[0] is text:
        return last[1]
    words = [(m.start(), text[m.start(): m.end() + 1]) for m in _TOKEN.finditer(text, timeout=MATCH_TIMEOUT)]
    _last_words = (text, words)
    return words


@lru_cache(maxsize=64)
def finds(pattern: regex.Pattern, text: str) -> tuple[regex.Match, ...]:
    """`pattern.finditer(text)`, remembered for the last few (pattern, text): the dates and scope
    cues of a clause are read once for each of its figures."""
    return tuple(pattern.finditer(text, timeout=MATCH_TIMEOUT))


def matches_at(pattern: regex.Pattern, text: str, offsets: Sequence[int], overlapped: bool = False) -> list[regex.Match]:
    """`pattern.finditer(text, overlapped=overlapped)`, the pattern tried only at `offsets` (in
    increasing order, from `Starts`). All the tries share one MATCH_TIMEOUT, as one finditer would."""
    deadline = time.monotonic() + MATCH_TIMEOUT
    found: list[regex.Match] = []
    end = 0
    for at in offsets:
        if at < end:
            continue  # inside the match just found
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regular expression time-out")
        m = pattern.match(text, at, timeout=left)
        if m:
            found.append(m)
            end = at + 1 if overlapped else m.end()
    return found
