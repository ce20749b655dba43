"""Helpers for the check tests: small inline claim tables, the way yamllint's tests lint inline YAML.

A table is written as text, one claim a line, columns named in a header and separated by `|`:

    doc | quote           | metric | place  | as_of      | source
    a   | more than 1,200 | killed | israel | 2023-10-12 | israeli_officials

`quote` is read with the public `parse_number`, which gives value, bounds, qualifier and unit, so
the tables say what a reporter writes. Columns left out take defaults: group `all`, scope
`cumulative`, source `unattributed`, event `war`, estimate `false`, one sentence per line, line
numbers counting per document.
"""
from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd

from checker import checks, parse_number
from checker.extract import claims_frame, extract
from checker.model import CLAIM_COLUMNS, Claim, Document, line_starts_of
from checker.pipeline import check_claims
from checker.rules import load_rules
from checker.series import intervals, timeline


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def claim_list(table: str) -> list[Claim]:
    """The claims an inline table describes."""
    lines = [line for line in table.strip().splitlines() if line.strip()]
    header = _cells(lines[0])
    claims, lines_in_doc = [], {}
    for i, line in enumerate(lines[1:]):
        row = dict(zip(header, _cells(line)))
        number = parse_number(row["quote"])
        assert number is not None, f"not a number: {row['quote']!r}"
        doc = row.get("doc", "doc")
        lines_in_doc[doc] = lines_in_doc.get(doc, 0) + 1
        as_of = row.get("as_of", "")
        values = {
            "claim_id": f"{doc}:{i * 100}", "doc": doc, "path": f"{doc}.txt", "line": lines_in_doc[doc],
            "column": 1, "start": i * 100, "end": i * 100 + len(row["quote"]), "quote": row["quote"],
            "sentence": row.get("sentence", f"sentence {i}"), "metric": row.get("metric", "killed"),
            "place": row.get("place", "gaza"), "group": row.get("group", "all"), "value": int(number.value),
            "lower": None if number.lower is None else int(round(number.lower)),
            "upper": None if number.upper is None else int(round(number.upper)),
            "qualifier": number.qualifier.value, "unit": number.unit.value,
            "scope": row.get("scope", "cumulative"), "period_start": row.get("period_start", ""),
            "as_of": as_of, "published": as_of, "outlet": "", "source": row.get("source", "unattributed"),
            "confidence": 0.9, "event": row.get("event", "war"), "estimate": row.get("estimate", "") == "true",
        }
        claims.append(Claim(**{c: values[c] for c in CLAIM_COLUMNS}))
    return claims


def reference_frame(table: str) -> pd.DataFrame:
    """A reference series (SPEC 4b) from an inline table `date | metric | place | group | value | source`."""
    lines = [line for line in table.strip().splitlines() if line.strip()]
    header = _cells(lines[0])
    frame = pd.DataFrame([dict(zip(header, _cells(line))) for line in lines[1:]])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["value"] = frame["value"].astype(int)
    frame["unit"] = "persons"
    if "event" not in frame.columns:
        frame["event"] = ""
    return frame


def problems(check_id: str, table: str | list[Claim], reference: pd.DataFrame | None = None, **options):
    """What one check reports on a table, with `options` over its defaults."""
    rules = load_rules()
    configured = checks.configure({check_id: options})[check_id]
    claims = claim_list(table) if isinstance(table, str) else table
    frame = intervals(claims_frame(claims))
    context = checks.CheckContext(claims=frame, series=timeline(frame), reference=reference,
                                  directions=rules.directions)
    return list(checks.REGISTRY[check_id].run(context, configured))


def findings(check_id: str, table: str | list[Claim], reference: pd.DataFrame | None = None, **options):
    """The findings of one check through the pipeline, so severities are stamped as configured."""
    rules = load_rules()
    rules = dataclasses.replace(rules, checks={**rules.checks, check_id: {**rules.checks.get(check_id, {}), **options}})
    claims = claim_list(table) if isinstance(table, str) else table
    return [f for f in check_claims(claims, rules, reference) if f.check == check_id]


def text_claims(*documents: tuple[str, str | None]) -> list[Claim]:
    """The claims extracted from real text: (text, published date or None) per document."""
    rules = load_rules()
    claims: list[Claim] = []
    for i, (text, published) in enumerate(documents):
        document = Document(doc=f"article_{i}", path=f"article_{i}.txt", text=text,
                            published=date.fromisoformat(published) if published else None,
                            line_starts=line_starts_of(text))
        claims.extend(extract(document, rules))
    return claims
