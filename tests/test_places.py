"""Toponyms: each place kind, the gazetteer's aliases, and the ambiguity rules."""

from __future__ import annotations

import pytest

from newsevents.extract.places.gazetteer import haversine_km, load_gazetteer
from newsevents.types import Place


def _place(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "mention", "kind", "country"),
    [
        ("Fighting was reported in Kyiv on Monday.", "Kyiv", "city", "UKR"),
        ("Officials in Ukraine denied the report.", "Ukraine", "country", "UKR"),
        ("Warships sailed into the Black Sea overnight.", "Black Sea", "sea", None),
        ("Russia annexed Crimea in 2014.", "Crimea", "region", "UKR"),
        ("Troops gathered in the Kaliningrad region near Poland.", "Kaliningrad region", "admin", "RUS"),
        ("Heavy rain fell across Texas at the weekend.", "Texas", "admin", "USA"),
        ("Protesters gathered outside the White House on Sunday.", "White House", "landmark", "USA"),
        ("Gas prices rose across Europe this winter.", "Europe", "continent", None),
        ("Shelling continued in the Donbas overnight.", "Donbas", "region", "UKR"),
        ("Aid convoys entered the Gaza Strip on Friday.", "Gaza Strip", "region", "PSE"),
    ],
)
def test_place_kinds(extract, sentence: str, mention: str, kind: str, country: str | None) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.kind, place.country) == (kind, country)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "country"),
    [
        ("The ambassador flew to Kiev on Tuesday.", "Kiev", "Kyiv", "UKR"),  # old spelling
        ("Diplomats from the U.S. arrived on Monday.", "U.S.", "United States", "USA"),
        ("Ships left Odessa harbour under escort from Ukraine's navy.", "Odessa", "Odesa", "UKR"),
        ("Talks were held in Paris on Monday.", "Paris", "Paris", "FRA"),  # population wins
        ("The storm hit Paris, Texas, on Monday.", "Paris", "Paris", "USA"),  # qualified by its state
        ("Police in Texas said a man was arrested in Paris after a chase.", "Paris", "Paris", "USA"),  # context
        ("Police in Ontario said the London man was charged in London.", "London", "London", "CAN"),
        ("The envoy met officials in Washington on Friday.", "Washington", "Washington", "USA"),  # capital
    ],
)
def test_ambiguity_and_aliases(extract, sentence: str, mention: str, name: str, country: str) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington warned Moscow against any new incursion.",
        "While Moscow and Washington are contemplating their next steps, the talks stalled.",
        "According to a Kremlin account, the call lasted an hour.",
        "He welcomed Washington's offers but asked for more.",
    ],
)
def test_capital_acting_as_government_is_a_place_marked_government(extract, sentence: str) -> None:
    """Both gold conventions count "Ottawa intended" as a toponym; it is marked, and never an event's place."""
    record = extract(sentence)
    cities = [p for p in record.places if p.kind in ("city", "landmark")]
    assert cities and all(p.government for p in cities)
    assert all(e.place is None or not e.place.government for e in record.events)


def test_visited_capital_is_a_plain_place(extract) -> None:
    place = _place(extract("The president visited Riyadh last year.").places, "Riyadh")
    assert (place.country, place.government) == ("SAU", False)


def test_capital_as_location_is_a_place(extract) -> None:
    places = extract("Envoys from both sides met in Moscow on Friday.").places
    assert [p.name for p in places] == ["Moscow"]


def test_person_named_like_a_place_is_not_a_place(extract) -> None:
    places = extract("Michael Jordan said Georgia Smith would join the team.").places
    assert places == []


def test_offsets_point_at_the_text(extract) -> None:
    record = extract("Russian troops massed near Belarus and the Sea of Azov, officials in Kyiv said.")
    assert {p.name for p in record.places} >= {"Belarus", "Sea of Azov", "Kyiv"}
    assert all(record.text[p.start : p.end] == p.text for p in record.places)


def test_gazetteer_lookup_is_case_insensitive_and_strips_the() -> None:
    gazetteer = load_gazetteer()
    assert {e.country for e in gazetteer.lookup("the United States")} == {"USA"}
    assert any(e.kind == "sea" for e in gazetteer.lookup("baltic sea"))


def test_haversine() -> None:
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=3)  # London-Paris


SEED_PLACES = {  # mention -> (country, lat, lon) of the true place
    "Kaliningrad": ("RUS", 54.71, 20.51),
    "Baltic Sea": (None, 58.0, 20.0),
    "Black Sea": (None, 43.4, 34.0),
    "Belarus": ("BLR", 53.7, 27.95),
    "Kyiv": ("UKR", 50.45, 30.52),
    "Crimean Peninsula": ("UKR", 45.3, 34.4),
    "Paris": ("FRA", 48.86, 2.35),
    "Berlin": ("DEU", 52.52, 13.40),
}


def test_seed_article_places(extract, seed_text: str) -> None:
    places = extract(seed_text, published="2022-01-28").places
    for mention, (country, lat, lon) in SEED_PLACES.items():
        place = _place(places, mention)
        assert place.country == country, mention
        assert place.lat is not None and place.lon is not None
        assert haversine_km(place.lat, place.lon, lat, lon) < 161, mention


# The article's own geography decides between same-name places (sentences of our own).
@pytest.mark.parametrize(
    ("sentence", "mention", "name", "country"),
    [
        ("A storm closed schools in Athens, Ga., on Monday.", "Athens", "Athens", "USA"),
        ("The Georgia sheriff said deputies in Athens made the arrest.", "Athens", "Athens", "USA"),
        ("Students in Cambridge marched to the Massachusetts State House.", "Cambridge", "Cambridge", "USA"),
        ("The festival in Marfa, Texas drew artists from across the country.", "Marfa", "Marfa", "USA"),
        ("Talks in Berlin ended without a deal.", "Berlin", "Berlin", "DEU"),  # small namesakes do not steal it
    ],
)
def test_article_geography_picks_the_namesake(extract, sentence: str, mention: str, name: str, country: str) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        ("The family moved from Glen Ellyn to Chicago last year.", "Glen Ellyn"),
        ("Flights to West Palm Beach were cancelled.", "West Palm Beach"),
        ("Police in Fort Worth said the driver fled.", "Fort Worth"),
    ],
)
def test_whole_town_names_are_one_place(extract, sentence: str, whole: str) -> None:
    places = extract(sentence).places
    assert _place(places, whole).kind == "city"
    assert not [p for p in places if p.text != whole and p.text in whole]


@pytest.mark.parametrize(
    "sentence",
    [
        "Traffic was stopped on Jefferson Davis Highway near Lincoln Center.",
        "He read the news for CTV Edmonton for a decade.",
        "She grew up on London Road.",
    ],
)
def test_parts_of_venue_road_and_organisation_names_are_not_places(extract, sentence: str) -> None:
    assert extract(sentence).places == []


@pytest.mark.parametrize(
    ("sentence", "inside"),
    [
        ("She told CTV Calgary that the roads were closed.", "Calgary"),
        ("The student enrolled at Ohio State University last year.", "Ohio"),
        ("A reporter for the Chicago Tribune asked the senator about it.", "Chicago"),
        ("The concert was held at Lincoln Center on Friday.", "Lincoln"),
    ],
)
def test_places_inside_names_only_when_asked(extract, sentence: str, inside: str) -> None:
    assert inside not in [p.text for p in extract(sentence).places]
    asked = extract(sentence, places_in_names=True).places
    assert [p.text for p in asked if p.text == inside] == [inside]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Moscow's crime rate fell last year, officials said.", "Moscow"),
        ("Paris's museums reopened on Monday.", "Paris"),
    ],
)
def test_a_capitals_possessive_is_the_place_unless_it_names_a_government_act(extract, sentence, mention) -> None:
    assert [p.text for p in extract(sentence).places] == [mention]


def test_european_union_is_a_region(extract) -> None:
    place = _place(extract("Exports to the EU fell last year.").places, "EU")
    assert (place.name, place.kind) == ("European Union", "region")


# US counties have points (the median of their ZIP codes); a county shared by several states follows the article.
@pytest.mark.parametrize(
    ("sentence", "mention", "point"),
    [
        ("Flooding closed roads across Washtenaw County overnight.", "Washtenaw County", (42.25, -83.84)),
        ("The Harris County sheriff said the road would reopen on Friday.", "Harris County", (29.76, -95.36)),
        ("A Georgia deputy said Harris County schools would close early.", "Harris County", (32.73, -84.91)),
    ],
)
def test_counties_have_coordinates(extract, sentence: str, mention: str, point: tuple[float, float]) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.kind, place.country) == ("county", "USA")
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 161


# The dateline names the article's place; a name the text once qualifies keeps that reading where it stands alone.
@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        ("BEIRUT — Rescue teams worked through the night.", "BEIRUT", "Beirut", "LBN"),
        ("Hanoi (VNA) – The two ministers signed the accord.", "Hanoi", "Hanoi", "VNM"),
        ("WASHINGTON (AP) — Senators left for the recess.", "WASHINGTON", "Washington", "USA"),
        ("PARIS, Tenn. (AP) — A barn burned.\nCrews from Paris arrived within minutes.", "Paris", "Paris", "USA"),
        ("CAIRO, Ill. (AP) — The river rose.\nCairo officials asked people to leave.", "Cairo", "Cairo", "USA"),
        ("HOUSTON (AP) — A storm flooded streets in Cleveland on Monday.", "Cleveland", "Cleveland", "USA"),
    ],
)
def test_dateline_and_qualified_names_set_the_geography(
    extract, text: str, mention: str, name: str, country: str
) -> None:
    places = [p for p in extract(text).places if p.text == mention]
    assert places, mention
    assert {(p.name, p.country) for p in places} == {(name, country)}


def test_dateline_state_makes_its_towns_likelier(extract) -> None:
    place = _place(extract("HOUSTON (AP) — A storm flooded streets in Cleveland on Monday.").places, "Cleveland")
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, 30.34, -95.09) < 161  # Cleveland, Texas, not Ohio


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Rescuers worked through the night in Ankara's central district.", "Ankara"),  # a part of the city
        ("Tourists crowded into Lima's old quarter on Sunday.", "Lima"),
        ("Smoke rose over the town of Mafraq after the blast.", "Mafraq"),  # placed by "the town of"
        ("The bakery has served customers in Gorham for forty years.", "Gorham"),
    ],
)
def test_placed_names_are_places(extract, sentence: str, mention: str) -> None:
    assert _place(extract(sentence).places, mention).kind == "city"


@pytest.mark.parametrize(
    "sentence",
    [
        "John Easton said the deal was fair, and Easton agreed to sign.",  # a surname, not the town
        "Our reporter spoke to Easton about the vote.",
    ],
)
def test_names_that_are_not_placed_are_not_places(extract, sentence: str) -> None:
    assert [p.text for p in extract(sentence).places] == []


def test_a_capitals_possessive_act_is_its_government(extract) -> None:
    place = _place(extract("He welcomed Washington's offers but asked for more.").places, "Washington")
    assert place.government


def test_abbreviated_province_after_a_town_is_its_region(extract) -> None:
    places = extract("Hail flattened crops near Estevan, Sask. on Sunday.").places
    assert (_place(places, "Sask.").name, _place(places, "Estevan").country) == ("Saskatchewan", "CAN")


# Adjectives of continents and world regions are places (both news gold sets count them); not inside names.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Asian markets fell sharply on Monday.", [("Asian", "Asia")]),
        ("Airlines cut fares for Central American travellers.", [("Central American", "Central America")]),
        ("The European Commission fined the bank.", []),
        ("Members of the European Parliament voted on the bill.", []),
    ],
)
def test_region_adjectives(extract, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.name) for p in extract(sentence).places] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Relations between Russia and the West have worsened.",
        "Fishermen on the West Coast reported a poor season.",
        "Barges moved slowly along the Mississippi River near the town.",
        "The couple married at Windsor Castle in May.",
    ],
)
def test_compass_words_and_parts_of_feature_names_are_not_towns(extract, sentence: str) -> None:
    assert [p.text for p in extract(sentence).places if p.kind == "city"] == []


def test_a_compass_named_town_qualified_by_its_state_is_the_town(extract) -> None:
    places = extract("The tornado struck West, Texas, on Sunday.").places
    assert [(p.text, p.kind) for p in places] == [("West", "city"), ("Texas", "admin")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The head of the Darwin police unit said crime was falling.", ["Darwin"]),
        ("Darwin wrote that the theory was sound.", []),
    ],
)
def test_a_town_name_after_the_that_modifies_a_noun_is_the_town(extract, sentence: str, expected) -> None:
    assert [p.text for p in extract(sentence).places] == expected


# A town the model tagged as a person or organisation, placed by travel, origin or residence; a town and its
# region tagged as one name; a whole name the model cut in two.
@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("The family moved to Thornhill in 1990 and later settled in Hexham.", "Thornhill", "GBR"),
        ("Barry, who was from Dewsbury, met her at a dance.", "Dewsbury", "GBR"),
        ("The couple went on their honeymoon to Great Yarmouth.", "Great Yarmouth", "GBR"),
        ("A farmer who lives just outside of Waterloo reported the theft.", "Waterloo", None),
        ("Police charged Dana Morley, 41, of Kettering with burglary.", "Kettering", None),
        ("The cat was found during an inspection in Wainwright, Alta., by a rail worker.", "Wainwright", "CAN"),
        ("The cat was found during an inspection in Wainwright, Alta., by a rail worker.", "Alta.", "CAN"),
        ("About 30 homes near Fort St. John will be affected by the dam.", "Fort St. John", "CAN"),
    ],
)
def test_towns_placed_by_travel_origin_or_residence(extract, sentence: str, mention: str, country) -> None:
    place = _place(extract(sentence).places, mention)
    assert place.kind in ("city", "admin") and place.lat is not None
    assert country is None or place.country == country


@pytest.mark.parametrize(
    "sentence",
    [
        "Our reporter spoke to Easton about the vote.",  # "to" a person
        "The award went to Easton, who thanked his coach.",
        "Smith, Texas Instruments and Acme were named.",  # no town in its region
    ],
)
def test_to_a_person_is_no_town(extract, sentence: str) -> None:
    assert [p.text for p in extract(sentence).places if p.kind == "city"] == []


# First-level regions of countries beyond the US, Canada, Australia, China, India and Europe's largest.
@pytest.mark.parametrize(
    ("sentence", "mention", "country", "point"),
    [
        ("Miners in the North West and Limpopo provinces went on strike.", "Limpopo", "ZAF", (-23.9, 29.5)),
        ("Miners in the North West and Limpopo provinces went on strike.", "North West", "ZAF", (-26.6, 25.6)),
        ("The governor of Sokoto State opened a new clinic.", "Sokoto State", "NGA", (13.0, 5.25)),
        ("A strong earthquake shook Fars Province on Monday.", "Fars Province", "IRN", (29.5, 53.0)),
        ("Thousands of migrants crossed into Roraima last year.", "Roraima", "BRA", (2.0, -61.4)),
        ("Snow closed roads across Central Anatolia overnight.", "Central Anatolia", "TUR", (39.0, 33.5)),
    ],
)
def test_regions_of_other_countries(extract, sentence: str, mention: str, country: str, point) -> None:
    place = _place(extract(sentence).places, mention)
    assert place.country == country and place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 161


def test_dateline_county_abbreviation_is_the_county(extract) -> None:
    text = "PLYMOUTH CO. - A suspect in a farm theft near Waterloo was arrested by Black Hawk County deputies."
    places = extract(text).places
    county, town = _place(places, "PLYMOUTH CO."), _place(places, "Waterloo")
    assert (county.name, county.kind) == ("Plymouth County", "county")
    assert town.lat is not None and town.lon is not None
    assert haversine_km(town.lat, town.lon, 42.49, -92.34) < 161  # Waterloo, Iowa: both counties are in Iowa


def test_a_county_name_many_states_share_inside_a_name_is_no_context(extract) -> None:
    """ "the Dallas County Sheriff's Office" names no state: Dallas County lies in eleven."""
    text = "A deputy from the Dallas County Sheriff's Office said the man lived in Waterloo, Iowa."
    town = _place(extract(text).places, "Waterloo")
    assert town.lat is not None and town.lon is not None
    assert haversine_km(town.lat, town.lon, 42.49, -92.34) < 161


# A town named after a country, sea or continent takes that name only with the article's support.
@pytest.mark.parametrize(
    ("sentence", "mention", "kind", "country"),
    [
        ("The city has a bigger economy than Greece, officials in New York said.", "Greece", "country", "GRC"),
        ("Storms form over the warm Atlantic, forecasters in Miami and Dallas said.", "Atlantic", "sea", None),
        ("The Soviet Union collapsed in 1991.", "Soviet Union", "region", "RUS"),
        ("He grew up in a farming village in the Nile Delta.", "Nile Delta", "region", "EGY"),
    ],
)
def test_towns_named_after_wide_places_need_support(extract, sentence: str, mention: str, kind: str, country) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.kind, place.country) == (kind, country)


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Montreal finished last among the large cities in the survey.", "Montreal", "CAN"),
        ("Protesters marched through Sao Paulo and Bogota on Sunday.", "Bogota", "COL"),
    ],
)
def test_primary_names_without_accents_are_primary(extract, sentence: str, mention: str, country: str) -> None:
    assert _place(extract(sentence).places, mention).country == country


def test_a_province_does_not_vote_for_its_namesake_city(extract) -> None:
    places = extract("Quebec will hold an election next year, the premier of Quebec said in Montreal.").places
    assert {p.kind for p in places if p.text == "Quebec"} == {"admin"}


# Issue 10, sixth round: villages of 500-1,000 people, in the state the article names.
@pytest.mark.parametrize(
    ("sentence", "mention", "state", "point"),
    [
        ("Firefighters in Kansas were called to a barn fire in Bucklin on Sunday.", "Bucklin", "KS", (37.55, -99.63)),
        ("The county fair opened in Adair, Iowa, on Friday.", "Adair", "IA", (41.50, -94.64)),
    ],
)
def test_villages_of_500_people_in_the_named_state(extract, sentence: str, mention: str, state: str, point) -> None:
    place = _place(extract(sentence).places, mention)
    assert place.country == "USA" and place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 20
    assert any(e.admin1 == state for e in load_gazetteer().lookup(mention) if e.kind == "city")


@pytest.mark.parametrize(
    "text",
    [
        "A barn burned near Crosbyton, Montana, on Friday night.",  # the gazetteer's only Crosbyton is in Texas
        "CROSBYTON, Mont. — A barn burned on Friday night.",
    ],
)
def test_a_town_qualified_by_a_state_it_is_not_in_is_placed_in_that_state(extract, text: str) -> None:
    town = next(p for p in extract(text).places if p.text.lower() == "crosbyton")
    assert (town.name, town.kind, town.country) == ("Montana", "admin", "USA")


def test_a_list_of_places_is_no_qualifier(extract) -> None:
    places = extract("Shelling hit Aleppo, Idlib and Hama overnight.").places
    assert (_place(places, "Aleppo").name, _place(places, "Aleppo").kind) == ("Aleppo", "city")


@pytest.mark.parametrize(
    "sentence",
    ["Nurses at the CHU went on strike on Tuesday.", "Doctors at the CHU in Lyon said the patient was stable."],
)
def test_short_capitals_are_initials_not_towns(extract, sentence: str) -> None:
    assert "CHU" not in [p.text for p in extract(sentence).places]


# The busiest airports are landmarks, under the names news gives them, whatever the model tagged them.
@pytest.mark.parametrize(
    ("sentence", "mention", "country", "point"),
    [
        ("Flights were cancelled at Heathrow and Gatwick on Saturday.", "Gatwick", "GBR", (51.15, -0.18)),
        ("Passengers waited hours at Frankfurt Airport after the strike.", "Frankfurt Airport", "DEU", (50.04, 8.56)),
        ("She landed at JFK Airport late on Friday.", "JFK Airport", "USA", (40.64, -73.78)),
        ("Delays spread from Schiphol to Changi.", "Changi", "SGP", (1.36, 103.99)),
    ],
)
def test_busiest_airports_are_landmarks(extract, sentence: str, mention: str, country: str, point) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.kind, place.country) == ("landmark", country)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 5


def test_an_airport_surname_alone_is_no_airport(extract) -> None:
    assert extract("Mr Pearson said the plan would fail.").places == []


def test_a_postal_state_code_in_the_dateline_is_the_state(extract) -> None:
    places = extract("SPRINGFIELD, KY--(Wire) -- The company said sales rose in the spring.").places
    assert ("KY", "Kentucky", "admin") in [(p.text, p.name, p.kind) for p in places]


# Issue 10, seventh round: a town near another town the article names; "Washington" the state at home.
@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("A fire broke out in Paris, a short drive from Brantford, on Sunday.", "Paris", "CAN"),
        ("A storm hit Paris on Sunday.", "Paris", "FRA"),
    ],
)
def test_a_town_near_another_named_town_beats_a_far_namesake(extract, sentence: str, mention: str, country) -> None:
    assert _place(extract(sentence).places, mention).country == country


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SPOKANE, Wash. (AP) — Wildfires spread across Washington on Monday.", "admin"),
        ("SEATTLE (AP) — Voters in Washington approved the measure on Tuesday.", "admin"),
        ("Lawmakers in Washington debated the bill on Tuesday.", "city"),
        ("WASHINGTON (AP) — Lawmakers in Washington debated the bill on Tuesday.", "city"),
    ],
)
def test_washington_is_the_state_in_a_story_datelined_there(extract, text: str, kind: str) -> None:
    place = _place(extract(text).places, "Washington")
    assert (place.kind, place.country) == (kind, "USA")
    assert (place.lon or 0) < -115 if kind == "admin" else abs((place.lon or 0) + 77.04) < 0.5


def test_the_capital_qualified_does_not_make_home_the_capital(extract) -> None:
    text = "OLYMPIA, Wash. (AP) — The governor flew to Washington, D.C., on Monday and is home in Washington."
    readings = [(p.name, p.kind) for p in extract(text).places if p.text == "Washington"]
    assert readings == [("Washington", "city"), ("Washington State", "admin")]


def test_only_the_largest_namesake_is_the_capital() -> None:
    capitals = [e for e in load_gazetteer().lookup("Washington") if e.capital]
    assert [(e.country, e.admin1) for e in capitals] == [("USA", "DC")]


def test_a_state_run_into_a_name_across_a_spaced_dash(extract) -> None:
    places = extract("Both states were won by Mr Smith - Ohio and Iowa, officials said on Tuesday.").places
    assert [(p.text, p.kind) for p in places] == [("Ohio", "admin"), ("Iowa", "admin")]


# Issue 10, eighth round: streets, buildings and neighbourhoods no gazetteer holds, placed at the town the text
# puts them in (their point is the town's: `approximate`, the town in `within`); never at a guessed town.
@pytest.mark.parametrize(
    ("text", "mention", "kind", "town", "point"),
    [
        (
            "A man was hurt on Elm Street in Springfield, Illinois, on Monday.",
            "Elm Street",
            "street",
            "Springfield",
            (39.80, -89.64),
        ),
        (
            "Nurses at Cardiff's Riverside Hospital went on strike on Monday.",
            "Riverside Hospital",
            "facility",
            "Cardiff",
            (51.48, -3.18),
        ),
        (
            "LEEDS, England -- Firefighters closed Park Road after the blaze.",
            "Park Road",
            "street",
            "Leeds",
            (53.80, -1.55),
        ),
        (
            "The choir sang at St Mary's Church in York on Sunday.",
            "St Mary's Church",
            "facility",
            "York",
            (53.96, -1.08),
        ),
        (
            "Flooding shut schools in Harrogate on Monday. Harrogate council said Station Road would reopen soon.",
            "Station Road",
            "street",
            "Harrogate",
            (53.99, -1.54),
        ),
        (
            "Inmates were moved to the Hillside Prison (HSP) in Leeds.",
            "Hillside Prison",
            "facility",
            "Leeds",
            (53.80, -1.55),
        ),
        (
            "Shots were fired on the Oakwood Estate, in north west London.",
            "Oakwood Estate",
            "district",
            "London",
            (51.51, -0.13),
        ),
        ("Police sealed off Cairo's Shubra neighbourhood on Sunday.", "Shubra", "district", "Cairo", (30.06, 31.25)),
        (
            "The concert was held at the Riverside Arts Centre, Dublin, last night.",
            "Riverside Arts Centre",
            "facility",
            "Dublin",
            (53.34, -6.27),
        ),
    ],
)
def test_streets_and_buildings_are_placed_at_their_town(
    extract, text: str, mention: str, kind: str, town: str, point
) -> None:
    place = _place(extract(text).places, mention)
    assert (place.kind, place.approximate, place.within) == (kind, True, town)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Traffic was diverted away from Elm Street on Monday.",  # no town anywhere
        "A professor at Hillcrest University said the plan would fail.",
        "Leaders of the Catholic Church met on Monday.",  # a denomination, no building
        "WASHINGTON (AP) -- The Electoral College met in Washington on Monday.",  # a body, no building
    ],
)
def test_no_known_town_no_facility(extract, sentence: str) -> None:
    assert [p for p in extract(sentence).places if p.approximate] == []


def test_a_word_inside_a_building_name_is_no_town(extract) -> None:
    places = extract("The choir sang at St Mary's Church in York on Sunday.").places
    assert "Mary" not in [p.text for p in places]


def test_a_facility_is_never_an_events_place(extract) -> None:
    record = extract("Police arrested two men on Elm Street in Springfield, Illinois, on Monday.")
    assert any(p.approximate for p in record.places)
    assert record.events and all(e.place is None or not e.place.approximate for e in record.events)


# The commonest landmarks: seats of government and the most visited monuments, at their own points.
@pytest.mark.parametrize(
    ("sentence", "mention", "country", "point"),
    [
        ("Crowds gathered outside Buckingham Palace on Sunday.", "Buckingham Palace", "GBR", (51.50, -0.14)),
        ("The president met his advisers in the Oval Office.", "Oval Office", "USA", (38.90, -77.04)),
        ("Tourists queued at the Eiffel Tower all morning.", "Eiffel Tower", "FRA", (48.86, 2.29)),
        ("Thousands rallied in Tahrir Square on Friday.", "Tahrir Square", "EGY", (30.04, 31.24)),
    ],
)
def test_common_landmarks(extract, sentence: str, mention: str, country: str, point) -> None:
    place = _place(extract(sentence).places, mention)
    assert (place.kind, place.country, place.approximate) == ("landmark", country, False)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 3


def test_a_monument_is_no_government(extract) -> None:
    place = _place(extract("The Eiffel Tower closed early on Monday.").places, "Eiffel Tower")
    assert not place.government


def test_a_facility_once_placed_keeps_its_town(extract) -> None:
    text = "Youths gathered at the Oakwood Estate in Bristol. Later the Oakwood Estate was quiet, officials said."
    places = [p for p in extract(text).places if p.text == "Oakwood Estate"]
    assert [(p.within, p.approximate) for p in places] == [("Bristol", True), ("Bristol", True)]


# Issue 10, places8: natural features of our own table (rivers at their mouth, lakes, ranges, islands, deserts).
@pytest.mark.parametrize(
    ("sentence", "mention", "kind", "point"),
    [
        ("Barges queued along the Mississippi River after the flood.", "Mississippi River", "river", (29.2, -89.3)),
        ("Two climbers went missing in the Appalachians on Sunday.", "Appalachians", "mountain", (40.5, -77.5)),
        ("Fishermen on Lake Victoria reported a poor season.", "Lake Victoria", "lake", (-1.0, 33.0)),
        ("A ferry to Fire Island was cancelled because of fog.", "Fire Island", "island", (40.65, -73.1)),
        ("Snow closed the passes of the Hindu Kush early this year.", "Hindu Kush", "mountain", (35.5, 70.5)),
        ("Nomads crossed the Gobi Desert with their herds.", "Gobi Desert", "region", (43.0, 105.0)),
    ],
)
def test_natural_features(extract, sentence: str, mention: str, kind: str, point) -> None:
    place = _place(extract(sentence).places, mention)
    assert place.kind == kind
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, *point) < 50


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Asylum seekers waited on Crete for a ferry to the mainland.", "GRC"),  # the island, not a small US town
        ("The fair in Crete, Nebraska, drew a record crowd.", "USA"),  # the town, with its state
    ],
)
def test_an_island_wins_its_name_unless_the_text_names_the_towns_state(extract, sentence: str, country: str) -> None:
    assert _place(extract(sentence).places, "Crete").country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KARACHI, May 4 (APP): The minister opened a new school on Friday.", "Karachi"),  # a date before the agency
        ("By Jane Doe and John Roe, Associated Press NAIROBI (AP) — Talks resumed on Monday.", "Nairobi"),  # byline
        ("By Ann Smith. DENVER (Reuters) - A judge blocked the sale.", "Denver"),
    ],
)
def test_wire_datelines_with_a_date_or_after_a_byline(extract, text: str, name: str) -> None:
    assert name in [p.name for p in extract(text).places if text.index(p.text) < 80]


def test_an_accented_spelling_finds_the_plain_name(extract) -> None:
    place = _place(extract("Police in Parañaque City arrested three men.").places, "Parañaque City")
    assert (place.kind, place.country) == ("city", "PHL")


def test_a_name_read_as_a_place_is_that_place_again_untagged(extract) -> None:
    text = "She grew up in Riverdale, New Jersey. Riverdale has one school, and the Riverdale mayor opposed it."
    places = [p for p in extract(text).places if p.text == "Riverdale"]
    assert len(places) == 3 and {(p.name, p.country) for p in places} == {("Riverdale", "USA")}


def test_a_name_the_article_uses_as_a_surname_is_not_repeated(extract) -> None:
    text = "Anna Hale moved to Hull last year. Police questioned Tom Hull and Sam Hale on Monday."
    assert [p.start for p in extract(text).places if p.text == "Hull"] == [text.index("Hull")]


@pytest.mark.parametrize(
    ("sentence", "mention", "name"),
    [
        ("Her party won two seats in the Rajasthan assembly.", "Rajasthan", "Rajasthan"),  # a state before a noun
        ("A Siberian winter froze the rivers early.", "Siberian", "Siberia"),  # adjectives of regions
        ("Sicilian farmers lost half their lemon crop.", "Sicilian", "Sicily"),
    ],
)
def test_regions_named_as_modifiers(extract, sentence: str, mention: str, name: str) -> None:
    assert _place(extract(sentence).places, mention).name == name


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("WASHINGTON (AP) — A professor at Hillcrest University said the tariffs would hurt farmers.", []),
        ("BOSTON (AP) — A professor at the Institute of Hill Studies said the plan would fail.", []),
        ("RIVERTON, Wyo. (AP) — Riverton College will close its library.", ["Riverton College"]),  # named after it
        ("DENVER (AP) — A car crashed on College Street late on Friday.", ["College Street"]),  # a street
    ],
)
def test_a_university_is_in_the_datelines_town_only_when_named_after_it(extract, text: str, approximate) -> None:
    assert [p.text for p in extract(text).places if p.approximate] == approximate


def test_a_repeated_name_that_begins_a_longer_name_is_not_repeated(extract) -> None:
    text = "Voters in Britain were polled on Monday. The Britain Unity Party won no seats."
    record = extract(text)
    start = text.index("Britain Unity")
    assert [p for p in record.places if p.start == start] == []
    assert [p.name for p in record.places if p.start == text.index("Britain")] == ["United Kingdom"]
