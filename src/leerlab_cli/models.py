"""The dataset format: pydantic models and the closed vocabularies they use.

The models are kept lean on purpose: every validator, union and enum adds to
the schema that pydantic builds when a command first validates a dataset, and
that time is paid on every call of the tool (unless the cache holds the dataset).
No ``from __future__ import annotations``: annotations that are objects spare
pydantic evaluating strings when it creates the classes, on every call.
"""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

# C0 controls except tab and newline, DEL, C1 controls, and the bidi
# embedding/override/isolate characters that can make text display reversed.
CONTROL_PATTERN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
# A deliberately plain address: no quoting or exotic characters that would need
# escaping in Markdown, CSV or a mail client's address line.
EMAIL_PATTERN = rf"^[A-Za-z0-9._%+-]+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})+$"
# When a route starts: a year (2021), a school year (2019-2020) or a month (2021-09).
START_PATTERN = r"^[12][0-9]{3}(-[12][0-9]{3}|-(0[1-9]|1[0-2]))?$"

Text = Annotated[str, StringConstraints(pattern=CONTROL_PATTERN, min_length=1)]
"""Text as people read it: never empty, never a terminal control character."""
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)]
Niveau = Annotated[int, Field(ge=1, le=4)]
Start = Annotated[str, StringConstraints(pattern=START_PATTERN)]


class Leerweg(StrEnum):
    """A vmbo leerweg, the school track a route starts from."""

    bb = "bb"
    kb = "kb"
    gl = "gl"
    tl = "tl"

    @property
    def dutch(self) -> str:
        """The Dutch name of the leerweg."""
        return LEERWEG_NAMES[self]


LEERWEG_NAMES: dict[Leerweg, str] = {
    Leerweg.bb: "basisberoepsgerichte leerweg",
    Leerweg.kb: "kaderberoepsgerichte leerweg",
    Leerweg.gl: "gemengde leerweg",
    Leerweg.tl: "theoretische leerweg",
}

NIVEAU_NAMES: dict[int, str] = {
    1: "Entree",
    2: "basisberoepsopleiding",
    3: "vakopleiding",
    4: "middenkader- of specialistenopleiding",
}


class SchoolType(StrEnum):
    """Whether a school gives secondary education (vo) or mbo."""

    vo = "vo"
    mbo = "mbo"


class MboLeerweg(StrEnum):
    """The mbo learning pathway: school-based (BOL) or work-based (BBL)."""

    BOL = "BOL"
    BBL = "BBL"


class RouteStatus(StrEnum):
    """How far a route is: only `planned` routes are not (yet) real."""

    running = "running"
    scheduled = "scheduled"
    in_development = "in-development"
    planned = "planned"


class RouteKind(StrEnum):
    """The kind of route a leerlab works on; only the first two are legal categories."""

    doorlopende_leerroute = "doorlopende leerroute"
    geintegreerde_leerroute = "geïntegreerde leerroute"
    doorlopende_leerlijn = "doorlopende leerlijn"
    verkorte_route = "verkorte route"
    maatwerktraject = "maatwerktraject"


class Profiel(StrEnum):
    """One of the ten beroepsgerichte vmbo profielen (Wet profielen vmbo, since 1 August 2016).

    The values are leerlab's own short codes; the usual abbreviations are in
    `PROFIEL_ABBREVIATIONS`, the official names in `PROFIEL_NAMES`.
    """

    bwi = "bwi"
    pie = "pie"
    mt = "mt"
    mvi = "mvi"
    mat = "mat"
    zw = "zw"
    eo = "eo"
    hbr = "hbr"
    dp = "dp"
    groen = "groen"

    @property
    def dutch(self) -> str:
        """The official name of the profiel, as SLO spells it."""
        return PROFIEL_NAMES[self]

    @property
    def abbreviation(self) -> str:
        """The abbreviation schools use, such as ``Z&W``."""
        return PROFIEL_ABBREVIATIONS[self]


PROFIEL_NAMES: dict[Profiel, str] = {
    Profiel.bwi: "Bouwen, wonen en interieur",
    Profiel.pie: "Produceren, installeren en energie",
    Profiel.mt: "Mobiliteit en transport",
    Profiel.mvi: "Media, vormgeving en ICT",
    Profiel.mat: "Maritiem en techniek",
    Profiel.zw: "Zorg en welzijn",
    Profiel.eo: "Economie en ondernemen",
    Profiel.hbr: "Horeca, bakkerij en recreatie",
    Profiel.dp: "Dienstverlening en producten",
    Profiel.groen: "Groen",
}

PROFIEL_ABBREVIATIONS: dict[Profiel, str] = {
    Profiel.bwi: "BWI",
    Profiel.pie: "PIE",
    Profiel.mt: "M&T",
    Profiel.mvi: "MVI",
    Profiel.mat: "MaT",
    Profiel.zw: "Z&W",
    Profiel.eo: "E&O",
    Profiel.hbr: "HBR",
    Profiel.dp: "D&P",
    Profiel.groen: "Groen",
}


# The one exception to strict types: a file names a vocabulary's member by its
# string, which is looked up (and must be one of the values).
_Leerweg = Annotated[Leerweg, Strict(False)]
_SchoolType = Annotated[SchoolType, Strict(False)]
_MboLeerweg = Annotated[MboLeerweg, Strict(False)]
_RouteStatus = Annotated[RouteStatus, Strict(False)]
_RouteKind = Annotated[RouteKind, Strict(False)]
_Profiel = Annotated[Profiel, Strict(False)]


class _Model(BaseModel):
    # Strict: TOML has its own integers, strings and booleans, so a value of another
    # type is a mistake in the file (`niveaus = [true]`, `year = 2021.0`), not
    # something to convert. Only the vocabularies are looked up from their strings.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True, strict=True)


def _exactly_true(value: object) -> object:
    # A literal True also matches the integer 1 (1 == True): only a boolean will do.
    if value is not True:
        # "true" as TOML writes it, for the message that names what is expected.
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": "true"}
        )
    return value


class Undetermined(_Model):
    """A fact the source explicitly leaves open: "nader te bepalen"."""

    nader_te_bepalen: Annotated[
        Literal[True],
        BeforeValidator(_exactly_true),
        Field(
            description=(
                'Always true: the source says "nader te bepalen" (to be decided). A fact it does '
                "not give at all is left out instead."
            ),
            examples=[True],
        ),
    ]

    def __str__(self) -> str:
        return "nader te bepalen"


TEXT_TAG = "<text>"
UNDETERMINED_TAG = "<nader te bepalen>"


def _statement_kind(value: object) -> str:
    return UNDETERMINED_TAG if isinstance(value, dict | Undetermined) else TEXT_TAG


def _not_undetermined_text(value: str) -> str:
    # "nader te bepalen" as text would differ from { nader_te_bepalen = true } in every
    # output and filter; the file must say it the one way.
    if value.strip().casefold() == "nader te bepalen":
        raise PydanticCustomError(
            "undetermined_as_text", "Write {fix} for a fact left open", {"fix": UNDETERMINED_TOML}
        )
    return value


UNDETERMINED_TOML = "{ nader_te_bepalen = true }"
"""How a dataset file says that a fact is left open."""

Statement = Annotated[
    Annotated[Text, AfterValidator(_not_undetermined_text), Tag(TEXT_TAG)]
    | Annotated[Undetermined, Tag(UNDETERMINED_TAG)],
    Discriminator(_statement_kind),
]
"""A fact in words, or explicitly undetermined. A missing fact is None."""


class School(_Model):
    """A cooperating school, with whether it gives vo, mbo or both."""

    name: Annotated[
        Text,
        Field(
            description="The school's name as the source prints it.",
            examples=["Etty Hillesum Lyceum", "ROC Tilburg"],
        ),
    ]
    types: Annotated[
        list[_SchoolType],
        Field(
            min_length=1,
            description="Whether the school gives secondary education (vo), mbo, or both.",
            examples=[["vo"], ["vo", "mbo"]],
        ),
    ]
    note: Annotated[
        Text | None,
        Field(
            description="What the source adds about the school.",
            examples=["verschillende vo scholen en mbo"],
        ),
    ] = None
    place: Annotated[
        Text | None,
        Field(
            description=(
                "The municipality the school is in: geography the maintainers add and check, "
                "not in the source."
            ),
            examples=["Deventer", "Molenlanden"],
        ),
    ] = None


class SchoolStatement(_Model):
    """A statement the source makes for one school of the leerlab only."""

    school: Annotated[
        Text,
        Field(
            description="The school it is about: the name of one of the leerlab's schools.",
            examples=["Walewyc-mavo"],
        ),
    ]
    text: Annotated[
        Text,
        Field(
            description="What the source says for that school.",
            examples=["leerlingen met LO2 als examenvak"],
        ),
    ]


class Route(_Model):
    """A route from vmbo leerwegen to one or more mbo niveaus."""

    # Left out, the leerweg is not stated by the source (the default, never validated);
    # written, it names at least one.
    leerwegen: Annotated[
        list[_Leerweg],
        Field(
            min_length=1,
            description=(
                "The vmbo leerwegen the route starts from: bb (basis), kb (kader), gl (gemengd), "
                'tl (theoretisch); the source\'s "gt" is ["gl", "tl"]. Left out when the source '
                "does not say."
            ),
            examples=[["bb"], ["gl", "tl"]],
        ),
    ] = []
    niveaus: Annotated[
        list[Niveau],
        Field(
            min_length=1,
            description="The mbo niveaus (1 Entree to 4) the route leads to.",
            examples=[[2], [3, 4]],
        ),
    ]
    status: Annotated[
        _RouteStatus,
        Field(
            description=(
                "How far the route is: running, scheduled (with a start), in-development, or "
                'planned for what the source calls "mogelijk later".'
            ),
            examples=["running", "planned"],
        ),
    ] = RouteStatus.running
    start: Annotated[
        Start | None,
        Field(
            description=(
                "When the route started or starts, as the source says: a year (2021), a school "
                "year (2019-2020) or a month (2021-09). Required for a scheduled route."
            ),
            examples=["2019", "2019-2020", "2021-09"],
        ),
    ] = None
    mbo_leerweg: Annotated[
        _MboLeerweg | None,
        Field(
            description="The mbo learning pathway, where the source names it: BOL or BBL.",
            examples=["BBL"],
        ),
    ] = None
    schools: Annotated[
        list[Text],
        Field(
            description="The schools that run the route, by name, when not all of the leerlab's.",
            examples=[["Campus 013", "ROC Tilburg"]],
        ),
    ] = []

    @model_validator(mode="after")
    def _scheduled_has_start(self) -> "Route":
        if self.status is RouteStatus.scheduled and self.start is None:
            raise PydanticCustomError("scheduled_without_start", "A scheduled route needs a start")
        return self

    @property
    def counts(self) -> bool:
        """Whether the route runs or has a start: planned routes do not count."""
        return self.status is not RouteStatus.planned


class Contact(_Model):
    """A contact person of a leerlab."""

    name: Annotated[
        Text,
        Field(
            description="The person's name, spelled as the source prints it.",
            examples=["Zerin Eralp"],
        ),
    ]
    email: Annotated[
        Email,
        Field(description="The person's e-mail address.", examples=["z.eralp@aventus.nl"]),
    ]
    organisation: Annotated[
        Text | None,
        Field(description="The school or organisation the person works for.", examples=["Aventus"]),
    ] = None


class Leerlab(_Model):
    """One regional leerlab: the schools, what they work on, and whom to ask."""

    slug: Annotated[
        Slug,
        Field(
            description=(
                "A short unique name for the leerlab: lowercase letters a-z, digits and single "
                "hyphens. Commands take it as the leerlab's name."
            ),
            examples=["apeldoorn", "noord-brabant"],
        ),
    ]
    name: Annotated[
        Text,
        Field(
            description="The leerlab's name as the source prints it.",
            examples=["Leerlab Apeldoorn"],
        ),
    ]
    place: Annotated[
        Text,
        Field(
            description="Where the leerlab is: a town or region. Not always the place in its name.",
            examples=["Apeldoorn", "regio Roermond en Weert"],
        ),
    ]
    provinces: Annotated[
        list[Text],
        Field(
            min_length=1,
            description=(
                "The provinces of its schools (geography the maintainers add; the source does not"
                " give them)."
            ),
            examples=[["Gelderland"], ["Zuid-Holland", "Utrecht"]],
        ),
    ]
    schools: Annotated[
        list[School],
        Field(
            min_length=1,
            description="The cooperating vo and mbo schools, as the source names them.",
            examples=[[{"name": "Aventus", "types": ["mbo"]}]],
        ),
    ]
    schools_note: Annotated[
        Text | None,
        Field(
            description="What the source adds about the schools as a whole.",
            examples=["in samenwerking met mbo of vo scholen in de regio"],
        ),
    ] = None
    sectors: Annotated[
        list[Text],
        Field(
            description=(
                "The sectors or fields the leerlab works in, as the source prints them (not "
                "forced into the vmbo profielen)."
            ),
            examples=[["Zorg en Welzijn"]],
        ),
    ] = []
    specialisations: Annotated[
        list[Text],
        Field(
            description="Narrower specialisations within the sectors.",
            examples=[["Melkveehouderij", "Hovenier"]],
        ),
    ] = []
    sector_note: Annotated[
        Text | None,
        Field(
            description="What the source adds about the sectors.",
            examples=["Andere routes moeten nog ontwikkeld worden"],
        ),
    ] = None
    profielen: Annotated[
        list[_Profiel],
        Field(
            description=(
                "The official vmbo profielen the source's sector names, as codes; set only where "
                "it names one (an interpretation the maintainers add)."
            ),
            examples=[["zw"], ["hbr"]],
        ),
    ] = []
    phase: Annotated[
        Statement | None,
        Field(
            description=(
                'The source\'s "Fase": how far the leerlab is; { nader_te_bepalen = true } when '
                "the source leaves it open."
            ),
            examples=["pilot gestart in 2019"],
        ),
    ] = None
    route_text: Annotated[
        Text | None,
        Field(
            description="The route in the source's own words.",
            examples=["van vmbo basis naar mbo niveau 2"],
        ),
    ] = None
    routes: Annotated[
        list[Route],
        Field(
            description="The routes from vmbo leerwegen to mbo niveaus, from route_text.",
            examples=[
                [{"leerwegen": ["bb"], "niveaus": [2], "status": "running", "start": "2019"}]
            ],
        ),
    ] = []
    route_kinds: Annotated[
        list[_RouteKind],
        Field(
            description=(
                "The kinds of route, normalised: only doorlopende and geïntegreerde leerroute are"
                " legal categories."
            ),
            examples=[["doorlopende leerroute"]],
        ),
    ] = []
    works_on: Annotated[
        Statement | None,
        Field(
            description=(
                'The source\'s "Werken aan", in its own words; { nader_te_bepalen = true } when '
                "left open."
            ),
            examples=["geïntegreerde leerroute"],
        ),
    ] = None
    design: Annotated[
        Statement | None,
        Field(
            description=(
                'The source\'s "Ontwerp van de route"; { nader_te_bepalen = true } when left open,'
                " left out when not given."
            ),
            examples=["veel praktijk en stages"],
        ),
    ] = None
    target_group: Annotated[
        Statement | None,
        Field(
            description='The source\'s "Doelgroep"; { nader_te_bepalen = true } when left open.',
            examples=["breed, voor alle leerlingen"],
        ),
    ] = None
    target_group_per_school: Annotated[
        list[SchoolStatement],
        Field(
            description="Target groups the source gives for one school of the leerlab only.",
            examples=[
                [
                    {
                        "school": "Campus 013",
                        "text": "leerlingen met het keuzevak Sport en Leiderschap",
                    }
                ]
            ],
        ),
    ] = []
    contacts: Annotated[
        list[Contact],
        Field(
            description="The contact persons the source names.",
            examples=[
                [{"name": "Zerin Eralp", "email": "z.eralp@aventus.nl", "organisation": "Aventus"}]
            ],
        ),
    ] = []


class Meta(_Model):
    """Where the dataset comes from."""

    title: Annotated[
        Text,
        Field(
            description="The title of the source.",
            examples=["Samen op weg: naar een naadloze aansluiting vmbo-mbo"],
        ),
    ]
    publisher: Annotated[
        Text,
        Field(
            description="Who published the source.",
            examples=["STERK Beroepsonderwijs"],
        ),
    ]
    year: Annotated[
        int,
        Field(
            ge=1900,
            le=2999,
            description="The year the source was published.",
            examples=[2021],
        ),
    ]
    edition: Annotated[
        Text | None,
        Field(
            description="Which edition or issue of the source.",
            examples=["Digizine voorjaar 2021"],
        ),
    ] = None
    introduction: Annotated[
        Text | None,
        Field(
            description="The source's introduction.",
            examples=["Leerlingendaling, lerarentekort en ..."],
        ),
    ] = None


class Dataset(_Model):
    """A whole dataset file: its source and its leerlabs, in order."""

    meta: Annotated[Meta, Field(description="Where the dataset comes from: the source.")]
    leerlab: Annotated[
        list[Leerlab],
        Field(description="The leerlabs, one [[leerlab]] table each, in the source's order."),
    ] = []
