"""Write ``fault-classes.pdf``: pages xzannot makes to reproduce the faults real pages showed.

Run from the repository's top folder:  python tests/data/madepages/make_pages.py
The references ``p1.txt``… beside it say what each page prints (tests/data/realpages's rules).

1. a statistics page: large numbers, percentages, clause numbers, a name grid, check boxes;
2. a column with a boxed sidebar beside it, the sidebar written after the column;
3. a vertical page: columns right to left, a double-line note, a head note.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from xzannot.ui.fonts import cjk_font, register_fonts  # noqa: E402

STATISTICS = [
    "3.1.1 全年实现地区生产总值1,234,567.89万元，同比增长117.80%。",
    "3.1.2 财政总收入170,360,448,000.00元，比上年增长6.5%。",
    "编委会成员",
]
NAMES = ["干红梅", "于珊", "王劼", "李卫东"]
MAIN = [f"主栏第{n}段：聚焦共同富裕示范区建设，推动城乡融合发展。" for n in range(1, 13)]
SIDEBAR = ["资料链接", "秀洲区位于嘉兴市", "西北部，辖五镇", "两街道。"]
VERTICAL = ["秀洲志卷一地理", "疆域东至嘉兴西至", "湖州南北各三十里"]


def _page_statistics(painter: QPainter) -> None:
    painter.setFont(cjk_font(11))
    y = 100.0
    for line in STATISTICS:
        painter.drawText(QPointF(60, y), line)
        y += 22
    x = 60.0
    for name in NAMES:  # a name grid: items set well apart
        painter.drawText(QPointF(x, y), name)
        x += 90
    y += 22
    painter.drawText(QPointF(60, y), "是否经审计：□是")
    painter.drawText(QPointF(220, y), "□否")


def _page_sidebar(painter: QPainter) -> None:
    painter.setFont(cjk_font(11))
    for row, line in enumerate(MAIN):
        painter.drawText(QPointF(60, 100 + 20 * row), line)
    painter.drawRect(QRectF(430, 84, 110, 90))  # the box around the sidebar
    painter.setFont(cjk_font(9))
    for row, line in enumerate(SIDEBAR):
        painter.drawText(QPointF(438, 100 + 18 * row), line)


def _vertical_column(painter: QPainter, text: str, right: float, top: float, size: float) -> None:
    for row, ch in enumerate(text):
        painter.drawText(QPointF(right - size, top + size * (row + 1)), ch)


def _page_vertical(painter: QPainter) -> None:
    painter.setFont(cjk_font(7))
    _vertical_column(painter, "此说可疑", 520, 60, 8)  # a head note above the text
    painter.setFont(cjk_font(16))
    for number, text in enumerate(VERTICAL):
        _vertical_column(painter, text, 520 - 30 * number, 120, 18)
    right = 520 - 30 * len(VERTICAL)
    _vertical_column(painter, "沿革", right, 120, 18)
    painter.setFont(cjk_font(8))  # a double-line note: the right half first
    _vertical_column(painter, "旧志作", right, 156, 9)
    _vertical_column(painter, "秀水县", right - 9, 156, 9)
    painter.setFont(cjk_font(16))
    _vertical_column(painter, "秦属会稽", right, 184, 18)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(["make-pages"])
    register_fonts()
    out = HERE / "fault-classes.pdf"
    writer = QPdfWriter(str(out))
    writer.setCreator("xzannot")
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
        )
    )
    painter = QPainter(writer)
    for number, draw in enumerate((_page_statistics, _page_sidebar, _page_vertical)):
        if number:
            writer.newPage()
        draw(painter)
    painter.end()
    print(f"wrote {out}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
