"""Finding and reading input documents (.txt, .md with front matter, .html, .jsonl) and their metadata.

Metadata precedence (SPEC 1): front matter, then a `manifest.csv` beside the documents, then an
explicit `--manifest`. Text is decoded here, once, and read with universal newlines (`\\r\\n` and
a lone `\\r` end a line like `\\n`), so offsets match what any Python reader of the file sees and
`Document.position` gives line and column in the file.

Bad input never stops a run half-way by accident: each problem is one line naming the file, sent to
a `Problems` collector. An error means something was left out (a file, a record, a manifest row or
field) and the run ends with exit status 2; a warning means the input was read with a change the
user should know about (bytes that are not UTF-8, an empty file). With `keep_going` off, the first
error raises `InputError` instead.

Files larger than `STREAM_BYTES` are streamed: they are never held whole, but read block by block
and handed on as `DocumentPart`s of about `PART_CHARS` characters, cut at paragraph breaks; a
part knows where it stands in its file, and `placed` moves the claims found in it there.
"""
from __future__ import annotations

import codecs
import csv
import errno
import io
import json
import os
import re
import stat
import threading
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from itertools import accumulate, chain
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence


from .model import Claim, Document
from .suppress import DIRECTIVE

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MANIFEST_NAME = "manifest.csv"
METADATA_FIELDS = ("published", "outlet", "url", "title", "locale", "lang", "event")

#: Files above this size are streamed in parts instead of being read whole.
STREAM_BYTES = 8 * 2**20
#: Characters per part of a streamed file. Small, because a part is extracted like one document
#: and extraction's pattern timeouts count the time spent on a whole document (see the xfail
#: test_extract_on_a_long_ordinary_document in tests/test_robustness.py).
PART_CHARS = 32 * 2**10
_BLOCK = 2**20  # bytes read at a time; the first block also decides the encoding
_MAX_FRONT_MATTER = 64 * 2**10
_LINE_END = re.compile(r"\r\n?|\n")  # what ends a line for model.line_starts_of
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_HIGH_BYTES = [bytes([b]) for b in range(0x80, 0x100)]
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputError(Exception):
    """Input that cannot be read as documents; the message names the file and the problem."""


@dataclass
class Problems:
    """Problems met while reading, one line each naming the file: `errors` (something was left out)
    and `warnings` (read, with a change worth knowing). Without `keep_going` an error raises."""

    keep_going: bool = True
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, message: str) -> None:
        if not self.keep_going:
            raise InputError(message)
        self.errors.append(message)

    def warning(self, message: str) -> None:
        self.warnings.append(message)


@dataclass(frozen=True, slots=True)
class DocumentPart(Document):
    """A document's text that does not start at the top of its file: a part of a streamed file
    (`offset` characters into the document) or a Markdown body after its front matter.
    `first_line`/`first_column` say where `text` starts in the file."""

    offset: int = 0
    first_line: int = 1
    first_column: int = 1


def placed(document: Document, claims: Sequence[Claim]) -> list[Claim]:
    """`claims` found in `document` with offsets, ids and positions moved to where its text stands."""
    if not isinstance(document, DocumentPart):
        return list(claims)
    return [replace(c, claim_id=f"{c.doc}:{c.start + document.offset}", start=c.start + document.offset,
                    end=c.end + document.offset, line=c.line + document.first_line - 1,
                    column=c.column + document.first_column - 1 if c.line == 1 else c.column)
            for c in claims]


def _strict(problems: Problems | None) -> Problems:
    return problems if problems is not None else Problems(keep_going=False)


def _file_problem(path: Path | str, exc: OSError) -> str:
    """What is wrong with a path that cannot be opened or listed, in a few words."""
    if exc.errno == errno.ELOOP:
        return f"{path}: symlink loop"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"{path}: broken symlink (points to {os.readlink(path)})"
    if exc.errno == errno.ENOENT:
        return f"{path}: no such file or directory"
    return f"{path}: cannot read ({exc.strerror})"


def _regular_file(path: Path, problems: Problems) -> bool:
    """True for a file that can be read to its end; FIFOs and devices would block or never end."""
    try:
        info = os.stat(path)
    except OSError as exc:
        problems.error(_file_problem(path, exc))
        return False
    if not stat.S_ISREG(info.st_mode):
        problems.error(f"{path}: not a regular file, skipped")
        return False
    return True


def _walk(folder: Path, problems: Problems) -> list[Path]:
    """Document files under `folder`, following symlinked folders but never into a loop."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for top, dirs, files in os.walk(folder, followlinks=True,
                                    onerror=lambda exc: problems.error(_file_problem(exc.filename, exc))):
        here = os.stat(top)
        seen.add((here.st_dev, here.st_ino))
        for name in list(dirs):
            inside = os.path.join(top, name)
            try:
                info = os.stat(inside)
            except OSError as exc:
                dirs.remove(name)
                problems.error(_file_problem(inside, exc))
                continue
            if (info.st_dev, info.st_ino) in seen:
                dirs.remove(name)
                problems.error(f"{inside}: symlink loop (a folder already being read), not followed")
        for name in files:
            path = Path(top) / name
            if path.suffix.lower() in DOCUMENT_SUFFIXES and _regular_file(path, problems):
                found.append(path)
    return sorted(found)


def discover(paths: Iterable[str | Path], problems: Problems | None = None) -> list[Path]:
    """Document files under `paths` (files as given, folders searched recursively), sorted per folder."""
    problems = _strict(problems)
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            path.stat()
        except OSError as exc:
            problems.error(_file_problem(path, exc))
            continue
        if path.is_dir():
            inside = _walk(path, problems)
            if not inside:
                problems.error(f"{path}: no documents found (looked for {', '.join(DOCUMENT_SUFFIXES)})")
            found.extend(inside)
        elif _regular_file(path, problems):
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:  # a file named twice ("seeds seeds/a.txt") is read once
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def parse_date(value: str, where: str) -> date | None:
    """An ISO date from metadata, None when empty; InputError naming `where` when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


# --- decoding --------------------------------------------------------------------------------

_unreadable = threading.local()  # bytes replaced so far in this thread (see _replace)


def _replace(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: U+FFFD for each unreadable byte, counted, so the user can be told."""
    assert isinstance(exc, UnicodeDecodeError)
    _unreadable.count = _replaced() + exc.end - exc.start
    return "\ufffd" * (exc.end - exc.start), exc.end


def _replaced() -> int:
    return getattr(_unreadable, "count", 0)


codecs.register_error("casualty-check.replace", _replace)


def _encoding(head: bytes, path: Path) -> tuple[str, str]:
    """(codec, note for the user or "") for a file whose first block is `head`."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, "" if codec == "utf-8-sig" else f"read as {codec.upper()} (byte order mark)"
    if b"\0" in head:
        raise InputError(f"{path}: binary file (NUL byte at offset {head.index(0)}), skipped")
    before = _replaced()
    probe = codecs.getincrementaldecoder("utf-8")("casualty-check.replace").decode(head)
    # Valid UTF-8, or UTF-8 with a few stray bytes (it has well-formed multi-byte characters too):
    # the stray bytes are replaced and counted. Guessing another encoding there would garble the rest.
    if _replaced() == before or _NON_ASCII.search(probe):
        return "utf-8", ""
    from charset_normalizer import from_bytes  # noqa: PLC0415  (only for files that are not UTF-8)
    from charset_normalizer.constant import IANA_SUPPORTED  # noqa: PLC0415
    from charset_normalizer.utils import is_multi_byte_encoding  # noqa: PLC0415

    # Text that is mostly ASCII is Western text in a single-byte code page, and then Windows-1252
    # unless another fits better: on a few accented letters or curly quotes the detector would
    # otherwise as soon name Big5 or an old DOS code page ("Télégramme" as "T幨嶲ramme").
    mostly_ascii = 3 * sum(map(head.count, _HIGH_BYTES)) < len(head)
    exclude = [e for e in IANA_SUPPORTED if is_multi_byte_encoding(e)] if mostly_ascii else []
    best = from_bytes(head, cp_exclusion=exclude).best()
    western = from_bytes(head, cp_isolation=["cp1252"]).best() if mostly_ascii else None
    if western is not None and (best is None or western.chaos <= best.chaos):
        best = western
    if best is None:
        raise InputError(f"{path}: not text (no character encoding fits), skipped")
    codec = codecs.lookup(best.encoding).name
    return codec, "" if codec in ("utf-8", "ascii") else f"not UTF-8: read as {codec} (detected)"


def _text_blocks(path: Path, problems: Problems) -> Iterator[str]:
    """The text of `path` in blocks: decoded, newlines made `\\n`, unreadable bytes made U+FFFD."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(_file_problem(path, exc)) from None
    replaced = 0
    with handle:
        try:
            block = handle.read(_BLOCK)
            codec, note = _encoding(block, path)
            if note:
                problems.warning(f"{path}: {note}")
            decoder = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder(codec)("casualty-check.replace"),
                                                   translate=True)
            while True:
                mark = _replaced()
                text = decoder.decode(block, final=not block)
                # NULs past the first block: a damaged text file rather than a binary one
                nuls = text.count("\0")
                replaced += _replaced() - mark + nuls
                yield text.replace("\0", "\ufffd") if nuls else text
                if not block:
                    break
                block = handle.read(_BLOCK)
        except OSError as exc:
            raise InputError(_file_problem(path, exc)) from None
    if replaced:
        problems.warning(f"{path}: {replaced:,} byte(s) that are not valid {codec} replaced with U+FFFD")


# --- formats ---------------------------------------------------------------------------------

# Marks, in the parser's output, where a suppressed paragraph ends; `_html_lines` makes it a blank line.
_PARAGRAPH_BREAK = "\n\ue000\n"


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page; block elements end lines, scripts and styles are dropped.
    A `casualty-check: ignore` comment is kept on a line of its own, and the block after it is
    closed by a blank line: that is the paragraph the comment silences (suppress.py)."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        # after a directive, whether the block it silences has shown text yet; None: no directive
        self._silencing: bool | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append(_PARAGRAPH_BREAK if self._silencing else "\n")
            self._silencing = None if self._silencing else self._silencing

    def handle_data(self, data):
        if not self._skip:
            data = data.replace("\r", " ").replace("\n", " ")  # a line break in markup is a space
            self.parts.append(data)
            if self._silencing is not None and data.strip():
                self._silencing = True

    def handle_comment(self, data):
        comment = f"<!--{data}-->"
        if not self._skip and DIRECTIVE.fullmatch(comment):
            self.parts.append(f"\n{comment}\n")
            self._silencing = False


def _html_lines(blocks: Iterable[str]) -> Iterator[str]:
    """The non-empty lines of text of the markup in `blocks`, whitespace collapsed, as they complete."""
    parser = _TextOfHTML()
    pending = ""

    def complete(final: bool) -> Iterator[str]:
        nonlocal pending
        lines = (pending + "".join(parser.parts)).split("\n")
        parser.parts.clear()
        # a block element may never close: past a block's length its text is let go as a line
        pending = "" if final or len(lines[-1]) > _BLOCK else lines.pop()
        for line in lines:
            line = " ".join(line.split())
            if line == _PARAGRAPH_BREAK.strip():
                yield ""
            elif line:
                yield line

    for block in blocks:
        parser.feed(block)
        yield from complete(final=False)
    parser.close()
    yield from complete(final=True)


def html_text(markup: str) -> str:
    return "\n".join(_html_lines([markup]))


class MalformedYAML(ValueError):
    """YAML that `safe_yaml` cannot read: `problem` says why, `line` where (1-based; None if unknown)."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem, self.line = problem, line


def safe_yaml(text: str) -> Any:
    """`yaml.safe_load` of `text`, refusing aliases: no rule or front matter needs them, and a few
    nested ones (a "billion laughs" bomb) expand into more data than any machine holds. Raises
    MalformedYAML."""
    import yaml  # noqa: PLC0415  (30 ms: the bundled rules are read from JSON, most runs parse no YAML)

    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                raise MalformedYAML("aliases (*name) are not allowed", token.start_mark.line + 1)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MalformedYAML(problem, mark.line + 1 if mark else None) from None


def _front_matter(text: str, path: Path) -> tuple[dict, int]:
    """Front matter of a Markdown file and where its body starts (0 when there is none)."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 4, _MAX_FRONT_MATTER)
    if end < 0:
        return {}, 0
    try:
        meta = safe_yaml(text[4:end]) or {}
    except MalformedYAML as exc:
        raise InputError(f"{path}: malformed front matter ({exc.problem})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter is not a mapping")
    body_start = text.find("\n", end + 4)
    return meta, body_start + 1 if body_start >= 0 else len(text)


def _cut(text: str, start: int, limit: int) -> int:
    """Where a part starting at `start` ends: a paragraph break, else a line break, else a space."""
    window = text[start:start + limit]
    for mark in ("\n\n", "\n", " "):
        at = window.rfind(mark)
        if at >= limit // 2:
            return start + at + len(mark)
    return start + limit


def _parts(pieces: Iterable[str], limit: int, line: int = 1) -> Iterator[tuple[int, int, int, str]]:
    """(offset, line, column, text) of consecutive parts of about `limit` characters of the text
    `pieces` make up; a part ends at a paragraph break when one is near."""
    pending: list[str] = []  # pieces not yet in a part; joined once there is a part's worth
    size, offset, column = 0, 0, 1
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size < limit:
            continue
        buffer, start = "".join(pending), 0
        while len(buffer) - start >= limit:
            end = _cut(buffer, start, limit)
            part = buffer[start:end]
            yield offset, line, column, part
            offset, start = offset + len(part), end
            newlines = part.count("\n")
            line, column = (line + newlines, len(part) - part.rfind("\n")) if newlines else (line, column + len(part))
        pending, size = [buffer[start:]], len(buffer) - start
    if size:
        yield offset, line, column, "".join(pending)


def _jsonl_records(path: Path, problems: Problems) -> Iterator[tuple[int, str, str, dict]]:
    """(line number, doc id, text, record) for each record of a .jsonl file, read line by line."""
    pending: list[str] = []  # the start of a line longer than a block
    number = 0
    for block in _text_blocks(path, problems):
        if "\n" not in block:
            pending.append(block)
            continue
        lines = block.split("\n")
        lines[0] = "".join(pending) + lines[0]
        pending = [lines.pop()]
        for line in lines:
            number += 1
            yield from _record(path, number, line, problems)
    if "".join(pending):
        yield from _record(path, number + 1, "".join(pending), problems)


def _record(path: Path, number: int, line: str, problems: Problems) -> Iterator[tuple[int, str, str, dict]]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        problems.error(f"{path}:{number}: malformed JSON ({getattr(exc, 'msg', 'nested too deeply')}), record skipped")
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        problems.error(f"{path}:{number}: record needs a 'text' string, record skipped")
        return
    yield number, str(record.get("doc") or f"{path.stem}:{number}"), record["text"], record


@dataclass(frozen=True, slots=True)
class _Text:
    """A document or a part of one, as a file holds it, before metadata is merged in."""

    doc: str
    where: str  # the file, or file:line of a .jsonl record
    own: dict  # metadata the file itself gives (front matter, .jsonl fields)
    text: str
    offset: int = 0
    line: int = 1
    column: int = 1


def _texts_in(path: Path, problems: Problems) -> Iterator[_Text]:
    """The documents (or parts of one) a file holds."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for number, doc, text, record in _jsonl_records(path, problems):
            yield _Text(doc, f"{path}:{number}", record, text)
        return
    blocks = _text_blocks(path, problems)
    streamed = path.stat().st_size > STREAM_BYTES
    if suffix in (".html", ".htm"):
        lines = _html_lines(blocks)
        if streamed:
            for offset, line, column, part in _parts((f"{text}\n" for text in lines), PART_CHARS):
                yield _Text(path.stem, str(path), {}, part, offset, line, column)
        else:
            yield _Text(path.stem, str(path), {}, "\n".join(lines))
        return
    meta: dict = {}
    body_line = 1
    first = next(blocks, "")
    if suffix in (".md", ".markdown"):
        meta, body_start = _front_matter(first, path)
        body_line += first.count("\n", 0, body_start)
        first = first[body_start:]
    doc = str(meta.get("doc") or path.stem)
    if streamed:
        for offset, line, column, part in _parts(chain([first], blocks), PART_CHARS, body_line):
            yield _Text(doc, str(path), meta, part, offset, line, column)
    else:
        yield _Text(doc, str(path), meta, "".join(chain([first], blocks)), line=body_line)


# --- manifests and metadata ------------------------------------------------------------------

def read_manifest(path: Path, problems: Problems | None = None) -> dict[str, dict[str, str]]:
    """Rows of a manifest keyed by `doc` and by resolved `file` path (SPEC 1).

    A row that cannot be placed (too many or too few fields, no id, a duplicate) is left out and
    reported; a bad `published` date is reported and left empty, the rest of its row kept.
    """
    problems = _strict(problems)
    rows: dict[str, dict[str, str]] = {}
    try:
        text = "".join(_text_blocks(path, problems))
    except InputError as exc:
        problems.error(f"{exc} (manifest)")
        return rows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = reader.fieldnames or []
        if "doc" not in columns and "file" not in columns:
            problems.error(f"{path}: manifest needs a 'doc' or 'file' column (found: {', '.join(columns) or 'none'}); "
                           "manifest not used")
            return rows
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or None in row.values():
                count = len(columns) + len(row.get(None) or ()) - sum(v is None for v in row.values())
                problems.error(f"{where}: row has {count} fields, the header {len(columns)}; row not used")
                continue
            values = {k: v.strip() for k, v in row.items() if k}
            doc, file = values.get("doc", ""), values.get("file", "")
            if not doc and not file:
                problems.error(f"{where}: row has neither 'doc' nor 'file'; row not used")
                continue
            try:
                parse_date(values.get("published", ""), where)
            except InputError as exc:
                problems.error(f"{exc}; document read without a date")
                values["published"] = ""
            if file and not (path.parent / file).exists():
                problems.warning(f"{where}: file {file!r} not found beside the manifest")
            keys = [k for k in (doc, str((path.parent / file).resolve()) if file else "") if k]
            taken = [k for k in keys if k in rows]
            if taken:
                problems.error(f"{where}: duplicate document {taken[0]!r}; row not used")
                continue
            for key in keys:
                rows[key] = values
    except csv.Error as exc:
        problems.error(f"{path}:{reader.line_num}: malformed CSV ({exc}); rest of the manifest not used")
    return rows


def _line_starts(text: str) -> tuple[int, ...]:
    """`model.line_starts_of`, without a Python step per character or line: every text read goes
    through here. Text read from files has only `\n` line ends (universal newlines)."""
    if "\r" in text:  # a .jsonl record's text keeps its own line ends
        return (0, *(m.end() for m in _LINE_END.finditer(text)))
    return tuple(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))[:-1]


def _document(found: _Text, path: Path, meta: dict, problems: Problems) -> Document:
    try:
        published = parse_date(str(meta.get("published") or ""), found.where)
    except InputError as exc:
        problems.error(f"{exc}; document read without a date")
        published = None
    values = dict(doc=found.doc, path=str(path), text=found.text, published=published,
                  outlet=str(meta.get("outlet") or ""), url=str(meta.get("url") or ""),
                  title=str(meta.get("title") or ""), locale=str(meta.get("locale") or meta.get("lang") or ""),
                  event=str(meta.get("event") or ""),
                  line_starts=_line_starts(found.text))
    if (found.offset, found.line, found.column) == (0, 1, 1):
        return Document(**values)
    return DocumentPart(**values, offset=found.offset, first_line=found.line, first_column=found.column)


def read_documents(paths: Iterable[str | Path], manifest: str | Path | None = None,
                   problems: Problems | None = None) -> Iterator[Document]:
    """Every document under `paths`, with metadata merged from front matter and manifests.

    With a `Problems` collector that keeps going, a file, record or manifest row that cannot be read
    is reported there and left out, and the rest is read; without one, the first problem raises.
    """
    problems = _strict(problems)
    explicit = read_manifest(Path(manifest), problems) if manifest else {}
    beside: dict[Path, dict[str, dict[str, str]]] = {}
    seen: dict[str, str] = {}  # doc id -> where it was first read: claim ids must not collide
    for path in discover(paths, problems):
        folder = path.parent
        if folder not in beside:
            candidate = folder / MANIFEST_NAME
            beside[folder] = read_manifest(candidate, problems) if candidate.exists() else {}
        resolved = str(path.resolve())
        read_any = skipping = False
        errors = len(problems.errors)
        try:
            for found in _texts_in(path, problems):
                if found.offset == 0:
                    skipping = found.doc in seen
                    if skipping:
                        problems.error(f"{found.where}: duplicate document id {found.doc!r} "
                                       f"(also {seen[found.doc]}), skipped")
                    else:
                        seen[found.doc] = found.where
                if skipping:
                    continue
                read_any = read_any or bool(found.text)
                meta: dict = {}
                for table in (explicit, beside[folder]):
                    row = table.get(found.doc) or table.get(resolved)
                    if row:
                        meta = {**row, **meta}
                meta = {**meta, **{k: v for k, v in found.own.items() if k in METADATA_FIELDS and v}}
                yield _document(found, path, meta, problems)
        except InputError as exc:
            problems.error(str(exc))
            continue
        if not read_any and len(problems.errors) == errors:
            problems.warning(f"{path}: empty, nothing to check")
