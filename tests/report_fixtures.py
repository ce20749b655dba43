"""One fixed set of claims and findings that every output format renders (the golden files in
tests/golden/ are these records in each format). Hand-made records, so the formats are tested
without the extractor or the checks: three articles about an earthquake, one of them undated.
"""
from __future__ import annotations

from checker.events import Event
from checker.model import Claim, Finding, Location, Severity
from checker.report import ReportContext

QUAKE = "2023-02-06-earthquake-turkey"
EVENTS = (Event(QUAKE, "Earthquake, Turkey, 2023-02-06", "earthquake", "turkey", "2023-02-06", area="turkey",
                docs=("quake_a", "quake_b", "quake_c"), claims=5),)

A = "articles/quake_a.txt"
B = "articles/quake_b.txt"
C = "articles/quake_c.txt"


def claim(doc: str, path: str, line: int, column: int, start: int, quote: str, sentence: str, metric: str,
          value: int, lower: int | None, upper: int | None, qualifier: str, as_of: str, published: str,
          outlet: str, source: str, group: str = "all", scope: str = "cumulative") -> Claim:
    return Claim(claim_id=f"{doc}:{start}", doc=doc, path=path, line=line, column=column, start=start,
                 end=start + len(quote), quote=quote, sentence=sentence, metric=metric, place="turkey",
                 group=group, value=value, lower=lower, upper=upper, qualifier=qualifier, unit="persons",
                 scope=scope, period_start="", as_of=as_of, published=published, outlet=outlet,
                 source=source, confidence=0.9, event=QUAKE)


CLAIMS = (
    claim("quake_a", A, 3, 27, 104, "20,213", "The earthquake has killed 20,213 people in Turkey, the disaster "
          "agency AFAD said.", "killed", 20213, 20213, 20213, "exact", "2023-02-10", "2023-02-10",
          "Meridian Wire", "afad"),
    claim("quake_a", A, 5, 1, 190, "Nearly 5,000", "Nearly 5,000 children are among the dead, | UNICEF said, "
          "citing *preliminary* figures.", "killed", 5000, 4500, 5000, "nearly", "2023-02-10", "2023-02-10",
          "Meridian Wire", "unicef", group="children"),
    claim("quake_b", B, 3, 27, 98, "18,342", "The earthquake has killed 18,342 people in Turkey, according to "
          "AFAD.", "killed", 18342, 18342, 18342, "exact", "2023-02-12", "2023-02-12", "Capital Herald", "afad"),
    claim("quake_b", B, 5, 1, 170, "More than 80,000", "More than 80,000 people were injured in Turkey, "
          "officials said.", "injured", 80000, 80000, None, "more_than", "2023-02-12", "2023-02-12",
          "Capital Herald", "unattributed"),
    claim("quake_c", C, 2, 12, 40, "thousands", "Rescuers say thousands remain missing under the rubble in "
          "Hatay.", "missing", 2000, 2000, 9999, "vague", "", "", "", "unattributed", scope="current"),
)


def _loc(c: Claim) -> Location:
    return Location(c.claim_id, c.path, c.line, c.column)


FINDINGS = [
    Finding(finding_id="decrease-0123456789", check="decrease", severity=Severity.ERROR, metric="killed",
            place="turkey", group="all", event=QUAKE,
            message="killed in turkey falls from 20,213 on 2023-02-10 (afad) to 18,342 on 2023-02-12 (afad), "
                    "1,871 fewer (9.3%), in a count that only rises.",
            claim_ids=(CLAIMS[2].claim_id, CLAIMS[0].claim_id), docs=("quake_b", "quake_a"),
            values=(18342, 20213), dates=("2023-02-12", "2023-02-10"),
            locations=(_loc(CLAIMS[2]), _loc(CLAIMS[0])),
            action="Check whether the later article repeats an older figure, or the earlier one a typo."),
    Finding(finding_id="part_whole-abcdef0123", check="part_whole", severity=Severity.WARNING, metric="killed",
            place="turkey", group="children", event=QUAKE,
            message="killed (children) in turkey: nearly 5,000 is a part of 20,213, which, at 25%, is plausible "
                    "but unusual; check the figure, source: unicef, line 1\nline 2.",
            claim_ids=(CLAIMS[1].claim_id, CLAIMS[0].claim_id), docs=("quake_a",), values=(5000, 20213),
            dates=("2023-02-10", "2023-02-10"), locations=(_loc(CLAIMS[1]), _loc(CLAIMS[0])), action=""),
    Finding(finding_id="undated-fedcba9876", check="undated", severity=Severity.INFO, metric="missing",
            place="turkey", group="all", event=QUAKE,
            message="missing in turkey: thousands could not be placed in time (the article has no date).",
            claim_ids=(CLAIMS[4].claim_id,), docs=("quake_c",), values=(2000,), dates=("",),
            locations=(_loc(CLAIMS[4]),), action="Add the publication date to the manifest."),
]


def context(base: str = "reports", charts: str = "") -> ReportContext:
    return ReportContext(documents=3, claims=CLAIMS, tool_version="0.0.0-test", base=base, charts=charts,
                         suppressed=1, baselined=2, events=EVENTS)


#: A small corpus the pipeline runs on: the later article's toll is lower (a `decrease` error
#: anchored on quake_b line 3), and the manifest dates both.
CORPUS = {
    "quake_a.txt": "Rescuers in southern Turkey pulled more survivors from the rubble overnight.\n\n"
                   "The earthquake has killed 20,213 people in Turkey, the disaster agency AFAD said.\n",
    "quake_b.txt": "Aid convoys reached Hatay province as temperatures fell below freezing.\n\n"
                   "The earthquake has killed 18,342 people in Turkey, according to AFAD.\n\n"
                   "More than 80,000 people were injured in Turkey, officials said.\n",
    "manifest.csv": "doc,file,outlet,url,published\n"
                    "quake_a,quake_a.txt,Meridian Wire,,2023-02-10\n"
                    "quake_b,quake_b.txt,Capital Herald,,2023-02-12\n",
}


def write_corpus(folder, files: dict[str, str] = CORPUS):
    """Write `files` into `folder` (created if needed) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
