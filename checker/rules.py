"""Loading, validating and merging `rules/*.yaml` into typed, compiled options.

The bundled rules folder holds every default. A user folder (`--rules DIR`) may hold any of the
same files; its keys override the defaults key by key (mappings merge, lists and scalars replace).
Every file is checked against a JSON schema on load (the bundled ones once per content: they are
kept parsed and checked in the user's cache folder); an error names the file and the key.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import regex

from .corpus import MalformedYAML, safe_yaml
from .model import Qualifier, Scope
from .numbers import NumberLexicon
from .user_cache import compiled, folder, keep

RULE_FILES = ("qualifiers", "units", "metrics", "groups", "places", "sources", "scopes", "events", "checks")
MAX_RULES_BYTES = 1_000_000

_PATTERN = {"type": "string", "minLength": 1}
#: the participle of an apposition naming who runs a body ("the media office, run by Hamas, said")
RUN_BY = r"\b(?:run|controlled|backed|led|operated|funded|overseen|administered) by"
_PATTERNS = {"type": "array", "items": _PATTERN}
_SCHEMAS: dict[str, dict] = {
    "qualifiers": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "tolerance": {"type": "number", "minimum": 0, "maximum": 1},
            "before": {"type": "object", "propertyNames": {"enum": [q.value for q in Qualifier]},
                       "additionalProperties": _PATTERNS},
            "after": {"type": "object", "propertyNames": {"enum": [q.value for q in Qualifier]},
                      "additionalProperties": _PATTERNS},
            "vague": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}},
        },
    },
    "units": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "persons_per_household": {"type": ["number", "null"], "exclusiveMinimum": 0},
            "household_nouns": _PATTERNS,
        },
    },
    "metrics": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "metrics": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["cues"],
                "properties": {
                    "scope": {"enum": [scope.value for scope in Scope]},
                    "cues": {"type": "array", "items": {
                        "type": "object", "additionalProperties": False,
                        "oneOf": [{"required": ["before"]}, {"required": ["after"]}],
                        "properties": {
                            "before": _PATTERN, "after": _PATTERN, "noun": _PATTERN, "bridge": _PATTERN,
                            "max_gap": {"type": "integer", "minimum": 0, "maximum": 40},
                            "priority": {"type": "integer"},
                            "scope": {"enum": [scope.value for scope in Scope]},
                        }}},
                }}},
            "tallies": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["before"],
                "properties": {"before": _PATTERN, "max_gap": {"type": "integer", "minimum": 0, "maximum": 40}}}},
            "refine": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["metric", "becomes"], "oneOf": [{"required": ["noun"]}, {"required": ["context"]}],
                "properties": {"metric": {"type": "string"}, "noun": _PATTERN, "becomes": {"type": "string"},
                               "context": {"type": "array", "items": {"type": "string"}, "minItems": 1}}}},
            "non_people": _PATTERNS,
        },
    },
    "groups": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "groups": {"type": "object", "additionalProperties": _PATTERN},
            "same_people": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            "same_as_metric": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            "circumstances": {"type": "array", "items": {"type": "string"}},
            "before_figure": {"type": "array", "items": {"type": "string"}},
            "narrowing": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["of", "metrics"],
                "properties": {"of": {"type": "string"}, "metrics": {"type": "array", "items": {"type": "string"}}}}},
        },
    },
    "places": {
        "type": "object", "additionalProperties": False,
        "properties": {"places": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["names"],
            "properties": {"names": _PATTERNS, "people": _PATTERNS}}},
            "not_places": _PATTERNS, "institutions": _PATTERNS,
            "areas": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}}},
    },
    "sources": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "sources": {"type": "object", "additionalProperties": _PATTERNS},
            "frames": {"type": "array", "items": {"type": "string", "pattern": "\\{source\\}"}},
            "anaphors": _PATTERN,
            "bodies": _PATTERNS, "titles": _PATTERNS,
            "ids": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}},
        },
    },
    "scopes": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "period": _PATTERNS, "current": _PATTERNS,
            "since_date_period_days": {"type": "integer", "minimum": 0},
            "since_phrase": _PATTERN, "event_start": _PATTERN,
        },
    },
    "events": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "types": {"type": "object", "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"}, "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["words"],
                "properties": {"words": _PATTERNS, "window_days": {"type": "integer", "minimum": 1},
                               "one_place": {"type": "boolean"}, "wide_area": {"type": "boolean"},
                               "contains": {"type": "array", "items": {"type": "string"}}}}},
            "same_event_similarity": {"type": "number", "minimum": 0, "maximum": 1},
            "earlier_event_days": {"type": "integer", "minimum": 0},
            "follow_up_days": {"type": "integer", "minimum": 0},
            "incidents": _PATTERNS, "headline_incidents": _PATTERN, "estimates": _PATTERNS, "revisions": _PATTERNS,
            "earlier_statements": _PATTERNS,
            "incident_names": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[a-z_]+$"}},
            "other_counts": {"type": "object", "additionalProperties": _PATTERNS},
        },
    },
    "checks": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "directions": {"type": "object", "additionalProperties": {"enum": ["rises", "falls", "either"]}},
            "same_count_ratio": {"type": "number", "exclusiveMinimum": 1},
            "distant_days": {"type": "integer", "minimum": 0},
            "distant_fall": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "band_ratio": {"type": "number", "exclusiveMinimum": 1},
            "checks": {"type": "object", "additionalProperties": {
                "type": "object", "properties": {
                    "enabled": {"type": "boolean"},
                    "severity": {"enum": ["error", "warning", "info"]}}}},
        },
    },
}


class RulesError(Exception):
    """A rules file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase that says what a number counts (see rules/metrics.yaml)."""

    metric: str  # "" for a tally ("the count stood at"): the metric is the one its context names
    position: str  # "before" or "after"
    pattern: regex.Pattern
    noun: regex.Pattern | None
    bridge: regex.Pattern | None
    max_gap: int
    priority: int
    scope: str


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    names: regex.Pattern
    people: regex.Pattern | None
    #: the first word of every name and demonym when all are plain text (no pattern syntax), else
    #: None: names match whole words only, so a text where none of these stands as a word names
    #: no such place, which a set lookup tells far quicker than the patterns
    first_words: frozenset[str] | None = None
    #: the demonym as an adjective before a toll ("German flood toll"): a place, not a group
    toll_adjective: regex.Pattern | None = None
    #: the demonym's adjectives ("Kenyan" of "Kenyans"): "the Kenyan government" is Kenya's
    adjectives: frozenset[str] = frozenset()
    #: the group of its people ("iranians"), as a figure of them is grouped
    people_id: str = ""


@dataclass(frozen=True)
class EventType:
    """A kind of event (rules/events.yaml): the words naming it, how long its reporting runs, and
    whether it happens in one place (an attack, a crush), so that its toll is that place's however
    an article names it, or over a wide area (a cyclone, an epidemic), so that its toll is the
    country's unless a figure names a part of it."""

    id: str
    words: regex.Pattern
    window_days: int
    one_place: bool = False
    wide_area: bool = False
    #: kinds of event that happen inside one of this kind (a war's abductions, famine, sieges)
    contains: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """Every rule the stages use, compiled once. `raw` keeps the merged YAML; `version` hashes it."""

    numbers: NumberLexicon
    cues: tuple[Cue, ...]
    counted_by_events: frozenset[str]  # metrics whose figures each count one event (`scope: period`: releases)
    refinements: tuple[tuple[str, regex.Pattern, str], ...]
    #: (metric, the metrics whose cues in the sentence or the one before change it, what it becomes)
    context_refinements: tuple[tuple[str, frozenset[str], str], ...]
    metric_scopes: dict[str, str]  # each metric's own scope (rules/metrics.yaml `scope`)
    non_people: regex.Pattern
    household_nouns: regex.Pattern
    persons_per_household: float | None
    groups: tuple[tuple[str, regex.Pattern], ...]
    same_people: dict[str, frozenset[str]]
    same_as_metric: dict[str, frozenset[str]]
    #: groups named by how the people died or where they were, read anywhere in the figure's clause
    circumstances: frozenset[str]
    #: of those, the ones read in the clause's words before the figure too
    before_figure: frozenset[str]
    narrowing: dict[str, tuple[str, frozenset[str]]]  # group -> (the group it narrows, for these metrics)
    places: tuple[Place, ...]
    #: a proper name that the frame of an unlisted place holds but that names none
    not_a_place: regex.Pattern
    source_names: regex.Pattern
    source_frames: regex.Pattern
    source_anaphors: regex.Pattern
    period_cues: regex.Pattern
    current_cues: regex.Pattern
    since_phrase: regex.Pattern
    event_start: regex.Pattern
    since_date_period_days: int
    event_types: tuple[EventType, ...]
    same_event_similarity: float
    earlier_event_days: int
    follow_up_days: int
    incident_words: regex.Pattern
    headline_incidents: regex.Pattern
    incident_names: dict[str, str]  # an incident noun -> the one id its kind goes by ("explosion" -> "blast")
    estimate_words: regex.Pattern
    revision_words: regex.Pattern
    earlier_statement_words: regex.Pattern
    other_counts: tuple[tuple[str, regex.Pattern], ...]  # (why a finding on it is a note, words near a figure)
    event_toll: regex.Pattern
    place_areas: dict[str, str]
    directions: dict[str, str]
    same_count_ratio: float
    #: a figure more than `distant_fall` lower than one given more than `distant_days` before is
    #: more like another count than the same one (rules/checks.yaml)
    distant_days: int
    distant_fall: float
    band_ratio: float
    checks: dict[str, dict[str, Any]]
    raw: dict[str, Any]
    version: str


def bundled_rules_dir() -> Path:
    """The rules folder shipped with the package (the repository's `rules/`)."""
    return Path(str(resources.files("checker.default_rules")))


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_RULES_BYTES:
            raise RulesError(f"{path}: rules file is larger than {MAX_RULES_BYTES:,} bytes")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulesError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules file ({exc.strerror})") from None


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        return safe_yaml(text)  # aliases refused: rules never need them, and they make "billion laughs" bombs
    except MalformedYAML as exc:
        where = f":{exc.line}" if exc.line else ""
        raise RulesError(f"{path}{where}: malformed YAML ({exc.problem})") from None


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merge(base.get(key), value) if key in base else value
        return merged
    return override


def _validate(name: str, data: Any, path: Path) -> None:
    import jsonschema  # noqa: PLC0415  (only needed while loading)

    validator = jsonschema.Draft7Validator(_SCHEMAS[name])
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        key = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        if error.validator == "additionalProperties" and error.validator_value is False:
            allowed = ", ".join(sorted(error.schema.get("properties", {})))
            raise RulesError(f"{path}: key {key!s}: {error.message}; allowed keys: {allowed}")
        raise RulesError(f"{path}: key {key}: {error.message}")


def _compile(pattern: str, where: str, flags: int = regex.IGNORECASE) -> regex.Pattern:
    try:
        return compiled(pattern, flags | regex.V0)
    except regex.error as exc:
        raise RulesError(f"{where}: invalid regular expression {pattern!r} ({exc})") from None


def _any_of(patterns: list[str], where: str, flags: int = regex.IGNORECASE, words: bool = True) -> regex.Pattern:
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)) or "(?!)"
    return _compile(rf"(?<!\w)(?:{body})(?!\w)" if words else body, where, flags)


def _adjectives(people: list[str]) -> list[str]:
    """The adjectives of plain plural demonyms that are the adjective with an s ("Germans",
    "Kenyans", "Thais", "Iraqis" -> German, Kenyan, Thai, Iraqi); "Britons" or "Swiss" have none here."""
    return [p[:-1] for p in people if regex.fullmatch(r"\p{Lu}\p{Ll}+[ni]s", p)]


def _toll_adjective(adjectives: list[str], where: str) -> regex.Pattern | None:
    """'German flood toll', 'the Kenyan death toll': an adjective up to two words before a toll;
    'in the Thai capital': the country whose capital it is."""
    if not adjectives:
        return None
    either = "|".join(adjectives)
    return _compile(rf"\b(?:{either})(?=(?:[ \t]+[\w-]+){{0,2}}?[ \t]+(?:death[ \t]+)?(?:tolls?|dead)\b)"
                    rf"|(?<=\bthe[ \t]+)(?:{either})(?=[ \t]+capital\b)", where, 0)


def _event_types(types: dict, where: str) -> tuple[EventType, ...]:
    """The kinds of event of rules/events.yaml `types`; a kind another contains must be one of them."""
    for tid, spec in types.items():
        unknown = sorted(set(spec.get("contains", ())) - set(types))
        if unknown:
            raise RulesError(f"{where}: key types.{tid}.contains: unknown kind of event {unknown[0]!r}")
    return tuple(EventType(tid, _any_of(spec["words"], f"{where}: key types.{tid}"), spec.get("window_days", 365),
                           spec.get("one_place", False), spec.get("wide_area", False), frozenset(spec.get("contains", ())))
                 for tid, spec in types.items())


def _event_toll(nouns: list[str], where: str) -> regex.Pattern:
    """The words before an event's own toll, read backwards from the figure: "the fire that
    killed 72", "the quake, which has claimed more than": a running total, whatever the sentence's
    weekday says ("on Thursday, a year since the fire that killed 72")."""
    body = "|".join(f"(?:{n})" for n in sorted(nouns, key=len, reverse=True)) or "(?!)"
    return _compile(rf"\b(?:the|this|that|its|last[ \t]+\w+['’]s)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?:{body}),?"
                    rf"[ \t]+(?:that|which)[ \t]+(?:has[ \t]+|had[ \t]+|have[ \t]+)?(?:killed|left|claimed|took)"
                    rf"[ \t]+(?:[\w-]+[ \t]+){{0,2}}?$", where, regex.IGNORECASE)


_PATTERN_SYNTAX = frozenset("\\.^$*+?{}[]|()")

# A word family in a cue: "{arrive}" stands for every form of the lemma (arrive, arrives, arrived,
# arriving), "{die:verb}" for its verb forms only (not "dice"). Quantifiers ("{0,3}") hold digits.
_LEMMA = compiled(r"\{(?P<lemma>[a-z]+)(?::(?P<pos>verb|noun))?\}")


def _lemma_families(metrics: dict[str, Any], where: Path) -> Callable[[str], str]:
    """A function writing out the word families of a metrics.yaml pattern as alternations."""
    wanted = sorted({m["lemma"] for text in _strings(metrics) for m in _LEMMA.finditer(text)})
    forms = _lemma_forms(tuple(wanted), str(where)) if wanted else {}

    def write_out(pattern: str) -> str:
        def alternation(m: regex.Match) -> str:
            words = forms[m["lemma"]][m["pos"] or "any"]
            return f"(?:{'|'.join(sorted(words, key=len, reverse=True))})"
        return _LEMMA.sub(alternation, pattern)

    return write_out


def _strings(data: Any) -> list[str]:
    """Every string inside nested lists and mappings."""
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return [text for value in values for text in _strings(value)]


def _lemma_forms(lemmas: tuple[str, ...], where: str) -> dict[str, dict[str, list[str]]]:
    """The forms of each lemma by part of speech ("verb", "noun", "any"), from lemminflect's
    lexicon. Loading that lexicon costs 0.15 s, more than reading the rest of the rules: the forms
    are kept in the user's cache folder, named by the lemmas and lemminflect's version."""
    version = metadata.version("lemminflect")
    digest = hashlib.sha256(json.dumps([version, lemmas]).encode()).hexdigest()[:24]
    cache = folder("lemma-forms")
    kept = cache / f"{digest}.json" if cache is not None else None
    try:
        return json.loads(kept.read_text(encoding="utf-8")) if kept is not None else _inflect(lemmas, where)
    except (OSError, ValueError):  # none yet, unreadable or cut short
        forms = _inflect(lemmas, where)
        keep(kept, json.dumps(forms).encode("utf-8"))
        return forms


def _inflect(lemmas: tuple[str, ...], where: str) -> dict[str, dict[str, list[str]]]:
    from lemminflect import getAllInflections  # noqa: PLC0415  (only when the forms are not kept)

    forms = {}
    for lemma in lemmas:
        by_pos = {pos: sorted({lemma, *(f for fs in getAllInflections(lemma, upos=pos.upper()).values() for f in fs)})
                  for pos in ("verb", "noun")}
        if not getAllInflections(lemma):  # a typo would otherwise match only itself
            raise RulesError(f"{where}: {{{lemma}}}: lemminflect knows no word {lemma!r}")
        by_pos["any"] = sorted({*by_pos["verb"], *by_pos["noun"]})
        forms[lemma] = by_pos
    return forms


def _first_words(phrases: list[str]) -> frozenset[str] | None:
    """The first word of each phrase, or None if one uses pattern syntax or begins with no word."""
    firsts = [regex.match(r"\w+", p) for p in phrases]
    if any(_PATTERN_SYNTAX.intersection(p) for p in phrases) or None in firsts:
        return None
    return frozenset(m[0] for m in firsts)


def load_rules(rules_dir: str | Path | None = None) -> Rules:
    """The bundled rules, overridden key by key by the files found in `rules_dir` (if given)."""
    return _load(str(Path(rules_dir).resolve()) if rules_dir else None)


def _checked_copy(texts: dict[str, str]) -> Path | None:
    """Where the bundled rules, parsed and checked against their schemas, are kept as JSON in the
    user's cache folder (None when there is none): named by a digest of the rule texts and the
    schemas, so a changed file or schema is parsed and checked again."""
    digest = hashlib.sha256(json.dumps(_SCHEMAS, sort_keys=True).encode())
    for name, text in texts.items():
        digest.update(f"\0{name}\0{text}".encode())
    where = folder("bundled-rules")
    return where / f"{digest.hexdigest()}.json" if where is not None else None


def _read_checked(copy: Path | None) -> dict[str, Any] | None:
    try:
        data = json.loads(copy.read_text(encoding="utf-8")) if copy is not None else None
    except (OSError, ValueError):  # none yet, unreadable or cut short: parse and check
        return None
    return data if isinstance(data, dict) and set(data) == set(RULE_FILES) else None


def _keep_checked(copy: Path | None, data: dict[str, Any]) -> None:
    if copy is None or json.loads(json.dumps(data)) != data:
        return  # YAML gave something JSON does not hold the same (a date, a number as key)
    keep(copy, json.dumps(data).encode("utf-8"))


def _bundled(bundled: Path) -> dict[str, Any]:
    """The bundled rules, each file parsed and checked against its schema. Parsing YAML and
    checking schemas cost 0.2 s a run, and the bundled files change only with the package: they
    are parsed and checked once per content, and kept as JSON in the user's cache folder."""
    texts = {name: _read_text(bundled / f"{name}.yaml") for name in RULE_FILES}
    copy = _checked_copy(texts)
    data = _read_checked(copy)
    if data is None:
        data = {}
        for name in RULE_FILES:
            path = bundled / f"{name}.yaml"
            data[name] = _parse_yaml(texts[name], path) or {}
            _validate(name, data[name], path)
        _keep_checked(copy, data)
    return data


@lru_cache(maxsize=4)
def _load(rules_dir: str | None) -> Rules:
    bundled = bundled_rules_dir()
    raw: dict[str, Any] = {}
    where: dict[str, Path] = {}
    if rules_dir is not None:
        folder = Path(rules_dir)
        if not folder.is_dir():
            raise RulesError(f"{folder}: rules folder not found")
        unknown = sorted(p.name for p in folder.glob("*.y*ml") if p.stem not in RULE_FILES)
        if unknown:
            raise RulesError(f"{folder / unknown[0]}: unknown rules file; expected one of "
                             + ", ".join(f"{n}.yaml" for n in RULE_FILES))
    defaults = _bundled(bundled)  # user files are parsed and checked every time
    for name in RULE_FILES:
        data = defaults[name]
        where[name] = bundled / f"{name}.yaml"
        if rules_dir is not None:
            for candidate in (Path(rules_dir) / f"{name}.yaml", Path(rules_dir) / f"{name}.yml"):
                if candidate.exists():
                    override = _parse_yaml(_read_text(candidate), candidate)
                    _validate(name, override or {}, candidate)
                    data, where[name] = _merge(data, override or {}), candidate
        raw[name] = data
    return _build(raw, where)


def _build(raw: dict[str, Any], where: dict[str, Path]) -> Rules:
    q = raw["qualifiers"]
    numbers = NumberLexicon(
        tolerance=float(q.get("tolerance", 0.1)),
        before=tuple((p, Qualifier(k)) for k, ps in q.get("before", {}).items() for p in ps),
        after=tuple((p, Qualifier(k)) for k, ps in q.get("after", {}).items() for p in ps),
        vague=tuple((name, lo, hi) for name, (lo, hi) in q.get("vague", {}).items()),
    )
    for name, lo, hi in numbers.vague:
        if lo > hi:
            raise RulesError(f"{where['qualifiers']}: key vague.{name}: lower bound {lo} exceeds upper {hi}")
    for pattern, _ in numbers.before + numbers.after:
        _compile(pattern, f"{where['qualifiers']}")

    m = raw["metrics"]
    metric_file = where["metrics"]
    family = _lemma_families(m, metric_file)
    cues, scopes = [], {}
    for metric, spec in m.get("metrics", {}).items():
        scopes[metric] = spec.get("scope", "cumulative")
        for i, cue in enumerate(spec["cues"]):
            position = "before" if "before" in cue else "after"
            key = f"{metric_file}: key metrics.{metric}.cues.{i}"
            pattern = family(cue[position])
            cues.append(Cue(
                metric=metric, position=position,
                pattern=_any_of([pattern], key),
                noun=_compile(rf"^\W{{0,3}}(?:{family(cue['noun'])})\b", key) if "noun" in cue else None,
                bridge=_compile(family(cue["bridge"]), key) if "bridge" in cue else None,
                max_gap=cue.get("max_gap", 4 if position == "before" else 6),
                priority=cue.get("priority", 1),
                scope=cue.get("scope", scopes[metric]),
            ))
    # a tally names a count, not what it counts: a fallback (negative priority) to any metric's cue
    for i, tally in enumerate(m.get("tallies", [])):
        cues.append(Cue(metric="", position="before",
                        pattern=_any_of([family(tally["before"])], f"{metric_file}: key tallies.{i}"),
                        noun=None, bridge=None, max_gap=tally.get("max_gap", 0), priority=-2, scope=""))
    known = set(scopes)
    refinements, context_refinements = [], []
    for i, r in enumerate(m.get("refine", [])):
        for key in ("metric", "becomes"):
            if r[key] not in known:
                raise RulesError(f"{metric_file}: key refine.{i}.{key}: unknown metric {r[key]!r}")
        if "context" in r:
            unknown = sorted(set(r["context"]) - known)
            if unknown:
                raise RulesError(f"{metric_file}: key refine.{i}.context: unknown metric {unknown[0]!r}")
            context_refinements.append((r["metric"], frozenset(r["context"]), r["becomes"]))
            continue
        refinements.append((r["metric"], _compile(rf"^\W{{0,3}}(?:{family(r['noun'])})\b", f"{metric_file}: refine.{i}"), r["becomes"]))

    g = raw["groups"]
    for key in ("circumstances", "before_figure", "narrowing"):
        unknown_groups = sorted(set(g.get(key) or ()) - set(g.get("groups", {})))
        if unknown_groups:
            raise RulesError(f"{where['groups']}: key {key}: unknown group {unknown_groups[0]!r}")
    places = tuple(
        Place(pid, _any_of(spec["names"], f"{where['places']}: key places.{pid}", flags=0),
              _any_of(spec["people"], f"{where['places']}: key places.{pid}", flags=0) if spec.get("people") else None,
              _first_words(spec["names"] + (spec.get("people") or []) + _adjectives(spec.get("people") or [])),
              _toll_adjective(_adjectives(spec.get("people") or []), f"{where['places']}: key places.{pid}"),
              frozenset(_adjectives(spec.get("people") or [])),
              regex.sub(r"[^a-z0-9]+", "_", spec["people"][0].lower()).strip("_") if spec.get("people") else "")
        for pid, spec in raw["places"].get("places", {}).items())

    s = raw["sources"]
    source_file = where["sources"]
    names = []
    for sid, aliases in s.get("sources", {}).items():
        if not regex.fullmatch(r"[a-z][a-z0-9_]*", sid):
            raise RulesError(f"{source_file}: key sources.{sid}: source ids are lower-case snake_case")
        names += [(alias, sid) for alias in aliases]
    # One named group per source; longest aliases first so "Hamas Ministry of Health" beats "Hamas".
    names.sort(key=lambda pair: len(pair[0]), reverse=True)
    source_names = _compile("|".join(f"(?P<{sid}__{i}>{alias})" for i, (alias, sid) in enumerate(names)),
                            f"{source_file}: key sources")
    any_source = "|".join(f"(?:{alias})" for alias, _ in names)
    # "the media office, run by Hamas, said": who runs the speaker does not speak
    frames = [f.replace("{source}", f"(?<!{RUN_BY} )(?:the |an? )?(?P<source>{any_source})(?:, {RUN_BY} [^,]{{1,60}},)?")
              for f in s.get("frames", [])]
    source_frames = _any_of(frames, f"{source_file}: key frames")

    sc = raw["scopes"]
    ev = raw["events"]
    events_file = where["events"]
    units = raw["units"]
    checks = raw["checks"]
    return Rules(
        numbers=numbers,
        cues=tuple(cues),
        counted_by_events=frozenset(metric for metric, scope in scopes.items() if scope == "period"),
        refinements=tuple(refinements),
        context_refinements=tuple(context_refinements),
        metric_scopes=scopes,
        non_people=_compile(rf"^[ \t]*(?:{'|'.join(m.get('non_people', [])) or '(?!)'})\b", f"{metric_file}: key non_people"),
        household_nouns=_compile(rf"^[ \t]*(?:\w+[ \t]+)?(?:{'|'.join(units.get('household_nouns', [])) or '(?!)'})\b",
                                 f"{where['units']}: key household_nouns"),
        persons_per_household=units.get("persons_per_household"),
        groups=tuple((gid, _any_of([p], f"{where['groups']}: key groups.{gid}")) for gid, p in g.get("groups", {}).items()),
        same_people={place: frozenset(groups) for place, groups in g.get("same_people", {}).items()},
        same_as_metric={metric: frozenset(groups) for metric, groups in g.get("same_as_metric", {}).items()},
        circumstances=frozenset(g.get("circumstances", ())),
        before_figure=frozenset(g.get("before_figure", ())),
        narrowing={gid: (spec["of"], frozenset(spec["metrics"])) for gid, spec in (g.get("narrowing") or {}).items()},
        places=places,
        not_a_place=_compile(rf"(?:{'|'.join(raw['places'].get('not_places', [])) or '(?!)'})\b"
                             rf"|.*\b(?:{'|'.join(raw['places'].get('institutions', [])) or '(?!)'})$",
                             f"{where['places']}: keys not_places, institutions"),
        source_names=source_names,
        source_frames=source_frames,
        source_anaphors=_compile(s.get("anaphors", "(?!)"), f"{source_file}: key anaphors"),
        period_cues=_any_of(sc.get("period", []), f"{where['scopes']}: key period"),
        current_cues=_any_of(sc.get("current", []), f"{where['scopes']}: key current"),
        since_phrase=_compile(sc.get("since_phrase", r"\bsince\b"), f"{where['scopes']}: key since_phrase"),
        event_start=_compile(sc.get("event_start", "(?!)"), f"{where['scopes']}: key event_start"),
        since_date_period_days=sc.get("since_date_period_days", 31),
        event_types=_event_types(ev.get("types", {}), events_file),
        same_event_similarity=float(ev.get("same_event_similarity", 0.5)),
        earlier_event_days=ev.get("earlier_event_days", 60),
        follow_up_days=ev.get("follow_up_days", 21),
        incident_words=_any_of(ev.get("incidents", []), f"{events_file}: key incidents"),
        headline_incidents=_any_of([ev.get("headline_incidents", "(?!)")], f"{events_file}: key headline_incidents"),
        incident_names=dict(ev.get("incident_names") or {}),
        estimate_words=_any_of(ev.get("estimates", []), f"{events_file}: key estimates"),
        revision_words=_any_of(ev.get("revisions", []), f"{events_file}: key revisions"),
        earlier_statement_words=_any_of(ev.get("earlier_statements", []), f"{events_file}: key earlier_statements"),
        other_counts=tuple((why, _any_of(words, f"{events_file}: key other_counts.{why}"))
                           for why, words in (ev.get("other_counts") or {}).items()),
        event_toll=_event_toll([w for spec in ev.get("types", {}).values() for w in spec["words"]],
                               f"{events_file}: key types"),
        place_areas=dict(raw["places"].get("areas", {})),
        directions=dict(checks.get("directions", {})),
        same_count_ratio=float(checks.get("same_count_ratio", 3)),
        distant_days=int(checks.get("distant_days", 60)),
        distant_fall=float(checks.get("distant_fall", 0.3)),
        band_ratio=float(checks.get("band_ratio", 1.5)),
        checks={k: dict(v or {}) for k, v in checks.get("checks", {}).items()},
        raw=raw,
        version=hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()[:16],
    )
