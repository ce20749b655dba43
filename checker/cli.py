"""The `casualty-check` command line: extract, check, report.

Exit codes (SPEC 5): 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 bad usage or
unreadable input, with one line on stderr naming the file and the problem. Heavy libraries are
imported inside the commands, so `--help` stays fast.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .corpus import InputError
from .model import CLAIM_COLUMNS, Claim, Severity
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
        if resolved == source or (source.is_dir() and resolved.suffix.lower() in (".txt", ".md", ".html", ".jsonl")
                                  and source in resolved.parents):
            raise UsageProblem(f"{output}: refusing to write over an input document")
    if target.is_dir():
        raise UsageProblem(f"{output}: is a directory")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
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
    writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
    return out.getvalue()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casualty-check")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of rule files overriding the bundled rules key by key.")
@click.pass_context
def cli(ctx: click.Context, rules_dir: str | None) -> None:
    """Extract casualty figures from news articles and check them against each other."""
    ctx.obj = {"rules_dir": rules_dir}


def _rules(ctx: click.Context):
    try:
        return load_rules(ctx.obj["rules_dir"])
    except RulesError as exc:
        raise _fail(exc) from None


paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path())
manifest_option = click.option("--manifest", type=click.Path(dir_okay=False), default=None,
                               help="Manifest CSV of document metadata (doc,file,outlet,url,published,...).")
output_option = click.option("-o", "--output", default=None, help="Write to this file ('-' for stdout).")
reference_option = click.option("--reference", type=click.Path(dir_okay=False), default=None,
                                help="Reference series CSV (date,metric,place,group,value,source); "
                                     "default: the bundled Gaza MoH / OCHA series.")


def _run(ctx, paths, manifest, reference):
    from .pipeline import run  # noqa: PLC0415
    from .series import ReferenceError  # noqa: PLC0415

    rules = _rules(ctx)
    try:
        return run(paths, rules, manifest, reference)
    except (InputError, RulesError, ReferenceError) as exc:
        raise _fail(exc) from None


@cli.command()
@paths_argument
@manifest_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "table"]), default="csv", show_default=True)
@output_option
@click.pass_context
def extract(ctx, paths, manifest, fmt, output):
    """Write the claim table (SPEC 2) of the documents under PATHS."""
    from .pipeline import extract_claims  # noqa: PLC0415

    rules = _rules(ctx)
    try:
        _, claims = extract_claims(paths, rules, manifest)
    except InputError as exc:
        raise _fail(exc) from None
    _write(render_claims(claims, fmt), output, paths)


@cli.command()
@paths_argument
@manifest_option
@reference_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown", "sarif", "github"]),
              default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity is reported.")
@output_option
@click.pass_context
def check(ctx, paths, manifest, reference, fmt, fail_on, output):
    """Check the claims of PATHS against each other and the reference series."""
    from .report import FORMATS, ReportContext  # noqa: PLC0415

    result = _run(ctx, paths, manifest, reference)
    context = ReportContext(result.documents, tuple(result.claims), __version__, str(Path(output or ".").parent))
    _write(FORMATS[fmt](result.findings, context), output, paths)
    ctx.exit(exit_status(result.findings, fail_on))


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
@click.pass_context
def report(ctx, paths, manifest, reference, output):
    """Write the Markdown discrepancy report for PATHS."""
    from .report import ReportContext, markdown  # noqa: PLC0415

    result = _run(ctx, paths, manifest, reference)
    base = "." if output == "-" else str(Path(output).parent)
    context = ReportContext(result.documents, tuple(result.claims), __version__, base)
    _write(markdown.render(result.findings, context), output, paths)


def main() -> None:
    try:
        cli.main(prog_name="casualty-check", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("casualty-check: interrupted", err=True)
        sys.exit(130)
