"""Safe fixes: apply the findings' replacements to the source, show them as a diff, write atomically.

A finding carries a fix only when its rule is marked ``fix: true``, there is one
clear replacement, and its span is plain prose (the engine drops the fix when
the source span holds markup or entities). Code, markup and front matter are
never in a finding's span, so they are never touched. Medical rewrites that need
judgement stay suggestions.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import os
import posixpath
import signal
import stat
import tempfile
import threading
from typing import Callable, Iterable

from lint.model import Finding

#: lint -> fix -> lint again: a fix can expose another ("the the the"); a pair of
#: rules that undo each other must not loop for ever.
MAX_PASSES = 8


def apply_fixes(source: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """The source with every applicable fix applied, and how many were applied.

    A fix applies when the source still holds the finding's text at its span.
    Of overlapping fixes the first (by position) wins; the others wait for the
    next pass, when they are found again if still needed.
    """
    out: list[str] = []
    pos = 0
    applied = 0
    for f in sorted((f for f in findings if f.fix is not None), key=Finding.sort_key):
        if f.start < pos or source[f.start : f.end] != f.text or f.fix.replacement == f.text:
            continue
        out.append(source[pos : f.start])
        out.append(f.fix.replacement)
        pos = f.end
        applied += 1
    if not applied:
        return source, 0
    out.append(source[pos:])
    return "".join(out), applied


def fix_until_stable(source: str, lint: Callable[[str], list[Finding]], findings: list[Finding] | None = None):
    """Lint and fix repeatedly until no fix applies (at most MAX_PASSES times).

    ``lint(source)`` returns the findings of a source text; ``findings`` are those
    of ``source`` when the caller already has them. Returns (fixed source, number
    of fixes applied, the findings that remain in the fixed source).
    """
    if findings is None:
        findings = lint(source)
    total = 0
    for _ in range(MAX_PASSES):
        fixed, applied = apply_fixes(source, findings)
        if not applied:
            break
        total += applied
        source = fixed
        findings = lint(source)
    return source, total, findings


def _patch_lines(text: str) -> list[str]:
    """The lines of a text as ``patch`` counts them: each ends at a newline, and keeps it (and a CR before it).

    str.splitlines also breaks at a lone CR, a form feed, U+2028 and other separators;
    a line cut there has no newline, so the diff would mark it "No newline at end of
    file" in the middle of a file and the patch would not apply.
    """
    lines = text.split("\n")
    last = lines.pop()
    out = [line + "\n" for line in lines]
    if last:
        out.append(last)
    return out


def _diff_name(path: str) -> str:
    """A path as a diff header names it after ``a/`` and ``b/``, as git does: "./" and a leading "/" dropped, so that
    ``patch -p1`` and ``git apply`` read "a/tmp/page.md" as the file (``patch`` refuses the absolute
    "/tmp/page.md" that "a//tmp/page.md" gives, and ``git apply`` rejects "a/./page.md")."""
    name = posixpath.normpath(path.replace(os.sep, "/")) if path else path
    return name.lstrip("/")


def unified_diff(path: str, before: str, after: str, bom: bool = False) -> str:
    """A unified diff (``a/path``, ``b/path``) of one file's fixes; empty when nothing changed.

    ``before`` and ``after`` are decoded sources, which lost the file's UTF-8 byte
    order mark. ``bom`` puts it back at the start of both: the diff's old lines
    must be the file's bytes, or ``patch`` finds no match for the first line (and
    ``--fix`` writes the mark back, so the new file starts with it too).
    """
    if before == after:
        return ""
    if bom:
        before, after = "\ufeff" + before, "\ufeff" + after
    name = _diff_name(path)
    lines = difflib.unified_diff(_patch_lines(before), _patch_lines(after), fromfile=f"a/{name}", tofile=f"b/{name}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class ReadOnlyFile(PermissionError):
    """The file's own permissions do not let this user write it: its fixes are not written."""

    def __init__(self, path: str):
        super().__init__(errno.EACCES, "read-only", path)


def write_atomic(path: str, text: str, bom: bool = False) -> None:
    """Replace a file's content with ``text`` (UTF-8), as the file's own permissions allow.

    The new content goes to a temporary file in the same folder, is flushed to
    disk, takes the old file's permission bits and owner and then replaces it, so
    a reader sees the old file or the new one, never half of one. A symbolic link
    is followed: its target is rewritten and the link stays.

    A file this user may not write (0444) raises ReadOnlyFile: a rename would
    replace it all the same, as the folder allows. A file with other hard links is
    rewritten in place (a rename would leave the other names on the old content), and
    so is a file in a folder this user may not write.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    info = os.stat(target)
    if not os.access(target, os.W_OK):
        raise ReadOnlyFile(path)
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    if info.st_nlink > 1 or not os.access(folder, os.W_OK):
        # (a folder this user may not write holds no temporary file: a writable page in it is rewritten in place)
        _write_in_place(target, data)
        return
    fd, tmp = tempfile.mkstemp(prefix=".medlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            # (root fixing another user's file must not hand it to root; chown before chmod, which it may clear)
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_in_place(target: str, data: bytes) -> None:
    """Rewrite a file's own inode (its other hard links see the change), with Ctrl-C held off until the file is
    whole: this write cannot be atomic, but it is never stopped halfway by the user."""
    blocked = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if blocked:
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        with open(target, "r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
