"""Per-series timelines: the claims a chart draws, as a Mermaid `xychart-beta` block (rendered by
GitHub) or as a PNG drawn with matplotlib. Both are pure functions of the claims, so the same input
gives the same bytes: the PNG carries no software or date metadata.
"""
from __future__ import annotations

import io
import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from ..model import Claim

#: scopes whose figures form a running series over time; period counts would zig-zag meaninglessly
CHARTED_SCOPES = ("cumulative", "current")


@dataclass(frozen=True)
class Timeline:
    """The dated running figures of one series (event, metric, place, group, unit), oldest first."""

    event: str
    metric: str
    place: str
    group: str
    unit: str
    claims: tuple[Claim, ...]

    @property
    def title(self) -> str:
        return f"{self.metric} · {self.place} · {self.group} ({self.unit})"

    @property
    def slug(self) -> str:
        """A file name stem: ids are snake_case already, so joining them is safe and unique."""
        return "-".join((self.event, self.metric, self.place, self.group, self.unit)).replace("/", "-")


def series_key(claim: Claim) -> tuple[str, str, str, str, str]:
    return claim.event, claim.metric, claim.place, claim.group, claim.unit


def timelines(claims: tuple[Claim, ...] | list[Claim]) -> list[Timeline]:
    """Series with at least two dated, non-vague running figures (one point is no timeline), by key."""
    by_key: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        # a vague figure ("thousands") charted at its lower bound would draw a dip that is not there
        if claim.as_of and claim.scope in CHARTED_SCOPES and claim.qualifier != "vague":
            by_key[series_key(claim)].append(claim)
    return [Timeline(*key, tuple(sorted(items, key=attrgetter("as_of", "value", "path", "start"))))
            for key, items in sorted(by_key.items()) if len(items) >= 2]


def mermaid(timeline: Timeline) -> list[str]:
    """Lines of a fenced Mermaid `xychart-beta` block: one category per claim, labelled by date."""
    seen: dict[str, int] = defaultdict(int)
    labels = []
    for claim in timeline.claims:
        seen[claim.as_of] += 1
        # categories must be distinct: a second figure on the same day gets a counter
        labels.append(claim.as_of if seen[claim.as_of] == 1 else f"{claim.as_of} ({seen[claim.as_of]})")
    return ["```mermaid", "xychart-beta",
            f'    title "{timeline.title}"',
            "    x-axis [" + ", ".join(f'"{label}"' for label in labels) + "]",
            f'    y-axis "{timeline.unit}"',
            "    line [" + ", ".join(str(c.value) for c in timeline.claims) + "]",
            "```"]


def png(timeline: Timeline) -> bytes:
    """The timeline as a PNG: one marker style per source, bars for the interval a qualifier allows."""
    from matplotlib.figure import Figure  # noqa: PLC0415  (heavy; only for --charts png)
    from matplotlib.ticker import StrMethodFormatter  # noqa: PLC0415

    figure = Figure(figsize=(7, 3.5), dpi=100)
    axes = figure.subplots()
    days = [date.fromisoformat(c.as_of[:10]) for c in timeline.claims]
    axes.plot(days, [c.value for c in timeline.claims], color="0.75", linewidth=1, zorder=1)
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(timeline.claims):
        by_source[claim.source].append(i)
    for marker, (source, indexes) in zip(itertools.cycle("osD^v<>ph*"), sorted(by_source.items())):
        values = [timeline.claims[i].value for i in indexes]
        below = [v - (timeline.claims[i].lower if timeline.claims[i].lower is not None else v) for i, v in zip(indexes, values)]
        above = [(timeline.claims[i].upper if timeline.claims[i].upper is not None else v) - v for i, v in zip(indexes, values)]
        axes.errorbar([days[i] for i in indexes], values, yerr=[below, above], fmt=marker, capsize=3,
                      label=source, zorder=2)
    axes.set_title(timeline.title)
    axes.set_ylabel(timeline.unit)
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.legend(loc="best", fontsize="small")
    axes.grid(True, linewidth=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    out = io.BytesIO()
    # No "Software" entry: the bytes must not change with the matplotlib version stamp.
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
