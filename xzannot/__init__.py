"""xzannot: review, correct and annotate pages of Chinese local yearbooks and government reports."""

from __future__ import annotations

__version__ = "0.1.0"
