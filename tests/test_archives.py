"""The checks measured on archives of reporting written blind (tests/archives/*: several outlets per
event over days to years, with real revisions and discrepancies, and traps; tests/README.md says how
they were written and what each measured first).

Per archive, as `casualty-check eval --expected` prints it: contradictions an editor must see that
are reported (any severity), traps reported as a warning or error, and warnings or errors nobody
expected. The thresholds are the figures measured when they were set (in the comments): a change
that finds fewer contradictions or cries wolf more often fails here; tighten them when it improves.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from checker.evaluate import read_expected, score_findings
from checker.pipeline import run
from checker.rules import load_rules

ARCHIVES = Path(__file__).resolve().parent / "archives"

#: per archive: at least this many expected findings found; at most this many false alarms and
#: unexplained warnings or errors
THRESHOLDS = {
    # (2026-12-08: a count below an early bound, "at least 87" then 86, is a note: 13 other warnings went, none found)
    # (a fall of more than 30% more than 60 days on is a note, rules/checks.yaml distant_days: nine other
    # warnings and gaza5's false alarm, soldiers 557 -> 332 seven months on, went)
    "disasters": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/8, 0, 0 (21 articles)
    # (attacks and contested 0 -> 1: anniversary pieces now join the event they mark: Las Vegas's "867 injured,
    # 413 of them by gunfire" reads 413 as all; Ghouta's SNHR 1,127 of 2020 meets DCHRS's 1,600 of 2013)
    "attacks": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/9, 0, 1 (22 articles)
    # (flows 0 -> 1 unexplained: with a war's or siege's undeclared articles joining it, "In January, a drone
    # strike on the same hospital killed 70", dated by its November publication as month-only dates are not
    # read, is set against April's "more than 100" in El Fasher)
    "flows": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 4/8, 0, 0 (22 articles)
    "gaza": {"found": 9, "false_alarms": 0, "unexplained": 1},  # measured 9/10, 0, 1 (23 articles)
    # measured blind first: events 2/9, 1, 2; wars 1/8, 0, 9; final 1/9, 2, 5 (tests/README.md)
    # (events 1 -> 2: Mumbai's 162 "hours earlier" against the state's 195 the same day, no longer marked as
    # bodies recovered by the Taj headline's "more bodies found", since that reason is now read per place)
    "events": {"found": 7, "false_alarms": 0, "unexplained": 2},  # measured 7/9, 0, 2 (23 articles)
    "wars": {"found": 5, "false_alarms": 0, "unexplained": 1},  # measured 5/8, 0, 2 (21 articles)
    # (final's 600 vs 800 Moscow hostages was a note pairing 600 with an unattributed 800; "officials had
    # said about 700" is now the FSB's, and the note pairs 700 with 800)
    "final": {"found": 4, "false_alarms": 0, "unexplained": 1},  # measured 4/9, 0, 1 (23 articles)
    # measured blind first (c3d8166): contested 5/9, 0, 0; gaza2 3/9, 0, 6
    "contested": {"found": 5, "false_alarms": 0, "unexplained": 1},  # measured 5/9, 0, 1 (25 articles)
    "gaza2": {"found": 7, "false_alarms": 0, "unexplained": 0},  # measured 7/9, 0, 0 (25 articles)
    # measured blind first (75813a5): mixed 2/9, 1, 3; late 5/8, 0, 1
    # 3 -> 4 unexplained: Kabul's 90 (health ministry) against at least 170 (health officials) the same
    # day is now a warning, the contradiction the archive expects, but on the toll of all where the
    # annotator gave "Afghans" the group civilians
    # (and, since "80 of them seriously" is a part of the 200 before it and no longer a count of its
    # own, Paris's city hall "some 200 wounded" against the prosecutor's 353 on the same day)
    # (4 -> 5: with more of its figures read, the Dapchi girls are all the captives, so "76 of the girls had
    # been freed" in the morning and "105 girls and a boy" by late afternoon of one day are one series' fall)
    # (found 4 -> 3: "at the Bataclan concert hall, where 89 of the dead were killed" is now placed at the hall, a
    # name ending in "-an" no longer taken for an adjective, while "at least 100 people were killed inside" stays Paris's)
    "mixed": {"found": 3, "false_alarms": 0, "unexplained": 5},  # measured 3/9, 0, 5 (25 articles)
    "late": {"found": 6, "false_alarms": 0, "unexplained": 1},  # measured 6/8, 0, 1 (25 articles)
    # measured blind first (adfdff7): norway 3/7, 0, 3
    "norway": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/7, 0, 0 (20 articles)
    # measured blind first (daa3b4b): quakes 3/6, 0, 8; crowds 2/5, 1, 6; gaza3 3/5, 0, 5
    # (quakes 0 -> 1: Morocco's morning and 3 p.m. injured counts of one day in one article, now both dated by
    # "State television reported late on Monday")
    # (quakes 5 -> 4: "2,530 of the dead had already been buried" is a part of the toll, not the toll; the
    # note on Syria's stale "just over 1,400" now pairs it with the two countries' "more than 50,000", a note
    # either way, and findings.py no longer matches its digits)
    "quakes": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 5/6, 0, 1 (25 articles)
    # (crowds 3 -> 4: the Crocus City Hall and Moscow are one site, and "the centre, quoted by TASS, said" is attributed)
    "crowds": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 4/5, 0, 0 (25 articles)
    "gaza3": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 4/5, 0, 0 (25 articles)
    # measured blind first (11fd758): fifth 0/3, 2, 8
    "fifth": {"found": 1, "false_alarms": 0, "unexplained": 2},  # measured 1/3, 0, 2 (25 articles)
    # measured blind first (351fa59): sixth 4/7, 1, 7; gaza4 6/6, 2, 7
    "sixth": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/7, 0, 0 (25 articles)
    "gaza4": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/6, 0, 0 (25 articles)
    # measured blind first: seventh 2/6, 1, 6 (4e58f3f); gaza5 3/6, 1, 9 (3472c7f)
    # (seventh 4 -> 3: Kankara's 333 boys missing against the spokesman's 10 was matched through "10 schoolboys"
    # read as all; both are schoolchildren now, and one of the two figures is unattributed)
    "seventh": {"found": 3, "false_alarms": 1, "unexplained": 3},  # measured 3/6, 1, 3 (25 articles)
    # (gaza5's seventh: OCHA's West Bank toll against a figure of a West Bank article, once re-placed to Gaza)
    # (gaza5, gaza8 and gaza9 each print a hunger toll with its children's breakdown swapped or mistyped,
    # "malnutrition deaths reached 101, 222 of them children": part_whole reads a sentence's breakdown)
    "gaza5": {"found": 4, "false_alarms": 0, "unexplained": 4},  # measured 4/6, 0, 4 (25 articles)
    # measured blind first (6aadf80): eighth 5/7, 0, 7; gaza6 2/7, 0, 8
    # (eighth's 7 -> 6 Ebola deaths in Mali was matched by a wrong Liberia decrease's digits, gone with it)
    "eighth": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/7, 0, 0 (25 articles)
    # (gaza6's false alarm, 97 -> 101 held, was hidden while "37 of those still held ... dead" was read as held)
    "gaza6": {"found": 4, "false_alarms": 1, "unexplained": 2},  # measured 4/7, 1, 2 (25 articles)
    # measured blind first (7d0d4bd): ninth 5/8, 1, 2; gaza7 5/7, 1, 5
    # (ninth 1 -> 2: "North Carolina accounted for 105 deaths in the federal count" is now North Carolina's,
    # against NBC's 118 in the state five months before)
    "ninth": {"found": 7, "false_alarms": 0, "unexplained": 0},  # measured 7/8, 0, 0 (25 articles)
    "gaza7": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/7, 0, 0 (25 articles)
    # measured blind first (6f5778a): tenth 1/7, 3, 8; gaza8 3/8, 0, 2
    # (tenth's Air India toll is the crash site's, Ahmedabad, however an article names it: 274 -> 270 is
    # found; the third find, 5 -> 4 in the Eaton fire, is matched by the digits of that finding's message)
    "tenth": {"found": 4, "false_alarms": 1, "unexplained": 1},  # measured 4/7, 1, 1 (26 articles)
    # (gaza8's third find, 188 children among 147 starvation deaths, rested on the headline's 147 read
    # as the toll of all; it is the starvation count, and the part-whole check compares with the whole of all)
    # (it is back at 3: the aid seekers' count falling from 1,383 to 1,338 is found since "killed while
    # seeking aid" names the group anywhere in the figure's clause)
    # (and counts of one window from two sources are compared: 87 vs 97 killed since the October 2025 truce)
    "gaza8": {"found": 7, "false_alarms": 0, "unexplained": 0},  # measured 7/8, 0, 1 (26 articles)
    # measured blind first (f4fdbfc): eleventh 5/12, 0, 8; gaza9 2/6, 1, 2
    # (7, not 6: with "Commission on Human Rights" no longer a place, its 29 dead of July 2024 meet the 19 of
    # the protests a year later, which the articles put in the same event)
    "eleventh": {"found": 5, "false_alarms": 0, "unexplained": 4},  # measured 5/12, 0, 5 (28 articles)
    # (0 -> 1 false alarm: a part above its whole now names the part's group, as `_exceeding` does, so the
    # swapped "88 ... including 147 children" it finds is matched by digits and group to a reference trap on 147 children)
    "gaza9": {"found": 5, "false_alarms": 1, "unexplained": 0},  # measured 5/6, 1, 0 (28 articles)
    # measured blind first (8633c5a): twelfth 2/9, 2, 6; gaza10 3/6, 1, 3
    # (twelfth: the police's 51 against the health ministry's 36 is found; its warning also holds the digits of
    # the trap "36", the 36 bodies one hospital received, so it counts as a false alarm too)
    "twelfth": {"found": 5, "false_alarms": 3, "unexplained": 3},  # measured 5/9, 3, 3 (26 articles)
    "gaza10": {"found": 3, "false_alarms": 0, "unexplained": 0},  # measured 3/6, 1, 2 (28 articles)
    # measured blind first (6649870): thirteenth 5/14, 0, 7; gaza11 2/9, 0, 1
    # (thirteenth: Mexico City and "in the capital" are the capital's; gaza11: the Maghazi strike's 70 -> 68, the
    # Rafah strike's 249 -> 240 wounded once its figures placed at Gaza join the strike in Rafah)
    "thirteenth": {"found": 6, "false_alarms": 0, "unexplained": 4},  # measured 6/14, 0, 4 (27 articles)
    "gaza11": {"found": 5, "false_alarms": 0, "unexplained": 1},  # measured 5/9, 0, 1 (28 articles)
    # measured blind first (2f51d3e): fourteenth 2/6, 2, 6; gaza12 4/7, 1, 4
    # (fourteenth: anniversary pieces join the Bhopal and Tohoku events, and Bhopal's official 3,828 -> 3,787 is found)
    # (and "the combined number of dead and unaccounted-for above 11,000" counts the missing too: group dead_or_missing)
    # (and Hualien's nine printed on April 8 is no longer dated by "the quake, which struck ... on Wednesday": the
    # stale 13 -> 9 is found; Kramatorsk's "98 people taken to hospitals" are injured)
    "fourteenth": {"found": 4, "false_alarms": 0, "unexplained": 1},  # measured 4/6, 0, 1 (30 articles)
    # (gaza12 4 -> 6: the Mawasi area is a place, "west of Khan Younis" only locates it, and "The July 13 strike
    # ... killed 71" printed on August 1 falls in that strike's series: its stale 71 and 289 after 90 and 300)
    "gaza12": {"found": 6, "false_alarms": 1, "unexplained": 4},  # measured 6/7, 1, 4 (30 articles)
    # measured blind first (17dfbfd): fifteenth 1/2, 1, 5; gaza13 0/5, 0, 8
    "fifteenth": {"found": 1, "false_alarms": 1, "unexplained": 2},  # measured 1/2, 1, 5 (30 articles)
    # (gaza13: "the first anniversary of the Hamas attack on Israel" names no incident of the war's toll; the al-Baqa
    # cafe strike "in Gaza City" keeps its place, and its toll given on the day, 33, meets the hospital's 41; with
    # that, the West Bank's 111 children "this year" meet OCHA's 94 since October 7)
    # (and 7: the West Bank's "268 by Israeli troops, eight by settlers" are parts, not OCHA's total)
    # (and 6: the soldiers killed "since the army sent ground troops into the Gaza Strip" are a window of the war)
    "gaza13": {"found": 1, "false_alarms": 0, "unexplained": 3},  # measured 1/5, 0, 6 (30 articles)
    # measured blind first (74997b5): gaza14 4/5, 1, 4; sixteenth 3/4, 4, 3
    # (sixteenth: the false alarm left is the found L'Aquila fall from 289 to 260, whose message's
    # "10.0%" shares digits with a trap's "10"; the governor's "fears more than 70 dead" is an estimate;
    # "a family of six" among seven released is a part; releases that come in steps stay each step's)
    "sixteenth": {"found": 3, "false_alarms": 1, "unexplained": 0},  # measured 3/4, 4, 3 (29 articles)
    # (gaza14: "if they were included the number of dead would exceed 44,000" is an estimate; the
    # October 7 attack is in Israel)
    "gaza14": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 4/5, 1, 4 (30 articles)
    # measured blind first (f291fe3): seventeenth 3/5, 2, 2; gaza15 5/10, 0, 4
    # (seventeenth: "police expect final toll near 240" is an estimate; "279 and not the 317 previously
    # reported" a revision; "161 people are now confirmed to have died" all the dead, so the stale 154 is found)
    "seventeenth": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 3/5, 2, 2 (30 articles)
    # (gaza15: "returned the remains of 21 hostages" counts dead captives released, not the dead hostages;
    # "six relatives died with her" a part of the nine)
    "gaza15": {"found": 6, "false_alarms": 0, "unexplained": 0},  # measured 6/10, 0, 0 (30 articles)
    # measured blind first (076e54a): eighteenth 1/3, 3, 2; gaza16 4/5, 0, 1
    # (eighteenth: "suggesting a final toll around 300" is an estimate. Left: Edgware Road's 7 -> 6, which the
    # next sentence explains ("the first figures ... had counted ... the man police now say detonated the
    # bomb"), is counted twice, once by digits against another trap)
    "eighteenth": {"found": 1, "false_alarms": 2, "unexplained": 1},  # measured 1/3, 3, 2 (30 articles)
    # (gaza16: "killed in strikes on Yemen on Wednesday has risen to 46, ... said on Friday" is Friday's toll)
    "gaza16": {"found": 4, "false_alarms": 0, "unexplained": 0},  # measured 4/5, 0, 1 (30 articles)
    # measured blind first (6f1dfd6): nineteenth 3/7, 0, 5; gaza17 1/7, 1, 8
    # (nineteenth 3 -> 4 found: "Serang regency recorded 25 deaths" places its figures, and the police's 16 -> 15
    # names its group as the archive does; 0 -> 1 false alarm: that finding also holds, by digits, the "10" of its
    # date 2021-04-10 that a trap names)
    "nineteenth": {"found": 4, "false_alarms": 1, "unexplained": 0},  # measured 4/7, 1, 0 (30 articles)
    # (gaza17 1 -> 2: "killed 15 people, among them 18 children" now names the children it expects)
    # (gaza17 2 -> 3 found, 7 -> 9 unexplained: "798 killings" is a toll now; where its sentence does not say the
    # dead were seeking aid, the UN rights office's 613 joins the war's toll and falls to another count)
    "gaza17": {"found": 3, "false_alarms": 1, "unexplained": 9},  # measured 3/7, 1, 9 (30 articles)
    # measured blind first (f5ef6e4): twentieth 1/2, 0, 1; gaza18 4/8, 1, 6
    "twentieth": {"found": 1, "false_alarms": 0, "unexplained": 1},  # measured 1/2, 0, 1 (30 articles)
    # (gaza18 6 -> 5 unexplained: "Its count stood at 4,651 on Sunday" is the count of dead the sentence before gave,
    # nearest its size, not the wounded it named last)
    # (gaza18 4 -> 5: the ministry's "3,785" printed as current beside another outlet's "4,651" the same day, a note)
    "gaza18": {"found": 5, "false_alarms": 1, "unexplained": 4},  # measured 5/8, 1, 4 (30 articles)
    # measured blind first (e31282c): gaza19 6/7, 2, 4; twentyfirst 0/3, 0, 1
    # (gaza19 4 -> 1 unexplained: "when it had reported 29,954 deaths", "At Christmas the agency had reported 142"
    # are earlier statements; both false alarms are traps matched by digits: the correct 40,005 of a trap on the
    # reference, in the message of the stale 39,623 it expects)
    "gaza19": {"found": 6, "false_alarms": 2, "unexplained": 1},  # measured 6/7, 2, 1 (30 articles)
    # (twentyfirst 0 -> 1 found: "..., as the official death toll ... rose to 75" no longer placed at the city the
    # clause before names, so the health ministry's 75 meets the 520 of the Uzbek community's leaders)
    "twentyfirst": {"found": 1, "false_alarms": 0, "unexplained": 0},  # measured 1/3, 0, 0 (30 articles)
}


@lru_cache(maxsize=None)
def _scores(name: str):
    """The archive's findings scored against its expected findings; checked once for both tests."""
    folder = ARCHIVES / name
    result = run([folder / "articles"], load_rules())
    return score_findings(result.findings, read_expected(folder / "expected_findings.csv"))


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_archive_findings_stay_at_or_above_their_measured_figures(name):
    scores = _scores(name)
    limits = THRESHOLDS[name]
    assert len(scores.found) >= limits["found"], [e.note for e in scores.not_reported]
    assert len(scores.false_alarms) <= limits["false_alarms"], [f.message for _, f in scores.false_alarms]
    assert len(scores.unexplained) <= limits["unexplained"], [f.message for f in scores.unexplained]


def test_archives_cry_wolf_at_most_once_per_four_articles():
    """The issue's bar on reporting it has never seen: other warnings and errors per article."""
    articles = loud = 0
    for name in THRESHOLDS:
        articles += len(list((ARCHIVES / name / "articles").glob("*.txt")))
        loud += len(_scores(name).unexplained)
    assert loud <= articles / 4, (loud, articles)
