"""Finding and reading input documents (.txt, .md with front matter, .html, .jsonl) and their metadata.

Metadata precedence (SPEC 1): front matter, then a `manifest.csv` beside the documents, then an
explicit `--manifest`. Text is read with universal newlines, so offsets match what any Python
reader of the file sees, and `Document.position` gives line and column in the file.
"""
from __future__ import annotations

import csv
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .model import Document, line_starts_of

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MANIFEST_NAME = "manifest.csv"
METADATA_FIELDS = ("published", "outlet", "url", "title")


class InputError(Exception):
    """Input that cannot be read as documents; the message names the file and the problem."""


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Document files under `paths` (files as given, folders searched recursively), sorted per folder."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file())
            if not inside:
                raise InputError(f"{path}: no documents found (looked for {', '.join(DOCUMENT_SUFFIXES)})")
            found.extend(inside)
        else:
            found.append(path)
    return found


def parse_date(value: str, where: str) -> date | None:
    """An ISO date from metadata, None when empty; InputError naming `where` when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a manifest keyed by `doc` and by resolved `file` path (SPEC 1)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            if "doc" not in columns and "file" not in columns:
                raise InputError(f"{path}: manifest needs a 'doc' or 'file' column (found: {', '.join(columns) or 'none'})")
            rows: dict[str, dict[str, str]] = {}
            for number, row in enumerate(reader, start=2):
                if None in row:
                    raise InputError(f"{path}:{number}: row has more fields than the header")
                doc = (row.get("doc") or "").strip()
                file = (row.get("file") or "").strip()
                if not doc and not file:
                    raise InputError(f"{path}:{number}: row has neither 'doc' nor 'file'")
                parse_date(row.get("published", ""), f"{path}:{number}")
                keys = [k for k in (doc, str((path.parent / file).resolve()) if file else "") if k]
                for key in keys:
                    if key in rows:
                        raise InputError(f"{path}:{number}: duplicate document {key!r}")
                    rows[key] = {k: (v or "").strip() for k, v in row.items() if k}
            return rows
    except UnicodeDecodeError:
        raise InputError(f"{path}: manifest is not UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read manifest ({exc.strerror})") from None


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page; block elements end lines, scripts and styles are dropped."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Front matter of a Markdown file and the body after it (offsets then refer to the body)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: malformed front matter ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter is not a mapping")
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1:] if body_start >= 0 else ""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _document(doc: str, path: Path, text: str, meta: dict, where: str) -> Document:
    return Document(
        doc=doc, path=str(path), text=text,
        published=parse_date(str(meta.get("published") or ""), where),
        outlet=str(meta.get("outlet") or ""), url=str(meta.get("url") or ""),
        title=str(meta.get("title") or ""),
        locale=str(meta.get("locale") or meta.get("lang") or ""),
        line_starts=line_starts_of(text),
    )


def _documents_in(path: Path) -> Iterator[tuple[str, str, dict]]:
    """(doc id, text, front-matter metadata) for each document a file holds."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for number, line in enumerate(_read_text(path).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{path}:{number}: record needs a 'text' string")
            yield str(record.get("doc") or f"{path.stem}:{number}"), record["text"], record
        return
    text = _read_text(path)
    if suffix in (".html", ".htm"):
        yield path.stem, html_text(text), {}
    elif suffix in (".md", ".markdown"):
        meta, body = _front_matter(text, path)
        yield str(meta.get("doc") or path.stem), body, meta
    else:
        yield path.stem, text, {}


def read_documents(paths: Iterable[str | Path], manifest: str | Path | None = None) -> Iterator[Document]:
    """Every document under `paths`, with metadata merged from front matter and manifests."""
    explicit = read_manifest(Path(manifest)) if manifest else {}
    beside: dict[Path, dict[str, dict[str, str]]] = {}
    for path in discover(paths):
        folder = path.parent
        if folder not in beside:
            candidate = folder / MANIFEST_NAME
            beside[folder] = read_manifest(candidate) if candidate.exists() else {}
        resolved = str(path.resolve())
        for doc, text, own in _documents_in(path):
            meta: dict = {}
            for table in (explicit, beside[folder]):
                row = table.get(doc) or table.get(resolved)
                if row:
                    meta = {**row, **meta}
            meta = {**meta, **{k: v for k, v in own.items() if k in METADATA_FIELDS and v}}
            yield _document(doc, path, text, meta, str(path))

