"""Running the stages for given paths and rules: documents → claims → series → findings.

The pipeline stamps each problem with its check id and configured severity, derives a stable
finding id from the check and its claims, and sorts findings by (path, line, column, check, id).
It prints nothing and knows no output format.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .corpus import read_documents
from .extract import claims_frame, extract
from .model import Claim, Finding, Location, Severity
from .rules import Rules

_SEVERITY_BELOW = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO, Severity.INFO: Severity.INFO}


@dataclass(frozen=True)
class Result:
    """What a run produced: how many documents were read, their claims, and the findings."""

    documents: int
    claims: list[Claim]
    findings: list[Finding]


def default_reference() -> Path:
    """The bundled reference series (a copy of the shared `series.csv`; see data/README.md)."""
    return Path(str(resources.files("checker.data"))) / "reference" / "series.csv"


def extract_claims(paths: Sequence[str | Path], rules: Rules, manifest: str | Path | None = None) -> tuple[int, list[Claim]]:
    """(number of documents, their claims in document then text order)."""
    documents, claims = 0, []
    for document in read_documents(paths, manifest):
        documents += 1
        claims.extend(extract(document, rules))
    return documents, claims


def finding_id(check: str, claim_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()[:10]
    return f"{check}-{digest}"


def check_claims(claims: list[Claim], rules: Rules, reference=None) -> list[Finding]:
    """Findings of every enabled check over `claims` (and the reference series, a DataFrame or None)."""
    from . import checks  # noqa: PLC0415  (pandas-heavy: only when checking)
    from .series import intervals, timeline  # noqa: PLC0415

    options = checks.configure(rules.checks)
    table = claims_frame(claims)
    context = checks.CheckContext(claims=intervals(table), series=timeline(table), reference=reference,
                                  directions=rules.directions)
    by_id = {c.claim_id: c for c in claims}
    findings: list[Finding] = []
    for check_id, module in checks.REGISTRY.items():
        opts = options[check_id]
        if not opts["enabled"]:
            continue
        configured = Severity(opts["severity"])
        for problem in module.run(context, opts):
            involved = [by_id[c] for c in problem.claim_ids]
            findings.append(Finding(
                finding_id=finding_id(check_id, problem.claim_ids),
                check=check_id,
                severity=_SEVERITY_BELOW[configured] if problem.minor else configured,
                metric=problem.metric, place=problem.place, group=problem.group,
                message=problem.message,
                claim_ids=problem.claim_ids,
                docs=tuple(dict.fromkeys(c.doc for c in involved)),
                values=problem.values, dates=problem.dates,
                locations=tuple(Location(c.claim_id, c.path, c.line, c.column) for c in involved),
                action=problem.action,
            ))
    return sort_findings(findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    def key(f: Finding):
        anchor = f.locations[0] if f.locations else Location("", "", 0, 0)
        return (anchor.path, anchor.line, anchor.column, f.check, f.finding_id)

    unique = {f.finding_id: f for f in findings}
    return sorted(unique.values(), key=key)


def run(paths: Sequence[str | Path], rules: Rules, manifest: str | Path | None = None,
        reference_path: str | Path | None = None) -> Result:
    """Read, extract and check; `reference_path` None means the bundled reference series."""
    from .series import load_reference  # noqa: PLC0415

    documents, claims = extract_claims(paths, rules, manifest)
    reference = load_reference(reference_path or default_reference())
    return Result(documents, claims, check_claims(claims, rules, reference))
