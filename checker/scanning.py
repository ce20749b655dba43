"""Trying a long pattern only where it can begin, under one time limit.

The `regex` module tries a pattern at every offset of a text. For the long alternations of the
rules (number phrases with their qualifiers, attribution frames naming any of a hundred sources),
those tries are most of the work of extraction, and nearly all fail at the first word. `Starts`
finds the offsets worth trying word by word: whether a pattern can begin with a given word is
asked once (a partial match of the word alone) and remembered, so a text costs a dictionary
lookup per word. `matches_at` then tries the pattern at those offsets alone, and finds what
`finditer` finds.
"""
from __future__ import annotations

import time

import regex

#: Seconds any one pattern may spend on one text before it is abandoned as hostile.
MATCH_TIMEOUT = 2.0


class Starts:
    """The offsets of a text where `test` can begin a match: word starts (and other characters
    not preceded by a word character) whose word, with the character after it, `test` can match
    whole or in part ("in" of "in the region of"), and wherever `also` matches.

    For this to find every offset where a pattern can match, `test` must match at least what the
    pattern matches from there, the pattern must not begin right after a word character unless
    `also` finds it there, and no lookbehind of `test` may require text before the offset (the
    word is tested alone): a `test` with a positive lookbehind is not trusted, and every offset
    is tried.
    """

    _TOKEN = regex.compile(r"(?<!\w)(?:\w+|\W)")
    _REMEMBERED = 100_000  # distinct words

    def __init__(self, test: regex.Pattern, also: regex.Pattern | None = None) -> None:
        self._test, self._also = test, also
        self._trusted = "(?<=" not in test.pattern
        self._begins: dict[str, bool] = {}

    def _can_begin(self, word: str) -> bool:
        known = self._begins.get(word)
        if known is None:
            known = self._test.match(word, partial=True, timeout=MATCH_TIMEOUT) is not None
            if len(self._begins) < self._REMEMBERED:
                self._begins[word] = known
        return known

    def __call__(self, text: str) -> list[int]:
        if not self._trusted:
            return list(range(len(text) + 1))
        found = {m.start() for m in self._TOKEN.finditer(text, timeout=MATCH_TIMEOUT)
                 if self._can_begin(text[m.start(): m.end() + 1])}
        if self._also is not None:
            found.update(m.start() for m in self._also.finditer(text, overlapped=True, timeout=MATCH_TIMEOUT))
        return sorted(found)


def matches_at(pattern: regex.Pattern, text: str, starts: Starts, overlapped: bool = False) -> list[regex.Match]:
    """`pattern.finditer(text, overlapped=overlapped)`, the pattern tried only at `starts(text)`.
    All the tries share one MATCH_TIMEOUT, as one finditer would."""
    deadline = time.monotonic() + MATCH_TIMEOUT
    found: list[regex.Match] = []
    end = 0
    for at in starts(text):
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
