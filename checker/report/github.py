"""GitHub Actions workflow commands: one `::error file=...,line=...::` annotation per finding."""
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
            props = [f"file={_escape(anchor.path, True)}", f"line={anchor.line}", f"col={anchor.column}"] + props
        where = f"{anchor.path}:{anchor.line}:{anchor.column}: " if anchor else ""
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape(where + f.check + ': ' + f.message)}")
    return "".join(line + "\n" for line in lines)
