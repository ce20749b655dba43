"""The `casualty-check` command line: extract, check, report.

Exit codes (SPEC 5): 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 bad usage or
unreadable input, with one line on stderr naming the file and the problem. Heavy libraries are
imported inside the commands, so `--help` stays fast.
"""
from __future__ import annotations

import csv
import gc
import importlib.util
import io
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

from . import __version__
from .cache import DEFAULT_DIR, CacheError
from .config import Config, ConfigError
from .corpus import DOCUMENT_SUFFIXES, MANIFEST_NAME, InputError, Problems
from .model import CLAIM_COLUMNS, Claim, Document, Severity
from .parallel import ENGINES, Engine, EngineError
from .rules import RulesError, load_rules

EXIT_FINDINGS = 1
EXIT_ERROR = 2
FAIL_ON = ("error", "warning", "info", "never")


class UsageProblem(click.ClickException):
    """Bad input or configuration: one line on stderr, exit status 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"casualty-check: error: {self.format_message()}", err=True)


def _fail(problem: Exception) -> UsageProblem:
    return UsageProblem(str(problem))


def _write(text: str, output: str | None, inputs: tuple[str, ...]) -> None:
    """Write to stdout (`-` or no output) or atomically to a file that is not one of the inputs."""
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    target = Path(output)
    resolved = target.resolve()
    for raw in inputs:
        source = Path(raw).resolve()
        if resolved == source or (source.is_dir() and source in resolved.parents
                                  and (resolved.suffix.lower() in DOCUMENT_SUFFIXES or resolved.name == MANIFEST_NAME)):
            raise UsageProblem(f"{output}: refusing to write over an input document")
    if target.is_dir():
        raise UsageProblem(f"{output}: is a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageProblem(f"{output}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        # mkstemp makes the file private (0600); a report is an ordinary file, so honour the umask
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk or a target we may not replace: the old file stays whole
            raise UsageProblem(f"{output}: cannot write ({exc.strerror or exc})") from None
        raise


def _claim_rows(claims: list[Claim]) -> list[dict]:
    return [{col: getattr(c, col) for col in CLAIM_COLUMNS} for c in claims]


def render_claims(claims: list[Claim], fmt: str) -> str:
    rows = _claim_rows(claims)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "table":
        shown = ("line", "quote", "metric", "place", "group", "value", "qualifier", "scope", "as_of", "source")
        widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in shown}
        lines = ["  ".join(c.ljust(widths[c]) for c in shown)]
        lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in shown) for r in rows]
        return "\n".join(lines) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
    writer.writeheader()
    # booleans as SPEC writes them (`true`/`false`), as JSON does
    writer.writerows({k: "" if v is None else str(v).lower() if isinstance(v, bool) else v for k, v in r.items()}
                     for r in rows)
    return out.getvalue()


class _Group(click.Group):
    """The command group. After a command, the input problems it met are printed on stderr, one line
    each, and an error among them makes the exit status 2 (the output is still written: everything
    else was checked). An unexpected exception is one line and exit status 2 as well, never a
    traceback (set CASUALTY_CHECK_DEBUG=1 to see it)."""

    def invoke(self, ctx: click.Context):
        problems = Problems()
        ctx.meta["casualty-check.problems"] = problems
        try:
            try:
                result = super().invoke(ctx)
            finally:
                for line in problems.warnings:
                    click.echo(f"casualty-check: warning: {line}", err=True)
                for line in problems.errors:
                    click.echo(f"casualty-check: error: {line}", err=True)
        except click.exceptions.Exit as done:
            if problems.errors and done.exit_code in (0, EXIT_FINDINGS):
                raise click.exceptions.Exit(EXIT_ERROR) from None
            raise
        except (click.ClickException, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001
            if os.environ.get("CASUALTY_CHECK_DEBUG"):
                raise
            message = " ".join(f"{type(exc).__name__}: {exc}".split())
            raise UsageProblem(f"internal error ({message}); please report it with the input that caused it") from None
        if problems.errors:
            ctx.exit(EXIT_ERROR)
        return result


def _problems(ctx: click.Context) -> Problems:
    """Where this command's input problems go; with --fail-fast the first one stops the run."""
    problems = ctx.meta["casualty-check.problems"]
    problems.keep_going = ctx.meta.get("casualty-check.keep_going", True)
    return problems


def _some_documents(documents: int, problems: Problems) -> None:
    """Stop with the last problem when nothing at all could be read: an empty report would mislead."""
    if not documents and problems.errors:
        raise UsageProblem(problems.errors.pop())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casualty-check")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of rule files overriding the bundled rules key by key.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: .casualty-check.yaml or [tool.casualty-check] in "
                   "pyproject.toml, searched from the current folder upward).")
@click.pass_context
def cli(ctx: click.Context, rules_dir: str | None, config_path: str | None) -> None:
    """Extract casualty figures from news articles and check them against each other."""
    ctx.obj = {"rules_dir": rules_dir, "config_path": config_path}


def _config(ctx: click.Context) -> Config:
    """The configuration in force, read on first use (so `--help` works beside a broken file)."""
    obj = ctx.find_root().obj
    if "config" not in obj:
        from .config import find  # noqa: PLC0415

        try:
            obj["config"] = find(obj.get("config_path"))
        except ConfigError as exc:
            raise _fail(exc) from None
    return obj["config"]


def _rules(ctx: click.Context):
    config = _config(ctx)
    try:
        rules = config.apply(load_rules(ctx.find_root().obj["rules_dir"] or config.rules))
    except (RulesError, ConfigError) as exc:
        raise _fail(exc) from None
    _end_startup()
    return rules


def _end_startup() -> None:
    """Resume the garbage collector that `main` paused, leaving out of its passes what startup built.
    Every command that reads documents loads the rules first, and by then its modules are imported."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _paths(ctx: click.Context, paths: tuple[str, ...]) -> tuple[str, ...]:
    """PATHS from the command line, else `paths` from the configuration."""
    paths = paths or _config(ctx).paths
    if not paths:
        raise UsageProblem("no PATHS given and no 'paths' in a configuration file")
    return paths


paths_argument = click.argument("paths", nargs=-1, type=click.Path())
manifest_option = click.option("--manifest", type=click.Path(dir_okay=False), default=None,
                               help="Manifest CSV of document metadata (doc,file,outlet,url,published,...).")
output_option = click.option("-o", "--output", default=None, help="Write to this file ('-' for stdout).")
reference_option = click.option("--reference", type=click.Path(dir_okay=False), default=None,
                                help="Reference series CSV (date,metric,place,group,value,source); "
                                     "default: the bundled Gaza MoH / OCHA series.")


changed_options = [
    click.option("--changed-only", is_flag=True,
                 help="Report only findings involving documents changed in git (uncommitted, or since --since); "
                      "every document is still read as context."),
    click.option("--since", metavar="REV", default=None,
                 help="With --changed-only (implied): compare against the merge base of REV and HEAD, e.g. origin/main."),
]
baseline_option = click.option("--baseline", type=click.Path(dir_okay=False), default=None,
                               help="Leave out findings recorded in this baseline file (see `casualty-check baseline`).")


def _remember(ctx: click.Context, param: click.Parameter, value):
    """Keep an engine or cache option in the context, for `_execution`: command signatures stay as they are."""
    ctx.meta[f"casualty-check.{param.name}"] = value
    return value


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity mask)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


engine_options = [
    click.option("-j", "--jobs", type=click.IntRange(min=1), default=_cores, show_default="the number of cores",
                 expose_value=False, callback=_remember,
                 help="Processes extracting in parallel (with --engine dask: local workers)."),
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, expose_value=False,
                 callback=_remember, help="Where extraction runs: this machine, or a Dask cluster (extra [dask])."),
    click.option("--scheduler", metavar="ADDRESS", default=None, expose_value=False, callback=_remember,
                 help="Dask scheduler of a running cluster, e.g. tcp://10.0.0.5:8786 (implies --engine dask); "
                      "default: a local cluster of --jobs workers."),
    click.option("--cache/--no-cache", default=True, show_default=True, expose_value=False, callback=_remember,
                 help="Reuse the claims of documents extracted before with the same rules and tool version."),
    click.option("--cache-dir", type=click.Path(file_okay=False), default=DEFAULT_DIR, show_default=True,
                 envvar="CASUALTY_CHECK_CACHE_DIR", expose_value=False, callback=_remember,
                 help="Folder of the claims cache (also $CASUALTY_CHECK_CACHE_DIR)."),
    click.option("--keep-going/--fail-fast", default=True, show_default=True, expose_value=False, callback=_remember,
                 help="On a file that cannot be read: report it, check the rest and exit 2; or stop there."),
]


def _execution(ctx: click.Context) -> dict:
    """The pipeline's `engine` and `cache_dir` arguments from the engine options (defaults where a command has none)."""
    option = lambda name, default: ctx.meta.get(f"casualty-check.{name}", default)  # noqa: E731
    scheduler = option("scheduler", None)
    engine = Engine("dask" if scheduler else option("engine", "local"), option("jobs", 1), scheduler)
    return {"engine": engine, "cache_dir": option("cache_dir", DEFAULT_DIR) if option("cache", True) else None}


def _apply(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function
    return decorate


@contextmanager
def _progress(paths: tuple[str, ...], show: bool) -> Iterator[Callable[[Document], None] | None]:
    """A per-file progress bar on stderr, only for a terminal (never in CI logs or piped output)."""
    if not show or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415

    from .corpus import discover  # noqa: PLC0415

    try:
        total = len(discover(paths))
    except InputError:
        yield None  # the run itself reports the problem
        return
    seen: set[str] = set()
    with tqdm(total=total, desc="reading", unit="file", file=sys.stderr, leave=False) as bar:
        def tick(document: Document) -> None:
            if document.path not in seen:  # a .jsonl file holds many documents
                seen.add(document.path)
                bar.update(1)
        yield tick


def _run(ctx, paths, manifest, reference, *, changed_only: bool = False, since: str | None = None,
         progress: bool = False, on_document=None):
    """Run the pipeline with the configuration's defaults; any input problem becomes exit status 2."""
    from .gitdiff import GitError, changed_files  # noqa: PLC0415
    from .pipeline import run  # noqa: PLC0415
    from .series import ReferenceError  # noqa: PLC0415

    config = _config(ctx)
    paths = _paths(ctx, paths)
    rules = _rules(ctx)
    try:
        changed = changed_files(paths[0], since) if changed_only or since else None
        with _progress(paths, progress) as tick:
            hooks = [h for h in (on_document, tick) if h is not None]
            seen = (lambda d: [h(d) for h in hooks]) if hooks else None
            result = run(paths, rules, manifest or config.manifest, reference or config.reference,
                         changed=changed, on_document=seen, problems=_problems(ctx), **_execution(ctx))
    except (InputError, RulesError, ReferenceError, GitError, CacheError, EngineError) as exc:
        raise _fail(exc) from None
    _some_documents(result.documents, _problems(ctx))
    return result


archive_option = click.option(
    "--archive", multiple=True, type=click.Path(),
    help="Archive folder or file (repeatable): read as context only; findings are reported only when they "
         "involve a claim of the draft PATHS, and each draft claim gets a verdict.")
date_option = click.option("--date", "when", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                           help="Date of undated drafts, YYYY-MM-DD (default: today); implies draft mode.")


def _run_draft(ctx, paths, manifest, reference, archive, when, changed_only: bool, since: str | None):
    """Check the drafts PATHS against the ARCHIVE's claims; undated drafts are dated `when` or today."""
    from .corpus import read_documents  # noqa: PLC0415

    if changed_only or since:
        raise UsageProblem("--changed-only and --since do not apply with --archive: the drafts are what changed")
    from .pipeline import check_draft, default_reference, extract_claims  # noqa: PLC0415
    from .series import ReferenceError, load_reference  # noqa: PLC0415

    config = _config(ctx)
    paths = _paths(ctx, paths)
    rules = _rules(ctx)
    manifest = manifest or config.manifest
    try:
        drafts = list(read_documents(paths, manifest))
        # an unreadable archive document is reported (exit 2) but does not stop the draft's check
        context = (extract_claims(archive, rules, manifest, problems=_problems(ctx), **_execution(ctx)).claims
                   if archive else [])
        table = load_reference(reference or config.reference or default_reference())
        return check_draft(drafts, context, rules, table, when.date() if when else None)
    except (InputError, RulesError, ReferenceError, CacheError, EngineError) as exc:
        raise _fail(exc) from None


def _without_baseline(ctx, findings, baseline: str | None):
    """(findings the baseline does not hold, how many it holds); a note on stderr when it held some."""
    from .baseline import BaselineError, load, split  # noqa: PLC0415

    path = baseline or _config(ctx).baseline
    if not path:
        return findings, 0
    try:
        new, known = split(findings, load(path))
    except BaselineError as exc:
        raise _fail(exc) from None
    if known:
        click.echo(f"casualty-check: {len(known)} finding(s) recorded in {path} not reported", err=True)
    return new, len(known)


@cli.command()
@paths_argument
@manifest_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "table"]), default="csv", show_default=True)
@output_option
@_apply(engine_options)
@click.pass_context
def extract(ctx, paths, manifest, fmt, output):
    """Write the claim table (SPEC 2) of the documents under PATHS."""
    from .pipeline import extract_claims  # noqa: PLC0415

    paths = _paths(ctx, paths)
    rules = _rules(ctx)
    try:
        documents, claims, _ = extract_claims(paths, rules, manifest or _config(ctx).manifest,
                                              problems=_problems(ctx), **_execution(ctx))
    except (InputError, CacheError, EngineError) as exc:
        raise _fail(exc) from None
    _some_documents(documents, _problems(ctx))
    _write(render_claims(claims, fmt), output, paths)


@cli.command()
@paths_argument
@manifest_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@_apply(engine_options)
@click.pass_context
def events(ctx, paths, manifest, fmt, output):
    """List the events the documents under PATHS report (SPEC 3.6): id, name, kind, place, start,
    their documents and how many claims count for each."""
    from .pipeline import extract_claims  # noqa: PLC0415

    paths = _paths(ctx, paths)
    try:
        documents, _, found = extract_claims(paths, _rules(ctx), manifest or _config(ctx).manifest,
                                             problems=_problems(ctx), **_execution(ctx))
    except (InputError, CacheError, EngineError) as exc:
        raise _fail(exc) from None
    _some_documents(documents, _problems(ctx))
    _write(render_events(found, fmt), output, paths)


def render_events(found, fmt: str) -> str:
    """The events as JSON (an array of records) or as text, one paragraph each."""
    rows = [{"event": e.event, "name": e.name, "type": e.type, "place": e.place, "start": e.start, "kind": e.kind,
             "parent": e.parent, "areas": list(e.areas), "docs": list(e.docs), "claims": e.claims} for e in found]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for r in rows:
        part = f", part of {r['parent']}" if r["parent"] else ""
        lines += [f"{r['event']}: {r['name']} ({r['type']}, {r['kind']}{part})",
                  f"  {r['claims']} claim{'s' if r['claims'] != 1 else ''} in {len(r['docs'])} document"
                  f"{'s' if len(r['docs']) != 1 else ''}: {', '.join(r['docs'])}"]
    return "\n".join(lines) + ("\n" if lines else "")


@cli.command("eval")
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False),
              help="Gold annotations CSV (SPEC 6: doc,quote,metric,...,value,...,optional).")
@click.option("--expected", "expected_path", type=click.Path(dir_okay=False),
              help="Expected findings CSV (kind,metric,group,must_contain_values,present,note).")
@paths_argument
@manifest_option
@reference_option
@click.option("-v", "--verbose", is_flag=True, help="Also list misses, false positives, wrong fields and false alarms.")
@click.pass_context
def evaluate_command(ctx, gold_path, expected_path, paths, manifest, reference, verbose):
    """Score extraction (--gold) and the checks (--expected) on annotated documents: precision,
    recall, strict F1, per-field accuracy and the misses per metric; findings found, false alarms
    and unexplained warnings."""
    from .evaluate import GoldError, read_expected, read_gold, score, score_findings, unfound_quotes  # noqa: PLC0415

    if not gold_path and not expected_path:
        raise click.UsageError("give --gold, --expected or both")
    try:
        gold = read_gold(gold_path) if gold_path else None
        expected = read_expected(expected_path) if expected_path else None
    except GoldError as exc:
        raise _fail(exc) from None
    texts: dict[str, str] = {}
    result = _run(ctx, paths, manifest, reference, on_document=lambda d: texts.setdefault(d.doc, d.text))
    if gold is not None:
        for row in unfound_quotes(gold, texts):
            click.echo(f"warning: {gold_path}:{row.line}: quote not found in document {row.doc!r}: {row.quote!r}",
                       err=True)
        scores = score(result.claims, gold, texts)
        if verbose:
            for row in scores.missed:
                click.echo(f"missed: {row.doc}: {row.quote!r} ({row.fields.get('metric', '')} {row.value})")
            for claim in scores.false_positives:
                click.echo(f"false positive: {claim.doc}: {claim.quote!r} ({claim.metric} {claim.value})")
            for claim, row, wrong in scores.field_errors():
                click.echo(f"field: {row.doc}: {row.quote!r}: " + ", ".join(wrong))
        # before the summary, whose closing lines other scripts parse
        click.echo("\n".join(scores.misses() + scores.summary()))
    if expected is not None:
        scores = score_findings(result.findings, expected)
        if verbose:
            for e in scores.not_reported:
                click.echo(f"not reported: {e.kind} {e.metric} {';'.join(e.values)} ({e.note})")
            for e, f in scores.false_alarms:
                click.echo(f"false alarm: {e.kind} {e.metric} {';'.join(e.values)}: {f.message}")
            for f in scores.unexplained:
                click.echo(f"unexplained {f.severity.value}: {f.check} {f.metric}: {f.message}")
        click.echo("\n".join(scores.summary()))


@cli.command()
@paths_argument
@manifest_option
@reference_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown", "sarif", "github"]),
              default=None, help="Output format.  [default: `format` from the configuration, else text]")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding at or above this severity is reported.  "
                   "[default: `fail-on` from the configuration, else error]")
@baseline_option
@_apply(changed_options)
@archive_option
@date_option
@output_option
@_apply(engine_options)
@click.pass_context
def check(ctx, paths, manifest, reference, fmt, fail_on, baseline, changed_only, since, archive, when, output):
    """Check the claims of PATHS against each other and the reference series.

    With --archive (or --date), PATHS are drafts: the archive is context only, only findings
    involving a draft's claim are reported, and each draft claim gets a verdict.
    """
    from .pipeline import collector_paused  # noqa: PLC0415
    from .report import FORMATS, ReportContext  # noqa: PLC0415

    config = _config(ctx)
    fmt = fmt or config.format or "text"
    archive = archive or config.archive
    verdicts: tuple = ()
    if archive or when:
        result = _run_draft(ctx, paths, manifest, reference, archive, when, changed_only, since)
        verdicts = tuple(result.verdicts)
    else:
        result = _run(ctx, paths, manifest, reference, changed_only=changed_only, since=since,
                      progress=fmt in ("text", "markdown"))
    findings, baselined = _without_baseline(ctx, result.findings, baseline)
    context = ReportContext(result.documents, tuple(result.claims), __version__, str(Path(output or ".").parent),
                            suppressed=result.suppressed, baselined=baselined, verdicts=verdicts,
                            events=tuple(result.events))
    with collector_paused():
        text = FORMATS[fmt](findings, context)
    _write(text, output, _paths(ctx, paths))
    ctx.exit(exit_status(findings, fail_on or config.fail_on or "error"))


def exit_status(findings, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in findings) else 0


@cli.command()
@paths_argument
@manifest_option
@reference_option
@click.option("-o", "--output", default="-", show_default=True, help="Markdown file to write ('-' for stdout).")
@click.option("--charts", type=click.Choice(["mermaid", "png"]), default="mermaid", show_default=True,
              help="Timeline charts: Mermaid blocks (rendered by GitHub); png also draws one PNG per series "
                   "into NAME-charts/ beside the report and links it.")
@baseline_option
@_apply(changed_options)
@archive_option
@date_option
@_apply(engine_options)
@click.pass_context
def report(ctx, paths, manifest, reference, output, charts, baseline, changed_only, since, archive, when):
    """Write the Markdown discrepancy report for PATHS (with --archive: drafts, claim by claim)."""
    from .pipeline import collector_paused  # noqa: PLC0415
    from .report import ReportContext, markdown  # noqa: PLC0415

    if charts == "png" and output == "-":
        raise UsageProblem("--charts png needs -o FILE: the PNG files are written beside the report")
    if charts == "png" and importlib.util.find_spec("matplotlib") is None:
        raise UsageProblem("--charts png needs matplotlib: pip install 'casualty-check[charts]'")
    archive = archive or _config(ctx).archive
    verdicts: tuple = ()
    if archive or when:
        result = _run_draft(ctx, paths, manifest, reference, archive, when, changed_only, since)
        verdicts = tuple(result.verdicts)
    else:
        result = _run(ctx, paths, manifest, reference, changed_only=changed_only, since=since, progress=True)
    findings, baselined = _without_baseline(ctx, result.findings, baseline)
    base = "." if output == "-" else str(Path(output).parent)
    folder = f"{Path(output).stem}-charts" if charts == "png" else ""
    context = ReportContext(result.documents, tuple(result.claims), __version__, base, charts=folder,
                            suppressed=result.suppressed, baselined=baselined, verdicts=verdicts,
                            events=tuple(result.events))
    with collector_paused():
        text = markdown.render(findings, context)
    _write(text, output, _paths(ctx, paths))
    if folder:
        _write_charts(Path(base) / folder, result.claims)


def _write_charts(folder: Path, claims: list[Claim]) -> None:
    """One PNG per charted series; PNGs of series no longer charted are removed from our folder."""
    from .report.charts import png, timelines  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{t.slug}.png": t for t in timelines(claims)}
    for stale in folder.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
    for name, timeline in sorted(wanted.items()):
        (folder / name).write_bytes(png(timeline))


@cli.command()
@paths_argument
@manifest_option
@reference_option
@click.option("-o", "--output", default=None,
              help="Baseline file to write.  [default: `baseline` from the configuration, else .casualty-check-baseline.json]")
@click.option("--reason", default="", help="Reason recorded for findings the baseline did not hold yet.")
@click.pass_context
def baseline(ctx, paths, manifest, reference, output, reason):
    """Record the current findings of PATHS, so that `check --baseline` reports only new ones.

    Reasons already written in the file are kept; findings that no longer occur are dropped.
    """
    from .baseline import BaselineError, load, render  # noqa: PLC0415

    result = _run(ctx, paths, manifest, reference)
    target = output or _config(ctx).baseline or ".casualty-check-baseline.json"
    try:
        previous = load(target) if Path(target).is_file() else {}
    except BaselineError as exc:
        raise _fail(exc) from None
    _write(render(result.findings, previous, reason), target, _paths(ctx, paths))
    click.echo(f"casualty-check: recorded {len(result.findings)} finding(s) in {target}", err=True)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules_command(ctx, fmt):
    """List the active checks with their severity and options (bundled rules, --rules and configuration)."""
    from .checks import REGISTRY, configure  # noqa: PLC0415

    config = _config(ctx)
    options = configure(_rules(ctx).checks)
    rows = [{"check": check_id, "enabled": opts["enabled"], "severity": opts["severity"],
             "options": {k: v for k, v in sorted(opts.items()) if k not in ("enabled", "severity")},
             "description": (REGISTRY[check_id].__doc__ or "").strip().splitlines()[0].removeprefix(f"{check_id}: ")}
            for check_id, opts in sorted(options.items())]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    rules_dir = ctx.find_root().obj["rules_dir"] or config.rules
    click.echo(f"configuration: {config.source or 'none found'}")
    click.echo(f"rules: bundled{f', overridden by {rules_dir}' if rules_dir else ''}")
    width = max(len(r["check"]) for r in rows)
    for r in rows:
        state = r["severity"] if r["enabled"] else "off"
        settings = ", ".join(f"{k}={v}" for k, v in r["options"].items())
        click.echo(f"{r['check']:<{width}}  {state:<7}  {r['description']}" + (f" [{settings}]" if settings else ""))


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command()
@click.option("--archive", multiple=True, type=click.Path(),
              help="Archive folder or file (repeatable) drafts are checked against.")
@manifest_option
@reference_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default lets only this computer reach the page.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_context
def serve(ctx, archive, manifest, reference, host, port):
    """Serve the pre-publication page: paste or upload a draft, see each claim's verdict against the archive."""
    try:
        import uvicorn  # noqa: PLC0415

        from .web import create_app, load_archive  # noqa: PLC0415
    except ImportError as exc:
        raise UsageProblem(f"serve needs the web extra ({exc.name} is missing): "
                           "pip install 'casualty-check[web]'") from None
    from .series import ReferenceError  # noqa: PLC0415

    config = _config(ctx)
    rules = _rules(ctx)
    try:
        loaded = load_archive(archive or config.archive, rules, reference or config.reference,
                              manifest or config.manifest)
    except (InputError, ReferenceError) as exc:
        raise _fail(exc) from None
    # on a loopback address, answer only requests naming it: no other site reaches us by DNS rebinding
    hosts = [*_LOOPBACK, "[::1]"] if host in _LOOPBACK else None
    import socket  # noqa: PLC0415

    # bound here, so that a busy port is one line and exit status 2, not a server log
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise UsageProblem(f"{host}:{port}: cannot listen ({exc.strerror})") from None
    click.echo(f"casualty-check: serving http://{host}:{port}/ (archive: {loaded.documents} documents, "
               f"{len(loaded.claims)} claims); Ctrl+C stops", err=True)
    uvicorn.Server(uvicorn.Config(create_app(loaded, rules, hosts=hosts), log_level="warning")).run(sockets=[listener])


def main() -> None:
    """The `casualty-check` command."""
    # Starting a command builds about a million objects that live as long as it does (modules,
    # pandas, compiled rules): the collector's passes over them free nothing and took 0.1 s of a
    # one-article check, so it is paused until `_end_startup`.
    gc.disable()
    try:
        cli.main(prog_name="casualty-check", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("casualty-check: interrupted", err=True)
        sys.exit(130)
