"""The records every stage passes on: documents, numbers, claims, findings.

Nothing here imports from the rest of the package, so any stage can be tested on hand-made records.
"""
from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field, fields
from datetime import date


class Qualifier(str, enum.Enum):
    """How a number is hedged (SPEC 3.3); it decides the interval the number stands for."""

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    LESS_THAN = "less_than"
    RANGE = "range"
    VAGUE = "vague"


class Scope(str, enum.Enum):
    """What a figure counts (SPEC 3.4): a running total, a window, or a stock at writing time."""

    CUMULATIVE = "cumulative"
    PERIOD = "period"
    CURRENT = "current"


class Unit(str, enum.Enum):
    PERSONS = "persons"
    PERCENT = "percent"


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Number:
    """A number of people (or a percentage) as the text states it, with the interval it implies.

    `lower`/`upper` of None mean unbounded on that side.
    """

    value: float
    lower: float | None
    upper: float | None
    qualifier: Qualifier
    unit: Unit = Unit.PERSONS


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text and metadata. `line_starts` maps offsets to lines (see `position`)."""

    doc: str
    path: str
    text: str
    published: date | None = None
    outlet: str = ""
    url: str = ""
    title: str = ""
    locale: str = ""  # e.g. "de", "fr-FR": decides whether "1.160" is 1,160 or 1.16
    event: str = ""  # an event id the manifest or front matter fixes (SPEC 3.6); "" = found from the text
    line_starts: tuple[int, ...] = field(default=(0,), repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


_LINE_END = re.compile(r"\r\n?|\n")


def line_starts_of(text: str) -> tuple[int, ...]:
    """Offsets where each line begins; `\\r\\n`, `\\r` and `\\n` each end a line."""
    return (0, *(m.end() for m in _LINE_END.finditer(text)))  # `re`: one C loop, not a Python step per character


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim about people: a row of the claim table (SPEC 2), fields in column order."""

    claim_id: str
    doc: str
    path: str
    line: int
    column: int
    start: int
    end: int
    quote: str
    sentence: str
    metric: str
    place: str
    group: str
    value: int
    lower: int | None
    upper: int | None
    qualifier: str
    unit: str
    scope: str
    period_start: str
    as_of: str
    published: str
    outlet: str
    source: str
    confidence: float
    event: str = ""  # set by the events stage (checker/events.py)
    estimate: bool = False  # a study's, a model's or a projection's figure, not a count


CLAIM_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


@dataclass(frozen=True, slots=True)
class Location:
    """Where a claim a finding rests on stands."""

    claim_id: str
    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy (SPEC 4). The first location is the anchor shown by line-oriented formats."""

    finding_id: str
    check: str
    severity: Severity
    metric: str
    place: str
    group: str
    message: str
    claim_ids: tuple[str, ...]
    docs: tuple[str, ...]
    values: tuple[int, ...]
    dates: tuple[str, ...]
    locations: tuple[Location, ...] = ()
    action: str = ""
    event: str = ""  # the event of the series (SPEC 3.6)


FINDING_COLUMNS: tuple[str, ...] = (
    "finding_id", "check", "severity", "metric", "place", "group", "event", "message",
    "claim_ids", "docs", "values", "dates",
)
