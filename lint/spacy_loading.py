"""spaCy imported without its command line.

``import spacy`` runs ``from .cli.info import info``, and importing ``spacy.cli`` loads every
one of spaCy's commands (download, train, package, ...) and the libraries they use (requests,
typer, weasel): a third of spaCy's import time, at every medlint start and in nothing medlint
does. So ``load_spacy`` imports spaCy with a stand-in for ``spacy.cli.info`` whose ``info``
imports the real one when called, and then takes the stand-ins away: a later ``import
spacy.cli`` (by the user's own code in the same process) loads the real package as usual.

Anything unexpected (a spaCy that imports more of its command line at import) falls back to
the plain import: the stand-in can make the start slower, never break it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types


def load_spacy() -> None:
    """Import spaCy (once), without loading its command line."""
    if "spacy" in sys.modules:
        return
    stand_ins = _stand_ins()
    if stand_ins is None:
        import spacy  # noqa: F401
        return
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    except ImportError:
        _remove(stand_ins)
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.cli")]:
            del sys.modules[name]
        import spacy  # noqa: F401, F811
    finally:
        _remove(stand_ins)


def _stand_ins() -> dict | None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return None
    cli = os.path.join(list(spec.submodule_search_locations)[0], "cli")
    if not os.path.isfile(os.path.join(cli, "info.py")):
        return None
    package = types.ModuleType("spacy.cli")
    package.__path__ = [cli]  # its modules can still be found (not its __init__'s names)
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        """``spacy.info``: the real one, imported when first called."""
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info_module.info = info
    return {"spacy.cli": package, "spacy.cli.info": info_module}


def _remove(stand_ins: dict) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        delattr(spacy, "cli")
