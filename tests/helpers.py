"""Small helpers the tests share."""

from __future__ import annotations

from lint.registry import Example

EXTENSIONS = {"txt": "example.txt", "md": "example.md", "html": "example.html"}


def lint_text(linter, text: str, fmt: str = "md", path: str | None = None):
    return linter.lint_source(path or EXTENSIONS[fmt], text)


def lint_example(linter, example: Example):
    return lint_text(linter, example.text, example.format)


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def apply_fixes(source: str, findings) -> str:
    out, pos = [], 0
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(source[pos : f.start])
        out.append(f.fix.replacement)
        pos = f.end
    out.append(source[pos:])
    return "".join(out)


def page_of(linter, text: str, path: str = "page.md"):
    """The Page the engine builds for a text, for tests of what rules share about it."""
    from lint.documents import parse
    from lint.page import Page, Unit

    document = parse(path, text, None)
    docs = linter.nlp.pipe([b.text for b in document.blocks])
    return Page(document, [Unit(b, d) for b, d in zip(document.blocks, docs)], linter.kb, linter.settings)


def copy_of_builtin_rule(pack, builtin: str, renames: dict, change: tuple | None = None):
    """The path of a copy of the built-in rule file ``builtin`` ("anatomy/ANA005-structure-mix-up.yaml") written in the
    folder ``pack``, with ``renames`` (old -> new: its code and name) and one ``change`` (old, new) made to it."""
    from lint.registry import builtin_rules_dir

    source = (builtin_rules_dir() / builtin).read_text(encoding="utf-8")
    if change is not None:
        assert change[0] in source
    for old, new in renames.items():
        source = source.replace(old, new)
    code = next(new for old, new in renames.items() if old.startswith("code:")).removeprefix("code: ")
    name = next(new for old, new in renames.items() if old.startswith("name:")).removeprefix("name: ")
    pack.mkdir(exist_ok=True)
    copy = pack / f"{code}-{name}.yaml"
    copy.write_text(source.replace(*change, 1) if change is not None else source, encoding="utf-8")
    return copy


def setup_error_of_changed_rule(tmp_path, builtin: str, renames: dict, change: tuple) -> str:
    """The setup error (exit 2 at the command line) of a copy of the built-in rule file ``builtin`` ("anatomy/ANA005-
    structure-mix-up.yaml") put in a pack of its own, with ``renames`` (old -> new: its code and name) and one
    ``change`` (old, new) made to it; the message must name the copy's file and code."""
    import pytest

    from lint.config import Settings
    from lint.engine import Linter, SetupError

    copy = copy_of_builtin_rule(tmp_path / "pack", builtin, renames, change)
    code = copy.name.split("-", 1)[0]
    with pytest.raises(SetupError) as err:
        Linter(Settings(rule_paths=[tmp_path], select=[code]))
    assert str(err.value).startswith(f"{copy}: rule {code}: ")
    return str(err.value)
