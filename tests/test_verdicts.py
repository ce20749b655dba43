"""Verdicts on a draft's claims against an archive and a reference series, and draft mode of
`check --archive`: reporter-style drafts and archive articles written here, a small reference CSV,
and the seeds (one as the draft, the others as the archive) for the command line.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.extract import extract
from checker.model import Document, line_starts_of
from checker.pipeline import check_draft, extract_claims
from checker.rules import load_rules
from checker.series import load_reference
from checker.verdicts import VERDICTS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = load_rules(None)

REFERENCE = """date,metric,place,group,value,source
2026-01-08,killed,gaza,all,71200,gaza_health_ministry
2026-01-13,killed,gaza,all,71380,gaza_health_ministry
2026-01-14,killed,gaza,all,71439,gaza_health_ministry
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    path = tmp_path_factory.mktemp("reference") / "series.csv"
    path.write_text(REFERENCE, encoding="utf-8")
    return load_reference(path)


def doc(name: str, text: str, published: str | None) -> Document:
    return Document(doc=name, path=f"{name}.txt", text=text, published=date.fromisoformat(published) if published else None,
                    line_starts=line_starts_of(text))


def archive(*documents: Document):
    return [c for d in documents for c in extract(d, RULES)]


def judged(text: str, published: str | None, reference, *context: Document, today: date | None = None):
    result = check_draft([doc("draft", text, published)], archive(*context), RULES, reference, today)
    return result, {v.claim.quote: v for v in result.verdicts}


def test_a_figure_behind_the_newest_bulletin_is_stale_and_names_it(reference):
    _, verdicts = judged("More than 60,000 Palestinians have been killed in Gaza, according to the Gaza Health Ministry.",
                         "2026-01-15", reference)
    v = verdicts["More than 60,000"]
    assert v.verdict == "stale"
    assert v.evidence == ("a newer figure exists: the Gaza Health Ministry reported 71,439 killed on 2026-01-14",)


def said(figure: str, published: str, reference):
    text = f"Gaza's Health Ministry says {figure} people have been killed since October 2023."
    return judged(text, published, reference)[1][figure]


def test_the_bulletin_figure_and_one_a_day_old_are_consistent_an_older_one_stale(reference):
    assert said("71,439", "2026-01-14", reference).verdict == "consistent"
    # news lags bulletins: yesterday's figure is still consistent, and the newer one is named
    yesterday = said("71,380", "2026-01-14", reference)
    assert yesterday.verdict == "consistent" and "71,439 killed on 2026-01-14" in yesterday.explanation()
    assert said("71,200", "2026-01-14", reference).verdict == "stale"
    # judged on its own date, a figure is not held against bulletins published after it
    then = said("71,200", "2026-01-10", reference)
    assert then.verdict == "consistent" and "71,439" not in then.explanation()


def test_off_the_bulletin_by_a_typo_contradicts(reference):
    # 71,349 for 71,439: the reference check names the transposed digits; no bulletin ever said 71,349
    v = said("71,349", "2026-01-14", reference)
    assert v.verdict == "contradicts" and "transposed digits" in v.explanation()


def test_an_unattributed_figure_gets_the_source_most_often_given_for_its_series(reference):
    office = doc("office", "Gaza's government media office said 71,100 people had been killed.", "2026-01-07")
    _, verdicts = judged("At least 71,400 people have been killed in Gaza.", "2026-01-14", reference, office)
    v = verdicts["At least 71,400"]
    assert v.verdict == "unattributed"
    assert v.suggested_source == "gaza_health_ministry"  # two reference bulletins against one archive claim
    assert "“according to the Gaza Health Ministry”" in v.explanation()


def test_without_a_reference_the_archive_suggests_the_source():
    earlier = doc("earlier", "According to Israel, 132 hostages remain in Gaza, 29 of whom have died.", "2024-02-08")
    _, verdicts = judged("Some 130 hostages are still held in Gaza.", "2024-02-10", None, earlier)
    v = verdicts["Some 130"]
    assert v.verdict == "unattributed" and v.suggested_source == "israeli_officials"


def test_a_claim_in_a_finding_contradicts_and_cites_the_archive_sentence():
    earlier = doc("earlier", "Hamas is still holding 129 hostages in Gaza, the Israeli army said.", "2023-12-20")
    result, verdicts = judged("According to Israel, 132 hostages remain in Gaza.", "2024-02-08", None, earlier)
    v = verdicts["132"]
    assert v.verdict == "contradicts"
    assert [f.check for f in result.findings] == ["increase"] and v.finding_ids == (result.findings[0].finding_id,)
    assert any("Hamas is still holding 129 hostages" in e for e in v.evidence)


def test_an_ignore_comment_in_the_draft_silences_its_finding():
    earlier = doc("earlier", "Hamas is still holding 129 hostages in Gaza, the Israeli army said.", "2023-12-20")
    result, verdicts = judged("<!-- casualty-check: ignore=increase -->\nAccording to Israel, 132 hostages remain in Gaza.",
                              "2024-02-08", None, earlier)
    assert result.findings == [] and result.suppressed == 1
    assert verdicts["132"].verdict != "contradicts"


def test_nothing_to_compare_is_unverifiable(reference):
    _, verdicts = judged("In the past 24 hours, 45 people were killed in Gaza, the health ministry said. "
                         "Twelve journalists have been killed in Sudan since April, the CPJ said.", "2026-01-14", reference)
    assert verdicts["45"].verdict == "unverifiable" and "period" in verdicts["45"].explanation()
    assert verdicts["Twelve"].verdict == "unverifiable"
    assert "no figure of this series" in verdicts["Twelve"].explanation()


def test_a_figure_ahead_of_everything_on_file_is_unverifiable_not_stale(reference):
    _, verdicts = judged("More than 80,000 people have been killed in Gaza, the health ministry said.",
                         "2026-01-25", reference)
    v = verdicts["More than 80,000"]
    assert v.verdict == "unverifiable" and "71,439" in v.explanation()


def test_old_quarrels_of_the_archive_are_not_reported(reference):
    quarrel = [doc("a", "Israeli officials said 1,400 people were killed in Israel on October 7.", "2023-11-01"),
               doc("b", "An AFP tally puts the toll in Israel at 1,139 killed.", "2023-11-01")]
    # the archive alone has its cross-source finding ...
    alone = check_draft([quarrel[0]], archive(quarrel[1]), RULES, reference)
    assert alone.findings
    # ... which a draft about something else does not inherit
    result, _ = judged("Gaza's Health Ministry says 71,439 people have been killed.", "2026-01-14", reference, *quarrel)
    assert result.findings == []


def test_an_undated_draft_is_dated_today_or_the_given_day(reference):
    text = "Gaza's Health Ministry says 71,439 people have been killed since October 2023."
    result, verdicts = judged(text, None, reference, today=date(2026, 1, 14))
    assert verdicts["71,439"].claim.as_of == "2026-01-14" and verdicts["71,439"].verdict == "consistent"
    result, _ = judged(text, None, reference)
    assert result.claims[0].as_of == date.today().isoformat()


def test_a_draft_also_in_the_archive_counts_once(reference):
    draft = doc("draft", "Hamas is still holding 129 hostages in Gaza, the Israeli army said.", "2023-12-20")
    result = check_draft([draft], archive(draft), RULES, reference)
    assert result.findings == [] and result.archive == []


# --- the command line: `check DRAFT --archive DIR` in every format, on the seeds ---------------------------

def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_split(tmp_path_factory):
    """The seed with the most claims as the draft, the other seeds (and their manifest) as the archive."""
    folder = tmp_path_factory.mktemp("archive")
    claims = extract_claims([SEEDS], RULES).claims
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.path] = counts.get(c.path, 0) + 1
    draft = Path(max(sorted(counts), key=counts.get))
    for path in SEEDS.glob("*.txt"):
        if path.name != draft.name:
            (folder / path.name).write_bytes(path.read_bytes())
    rows = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "manifest.csv").write_text("".join(r for r in rows if not r.startswith(draft.stem)), encoding="utf-8")
    return draft, folder, [c for c in claims if c.path == str(draft)]


def test_check_with_an_archive_gives_every_draft_claim_a_verdict_in_json(seeds_split):
    draft, folder, claims = seeds_split
    result = run("check", str(draft), "--archive", str(folder), "--format", "json", "--fail-on", "never")
    data = json.loads(result.output)
    assert [v["claim_id"] for v in data["verdicts"]] == [c.claim_id for c in claims]
    assert {v["verdict"] for v in data["verdicts"]} <= set(VERDICTS)
    assert all(v["evidence"] for v in data["verdicts"])
    draft_ids = {c.claim_id for c in claims}
    assert all(draft_ids & set(f["claim_ids"]) for f in data["findings"])


def test_every_format_shows_the_verdicts(seeds_split):
    draft, folder, claims = seeds_split
    out = {fmt: run("check", str(draft), "--archive", str(folder), "--format", fmt, "--fail-on", "never").output
           for fmt in ("text", "csv", "markdown", "sarif", "github")}
    assert sum(" verdict " in line for line in out["text"].splitlines()) == len(claims)
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    assert [r["claim_ids"] for r in rows if r["check"] == "verdict"] == [c.claim_id for c in claims]
    assert all(r["verdict"] in VERDICTS for r in rows if r["check"] == "verdict")
    table = out["markdown"].split("## Claim by claim", 1)[1].split("\n## ", 1)[0]
    assert sum(line.startswith("| [") for line in table.splitlines()) == len(claims)
    schema = json.loads((ROOT / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads(out["sarif"])
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
    assert sum(r["ruleId"] == "verdict" for r in sarif["runs"][0]["results"]) == len(claims)
    assert sum("(verdict)" in line for line in out["github"].splitlines()) == len(claims)


def test_the_report_with_an_archive_opens_with_the_claim_by_claim_table(seeds_split):
    draft, folder, claims = seeds_split
    text = run("report", str(draft), "--archive", str(folder)).output
    table = text.split("## Claim by claim", 1)[1].split("\n## ", 1)[0]
    assert text.index("## Claim by claim") < text.index("## Timelines")
    assert sum(line.startswith("| [") for line in table.splitlines()) == len(claims)


def test_check_without_an_archive_is_unchanged():
    result = run("check", str(SEEDS), "--format", "json", "--fail-on", "never")
    assert isinstance(json.loads(result.output), list)
    assert " verdict " not in run("check", str(SEEDS), "--fail-on", "never").output


def test_a_missing_archive_and_a_bad_date_exit_2(seeds_split, tmp_path):
    draft, _, _ = seeds_split
    result = CliRunner().invoke(cli, ["check", str(draft), "--archive", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "nowhere" in result.output
    result = CliRunner().invoke(cli, ["check", str(draft), "--date", "14/01/2026"])
    assert result.exit_code == 2 and "14/01/2026" in result.output
    result = CliRunner().invoke(cli, ["check", str(draft), "--archive", str(SEEDS), "--changed-only"])
    assert result.exit_code == 2 and "--changed-only" in result.output
