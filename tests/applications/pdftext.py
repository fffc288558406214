"""Read the text back out of a reportlab PDF without a PDF library: reportlab writes CID-font text
as UTF-16BE literal strings inside (Flate/ASCII85-encoded) content streams."""

from __future__ import annotations

import base64
import re
import zlib


def _unescape(raw: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == 0x5C:  # backslash
            nxt = raw[i + 1 : i + 2]
            if nxt and nxt in b"01234567":
                digits = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4]).group(0)
                out.append(int(digits, 8) & 0xFF)
                i += 1 + len(digits)
                continue
            mapping = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
            out.append(mapping.get(nxt, nxt[0] if nxt else 0x5C))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


def pdf_text(data: bytes) -> str:
    texts = []
    for match in re.finditer(rb"<<(.*?)>>\s*stream\r?\n(.*?)endstream", data, re.S):
        header, body = match.group(1), match.group(2)
        if b"ASCII85" in header:
            body = base64.a85decode(body.strip(), adobe=True)
        if b"Flate" in header:
            body = zlib.decompress(body)
        for literal in re.finditer(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", body, re.S):
            raw = _unescape(literal.group(1))
            try:
                texts.append(raw.decode("utf-16-be"))
            except UnicodeDecodeError:
                texts.append(raw.decode("latin-1"))
    return "".join(texts)
