"""Translations: every string has its Simplified Chinese, and the window speaks it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from xzannot.ui.i18n import install_translations, remove_translations
from xzannot.ui.main_window import MainWindow

TS = ROOT / "resources" / "i18n" / "xzannot_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "xzannot_zh_CN.qm"


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) for every message of the .ts file."""
    text = TS.read_text(encoding="utf-8")
    out = []
    for context in re.findall(r"<context>(.*?)</context>", text, re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)  # type: ignore[union-attr]
        for source, translation in re.findall(
            r"<source>(.*?)</source>\s*<translation[^>]*>(.*?)</translation>", context, re.S
        ):
            out.append((name, html.unescape(source), html.unescape(translation)))
    return out


def test_every_string_is_translated() -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    messages = _messages()
    assert len(messages) > 100
    assert all(translation.strip() for _, _, translation in messages)
    # placeholders survive translation
    for _, source, translation in messages:
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), source


def test_compiled_translations_match_the_source(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, translation in _messages():
        assert translator.translate(context, source) == translation, (context, source)


def test_window_speaks_chinese_when_asked(
    make_window: Callable[..., MainWindow], db_path: Path, qapp: QApplication
) -> None:
    translators = install_translations(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("WindowMenus", "&File") == "文件(&F)"
        window = make_window(db_path)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "标签(&L)"]
        assert window.pages_dock.windowTitle() == "页面"
        assert window.pages_model.headerData(1, Qt.Orientation.Horizontal) == "印刷页码"
    finally:
        remove_translations(qapp, translators)
