"""A claims cache in SQLite: the claims of a document are extracted once per document content,
rules and tool version, so a re-run over an archive where one article changed re-extracts that
article alone.

The key hashes every field of the document (its text and metadata: `published` dates figures,
`title` helps place them), the rules' version and the number lexicon (a configuration file may
change the tolerance without touching the rule files), and the tool: its version, the Python
version (claims are stored in `marshal`'s format) and the source of the top-level `checker`
modules and of the `checker.extract` package, so a changed extractor never serves stale claims.
Only the process that reads documents touches the database; workers never do.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Iterator

from . import __version__
from .model import CLAIM_COLUMNS, Claim, Document
from .rules import Rules

DEFAULT_DIR = ".casualty-check-cache"
DATABASE = "claims.sqlite"
#: Entries neither read nor written for this many days are dropped when a run closes the cache:
#: those of older versions of the tool or the rules, and of articles no longer in the archive.
UNUSED_DAYS = 30
_COMMIT_EVERY = 500  # puts per transaction: fewer fsyncs, little work lost on interruption
# hashed beside the text; `line_starts` is derived from the text
_METADATA_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("text", "line_starts"))
# Claim fields whose values recur from claim to claim (series keys, dates, sources, the document's
# names). Stored interned, which `marshal` keeps: a warm run's claims share a few thousand strings
# instead of holding millions of copies: about half the memory, and every later stage runs faster for it.
_REPEATED = tuple(CLAIM_COLUMNS.index(name) for name in (
    "doc", "path", "metric", "place", "group", "qualifier", "unit", "scope", "period_start", "as_of", "published",
    "outlet", "source"))


class CacheError(Exception):
    """A cache that cannot be used; the message names the file and the problem."""


def _extraction_sources() -> list[Path]:
    """The modules extraction runs: the package's top-level ones and the `extract` package's."""
    package = Path(__file__).parent
    return sorted([*package.glob("*.py"), *package.glob("extract/*.py")])


def _tool_fingerprint() -> str:
    """The tool and Python versions and a hash of the modules extraction runs (`_extraction_sources`)."""
    digest = hashlib.sha256(__version__.encode() + sys.version.encode())
    package = Path(__file__).parent
    for module in _extraction_sources():
        digest.update(module.relative_to(package).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()


class ClaimsCache:
    """Claims per document key, in `folder`/claims.sqlite. `hits` and `misses` count lookups."""

    def __init__(self, folder: str | Path, rules: Rules) -> None:
        self.path = Path(folder) / DATABASE
        self.hits = self.misses = 0
        self._pending = 0
        self._today = date.today().toordinal()
        self._read: list[str] = []  # the keys of the hits, marked used on closing
        self._salt = "\n".join((_tool_fingerprint(), rules.version, repr(rules.numbers))).encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")  # readers of another run are not blocked
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS claims "
                             "(key TEXT PRIMARY KEY, rows BLOB NOT NULL, used INTEGER NOT NULL DEFAULT 0)")
            if "used" not in {column[1] for column in self._db.execute("PRAGMA table_info(claims)")}:
                # a cache written before entries were dated: its entries count as long unused
                self._db.execute("ALTER TABLE claims ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from None

    def key(self, document: Document) -> str:
        """The content hash of `document` salted with the rules and tool fingerprints."""
        digest = hashlib.sha256(self._salt)
        # The metadata as one JSON array (it ends at its closing bracket), then the text's own bytes:
        # escaping every text as JSON would cost more than hashing it. Lone surrogates, which a
        # .jsonl record may hold, pass through as bytes no other text encodes to.
        digest.update(json.dumps([getattr(document, name) for name in _METADATA_FIELDS], default=str).encode())
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> list[Claim] | None:
        """The cached claims under `key`, or None."""
        try:
            row = self._db.execute("SELECT rows FROM claims WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            claims = list(map(Claim, *marshal.loads(row[0]))) if row is not None else None
        except (ValueError, EOFError, TypeError):  # a damaged row: extracted again, and replaced
            claims = None
        if claims is None:
            self.misses += 1
            return None
        self.hits += 1
        self._read.append(key)
        return claims

    def put(self, key: str, claims: list[Claim]) -> None:
        """Store the claims of the document under `key`."""
        # Stored column by column (the field keeps its name, `rows`) with `marshal`: reading them back
        # is then a few C loops, four times as fast as from JSON. (Unlike pickle, loading cannot run code.)
        columns = [[getattr(c, col) for c in claims] for col in CLAIM_COLUMNS]
        for index in _REPEATED:
            columns[index] = list(map(sys.intern, columns[index]))
        rows = marshal.dumps(columns)
        try:
            self._db.execute("INSERT OR REPLACE INTO claims (key, rows, used) VALUES (?, ?, ?)",
                             (key, rows, self._today))
            self._pending += 1
            if self._pending >= _COMMIT_EVERY:
                self._db.commit()
                self._pending = 0
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def close(self) -> None:
        """Mark what this run read as used, drop what no run used for UNUSED_DAYS, and commit."""
        try:
            # an entry already used today is not written again: a warm run rewrites nothing
            self._db.executemany("UPDATE claims SET used = ? WHERE key = ? AND used < ?",
                                 ((self._today, key, self._today) for key in self._read))
            self._db.execute("DELETE FROM claims WHERE used < ?", (self._today - UNUSED_DAYS,))
            self._db.commit()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        finally:
            self._db.close()

    def _error(self, exc: BaseException) -> CacheError:
        return CacheError(f"{self.path}: cannot use the claims cache ({exc}); remove it or run with --no-cache")


@contextmanager
def open_cache(folder: str | Path | None, rules: Rules) -> Iterator[ClaimsCache | None]:
    """The cache in `folder`, closed (and committed) on leaving; None when `folder` is None."""
    if folder is None:
        yield None
        return
    cache = ClaimsCache(folder, rules)
    try:
        yield cache
    finally:
        cache.close()
