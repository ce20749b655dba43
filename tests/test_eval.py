"""`casualty-check eval` and checker/evaluate.py: SPEC 6 matching and the figures score.py prints,
worked out by hand on a two-document corpus written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.evaluate import GoldError, GoldRow, Scores, read_gold, score
from checker.extract import extract
from checker.model import Document, line_starts_of
from checker.rules import load_rules

DOCS = {
    "quake": "The earthquake killed 2,497 people and injured 2,476, the interior ministry said.\n"
             "Some 300 houses collapsed. At least 40 people remain missing.\n",
    "strike": "A strike on the market killed 12 people on Thursday, officials said.\n",
}
HEADER = "doc,quote,metric,place,group,value,lower,upper,qualifier,unit,scope,as_of,source,optional,notes\n"
GOLD = HEADER + (
    "quake,\"killed 2,497 people\",killed,morocco,all,2497,2497,2497,exact,persons,cumulative,2023-09-11,morocco_interior_ministry,0,\n"
    # the extractor says injured: a match, but a wrong metric here (annotated casualties on purpose)
    "quake,\"injured 2,476\",casualties,morocco,all,2476,2476,2476,exact,persons,cumulative,2023-09-11,morocco_interior_ministry,0,\n"
    "quake,At least 40 people remain missing,missing,morocco,all,40,40,,at_least,persons,current,2023-09-11,unattributed,0,\n"
    # a figure no extractor finds from this text: one miss
    "strike,A strike on the market,killed,syria,all,1,1,1,exact,persons,period,2023-09-07,unattributed,0,\n"
    "strike,killed 12 people,killed,syria,all,12,12,12,exact,persons,period,2023-09-07,unattributed,1,optional\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for doc, text in DOCS.items():
        (tmp_path / f"{doc}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "doc,file,outlet,url,published\nquake,quake.txt,X,,2023-09-11\nstrike,strike.txt,X,,2023-09-08\n",
        encoding="utf-8")
    (tmp_path / "gold.csv").write_text(GOLD, encoding="utf-8")
    return tmp_path


def _claims(folder: Path):
    rules = load_rules()
    for doc, text in DOCS.items():
        yield from extract(Document(doc, str(folder / f"{doc}.txt"), text, line_starts=line_starts_of(text)), rules)


def test_matching_and_figures(corpus):
    scores = score(_claims(corpus), read_gold(corpus / "gold.csv"), DOCS)
    assert scores.required == 4
    assert scores.true_positives == 3  # 2,497, 2,476 and 40; 12 is optional; "300 houses" is no claim
    assert [row.value for row in scores.missed] == [1]
    assert scores.false_positives == []
    precision, recall, f1 = scores.prf
    assert (precision, recall, round(f1, 4)) == (1.0, 0.75, round(2 * 0.75 / 1.75, 4))
    strict_p, strict_r, _ = scores.strict_prf
    assert (round(strict_p, 4), strict_r) == (round(2 / 3, 4), 0.5)
    accuracy = scores.field_accuracy()
    assert accuracy["metric"] == pytest.approx(2 / 3)
    # source is scored over rows with a SPEC source id only (the unattributed row, right); the
    # others only as attributed or not (interior_ministry for morocco_interior_ministry is right)
    assert accuracy["source"] == 1.0
    assert accuracy["attributed"] == 1.0


def test_a_span_outside_the_quote_or_another_value_is_a_false_positive(corpus):
    gold = read_gold(corpus / "gold.csv")
    claims = list(_claims(corpus))
    moved = [c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "value": c.value + 1}) for c in claims[:1]]
    scores = score(moved, gold, DOCS)
    assert len(scores.false_positives) == 1 and scores.true_positives == 0


def test_eval_command_prints_the_figures(corpus):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(corpus / "gold.csv"), str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == "strict_f1=0.571 recall=0.500 precision=0.667"
    assert lines[-2] == "tp=3 fp=0 missed=1 precision=1.000 recall=0.750 f1=0.857"
    assert lines[-3].startswith("field accuracy: metric=0.67, qualifier=1.00, scope=")


def test_eval_verbose_lists_the_miss(corpus):
    result = CliRunner().invoke(cli, ["eval", "-v", "--gold", str(corpus / "gold.csv"), str(corpus)])
    assert "missed: strike: 'A strike on the market' (killed 1)" in result.output
    assert "field: quake: 'injured 2,476': metric='injured'≠'casualties'" in result.output


@pytest.mark.parametrize("content, problem", [
    ("doc,metric\nquake,killed\n", "missing column(s) quote, value"),
    (HEADER + "quake,\"killed 2,497 people\",killed,morocco,all,many,,,exact,persons,,,,0,\n", "value 'many' is not a number"),
    (b"\xff\xfe".decode("latin-1") + HEADER, None),
])
def test_bad_gold_file_is_one_line_and_exit_2(corpus, content, problem):
    bad = corpus / "bad.csv"
    bad.write_bytes(content.encode("latin-1") if problem is None else content.encode("utf-8"))
    result = CliRunner().invoke(cli, ["eval", "--gold", str(bad), str(corpus)])
    assert result.exit_code == 2
    message = result.output.strip().splitlines()
    assert len(message) == 1 and str(bad) in message[0] and "Traceback" not in result.output
    if problem:
        assert problem in message[0]
    with pytest.raises(GoldError):
        read_gold(bad)


def test_missing_gold_file(corpus):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(corpus / "nope.csv"), str(corpus)])
    assert result.exit_code == 2 and "nope.csv: cannot read gold file" in result.output


def test_eval_groups_the_misses_by_metric_before_the_closing_lines(corpus):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(corpus / "gold.csv"), str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    # the one required row no extractor finds is a killed row; the figures still close the output
    assert lines[-5:-3] == ["missed by metric: killed=1", "  killed (1): strike: 'A strike on the market'"]
    assert lines[-3].startswith("field accuracy: ") and lines[-1].startswith("strict_f1=")


def test_misses_list_the_most_missed_metric_first_with_a_few_quotes():
    rows = [GoldRow(i, "d", f"quote {i}", i, False, {"metric": metric})
            for i, metric in enumerate(["injured", "killed", "killed", "killed", "killed"])]
    scores = Scores(required=len(rows), missed=rows)
    assert [(metric, len(group)) for metric, group in scores.missed_by_metric()] == [("killed", 4), ("injured", 1)]
    assert scores.misses(examples=2) == [
        "missed by metric: killed=4, injured=1",
        "  killed (4): d: 'quote 1'; d: 'quote 2' ...",
        "  injured (1): d: 'quote 0'",
    ]
    assert Scores().misses() == ["missed by metric: none"]
