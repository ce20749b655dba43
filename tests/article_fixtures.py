"""Short wire-style articles written into a folder with a manifest, and run through the real
pipeline (`checked`), or one article extracted alone (`claims_of`): shared by tests/test_events.py,
tests/test_sameness.py and tests/test_documents_and_doubts.py."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import NamedTuple

from checker.extract import extract
from checker.model import Claim, Document, line_starts_of
from checker.pipeline import Result, run
from checker.rules import load_rules

RULES = load_rules(None)


class Article(NamedTuple):
    doc: str
    outlet: str
    published: str
    text: str  # the headline is the first line


def write_corpus(folder: Path, *articles: Article, events: dict[str, str] | None = None) -> Path:
    """The articles as .txt files beside a manifest.csv; `events` fills its `event` column."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = ["doc", "file", "outlet", "url", "published", "title"] + (["event"] if events is not None else [])
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for a in articles:
            (folder / f"{a.doc}.txt").write_text(a.text, encoding="utf-8")
            row = {"doc": a.doc, "file": f"{a.doc}.txt", "outlet": a.outlet, "url": f"https://news.example/{a.doc}",
                   "published": a.published, "title": a.text.splitlines()[0]}
            if events is not None:
                row["event"] = events.get(a.doc, "")
            writer.writerow(row)
    return folder


def checked(tmp_path: Path, *articles: Article, events: dict[str, str] | None = None) -> Result:
    return run([write_corpus(tmp_path / "articles", *articles, events=events)], RULES)


def claims_of(article: Article) -> list[Claim]:
    """The claims extracted from one article alone."""
    document = Document(doc=article.doc, path=f"{article.doc}.txt", text=article.text,
                        published=date.fromisoformat(article.published), outlet=article.outlet,
                        title=article.text.splitlines()[0], line_starts=line_starts_of(article.text))
    return extract(document, RULES)
