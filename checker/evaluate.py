"""Scoring a claim table against gold annotations (SPEC 6), and findings against expected
findings, so a user can measure extraction and the checks on their own annotated articles.

A predicted claim matches a gold row when `doc` and `value` are equal and the claim's span lies
inside an occurrence of the row's `quote` in the document. Rows with `optional=1` are neither
required nor false positives. Precision counts only claims of documents that have gold rows (other
documents are not annotated). Strict figures also require the metric to be right. Field accuracy
is taken over matched claims; `source` only over rows whose gold source is an id SPEC 3.5 fixes,
the others are scored as `attributed` (attributed or not, whatever the id).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .model import Claim, Finding, Severity

GOLD_COLUMNS = ("doc", "quote", "metric", "place", "group", "value", "lower", "upper", "qualifier",
                "unit", "scope", "as_of", "source", "optional", "notes")
REQUIRED_COLUMNS = ("doc", "quote", "value")
FIELDS = ("metric", "qualifier", "scope", "source", "place", "group", "unit", "as_of")
#: Source ids SPEC 3.5 fixes; other ids are the annotator's snake_case and scored as attributed or not.
CORE_SOURCES = frozenset({"gaza_health_ministry", "israeli_officials", "afp_tally", "unrwa", "ocha", "who",
                          "un", "ohchr", "afad", "white_helmets", "unattributed"})


class GoldError(Exception):
    """A gold file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class GoldRow:
    line: int
    doc: str
    quote: str
    value: int
    optional: bool
    fields: Mapping[str, str]


@dataclass
class Scores:
    """The figures score.py prints, and what lies behind them."""

    predictions: int = 0
    required: int = 0
    matched: list[tuple[Claim, GoldRow]] = field(default_factory=list)
    false_positives: list[Claim] = field(default_factory=list)
    missed: list[GoldRow] = field(default_factory=list)

    @property
    def true_positives(self) -> int:
        return len(self.matched)

    def _prf(self, hits: int) -> tuple[float, float, float]:
        predicted = self.true_positives + len(self.false_positives)
        precision = hits / predicted if predicted else 0.0
        recall = hits / self.required if self.required else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of value matches."""
        return self._prf(self.true_positives)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of matches whose metric is also right."""
        return self._prf(sum(1 for claim, gold in self.matched if claim.metric == gold.fields["metric"]))

    def field_accuracy(self) -> dict[str, float]:
        accuracy = {}
        for name in FIELDS:
            pool = [(c, g) for c, g in self.matched
                    if name != "source" or g.fields.get("source", "") in CORE_SOURCES]
            right = sum(1 for c, g in pool if _same(getattr(c, name), g.fields.get(name, "")))
            accuracy[name] = right / len(pool) if pool else 0.0
        attributed = sum(1 for c, g in self.matched
                         if (c.source == "unattributed") == (g.fields.get("source", "") in ("", "unattributed")))
        accuracy["attributed"] = attributed / len(self.matched) if self.matched else 0.0
        return accuracy

    def field_errors(self) -> Iterable[tuple[Claim, GoldRow, list[str]]]:
        for claim, gold in self.matched:
            wrong = [f"{name}={getattr(claim, name)!r}≠{gold.fields.get(name, '')!r}" for name in FIELDS
                     if not _same(getattr(claim, name), gold.fields.get(name, ""))]
            if wrong:
                yield claim, gold, wrong

    def missed_by_metric(self) -> list[tuple[str, list[GoldRow]]]:
        """The gold rows missed, grouped by their metric, the most missed metric first."""
        groups: dict[str, list[GoldRow]] = {}
        for row in self.missed:
            groups.setdefault(row.fields.get("metric", "") or "(no metric)", []).append(row)
        return sorted(groups.items(), key=lambda group: (-len(group[1]), group[0]))

    def misses(self, examples: int = 3) -> list[str]:
        """The misses per metric, with the first few quotes of each: where the next gap is."""
        groups = self.missed_by_metric()
        lines = ["missed by metric: " + (", ".join(f"{metric}={len(rows)}" for metric, rows in groups) or "none")]
        for metric, rows in groups:
            quotes = "; ".join(f"{row.doc}: {row.quote!r}" for row in rows[:examples])
            lines.append(f"  {metric} ({len(rows)}): {quotes}" + (" ..." if len(rows) > examples else ""))
        return lines

    def summary(self) -> list[str]:
        """The closing lines, in score.py's wording."""
        precision, recall, f1 = self.prf
        strict_p, strict_r, strict_f1 = self.strict_prf
        return [
            "field accuracy: " + ", ".join(f"{k}={v:.2f}" for k, v in self.field_accuracy().items()),
            f"tp={self.true_positives} fp={len(self.false_positives)} missed={len(self.missed)} "
            f"precision={precision:.3f} recall={recall:.3f} f1={f1:.3f}",
            f"strict_f1={strict_f1:.3f} recall={strict_r:.3f} precision={strict_p:.3f}",
        ]


def _same(predicted: object, gold: str) -> bool:
    return str("" if predicted is None else predicted).strip().lower() == gold.strip().lower()


def _integer(text: str) -> int | None:
    try:
        return int(round(float(text.replace(",", ""))))
    except ValueError:
        return None


def read_gold(path: str | Path) -> list[GoldRow]:
    """The rows of a gold CSV (SPEC 6); GoldError names the file, line and problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise GoldError(f"{path}: not a gold file: missing column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                line = reader.line_num
                value = _integer(row.get("value") or "")
                if value is None:
                    raise GoldError(f"{path}:{line}: value {row.get('value')!r} is not a number")
                if not row.get("quote"):
                    raise GoldError(f"{path}:{line}: empty quote")
                rows.append(GoldRow(line, row["doc"], row["quote"], value, (row.get("optional") or "").strip() == "1",
                                    {k: (v or "") for k, v in row.items() if k in GOLD_COLUMNS}))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise GoldError(f"{path}: malformed CSV ({exc})") from None
    return rows


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(quote)
    while i >= 0:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return spans


def score(claims: Iterable[Claim], gold: list[GoldRow], texts: Mapping[str, str]) -> Scores:
    """Match `claims` to `gold` rows; `texts` maps doc ids to document text (to find the quotes)."""
    spans = [(row, start, end) for row in gold for start, end in _occurrences(texts.get(row.doc, ""), row.quote)]
    annotated = {row.doc for row in gold}
    result = Scores(required=sum(1 for row in gold if not row.optional))
    used: set[int] = set()
    for claim in claims:
        result.predictions += 1
        hit = next((row for row, start, end in spans
                    if row.doc == claim.doc and row.value == claim.value and start <= claim.start and claim.end <= end
                    and (row.optional or id(row) not in used)), None)
        if hit is None:
            if claim.doc in annotated:
                result.false_positives.append(claim)
        elif not hit.optional:
            used.add(id(hit))
            result.matched.append((claim, hit))
    result.missed = [row for row in gold if not row.optional and id(row) not in used]
    return result


def unfound_quotes(gold: list[GoldRow], texts: Mapping[str, str]) -> list[GoldRow]:
    """Gold rows whose quote does not occur in their document (or whose document was not read)."""
    return [row for row in gold if row.quote not in texts.get(row.doc, "")]


# --- Findings against expected findings (what `../shared/tools/findings.py` scores) -------------

EXPECTED_COLUMNS = ("kind", "metric", "group", "must_contain_values", "present", "note")
_FIGURE = re.compile(r"\d[\d,]*")


@dataclass(frozen=True, slots=True)
class Expected:
    """A row of expected_findings.csv: a finding an editor must get (`present` 1), may get (2), or
    must not get as a warning or error (0, a trap)."""

    line: int
    kind: str
    metric: str
    group: str
    values: tuple[str, ...]
    present: str
    note: str


@dataclass
class FindingScores:
    """Expected findings reported, traps reported loud, and loud findings nobody expected."""

    found: list[Expected] = field(default_factory=list)
    not_reported: list[Expected] = field(default_factory=list)
    false_alarms: list[tuple[Expected, Finding]] = field(default_factory=list)
    unexplained: list[Finding] = field(default_factory=list)
    loud: int = 0

    def summary(self) -> list[str]:
        need = len(self.found) + len(self.not_reported)
        return [f"warnings_and_errors={self.loud}",
                f"expected_found={len(self.found)}/{need} false_alarms={len(self.false_alarms)} "
                f"unexplained={len(self.unexplained)}"]


def _figure(value: object) -> str:
    text = str(value).replace(",", "").strip()
    if re.fullmatch(r"\d+\.\d+", text):
        return str(int(round(float(text))))
    return re.sub(r"[^0-9]", "", text)


def read_expected(path: str | Path) -> list[Expected]:
    """The rows of an expected-findings CSV; GoldError names the file, line and problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in ("metric", "must_contain_values", "present") if c not in (reader.fieldnames or [])]
            if missing:
                raise GoldError(f"{path}: expected findings lack column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                if row["present"] not in ("0", "1", "2"):
                    raise GoldError(f"{path}:{reader.line_num}: present must be 0, 1 or 2, not {row['present']!r}")
                rows.append(Expected(reader.line_num, row.get("kind") or "", row["metric"] or "", row.get("group") or "",
                                     tuple(v for v in row["must_contain_values"].split(";") if v),
                                     row["present"], row.get("note") or ""))
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GoldError(f"{path}: cannot read expected findings ({exc})") from None


def _matches(finding: Finding, expected: Expected) -> bool:
    """The same rule as findings.py: metric (and group, when given) agree, and every expected
    figure is among the finding's values or in its message."""
    if expected.metric and finding.metric != expected.metric:
        return False
    if expected.group and finding.group not in (expected.group, ""):
        return False
    figures = {_figure(v) for v in finding.values} | {_figure(w) for w in _FIGURE.findall(finding.message)}
    return all(_figure(v) in figures for v in expected.values)


def score_findings(findings: Iterable[Finding], expected: list[Expected]) -> FindingScores:
    """Findings scored against `expected`: found counts any severity; false alarms and unexplained
    findings count warnings and errors only, which is what an editor or a CI job acts on."""
    findings = list(findings)
    loud = [f for f in findings if f.severity.rank >= Severity.WARNING.rank]
    scores = FindingScores(loud=len(loud))
    for e in expected:
        if e.present == "1":
            (scores.found if any(_matches(f, e) for f in findings) else scores.not_reported).append(e)
        elif e.present == "0":
            hit = next((f for f in loud if _matches(f, e)), None)
            if hit is not None:
                scores.false_alarms.append((e, hit))
    known = [e for e in expected if e.present in ("1", "2")]
    scores.unexplained = [f for f in loud if not any(_matches(f, e) for e in known)]
    return scores
