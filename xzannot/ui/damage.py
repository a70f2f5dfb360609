"""Opening a project that turns out damaged: offer its latest good backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from xzannot.errors import DamagedProjectError, UserError
from xzannot.operations.checking import good_backups, restore_project
from xzannot.ui.common import fill


def offer_backup(parent: QWidget | None, error: DamagedProjectError) -> bool:
    """Say what is wrong and, where a good backup exists, offer to bring it back (the damaged
    file is kept beside it). True when a backup was put in place."""
    path = Path(str(error.path))
    backups = good_backups(path)
    if not backups:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Damage", "Damaged project"),
            str(error)
            + "\n\n"
            + QCoreApplication.translate("Damage", "There is no good backup of it."),
        )
        return False
    when = datetime.fromtimestamp(backups[0].stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Damage", "Damaged project"),
        str(error)
        + "\n\n"
        + fill(
            QCoreApplication.translate(
                "Damage", "Bring back its latest good backup, of %1? The damaged file is kept."
            ),
            when,
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_project(path, backups[0])
    except UserError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("Damage", "Damaged project"), str(exc)
        )
        return False
    return True
