"""Claims -> events (checker/events.py) and the gazetteer behind them (checker/gazetteer.py), on
short wire-style articles written for these tests: a headline on the first line, a dateline, and
the phrasing reporters use. Each corpus is written to a tmp folder with a manifest.csv
(`doc,file,outlet,url,published,title[,event]`) and read by the real pipeline, or by the
`casualty-check events` command.

What is covered: articles of one event from several outlets over days join one event; the same
kind of disaster in one country years apart, or in two countries, is two events; a cyclone that
two neighbouring countries report is one; a manifest or front-matter `event` fixes the event; a
figure of an earlier event recalled in passing counts for that event; one incident's figure is an
event of its own inside the war; and the gazetteer puts cities in their countries.
"""
from __future__ import annotations

import json

import pytest
from article_fixtures import RULES, Article, checked, claims_of, write_corpus
from click.testing import CliRunner

from checker.cli import cli
from checker.events import EARLIER, INCIDENT, MAIN, _incident_day
from checker.gazetteer import Gazetteer
from checker.model import Severity
from checker.pipeline import Result, run


def main_events(result: Result) -> dict[str, tuple[str, ...]]:
    """The groups of documents: event id -> its documents, sorted."""
    return {e.event: tuple(sorted(e.docs)) for e in result.events if e.kind == MAIN}


def event_of(result: Result, doc: str, quote: str) -> str:
    return next(c.event for c in result.claims if c.doc == doc and c.quote == quote)


def loud(result: Result):
    return [f for f in result.findings if f.severity.rank >= Severity.WARNING.rank]


# --- Articles ------------------------------------------------------------------------------

PALU_SEP30 = Article("palu_reuters", "Reuters", "2018-09-30", """\
Death toll from Indonesia quake and tsunami rises to 832

PALU, Indonesia, Sept 30 (Reuters) - The death toll from a powerful earthquake and tsunami that struck the \
Indonesian island of Sulawesi rose to 832 on Sunday, the national disaster agency said.

Rescuers in Palu were still pulling bodies from collapsed hotels and a shopping mall, agency spokesman Sutopo \
Purwo Nugroho told reporters.
""")

PALU_OCT2 = Article("palu_ap", "AP", "2018-10-02", """\
Indonesia quake death toll passes 1,200 as aid trickles in

PALU, Indonesia (AP) - The number of people killed by the earthquake and tsunami in Indonesia has risen to \
1,234, the national disaster agency said Tuesday.

Survivors in Palu queued for fuel and water as aftershocks rattled the city.
""")

PALU_OCT5 = Article("palu_afp", "AFP", "2018-10-05", """\
Indonesia quake toll tops 1,500

PALU, Indonesia, Oct 5 (AFP) - The death toll from the earthquake and tsunami in Indonesia climbed to 1,571 on \
Friday, the national disaster agency said, with more than 2,500 injured.
""")

MAMUJU_2021 = Article("mamuju_ap", "AP", "2021-01-16", """\
Indonesia earthquake kills at least 42 on Sulawesi

MAMUJU, Indonesia (AP) - A strong earthquake shook Indonesia's Sulawesi island shortly after midnight on Friday, \
killing at least 42 people, the national disaster agency said.
""")

TURKEY_2023 = Article("turkey_afp", "AFP", "2023-02-07", """\
Turkey earthquake death toll climbs above 5,000

ANKARA, Feb 7 (AFP) - The death toll from the earthquake in Turkey rose to 5,434 on Tuesday, the disaster agency \
AFAD said.
""")

MOROCCO_2023 = Article("morocco_reuters", "Reuters", "2023-02-08", """\
Morocco earthquake kills 12 in the Atlas mountains

MARRAKECH, Feb 8 (Reuters) - An earthquake in Morocco killed 12 people on Wednesday, the interior ministry said.
""")

FREDDY_BLANTYRE = Article("freddy_blantyre", "Nation", "2023-03-14", """\
Cyclone Freddy kills 190 in Malawi

BLANTYRE, Malawi, March 14 - Cyclone Freddy has killed 190 people in Malawi, the disaster management department \
said on Tuesday, as mudslides swept homes away around Blantyre. The storm killed 10 people in neighbouring \
Mozambique when it made landfall last weekend. In Malawi, 584 people were injured.
""")

FREDDY_MAPUTO = Article("freddy_maputo", "Lusa", "2023-03-15", """\
Cyclone Freddy death toll in Mozambique rises to 21

MAPUTO, March 15 - The death toll from Cyclone Freddy in Mozambique has risen to 21, the national disaster \
institute said on Wednesday, with 24 people injured in Zambezia province. More than 49,000 people were displaced \
in Mozambique. The cyclone has also killed 225 people in Malawi.
""")


# --- 1. Documents grouped into events --------------------------------------------------------

def test_articles_on_one_quake_from_three_outlets_over_a_week_join_one_event(tmp_path):
    result = checked(tmp_path, PALU_SEP30, PALU_OCT2, PALU_OCT5)
    assert main_events(result) == {"2018-09-30-earthquake-indonesia": ("palu_afp", "palu_ap", "palu_reuters")}
    (event,) = result.events
    assert (event.type, event.area, event.start) == ("earthquake", "indonesia", "2018-09-30")
    assert event.claims == len(result.claims)
    assert {c.event for c in result.claims} == {event.event}


def test_the_same_kind_of_disaster_in_one_country_years_apart_is_two_events(tmp_path):
    # 2018 and 2021: far more than the 400 days an earthquake's articles may lie apart
    result = checked(tmp_path, PALU_SEP30, MAMUJU_2021)
    assert main_events(result) == {"2018-09-30-earthquake-indonesia": ("palu_reuters",),
                                   "2021-01-16-earthquake-indonesia": ("mamuju_ap",)}


def test_earthquakes_in_two_countries_in_the_same_week_are_two_events(tmp_path):
    result = checked(tmp_path, TURKEY_2023, MOROCCO_2023)
    assert main_events(result) == {"2023-02-07-earthquake-turkey": ("turkey_afp",),
                                   "2023-02-08-earthquake-morocco": ("morocco_reuters",)}
    assert event_of(result, "turkey_afp", "5,434") != event_of(result, "morocco_reuters", "12")


def test_a_cyclone_reported_from_two_neighbouring_countries_that_both_name_is_one_event(tmp_path):
    result = checked(tmp_path, FREDDY_BLANTYRE, FREDDY_MAPUTO)
    (event,) = [e for e in result.events if e.kind == MAIN]
    assert event.type == "cyclone"
    assert sorted(event.docs) == ["freddy_blantyre", "freddy_maputo"]
    assert set(event.areas) == {"malawi", "mozambique"}
    # Malawi's toll from Blantyre and from Maputo is one series: it rises, and nothing is flagged
    assert event_of(result, "freddy_blantyre", "190") == event_of(result, "freddy_maputo", "225")
    assert loud(result) == []


def test_a_flood_in_derna_is_one_event_across_articles(tmp_path):
    """Derna is a place rules/places.yaml lists, so its figures are placed there; its area must be
    known for its articles to join."""
    first = Article("derna_sep12", "Reuters", "2023-09-12", """\
Thousands feared dead in Libya's Derna after dams burst

BENGHAZI, Sept 12 (Reuters) - At least 2,000 people were killed in Derna when floodwaters burst two dams and \
swept away whole neighbourhoods, officials in the city said on Tuesday.
""")
    second = Article("derna_sep14", "AP", "2023-09-14", """\
Derna flood death toll climbs above 5,000

DERNA, Libya (AP) - The death toll from the floods in Derna rose to 5,300 on Thursday, officials in the city said.
""")
    result = checked(tmp_path, first, second)
    assert list(main_events(result).values()) == [("derna_sep12", "derna_sep14")]


# Within `follow_up_days` of each other any kind in common joins two articles of one area.
def test_a_mall_attack_called_a_siege_one_day_and_an_attack_the_next_is_one_event(tmp_path):
    siege = Article("westgate_sep24", "Reuters", "2013-09-24", """\
Kenya mall siege ends, 67 dead

NAIROBI, Sept 24 (Reuters) - Kenyan forces ended a four-day siege of the Westgate shopping mall in Nairobi on \
Tuesday. Officials said 67 people had been killed in Kenya's worst attack in 15 years.
""")
    attack = Article("westgate_sep25", "AP", "2013-09-25", """\
Kenya mourns victims of Nairobi mall attack

NAIROBI, Kenya (AP) - President Uhuru Kenyatta declared three days of mourning on Wednesday for the 67 people \
killed in the Nairobi mall attack.
""")
    result = checked(tmp_path, siege, attack)
    assert list(main_events(result).values()) == [("westgate_sep24", "westgate_sep25")]


# --- 2. A fixed event -------------------------------------------------------------------------

ISRAEL_OCT12 = Article("israel_oct12", "AP", "2023-10-12", """\
Israel says 1,300 killed in Hamas attack

JERUSALEM (AP) - More than 1,300 people have been killed in Israel since Hamas militants stormed across the \
border on Saturday, Israeli officials said Thursday.
""")

GAZA_OCT13 = Article("gaza_oct13", "Al Jazeera", "2023-10-13", """\
Gaza death toll rises as Israeli air strikes continue

GAZA CITY - Israeli air strikes have killed 1,799 Palestinians in Gaza since Saturday, the Gaza Health Ministry \
said on Friday.
""")


def test_articles_from_two_sides_of_a_war_split_by_country_without_a_fixed_event(tmp_path):
    result = checked(tmp_path, ISRAEL_OCT12, GAZA_OCT13)
    assert sorted(main_events(result).values()) == [("gaza_oct13",), ("israel_oct12",)]


def test_a_manifest_event_column_puts_both_articles_in_the_given_event(tmp_path):
    fixed = {"israel_oct12": "israel-hamas-war-2023", "gaza_oct13": "israel-hamas-war-2023"}
    result = checked(tmp_path, ISRAEL_OCT12, GAZA_OCT13, events=fixed)
    assert main_events(result) == {"israel-hamas-war-2023": ("gaza_oct13", "israel_oct12")}
    assert {c.event for c in result.claims} == {"israel-hamas-war-2023"}
    (event,) = result.events
    assert event.name == "israel hamas war 2023" and set(event.areas) == {"israel", "palestine"}


def test_front_matter_fixes_the_event_as_the_manifest_does(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for a in (ISRAEL_OCT12, GAZA_OCT13):
        headline = a.text.splitlines()[0]
        (folder / f"{a.doc}.md").write_text(
            f"---\ntitle: \"{headline}\"\noutlet: {a.outlet}\npublished: {a.published}\n"
            f"event: israel-hamas-war-2023\n---\n{a.text}", encoding="utf-8")
    result = run([folder], RULES)
    assert main_events(result) == {"israel-hamas-war-2023": ("gaza_oct13", "israel_oct12")}


# --- 3. Earlier events recalled in passing ------------------------------------------------------

def test_a_tsunami_of_2004_recalled_in_passing_counts_for_an_earlier_event(tmp_path):
    recalled = Article("palu_sep30", "Reuters", "2018-09-30", """\
Indonesia quake and tsunami kill 832

PALU, Indonesia, Sept 30 (Reuters) - The death toll from the earthquake and tsunami that struck the Indonesian \
island of Sulawesi rose to 832 on Sunday, the national disaster agency said.

Indonesia sits on the Pacific Ring of Fire. In 2004, a tsunami killed some 230,000 people around the Indian Ocean.
""")
    result = checked(tmp_path, recalled, PALU_OCT2)
    earlier = {e.event: e for e in result.events if e.kind == EARLIER}
    assert list(earlier) == ["2004-tsunami-indian-ocean"]
    assert (earlier["2004-tsunami-indian-ocean"].type, earlier["2004-tsunami-indian-ocean"].start) == \
        ("tsunami", "2004-01-01")
    tsunami = next(c for c in result.claims if c.value == 230_000)
    assert tsunami.event == "2004-tsunami-indian-ocean" and tsunami.as_of == "2004-12-31"
    # today's toll stays in the quake's event, and nothing compares it with the tsunami's
    assert event_of(result, "palu_ap", "1,234") == "2018-09-30-earthquake-indonesia"
    assert not [f for f in result.findings if tsunami.claim_id in f.claim_ids]


def test_the_2004_tsunami_which_killed_some_230000_counts_for_an_earlier_event(tmp_path):
    recalled = Article("palu_oct2", "AP", "2018-10-02", """\
Indonesia quake death toll passes 1,200

PALU, Indonesia (AP) - The number of people killed by the earthquake and tsunami in Indonesia has risen to 1,234, \
the national disaster agency said Tuesday. The 2004 tsunami, which killed some 230,000 people around the Indian \
Ocean, remains the region's worst disaster.
""")
    result = checked(tmp_path, recalled)
    tsunami = next(c for c in result.claims if c.value == 230_000)
    assert {e.event: e.kind for e in result.events}[tsunami.event] == EARLIER


def test_an_earlier_quake_recalled_in_passing_raises_no_decrease_against_todays_toll(tmp_path):
    recalled = Article("palu_sep30", "Reuters", "2018-09-30", """\
Indonesia quake and tsunami kill 832

PALU, Indonesia, Sept 30 (Reuters) - The death toll from the earthquake and tsunami that struck the Indonesian \
island of Sulawesi rose to 832 on Sunday, the national disaster agency said. It is the country's deadliest quake \
since the 2009 Padang earthquake, which killed more than 1,100 people.
""")
    today = Article("palu_oct1", "AP", "2018-10-01", """\
Indonesia quake toll rises to 844

PALU, Indonesia (AP) - The number of people killed by the earthquake and tsunami in Indonesia has risen to 844, \
the national disaster agency said Monday.
""")
    result = checked(tmp_path, recalled, today)
    assert not [f for f in loud(result) if f.check == "decrease"]


# --- 4. Incidents inside a war ----------------------------------------------------------------

RAFAH_CAMP = Article("rafah_may27", "Reuters", "2024-05-27", """\
Israeli strike on Rafah tent camp draws global outrage

CAIRO, May 27 (Reuters) - A single airstrike on the camp killed 45 people, Gaza health officials said on Monday, \
drawing condemnation from world leaders. The Gaza Health Ministry says 36,050 Palestinians have been killed in \
Gaza since the war began in October.
""")

GAZA_MAY28 = Article("gaza_may28", "AP", "2024-05-28", """\
Israeli tanks push into central Rafah as war grinds on

RAFAH, Gaza Strip (AP) - Israeli tanks rolled into central Rafah on Tuesday. The Gaza Health Ministry said \
Tuesday that 36,096 Palestinians have been killed in Gaza since the war began.
""")


def test_one_airstrike_s_toll_is_an_incident_whose_parent_is_the_war(tmp_path):
    result = checked(tmp_path, RAFAH_CAMP, GAZA_MAY28)
    events = {e.event: e for e in result.events}
    war = events[event_of(result, "gaza_may28", "36,096")]
    assert (war.kind, war.type) == (MAIN, "war")
    assert event_of(result, "rafah_may27", "36,050") == war.event
    strike = events[event_of(result, "rafah_may27", "45")]
    assert (strike.kind, strike.parent, strike.type) == (INCIDENT, war.event, "strike")  # rules: incident_names
    assert strike.docs == ("rafah_may27",) and strike.claims == 1


def test_no_warning_compares_an_airstrike_s_toll_with_the_war_s_running_toll(tmp_path):
    result = checked(tmp_path, RAFAH_CAMP, GAZA_MAY28)
    strike = next(c for c in result.claims if c.quote == "45")
    assert not [f for f in loud(result) if strike.claim_id in f.claim_ids]


MAGHAZI = Article("maghazi_dec25", "Wire", "2023-12-25", """\
Strike on Gaza's Maghazi camp kills at least 70 on Christmas Eve

DEIR AL-BALAH, Gaza Strip - An Israeli air strike on the Maghazi refugee camp killed at least 70 people, the \
health ministry in Gaza said on Monday. The Gaza Health Ministry says 20,674 Palestinians have been killed in Gaza \
since the war began.
""")
MAGHAZI_LATER = Article("maghazi_dec29", "Post", "2023-12-29", """\
Israeli army admits harm in Maghazi strike

JERUSALEM - Gaza's health ministry, which reported at least 70 dead on the night of the strike, has \
since given a figure of 68. The Gaza Health Ministry says 21,320 Palestinians have been killed since the war began.
""")
SCHOOL_STRIKE = Article("school_sep11", "Wire", "2024-09-11", """\
Israeli strike on UN school shelter kills 18

NUSEIRAT, Gaza Strip - An Israeli air strike on a school sheltering displaced families killed 18 people on \
Wednesday, the civil defence agency said. The Gaza Health Ministry says 41,084 Palestinians have been killed since \
the war began.
""")


def test_strikes_of_one_war_months_apart_are_two_incidents_and_a_revised_toll_of_one_falls(tmp_path):
    result = checked(tmp_path, MAGHAZI, MAGHAZI_LATER, SCHOOL_STRIKE)
    maghazi = event_of(result, "maghazi_dec25", "at least 70")
    # "has since given a figure of 68": the adverb is no running total's "since"
    assert event_of(result, "maghazi_dec29", "68") == maghazi
    assert event_of(result, "school_sep11", "18") != maghazi
    # (a note: the article gives the revision itself)
    assert [f.check for f in result.findings if set(f.values) >= {70, 68}] == ["decrease"]


def test_a_strike_s_toll_printed_weeks_later_is_dated_by_the_strike_it_names_when_incidents_split():
    """ "The July 13 strike ... killed 71", printed on August 1, is the July 13 strike's figure, not a
    strike of August 1 (tests/archives/gaza12: the Mawasi strike's stale 71 after the ministry's 90)."""
    stale = claims_of(Article("deif_aug01", "Wire", "2024-08-01", """\
Israel confirms Hamas military chief Deif was killed

GAZA CITY - The July 13 strike on a compound in the Mawasi area near Khan Younis killed 71 people and wounded \
289, according to Gaza's health ministry.
"""))
    assert [(c.value, c.place, c.as_of, _incident_day(c).isoformat()) for c in stale] == [
        (71, "mawasi", "2024-08-01", "2024-07-13"), (289, "mawasi", "2024-08-01", "2024-07-13")]


def test_the_anniversary_of_an_attack_names_no_incident_of_the_war_s_toll():
    (claim,) = [c for c in claims_of(Article("gaza_oct07", "Wire", "2024-10-07", """\
Gaza toll passes 41,900 a year into the war

CAIRO - As of Monday, the first anniversary of the Hamas attack on Israel, Gaza's health ministry said 41,909 \
people had been killed in the territory.
""")) if c.value == 41909]
    assert "/" not in claim.event  # the war's own series, not an incident's


def test_a_strike_in_a_named_city_of_the_war_s_own_place_keeps_it_and_its_day_s_toll_is_its_toll(tmp_path):
    """The cafe strike "in Gaza City" (Gaza City is `gaza`, the war's own place) is not moved to a
    strike in Khan Younis the same day, and "killing 33" on the day of the strike is its toll, which
    the hospital's 41 that evening contradicts (tests/archives/gaza13)."""
    war = Article("gaza_jun29", "Wire", "2025-06-29", """\
Gaza death toll passes 56,400

GAZA CITY - Israel's war in Gaza has killed more than 56,400 Palestinians, the Gaza health ministry said on Sunday.
""")
    khan_younis = Article("ky_jun30", "Wire", "2025-06-30", """\
Strike on Khan Younis tent kills 11

KHAN YOUNIS, Gaza Strip - An Israeli strike on a tent in Khan Younis killed 11 people on Monday, Nasser hospital said.
""")
    first = Article("cafe_jun30", "Times", "2025-06-30", """\
Strike on crowded Gaza City seafront cafe kills dozens

GAZA CITY - An Israeli air strike hit a popular seafront cafe in Gaza City on Monday afternoon, killing 33 people \
and wounding nearly 50, medical sources said.
""")
    later = Article("cafe_jun30_pm", "Ledger", "2025-06-30", """\
Gaza hospital chief says 41 killed in cafe strike

GAZA CITY - The director of al-Shifa hospital said on Monday evening that an Israeli strike on the al-Baqa cafe on \
Gaza City's seafront had killed 41 people.
""")
    result = checked(tmp_path, war, khan_younis, first, later)
    cafe = event_of(result, "cafe_jun30", "33")
    assert cafe != event_of(result, "ky_jun30", "11")
    assert any(f.check == "cross_source" and {33, 41} <= set(f.values) for f in result.findings)


DISPLACED_UPDATE = Article("un_may14", "Wire", "2024-05-14", """\
UN says nearly 450,000 people have fled Rafah in a week

UNITED NATIONS - Nearly 450,000 people have been displaced from Rafah in Gaza in the past week, the UN agency \
for Palestinian refugees said on Tuesday.
""")


def test_an_article_on_the_displaced_of_a_war_s_area_joins_the_war_while_it_runs(tmp_path):
    result = checked(tmp_path, GAZA_OCT13, DISPLACED_UPDATE, GAZA_MAY28)
    assert len(main_events(result)) == 1


# --- 9. The gazetteer ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(RULES)


@pytest.mark.parametrize("place, country", [
    ("palu", "indonesia"), ("goma", "drc"), ("nairobi", "kenya"), ("beira", "mozambique"),
    ("antakya", "turkey"), ("kathmandu", "nepal"),
    ("rafah", "palestine"), ("khan_younis", "palestine"), ("gaza", "palestine"),  # rules/places.yaml `areas`
    ("indonesia", "indonesia"), ("drc", "drc"),  # a country is its own area
])
def test_a_city_lies_in_its_country(gazetteer, place, country):
    assert gazetteer.area_of(place) == country
    assert gazetteer.within(place, country)


def test_a_name_several_countries_have_lies_in_each(gazetteer):
    assert set(gazetteer.areas_of("tripoli")) >= {"libya", "lebanon"}
    assert gazetteer.within("tripoli", "libya") and gazetteer.within("tripoli", "lebanon")
    assert gazetteer.within("hyderabad", "india") and gazetteer.within("hyderabad", "pakistan")
    assert not gazetteer.within("palu", "malaysia")


def test_an_unknown_or_missing_place_has_no_area(gazetteer):
    assert gazetteer.area_of("unknown") == gazetteer.area_of("") == ""
    assert gazetteer.areas_of("unknown") == ()


def test_every_place_the_rules_list_lies_in_a_country(gazetteer):
    assert [p.id for p in RULES.places if not gazetteer.area_of(p.id)] == []


# --- 10. casualty-check events ----------------------------------------------------------------

def test_events_command_lists_each_event_with_its_documents_and_claim_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file above a fresh tmp folder
    folder = write_corpus(tmp_path / "articles", PALU_SEP30, PALU_OCT2, RAFAH_CAMP, GAZA_MAY28)
    result = CliRunner().invoke(cli, ["events", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["event"]: r for r in json.loads(result.output)}
    quake = rows["2018-09-30-earthquake-indonesia"]
    assert (quake["type"], quake["kind"], sorted(quake["docs"])) == ("earthquake", "main", ["palu_ap", "palu_reuters"])
    war = next(r for r in rows.values() if r["type"] == "war")
    strike = next(r for r in rows.values() if r["kind"] == "incident")
    assert strike["parent"] == war["event"] and strike["docs"] == ["rafah_may27"] and strike["claims"] == 1
    assert sorted(war["docs"]) == ["gaza_may28", "rafah_may27"]
    claims = run([folder], RULES).claims
    assert sum(r["claims"] for r in rows.values()) == len(claims)
    assert quake["claims"] == sum(c.doc.startswith("palu") for c in claims)


# --- A single-place event: its toll is the place's, however an article names it --------------

def test_a_school_siege_toll_named_for_the_country_joins_the_town_s_series_and_its_fall_is_seen(tmp_path):
    sunday = Article("beslan_sep5", "Wire", "2004-09-05", """\
Beslan hostage toll reaches 340

BESLAN, Russia, Sept. 5 - Local officials said on Sunday that 340 people had died in the hostage crisis at \
School No. 1 in Beslan, and that hundreds were still in hospital.
""")
    monday = Article("beslan_sep6", "Post", "2004-09-06", """\
Russia mourns Beslan hostages as official toll stands at 335

MOSCOW, Sept. 6 - Flags flew at half-mast across Russia on Monday, with the official death toll from the \
hostage-taking standing at 335.
""")
    result = checked(tmp_path, sunday, monday)
    places = {c.quote: c.place for c in result.claims if c.metric == "killed"}
    assert places["340"] == places["335"] == "beslan"
    falls = [f for f in loud(result) if f.check == "decrease"]
    assert len(falls) == 1 and "340" in falls[0].message and "335" in falls[0].message


def test_a_crash_named_for_its_city_in_some_articles_and_its_country_in_others_is_one_series(tmp_path):
    """Most articles give the toll "in India"; two name the city the plane came down in. The
    event happened in Ahmedabad, and the country's toll is the city's."""
    first = Article("ai_jun13", "Wire", "2025-06-13", """\
Air India crash toll rises to 265

AHMEDABAD, June 13 - At least 265 people were killed when an Air India plane bound for London crashed into a \
medical college hostel in Ahmedabad shortly after take-off, police said on Friday.
""")
    second = Article("ai_jun14", "Daily", "2025-06-14", """\
Hospital puts Ahmedabad crash dead at 274

The number of people killed in the Air India crash in Ahmedabad has risen to 274, hospital officials said on \
Saturday.
""")
    third = Article("ai_jun17", "Post", "2025-06-17", """\
India mourns as families wait for crash victims' remains

NEW DELHI, June 17 - Officials said on Tuesday that 270 people had died in the crash of the London-bound \
flight, the worst air disaster in India in a decade.
""")
    result = checked(tmp_path, first, second, third)
    places = {c.quote: c.place for c in result.claims if c.metric == "killed" and c.group == "all"}
    assert {places["At least 265"], places["274"], places["270"]} == {"ahmedabad"}
    falls = [f for f in loud(result) if f.check == "decrease"]
    assert len(falls) == 1 and "274" in falls[0].message and "270" in falls[0].message


def test_a_toll_of_the_event_s_day_given_the_next_day_is_the_running_toll_of_that_next_day(tmp_path):
    """The first information report's 50 dead on Sunday night and the 141 police gave on Monday
    morning are two days of one running toll, not one day's figures that cannot both hold."""
    first = Article("morbi_oct31", "Wire", "2022-10-31", """\
Morbi bridge collapse toll at 141

MORBI, Gujarat - At least 141 people were killed when a suspension bridge gave way over the Machchhu river in \
Morbi on Sunday evening, police said on Monday morning.

According to the first report lodged at 8.15 pm on Sunday, 50 people had died by the time police registered the case.
""")
    second = Article("morbi_nov1", "Daily", "2022-11-01", """\
Morbi mourns as bridge toll stands at 135

MORBI, Nov 1 - Officials said on Tuesday that 135 people had died in the collapse of the bridge in Morbi.
""")
    result = checked(tmp_path, first, second)
    dated = {c.quote: (c.scope, c.as_of) for c in result.claims if c.metric == "killed"}
    assert dated["At least 141"] == ("cumulative", "2022-10-31")
    assert dated["50"] == ("cumulative", "2022-10-30")
    # 141 -> 135, not 141 against 50: a note, as the first figure is a bound ("at least 141")
    assert loud(result) == []
    assert [(f.check, f.values) for f in result.findings if f.check == "decrease"] == [("decrease", (141, 135))]


def test_the_one_venue_of_an_attack_and_its_city_are_one_series(tmp_path):
    """Two articles name the concert hall the attack took place in, another only Moscow: the
    venue's injured and the city's are one count, and two sources far apart on it are seen."""
    articles = [Article(f"crocus_{i}", outlet, "2024-03-27", text) for i, (outlet, text) in enumerate([
        ("Wire", "Crocus attack toll at 140\n\nMOSCOW, March 27 - The official toll from the attack on the Crocus "
                 "City Hall concert venue stands at 140 dead and 182 wounded, the health ministry said."),
        ("Post", "Moscow attack: 360 injured\n\nMOSCOW, March 27 - The federal disaster medicine centre said 360 "
                 "people had been injured in the attack in Moscow."),
        ("Daily", "Crocus City Hall victims mourned\n\nMOSCOW, March 26 - Relatives laid flowers at Crocus City "
                  "Hall, where 139 people were killed in the attack, officials said."),
    ])]
    result = checked(tmp_path, *articles)
    places = {c.quote: c.place for c in result.claims if c.metric == "injured"}
    assert places["182"] == places["360"] in ("moscow", "crocus_city_hall")
    assert any(f.check == "cross_source" and f.severity is Severity.WARNING and set(f.values) == {182, 360}
               for f in result.findings)


def test_reports_of_an_uprising_weeks_apart_are_one_protest_event(tmp_path):
    first = Article("dhaka_aug", "Wire", "2024-08-17", """\
UN says more than 600 killed in Bangladesh protests

DHAKA, Aug 17 - More than 600 people were killed in Bangladesh during the student protests that toppled the \
prime minister, the UN human rights office said on Friday.
""")
    later = Article("dhaka_sep", "Post", "2024-09-28", """\
Student movement counts 1,581 dead in uprising

DHAKA, Sept 28 - The student movement that led the uprising said on Saturday it had recorded 1,581 deaths.
""")
    result = checked(tmp_path, first, later)
    assert list(main_events(result).values()) == [("dhaka_aug", "dhaka_sep")]
    assert {e.type for e in result.events if e.kind == MAIN} == {"protest"}


def test_anniversary_pieces_years_later_join_the_event_they_mark_and_date_its_start(tmp_path):
    first = Article("bhopal_1984", "Wire", "1984-12-04", """\
Gas leak at Bhopal pesticide plant kills more than 1,000

BHOPAL, India, Dec 4 - Poison gas that leaked from a Union Carbide pesticide plant in Bhopal overnight has \
killed more than 1,000 people, officials said on Tuesday.
""")
    twenty_five = Article("bhopal_2009", "Chronicle", "2009-12-03", """\
Bhopal marks 25 years since gas disaster with death toll still in dispute

BHOPAL, India - Thousands of survivors marched on Thursday to mark 25 years since poison gas leaked from the \
Union Carbide plant. Government figures put the number of deaths at 3,828.
""")
    thirty = Article("bhopal_2014", "Wire", "2014-12-03", """\
Thirty years after Bhopal, official and activist death tolls remain far apart

BHOPAL, India - The Madhya Pradesh government has confirmed 3,787 deaths related to the gas leak.
""")
    result = checked(tmp_path, first, twenty_five, thirty)
    assert list(main_events(result).values()) == [("bhopal_1984", "bhopal_2009", "bhopal_2014")]
    (event,) = [e for e in result.events if e.kind == MAIN]
    assert (event.type, event.start) == ("gas_leak", "1984-12-03")
    # the official toll quoted in 2009 is above the one quoted in 2014: the editor is told
    assert any(f.check == "decrease" and {3828, 3787} <= set(f.values) for f in loud(result))


def test_a_winter_storm_s_articles_are_one_winter_storm_event_not_a_crash(tmp_path):
    first = Article("freeze_feb17", "Wire", "2021-02-17", """\
Deadly cold tightens its grip on Texas as blackouts stretch into a third day

HOUSTON, Texas - Millions of Texans woke up without heat as an Arctic blast kept the state's power grid \
crippled. At least 20 deaths had been blamed on the storm, including people killed in traffic crashes.
""")
    later = Article("freeze_mar26", "Dispatch", "2021-03-26", """\
Texas nearly doubles its winter storm death toll to 111

DALLAS, Texas - The number of deaths blamed on February's winter storm in Texas has climbed to 111, the \
Department of State Health Services said on Thursday.
""")
    result = checked(tmp_path, first, later)
    assert list(main_events(result).values()) == [("freeze_feb17", "freeze_mar26")]
    assert {e.name for e in result.events if e.kind == MAIN} == {"Winter storm, Texas, United States, 2021-02-17"}


def test_the_schoolgirls_of_a_school_abduction_are_its_captives(tmp_path):
    """276 girls seized, 276 people seized: "119 girls still held" and "113 still held" count the
    same people, so the rise between them is seen."""
    first = Article("chibok_2017", "Wire", "2017-05-08", """\
Chibok: 113 still held

ABUJA, May 8 - Boko Haram fighters seized 276 schoolgirls from their school in Chibok. Officials said on \
Monday that 113 are still held.
""")
    second = Article("chibok_2018", "Post", "2018-04-14", """\
Chibok families wait

ABUJA, April 14 - Boko Haram fighters seized 276 people from the school in Chibok. Campaigners said on Saturday \
that 119 girls are still held.
""")
    result = checked(tmp_path, first, second)
    groups = {c.quote: c.group for c in result.claims if c.metric.startswith("hostages")}
    assert groups["119"] == groups["113"] == "all"
    assert any(f.check == "increase" and set(f.values) == {113, 119} for f in result.findings)


def test_an_attack_on_two_sites_keeps_its_country_s_toll_apart_from_each_site_s(tmp_path):
    first = Article("no_jul23", "Wire", "2011-07-23", """\
Norway attacks kill 92

OSLO, July 23 - Police said on Saturday that 85 people were killed at the youth camp on Utoya island. Seven \
people were killed in the bombing in Oslo, bringing the toll in Norway to 92.
""")
    second = Article("no_jul25", "Post", "2011-07-25", """\
Norway lowers toll from twin attacks to 76

OSLO, July 25 - Police lowered the toll from Friday's attacks in Norway to 76 on Monday. Eight people were \
killed by the bomb in Oslo.
""")
    result = checked(tmp_path, first, second)
    places = {c.quote: c.place for c in result.claims if c.metric == "killed"}
    # Oslo is named by both articles, Utoya by one: only the first article's two sites keep
    # Oslo from being taken for the event's place
    assert places["92"] == places["76"] == "norway"
    assert places["Seven"] == places["Eight"] == "oslo"


def test_a_quake_toll_named_for_the_country_stays_apart_from_one_town_s(tmp_path):
    town = Article("amatrice_aug25", "Wire", "2016-08-25", """\
Italy quake kills 247

AMATRICE, Italy, Aug. 25 - Rescuers said 230 people had died in Amatrice alone, and the civil protection \
department put the toll across Italy at 247 on Thursday.
""")
    result = checked(tmp_path, town)
    places = {c.quote: c.place for c in result.claims if c.metric == "killed"}
    assert places["230"] == "amatrice" and places["247"] == "italy"


def test_the_releases_of_one_abduction_are_its_running_total(tmp_path):
    """"105 schoolgirls freed" of one abduction counts all its releases so far, so the next
    day's 104 is a fall; in a war, each release is the figure of its own day."""
    freed = Article("dapchi_mar21", "Wire", "2018-03-21", """\
Dapchi girls freed

ABUJA, March 21 - The government said 105 schoolgirls had been freed by their kidnappers.
""")
    again = Article("dapchi_mar22", "Post", "2018-03-22", """\
Buhari welcomes Dapchi girls

ABUJA, March 22 - President Muhammadu Buhari said 104 schoolgirls had been freed by their kidnappers.
""")
    result = checked(tmp_path, freed, again)
    assert {c.scope for c in result.claims if c.metric == "hostages_released"} == {"cumulative"}
    assert [f.values for f in result.findings if f.check == "decrease"] == [(105, 104)]


def test_a_possessive_names_no_place():
    from checker.extract.place import _names_in
    assert "boko_haram" not in {p for *_, p, _ in _names_in("one girl remained in Boko Haram’s hands", RULES)}


def test_a_figure_dated_in_an_event_the_archive_reports_counts_for_that_event(tmp_path):
    """A 2022 inquiry article dates NHS England's 116 to May 25, 2017: the archive's own Manchester
    bombing, not an earlier event of its own, so its fall from 119 the day before is reported."""
    result = checked(
        tmp_path,
        Article("a", "North Wire", "2017-05-24", "Manchester bombing: 22 dead, 119 injured\n\nMANCHESTER, May 24 "
                "(North Wire) - Twenty-two people were killed and 119 injured in the suicide bombing at the "
                "Manchester Arena on Monday night, health officials said on Wednesday."),
        Article("b", "Chronicle", "2022-11-03", "Manchester Arena inquiry reports\n\nLONDON, Nov. 3 (Chronicle) - "
                "The public inquiry into the 2017 Manchester Arena bombing published its final report on "
                "Thursday. On May 25, 2017, NHS England said 116 people had been treated in hospital."),
    )
    assert event_of(result, "b", "116") == event_of(result, "a", "119")
    assert any(f.check == "decrease" and f.values == (119, 116) for f in result.findings)


def test_a_typhoon_s_toll_filed_from_its_worst_hit_city_is_the_country_s(tmp_path):
    """A cyclone strikes a wide area: a toll that names no place is the country's, wherever the
    story was filed from; the city's own figure is a part of it."""
    first = Article("haiyan_nov22", "Courier", "2013-11-22", """\
Haiyan death toll jumps past 5,200

TACLOBAN, Philippines (Courier) - The official death toll from Typhoon Haiyan rose to 5,209, the national \
disaster council said. Tacloban alone has reported 1,725 dead.
""")
    later = Article("haiyan_nov23", "Monitor", "2013-11-23", """\
Aid reaches islands two weeks after typhoon

MANILA (Monitor) - The official death toll from the typhoon stands at 4,011, the government says.
""")
    result = checked(tmp_path, first, later)
    places = {c.quote: c.place for c in result.claims if c.metric == "killed"}
    assert places["5,209"] == places["4,011"] == "philippines" and places["1,725"] == "tacloban"
    assert [f.values for f in loud(result) if f.check == "decrease"] == [(5209, 4011)]


def test_deaths_reported_in_the_state_are_the_state_s_named_before():
    article = Article("amphan", "Herald", "2020-05-21", """\
Cyclone Amphan kills 72 in West Bengal

KOLKATA, May 21 (Herald) - In neighbouring Odisha, where the storm lashed the northern coast on Wednesday, \
officials said two deaths had been reported in the state.
""")
    assert [(c.value, c.place) for c in claims_of(article) if c.metric == "killed" and c.value == 2] == [(2, "odisha")]


WAR_DEC = Article("war_dec", "Levant Ledger", "2023-12-20",
                  "Gaza toll passes 20,000 as fighting rages in the south\n"
                  "GAZA CITY (Levant Ledger) - More than 20,000 Palestinians have been killed in the war, the "
                  "health ministry in Gaza said on Wednesday, as Israeli troops pressed their offensive in Khan "
                  "Younis and air strikes hit Rafah.\n")
HOSTAGES_FEB = Article("hostages_feb", "Eastern Post", "2024-02-07",
                       "Israel confirms deaths of 31 hostages held in Gaza\n"
                       "TEL AVIV (Eastern Post) - Israel's military said on Tuesday that 31 of the hostages still "
                       "held in Gaza had been declared dead. Israel says 136 hostages remain in captivity, out of "
                       "about 250 seized on October 7. Families of the captives marched to Jerusalem to demand a "
                       "deal for their release as the war entered its fifth month.\n")


def test_a_war_s_hostages_reported_weeks_later_are_the_war_s_event(tmp_path):
    # an article mostly about the captives, that names the war, is the war's (rules/events.yaml `contains`)
    result = checked(tmp_path, WAR_DEC, HOSTAGES_FEB)
    assert list(main_events(result).values()) == [("hostages_feb", "war_dec")]


NORTH_GAZA = Article("north", "Red Sea Courier", "2024-10-19",
                     "Rescuers say more than 400 killed in two weeks of Israeli assault on northern Gaza\n"
                     "JABALIA, Gaza (Red Sea Courier) - More than 400 Palestinians have been killed in northern Gaza "
                     "since Israel launched a new air and ground offensive there two weeks ago, the territory's "
                     "civil defence agency said on Saturday. Across the whole territory, the health ministry said "
                     "that 42,519 people had been killed since October 7 last year.\n")


def test_a_part_of_the_war_s_area_named_by_another_name_keeps_its_place(tmp_path):
    # "northern Gaza" names north_gaza (rules/places.yaml), though its id's words are not in the text
    result = checked(tmp_path, WAR_DEC, NORTH_GAZA)
    body = [c for c in result.claims if c.doc == "north" and c.line > 1]
    assert [(c.value, c.place) for c in body] == [(400, "north_gaza"), (42519, "gaza")]


HELENE_OCT7 = Article("helene_oct7", "Carolina Post", "2024-10-07",
                      "Helene toll passes 230 as hurricane recovery drags on\n"
                      "ASHEVILLE, N.C. (Carolina Post) - Hurricane Helene has killed at least 232 people across "
                      "six states, making it the deadliest hurricane on the US mainland since Katrina.\n")
HELENE_OCT15 = Article("helene_oct15", "Tar Heel Record", "2024-10-15",
                       "North Carolina says 92 people still unaccounted for after Helene\n"
                       "RALEIGH, N.C. (Tar Heel Record) - The state Department of Health and Human Services said "
                       "95 deaths had been confirmed in North Carolina. Buncombe County had the most, with 42, "
                       "followed by Yancey with 11 and Henderson with seven.\n")


def test_a_follow_up_that_names_no_kind_of_event_joins_it_and_keeps_its_headline_s_place(tmp_path):
    result = checked(tmp_path, HELENE_OCT7, HELENE_OCT15)
    assert list(main_events(result).values()) == [("helene_oct15", "helene_oct7")]
    later = {c.value: c.place for c in result.claims if c.doc == "helene_oct15" and c.line > 1}
    assert later == {95: "north_carolina", 42: "buncombe_county", 11: "yancey", 7: "henderson"}
    # the state's count is no fall of the six states' toll
    assert not [f for f in result.findings if f.check == "decrease" and f.severity is not Severity.INFO]


FREDDY_MAR21 = Article("freddy_mar21", "Zomba Chronicle", "2023-03-21",
                       "Cyclone Freddy toll in Malawi rises to 499\n"
                       "BLANTYRE, Malawi (Zomba Chronicle) - The death toll from Cyclone Freddy in Malawi has risen "
                       "to 499, the disaster management department said on Tuesday. Even before the cyclone struck, "
                       "Malawi's cholera outbreak had killed more than 1,000 people since March 2022.\n")
FREDDY_MAR22 = Article("freddy_mar22", "Relief Monitor", "2023-03-22",
                       "Malawi cyclone deaths reach 511\n"
                       "LILONGWE, Malawi (Relief Monitor) - Cyclone Freddy has killed 511 people in Malawi, the "
                       "disaster management department said on Wednesday.\n")


def test_another_kind_of_event_counted_since_long_before_is_another_event(tmp_path):
    result = checked(tmp_path, FREDDY_MAR21, FREDDY_MAR22)
    cholera = next(c for c in result.claims if c.value == 1000)
    assert cholera.event.startswith("2022-epidemic")
    assert not [f for f in result.findings if f.check == "decrease"]


def test_an_earlier_event_s_toll_recalled_with_its_year_is_that_event_s_running_total(tmp_path):
    article = Article("parkland", "Wire", "2018-02-15", """\
Florida school shooting leaves 17 dead

PARKLAND, Fla. (Wire) - A former student killed 17 people at a high school in Parkland, Florida, on Wednesday, \
police said. The attack is the deadliest at a U.S. school since December 2012, when a gunman killed 26 people, \
20 of them young children, at Sandy Hook Elementary School in Newtown, Connecticut.
""")
    result = checked(tmp_path, article)
    recalled = [c for c in result.claims if c.value in (26, 20)]
    assert [(c.value, c.scope) for c in recalled] == [(26, "cumulative"), (20, "cumulative")]
