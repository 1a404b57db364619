"""The store of compiled regular expressions (lint/compiled.py): same patterns, faster start."""

from __future__ import annotations

import os
import pickle
import re

import pytest

import lint.compiled as compiled
from lint.yamlio import _derived_entry

PATTERNS = [
    (r"(?<![\w-])(?:risk[-\s]*free|pain[-\s]*less)(?![\w])", re.I),
    (r"(?P<num>\d+(?:\.\d+)?)\s*%\s+of\s+(?:our\s+)?patients", re.I),
    (r"\b(?:studies|research)\s+(?:has\s+|have\s+)?(?:shows?|proven)\b", 0),
    (r"[^\W_]+", 0),
]
TEXT = "Studies show 97.5% of our patients are pain-less; research has proven it is RISK FREE. studies shows"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(compiled, "_table", None)
    monkeypatch.setattr(compiled, "_dirty", False)
    return tmp_path


def _fresh_process(monkeypatch):
    """What a new process sees: the table is read from the data cache again."""
    monkeypatch.setattr(compiled, "_table", None)
    monkeypatch.setattr(compiled, "_dirty", False)


def matches(pattern):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_a_stored_pattern_matches_exactly_as_re_compile_does(store, monkeypatch):
    first = [compiled.compile_re(p, f) for p, f in PATTERNS]
    compiled.save()
    entry = _derived_entry(repr(compiled._KEY).encode(), compiled.MADE_BY)
    assert entry is not None and entry.exists()
    # (with the facts the compiler derives once, such as how letters match regardless of case)
    assert len([key for key in pickle.loads(entry.read_bytes())["entries"] if len(key) == 2]) == len(PATTERNS)

    _fresh_process(monkeypatch)
    generated = []
    monkeypatch.setattr(compiled, "_generate", lambda *a: generated.append(a) or pytest.fail("not from the store"))
    again = [compiled.compile_re(p, f) for p, f in PATTERNS]
    assert generated == []
    for (p, f), a, b in zip(PATTERNS, first, again):
        reference = re.compile(p, f)
        assert b.pattern == p and b.flags == reference.flags and b.groupindex == reference.groupindex
        assert matches(a) == matches(b) == matches(reference)
    assert matches(again[1]) == [((13, 34), {"num": "97.5"})]


def test_a_damaged_table_is_only_a_slower_start(store, monkeypatch):
    pattern, flags = PATTERNS[0]
    compiled.compile_re(pattern, flags)
    compiled.save()
    _fresh_process(monkeypatch)
    compiled._load()[(pattern, flags)] = (0, [1, 2, 3], 0, {}, ())  # code _sre rejects
    assert matches(compiled.compile_re(pattern, flags)) == matches(re.compile(pattern, flags))

    entry = _derived_entry(repr(compiled._KEY).encode(), compiled.MADE_BY)
    entry.write_bytes(b"not a pickle")
    _fresh_process(monkeypatch)
    assert matches(compiled.compile_re(pattern, flags)) == matches(re.compile(pattern, flags))


def test_an_invalid_pattern_raises_re_error(store):
    with pytest.raises(re.error):
        compiled.compile_re("(unclosed", 0)


def test_nothing_is_written_when_the_cache_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_DATA_CACHE", "off")
    monkeypatch.setattr(compiled, "_table", None)
    monkeypatch.setattr(compiled, "_dirty", False)
    assert compiled.compile_re(r"\bfoo\b", 0).search("a foo")
    compiled.save()
    assert list(tmp_path.iterdir()) == []


def test_derived_data_is_made_again_by_another_medlint(tmp_path, monkeypatch):
    import lint.yamlio as yamlio

    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(tmp_path))
    assert yamlio.cached(b"facts", lambda: 1) == 1
    assert yamlio.cached(b"facts", lambda: 2) == 1  # kept
    # an edited or upgraded medlint: its own code is part of every derived key
    monkeypatch.setattr(yamlio, "_code_stamp", lambda: b"another medlint")
    assert yamlio.cached(b"facts", lambda: 3) == 3


def _another_medlint(monkeypatch, name: bytes, makers: bytes = b"the same pattern code"):
    """What an upgraded (or edited) medlint sees: its own code differs; the code that makes the table's entries
    (``compiled.MADE_BY``) differs only when ``makers`` does."""
    import lint.yamlio as yamlio

    monkeypatch.setattr(yamlio, "_code_stamp", lambda files=None: name if files is None else makers)
    _fresh_process(monkeypatch)


def test_an_upgraded_medlint_keeps_the_table_and_compiles_only_new_patterns(store, monkeypatch):
    _another_medlint(monkeypatch, b"medlint 1")
    for pattern, flags in PATTERNS:
        compiled.compile_re(pattern, flags)
    compiled.save()

    _another_medlint(monkeypatch, b"medlint 2")  # rules and kinds changed, not the pattern code
    generated = []
    generate = compiled._generate
    monkeypatch.setattr(compiled, "_generate", lambda *a: generated.append(a[0]) or generate(*a))
    again = [compiled.compile_re(p, f) for p, f in PATTERNS[:3]] + [compiled.compile_re(r"\bnew\s+rule\b", re.I)]
    assert generated == [r"\bnew\s+rule\b"]
    assert matches(again[1]) == [((13, 34), {"num": "97.5"})]
    compiled.save()

    # an edit of the code that makes the entries: nothing stored is read
    _another_medlint(monkeypatch, b"medlint 2", makers=b"edited pattern code")
    generated.clear()
    compiled.compile_re(*PATTERNS[0])
    assert generated == [PATTERNS[0][0]]


def test_an_entry_no_medlint_of_the_last_two_generations_used_is_dropped(store, monkeypatch):
    old, kept, new = (r"\bold\s+rule\b", 0), (r"\bkept\s+rule\b", 0), (r"\bnew\s+rule\b", 0)

    def start(name: bytes, patterns) -> dict:
        _another_medlint(monkeypatch, name)
        for pattern in patterns:
            compiled.compile_re(*pattern)
        compiled.save()
        _fresh_process(monkeypatch)
        return compiled._load()

    assert {old, kept} <= set(start(b"medlint 1", [old, kept]))
    table = start(b"medlint 2", [kept])  # the old rule was edited away; its pattern stays one generation more
    assert {old, kept} <= set(table)
    table = start(b"medlint 3", [kept, new])
    assert old not in table and {kept, new} <= set(table)


def test_every_maker_of_stored_facts_is_part_of_the_tables_key():
    """A module whose code makes a fact ``derived`` keeps must be in ``compiled.MADE_BY``: an edit of it would
    otherwise leave a stale fact in the table for every later medlint."""
    from pathlib import Path

    package = Path(compiled.__file__).resolve().parent
    callers = {path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if re.search(r"(?<![\w.])derived\(", path.read_text(encoding="utf-8"))}
    assert callers and callers <= set(compiled.MADE_BY)
    assert all((package / name).is_file() for name in compiled.MADE_BY)


def test_no_prefilter_for_a_case_folded_non_ascii_start():
    from lint.matching import Prefilter

    pattern = compiled.compile_re("\u017fure", re.I)  # the long s folds to "s"
    assert pattern.search("SURE") and Prefilter.of(pattern) is None


def test_an_invalid_pattern_is_remembered_as_invalid(store, monkeypatch):
    # a pattern only the regex module compiles is parsed once, not at every start
    with pytest.raises(re.error):
        compiled.compile_re(r"(?<=a+)b", 0)
    compiled.save()
    _fresh_process(monkeypatch)
    monkeypatch.setattr(compiled, "_generate", lambda *a: pytest.fail("parsed again"))
    with pytest.raises(re.error):
        compiled.compile_re(r"(?<=a+)b", 0)


def test_the_data_cache_is_pruned_oldest_first_when_over_its_limit(tmp_path, monkeypatch):
    import os

    import lint.yamlio as yamlio

    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(yamlio, "DATA_CACHE_LIMIT", 3000)
    # entries left by earlier versions of medlint, oldest first
    for age in range(6):
        old = tmp_path / f"old{age}.pickle"
        old.write_bytes(b"x" * 1000)
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    assert yamlio.cached(b"today", lambda: "fresh") == "fresh"
    left = sorted(p.name for p in tmp_path.glob("*.pickle"))
    # under half the limit: the newest old entry and today's
    assert "old5.pickle" in left and "old0.pickle" not in left and len(left) == 2
    assert yamlio.cached(b"today", lambda: "rebuilt") == "fresh"


def test_an_entry_read_at_every_start_is_pruned_last_however_long_ago_it_was_written(tmp_path, monkeypatch):
    import os

    import lint.yamlio as yamlio

    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(yamlio, "DATA_CACHE_LIMIT", 3000)
    assert yamlio.cached(b"in use", lambda: "x" * 900) == "x" * 900
    in_use = yamlio._derived_entry(b"in use")
    os.utime(in_use, (1_000_000, 1_000_000))  # written long ago, before the entries of another medlint
    for age in range(4):
        other = tmp_path / f"other{age}.pickle"
        other.write_bytes(b"x" * 900)
        os.utime(other, (2_000_000 + age, 2_000_000 + age))
    assert yamlio.cached(b"in use", lambda: "made again") == "x" * 900  # read: just used
    assert yamlio.cached(b"today", lambda: "fresh") == "fresh"  # over the limit: pruned to half of it
    left = {p.name for p in tmp_path.glob("*.pickle")}
    assert in_use.name in left and "other0.pickle" not in left


def test_a_pattern_only_the_regex_module_compiles_is_stored_and_matches_the_same(store, monkeypatch):
    import regex

    # a look-behind of varying width: the standard library refuses it
    pattern = r"(?<=\b(?:kidney|renal)\s+stones?\s+(?:also\s+)?called\s+)nephrolithotomy\b"
    text = "Kidney stones, also called nephrolithotomy, form in the kidney. Kidney stones called nephrolithotomy."
    first = compiled.compile_regex_module(pattern, re.I)
    compiled.save()

    _fresh_process(monkeypatch)
    compiles = []
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: compiles.append(a) or real(*a, **k))
    again = compiled.compile_regex_module(pattern, re.I)
    assert compiles == []  # unpickled, not compiled
    reference = real(pattern, re.I)
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] \
        == [m.span() for m in reference.finditer(text)] == [(85, 100)]
    with pytest.raises(regex.error):
        compiled.compile_regex_module(r"(?<=a+)(unclosed", 0)


def test_a_second_start_compiles_nothing_and_finds_the_same_needles_whatever_the_hash_seed(tmp_path):
    """Every pattern and needle automaton the rules make is found in the data cache at the next start, in a process
    whose string hashes differ: a pattern or a needle order built from a set's order would be made (and stored)
    again at every start."""
    import subprocess
    import sys

    probe = (
        "import hashlib, lint.compiled as c, lint.matching as m\n"
        "made = []\n"
        "generate = c._generate\n"
        "c._generate = lambda pattern, flags: made.append(pattern) or generate(pattern, flags)\n"
        "from lint.config import load_settings\n"
        "from lint.engine import Linter\n"
        "Linter(load_settings(None)).lint_source('page.md', '# Knee surgery\\n\\nThe best surgeons say it is risk "
        "free. Studies show 90% of patients heal.\\n')\n"
        "print(len(made), hashlib.sha1(repr([tuple(side) for side in m.PAGE_NEEDLES.sides]).encode()).hexdigest())\n"
    )

    def start(seed: str) -> list[str]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "MEDLINT_DATA_CACHE": str(tmp_path / "cache")}
        return subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True,
                              check=True).stdout.split()

    made_first, needles_first = start("1")
    made_second, needles_second = start("2")
    assert int(made_first) > 100  # (an empty cache: everything was made)
    assert made_second == "0"
    assert needles_second == needles_first
