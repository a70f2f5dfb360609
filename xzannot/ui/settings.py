"""The window's preferences, declared once with their types and defaults, kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, float, QByteArray)

ORGANIZATION = "xzannot"
APPLICATION = "xzannot"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its key, type and default."""

    key: str
    type: type[T]
    default: T


LAST_PROJECT = Setting("project/last", str, "")
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray, QByteArray())
ANNOTATOR = Setting("annotator/name", str, "")
LANGUAGE = Setting("ui/language", str, "")  # "" follows the system; "en", "zh_CN"
OCR_ENGINE = Setting("ocr/engine", str, "rapidocr")
OCR_DPI = Setting("ocr/dpi", int, 200)
OCR_REGION_DPI = Setting("ocr/region_dpi", int, 300)
# backups of a project file: every N minutes while it changes (0: none); how many are kept
# by age is kept with the copies (operations.backups)
BACKUP_MINUTES = Setting("backup/minutes", int, 30)
# what the window keeps in memory at most: rendered page images, and indexes of reference
# texts (about 160 bytes a character of reference)
IMAGE_CACHE_MB = Setting("cache/images_mb", int, 256)
REFERENCE_INDEX_MB = Setting("cache/reference_indexes_mb", int, 512)
# pages nobody has opened are corrected in the background while the window is open
CORRECT_IN_BACKGROUND = Setting("pages/correct_in_background", bool, True)


def project_key(url: str) -> str:
    """A settings group name for one project (its URL, hashed: URLs hold slashes)."""
    import hashlib

    return "project-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def last_page(url: str) -> Setting[int]:
    """The page shown when the project was last closed (its id)."""
    return Setting(f"{project_key(url)}/page", int, 0)


def last_zoom(url: str) -> Setting[float]:
    """The zoom of the page view (0: fit width)."""
    return Setting(f"{project_key(url)}/zoom", float, 0.0)


def last_selection(url: str) -> Setting[str]:
    """The text selection as "start,end" in code points."""
    return Setting(f"{project_key(url)}/selection", str, "")


class Settings:
    """Typed access to the application's QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(ORGANIZATION, APPLICATION)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when missing or unreadable.

        INI files give every value back as text, so text is converted to the
        declared type here.
        """
        value = self._store.value(setting.key, setting.default)
        if isinstance(value, setting.type):
            return value
        converted: object
        try:
            kind: type = setting.type
            if kind is bool:
                converted = str(value).lower() in ("1", "true", "yes")
            elif kind is int:
                converted = int(str(value))
            elif kind is float:
                converted = float(str(value))
            elif kind is str:
                converted = str(value)
            else:
                return setting.default
        except ValueError:
            return setting.default
        return converted  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value."""
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()
