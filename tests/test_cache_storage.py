"""How the claims cache stores claims: read back, they equal the extracted ones field for field (types
too), and fields that recur from claim to claim share one string across documents."""
from __future__ import annotations

import sqlite3
from datetime import date
from itertools import chain
from pathlib import Path

from checker.cache import UNUSED_DAYS, open_cache
from checker.corpus import read_documents
from checker.extract import extract
from checker.model import CLAIM_COLUMNS
from checker.rules import load_rules

CORPUS = Path(__file__).parent / "corpus"


def test_claims_read_back_equal_and_share_recurring_strings(tmp_path):
    rules = load_rules()
    documents = list(read_documents([CORPUS / "gaza_2023_a.txt", CORPUS / "gaza_2024_a.txt"]))
    extracted = [extract(d, rules) for d in documents]
    with open_cache(tmp_path, rules) as cache:
        for document, claims in zip(documents, extracted):
            cache.put(cache.key(document), claims)
    with open_cache(tmp_path, rules) as cache:
        cached = [cache.get(cache.key(d)) for d in documents]
    assert cached == extracted
    for mine, theirs in zip(chain(*cached), chain(*extracted)):
        assert [type(getattr(mine, name)) for name in CLAIM_COLUMNS] == [
            type(getattr(theirs, name)) for name in CLAIM_COLUMNS]
    # the same metric, place or source in two documents is one string object
    recurring = ("metric", "place", "source")
    first = {(name, getattr(c, name)): getattr(c, name) for c in cached[0] for name in recurring}
    pairs = [(getattr(c, name), first[name, getattr(c, name)]) for c in cached[1] for name in recurring
             if (name, getattr(c, name)) in first]
    assert pairs and all(mine is theirs for mine, theirs in pairs)


def test_a_damaged_row_is_extracted_again(tmp_path):
    rules = load_rules()
    (document,) = read_documents([CORPUS / "gaza_2023_a.txt"])
    with open_cache(tmp_path, rules) as cache:
        cache.put(cache.key(document), extract(document, rules))
        key = cache.key(document)
    with sqlite3.connect(tmp_path / "claims.sqlite") as db:
        (stored,) = db.execute("SELECT rows FROM claims").fetchone()
        db.execute("UPDATE claims SET rows = ?", (stored[:len(stored) // 2],))  # cut short, as by a full disk
    with open_cache(tmp_path, rules) as cache:
        assert cache.get(key) is None and cache.misses == 1


def test_entries_no_run_used_for_a_month_are_dropped(tmp_path):
    rules = load_rules()
    read, unread, fresh = read_documents([CORPUS / name for name in
                                          ("gaza_2023_a.txt", "gaza_2024_a.txt", "lebanon_2024.txt")])
    with open_cache(tmp_path, rules) as cache:
        keys = [cache.key(d) for d in (read, unread, fresh)]
        for key, document in zip(keys, (read, unread, fresh)):
            cache.put(key, extract(document, rules))
    long_ago = date.today().toordinal() - UNUSED_DAYS - 1
    with sqlite3.connect(tmp_path / "claims.sqlite") as db:
        db.execute("UPDATE claims SET used = ? WHERE key IN (?, ?)", (long_ago, keys[0], keys[1]))
    with open_cache(tmp_path, rules) as cache:
        assert cache.get(keys[0]) is not None  # read by this run: kept
    with sqlite3.connect(tmp_path / "claims.sqlite") as db:
        left = {key for (key,) in db.execute("SELECT key FROM claims")}
    assert left == {keys[0], keys[2]}


def test_a_cache_written_before_entries_were_dated_is_still_read(tmp_path):
    rules = load_rules()
    (document,) = read_documents([CORPUS / "gaza_2023_a.txt"])
    with sqlite3.connect(tmp_path / "claims.sqlite") as db:
        db.execute("CREATE TABLE claims (key TEXT PRIMARY KEY, rows BLOB NOT NULL)")
    with open_cache(tmp_path, rules) as cache:
        cache.put(cache.key(document), extract(document, rules))
    with open_cache(tmp_path, rules) as cache:
        assert cache.get(cache.key(document)) == extract(document, rules)
