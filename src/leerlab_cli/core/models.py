"""The dataset format: pydantic models of its tables and the closed vocabularies they use.

Each field says what it means and gives examples (`Field(description=…, examples=…)`);
pydantic validates a parsed TOML file into these models, serialises them for the JSON
and TOML outputs, and writes the JSON Schema of `leerlab schema` from them. The rules
that concern one table are written here, once; the rules across tables and leerlabs
(duplicate slugs, the law's warnings) are in `rules.py`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

# C0 controls except tab and newline, DEL, C1 controls, and the bidi
# embedding/override/isolate characters that can make text display reversed.
CONTROL_PATTERN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 64
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
# A deliberately plain address: no quoting or exotic characters that would need
# escaping in Markdown, CSV or a mail client's address line.
EMAIL_PATTERN = rf"^[A-Za-z0-9._%+-]+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})+$"
# When a route starts: a year (2021), a school year (2019-2020) or a month (2021-09).
START_PATTERN = r"^[12][0-9]{3}(-[12][0-9]{3}|-(0[1-9]|1[0-2]))?$"

# Strict types (the models' `strict=True`): TOML has its own integers, strings and
# booleans, so a value of another type is a mistake in the file (`niveaus = [true]`,
# `year = 2021.0`), not something to convert. Only the vocabularies are looked up
# from their strings (`Strict(False)`).
Text = Annotated[str, StringConstraints(min_length=1, pattern=CONTROL_PATTERN)]
"""Text as people read it: never empty, never a terminal control character."""
Slug = Annotated[str, StringConstraints(max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN)]
Email = Annotated[str, StringConstraints(max_length=254, pattern=EMAIL_PATTERN)]
Start = Annotated[str, StringConstraints(pattern=START_PATTERN)]
# A web address to read the source at: http(s), nothing a terminal, Markdown or HTML
# would read as anything but the address (no spaces, quotes, angle brackets, controls).
URL_PATTERN = r'^https?://[^\x00-\x20\x7f-\x9f"<>\\`\u202a-\u202e\u2066-\u2069]+$'
Url = Annotated[str, StringConstraints(max_length=2000, pattern=URL_PATTERN)]
Niveau = Annotated[int, Field(ge=1, le=4)]


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


class Province(StrEnum):
    """One of the twelve provinces of the Netherlands, as written in Dutch.

    Friesland has been officially Fryslân since 1997: both are accepted, and mean the same.
    """

    drenthe = "Drenthe"
    flevoland = "Flevoland"
    friesland = "Friesland"
    fryslan = "Fryslân"
    gelderland = "Gelderland"
    groningen = "Groningen"
    limburg = "Limburg"
    noord_brabant = "Noord-Brabant"
    noord_holland = "Noord-Holland"
    overijssel = "Overijssel"
    utrecht = "Utrecht"
    zeeland = "Zeeland"
    zuid_holland = "Zuid-Holland"

    @property
    def province(self) -> Province:
        """The province itself, one member for each: Fryslân is Friesland."""
        return Province.friesland if self is Province.fryslan else self


LEERWEG_ALIASES: dict[str, frozenset[Leerweg]] = {
    "bb": frozenset({Leerweg.bb}),
    "basis": frozenset({Leerweg.bb}),
    "kb": frozenset({Leerweg.kb}),
    "kader": frozenset({Leerweg.kb}),
    "gl": frozenset({Leerweg.gl}),
    "gemengd": frozenset({Leerweg.gl}),
    "tl": frozenset({Leerweg.tl}),
    "theoretisch": frozenset({Leerweg.tl}),
    "gt": frozenset({Leerweg.gl, Leerweg.tl}),
}
"""Every word for a vmbo leerweg that `--from` accepts, with the leerwegen it means."""

VOCABULARIES: tuple[type[StrEnum], ...] = (
    Leerweg,
    SchoolType,
    MboLeerweg,
    RouteStatus,
    RouteKind,
    Profiel,
    Province,
)
"""The closed vocabularies: a file names a member by its value."""


# A file names a vocabulary member by its string: the one thing not read strictly.
LeerwegValue = Annotated[Leerweg, Strict(False)]
SchoolTypeValue = Annotated[SchoolType, Strict(False)]
MboLeerwegValue = Annotated[MboLeerweg, Strict(False)]
RouteStatusValue = Annotated[RouteStatus, Strict(False)]
RouteKindValue = Annotated[RouteKind, Strict(False)]
ProfielValue = Annotated[Profiel, Strict(False)]
ProvinceValue = Annotated[Province, Strict(False)]


class Table(BaseModel):
    """A table of the dataset file: strict types, no keys of its own, never changed once read."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Undetermined(Table):
    """A fact the source explicitly leaves open: "nader te bepalen"."""

    nader_te_bepalen: Literal[True] = Field(
        description='Always true: the source says "nader te bepalen" (to be decided). A fact '
        "it does not give at all is left out instead.",
        examples=[True],
    )

    @field_validator("nader_te_bepalen", mode="before")
    @classmethod
    def _exactly_true(cls, value: object) -> object:
        # A literal True also matches the integer 1 (1 == True): only a boolean will do.
        if value is not True:
            # "true" as TOML writes it, for the message that names what is expected.
            raise PydanticCustomError(
                "literal_error", "Input should be {expected}", {"expected": "true"}
            )
        return value

    def __str__(self) -> str:
        return "nader te bepalen"


UNDETERMINED_TOML = "{ nader_te_bepalen = true }"
"""How a dataset file says that a fact is left open."""
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


Statement = Annotated[
    Annotated[Text, AfterValidator(_not_undetermined_text), Tag(TEXT_TAG)]
    | Annotated[Undetermined, Tag(UNDETERMINED_TAG)],
    Discriminator(_statement_kind),
]
"""A fact in words, or explicitly undetermined. A missing fact is None."""


class School(Table):
    """A cooperating school, with whether it gives vo, mbo or both."""

    name: Text = Field(
        description="The school's name as the source prints it.",
        examples=["Etty Hillesum Lyceum", "ROC Tilburg"],
    )
    types: list[SchoolTypeValue] = Field(
        min_length=1,
        description="Whether the school gives secondary education (vo), mbo, or both.",
        examples=[["vo"], ["vo", "mbo"]],
    )
    note: Text | None = Field(
        default=None,
        description="What the source adds about the school.",
        examples=["verschillende vo scholen en mbo"],
    )
    place: Text | None = Field(
        default=None,
        description="The municipality the school is in: geography the maintainers add and "
        "check, not in the source.",
        examples=["Deventer", "Molenlanden"],
    )


class SchoolStatement(Table):
    """A statement the source makes for one school of the leerlab only."""

    school: Text = Field(
        description="The school it is about: the name of one of the leerlab's schools.",
        examples=["Walewyc-mavo"],
    )
    text: Text = Field(
        description="What the source says for that school.",
        examples=["leerlingen met LO2 als examenvak"],
    )


class Route(Table):
    """A route from vmbo leerwegen to one or more mbo niveaus."""

    # Left out, the leerweg is not stated by the source (the default, never validated);
    # written, it names at least one.
    leerwegen: list[LeerwegValue] = Field(
        default_factory=list,
        min_length=1,
        description="The vmbo leerwegen the route starts from: bb (basis), kb (kader), gl "
        '(gemengd), tl (theoretisch); the source\'s "gt" is ["gl", "tl"]. Left out when the '
        "source does not say.",
        examples=[["bb"], ["gl", "tl"]],
    )
    niveaus: list[Niveau] = Field(
        min_length=1,
        description="The mbo niveaus (1 Entree to 4) the route leads to.",
        examples=[[2], [3, 4]],
    )
    status: RouteStatusValue = Field(
        default=RouteStatus.running,
        description="How far the route is: running, scheduled (with a start), in-development, "
        'or planned for what the source calls "mogelijk later".',
        examples=["running", "planned"],
    )
    start: Start | None = Field(
        default=None,
        # Checked when left out too: a scheduled route needs one.
        validate_default=True,
        description="When the route started or starts, as the source says: a year (2021), a "
        "school year (2019-2020) or a month (2021-09). Required for a scheduled route.",
        examples=["2019", "2019-2020", "2021-09"],
    )
    mbo_leerweg: MboLeerwegValue | None = Field(
        default=None,
        description="The mbo learning pathway, where the source names it: BOL or BBL.",
        examples=["BBL"],
    )
    schools: list[Text] = Field(
        default_factory=list,
        description="The schools that run the route, by name, when not all of the leerlab's.",
        examples=[["Campus 013", "ROC Tilburg"]],
    )

    @field_validator("start")
    @classmethod
    def _scheduled_has_start(cls, start: str | None, info: ValidationInfo) -> str | None:
        # `status` comes before `start`, so it is validated by now (absent if invalid).
        if start is None and info.data.get("status") is RouteStatus.scheduled:
            raise PydanticCustomError("scheduled_without_start", "A scheduled route needs a start")
        return start

    @property
    def counts(self) -> bool:
        """Whether the route runs or has a start: planned routes do not count."""
        return self.status is not RouteStatus.planned


class Contact(Table):
    """A contact person of a leerlab."""

    name: Text = Field(
        description="The person's name, spelled as the source prints it.",
        examples=["Zerin Eralp"],
    )
    email: Email = Field(
        description="The person's e-mail address.", examples=["z.eralp@aventus.nl"]
    )
    organisation: Text | None = Field(
        default=None,
        description="The school or organisation the person works for.",
        examples=["Aventus"],
    )


class Source(Table):
    """Where one leerlab's facts come from, when not from the dataset's own source (`meta`)."""

    title: Text = Field(
        description="The title of the article or publication the leerlab's facts come from.",
        examples=["Doorlopende leerroutes in Zeeland"],
    )
    publisher: Text | None = Field(
        default=None,
        description="Who published it: a magazine, a programme, a school.",
        examples=["STERK Beroepsonderwijs"],
    )
    year: Annotated[int, Field(ge=1900, le=2999)] | None = Field(
        default=None,
        description="The year it was published; give this or the date.",
        examples=[2024],
    )
    date: datetime.date | None = Field(
        default=None,
        description="The day it was published, as a TOML date without quotes: 2024-03-15.",
        examples=["2024-03-15"],
    )
    url: Url | None = Field(
        default=None,
        description="Where to read it: an http or https address.",
        examples=["https://www.sterkberoepsonderwijs.nl/"],
    )


class Leerlab(Table):
    """One regional leerlab: the schools, what they work on, and whom to ask."""

    slug: Slug = Field(
        description="A short unique name for the leerlab: lowercase letters a-z, digits and "
        "single hyphens. Commands take it as the leerlab's name.",
        examples=["apeldoorn", "noord-brabant"],
    )
    name: Text = Field(
        description="The leerlab's name as the source prints it.",
        examples=["Leerlab Apeldoorn"],
    )
    place: Text = Field(
        description="Where the leerlab is: a town or region. Not always the place in its name.",
        examples=["Apeldoorn", "regio Roermond en Weert"],
    )
    provinces: list[ProvinceValue] = Field(
        min_length=1,
        description="The provinces of its schools, of the twelve, spelled as in Dutch: "
        "Drenthe, Flevoland, Friesland (or Fryslân), Gelderland, Groningen, Limburg, "
        "Noord-Brabant, Noord-Holland, Overijssel, Utrecht, Zeeland, Zuid-Holland "
        "(geography the maintainers add; the source does not give them).",
        examples=[["Gelderland"], ["Zuid-Holland", "Utrecht"]],
    )
    schools: list[School] = Field(
        min_length=1,
        description="The cooperating vo and mbo schools, as the source names them.",
        examples=[[{"name": "Aventus", "types": ["mbo"]}]],
    )
    schools_note: Text | None = Field(
        default=None,
        description="What the source adds about the schools as a whole.",
        examples=["in samenwerking met mbo of vo scholen in de regio"],
    )
    sectors: list[Text] = Field(
        default_factory=list,
        description="The sectors or fields the leerlab works in, as the source prints them "
        "(not forced into the vmbo profielen).",
        examples=[["Zorg en Welzijn"]],
    )
    specialisations: list[Text] = Field(
        default_factory=list,
        description="Narrower specialisations within the sectors.",
        examples=[["Melkveehouderij", "Hovenier"]],
    )
    sector_note: Text | None = Field(
        default=None,
        description="What the source adds about the sectors.",
        examples=["Andere routes moeten nog ontwikkeld worden"],
    )
    profielen: list[ProfielValue] = Field(
        default_factory=list,
        description="The official vmbo profielen the source's sector names, as codes; set only "
        "where it names one (an interpretation the maintainers add).",
        examples=[["zw"], ["hbr"]],
    )
    phase: Statement | None = Field(
        default=None,
        description='The source\'s "Fase": how far the leerlab is; { nader_te_bepalen = true } '
        "when the source leaves it open.",
        examples=["pilot gestart in 2019"],
    )
    route_text: Text | None = Field(
        default=None,
        description="The route in the source's own words.",
        examples=["van vmbo basis naar mbo niveau 2"],
    )
    routes: list[Route] = Field(
        default_factory=list,
        description="The routes from vmbo leerwegen to mbo niveaus, from route_text.",
        examples=[[{"leerwegen": ["bb"], "niveaus": [2], "status": "running", "start": "2019"}]],
    )
    route_kinds: list[RouteKindValue] = Field(
        default_factory=list,
        description="The kinds of route, normalised: only doorlopende and geïntegreerde "
        "leerroute are legal categories.",
        examples=[["doorlopende leerroute"]],
    )
    works_on: Statement | None = Field(
        default=None,
        description='The source\'s "Werken aan", in its own words; { nader_te_bepalen = true } '
        "when left open.",
        examples=["geïntegreerde leerroute"],
    )
    design: Statement | None = Field(
        default=None,
        description='The source\'s "Ontwerp van de route"; { nader_te_bepalen = true } when '
        "left open, left out when not given.",
        examples=["veel praktijk en stages"],
    )
    target_group: Statement | None = Field(
        default=None,
        description='The source\'s "Doelgroep"; { nader_te_bepalen = true } when left open.',
        examples=["breed, voor alle leerlingen"],
    )
    target_group_per_school: list[SchoolStatement] = Field(
        default_factory=list,
        description="Target groups the source gives for one school of the leerlab only.",
        examples=[
            [{"school": "Campus 013", "text": "leerlingen met het keuzevak Sport en Leiderschap"}]
        ],
    )
    contacts: list[Contact] = Field(
        default_factory=list,
        description="The contact persons the source names.",
        examples=[
            [{"name": "Zerin Eralp", "email": "z.eralp@aventus.nl", "organisation": "Aventus"}]
        ],
    )
    source: Source | None = Field(
        default=None,
        description="Where this leerlab's facts come from, when that is not the dataset's "
        "source in [meta] (a later article, say); it then takes the place of meta's for "
        "this leerlab.",
        examples=[
            {
                "title": "Doorlopende leerroutes in Zeeland",
                "publisher": "STERK Beroepsonderwijs",
                "year": 2024,
            }
        ],
    )


class Meta(Table):
    """Where the dataset comes from."""

    title: Text = Field(
        description="The title of the source.",
        examples=["Samen op weg: naar een naadloze aansluiting vmbo-mbo"],
    )
    publisher: Text = Field(
        description="Who published the source.", examples=["STERK Beroepsonderwijs"]
    )
    year: Annotated[int, Field(ge=1900, le=2999)] = Field(
        description="The year the source was published.", examples=[2021]
    )
    edition: Text | None = Field(
        default=None,
        description="Which edition or issue of the source.",
        examples=["Digizine voorjaar 2021"],
    )
    introduction: Text | None = Field(
        default=None,
        description="The source's introduction.",
        examples=["Leerlingendaling, lerarentekort en ..."],
    )


class Dataset(Table):
    """A whole dataset file: its source and its leerlabs, in order."""

    meta: Meta = Field(description="Where the dataset comes from: the source.")
    leerlab: list[Leerlab] = Field(
        default_factory=list,
        description="The leerlabs, one [[leerlab]] table each, in the source's order.",
    )


Model = (
    Undetermined | School | SchoolStatement | Route | Contact | Source | Leerlab | Meta | Dataset
)
"""A value of one of the dataset's classes."""
MODELS: tuple[type[Table], ...] = (
    Undetermined,
    School,
    SchoolStatement,
    Route,
    Contact,
    Source,
    Leerlab,
    Meta,
    Dataset,
)
"""The dataset's classes, each a table of the file."""


def field_names(model: type[Table]) -> tuple[str, ...]:
    """The names of the fields of a table of class `model`, in order."""
    return tuple(model.model_fields)


def validate_dataset(document: Mapping[str, Any]) -> Dataset:
    """The dataset a parsed file holds; `pydantic.ValidationError` lists every problem."""
    return Dataset.model_validate(document)


def validate_leerlab(table: object) -> Leerlab:
    """One `[[leerlab]]` table as a `Leerlab`; `pydantic.ValidationError` if it is not one."""
    return Leerlab.model_validate(table)


def as_data(value: Leerlab | Meta, *, exclude_none: bool = False) -> dict[str, Any]:
    """A leerlab or the meta as JSON-ready data: dicts, lists, strings, numbers, booleans."""
    return value.model_dump(mode="json", exclude_none=exclude_none)
