"""The findings as CSV, SPEC 4 columns; list fields are joined with `;`."""
from __future__ import annotations

import csv
import io

from ..model import FINDING_COLUMNS, Finding
from .context import ReportContext
from .json_format import record


def render(findings: list[Finding], context: ReportContext) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # a draft checked against an archive adds a `verdict` column and one `verdict` row per draft claim
    extra = ["verdict"] if context.verdicts else []
    writer.writerow([*FINDING_COLUMNS, "path", "line", "column", "action", *extra])
    for f in findings:
        data = record(f)
        anchor = f.locations[0] if f.locations else None
        writer.writerow([";".join(map(str, v)) if isinstance(v, list) else v for v in (data[c] for c in FINDING_COLUMNS)]
                        + [anchor.path if anchor else "", anchor.line if anchor else "",
                           anchor.column if anchor else "", f.action] + [""] * len(extra))
    for v in context.verdicts:
        c = v.claim
        writer.writerow([f"verdict-{c.claim_id}", "verdict", "", c.metric, c.place, c.group, c.event, v.explanation(),
                         c.claim_id, c.doc, c.value, c.as_of, c.path, c.line, c.column, "", v.verdict])
    return out.getvalue()
