"""The result cache: same output, no spaCy on a hit, and a miss whenever anything that shapes findings changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from lint import __version__
from lint.cache import ResultCache, run_key
from lint.cli import main
from lint.config import Settings, load_settings
from lint.engine import rule_pack_dirs
from lint.runner import run as run_files
from tests.conftest import ROOT

HERNIA = "# Inguinal hernia repair\n\nOur revolutionary hernia repair is guaranteed to work.\n"
CATARACT = "# Cataract surgery\n\nThe lens is replaced with a clear artificial lens.\n"

EXTRA_RULE = """\
code: XTR001
name: house-style-word
kind: existence
category: terminology
severity: warning
message: "'{text}' is not our house style."
rationale: The site's editors agreed to avoid this word.
options:
  tokens: [%s]
examples:
  fire: ["The lens is replaced."]
  pass: ["Nothing here."]
"""


@pytest.fixture()
def runner():
    return CliRunner()


def lint(paths, settings=None, cache_dir=None):
    return run_files([str(p) for p in paths], settings or Settings(), version=__version__, jobs=1,
                     cache_dir=cache_dir)


def summary(outcome):
    return [(r.path, [(f.code, f.start, f.end, f.text, f.message, f.suggestions) for f in r.findings])
            for r in outcome.results]


def test_a_second_run_is_answered_from_the_cache_with_the_same_findings(tmp_path):
    page = tmp_path / "hernia.md"
    page.write_text(HERNIA, encoding="utf-8")
    cache = tmp_path / "cache"
    first = lint([page], cache_dir=cache)
    second = lint([page], cache_dir=cache)
    assert (first.linted, first.cached) == (1, 0) and (second.linted, second.cached) == (0, 1)
    assert summary(second) == summary(first) and [f.code for f in first.results[0].findings] == ["PRM001", "PRM002"]
    assert second.results[0].source == HERNIA
    assert [r.code for r in second.rules] == [r.code for r in first.rules]
    assert (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").read_text().endswith("*\n")


def test_changed_content_settings_or_rules_miss_the_cache(tmp_path):
    page = tmp_path / "cataract.md"
    page.write_text(CATARACT, encoding="utf-8")
    cache = tmp_path / "cache"
    pack = tmp_path / "house-rules" / "style"
    pack.mkdir(parents=True)
    rule_file = pack / "XTR001-house-style-word.yaml"
    rule_file.write_text(EXTRA_RULE % "replaced", encoding="utf-8")
    (tmp_path / "medlint.toml").write_text('rule-paths = ["house-rules"]\n', encoding="utf-8")
    settings = load_settings(tmp_path / "medlint.toml")

    base = lint([page], settings, cache)
    assert [f.text for f in base.results[0].findings] == ["replaced"]
    # the rule's data changes: the old answer must not come back
    rule_file.write_text(EXTRA_RULE % "artificial", encoding="utf-8")
    edited_rule = lint([page], load_settings(tmp_path / "medlint.toml"), cache)
    assert edited_rule.linted == 1 and [f.text for f in edited_rule.results[0].findings] == ["artificial"]
    # a setting changes
    quieter = load_settings(tmp_path / "medlint.toml")
    quieter.ignore = ["XTR001"]
    assert lint([page], quieter, cache).results[0].findings == []
    # the page changes
    page.write_text(CATARACT + "\nA miracle lens.\n", encoding="utf-8")
    edited_page = lint([page], load_settings(tmp_path / "medlint.toml"), cache)
    assert edited_page.linted == 1 and [f.code for f in edited_page.results[0].findings] == ["XTR001", "PRM001"]


def test_run_key_covers_version_settings_and_rules(tmp_path):
    s = Settings()
    dirs = rule_pack_dirs(s)
    key = run_key(s, "0.1.0", dirs)
    assert run_key(Settings(), "0.1.0", dirs) == key
    assert run_key(s, "0.1.1", dirs) != key
    assert run_key(Settings(select=["ALL"]), "0.1.0", dirs) != key
    assert run_key(Settings(accept=["MAKOplasty"]), "0.1.0", dirs) != key
    assert run_key(Settings(fail_on="error"), "0.1.0", dirs) == key  # the fail level changes no finding
    extra = tmp_path / "pack"
    extra.mkdir()
    assert run_key(s, "0.1.0", [*dirs, extra]) != key


def test_a_damaged_entry_is_a_miss(tmp_path):
    page = tmp_path / "hernia.md"
    page.write_text(HERNIA, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    lint([page], cache_dir=cache_dir)
    entries = list(cache_dir.glob("v1/*/*.json"))
    assert len(entries) == 1
    entries[0].write_text('{"content": "', encoding="utf-8")
    again = lint([page], cache_dir=cache_dir)
    assert again.linted == 1 and [f.code for f in again.results[0].findings] == ["PRM001", "PRM002"]


@pytest.mark.parametrize("damage", [
    "null", "[]", '"text"', '{"content": null}',
    # the page's own digest, with findings that no run could have written
    '{"content": "DIGEST", "findings": null}',
    '{"content": "DIGEST", "findings": [["PRM001"]]}',
    '{"content": "DIGEST", "findings": [["PRM001", "n", "c", "warning", "m", "5", 9, 1, 1, 1, 1, [], null, null]]}',
    '{"content": "DIGEST", "findings": [["PRM001", "n", "c", "warning", "m", 5, 99999, 1, 1, 1, 1, [], null, null]]}',
    # (a severity no run writes: it once reached the exit code's ranking and raised there)
    '{"content": "DIGEST", "findings": [["PRM001", "n", "c", "fatal", "m", 5, 9, 1, 1, 1, 1, [], null, null]]}',
])
def test_an_entry_of_the_wrong_shape_is_a_miss_not_a_crash(tmp_path, damage):
    page = tmp_path / "hernia.md"
    page.write_text(HERNIA, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    lint([page], cache_dir=cache_dir)
    (entry,) = cache_dir.glob("v1/*/*.json")
    digest = json.loads(entry.read_text(encoding="utf-8"))["content"]
    entry.write_text(damage.replace("DIGEST", digest), encoding="utf-8")
    again = lint([page], cache_dir=cache_dir)
    assert again.linted == 1 and [f.code for f in again.results[0].findings] == ["PRM001", "PRM002"]


def test_cache_folder_defaults_and_options(runner, tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "pages" / "hernia.md").write_text(HERNIA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # no config: in the working folder
    runner.invoke(main, ["check", "-j1", "site/pages"])
    assert (tmp_path / ".medlint_cache" / "CACHEDIR.TAG").is_file()
    # beside the config file, or where 'cache-dir' says (relative to the config file)
    (site / "medlint.toml").write_text("fail-on = \"error\"\n", encoding="utf-8")
    runner.invoke(main, ["check", "-j1", "site/pages"])
    assert (site / ".medlint_cache" / "CACHEDIR.TAG").is_file()
    (site / "medlint.toml").write_text('cache-dir = "build/medlint"\n', encoding="utf-8")
    runner.invoke(main, ["check", "-j1", "site/pages"])
    assert (site / "build" / "medlint" / "CACHEDIR.TAG").is_file()
    # --cache-dir wins over the config
    runner.invoke(main, ["check", "-j1", "--cache-dir", "elsewhere", "site/pages"])
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()


def test_no_cache_writes_nothing(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hernia.md").write_text(HERNIA, encoding="utf-8")
    result = runner.invoke(main, ["check", "-j1", "--no-cache", "hernia.md"])
    assert result.exit_code == 1 and not (tmp_path / ".medlint_cache").exists()


def test_bad_cache_dir_config_is_exit_2(runner, tmp_path):
    (tmp_path / "medlint.toml").write_text("cache-dir = 3\n", encoding="utf-8")
    (tmp_path / "hernia.md").write_text(HERNIA, encoding="utf-8")
    result = runner.invoke(main, ["check", str(tmp_path / "hernia.md")])
    assert result.exit_code == 2 and "'cache-dir' must be a folder name" in result.output


def test_an_unwritable_cache_is_a_warning_not_a_failure(runner, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    (tmp_path / "hernia.md").write_text(HERNIA, encoding="utf-8")
    result = runner.invoke(main, ["check", "-j1", "--cache-dir", str(blocker), str(tmp_path / "hernia.md")])
    assert result.exit_code == 1 and "PRM001" in result.stdout
    assert "medlint: warning: cannot create the cache in" in result.stderr and "running without the cache" in result.stderr


def test_entries_are_one_per_path_and_old_run_keys_are_pruned(tmp_path):
    cache = ResultCache(tmp_path / "c", "a" * 64)
    cache.put("x.md", "h1", [])
    cache.put("x.md", "h2", [])
    assert len(list((tmp_path / "c").glob("v1/*/*.json"))) == 1
    assert cache.get("x.md", "h1", "") is None and cache.get("x.md", "h2", "") == []
    for n in range(12):
        ResultCache(tmp_path / "c", f"{n:02d}" + "0" * 62).put("x.md", "h", [])
    assert len(list((tmp_path / "c" / "v1").iterdir())) == 8


def test_a_folder_of_other_things_is_never_tagged_ignored_or_pruned(runner, tmp_path):
    docs = tmp_path / "docs"
    for name in ("intro", "install", "usage", "faq", "api", "changelog", "security", "upgrade", "glossary", "contact"):
        (docs / "v1" / name).mkdir(parents=True)
        (docs / "v1" / name / "index.md").write_text(HERNIA, encoding="utf-8")
    (docs / ".gitignore").write_text("build/\n", encoding="utf-8")
    page = docs / "v1" / "intro" / "index.md"
    result = runner.invoke(main, ["check", "-j1", "--cache-dir", str(docs), str(page)])
    assert result.exit_code == 1 and "PRM001" in result.stdout
    assert "is not a medlint cache folder" in result.stderr and "running without the cache" in result.stderr
    assert (docs / ".gitignore").read_text(encoding="utf-8") == "build/\n"
    assert not (docs / "CACHEDIR.TAG").exists() and len(list((docs / "v1").iterdir())) == 10


def test_pruning_removes_only_run_key_folders(tmp_path):
    ResultCache(tmp_path / "c", "f" * 64).put("x.md", "h", [])
    mine = tmp_path / "c" / "v1" / "notes"  # (a folder someone put in the cache folder later)
    mine.mkdir()
    for n in range(12):
        ResultCache(tmp_path / "c", f"{n:02d}" + "0" * 62).put("x.md", "h", [])
    assert mine.is_dir() and len(list((tmp_path / "c" / "v1").iterdir())) == 9


CHECK_SCRIPT = textwrap.dedent("""
    import json, sys, time
    start = time.perf_counter()
    from lint.cli import main
    try:
        main(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
    print(json.dumps({"spacy": "spacy" in sys.modules, "code": code, "seconds": time.perf_counter() - start}),
          file=sys.stderr)
""")


def test_a_cache_hit_run_does_not_import_spacy(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "hernia.md").write_text(HERNIA, encoding="utf-8")
    (pages / "cataract.html").write_text(f"<h1>Cataract surgery</h1><p>{CATARACT}</p>", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", CHECK_SCRIPT, "check", "-j", "1", "--cache-dir", str(tmp_path / "cache"), str(pages)]

    def check():
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
        return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])

    cold_out, cold = check()
    warm_out, warm = check()
    assert cold["spacy"] is True and warm["spacy"] is False
    assert warm_out == cold_out and "PRM001" in warm_out and warm["code"] == cold["code"] == 1


def test_a_fixed_file_is_cached_with_its_new_content(tmp_path):
    page = tmp_path / "hernia.md"
    page.write_text(HERNIA + "\nRest the the groin for a week.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    fixed = run_files([str(page)], Settings(), version=__version__, jobs=1, cache_dir=cache, fix=True, write=True)
    assert fixed.fixes == 1 and page.read_text(encoding="utf-8").endswith("Rest the groin for a week.\n")
    again = lint([page], cache_dir=cache)
    assert (again.linted, again.cached) == (0, 1)
    assert summary(again) == summary(fixed)
    # --diff (fix without write) leaves the file, and caches nothing for content that is not on disk
    page.write_text(HERNIA + "\nRest the the groin.\n", encoding="utf-8")
    shown = run_files([str(page)], Settings(), version=__version__, jobs=1, cache_dir=cache, fix=True, write=False)
    assert shown.fixes == 1 and "the the" in page.read_text(encoding="utf-8")
    assert lint([page], cache_dir=cache).linted == 1
