"""Metric cues as families (issue 14): cue words written by lemma in rules/metrics.yaml, tallies
whose metric their context gives, and the classes of reporting the blind archives showed missed
(refugee flows, hostages, hospitals, a cue in another clause). The sentences are made up for these
tests, in the style of wire reports.
"""
from __future__ import annotations

from datetime import date

import pytest

from checker.extract import extract
from checker.model import Document, line_starts_of
from checker.rules import RulesError, load_rules


def found(text: str) -> list[tuple[int, str]]:
    """(value, metric) of every claim of `text`, in text order."""
    document = Document(doc="t", path="t.txt", text=text, published=date(2024, 3, 8), locale="",
                        line_starts=line_starts_of(text))
    return [(c.value, c.metric) for c in extract(document, load_rules())]


def test_a_lemma_in_braces_is_written_out_as_all_its_forms(tmp_path):
    (tmp_path / "metrics.yaml").write_text('metrics:\n  displaced:\n    cues:\n      - after: "{relocate}"\n')
    cues = [c for c in load_rules(tmp_path).cues if c.metric == "displaced"]
    assert len(cues) == 1
    for form in ("relocate", "relocates", "relocated", "relocating"):
        assert cues[0].pattern.fullmatch(form), form
    assert not cues[0].pattern.fullmatch("relocation")


def test_a_part_of_speech_keeps_only_its_forms(tmp_path):
    (tmp_path / "metrics.yaml").write_text('metrics:\n  killed:\n    cues:\n      - after: "{die:verb}"\n')
    pattern = load_rules(tmp_path).cues[0].pattern
    assert pattern.fullmatch("died") and pattern.fullmatch("dying")
    assert not pattern.fullmatch("dice")  # the noun's plural


def test_a_lemma_no_dictionary_knows_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "metrics.yaml").write_text('metrics:\n  killed:\n    cues:\n      - after: "{perrished}"\n')
    with pytest.raises(RulesError, match=r"metrics\.yaml.*perrished"):
        load_rules(tmp_path)


@pytest.mark.parametrize("text, expected", [
    ("Some 48,000 people had arrived in Chad since April, the UN refugee agency said.", [(48000, "displaced")]),
    ("The agency's portal showed 212,400 arrivals by Sunday.", [(212400, "displaced")]),
    ("Moldova had received 96,000 people by Tuesday, officials said.", [(96000, "displaced")]),
    ("Nearly 400 evacuees reached the city overnight.", [(400, "displaced")]),
    ("More than 12,000 people have taken shelter in schools.", [(12000, "displaced")]),
])
def test_refugee_flows(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The health minister said 1,904 people had been admitted to hospitals, 611 of them in serious condition.",
     [(1904, "injured"), (611, "injured")]),
    ("Doctors said 48 people with gunshot wounds had been admitted to the city's hospital.", [(48, "injured")]),
    ("Police said 23 people had been taken to hospital.", [(23, "injured")]),
    ("More than 500 people needed medical treatment after the blast.", [(500, "injured")]),
])
def test_hospitals(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On the anniversary, 112 girls remained in captivity.", [(112, "hostages_held")]),
    ("Officials insisted that 412 people were being held inside the theatre.", [(412, "hostages_held")]),
    ("Six suspects are being held in connection with the bombing.", [(6, "detained")]),
    ("State officials said 87 pupils had been taken from the school.", [(87, "hostages_taken")]),
    # after an abduction those unaccounted for are the captives; after a landslide, the missing
    ("Before the handover, 97 of the girls were still in captivity. Now 64 remain unaccounted for.",
     [(97, "hostages_held"), (64, "hostages_held")]),
    ("After the landslide, 64 remain unaccounted for.", [(64, "missing")]),
])
def test_hostages(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the count's own words say what it counts
    ("The number of new arrivals stood at 87,000 on Monday.", [(87000, "displaced")]),
    ("By Monday the missing list had grown to 683, officials said.", [(683, "missing")]),
    # a cue elsewhere in the clause
    ("Late on Friday the Red Crescent said its count had reached 54 after six more bodies were pulled out.",
     [(54, "killed"), (6, "killed")]),
    (("The border agency put its own figure at more than 310,000 on Thursday, saying 41,000 people crossed "
      "on Wednesday alone."), [(310000, "displaced"), (41000, "displaced")]),
    # the sentence before: its claim, or its cue
    (("Three people remain unaccounted for, the sheriff's office said. The list once held more than 900 "
      "names; it stood at 212 on Monday."), [(3, "missing"), (212, "missing")]),
    ("The toll has not risen in a straight line. It reached 88 last month, but officials lowered it to 85.",
     [(88, "killed"), (85, "killed")]),
    # another figure's own cue is not the tally's
    (("By noon the ministry was reporting 290 dead. In the evening it gave a figure of 412, including 31 "
      "children, with 1,020 wounded."), [(290, "killed"), (412, "killed"), (31, "killed"), (1020, "injured")]),
    # a count of something else, and a tally with nothing around it to say what it counts
    ("The number of confirmed infections rose to 8,112.", []),
    ("The figure stood at 4,100 on Monday.", []),
])
def test_tallies_count_what_their_context_names(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The dead now number 1,204, the governor said.", [(1204, "killed")]),
    ("Rescuers recovered the remains of 17 people on Tuesday.", [(17, "killed")]),
    ("Search teams found nine more sets of remains on Sunday.", [(9, "killed")]),
    ("UNICEF listed 210 children and 145 women among the dead.", [(210, "killed"), (145, "killed")]),
])
def test_the_dead_by_other_words(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an apposition with a figure of its own does not stand between a figure and its verb
    ("Police said 162 people, 18 of them foreign nationals, had died in the blast.", [(162, "killed"), (18, "killed")]),
    # a list before its predicate counts what the predicate says, item by item
    (("The ministry said 58 children and 43 women were among the dead, and 120 children and 95 women among "
      "the wounded."), [(58, "killed"), (43, "killed"), (120, "injured"), (95, "injured")]),
    # but a noun right after a figure is that figure's own
    ("The ministry reported 1,005 suspected cases and 24 deaths.", [(24, "killed")]),
    ("Eleven firefighters were among the dead, the fire service said.", [(11, "killed")]),
])
def test_a_cue_in_another_clause(text, expected):
    assert found(text) == expected


def test_firefighters_are_a_group():
    document = Document(doc="t", path="t.txt", text="Eleven firefighters were among the dead.",
                        published=date(2024, 3, 8), locale="",
                        line_starts=line_starts_of("Eleven firefighters were among the dead."))
    assert [c.group for c in extract(document, load_rules())] == ["firefighters"]


@pytest.mark.parametrize("text, expected", [
    ("Sudanese arrivals in Chad jump to 410,000, the UN says.", [(410000, "displaced")]),
    ("The country's internally displaced fall to 2.1 million as people head home.", [(2100000, "displaced")]),
    ("Close to a million people were moved to shelters, and authorities evacuated some 640,000.",
     [(1000000, "displaced"), (640000, "displaced")]),
    ("About 300,000 people are still living in tent and tarpaulin camps.", [(300000, "displaced")]),
    ("The governor said the dead could number well over 20,000.", [(20000, "killed")]),
    ("Senegal has lost 12 of its citizens, according to media reports.", [(12, "killed")]),
    ("Relatives read aloud the names of 49 victims.", [(49, "killed")]),
    ("Rescuers were still searching for 37 people on Friday.", [(37, "missing")]),
    ("The number of bodies recovered from the collapsed garment factory outside the capital rose to 311.",
     [(311, "killed")]),
    ("The count of missing has swung widely. On Tuesday the crisis centre put it back up to 92.", [(92, "missing")]),
    ("The defence ministry said 450 soldiers surrendered on Friday.", [(450, "detained")]),
])
def test_more_families(text, expected):
    assert found(text) == expected


def test_a_where_clause_starts_a_count_of_its_own():
    text = ("Navy ships evacuated more than 900 people from the town, where about 3,000 residents had "
            "gathered on the beach.")
    assert found(text) == [(900, "displaced")]


@pytest.mark.parametrize("text, expected", [
    # a hedged share in an apposition stands aside: the verb after it is the figure's
    (("The agency estimates that about 1.2 million people, some 70% of the population, have been "
      "displaced."), [(1200000, "displaced"), (70, "displaced")]),
    ("An estimated 800,000 people, about two-thirds of the population, have been driven from their homes.",
     [(800000, "displaced")]),
    ("About 130 people are still believed to be held hostage in the forest.", [(130, "hostages_held")]),
    ("The bar association said more than 40 protesters were still being held in police cells.", [(40, "detained")]),
    ("Aid agencies said 900,000 of them needed emergency food assistance.", [(900000, "affected")]),
    ("Some 12,000 villagers were expelled from the valley.", [(12000, "displaced")]),
    ("More than 600 feared buried by the mudslide, officials say.", [(600, "missing")]),
])
def test_asides_captives_detainees_and_the_expelled(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sea crossing deaths hit 2,512 in 2023, up from 2,130 in 2022, the agency said.",
     [(2512, "killed"), (2130, "killed")]),
    ("One in 2000 people was infected.", []),  # a ratio still
    ("Some 90,000 civilians remain trapped in the besieged city.", [(90000, "affected")]),
    ("Rescuers said 30 people were still trapped in the rubble.", [(30, "missing")]),
    ("About 6.1 million people, about a third of the population, face high levels of acute food insecurity.",
     [(6100000, "affected")]),
    ("Nine members of the presidential guard's elite counter-terrorism unit were killed in the raid.", [(9, "killed")]),
    ("One off-duty city transit police officer was among the dead.", [(1, "killed")]),
])
def test_tolls_by_year_the_besieged_and_distant_verbs(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, groups", [
    ("An estimated 180,000 civilians, some 90,000 of them children, remain trapped in the city.",
     ["civilians", "children"]),
    ("Officials say 137 hostages remained, 11 of whom are foreign nationals.", ["all", "foreigners"]),
])
def test_a_part_named_after_of_them_is_its_group(text, groups):
    document = Document(doc="t", path="t.txt", text=text, published=date(2024, 3, 8), locale="",
                        line_starts=line_starts_of(text))
    assert [c.group for c in extract(document, load_rules())] == groups


@pytest.mark.parametrize("text, expected", [
    ("The number of people killed by the cyclone rose to 512 on Monday from 468 a day earlier.",
     [(512, "killed"), (468, "killed")]),
    ("Of the bodies, 87 were recovered on Tuesday and 64 on Wednesday.", [(87, "killed"), (64, "killed")]),
])
def test_an_earlier_figure_and_a_part_of_the_dead(text, expected):
    assert found(text) == expected
