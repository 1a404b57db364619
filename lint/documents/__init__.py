"""Readers that turn source files into blocks of plain text mapped to the source."""

from __future__ import annotations

import codecs
import os

from lint.documents.base import (Block, Directive, Document, Link, SourceMap, TextBuilder, line_around, line_spans,
                                 line_starts, mark_reference_blocks)
from lint.documents.html import read_html
from lint.documents.markdown import read_markdown
from lint.documents.text import read_text

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_EXTENSIONS = tuple(READERS)

__all__ = [
    "Block", "Directive", "Document", "Link", "SourceMap", "TextBuilder", "READERS",
    "SUPPORTED_EXTENSIONS", "DocumentError", "decode", "line_around", "line_spans", "line_starts", "parse",
]


class DocumentError(Exception):
    """A file that cannot be read as a page (not UTF-8, binary, ...)."""


def decode(data: bytes) -> str:
    """Decode UTF-8 with or without a byte-order mark; anything else is an error."""
    # UTF-32's little-endian mark begins with UTF-16's (FF FE), so it is looked for first
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        raise DocumentError("file is UTF-32; save it as UTF-8")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise DocumentError("file is UTF-16; save it as UTF-8")
    head = data[:8192]
    if b"\x00" in head:
        encoding = _wide_encoding(head)
        if encoding:
            raise DocumentError(f"file looks like {encoding} without a byte order mark; save it as UTF-8")
        raise DocumentError("binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); save the file as UTF-8"
        ) from None


def _wide_encoding(head: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when NUL bytes stand where mostly-ASCII text in that encoding has them (English prose
    in UTF-16 is a NUL after or before every letter), else None: a binary file has its NULs anywhere."""
    for encoding, width in (("UTF-32", 4), ("UTF-16", 2)):
        units = len(head) // width
        if units < 4:
            continue
        for zero_bytes in (range(1, width), range(width - 1)):  # little-endian: the high bytes last; big: first
            zero = sum(all(head[i * width + k] == 0 for k in zero_bytes) for i in range(units))
            text = sum(head[i * width + (0 if zero_bytes.start else width - 1)] != 0 for i in range(units))
            if zero >= 0.9 * units and text >= 0.9 * units:
                return encoding
    return None


def reader_for(path: str, stdin_filename: str | None = None):
    name = stdin_filename if path == "-" and stdin_filename else path
    ext = os.path.splitext(name)[1].lower()
    return READERS.get(ext, read_text)


def parse(path: str, source: str, stdin_filename: str | None = None) -> Document:
    document = reader_for(path, stdin_filename)(path, source)
    mark_reference_blocks(document.blocks)
    return document
