"""The overview rows and leerlab sections of the HTML page, which formats/html.py writes
with one escape per row or section: the same as Jinja2's autoescaping of each value.

The reference is the part of the template that laid them out before, value by value.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from helpers import WriteDataset, make_lab
from leerlab_cli.dataset import load
from leerlab_cli.formats import (
    interface_wording,
    lab_sections,
    route_label,
    sector_summary,
    statement_text,
)
from leerlab_cli.formats.html import escape_all, escaped_labels, lab_section, overview_row
from leerlab_cli.models import Contact, Leerlab
from strategies import leerlabs

_REFERENCE = jinja2.Environment(
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
)
ROW = _REFERENCE.from_string(
    '<tr><th scope="row">{% if linked %}<a href="#{{ slug }}">{{ name }}</a>{% else %}'
    "{{ name }}{% endif %}</th><td>{{ sector }}</td><td>{% if routes %}<ul>"
    "{% for route in routes %}<li>{{ route }}</li>{% endfor %}</ul>{% endif %}</td>"
    "<td>{{ phase }}</td></tr>"
)
SECTION = _REFERENCE.from_string(
    """<section id="{{ slug }}" class="leerlab" aria-labelledby="{{ slug }}_name">
<h3 id="{{ slug }}_name">{{ name }}</h3>
<dl>
{% for label, values in sections %}
<dt>{{ label }}</dt>
{% if values|length == 1 %}
<dd>{{ values[0] }}</dd>
{% else %}
<dd><ul>{% for value in values %}<li>{{ value }}</li>{% endfor %}</ul></dd>
{% endif %}
{% endfor %}
</dl>
</section>"""
)
HOSTILE = "<script>alert(1)</script> \"x\" & 'y' &amp; {{ 7*7 }}"


def reference_contact(contact: Contact) -> Markup:
    from urllib.parse import quote

    link = Markup('<a href="mailto:{address}">{name}</a>').format(
        address=quote(contact.email, safe="@"), name=contact.name
    )
    if contact.organisation is None:
        return link
    return Markup("{link} ({organisation})").format(link=link, organisation=contact.organisation)


def assert_as_autoescaped(labs: list[Leerlab]) -> None:
    wording = interface_wording()
    labels = escaped_labels()
    for lab in labs:
        sections = lab_sections(lab, contact=reference_contact)
        assert lab_section(lab, wording, labels) == SECTION.render(
            slug=lab.slug, name=lab.name, sections=sections
        )
        for linked in (True, False):
            assert overview_row(lab, wording, linked=linked) == ROW.render(
                linked=linked,
                slug=lab.slug,
                name=lab.name,
                sector=sector_summary(lab, wording),
                routes=[
                    f"{route_label(route)} ({wording.statuses[route.status]})"
                    for route in lab.routes
                ],
                phase=statement_text(lab.phase, wording.not_given),
            )


def test_the_shipped_leerlabs_as_autoescaped(shipped: Path) -> None:
    assert_as_autoescaped(list(load(shipped).leerlab))


def test_hostile_text_in_every_fact_as_autoescaped(write_dataset: WriteDataset) -> None:
    lab = make_lab(
        name=HOSTILE,
        place=HOSTILE,
        schools=[{"name": HOSTILE, "types": ["vo"], "place": HOSTILE, "note": HOSTILE}],
        schools_note=HOSTILE,
        sectors=[HOSTILE, HOSTILE],
        specialisations=[HOSTILE],
        sector_note=HOSTILE,
        phase=HOSTILE,
        route_text=HOSTILE,
        routes=[
            {"leerwegen": ["bb"], "niveaus": [2], "schools": [HOSTILE]},
            {"leerwegen": ["kb"], "niveaus": [3], "status": "planned"},
        ],
        works_on=HOSTILE,
        design=HOSTILE,
        target_group=HOSTILE,
        target_group_per_school=[{"school": HOSTILE, "text": HOSTILE}],
        contacts=[
            {"name": HOSTILE, "email": "piet@test.nl", "organisation": HOSTILE},
            {"name": HOSTILE, "email": "jan@test.nl"},
        ],
    )
    labs = list(load(write_dataset(lab, make_lab(slug="no-contacts", contacts=[]))).leerlab)
    assert_as_autoescaped(labs)
    assert "<script>" not in lab_section(labs[0], interface_wording(), escaped_labels())


@given(labs=leerlabs())
def test_generated_leerlabs_as_autoescaped(labs: list[Leerlab]) -> None:
    assert_as_autoescaped(labs)


@given(texts=st.lists(st.text(alphabet=st.sampled_from("ab<>&'\"\x00 é→"))))
def test_escape_all_escapes_each_text_as_markupsafe(texts: list[str]) -> None:
    # The separator in a text, which the model does not allow, is escaped all the same.
    assert escape_all(texts) == [str(escape(text)) for text in texts]
