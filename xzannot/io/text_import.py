"""Reading plain-text files: dumped text layers (one page each) and reference witnesses."""

from __future__ import annotations

from pathlib import Path

from xzannot.core.dump import split_pages
from xzannot.core.folio import find_folio
from xzannot.core.pages import ExtractedPage, LabelSource, TextSource
from xzannot.errors import UserError

_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file written in UTF-8 (with or without BOM), GB18030 or UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UserError(f"{name} is neither a PDF nor a text file")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{name} is not in a text encoding xzannot reads (UTF-8, GB18030, UTF-16)")


def read_text_file(path: Path) -> str:
    """The text of a file, with line ends made ``\\n``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text = decode_text(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UserError(f"{path} is empty")
    return text


def dump_page(text: str, number: int = 1) -> ExtractedPage:
    """A dumped text layer as a page without boxes (its size is unknown: 0 × 0)."""
    page = ExtractedPage(number=number, width=0.0, height=0.0, text=text, source=TextSource.DUMP)
    folio = find_folio(text, [], 0.0)
    if folio:
        page.printed_label, page.label_source = folio, LabelSource.FOLIO
    return page


def dump_pages(text: str) -> list[ExtractedPage]:
    """A dumped text layer as its pages (a dump of a whole book holds many)."""
    return [dump_page(page, number) for number, page in enumerate(split_pages(text), start=1)]
