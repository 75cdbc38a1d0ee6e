"""What changed between two editions of a dataset, each thing matched by who or what it is (pure).

Leerlabs are matched by slug; inside a leerlab, contacts by e-mail address (and,
where the address changed, by name: the same person with a new address), schools
by name, routes by their leerwegen and niveaus, the target groups per school by
school. A list of plain values (provinces, sectors, …) is compared as a set: each
value added or removed, and a change of order reported once. So a contact added at
the top is one change, and two contacts swapped are an order change only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from leerlab_cli.core.models import Dataset, Leerlab, as_data


class Identity(NamedTuple):
    """Who or what an item of a list is: ``(("email", "a@b.nl"),)``, written ``[email=a@b.nl]``."""

    keys: tuple[tuple[str, Any], ...]

    def __str__(self) -> str:
        return "[" + ",".join(f"{key}={_identity_value(value)}" for key, value in self.keys) + "]"

    def value(self, key: str) -> Any:
        """The value of `key` in the identity, None when it has none."""
        return dict(self.keys).get(key)


def _identity_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "/".join(str(item) for item in value)
    return str(value)


PathPart = str | Identity
"""A step of a change's path: a field, or an item of a list by its identity."""


class ChangeKind(StrEnum):
    """What happened: a value changed, an item or value was added or removed, or only the order."""

    changed = "changed"
    added = "added"
    removed = "removed"
    order = "order"


@dataclass(frozen=True)
class Change:
    """One change in one leerlab: where (``contacts[email=…].name``), what, the old and new value.

    A value that is not there is None: an item added has no old value, one removed no
    new. An order change has the identities in the old and in the new order.
    """

    slug: str
    path: tuple[PathPart, ...]
    kind: ChangeKind
    old: Any
    new: Any

    @property
    def field(self) -> str:
        """The path as people and programs read it: ``contacts[email=a@b.nl].name``."""
        text = ""
        for part in self.path:
            if isinstance(part, Identity):
                text += str(part)
            else:
                text += f".{part}" if text else part
        return text


@dataclass(frozen=True)
class DatasetDiff:
    """The difference between two datasets, leerlabs matched by slug."""

    added: tuple[Leerlab, ...]
    removed: tuple[Leerlab, ...]
    changed: tuple[Change, ...]
    names: dict[str, str]
    """The name of every leerlab mentioned, by slug (from the new edition where it has one)."""
    labs: dict[str, Leerlab]
    """The leerlabs of the new edition, by slug: what a changed one is now."""

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
            changed.extend(
                Change(slug, path, kind, was, now)
                for path, kind, was, now in _differences((), as_data(old_labs[slug]), as_data(lab))
            )
    names = {lab.slug: lab.name for lab in old.leerlab} | {
        lab.slug: lab.name for lab in new.leerlab
    }
    return DatasetDiff(
        added=tuple(lab for slug, lab in new_labs.items() if slug not in old_labs),
        removed=tuple(lab for slug, lab in old_labs.items() if slug not in new_labs),
        changed=tuple(changed),
        names=names,
        labs=new_labs,
    )


Found = tuple[tuple[PathPart, ...], ChangeKind, Any, Any]


def _differences(path: tuple[PathPart, ...], old: Any, new: Any) -> Iterator[Found]:
    # Tables field by field, lists of tables item by item by identity, lists of plain
    # values as sets; anything else as a whole.
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in {**new, **old}:
            yield from _differences((*path, key), old.get(key), new.get(key))
    elif isinstance(old, list) and isinstance(new, list):
        if any(isinstance(item, dict) for item in old + new):
            yield from _table_differences(path, old, new)
        else:
            yield from _set_differences(path, old, new)
    else:
        yield path, ChangeKind.changed, old, new


def _set_differences(path: tuple[PathPart, ...], old: list[Any], new: list[Any]) -> Iterator[Found]:
    old_values, new_values = set(old), set(new)
    for value in dict.fromkeys(new):
        if value not in old_values:
            yield path, ChangeKind.added, None, value
    for value in dict.fromkeys(old):
        if value not in new_values:
            yield path, ChangeKind.removed, value, None
    kept_old = [value for value in dict.fromkeys(old) if value in new_values]
    kept_new = [value for value in dict.fromkeys(new) if value in old_values]
    if kept_old != kept_new:
        yield path, ChangeKind.order, kept_old, kept_new


def _keys(*names: str) -> Callable[[Mapping[str, Any]], tuple[tuple[str, Any], ...]]:
    def identity(item: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple((name, _hashable(item.get(name))) for name in names)

    return identity


def _hashable(value: Any) -> Any:
    # A route's leerwegen and niveaus are a set: [3, 4] is [4, 3].
    return tuple(sorted(value, key=str)) if isinstance(value, list) else value


IDENTITIES: dict[str, Callable[[Mapping[str, Any]], tuple[tuple[str, Any], ...]]] = {
    "contacts": _keys("email"),
    "schools": _keys("name"),
    "routes": _keys("leerwegen", "niveaus"),
    "target_group_per_school": _keys("school"),
}
"""What identifies an item of each list of tables."""
SECOND_IDENTITIES: dict[str, Callable[[Mapping[str, Any]], tuple[tuple[str, Any], ...]]] = {
    "contacts": _keys("name"),
}
"""What identifies an item that the first identity did not match: a person by name."""


def _identified(
    items: Sequence[Any], identity: Callable[[Mapping[str, Any]], tuple[tuple[str, Any], ...]]
) -> dict[Identity, Any]:
    # Each item by its identity; a second item with the same one gets its number too.
    found: dict[Identity, Any] = {}
    for item in items:
        keys = identity(item) if isinstance(item, dict) else (("item", repr(item)),)
        candidate, number = Identity(keys), 1
        while candidate in found:
            number += 1
            candidate = Identity((*keys, ("n", number)))
        found[candidate] = item
    return found


def _table_differences(
    path: tuple[PathPart, ...], old: list[Any], new: list[Any]
) -> Iterator[Found]:
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    old_items = _identified(old, IDENTITIES.get(field, _keys()))
    new_items = _identified(new, IDENTITIES.get(field, _keys()))
    # New identity → (old identity, the identity the path shows).
    pairs = {identity: (identity, identity) for identity in new_items if identity in old_items}
    second = SECOND_IDENTITIES.get(field)
    if second is not None:
        # The same person with a new address: matched by name among those left over,
        # and named by name, since their address is what changed.
        taken = {was for was, _ in pairs.values()}
        old_left = {
            Identity(second(item)): identity
            for identity, item in old_items.items()
            if identity not in taken and isinstance(item, dict)
        }
        for identity, item in new_items.items():
            by_name = Identity(second(item)) if isinstance(item, dict) else None
            if identity not in pairs and by_name in old_left:
                pairs[identity] = (old_left.pop(by_name), by_name)
    for identity, item in new_items.items():
        if identity in pairs:
            was, shown = pairs[identity]
            yield from _differences((*path, shown), old_items[was], item)
        else:
            yield (*path, identity), ChangeKind.added, None, item
    matched = {was for was, _ in pairs.values()}
    for identity, item in old_items.items():
        if identity not in matched:
            yield (*path, identity), ChangeKind.removed, item, None
    shown_of = {was: str(shown) for was, shown in pairs.values()}
    old_order = [shown_of[identity] for identity in old_items if identity in matched]
    new_order = [str(pairs[identity][1]) for identity in new_items if identity in pairs]
    if old_order != new_order:
        yield path, ChangeKind.order, old_order, new_order
