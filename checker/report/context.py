"""What a renderer may know besides the findings: the run's claims and counts, and the tool's name."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model import Claim, Location


@dataclass(frozen=True)
class ReportContext:
    documents: int = 0
    claims: tuple[Claim, ...] = field(default=())
    tool_version: str = ""
    #: folder the report is written to: links to documents are made relative to it
    base: str = "."
    #: folder (relative to `base`) holding one PNG chart per series; empty when none were drawn
    charts: str = ""
    #: findings left out because the text asked (`<!-- casualty-check: ignore -->`) or the baseline knows them
    suppressed: int = 0
    baselined: int = 0
    #: for a draft checked against an archive, a `checker.verdicts.Verdict` per draft claim
    verdicts: tuple = ()
    #: the events the claims count for (`checker.events.Event`)
    events: tuple = ()

    @cached_property
    def event_names(self) -> dict[str, str]:
        """Event id -> its readable name (the id itself for an event not listed)."""
        return {e.event: e.name for e in self.events}

    @cached_property
    def by_id(self) -> dict[str, Claim]:
        return {c.claim_id: c for c in self.claims}

    def end_column(self, location: Location) -> int | None:
        """The column just after the located claim's figure, when the claim is known and on one line."""
        claim = self.by_id.get(location.claim_id)
        if claim is None or "\n" in claim.quote:
            return None
        return location.column + (claim.end - claim.start)
