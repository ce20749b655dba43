"""GitHub Actions workflow commands: one `::error file=...,line=...,col=...,title=...::message`
annotation per finding (`info` becomes `notice`), shown on the pull request's changed lines.
"""
from __future__ import annotations

from ..model import Finding, Severity
from .context import ReportContext

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(findings: list[Finding], context: ReportContext) -> str:
    lines = []
    for f in findings:
        anchor = f.locations[0] if f.locations else None
        props = [f"title={_escape(f'casualty-check ({f.check})', True)}"]
        if anchor:
            place = [f"file={_escape(anchor.path, True)}", f"line={anchor.line}", f"col={anchor.column}"]
            end = context.end_column(anchor)
            props = place + ([f"endColumn={end}"] if end is not None else []) + props
        where = f"{anchor.path}:{anchor.line}:{anchor.column}: " if anchor else ""
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape(where + f.check + ': ' + f.message)}")
    for v in context.verdicts:  # a draft checked against an archive: a notice per draft claim
        c = v.claim
        props = [f"file={_escape(c.path, True)}", f"line={c.line}", f"col={c.column}",
                 f"title={_escape('casualty-check (verdict)', True)}"]
        lines.append(f"::notice {','.join(props)}::{_escape(f'{c.path}:{c.line}:{c.column}: verdict {v.summary()}')}")
    return "".join(line + "\n" for line in lines)
