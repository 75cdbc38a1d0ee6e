"""The dataset format: frozen dataclasses, the closed vocabularies they use, and how
pydantic-core validates a file into them.

Every field says in its metadata how it is validated (a pydantic-core schema), what
it means and an example. `_class_schema` turns a class's fields into the schema that
validates a table into the class; `validate_dataset` and `dataset_from_json` (the
cache) check whole files with them, and `leerlab schema` makes the JSON Schema from
the same schemas. Dataclasses and pydantic-core's schema builders rather than
pydantic models: defining pydantic models and generating their validators costs
more than everything else a command does (about 30 ms on every call of the tool),
and these are the schemas pydantic would generate for such models.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal

from pydantic_core import PydanticCustomError, SchemaSerializer, SchemaValidator, core_schema

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


# Strict types: TOML has its own integers, strings and booleans, so a value of
# another type is a mistake in the file (`niveaus = [true]`, `year = 2021.0`), not
# something to convert. Only the vocabularies are looked up from their strings.
TEXT = core_schema.str_schema(pattern=CONTROL_PATTERN, min_length=1, strict=True)
"""Text as people read it: never empty, never a terminal control character."""
SLUG = core_schema.str_schema(pattern=SLUG_PATTERN, max_length=64, strict=True)
EMAIL = core_schema.str_schema(pattern=EMAIL_PATTERN, max_length=254, strict=True)
START = core_schema.str_schema(pattern=START_PATTERN, strict=True)
NIVEAU = core_schema.int_schema(ge=1, le=4, strict=True)


def _list(items: core_schema.CoreSchema, min_length: int | None = None) -> core_schema.CoreSchema:
    return core_schema.list_schema(items, min_length=min_length, strict=True)


def _optional(schema: core_schema.CoreSchema) -> core_schema.CoreSchema:
    return core_schema.nullable_schema(schema)


def _ref(name: str) -> core_schema.CoreSchema:
    # A class or vocabulary by name: each is defined once, in `_DEFINITIONS`.
    return core_schema.definition_reference_schema(name)


def _about(schema: core_schema.CoreSchema, description: str, *examples: object) -> dict[str, Any]:
    """A field's metadata: how it is validated, what it means, and examples."""
    return {"schema": schema, "description": description, "examples": list(examples)}


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

VOCABULARIES: tuple[type[StrEnum], ...] = (
    Leerweg,
    SchoolType,
    MboLeerweg,
    RouteStatus,
    RouteKind,
    Profiel,
)
"""The closed vocabularies: a file names a member by its value."""


def _exactly_true(value: object) -> object:
    # A literal True also matches the integer 1 (1 == True): only a boolean will do.
    if value is not True:
        # "true" as TOML writes it, for the message that names what is expected.
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": "true"}
        )
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Undetermined:
    """A fact the source explicitly leaves open: "nader te bepalen"."""

    nader_te_bepalen: Literal[True] = field(
        metadata=_about(
            core_schema.no_info_before_validator_function(
                _exactly_true, core_schema.literal_schema([True])
            ),
            'Always true: the source says "nader te bepalen" (to be decided). A fact it does '
            "not give at all is left out instead.",
            True,
        )
    )

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


STATEMENT = core_schema.tagged_union_schema(
    {
        TEXT_TAG: core_schema.no_info_after_validator_function(_not_undetermined_text, TEXT),
        UNDETERMINED_TAG: _ref("Undetermined"),
    },
    discriminator=_statement_kind,
)
"""A fact in words, or explicitly undetermined. A missing fact is None."""

Statement = str | Undetermined


@dataclass(frozen=True, slots=True, kw_only=True)
class School:
    """A cooperating school, with whether it gives vo, mbo or both."""

    name: str = field(
        metadata=_about(
            TEXT,
            "The school's name as the source prints it.",
            "Etty Hillesum Lyceum",
            "ROC Tilburg",
        )
    )
    types: list[SchoolType] = field(
        metadata=_about(
            _list(_ref("SchoolType"), min_length=1),
            "Whether the school gives secondary education (vo), mbo, or both.",
            ["vo"],
            ["vo", "mbo"],
        )
    )
    note: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "What the source adds about the school.",
            "verschillende vo scholen en mbo",
        ),
    )
    place: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "The municipality the school is in: geography the maintainers add and check, "
            "not in the source.",
            "Deventer",
            "Molenlanden",
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SchoolStatement:
    """A statement the source makes for one school of the leerlab only."""

    school: str = field(
        metadata=_about(
            TEXT,
            "The school it is about: the name of one of the leerlab's schools.",
            "Walewyc-mavo",
        )
    )
    text: str = field(
        metadata=_about(
            TEXT, "What the source says for that school.", "leerlingen met LO2 als examenvak"
        )
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Route:
    """A route from vmbo leerwegen to one or more mbo niveaus."""

    # Left out, the leerweg is not stated by the source (the default, never validated);
    # written, it names at least one.
    leerwegen: list[Leerweg] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("Leerweg"), min_length=1),
            "The vmbo leerwegen the route starts from: bb (basis), kb (kader), gl (gemengd), "
            'tl (theoretisch); the source\'s "gt" is ["gl", "tl"]. Left out when the source '
            "does not say.",
            ["bb"],
            ["gl", "tl"],
        ),
    )
    niveaus: list[int] = field(
        metadata=_about(
            _list(NIVEAU, min_length=1),
            "The mbo niveaus (1 Entree to 4) the route leads to.",
            [2],
            [3, 4],
        ),
    )
    status: RouteStatus = field(
        default=RouteStatus.running,
        metadata=_about(
            _ref("RouteStatus"),
            "How far the route is: running, scheduled (with a start), in-development, or "
            'planned for what the source calls "mogelijk later".',
            "running",
            "planned",
        ),
    )
    start: str | None = field(
        default=None,
        metadata=_about(
            _optional(START),
            "When the route started or starts, as the source says: a year (2021), a school "
            "year (2019-2020) or a month (2021-09). Required for a scheduled route.",
            "2019",
            "2019-2020",
            "2021-09",
        ),
    )
    mbo_leerweg: MboLeerweg | None = field(
        default=None,
        metadata=_about(
            _optional(_ref("MboLeerweg")),
            "The mbo learning pathway, where the source names it: BOL or BBL.",
            "BBL",
        ),
    )
    schools: list[str] = field(
        default_factory=list,
        metadata=_about(
            _list(TEXT),
            "The schools that run the route, by name, when not all of the leerlab's.",
            ["Campus 013", "ROC Tilburg"],
        ),
    )

    @property
    def counts(self) -> bool:
        """Whether the route runs or has a start: planned routes do not count."""
        return self.status is not RouteStatus.planned


def _scheduled_has_start(route: Route) -> Route:
    if route.status is RouteStatus.scheduled and route.start is None:
        raise PydanticCustomError("scheduled_without_start", "A scheduled route needs a start")
    return route


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A contact person of a leerlab."""

    name: str = field(
        metadata=_about(TEXT, "The person's name, spelled as the source prints it.", "Zerin Eralp")
    )
    email: str = field(metadata=_about(EMAIL, "The person's e-mail address.", "z.eralp@aventus.nl"))
    organisation: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT), "The school or organisation the person works for.", "Aventus"
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Leerlab:
    """One regional leerlab: the schools, what they work on, and whom to ask."""

    slug: str = field(
        metadata=_about(
            SLUG,
            "A short unique name for the leerlab: lowercase letters a-z, digits and single "
            "hyphens. Commands take it as the leerlab's name.",
            "apeldoorn",
            "noord-brabant",
        )
    )
    name: str = field(
        metadata=_about(TEXT, "The leerlab's name as the source prints it.", "Leerlab Apeldoorn")
    )
    place: str = field(
        metadata=_about(
            TEXT,
            "Where the leerlab is: a town or region. Not always the place in its name.",
            "Apeldoorn",
            "regio Roermond en Weert",
        )
    )
    provinces: list[str] = field(
        metadata=_about(
            _list(TEXT, min_length=1),
            "The provinces of its schools (geography the maintainers add; the source does not"
            " give them).",
            ["Gelderland"],
            ["Zuid-Holland", "Utrecht"],
        )
    )
    schools: list[School] = field(
        metadata=_about(
            _list(_ref("School"), min_length=1),
            "The cooperating vo and mbo schools, as the source names them.",
            [{"name": "Aventus", "types": ["mbo"]}],
        )
    )
    schools_note: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "What the source adds about the schools as a whole.",
            "in samenwerking met mbo of vo scholen in de regio",
        ),
    )
    sectors: list[str] = field(
        default_factory=list,
        metadata=_about(
            _list(TEXT),
            "The sectors or fields the leerlab works in, as the source prints them (not "
            "forced into the vmbo profielen).",
            ["Zorg en Welzijn"],
        ),
    )
    specialisations: list[str] = field(
        default_factory=list,
        metadata=_about(
            _list(TEXT),
            "Narrower specialisations within the sectors.",
            ["Melkveehouderij", "Hovenier"],
        ),
    )
    sector_note: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "What the source adds about the sectors.",
            "Andere routes moeten nog ontwikkeld worden",
        ),
    )
    profielen: list[Profiel] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("Profiel")),
            "The official vmbo profielen the source's sector names, as codes; set only where "
            "it names one (an interpretation the maintainers add).",
            ["zw"],
            ["hbr"],
        ),
    )
    phase: Statement | None = field(
        default=None,
        metadata=_about(
            _optional(STATEMENT),
            'The source\'s "Fase": how far the leerlab is; { nader_te_bepalen = true } when '
            "the source leaves it open.",
            "pilot gestart in 2019",
        ),
    )
    route_text: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "The route in the source's own words.",
            "van vmbo basis naar mbo niveau 2",
        ),
    )
    routes: list[Route] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("Route")),
            "The routes from vmbo leerwegen to mbo niveaus, from route_text.",
            [{"leerwegen": ["bb"], "niveaus": [2], "status": "running", "start": "2019"}],
        ),
    )
    route_kinds: list[RouteKind] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("RouteKind")),
            "The kinds of route, normalised: only doorlopende and geïntegreerde leerroute are"
            " legal categories.",
            ["doorlopende leerroute"],
        ),
    )
    works_on: Statement | None = field(
        default=None,
        metadata=_about(
            _optional(STATEMENT),
            'The source\'s "Werken aan", in its own words; { nader_te_bepalen = true } when '
            "left open.",
            "geïntegreerde leerroute",
        ),
    )
    design: Statement | None = field(
        default=None,
        metadata=_about(
            _optional(STATEMENT),
            'The source\'s "Ontwerp van de route"; { nader_te_bepalen = true } when left open,'
            " left out when not given.",
            "veel praktijk en stages",
        ),
    )
    target_group: Statement | None = field(
        default=None,
        metadata=_about(
            _optional(STATEMENT),
            'The source\'s "Doelgroep"; { nader_te_bepalen = true } when left open.',
            "breed, voor alle leerlingen",
        ),
    )
    target_group_per_school: list[SchoolStatement] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("SchoolStatement")),
            "Target groups the source gives for one school of the leerlab only.",
            [{"school": "Campus 013", "text": "leerlingen met het keuzevak Sport en Leiderschap"}],
        ),
    )
    contacts: list[Contact] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("Contact")),
            "The contact persons the source names.",
            [{"name": "Zerin Eralp", "email": "z.eralp@aventus.nl", "organisation": "Aventus"}],
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """Where the dataset comes from."""

    title: str = field(
        metadata=_about(
            TEXT,
            "The title of the source.",
            "Samen op weg: naar een naadloze aansluiting vmbo-mbo",
        )
    )
    publisher: str = field(
        metadata=_about(TEXT, "Who published the source.", "STERK Beroepsonderwijs")
    )
    year: int = field(
        metadata=_about(
            core_schema.int_schema(ge=1900, le=2999, strict=True),
            "The year the source was published.",
            2021,
        )
    )
    edition: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT), "Which edition or issue of the source.", "Digizine voorjaar 2021"
        ),
    )
    introduction: str | None = field(
        default=None,
        metadata=_about(
            _optional(TEXT),
            "The source's introduction.",
            "Leerlingendaling, lerarentekort en ...",
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset:
    """A whole dataset file: its source and its leerlabs, in order."""

    meta: Meta = field(metadata=_about(_ref("Meta"), "Where the dataset comes from: the source."))
    leerlab: list[Leerlab] = field(
        default_factory=list,
        metadata=_about(
            _list(_ref("Leerlab")),
            "The leerlabs, one [[leerlab]] table each, in the source's order.",
        ),
    )


Model = Undetermined | School | SchoolStatement | Route | Contact | Leerlab | Meta | Dataset
"""A value of one of the dataset's classes."""
MODELS: tuple[type[Model], ...] = (
    Undetermined,
    School,
    SchoolStatement,
    Route,
    Contact,
    Leerlab,
    Meta,
    Dataset,
)
"""The dataset's classes, each a table of the file."""
_FIELD_NAMES = {model: tuple(item.name for item in fields(model)) for model in MODELS}
_AFTER: dict[type[Model], Callable[[Any], Any]] = {Route: _scheduled_has_start}
"""What is checked of a whole table once its fields are valid."""


def field_names(model: type[Model]) -> tuple[str, ...]:
    """The names of the fields of a table of class `model`, in order."""
    return _FIELD_NAMES[model]


def _field_schema(item: Any) -> core_schema.CoreSchema:
    schema: core_schema.CoreSchema = item.metadata["schema"]
    if item.default is not MISSING:
        return core_schema.with_default_schema(schema, default=item.default)
    if item.default_factory is not MISSING:
        # A new list for each table: a shared default would be copied every time.
        return core_schema.with_default_schema(schema, default_factory=item.default_factory)
    return schema


def _class_schema(model: type[Model]) -> core_schema.CoreSchema:
    """The schema that validates a table (a dict, or JSON's object) into `model`."""
    arguments = core_schema.dataclass_args_schema(
        model.__name__,
        [core_schema.dataclass_field(item.name, _field_schema(item)) for item in fields(model)],
        extra_behavior="forbid",
    )
    config = core_schema.CoreConfig(title=model.__name__, extra_fields_behavior="forbid")
    schema: core_schema.DataclassSchema | core_schema.AfterValidatorFunctionSchema
    schema = core_schema.dataclass_schema(
        model, arguments, list(field_names(model)), slots=True, frozen=True, config=config
    )
    after = _AFTER.get(model)
    if after is not None:
        schema = core_schema.no_info_after_validator_function(after, schema)
    schema["ref"] = model.__name__
    return schema


def _vocabulary_schema(vocabulary: type[StrEnum]) -> core_schema.CoreSchema:
    # Not strict: a file names a member by its string, which must be one of the values.
    return core_schema.enum_schema(
        vocabulary,
        list(vocabulary),
        sub_type="str",
        strict=False,
        ref=vocabulary.__name__,
    )


def schema_of(model: type[Model]) -> core_schema.CoreSchema:
    """The whole pydantic-core schema of a table of class `model`, with what it refers to."""
    return _schema_named(model.__name__)


def _schema_named(name: str) -> core_schema.CoreSchema:
    definitions = [_class_schema(each) for each in MODELS]
    definitions += [_vocabulary_schema(each) for each in VOCABULARIES]
    return core_schema.definitions_schema(_ref(name), definitions)


# Built when first used, by class name: a command that validates nothing builds none.
@functools.cache
def _validator(name: str) -> SchemaValidator:
    return SchemaValidator(_schema_named(name))


@functools.cache
def _serializer(name: str) -> SchemaSerializer:
    return SchemaSerializer(_schema_named(name))


def validate_dataset(document: Mapping[str, Any]) -> Dataset:
    """The dataset a parsed file holds; `pydantic_core.ValidationError` lists every problem."""
    dataset: Dataset = _validator("Dataset").validate_python(document)
    return dataset


def validate_leerlab(table: object) -> Leerlab:
    """One `[[leerlab]]` table as a `Leerlab`; `pydantic_core.ValidationError` if it is not one."""
    lab: Leerlab = _validator("Leerlab").validate_python(table)
    return lab


def dataset_from_json(data: bytes) -> Dataset:
    """A dataset written by `dataset_json`, validated again as a file is."""
    dataset: Dataset = _validator("Dataset").validate_json(data)
    return dataset


def dataset_json(dataset: Dataset) -> bytes:
    """`dataset` as compact JSON bytes that `dataset_from_json` reads back to an equal dataset.

    Defaults are left out as a file leaves them out: a default that validation never
    sees (a route's unstated leerwegen, []) would not validate when read back.
    """
    return _serializer("Dataset").to_json(dataset, exclude_defaults=True)


def as_data(value: Leerlab | Meta, *, exclude_none: bool = False) -> dict[str, Any]:
    """A leerlab or the meta as JSON-ready data: dicts, lists, strings, numbers, booleans."""
    data: dict[str, Any] = _serializer(type(value).__name__).to_python(
        value, mode="json", exclude_none=exclude_none
    )
    return data
