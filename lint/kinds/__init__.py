"""Rule kinds: the logic. Each module defines one or more :class:`~lint.kinds.base.Kind`
subclasses; they are found here by their ``name``, so adding a kind is adding a module."""

from __future__ import annotations

import importlib
import pkgutil

from lint.kinds.base import Hit, Kind

_KINDS: dict[str, type[Kind]] | None = None


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def kinds() -> dict[str, type[Kind]]:
    global _KINDS
    if _KINDS is None:
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_") and info.name != "base":
                importlib.import_module(f"{__name__}.{info.name}")
        _KINDS = {k.name: k for k in _all_subclasses(Kind) if k.name}
    return _KINDS


__all__ = ["Hit", "Kind", "kinds"]
