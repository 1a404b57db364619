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
