"""Extraction from sentences written the way wire reporters write about earthquakes, floods, wars,
epidemics and attacks. Each expectation follows SPEC 2-3 (metric, qualifier, scope, source, as_of),
not the code: the sentences are made up for these tests, in the style of real reports.
"""
from __future__ import annotations

from datetime import date

import pytest

from checker.extract import extract
from checker.model import Claim, Document, line_starts_of
from checker.rules import load_rules

PUBLISHED = date(2024, 3, 8)  # a Friday


def claims_of(text: str, published: date | None = PUBLISHED, locale: str = "", rules=None) -> list[Claim]:
    document = Document(doc="t", path="t.txt", text=text, published=published, locale=locale,
                        line_starts=line_starts_of(text))
    return extract(document, rules or load_rules())


def one(text: str, **kwargs) -> Claim:
    found = claims_of(text, **kwargs)
    assert len(found) == 1, [(c.quote, c.metric) for c in found]
    return found[0]


def table(text: str, *fields: str) -> list[tuple]:
    return [(c.value, *(getattr(c, f) for f in fields)) for c in claims_of(text)]


@pytest.mark.parametrize("text, value, metric", [
    ("The death toll from the earthquake rose to 2,497, the interior ministry said.", 2497, "killed"),
    ("At least 1,280 people have died in northwest Syria.", 1280, "killed"),
    ("The floods have claimed 1,162 lives since June.", 1162, "killed"),
    ("Cholera has killed 1,210 people since the outbreak began.", 1210, "killed"),
    ("More than 2,600 had been hurt in the quake zone.", 2600, "injured"),
    ("Another 3,554 people had been injured, officials said.", 3554, "injured"),
    ("The shelling caused 263 civilian casualties in one week.", 263, "casualties"),
    ("In all, 58 U.S. service members were killed or wounded.", 58, "casualties"),
    ("The spokesman said 1,481 people had been killed or wounded in total.", 1481, "casualties"),
    ("Some 7,000 people are missing under the rubble.", 7000, "missing"),
    ("Up to 1,000 people were still unaccounted for in the province.", 1000, "missing"),
    ("The fighting has displaced 1.9 million people across the territory.", 1_900_000, "displaced"),
    ("About 2.2 million people had been evacuated from the region.", 2_200_000, "displaced"),
    ("Police said more than 2,000 Rohingya had been arrested this year.", 2000, "detained"),
    ("Gunmen abducted 287 pupils from a school in Kaduna.", 287, "hostages_taken"),
    ("Militants took 251 hostages during the attack.", 251, "hostages_taken"),
    ("The 251 hostages taken on October 7 came from a dozen communities, the military said.", 251, "hostages_taken"),
    ("Hamas still holds 101 hostages taken in the attack.", 101, "hostages_held"),
    ("Nigerian troops rescued 137 hostages seized from the school compound in Kuriga.", 137, "hostages_released"),
    ("Some 132 hostages remain in Gaza.", 132, "hostages_held"),
    ("Hamas freed 69 hostages during the truce.", 69, "hostages_released"),
    ("With the fourth batch, 69 captives have been handed over since the truce began.", 69, "hostages_released"),
    ("Israel released 240 Palestinian prisoners under the deal.", 240, "prisoners_released"),
    ("The U.N. says some 15.7 million people need humanitarian assistance.", 15_700_000, "affected"),
    ("An estimated 884,000 people face acute food insecurity.", 884_000, "affected"),
])
def test_every_metric(text, value, metric):
    claim = one(text)
    assert (claim.value, claim.metric) == (value, metric)


@pytest.mark.parametrize("text, value, lower, upper, qualifier", [
    ("The toll passed 11,000 on Wednesday.", 11000, 11000, None, "more_than"),
    ("The death toll nears 2,000, the ministry said.", 2000, 1800, 2000, "nearly"),
    ("Between 20 and 30 people were killed in the blast.", 20, 20, 30, "range"),
    ("20-30 people were still believed to be trapped.", 20, 20, 30, "range"),
    ("Fifty or more people were killed in the market shelling.", 50, 50, None, "at_least"),
    ("No fewer than 238 people have died in the province.", 238, 238, None, "at_least"),
    ("As many as 4,000 people have been displaced.", 4000, None, 4000, "up_to"),
    ("Fewer than 40 people were still listed as missing.", 40, None, 40, "less_than"),
    ("Roughly 380,000 people had taken refuge in shelters.", 380_000, 342_000, 418_000, "about"),
])
def test_qualifiers_and_bounds(text, value, lower, upper, qualifier):
    claim = one(text)
    assert (claim.value, claim.lower, claim.upper, claim.qualifier) == (value, lower, upper, qualifier)


def test_vague_plural_is_an_interval_with_its_lower_bound_as_value():
    claim = one("Dozens of people were killed when the building collapsed.")
    assert (claim.value, claim.lower, claim.upper, claim.qualifier) == (24, 24, 99, "vague")


def test_percentage_is_a_percent_claim():
    claim = one("About 70 percent of those killed were women and children, the ministry said.")
    assert (claim.value, claim.unit) == (70, "percent")


def test_several_claims_in_one_sentence():
    assert table("A suicide bomber killed 14 and injured 40 at a checkpoint.", "metric") == [
        (14, "killed"), (40, "injured")]
    assert table("The ministry reported 27,708 dead and 67,147 wounded.", "metric") == [
        (27708, "killed"), (67147, "injured")]


def test_breakdown_inherits_metric_and_takes_its_group():
    rows = table("Air strikes had killed 1,417 people, including 500 children and 276 women, "
                 "and wounded 5,763.", "metric", "group")
    assert rows == [(1417, "killed", "all"), (500, "killed", "children"), (276, "killed", "women"),
                    (5763, "injured", "all")]


def test_figure_before_a_breakdown_takes_the_metric_after_it():
    rows = table("The ministry said 463 people, including 157 children, have died of malnutrition.", "metric")
    assert rows == [(463, "killed"), (157, "killed")]


def test_list_after_a_colon_continues_the_metric():
    rows = table("CPJ said 77 journalists were killed in the war: 72 Palestinians, three Lebanese "
                 "and two Israelis.", "metric")
    assert rows == [(77, "killed"), (72, "killed"), (3, "killed"), (2, "killed")]


def test_deaths_of_a_group_named_before():
    rows = table("Of the 132 hostages still in Gaza, 29 of whom have died, most are men.", "metric", "group")
    assert rows == [(132, "hostages_held", "all"), (29, "killed", "hostages")]


def test_metric_in_the_previous_clause():
    rows = table("No fewer than 238 people have died since mid-June, 36 of them since Friday.", "metric", "scope")
    assert rows == [(238, "killed", "cumulative"), (36, "killed", "period")]


@pytest.mark.parametrize("text, group", [
    ("U.S. Central Command said 13 U.S. service members died in the attack.", "soldiers"),
    # Marines apart from all troops: "13 service members ... Ten of the dead were Marines"
    ("The dead included 11 Marines and a Navy medic, officials said.", "marines"),
    ("A drone strike killed two high-profile Islamic State militants, the Pentagon said.", "militants"),
    ("At least 99 journalists were killed in 2023.", "journalists"),
    ("Some 280 aid workers were killed in 33 countries.", "aid_workers"),
    ("Of those, 509 people were killed in the vicinity of the foundation's distribution sites, a spokeswoman said.",
     "aid_seekers"),
    # a place's own people say no more than all; what they were doing does
    ("At least 1,373 Palestinians have been killed while trying to obtain food in Gaza since May 27.", "aid_seekers"),
    ("At least 97 health workers have been killed.", "medical_personnel"),
    ("Eight soldiers were killed in the clashes.", "soldiers"),
    ("The strike killed 12 children.", "children"),
    # an organisation's own people are never its toll of all, nor another organisation's staff
    ("UNRWA said more than 220 of its staff had been killed, the heaviest loss in its history.", "unrwa_staff"),
    ("Doctors Without Borders said six of its staff had been killed since the war began.",
     "msf_staff"),
    ("Fourteen employees were among the dead.", "staff"),
    # a crash's toll on board and on the ground: parts of the toll of all
    ("The crash killed 241 of the 242 people on board the flight, officials said.", "on_board"),
    ("Air India confirms 241 dead on board flight AI171.", "on_board"),
    ("The jet crashed into a hostel, killing 19 people on the ground.", "on_the_ground"),
    # a running figure counts the deaths it is brought to
    ("Gaza hunger deaths reach 147 as WHO warns of famine.", "starvation"),
    # a clause after the figure names other people
    ("Gunmen stormed the college and wounded 60 others before security forces ended the siege.", "all"),
    # how a disaster killed: parts of its toll
    ("The report attributes 175 of the deaths directly to the storm's wind, surge and flooding.", "direct_deaths"),
    ("Officials counted 12 indirect deaths, most from carbon monoxide poisoning.", "indirect_deaths"),
    ("The Lancet letter said the war could cause up to 186,000 direct and indirect deaths.", "all"),
    # who killed them, in a breakdown by perpetrator
    ("It said 278 Palestinians had been killed in the West Bank since the war began: 268 by Israeli troops "
     "and eight by settlers.", None),
    # the dead with the missing: more than the toll, never a part of it
    ("The disaster left 22,222 people dead or missing, according to the National Police Agency.", "dead_or_missing"),
    ("The police count pushed the combined number of dead and unaccounted-for above 11,000.", "dead_or_missing"),
])
def test_subgroups(text, group):
    if group is None:  # a breakdown: each figure its own group
        assert table(text, "group") == [(278, "all"), (268, "by_security_forces"), (8, "by_settlers")]
    else:
        assert one(text).group == group


def test_a_part_counts_over_its_whole_s_time_unless_it_names_its_own():
    found = claims_of("GAZA (Wire) - Hospitals in Gaza recorded 11 more deaths from starvation and malnutrition "
                      "over the past 24 hours, two of them children, the health ministry said on Monday, bringing "
                      "the total since the war began to 300, including 117 children.")
    assert [(c.value, c.group, c.scope) for c in found] == [
        (11, "starvation", "period"), (2, "children", "period"), (300, "all", "cumulative"),
        (117, "children", "cumulative")]
    assert [c.scope for c in claims_of("The ministry said 40,005 people had been killed, 54 of them in the past "
                                       "24 hours.")] == ["cumulative", "period"]


def test_deaths_of_one_cause_are_read_past_an_aside():
    assert table("Gaza's health ministry says 175 people, among them 93 children, have now died of malnutrition "
                 "since the war began.", "group") == [(175, "starvation"), (93, "children")]


def test_the_remains_of_hostages_returned_are_released_dead_captives_and_recovered_bodies_are_dead():
    assert table("Hamas has now returned the remains of 21 hostages.", "metric", "group") == [
        (21, "hostages_released", "deceased_hostages")]
    assert table("Troops recovered the bodies of six hostages from a tunnel.", "metric", "group") == [
        (6, "killed", "hostages")]
    assert table("The army recovered the bodies of 17 civilians on Wednesday.", "group") == [(17, "civilians")]


def test_all_the_dead_confirmed_are_no_subgroup_and_relatives_are():
    assert table("New Zealand police said 161 people are now confirmed to have died.", "group") == [(161, "all")]
    assert table("The Red Crescent says six relatives died with her.", "group") == [(6, "relatives")]


def test_people_named_by_their_capture_then_freed_are_released():
    assert table("Zamfara says 279 abducted schoolgirls freed.", "metric") == [(279, "hostages_released")]


def test_an_earlier_figure_takes_the_day_it_was_given_and_the_current_one_keeps_its_own():
    found = claims_of("Asked for an update, the army said that 700,000 Palestinians have evacuated the city, up from "
                      "about 480,000 it gave last Friday.", published=date(2025, 9, 25))
    assert [(c.value, c.as_of) for c in found] == [(700_000, "2025-09-25"), (480_000, "2025-09-19")]
    found = claims_of("The toll rose to 52, up from 40 reported on Monday.", published=date(2025, 9, 25))
    assert [(c.value, c.as_of) for c in found] == [(52, "2025-09-25"), (40, "2025-09-22")]
    # a weekday after "last" that names the event, or a window's start, dates no figure
    found = claims_of("Since the exchanges began last Friday, 97 hostages have been freed.", published=date(2023, 11, 29))
    assert [(c.value, c.as_of) for c in found] == [(97, "2023-11-29")]


def test_the_day_of_the_strikes_before_a_toll_brought_up_to_date_is_not_the_toll_s():
    found = claims_of("SANAA, Yemen (Wire) - The number of people killed in Israeli air strikes on Yemen on Wednesday "
                      "has risen to 46, the Houthi-run Health Ministry said on Friday.", published=date(2025, 9, 12))
    assert [(c.value, c.as_of) for c in found] == [(46, "2025-09-12")]


def test_the_nearest_window_is_a_figure_s_and_a_clause_of_what_went_on_meanwhile_places_nothing():
    found = claims_of("KHAN YOUNIS, Gaza Strip (Wire) - Gaza's Health Ministry raised its toll on Tuesday to 41,965 "
                      "dead and 97,590 wounded, adding 56 deaths recorded over the previous day as Israeli strikes "
                      "continued and troops pressed an offensive around Jabalia in the north.",
                      published=date(2024, 10, 10))
    assert [(c.value, c.scope, c.place) for c in found] == [
        (41965, "cumulative", "gaza"), (97590, "cumulative", "gaza"), (56, "period", "gaza")]


def test_the_day_of_a_report_dates_what_it_says_and_what_is_said_of_it_after():
    found = claims_of("GAZA CITY (Wire) - In its report on Monday, the Gaza health ministry put the war's toll at "
                      "70,112 dead. Of those, 356 people had been killed since the truce began, it said.",
                      published=date(2025, 12, 2))
    assert [(c.value, c.as_of) for c in found] == [(70112, "2025-12-01"), (356, "2025-12-01")]


def test_a_place_right_before_its_figure_in_a_list_is_the_figure_s():
    assert table("South Carolina has reported 49 deaths and Georgia 33, according to state officials.",
                 "place") == [(49, "south_carolina"), (33, "georgia")]


def test_a_part_after_of_them_is_read_for_who_killed_them():
    assert table("OCHA had counted 732 Palestinians killed in the West Bank between October 7, 2023 and October "
                 "21, 2024, 715 of them by Israeli forces.", "group") == [(732, "all"), (715, "by_security_forces")]


def test_an_earlier_event_s_year_does_not_date_what_a_speaker_then_says():
    found = claims_of("Of the 251 people taken in the 2023 attack, Israel says 59 remain in Gaza.",
                      published=date(2025, 3, 23))
    assert [(c.value, c.as_of) for c in found if c.value == 59] == [(59, "2025-03-23")]


def test_a_protest_s_dead_break_down_into_protesters_police_and_inmates():
    assert table("The dead include 59 protesters, three police officers and 10 inmates who were killed while "
                 "trying to escape from prisons, police officials said.", "group") == [
        (59, "protesters"), (3, "police"), (10, "prisoners")]


@pytest.mark.parametrize("text, group", [
    ("Pakistan's Foreign Office said four Pakistani nationals had been wounded in Christchurch.", "pakistanis"),
    ("Britain's Foreign Office has confirmed that six British nationals were among those killed in Nairobi.",
     "britons"),
    ("The toll in Nepal rose to 51, including one Indian national, police said.", "indians"),
    # the gazetteer's adjective made plural, for a country rules/places.yaml gives no people
    ("Two Chinese nationals are among the dead in Madrid, the embassy said.", "chinese"),
    ("Ten Thai workers were among those killed in Israel, the ministry said.", "thais"),
    # the speaking country's own people, the speaker told apart from the place by an apposition
    ("Iran, the kingdom's main regional rival, said 136 of its citizens were among the dead in Mina.", "iranians"),
])
def test_people_of_a_nationality_are_a_group_of_a_toll_counted_elsewhere(text, group):
    assert [c.group for c in claims_of(text) if c.value != 51] == [group]


def test_a_country_s_own_people_in_its_own_toll_are_everyone():
    assert table("Pakistan floods\n\nKARACHI, Aug 29 - The minister said 3.3 crore Pakistanis had been affected "
                 "by the floods.", "group") == [(33_000_000, "all")]


@pytest.mark.parametrize("text, places", [
    ("Miyagi prefecture accounted for 6,333 of the dead, Iwate for 3,123 and Fukushima for 904.",
     ["miyagi", "iwate", "fukushima"]),
    ("The storm killed 111 people in Texas. Harris County still had the most deaths with 31, followed by Travis "
     "County, home to Austin, with nine.", ["texas", "harris_county", "travis_county"]),
    ("Harris County again had the most deaths, 43, followed by Travis County with 28.",
     ["harris_county", "travis_county"]),
])
def test_a_breakdown_by_place_gives_each_figure_the_place_named_before_it(text, places):
    assert [c.place for c in claims_of(text)] == places


def test_a_place_that_locates_another_is_not_the_figure_s_place():
    assert one("An Israeli air strike on the Mawasi area west of Khan Younis killed at least 71 people on "
               "Saturday.").place == "mawasi"


def test_how_the_people_of_a_toll_died_is_read_past_as():
    assert table("The overall toll stood at 504 as of Friday, according to the prefecture. Of those, 228 people died "
                 "as a direct result of the quake, while 276 deaths have been certified as disaster-related.",
                 "group") == [(504, "all"), (228, "direct_deaths"), (276, "disaster_related")]


def test_another_before_one_figure_makes_no_window_of_the_next():
    assert table("Another 17,072 people remained missing, and the National Police Agency listed 2,777 people as "
                 "injured.", "metric", "scope")[1] == (2777, "injured", "cumulative")


def test_people_taken_to_hospitals_are_injured_and_an_evening_s_report_is_a_total_of_that_day():
    assert table("On Friday evening, the governor had reported 50 dead, five of them children, and 98 people taken "
                 "to hospitals.", "metric", "scope", "as_of") == [
        (50, "killed", "cumulative", "2024-03-08"), (5, "killed", "cumulative", "2024-03-08"),
        (98, "injured", "cumulative", "2024-03-08")]


def test_the_day_an_event_struck_dates_no_figure_an_article_prints_later():
    found = claims_of("The magnitude 7.4 quake, which struck off Hualien county on the island's east coast on "
                      "Wednesday morning, killed nine people and injured more than 1,000.", published=date(2024, 4, 8))
    assert [(c.value, c.scope, c.as_of) for c in found] == [(9, "cumulative", "2024-04-08"),
                                                           (1000, "cumulative", "2024-04-08")]


def test_a_figure_lowered_from_is_dated_by_the_event_s_day_and_the_new_one_by_the_statement():
    found = claims_of("The health ministry in Gaza said on Wednesday that 471 people were killed when an explosion ripped "
                      "through the courtyard of al-Ahli Arab Hospital on Tuesday evening, lowering the figure of about "
                      "500 dead that its officials had given in the first hours after the blast.",
                      published=date(2023, 10, 18))
    assert [(c.value, c.as_of) for c in found] == [(471, "2023-10-18"), (500, "2023-10-17")]


def test_a_part_of_people_the_sentence_named_before_takes_their_metric():
    assert table("Most of the dead were combatants, and 246 of them were Hezbollah fighters, according to the death "
                 "notices the group has issued.", "metric", "group") == [(246, "killed", "militants")]
    assert claims_of("An estimated 112 of them have never come home.") == []


def test_the_place_an_attack_struck_is_the_toll_s():
    assert one("JENIN, West Bank - The Hamas assault on southern Israel that set off the war killed more than 1,400 "
               "people, according to Israeli authorities.").place == "israel"
    assert one("GAZA (Wire) - Israel puts the number killed in the October 7 attack at about 1,200.").place == "israel"


def test_hostages_are_counted_where_they_are_held_not_where_they_were_seized():
    held = claims_of("GAZA (Wire) - Before Sunday's handover, 94 of the 251 people seized in the October 7 attack "
                     "were still in Gaza.")[0]
    assert (held.value, held.metric, held.place) == (94, "hostages_held", "gaza")


def test_captives_still_with_their_kidnappers_are_held_and_those_freed_of_the_abducted_are_released():
    assert table("Altogether, 38 of those abducted have now regained their freedom, while 23 remain with the "
                 "kidnappers, he said.", "metric") == [(38, "hostages_released"), (23, "hostages_held")]


@pytest.mark.parametrize("text", [
    "Officials said the final national toll could end up at around 550.",
    "Those would take the toll to 24 once the remains reach the county medical examiner, officials said.",
    "Kentucky governor fears more than 70 dead after tornadoes tear through state.",
    "Police expect the final toll near 240.",
    "No more than 18 workers were still underground, suggesting a final toll around 300.",
    "The missing are not in the ministry's toll; if they were included the number of dead would exceed 44,000.",
])
def test_a_toll_foreseen_is_an_estimate(text):
    assert one(text).estimate is True


def test_a_region_named_with_an_aside_before_accounted_for_is_the_figure_s_place():
    assert one("The coastal Maule region, closest to the epicentre, accounted for 541 of the dead.").place == "maule"


def test_a_phase_of_a_war_and_a_day_alone_are_windows():
    assert [c.scope for c in claims_of(
        "Two hundred and twenty Israeli soldiers have now been killed since the army sent ground troops into the Gaza "
        "Strip on October 27, the military said on Friday. Police records showed that Monday, the first day of the "
        "demonstrations, alone accounted for 21 deaths.")] == ["period", "period"]


def test_deaths_removed_from_a_count_are_a_change_not_a_count():
    assert one("The World Health Organization has removed about 1,000 deaths from Liberia's Ebola count.").scope \
        == "period"


def test_aid_seekers_and_hunger_deaths_are_parts_of_a_war_s_toll():
    assert table("On Thursday, the ministry said, 91 of the 111 people killed across the territory had been "
                 "seeking aid.", "group") == [(91, "aid_seekers"), (111, "all")]
    assert table("The ministry said 15 more people had died of starvation, bringing hunger-related deaths since "
                 "the war began to 101.", "group") == [(15, "starvation"), (101, "starvation")]
    # what the people were doing, said anywhere in the figure's clause or in the tally it completes
    assert table("The health ministry said 1,338 people had been killed and more than 11,000 wounded while "
                 "seeking aid since the end of May.", "group") == [(1338, "aid_seekers"), (11000, "aid_seekers")]
    assert table("The number of Palestinians killed while trying to reach food in Gaza has climbed to 1,383, the "
                 "health ministry said.", "group") == [(1383, "aid_seekers")]
    # ... but not in another clause, nor in the part a figure is the whole of
    assert table("Israeli strikes killed 60 people on Tuesday, including 20 while seeking aid.",
                 "group") == [(60, "all"), (20, "aid_seekers")]
    assert table("Gaza death toll passes 30,000 as crowd waiting for aid comes under fire", "group") == [(30000, "all")]


def test_men_are_a_group_apart_from_the_women_listed_after_them():
    assert table("A statement from the state government on Saturday said 29 men and 10 women had died.",
                 "group", "scope") == [(29, "men", "cumulative"), (10, "women", "cumulative")]


def test_a_participle_after_while_opens_no_clause_but_a_subject_does():
    assert table("The number of people killed while fleeing the fighting has risen to 12, officials said.",
                 "metric") == [(12, "killed")]
    # "one of the last health posts" counts a post, not a person
    assert table("She said the aid workers were killed while running one of the last health posts still "
                 "operating in the camp.", "metric") == []


def test_a_gap_between_counts_and_a_count_of_counts_are_no_counts_of_people():
    assert claims_of("Two official counts of people displaced by the floods released on Sunday differed by more "
                     "than two lakh, officials said.") == []


def test_patients_still_at_a_named_hospital_are_a_stock():
    claim = one("Twenty-three people wounded in Sunday's attack at the Pulse nightclub remained at Orlando Regional "
                "Medical Center on Thursday.")
    assert (claim.metric, claim.scope) == ("injured", "current")


def test_a_list_published_on_a_day_is_a_running_total_as_of_that_day():
    claim = one("On Tuesday the health ministry published a draft list of 708 people killed.")
    assert (claim.scope, claim.as_of) == ("cumulative", "2024-03-05")


def test_a_day_later_counts_from_the_day_the_sentence_before_gave():
    found = claims_of("Then, on October 9, the social services minister told parliament that 1,208 people were "
                      "still unaccounted for. A day later the national security minister said police had reports of "
                      "only 282 missing people, 252 from Abaco and 20 from Grand Bahama.",
                      published=date(2019, 10, 29))
    assert [(c.value, c.as_of) for c in found] == [(1208, "2019-10-09"), (282, "2019-10-10"),
                                                   (252, "2019-10-10"), (20, "2019-10-10")]


def test_last_week_s_event_names_the_event_and_this_week_counts_from_its_monday():
    claim = one("The number of people killed in last week's attack on the concert venue has risen to 144, "
                "officials said.")
    assert claim.scope == "cumulative"
    claim = one("At least 12 people were killed this week, officials said.")
    assert (claim.scope, claim.period_start) == ("period", "2024-03-04")


def test_a_part_of_a_long_whole_takes_what_it_is_said_to_be_and_a_country_s_own_people():
    assert table("Some 38 of the 84 people killed in last week's truck attack in Nice were foreign nationals, the "
                 "foreign ministry said.", "group") == [(38, "foreigners"), (84, "all")]
    assert table("Iran said on Thursday that 464 of its pilgrims died in the crush at Mina.",
                 "group") == [(464, "iranians")]


def test_a_statement_s_day_opens_no_window():
    claim = one("Germany registered 1,091,894 asylum seekers in 2015, the interior ministry said on Wednesday.")
    assert (claim.scope, claim.period_start) == ("period", "")


def test_since_a_day_when_dates_the_figures_after_it_not_those_before():
    # "since Thursday, when Correia announced 242 deaths": the 242 is Thursday's
    assert table("The count has climbed since Thursday, when the minister announced 242 deaths.",
                 "as_of") == [(242, "2024-03-07")]
    # "2,615 killed since 27 May, when the aid system began": counted from that day to now
    assert table("It reported that 2,615 people had been killed while trying to obtain food since 27 May, when "
                 "a new aid distribution system began operating.", "as_of") == [(2615, "2024-03-08")]


@pytest.mark.parametrize("text, source", [
    ("According to the Gaza Health Ministry, 30,631 people have been killed.", "gaza_health_ministry"),
    ("At least 30,631 people have been killed, the Health Ministry in Gaza said.", "gaza_health_ministry"),
    ("The Israeli military said 249 soldiers have died.", "israeli_officials"),
    ("At least 1,200 people were killed, according to an AFP count.", "afp_tally"),
    ("More than 5,000 civilians have been killed, citing OHCHR figures.", "ohchr"),
    ("Figures from OCHA show 1.7 million people have been displaced.", "ocha"),
    ("Disaster agency AFAD said 8,574 people had been killed.", "afad"),
    ("The White Helmets reported 1,280 deaths in the northwest.", "white_helmets"),
    ("UNRWA says about 1.8 million people have been displaced.", "unrwa"),
    ("The Office of the U.N. High Commissioner for Human Rights (OHCHR) said it had recorded "
     "11,544 civilian casualties.", "ohchr"),
    ("Syria's health ministry reported 1,262 deaths in government-held areas.", "syria_health_ministry"),
    # the toll of a strike names no speaker: "Saturday's Israeli strike" is no source
    ("The death toll from Saturday's Israeli strike on the Mawasi coastal area rose to 90, Gaza's health ministry "
     "said on Sunday.", "gaza_health_ministry"),
    # a bare "Health ministry" is the home country's outside Gaza
    ("KATHMANDU, Sept 12 - Health ministry counts 36 deaths in Nepal's protests.", "nepal_health_ministry"),
    ("The quake killed 2,000 people.", "unattributed"),
    ("The health ministry's overall count rose to 8,796 Palestinians killed in Gaza.", "gaza_health_ministry"),
    ("In its latest snapshot, OCHA listed 24,686 fatalities identified by name.", "ocha"),
    # a body's record is its word, and a headline's verb too
    ("The Medical Examiners Commission's Wednesday report attributes 49 deaths to the storm.",
     "medical_examiners_commission"),
    ("Kenya Red Cross counts 36 deaths in flash floods", "kenya_red_cross"),
    # a figure another body recorded, after it
    ("The council's count has now passed the 375 deaths recorded by the police.", "police"),
])
def test_attribution_styles(text, source):
    assert one(text).source == source


@pytest.mark.parametrize("text, source", [
    # "its breakdown", "he told": the speaker of the sentence before
    ("The NDRRMC said 31 deaths had been reported nationwide. Its breakdown listed five deaths in Bohol.", "ndrrmc"),
    ("The Ankara chief public prosecutor gave a higher figure. He told the Hurriyet newspaper that 86 people "
     "had been killed on the spot.", "ankara_public_prosecutor"),
])
def test_the_speaker_of_the_sentence_before(text, source):
    assert claims_of(text)[-1].source == source


def test_a_clause_of_what_officials_said_names_no_body_called_in_what():
    assert one("Two blasts killed at least 86 people in what officials said was the deadliest attack.").source \
        == "officials"


def test_those_confirmed_so_far_are_a_part_of_the_count():
    found = claims_of("The council said 31 deaths had been reported nationwide, only four of them confirmed and the "
                      "rest still under validation.")
    assert [(c.value, c.group) for c in found] == [(31, "all"), (4, "confirmed")]
    assert one("Officials reported 31 confirmed deaths.").group == "all"


def test_source_named_in_the_previous_sentence_carries_over():
    found = claims_of("The Ministry of Health in Gaza published its daily update. "
                      "It said 97 people had been killed in the past 24 hours.")
    assert [(c.value, c.source) for c in found] == [(97, "gaza_health_ministry")]


@pytest.mark.parametrize("text, metric, value", [
    # after a capture, the people still where they are held
    ("Of the 251 people seized on Oct. 7, 2023, 94 are still in Gaza.", "hostages_held", 94),
    ("Israel says 91 of the 251 people seized on Oct. 7 remain in Gaza.", "hostages_held", 91),
    # ... but a part with nothing else to tell of it takes the cue after the whole
    ("The release leaves 197 of the girls unaccounted for.", "missing", 197),
    # tallies in headline style, and a count that is cut or put at a figure
    ("Israeli army raises confirmed hostage count to 199", "hostages_held", 199),
    ("Myanmar cyclone toll passes 23,000 as list of missing is cut to 37,019", "missing", 37019),
    ("The number of missing was put at 55,917.", "missing", 55917),
    ("Myanmar cyclone death toll rises as missing put at 55,917", "missing", 55917),
    # hospitals, and the people of an emigration
    ("The ambulance service said 12 children under the age of 16 were among the casualties taken to hospital.",
     "injured", 12),
    ("He said 20 people were in critical care on Wednesday morning.", "injured", 20),
    ("Officials said 119 people had sought hospital treatment after the attack.", "injured", 119),
    ("By then more than 1.6 million had left since 2015.", "displaced", 1600000),
    ("The UN says 2.3 million Venezuelans were living abroad.", "displaced", 2300000),
    ("About 5,000 people leave Venezuela every day.", "displaced", 5000),
    ("About 600 residents still cannot go home because their houses are inside the cordon.", "displaced", 600),
    ("The quake left about 3.5 million people without homes.", "displaced", 3500000),
    ("Before Tuesday, the missing included 14 Germans and five Italians.", "missing", 14),
    ("The governor's office put the number still unaccounted for at 50.", "missing", 50),
    ("The minister said 110 of them had not been accounted for.", "missing", 110),
    ("The government said 113 people were taken in the February 19 raid.", "hostages_taken", 113),
    ("The department said 1,577 Louisianians are now counted as victims.", "killed", 1577),
    # a partitive's whole with its own participle is a claim too
    ("The minister said 117 of the 129 people killed had been identified.", "killed", 129),
    # arrivals as the migration agencies count them
    ("The IOM said 1,005,504 people had arrived by land and sea as of Monday.", "displaced", 1005504),
    ("Of those, 856,723 landed in Greece.", "displaced", 856723),
    ("More than 300,000 people have crossed the Mediterranean since January.", "displaced", 300000),
    ("Germany registered 1,091,894 asylum seekers in 2015.", "displaced", 1091894),
    ("More than one million migrants and refugees have reached Europe this year.", "displaced", 1000000),
    # "four packed commuter trains" count no people, nor stand between the toll and its figure
    ("The death toll from Thursday's bombings of four packed commuter trains rose to 192 on Friday.", "killed", 192),
    ("Missing list in Surfside collapse cut to 128 after audit", "missing", 128),
    # a breakdown of the count the sentence before named
    ("Of the 34,000 deaths, 24,686 had been identified. They comprised 7,797 children and 4,959 women.",
     "killed", 7797),
    ("Opposition groups have given tolls as high as 1,400.", "killed", 1400),
    # victims are the dead where nothing else is said of them
    ("Hundreds filled a church to mourn the 150 victims.", "killed", 150),
    ("The airline's list showed at least 72 Germans and 35 Spaniards among the victims.", "killed", 72),
    # "of them" refers back to the count before, however far in its sentence
    ("More than 5,000 civilians have been killed in Mariupol since the siege began, the mayor said on "
     "Wednesday, and 210 of them were children.", "killed", 210),
    ("Five of the victims died of gunshot wounds.", "killed", 5),
    # a verb before "and" is the figure before's; the figure's own cue after it wins
    ("At least one person was killed and 99 others were unaccounted for after the collapse.", "missing", 99),
    # counts of camps are no people and do not stand between a figure and its cue
    ("The authority said 6,33,010 people were staying in 2,971 relief camps in the state.", "displaced", 633010),
    ("A spokesman said 10,28,000 people had been registered in about 3,200 camps.", "displaced", 1028000),
])
def test_held_and_tallied_figures(text, metric, value):
    assert (metric, value) in [(c.metric, c.value) for c in claims_of(text)]


@pytest.mark.parametrize("text, metric, value", [
    # evacuations, as fire and flood desks report them
    ("More than 150,000 people were under evacuation orders on Friday.", "displaced", 150000),
    ("About 92,000 residents remained under mandatory evacuation orders.", "displaced", 92000),
    ("Some 30,000 people across the county were ordered out of their homes overnight.", "displaced", 30000),
    ("Around 2,300 people were still staying at evacuation centres on Monday.", "displaced", 2300),
    ("The agency said 41,000 people were still registered as evacuees.", "displaced", 41000),
    ("The state moved nearly 11 lakh people out of low-lying areas before landfall.", "displaced", 1100000),
    ("Officials said 8,000 villagers had been moved to safety.", "displaced", 8000),
    ("About 14,000 people have been relocated since the airlift began.", "displaced", 14000),
    ("Military aircraft flew about 19,000 people out of the capital in a day.", "displaced", 19000),
    ("The UN has recorded more than 300,000 displacements since mid-August.", "displaced", 300000),
    ("Monitors counted 5,400 movements from north to south on Sunday alone.", "displaced", 5400),
    ("Some 3,000 people were crossing each day at the height of the exodus.", "displaced", 3000),
    ("More than 9,000 people crossed at the main border post last week.", "displaced", 9000),
    ("About 12,000 people spent a third night in tents and cars.", "displaced", 12000),
    ("More than 600 people have yet to return to their homes.", "displaced", 600),
    ("The governor said 200,000 people had been left without a habitable home.", "displaced", 200000),
    # hunger and need, as famine monitors put them
    ("The UN said about 60,000 people on the islands needed food, water and shelter.", "affected", 60000),
    ("The monitor said 495,000 people were living in famine conditions.", "affected", 495000),
    ("Another 1.1 million people are in the emergency phase.", "affected", 1100000),
    ("Aid agencies say 8,000 children under five are severely malnourished.", "affected", 8000),
    ("It warned that 300,000 people were on the edge of famine.", "affected", 300000),
])
def test_displacement_and_need(text, metric, value):
    assert (metric, value) in [(c.metric, c.value) for c in claims_of(text)]


@pytest.mark.parametrize("text, pairs", [
    # a part of the count the sentence before gave, opening its own sentence
    ("Police said 16 of the dead had been identified. Four of them were foreigners.",
     [(16, "killed"), (4, "killed")]),
    # a breakdown after the count's own noun, an apposition between
    ("The victims, 12 women and eight men, were aged between 18 and 38.", [(12, "killed"), (8, "killed")]),
    ("The dead, aged 18 to 38, included 13 Germans and eight foreigners.", [(13, "killed"), (8, "killed")]),
    ("Of those killed between July 8 and the ceasefire of August 26, 495 were children and 253 were women.",
     [(495, "killed"), (253, "killed")]),
    # an earlier count the new one replaced, and a count the text brings up to date
    ("Police raised the number of injured to 511 from the 342 given on Sunday.", [(511, "injured"), (342, "injured")]),
    ("Rescuers recovered one more body, bringing the number of dead retrieved from the rubble to 43.",
     [(1, "killed"), (43, "killed")]),
    ("Another 36 people believed to have been in the area remain unaccounted for.", [(36, "missing")]),
])
def test_parts_and_earlier_counts_of_a_count_named_before(text, pairs):
    assert [(c.value, c.metric) for c in claims_of(text)] == pairs


def test_its_count_is_the_count_of_the_sentence_before_nearest_its_size():
    text = ("The ministry said 5,791 Palestinians had been killed, including 2,360 children, and that 16,297 had "
            "been wounded. Its count stood at 5,087 on Monday.")
    assert [(c.value, c.metric) for c in claims_of(text)][-1] == (5087, "killed")


@pytest.mark.parametrize("text, pairs", [
    # a count that changed gives the count before and the count after, not a range between them
    ("The number of people still reported missing fell from 79 to 56, police said.",
     [(79, "missing"), (56, "missing")]),
    ("The number of people listed as missing or unaccounted for jumped from 108 to 176.",
     [(108, "missing"), (176, "missing")]),
    ("The sheriff's list of the missing shrank from 17 to 15 on Thursday.", [(17, "missing"), (15, "missing")]),
    # a count brought up to date from a day of a month, a toll named as killings, a breakdown of a list
    ("Two officers were killed, bringing the number of soldiers killed since October 7 to 582.",
     [(2, "killed"), (582, "killed")]),
    ("The UN human rights office said it had recorded 798 killings of people trying to reach food aid.",
     [(798, "killed")]),
    ("The ministry published a list of 34,344 people killed. The list includes 11,355 children and 6,297 women.",
     [(34344, "killed"), (11355, "killed"), (6297, "killed")]),
    ("It had identified 24,686 of the 34,622 dead. Among those identified were 7,797 children and 4,959 women.",
     [(24686, "killed"), (34622, "killed"), (7797, "killed"), (4959, "killed")]),
    # captives still held, named by their capture
    ("Israel said 98 hostages remained in Gaza, 94 of them taken on October 7, 2023.",
     [(98, "hostages_held"), (94, "hostages_held")]),
    # the living among the captives are held, the dead after them are a toll
    ("The forum said 24 of the 59 hostages in Gaza are alive and 35 are known to be dead.",
     [(24, "hostages_held"), (35, "killed")]),
    # a range stays one claim
    ("Estimates of the dead ranged from 1,800 to 25,000.", [(1800, "killed")]),
])
def test_a_count_changed_from_one_figure_to_another(text, pairs):
    assert [(c.value, c.metric) for c in claims_of(text)] == pairs


@pytest.mark.parametrize("text, value", [
    # a ratio in a definition, people stranded in passing, a crowd of onlookers, troops moved
    ("Famine is declared when one child in three is acutely malnourished.", 1),
    ("Famine is declared when one child in three is acutely malnourished.", 3),
    ("Famine is declared when two people in every 10,000 die each day.", 2),
    ("The school had 325 students on board, and parents crowded into the school hall.", 325),
    ("The army moved 300 troops to the border.", 300),
    ("The list shrank to 15 after two names were taken off on Thursday.", 2),
])
def test_no_displacement_or_need(text, value):
    assert value not in [c.value for c in claims_of(text)]


@pytest.mark.parametrize("text, scope, period_start", [
    ("97 people had been killed in the past 24 hours.", "period", "2024-03-07"),
    ("At least 40 people have been killed since Monday.", "period", "2024-03-04"),
    ("Nine people had been killed since the ceasefire began.", "period", ""),
    ("Hamas freed 69 hostages during the truce.", "period", ""),
    ("At least 112 people were killed on Thursday.", "period", "2024-03-07"),
    ("Some 132 hostages remain held in Gaza.", "current", ""),
    ("Some 9,500 people are still missing.", "current", ""),
    ("The death toll rose to 52 on Saturday, the governor said.", "cumulative", ""),
    ("Israeli strikes have killed 30,631 people since the war began.", "cumulative", ""),
    ("Journalists said on Tuesday that 15 reporters had been killed.", "cumulative", ""),
    ("Ebola has killed 4,951 people, the World Health Organization said in an update on Friday.", "cumulative", ""),
    ("Wednesday alone brought the recovery of 18 bodies.", "period", "2024-03-06"),
    ("Police said 359 people had now died in the Easter Sunday bombings.", "cumulative", ""),
    # the weekday is the raid's, not a window of the toll the minister gave hours later
    ("Hours after the raid on Saturday, the deputy interior minister said 67 hostages had died.", "cumulative", ""),
    # patients in hospital are a stock of the wounded, which falls as they leave
    ("At the medical center, 29 people wounded in the attack remained in the hospital, officials said.", "current", ""),
    # a year's count; the "since" of a record is no running total's
    ("The UN said 2023 was the deadliest year since it began keeping records in 2005, with 507 killed.", "period", ""),
    ("Some 507 Palestinians were killed in the West Bank over the twelve months.", "period", ""),
])
def test_scope(text, scope, period_start):
    claim = one(text)
    assert (claim.scope, claim.period_start) == (scope, period_start)


@pytest.mark.parametrize("text, as_of", [
    ("At least 30,000 people have been killed.", "2024-03-08"),
    ("The ministry said on Tuesday that 30,000 people had been killed.", "2024-03-05"),
    ("As of March 3, 30,000 people had been killed.", "2024-03-03"),
    ("The toll stood at 30,000 by Sunday.", "2024-03-03"),
    ("The toll stood at 30,000 by Sunday, up from 29,800 on Saturday.", "2024-03-03"),
    ("It counted 11,544 civilian casualties as of midnight on March 1.", "2024-03-01"),
    ("At least 99 journalists were killed in 2023.", "2023-12-31"),
    ("77 journalists were killed by the end of the year.", "2023-12-31"),
    # March 10 has not happened by March 8, 2024: the date is last year's, never a future one
    ("As of March 10, 12,000 people had been killed.", "2023-03-10"),
    # a date that opens the sentence dates what follows, however long the aside after it
    ("On May 25, 2017, three days after the attack, NHS England said 116 people had been treated in hospital.",
     "2017-05-25"),
    ("The toll kept rising. On March 3, the ministry said 9,400 people had died.", "2024-03-03"),
    ("A day earlier the count of patients still in hospital had been 121.", "2024-03-07"),
])
def test_as_of(text, as_of):
    assert claims_of(text)[0].as_of == as_of


def test_as_of_is_empty_without_a_publication_date():
    claim = one("The ministry said on Tuesday that 30,000 people had been killed.", published=None)
    assert claim.as_of == ""


@pytest.mark.parametrize("text", [
    "The earthquake struck at 4:17 a.m. on Feb. 6, 2023.",
    "A 32-year-old journalist was killed near Bakhmut.",
    "Children aged 5 to 17 were among those who fled.",
    "The U.N. launched a $397 million appeal for 24 million people.",
    "The town lies about 60 km from Marrakech.",
    "Relatives can call the hotline on +1 212 555 0148.",
    "Gaza death toll: live updates | 3 Min Read",
    "The president presented a 20-point plan for peace.",
    "The 2nd phase of the deal was due to begin in March.",
    "The Assembly voted 141-5 to demand a withdrawal.",
    "More than 6,000 aftershocks have been recorded since the first quake.",
    "More than 60,000 search and rescue personnel are working in the region.",
    "The workers came from eight nationalities, the company said.",
    "Police said the ten attackers had left Karachi by boat.",
    "Japan has pledged 3 million doses, but none had arrived by Thursday.",
    "Officials said 2,857 patients with the virus were in intensive care.",
    "The figures mean that roughly one in every 33 people who lived in Gaza has been killed.",
])
def test_non_claims(text):
    assert claims_of(text) == []


def test_years_are_not_claims_but_the_figures_beside_them_are():
    assert table("In 2014, the war killed thousands; by 2016 it had displaced 2,000 people.", "metric") == [
        (2000, "killed"), (2000, "displaced")]


def test_households_are_not_people_unless_a_multiplier_is_set(tmp_path):
    text = "The floods displaced 1,964 households in the district."
    assert claims_of(text) == []
    (tmp_path / "units.yaml").write_text("persons_per_household: 5\n", encoding="utf-8")
    claim = one(text, rules=load_rules(tmp_path))
    assert (claim.value, claim.metric, claim.unit) == (9820, "displaced", "persons")


def test_decimal_comma_locale_reads_dots_as_thousands():
    text = "The quake killed 1.160 people, officials said."
    assert one(text, locale="de").value == 1160
    assert one(text, locale="es-ES").value == 1160
    assert claims_of(text, locale="en") == []  # 1.16 people is no count


def test_claim_spans_point_at_the_number_in_the_document():
    text = "Headline here\nThe strike killed more than 40 people on Tuesday."
    claim = one(text)
    assert text[claim.start:claim.end] == claim.quote == "more than 40"
    assert (claim.line, claim.column) == (2, text.index("more") - text.index("\n"))


def test_locale_comes_from_the_manifest(tmp_path):
    from checker.corpus import read_documents

    (tmp_path / "a.txt").write_text("Das Beben tötete 1.160 Menschen; 1.160 people were killed.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc,file,published,locale\na,a.txt,2023-02-08,de\n", encoding="utf-8")
    document = next(read_documents([tmp_path]))
    assert document.locale == "de"
    assert [c.value for c in extract(document, load_rules())] == [1160]


def test_since_the_day_of_the_event_is_a_running_total():
    text = ("Hamas fighters killed 1,300 people in Saturday's attack on southern Israel. "
            "Israeli strikes have killed 1,417 people in Gaza since Saturday.")
    assert [(c.value, c.scope) for c in claims_of(text, published=date(2023, 10, 12))] == [
        (1300, "cumulative"), (1417, "cumulative")]
    # without an event on that day, "since Saturday" is a window
    assert one("Israeli strikes have killed 417 people in Gaza since Saturday.",
               published=date(2023, 10, 12)).scope == "period"


def test_state_and_window_cues_belong_to_the_nearest_figure():
    rows = table("UNRWA says about 1.8 million people have been displaced, and that more than 1 million "
                 "are sheltering in its facilities.", "scope")
    assert rows == [(1_800_000, "cumulative"), (1_000_000, "current")]
    rows = table("The death toll has risen to 11,300, with another 10,100 people reported missing.", "scope")
    assert rows == [(11300, "cumulative"), (10100, "period")]
    rows = table("The ministry said 118 people were killed in the past 24 hours, raising the death toll "
                 "to 30,035.", "scope")
    assert rows == [(118, "period"), (30035, "cumulative")]


def test_a_breakdown_shares_the_date_of_its_total():
    rows = table("OHCHR said it had recorded 11,544 civilian casualties as of midnight on March 1: "
                 "5,024 killed and 6,520 injured.", "metric", "as_of")
    assert rows == [(11544, "casualties", "2024-03-01"), (5024, "killed", "2024-03-01"),
                    (6520, "injured", "2024-03-01")]


def test_he_said_carries_the_speakers_date():
    text = ("Health Minister Firass Abiad said on Thursday that Israeli attacks had killed 1,974 people. "
            "In the past 24 hours alone, 37 people were killed, he said.")
    assert [(c.value, c.as_of) for c in claims_of(text)] == [(1974, "2024-03-07"), (37, "2024-03-07")]


def test_a_window_between_two_dates():
    claim = one("Between March 1 and March 7, the office recorded 263 civilian casualties.")
    assert (claim.scope, claim.period_start, claim.as_of) == ("period", "2024-03-01", "2024-03-07")


@pytest.mark.parametrize("text, sources", [
    ("The Sudan Doctors Network said at least 1,500 people had been killed in El Fasher.",
     ["sudan_doctors_network"]),
    ("At least 19 Palestinians were killed in overnight strikes, hospital officials said.", ["hospital_officials"]),
    # a source in another clause, or one that introduces a later figure, is not this figure's
    ("Israel says 1,300 killed in Hamas attack; Gaza toll passes 1,400", ["israeli_officials", "unattributed"]),
    ("Some 240 people were taken hostage in the attack, in which Israel says about 1,200 people were killed.",
     ["unattributed", "israeli_officials"]),
    # an actor is no source
    ("Israel released 240 Palestinian prisoners under the deal.", ["unattributed"]),
    # "who" is a pronoun, "WHO" the World Health Organization
    ("Officials say 130 hostages remain, including 30 who are believed to be dead.", ["officials", "officials"]),
    ("The WHO said 45 people had died of cholera.", ["who"]),
])
def test_attribution_limits(text, sources):
    assert [c.source for c in claims_of(text)] == sources


def test_releases_are_events():
    assert one("Hamas freed 69 hostages on Friday.").scope == "period"
    claim = one("Israel released 240 Palestinian prisoners under the deal.")
    assert (claim.metric, claim.scope, claim.group) == ("prisoners_released", "period", "palestinians")


def test_part_of_a_whole():
    assert table("At least 90 of the roughly 200 residents were killed, villagers said.", "metric") == [
        (90, "killed")]


@pytest.mark.parametrize("text", [
    "Twenty-seven deaths were reported on Saturday, one of the highest daily figures this year.",
    "Officials reported a 12% rise in deaths compared with the previous week.",
])
def test_more_non_claims(text):
    assert [c.value for c in claims_of(text)] in ([27], [])


def test_an_apposition_does_not_part_a_figure_from_its_cue():
    claim = one("Nearly 1.7 million people, or three-quarters of the population, have been displaced.")
    assert (claim.metric, claim.qualifier) == ("displaced", "nearly")


def test_the_ministry_said_points_back_at_the_ministry():
    text = ("The death toll rose to 2,497, the interior ministry said. The quake struck at 11:11 p.m., "
            "according to the U.S. Geological Survey. Al Haouz province accounted for 1,452 of the deaths, "
            "the ministry said.")
    assert [(c.value, c.source) for c in claims_of(text)] == [(2497, "morocco_interior_ministry"), (1452, "morocco_interior_ministry")]


def test_a_speakers_date_carries_but_a_figures_date_does_not():
    text = ("AFAD put the number of dead at 41,156 by Sunday evening. It said upwards of 105,000 people "
            "had been injured.")
    assert [(c.value, c.as_of) for c in claims_of(text)] == [(41156, "2024-03-03"), (105000, "2024-03-08")]
    text = "The Ministry of Health released new figures on Sunday. It said 1,210 people had died."
    assert [(c.value, c.as_of) for c in claims_of(text)] == [(1210, "2024-03-03")]


def test_a_day_earlier_dates_the_figure_before_it():
    rows = table("The death toll climbed to 4,000 on Thursday, up from 3,500 a day earlier.", "as_of")
    assert rows == [(4000, "2024-03-07"), (3500, "2024-03-06")]


@pytest.mark.parametrize("text, rows", [
    ("The conflict has killed thousands and displaced more than 10 million, the U.N. says.",
     [(2000, "killed"), (10_000_000, "displaced")]),
    ("The toll from Wednesday's landslide stands at 670, with 2,000 more feared buried.",
     [(670, "killed"), (2000, "missing")]),
    ("Some 1.1 million people in Gaza face catastrophic hunger, the IPC said.", [(1_100_000, "affected")]),
    ("Rescuers pulled 12 survivors from the rubble on Tuesday.", []),
    ("Israel has called up 360,000 reservists since the attack.", []),
    ("About 500 people attended the funeral in the village.", []),
])
def test_more_metrics_and_non_claims(text, rows):
    assert table(text, "metric") == rows


@pytest.mark.parametrize("text, rows", [
    ("Quake kills more than 2,000 in Morocco", [(2000, "killed")]),
    ("Death toll hits 30,000 as strikes continue", [(30000, "killed")]),
    ("Floods leave 1,500 dead, 10,000 missing in Libya", [(1500, "killed"), (10000, "missing")]),
    ("The cyclone left 300 dead and 1.2 million without shelter.", [(300, "killed"), (1_200_000, "displaced")]),
    ("Hamas freed 24 hostages on Friday in exchange for 39 Palestinian prisoners.",
     [(24, "hostages_released"), (39, "prisoners_released")]),
    ("Rescuers recovered 2,084 bodies from the rubble.", [(2084, "killed")]),
    ("The outbreak has caused 4,200 confirmed deaths and more than 200,000 suspected cases.", [(4200, "killed")]),
    ("More than 1,000 families were displaced by the fighting.", []),
])
def test_headline_and_wire_phrasing(text, rows):
    assert table(text, "metric") == rows


def test_ap_style_weekdays_without_on():
    claim = one("An Israeli strike killed 12 people Tuesday in Rafah, hospital officials said.")
    assert (claim.as_of, claim.scope, claim.place, claim.source) == ("2024-03-05", "period", "rafah", "hospital_officials")
    claim = one("The Health Ministry in Hamas-run Gaza said Monday that 31,112 Palestinians have been killed.")
    assert (claim.as_of, claim.scope, claim.source) == ("2024-03-04", "cumulative", "gaza_health_ministry")
    claim = one("The U.N. Office for the Coordination of Humanitarian Affairs said Wednesday that 1.9 million "
                "people have been displaced.")
    assert (claim.as_of, claim.source) == ("2024-03-06", "ocha")


def test_a_run_on_text_is_cut_into_bounded_sentences():
    from checker.extract import split_sentences

    text = "killed 12 people, including 3 children, and injured 40, officials said, " * 100
    spans = list(split_sentences(text))
    assert max(end - start for start, end in spans) <= 2000
    assert "".join(text[s:e] for s, e in spans) == text
    assert sum(c.value == 12 for c in claims_of(text)) == 100


def test_places_matched_once_per_document_read_as_in_each_sentence_alone():
    # the places of a document are matched once and handed out by sentence: each sentence must
    # get what matching it alone gives, also where a run-on is cut inside a place's name
    from pathlib import Path

    from checker.extract import _located, _names_in, _PlaceIndex, split_sentences

    rules = load_rules()
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))]
    texts.append("x" * 1998 + "Gaza and Rafah" + "y" * 1990 + " in Hatay, 12 killed in Gaza's south.\nIsraelis")
    for text in texts:
        index = _PlaceIndex(text, rules)
        for lo, hi in split_sentences(text):
            sentence = text[lo:hi]
            assert sorted(index.sentence(lo, hi)) == sorted(_located(sentence, _names_in(sentence, rules), 0, hi - lo))
    assert len(texts) > 5
    assert [p for _, _, p, _ in index.sentence(0, 2000)] == []  # "Ga|za": no place on either side of the cut


@pytest.mark.parametrize("text, place", [
    ("Floods in southern Brazil have killed at least 147 people, the state civil defence agency said.", "brazil"),
    ("More than 2,000 people were buried by the landslide in Papua New Guinea, the government said.",
     "papua_new_guinea"),
    ("Fighting in South Sudan has displaced 40,000 people since March, the U.N. said.", "south_sudan"),
    ("In Guinea-Bissau, 12 people were killed in the clashes.", "guinea_bissau"),
    ("Cholera has killed 63 people in Mozambique this year, health officials said.", "mozambique"),
    ("The storm killed 23 people in the Philippines, disaster officials said.", "philippines"),
    # a province as ISO 3166-2 names it ("Sichuan Sheng"), in a frame that opens the sentence
    ("In Sichuan province alone, 39,577 people have been confirmed dead, the vice governor said.", "sichuan"),
    ("On Tuesday the United Nations put the number of dead across the region at 165,493.", "several_countries"),
    ("Ebola has killed 4,951 people in eight countries, the World Health Organization said.", "eight_countries"),
    # a group's name opening a sentence is no place
    ("STEPANAKERT (Wire) - Civilians accounted for at least 10 of the dead, officials said.", "stepanakert"),
])
def test_every_country_is_a_place(text, place):
    assert one(text).place == place


@pytest.mark.parametrize("text, place", [
    # the speaker's country gives way to the place where the people were killed
    ("Thailand's government said 21 Thai nationals had been killed in Israel and 16 abducted.", "israel"),
    ("Lebanon's health ministry said Israeli strikes in Beirut killed 14 people on Thursday.", "beirut"),
    # and is the place when the sentence names no other
    ("Nigeria's government said 120 people were killed in the attack.", "nigeria"),
])
def test_the_speakers_country_is_the_place_only_when_no_other_is_named(text, place):
    assert claims_of(text)[0].place == place


def test_there_is_the_place_the_sentence_before_named_and_its_body_that_place_s():
    found = claims_of("JENIN - Bulldozers cleared the camp on Monday.\n\nIsrael's renewed offensive in Gaza enters its "
                      "second week. The health ministry there says 49,617 people have been killed since the war "
                      "began.")
    assert [(c.value, c.place, c.source) for c in found] == [(49617, "gaza", "gaza_health_ministry")]
    # a place the sentence names itself before "there" comes first
    found = claims_of("JENIN - Israel's offensive in Gaza goes on.\n\nOCHA, whose own West Bank count runs to Monday, "
                      "recorded 121 Palestinian deaths there.")
    assert [(c.value, c.place) for c in found] == [(121, "west_bank")]


@pytest.mark.parametrize("text, place", [
    # places the rules do not list, read from the frame that names them
    ("At least 115 people were killed in Lahaina, the county said.", "lahaina"),
    ("Survivors were taken to the port of Kalamata after the boat sank; 104 people were rescued and "
     "at least 82 bodies recovered off Pylos.", "pylos"),
    ("Clashes killed 115 people in the capital, Bamako, the U.N. said.", "bamako"),
    ("The landslide killed more than 2,000 people in remote Enga, officials said.", "enga"),
    ("Floods in the state of Rio Grande do Sul have killed 147 people.", "rio_grande_do_sul"),
    ("At least 62 people died in São Paulo, officials said.", "sao_paulo"),
    # and the states of the United States
    ("Helene killed at least 73 people in North Carolina, the governor said.", "north_carolina"),
    ("The storm killed 25 people in Georgia and 12 in Virginia.", "georgia"),
])
def test_a_place_is_read_from_its_frame(text, place):
    assert claims_of(text)[0].place == place


def test_a_county_is_a_place_wherever_it_is_named_but_an_office_s_county_only_by_reference():
    found = claims_of("FORT MYERS, Fla. - Hurricane Ian has killed at least 100 people in Florida. Lee County "
                      "Sheriff Carmine Marceno said his county's toll had reached 54. The state has so far "
                      "confirmed the causes of 12 of the Lee County deaths.")
    assert [(c.value, c.place) for c in found] == [(100, "florida"), (54, "lee_county"), (12, "lee_county")]
    # the county in an official's title is where the speaker sits, not where the dead were
    found = claims_of("LAS VEGAS - Clark County Sheriff Joseph Lombardo said 515 people had been injured at the "
                      "festival in Las Vegas.")
    assert [(c.value, c.place) for c in found] == [(515, "las_vegas")]


def test_the_capital_and_a_city_named_after_its_country():
    found = claims_of("MEXICO CITY - Civil Protection put the national toll at 273, listing 117 dead in Mexico City. "
                      "Mayor Miguel Angel Mancera said 148 people had died in the capital.")
    assert [(c.value, c.place) for c in found] == [(273, "mexico"), (117, "mexico_city"), (148, "mexico_city")]


def test_a_place_with_the_most_keeps_its_figure_past_another_count():
    found = claims_of("Sierra Leone had the most cases, 14,124, with 3,956 deaths. Liberia recorded 4,810 deaths.")
    assert [(c.value, c.place) for c in found] == [(3956, "sierra_leone"), (4810, "liberia")]


def test_a_body_s_field_is_no_place():
    found = claims_of("NAIROBI - The Kenya National Commission on Human Rights said 29 people had died.")
    assert [(c.value, c.place) for c in found] == [(29, "nairobi")]


@pytest.mark.parametrize("text", [
    "At least 40 people were killed on Thursday, officials said.",
    "At least 40 people were killed in Israeli strikes, officials said.",
    "At least 40 people were killed in Hurricane Helene, officials said.",
    "At least 40 people were wounded, the U.N. spokesman told reporters in Geneva.",
    "At least 40 people were killed at Kamal Adwan hospital, officials said.",
])
def test_words_in_a_place_frame_that_are_no_place(text):
    assert one(text).place == "unknown"


@pytest.mark.parametrize("text, value, metric, qualifier, scope", [
    ("Hajj deaths pass 1,000 as extreme heat grips Mecca", 1000, "killed", "more_than", "cumulative"),
    ("Helene toll climbs past 130 as rescuers reach cut-off towns", 130, "killed", "more_than", "cumulative"),
    ("More than 1 million people are now internally displaced in Haiti, the IOM said.", 1_000_000, "displaced",
     "more_than", "current"),
    ("More than 1,400 people spent Monday night in emergency shelters on Maui, the Red Cross said.", 1400,
     "displaced", "more_than", "current"),
    ("FEMA estimated that some 4,500 people need longer-term housing.", 4500, "displaced", "about", "current"),
    ("Shelters in the western part of the state housed nearly 2,000 people on Monday night.", 2000, "displaced",
     "nearly", None),
    ("Around 2,000 people whose homes were destroyed are staying in hotels and sports halls.", 2000, "displaced",
     "about", None),
    ("More than 500 people have died of the disease this year, the ministry said.", 500, "killed", "more_than",
     "period"),
])
def test_phrasings_of_tolls_and_shelter(text, value, metric, qualifier, scope):
    claim = one(text)
    assert (claim.value, claim.metric, claim.qualifier) == (value, metric, qualifier)
    assert scope is None or claim.scope == scope


@pytest.mark.parametrize("text", [
    "Floods hit 446 of the state's 497 municipalities, where residents were evacuated.",
    "Officials defended the decision not to sound the island's 80 outdoor sirens as residents fled.",
    "The storm destroyed 12 bridges and displaced families across the valley.",
])
def test_counts_of_things_are_no_claims(text):
    assert claims_of(text) == []


def test_a_figure_on_a_holiday_is_dated_by_it():
    text = "On Christmas Eve, gunmen opened fire on reporters outside the hospital, killing two journalists."
    (claim,) = claims_of(text, published=date(2025, 1, 8))
    assert claim.as_of == "2024-12-24"


@pytest.mark.parametrize("text, expected", [
    ("The number of people known to have died in West Africa's Ebola outbreak has risen to 4,922, "
     "according to the WHO.", [(4922, "killed")]),
    ("In East Gippsland, the number of people unaccounted for has fallen to four from 28 on Saturday, police said.",
     [(4, "missing"), (28, "missing")]),
    ("The AAPP said on Saturday that 701 people had been killed by security forces since the coup, up from 614 "
     "on Thursday.", [(701, "killed"), (614, "killed")]),
    ("The council said 23,404 people had been injured and 1,611 remained missing.",
     [(23404, "injured"), (1611, "missing")]),
    ("As many as 382 passengers were still undergoing treatment, while 182 people were still untraced.",
     [(382, "injured"), (182, "missing")]),
    ("Troops had rescued the 137 hostages, made up of 76 females and 61 males.",
     [(137, "hostages_released"), (76, "hostages_released"), (61, "hostages_released")]),
    ("Troops rescued 40 people from a burning building.", []),
    ("Up to 3,000 people crossed the Salween river into Thailand after air strikes.", [(3000, "displaced")]),
    ("About 1.3 million people in the three countries face food shortages, the WFP said.",
     [(1_300_000, "affected")]),
    ("The railways will pay Rs 10 lakh to the families of the dead and Rs. 50,000 to the injured.", []),
])
def test_reported_revisions_breakdowns_and_outcomes(text, expected):
    assert table(text, "metric") == expected


def test_an_editor_names_words_that_make_no_place(tmp_path):
    text = "At least 27 people were killed in Camp Mystic, officials said."
    assert one(text).place == "camp_mystic"
    (tmp_path / "places.yaml").write_text("not_places: [Camp]\n", encoding="utf-8")
    assert one(text, rules=load_rules(tmp_path)).place == "unknown"


def test_an_earlier_figure_counts_what_the_figure_before_counts_on_its_own_day():
    """"up from 313,000 in the tally the agency released on Monday": the same count as the
    figure before, not a release of hostages, and Monday's, not the day the spokesman spoke."""
    found = claims_of("An estimated 370,000 Rohingya have entered Bangladesh since Aug. 25, a spokesman said on "
                      "Thursday, up from 313,000 in the tally the agency released on Monday.")
    assert [(c.value, c.metric, c.as_of, c.source) for c in found] == [
        (370000, "displaced", "2024-03-07", "unattributed"), (313000, "displaced", "2024-03-04", "unattributed")]


def test_a_jump_from_an_earlier_figure_counts_the_same_thing():
    found = claims_of("Police said on Wednesday that 359 people had now died, a sharp jump from the 321 reported a day earlier.")
    assert [(c.value, c.metric) for c in found] == [(359, "killed"), (321, "killed")]


def test_a_partitive_s_whole_that_a_predicate_follows_is_no_claim():
    assert [c.value for c in claims_of("At least 90 of the roughly 200 residents were killed.")] == [90]


def test_trucks_that_entered_are_no_people():
    assert claims_of("A second convoy crossed on Sunday after the first group of 20 entered on Saturday.") == []


@pytest.mark.parametrize("text, place", [
    ("An estimated 370,000 Rohingya have entered Bangladesh from Myanmar since Aug. 25.", "bangladesh"),
    ("More than 1.8 million people have fled Ukraine into Poland.", "poland"),
    # only the place they fled named: that place's figure, as reporters write it
    ("One million people have fled Ukraine in a week.", "ukraine"),
])
def test_people_displaced_abroad_are_counted_where_they_went(text, place):
    assert one(text).place == place


def test_a_figure_that_may_have_been_killed_is_an_estimate():
    claim = one("The U.N. envoy said more than 1,000 people, most of them Rohingya, may already have been killed.")
    assert claim.estimate


@pytest.mark.parametrize("text, value", [
    ("The ministry said 40,005 people had been killed, 40 of them in the previous 24 hours, and 92,041 wounded.", 92041),
    ("The ministry said 40,738 people had been killed and 94,514 wounded in the war as of Sunday.", 94514),
])
def test_a_window_of_one_figure_is_not_the_next_figure_s(text, value):
    assert {c.value: c.scope for c in claims_of(text)}[value] == "cumulative"


def test_people_who_went_to_a_country_are_counted_there():
    assert one("More than half had gone to Poland, where the count of refugees stood at roughly 505,500.").place == "poland"


def test_a_reason_given_after_saying_names_no_place_for_the_figure():
    claim = claims_of("OSLO, July 25 (Wire) - Norwegian police on Monday lowered the death toll from Friday's bombing "
                      "and shooting rampage to 76 from 93, saying the chaos on Utoya island had led to some victims "
                      "being counted twice.")[0]
    assert (claim.value, claim.place) == (76, "oslo")


def test_the_owner_of_an_event_named_after_toll_from_is_no_source():
    # "the toll from Friday's bombing": Friday is when, the police are who
    assert [c.source for c in claims_of("Police on Monday lowered the toll from Friday's bombing to 76.")] == ["police"]
    assert [c.source for c in claims_of("The toll rose to 40, according to Kenya's interior ministry.")] == \
        ["kenya_interior_ministry"]


def test_a_country_owning_nothing_named_after_it_is_no_frame_and_the_dateline_wins_a_tie():
    text = ("Quake toll passes 1,400\n\nPALU, Indonesia, Oct 3 (Wire) - The agency said 1,407 people were dead.\n\n"
            "Several foreign governments, including Australia's, offered transport planes.")
    assert [c.place for c in claims_of(text) if c.value == 1407] == ["palu"]


@pytest.mark.parametrize("text, values", [
    # a year after a month and day is the date's, even before "killed"
    ("The magnitude 6.8 quake on the night of September 8, 2023 killed nearly 3,000 people.", [3000]),
    ("The flood on the night of September 10-11, 2023 killed nearly 4,000 people.", [4000]),
    # the step a toll rose by is no count of its own; what it reached is
    ("The death toll rose by 12 to 345 on Friday.", [345]),
])
def test_dates_and_steps_are_no_counts(text, values):
    assert [c.value for c in claims_of(text)] == values


def test_an_earlier_quake_named_by_its_year_after_since_is_dated_that_year():
    claim = one("It was the strongest tremor to hit the country since 1934, when an earthquake killed more than "
                "8,500 people.")
    assert claim.as_of.startswith("1934")


@pytest.mark.parametrize("text, value, place", [
    ("NAIROBI, Sept 12 (Wire) - The ministry reported 2,681 dead as of 3 p.m., with 1,591 deaths in Al Haouz "
     "province.", 2681, "nairobi"),
    ("North Rhine-Westphalia has recorded 47 deaths, and police in Cologne said two people remained missing.", 47,
     "north_rhine_westphalia"),
    ("Sindhupalchok, a hill district northeast of the capital, accounted for 3,035 of the deaths, the ministry said.",
     3035, "sindhupalchok"),
    ("Nepal quake toll crosses 3,200; India's count rises to 61", 3200, "nepal"),
])
def test_the_place_of_a_statement_is_its_own(text, value, place):
    assert [c.place for c in claims_of(text) if c.value == value] == [place]


def test_a_storm_that_claimed_lives_is_no_source():
    claim = claims_of("Cyclone Amphan had claimed 72 lives in West Bengal.")[0]
    assert claim.source == "unattributed"


def test_a_wounded_man_in_the_next_clause_does_not_make_a_toll_injured():
    assert one("Nice attack toll rises to 86 as another wounded man dies").metric == "killed"


def test_what_a_toll_rose_by_is_a_count_of_that_time():
    claim = claims_of("On Saturday the toll rose by 40 in a matter of hours.")[0]
    assert (claim.value, claim.scope) == (40, "period")


@pytest.mark.parametrize("text, value, place", [
    # two countries named as one place are neither
    ("Turkey-Syria quake death toll tops 15,000 as rescue window narrows", 15000, "two_countries"),
    ("The number of people killed by the earthquakes in Turkey and Syria climbed past 15,000.", 15000, "two_countries"),
    # whose count it is, not where the ministry sits
    ("The Syrian Observatory gave a higher count for Syria on Friday, saying 6,760 people had died there.", 6760,
     "syria"),
    ("In Syria, the health ministry in Damascus has reported just over 1,400 deaths from the quakes.", 1400, "syria"),
])
def test_places_named_with_another_or_with_a_speaker(text, value, place):
    assert [c.place for c in claims_of(text) if c.value == value] == [place]


def test_an_estimate_in_another_clause_is_not_the_figure_s():
    first, second = claims_of("The official provisional toll stands at 3,351 dead, while aid organisations estimate "
                              "that about 10,000 people are still missing.")
    assert (first.value, first.estimate, second.estimate) == (3351, False, True)


def test_a_headline_partitive_without_its_article_keeps_the_whole_apart():
    claims = claims_of("Algeria says about 100 of 132 foreign hostages freed; dozens feared dead")
    assert [(c.value, c.metric) for c in claims if c.metric.startswith("hostages")] == [(100, "hostages_released")]


@pytest.mark.parametrize("text, metric", [
    ("The war began with the assault of 7 October, in which about 1,200 people were killed and roughly 250 were "
     "dragged into Gaza.", "hostages_taken"),
    ("Militants carried roughly 250 hostages back into Gaza.", "hostages_taken"),
    ("More than 100 hostages were freed during a truce in November, out of roughly 250 taken on 7 October.",
     "hostages_taken"),
])
def test_people_dragged_or_taken_into_captivity(text, metric):
    assert [c.metric for c in claims_of(text) if c.value == 250] == [metric]


def test_a_country_whose_offensive_killed_is_not_where_the_dead_were():
    claim = one("GAZA, May 20 (Wire) - Israel's subsequent offensive has killed 34,844 people in the territory, "
                "according to its health ministry.")
    assert claim.place == "gaza"


@pytest.mark.parametrize("text", [
    "Since Israel ended the previous truce on 18 March, 13,598 people had been killed, the ministry said.",
    "The ministry had reported 37,877 deaths for the same period.",
])
def test_a_new_phase_or_the_same_period_is_a_window(text):
    assert claims_of(text)[0].scope == "period"


def test_a_figure_in_apposition_to_the_latest_figure_is_a_claim_of_its_place():
    claims = claims_of("With the latest figure announced for Syria, 5,914, the combined toll passed the 50,000 mark.")
    assert [(c.value, c.metric, c.place) for c in claims if c.value == 5914] == [(5914, "killed", "syria")]


def test_a_toll_up_from_the_start_of_the_month_is_dated_that_day():
    claims = claims_of("The toll has risen to 1,731, up from 1,695 at the start of the month.")
    assert [(c.value, c.as_of) for c in claims] == [(1731, "2024-03-08"), (1695, "2024-03-01")]


def test_a_device_that_killed_is_no_count():
    claims = claims_of("McKenzie said the one device killed at least 170 Afghan civilians and 13 U.S. service members.")
    assert [c.value for c in claims] == [170, 13]


def test_a_combined_toll_is_no_one_country_s():
    claims = claims_of("With the latest figure announced for Syria, 5,914, the combined toll passed the 50,000 mark.")
    assert [(c.value, c.place) for c in claims] == [(5914, "syria"), (50000, "several_countries")]


def test_those_with_lighter_injuries_are_a_group_of_the_injured():
    claims = claims_of("Officials listed 11 people as badly hurt and 298 with lighter injuries.")
    assert [(c.value, c.metric, c.group) for c in claims][-1] == (298, "injured", "lightly_injured")


def test_a_toll_raised_by_a_step_gives_what_it_reached():
    claims = claims_of("OSLO, July 25 (Wire) - The number killed by the Oslo car bomb was raised by one, to eight.")
    assert [(c.value, c.metric, c.place) for c in claims] == [(8, "killed", "oslo")]


@pytest.mark.parametrize("text, expected", [
    ("More than 150 people were killed. The deputy governor said the number was 125, not 174.",
     [(150, "killed"), (125, "killed"), (174, "killed")]),
    ("Six more victims had been added to the province's list of the dead, bringing its count to 131.",
     [(131, "killed")]),
    ("A total of 202 people were wounded. Of those, 52 were in a critical condition.",
     [(202, "injured"), (52, "injured")]),
])
def test_counts_named_by_their_tally_words(text, expected):
    assert [(c.value, c.metric) for c in claims_of(text) if c.value != 6] == expected


def test_patients_still_in_hospital_counted_by_a_tally_are_a_stock():
    claim = claims_of("A day earlier the count of patients still in hospital had been 121.")[0]
    assert (claim.value, claim.metric, claim.scope) == (121, "injured", "current")


def test_money_in_local_currencies_counts_no_one():
    assert claims_of("The province promised 10 million rupiah to the family of each person who died and 5 million "
                     "rupiah to each of the injured.") == []


def test_children_and_adults_are_groups_of_a_school_shooting_s_toll():
    claims = claims_of("An 18-year-old gunman killed 19 children and two adults, both of them teachers.")
    assert [(c.value, c.group) for c in claims] == [(19, "children"), (2, "adults")]


def test_a_year_that_names_an_earlier_event_is_no_count_and_dates_its_toll():
    claims = claims_of("Katrina's official toll was 1,833. The Galveston hurricane of 1900 killed more than 6,000 "
                       "people.", published=date(2018, 5, 30))
    assert [(c.value, c.as_of) for c in claims] == [(1833, "2018-05-30"), (6000, "1900-12-31")]


def test_a_toll_foreseen_is_an_estimate_and_both_is_no_source():
    found = claims_of("The interior ministry put the toll at 30,920 and the disaster centre at 38,195. "
                      "Both said they expected the final toll to climb above 40,000.")
    assert [(c.value, c.estimate, c.source != "both") for c in found][-1] == (40000, True, True)


def test_captives_who_came_home_were_released():
    claim = one("Since the start of the war, 110 captives have come home, the government spokesman said.")
    assert claim.metric == "hostages_released"


def test_patients_still_in_hospital_are_a_stock_and_in_grave_condition_a_group():
    assert table("At the medical center, 29 people wounded in the attack remained in the hospital, five of them "
                 "in grave condition, officials said.", "scope", "group") == [
        (29, "current", "all"), (5, "current", "critical_care")]
    assert table("Of the 1,175 injured, 382 are still under treatment.", "scope") == [(1175, "cumulative"), (382, "current")]


def test_a_toll_that_only_rises_is_no_stock_for_another_figure_s_cue():
    assert table("Twelve people were killed and 40 remain missing.", "metric", "scope") == [
        (12, "killed", "cumulative"), (40, "missing", "current")]


def test_a_toll_that_rises_after_a_wounded_victim_dies_counts_the_dead():
    assert one("Paris attacks toll rises to 130 after wounded victim dies in hospital").metric == "killed"


def test_a_national_toll_is_the_document_s_and_not_the_city_where_it_was_given():
    found = claims_of("Quake toll nears 40,000\n\nMUZAFFARABAD, Pakistan (Wire) - At least 40,000 people died in "
                      "Pakistan in the Oct. 8 earthquake, officials said. In Islamabad, the federal government's "
                      "confirmed national toll stood on Sunday at 39,422 dead.")
    assert [c.place for c in found if c.value == 39422] == ["pakistan"]


def test_a_vice_governor_who_told_reporters_on_tuesday_dates_no_window():
    assert one("In Sichuan province, 39,577 people have been confirmed dead, the vice governor told reporters "
               "in Chengdu on Tuesday.").scope == "cumulative"


def test_a_year_after_a_month_and_day_is_no_range_start():
    found = claims_of("The ministry said 113 bodies had reached hospitals, bringing the totals since October 7, 2023 "
                      "to 60,034 killed and 145,870 wounded.")
    assert [(c.value, c.qualifier) for c in found if c.metric == "killed" and c.value > 1000] == [(60034, "exact")]


def test_soldiers_killed_in_the_ground_campaign_are_a_phase_of_the_war():
    assert one("Around 400 Israeli soldiers have been killed in the ground campaign.").scope == "period"


def test_the_living_and_the_dead_among_hostages_still_held_are_parts_of_them():
    found = table("TEL AVIV - Israeli security officials believe that about 51 of the 101 hostages still held in "
                  "Gaza are alive, the newspaper reported. Officially, 37 of those still held have been declared "
                  "dead by the army. Netanyahu says no more than 24 of 59 remaining hostages are alive.",
                  "metric", "group")
    assert found == [(51, "hostages_held", "living"), (101, "hostages_held", "all"), (37, "killed", "hostages"),
                     (24, "hostages_held", "living")]


def test_hostages_handed_over_alive_are_released_and_handed_over_is_no_bound():
    found = claims_of("During the 42-day phase, militants handed over 33 Israeli hostages, 25 of them alive and "
                      "the bodies of eight, while five Thai workers were freed in a separate arrangement.")
    assert [(c.value, c.qualifier, c.metric) for c in found][:2] == [
        (33, "exact", "hostages_released"), (25, "exact", "hostages_released")]
    assert found[1].group == "living"


def test_a_period_cue_right_after_a_figure_and_before_a_comma_is_its_own():
    found = claims_of("Gaza's health ministry had recorded 37,877 deaths over the same period, about 41 percent "
                      "fewer than the central estimate.")
    assert (found[0].value, found[0].scope) == (37877, "period")
    # "this year's monsoon" names the event, not a window
    assert one("Planning Minister Ahsan Iqbal said over 33 million people had been affected by this year's "
               "monsoon.").scope == "cumulative"


def test_another_body_s_figure_for_the_same_count_keeps_its_metric_group_and_source():
    found = claims_of("The Committee to Protect Journalists said on Wednesday that its count of journalists and "
                      "media workers killed in the conflict had reached 85, while Gaza's government media office "
                      "put the number at 123 as of Tuesday.")
    assert [(c.value, c.metric, c.group, c.source) for c in found] == [
        (85, "killed", "journalists", "cpj"), (123, "killed", "journalists", "gaza_government_media_office")]


@pytest.mark.parametrize("text, source", [
    (("The government media office in Gaza, run by Hamas, gave a much higher figure the same day, saying 92 "
      "journalists had now been killed in the territory."), "gaza_government_media_office"),
    ("Gaza's government media office, run by Hamas, said 92 journalists had been killed.",
     "gaza_government_media_office"),
])
def test_who_runs_a_body_is_not_its_speaker(text, source):
    assert one(text).source == source


def test_a_figure_with_a_verb_of_its_own_after_and_is_not_the_list_s():
    found = claims_of("The committee said 316 people had been seriously injured and 122 had been airlifted to "
                      "Kenya, Sudan and Turkey.")
    assert [(c.value, c.metric) for c in found] == [(316, "injured")]
    # "classed as" is no verb of its own: the figure still counts the injured
    found = claims_of("Of those, 237 were physically injured, 111 needed treatment in hospital and 91 were classed "
                      "as seriously or very seriously injured.")
    assert 91 in [c.value for c in found if c.metric == "injured"]


def test_an_earlier_flood_named_by_its_month_and_year_dates_its_toll():
    found = one("It is the worst natural disaster to strike Kerala since the floods of August 2018, which killed "
                "483 people across the state.", published=date(2024, 7, 30))
    assert found.as_of.startswith("2018")


def test_unofficial_counts_are_estimates():
    found = claims_of("The official death toll stands at 225, he told reporters, while unofficial counts "
                      "circulating in the media put the figure at 413.")
    assert [(c.value, c.estimate) for c in found] == [(225, False), (413, True)]


def test_a_toll_dated_after_an_event_named_by_its_weekday_is_a_running_total():
    found = claims_of("LES CAYES, Haiti - The number of people killed by Saturday's earthquake in Haiti rose to 1,941 "
                      "on Tuesday, the Civil Protection agency said, after Tropical Storm Grace lashed the devastated "
                      "southwest with heavy rain and strong winds overnight.")
    assert [(c.value, c.scope, c.source) for c in found] == [(1941, "cumulative", "civil_protection_agency")]


def test_a_window_after_another_figure_and_an_anaphor_after_had_are_that_figure_s_and_the_speaker_s():
    found = claims_of("The Civil Protection agency said 9,915 people had been injured. The toll has risen by more "
                      "than 500 since Monday, when the agency reported 1,419 dead and 6,000 injured. On Sunday night "
                      "it had put the number of dead at 1,279.", published=date(2021, 8, 17))
    assert [(c.value, c.scope, c.source) for c in found if c.value in (1419, 1279)] == [
        (1419, "cumulative", "civil_protection_agency"), (1279, "cumulative", "civil_protection_agency")]


def test_a_date_with_its_weekday_and_the_end_of_a_named_window_date_a_figure():
    assert one("By Sunday, August 22, 2021, the agency had recorded 2,207 deaths.",
               published=date(2022, 8, 14)).as_of == "2021-08-22"
    found = claims_of("A peer-reviewed analysis published in The Lancet on Thursday estimates that 64,260 people died "
                      "from traumatic injuries in Gaza between October 7, 2023, and June 30, 2024, far more than the "
                      "37,877 deaths the territory's health ministry had recorded by the end of that period.",
                      published=date(2025, 1, 9))
    assert [(c.value, c.as_of) for c in found][1] == (37877, "2024-06-30")


def test_a_breakdown_by_place_gives_each_figure_its_place_and_the_count_s_metric():
    found = claims_of("North Carolina has suffered the most, with 117 deaths, followed by South Carolina with 48, "
                      "Georgia with 33 and Virginia with two.")
    assert [(c.value, c.metric, c.place) for c in found] == [
        (117, "killed", "north_carolina"), (48, "killed", "south_carolina"), (33, "killed", "georgia"),
        (2, "killed", "virginia")]


def test_a_period_cue_far_along_a_long_sentence_is_not_the_figure_s():
    assert one("The Hellenic Coast Guard said on Thursday that 78 bodies had been recovered from the sea after "
               "Wednesday's shipwreck off Pylos, correcting the figure it had given the night before, as an "
               "overnight search found no more survivors.").scope == "cumulative"


def test_soldiers_killed_in_ground_fighting_after_the_war_s_total_are_a_window():
    found = claims_of("The Israeli military said on Sunday that 726 soldiers had been killed since October 7 last "
                      "year, 346 of them during the ground operation in Gaza that began on October 27.")
    assert [(c.value, c.scope) for c in found] == [(726, "cumulative"), (346, "period")]
    assert one("Figures released by the military showed 416 soldiers killed in ground fighting inside "
               "Gaza.").scope == "period"


@pytest.mark.parametrize("text, source", [
    ("The health ministry in the Hamas-run territory said on Monday that 15,899 people had been killed.",
     "gaza_health_ministry"),
    ("More than 1,800 Palestinians have been killed, the government media office in the Hamas-run territory said.",
     "gaza_government_media_office"),
])
def test_gaza_s_bodies_named_by_the_territory_they_serve(text, source):
    assert one(text, published=date(2024, 11, 5)).source == source


def test_a_combined_toll_of_listed_countries_and_its_earlier_figure_are_no_one_country_s():
    found = claims_of("The correction puts the combined toll in Guinea, Liberia and Sierra Leone at 5,987 deaths, "
                      "down from almost 7,000 in the weekend update. Liberia recorded the highest toll, 4,810 deaths "
                      "from 10,678 cases, and Guinea counted 2,544 deaths among 3,814 cases.")
    assert [(c.value, c.place) for c in found] == [(5987, "several_countries"), (7000, "several_countries"),
                                                   (4810, "liberia"), (2544, "guinea")]
    assert found[-1].source == "guinea_government"  # not "and_guinea"


def test_a_lake_named_after_a_country_is_not_the_country():
    assert one("MAIDUGURI, Nigeria - As many as 2,000 people may have been killed when Boko Haram fighters overran "
               "the town of Baga on the shore of Lake Chad.").place != "chad"


def test_a_new_offensive_in_one_area_opens_a_window():
    found = one("More than 400 Palestinians have been killed in northern Gaza since Israel launched a new air and "
                "ground offensive there two weeks ago, the territory's civil defence agency said on Saturday.")
    assert (found.place, found.scope, found.group) == ("north_gaza", "period", "all")


def test_staff_are_the_speaker_s_own_only_when_the_text_says_its():
    found = claims_of("Military spokesman Major General Asim Bajwa said that 141 people had been killed: 132 "
                      "children and nine members of staff.")
    assert [(c.value, c.group) for c in found] == [(141, "all"), (132, "children"), (9, "staff")]


def test_an_earlier_report_a_figure_corrects_counts_the_same_group():
    found = claims_of("All seven attackers, who wore explosive vests, were killed by commandos, he said, correcting "
                      "earlier reports of six.")
    assert [(c.value, c.group) for c in found] == [(7, "attackers"), (6, "attackers")]


def test_the_capital_of_a_country_named_by_its_adjective_is_in_that_country():
    found = claims_of("YANGON/BANGKOK, March 28 (Mekong Bulletin) - A quake struck Myanmar. City officials said at "
                      "least eight people had been killed in the Thai capital and 101 people were missing.")
    assert [(c.value, c.place) for c in found] == [(8, "thailand"), (101, "thailand")]


def test_a_count_put_at_and_those_who_died_elsewhere_or_were_added():
    found = claims_of("Moscow attack: emergencies ministry list puts dead at 143, injured at 360")
    assert [(c.value, c.metric) for c in found] == [(143, "killed"), (360, "injured")]
    found = claims_of("Of the total, 1,097 people died in Louisiana and 480 died elsewhere, according to the "
                      "department. The department said that 1,577 Louisianians are now counted as victims, after it "
                      "added 281 deaths reported from outside the state.")
    assert [(c.value, c.place, c.scope) for c in found] == [
        (1097, "louisiana", "cumulative"), (480, "unknown", "cumulative"), (1577, "louisiana", "cumulative"),
        (281, "unknown", "period")]
    found = claims_of("Police said 323 people had been hurt, up from an earlier count of 180, and several of them "
                      "were in a critical condition.")
    assert [(c.value, c.scope) for c in found] == [(323, "cumulative"), (180, "cumulative")]


def test_a_region_the_text_does_not_name_is_no_place_of_the_document():
    found = claims_of("Most of the victims were in the Kathmandu Valley, where 1,441 people have died, and in the "
                      "wider central region, with 2,757 dead.")
    assert [(c.value, c.place) for c in found] == [(1441, "kathmandu_valley"), (2757, "unknown")]


def test_a_breakdown_by_group_of_the_count_before_is_its_part_but_what_became_of_them_is_not():
    found = claims_of("The Committee to Protect Journalists said on Sunday that it had confirmed 64 journalists and "
                      "media workers killed in Gaza since October 7. Of those, 57 were Palestinian.")
    assert [(c.value, c.metric, c.group) for c in found] == [(64, "killed", "journalists"),
                                                             (57, "killed", "journalists")]
    found = claims_of("Officials said 1,175 people were injured. Of them, 793 have been discharged and 382 are "
                      "still under treatment.")
    assert [c.value for c in found] == [1175]


def test_deaths_of_hunger_are_the_starvation_group():
    found = claims_of("The Gaza health ministry said on Tuesday that 272 people had died of malnutrition and "
                      "starvation since the war began, including 103 children. The ministry recorded 227 starvation "
                      "deaths. Three people died of cardiac arrest.")
    assert [(c.value, c.group) for c in found] == [(272, "starvation"), (103, "children"), (227, "starvation"),
                                                   (3, "all")]


def test_an_offensive_there_opens_a_window_and_its_start_is_no_date_of_the_figure():
    found = one("Some 640 people have now been killed in the north since Israel launched its offensive there at "
                "the start of the month, according to civil defence figures.", published=date(2024, 10, 30))
    assert (found.scope, found.as_of) == ("period", "2024-10-30")


def test_a_day_of_last_year_is_a_window_s_start_and_no_date_of_the_figure():
    found = claims_of("Across the whole territory, the health ministry said on Saturday that 42,519 people had been "
                      "killed since October 7 last year and 99,637 wounded.", published=date(2024, 10, 19))
    assert [(c.value, c.scope, c.as_of) for c in found] == [(42519, "cumulative", "2024-10-19"),
                                                            (99637, "cumulative", "2024-10-19")]


def test_a_part_of_a_group_named_by_its_nationality_stays_in_the_group():
    found = claims_of("UN spokesman Stephane Dujarric said that at least 322 aid workers had been killed in Gaza "
                      "since October 2023, 315 of them Palestinians.", published=date(2024, 10, 29))
    assert [(c.value, c.group) for c in found] == [(322, "aid_workers"), (315, "aid_workers")]
