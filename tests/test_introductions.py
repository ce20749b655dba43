"""source._introductions: `_Grammar.person` tried only in the runs of a document that can
introduce an official finds what trying it at every offset finds, as far as `_cast` reads it."""
from pathlib import Path

from checker.extract import source
from checker.rules import load_rules

HERE = Path(__file__).parent


def test_officials_introduced_as_reading_every_offset_finds_them():
    rules = load_rules()
    grammar = source._grammar(rules)
    folders = [HERE / "corpus", *sorted((HERE / "archives").glob("*/articles"))]
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]
    texts += [
        "Butte County Sheriff Kory Honea said 63 people were missing. Honea said more were found.",
        ("The unofficial Kory Honea count; the spokesman for the National Disaster Mitigation Agency (BNPB\n) "
         "Abdul Muhari said 12 died."),
        "Joseph Ole Lenku, the cabinet secretary for the interior, told reporters: 40 dead.",
        "Interior Minister Bekir Bozdag (left) said; THE POLICE CHIEF JOHN SMITH said.",
        "The ſheriff Kory Honea said 5 were killed, Kelvin \u212aelvin police chief Anna Lee added.",
        "(the governor of Borno State Babagana Zulum) and (Governor\nBabagana Zulum said)",
        ("12 were killed. Interior Minister Bekir Bozdag said so. U.S. Army spokesman Col. John Doe and the "
         "St. Louis police chief Anna Lee agreed; the mayor.Jane Roe and eX.mayor Jim Poe did too."),
    ]
    introduced = 0
    for text in texts:
        expected = source._cast_of(grammar.person.finditer(text), grammar)  # every offset tried
        assert source._cast(text, rules) == expected, text[:200]
        introduced += bool(expected)
    assert introduced >= 20  # the archives introduce officials in many articles


def test_titles_and_bodies_are_made_of_phrase_characters():
    """`_introductions` looks only within runs of _PHRASE_RUN characters: every title and body of
    rules/sources.yaml must be spelled with them."""
    grammar = source._grammar(load_rules())
    literals = grammar.nouns.literals if grammar.nouns is not None else frozenset()
    assert literals and all(source._PHRASE_RUN.fullmatch(literal) for literal in literals)
