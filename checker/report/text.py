"""`path:line:col: severity check: message`, one finding a line, like a compiler."""
from __future__ import annotations

from ..model import Finding
from .context import ReportContext


def render(findings: list[Finding], context: ReportContext) -> str:
    lines = []
    for f in findings:
        anchor = f.locations[0] if f.locations else None
        where = f"{anchor.path}:{anchor.line}:{anchor.column}" if anchor else "-"
        lines.append(f"{where}: {f.severity.value} {f.check}: {f.message}")
    return "".join(line + "\n" for line in lines)
