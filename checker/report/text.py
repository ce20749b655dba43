"""`path:line:col: severity check: message`, one finding a line, like a compiler."""
from __future__ import annotations

from ..model import Finding
from .context import ReportContext


def render(findings: list[Finding], context: ReportContext) -> str:
    lines = []
    for f in findings:
        anchor = f.locations[0] if f.locations else None
        where = f"{anchor.path}:{anchor.line}:{anchor.column}" if anchor else "-"
        # one finding, one line: a stray line break would split it for grep and editors' error lists
        lines.append(f"{where}: {f.severity.value} {f.check}: {' '.join(f.message.split())}")
    # a draft checked against an archive: then one line per draft claim with its verdict
    lines += [f"{v.claim.path}:{v.claim.line}:{v.claim.column}: verdict {v.summary()}" for v in context.verdicts]
    return "".join(line + "\n" for line in lines)
