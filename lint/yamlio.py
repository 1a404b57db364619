"""YAML loading for the rule packs and the knowledge base, which are read at every cold start.

Parsing the YAML is most of the cost of loading the rules and the knowledge base,
so each file's parsed data is kept in a small compiled cache: a pickle in the
user's cache folder, named by a hash of the file's bytes (and of the YAML library
and Python versions), so an edited file is simply parsed again. A missing,
unreadable or unwritable cache only means parsing the YAML: it is never an error.
``MEDLINT_DATA_CACHE`` names another folder; ``MEDLINT_DATA_CACHE=off`` turns the
cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, less YAML's silence on a key given twice in one mapping: the second would replace the first
    (a fact, a member or an option written again further down a long file), and an editor's entry would be lost."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag != "tag:yaml.org,2002:str":
                    continue
                key = key_node.value
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key}' is given twice (first on line {seen[key] + 1})", key_node.start_mark)
                seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


#: what the cached data depends on besides the file itself
_FORMAT = ("medlint-yaml-2", yaml.__version__, _Loader.__mro__[1].__name__, sys.version_info[:2])


class DataFileError(Exception):
    pass


def data_cache_dir() -> Path | None:
    """The folder of compiled data, or None when the cache is off."""
    where = os.environ.get("MEDLINT_DATA_CACHE")
    if where:
        return None if where.lower() in ("off", "0", "no", "false") else Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medlint" / "data"


def _parse(path: Path, text: str | None = None):
    try:
        if text is None:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise DataFileError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read: {exc}") from None


def load_yaml(path: Path):
    """The data of a YAML file (parsed, or from the compiled cache when the same text was parsed before)."""
    cache = data_cache_dir()
    if cache is None:
        return _parse(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read: {exc}") from None
    digest = hashlib.sha1(repr(_FORMAT).encode() + b"\0" + raw).hexdigest()
    entry = cache / f"{digest}.pickle"
    try:
        with open(entry, "rb") as fh:
            data = pickle.load(fh)
        _touch(entry)
        return data
    except Exception:  # noqa: BLE001 - a missing or broken cache entry: parse the file again
        pass
    data = _parse(path, text)
    _store(entry, data)
    return data


#: why the data cache cannot be written (the first failure of this process), or None; once set, no more writes
#: are tried
_unwritable: str | None = None


def _cannot_write(folder: Path, exc: OSError) -> None:
    """Remember that the data cache cannot be written and say so once: each run then parses all the YAML again
    (seconds), which would otherwise go unexplained. Only the main process says it: a worker that finds the same
    folder unwritable would repeat the line once per worker."""
    global _unwritable
    if _unwritable is not None:
        return
    reason = "it is not a folder" if folder.exists() and not folder.is_dir() else exc.strerror or str(exc)
    _unwritable = f"cannot write the data cache in {folder}: {reason}"
    import multiprocessing

    if multiprocessing.parent_process() is None:
        print(f"medlint: warning: {_unwritable}; running without the data cache (set MEDLINT_DATA_CACHE to a "
              "writable folder, or to off)", file=sys.stderr)


def _store(entry: Path, value) -> None:
    """Write a cache entry atomically; any failure leaves the cache as it was."""
    if _unwritable is not None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(entry.parent, keep=entry)
    except OSError as exc:  # an unwritable cache folder is not an error, only slower
        _cannot_write(entry.parent, exc)
    except Exception:  # noqa: BLE001 - a value that cannot be pickled: it is made again next time
        pass


#: the data cache's size limit: every edit or upgrade of medlint writes new derived entries
#: (their keys hold a hash of its code), so without a limit the folder would only grow. One medlint's entries take
#: some 30 MB (the compiled patterns 17 MB of it): the limit holds a few medlints side by side (two virtual
#: environments, or the run before an upgrade and the one after), where 64 MB held two at most, and a third pruned
#: the entries of one in use, which then took a first start's fifteen seconds to make again
DATA_CACHE_LIMIT = 256 * 1024 * 1024


def _touch(entry: Path) -> None:
    """Mark an entry as just used (its time is what pruning goes by: the entries no run has read for longest go
    first, not merely those written longest ago, which an entry read at every start of the medlint in use may be)."""
    try:
        os.utime(entry)
    except OSError:  # (a cache folder this user may read but not write: nothing is pruned from it either)
        pass


def _prune(folder: Path, keep: Path) -> None:
    """Delete the entries used longest ago (by the time they were last written or read) until the folder is under
    half the limit, once it is over the limit. An entry deleted while still in use is only written again."""
    entries = []
    for path in folder.glob("*.pickle"):
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((st.st_mtime, st.st_size, path))
    limit = DATA_CACHE_LIMIT
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, path in sorted(entries):
        if total <= limit // 2:
            break
        if path == keep:
            continue
        try:
            path.unlink()
            total -= size
        except OSError:
            pass


def cached(key: bytes, build, *, made_by: tuple[str, ...] | None = None):
    """``build()``'s value, kept in the data cache under a hash of ``key`` (every input of ``build``
    besides medlint's own code, which is part of every key).

    For derived data that costs time at each start-up (a tokenized lexicon, say): the value
    must be picklable, and ``key`` must change whenever the value would. ``made_by`` names the only
    files of medlint (paths inside the package) whose code the value depends on: then only an edit
    of one of them, not any edit or upgrade of medlint, makes the entry stale.
    """
    entry = _derived_entry(key, made_by)
    if entry is None:
        return build()
    try:
        with open(entry, "rb") as fh:
            value = pickle.load(fh)
        _touch(entry)
        return value
    except Exception:  # noqa: BLE001 - a missing or broken cache entry: build the value again
        pass
    value = build()
    _store(entry, value)
    return value


def store_cached(key: bytes, value, *, made_by: tuple[str, ...] | None = None) -> None:
    """Replace the value kept under ``key`` (see ``cached``), for data that grows during a run."""
    entry = _derived_entry(key, made_by)
    if entry is not None:
        _store(entry, value)


@lru_cache(maxsize=8)
def _code_stamp(files: tuple[str, ...] | None = None) -> bytes:
    """A hash of medlint's own source (or of the named files of it): derived data (a checked knowledge base, term
    tries, pattern prefixes) is made by this code, so a new or edited medlint must not read an old entry."""
    digest = hashlib.sha1()
    package = Path(__file__).resolve().parent
    paths = sorted(package.rglob("*.py")) if files is None else [package / name for name in sorted(files)]
    for path in paths:
        try:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest().encode()


def _derived_entry(key: bytes, made_by: tuple[str, ...] | None = None) -> Path | None:
    cache = data_cache_dir()
    if cache is None:
        return None
    stamp = _code_stamp() if made_by is None else _code_stamp(tuple(made_by))
    digest = hashlib.sha1(repr(_FORMAT).encode() + b"\0" + stamp + b"\0" + key).hexdigest()
    return cache / f"{digest}.pickle"
