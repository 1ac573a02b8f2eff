"""Which ITU region each country belongs to (ISO 3166-1 alpha-2 code → ``Region``).

The grouping follows the ITU Telecommunication Development Sector's regions: the Arab
States are the members of the League of Arab States (so Egypt, Morocco and Mauritania are
Arab States, not Africa); the CIS region holds the nine Commonwealth of Independent States
countries ITU counts there (Georgia, Moldova and Ukraine are in Europe); Israel, Türkiye and
Cyprus are in Europe; Iran and Afghanistan are in Asia-Pacific.

Territories that are not ITU Member States are placed with the region they lie in, so that
an entry about, say, Réunion or Guam still shows up in a regional report. Antarctica and a
few uninhabited islands belong to no region (``region_for_country`` returns ``None``).
"""

from __future__ import annotations

from ..enums import Region

_AFRICA = (
    "AO BJ BW BF BI CM CV CF TD CG CD CI GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ "
    "NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW "
    # territories in Africa
    "RE YT SH EH"
)
_ARAB_STATES = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
_AMERICAS = (
    "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC "
    "VC SR TT US UY VE "
    # territories in the Americas
    "AI AW BM BQ VG KY CW FK GF GL GP MQ MS PR BL MF PM SX TC VI"
)
_ASIA_PACIFIC = (
    "AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG PH "
    "WS SG SB LK TH TL TO TV VU VN "
    # territories and economies in Asia and the Pacific
    "HK MO TW AS CK GU NC NU NF MP PN PF TK WF CX CC IO"
)
_CIS = "AM AZ BY KZ KG RU TJ TM UZ"
_EUROPE = (
    "AL AD AT BE BA BG HR CY CZ DK EE FI FR DE GE GR HU IS IE IL IT LV LI LT LU MT MD MC ME "
    "NL MK NO PL PT RO SM RS SK SI ES SE CH TR UA GB VA "
    # territories in Europe
    "AX FO GI GG IM JE SJ"
)

#: Codes of django-countries that belong to no ITU region (uninhabited or Antarctic).
NO_REGION = frozenset({"AQ", "BV", "GS", "HM", "TF", "UM"})

COUNTRY_REGION: dict[str, Region] = {
    code: region
    for region, codes in (
        (Region.AFRICA, _AFRICA),
        (Region.ARAB_STATES, _ARAB_STATES),
        (Region.AMERICAS, _AMERICAS),
        (Region.ASIA_PACIFIC, _ASIA_PACIFIC),
        (Region.CIS, _CIS),
        (Region.EUROPE, _EUROPE),
    )
    for code in codes.split()
}


def region_for_country(code: str | None) -> Region | None:
    """The ITU region of a country code (any case), or ``None`` when it has none."""
    if not code:
        return None
    return COUNTRY_REGION.get(str(code).upper())


def countries_of_region(region: Region | str) -> list[str]:
    """Every country code placed in ``region``, sorted."""
    return sorted(code for code, r in COUNTRY_REGION.items() if r == region)
