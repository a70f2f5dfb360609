"""Encoding a rendered page as PNG with the standard library (zlib), for exported images."""

from __future__ import annotations

import struct
import zlib

from xzannot.io.render import RenderedPage


def _chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def encode_png(image: RenderedPage) -> bytes:
    """An 8-bit RGB PNG of the image (each row unfiltered, the whole deflated once)."""
    row_bytes = image.width * 3
    data = image.data
    raw = bytearray()
    for row in range(image.height):
        offset = row * image.stride
        raw.append(0)  # filter type 0: none
        raw += data[offset : offset + row_bytes]
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, 2, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(bytes(raw), 6)),
            _chunk(b"IEND", b""),
        )
    )
