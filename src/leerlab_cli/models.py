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


# The one exception to strict types: a file names a vocabulary's member by its
# string, which is looked up (and must be one of the values).
_Leerweg = Annotated[Leerweg, Strict(False)]
_SchoolType = Annotated[SchoolType, Strict(False)]
_MboLeerweg = Annotated[MboLeerweg, Strict(False)]
_RouteStatus = Annotated[RouteStatus, Strict(False)]
_RouteKind = Annotated[RouteKind, Strict(False)]


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

    nader_te_bepalen: Annotated[Literal[True], BeforeValidator(_exactly_true)]

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

    name: Text
    types: Annotated[list[_SchoolType], Field(min_length=1)]
    note: Text | None = None


class SchoolStatement(_Model):
    """A statement the source makes for one school of the leerlab only."""

    school: Text
    text: Text


class Route(_Model):
    """A route from one or more vmbo leerwegen to one or more mbo niveaus."""

    leerwegen: Annotated[list[_Leerweg], Field(min_length=1)]
    niveaus: Annotated[list[Niveau], Field(min_length=1)]
    status: _RouteStatus = RouteStatus.running
    start: Start | None = None
    mbo_leerweg: _MboLeerweg | None = None
    schools: list[Text] = []

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

    name: Text
    email: Email
    organisation: Text | None = None


class Leerlab(_Model):
    """One regional leerlab: the schools, what they work on, and whom to ask."""

    slug: Slug
    name: Text
    place: Text
    provinces: Annotated[list[Text], Field(min_length=1)]
    schools: Annotated[list[School], Field(min_length=1)]
    schools_note: Text | None = None
    sectors: list[Text] = []
    specialisations: list[Text] = []
    sector_note: Text | None = None
    phase: Statement | None = None
    route_text: Text | None = None
    routes: list[Route] = []
    route_kinds: list[_RouteKind] = []
    works_on: Statement | None = None
    design: Statement | None = None
    target_group: Statement | None = None
    target_group_per_school: list[SchoolStatement] = []
    contacts: list[Contact] = []


class Meta(_Model):
    """Where the dataset comes from."""

    title: Text
    publisher: Text
    year: Annotated[int, Field(ge=1900, le=2999)]
    edition: Text | None = None
    introduction: Text | None = None


class Dataset(_Model):
    """A whole dataset file: its source and its leerlabs, in order."""

    meta: Meta
    leerlab: list[Leerlab] = []
