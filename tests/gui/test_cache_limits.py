"""What the window keeps in memory is bounded by its preferences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings

MB = 1024 * 1024


def test_image_and_reference_index_caches_take_their_limits_from_the_preferences(
    make_window: Callable[..., MainWindow], sample_db: Path, settings: Settings
) -> None:
    settings.set(keys.IMAGE_CACHE_MB, 48)
    settings.set(keys.REFERENCE_INDEX_MB, 96)
    window = make_window(sample_db)
    assert window.renderer.cache_bytes == 48 * MB
    assert window.collating.index_limit == 96 * MB
