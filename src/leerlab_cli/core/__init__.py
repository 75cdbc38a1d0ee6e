"""The core: what a leerlab is and what may be said of it, with no input, output or wording.

Here belong the pydantic models and their vocabularies (models.py, words.py), the
rules of a dataset (rules.py) and finding every problem of a parsed file
(problems.py, positions.py), selecting leerlabs (query.py), route coverage,
contacts, the diff between editions, completion candidates, the JSON Schemas and
the exception tree. Every function is pure: it takes values and returns values or
raises. The core imports nothing of leerlab's other layers (files, formats, cli)
and no wording (i18n): a person's words are made from its values in formats/.
Add a validity rule to models.py (one table) or rules.py (across tables), a filter
to query.py.
"""
