"""Configuration: ``[tool.medlint]`` in pyproject.toml, or medlint.toml / .medlint.toml.

The nearest file walking up from the linted path wins; command-line flags
override it. Every key is checked: an unknown key or a bad value is a
:class:`ConfigError` naming the file and the key (exit code 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from lint.model import SEVERITIES

CONFIG_FILES = ("medlint.toml", ".medlint.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")


class ConfigError(Exception):
    pass


def _str_list(value, key, where):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


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
    for key, value in table.items():
        k = key.replace("_", "-")
        if k == "select":
            settings.select = _str_list(value, key, where)
        elif k == "extend-select":
            settings.extend_select = _str_list(value, key, where)
        elif k == "ignore":
            settings.ignore = _str_list(value, key, where)
        elif k == "fail-on":
            if value not in FAIL_LEVELS:
                raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_LEVELS)}")
            settings.fail_on = value
        elif k == "exclude":
            settings.exclude = _str_list(value, key, where)
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
            lt = _table(value, key, where)
            unknown = set(lt) - {"url", "timeout", "language", "disabled-rules", "batch-size"}
            if unknown:
                raise ConfigError(f"{where}: unknown key 'languagetool.{sorted(unknown)[0]}'")
            if "url" in lt and not isinstance(lt["url"], str):
                raise ConfigError(f"{where}: 'languagetool.url' must be a string")
            if lt.get("url"):
                from lint.languagetool import url_problem

                problem = url_problem(lt["url"])
                if problem is not None:
                    raise ConfigError(f"{where}: 'languagetool.url' is {problem}")
            if "timeout" in lt and (not isinstance(lt["timeout"], (int, float)) or lt["timeout"] <= 0):
                raise ConfigError(f"{where}: 'languagetool.timeout' must be a positive number of seconds")
            settings.languagetool = dict(lt)
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
                if name == "pyproject.toml" and not _has_medlint_table(candidate):
                    continue
                return candidate
    return None


def _has_medlint_table(path: Path) -> bool:
    try:
        return "medlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_settings(config_file: Path | None) -> Settings:
    settings = Settings()
    if config_file is None:
        return settings
    try:
        data = tomllib.loads(config_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{config_file}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{config_file}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_file}: not valid TOML: {exc}") from None
    if config_file.name == "pyproject.toml":
        table = data.get("tool", {}).get("medlint", {})
        where = f"{config_file} [tool.medlint]"
    else:
        table = data
        where = str(config_file)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    settings.source = config_file
    return apply_table(settings, table, where, config_file.parent)
