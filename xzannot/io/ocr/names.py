"""The OCR engines' names and defaults, importable without loading any engine."""

from __future__ import annotations

DEFAULT_ENGINE = "rapidocr"
ENGINES = ("rapidocr", "tesseract")
DEFAULT_DPI = 200  # rapidocr scales larger images down: 300 dpi reads no better
REGION_DPI = 300  # a region read again is small: read it finer
