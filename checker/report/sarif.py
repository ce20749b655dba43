"""SARIF 2.1.0, for GitHub code scanning: one result per finding, located on its claims' lines."""
from __future__ import annotations

import json

from .. import checks
from ..model import Finding, Severity
from .context import ReportContext

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(loc) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": loc.path.replace("\\", "/")},
                                 "region": {"startLine": loc.line, "startColumn": loc.column}}}


def render(findings: list[Finding], context: ReportContext) -> str:
    rules = [{"id": check_id,
              "name": check_id,
              "shortDescription": {"text": (module.__doc__ or check_id).strip().splitlines()[0]},
              "fullDescription": {"text": (module.__doc__ or check_id).strip()}}
             for check_id, module in checks.REGISTRY.items()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        result = {
            "ruleId": f.check, "ruleIndex": index[f.check], "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" {f.action}" if f.action else "")},
            "partialFingerprints": {"casualtyCheck/v1": f.finding_id},
        }
        if f.locations:
            result["locations"] = [_location(f.locations[0])]
            if len(f.locations) > 1:
                result["relatedLocations"] = [{"id": i, **_location(loc)} for i, loc in enumerate(f.locations[1:], start=1)]
        results.append(result)
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "casualty-check", "version": context.tool_version or "0",
                            "rules": rules}},
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
