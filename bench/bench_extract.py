"""Benchmark: extraction alone, in this process, one core, no claims cache, against one `regex` pass.

    .venv/bin/python bench/bench_extract.py                  # 20 MB: MB/s with and without the prefilter
    .venv/bin/python bench/bench_extract.py --size 5         # a smaller corpus
    .venv/bin/python bench/bench_extract.py --profile 2      # and a per-stage profile on the first 2 MB
    .venv/bin/python bench/bench_extract.py --engines        # and the multi-pattern engines compared

The corpus is the synthetic one `bench_pipeline.py` builds (bench/out/synth_{N}mb/). Every figure
is CPU seconds of this process (`time.process_time`), after one document has been extracted to
compile the patterns, so start-up is not included: `bench_pipeline.py --startup-only` times that.
The yardstick is one word-aware `regex` pass over the same texts finding every digit run, number
word, vague phrase and idiom (the number grammar's gate, `numbers._gate`), as issue 15 measures.
"""
from __future__ import annotations

import argparse
import bisect
import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pipeline import bench_one_article, build_corpus

from checker.corpus import read_documents
from checker.extract import extract, split_sentences
from checker.extract.prefilter import cue_literals, number_literals, prefilter
from checker.model import Document
from checker.numbers import _gate
from checker.rules import Rules, load_rules

# Stages of `extract`, each the cumulative time of the functions named (file, function); stages
# may nest (a sentence read for an anaphor's speaker runs `_frames` inside `referent`).
STAGES = [
    ("per document: places named (_PlaceIndex, _document_place)", [("place.py", "__init__"), ("place.py", "_document_place")]),
    ("per document: event dates, source names", [("when.py", "_event_dates"), ("source.py", "named_sources")]),
    ("per document: sentences and prefilter windows", [("sentences.py", "split_sentences"), ("prefilter.py", "windows")]),
    ("per sentence: number phrases (numbers.scan, _is_count)", [("numbers.py", "scan"), ("metric.py", "_is_count")]),
    ("per sentence: metric cues (_cue_matches, _best_cue)", [("metric.py", "_cue_matches"), ("metric.py", "_best_cue")]),
    ("per claim: attribution frames (_frames)", [("source.py", "_frames")]),
    ("per claim: anaphors' speakers (referent)", [("source.py", "referent")]),
    ("per claim: dates and scope (_explicit_date, _scope)", [("when.py", "_explicit_date"), ("scope.py", "_scope")]),
    ("per claim: metric refined, group, place, estimate", [("__init__.py", "_finish"), ("place.py", "_place"),
                                                          ("estimate.py", "_estimate")]),
    ("of which in the `regex` engine (match, search, finditer, ...)", [("~", "<method 'match' of '_regex.Pattern' objects>"),
                                                                      ("~", "<method 'search' of '_regex.Pattern' objects>"),
                                                                      ("~", "<method 'finditer' of '_regex.Pattern' objects>"),
                                                                      ("~", "<method 'fullmatch' of '_regex.Pattern' objects>"),
                                                                      ("~", "<method 'findall' of '_regex.Pattern' objects>")]),
]


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def regex_pass(texts: Sequence[str], rules: Rules) -> int:
    """Matches of one word-aware pass for digits and number words over every text."""
    gate = _gate(rules.numbers)
    return sum(1 for text in texts for _ in gate.finditer(text))


def extract_all(documents: Sequence[Document], rules: Rules, use_prefilter: bool) -> int:
    return sum(len(extract(d, rules, use_prefilter=use_prefilter)) for d in documents)


def windows_all(texts: Sequence[str], sentences: Sequence[list[tuple[int, int]]], rules: Rules) -> int:
    gate = prefilter(rules)
    return sum(sum(gate.windows(t, s) or s) for t, s in zip(texts, sentences))


def speed_table(documents: Sequence[Document], rules: Rules) -> list[str]:
    texts = [d.text for d in documents]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    sentences = [list(split_sentences(t)) for t in texts]
    extract(documents[0], rules)  # patterns compiled, prefilter built
    base = cpu_seconds(lambda: regex_pass(texts, rules))
    rows = [f"| one word-aware `regex` pass (digits, number words) | {base:.1f} | {mb / base:.2f} | 1x |"]
    windows = cpu_seconds(lambda: windows_all(texts, sentences, rules))
    open_ = windows_all(texts, sentences, rules)
    total = sum(map(len, sentences))
    rows.append(f"| prefilter alone: {open_:,} of {total:,} sentences are windows ({open_ / total:.0%}) "
                f"| {windows:.1f} | {mb / windows:.1f} | {windows / base:.2f}x |")
    for label, use in (("extraction without the prefilter (as before)", False), ("extraction with the prefilter", True)):
        claims = 0

        def run(use: bool = use) -> None:
            nonlocal claims
            claims = extract_all(documents, rules, use)

        seconds = cpu_seconds(run)
        rows.append(f"| {label}: {claims:,} claims | {seconds:.1f} | {mb / seconds:.3f} | {seconds / base:.0f}x |")
    header = [f"{len(documents):,} articles, {mb:.1f} MB of text; CPU seconds, one core, no cache\n",
              "| run | CPU s | MB/s | vs one regex pass |", "|---|---|---|---|"]
    return header + rows


def _stage_seconds(stats: dict, functions: list[tuple[str, str]]) -> float:
    """Cumulative seconds of the `functions` ((file, name); file "~" for built-in methods)."""
    return sum(ct for (path, _, name), (_, _, _, ct, _) in stats.items()
               if any(name == n and (path == "~" if f == "~" else path.endswith(f"/{f}")) for f, n in functions))


def profile_table(documents: Sequence[Document], rules: Rules) -> list[str]:
    """Cumulative seconds per stage of `extract` under cProfile, with and without the prefilter."""
    columns = []
    for use in (False, True):
        profiler = cProfile.Profile()
        profiler.enable()
        extract_all(documents, rules, use)
        profiler.disable()
        stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
        total = sum(tt for _, _, tt, _, _ in stats.values())
        column = {"total under the profiler": total}
        column.update((label, _stage_seconds(stats, functions)) for label, functions in STAGES)
        columns.append(column)
    mb = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    rows = [f"cProfile, {len(documents)} articles ({mb:.1f} MB); cumulative seconds\n",
            "| stage | without prefilter | with prefilter |", "|---|---|---|"]
    rows += [f"| {label} | {columns[0][label]:.2f} | {columns[1][label]:.2f} |" for label in columns[0]]
    return rows


def engines_table(documents: Sequence[Document], rules: Rules) -> list[str]:
    """The windows found by each multi-pattern engine installed, from the same literals."""
    texts = [d.text for d in documents]
    sentences = [list(split_sentences(t)) for t in texts]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    numbers, cues = sorted(number_literals(rules.numbers) or ()), sorted(cue_literals(c.pattern for c in rules.cues) or ())
    rows = ["| engine | CPU s | MB/s | windows |", "|---|---|---|---|"]
    for name, build in ENGINES.items():
        try:
            windows = build(numbers, cues)
        except ImportError:
            rows.append(f"| {name} | not installed | | |")
            continue
        seconds = cpu_seconds(lambda windows=windows: [windows(t, s) for t, s in zip(texts, sentences)])
        found = sum(sum(windows(t, s)) for t, s in zip(texts, sentences))
        rows.append(f"| {name} | {seconds:.2f} | {mb / seconds:.1f} | {found:,} |")
    return rows


Windows = Callable[[str, list[tuple[int, int]]], list[bool]]


def _marks(seen: list[int], starts: list[int], kind: int, end: int) -> None:
    seen[bisect.bisect_right(starts, end) - 1] |= kind


def _ahocorasick(numbers: list[str], cues: list[str]) -> Windows:
    from checker.extract.prefilter import Prefilter

    gate = Prefilter(frozenset(numbers), frozenset(cues))
    return lambda text, sentences: gate.windows(text, sentences) or [True] * len(sentences)


def _re2(numbers: list[str], cues: list[str]) -> Windows:
    """Two RE2 passes (case-insensitive alternations); RE2 reports no overlapping matches."""
    import re2

    patterns = [(re2.compile("(?i)(?:{})".format("|".join(re2.escape(w) for w in words))), kind)
                for words, kind in ((numbers, 1), (cues, 2))]

    def windows(text: str, sentences: list[tuple[int, int]]) -> list[bool]:
        starts, seen = [s for s, _ in sentences], [0] * len(sentences)
        for pattern, kind in patterns:
            for m in pattern.finditer(text):
                _marks(seen, starts, kind, m.end() - 1)
        return [s == 3 for s in seen]
    return windows


def _hyperscan(numbers: list[str], cues: list[str]) -> Windows:
    """Hyperscan over each sentence's UTF-8, one report per literal, stopping once both kinds are seen."""
    import hyperscan
    import regex

    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    words = numbers + cues
    database.compile(expressions=[regex.escape(w).encode() for w in words], ids=[1] * len(numbers) + [2] * len(cues),
                     flags=[hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH] * len(words))

    def windows(text: str, sentences: list[tuple[int, int]]) -> list[bool]:
        found = []
        for start, end in sentences:
            seen = [0]

            def report(kind: int, _from: int, _to: int, _flags: int, _context: object, seen: list[int] = seen) -> bool:
                seen[0] |= kind
                return seen[0] == 3  # True stops the scan
            try:
                database.scan(text[start:end].encode("utf-8"), match_event_handler=report)
            except hyperscan.ScanTerminated:
                pass
            found.append(seen[0] == 3)
        return found
    return windows


ENGINES: dict[str, Callable[[list[str], list[str]], Windows]] = {
    "pyahocorasick (whole document, lower-cased)": _ahocorasick,
    "google-re2 (whole document, two passes)": _re2,
    "hyperscan (per sentence, stops at first of each kind)": _hyperscan,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20, help="corpus size in MB")
    parser.add_argument("--profile", type=float, default=0, metavar="MB", help="profile extraction on the first MB of text")
    parser.add_argument("--engines", action="store_true", help="compare the multi-pattern engines installed")
    parser.add_argument("--startup", action="store_true", help="also time one short article end to end")
    args = parser.parse_args()
    rules = load_rules()
    documents = [d for d in read_documents([build_corpus(args.size)]) if d.text]
    print("\n".join(speed_table(documents, rules)), flush=True)
    if args.engines:
        print("\n" + "\n".join(engines_table(documents, rules)), flush=True)
    if args.profile:
        first, size = [], 0
        for document in documents:
            if size >= args.profile * 1e6:
                break
            first.append(document)
            size += len(document.text.encode("utf-8"))
        print("\n" + "\n".join(profile_table(first, rules)), flush=True)
    if args.startup:
        print("\n| one short article, process start included | wall (median of 5) | CPU |\n|---|---|---|")
        print("\n".join(bench_one_article()))


if __name__ == "__main__":
    main()
