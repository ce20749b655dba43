"""Bad input, hostile text and large files: never a traceback, a hang, or lost or overwritten work.

Every bad input gives one line on stderr naming the file and the problem; a directory run goes on
with the rest and ends with exit status 2 (`--keep-going`, the default). Hostile text is thrown
at `parse_number` and `extract`, both as fixed adversarial cases and as hypothesis fuzzing; each
case runs under a stated time bound, enforced by an alarm (a hang guard, not a benchmark).

Longer fuzzing by hand: `FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_robustness.py -k fuzz`
(see README, "Robustness and fuzzing").
"""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import corpus, parse_number
from checker.cli import cli
from checker.corpus import Problems, placed, read_documents
from checker.extract import extract
from checker.model import Document, line_starts_of
from checker.rules import load_rules

HERE = Path(__file__).resolve().parent
ARTICLES = sorted((HERE / "corpus").glob("*.txt"))

# An article in the reporters' style, with claims on several lines (and one sentence per line
# ending, so that every way of writing line ends is exercised).
REPORT = textwrap.dedent("""\
    GAZA CITY (Meridian Wire) — At least 27,708 people have been killed in Gaza since October 7, the health ministry said on Tuesday.
    More than 67,174 others have been wounded, it said.

    “We are running out of everything,” said a doctor in Rafah, where nearly 1.4 million people are sheltering.
    Dozens of bodies were recovered overnight, civil defence officials said.
    """)


class Hang(BaseException):
    """A time bound ran out. BaseException, so that no `except Exception` under test swallows it."""


@contextmanager
def time_limit(seconds: float, what: str):
    """Fail (raise Hang) when the block runs longer than `seconds`."""
    def expire(signum, frame):
        raise Hang(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(*args: str):
    """The CLI on `args` (stdout and stderr apart); the claims cache off, so nothing is written beside the repo."""
    command, *rest = args
    extra = ["--no-cache"] if command in ("extract", "check", "report") else []
    return CliRunner().invoke(cli, [command, *extra, *rest])


def claim_rows(result) -> list[dict]:
    return list(csv.DictReader(result.stdout.splitlines()))


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("casualty-check: error:")]


def assert_clean(result) -> None:
    """No traceback reached the user, and everything on stderr is one-line messages of ours."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert all(line.startswith("casualty-check: ") for line in result.stderr.splitlines()), result.stderr


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A corpus folder holding one good article."""
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


# --- bad files in a corpus: reported, left out, the rest checked, exit status 2 -------------------------

def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _broken_symlink(path: Path) -> None:
    path.symlink_to("gone.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)  # opening it to read would block for ever


def _bad_front_matter(path: Path) -> None:
    path.write_text("---\ntitle: [unclosed\n---\nAt least 3 people were killed.\n", encoding="utf-8")


def _alias_bomb(path: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path.write_text("---\n" + "\n".join(levels) + "\ntitle: *a9\n---\nAt least 3 people were killed.\n",
                    encoding="utf-8")


@pytest.mark.parametrize("name, make, problem", [
    ("photo.txt", _binary, "binary file"),
    ("loop.txt", _symlink_loop, "symlink loop"),
    ("link.txt", _broken_symlink, "broken symlink"),
    ("pipe.txt", _fifo, "not a regular file"),
    ("broken.md", _bad_front_matter, "malformed front matter"),
    ("bomb.md", _alias_bomb, "aliases"),
])
def test_a_bad_file_is_reported_and_the_rest_still_checked(folder, name, make, problem):
    make(folder / name)
    with time_limit(30, name):
        result = run("extract", str(folder))
    assert result.exit_code == 2
    assert_clean(result)
    [error] = error_lines(result)
    assert f"{folder / name}: " in error and problem in error
    assert {r["quote"] for r in claim_rows(result)} >= {"At least 27,708", "More than 67,174"}


def test_the_report_is_still_written_and_the_status_is_2(folder, tmp_path_factory):
    _binary(folder / "photo.txt")
    target = tmp_path_factory.mktemp("out") / "report.md"  # not in the input folder: that is refused
    result = run("report", str(folder), "-o", str(target))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {folder / 'photo.txt'}: "
                                   "binary file (NUL byte at offset 8), skipped"]
    assert "**1 document, " in target.read_text(encoding="utf-8")


def test_fail_fast_stops_at_the_first_bad_file(folder):
    _binary(folder / "photo.txt")
    result = run("extract", str(folder), "--fail-fast")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"casualty-check: error: {folder / 'photo.txt'}: "
                                                  "binary file (NUL byte at offset 8), skipped"]


def test_missing_and_unreadable_paths_next_to_good_ones(folder, tmp_path):
    result = run("extract", str(folder / "good.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {tmp_path / 'missing.txt'}: no such file or directory"]
    assert claim_rows(result)


def test_an_unreadable_file_is_reported(folder, monkeypatch):
    locked = folder / "locked.txt"
    locked.write_text(REPORT, encoding="utf-8")
    real_open = Path.open

    def guarded(self, *args, **kwargs):  # chmod 0 would not stop root, who runs CI
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    result = run("extract", str(folder))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {locked}: cannot read (Permission denied)"]
    assert {r["doc"] for r in claim_rows(result)} == {"good"}


def test_a_folder_symlinked_into_itself_is_not_followed_round(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "again").symlink_to("..")
    with time_limit(30, "symlinked folder loop"):
        result = run("extract", str(folder))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {folder / 'sub' / 'again'}: "
                                   "symlink loop (a folder already being read), not followed"]
    assert len({r["claim_id"] for r in claim_rows(result)}) == len(claim_rows(result)) > 0


def test_two_documents_with_one_id_would_mix_their_claims(folder):
    (folder / "other").mkdir()
    (folder / "other" / "good.txt").write_text("At least 3 people were killed in Gaza.\n", encoding="utf-8")
    result = run("extract", str(folder))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {folder / 'other' / 'good.txt'}: duplicate document "
                                   f"id 'good' (also {folder / 'good.txt'}), skipped"]


def test_nothing_readable_is_one_line_and_no_report(tmp_path):
    _binary(tmp_path / "a.txt")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"casualty-check: error: {tmp_path / 'a.txt'}: "
                                                  "binary file (NUL byte at offset 8), skipped"]


def test_empty_files_are_a_warning_not_an_error(folder):
    (folder / "empty.txt").write_bytes(b"")
    result = run("extract", str(folder))
    assert result.exit_code == 0
    assert result.stderr.strip() == f"casualty-check: warning: {folder / 'empty.txt'}: empty, nothing to check"


def test_jsonl_bad_records_are_skipped_one_by_one(tmp_path):
    records = tmp_path / "wire.jsonl"
    records.write_text("\n".join([
        '{"doc": "w1", "text": "At least 12 people were killed in Gaza.", "published": "2024-01-02"}',
        '{"doc": "w2", "text": ',
        '{"doc": "w3", "body": "no text field"}',
        "[" * 100_000 + "]" * 100_000,
        '{"doc": "w1", "text": "At least 13 people were killed."}',
        '{"doc": "w4", "text": "More than 40 people were wounded.", "published": "last week"}',
    ]) + "\n", encoding="utf-8")
    result = run("extract", str(records))
    assert result.exit_code == 2
    assert_clean(result)
    assert [line.split(": ", 2)[2] for line in error_lines(result)] == [
        f"{records}:2: malformed JSON (Expecting value), record skipped",
        f"{records}:3: record needs a 'text' string, record skipped",
        f"{records}:4: malformed JSON (nested too deeply), record skipped",
        f"{records}:5: duplicate document id 'w1' (also {records}:1), skipped",
        f"{records}:6: bad date 'last week' (expected YYYY-MM-DD); document read without a date",
    ]
    assert [(r["doc"], r["value"], r["published"]) for r in claim_rows(result)] == [
        ("w1", "12", "2024-01-02"), ("w4", "40", "")]


# --- manifests --------------------------------------------------------------------------------------

@pytest.mark.parametrize("manifest, problem, published", [
    ("outlet,published\nWire,2024-02-07\n", "manifest needs a 'doc' or 'file' column", ""),
    ("doc,outlet,published\ngood,Wire,7 Feb 2024\n", "manifest.csv:2: bad date '7 Feb 2024'", ""),
    ("doc,outlet,published\ngood,Wire,2024-02-07\ngood,Herald,2024-02-08\n",
     "manifest.csv:3: duplicate document 'good'; row not used", "2024-02-07"),
    ("doc,outlet,published\ngood,Wire\n", "manifest.csv:2: row has 2 fields, the header 3", ""),
    ("doc,outlet,published\ngood,Wire,2024-02-07,extra\n", "manifest.csv:2: row has 4 fields, the header 3", ""),
])
def test_a_bad_manifest_row_is_reported_and_the_documents_still_checked(folder, manifest, problem, published):
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    result = run("extract", str(folder))
    assert result.exit_code == 2
    [error] = error_lines(result)
    assert problem in error
    rows = claim_rows(result)
    assert rows and {r["published"] for r in rows} == {published}


def test_a_manifest_in_windows_1252_is_read(folder):
    (folder / "manifest.csv").write_bytes("doc,outlet,published\ngood,Le Télégramme,2024-02-07\n".encode("cp1252"))
    result = run("extract", str(folder))
    assert result.exit_code == 0
    assert {r["outlet"] for r in claim_rows(result)} == {"Le Télégramme"}
    assert "manifest.csv: not UTF-8: read as cp1252 (detected)" in result.stderr


# --- encodings and line ends: the same claims, at the same lines, whatever the bytes ------------------

def _claims_of(path: Path, problems: Problems | None = None) -> list[tuple]:
    rules = load_rules()
    return [(c.claim_id, c.line, c.column, c.start, c.end, c.quote, c.value, c.metric, c.place, c.source)
            for d in read_documents([path], problems=problems) for c in placed(d, extract(d, rules))]


def _variants(text: str):
    crlf = text.replace("\n", "\r\n")
    # (a lone "\r" never right before a "\n": together they are one line end)
    mixed = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(text.split("\n")))
    return [
        ("crlf", crlf.encode("utf-8"), ""),
        ("old mac", text.replace("\n", "\r").encode("utf-8"), ""),
        ("mixed", mixed.encode("utf-8"), ""),
        ("utf-8 bom", b"\xef\xbb\xbf" + crlf.encode("utf-8"), ""),
        ("utf-16 bom", text.encode("utf-16"), "read as UTF-16 (byte order mark)"),
        ("windows-1252", crlf.encode("cp1252"), "not UTF-8: read as cp1252 (detected)"),
    ]


@pytest.mark.parametrize("name, index", [("report", None), ("article", 0), ("article", 7)])
def test_line_ends_boms_and_encodings_give_the_same_claims(tmp_path, name, index):
    text = REPORT if index is None else ARTICLES[index].read_text(encoding="utf-8")
    reference = tmp_path / "ref" / "a.txt"
    reference.parent.mkdir()
    reference.write_text(text, encoding="utf-8")
    expected = _claims_of(reference)
    assert expected
    for line, column, start, quote in ((c[1], c[2], c[3], c[5]) for c in expected):
        # positions checked against the text itself, not against the code that computed them
        assert text[start:start + len(quote)] == quote
        assert (line, column) == (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start))
    for variant, data, note in _variants(text):
        path = tmp_path / variant / "a.txt"
        path.parent.mkdir()
        path.write_bytes(data)
        problems = Problems()
        assert _claims_of(path, problems) == expected, variant
        assert problems.warnings == ([f"{path}: {note}"] if note else []) and not problems.errors


def test_stray_bytes_in_utf8_are_replaced_and_reported_not_guessed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("“Nobody is safe,” he said. ".encode("utf-8") + b"At least 12 people were killed \x93here\x94.\n")
    problems = Problems()
    [document] = read_documents([path], problems=problems)
    assert document.text == "“Nobody is safe,” he said. At least 12 people were killed \ufffdhere\ufffd.\n"
    assert problems.warnings == [f"{path}: 2 byte(s) that are not valid utf-8 replaced with U+FFFD"]


def test_markdown_lines_count_from_the_top_of_the_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2024-02-07\noutlet: Wire\n---\n\nTitle line\nAt least 12 people were killed.\n",
                    encoding="utf-8")
    [claim] = _claims_of(path)
    assert claim[1:3] == (7, 1) and claim[5] == "At least 12"


# --- huge files: streamed in parts, bounded memory, positions as if read whole -----------------------

def test_streamed_parts_give_the_claims_of_the_whole_file(tmp_path, monkeypatch):
    text = "\n".join(a.read_text(encoding="utf-8") for a in ARTICLES[:6])
    whole = tmp_path / "whole" / "all.txt"
    whole.parent.mkdir()
    whole.write_text(text, encoding="utf-8")
    streamed = tmp_path / "streamed" / "all.txt"
    streamed.parent.mkdir()
    streamed.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    expected = _claims_of(whole)
    monkeypatch.setattr(corpus, "STREAM_BYTES", 2_000)
    monkeypatch.setattr(corpus, "PART_CHARS", 3_000)
    parts = list(read_documents([streamed]))
    assert len(parts) > 4 and "".join(p.text for p in parts) == text
    got = _claims_of(streamed)
    # place and source may differ: they draw on the rest of the document, which a part does not see
    assert [c[:8] for c in got] == [c[:8] for c in expected]


def test_a_streamed_html_page_gives_the_text_of_the_whole_page(tmp_path, monkeypatch):
    paragraphs = [a.read_text(encoding="utf-8").replace("\n", "</p>\n<p>") for a in ARTICLES[:4]]
    markup = "<html><body><p>" + "</p><div>".join(paragraphs) + "</p></body></html>"
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [whole] = read_documents([path])
    monkeypatch.setattr(corpus, "STREAM_BYTES", 1_000)
    monkeypatch.setattr(corpus, "PART_CHARS", 2_000)
    parts = list(read_documents([path]))
    assert len(parts) > 3 and "".join(p.text for p in parts) == whole.text + "\n"


def test_a_part_without_line_breaks_is_cut_at_a_space_and_keeps_its_columns(tmp_path, monkeypatch):
    line = " ".join(["Officials said at least 12 people were killed in the strike."] * 200)
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    monkeypatch.setattr(corpus, "STREAM_BYTES", 1_000)
    monkeypatch.setattr(corpus, "PART_CHARS", 1_000)
    claims = _claims_of(path)
    assert len(claims) == 200
    for _, line_no, column, start, _, quote, *_ in claims:
        assert line_no == 1 and column == start + 1 and line[start:start + len(quote)] == quote


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from Linux's /proc")
def test_a_200_mb_file_is_read_in_bounded_memory(tmp_path):
    paragraph = ("At least 12 people were killed in Gaza on Monday, the ministry said.\n\n"
                 "More than 30 were wounded, and “dozens” remain missing, officials said.\n\n")
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        chunk = paragraph * 10_000
        for _ in range(200 * 2**20 // len(chunk.encode()) + 1):
            out.write(chunk)
    assert path.stat().st_size >= 200 * 2**20
    # peak RSS from /proc (VmHWM): getrusage's maxrss would count the forking pytest process too
    script = ("import re, sys\nfrom checker.corpus import read_documents\n"
              "n = sum(len(d.text) for d in read_documents([sys.argv[1]]))\n"
              "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]\n"
              "print(n, int(peak) // 1024)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                          timeout=60, check=True)  # about 3 s on a laptop; 60 s is the hang guard
    characters, peak_mb = map(int, done.stdout.split())
    assert characters == len(paragraph) * (path.stat().st_size // len(paragraph.encode()))
    assert peak_mb < 150, f"peak memory {peak_mb} MB reading a 200 MB file"


# --- hostile text -------------------------------------------------------------------------------------

RULES = load_rules()


def _document(text: str) -> Document:
    return Document(doc="x", path="x.txt", text=text, line_starts=line_starts_of(text))


def _consistent(text: str, may_give_up: bool = False) -> None:
    """Extract from `text`, and check each claim against the text it came from. With `may_give_up`,
    a pattern's TimeoutError is a fine outcome: the pipeline reports the document and goes on."""
    document = _document(text)
    try:
        claims = extract(document, RULES)
    except TimeoutError:
        if not may_give_up:
            raise
        return
    for c in claims:
        assert text[c.start:c.end] == c.quote
        assert document.position(c.start) == (c.line, c.column)
        assert c.lower is None or c.lower <= c.value
        assert c.upper is None or c.value <= c.upper


# (case, text, seconds): each must finish within its bound (extract may give up with TimeoutError).
HOSTILE = [
    ("long digit run", "9" * 100_000, 10),
    ("1,1,1,... x 100k", "1," * 100_000 + "1 people were killed", 10),
    ("thousands of qualifiers", "more than nearly about at least up to " * 2_000 + "12 people were killed.", 10),
    ("thousands of ranges", "between 1 and 2 and " * 3_000 + "killed", 10),
    ("deeply nested parentheses", "(" * 20_000 + "12 killed" + ")" * 20_000, 10),
    ("deeply nested markup", "<div><b>" * 5_000 + "At least 12 people were killed." + "</b></div>" * 5_000, 20),
    ("scale words", "thousand million " * 3_000 + "people were killed", 10),
    ("hyphen chains", "-".join(["twenty"] * 5_000) + " people were killed", 10),
]


@pytest.mark.parametrize("case, text, seconds", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_parse_number_on_hostile_text(case, text, seconds):
    with time_limit(seconds, case):
        number = parse_number(text)
    assert number is None or (number.lower is None or number.lower <= number.value)


@pytest.mark.parametrize("case, text, seconds",
                         [h for h in HOSTILE if h[0] != "long digit run"], ids=[h[0] for h in HOSTILE[1:]])
def test_extract_on_hostile_text(case, text, seconds):
    with time_limit(seconds, case):
        _consistent(text, may_give_up=True)


def test_a_10_mb_line_is_read_in_parts_and_its_claims_placed(tmp_path):
    """Extracting all of it takes minutes (bench/README figures): here the parts, and the last one."""
    filler = "the convoy moved slowly along the coastal road towards the crossing and "
    line = filler * (10 * 2**20 // len(filler)) + "officials said at least 12 people were killed."
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    with time_limit(30, "10 MB line"):
        parts = list(read_documents([path]))
        assert "".join(p.text for p in parts) == line
        assert max(len(p.text) for p in parts) <= corpus.PART_CHARS
        [claim] = placed(parts[-1], extract(parts[-1], RULES))
    assert (claim.line, claim.quote, line[claim.start:claim.end]) == (1, "at least 12", "at least 12")
    assert claim.column == claim.start + 1 == len(line) - len("at least 12 people were killed.") + 1
    assert claim.claim_id == f"one-line:{claim.start}"


def test_deeply_nested_html_is_read(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + "<div><span>" * 50_000 + "<p>At least 12 people were killed.</p>"
                    + "</span></div>" * 50_000 + "<script>var x = '<p>99 killed</p>';</script></body></html>",
                    encoding="utf-8")
    with time_limit(20, "deeply nested html"):
        [document] = read_documents([path])
    assert document.text == "At least 12 people were killed."


def test_a_hostile_document_is_left_out_and_the_rest_checked(folder, monkeypatch):
    """A pattern timing out (the regex module raises TimeoutError) costs one document, not the run."""
    real = extract

    def fragile(document, rules):
        if "HOSTILE" in document.text:
            raise TimeoutError("regex timed out")
        return real(document, rules)

    monkeypatch.setattr("checker.extract.extract", fragile)
    monkeypatch.setattr("checker.pipeline.extract", fragile)
    (folder / "bad.txt").write_text("HOSTILE At least 3 people were killed.\n", encoding="utf-8")
    result = run("extract", str(folder))
    assert result.exit_code == 2
    assert error_lines(result) == [f"casualty-check: error: {folder / 'bad.txt'}: text too hostile to read: "
                                   "a pattern ran over its 2 s limit; document left out"]
    assert {r["doc"] for r in claim_rows(result)} == {"good"}


def test_an_unexpected_exception_is_one_line_not_a_traceback(folder, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("series")

    monkeypatch.setattr("checker.pipeline.check_claims", broken)
    result = run("check", str(folder))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        "casualty-check: error: internal error (KeyError: 'series'); please report it with the input that caused it"]


# Problems found by fuzzing in the extraction hot path, fixed: a long digit run, a sentence of
# hundreds of figures, a document long enough to outlast a lazily consumed timed finditer.

def test_extract_on_a_long_digit_run():
    with time_limit(10, "long digit run"):
        _consistent("9" * 400 + " people were killed.")


def test_extract_on_a_sentence_with_hundreds_of_figures():
    with time_limit(5, "600 figures in one sentence"):
        _consistent("12 killed, " * 600)


def test_extract_on_a_long_ordinary_document():
    text = "\n\n".join(a.read_text(encoding="utf-8") for a in ARTICLES) * 6
    with time_limit(60, "long ordinary document"):
        _consistent(text)


# --- fuzzing ------------------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    derandomize="FUZZ_EXAMPLES" not in os.environ,  # CI: the same examples every run; by hand: new ones
    deadline=None,  # the time bound is the alarm below, generous enough for a slow CI machine
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PIECES = ["1", "0", "12", ",", ",000", ".", ".5", " ", "-", "–", "%", " per cent", "(", ")", "+", "~", ">", "<",
          "to", "between", "and", "of", "a", "dozen", "dozens", "hundreds", "thousands", "tens", "million",
          "twenty", "seven", "hundred", "thousand", "more than", "nearly", "at least", "about", "up to",
          "some", "over", "under", "almost", "roughly", "an estimated", "fewer than", "k", "m", "bn", "\n", "\t"]
WORDS = ["killed", "dead", "wounded", "injured", "displaced", "missing", "hostages", "held", "released",
         "people", "children", "women", "civilians", "in", "Gaza", "Rafah", "Ukraine", "Turkey", "Syria",
         "the", "health", "ministry", "said", "according", "to", "UN", "OCHA", "since", "October", "7",
         "on", "Monday", "as", "of", "March", "3", "2024", "including", "whom", "were", "have", "been",
         ".", ",", ";", ":", "—", "“", "”", "\n", "\r\n", "<b>", "</p>", "&amp;", "Oct.", "U.S."]
number_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30).map("".join)
report_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PIECES), st.text(max_size=8)),
                       max_size=120).map(" ".join)


@FUZZ
@given(number_text)
def test_fuzz_parse_number(text):
    with time_limit(5, repr(text[:80])):
        number = parse_number(text)
    if number is not None:
        assert number.lower is None or number.lower <= number.value
        assert number.upper is None or number.value <= number.upper


@FUZZ
@given(report_text)
def test_fuzz_extract(text):
    with time_limit(10, repr(text[:80])):
        _consistent(text)


@FUZZ
@given(st.binary(max_size=2_000), st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_fuzz_reading_any_bytes(tmp_path_factory, data, suffix):
    """Whatever the bytes, reading gives documents or one-line problems naming the file, nothing else."""
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_bytes(data)
    problems = Problems()
    with time_limit(10, repr(data[:80])):
        documents = list(read_documents([path], problems=problems))
    for line in problems.errors + problems.warnings:
        assert line.startswith(str(path)) and "\n" not in line
    for document in documents:
        assert document.line_starts == line_starts_of(document.text)


# --- rules files ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, problem", [
    ("checks.yaml", "checks:\n  decrease: [unclosed\n", "checks.yaml:3: malformed YAML"),
    ("checks.yaml", "checks:\n  decrease:\n    enabled: sometimes\n",
     "checks.yaml: key checks.decrease.enabled: 'sometimes' is not of type 'boolean'"),
    ("qualifiers.yaml", "tolerence: 0.1\n", "qualifiers.yaml: key (top level): Additional properties are not "
                                             "allowed ('tolerence' was unexpected); allowed keys: after, before"),
    ("qualifiers.yaml", "- a\n- b\n", "qualifiers.yaml: key (top level): ['a', 'b'] is not of type 'object'"),
    ("metrics.yaml", "metrics:\n  killed:\n    cues:\n      - before: '(unclosed'\n",
     "invalid regular expression"),
    ("checks.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nchecks: *c\n",
     "checks.yaml:2: malformed YAML (aliases (*name) are not allowed)"),
    ("sources.yaml", b"sources:\n  caf\xe9: [x]\n", "sources.yaml: not UTF-8 text"),
])
def test_bad_rules_files_are_one_line_and_status_2(tmp_path, folder, name, text, problem):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with time_limit(20, name):
        result = CliRunner().invoke(cli, ["--rules", str(rules), "extract", "--no-cache", str(folder)])
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"casualty-check: error: {rules / name}") and problem in line, line


# --- output safety ----------------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["good.txt", "notes.md", "manifest.csv"])
def test_a_report_is_never_written_over_an_input(folder, target):
    (folder / "manifest.csv").write_text("doc,published\ngood,2024-02-07\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("extract", str(folder), "-o", str(folder / target))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"casualty-check: error: {folder / target}: refusing to write over an input document"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_report_is_never_written_over_the_input_file_named(folder):
    result = run("extract", str(folder / "good.txt"), "-o", str(folder / "good.txt"))
    assert result.exit_code == 2 and (folder / "good.txt").read_text(encoding="utf-8") == REPORT


def test_dash_writes_to_stdout(folder, tmp_path):
    result = run("extract", str(folder), "-o", "-")
    assert result.exit_code == 0 and claim_rows(result)
    assert sorted(p.name for p in folder.iterdir()) == ["good.txt"]


def test_a_failed_write_leaves_the_old_report_whole(folder, tmp_path, monkeypatch):
    target = tmp_path / "out" / "claims.csv"
    target.parent.mkdir()
    target.write_text("the previous report\n", encoding="utf-8")

    def full_disk(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run("extract", str(folder), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"casualty-check: error: {target}: cannot write (No space left on device)"
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in target.parent.iterdir()] == ["claims.csv"]  # no temporary file left behind


def test_a_suppression_comment_in_a_later_part_of_a_streamed_file_still_applies(tmp_path, monkeypatch):
    from report_fixtures import CORPUS, write_corpus  # noqa: PLC0415

    files = dict(CORPUS)
    files["quake_b.txt"] = ("Filler about the aid convoys.\n\n" * 8 + files["quake_b.txt"].replace(
        "The earthquake", "<!-- casualty-check: ignore -->\nThe earthquake"))
    folder = write_corpus(tmp_path / "a", files)
    monkeypatch.setattr(corpus, "STREAM_BYTES", 100)
    monkeypatch.setattr(corpus, "PART_CHARS", 200)
    assert len(list(read_documents([folder / "quake_b.txt"]))) > 1
    result = run("report", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 finding silenced by `casualty-check: ignore` comments" in result.stdout


def test_a_huge_page_without_block_elements_is_read_in_bounded_lines(tmp_path):
    sentence = "Officials said at least 12 people were killed\nin the strike. "
    path = tmp_path / "page.html"
    path.write_text("<html><body><span>" + sentence * 60_000 + "</span></body></html>", encoding="utf-8")
    with time_limit(30, "a huge page without blocks"):
        (document,) = read_documents([path])
    lines = document.text.split("\n")
    assert max(map(len, lines)) <= 2 * corpus._BLOCK
    assert len(lines) >= 2  # it was cut, not held whole
    assert document.text.count("killed in the strike") >= 60_000 - len(lines)  # each cut may split one


def test_a_line_break_inside_a_paragraph_of_markup_is_a_space(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>The earthquake has killed 18,342\n  people in Turkey,\r\nthe disaster "
                    "agency AFAD said.</p>\n<p>Rescuers worked through the night.</p></body></html>", encoding="utf-8")
    (claim,) = _claims_of(path)
    assert claim[5:8] == ("18,342", 18342, "killed") and claim[9] == "afad"
