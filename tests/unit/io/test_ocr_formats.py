"""Other tools' OCR files (hOCR, PAGE XML, ALTO) read into pages of glyphs.

The sample files are written here, after what Tesseract, OCR-D and ABBYY write; the page
images are tiny PNGs made with Pillow, whose header may state a resolution.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from xzannot.core.ocr import Glyph, OcrPage
from xzannot.errors import UserError
from xzannot.io.ocr_formats import OCR_SUFFIXES, looks_like_ocr_file, read_ocr_file

PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/{}"
ALTO_NS = "http://www.loc.gov/standards/alto/ns-{}#"


def _image(path: Path, dpi: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("L", (8, 8), 255)
    if dpi is None:
        image.save(path)
    else:
        image.save(path, dpi=(dpi, dpi))
    return path


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def _texts(page: OcrPage) -> list[str]:
    return ["".join(g.char for g in line) for line in page.lines]


def _glyphs(page: OcrPage, line: int, text: str) -> list[Glyph]:
    """The glyphs of ``text`` where it first occurs in the line."""
    chars = "".join(g.char for g in page.lines[line])
    start = chars.index(text)
    return page.lines[line][start : start + len(text)]


def _boxes(glyphs: list[Glyph]) -> list[tuple[float, ...] | None]:
    return [None if g.box is None else tuple(round(v, 6) for v in g.box) for g in glyphs]


def _confidences(glyphs: list[Glyph]) -> list[float | None]:
    return [None if g.confidence is None else round(g.confidence, 6) for g in glyphs]


# ---- hOCR ---------------------------------------------------------------------------------

TESSERACT_HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title></title>
  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
  <meta name='ocr-system' content='tesseract 5.3.0' />
  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word'/>
 </head>
 <body>
  <div class='ocr_page' id='page_1'
       title='image "scans/scan.png"; bbox 0 0 1240 1754; ppageno 0; scan_res 300 300'>
   <div class='ocr_carea' id='block_1_1' title="bbox 100 100 640 240">
    <p class='ocr_par' id='par_1_1' lang='chi_sim' title="bbox 100 100 640 240">
     <span class='ocr_line' id='line_1_1' title="bbox 100 100 610 140; baseline 0 -5; x_size 40">
      <span class='ocrx_word' id='word_1_1' title='bbox 100 100 260 140; x_wconf 95'>
       <span class='ocrx_cinfo' title='x_bboxes 100 100 140 140; x_conf 99.5'>全</span>
       <span class='ocrx_cinfo' title='x_bboxes 141 101 180 139; x_conf 98'>年</span>
       <span class='ocrx_cinfo' title='x_bboxes 181 100 220 140; x_conf 61.5'>实</span>
        <span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
         <span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 61.5'>实</span>
         <span class='ocrx_cinfo' id='choice_1_1_2' title='x_confs 30.25'>宝</span>
         <span class='ocrx_cinfo' id='choice_1_1_3' title='x_confs 35'>买</span>
        </span>
       <span class='ocrx_cinfo' title='x_bboxes 221 100 260 140; x_conf 97'>现</span>
      </span>
      <span class='ocrx_word' id='word_1_2' title='bbox 270 100 450 140; x_wconf 91'>地区生产总值</span>
      <span class='ocrx_word' id='word_1_3' title='bbox 460 100 520 140; x_wconf 96'>GDP</span>
      <span class='ocrx_word' id='word_1_4' title='bbox 530 100 610 140; x_wconf 88'>2022</span>
     </span>
     <span class='ocr_caption' id='line_1_2' title="bbox 100 150 300 190">
      <span class='ocrx_word' id='word_1_5' title='bbox 100 150 160 190; x_wconf 90'><strong>R&amp;D</strong></span>
      <span class='ocrx_word' id='word_1_6' title='bbox 170 150 300 190; x_wconf 85'>投入</span>
     </span>
     <span class='ocr_line' id='line_1_3' title="bbox 100 200 300 240"></span>
    </p>
   </div>
  </div>
 </body>
</html>
"""  # noqa: E501

# plain HTML (unclosed meta, &nbsp;), two pages, no scan_res, per-character confidences,
# a line without words, hOCR's own markup for another reading, and a box per code point
PLAIN_HOCR = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="ocr-system" content="kraken 4.3.13">
<body>
<div class="ocr_page" title="image 'p1.png'; bbox 0 0 800 600">
 <span class="ocr_line" title="bbox 10 10 110 40"><span class="ocrx_word"
   title="bbox 10 10 110 40; x_confs 90 80 70 60">统计公报</span></span>
 <span class="ocr_line" title="bbox 10 50 160 80">第二行&nbsp;</span>
</div>
<div class="ocr_page" title="image 'p2.png'; bbox 0 0 900 700">
 <span class="ocr_line" title="bbox 10 10 70 40"><span class="ocrx_word"
   title="bbox 10 10 70 40; x_wconf 80"><span class="alternatives"><ins class="alt"
   title="nlp 0.2">三产</ins><del class="alt" title="nlp 0.9">三严</del></span></span></span>
 <span class="ocr_line" title="bbox 10 50 70 80"><span class="ocrx_word" title="bbox 10 50 70 80"
   ><span class="ocr_cinfo" title="x_bboxes 10 50 40 80 41 50 70 80; x_confs 95 45">城乡</span
 ></span></span>
</div>
</body></html>
"""


def test_tesseract_hocr_glyph_and_word_boxes(tmp_path: Path) -> None:
    image = _image(tmp_path / "scans" / "scan.png", dpi=150)
    source = _write(tmp_path / "scan.hocr", TESSERACT_HOCR)
    [(path, page)] = read_ocr_file(source)
    assert path == image
    assert (page.width, page.height, page.dpi) == (1240, 1754, 300.0)  # scan_res wins
    assert page.engine == "hOCR (tesseract 5.3.0)"
    assert _texts(page) == ["全年实现地区生产总值GDP 2022", "R&D投入"]
    assert page.layer().text == "全年实现地区生产总值GDP 2022\nR&D投入"

    glyph_level = _glyphs(page, 0, "全年实现")
    assert _boxes(glyph_level) == [
        (100, 100, 140, 140),
        (141, 101, 180, 139),
        (181, 100, 220, 140),
        (221, 100, 260, 140),
    ]
    assert _confidences(glyph_level) == [0.995, 0.98, 0.615, 0.97]
    assert [g.alternatives for g in glyph_level] == [(), (), ("买", "宝"), ()]

    split = _glyphs(page, 0, "地区生产总值")
    assert _boxes(split) == [(270 + 30 * i, 100, 300 + 30 * i, 140) for i in range(6)]
    assert _confidences(split) == [0.91] * 6
    latin = _glyphs(page, 0, "GDP 2022")
    assert _boxes(latin) == [
        (460, 100, 480, 140),
        (480, 100, 500, 140),
        (500, 100, 520, 140),
        None,
        (530, 100, 550, 140),
        (550, 100, 570, 140),
        (570, 100, 590, 140),
        (590, 100, 610, 140),
    ]
    assert latin[3] == Glyph(" ", None, None)
    assert _confidences(latin) == [0.96, 0.96, 0.96, None, 0.88, 0.88, 0.88, 0.88]
    assert _boxes(_glyphs(page, 1, "R&D")) == [
        (100, 150, 120, 190),
        (120, 150, 140, 190),
        (140, 150, 160, 190),
    ]


def test_plain_html_hocr_with_two_pages(tmp_path: Path) -> None:
    first = _image(tmp_path / "p1.png", dpi=200)
    second = _image(tmp_path / "p2.png")
    pages = read_ocr_file(_write(tmp_path / "book.html", PLAIN_HOCR))
    assert [path for path, _ in pages] == [first, second]
    one, two = (page for _, page in pages)
    assert (one.width, one.height, one.dpi) == (800, 600, 200.0)  # from the PNG's header
    assert (two.width, two.height, two.dpi) == (900, 700, 300.0)  # nothing says: assumed
    assert one.engine == two.engine == "hOCR (kraken 4.3.13)"
    assert _texts(one) == ["统计公报", "第二行"]
    assert _boxes(one.lines[0]) == [(10 + 25 * i, 10, 35 + 25 * i, 40) for i in range(4)]
    assert _confidences(one.lines[0]) == [0.9, 0.8, 0.7, 0.6]
    assert _boxes(one.lines[1]) == [(10, 50, 60, 80), (60, 50, 110, 80), (110, 50, 160, 80)]
    assert _confidences(one.lines[1]) == [None] * 3
    assert _texts(two) == ["三产", "城乡"]
    assert [g.alternatives for g in two.lines[0]] == [(), ("严",)]
    assert _confidences(two.lines[0]) == [0.8, 0.8]
    assert _boxes(two.lines[1]) == [(10, 50, 40, 80), (41, 50, 70, 80)]
    assert _confidences(two.lines[1]) == [0.95, 0.45]


# ---- PAGE XML -------------------------------------------------------------------------------


def _equiv(text: str) -> str:
    return f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv>"


# regions in the document: r1 (with r1a inside), r2, r3, r4; in the reading order: r2, then
# a nested group of r1a and r3, then r1; r4 is not in it and comes last
PAGE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
  <Metadata>
    <Creator>OCR-D ocrd_tesserocr 0.17.0</Creator>
    <Created>2024-01-01T00:00:00</Created><LastChange>2024-01-01T00:00:00</LastChange>
  </Metadata>
  <Page imageFilename="scan.png" imageWidth="1240" imageHeight="1754">
    <ReadingOrder>
      <OrderedGroup id="ro">
        <RegionRefIndexed index="2" regionRef="r1"/>
        <RegionRefIndexed index="0" regionRef="r2"/>
        <OrderedGroupIndexed id="nested" index="1">
          <RegionRefIndexed index="1" regionRef="r3"/>
          <RegionRefIndexed index="0" regionRef="r1a"/>
        </OrderedGroupIndexed>
      </OrderedGroup>
    </ReadingOrder>
    <TextRegion id="r1">
      <Coords points="100,100 300,100 300,340 100,340"/>
      <TextLine id="l1">
        <Coords points="100,100 260,100 260,140 100,140"/>
        <Word id="w1">
          <Coords points="100,100 260,100 260,140 100,140"/>
          <Glyph id="g1">
            <Coords points="100,100 140,100 140,140 100,140"/>
            <TextEquiv conf="0.99"><Unicode>全</Unicode></TextEquiv>
          </Glyph>
          <Glyph id="g2">
            <Coords points="141,101 180,101 180,139 141,139"/>
            <TextEquiv conf="0.98"><Unicode>年</Unicode></TextEquiv>
          </Glyph>
          <Glyph id="g3">
            <Coords points="181,100 220,100 220,140 181,140"/>
            <TextEquiv index="2" conf="0.3"><Unicode>宝</Unicode></TextEquiv>
            <TextEquiv index="1" conf="0.62"><Unicode>实</Unicode></TextEquiv>
            <TextEquiv index="3" conf="0.1"><Unicode>买</Unicode></TextEquiv>
          </Glyph>
          <Glyph id="g4">
            <Coords points="221,100 260,100 260,140 221,140"/>
            <TextEquiv conf="0.97"><Unicode>现</Unicode></TextEquiv>
          </Glyph>
          <TextEquiv conf="0.9"><Unicode>全年实现</Unicode></TextEquiv>
        </Word>
        <TextEquiv><Unicode>全年实现</Unicode></TextEquiv>
      </TextLine>
      <TextRegion id="r1a">
        <Coords points="100,300 160,300 160,330 100,330"/>
        <TextLine id="l1a">
          <Coords points="100,300 160,300 160,330 100,330"/>
          <TextEquiv conf="0.75"><Unicode>附注</Unicode></TextEquiv>
        </TextLine>
      </TextRegion>
    </TextRegion>
    <TextRegion id="r2">
      <Coords points="270,100 610,100 610,140 270,140"/>
      <TextLine id="l2">
        <Coords points="270,100 610,100 610,140 270,140"/>
        <Word id="w2">
          <Coords points="270,100 450,100 450,140 270,140"/>
          <TextEquiv conf="0.91"><Unicode>地区生产总值</Unicode></TextEquiv>
        </Word>
        <Word id="w3">
          <Coords points="460,100 520,100 520,140 460,140"/>
          <TextEquiv conf="0.96"><Unicode>GDP</Unicode></TextEquiv>
        </Word>
        <Word id="w4">
          <Coords points="530,100 610,100 610,140 530,140"/>
          <TextEquiv index="1" conf="0.88"><Unicode>2022</Unicode></TextEquiv>
          <TextEquiv index="2" conf="0.1"><Unicode>2O22</Unicode></TextEquiv>
        </Word>
        <TextEquiv><Unicode>地区生产总值 GDP 2022</Unicode></TextEquiv>
      </TextLine>
    </TextRegion>
    <TextRegion id="r3">
      <Coords points="100,400 200,400 200,500 100,500"/>
      <TextLine id="l3">
        <Coords points="100,400 200,400 200,440 100,440"/>
        <TextEquiv><Unicode></Unicode></TextEquiv>
      </TextLine>
      <TextLine id="l3b">
        <Coords points="100,450 190,445 192,485 102,490"/>
        <Word id="w5">
          <Coords points="100,450 190,445 192,485 102,490"/>
          <TextEquiv conf="0.8"><Unicode>新区</Unicode></TextEquiv>
        </Word>
      </TextLine>
    </TextRegion>
    <TextRegion id="r4">
      <Coords points="100,1600 300,1600 300,1640 100,1640"/>
      <TextLine id="l4">
        <Coords points="100,1600 140,1600 140,1640 100,1640"/>
        <TextEquiv><Unicode>页脚</Unicode></TextEquiv>
      </TextLine>
    </TextRegion>
  </Page>
</PcGts>
"""


def test_page_xml_reading_order_levels_and_alternatives(tmp_path: Path) -> None:
    image = _image(tmp_path / "scan.png", dpi=200)
    [(path, page)] = read_ocr_file(_write(tmp_path / "page.xml", PAGE_XML))
    assert path == image
    assert (page.width, page.height, page.dpi) == (1240, 1754, 200.0)
    assert page.engine == "PAGE XML (OCR-D ocrd_tesserocr 0.17.0)"
    # document order would be 全年实现, 附注, 地区…, 新区, 页脚
    assert _texts(page) == ["地区生产总值GDP 2022", "附注", "新区", "全年实现", "页脚"]

    words = page.lines[0]
    assert _boxes(words[:6]) == [(270 + 30 * i, 100, 300 + 30 * i, 140) for i in range(6)]
    assert _confidences(words) == [0.91] * 6 + [0.96] * 3 + [None] + [0.88] * 4
    assert _boxes(words[6:9]) == [(460, 100, 480, 140), (480, 100, 500, 140), (500, 100, 520, 140)]
    assert words[9] == Glyph(" ", None, None)
    assert [g.alternatives for g in words[10:]] == [(), ("O",), (), ()]

    assert _boxes(page.lines[1]) == [(100, 300, 130, 330), (130, 300, 160, 330)]  # line level
    assert _confidences(page.lines[1]) == [0.75, 0.75]
    assert _boxes(page.lines[2]) == [(100, 445, 146, 490), (146, 445, 192, 490)]  # a polygon

    glyphs = page.lines[3]
    assert _boxes(glyphs) == [
        (100, 100, 140, 140),
        (141, 101, 180, 139),
        (181, 100, 220, 140),
        (221, 100, 260, 140),
    ]
    assert _confidences(glyphs) == [0.99, 0.98, 0.62, 0.97]
    assert [g.alternatives for g in glyphs] == [(), (), ("宝", "买"), ()]
    assert _confidences(page.lines[4]) == [None, None]


@pytest.mark.parametrize("version", ["2013-07-15", "2017-07-15", "2018-07-15", "2019-07-15"])
def test_page_xml_namespaces(tmp_path: Path, version: str) -> None:
    _image(tmp_path / "scan.png")
    text = f"""<PcGts xmlns="{PAGE_NS.format(version)}"><Page imageFilename="scan.png"
      imageWidth="800" imageHeight="600"><TextRegion id="r"><TextLine id="l">
      <Coords points="10,10 70,10 70,40 10,40"/>{_equiv("统计")}</TextLine></TextRegion>
      </Page></PcGts>"""
    source = _write(tmp_path / "page.xml", text)
    assert looks_like_ocr_file(source) == "page"
    [(_, page)] = read_ocr_file(source)
    assert (page.width, page.height, page.dpi, page.engine) == (800, 600, 300.0, "PAGE XML")
    assert _texts(page) == ["统计"]
    assert _boxes(page.lines[0]) == [(10, 10, 40, 40), (40, 10, 70, 40)]


# ---- ALTO -----------------------------------------------------------------------------------


def _alto_mm10(settings: str = "") -> str:
    step = f"<processingStepSettings>{settings}</processingStepSettings>" if settings else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="{ALTO_NS.format("v4")}">
  <Description>
    <MeasurementUnit>mm10</MeasurementUnit>
    <sourceImageInformation><fileName>scan.png</fileName></sourceImageInformation>
    <OCRProcessing ID="ocr"><ocrProcessingStep>{step}<processingSoftware>
      <softwareCreator>ABBYY</softwareCreator><softwareName>FineReader Engine</softwareName>
      <softwareVersion>12</softwareVersion></processingSoftware></ocrProcessingStep>
    </OCRProcessing>
  </Description>
  <Layout><Page ID="p1" WIDTH="2100" HEIGHT="2970" PHYSICAL_IMG_NR="1">
    <PrintSpace HPOS="0" VPOS="0" WIDTH="2100" HEIGHT="2970"><TextBlock ID="b1">
      <TextLine ID="l1" HPOS="254" VPOS="254" WIDTH="1016" HEIGHT="127">
        <String ID="s1" CONTENT="全年" HPOS="254" VPOS="254" WIDTH="254" HEIGHT="127" WC="0.9"/>
        <String ID="s2" CONTENT="GDP" HPOS="762" VPOS="254" WIDTH="127" HEIGHT="127" WC="0.8"/>
        <SP WIDTH="127" HPOS="889" VPOS="254"/>
        <String ID="s3" CONTENT="2022" HPOS="1016" VPOS="254" WIDTH="254" HEIGHT="127"
                CC="0 0 1 9"/>
      </TextLine>
    </TextBlock></PrintSpace>
  </Page></Layout>
</alto>
"""


@pytest.mark.parametrize(
    ("image_dpi", "settings", "dpi"),
    [(None, "", 300.0), (200, "", 200.0), (200, "binarised at 400 dpi", 400.0)],
)
def test_alto_mm10_converted_to_pixels(
    tmp_path: Path, image_dpi: float | None, settings: str, dpi: float
) -> None:
    _image(tmp_path / "scan.png", dpi=image_dpi)
    [(_, page)] = read_ocr_file(_write(tmp_path / "alto.xml", _alto_mm10(settings)))
    assert page.dpi == dpi
    assert (page.width, page.height) == (round(2100 * dpi / 254), round(2970 * dpi / 254))
    assert page.engine == "ALTO (FineReader Engine 12)"
    assert _texts(page) == ["全年GDP 2022"]
    inch = dpi  # 254 mm10 is an inch
    line = page.lines[0]
    assert _boxes(line[:2]) == [
        (inch, inch, 1.5 * inch, 1.5 * inch),
        (1.5 * inch, inch, 2 * inch, 1.5 * inch),
    ]
    assert _boxes(line[2:5]) == [
        (round((3 + i / 6) * inch, 6), inch, round((3 + (i + 1) / 6) * inch, 6), 1.5 * inch)
        for i in range(3)
    ]
    assert _boxes(line[6:]) == [
        (round((4 + i / 4) * inch, 6), inch, round((4 + (i + 1) / 4) * inch, 6), 1.5 * inch)
        for i in range(4)
    ]
    assert _confidences(line) == [0.9, 0.9, 0.8, 0.8, 0.8, None, 1.0, 1.0, 0.9, 0.1]


def test_alto_mm10_at_300_dpi_exactly(tmp_path: Path) -> None:
    _image(tmp_path / "scan.png")
    [(_, page)] = read_ocr_file(_write(tmp_path / "alto.xml", _alto_mm10()))
    assert (page.width, page.height, page.dpi) == (2480, 3508, 300.0)  # A4
    assert _boxes(page.lines[0][:2]) == [(300, 300, 450, 450), (450, 300, 600, 450)]


def test_alto_inch1200(tmp_path: Path) -> None:
    _image(tmp_path / "scan.png")
    text = _alto_mm10().replace("mm10", "inch1200")
    [(_, page)] = read_ocr_file(_write(tmp_path / "alto.xml", text))
    assert (page.width, page.height, page.dpi) == (525, 742, 300.0)  # 2100 and 2970 / 4
    assert _boxes(page.lines[0][:2]) == [(63.5, 63.5, 95.25, 95.25), (95.25, 63.5, 127, 95.25)]


def _alto_pixels(namespace: str | None) -> str:
    xmlns = "" if namespace is None else f' xmlns="{namespace}"'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alto{xmlns}>
  <Description>
    <MeasurementUnit>pixel</MeasurementUnit>
    <sourceImageInformation><fileName>C:\\scans\\scan.png</fileName></sourceImageInformation>
  </Description>
  <Layout><Page ID="p1" WIDTH="1240" HEIGHT="1754"><PrintSpace><TextBlock ID="b1">
    <TextLine ID="l1" HPOS="100" VPOS="100" WIDTH="310" HEIGHT="40">
      <String ID="s1" CONTENT="全年" HPOS="100" VPOS="100" WIDTH="80" HEIGHT="40" WC="0.95">
        <Glyph ID="g1" CONTENT="全" HPOS="100" VPOS="100" WIDTH="40" HEIGHT="40" GC="0.99"/>
        <Glyph ID="g2" CONTENT="年" HPOS="141" VPOS="101" WIDTH="39" HEIGHT="38" GC="0.6">
          <Variant CONTENT="午" VC="0.3"/>
        </Glyph>
      </String>
      <String ID="s2" CONTENT="地区" HPOS="190" VPOS="100" WIDTH="60" HEIGHT="40" WC="0.7">
        <ALTERNATIVE PURPOSE="OCR">地医</ALTERNATIVE>
      </String>
      <String ID="s3" CONTENT="GDP" HPOS="260" VPOS="100" WIDTH="60" HEIGHT="40" WC="0.96"/>
      <SP HPOS="320" VPOS="100" WIDTH="10"/>
      <String ID="s4" CONTENT="2022" HPOS="330" VPOS="100" WIDTH="80" HEIGHT="40" CC="0019"/>
      <HYP CONTENT="-"/>
    </TextLine>
    <TextLine ID="l2" HPOS="100" VPOS="150" WIDTH="10" HEIGHT="40"/>
  </TextBlock></PrintSpace></Page></Layout>
</alto>
"""


@pytest.mark.parametrize(
    "namespace", [ALTO_NS.format("v2"), ALTO_NS.format("v3"), ALTO_NS.format("v4"), None]
)
def test_alto_pixels_glyphs_and_alternatives(tmp_path: Path, namespace: str | None) -> None:
    image = _image(tmp_path / "scan.png", dpi=200)
    source = _write(tmp_path / "alto.xml", _alto_pixels(namespace))
    assert looks_like_ocr_file(source) == "alto"
    [(path, page)] = read_ocr_file(source)
    assert path == image  # named with a Windows path, found beside the file
    assert (page.width, page.height, page.dpi, page.engine) == (1240, 1754, 200.0, "ALTO")
    assert _texts(page) == ["全年地区GDP 2022"]
    line = page.lines[0]
    assert _boxes(line) == [
        (100, 100, 140, 140),
        (141, 101, 180, 139),
        (190, 100, 220, 140),
        (220, 100, 250, 140),
        (260, 100, 280, 140),
        (280, 100, 300, 140),
        (300, 100, 320, 140),
        None,
        (330, 100, 350, 140),
        (350, 100, 370, 140),
        (370, 100, 390, 140),
        (390, 100, 410, 140),
    ]
    assert _confidences(line) == [0.99, 0.6, 0.7, 0.7, 0.96, 0.96, 0.96, None, 1.0, 1.0, 0.9, 0.1]
    assert [g.alternatives for g in line[:4]] == [(), ("午",), (), ("医",)]


# ---- errors -----------------------------------------------------------------------------


def _minimal_page(image: str = "scan.png", coords: str = "10,10 70,10 70,40 10,40") -> str:
    return f"""<PcGts xmlns="{PAGE_NS.format("2019-07-15")}"><Page imageFilename="{image}"
      imageWidth="800" imageHeight="600"><TextRegion id="r"><TextLine id="l">
      <Coords points="{coords}"/>{_equiv("统计")}</TextLine></TextRegion></Page></PcGts>"""


@pytest.mark.parametrize("name", ["scan_001.tif", "old/scans/scan_001.tif", "C:\\x\\scan_001.tif"])
def test_missing_image_is_named(tmp_path: Path, name: str) -> None:
    source = _write(tmp_path / "page.xml", _minimal_page(name))
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    assert str(caught.value) == (
        f"page.xml names its image scan_001.tif, which is not beside it in {tmp_path}; "
        "put the image there and import again"
    )


def test_image_not_named_is_the_one_named_like_the_file(tmp_path: Path) -> None:
    image = _image(tmp_path / "scan.png")
    text = TESSERACT_HOCR.replace('image "scans/scan.png"', 'image "-"')
    assert read_ocr_file(_write(tmp_path / "scan.hocr", text))[0][0] == image
    with pytest.raises(UserError, match="does not name its image"):
        read_ocr_file(_write(tmp_path / "other.hocr", text))


def test_image_found_beside_the_file_when_its_folder_is_gone(tmp_path: Path) -> None:
    image = _image(tmp_path / "scan.png")
    source = _write(tmp_path / "page.xml", _minimal_page("/no/such/folder/scan.png"))
    assert read_ocr_file(source)[0][0] == image


def _assert_one_line(error: pytest.ExceptionInfo[UserError], source: Path, *words: str) -> None:
    message = str(error.value)
    assert str(source) in message and "\n" not in message
    for word in words:
        assert word in message


def test_malformed_xml(tmp_path: Path) -> None:
    _image(tmp_path / "scan.png")
    source = _write(tmp_path / "page.xml", _minimal_page()[:-30])
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    _assert_one_line(caught, source, "not well-formed XML")
    assert caught.value.__suppress_context__


@pytest.mark.parametrize(
    ("coords", "words"),
    [
        ("10,10 70,10 70,40 -5,40", ("negative", "TextLine l")),
        ("10,10 70,10 seventy,40", ("not a number", "TextLine l")),
        ("10 10 70 40", ("pairs",)),
    ],
)
def test_bad_coordinates(tmp_path: Path, coords: str, words: tuple[str, ...]) -> None:
    _image(tmp_path / "scan.png")
    source = _write(tmp_path / "page.xml", _minimal_page(coords=coords))
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    _assert_one_line(caught, source, "PAGE XML", *words)


def test_bad_alto_position(tmp_path: Path) -> None:
    _image(tmp_path / "scan.png")
    text = _alto_pixels(None).replace('HPOS="260"', 'HPOS="2x0"')
    source = _write(tmp_path / "alto.xml", text)
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    _assert_one_line(caught, source, "ALTO", "HPOS", "String s3", "not a number")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.xml", _minimal_page().replace('imageWidth="800"', "")),
        ("alto.xml", _alto_pixels(None).replace('WIDTH="1240" ', "")),
        ("scan.hocr", TESSERACT_HOCR.replace("bbox 0 0 1240 1754; ", "")),
    ],
)
def test_page_without_size(tmp_path: Path, name: str, text: str) -> None:
    _image(tmp_path / "scan.png")
    _image(tmp_path / "scans" / "scan.png")
    source = _write(tmp_path / name, text)
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    _assert_one_line(caught, source, "size is unknown")


_LAUGHS = "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
)


def _bomb(text: str, root: str) -> str:
    """The file with a DOCTYPE declaring the billion laughs in place of its own."""
    body = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", "", text).lstrip()
    return f'<?xml version="1.0" encoding="{{}}"?>\n<!DOCTYPE {root} [{_LAUGHS}]>\n{body}'


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("page.xml", _bomb(_minimal_page().replace("统计", "&lol9;"), "PcGts"), "utf-8"),
        ("page.xml", _bomb(_minimal_page().replace("统计", "&lol9;"), "PcGts"), "utf-16"),
        (
            "alto.xml",
            _bomb(_alto_pixels(ALTO_NS.format("v4")).replace("全年", "&lol9;"), "alto"),
            "utf-8",
        ),
        ("scan.hocr", _bomb(TESSERACT_HOCR.replace("地区生产总值", "&lol9;"), "html"), "utf-8"),
    ],
)
def test_billion_laughs_is_not_expanded(
    tmp_path: Path, name: str, text: str, encoding: str
) -> None:
    _image(tmp_path / "scan.png")
    _image(tmp_path / "scans" / "scan.png")
    source = _write(tmp_path / name, text.format(encoding.upper()), encoding)
    assert looks_like_ocr_file(source) is not None
    with pytest.raises(UserError) as caught:
        read_ocr_file(source)
    _assert_one_line(caught, source)


def test_not_an_ocr_file(tmp_path: Path) -> None:
    text = _write(tmp_path / "notes.txt", "全年实现地区生产总值 GDP 2022\n")
    html = _write(tmp_path / "page.html", "<html><body><p>统计公报</p></body></html>")
    xml = _write(tmp_path / "other.xml", '<?xml version="1.0"?><root><a>1</a></root>')
    image = _image(tmp_path / "scan.png")
    for path in (text, html, xml, image):
        assert looks_like_ocr_file(path) is None
        with pytest.raises(UserError) as caught:
            read_ocr_file(path)
        assert str(caught.value) == f"{path} is not an hOCR, PAGE XML or ALTO file"


def test_looks_like_each_format(tmp_path: Path) -> None:
    assert looks_like_ocr_file(_write(tmp_path / "a.hocr", TESSERACT_HOCR)) == "hocr"
    assert looks_like_ocr_file(_write(tmp_path / "b.html", PLAIN_HOCR)) == "hocr"
    assert looks_like_ocr_file(_write(tmp_path / "c.xml", PAGE_XML)) == "page"
    assert looks_like_ocr_file(_write(tmp_path / "d.xml", _alto_mm10())) == "alto"
    assert looks_like_ocr_file(_write(tmp_path / "e.xml", _alto_pixels(None))) == "alto"
    assert {Path(name).suffix for name in ("a.hocr", "b.html", "c.xml")} <= set(OCR_SUFFIXES)


def test_unreadable_paths(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.xml"):
        with pytest.raises(UserError, match="cannot read"):
            looks_like_ocr_file(path)
        with pytest.raises(UserError, match="cannot read"):
            read_ocr_file(path)
