"""Time zone knowledge: what an abbreviation or zone phrase can mean, and how to name a zone unambiguously.

Which zones use which abbreviation, at what offset and whether as daylight time,
comes from the IANA database that pytz ships (read once, on first use); the English long
names ("East Africa Time", "Australian Eastern Standard Time") come from the Unicode CLDR
that babel ships. Two small
hand tables cover what that database cannot say: abbreviations people still write
that tzdata dropped in 2017 (it replaced invented ones such as Bangladesh's "BST"
with "+06"), and which abbreviations readers actually confuse.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pytz
from babel import Locale
from babel.core import get_global

UTC = pytz.utc
_SCAN_FROM = dt.datetime(2010, 1, 1)  # abbreviations in use since then; older ones only confuse

# US zone families people write without the S/D letter ("2pm ET"): the generic name is
# right all year, which is why every suggestion here prefers it.
US_GENERIC = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "AKT": "America/Anchorage",
    "HT": "Pacific/Honolulu",
}

# Abbreviations tzdata no longer carries but people still write (zone they mean).
MISSING_FROM_TZDATA = {
    "BST": ("Asia/Dhaka",),        # Bangladesh Standard Time
    "AST": ("Asia/Riyadh",),       # Arabia Standard Time
    "GST": ("Asia/Dubai",),        # Gulf Standard Time
    "SGT": ("Asia/Singapore",),
    "SST": ("Asia/Singapore",),    # Singapore Standard Time (tzdata: Samoa)
    "PHT": ("Asia/Manila",),
    "ICT": ("Asia/Bangkok",),
    "NPT": ("Asia/Kathmandu",),
    "BRT": ("America/Sao_Paulo",),
    "ART": ("America/Argentina/Buenos_Aires",),
    "GMT": ("Etc/GMT",),
    "UTC": ("Etc/UTC",),
}

# Abbreviations readers really confuse, and the meanings in the order a reader with no
# other clue would guess them. Each meaning is (zone, how to describe it).
CONFUSED = {
    "CST": (("America/Chicago", "US Central time"), ("Asia/Shanghai", "China time"), ("America/Havana", "Cuba time")),
    "CDT": (("America/Chicago", "US Central time"), ("America/Havana", "Cuba time")),
    "IST": (("Asia/Kolkata", "India time"), ("Asia/Jerusalem", "Israel time"), ("Europe/Dublin", "Irish time")),
    "BST": (("Europe/London", "British Summer Time"), ("Asia/Dhaka", "Bangladesh time")),
    "AST": (("America/Halifax", "Atlantic time"), ("Asia/Riyadh", "Arabia time")),
    "GST": (("Asia/Dubai", "Gulf time"), ("Atlantic/South_Georgia", "South Georgia time")),
    "SST": (("Pacific/Pago_Pago", "Samoa time"), ("Asia/Singapore", "Singapore time")),
}
# Of these, the ones whose first meaning is the one nearly everyone means: a sender who lives
# in none of the meanings is taken to mean it. With the others (CST: Chicago or China) they
# could mean either, whatever their reader will take.
MAIN_MEANING = frozenset({"CDT", "BST", "GST"})

# Names for zones whose own abbreviation is one of the confused ones, or is only a number.
ZONE_NAMES = {
    "Europe/London": "UK time",
    "Europe/Dublin": "Irish time",
    "Asia/Kolkata": "India time",
    "Asia/Calcutta": "India time",
    "Asia/Shanghai": "China time",
    "Asia/Jerusalem": "Israel time",
    "Asia/Dhaka": "Bangladesh time",
    "Asia/Riyadh": "Arabia time",
    "Asia/Dubai": "Gulf time",
    "America/Havana": "Cuba time",
    "America/Halifax": "Atlantic time",
    "America/Phoenix": "Arizona time",
    "Asia/Manila": "Philippine time",
    "Asia/Kathmandu": "Nepal time",
    "Asia/Singapore": "Singapore time",
}

# Country and region names people use as zones ("9am UK time", "India time").
REGION_ZONES = {
    "UK": "Europe/London", "British": "Europe/London", "Irish": "Europe/Dublin", "Ireland": "Europe/Dublin",
    "India": "Asia/Kolkata", "Indian": "Asia/Kolkata", "China": "Asia/Shanghai", "Beijing": "Asia/Shanghai",
    "Japan": "Asia/Tokyo", "Israel": "Asia/Jerusalem", "Bangladesh": "Asia/Dhaka", "Nepal": "Asia/Kathmandu",
    "Arizona": "America/Phoenix", "Gulf": "Asia/Dubai", "Philippine": "Asia/Manila", "Korea": "Asia/Seoul",
    "German": "Europe/Berlin", "Germany": "Europe/Berlin", "France": "Europe/Paris", "Spain": "Europe/Madrid",
    "Brazil": "America/Sao_Paulo", "Mexico": "America/Mexico_City", "Singapore": "Asia/Singapore",
    "Hong Kong": "Asia/Hong_Kong", "Taiwan": "Asia/Taipei", "Bangalore": "Asia/Kolkata", "Bengaluru": "Asia/Kolkata",
    "Mumbai": "Asia/Kolkata", "Delhi": "Asia/Kolkata", "New Delhi": "Asia/Kolkata", "Pune": "Asia/Kolkata",
    "Hyderabad": "Asia/Kolkata", "Chennai": "Asia/Kolkata",
    "San Francisco": "America/Los_Angeles", "Seattle": "America/Los_Angeles", "SF": "America/Los_Angeles",
    "Portland": "America/Los_Angeles", "San Diego": "America/Los_Angeles", "Boston": "America/New_York",
    "NYC": "America/New_York", "NY": "America/New_York", "Atlanta": "America/New_York", "Miami": "America/New_York",
    "Washington": "America/New_York", "DC": "America/New_York", "Philadelphia": "America/New_York",
    "Austin": "America/Chicago", "Dallas": "America/Chicago", "Houston": "America/Chicago",
    "Minneapolis": "America/Chicago", "Salt Lake City": "America/Denver", "Montreal": "America/Toronto",
    "Melbourne": "Australia/Melbourne", "Munich": "Europe/Berlin", "Frankfurt": "Europe/Berlin",
    "Manchester": "Europe/London", "Barcelona": "Europe/Madrid", "Milan": "Europe/Rome", "Zurich": "Europe/Zurich",
    "Tel Aviv": "Asia/Jerusalem", "Beirut": "Asia/Beirut", "Sydney": "Australia/Sydney",
}

# When an abbreviation is no party's and no confused meaning says otherwise, the zone
# a reader would take it for.
_PREFERRED = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage",
    "Pacific/Honolulu", "America/Halifax", "America/St_Johns", "Europe/London", "Europe/Berlin",
    "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Kolkata", "Asia/Tokyo", "Asia/Seoul",
    "Asia/Karachi", "Australia/Sydney", "Australia/Adelaide", "Australia/Perth", "Pacific/Auckland",
    "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Asia/Jakarta", "Asia/Hong_Kong",
)


@dataclass(frozen=True)
class Use:
    """One zone's use of an abbreviation: at this UTC offset, as daylight time or not."""

    zone: str
    offset: dt.timedelta
    dst: bool


@lru_cache(maxsize=1)
def _abbreviation_index() -> dict[str, tuple[Use, ...]]:
    """Every alphabetic abbreviation in tzdata since 2010 and the zones that use it."""
    index: dict[str, dict[tuple, Use]] = {}
    for name in pytz.common_timezones:
        zone = pytz.timezone(name)
        times = getattr(zone, "_utc_transition_times", None)
        if times:
            first = max(bisect.bisect_left(times, _SCAN_FROM) - 1, 0)
            infos = zone._transition_info[first:]
        else:  # fixed-offset zone
            moment = zone.localize(_SCAN_FROM) if hasattr(zone, "localize") else _SCAN_FROM.replace(tzinfo=zone)
            infos = [(moment.utcoffset(), moment.dst() or dt.timedelta(0), moment.tzname())]
        for offset, dst, abbr in infos:
            if abbr.isalpha():
                index.setdefault(abbr, {}).setdefault((name, offset, bool(dst)), Use(name, offset, bool(dst)))
    for abbr, zones in MISSING_FROM_TZDATA.items():
        for name in zones:
            moment = pytz.timezone(name).localize(_SCAN_FROM)
            index.setdefault(abbr, {}).setdefault((name, moment.utcoffset(), False), Use(name, moment.utcoffset(), False))
    return {abbr: tuple(uses.values()) for abbr, uses in index.items()}


def is_abbreviation(token: str) -> bool:
    return token in US_GENERIC or token in _abbreviation_index()


def uses_of(abbr: str) -> tuple[Use, ...]:
    return _abbreviation_index().get(abbr, ())


@lru_cache(maxsize=1024)
def resolve_abbreviation(abbr: str, parties: tuple[str | None, ...]) -> str | None:
    """The zone a reader takes `abbr` for: a party's zone that uses it, else its most common meaning."""
    if abbr in US_GENERIC:
        generic = US_GENERIC[abbr]
        for party in parties:
            if party and generic_label(party) == abbr:
                return party
        return generic
    uses = uses_of(abbr)
    if not uses:
        return None
    for party in parties:
        if party and any(use.zone == party for use in uses):
            return party
    if abbr in ("GMT", "UTC"):
        return "Etc/UTC"  # no party keeps UK/Irish winter time: read it as the fixed offset it names
    if abbr in CONFUSED:
        return CONFUSED[abbr][0][0]
    names = {use.zone for use in uses}
    for name in _PREFERRED:
        if name in names:
            return name
    return sorted(names)[0]


_OFFSET_KEY = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")


@lru_cache(maxsize=1024)
def tzinfo(key: str) -> dt.tzinfo:
    """The tzinfo for a zone key: an IANA name, or "UTC+05:30" for an offset no IANA name spells."""
    match = _OFFSET_KEY.match(key)
    if match:
        minutes = int(match.group(2)) * 60 + int(match.group(3))
        return pytz.FixedOffset(minutes if match.group(1) == "+" else -minutes)
    return pytz.timezone(key)


def offset_key(sign: str, hours: int, minutes: int) -> str:
    return f"UTC{'-' if sign in '-−' else '+'}{hours:02d}:{minutes:02d}"


@lru_cache(maxsize=4096)
def at(when: dt.datetime, key: str) -> dt.datetime:
    """The aware moment `when` seen on the wall clock of zone `key`."""
    return when.astimezone(tzinfo(key))


@lru_cache(maxsize=4096)
def localize(naive: dt.datetime, key: str) -> dt.datetime:
    """A wall-clock time in a zone; a time skipped or repeated by a DST change takes the daylight reading."""
    zone = tzinfo(key)
    return zone.localize(naive, is_dst=True) if hasattr(zone, "localize") else naive.replace(tzinfo=zone)


@lru_cache(maxsize=512)
def generic_label(zone_name: str) -> str | None:
    """ET/CT/MT/PT/AKT/HT when the zone keeps the same clock as that US family all year."""
    for label, reference in US_GENERIC.items():
        if zone_name == reference:
            return label
    year = 2026
    for label, reference in US_GENERIC.items():
        if all(
            at(moment, zone_name).strftime("%z%Z") == at(moment, reference).strftime("%z%Z")
            for moment in (dt.datetime(year, 1, 15, 12, tzinfo=UTC), dt.datetime(year, 7, 15, 12, tzinfo=UTC))
        ):
            return label
    return None


def city(zone_name: str) -> str:
    if _OFFSET_KEY.match(zone_name):
        return offset_text(tzinfo(zone_name).utcoffset(None))
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def label(zone_name: str, when: dt.datetime) -> str:
    """A short name for the zone no reader can misread: "PT", "JST", "India time", "Berlin time"."""
    generic = generic_label(zone_name)
    if generic:
        return generic
    if zone_name in ZONE_NAMES:
        return ZONE_NAMES[zone_name]
    if zone_name in ("Etc/UTC", "UTC", "Etc/GMT"):
        return "UTC"
    if _OFFSET_KEY.match(zone_name):
        return offset_text(tzinfo(zone_name).utcoffset(None))
    abbr = at(when, zone_name).tzname()
    if abbr.isalpha() and abbr not in CONFUSED and len({u.offset for u in uses_of(abbr)}) == 1:
        return abbr
    return f"{city(zone_name)} time"


def describe(zone_name: str) -> str:
    """How a message names a party's zone: "Pacific", "Central", "Tokyo"."""
    generic = generic_label(zone_name)
    names = {"ET": "Eastern", "CT": "Central", "MT": "Mountain", "PT": "Pacific", "AKT": "Alaska", "HT": "Hawaii"}
    return names[generic] if generic else city(zone_name)


def offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


_IANA = re.compile(r"^[A-Z][A-Za-z_]+(?:/[A-Za-z_\-]+){1,2}$")


def iana_zone(text: str) -> str | None:
    if not _IANA.match(text):
        return None
    try:
        return pytz.timezone(text).zone
    except pytz.UnknownTimeZoneError:
        return None


def ascii_name(place: str) -> str:
    """A place name without its accents, as tzdata spells cities ("Bogotá" -> "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", place) if not unicodedata.combining(c))


_NOT_COUNTRY_ZONES = frozenset({"Georgia"})  # "2pm Georgia time" is Atlanta's


@lru_cache(maxsize=1)
def city_zones() -> dict[str, str]:
    """City and region names readers use as zones ("London time", "in Berlin") → zone name."""
    cities = {}
    for name in pytz.common_timezones:
        if "/" in name and not name.startswith(("Etc/", "US/", "Canada/")):
            cities.setdefault(city(name), name)
    # A country with one zone names it ("Ghana time", "10:00 Trinidad time"), except where a US state
    # or a bigger place shares the name.
    for code, zone_names in pytz.country_timezones.items():
        country = pytz.country_names.get(code, "")
        if len(zone_names) == 1 and country not in _NOT_COUNTRY_ZONES:
            for name in {country, re.split(r" & | and |, | \(", country)[0]}:
                cities.setdefault(name, zone_names[0])
    cities.update(REGION_ZONES)
    return cities


# The US and European families ("2pm Central", "Central European Summer Time"): extract.py reads them, with
# their season's abbreviation, so the long names below leave them out.
FAMILY_ZONES = {
    "central european": "Europe/Berlin", "eastern european": "Europe/Athens", "western european": "Europe/Lisbon",
    "central": "America/Chicago", "eastern": "America/New_York", "pacific": "America/Los_Angeles",
    "mountain": "America/Denver", "atlantic": "America/Halifax", "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
}
FAMILIES = "|".join(name.replace(" ", r"\s+") for name in FAMILY_ZONES)  # longest first where one starts another
_FAMILY_NAME = re.compile(rf"(?:{FAMILIES})(?:\s+(?:standard|daylight|summer))?\s+time", re.I)


@lru_cache(maxsize=1)
def long_names() -> dict[str, tuple[str, str | None]]:
    """CLDR's English long zone names, lower-cased ("east africa time", "gulf standard time") ->
    (zone, season): the zone is the metazone's golden zone (the one CLDR maps Windows names to), and
    the season "standard" or "daylight" when the metazone has both names, else None."""
    golden = set(get_global("windows_zone_mapping").values())
    members: dict[str, list[str]] = {}
    for zone_name, metazone in get_global("meta_zones").items():
        members.setdefault(metazone, []).append(zone_name)
    english = Locale("en")
    names = {}
    # A zone's own names first ("British Summer Time" is London's daylight time; "Coordinated Universal Time").
    for zone_name, variants in english.time_zones.items():
        for variant, name in variants.get("long", {}).items():
            names[name.lower()] = (zone_name, variant if variant != "generic" else None)
    for metazone, variants in english.meta_zones.items():
        if metazone == "GMT":  # "Greenwich Mean Time" is UTC+0 all year, not London's clock
            zone_name = "Etc/GMT"
        else:
            zone_names = sorted(members.get(metazone, ()), key=lambda z: (z not in golden, z not in _PREFERRED, z))
            zone_name = next((z for z in zone_names if z in pytz.all_timezones_set), None)
        long = variants.get("long", {})
        if zone_name is None:
            continue
        seasonal = "standard" in long and "daylight" in long
        for variant, name in long.items():
            if not _FAMILY_NAME.fullmatch(name):
                names.setdefault(name.lower(), (zone_name, variant if seasonal and variant != "generic" else None))
    return names


@lru_cache(maxsize=256)
def season_abbreviation(zone_name: str, season: str) -> str | None:
    """The zone's abbreviation in that season ("AEST" for Sydney's standard time), when it keeps
    daylight time and the abbreviation is a word, not a number."""
    names = {}
    for month in (1, 7):
        moment = at(dt.datetime(2026, month, 15, 12, tzinfo=UTC), zone_name)
        names[bool(moment.dst())] = moment.tzname()
    abbr = names.get(season == "daylight") if len(names) == 2 else None
    return abbr if abbr and abbr.isalpha() else None
