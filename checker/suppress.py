"""Inline suppression: a comment in a document silences findings about the paragraph after it.

    <!-- casualty-check: ignore -->                 every check, next paragraph
    <!-- casualty-check: ignore=decrease -->        one check
    <!-- casualty-check: ignore=decrease,reference -->

The paragraph runs from the first non-blank character after the comment to the next blank line (or
the end of the text). The claims inside still feed the checks as context; only findings anchored on
them are dropped (by the pipeline). The comment is an HTML comment, so it stays invisible when the
Markdown is published; in `.html` documents the block element after the comment is the paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection

DIRECTIVE = re.compile(r"<!--\s*casualty-check\s*:\s*ignore\s*(?:=\s*(?P<checks>[^>]*?))?\s*-->", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


class SuppressionError(ValueError):
    """A directive naming a check that does not exist; `offset` is where the directive starts."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Suppression:
    """Findings anchored in [start, end) are silenced, for `checks` (empty = every check)."""

    start: int
    end: int
    checks: frozenset[str]

    def covers(self, offset: int, check: str) -> bool:
        return self.start <= offset < self.end and (not self.checks or check in self.checks)


def suppressions(text: str, known: Collection[str] | None = None) -> list[Suppression]:
    """The suppressed ranges of `text`; a check name outside `known` (when given) is an error."""
    found = []
    for match in DIRECTIVE.finditer(text):
        names = frozenset(n.strip().lower() for n in (match["checks"] or "").split(",") if n.strip())
        unknown = sorted(names - set(known)) if known is not None else []
        if unknown:
            raise SuppressionError(f"unknown check {unknown[0]!r} in a casualty-check comment; "
                                   f"known checks: {', '.join(sorted(known or ()))}", match.start())
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
        stop = _PARAGRAPH_END.search(text, start)
        found.append(Suppression(start, stop.start() if stop else len(text), names))
    return found
