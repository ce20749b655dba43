"""The Markdown discrepancy report an editor reads: summary, findings with their sentences, and a
table of claims per series. Pure function of the findings and the run's claims; no timestamps.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict

from ..model import Claim, Finding, Severity
from .context import ReportContext

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _link(claim: Claim, base: str) -> str:
    target = os.path.relpath(claim.path, base).replace(os.sep, "/")
    return f"[{claim.path}:{claim.line}]({target}#L{claim.line})"


def _bounds(claim: Claim) -> str:
    words = {"more_than": "more than ", "at_least": "at least ", "nearly": "nearly ", "about": "about ",
             "up_to": "up to ", "less_than": "fewer than ", "vague": "vague: "}
    if claim.qualifier == "range":
        return f"{claim.lower:,}–{claim.upper:,}"
    suffix = "%" if claim.unit == "percent" else ""
    return f"{words.get(claim.qualifier, '')}{claim.value:,}{suffix}"


def _summary(findings: list[Finding], context: ReportContext) -> str:
    counts = Counter(f.severity for f in findings)
    series = {(c.metric, c.place, c.group, c.unit) for c in context.claims}
    parts = [f"{counts[s]} {_HEADINGS[s].lower() if counts[s] != 1 else _HEADINGS[s].lower()[:-1]}" for s in _ORDER]
    verdict = ("Nothing to correct before publication." if not counts[Severity.ERROR] and not counts[Severity.WARNING]
               else "Review the findings below before publication.")
    return (f"**{context.documents} documents, {len(context.claims)} claims in {len(series)} series: "
            f"{', '.join(parts)}.** {verdict}")


def _finding(f: Finding, claims: dict[str, Claim], base: str) -> list[str]:
    lines = [f"- **{f.check}** ({f.severity.value}): {f.message}"]
    if f.action:
        lines.append(f"  - *Action:* {f.action}")
    for claim_id in f.claim_ids:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        lines.append(f"  - {_link(claim, base)} · {claim.source} · {claim.as_of or 'undated'} · "
                     f"**{_bounds(claim)}**: “{_cell(claim.sentence)}”")
    return lines


def render(findings: list[Finding], context: ReportContext) -> str:
    claims = {c.claim_id: c for c in context.claims}
    out = ["# casualty-check report", "", _summary(findings, context), ""]
    for severity in _ORDER:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        out += [f"## {_HEADINGS[severity]} ({len(group)})", ""]
        by_series: dict[tuple, list[Finding]] = defaultdict(list)
        for f in group:
            by_series[(f.metric, f.place, f.group)].append(f)
        for (metric, place, grp), items in sorted(by_series.items()):
            out += [f"### {metric} · {place} · {grp}", ""]
            for f in items:
                out += _finding(f, claims, context.base)
            out.append("")
    out += ["## Claims by series", ""]
    series: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        series[(claim.metric, claim.place, claim.group, claim.unit)].append(claim)
    for (metric, place, grp, unit), items in sorted(series.items()):
        out += [f"### {metric} · {place} · {grp} ({unit})", "",
                "| as of | figure | scope | source | where |", "|---|---|---|---|---|"]
        for claim in sorted(items, key=lambda c: (c.as_of, c.path, c.start)):
            out.append(f"| {claim.as_of or 'undated'} | {_bounds(claim)} | {claim.scope} | {claim.source} | "
                       f"{_link(claim, context.base)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
