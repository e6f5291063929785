"""Matching a table's indicator names to an edition's indicators and sub-items.

A name matches by the standard's name, id or alias, compared without spaces, full-width forms
or list markers (└, 其中：, （1）, ①); a name with a bracketed remark ("生态环境状况指数(EQI)")
also matches without it. Nothing closer than that is taken: a near name is only suggested.
"""

from __future__ import annotations

import re
import unicodedata

from ecocheck.base.names import closest
from ecocheck.library.model import Edition, Indicator, SubItem

_MARKER = re.compile(r"^(?:[└├┗∟]|其中[:：]?|[(（]?\d{1,2}[)）.、]|[①-⑳]|[-—·•])")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATORS = re.compile(r"[，,、；;]")


def key(text: str) -> str:
    """The form names are compared in."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    while (m := _MARKER.match(text)) and m.end() < len(text):
        text = text[m.end():].lstrip()
    return text.rstrip("。.；;，,:：")


def split_names(line: str) -> list[str]:
    """A line naming several sub-items: "劣V类水体比例下降幅度，黑臭水体消除比例"."""
    return [part for part in (p.strip() for p in _SEPARATORS.split(line)) if part]


class NameIndex:
    """An edition's names in comparable form."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self._indicators: dict[str, Indicator] = {}
        self._items: dict[str, list[tuple[Indicator, SubItem]]] = {}
        for ind in edition.indicators:
            for name in (ind.name, ind.id, *ind.aliases):
                self._indicators.setdefault(key(name), ind)
            for item in ind.items:
                for name in (item.name, item.id, *item.aliases):
                    self._items.setdefault(key(name), []).append((ind, item))

    def _lookup(self, table: dict, name: str):
        k = key(name)
        found = table.get(k)
        if found is None and _BRACKETED.search(k):
            found = table.get(_BRACKETED.sub("", k))
        return found

    def indicator(self, name: str) -> Indicator | None:
        return self._lookup(self._indicators, name)

    def item(self, parent: Indicator, name: str) -> SubItem | None:
        for ind, item in self._lookup(self._items, name) or ():
            if ind is parent:
                return item
        return None

    def item_anywhere(self, name: str) -> tuple[Indicator, SubItem] | None:
        """The sub-item of that name when exactly one indicator has it."""
        found = self._lookup(self._items, name) or []
        return found[0] if len(found) == 1 else None

    def knows(self, name: str) -> bool:
        return self.indicator(name) is not None or bool(self._lookup(self._items, name))

    def closest(self, name: str) -> list[str]:
        names = [n for ind in self.edition.indicators for n in (ind.name, *(i.name for i in ind.items))]
        return closest(key(name), names)
