"""Web page furniture in a copied transcription: site notices, addresses, comment boxes.

A transcription copied from a web page ends (or starts) with lines that belong to the site,
not to the report: 本文仅代表作者观点，不代表本站立场, 本文地址:/baogao/…, 留言与评论,
验证码:, 网站地图. They are recognised line by line, shown to the user, and left out of
the stored witness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"本站|本网(?!络)|转载|侵权|免责声明|版权所有|copyright|icp备|公网安备",
        r"^\s*(?:本文|原文|文章|本页)(?:地址|链接|网址|来源)\s*[:：]",
        r"https?://|www\.|\.s?html?\b|\.php\b",
        r"留言与评论|发表评论|条评论|我要评论|评论\s*[(（]|网友评论",
        r"^\s*(?:验证码|请输入验证码|看不清)",
        r"^\s*(?:网站地图|站点地图|返回顶部|返回首页|打印本页|关闭窗口|收藏本页|上一篇|下一篇|"
        r"分享到|扫一扫|相关阅读|相关文章|热门文章|推荐阅读)",
        r"^\s*(?:责任编辑|编辑|来源|发布时间|发布日期|浏览次数|点击数|阅读次数|字号)\s*[:：]",
    )
]
_SHORT = 80  # the site's lines are short; a long line needs 本站 or the like to be one


@dataclass(frozen=True)
class Stripped:
    """A transcription without its web furniture, and the lines taken out (with numbers)."""

    text: str
    removed: tuple[tuple[int, str], ...]


def _is_furniture(line: str) -> bool:
    words = line.strip()
    if not words:
        return False
    if _PATTERNS[0].search(words):  # the site speaking of itself, however long
        return True
    return len(words) <= _SHORT and any(p.search(words) for p in _PATTERNS[1:])


def strip_web_furniture(text: str) -> Stripped:
    """Take out the lines of a transcription that belong to the web page around it."""
    kept: list[str] = []
    removed: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if _is_furniture(line):
            removed.append((number, line.strip()))
        else:
            kept.append(line)
    body = "\n".join(kept).strip("\n")
    return Stripped(body + "\n" if body else "", tuple(removed))
