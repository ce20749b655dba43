"""What a renderer may know besides the findings: the run's claims and counts, and the tool's name."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Claim


@dataclass(frozen=True)
class ReportContext:
    documents: int = 0
    claims: tuple[Claim, ...] = field(default=())
    tool_version: str = ""
    #: folder the report is written to: links to documents are made relative to it
    base: str = "."
