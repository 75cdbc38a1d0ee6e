"""What changed between two editions of a dataset: leerlabs added, removed and changed (pure)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from leerlab_cli.core.models import Dataset, as_data
from leerlab_cli.core.problems import field_path


@dataclass(frozen=True)
class Change:
    """One field of one leerlab that differs: its path (``routes[1].status``), old and new value.

    A value that is not there is None: a route added has no old value, one removed no new.
    """

    slug: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class DatasetDiff:
    """The difference between two datasets, leerlabs matched by slug."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]
    names: dict[str, str]
    """The name of every leerlab mentioned, by slug (from the new edition where it has one)."""

    @property
    def differs(self) -> bool:
        """Whether the datasets differ in any leerlab."""
        return bool(self.added or self.removed or self.changed)


def compare(old: Dataset, new: Dataset) -> DatasetDiff:
    """What changed from `old` to `new`, in the new edition's order (removed ones in the old's)."""
    old_labs = {lab.slug: lab for lab in old.leerlab}
    new_labs = {lab.slug: lab for lab in new.leerlab}
    changed: list[Change] = []
    for slug, lab in new_labs.items():
        if slug in old_labs:
            before = as_data(old_labs[slug])
            after = as_data(lab)
            changed.extend(
                Change(slug, field_path(path), was, now)
                for path, was, now in _differences((), before, after)
            )
    names = {lab.slug: lab.name for lab in old.leerlab} | {
        lab.slug: lab.name for lab in new.leerlab
    }
    return DatasetDiff(
        added=tuple(slug for slug in new_labs if slug not in old_labs),
        removed=tuple(slug for slug in old_labs if slug not in new_labs),
        changed=tuple(changed),
        names=names,
    )


def _differences(
    path: tuple[int | str, ...], old: Any, new: Any
) -> Iterator[tuple[tuple[int | str, ...], Any, Any]]:
    # Tables field by field; lists of tables (schools, routes, contacts) item by item,
    # so that a fixed e-mail is contacts[0].email; anything else as a whole.
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in {**old, **new}:
            yield from _differences((*path, key), old.get(key), new.get(key))
    elif isinstance(old, list) and isinstance(new, list) and _is_table_list(old + new):
        for index in range(max(len(old), len(new))):
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            if before is None or after is None:
                yield (*path, index), before, after
            else:
                yield from _differences((*path, index), before, after)
    else:
        yield path, old, new


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)
