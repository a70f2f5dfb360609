"""Scanned pages in image files (TIFF, JPEG, PNG), read with Pillow.

The frames of a file with their size and resolution (:func:`image_frames`), one frame as an
RGB image at a scale (:func:`load_frame`), and the turn that straightens a tilted page
(:func:`rotate`). Memory stays bounded by the size asked for where the format allows it:
a JPEG is decoded at 1/2, 1/4 or 1/8 of its size by libjpeg, and every frame is reduced in
its own mode (1 bit, grey) before it becomes RGB. Anything wrong with a file, including
Pillow's own errors, is raised as :class:`~xzannot.errors.UserError` naming the file.
"""

from __future__ import annotations

import math
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, TiffImagePlugin

from xzannot.errors import UserError

IMAGE_SUFFIXES = (".tif", ".tiff", ".jpg", ".jpeg", ".png")
DEFAULT_DPI = 300.0

_MIN_DPI, _MAX_DPI = 50.0, 2400.0  # outside these a resolution is a placeholder or a slip
_MAX_FRAME_PIXELS = 400_000_000  # 20,000 × 20,000: an A0 sheet at 600 dpi is under half that
_FORMATS = ("TIFF", "JPEG", "PNG")
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_ORIENTATION = 0x0112  # EXIF tag
_X_RESOLUTION, _RESOLUTION_UNIT = 0x011A, 0x0128  # TIFF and EXIF tags
_COMPRESSION = 0x0103  # TIFF tag
_WHITE_FILLS: dict[str, int | tuple[int, ...]] = {
    "1": 255,
    "L": 255,
    "LA": (255, 255),
    "RGB": (255, 255, 255),
    "RGBA": (255, 255, 255, 255),
}
_COMPRESSION_NAMES = {34661: "JBIG", 34712: "JPEG 2000", 34715: "JBIG2", 34892: "lossy JPEG"}
# errors Pillow raises on a damaged file (its decoders and parsers use all of these)
_BROKEN = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
    OverflowError,
    MemoryError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)

# Pillow refuses an image over twice MAX_IMAGE_PIXELS (89 million by default) when opening it,
# before anything is decoded; this module checks the size of each frame itself, at the scale
# asked for, so Pillow's limit is raised to this module's: a 20,000 × 20,000 JPEG can be
# opened and then decoded at 1/8 of its size.
if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < _MAX_FRAME_PIXELS:
    Image.MAX_IMAGE_PIXELS = _MAX_FRAME_PIXELS


@dataclass(frozen=True, slots=True)
class ImageFrame:
    """One frame (page) of an image file: its size in pixels and its resolution."""

    index: int  # 0-based frame in the file
    width: int
    height: int
    dpi: float  # the file's horizontal resolution, or DEFAULT_DPI
    dpi_from_file: bool


def looks_like_image(path: Path) -> bool:
    """Whether the file starts like a PNG, JPEG or TIFF image (whatever its name)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return head.startswith(_MAGIC)


def image_frames(path: Path) -> list[ImageFrame]:
    """Every frame of a (multi-page) TIFF, or the one image of a JPEG or PNG."""
    with _reading(path), _open(path) as image:
        count = _frame_count(image)
        return [_frame(path, image, index, count) for index in range(count)]


def image_frame(path: Path, index: int) -> ImageFrame:
    """Frame ``index`` (from 0) alone: what rendering or reading one page needs, without
    going through every frame of a long TIFF."""
    with _reading(path), _open(path) as image:
        count = _frame_count(image)
        if not 0 <= index < count:
            pages = "1 page" if count == 1 else f"{count} pages"
            raise UserError(f"{path} has {pages}; there is no page {index + 1}")
        return _frame(path, image, index, count)


def _frame(path: Path, image: Image.Image, index: int, count: int) -> ImageFrame:
    with _reading(path, index, count):
        image.seek(index)
        width, height = image.size
        _check_frame(path, index, count, width, height)
        if _turns_sideways(image):
            width, height = height, width
        dpi, from_file = _resolution(image)
        return ImageFrame(index, width, height, dpi, from_file)


def load_frame(
    path: Path, index: int, *, scale: float = 1.0, max_pixels: int = 60_000_000
) -> Image.Image:
    """Frame ``index`` of the file as an RGB image, ``scale`` times its size in pixels."""
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number, not {scale}")
    with _reading(path), _open(path) as image:
        count = _frame_count(image)
        if not 0 <= index < count:
            pages = "1 page" if count == 1 else f"{count} pages"
            raise UserError(f"{path} has {pages}; there is no page {index + 1}")
        with _reading(path, index, count):
            image.seek(index)
            full = image.size
            _check_frame(path, index, count, *full)
            target = (max(1, round(full[0] * scale)), max(1, round(full[1] * scale)))
            if target[0] * target[1] > max_pixels:
                raise UserError(
                    f"{_where(path, index, count)} would be {target[0]} × {target[1]} pixels "
                    f"at {scale:g} times its size, more than the {max_pixels:,} allowed"
                )
            if _is_jpeg(image):
                # libjpeg decodes straight to 1/2, 1/4 or 1/8 of the size (never below target)
                image.draft("RGB", target)
            image.load()
            picture: Image.Image = image
            if _orientation(image) not in (None, 1):
                if _turns_sideways(image):
                    target = (target[1], target[0])
                # after the draft: the turn copies the smaller image
                picture = ImageOps.exif_transpose(image)
            return _to_rgb(_resize(_reducible(picture), target))


def rotate(image: Image.Image, degrees: float) -> Image.Image:
    """The image turned ``degrees`` counter-clockwise about its centre, same size, white fill.

    1-bit, grey and RGB(A) images keep their mode; others (palette, CMYK, 16-bit) come back in
    RGB, or RGBA if they have transparency.
    """
    if degrees == 0:
        return image
    if image.mode not in _WHITE_FILLS:
        # white has no one value in a palette, CMYK or 16-bit grey: such a page turns as RGB(A)
        has_alpha = "A" in image.getbands()
        image = image.convert("RGBA") if has_alpha else _to_rgb(_reducible(image))
    return image.rotate(
        degrees,
        resample=Image.Resampling.BILINEAR,
        expand=False,
        fillcolor=_WHITE_FILLS[image.mode],
    )


@contextmanager
def _open(path: Path) -> Iterator[Image.Image]:
    with warnings.catch_warnings():
        # Pillow's other warnings ("Corrupt EXIF data", "Possibly corrupt EXIF MakerNote")
        # come from files it reads all the same, or that fail with an error caught later
        warnings.simplefilter("ignore", UserWarning)
        # a decompression-bomb warning is an error, whatever the program's warning filters,
        # so that an over-large image is refused rather than decoded
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(path, formats=_FORMATS) as image:
            yield image


@contextmanager
def _reading(path: Path, index: int | None = None, count: int = 1) -> Iterator[None]:
    """Errors of the file system and of Pillow, raised again as UserError in words."""
    try:
        yield
    except UserError:
        raise
    except _BROKEN as exc:
        if isinstance(exc, (KeyError, Image.UnidentifiedImageError, OSError)):
            unsupported = _unsupported_tiff_compression(path)
            if unsupported is not None:
                page, pages, name = unsupported
                raise UserError(
                    f"{_where(path, page, pages)}: its TIFF compression ({name}) is not "
                    "supported; save the scan with Group 4, LZW or JPEG compression"
                ) from exc
        raise UserError(f"{_where(path, index, count)}: {_reason(exc)}") from exc


def _where(path: Path, index: int | None, count: int) -> str:
    if index is None or count == 1:
        return str(path)
    return f"{path}, page {index + 1} of {count}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "a folder, not an image"
    if isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return (
            f"the image is too large to open safely (more than {_MAX_FRAME_PIXELS:,} pixels, "
            "or a damaged header)"
        )
    if isinstance(exc, MemoryError):
        return "not enough memory to read the image"
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc)
    if isinstance(exc, Image.UnidentifiedImageError):
        return "not a TIFF, JPEG or PNG image that can be read (or a damaged one)"
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if "truncated" in detail.lower():
        return f"the image is cut short, the file is damaged or incompletely copied ({detail})"
    return f"the image is damaged or cannot be read ({detail})"


def _unsupported_tiff_compression(path: Path) -> tuple[int, int, str] | None:
    """The first frame of a TIFF with a compression Pillow does not know: (index, frames, name).

    Pillow says only "cannot identify image file" (or a bare KeyError) for those; the
    file's directories are read here, by hand, to name the compression instead.
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(64 * 1024 * 1024)  # enough for the directories of a long scan
    except OSError:
        return None  # the file's own error is the one to report
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(data[:4])
    if order is None:
        return None
    codes: list[int | None] = []
    try:
        (offset,) = struct.unpack_from(order + "I", data, 4)
        seen = set()
        while offset and offset not in seen and len(codes) < 100_000:
            seen.add(offset)
            (entries,) = struct.unpack_from(order + "H", data, offset)
            code = None
            for entry in range(entries):
                at = offset + 2 + 12 * entry
                tag, kind = struct.unpack_from(order + "HH", data, at)
                if tag == _COMPRESSION:
                    (code,) = struct.unpack_from(order + ("H" if kind == 3 else "I"), data, at + 8)
            codes.append(code)
            (offset,) = struct.unpack_from(order + "I", data, offset + 2 + 12 * entries)
    except struct.error:
        pass  # a damaged directory: the pages up to it are known
    for index, code in enumerate(codes):
        if code is not None and code not in TiffImagePlugin.COMPRESSION_INFO:
            return index, len(codes), _COMPRESSION_NAMES.get(code, f"number {code}")
    return None


def _frame_count(image: Image.Image) -> int:
    # a JPEG may carry a second, preview frame (MPO) and a PNG animation frames; a page is
    # the first of them; only a TIFF holds several pages
    if image.format == "TIFF":
        return int(getattr(image, "n_frames", 1))
    return 1


def _check_frame(path: Path, index: int, count: int, width: int, height: int) -> None:
    if width * height > _MAX_FRAME_PIXELS:
        raise UserError(
            f"{_where(path, index, count)}: the image is too large to open ({width} × {height} "
            f"pixels, more than the {_MAX_FRAME_PIXELS:,} xzannot opens)"
        )


def _is_jpeg(image: Image.Image) -> bool:
    # a phone's JPEG with a second (preview or depth) image in it opens as "MPO"
    return image.format in ("JPEG", "MPO")


def _orientation(image: Image.Image) -> int | None:
    # only a JPEG's EXIF orientation is applied: phones turn photos with it, scanners do not
    if not _is_jpeg(image):
        return None
    value = image.getexif().get(_ORIENTATION)
    return value if isinstance(value, int) else None


def _turns_sideways(image: Image.Image) -> bool:
    """Whether the EXIF orientation turns the image by a quarter (swapping width and height)."""
    return _orientation(image) in (5, 6, 7, 8)


def _resolution(image: Image.Image) -> tuple[float, bool]:
    """The frame's horizontal resolution in dpi and whether the file gave it."""
    value: float | None = None
    if isinstance(image, TiffImagePlugin.TiffImageFile):
        # read from the frame's own tags: Pillow keeps a previous frame's dpi in ``info``
        # when a frame has no absolute unit
        value = _per_inch(image.tag_v2.get(_X_RESOLUTION), image.tag_v2.get(_RESOLUTION_UNIT, 2))
    elif _is_jpeg(image):
        # the JFIF density, else the EXIF resolution; not Pillow's ``info["dpi"]``, which says
        # 72 for any JPEG with EXIF but no resolution in it
        unit = image.info.get("jfif_unit")
        density = image.info.get("jfif_density")
        if unit in (1, 2) and isinstance(density, tuple) and density:
            value = _per_inch(density[0], unit + 1)
        else:
            exif = image.getexif()
            value = _per_inch(exif.get(_X_RESOLUTION), exif.get(_RESOLUTION_UNIT, 2))
    else:
        dpi = image.info.get("dpi")
        if isinstance(dpi, tuple) and dpi:
            value = _number(dpi[0])
    if value is None or not (math.isfinite(value) and _MIN_DPI <= value <= _MAX_DPI):
        return DEFAULT_DPI, False
    # a PNG stores whole pixels per metre (0.0254 dpi each): 300 dpi comes back as 299.9994
    if abs(value - round(value)) < 0.013:
        value = float(round(value))
    return value, True


def _per_inch(value: object, unit: object) -> float | None:
    """A TIFF or EXIF resolution in dots per inch (unit 2: inch, 3: centimetre, 1: none)."""
    number = _number(value)
    if number is None or unit not in (2, 3):
        return None
    return number * 2.54 if unit == 3 else number


def _number(value: object) -> float | None:
    """A resolution as a float (Pillow gives floats, ints or TIFF rationals), or None."""
    if not isinstance(value, (int, float, TiffImagePlugin.IFDRational)):
        return None
    try:
        return float(value)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def _reducible(image: Image.Image) -> Image.Image:
    """The image in a mode that can be shrunk smoothly, with as few bytes per pixel as it needs.

    1-bit becomes grey (not RGB): a bitonal A3 page at 600 dpi is 70 MB in grey, 280 MB in RGB.
    """
    mode = image.mode
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode.startswith("I;16"):
        # Pillow's convert to L clips 16-bit values at 255 (a white page); scale them instead
        values = np.asarray(image)
        return Image.fromarray((values >> 8).astype(np.uint8))
    if mode in ("I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = float(values.max(initial=0.0))
        if top > 255:
            # 16-bit samples held as 32-bit integers (e.g. a 16-bit grey PNG)
            values = values / 257.0
        elif mode == "F" and top <= 1.0:
            values = values * 255.0
        return Image.fromarray(np.clip(np.rint(values), 0, 255).astype(np.uint8))
    if mode == "La":
        return image.convert("LA")
    if mode == "RGBa":
        return image.convert("RGBA")
    return image.convert("RGB")  # YCbCr, LAB, HSV and the rest


def _resize(image: Image.Image, target: tuple[int, int]) -> Image.Image:
    """The image at ``target`` size: first reduced by a whole factor (cheap, exact box
    averages), then resampled the rest of the way."""
    factor = min(image.width // target[0], image.height // target[1])
    if factor >= 2:
        image = image.reduce(factor)
    if image.size != target:
        image = image.resize(target, Image.Resampling.LANCZOS)
    return image


def _to_rgb(image: Image.Image) -> Image.Image:
    """The image in RGB, transparency flattened onto white paper; always a new image."""
    if image.mode in ("LA", "RGBA"):
        rgba = image.convert("RGBA")
        page = Image.new("RGB", image.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
        return page
    return image.convert("RGB")
