"""A baseline: the findings a repository has accepted, so that only new ones fail CI.

`casualty-check baseline PATHS -o FILE` records the current findings, each with a `reason` an editor
fills in ("figure as published by the ministry that day"); `check --baseline FILE` then leaves those
out. A finding is matched by a fingerprint of what it is about — check, series, values and
documents — not by its position, so it survives edits that move lines around, and a changed figure
counts as a new finding. Reasons already written are kept when the baseline is recorded again.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable

from .model import Finding

FORMAT_VERSION = 1
_ENTRY_KEYS = ("fingerprint", "check", "metric", "place", "group", "values", "docs", "message", "reason")


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and the problem."""


def fingerprint(finding: Finding) -> str:
    """A stable id of what the finding is about (no line numbers, no claim offsets, no wording)."""
    key = [finding.check, finding.metric, finding.place, finding.group,
           sorted(finding.values), sorted(finding.docs)]
    return hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:16]


def load(path: str | Path) -> dict[str, dict]:
    """The baseline's entries keyed by fingerprint."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a baseline file (malformed JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a casualty-check baseline (expected an object with "
                            f"version {FORMAT_VERSION} and a 'findings' list)")
    entries: dict[str, dict] = {}
    for number, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: key findings.{number}: entry needs a 'fingerprint' string")
        if not isinstance(entry.get("reason", ""), str):
            raise BaselineError(f"{path}: key findings.{number}.reason: expected a string")
        entries[entry["fingerprint"]] = entry
    return entries


def render(findings: Iterable[Finding], previous: dict[str, dict] | None = None, reason: str = "") -> str:
    """The baseline file for `findings`; reasons recorded in `previous` are kept, `reason` fills the rest."""
    previous = previous or {}
    entries: dict[str, dict] = {}
    for f in findings:
        key = fingerprint(f)
        entries[key] = {"fingerprint": key, "check": f.check, "metric": f.metric, "place": f.place,
                        "group": f.group, "values": sorted(f.values), "docs": sorted(f.docs),
                        "message": f.message, "reason": previous.get(key, {}).get("reason") or reason}
    ordered = [{k: e[k] for k in _ENTRY_KEYS} for e in sorted(entries.values(), key=lambda e: (e["check"], e["fingerprint"]))]
    return json.dumps({"version": FORMAT_VERSION, "tool": "casualty-check", "findings": ordered},
                      indent=2, ensure_ascii=False) + "\n"


def split(findings: Iterable[Finding], baseline: dict[str, dict]) -> tuple[list[Finding], list[Finding]]:
    """(new findings, findings the baseline already records)."""
    new, known = [], []
    for f in findings:
        (known if fingerprint(f) in baseline else new).append(f)
    return new, known
