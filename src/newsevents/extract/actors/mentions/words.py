"""Word lists that more than one mention pass reads: modifier dependencies, generic role words,
honorifics, title prefixes, the words that tell an organisation's sector from its name.

Reads and writes nothing; a list only one pass reads lives in that pass's module.
"""

# Modifiers that stay inside a mention's span: "U.S. President Joe Biden", "Russian troops".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Role words that take the sector of a more specific modifier ("opposition leader", "army spokesman").
GENERIC_ROLES = frozenset(
    {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "commander", "chief", "director", "officer"}
    | {"chairman", "chairwoman", "chairperson", "aide", "adviser", "advisor", "staffer"}
    | {"general secretary", "director general", "secretary general"}  # the body they serve tells the sector
    | {"representative"}  # "union representatives" LAB, "media representatives" MED; alone a legislator
)
# A town must be at least this large for its name to tell a mention's country.
MIN_TOWN_POPULATION = 20_000
# Honorifics before a name, and the gender each tells.
HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "lord": "m",
    "lady": "f",
    "baroness": "f",
    "dame": "f",
    "dr": None,
}
# Dictionary kinds whose names tell a country.
COUNTRYISH = frozenset({"country", "demonym", "capital", "region"})
# Prefixes the tokenizer splits off a title ("co-chairman", "vice-president").
TITLE_PREFIXES = frozenset({"co", "vice", "deputy"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# Words in an unknown organisation's name that tell its sector.
ORG_NAME_SECTORS = {
    "ministry": "GOV",
    "executive": "GOV",
    "government": "GOV",
    "council": "GOV",
    "commission": "GOV",
    "office": "GOV",
    "department": "GOV",
    "agency": "GOV",
    "army": "MIL",
    "forces": "MIL",
    "military": "MIL",
    "navy": "MIL",
    "command": "MIL",
    "guard": "MIL",
    "court": "JUD",
    "tribunal": "JUD",
    "parliament": "LEG",
    "assembly": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "police": "COP",
    "bank": "BUS",
    "company": "BUS",
    "corp": "BUS",
    "inc": "BUS",
    "ltd": "BUS",
    "airlines": "BUS",
    "group": "BUS",
    "news": "MED",
    "times": "MED",
    "post": "MED",
    "television": "MED",
    "radio": "MED",
    "press": "MED",
    "university": "EDU",
    "college": "EDU",
    "school": "EDU",
    "foundation": "NGO",
    "charity": "NGO",
    "trust": "NGO",
    "network": "MED",
    # a named campaign is a pressure group ("the X Campaign"); "the campaign" stays a party's (roles.tsv)
    "campaign": "NGO",
    "alliance": "NGO",
    "board": "GOV",
    "front": "REB",
    "brigade": "REB",
    "liberation": "REB",
    "party": "PTY",
    "union": "LAB",
    "unions": "LAB",
    "trades": "LAB",
    "holdings": "BUS",
    "services": "BUS",
    "industries": "BUS",
    "llc": "BUS",
    "plc": "BUS",
    "inc.": "BUS",
    "corp.": "BUS",
    "co.": "BUS",
    "journal": "MED",
    "tribune": "MED",
    "herald": "MED",
    "gazette": "MED",
    "magazine": "MED",
    # bodies the state sets up to look into something ("the X Inquiry"), think tanks and learned
    # societies ("the X Institute"), business lobbies ("X Chamber of Commerce", "Confederation of X Industry")
    "inquiry": "GOV",
    "institute": "NGO",
    "society": "NGO",
    "commerce": "BUS",
    "industry": "BUS",
    # professional and civic associations ("the X Association of Y", "the American Academy of Z"),
    # religious bodies ("X Ministries" is a preacher's organisation, never a state's ministries)
    "association": "NGO",
    "academy": "NGO",
    "ministries": "REL",
    "church": "REL",
}
