"""Project configuration, found the way Vale and ruff find theirs.

From the current folder upward, the first of `.casualty-check.yaml` (or `.yml`) or a `pyproject.toml`
with a `[tool.casualty-check]` table is used; `--config FILE` names one explicitly. Keys:

    paths: [articles]            # documents to read when the command line names none
    archive: [archive]           # published articles read as context only: PATHS are then drafts
    rules: rules                 # folder of rule files overriding the bundled ones
    reference: data/series.csv   # reference series for the `reference` check
    manifest: articles/meta.csv  # document metadata
    baseline: .casualty-check-baseline.json
    fail-on: warning             # error | warning | info | never
    format: github               # the `check` output format
    tolerance: 0.1               # how far "about"/"nearly" reach (rules/qualifiers.yaml)
    checks:                      # per-check options, as in rules/checks.yaml
      decrease: {severity: warning}
      undated: {enabled: false}

Paths in the file are relative to the file's folder. Command-line options override the file. A bad
key or value is refused with one line naming the file and the key.
"""
from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


from .corpus import MalformedYAML, safe_yaml
from .rules import Rules, RulesError

CONFIG_NAMES = (".casualty-check.yaml", ".casualty-check.yml")
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "casualty-check"
FORMATS = ("text", "json", "csv", "markdown", "sarif", "github")
FAIL_ON = ("error", "warning", "info", "never")
_PATH_KEYS = ("rules", "reference", "manifest", "baseline")
# Keys holding one path or a list of them: documents to check, and the archive read as context.
_LIST_KEYS = ("paths", "archive")

SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "properties": {
        **{key: {"oneOf": [{"type": "string", "minLength": 1},
                           {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}]}
           for key in _LIST_KEYS},
        **{key: {"type": "string", "minLength": 1} for key in _PATH_KEYS},
        "fail-on": {"enum": list(FAIL_ON)},
        "format": {"enum": list(FORMATS)},
        "tolerance": {"type": "number", "minimum": 0, "maximum": 1},
        "checks": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (all empty when none was found)."""

    source: Path | None = None
    paths: tuple[str, ...] = ()
    archive: tuple[str, ...] = ()
    rules: str | None = None
    reference: str | None = None
    manifest: str | None = None
    baseline: str | None = None
    fail_on: str | None = None
    format: str | None = None
    tolerance: float | None = None
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, rules: Rules) -> Rules:
        """`rules` with this file's tolerance and check options laid over them, validated."""
        if self.tolerance is None and not self.checks:
            return rules
        from .checks import configure  # noqa: PLC0415  (pandas-heavy: only when options are set)

        merged = {k: dict(v) for k, v in rules.checks.items()}
        for check_id, options in self.checks.items():
            merged[check_id] = {**merged.get(check_id, {}), **options}
        try:
            configure(merged, where=str(self.source))
        except RulesError as exc:
            raise ConfigError(str(exc)) from None
        numbers = rules.numbers if self.tolerance is None else replace(rules.numbers, tolerance=float(self.tolerance))
        # The version keys caches of claims: rules changed here must change it too.
        overlay = json.dumps({"tolerance": self.tolerance, "checks": merged}, sort_keys=True, default=str)
        version = hashlib.sha256(f"{rules.version}\n{overlay}".encode()).hexdigest()[:16]
        return replace(rules, checks=merged, numbers=numbers, version=version)


def _read(path: Path) -> tuple[Any, str]:
    """The settings a file holds (None: a pyproject.toml without our table) and the key prefix for messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror})") from None
    if path.name == PYPROJECT:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: malformed TOML ({exc})") from None
        return data.get("tool", {}).get(TOOL_TABLE), f"tool.{TOOL_TABLE}."
    try:
        data = safe_yaml(text)
    except MalformedYAML as exc:
        where = f":{exc.line}" if exc.line else ""
        raise ConfigError(f"{path}{where}: malformed YAML ({exc.problem})") from None
    return ({} if data is None else data), ""


def _validate(data: Any, path: Path, prefix: str) -> None:
    import jsonschema  # noqa: PLC0415

    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    key = prefix + ".".join(str(p) for p in error.absolute_path) if error.absolute_path else (prefix.rstrip(".") or "(top level)")
    if error.validator == "additionalProperties" and not error.absolute_path:
        unknown = sorted(set(data) - set(SCHEMA["properties"]))
        raise ConfigError(f"{path}: key {prefix}{unknown[0]}: unknown key; allowed keys: "
                          + ", ".join(sorted(SCHEMA["properties"])))
    raise ConfigError(f"{path}: key {key}: {error.message}")


def _relative(folder: Path, value: str) -> str:
    """A path from the file, made relative to the working folder so reports show short paths."""
    target = folder / value
    try:
        return os.path.relpath(target)
    except ValueError:  # another drive on Windows
        return str(target)


def load(path: str | Path) -> Config:
    """The configuration in `path` (a YAML file or a pyproject.toml)."""
    path = Path(path)
    data, prefix = _read(path)
    if data is None:
        raise ConfigError(f"{path}: no [tool.{TOOL_TABLE}] table")
    _validate(data, path, prefix)
    folder = path.resolve().parent
    lists = {key: data.get(key, ()) for key in _LIST_KEYS}
    return Config(
        source=path,
        **{key: tuple(_relative(folder, p) for p in ([v] if isinstance(v, str) else v)) for key, v in lists.items()},
        **{key: _relative(folder, data[key]) for key in _PATH_KEYS if key in data},
        fail_on=data.get("fail-on"),
        format=data.get("format"),
        tolerance=data.get("tolerance"),
        checks={k: dict(v) for k, v in data.get("checks", {}).items()},
    )


def discover(start: str | Path | None = None) -> Path | None:
    """The configuration file that applies in `start` (default: the working folder), or None."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate_folder / name).is_file():
                return candidate_folder / name
        pyproject = candidate_folder / PYPROJECT
        if pyproject.is_file() and _read(pyproject)[0] is not None:
            return pyproject
    return None


def find(explicit: str | Path | None = None) -> Config:
    """The explicit file if given, else the discovered one, else an empty configuration."""
    path = Path(explicit) if explicit else discover()
    return load(path) if path else Config()
