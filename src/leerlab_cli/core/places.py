"""The municipalities the dataset names as school places, and the province each lies in (pure).

Only the municipalities in use are listed, each a public fact checked against the
page named beside it (stored copies, checked 2026-11-29). A dataset may name others:
`leerlab validate` then notes that it could not check that place, and nothing fails:
a maintainer never has to edit the package for a new place.
"""

from __future__ import annotations

MUNICIPALITY_PROVINCES: dict[str, str] = {
    # https://www.plaatsengids.nl/apeldoorn ("stad en gemeente in de provincie Gelderland")
    "Apeldoorn": "Gelderland",
    # https://www.rtvdrenthe.nl/nieuws/138591/ ; Assen is the capital of Drenthe
    "Assen": "Drenthe",
    # https://www.rtvoost.nl/nieuws/2042295/ ("opleiding uit Overijssel … Aventus in Deventer")
    "Deventer": "Overijssel",
    # https://www.plaatsengids.nl/houten ("Dorp en gemeente Houten, Kromme Rijnstreek, Utrecht")
    "Houten": "Utrecht",
    # https://nl.wikipedia.org/wiki/Ottoland (Ottoland, gemeente Molenlanden since 2019)
    "Molenlanden": "Zuid-Holland",
    # http://www.internetgemeentegids.nl/gemeente/roermond ("in de Nederlandse provincie Limburg")
    "Roermond": "Limburg",
    # http://piglix.com/piglix/Tilburg,_Netherlands ("municipality … province of Noord-Brabant")
    "Tilburg": "Noord-Brabant",
    # https://www.canonvannederland.nl/nl/noord-brabant/waalwijk/
    "Waalwijk": "Noord-Brabant",
    # http://www.rootsweb.ancestry.com/~nldwgw/provinces.html (Overijssel: capital Zwolle)
    "Zwolle": "Overijssel",
}
"""Municipality → province, for the school places of the dataset."""


def province_of(municipality: str) -> str | None:
    """The province `municipality` lies in, or None when the table does not list it."""
    return MUNICIPALITY_PROVINCES.get(municipality)
