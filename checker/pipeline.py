"""Running the stages for given paths and rules: documents → claims → events → series → findings.

The pipeline stamps each problem with its check id and configured severity, derives a stable
finding id from the check and its claims, and sorts findings by (path, line, column, check, id).
It prints nothing and knows no output format. `run` also drops the findings a document silences
(`<!-- casualty-check: ignore -->`, see suppress.py) and, for `--changed-only`, those that involve
no changed document; every document still serves as context for the checks.
"""
from __future__ import annotations

import gc
import hashlib
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, NamedTuple, Sequence

from .cache import CacheError, open_cache
from .corpus import DocumentPart, InputError, Problems, placed, read_documents
from .events import DocumentProfile, Event, assign, profile
from .extract import claims_frame, extract
from .model import Claim, Document, Finding, Location, Severity
from .numbers import MATCH_TIMEOUT
from .parallel import Engine, EngineError, extract_documents
from .rules import Rules
from .suppress import Suppression, SuppressionError, suppressions

_SEVERITY_BELOW = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO, Severity.INFO: Severity.INFO}


@dataclass(frozen=True)
class Result:
    """What a run produced: how many documents were read, their claims, and the findings."""

    documents: int
    claims: list[Claim]
    findings: list[Finding]
    events: list[Event] = field(default_factory=list, kw_only=True)
    #: findings dropped because the text asked for it (`<!-- casualty-check: ignore -->`)
    suppressed: int = field(default=0, kw_only=True)


def default_reference() -> Path:
    """The bundled reference series (a copy of the shared `series.csv`; see data/README.md)."""
    return Path(str(resources.files("checker.data"))) / "reference" / "series.csv"


class Extraction(NamedTuple):
    """What reading and extracting found: how many documents, their claims in document then text
    order (each with its event), and the events."""

    documents: int
    claims: list[Claim]
    events: list[Event]


def extract_claims(paths: Sequence[str | Path], rules: Rules, manifest: str | Path | None = None,
                   on_document: Callable[[Document], None] | None = None, *, engine: Engine = Engine(),
                   cache_dir: str | Path | None = None, problems: Problems | None = None) -> Extraction:
    """The documents' claims, grouped into events; `on_document` sees each document.

    `engine` says where extraction runs (see parallel.py); `cache_dir` holds the claims cache (None: no cache).
    `problems` collects what cannot be read or extracted, one line per file or document, and the run
    goes on without it (None: the first such problem raises InputError).
    """
    problems = problems if problems is not None else Problems(keep_going=False)
    documents, finished = 0, False
    unfinished: deque[Document] = deque()  # read, their claims not back yet
    profiles: list[DocumentProfile] = []

    def read() -> Iterable[Document]:
        nonlocal documents, finished
        for document in read_documents(paths, manifest, problems):
            documents += getattr(document, "offset", 0) == 0  # a streamed file counts once
            profiles.append(profile(document, rules))  # a streamed file's parts add up (events.assign)
            if on_document is not None:
                on_document(document)
            unfinished.append(document)
            yield document
        finished = True

    claims: list[Claim] = []
    source = read()
    # Extraction makes no cycles either, so worker processes forked meanwhile may inherit the pause.
    with open_cache(cache_dir, rules) as cache, collector_paused():
        while True:
            try:
                for found in extract_documents(source, rules, engine, cache):
                    claims.extend(placed(unfinished.popleft(), found))
                break
            except (InputError, CacheError, EngineError):
                raise
            except Exception:  # noqa: BLE001  (a document broke its batch: find it, leave it out, go on)
                if source.gi_frame is None and not finished:  # type: ignore[attr-defined]
                    raise  # reading itself failed, not the extraction of a document
                while unfinished:
                    claims.extend(_extract_alone(unfinished.popleft(), rules, problems))
    events, claims = assign(claims, profiles, rules)
    return Extraction(documents, claims, events)


def _extract_alone(document: Document, rules: Rules, problems: Problems) -> list[Claim]:
    """The claims of one document, extracted here; none, and a problem naming it, if that fails."""
    where = f"{document.path}:{document.first_line}" if isinstance(document, DocumentPart) else document.path
    if document.doc != Path(document.path).stem:
        where += f" (document {document.doc!r})"
    try:
        return placed(document, extract(document, rules))
    except TimeoutError:
        problems.error(f"{where}: text too hostile to read: a pattern ran over its {MATCH_TIMEOUT:g} s limit; "
                       "document left out")
    except Exception as exc:  # noqa: BLE001  (an extraction bug must not cost the rest of the corpus)
        problems.error(f"{where}: cannot extract claims ({type(exc).__name__}: {exc}); document left out")
    return []


def finding_id(check: str, claim_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()[:10]
    return f"{check}-{digest}"


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, if it runs, for a stage that builds many objects and no
    cycles (reading claims, the checks, a report): its passes over a large corpus's claims and rows
    free nothing, and took a third of the time checking 300,000 claims and a fifth of reading them
    from the cache."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@collector_paused()
def check_claims(claims: list[Claim], rules: Rules, reference=None, events: Sequence[Event] = ()) -> list[Finding]:
    """Findings of every enabled check over `claims` grouped into `events` (and the reference
    series, a DataFrame or None). A finding that rests on a claim whose sameness with the others
    is a guess (see `series.guesses`) is a note, and says why; a warning or error says which event
    and series its figures share."""
    from . import checks  # noqa: PLC0415  (pandas-heavy: only when checking)
    from .gazetteer import Gazetteer  # noqa: PLC0415
    from .series import doubts, intervals, timeline  # noqa: PLC0415

    options = checks.configure(rules.checks)
    table = intervals(claims_frame(claims), {e.event: e for e in events}, Gazetteer(rules), rules)
    guess = dict(zip(table["claim_id"].to_numpy().tolist(), table["guess"].to_numpy().tolist()))
    # claims whose text states a revision, and the figures so revised in each document ("a figure of
    # 59 given on Monday had included the gunman" beside "58 concertgoers were killed")
    # (and, by event, the figures a revision lowers a toll to, all but the highest of its sentence
    # where it gives several: "29 militants" in a later article on the siege is the 29 that another
    # said revised the 32)
    stated = table.loc[table["revised"].to_numpy()]
    revised = set(stated["claim_id"])
    revised |= {f"{doc}\0{metric}\0{value}" for doc, metric, value
                in stated[["doc", "metric", "value"]].itertuples(index=False)}
    by_sentence = stated.groupby(["doc", "sentence", "metric"], sort=False)["value"]
    lowered = stated[(stated["value"] < by_sentence.transform("max")) | (by_sentence.transform("nunique") == 1)]
    revised |= {f"{event}\0{metric}\0{value}" for event, metric, value
                in lowered[["event", "metric", "value"]].itertuples(index=False)}
    # and the figure such a revision replaced, the highest of its sentence ("the number was 125, not
    # 174"): a fall from it, in any article of the event, is the revision's
    replaced = stated[(stated["value"] == by_sentence.transform("max")) & (by_sentence.transform("nunique") > 1)]
    revised |= {f"replaced\0{event}\0{metric}\0{value}" for event, metric, value
                in replaced[["event", "metric", "value"]].itertuples(index=False)}
    context = checks.CheckContext(claims=table, series=timeline(table), reference=reference,
                                  directions=rules.directions, band_ratio=rules.band_ratio)
    by_id = {c.claim_id: c for c in claims}
    named = {e.event: e for e in events}
    findings: list[Finding] = []
    for check_id, module in checks.REGISTRY.items():
        opts = options[check_id]
        if not opts["enabled"]:
            continue
        configured = Severity(opts["severity"])
        for problem in module.run(context, opts):
            involved = [by_id[c] for c in problem.claim_ids]
            severity = _SEVERITY_BELOW[configured] if problem.minor else configured
            message = problem.message
            # a relation the text states (a breakdown) rests on no guess about sameness
            guessed = () if problem.stated else (*(guess[c] for c in problem.claim_ids if guess.get(c)),
                                                 *doubts(involved, problem.values, rules, revised))
            reasons = list(dict.fromkeys([*([problem.note] if problem.note else []), *guessed]))
            if reasons and severity is not Severity.INFO:
                severity = Severity.INFO
                message += f" A note, not a warning: {'; '.join(reasons)}."
            elif severity is not Severity.INFO and involved:
                message += _same_series(involved, named.get(involved[0].event), problem.stated)
            findings.append(Finding(
                finding_id=finding_id(check_id, problem.claim_ids),
                check=check_id,
                severity=severity,
                metric=problem.metric, place=problem.place, group=problem.group,
                event=involved[0].event if involved else "",
                message=message,
                claim_ids=problem.claim_ids,
                docs=tuple(dict.fromkeys([c.doc for c in involved])),
                values=problem.values, dates=problem.dates,
                locations=tuple([Location(c.claim_id, c.path, c.line, c.column) for c in involved]),
                action=problem.action,
            ))
    return sort_findings(findings)


_SCOPE_WORDS = {"cumulative": "running totals", "current": "counts of people at the time", "period": "counts of one window"}


def _same_series(claims: Sequence[Claim], event: Event | None, stated: bool = False) -> str:
    """' Same series: the event "Attack, Mumbai, India", killed (all) in mumbai, running totals.'
    (no digits: other tools read a finding's figures from its message); where the text itself
    relates the figures (`stated`), only their event."""
    first = claims[0]
    name = event.name.removesuffix(f", {event.start}") if event else first.event
    if stated:
        return f" The event: \"{name}\"."
    scopes = {c.scope for c in claims}
    scope = _SCOPE_WORDS.get(first.scope, first.scope) if len(scopes) == 1 else "as the checks compare them"
    return f" Same series: the event \"{name}\", {first.metric} ({first.group}) in {first.place}, {scope}."


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    def key(f: Finding):
        anchor = f.locations[0] if f.locations else Location("", "", 0, 0)
        return (anchor.path, anchor.line, anchor.column, f.check, f.finding_id)

    unique = {f.finding_id: f for f in findings}
    return sorted(unique.values(), key=key)


def _silenced_ranges(document: Document, known: Collection[str]) -> list[Suppression]:
    try:
        return suppressions(document.text, known)
    except SuppressionError as exc:
        line, column = document.position(exc.offset)
        raise InputError(f"{document.path}:{line}:{column}: {exc}") from None


def _involves(finding: Finding, changed: Collection[Path]) -> bool:
    return any(Path(loc.path).resolve() in changed for loc in finding.locations)


def run(paths: Sequence[str | Path], rules: Rules, manifest: str | Path | None = None,
        reference_path: str | Path | None = None, *, changed: Collection[Path] | None = None,
        on_document: Callable[[Document], None] | None = None, engine: Engine = Engine(),
        cache_dir: str | Path | None = None, problems: Problems | None = None) -> Result:
    """Read, extract and check; `reference_path` None means the bundled reference series.

    `changed` (resolved paths), when given, keeps only findings with a claim in a changed document;
    `problems` is as for `extract_claims`.
    """
    from .checks import REGISTRY  # noqa: PLC0415
    from .series import load_reference  # noqa: PLC0415

    silenced: dict[tuple[str, str], list[Suppression]] = {}

    def read(document: Document) -> None:
        ranges = _silenced_ranges(document, REGISTRY)
        if ranges:  # a part of a streamed file: its ranges moved to where it stands, as its claims are
            offset = getattr(document, "offset", 0)
            silenced.setdefault((document.path, document.doc), []).extend(
                replace(r, start=r.start + offset, end=r.end + offset) for r in ranges)
        if on_document is not None:
            on_document(document)

    documents, claims, events = extract_claims(paths, rules, manifest, read, engine=engine, cache_dir=cache_dir,
                                               problems=problems)
    reference = load_reference(reference_path or default_reference())
    findings = check_claims(claims, rules, reference, events)
    by_id = {c.claim_id: c for c in claims}
    kept = []
    for f in findings:
        anchor = by_id[f.claim_ids[0]] if f.claim_ids else None
        if anchor is None or not any(s.covers(anchor.start, f.check)
                                     for s in silenced.get((anchor.path, anchor.doc), ())):
            kept.append(f)
    suppressed = len(findings) - len(kept)
    if changed is not None:
        kept = [f for f in kept if _involves(f, changed)]
    return Result(documents, claims, kept, suppressed=suppressed, events=events)


@dataclass(frozen=True)
class DraftResult(Result):
    """A draft checked against an archive: the draft's claims and the findings involving them, the
    archive's claims (context only), and a verdict per draft claim (see `checker.verdicts`)."""

    archive: list[Claim] = field(default_factory=list)
    verdicts: list = field(default_factory=list)


def check_draft(drafts: Sequence[Document], archive: Sequence[Claim], rules: Rules, reference=None,
                today: date | None = None) -> DraftResult:
    """Check draft documents against the claims of an archive (and the reference, a DataFrame or None).

    Archive claims feed every check but a finding is kept only when it involves a draft claim (and
    no `casualty-check: ignore` comment of the draft covers that claim); an undated draft is dated
    `today` (default: the current date), so its figures can be placed in time.
    """
    from . import checks  # noqa: PLC0415
    from .verdicts import judge  # noqa: PLC0415

    dated = [d if d.published else replace(d, published=today or date.today()) for d in drafts]
    silenced = {d.doc: _silenced_ranges(d, checks.REGISTRY) for d in dated}
    # a draft that is also in the archive folder counts once, as the draft
    context = [c for c in archive if c.doc not in silenced]
    events, every = assign([c for d in dated for c in placed(d, extract(d, rules))] + context,
                           [profile(d, rules) for d in dated], rules)
    claims, context = every[:len(every) - len(context)], every[len(every) - len(context):]
    mine = {c.claim_id: c for c in claims}
    involving = [f for f in check_claims(claims + context, rules, reference, events) if mine.keys() & set(f.claim_ids)]
    findings = [f for f in involving
                if not any(s.covers(mine[c].start, f.check) for c in f.claim_ids if c in mine for s in silenced[mine[c].doc])]
    return DraftResult(len(dated), claims, findings, archive=context, suppressed=len(involving) - len(findings),
                       events=events,
                       verdicts=judge(claims, context, findings, reference, rules.directions,
                                      checks.configure(rules.checks)["reference"]["lag_days"], rules.numbers.tolerance))
