"""The findings as a JSON array (SPEC 4 fields, then locations and the suggested action)."""
from __future__ import annotations

import json
from dataclasses import asdict

from ..model import FINDING_COLUMNS, Finding
from .context import ReportContext


def record(f: Finding) -> dict:
    """A finding as plain data, SPEC 4 fields first, in a fixed order."""
    data = {name: getattr(f, name) for name in FINDING_COLUMNS}
    data["severity"] = f.severity.value
    for name in ("claim_ids", "docs", "values", "dates"):
        data[name] = list(data[name])
    data["locations"] = [asdict(loc) for loc in f.locations]
    data["action"] = f.action
    return data


def render(findings: list[Finding], context: ReportContext) -> str:
    """The findings array; for a draft checked against an archive, {"findings": [...], "verdicts": [...]}."""
    data: list | dict = [record(f) for f in findings]
    if context.verdicts:
        from ..verdicts import record as verdict  # noqa: PLC0415

        data = {"findings": data, "verdicts": [verdict(v) for v in context.verdicts]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
