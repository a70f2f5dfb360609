"""Where xzannot keeps a user's projects: platformdirs' user data folder.

``XZANNOT_DATA_DIR`` overrides it (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "xzannot"


def data_dir() -> Path:
    """The user's xzannot data folder (not created here)."""
    override = os.environ.get("XZANNOT_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_project() -> Path:
    """The project used when no ``--db`` is given."""
    return data_dir() / "default.xzannot.sqlite"


def demo_folder() -> Path:
    """The folder of the demo project and its copy of the sample yearbook."""
    return data_dir() / "demo"


def ensure_folder(path: Path) -> Path:
    """Create ``path`` (a folder) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
