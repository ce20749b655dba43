"""Where a document is, which articles follow one event, and figures that count something else.

Short wire-style articles (headline first, a dateline, reporters' phrasing) run through the real
pipeline. Covered: a dateline places a document whose text names no place of its own; a country
named only as a speaker ("Britain's Foreign Office said") or a helper ("with the help of
Switzerland") does not place it; a follow-up article of another kind joins its event
(`follow_up_days`); a figure's own statement places it ("..., and Malawi's government has reported
56 deaths"; "Belgium has counted 36 deaths, bringing the toll in Europe to 216"); several countries
together are a place of their own; "the fire that killed 72" is a running total and "Friday's toll"
one day's; totals counting attackers or bodies recovered make a finding a note; a far-off
reference figure with no misquote pattern is a note; a later, higher figure of another source two
days on is a note.
"""
from __future__ import annotations

import pandas as pd
from article_fixtures import RULES, Article, checked, claims_of

from checker.model import Severity
from checker.pipeline import check_claims

NOTE = "A note, not a warning:"



def figure(article: Article, quote: str):
    return next(c for c in claims_of(article) if c.quote == quote)


# --- Where a document is ----------------------------------------------------------------------

def test_a_dateline_places_a_document_that_names_no_place_of_its_own():
    article = Article("westgate", "Wire", "2013-09-25", """\
Kenyatta declares mall siege over, says 67 killed

NAIROBI, Sept. 25 — President Uhuru Kenyatta declared the four-day siege over on Tuesday night.

Kenyatta said 61 civilians and six members of the security forces had been killed, bringing the toll to 67.

Forensic experts from the United States and Britain have joined investigators at the site.
""")
    assert figure(article, "67").place == "nairobi"


def test_a_dateline_with_no_date_places_a_document_too():
    article = Article("surfside", "Wire", "2021-06-25", """\
One dead, 99 unaccounted for after condo partly collapses

SURFSIDE, Fla. - At least one person was killed and 99 others were unaccounted for after part of a \
12-story condominium tower collapsed in the middle of the night, officials said.
""")
    assert figure(article, "99").place == "surfside"


def test_a_town_the_rules_do_not_list_places_its_articles_as_one_event_over_weeks(tmp_path):
    """Surfside is in no list: articles framing it ("in Surfside") join one event, and a figure
    of the Kansas City collapse of 1981 recalled in passing does not name the event's place."""
    first = Article("surfside_jun25", "Wire", "2021-06-25", """\
Condo collapse in Surfside leaves one dead, 99 unaccounted for

SURFSIDE, Fla. - At least one person was killed and 99 others were unaccounted for after part of a \
condominium tower collapsed overnight in Surfside, officials said.
""")
    later = Article("surfside_jul7", "Post", "2021-07-07", """\
Surfside collapse toll climbs to 46 as search turns to recovery

MIAMI - Officials said on Wednesday that 46 people had died in the collapse in Surfside, one of the \
deadliest building failures in U.S. history after the 114 killed at a hotel in Kansas City in 1981.
""")
    result = checked(tmp_path, first, later)
    main = {c.event for c in result.claims if c.quote in ("99", "46")}
    assert len(main) == 1 and "-surfside" in next(iter(main))


def test_countries_named_as_speakers_or_helpers_do_not_place_a_document():
    article = Article("mall", "Wire", "2013-09-22", """\
Kenya mall attack: minister says 59 dead

Gunmen were still holed up inside the shopping centre on Sunday, more than a day after they stormed it.

The interior minister told a news conference that 59 people had been killed.

Britain's Foreign Office confirmed that three Britons had been killed. Ghana's presidency announced the \
death of a poet. Most of the girls freed so far were released with the help of Switzerland.
""")
    assert figure(article, "59").place == "kenya"


def test_a_figure_takes_the_place_of_its_own_statement():
    malawi = Article("idai", "Wire", "2019-03-22", """\
Cyclone toll rises

The International Organization for Migration said on Friday that 259 people had died in Zimbabwe, and \
Malawi's government has reported 56 deaths.
""")
    europe = Article("floods", "Wire", "2021-07-23", """\
Flood toll rises

Belgium has counted 36 deaths, bringing the toll in Europe from the floods to 216, according to an AFP tally.
""")
    assert (figure(malawi, "259").place, figure(malawi, "56").place) == ("zimbabwe", "malawi")
    assert (figure(europe, "36").place, figure(europe, "216").place) == ("belgium", "europe")


def test_a_district_named_with_its_level_in_lower_case_places_its_figures():
    article = Article("sunda", "Wire", "2018-12-26", """\
Tsunami toll passes 400

CARITA, Indonesia - The toll rose again on Wednesday. Pandeglang regency on the western tip of Java remains the \
worst affected, with 290 dead, 1,143 injured and 77 missing. \
Serang regency recorded 25 deaths and 68 missing.
""")
    assert [figure(article, value).place for value in ("290", "1,143", "77", "25", "68")] == [
        "pandeglang", "pandeglang", "pandeglang", "serang", "serang"]


def test_a_clause_after_as_is_a_statement_of_its_own_for_places():
    article = Article("osh", "Wire", "2010-06-13", """\
Osh toll rises

OSH, Kyrgyzstan - Violence spread to the nearby city of Jalal-Abad, as the official death toll from clashes in \
the south rose to 75.
""")
    assert figure(article, "75").place == "osh"


def test_a_place_whose_name_ends_like_an_adjective_is_a_place():
    article = Article("henan", "Wire", "2021-08-04", """\
Flood losses mount

BEIJING - The floods, which killed 99 people across Henan according to the latest provincial count, also \
left six German tourists stranded.
""")
    assert figure(article, "99").place == "henan"


def test_several_countries_together_are_no_one_countrys_figure():
    article = Article("floods", "Wire", "2021-07-17", """\
Flood toll passes 150

Across the two countries at least 153 people have now died. Together with Belgium, the floods have killed 214 people.
""")
    assert figure(article, "at least 153").place == "two_countries"
    assert figure(article, "214").place == "several_countries"


# --- Scope ------------------------------------------------------------------------------------

def test_the_toll_of_the_event_itself_is_a_running_total_whatever_the_weekday():
    article = Article("grenfell", "Wire", "2018-06-14", """\
A year on, Grenfell remembers

Survivors gathered on Thursday to mark one year since the fire that killed 72 people.
""")
    assert figure(article, "72").scope == "cumulative"


def test_one_days_toll_is_a_period_and_a_statement_date_is_no_window():
    sudan = Article("fasher", "Wire", "2025-04-13", """\
Attack on camps

Early figures from the local resistance committee put Friday's toll at 57.
""")
    harare = Article("harare", "Wire", "2019-03-26", """\
Cyclone toll

Local Government Minister July Moyo told foreign diplomats on Monday that 179 people had been confirmed dead.
""")
    assert figure(sudan, "57").scope == "period"
    assert figure(harare, "179").scope == "cumulative"


# --- Events -----------------------------------------------------------------------------------

CYCLONE = Article("beira_mar24", "Coastal Ledger", "2019-03-24", """\
Cyclone Idai: Mozambique toll rises to 417

BEIRA, Mozambique, March 24 - The death toll from Cyclone Idai in Mozambique has risen to 417, \
the government said on Sunday, as floodwaters receded.
""")
CHOLERA = Article("beira_apr03", "Harbour Wire", "2019-04-03", """\
Cholera cases climb in Mozambique after cyclone

BEIRA, April 3 - Mozambique began vaccinating against cholera on Wednesday as cases of the disease \
rose in the city. The government said the cyclone had killed 598 people in Mozambique.
""")


def test_a_follow_up_of_another_kind_joins_its_event(tmp_path):
    result = checked(tmp_path, CYCLONE, CHOLERA)
    events = {c.doc: c.event for c in result.claims}
    assert events["beira_mar24"] == events["beira_apr03"]
    assert "cyclone" in events["beira_mar24"]


# --- Figures that count something else: notes -------------------------------------------------

def findings_on(result, *values):
    return [f for f in result.findings if set(values) <= set(f.values)]


def test_a_total_counting_the_attackers_is_a_note_not_a_fall(tmp_path):
    first = Article("mall_sep25", "Wire", "2013-09-25", """Mall siege over, 72 dead

NAIROBI, Sept. 25 - Counting the five gunmen, the number of dead stands at 72, the president said on Tuesday.
""")
    later = Article("mall_oct01", "Wire", "2013-10-01", """Mall attack: 67 dead

NAIROBI, Oct. 1 - The death toll from the mall siege stands at 67, the interior ministry said on Tuesday.
""")
    found = findings_on(checked(tmp_path, first, later), 72, 67)
    assert found and all(f.severity is Severity.INFO and "attackers" in f.message for f in found)


def test_bodies_recovered_against_deaths_confirmed_is_a_note(tmp_path):
    first = Article("tower_jun15", "Wire", "2017-06-15", """Tower fire: 17 dead

LONDON, June 15 - Seventeen people are now known to have died in the fire, police said on Thursday.
""")
    later = Article("tower_jun16", "Wire", "2017-06-16", """Tower fire: bodies recovered

LONDON, June 16 - The bodies of 16 people had so far been recovered and taken to a mortuary, police said on Friday.
""")
    found = findings_on(checked(tmp_path, first, later), 17, 16)
    assert found and all(f.severity is Severity.INFO and "bodies recovered" in f.message for f in found)


def test_bodies_one_hospital_received_do_not_make_the_country_s_equal_toll_a_note(tmp_path):
    """The 36 bodies a hospital received are Maharajgunj's; the ministry's 36 dead are the
    country's, and against the police's 51 the same day they are a disagreement to report."""
    police = Article("nepal_police", "Wire", "2025-09-12", """Nepal protest death toll rises to 51, police say

KATHMANDU, Sept 12 - The number of people killed in this week's protests in Nepal has risen to 51, police said on Friday.
""")
    ministry = Article("nepal_ministry", "Daily", "2025-09-12", """Health ministry counts 36 deaths in Gen Z protests

KATHMANDU, Sept 12 - Nepal's Ministry of Health and Population said on Friday that 36 people had died in the \
protests, based on reports from hospitals across the country.

At Tribhuvan University Teaching Hospital in Maharajgunj, forensic doctors said they had received 36 bodies.
""")
    found = findings_on(checked(tmp_path, police, ministry), 51, 36)
    assert found and all(f.severity is Severity.WARNING and "bodies" not in f.message for f in found)


def test_the_dead_one_hospital_received_against_the_toll_is_a_note(tmp_path):
    first = Article("rafah_jun01", "Wire", "2025-06-01", """Shooting near Rafah aid site kills 31

RAFAH, June 1 - At least 31 Palestinians were killed when gunfire hit crowds walking towards an aid site in \
Rafah, the health ministry in Gaza said on Sunday.
""")
    later = Article("rafah_jun02", "Post", "2025-06-02", """Red Cross hospital overwhelmed after aid-site shooting

RAFAH, June 2 - The Red Cross field hospital in Rafah received 179 casualties on Sunday. Of those, 21 were \
declared dead on arrival, the ICRC said.
""")
    found = findings_on(checked(tmp_path, first, later), 31, 21)
    assert found and all(f.severity is Severity.INFO and "hospital received" in f.message for f in found)


def test_a_figure_far_below_one_given_months_before_is_a_note(tmp_path):
    """A year on, "33 injured" counts those still treated or another list, not the 96 misprinted."""
    first = Article("oslo_2011", "Wire", "2011-07-25", """Norway attacks: 96 injured

OSLO, July 25 - Health authorities said 96 people had been injured in the attacks on Friday.
""")
    later = Article("oslo_2012", "Post", "2012-08-24", """Norway attacks: a year on

OSLO, Aug 24 - A year after the attacks, officials put the number of people injured in them at 33.
""")
    found = findings_on(checked(tmp_path, first, later), 96, 33)
    assert found and all(f.severity is Severity.INFO for f in found)
    assert all("more than 30% lower, more than 60 days later" in f.message for f in found if f.check == "decrease")


def test_a_fall_between_two_articles_stays_an_error(tmp_path):
    """The control for the two notes above: the same fall with nothing said about it."""
    first = Article("tower_jun15", "Wire", "2017-06-15", """Tower fire: 17 dead

LONDON, June 15 - Seventeen people are now known to have died in the fire, police said on Thursday.
""")
    later = Article("tower_jun16", "Wire", "2017-06-16", """Tower fire: 16 dead

LONDON, June 16 - Sixteen people have died in the fire, police said on Friday.
""")
    found = findings_on(checked(tmp_path, first, later), 17, 16)
    assert [f.severity for f in found] == [Severity.ERROR]


def test_a_later_higher_figure_of_another_source_is_a_note_across_days(tmp_path):
    first = Article("quake_sep30", "Wire", "2018-09-30", """Quake toll jumps to 832

JAKARTA, Sept 30 - The death toll from the earthquake in Indonesia climbed to 832 on Sunday, the national \
disaster agency said.
""")
    later = Article("quake_oct02", "Wire", "2018-10-02", """Quake toll passes 1,200

JAKARTA, Oct 2 - The earthquake in Indonesia has killed 1,234 people, the Red Cross said on Tuesday.
""")
    found = [f for f in findings_on(checked(tmp_path, first, later), 832, 1234) if f.check == "cross_source"]
    assert all(f.severity is Severity.INFO for f in found)


def test_a_reference_figure_far_off_with_no_misquote_pattern_is_a_note():
    article = Article("gaza_apr30", "Wire", "2024-04-30", """Gaza toll

GAZA, April 30 - The health ministry said 4,959 women had been killed in Gaza.
""")
    reference = pd.DataFrame({"date": pd.to_datetime(["2024-04-28"]), "metric": ["killed"], "place": ["gaza"],
                              "group": ["women"], "value": [9801], "source": ["gaza_health_ministry"],
                              "event": [""], "unit": ["persons"]})
    findings = [f for f in check_claims(claims_of(article), RULES, reference) if f.check == "reference"]
    assert findings and all(f.severity is Severity.INFO and NOTE in f.message for f in findings)


# --- A place above the country it lies in -------------------------------------------------------

def test_a_city_toll_above_its_countrys_toll_the_same_day_is_a_part_whole_finding(tmp_path):
    city = Article("haiti_jan24", "Wire", "2010-01-24", """\
Haiti quake: capital's dead pass 150,000

PORT-AU-PRINCE, Jan 24 - More than 150,000 people have died in Port-au-Prince alone, the communications \
minister said on Sunday.
""")
    country = Article("haiti_jan24_un", "Other Wire", "2010-01-24", """\
UN puts Haiti quake toll at 111,481

NEW YORK, Jan 24 - The earthquake killed 111,481 people in Haiti, the United Nations said on Sunday.
""")
    found = [f for f in checked(tmp_path, city, country).findings if f.check == "part_whole"]
    assert [(f.place, f.values) for f in found] == [("port_au_prince", (150000, 111481))]


def test_a_place_the_gazetteer_does_not_know_is_a_part_of_its_events_country_as_a_note(tmp_path):
    article = Article("valley", "Wire", "2019-03-25", """\
Cyclone: hundreds missing in Zimbabwe

HARARE, March 25 - The government said 329 people were missing in Zimbabwe on Monday. A situation report \
issued on Monday by the International Organization for Migration said more than 500 people were still \
missing in the Rusitu Valley.
""")
    found = [f for f in checked(tmp_path, article).findings if f.check == "part_whole"]
    assert found and all(f.severity is Severity.INFO and "not in the gazetteer" in f.message for f in found)


def test_a_demonym_before_a_toll_places_it():
    article = Article("floods", "Wire", "2021-07-17", """\
German flood toll passes 130 as Belgium declares day of mourning

BRUSSELS, July 17 - Belgium declared a day of national mourning on Saturday.
""")
    assert figure(article, "passes 130").place == "germany"


def test_a_town_named_before_a_toll_is_a_place_when_the_text_names_it_as_one():
    article = Article("wreck", "Wire", "2023-03-17", """\
Cutro toll reaches 88 as the sea gives up more victims

CROTONE, Italy, March 17 - The coast guard recovered two more bodies off Cutro on Thursday.
""")
    fire = Article("bush", "Wire", "2020-01-07", """\
Bushfire toll rises to 25

SYDNEY, Jan 7 - Fires burned across New South Wales on Tuesday.
""")
    assert figure(article, "88").place == "cutro"
    assert figure(fire, "25").place != "bushfire"


def test_people_from_a_place_and_a_speakers_whereabouts_do_not_place_a_figure():
    article = Article("train", "Wire", "2023-06-05", """\
Train crash toll

BALASORE, India, June 5 - Among the dead were at least 61 people from West Bengal, the chief minister said in Kolkata.
""")
    assert figure(article, "at least 61").place not in ("west_bengal", "kolkata")


def test_a_figure_about_a_town_another_events_articles_name_belongs_to_that_event(tmp_path):
    wreck = Article("cutro_mar16", "Wire", "2023-03-16", """\
Cutro shipwreck toll reaches 88

CROTONE, Italy, March 16 - The death toll from last month's migrant shipwreck off Cutro rose to 88 on \
Thursday, the prefecture said.
""")
    roundup = Article("med_apr13", "Other Wire", "2023-04-13", """\
Deadliest first quarter for migrants since 2017, agency says

GENEVA, April 13 - At least 441 migrants died trying to cross the central Mediterranean in the first three \
months of the year, the agency said. The wreck off the village of Cutro on Feb. 26 killed 86 people, many of \
them families from Afghanistan.
""")
    result = checked(tmp_path, wreck, roundup)
    events = {c.quote: c.event for c in result.claims}
    assert events["86"] == events["88"]


def test_a_part_above_its_whole_in_one_sentence_is_a_note_not_an_error(tmp_path):
    """A source does not contradict itself within a sentence: such a finding is more likely our
    misreading of the groups (here "one of them a diplomat" read as everyone)."""
    article = Article("mall", "Wire", "2013-09-22", """\
Mall attack

NAIROBI, Sept. 22 - Prime Minister Stephen Harper said two Canadians had died, one of them a diplomat.
""")
    found = [f for f in checked(tmp_path, article).findings if f.check in ("part_whole", "within_document")]
    assert all(f.severity is Severity.INFO for f in found)


def test_a_toll_of_a_world_war_recalled_in_passing_is_an_earlier_events():
    article = Article("mariupol", "Wire", "2022-05-04", """\
Mariupol mayor

KYIV, May 4 - The mayor compared the destruction to the occupation of the city during World War Two, when, \
he said, about 10,000 people were killed over two years.
""")
    assert figure(article, "about 10,000").as_of.startswith("194")


# --- Figures of different magnitudes in one series ------------------------------------------------

def test_an_incidents_fall_is_found_beside_a_wars_larger_toll(tmp_path):
    """The hospital's 500 and 471 share the war's series (no incident words near them), where the
    war's 3,478 sets a floor that hides the hospital's own fall; within bands of magnitude it is seen."""
    first = Article("blast_oct17", "Wire", "2023-10-17", """\
Hundreds killed at Gaza hospital, ministry says

GAZA, Oct 17 - The health ministry said 500 people had been killed at the al-Ahli hospital in Gaza City. \
It said 3,000 people had been killed in Gaza since the war began.
""")
    later = Article("blast_oct18", "Other Wire", "2023-10-18", """\
Ministry lowers Gaza hospital toll

GAZA, Oct 18 - The health ministry said 471 people had been killed at the al-Ahli hospital in Gaza City. \
It said 3,478 people had been killed in Gaza since the war began.
""")
    found = findings_on(checked(tmp_path, first, later), 500, 471)
    assert [f.check for f in found] == ["decrease"]


def test_two_outlets_disagreeing_on_a_citys_toll_are_found_beside_the_states_larger_toll(tmp_path):
    first = Article("amphan_a", "Wire", "2020-05-21", """\
Cyclone kills 72 in West Bengal

KOLKATA, May 21 - The cyclone killed 72 people in West Bengal and 15 people in Kolkata, the chief minister \
said on Thursday.
""")
    second = Article("amphan_b", "Other Wire", "2020-05-21", """\
Cyclone toll in Kolkata

KOLKATA, May 21 - The cyclone killed 17 people in Kolkata, the city's mayor said on Thursday.
""")
    found = [f for f in findings_on(checked(tmp_path, first, second), 15, 17) if f.check == "cross_source"]
    assert found


def test_a_headlines_incident_in_a_war_takes_the_articles_figures_but_not_the_wars_totals(tmp_path):
    war = Article("gaza_jun07", "Wire", "2024-06-07", """\
Gaza war toll passes 36,700

GAZA, June 7 - Israeli strikes and ground fighting have killed 36,731 people in Gaza since the war began, the \
health ministry said on Friday.
""")
    raid = Article("gaza_jun09", "Other Wire", "2024-06-09", """\
Israeli raid frees four hostages; Gaza ministry says 274 killed

GAZA, June 9 - The health ministry in Gaza said on Sunday that 274 Palestinians were killed during the \
operation. Israel's military put the number of Palestinians killed at fewer than 100. The ministry said \
37,084 people had been killed in Gaza since the war began.
""")
    result = checked(tmp_path, war, raid)
    events = {c.quote: c.event for c in result.claims if c.doc == "gaza_jun09"}
    assert events["274"] == events["fewer than 100"] != events["37,084"]
    assert [f.check for f in findings_on(result, 274, 100)] == ["cross_source"]


def test_another_sources_figure_off_the_reference_is_a_note_the_references_own_a_warning():
    reference = pd.DataFrame({"date": pd.to_datetime(["2024-05-13"]), "metric": ["killed"], "place": ["gaza"],
                              "group": ["women"], "value": [9961], "source": ["gaza_health_ministry"],
                              "event": [""], "unit": ["persons"]})
    other = Article("ocha", "Wire", "2024-05-14", """\
UN figures

GAZA, May 14 - The government media office said 9,500 women had been killed in Gaza.
""")
    own = Article("ministry", "Wire", "2024-05-14", """\
Ministry figures

GAZA, May 14 - The health ministry said 9,500 women had been killed in Gaza.
""")
    severities = {doc.doc: [f.severity for f in check_claims(claims_of(doc), RULES, reference)
                            if f.check == "reference"]
                  for doc in (other, own)}
    assert severities == {"ocha": [Severity.INFO], "ministry": [Severity.WARNING]}


# --- A revision the text states, and the articles that still print the old figure ---------------

def test_a_stated_revision_is_a_note_and_a_later_article_printing_the_old_figure_a_warning(tmp_path):
    first = Article("mumbai_nov29", "Wire", "2008-11-29", """\
Mumbai attacks toll rises to 195

MUMBAI, Nov 29 - The attacks on Mumbai killed 195 people, the state government said on Saturday.
""")
    revision = Article("mumbai_nov30", "Other Wire", "2008-11-30", """\
Mumbai toll revised down

MUMBAI, Nov 30 - The state government revised the death toll from the attacks down to 174 from 195 on \
Sunday, saying some bodies had been counted twice.
""")
    stale = Article("mumbai_dec05", "Third Wire", "2008-12-05", """\
Mumbai mourns

MUMBAI, Dec 5 - The attacks that killed 195 people have shaken the city, the state government said on Friday.
""")
    result = checked(tmp_path, first, revision, stale)
    falls = [f for f in findings_on(result, 195, 174) if f.check == "decrease"]
    stale_ones = [f for f in result.findings if f.check == "superseded"]
    assert falls and all(f.severity is Severity.INFO for f in falls)
    assert [(f.docs, f.severity) for f in stale_ones] == [(("mumbai_dec05", "mumbai_nov30"), Severity.WARNING)]


def test_a_revised_figure_repeated_in_a_later_article_explains_the_fall_there_too(tmp_path):
    """One article says 29 militants were killed, revising the 32 given before; a later article
    that repeats 29 without saying so is the same revised figure, not a new fall."""
    first = Article("amenas_jan20", "Wire", "2013-01-20", """\
Algeria gas plant siege over

ALGIERS, Jan 20 - The interior ministry said on Sunday that 32 militants had been killed in the raid on the gas plant.
""")
    revision = Article("amenas_jan21", "Post", "2013-01-21", """\
Algeria revises militant toll

ALGIERS, Jan 21 - The prime minister said on Monday that 29 militants had been killed and three captured, \
revising the interior ministry's figure of 32 militants killed.
""")
    repeat = Article("amenas_jan22", "Daily", "2013-01-22", """\
Algeria mourns siege victims

ALGIERS, Jan 22 - The prime minister said on Tuesday that 29 militants had been killed at the gas plant.
""")
    falls = [f for f in checked(tmp_path, first, revision, repeat).findings if f.check == "decrease"]
    assert falls and all(f.severity is Severity.INFO for f in falls)


def test_a_stock_that_falls_is_a_note_a_toll_that_falls_an_error(tmp_path):
    first = Article("quake_oct03", "Wire", "2018-10-03", """\
Quake leaves 70,821 homeless

PALU, Indonesia, Oct 3 - A total of 70,821 people have been displaced by the earthquake in Indonesia, the \
disaster agency said on Wednesday.
""")
    later = Article("quake_oct08", "Other Wire", "2018-10-08", """\
Quake displaced fall

PALU, Indonesia, Oct 8 - A total of 62,359 people have been displaced by the earthquake in Indonesia, the \
task force said on Monday.
""")
    found = [f for f in findings_on(checked(tmp_path, first, later), 70821, 62359) if f.check == "decrease"]
    assert [f.severity for f in found] == [Severity.INFO] and "may fall" in found[0].message


def test_people_still_in_hospital_are_a_stock_whose_fall_is_a_note(tmp_path):
    first = Article("fire_jun15", "Wire", "2017-06-15", """\
Tower fire: dozens in hospital

LONDON, June 15 - Health officials said on Thursday that 37 people were still being treated in London hospitals.
""")
    later = Article("fire_jun17", "Other Wire", "2017-06-17", """\
Tower fire: fewer in hospital

LONDON, June 17 - Health officials said on Saturday that 19 people were still being treated in London hospitals.
""")
    result = checked(tmp_path, first, later)
    assert {c.scope for c in result.claims if c.value in (37, 19)} == {"current"}
    assert [f.severity for f in findings_on(result, 37, 19)] == [Severity.INFO]


# --- Groups -----------------------------------------------------------------------------------

def test_groups_from_what_the_dead_were_and_whom_they_were_part_of():
    article = Article("groups", "Wire", "2023-10-20", """\
Toll

GAZA, Oct 20 - Of the dead, 1,524 were children and 1,000 were women, the ministry said. Seven of the \
attackers were killed. Five peacekeepers were killed near the border. At least 730 children under five \
have died of malnutrition.
""")
    groups = {c.quote: c.group for c in claims_of(article)}
    assert groups == {"1,524": "children", "1,000": "women", "Seven": "attackers", "Five": "peacekeepers",
                      "At least 730": "children_under_five"}


def test_a_tally_counts_whom_its_number_of_names():
    article = Article("tally", "Wire", "2022-04-22", """Mariupol toll

KYIV, April 22 - Officials have put the number of civilians killed in Mariupol at some 5,000.
""")
    assert figure(article, "some 5,000").group == "civilians"


def test_a_revision_stated_in_the_headline_makes_the_bodys_fall_a_note(tmp_path):
    first = Article("lk_apr23", "Wire", "2019-04-23", """\
Sri Lanka bombings toll rises to 321

COLOMBO, April 23 - The death toll from the Easter Sunday bombings rose to 321, police said on Tuesday.
""")
    later = Article("lk_apr26", "Other Wire", "2019-04-26", """\
Sri Lanka lowers Easter bombing toll to about 253, citing double counting

COLOMBO, April 26 - The director general of health services said on Thursday that the dead numbered about 253.
""")
    falls = [f for f in findings_on(checked(tmp_path, first, later), 321, 253) if f.check == "decrease"]
    assert falls and all(f.severity is Severity.INFO and "revised" in f.message for f in falls)


def test_an_unattributed_figure_against_a_named_sources_is_a_note(tmp_path):
    first = Article("siege_a", "Wire", "2002-10-25", """\
Hostages held in Moscow theatre

MOSCOW, Oct 25 - About 600 hostages were being held in the theatre, the security service said on Friday.
""")
    second = Article("siege_b", "Other Wire", "2002-10-25", """\
Doctor says 800 held in Moscow theatre

MOSCOW, Oct 25 - Some 800 hostages were being held in the theatre on Friday.
""")
    found = [f for f in findings_on(checked(tmp_path, first, second), 600, 800) if f.check == "cross_source"]
    assert found and all(f.severity is Severity.INFO and "unattributed" in f.message for f in found)


def test_articles_placing_one_event_at_different_levels_share_its_series(tmp_path):
    first = Article("fire_jun19", "Wire", "2017-06-19", """\
Tower fire toll rises to 79

LONDON, June 19 - The number of people dead or missing presumed dead after the tower fire has risen to 79, \
police said on Monday.
""")
    later = Article("fire_anniversary", "Other Wire", "2018-06-14", """\
A year after the tower fire, Britain remembers

Survivors gathered in Britain on Thursday to mark one year since the fire that killed 72 people.
""")
    result = checked(tmp_path, first, later)
    assert [f.check for f in findings_on(result, 79, 72)] == ["decrease"]


def test_a_later_article_explaining_the_earlier_figure_makes_the_fall_a_note(tmp_path):
    first = Article("lv_oct02", "Wire", "2017-10-02", """\
Las Vegas shooting toll rises to 59

LAS VEGAS, Oct. 2 - The police department put the toll at 59 dead on Monday evening.
""")
    later = Article("lv_oct05", "Other Wire", "2017-10-05", """\
Gunman not among the dead, police say

LAS VEGAS, Oct. 5 - The sheriff confirmed that 58 concertgoers were killed. A figure of 59 given by the \
department on Monday evening had included the gunman, a police spokesman said.
""")
    falls = [f for f in findings_on(checked(tmp_path, first, later), 59, 58) if f.check == "decrease"]
    assert falls and all(f.severity is Severity.INFO for f in falls)


def test_internally_displaced_and_critical_care_are_groups():
    article = Article("idps", "Wire", "2022-03-16", """\
Displacement

KYIV, March 16 - OCHA puts the number of internally displaced people at 1.9 million. Some 200 people were \
injured, 17 of them in critical care.
""")
    groups = {c.quote: c.group for c in claims_of(article)}
    assert groups["1.9 million"] == "internally_displaced" and groups["17"] == "critical_care"


def test_a_window_opening_when_the_event_began_is_its_running_total(tmp_path):
    first = Article("quake_jan12", "Wire", "2010-01-12", """\
Earthquake devastates Haiti

PORT-AU-PRINCE, Jan 12 - A powerful earthquake struck Haiti on Tuesday, and officials said hundreds had died.
""")
    later = Article("quake_jan20", "Other Wire", "2010-01-20", """\
Haiti quake toll

PORT-AU-PRINCE, Jan 20 - The earthquake has killed 70,000 people in Haiti since Jan. 12, the government said.
""")
    claim = next(c for c in checked(tmp_path, first, later).claims if c.quote == "70,000")
    assert (claim.scope, claim.period_start) == ("cumulative", "")


def test_a_comparison_with_an_earlier_event_does_not_date_todays_toll():
    article = Article("garissa", "Wire", "2015-04-03", """\
Garissa attack

NAIROBI, April 3 - The interior minister said 147 people were killed, the deadliest assault on Kenyan soil \
since the 1998 bombing of the US embassy in Nairobi. The embassy bombing killed 213 people in the 1998 attack.
""")
    assert figure(article, "147").as_of == "2015-04-03"


def test_a_lead_s_dateline_names_no_place_of_its_figure():
    """KATHMANDU is where the reporter filed from: the lead's figure is placed as if unnamed (the
    event's place), unless the sentence itself names the city."""
    from checker.events import _unnamed
    from checker.gazetteer import Gazetteer
    places = Gazetteer(RULES)
    assert _unnamed("kathmandu", "KATHMANDU, April 28 (Courier) - Police said on Tuesday that 4,310 had died.", RULES,
                    places)
    assert not _unnamed("kathmandu", "KATHMANDU, April 28 (Courier) - Police said 1,200 had died in Kathmandu.", RULES,
                        places)
    # an undated dateline with the outlet in brackets, no comma
    assert _unnamed("lagos", "LAGOS (Continental Africa Report) - The president said 104 girls had been freed.", RULES,
                    places)
    # "in the capital" names the capital of the country
    assert not _unnamed("kathmandu", "Police said 1,200 had died in the capital.", RULES, places)
