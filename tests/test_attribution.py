"""Attribution (SPEC 3.5) on sentences as reporters write them: bodies and officials named by what
they are, persons with titles and appositions, titles without names, the home country's ministry,
"put the toll at", "figures from", and ids without weekdays or honorifics."""
from __future__ import annotations

from datetime import date

import pytest

from checker.extract import extract
from checker.model import Document, line_starts_of
from checker.rules import load_rules

RULES = load_rules()


def sources(text: str) -> list[tuple[int, str]]:
    document = Document(doc="t", path="t.txt", text=text, published=date(2024, 3, 8), line_starts=line_starts_of(text))
    return [(c.value, c.source) for c in extract(document, RULES)]


@pytest.mark.parametrize("text, expected", [
    # the home country's ministry, named by what the country is
    ("GAZA, March 8 - Israeli strikes have killed 412 people in Gaza this week, the enclave's health ministry said.",
     [(412, "gaza_health_ministry")]),
    ("KABUL, March 8 - At least 37 people were killed in the floods, the country's health ministry said.",
     [(37, "afghanistan_health_ministry")]),
    # a country's body by its possessive
    ("NAIROBI, March 8 - Kenya's government said on Friday that 48 people had died in the mudslides.",
     [(48, "kenya_government")]),
    # and by its people's adjective, the same body
    ("NAIROBI, March 8 - The Kenyan government said on Friday that 48 people had died in the mudslides.",
     [(48, "kenya_government")]),
    ("YEREVAN, March 8 - By Tuesday afternoon 28,120 people had entered Armenia from Karabakh, the Armenian "
     "government said.", [(28120, "armenia_government")]),
    # a person with a title and the apposition after the figure, at the end of a long sentence
    ("LIMA, March 8 - The landslide buried 26 homes and killed 14 people in the Andean village before "
     "dawn, Peru's defence minister, Walter Astudillo, said on Saturday.",
     [(14, "peru_defence_ministry")]),
    # a person first, the office in the apposition
    ("MANILA, March 8 - Maria Santos, the secretary of the interior, told a news conference that 31 "
     "people had died.", [(31, "philippines_interior_ministry")]),
    # "X put the toll at N"
    ("ROME, March 8 - The regional civil protection agency put the toll at 17 on Friday.",
     [(17, "italy_regional_civil_protection_agency")]),
    # "figures from X"
    ("DHAKA, March 8 - Early figures from the district relief committee showed 63 people dead.",
     [(63, "bangladesh_district_relief_committee")]),
])
def test_bodies_and_officials_named_by_what_they_are(text, expected):
    assert sources(text) == expected


def test_a_titled_official_keeps_one_id_under_his_surname_and_his_bare_title():
    text = ("Oroville County Sheriff Dan Whitlow said 12 people had died in the fire. "
            "On Sunday Whitlow had reported nine deaths. "
            "The sheriff said 40 people were still missing.")
    assert sources(text) == [(12, "oroville_county_sheriff"), (9, "oroville_county_sheriff"),
                             (40, "oroville_county_sheriff")]


def test_a_title_gives_the_ministry_of_its_field_and_no_weekday_or_honorific():
    text = "ANKARA, March 8 - On Tuesday Deputy Interior Minister Dr Ahmet Kaya said 212 people had been injured."
    ((_, sid),) = sources(text)
    assert sid == "turkey_interior_ministry"


def test_the_military_with_none_named_before_is_the_countrys_own():
    text = ("JERUSALEM, March 8 - Troops found the bodies of three hostages in a tunnel in Gaza. "
            "The military said 2 more soldiers had been killed in the fighting.")
    assert sources(text)[-1] == (2, "israeli_officials")
    # with no country known, the body's own name, never a stray underscore
    assert sources("The army said 137 children had been freed.") == [(137, "army")]



def test_a_title_after_which_is_read_from_its_first_whole_word():
    text = ("BEIRUT - Funerals continued for victims of the exploding pagers, which Health Minister Firass Abiad "
            "said had killed 37 people.")
    assert sources(text) == [(37, "lebanon_health_ministry")]


def test_a_speaker_in_a_relative_clause_is_not_the_figures():
    text = "Rebels freed 11 hostages on a day that Qatar said would be the last of the truce."
    assert sources(text) == [(11, "unattributed")]


def test_the_ministry_said_points_back_at_the_ministry_the_territory_named():
    text = ("GAZA, March 8 - At least 30,800 Palestinians have been killed, the territory's health ministry said. "
            "The ministry said 72,298 people had been wounded.")
    assert sources(text) == [(30800, "gaza_health_ministry"), (72298, "gaza_health_ministry")]


def test_according_to_the_ministry_points_back_at_the_ministry_named_before():
    text = ("JENIN - The Palestinian health ministry said 55 people had been killed in the operation. The raids "
            "went on overnight. About 900 people have been killed across the West Bank since October 2023, "
            "according to the ministry.")
    assert sources(text) == [(55, "gaza_health_ministry"), (900, "gaza_health_ministry")]


def test_a_source_saying_a_figure_and_a_researcher_for_a_monitor_attribute_it():
    assert sources("APIA - Officials struggled to count the dead, with the Disaster Management Office saying 47 "
                   "people were confirmed dead.") == [(47, "disaster_management_office")]
    assert sources("A researcher for Human Rights Watch in Osh said community leaders were speaking of 520 dead.") \
        == [(520, "human_rights_watch")]


def test_a_body_named_after_a_day_keeps_no_article_in_its_id():
    assert sources("On Monday the Ministry of Public Security put the national death toll at 38,195.") == [
        (38195, "ministry_of_public_security")]


def test_a_source_quoted_by_an_agency_keeps_its_figures():
    text = ("MOSCOW - The federal disaster medicine centre, quoted by the TASS news agency, said 360 people had "
            "been injured.")
    assert sources(text) == [(360, "russia_federal_disaster_medicine_centre")]
