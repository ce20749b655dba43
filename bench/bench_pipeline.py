"""Benchmark: synthetic wire-style archives of 1, 10 and 100 MB through extract, check and report.

    .venv/bin/python bench/bench_pipeline.py                 # all sizes
    .venv/bin/python bench/bench_pipeline.py --sizes 1 10    # some sizes (MB)
    .venv/bin/python bench/bench_pipeline.py --startup-only  # the one-article timing alone

The corpora are built under bench/out/ (git-ignored) from article templates: varied events
(wars, earthquakes, floods, epidemics, bombings), phrasings of each figure, qualifiers, sources,
and noise that must not become claims (dates, ages, money, distances, years, stray whitespace,
teaser lines). Each size is a folder of JSONL shards of 500 articles, the way archives come.
Every figure is measured by running the real `casualty-check` command in a fresh process, so
process start, imports and rule compilation are included and peak RSS is the process's own.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
CLI = Path(sys.executable).with_name("casualty-check")
SHARD_ARTICLES = 500

# (event kind, places it happens in, the sources that speak about it, the metrics it produces)
EVENTS = [
    ("war", ["Gaza", "Rafah", "Khan Younis", "the West Bank", "southern Lebanon", "Kharkiv", "Bakhmut",
             "Khartoum", "El Fasher", "Darfur", "Sanaa"],
     ["the Ministry of Health in Gaza", "OCHA", "the UN human rights office", "UNRWA", "the Israeli army",
      "Ukraine's interior ministry", "the World Health Organization", "local officials", "the Red Cross"],
     ["killed", "injured", "displaced", "missing", "detained"]),
    ("quake", ["Turkey", "Hatay", "Antakya", "northwest Syria", "Morocco", "Al Haouz", "Herat", "Nepal", "Noto"],
     ["AFAD", "the White Helmets", "the interior ministry", "local officials", "the UN", "the Red Crescent"],
     ["killed", "injured", "missing", "displaced"]),
    ("flood", ["Derna", "Libya", "Sindh", "Pakistan", "Bangladesh", "Kerala", "Goma"],
     ["the Red Crescent", "the International Organization for Migration", "local officials", "OCHA",
      "the World Food Programme"],
     ["killed", "missing", "displaced", "affected"]),
    ("epidemic", ["Malawi", "Haiti", "Yemen", "Ethiopia", "Sudan"],
     ["the World Health Organization", "UNICEF", "the health ministry", "Doctors Without Borders"],
     ["killed", "affected"]),
    ("bombing", ["Peshawar", "Kabul", "Baghdad", "Mosul", "Mogadishu"],
     ["the police", "a police spokesman", "hospital officials", "the governor"],
     ["killed", "injured"]),
    ("hostages", ["Gaza", "Israel"],
     ["Israeli officials", "the prime minister's office", "the Red Cross", "Hamas"],
     ["hostages_held", "hostages_released", "prisoners_released"]),
]

# Phrasings per metric; {n} is the figure with its qualifier, {place}, {src}, {when} as named.
FIGURES = {
    "killed": [
        "{n} people have been killed in {place} since the {event} began, {src} said {when}.",
        "The death toll in {place} rose to {n} on {when}, according to {src}.",
        "{src} said {n} people had died, many of them still buried under rubble.",
        "At the main hospital, medics counted {n} dead, {src} said.",
        "The {event} has killed {n} people in {place}, {src} said in a statement {when}.",
        "Among the dead were {k} children and {w} women, according to {src}.",
    ],
    "injured": [
        "{n} people were injured, {src} said.",
        "{src} said {n} people had been wounded in {place} since the {event} began.",
        "Hospitals treated {n} wounded people overnight, according to {src}.",
    ],
    "displaced": [
        "{n} people have been displaced in {place}, {src} said {when}.",
        "The fighting has forced {n} residents to flee their homes, according to {src}.",
        "{src} estimated that {n} people were sheltering in schools and tents.",
    ],
    "missing": [
        "{n} people remain missing, {src} said.",
        "Rescuers were still searching for {n} missing people in {place}, according to {src}.",
    ],
    "detained": ["{src} said {n} people had been detained in {place} since the start of the month."],
    "affected": [
        "{n} people need humanitarian assistance in {place}, {src} said.",
        "{src} said {n} people were in need of aid after the {event}.",
    ],
    "hostages_held": ["{n} hostages remain in Gaza, {src} said {when}.",
                      "{src} said {n} hostages were still being held."],
    "hostages_released": ["{n} hostages were released on {when}, according to {src}."],
    "prisoners_released": ["Israel freed {n} Palestinian prisoners in exchange, {src} said."],
}
QUALIFIERS = ["{v}", "{v}", "{v}", "at least {v}", "more than {v}", "nearly {v}", "about {v}", "some {v}",
              "over {v}", "almost {v}", "up to {v}", "an estimated {v}"]
VAGUE = ["dozens of", "hundreds of", "thousands of", "tens of thousands of"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Meridian Wire", "Capital Herald", "Nile Dispatch", "Alpine Press Service", "Danube Wire",
           "Harbour Times", "Coastal Chronicle"]

# Background, quotes and figures that are not counts of people: the bulk of a real article.
FILLER = [
    "Aid convoys waited at the crossing for a third day as officials argued over inspections.",
    "\"We have nothing left,\" said a {age}-year-old father of {kids} who gave only his first name.",
    "The appeal for {place} is only {pct} per cent funded, the UN said, out of ${money} million requested.",
    "Footage verified by reporters showed collapsed buildings along a {km} km stretch of the coast road.",
    "Talks brokered by Qatar and Egypt resumed on {weekday}, but negotiators reported little progress.",
    "Temperatures fell to {temp} degrees overnight, complicating the work of rescue teams.",
    "The {year} agreement, signed after months of mediation, has never been fully implemented.",
    "Officials said flight {flight} had been diverted and that Route {route} remained closed.",
    "Residents described queues for bread that stretched for hours, and water rationed to a few litres a day.",
    "Analysts said the offensive was likely to continue for weeks, citing satellite images of troop movements.",
    "The government declared {days} days of national mourning and ordered flags flown at half-mast.",
    "Electricity was restored to parts of the city after {hours} hours, the utility company said.",
    "Diplomats at the Security Council failed to agree on a resolution, with two members abstaining.",
    "Prices of flour and fuel have tripled since the start of the year, traders in the main market said.",
    "Journalists have been barred from entering independently, making figures hard to verify.",
    "Satellite images reviewed by independent analysts showed that entire neighbourhoods had been flattened.",
    "The foreign minister told reporters after a meeting in Brussels that any lasting settlement would need guarantees.",
    "Hospital directors warned that generators would run out of fuel within {days} days unless deliveries resumed.",
    "Schools in the area have been closed since {weekday}, and many have been turned into shelters for families.",
    "The army said it had struck what it described as command centres, a claim that could not be independently verified.",
    "A spokesperson for the humanitarian coalition said access remained the single biggest obstacle to the response.",
    "Mobile networks were down across much of the region, cutting families off from relatives abroad.",
    "Engineers inspecting the damaged dam said a second structure upstream was also at risk of failing.",
    "The price of a sack of rice has risen to {money} in local currency, according to traders interviewed by phone.",
    "Witnesses said the strike hit shortly after dawn prayers, when streets were still mostly empty.",
    "The central bank said it would keep interest rates at {pct} per cent to stabilise the currency.",
    "Opposition lawmakers called for an independent inquiry into the government's handling of the crisis.",
]


def _figure(rng: random.Random, typical: int) -> str:
    """A number of people as a reporter writes it: digits, words, scales, qualifiers, vague plurals."""
    roll = rng.random()
    if roll < 0.07:
        return rng.choice(VAGUE)
    if roll < 0.10:
        return rng.choice(["two", "three", "five", "seven", "a dozen", "twenty"])
    value = max(2, int(typical * rng.uniform(0.9, 1.1)))
    if rng.random() < 0.03:  # a mistyped or stale figure, for the checks to find
        value = int(value * rng.choice([0.5, 0.9, 1.5, 10]))
    if value >= 1_000_000:
        return f"{value / 1e6:.1f} million"
    return rng.choice(QUALIFIERS).format(v=f"{value:,}")


def _typical(kind: str, place: str, metric: str, published: date) -> int:
    """The size of a figure for an event, place and metric, growing with time as running tolls do."""
    base = random.Random(f"{kind}/{place}/{metric}").lognormvariate(6, 1.8)
    return int(base * (1 + (published - date(2022, 1, 1)).days / 200))


def article(rng: random.Random, index: int) -> dict:
    """One wire-style article as a JSONL record (SPEC 1): doc, text, published, outlet, title."""
    kind, places, sources, metrics = rng.choice(EVENTS)
    place = rng.choice(places)
    published = date(2022, 1, 1) + timedelta(days=rng.randrange(1500))
    outlet = rng.choice(OUTLETS)
    title = f"{kind.capitalize()} in {place}: toll rises as aid struggles to arrive"
    dateline = f"{place.upper().replace('THE ', '')}, {published:%d %B %Y} ({outlet}) – "
    fillers = rng.sample(FILLER, k=len(FILLER))
    paragraphs = []
    for _ in range(rng.randint(10, 18)):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3 or not fillers:
                metric = rng.choice(metrics)
                sentence = rng.choice(FIGURES[metric]).format(
                    n=_figure(rng, _typical(kind, place, metric, published)), k=f"{rng.randint(3, 900):,}",
                    w=f"{rng.randint(2, 500):,}", place=place, src=rng.choice(sources), event=kind,
                    when=rng.choice(WEEKDAYS + [f"{published:%B %d}"]))
            else:
                sentence = fillers.pop().format(
                    age=rng.randint(19, 80), kids=rng.randint(2, 7), place=place, pct=rng.randint(5, 60),
                    money=rng.randint(20, 900), km=rng.randint(2, 40), weekday=rng.choice(WEEKDAYS),
                    temp=rng.randint(-9, 4), year=rng.randint(1990, 2021), flight=rng.randint(100, 999),
                    route=rng.randint(1, 90), days=rng.randint(2, 7), hours=rng.randint(6, 72))
            sentences.append(sentence[0].upper() + sentence[1:])
        gap = "  " if rng.random() < 0.1 else " "  # noise: double spaces, as pasted copy has
        paragraphs.append(gap.join(sentences))
    if rng.random() < 0.3:  # a teaser line linking to another article: its figures are not this one's
        paragraphs.insert(rng.randrange(1, len(paragraphs)), f"Read also: {place} toll passes {rng.randint(10, 9000):,}")
    text = title + "\n" + dateline + "\n".join(paragraphs) + "\n"
    return {"doc": f"synth_{index:07d}", "text": text, "published": published.isoformat(),
            "outlet": outlet, "title": title}


def build_corpus(megabytes: int) -> Path:
    """bench/out/synth_{N}mb/ with JSONL shards totalling about N MB (reused when already built)."""
    folder = OUT / f"synth_{megabytes}mb"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(megabytes)  # the same corpus every time for a size
    target, written, index = megabytes * 1_000_000, 0, 0
    while written < target:
        with (folder / f"shard_{index // SHARD_ARTICLES:05d}.jsonl").open("w", encoding="utf-8") as out:
            for _ in range(SHARD_ARTICLES):
                line = json.dumps(article(rng, index), ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                index += 1
                if written >= target:
                    break
    done.write_text(f"{index} articles\n")
    return folder


def text_bytes(folder: Path) -> int:
    """Bytes of article text (what extraction reads), not of the JSONL around it."""
    total = 0
    for shard in sorted(folder.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as handle:
            total += sum(len(json.loads(line)["text"].encode("utf-8")) for line in handle)
    return total


@dataclass(frozen=True)
class Run:
    """One `casualty-check` process: wall and CPU seconds (its workers included), peak RSS in MiB."""

    wall: float
    cpu: float
    rss: float


def timed(args: list[str], cwd: Path = ROOT) -> Run:
    """Run `casualty-check ARGS` in a fresh process: process start, imports and rule compilation included."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([str(CLI), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of the process and the workers it waited for
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            err.seek(0)
            raise SystemExit(f"casualty-check {' '.join(args)} failed: {err.read().decode().strip()}")
    # Linux gives ru_maxrss in KiB, for the largest single process (the main one or one worker)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def bench_size(megabytes: int, jobs: int, extraction_runs: bool) -> list[str]:
    """Table rows for one corpus size: extraction alone (`extraction_runs`), the whole report with
    an empty claims cache, then warm, then with one article changed."""
    folder = build_corpus(megabytes)
    work = OUT / f"run_{megabytes}mb"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    mb = text_bytes(folder) / 1e6
    label = f"{megabytes} MB ({mb:.1f} MB of text)"
    rows = []
    for j in [1, jobs] if extraction_runs else []:
        table = work / f"claims_j{j}.csv"
        run = timed(["extract", str(folder), "--no-cache", "--jobs", str(j), "-o", str(table)])
        claims = lines(table) - 1
        rows.append(row(label, f"extract --jobs {j}", f"{run.wall:.1f}", f"{run.cpu:.1f}",
                        f"{mb / run.wall:.2f} MB/s, {claims / run.wall:,.0f} claims/s",
                        f"{mb / run.cpu:.2f} MB/s", f"{run.rss:,.0f}"))
    if extraction_runs:
        same = (work / "claims_j1.csv").read_bytes() == (work / f"claims_j{jobs}.csv").read_bytes()
        rows.append(row(label, f"claim tables of --jobs 1 and --jobs {jobs} byte-identical: {same}", "", "", "", "", ""))
    cached = ["report", str(folder), "--jobs", str(jobs), "-o", str(work / "report.md"), "--cache-dir", str(work / "cache")]
    run = timed(cached)  # an empty cache: everything is extracted (and stored)
    rows.append(row(label, f"extract+check+report --jobs {jobs}", f"{run.wall:.1f}", f"{run.cpu:.1f}",
                    f"{mb / run.wall:.2f} MB/s end to end", "", f"{run.rss:,.0f}"))
    run = timed(cached)
    rows.append(row(label, "same, warm cache", f"{run.wall:.1f}", f"{run.cpu:.1f}", "", "", f"{run.rss:,.0f}"))
    # the checks alone: claims from the warm cache, findings written, no report
    run = timed(["check", str(folder), "--jobs", str(jobs), "--format", "json", "--fail-on", "never",
                 "-o", str(work / "findings.json"), "--cache-dir", str(work / "cache")])
    rows.append(row(label, "check (claims from the warm cache)", f"{run.wall:.1f}", f"{run.cpu:.1f}", "", "",
                    f"{run.rss:,.0f}"))
    shard = sorted(folder.glob("*.jsonl"))[-1]
    original = shard.read_bytes()
    try:
        records = original.decode("utf-8").splitlines(keepends=True)
        edited = json.loads(records[-1])
        edited["text"] = edited["text"].replace(" said", " told reporters", 1)
        records[-1] = json.dumps(edited, ensure_ascii=False) + "\n"
        shard.write_text("".join(records), encoding="utf-8")
        run = timed(cached)
    finally:
        shard.write_bytes(original)
    rows.append(row(label, "same, one article changed", f"{run.wall:.1f}", f"{run.cpu:.1f}", "", "", f"{run.rss:,.0f}"))
    return rows


def bench_one_article(repeat: int = 5) -> list[str]:
    """Rows for one short article checked end to end, process start included (median of `repeat`)."""
    article = ROOT / "seeds" / "000_814d2d85b0b194a9.txt"
    cache = Path(tempfile.mkdtemp(prefix="casualty-bench-"))
    try:
        runs = {
            "`casualty-check --version` (interpreter and CLI start)": ["--version"],
            "`check` one article, no cache": ["check", str(article), "--fail-on", "never", "--no-cache"],
            "`check` one article, warm cache": ["check", str(article), "--fail-on", "never", "--cache-dir", str(cache)],
        }
        rows = []
        for label, args in runs.items():
            timed(args)  # warms the page cache (and the claims cache for the last one)
            measured = sorted((timed(args) for _ in range(repeat)), key=lambda r: r.wall)
            middle = measured[len(measured) // 2]
            rows.append(row(label, f"{middle.wall:.2f} s (min {measured[0].wall:.2f})", f"{middle.cpu:.2f} s"))
        return rows
    finally:
        shutil.rmtree(cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100], help="corpus sizes in MB")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs")
    parser.add_argument("--extract-up-to", type=int, default=100,
                        help="time extraction alone (--jobs 1 and --jobs N) for sizes up to this many MB")
    parser.add_argument("--startup-only", action="store_true", help="only the one-article timing")
    args = parser.parse_args()
    print(f"Machine: {os.cpu_count()} CPUs, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {sys.version.split()[0]}\n")
    print("| one short article | wall time (median) | CPU time |\n|---|---|---|")
    print("\n".join(bench_one_article()), flush=True)
    if args.startup_only:
        return
    print("\n| corpus | run | wall s | CPU s | throughput (wall) | per CPU-second | peak RSS MiB |\n"
          "|---|---|---|---|---|---|---|", flush=True)
    for size in args.sizes:
        print("\n".join(bench_size(size, args.jobs, size <= args.extract_up_to)), flush=True)


if __name__ == "__main__":
    main()
