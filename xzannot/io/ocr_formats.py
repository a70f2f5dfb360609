"""Reading OCR files made by other tools (hOCR, PAGE XML, ALTO) into :class:`OcrPage` objects.

Each reader takes the lowest level of the file that carries text: a glyph's own box where
the file gives one, else the word's (or line's) box cut evenly over its characters. Between
two words a space is added only where neither neighbour is Chinese. Coordinates end up in
pixels of the page image, which must lie where the file says or beside it.

The resolution comes from the file where it states one (hOCR ``scan_res``; an ALTO
processing step's settings), else from the image's header, else 300 dpi is assumed; ALTO
files measured in ``mm10`` or ``inch1200`` are converted to pixels with that same resolution.

XML is parsed without loading DTDs, fetching anything or expanding entities; a file that
declares its own entities is refused, so an entity bomb is never expanded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import unquote, urlparse

from lxml import etree, html

from xzannot.core.boxes import Box
from xzannot.core.cjk import is_cjk
from xzannot.core.ocr import Glyph, OcrPage, quad_box, split_box
from xzannot.errors import UserError

OCR_SUFFIXES = (".hocr", ".html", ".htm", ".xml")
DEFAULT_DPI = 300.0

_HEAD_BYTES = 4096
_IMAGE_SUFFIXES = (".png", ".tif", ".tiff", ".jpg", ".jpeg", ".jp2", ".bmp", ".webp")
_NO_IMAGE = {"", "-", "unknown"}  # what engines write when they read the image from a pipe
_PAGE_NS = "schema.primaresearch.org/PAGE/gts/pagecontent"
_ALTO_NS = re.compile(r"www\.loc\.gov/standards/alto|schema\.ccs-gmbh\.com/ALTO|<(\w+:)?alto[\s>]")
_HOCR_MARK = re.compile(r"\bocr_page\b|ocr-system|ocr-capabilities")
_ENTITIES = "it declares XML entities of its own, which xzannot does not expand"
_FORMAT_NAMES = {"hocr": "hOCR", "page": "PAGE XML", "alto": "ALTO"}

Element = Any  # an lxml element (lxml ships no type hints)
Page = tuple[Path, OcrPage]


class _Invalid(Exception):
    """What is wrong inside the file, in words; the caller adds the file's name."""


def looks_like_ocr_file(path: Path) -> str | None:
    """``"hocr"``, ``"page"`` or ``"alto"`` from the file's first bytes, else None."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    text = head.decode(encoding, errors="replace")
    if _PAGE_NS in text:
        return "page"
    if _ALTO_NS.search(text):
        return "alto"
    if _HOCR_MARK.search(text):
        return "hocr"
    return None


def read_ocr_file(path: Path) -> list[Page]:
    """Each page of an hOCR, PAGE XML or ALTO file, with the path of its image."""
    path = path.absolute()
    kind = looks_like_ocr_file(path)
    if kind is None:
        raise UserError(f"{path} is not an hOCR, PAGE XML or ALTO file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    readers: dict[str, Callable[[bytes, Path], list[Page]]] = {
        "hocr": _read_hocr,
        "page": _read_page_xml,
        "alto": _read_alto,
    }
    try:
        pages = readers[kind](data, path)
    except etree.XMLSyntaxError as exc:
        # lxml's message ends with "(<string>, line N)", which says nothing to a user
        detail = (exc.msg or "it cannot be parsed").splitlines()[0]
        raise UserError(f"{path} is not well-formed XML: {detail}") from None
    except (_Invalid, etree.LxmlError) as exc:
        raise UserError(f"{path} is not a usable {_FORMAT_NAMES[kind]} file: {exc}") from None
    return pages


# ---- shared by the three formats ------------------------------------------------------


def _parse_xml(data: bytes) -> Element:
    if b"<!ENTITY" in data:  # refused before parsing, whatever libxml2's own limits are
        raise _Invalid(_ENTITIES)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # in UTF-16, say
        raise _Invalid(_ENTITIES)
    return root


def _local(element: Element) -> str:
    # not etree.QName, which refuses the odd tag names the HTML parser lets through
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _elements(root: Element, name: str) -> Iterator[Element]:
    """Descendants (and the root itself) with this local name, in document order."""
    return (e for e in root.iter(etree.Element) if _local(e) == name)


def _children(parent: Element, name: str) -> list[Element]:
    return [e for e in parent.iterchildren(etree.Element) if _local(e) == name]


def _where(element: Element) -> str:
    ident = element.get("id") or element.get("ID")
    name = _local(element) + (f" {ident}" if ident else "")
    return f"{name} (line {element.sourceline})" if element.sourceline else name


def _number(text: str | None, what: str) -> float:
    try:
        value = float(text)  # type: ignore[arg-type]  # None is refused below
    except (TypeError, ValueError):
        raise _Invalid(f"{what}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise _Invalid(f"{what}: {text!r} is not a number")
    if value < 0:
        raise _Invalid(f"{what}: {text} is negative")
    return value


def _box(values: Sequence[str], what: str) -> Box:
    if len(values) != 4:
        raise _Invalid(f"{what} has {len(values)} numbers, not 4")
    left, top, right, bottom = (_number(v, what) for v in values)
    if right < left or bottom < top:
        raise _Invalid(f"{what} has its right or bottom edge before its left or top one")
    return (left, top, right, bottom)


def _confidence(text: str | None, scale: float, what: str) -> float | None:
    """A confidence as 0..1 (out-of-range values are clamped: engines overshoot by a hair)."""
    if text is None or not text.strip():
        return None
    try:
        value = float(text) / scale
    except ValueError:
        raise _Invalid(f"{what} has confidence {text!r}, not a number") from None
    if math.isnan(value):
        raise _Invalid(f"{what} has confidence {text!r}, not a number")
    return min(max(value, 0.0), 1.0)


def _split_vertically(box: Box, count: int) -> list[Box]:
    left, top, right, bottom = box
    transposed = split_box((top, left, bottom, right), count)
    return [(b[1], b[0], b[3], b[2]) for b in transposed]


def _word(
    text: str,
    box: Box | None,
    confidence: float | None,
    alternatives: Sequence[Sequence[str]] = (),
    per_char: Sequence[float | None] = (),
) -> list[Glyph]:
    """A word without glyph boxes: its box cut evenly, one share per character.

    ``alternatives`` and ``per_char`` (confidences) hold one item per character; they are
    ignored where their length differs from the word's.
    """
    text = " ".join(text.split())
    count = len(text)
    if box is None:
        boxes: list[Box | None] = [None] * count
    elif count > 1 and all(is_cjk(c) for c in text) and box[3] - box[1] > box[2] - box[0]:
        boxes = list(_split_vertically(box, count))  # a column of vertical Chinese text
    else:
        boxes = list(split_box(box, count))
    confidences = list(per_char) if len(per_char) == count else [confidence] * count
    others = [tuple(a) for a in alternatives] if len(alternatives) == count else [()] * count
    return [
        Glyph(" ", None) if char == " " else Glyph(char, boxes[i], confidences[i], others[i])
        for i, char in enumerate(text)
    ]


def _positional(text: str, readings: Iterable[str]) -> list[list[str]]:
    """Other readings of a whole word turned into other readings per character.

    Only readings as long as the word can be lined up with it; the others are dropped.
    """
    text = " ".join(text.split())
    per_char: list[list[str]] = [[] for _ in text]
    for reading in readings:
        other = " ".join(reading.split())
        if len(other) != len(text):
            continue
        for i, (ours, theirs) in enumerate(zip(text, other, strict=True)):
            if theirs != ours and theirs not in per_char[i]:
                per_char[i].append(theirs)
    return per_char


def _line(words: Iterable[Sequence[Glyph]]) -> list[Glyph]:
    """Words joined into a line, with a space only where neither neighbour is Chinese."""
    line: list[Glyph] = []
    for word in words:
        glyphs = [g for g in word if g.char]
        if not glyphs:
            continue
        before, after = line[-1].char[-1] if line else " ", glyphs[0].char[0]
        if not (before.isspace() or after.isspace() or is_cjk(before) or is_cjk(after)):
            line.append(Glyph(" ", None))
        line.extend(glyphs)
    while line and line[-1].char.isspace():
        line.pop()
    return line


def _image_path(ocr_file: Path, name: str | None) -> Path:
    """The page image the OCR file names, there or beside the OCR file."""
    folder = ocr_file.parent
    name = (name or "").strip()
    if name.lower() in _NO_IMAGE:
        for suffix in _IMAGE_SUFFIXES:
            guess = folder / (ocr_file.stem + suffix)
            if guess.is_file():
                return guess
        raise UserError(
            f"{ocr_file.name} does not name its image and no image called {ocr_file.stem}.png "
            f"(or .tif, .jpg) is beside it in {folder}; put the image there and import again"
        )
    if "://" in name or name.startswith("file:"):
        name = unquote(urlparse(name).path)
    named = folder / name  # an absolute name stays as it is
    if named.is_file():
        return named
    base = (PureWindowsPath(name) if "\\" in name else PurePosixPath(name)).name
    beside = folder / base
    if base and beside.is_file():
        return beside
    raise UserError(
        f"{ocr_file.name} names its image {base or name}, which is not beside it in {folder}; "
        "put the image there and import again"
    )


def _image_dpi(image: Path) -> float | None:
    """The resolution the image file states, if it states a plausible one."""
    from xzannot.io.images import image_frame  # Pillow and numpy, only once a file is read

    try:
        frame = image_frame(image, 0)
    except UserError:
        return None  # a damaged image is refused where it is loaded, not here
    return frame.dpi if frame.dpi_from_file else None


# ---- hOCR -------------------------------------------------------------------------------

_HOCR_LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"}
_HOCR_GLYPH_CLASSES = {"ocrx_cinfo", "ocr_cinfo"}
# Tesseract's lstm_choice_mode spans: candidate characters, not the text itself
_HOCR_CHOICE_IDS = ("lstm_choices", "timestep", "choice_")
_HOCR_TITLE_PART = re.compile(r'(?:[^;"]|"[^"]*")+')


def _parse_hocr(data: bytes) -> Element:
    try:
        return _parse_xml(data)
    except etree.XMLSyntaxError:
        pass  # plain HTML (or XHTML using HTML's named entities): the HTML parser reads it
    try:
        data.decode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeDecodeError:
        encoding = None  # let the parser follow the file's own meta charset
    parser = html.HTMLParser(encoding=encoding, no_network=True, huge_tree=False)
    return html.document_fromstring(data, parser=parser)


def _classes(element: Element) -> set[str]:
    return set((element.get("class") or "").split())


def _properties(element: Element) -> dict[str, str]:
    """The hOCR properties of the title attribute, ``{"bbox": "0 0 10 10", ...}``."""
    props: dict[str, str] = {}
    for part in _HOCR_TITLE_PART.findall(element.get("title") or ""):
        key, _, value = part.strip().partition(" ")
        if key:
            props.setdefault(key, value.strip())
    return props


def _hocr_box(props: dict[str, str], element: Element, key: str = "bbox") -> Box | None:
    return _box(props[key].split(), f"the {key} of {_where(element)}") if key in props else None


def _is_choice(element: Element) -> bool:
    ident = element.get("id") or ""
    return "ocr_symbol" in _classes(element) or ident.startswith(_HOCR_CHOICE_IDS)


def _hocr_text(element: Element) -> str:
    """The element's text without Tesseract's candidate spans and hOCR's rejected readings."""
    parts = [element.text or ""]
    for child in element.iterchildren():
        is_element = isinstance(child.tag, str)
        rejected = is_element and _local(child) == "del"
        if is_element and not rejected and not _is_choice(child):
            parts.append(_hocr_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _choices(container: Element, chosen: str) -> list[str]:
    """Candidates of a Tesseract choice span, most confident first, without the chosen one."""
    scored = []
    for number, span in enumerate(container.iterchildren(etree.Element)):
        text = "".join(span.itertext()).strip()
        score = _confidence(_properties(span).get("x_confs"), 100, _where(span)) or 0.0
        scored.append((-score, number, text))
    result: list[str] = []
    for _, _, text in sorted(scored):
        if text and text != chosen and text not in result:
            result.append(text)
    return result


def _hocr_glyphs(span: Element, word_confidence: float | None) -> list[Glyph]:
    """A character-info span with ``x_bboxes``: its character(s), box(es) and choices."""
    text = "".join(_hocr_text(span).split())
    props = _properties(span)
    where = f"the x_bboxes of {_where(span)}"
    numbers = props["x_bboxes"].split()
    boxes = [_box(numbers[i : i + 4], where) for i in range(0, len(numbers), 4)]
    conf = _confidence(props.get("x_conf"), 100, _where(span))
    confs = [_confidence(c, 100, _where(span)) for c in props.get("x_confs", "").split()]
    if conf is None:
        conf = confs[0] if len(confs) == 1 else word_confidence
    if len(text) > 1 and len(boxes) == len(text):  # a box per code point, as hOCR allows
        if len(confs) != len(text):
            confs = [conf] * len(text)
        return [Glyph(*glyph) for glyph in zip(text, boxes, confs, strict=True)]
    # Tesseract's glyph: one grapheme, one box, its candidates in the span that follows
    follower = span.getnext()
    choices = (
        _choices(follower, text)
        if follower is not None and isinstance(follower.tag, str) and _is_choice(follower)
        else []
    )
    return [Glyph(text, boxes[0] if boxes else None, conf, tuple(choices))] if text else []


def _hocr_word(word: Element) -> list[Glyph]:
    props = _properties(word)
    confidence = _confidence(props.get("x_wconf"), 100, _where(word))
    inside = list(word.iter(etree.Element))
    spans = [
        e for e in inside if _classes(e) & _HOCR_GLYPH_CLASSES and "x_bboxes" in _properties(e)
    ]
    if spans:
        return [g for span in spans for g in _hocr_glyphs(span, confidence)]
    text = " ".join(_hocr_text(word).split())
    confs = [_confidence(c, 100, _where(word)) for c in props.get("x_confs", "").split()]
    # Tesseract without glyph boxes: one span of candidates per character
    choices = [e for e in inside if (e.get("id") or "").startswith("lstm_choices")]
    if choices:
        alternatives = [_choices(e, c) for e, c in zip(choices, text, strict=False)]
    else:  # hOCR's own markup: <del class="alt"> holds a rejected reading of the word
        alternatives = _positional(text, ("".join(e.itertext()) for e in _elements(word, "del")))
    return _word(text, _hocr_box(props, word), confidence, alternatives, confs)


def _read_hocr(data: bytes, path: Path) -> list[Page]:
    root = _parse_hocr(data)
    system = next(
        (
            (m.get("content") or "").strip()
            for m in _elements(root, "meta")
            if (m.get("name") or "").lower() == "ocr-system"
        ),
        "",
    )
    engine = f"hOCR ({system})" if system else "hOCR"
    result = []
    for page in (e for e in root.iter(etree.Element) if "ocr_page" in _classes(e)):
        props = _properties(page)
        box = _hocr_box(props, page)
        if box is None:
            raise _Invalid(f"{_where(page)} has no bbox, so the page's size is unknown")
        image = _image_path(path, props.get("image", "").strip().strip("\"'"))
        resolution = props.get("scan_res", "").split()
        dpi = (
            _number(resolution[0], f"the scan_res of {_where(page)}")
            if resolution
            else _image_dpi(image)
        )
        candidates = [e for e in page.iter(etree.Element) if _classes(e) & _HOCR_LINE_CLASSES]
        lines = []
        for element in candidates:
            if any(
                _classes(d) & _HOCR_LINE_CLASSES for d in element.iterdescendants(etree.Element)
            ):
                continue  # a block classed like a line (ABBYY's ocr_header): its lines count
            words = [e for e in element.iter(etree.Element) if "ocrx_word" in _classes(e)]
            if words:
                line = _line(_hocr_word(w) for w in words)
            else:
                line = _word(_hocr_text(element), _hocr_box(_properties(element), element), None)
            if line:
                lines.append(line)
        width, height = round(box[2]), round(box[3])  # the page's box starts at 0 0
        result.append((image, OcrPage(width, height, dpi or DEFAULT_DPI, lines, engine)))
    if not result:
        raise _Invalid("it has no element of class ocr_page")
    return result


# ---- PAGE XML -----------------------------------------------------------------------------


def _index(element: Element) -> int:
    try:
        return int(element.get("index"))
    except (TypeError, ValueError):
        raise _Invalid(f"{_where(element)} has index {element.get('index')!r}") from None


def _reading_order(page: Element) -> list[str]:
    """Region ids in the order of the ReadingOrder's groups, nested groups flattened."""
    ids: list[str] = []

    def walk(group: Element) -> None:
        if group.get("regionRef"):
            ids.append(group.get("regionRef"))
        members = [
            e
            for e in group.iterchildren(etree.Element)
            if _local(e).startswith(("RegionRef", "OrderedGroup", "UnorderedGroup"))
        ]
        if _local(group).startswith("OrderedGroup"):
            members.sort(key=_index)
        for member in members:
            if _local(member).startswith("RegionRef"):
                ids.append(member.get("regionRef") or "")
            else:
                walk(member)

    for order in _children(page, "ReadingOrder"):
        for group in order.iterchildren(etree.Element):
            walk(group)
    return ids


def _text_regions(page: Element) -> list[Element]:
    """TextRegions in reading order; a region not in it follows its nearest listed ancestor
    (a table's cells follow the table), and unlisted ones come last, in document order."""
    rank = {ident: number for number, ident in reversed(list(enumerate(_reading_order(page))))}
    unlisted = len(rank)

    def position(region: Element) -> int:
        for element in (region, *region.iterancestors()):
            if element.get("id") in rank:
                return rank[element.get("id")]
        return unlisted

    return sorted(_elements(page, "TextRegion"), key=position)


def _coords(element: Element) -> Box | None:
    coords = next(iter(_children(element, "Coords")), None)
    if coords is None:
        return None
    what = f"the Coords of {_where(element)}"
    if coords.get("points") is not None:
        pairs = [pair.split(",") for pair in coords.get("points").split()]
    else:  # the 2010 schema's Point elements
        pairs = [[p.get("x"), p.get("y")] for p in _children(coords, "Point")]
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise _Invalid(f"{what} are not pairs of x,y numbers")
    return quad_box([(_number(x, what), _number(y, what)) for x, y in pairs])


def _readings(element: Element) -> list[tuple[str, float | None]]:
    """The element's TextEquiv texts with confidences, first by index first."""
    equivs = list(enumerate(_children(element, "TextEquiv")))
    equivs.sort(key=lambda p: (_index(p[1]) if p[1].get("index") else math.inf, p[0]))
    readings = []
    for _, equiv in equivs:
        unicode = next(iter(_children(equiv, "Unicode")), None)
        text = "".join(unicode.itertext()) if unicode is not None else ""
        if text.strip():
            readings.append((text, _confidence(equiv.get("conf"), 1, _where(equiv))))
    return readings


def _page_word(word: Element) -> list[Glyph]:
    glyphs = _children(word, "Glyph")
    glyph_readings = [_readings(g) for g in glyphs]
    readings = _readings(word)
    if glyphs and (all(glyph_readings) or not readings):
        return [
            Glyph(
                "".join(r[0][0].split()),
                _coords(g),
                r[0][1],
                tuple(dict.fromkeys(t for t, _ in r[1:] if t != r[0][0])),
            )
            for g, r in zip(glyphs, glyph_readings, strict=True)
            if r
        ]
    return _page_text(word, readings)


def _page_text(element: Element, readings: list[tuple[str, float | None]]) -> list[Glyph]:
    if not readings:
        return []
    text, confidence = readings[0]
    others = _positional(text, (t for t, _ in readings[1:]))
    return _word(text, _coords(element), confidence, others)


def _page_line(line: Element) -> list[Glyph]:
    glyphs = _line(_page_word(w) for w in _children(line, "Word"))
    return glyphs or _page_text(line, _readings(line))


def _read_page_xml(data: bytes, path: Path) -> list[Page]:
    root = _parse_xml(data)
    if _local(root) != "PcGts":
        raise _Invalid(f"its root element is {_local(root)}, not PcGts")
    page = next(iter(_children(root, "Page")), None)
    if page is None:
        raise _Invalid("it has no Page element")
    size = []
    for attribute in ("imageWidth", "imageHeight"):
        if not page.get(attribute):
            raise _Invalid(f"its Page has no {attribute}, so the page's size is unknown")
        size.append(round(_number(page.get(attribute), f"the {attribute} of its Page")))
    image = _image_path(path, page.get("imageFilename"))
    creator = " ".join((root.findtext("{*}Metadata/{*}Creator") or "").split())
    engine = f"PAGE XML ({creator})" if creator else "PAGE XML"
    lines = [
        glyphs
        for region in _text_regions(page)
        for line in _children(region, "TextLine")
        if (glyphs := _page_line(line))
    ]
    ocr_page = OcrPage(size[0], size[1], _image_dpi(image) or DEFAULT_DPI, lines, engine)
    return [(image, ocr_page)]


# ---- ALTO -------------------------------------------------------------------------------

# pixels per unit for one dot per inch
_ALTO_UNITS = {"pixel": None, "mm10": 1 / 254, "inch1200": 1 / 1200}
_DPI_SETTING = re.compile(r"(\d+(?:\.\d+)?)\s*dpi|resolution\D{0,3}(\d+(?:\.\d+)?)", re.I)


def _alto_dpi(description: Element | None) -> float | None:
    """A resolution stated in the processing steps' free-text settings, if any."""
    if description is None:
        return None
    for settings in _elements(description, "processingStepSettings"):
        match = _DPI_SETTING.search(settings.text or "")
        if match:
            return float(match.group(1) or match.group(2))
    return None


def _alto_engine(description: Element | None) -> str:
    for software in () if description is None else _elements(description, "processingSoftware"):
        name = " ".join(
            (software.findtext(f"{{*}}{part}") or "").strip()
            for part in ("softwareName", "softwareVersion")
        ).strip()
        if name:
            return f"ALTO ({name})"
    return "ALTO"


def _alto_box(element: Element, scale: float) -> Box | None:
    names = ("HPOS", "VPOS", "WIDTH", "HEIGHT")
    if any(element.get(n) is None for n in names):
        return None
    left, top, width, height = (
        _number(element.get(n), f"the {n} of {_where(element)}") * scale for n in names
    )
    return (left, top, left + width, top + height)


def _alto_cc(string: Element, count: int) -> list[float | None]:
    """CC's digits (0 is sure, 9 unsure) as confidences, or nothing if they do not fit."""
    value = (string.get("CC") or "").strip()
    digits = value.split() if any(c.isspace() for c in value) else list(value)
    if len(digits) != count:
        return []
    if not all(d in "0123456789" and len(d) == 1 for d in digits):
        raise _Invalid(f"{_where(string)} has CC {value!r}, not digits from 0 to 9")
    return [1 - int(d) / 10 for d in digits]


def _alto_string(string: Element, scale: float) -> list[Glyph]:
    confidence = _confidence(string.get("WC"), 1, _where(string))
    glyphs = _children(string, "Glyph")
    if glyphs and all(g.get("CONTENT") for g in glyphs):
        per_char = _alto_cc(string, len(glyphs)) or [confidence] * len(glyphs)
        result = []
        for glyph, fallback in zip(glyphs, per_char, strict=True):
            own = _confidence(glyph.get("GC"), 1, _where(glyph))
            variants = (v.get("CONTENT") for v in _children(glyph, "Variant"))
            result.append(
                Glyph(
                    glyph.get("CONTENT"),
                    _alto_box(glyph, scale),
                    fallback if own is None else own,
                    tuple(v for v in variants if v),
                )
            )
        return result
    text = " ".join((string.get("CONTENT") or "").split())
    others = _positional(text, (a.text or "" for a in _children(string, "ALTERNATIVE")))
    box = _alto_box(string, scale)
    return _word(text, box, confidence, others, _alto_cc(string, len(text)))


def _read_alto(data: bytes, path: Path) -> list[Page]:
    root = _parse_xml(data)
    if _local(root) != "alto":
        raise _Invalid(f"its root element is {_local(root)}, not alto")
    description = next(iter(_children(root, "Description")), None)
    unit = (root.findtext("{*}Description/{*}MeasurementUnit") or "pixel").strip().lower()
    if unit not in _ALTO_UNITS:
        raise _Invalid(f"its MeasurementUnit is {unit[:20]!r}, not pixel, mm10 or inch1200")
    image = _image_path(path, root.findtext("{*}Description/{*}sourceImageInformation/{*}fileName"))
    dpi = _alto_dpi(description) or _image_dpi(image) or DEFAULT_DPI
    per_inch = _ALTO_UNITS[unit]
    scale = 1.0 if per_inch is None else dpi * per_inch
    engine = _alto_engine(description)
    result = []
    for page in _elements(root, "Page"):
        if not (page.get("WIDTH") and page.get("HEIGHT")):
            raise _Invalid(f"{_where(page)} has no WIDTH or HEIGHT, so its size is unknown")
        width, height = (
            round(_number(page.get(n), f"the {n} of {_where(page)}") * scale)
            for n in ("WIDTH", "HEIGHT")
        )
        lines = [
            glyphs
            for line in _elements(page, "TextLine")
            if (glyphs := _line(_alto_string(s, scale) for s in _children(line, "String")))
        ]
        result.append((image, OcrPage(width, height, dpi, lines, engine)))
    if not result:
        raise _Invalid("it has no Page element")
    return result
