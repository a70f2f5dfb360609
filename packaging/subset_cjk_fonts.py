"""Make the CJK font subsets shipped in resources/fonts from full Noto CJK collections.

The subsets hold every GB 2312 character, ASCII, Latin-1, general and CJK
punctuation, full-width forms, the Kangxi radicals and CJK radicals supplement
blocks (so that text layers that map glyphs to radicals still display), and every
character of the sample texts. Run from the repository's top folder::

    python packaging/subset_cjk_fonts.py /usr/share/fonts/opentype/noto

(Debian's fonts-noto-cjk package puts the collections there; fonttools is in the
``dev`` extra.)
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x2000, 0x206F), (0x2100, 0x218F),
    (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2E80, 0x2EFF),
    (0x2F00, 0x2FDF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
]  # fmt: skip
FACES = {"Sans": "NotoSansCJK-Regular.ttc", "Serif": "NotoSerifCJK-Regular.ttc"}


def codepoints() -> set[int]:
    points: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                points.add(ord(bytes([high, low]).decode("gb2312")))
    for sample in (ROOT / "resources" / "samples").glob("*.txt"):
        points |= {ord(c) for c in sample.read_text(encoding="utf-8")}
    for first, last in RANGES:
        points |= set(range(first, last + 1))
    return points


def main(folder: str) -> None:
    points = codepoints()
    for face, collection in FACES.items():
        fonts = TTCollection(str(Path(folder) / collection)).fonts
        font = next(f for f in fonts if f["name"].getDebugName(1).endswith("CJK SC"))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.name_legacy = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        out = ROOT / "resources" / "fonts" / f"Noto{face}CJKsc-Regular-subset.otf"
        font.save(str(out))
        print(f"{out.name}: {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto")
