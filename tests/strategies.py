"""Hypothesis strategies: generated leerlabs and datasets, and the fuzzers' inputs."""

from __future__ import annotations

import copy
import unicodedata
from datetime import UTC
from typing import Any

from hypothesis import strategies as st

from helpers import BIDI_CONTROLS, LAB, META, make_lab
from leerlab_cli.core.models import (
    LEERWEG_NAMES,
    Dataset,
    Leerlab,
    MboLeerweg,
    Province,
    RouteKind,
    RouteStatus,
    SchoolType,
    validate_leerlab,
)
from leerlab_cli.files.dataset import shipped_path, validate_document

SHIPPED = shipped_path().read_bytes()
"""The bytes of the shipped dataset, which the fuzzers cut and mutate."""
META_TOML = b'[meta]\ntitle = "t"\npublisher = "p"\nyear = 2021\n'
"""A valid `[meta]` table, for documents that get past it."""


# --- Whole datasets, every field generated (the export formats) ---------------------------

_TEXT = st.text(
    st.one_of(
        st.sampled_from("|\\`*_<>&#-+=!~[]$()1.:;, \"'\n\t"),
        st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_CONTROLS),
    ),
    min_size=1,
    max_size=12,
)
_STATEMENT = st.one_of(st.none(), _TEXT, st.just({"nader_te_bepalen": True}))
_EMAIL = st.from_regex(r"[a-z0-9._%+-]{1,8}@[a-z0-9]{1,8}\.[a-z]{2,4}", fullmatch=True)
_SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def _optional(value: Any) -> Any:
    return st.one_of(st.none(), value)


def _scheduled_with_start(route: dict[str, Any]) -> dict[str, Any]:
    # A scheduled route must say when it starts.
    if route.get("status") == RouteStatus.scheduled:
        return {"start": "2022-09", **route}
    return route


def _without_none(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if value is not None}


@st.composite
def _leerlabs(draw: st.DrawFn, slug: str) -> dict[str, Any]:
    schools = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": _TEXT,
                    "types": st.lists(st.sampled_from(list(SchoolType)), min_size=1, max_size=2),
                    "note": _optional(_TEXT),
                }
            ),
            min_size=1,
            max_size=3,
        )
    )
    names = [school["name"] for school in schools]
    route = (
        st.fixed_dictionaries(
            {
                "leerwegen": st.lists(st.sampled_from(list(LEERWEG_NAMES)), min_size=1, max_size=3),
                "niveaus": st.lists(st.integers(1, 4), min_size=1, max_size=3),
                "status": st.sampled_from(list(RouteStatus)),
                "start": _optional(st.sampled_from(["2019", "2019-2020", "2021-09"])),
                "mbo_leerweg": _optional(st.sampled_from(list(MboLeerweg))),
                "schools": st.lists(st.sampled_from(names), max_size=2),
            }
        )
        .map(_without_none)
        .map(_scheduled_with_start)
    )
    lab = {
        "slug": slug,
        "name": draw(_TEXT),
        "place": draw(_TEXT),
        "provinces": draw(st.lists(st.sampled_from(list(Province)), min_size=1, max_size=2)),
        "schools": [_without_none(school) for school in schools],
        "schools_note": draw(_optional(_TEXT)),
        "sectors": draw(st.lists(_TEXT, max_size=2)),
        "specialisations": draw(st.lists(_TEXT, max_size=2)),
        "sector_note": draw(_optional(_TEXT)),
        "phase": draw(_STATEMENT),
        "route_text": draw(_optional(_TEXT)),
        "routes": draw(st.lists(route, max_size=2)),
        "route_kinds": draw(st.lists(st.sampled_from(list(RouteKind)), max_size=2)),
        "works_on": draw(_STATEMENT),
        "design": draw(_STATEMENT),
        "target_group": draw(_STATEMENT),
        "target_group_per_school": draw(
            st.lists(st.fixed_dictionaries({"school": st.sampled_from(names), "text": _TEXT}))
        ),
        "contacts": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"name": _TEXT, "email": _EMAIL, "organisation": _optional(_TEXT)}
                ).map(_without_none),
                max_size=2,
            )
        ),
    }
    return _without_none(lab)


@st.composite
def generated_datasets(draw: st.DrawFn) -> Dataset:
    meta = {
        "title": draw(_TEXT),
        "publisher": draw(_TEXT),
        "year": draw(st.integers(1900, 2999)),
        "edition": draw(_optional(_TEXT)),
        "introduction": draw(_optional(_TEXT)),
    }
    slugs = draw(st.lists(_SLUG, max_size=4, unique=True))
    labs = [draw(_leerlabs(slug)) for slug in slugs]
    return validate_document({"meta": _without_none(meta), "leerlab": labs}, "generated")


# --- Leerlabs whose texts split rows and cells (the line-based formats) ---------------------

# Values with everything that could split a row or a cell, or open markup.
PIECES = ["\t", "\n", "\u2028", '"', ",", ";", "|", "\\", "`", "*", "<b>", "&amp;", "# "]
_values = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(
            st.characters(
                exclude_categories=("Cc", "Cs"),
                exclude_characters=BIDI_CONTROLS,
            ),
            min_size=1,
            max_size=8,
        ),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@st.composite
def leerlabs(draw: st.DrawFn) -> list[Leerlab]:
    """One to three leerlabs whose texts are generated values."""
    labs = []
    for number in range(draw(st.integers(1, 3))):
        lab = make_lab(
            slug=f"lab-{number}",
            name=draw(_values),
            sectors=draw(st.lists(_values, max_size=2)),
            phase=draw(_values),
            contacts=[
                {"name": draw(_values), "email": "a@b.nl", "organisation": draw(_values)}
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        labs.append(validate_leerlab(lab))
    return labs


# --- The fuzzers' inputs ------------------------------------------------------------------

# Random bytes: mostly not UTF-8 or not TOML; text that hypothesis encodes with lone
# surrogates is invalid UTF-8 in places a decoder has to notice.
random_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200).map(lambda tail: META_TOML + tail),
)


# Text for a dataset's fields: anything hypothesis likes, and pieces that mean
# something to a terminal, rich, Markdown, CSV or a spreadsheet. `safe_texts` keeps
# to what the model allows, so that such datasets load and reach the output.
MARKUP = [
    "[bold]",
    "[/]",
    "[link=https://x.example]klik[/link]",
    ":smile:",
    "|",
    "\\",
    "`",
    "*",
    "_",
    "<b>vet</b>",
    "&amp;",
    '"',
    ",",
    ";",
    "\t",
    "\n",
    "\u2028",
    "=1+1",
    "ë",
]
CONTROLS = ["\x1b[31m", "\r\n", "\x00", "\x85", "\u202e", "\u2066"]
texts = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(MARKUP + CONTROLS)), min_size=1, max_size=5
).map("".join)
allowed_characters = st.characters(
    exclude_categories=("Cc", "Cs"),
    exclude_characters=BIDI_CONTROLS,
    include_characters="\t\n",
)
safe_texts = st.lists(
    st.one_of(st.text(allowed_characters, min_size=1, max_size=12), st.sampled_from(MARKUP)),
    min_size=1,
    max_size=4,
).map("".join)
toml_scalars = st.one_of(
    texts,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.dates(),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
random_documents = st.dictionaries(
    st.one_of(st.text(max_size=8), st.sampled_from(["meta", "leerlab"])), toml_values, max_size=5
)
routes = st.fixed_dictionaries(
    {
        "leerwegen": st.lists(st.sampled_from(["bb", "kb", "gl", "tl", "gt"]), min_size=1),
        "niveaus": st.lists(st.integers(0, 5), min_size=1, max_size=4),
    },
    optional={
        "status": st.sampled_from(["running", "scheduled", "in-development", "planned", "x"]),
        "start": safe_texts,
        "mbo_leerweg": st.sampled_from(["BOL", "BBL", "bol"]),
        "schools": st.lists(st.sampled_from(["Testcollege", "ROC Test", "Elders"]), max_size=2),
    },
)
schools = st.fixed_dictionaries(
    {
        "name": st.one_of(st.sampled_from(["Testcollege", "ROC Test"]), safe_texts),
        "types": st.lists(st.sampled_from(["vo", "mbo", "hbo"]), min_size=1, max_size=2),
    },
    optional={"note": safe_texts},
)
contacts = st.fixed_dictionaries(
    {
        "name": safe_texts,
        "email": st.sampled_from(["a@b.nl", "x.y+z@sub.example.org", "not-an-address", "a@b"]),
    },
    optional={"organisation": safe_texts},
)
undetermined = st.just({"nader_te_bepalen": True})
FITTING_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "provinces": st.lists(safe_texts, max_size=3),
    "sectors": st.lists(safe_texts, max_size=3),
    "specialisations": st.lists(safe_texts, max_size=3),
    "schools": st.lists(schools, min_size=1, max_size=3),
    "routes": st.lists(routes, max_size=3),
    "route_kinds": st.lists(st.sampled_from([kind.value for kind in RouteKind]), max_size=2),
    "contacts": st.lists(contacts, max_size=3),
    "phase": st.one_of(safe_texts, undetermined),
    "works_on": st.one_of(safe_texts, undetermined),
    "design": st.one_of(safe_texts, undetermined),
    "target_group": st.one_of(safe_texts, undetermined),
    "target_group_per_school": st.lists(
        st.fixed_dictionaries({"school": st.just("ROC Test"), "text": safe_texts}), max_size=2
    ),
}
LAB_FIELDS = [*LAB, "schools_note", "sector_note", "specialisations", "target_group_per_school"]


@st.composite
def lab_changes(draw: st.DrawFn) -> dict[str, Any]:
    """New values for a few of a leerlab's fields: mostly fitting ones, sometimes anything."""
    changes: dict[str, Any] = {}
    for field in draw(st.lists(st.sampled_from(LAB_FIELDS), max_size=4, unique=True)):
        fitting = FITTING_VALUES.get(field, safe_texts)
        changes[field] = draw(st.one_of(fitting, fitting, fitting, texts, toml_values))
    return changes


@st.composite
def dataset_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A dataset close to valid: a few leerlabs with some fields replaced, added or dropped."""
    labs = []
    for number in range(draw(st.integers(0, 3))):
        lab = make_lab(slug=draw(st.sampled_from([f"lab-{number}", "lab-0", "Lab X", "x"])))
        lab.update(draw(lab_changes()))
        for field in draw(st.lists(st.sampled_from(list(LAB)), max_size=2)):
            lab.pop(field, None)
        labs.append(lab)
    meta = copy.deepcopy(META)
    for field in draw(st.lists(st.sampled_from([*META, "edition", "colour"]), max_size=2)):
        meta[field] = draw(st.one_of(safe_texts, safe_texts, st.integers(1800, 3100), toml_values))
    return {"meta": meta, "leerlab": labs}


# Bytes that matter to TOML, to UTF-8 and to a terminal are tried more often than others.
interesting_bytes = st.one_of(
    st.integers(0, 255), st.sampled_from(list(b"\"'[]{}=,.#\\\n\t \x00\x1b\x7f\xc3\xff"))
)


@st.composite
def mutated_shipped(draw: st.DrawFn) -> bytes:
    """The shipped dataset with a few bytes replaced, inserted or deleted."""
    data = bytearray(SHIPPED)
    random = draw(st.randoms(use_true_random=False))
    for _ in range(draw(st.integers(1, 6))):
        position = random.randrange(len(data))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        if action == "delete":
            del data[position]
        elif action == "insert":
            data.insert(position, draw(interesting_bytes))
        else:
            data[position] = draw(interesting_bytes)
    return bytes(data)


# --- Spellings of one text (the folding of the filters, `show` and completion) -------------

_ACCENTS = ["", "", "\u0301", "\u0308", "\u0300", "\u0302"]
"""Combining acute, diaeresis, grave and circumflex: é, ë, è, ê once composed."""
SEPARATORS = [" ", "  ", "-", " - ", ", ", ",", ".", "/", "_", "", "\t", "'", "(", ")"]
"""What people type between the words of one name: folding ignores each."""


_WORD = st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=8)
names = st.lists(st.one_of(_WORD.map("".join), st.just("en")), min_size=1, max_size=4)
"""The words of a name, in lower case without accents; ``en`` may be written ``&``."""


@st.composite
def spellings(draw: st.DrawFn, words: list[str]) -> str:
    """One way to type `words`: any case, accents, separators, and ``&`` for ``en``."""
    typed = []
    for word in words:
        if word == "en" and draw(st.booleans()):
            typed.append("&")
            continue
        letters = []
        for char in word:
            if char.isalpha():
                accent = draw(st.sampled_from(_ACCENTS))
                char = char.upper() if draw(st.booleans()) else char
                char = unicodedata.normalize("NFC", char + accent)
            letters.append(char)
        typed.append("".join(letters))
    separated = typed[0]
    for word in typed[1:]:
        separated += draw(st.sampled_from(SEPARATORS)) + word
    return draw(st.sampled_from(SEPARATORS[:3])) * draw(st.booleans()) + separated
