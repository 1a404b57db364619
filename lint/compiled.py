"""Compiled regular expressions kept between runs.

medlint's rules are several hundred regular expressions (phrase lists merged into
tries, claim and source patterns). The standard library compiles a pattern in two
steps: a parser and a code generator written in Python, then ``_sre.compile``, which
builds the pattern object from the generated code in C. The Python steps were a
third of medlint's start-up, and their output depends only on the pattern, the
flags and the Python version. So the generated code is kept in the data cache (see
``lint.yamlio``), in one table per Python build, and a later run hands it straight
to ``_sre.compile``.

This uses the ``re`` module's internals (``re._parser``, ``re._compiler``, ``_sre``),
which is why the table is keyed by the exact interpreter version and ``_sre``'s
magic number, and why anything unexpected (a Python without these internals, a
broken table, a code list that ``_sre`` rejects) falls back to ``re.compile``: the
store can make medlint slower, never wrong. ``MEDLINT_DATA_CACHE=off`` turns it off
with the rest of the data cache.
"""

from __future__ import annotations

import atexit
import re
import sys
from array import array

try:  # the internals of CPython's re module (3.11 and later)
    import _sre
    from re import _compiler, _parser

    from lint.regex_rewrite import VERSION as REWRITE_VERSION
    from lint.regex_rewrite import factor_alternations, ignore_case_variants, with_search_class
except ImportError:  # pragma: no cover - another Python: compile as usual
    _sre = None
    REWRITE_VERSION = None

# the code is kept as the bytes of an array of 32-bit words (_sre's own code unit): a table of
# bytes loads in a millisecond, a table of lists of ints in tens of them
_WORD = "I" if array("I").itemsize == 4 else "L"
_KEY = ("medlint-compiled-re-3", REWRITE_VERSION, _WORD, sys.implementation.name, sys.version, getattr(_sre, "MAGIC", None))

_INVALID = "invalid"
#: the files of medlint whose code makes what the table holds: the compiled code (this module, and the rewrites it
#: applies) and the facts ``derived`` keeps (worked out by the matching module and the phrase rules' kind). Only an
#: edit of one of these makes the whole table stale: an upgrade that changes rules or other kinds keeps it, and
#: compiles only the patterns it has not seen, where a first start with an empty table takes over ten seconds.
#: (A test checks that every caller of ``derived`` is one of them.)
MADE_BY = ("compiled.py", "kinds/phrases.py", "matching.py", "regex_rewrite.py")
#: (pattern, flags) -> the arguments of _sre.compile after the pattern, or _INVALID; None until loaded
_table: dict | None = None
#: each entry's key -> the generation that last used it. A generation is one medlint's code: the count goes up by one
#: when a medlint other than the one that wrote the table reads it. An entry no medlint of the last two generations
#: used (a pattern since edited or removed) is dropped when the table is written, so upgrades do not make it grow.
_used: dict = {}
_generation = 0
_dirty = False


def _load() -> dict:
    global _table, _used, _generation
    if _table is None:
        _table, _used, _generation = {}, {}, 0
        if _sre is not None:
            from lint.yamlio import _code_stamp, cached

            try:
                loaded = cached(repr(_KEY).encode(), dict, made_by=MADE_BY)
                if isinstance(loaded.get("entries"), dict) and isinstance(loaded.get("used"), dict):
                    _table, _used, _generation = loaded["entries"], loaded["used"], int(loaded["generation"])
                    if loaded.get("medlint") != _code_stamp():
                        _generation += 1
            except Exception:  # noqa: BLE001 - a broken table is only a slower start
                _table, _used, _generation = {}, {}, 0
    return _table


def _use(key) -> None:
    """Note that this medlint uses an entry (the table is written again when that is news: the first run after an
    upgrade)."""
    if _used.get(key) != _generation:
        _used[key] = _generation
        _changed()


def _generate(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile, for a pattern given as a string."""
    parsed = _parser.parse(pattern, flags)
    every_flag = flags | parsed.state.flags
    # the rewrites know how Unicode letters match regardless of case, not how a locale's or ASCII's do
    rewrite = not every_flag & (re.LOCALE | re.ASCII)
    if rewrite:
        variants = derived("ignore-case-variants", "", 0, ignore_case_variants)
        factor_alternations(parsed, bool(every_flag & re.IGNORECASE), variants)
    code = _code_with_charset_memo(parsed, flags)
    if rewrite:
        code = with_search_class(code, parsed, every_flag, variants)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))


#: ``re._compiler._optimize_charset``'s answers, by its arguments: a first start compiles some three thousand patterns,
#: with over a hundred thousand character classes among them but only some fifteen hundred different ones (``\s``,
#: and each letter with its other case, which ``lint.regex_rewrite`` writes as a class), and working each one out again
#: was an eighth of that start
_charsets: dict = {}


def _code_with_charset_memo(parsed, flags: int) -> list:
    """``re._compiler._code(parsed, flags)``, each character class worked out once per process."""
    optimize = getattr(_compiler, "_optimize_charset", None)
    if optimize is None or getattr(optimize, "__wrapped__", None) is not None:
        return _compiler._code(parsed, flags)

    def remembered(charset, *rest):
        try:  # (the case functions are hashable; the table of case fixes, a dict, is one for the module)
            key = (tuple(charset), *(id(a) if isinstance(a, dict) else a for a in rest))
            answer = _charsets.get(key)
        except TypeError:  # an argument that is not hashable: as the standard library does it
            return optimize(charset, *rest)
        if answer is None:
            answer = _charsets[key] = optimize(charset, *rest)  # (read, never changed, by the code generator)
        return answer

    remembered.__wrapped__ = optimize
    _compiler._optimize_charset = remembered
    try:
        return _compiler._code(parsed, flags)
    finally:
        _compiler._optimize_charset = optimize


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the stored code when this pattern was compiled before.

    Raises ``re.error`` for an invalid pattern, as ``re.compile`` does.
    """
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    table = _load()
    key = (pattern, int(flags))
    stored = table.get(key)
    if stored is not None:
        _use(key)
    if stored == _INVALID:
        raise re.error(f"not a pattern the standard library compiles: {pattern!r}")
    if stored is not None:
        try:
            flags_, code, groups, groupindex, indexgroup = stored
            return _sre.compile(pattern, flags_, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - stale or damaged entry: generate it again
            pass
    try:
        args = _generate(pattern, int(flags))
        compiled = _sre.compile(pattern, *args)
        flags_, code, groups, groupindex, indexgroup = args
        table[key] = (flags_, array(_WORD, code).tobytes(), groups, groupindex, indexgroup)
    except re.error:
        # remembered, so that a pattern only the regex module compiles (a look-behind of varying
        # width) is not parsed again at every start
        table[key] = _INVALID
        _use(key)
        raise
    except Exception:  # noqa: BLE001 - internals not as expected: the public way
        return re.compile(pattern, flags)
    _use(key)
    return compiled


def compile_regex_module(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)`` for one of medlint's own patterns that only the ``regex`` module compiles (a
    look-behind of varying width), from the stored pickle when it was compiled before: ``regex``'s compiler is written
    in Python, and its twenty-odd such patterns cost a tenth of a second at every start, where unpickling the compiled
    pattern takes two thousandths. Raises ``regex.error`` for an invalid pattern, as ``regex.compile`` does."""
    import pickle

    import regex

    table = _load() if _sre is not None else None
    key = ("regex-module", getattr(regex, "__version__", ""), pattern, int(flags))
    stored = table.get(key) if table is not None else None
    if stored is not None:
        try:
            compiled = pickle.loads(stored)
            if compiled.pattern == pattern:
                _use(key)
                return compiled
        except Exception:  # noqa: BLE001 - stale or damaged entry: compile it again
            pass
    compiled = regex.compile(pattern, flags)
    if table is not None:
        try:
            table[key] = pickle.dumps(compiled)
            _use(key)
        except Exception:  # noqa: BLE001 - a pattern that does not pickle is only compiled at every start
            pass
    return compiled


def derived(name: str, pattern: str, flags: int, build):
    """``build()``, a fact about a pattern (picklable) that depends only on the pattern and its
    flags, kept in the same table: computed once, not at every start."""
    if _sre is None:
        return build()
    table = _load()
    key = (name, pattern, int(flags))
    if key not in table:
        table[key] = build()
    _use(key)
    return table[key]


def _changed() -> None:
    global _dirty
    if not _dirty:
        _dirty = True
        atexit.register(save)


def save() -> None:
    """Write the table when this process compiled patterns it did not find there."""
    global _dirty
    if not _dirty or _table is None:
        return
    _dirty = False
    from lint.yamlio import _code_stamp, store_cached

    for key in [key for key, generation in _used.items() if generation < _generation - 1]:
        del _used[key]
        _table.pop(key, None)
    for key in [key for key in _table if key not in _used]:  # (none, unless a caller wrote to the table itself)
        _used[key] = _generation
    store_cached(repr(_KEY).encode(), {"entries": _table, "used": _used, "generation": _generation,
                                       "medlint": _code_stamp()}, made_by=MADE_BY)
