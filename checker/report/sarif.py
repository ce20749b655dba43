"""SARIF 2.1.0, for GitHub code scanning: one result per finding, located on its claims' lines.

Columns count Unicode code points (Python string offsets), which the run declares in `columnKind`;
the region spans the claim's figure when the run's claims are known. No timestamps or absolute
paths, so the log is byte-identical across runs.
"""
from __future__ import annotations

from urllib.parse import quote

from .. import checks
from ..model import Finding, Location, Severity
from .context import ReportContext
from .json_format import dumps

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_VERDICT_LEVEL = {"contradicts": "warning", "stale": "warning", "unattributed": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(loc: Location, context: ReportContext) -> dict:
    region: dict = {"startLine": loc.line, "startColumn": loc.column}
    end = context.end_column(loc)
    if end is not None:
        region["endColumn"] = end
        region["snippet"] = {"text": context.by_id[loc.claim_id].quote}
    # a URI reference: spaces and the like in file names are percent-encoded
    return {"physicalLocation": {"artifactLocation": {"uri": quote(loc.path.replace("\\", "/"))}, "region": region}}


def _rules() -> list[dict]:
    rules = []
    for check_id, module in checks.REGISTRY.items():
        doc = (module.__doc__ or check_id).strip()
        rules.append({"id": check_id, "name": check_id,
                      "shortDescription": {"text": doc.splitlines()[0]},
                      "fullDescription": {"text": doc},
                      "defaultConfiguration": {"level": _LEVEL[Severity(module.DEFAULTS.get("severity", "warning"))]}})
    return rules


def _result(f: Finding, index: dict[str, int], context: ReportContext) -> dict:
    result = {
        "ruleId": f.check, "ruleIndex": index[f.check], "level": _LEVEL[f.severity],
        "message": {"text": f.message + (f" {f.action}" if f.action else "")},
        "partialFingerprints": {"casualtyCheck/v1": f.finding_id},
    }
    if f.locations:
        result["locations"] = [_location(f.locations[0], context)]
        if len(f.locations) > 1:
            result["relatedLocations"] = [{"id": i, **_location(loc, context)}
                                          for i, loc in enumerate(f.locations[1:], start=1)]
    return result


def _verdict_result(v, rule_index: int, context: ReportContext) -> dict:
    return {"ruleId": "verdict", "ruleIndex": rule_index, "level": _VERDICT_LEVEL.get(v.verdict, "none"),
            "message": {"text": v.summary()},
            "partialFingerprints": {"casualtyCheck/v1": f"verdict-{v.claim.claim_id}"},
            "locations": [_location(Location(v.claim.claim_id, v.claim.path, v.claim.line, v.claim.column), context)]}


def render(findings: list[Finding], context: ReportContext) -> str:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_result(f, index, context) for f in findings]
    if context.verdicts:  # a draft checked against an archive: a result per draft claim
        rules.append({"id": "verdict", "name": "verdict",
                      "shortDescription": {"text": "The verdict on a draft's claim checked against the archive."},
                      "fullDescription": {"text": "consistent, stale, contradicts, unattributed or unverifiable, "
                                                  "with its evidence."}})
        verdict_index = len(rules) - 1
        results += [_verdict_result(v, verdict_index, context) for v in context.verdicts]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "casualty-check", "version": context.tool_version or "0",
                            "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    return dumps(log) + "\n"
