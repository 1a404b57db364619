"""Configuration: ``[tool.medlint]`` in pyproject.toml, or medlint.toml / .medlint.toml.

The nearest file walking up from the linted path wins; command-line flags
override it. Every key is checked: an unknown key or a bad value is a
:class:`ConfigError` naming the file and the key (exit code 2).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from lint.model import SEVERITIES

CONFIG_FILES = ("medlint.toml", ".medlint.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")
#: the longest LanguageTool ``timeout`` taken (seconds): a bigger one is a typo (1e12) that would let a stuck server
#: hold the run up for good
MAX_LANGUAGETOOL_TIMEOUT = 3600
LANGUAGETOOL_KEYS = ("url", "timeout", "language", "disabled-rules", "batch-size")


class ConfigError(Exception):
    pass


def _str_list(value, key, where):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def _exclude_pattern(pattern: str) -> str:
    """An exclude pattern as paths are matched: "sub/" and "./sub" name the folder "sub" (matched without a trailing
    slash or a leading "./", they would exclude nothing)."""
    while pattern.startswith("./"):
        pattern = pattern[2:]
    return pattern.rstrip("/") or pattern


def _languagetool_table(lt: dict, where: str) -> dict:
    """The [languagetool] table checked key by key: a bad value found here is exit 2 naming the key, not a failed
    request (or a wrong one) in the middle of a run."""
    out = {}
    for key, value in lt.items():
        k = key.replace("_", "-")
        name = f"languagetool.{key}"
        if k not in LANGUAGETOOL_KEYS:
            raise ConfigError(f"{where}: unknown key '{name}'")
        if k in out:
            raise ConfigError(f"{where}: 'languagetool.{k}' is given twice (as '{k}' and '{k.replace('-', '_')}')")
        if k == "url":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: '{name}' must be a string")
            if value:
                from lint.languagetool import url_problem

                problem = url_problem(value)
                if problem is not None:
                    raise ConfigError(f"{where}: '{name}' is {problem}")
        elif k == "timeout":
            if (not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value)
                    or not 0 < value <= MAX_LANGUAGETOOL_TIMEOUT):
                raise ConfigError(f"{where}: '{name}' must be a number of seconds above 0 and at most "
                                  f"{MAX_LANGUAGETOOL_TIMEOUT}")
        elif k == "batch-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{where}: '{name}' must be a positive whole number of characters")
        elif k == "language":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: '{name}' must be a language code such as \"en-GB\"")
        elif k == "disabled-rules":
            value = _str_list(value, name, where)
        out[k] = value
    return out


@dataclass
class Settings:
    """Everything configurable, with the defaults a new user gets."""

    select: list[str] | None = None  # None: every rule enabled by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    rules: dict[str, dict] = field(default_factory=dict)
    model: str | None = None
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    spelling: str = "any"  # "any", "us" or "uk"
    locations: list[str] = field(default_factory=list)
    languagetool: dict = field(default_factory=dict)
    max_file_size: int = 5_000_000
    cache_dir: Path | None = None  # the result cache's folder (default: .medlint_cache by the config)
    source: Path | None = None  # the config file read, if any
    #: selector -> the config key that gave it ("ignore"), so that an unknown one is reported at its key
    selector_keys: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def rule_options(self, code: str) -> dict:
        return self.rules.get(code, {})

    def languagetool_url(self) -> str | None:
        return os.environ.get("MEDLINT_LANGUAGETOOL_URL") or self.languagetool.get("url") or None


def _table(value, key, where):
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table")
    return value


def apply_table(settings: Settings, table: dict, where: str, base: Path) -> Settings:
    """Read a [tool.medlint] table into settings; ``base`` resolves relative paths."""
    spellings: dict[str, str] = {}
    for key, value in table.items():
        k = key.replace("_", "-")
        if k in spellings:  # "fail-on" and "fail_on" in one table: neither silently wins
            raise ConfigError(f"{where}: '{spellings[k]}' and '{key}' are the same key; give it once")
        spellings[k] = key
        if k in ("select", "extend-select", "ignore") and isinstance(value, (str, list)):
            for selector in [value] if isinstance(value, str) else value:
                if isinstance(selector, str):
                    settings.selector_keys.setdefault(selector, key)
        if k == "select":
            settings.select = _str_list(value, key, where)
            if not settings.select:  # an empty selection runs nothing and reports "All clear": as --select ''
                raise ConfigError(f"{where}: 'select' names no rule (give codes, prefixes or categories, "
                                  "or leave 'select' out for the default rules)")
        elif k == "extend-select":
            settings.extend_select = _str_list(value, key, where)
        elif k == "ignore":
            settings.ignore = _str_list(value, key, where)
        elif k == "fail-on":
            if value not in FAIL_LEVELS:
                raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_LEVELS)}")
            settings.fail_on = value
        elif k == "exclude":
            settings.exclude = [_exclude_pattern(p) for p in _str_list(value, key, where)]
        elif k == "per-file-ignores":
            settings.per_file_ignores = {
                str(glob): _str_list(codes, f"per-file-ignores.{glob}", where)
                for glob, codes in _table(value, key, where).items()
            }
        elif k == "severity":
            for code, sev in _table(value, key, where).items():
                if sev not in SEVERITIES:
                    raise ConfigError(f"{where}: 'severity.{code}' must be one of {', '.join(SEVERITIES)}")
                settings.severity[str(code).upper()] = sev
        elif k == "rule-paths":
            settings.rule_paths = [(base / p).resolve() for p in _str_list(value, key, where)]
        elif k == "rules":
            for code, options in _table(value, key, where).items():
                settings.rules[str(code).upper()] = dict(_table(options, f"rules.{code}", where))
        elif k == "model":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: 'model' must be a string")
            settings.model = value or None
        elif k == "accept":
            settings.accept = _str_list(value, key, where)
        elif k == "reject":
            settings.reject = _str_list(value, key, where)
        elif k == "spelling":
            if value not in ("any", "us", "uk"):
                raise ConfigError(f"{where}: 'spelling' must be any, us or uk")
            settings.spelling = value
        elif k == "locations":
            settings.locations = _str_list(value, key, where)
        elif k == "languagetool":
            settings.languagetool = _languagetool_table(_table(value, key, where), where)
        elif k == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{where}: 'max-file-size' must be a positive number of bytes")
            settings.max_file_size = value
        elif k == "cache-dir":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: 'cache-dir' must be a folder name")
            settings.cache_dir = (base / value).resolve()
        elif k in EXTRA_KEYS:
            settings.extra[k] = EXTRA_KEYS[k](value, where)
        else:
            raise ConfigError(f"{where}: unknown key '{key}'")
    return settings


#: keys added by later features: name -> validator(value, where) returning the value
EXTRA_KEYS: dict = {}


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for d in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml" and _medlint_table(candidate, _read_toml(candidate)) is None:
                    continue
                return candidate
    return None


def _read_toml(path: Path) -> dict:
    try:
        # (a byte order mark, as Windows editors save one, is no part of the TOML: read past it, as pages are)
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _medlint_table(path: Path, data: dict):
    """A pyproject.toml's [tool.medlint] value, or None when it has none. A pyproject.toml on the way up is read
    like the one given with --config (as ruff does): a ``tool`` that is not a table is an error, not a skip."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table")
    return tool.get("medlint")


def load_settings(config_file: Path | None) -> Settings:
    settings = Settings()
    if config_file is None:
        return settings
    data = _read_toml(config_file)
    if config_file.name == "pyproject.toml":
        table = _medlint_table(config_file, data)
        table = {} if table is None else table
        where = f"{config_file} [tool.medlint]"
    else:
        table = data
        where = str(config_file)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    settings.source = config_file
    return apply_table(settings, table, where, config_file.parent)
