"""Which documents a change touches, for `--changed-only` / `--since REV`.

A fact-check repository's pull request edits one article; it must still be checked against the whole
archive, but only findings involving the edited article should be reported. "Changed" means: differs
between the merge base of REV and HEAD and the working tree (committed on the branch, staged or not),
or is untracked and not ignored. Without `--since`, REV is HEAD (uncommitted work only).
"""
from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git cannot answer: not a repository, unknown revision, or git missing; the message says which."""


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed-only/--since)") from None
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["git failed"])[-1].removeprefix("fatal: ")
        raise GitError(f"{folder}: git {args[0]}: {problem}")
    return done.stdout


def changed_files(where: str | Path, since: str | None = None) -> frozenset[Path]:
    """Resolved paths of the files changed since `since` (default HEAD) in the repository holding `where`."""
    folder = Path(where)
    folder = folder if folder.is_dir() else folder.parent
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    base = _git(folder, "merge-base", since, "HEAD").strip() if since else "HEAD"
    listed = _git(top, "diff", "--name-only", "--no-renames", "-z", base, "--")
    listed += _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    return frozenset((top / name).resolve() for name in listed.split("\0") if name)
