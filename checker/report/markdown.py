"""The Markdown discrepancy report an editor reads, on GitHub or in a pager.

A one-paragraph summary; the findings grouped by severity then series, each with its claims side by
side (where, figure, source, dates), the quoted sentences and a suggested action; a timeline per
series (table, Mermaid chart, and a PNG when the CLI drew one); an appendix with every claim. Every
claim links to its line. A pure function of the findings and the run's claims: no timestamps, no
absolute paths, so the same input gives the same bytes.
"""
from __future__ import annotations

import os
import posixpath
import re
from collections import Counter, defaultdict
from operator import attrgetter
from pathlib import PurePath
from urllib.parse import quote

from ..model import Claim, Finding, Severity
from .charts import mermaid, series_key, timelines
from .context import ReportContext

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}
_WORDS = {"more_than": "more than ", "at_least": "at least ", "nearly": "nearly ", "about": "about ",
          "up_to": "up to ", "less_than": "fewer than "}
# `_` inside a word never starts emphasis on GitHub, so snake_case ids and file names stay unescaped.
# (The look-behind sits after the `_`, so it runs only where there is one: scanning stays fast.)
_SPECIAL = re.compile(r"[\\`*\[\]<>|]|_(?:(?<!\w_)|(?!\w))")
_DEFAULT_ACTION = "Check each figure against its source before publication."
_WHEN_AND_WHERE = attrgetter("as_of", "path", "start")


def _text(text: str) -> str:
    """Inline text with Markdown's active characters escaped, on one line (safe in table cells)."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), str(text)).replace("\r", " ").replace("\n", " ")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class _Names(dict):
    """Escaped short texts that recur (documents, sources, outlets, series keys, quoted figures,
    actions) as `names[text]`, and each file's link target and label, worked out once per report: a
    report repeats them on row after row, and relpath is slow. A dict, so a text seen before costs
    one lookup in C rather than a method call."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self._files: dict[str, tuple[str, str, bool]] = {}
        self._folders: dict[str, str] = {}

    def __missing__(self, text: str) -> str:
        escaped = self[text] = _text(text)
        return escaped

    def file(self, path: str) -> tuple[str, str, bool]:
        """(link target, escaped path, whether the file holds many documents) of a file."""
        known = self._files.get(path)
        if known is None:
            # relpath once per folder: an archive may hold a file per document
            folder, name = os.path.split(path)
            if folder not in self._folders:
                self._folders[folder] = os.path.relpath(folder or os.curdir, self.base)
            relative = self._folders[folder]
            relative = name if relative == os.curdir else os.path.join(relative, name)
            # percent-encoded: a space or parenthesis in a file name would otherwise end the link
            target = quote(relative.replace(os.sep, "/"))
            # a .jsonl file holds many documents (lines count within the record)
            known = self._files[path] = (target, _text(path), path.lower().endswith(".jsonl"))
        return known

    def link(self, claim: Claim, label: str = "") -> str:
        """A link to the claim's line; `label` is Markdown (escaped already), by default `path:line`
        (for a .jsonl file, with the document's name)."""
        target, path, records = self.file(claim.path)
        if not label:
            # escaping each part alone gives the same text: the separators are not word characters
            label = f"{path} · {self[claim.doc]}:{claim.line}" if records else f"{path}:{claim.line}"
        return f"[{label}]({target}#L{claim.line})"


def _figure(claim: Claim) -> str:
    """The figure as the text bounds it: 'more than 67,174', '18,000–20,000' (also for 'thousands'), 'about 85%'.

    Words, digits and separators only: it needs no Markdown escaping."""
    if claim.qualifier in ("range", "vague") and claim.lower is not None and claim.upper is not None:
        return f"{claim.lower:,}–{claim.upper:,}"
    suffix = "%" if claim.unit == "percent" else ""
    return f"{_WORDS.get(claim.qualifier, '')}{claim.value:,}{suffix}"


def _sentence(claim: Claim) -> str:
    """The claim's sentence, escaped, with its own figure in bold."""
    at = claim.sentence.find(claim.quote) if claim.quote else -1
    if at < 0:
        return _text(claim.sentence)
    end = at + len(claim.quote)
    return f"{_text(claim.sentence[:at])}**{_text(claim.quote)}**{_text(claim.sentence[end:])}"


def _chronological(claims: list[Claim]) -> list[Claim]:
    # undated claims last: an empty as_of would otherwise sort first
    return (sorted([c for c in claims if c.as_of], key=_WHEN_AND_WHERE)
            + sorted([c for c in claims if not c.as_of], key=_WHEN_AND_WHERE))


def _summary(findings: list[Finding], context: ReportContext) -> str:
    counts = Counter(f.severity for f in findings)
    series = {series_key(c) for c in context.claims}
    parts = [_plural(counts[Severity.ERROR], "error"), _plural(counts[Severity.WARNING], "warning"),
             _plural(counts[Severity.INFO], "note")]
    verdict = ("Nothing to correct before publication." if not counts[Severity.ERROR] and not counts[Severity.WARNING]
               else "Review the findings below before publication.")
    text = (f"**{_plural(context.documents, 'document')}, {_plural(len(context.claims), 'claim')} in "
            f"{len(series)} series: {', '.join(parts)}.** {verdict}")
    undated = sum(1 for c in context.claims if not c.as_of)
    if undated:
        text += f" {_plural(undated, 'claim')} could not be dated and {'is' if undated == 1 else 'are'} left out of the time checks."
    if context.suppressed:
        text += f" {_plural(context.suppressed, 'finding')} silenced by `casualty-check: ignore` comments."
    if context.baselined:
        text += f" {_plural(context.baselined, 'finding')} already recorded in the baseline {'is' if context.baselined == 1 else 'are'} not shown."
    return text


def _finding(f: Finding, claims: dict[str, Claim], names: _Names) -> list[str]:
    involved = _chronological([claims[c] for c in f.claim_ids if c in claims])
    lines = [f"**{f.check}** ({f.severity.value}) · `{f.finding_id}`", "", _text(f.message), ""]
    if involved:
        links = [names.link(c) for c in involved]
        lines += ["| where | figure | source | as of | published | outlet |", "|---|---|---|---|---|---|"]
        lines += [f"| {link} | {_figure(c)} | {names[c.source]} | {c.as_of or 'undated'} | "
                  f"{c.published or '—'} | {names[c.outlet] or '—'} |" for link, c in zip(links, involved)]
        lines.append("")
        quotes = [f"> {link}: “{_sentence(c)}”" for link, c in zip(links, involved)]
        lines += [line for quote in quotes for line in (quote, ">")][:-1] + [""]
    lines += [f"*Suggested action:* {names[f.action or _DEFAULT_ACTION]}", ""]  # few distinct actions
    return lines


def _event_heading(event: str, context: ReportContext) -> str:
    name = context.event_names.get(event, event)
    return _text(name if name == event or not event else f"{name} ({event})") or "Event not known"


def _findings(findings: list[Finding], claims: dict[str, Claim], names: _Names, context: ReportContext) -> list[str]:
    out: list[str] = []
    for severity in _ORDER:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        out += [f"## {_HEADINGS[severity]} ({len(group)})", ""]
        by_series: dict[tuple[str, str, str, str], list[Finding]] = defaultdict(list)
        for f in group:
            by_series[(f.event, f.metric, f.place, f.group)].append(f)
        event = None
        for (this_event, metric, place, grp), items in sorted(by_series.items()):
            if this_event != event:
                event = this_event
                out += [f"### {_event_heading(event, context)}", ""]
            out += [f"#### {_text(metric)} · {_text(place)} · {_text(grp)}", ""]
            for f in items:
                out += _finding(f, claims, names)
    return out


def _timelines(context: ReportContext, names: _Names) -> list[str]:
    charted = {(t.event, t.metric, t.place, t.group, t.unit): t for t in timelines(context.claims)}
    series: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in context.claims:
        series[series_key(claim)].append(claim)
    out = ["## Timelines", "",
           "Every figure per series, oldest first; running totals and current counts are charted.", ""]
    event = None
    for key, items in sorted(series.items()):
        this_event, metric, place, grp, unit = key
        if this_event != event:
            event = this_event
            out += [f"### {_event_heading(event, context)}", ""]
        out += [f"#### {_text(metric)} · {_text(place)} · {_text(grp)} ({_text(unit)})", "",
                "| as of | figure | scope | source | published | where |", "|---|---|---|---|---|---|"]
        out += [f"| {c.as_of or 'undated'} | {_figure(c)} | {c.scope} | {names[c.source]} | "
                f"{c.published or '—'} | {names.link(c)} |" for c in _chronological(items)]
        out.append("")
        timeline = charted.get(key)
        if timeline is not None:
            out += mermaid(timeline) + [""]
            if context.charts:
                out += [f"![{_text(timeline.title)}]({posixpath.join(context.charts, timeline.slug)}.png)", ""]
    return out


def _appendix(context: ReportContext, names: _Names) -> list[str]:
    out = ["## Appendix: every claim", ""]
    by_doc: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in context.claims:
        by_doc[(claim.path, claim.doc)].append(claim)
    for (path, doc), items in by_doc.items():
        first = items[0]
        about = " · ".join(x for x in (names[first.outlet], f"published {first.published}" if first.published else "") if x)
        # a .jsonl file holds several documents: name the record too
        escaped = names.file(path)[1]
        heading = escaped if PurePath(path).stem == doc else f"{escaped} · {names[doc]}"
        out += [f"### {heading}", ""] + ([about, ""] if about else [])
        out += ["| line | quote | metric · place · group | figure | scope | as of | source |",
                "|---|---|---|---|---|---|---|"]
        out += [f"| {names.link(c, str(c.line))} | {names[c.quote]} | {names[c.metric]} · {names[c.place]} · "
                f"{names[c.group]} | {_figure(c)} | {c.scope} | {c.as_of or 'undated'} | {names[c.source]} |"
                for c in sorted(items, key=lambda c: c.start)]
        out.append("")
    return out


def _verdicts(context: ReportContext, names: _Names) -> list[str]:
    """For a draft checked against an archive: each draft claim with its verdict and evidence."""
    if not context.verdicts:
        return []
    out = ["## Claim by claim", "", "| where | figure | metric · place · group | as of | source | verdict | evidence |",
           "|---|---|---|---|---|---|---|"]
    out += [f"| {names.link(c)} | {_figure(c)} | {names[c.metric]} · {names[c.place]} · {names[c.group]} | "
            f"{c.as_of or 'undated'} | {names[c.source]} | **{v.verdict}** | {_text(v.explanation())} |"
            for v in context.verdicts for c in (v.claim,)]
    return out + [""]


def render(findings: list[Finding], context: ReportContext) -> str:
    claims = {c.claim_id: c for c in context.claims}
    sections = [f"[{_HEADINGS[s]}](#{_HEADINGS[s].lower()}-{n})" for s in _ORDER
                if (n := sum(1 for f in findings if f.severity is s))]
    if context.claims:
        sections += ["[Timelines](#timelines)", "[Appendix: every claim](#appendix-every-claim)"]
    if context.verdicts:
        sections.insert(0, "[Claim by claim](#claim-by-claim)")
    out = ["# casualty-check report", "", _summary(findings, context), ""]
    out += ["Contents: " + " · ".join(sections), ""] if sections else []
    names = _Names(context.base)
    out += _verdicts(context, names)
    out += _findings(findings, claims, names, context)
    if context.claims:
        out += _timelines(context, names)
        out += _appendix(context, names)
    # One line break at the end. Trailing blank lines are dropped before joining: stripping the
    # joined text would copy a report that can run to hundreds of megabytes.
    while not out[-1].rstrip("\n"):
        out.pop()
    out[-1] = out[-1].rstrip("\n")
    return "\n".join(out) + "\n"
