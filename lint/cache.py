"""The result cache: re-linting an unchanged page costs a file read and a hash.

A run's *key* covers everything that shapes the findings apart from the page:
medlint's version and code, the rule packs and knowledge files (their bytes),
the effective settings, and the versions of the libraries that tokenise and
spell-check. Each linted path has one entry under the run key, holding the hash
of the content it was linted with and the findings; an entry whose content hash
differs is a miss. Entries are written atomically, so parallel medlint processes
(pre-commit, editors) can share a cache folder.

This module must not import spaCy: a run answered from the cache never loads it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import re
import tempfile
from pathlib import Path

from lint.model import SEVERITY_RANK, Finding, Fix

DEFAULT_DIR_NAME = ".medlint_cache"
CACHE_FORMAT = 1
#: run-key folders kept; older ones (other settings, older rules) are removed
KEEP_RUNS = 8
#: settings that do not change any page's findings (or are part of the key elsewhere)
_NOT_IN_KEY = {"source", "cache_dir", "fail_on", "exclude"}
_LIBRARIES = (("spacy", "spacy"), ("spellchecker", "pyspellchecker"))

_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by medlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def default_cache_dir(settings) -> Path:
    if settings.cache_dir is not None:
        return Path(settings.cache_dir)
    base = settings.source.parent if settings.source is not None else Path.cwd()
    return base / DEFAULT_DIR_NAME


def _hash_tree(h, folder: Path) -> None:
    """Every file below ``folder`` (names and bytes), in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(root, name)
            h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
            h.update(b"\0")


def _library_version(import_name: str, dist_name: str) -> str:
    """A library's installed version, read from its dist-info folder name (without importing it)."""
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.origin:
        return "absent"
    site = Path(spec.origin).parent.parent
    found = sorted(p.name for p in site.glob(f"{dist_name}-*.dist-info"))
    if found:
        return found[-1]
    try:
        return f"{spec.origin}@{os.stat(spec.origin).st_mtime_ns}"
    except OSError:
        return spec.origin


def run_key(settings, version: str, rule_dirs: list[Path]) -> str:
    """The hash of everything besides a page's content that its findings depend on."""
    h = hashlib.sha256()
    h.update(f"medlint-cache {CACHE_FORMAT} {version}\0".encode())
    # medlint's own code: a development checkout changes without a version bump
    _hash_tree(h, Path(__file__).resolve().parent)
    for folder in rule_dirs:
        h.update(f"rules {folder}\0".encode())
        if Path(folder).is_dir():
            _hash_tree(h, Path(folder))
    for import_name, dist_name in _LIBRARIES:
        h.update(f"{dist_name}={_library_version(import_name, dist_name)}\0".encode())
    if settings.model:
        h.update(f"model={_library_version(settings.model, settings.model.replace('-', '_'))}\0".encode())
    effective = {
        f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.name not in _NOT_IN_KEY
    }
    h.update(json.dumps(effective, sort_keys=True, default=str).encode("utf-8"))
    return h.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _to_record(f: Finding) -> list:
    return [f.code, f.name, f.category, f.severity, f.message, f.start, f.end, f.line, f.column, f.end_line,
            f.end_column, list(f.suggestions), f.url, f.fix.replacement if f.fix else None]


def _from_record(rec: list, source: str) -> Finding:
    (code, name, category, severity, message, start, end, line, column, end_line, end_column, suggestions, url,
     fix) = rec
    return Finding(code=code, name=name, category=category, severity=severity, message=message, start=start,
                   end=end, text=source[start:end], line=line, column=column, end_line=end_line,
                   end_column=end_column, suggestions=tuple(suggestions), url=url,
                   fix=Fix(fix) if fix is not None else None)


def _sound(f: Finding, length: int) -> bool:
    """Could this finding have come from medlint on a source of ``length`` characters? (An entry edited or
    damaged on disk is a miss, not a report of nonsense.)"""
    numbers = (f.start, f.end, f.line, f.column, f.end_line, f.end_column)
    return (all(type(n) is int for n in numbers) and 0 <= f.start < f.end <= length
            and all(isinstance(v, str) for v in (f.code, f.name, f.category, f.severity, f.message))
            and f.severity in SEVERITY_RANK and f.severity != "never"
            and all(isinstance(v, str) for v in f.suggestions))


class CacheUnavailable(Exception):
    """The cache folder cannot be created or written; the run goes on without a cache."""


class ResultCache:
    def __init__(self, folder: Path, key: str):
        self.folder = Path(folder)
        self.key = key
        self.runs = self.folder / f"v{CACHE_FORMAT}"
        self.run_dir = self.runs / key[:32]
        self._prepared = False

    # -- entries -----------------------------------------------------------------
    def _entry(self, path: str) -> Path:
        """One entry per linted path (as given, and where it is), overwritten when the page changes."""
        ident = f"{os.path.abspath(path) if path != '-' else '-'}\0{path}"
        return self.run_dir / (hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".json")

    def get(self, path: str, digest: str, source: str) -> list[Finding] | None:
        """The cached findings for this path and content, or None."""
        try:
            with open(self._entry(path), encoding="utf-8") as fh:
                data = json.load(fh)
            if not isinstance(data, dict) or data.get("content") != digest or not isinstance(data.get("findings"), list):
                return None
            findings = [_from_record(rec, source) for rec in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # missing, half-written by a crashed run, from another format, or damaged: a miss
        if not all(_sound(f, len(source)) for f in findings):
            return None
        return findings

    def put(self, path: str, digest: str, findings: list[Finding]) -> None:
        self._prepare()
        data = json.dumps({"content": digest, "findings": [_to_record(f) for f in findings]},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=self.run_dir)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self._entry(path))
        except OSError as exc:
            raise CacheUnavailable(f"cannot write the cache in {self.folder}: {exc.strerror or exc}") from None

    # -- the folder ----------------------------------------------------------------
    def _prepare(self) -> None:
        """Create the folder (tagged, ignored by git) and drop run folders of old keys."""
        if self._prepared:
            return
        try:
            tag = self.folder / "CACHEDIR.TAG"
            # (a folder that holds other things is not ours to tag, ignore or prune: "--cache-dir docs" would hide the
            # pages from git and backups, and pruning would delete a "docs/v1/" of the user's)
            if not tag.exists() and self.folder.is_dir() and any(self.folder.iterdir()):
                raise CacheUnavailable(f"{self.folder} is not a medlint cache folder (it already holds other files); "
                                       "give 'cache-dir' a new or empty folder")
            fresh = not self.run_dir.is_dir()
            self.run_dir.mkdir(parents=True, exist_ok=True)
            if not tag.exists():
                tag.write_text(_CACHEDIR_TAG, encoding="utf-8")
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by medlint\n*\n", encoding="utf-8")
        except OSError as exc:
            raise CacheUnavailable(f"cannot create the cache in {self.folder}: {exc.strerror or exc}") from None
        if fresh:
            self._prune()
        self._prepared = True

    def _prune(self) -> None:
        try:
            # (only the folders of run keys, named by 32 hex digits: nothing else in the folder is medlint's to remove)
            runs = sorted((p for p in self.runs.iterdir() if p.is_dir() and p != self.run_dir and _RUN_NAME.fullmatch(p.name)),
                          key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in runs[KEEP_RUNS - 1:]:
            _remove_tree(old)

    def touch(self) -> None:
        """Mark this run key as recently used (pruning keeps the most recent ones)."""
        try:
            os.utime(self.run_dir)
        except OSError:
            pass


_RUN_NAME = re.compile(r"[0-9a-f]{32}")


def _remove_tree(folder: Path) -> None:
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            try:
                os.unlink(os.path.join(root, name))
            except OSError:
                pass
        for name in dirs:
            try:
                os.rmdir(os.path.join(root, name))
            except OSError:
                pass
    try:
        os.rmdir(folder)
    except OSError:
        pass
