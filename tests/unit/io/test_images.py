"""Reading scanned pages from TIFF, JPEG and PNG files, every one made here with Pillow."""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, JpegImagePlugin, TiffImagePlugin

from xzannot.errors import UserError
from xzannot.io.images import (
    DEFAULT_DPI,
    IMAGE_SUFFIXES,
    ImageFrame,
    image_frames,
    load_frame,
    looks_like_image,
    rotate,
)


def _page(size: tuple[int, int], mode: str = "L") -> Image.Image:
    """A white page with a black block in its top-left quarter (and paper everywhere else)."""
    width, height = size
    page = Image.new("L", size, 255)
    ImageDraw.Draw(page).rectangle([width // 10, height // 10, width // 3, height // 3], fill=0)
    if mode == "1":
        return page.convert("1", dither=Image.Dither.NONE)
    return page.convert(mode)


def _ink_and_paper(image: Image.Image) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The colour inside the block and the colour of the bottom-right paper."""
    width, height = image.size
    ink = image.getpixel((width * 2 // 10, height * 2 // 10))
    paper = image.getpixel((width * 8 // 10, height * 8 // 10))
    assert isinstance(ink, tuple) and isinstance(paper, tuple)
    return ink, paper


def _assert_black_on_white(image: Image.Image) -> None:
    assert image.mode == "RGB"
    ink, paper = _ink_and_paper(image)
    assert max(ink) < 40, ink
    assert min(paper) > 215, paper


def _write_tiff(path: Path, frames: list[tuple[Image.Image, dict[str, object]]]) -> None:
    """A multi-page TIFF whose frames each have their own compression and resolution."""
    with TiffImagePlugin.AppendingTiffWriter(str(path), new=True) as tiff:
        for image, options in frames:
            image.save(tiff, "TIFF", **options)
            tiff.newFrame()


def _patch_tiff_tag(data: bytes, frame: int, tag: int, value: int) -> bytes:
    """The little-endian TIFF with a SHORT tag of one frame's directory set to ``value``."""
    out = bytearray(data)
    (offset,) = struct.unpack_from("<I", out, 4)
    for _ in range(frame):
        (entries,) = struct.unpack_from("<H", out, offset)
        (offset,) = struct.unpack_from("<I", out, offset + 2 + 12 * entries)
    (entries,) = struct.unpack_from("<H", out, offset)
    for entry in range(entries):
        at = offset + 2 + 12 * entry
        if struct.unpack_from("<H", out, at)[0] == tag:
            struct.pack_into("<H", out, at + 8, value)
            return bytes(out)
    raise AssertionError(f"tag {tag} not in frame {frame}")


def _png_declaring(width: int, height: int) -> bytes:
    """A small valid PNG whose IHDR then claims ``width`` × ``height`` (with a correct CRC)."""
    buffer = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    assert data[12:16] == b"IHDR"
    struct.pack_into(">II", data, 16, width, height)
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))
    return bytes(data)


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    """Pages 1-4: Group 4 bitonal at 600 dpi, LZW grey at 200 dpi, RGB at 100 dots per cm,
    LZW grey with no resolution."""
    path = tmp_path / "scans.tif"
    _write_tiff(
        path,
        [
            (_page((2000, 1400), "1"), {"compression": "group4", "dpi": (600, 600)}),
            (_page((900, 1200), "L"), {"compression": "tiff_lzw", "dpi": (200, 200)}),
            (
                _page((500, 700), "RGB"),
                {"x_resolution": 100, "y_resolution": 100, "resolution_unit": 3},
            ),
            (_page((300, 400), "L"), {"compression": "tiff_lzw"}),
        ],
    )
    return path


def test_constants() -> None:
    assert DEFAULT_DPI == 300.0
    assert IMAGE_SUFFIXES == (".tif", ".tiff", ".jpg", ".jpeg", ".png")


def test_images_are_recognised_by_their_first_bytes(tmp_path: Path) -> None:
    png = tmp_path / "scan.dat"
    _page((20, 20)).save(png, "PNG")
    jpeg = tmp_path / "photo.png"  # misnamed
    _page((20, 20)).save(jpeg, "JPEG")
    little = tmp_path / "little"
    _page((20, 20)).save(little, "TIFF")
    big = tmp_path / "big"
    Image.fromarray(np.full((20, 20), 9000, dtype=">u2")).save(big, "TIFF")
    assert big.read_bytes()[:4] == b"MM\x00*"
    text = tmp_path / "notes.tif"
    text.write_text("II not a tiff\n", encoding="utf-8")
    pdf = tmp_path / "scan.png"
    pdf.write_bytes(b"%PDF-1.7\n")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert all(looks_like_image(p) for p in (png, jpeg, little, big))
    assert not any(looks_like_image(p) for p in (text, pdf, empty))
    with pytest.raises(UserError, match="cannot read"):
        looks_like_image(tmp_path / "absent.png")


def test_every_frame_of_a_multi_page_tiff_with_its_own_resolution(scans: Path) -> None:
    with Image.open(scans) as tiff:
        assert tiff.info["compression"] == "group4" and tiff.mode == "1"
        tiff.seek(1)
        assert tiff.info["compression"] == "tiff_lzw"
    assert image_frames(scans) == [
        ImageFrame(0, 2000, 1400, 600.0, True),
        ImageFrame(1, 900, 1200, 200.0, True),
        ImageFrame(2, 500, 700, 254.0, True),
        ImageFrame(3, 300, 400, DEFAULT_DPI, False),
    ]


def test_each_frame_loads_as_rgb(scans: Path) -> None:
    for frame in image_frames(scans):
        image = load_frame(scans, frame.index)
        assert image.size == (frame.width, frame.height)
        _assert_black_on_white(image)


def test_scale_halves_the_size(scans: Path) -> None:
    half = load_frame(scans, 0, scale=0.5)
    assert half.size == (1000, 700)
    _assert_black_on_white(half)
    assert load_frame(scans, 1, scale=0.5).size == (450, 600)
    assert load_frame(scans, 2, scale=0.1).size == (50, 70)
    assert load_frame(scans, 3, scale=2.0).size == (600, 800)


def test_a_bitonal_frame_is_shrunk_before_it_becomes_rgb(
    scans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversions: list[tuple[str, str, tuple[int, int]]] = []
    convert = Image.Image.convert

    def spy(self: Image.Image, mode: str | None = None, *args: object, **kw: object) -> Image.Image:
        conversions.append((self.mode, str(mode), self.size))
        return convert(self, mode, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "convert", spy)
    load_frame(scans, 0, scale=0.25)
    to_rgb = [size for _, mode, size in conversions if mode == "RGB"]
    assert to_rgb == [(500, 350)]


def test_a_page_beyond_the_last_is_refused_in_words(scans: Path) -> None:
    with pytest.raises(UserError, match=r"scans\.tif has 4 pages; there is no page 5"):
        load_frame(scans, 4)
    with pytest.raises(UserError, match="no page 0"):
        load_frame(scans, -1)


def test_jpeg_resolution_and_exif_orientation(tmp_path: Path) -> None:
    upright = _page((200, 300), "RGB")  # as the phone's user saw it
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # as the sensor wrote it
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to show
    path = tmp_path / "photo.jpg"
    stored.save(path, "JPEG", dpi=(400, 400), exif=exif.tobytes(), quality=95)
    assert image_frames(path) == [ImageFrame(0, 200, 300, 400.0, True)]
    image = load_frame(path, 0)
    assert image.size == (200, 300)
    _assert_black_on_white(image)
    assert load_frame(path, 0, scale=0.5).size == (100, 150)


def test_jpeg_resolution_from_exif_and_none_at_all(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x011A] = 118.0  # dots per centimetre
    exif[0x0128] = 3
    by_exif = tmp_path / "exif.jpg"
    _page((60, 40), "RGB").save(by_exif, "JPEG", exif=exif.tobytes())
    assert image_frames(by_exif)[0].dpi == pytest.approx(299.72)
    # EXIF without a resolution: Pillow's info["dpi"] says 72 here; the file says nothing
    bare_exif = Image.Exif()
    bare_exif[0x0112] = 1
    without = tmp_path / "without.jpg"
    _page((60, 40), "RGB").save(without, "JPEG", exif=bare_exif.tobytes())
    assert image_frames(without) == [ImageFrame(0, 60, 40, DEFAULT_DPI, False)]


@pytest.mark.parametrize("dpi", [10, 5000])
def test_an_implausible_resolution_is_replaced(tmp_path: Path, dpi: int) -> None:
    path = tmp_path / "odd.jpg"
    _page((60, 40), "L").save(path, "JPEG", dpi=(dpi, dpi))
    assert image_frames(path) == [ImageFrame(0, 60, 40, DEFAULT_DPI, False)]


def test_png_resolution_from_phys_and_missing(tmp_path: Path) -> None:
    with_phys = tmp_path / "with.png"
    _page((90, 120), "L").save(with_phys, "PNG", dpi=(300, 300))
    assert b"pHYs" in with_phys.read_bytes()
    assert image_frames(with_phys) == [ImageFrame(0, 90, 120, 300.0, True)]
    low = tmp_path / "low.png"
    _page((90, 120), "L").save(low, "PNG", dpi=(150, 150))
    assert image_frames(low)[0].dpi == 150.0
    without = tmp_path / "without.png"
    _page((90, 120), "L").save(without, "PNG")
    assert image_frames(without) == [ImageFrame(0, 90, 120, DEFAULT_DPI, False)]


def _rgba_page(size: tuple[int, int]) -> Image.Image:
    page = Image.new("RGBA", size, (0, 0, 0, 0))  # transparent, and black under it
    w, h = size
    ImageDraw.Draw(page).rectangle([w // 10, h // 10, w // 3, h // 3], fill=(0, 0, 0, 255))
    return page


def _sixteen_bit(size: tuple[int, int]) -> Image.Image:
    """Ink at 8000 and paper at 60000 of 65535: clipped to 8 bits, both would be white."""
    values = np.where(np.asarray(_page(size, "L")) < 128, 8000, 60000).astype(np.uint16)
    return Image.fromarray(values)


def _thirty_two_bit(size: tuple[int, int]) -> Image.Image:
    """16-bit samples in a 32-bit integer image (mode "I")."""
    return Image.fromarray(np.asarray(_sixteen_bit(size), dtype=np.int32))


def _floating(size: tuple[int, int]) -> Image.Image:
    """Samples from 0 to 1 in a floating-point image (mode "F")."""
    values = np.asarray(_page(size, "L"), dtype=np.float32) / 255
    return Image.fromarray(values)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("grey.png", lambda size: _page(size, "L")),
        ("palette.png", lambda size: _page(size, "RGB").quantize(8)),
        ("transparent.png", _rgba_page),
        ("grey-alpha.png", lambda size: _rgba_page(size).convert("LA")),
        ("sixteen.png", _sixteen_bit),
        ("sixteen.tif", _sixteen_bit),
        ("integer.tif", _thirty_two_bit),
        ("float.tif", _floating),
        ("cmyk.tif", lambda size: _page(size, "CMYK")),
        ("cmyk.jpg", lambda size: _page(size, "CMYK")),
        ("bitonal.png", lambda size: _page(size, "1")),
        ("palette.tif", lambda size: _page(size, "P")),
    ],
)
def test_every_mode_comes_out_rgb(
    tmp_path: Path, name: str, make: Callable[[tuple[int, int]], Image.Image]
) -> None:
    path = tmp_path / name
    made = make((160, 120))
    made.save(path)
    with Image.open(path) as reopened:
        assert reopened.mode == made.mode or name == "sixteen.png"
    image = load_frame(path, 0)
    assert image.size == (160, 120)
    _assert_black_on_white(image)
    _assert_black_on_white(load_frame(path, 0, scale=0.5))


def test_a_big_jpeg_is_decoded_at_a_fraction_of_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.jpg"
    _page((4000, 3000), "RGB").save(path, "JPEG")
    decoded: list[tuple[int, int]] = []
    load = JpegImagePlugin.JpegImageFile.load

    def spy(self: JpegImagePlugin.JpegImageFile) -> object:
        decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", spy)
    image = load_frame(path, 0, scale=0.1)
    assert image.size == (400, 300)
    _assert_black_on_white(image)
    assert decoded and decoded[0] == (500, 375)  # libjpeg's 1/8


def test_too_many_pixels_at_the_scale_asked_are_refused(scans: Path) -> None:
    with pytest.raises(UserError, match=r"page 1 of 4 would be 2000 × 1400 pixels"):
        load_frame(scans, 0, max_pixels=1_000_000)
    assert load_frame(scans, 0, scale=0.5, max_pixels=1_000_000).size == (1000, 700)


@pytest.mark.parametrize("pillow_limit", ["pillow's own", None, 40_000**2])
@pytest.mark.parametrize("side", [(30000, 30000), (22000, 20000)])
def test_a_decompression_bomb_is_refused_in_words(
    tmp_path: Path,
    side: tuple[int, int],
    pillow_limit: str | int | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # another library in the same process may lift Pillow's limit (OCR-D's image module sets
    # it to 1.6 billion pixels on import): the refusal must not depend on it
    if pillow_limit != "pillow's own":
        monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pillow_limit)
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_declaring(*side))
    # whatever the program's warning filters (pytest's turn warnings into errors)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(UserError, match=r"bomb\.png: the image is too large to open"):
            image_frames(path)
        with pytest.raises(UserError, match="too large"):
            load_frame(path, 0, scale=0.01)


def test_a_frame_over_400_million_pixels_is_refused(scans: Path) -> None:
    data = _patch_tiff_tag(scans.read_bytes(), 2, 256, 30000)  # ImageWidth of page 3
    huge = scans.with_name("huge.tif")
    huge.write_bytes(_patch_tiff_tag(data, 2, 257, 30000))  # ImageLength
    message = (
        r"huge\.tif, page 3 of 4: the image is too large to open "
        r"\(30000 × 30000 pixels, more than the 400,000,000"
    )
    with pytest.raises(UserError, match=message):
        image_frames(huge)
    with pytest.raises(UserError, match=message):
        load_frame(huge, 2, scale=0.01)
    _assert_black_on_white(load_frame(huge, 1))


def test_a_huge_header_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    path.write_bytes(_png_declaring(20000, 20000))
    assert image_frames(path) == [ImageFrame(0, 20000, 20000, DEFAULT_DPI, False)]
    with pytest.raises(UserError, match=r"20000 × 20000 pixels at 1 times its size"):
        load_frame(path, 0)


def test_a_truncated_jpeg_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    buffer = io.BytesIO()
    Image.effect_noise((600, 400), 60).convert("RGB").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(UserError, match=r"cut\.jpg: the image is cut short") as caught:
        load_frame(path, 0)
    assert "\n" not in str(caught.value)


def test_a_damaged_tiff_frame_is_refused_naming_the_page(scans: Path) -> None:
    with Image.open(scans) as tiff:
        assert isinstance(tiff, TiffImagePlugin.TiffImageFile)
        tiff.seek(1)
        start = tiff.tag_v2[273][0]  # StripOffsets of page 2 (LZW)
    data = bytearray(scans.read_bytes())
    data[start : start + 2048] = bytes(range(256)) * 8
    damaged = scans.with_name("damaged.tif")
    damaged.write_bytes(bytes(data))
    _assert_black_on_white(load_frame(damaged, 0))  # page 1 is intact
    with pytest.raises(UserError, match=r"damaged\.tif, page 2 of 4: the image is damaged"):
        load_frame(damaged, 1)


def test_a_truncated_tiff_is_refused_in_words(scans: Path) -> None:
    # the directory of page 1 follows its image data; cut the file inside that directory
    (first_directory,) = struct.unpack_from("<I", scans.read_bytes(), 4)
    cut = scans.with_name("cut.tif")
    cut.write_bytes(scans.read_bytes()[: first_directory + 100])
    with pytest.raises(UserError, match=r"cut\.tif: the image is damaged"):
        load_frame(cut, 0)


def test_damaged_missing_and_other_files_are_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"absent\.png: no such file"):
        image_frames(tmp_path / "absent.png")
    with pytest.raises(UserError, match=r"absent\.png: no such file"):
        load_frame(tmp_path / "absent.png", 0)
    garbage = tmp_path / "garbage.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(UserError, match=r"garbage\.png"):
        image_frames(garbage)
    gif = tmp_path / "anim.gif"
    _page((20, 20)).save(gif, "GIF")
    with pytest.raises(UserError, match="not a TIFF, JPEG or PNG image"):
        image_frames(gif)
    with pytest.raises(UserError, match="a folder"):
        image_frames(tmp_path)


def test_an_unsupported_tiff_compression_is_named(scans: Path) -> None:
    jbig = scans.with_name("jbig.tif")
    jbig.write_bytes(_patch_tiff_tag(scans.read_bytes(), 0, 259, 34661))
    with pytest.raises(UserError, match=r"jbig\.tif, page 1 of 4: its TIFF compression \(JBIG\)"):
        image_frames(jbig)
    later = scans.with_name("later.tif")
    later.write_bytes(_patch_tiff_tag(scans.read_bytes(), 1, 259, 34712))
    with pytest.raises(UserError, match=r"later\.tif, page 2 of 4: .*\(JPEG 2000\) is not"):
        image_frames(later)
    with pytest.raises(UserError, match=r"later\.tif, page 2 of 4: .*\(JPEG 2000\) is not"):
        load_frame(later, 0)


def test_rotate_keeps_the_size_and_fills_with_white() -> None:
    black = Image.new("RGB", (300, 200), "black")
    assert rotate(black, 0) is black
    turned = rotate(black, 10)
    assert turned.size == (300, 200) and turned.mode == "RGB"
    assert turned.getpixel((0, 0)) == (255, 255, 255)
    assert turned.getpixel((150, 100)) == (0, 0, 0)
    grey = rotate(Image.new("L", (50, 80), 0), -3.5)
    assert grey.size == (50, 80) and grey.getpixel((0, 0)) == 255
    palette = rotate(Image.new("P", (40, 40)), 30)
    assert palette.mode == "RGB" and palette.getpixel((0, 0)) == (255, 255, 255)
