"""What a run keeps in the user's cache folder for the next one: the bundled rules parsed and
checked (rules.py), and every regular expression the package compiles.

The `regex` module parses a pattern in Python: the package's 300 patterns cost about 0.5 s to
compile, half the time of checking one short article. A compiled pattern pickles as its
compiled program (the `regex` module registers that with `copyreg`), and unpickles in
microseconds; so patterns are compiled once per machine and kept, like Python's own bytecode
in `__pycache__`, in a file the package alone writes. Nothing kept here is ever needed: a
missing, damaged or unwritable cache only means compiling again.
"""
from __future__ import annotations

import atexit
import os
import pickle
import sys
from pathlib import Path

import platformdirs
import regex

# Above this many patterns the kept file starts again from the ones a run used, so editing
# user rules pattern after pattern does not grow it forever.
MOST_KEPT_PATTERNS = 4_000


def folder(name: str) -> Path | None:
    """The folder `name` inside the package's user cache folder (None when there is no home)."""
    try:
        return Path(platformdirs.user_cache_dir("casualty-check", appauthor=False)) / name
    except (RuntimeError, KeyError, OSError):  # no home folder to put it in
        return None


def keep(path: Path | None, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a process may be reading it meanwhile);
    a folder that cannot be written to is left alone."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass


class _Compiled:
    """The patterns compiled on this machine by this version of `regex` and Python, read from
    the cache folder on first use and written back at exit if the run compiled new ones."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._kept: dict[tuple[str, int], regex.Pattern] | None = None
        self._used: set[tuple[str, int]] = set()
        self._new = False

    def __call__(self, pattern: str, flags: int = 0) -> regex.Pattern:
        kept = self._kept if self._kept is not None else self._read()
        key = (pattern, flags)
        self._used.add(key)
        found = kept.get(key)
        if found is None:
            found = kept[key] = regex.compile(pattern, flags)  # a regex.error reaches the caller
            if not self._new:
                self._new = True
                atexit.register(self._write)
        return found

    def _read(self) -> dict[tuple[str, int], regex.Pattern]:
        where = folder("patterns")
        version = f"regex-{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
        self._path = where / f"{version}.pickle" if where is not None else None
        patterns = {}
        if self._path is not None:
            try:
                with open(self._path, "rb") as kept:
                    patterns = pickle.load(kept)
            except Exception:  # none yet, cut short, or unreadable: compile again
                pass
        patterns = patterns if isinstance(patterns, dict) else {}
        self._kept = patterns
        return patterns

    def _write(self) -> None:
        kept = self._kept or {}
        if len(kept) > MOST_KEPT_PATTERNS:
            kept = {key: kept[key] for key in self._used}
        keep(self._path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


compiled = _Compiled()
"""`compiled(pattern, flags)` is `regex.compile(pattern, flags)`, kept across runs."""
