"""The CAMEO code table (`data/cameo_codes.tsv`) and how codes combine.

Each code carries its root, QuadClass (GDELT numbering), Goldstein value and PLOVER event type.
`compose` turns an outer verb of intent, appeal, demand, rejection or threat plus the event in its
complement into CAMEO's specific sub-code: "threatened to impose sanctions" is 1312, not 130 + 163.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    name: str


@cache
def codebook() -> dict[str, CameoCode]:
    """Every CAMEO code we know, keyed by code ("01", "010", "0211", ...)."""
    text = resources.files("newsevents.data").joinpath("cameo_codes.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    table: dict[str, CameoCode] = {}
    for row in rows:
        table[row["code"]] = CameoCode(
            code=row["code"],
            root=row["root"],
            quad_class=int(row["quad_class"]),
            goldstein=float(row["goldstein"]),
            plover=row["plover"] or None,
            name=row["name"],
        )
    return table


def plover_for_root(root: str) -> str | None:
    """The PLOVER type of a CAMEO root, as the evaluation maps roots."""
    entry = codebook().get(root)
    return entry.plover if entry else None


# Outer root -> {inner code prefix -> specific code}. The longest matching prefix of the inner
# code wins. Written from the CAMEO codebook's sub-code definitions.
_INTENT = {
    "04": "036",
    "045": "039",
    "046": "036",
    "05": "032",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "083": "034",
    "0831": "0341",
}
_APPEAL = {
    "04": "026",
    "045": "028",
    "057": "027",
    "05": "022",
    "06": "021",
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "07": "023",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "08": "025",
    "084": "0253",
    "085": "0254",
    "086": "0255",
    "087": "0256",
    "083": "024",
    "0831": "0241",
}
_DEMAND = {
    "04": "108",
    "045": "105",
    "05": "102",
    "06": "1011",
    "061": "1011",
    "062": "1012",
    "063": "1013",
    "064": "1014",
    "07": "103",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "084": "1053",
    "085": "1054",
    "086": "1055",
    "087": "106",
    "0871": "107",
    "083": "104",
    "0831": "1041",
    "09": "101",
}
_REJECT = {
    "04": "125",
    "045": "126",
    "057": "127",
    "06": "121",
    "061": "1211",
    "062": "1212",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "08": "124",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
    "083": "123",
    "0831": "1231",
}
_THREATEN = {
    "14": "133",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "175": "137",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "193": "1384",
    "194": "1384",
    "195": "1384",
    "20": "138",
    "204": "1385",
    "2041": "1385",
    "2042": "1385",
}
_COMPOSE = {"02": _APPEAL, "03": _INTENT, "10": _DEMAND, "12": _REJECT, "13": _THREATEN}

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
INTENT_INNER_ROOTS = frozenset({"04", "05", "06", "07", "08"})
WORD_ROOTS = frozenset({"01", "02"})  # statements and appeals: intending them is no act of their own

#: Roots whose verbs take an event as complement and specialise with it.
COMPOSING_ROOTS = frozenset(_COMPOSE)


def compose(outer: str, inner: str) -> str:
    """The specific code for an outer verb (`outer`) whose complement is the event `inner`."""
    root = outer[:2]
    if root == "03" and inner[:2] in WORD_ROOTS:
        return outer  # "pledged the party would encourage people to ...": a pledge of words is the pledge (03x)
    if root == "03" and inner[:2] not in INTENT_INNER_ROOTS:
        # "vowed to retaliate" is a threat; "pledged to expel", "wants to investigate" the act itself
        return compose("130", inner) if inner[:2] in VIOLENT_ROOTS else inner
    table = _COMPOSE.get(root)
    if table is None:
        return outer
    for length in (4, 3, 2):
        specific = table.get(inner[:length])
        if specific is not None:
            return specific
    return outer
