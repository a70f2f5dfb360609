"""The Backups dialog: how often the project file is copied, how many copies are kept as
they age, and a copy made at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.retention import Retention
from xzannot.errors import UserError
from xzannot.operations.backups import BackupDone, list_backups
from xzannot.ui import settings as keys
from xzannot.ui.common import fill
from xzannot.ui.settings import Settings

if TYPE_CHECKING:
    from xzannot.ui.backups import Backups

MOST_MINUTES = 24 * 60  # a day


def _spin(parent: QWidget, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(min(max(value, low), high))
    spin.setSuffix(suffix)
    return spin


class BackupsDialog(QDialog):
    """The backup preferences of the window, and Back Up Now; OK keeps the preferences."""

    def __init__(self, backups: Backups, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self._backups = backups
        self._settings = settings
        folder = backups.folder()
        intro = self._intro(backups, folder)
        self.where = QLabel(str(folder or ""), self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        self.where.setVisible(folder is not None)

        form = self._form(backups)
        note = QLabel(
            self.tr(
                "Days and weeks count those with copies, not the calendar. The newest copy "
                "made before each upgrade of the project is always kept; a copy that fails "
                "its check never counts as kept."
            ),
            self,
        )
        note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("BackupsStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        actions = self._actions(folder is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        backups.finished.connect(self._finished)
        backups.failed.connect(self._failed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self._count()

    def _intro(self, backups: Backups, folder: Path | None) -> QLabel:
        """What the copies are, and where they are kept (or why a server has none)."""
        if folder is None:
            intro = QLabel(backups.server_note(), self)
        else:
            intro = QLabel(
                self.tr(
                    "While the window is open, the project file is copied when it has changed, "
                    "and once more when the window closes. Each copy is checked, then older "
                    "copies are thinned as they age. The copies are kept in:"
                ),
                self,
            )
        intro.setWordWrap(True)
        return intro

    def _actions(self, enabled: bool) -> QHBoxLayout:
        """Back Up Now and Open Folder."""
        self.now_button = QPushButton(self.tr("Back Up Now"), self)
        self.open_button = QPushButton(self.tr("Open Folder"), self)
        actions = QHBoxLayout()
        for button in (self.now_button, self.open_button):
            actions.addWidget(button)
            button.setEnabled(enabled)
        actions.addStretch(1)
        self.now_button.clicked.connect(self.back_up_now)
        self.open_button.clicked.connect(self._open_folder)
        return actions

    def _form(self, backups: Backups) -> QFormLayout:
        self.minutes = _spin(self, 0, MOST_MINUTES, backups.minutes(), self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("never"))
        rule = backups.rule()
        self.recent = _spin(self, 1, 999, rule.recent, self.tr(" copies"))
        self.daily = _spin(self, 0, 999, rule.daily, self.tr(" days"))
        self.weekly = _spin(self, 0, 999, rule.weekly, self.tr(" weeks"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Back up every:"), self.minutes)
        form.addRow(self.tr("Keep the newest:"), self.recent)
        form.addRow(self.tr("Then one a day for:"), self.daily)
        form.addRow(self.tr("Then one a week for:"), self.weekly)
        return form

    def rule(self) -> Retention:
        """The counts as the dialog shows them."""
        return Retention(self.recent.value(), self.daily.value(), self.weekly.value())

    def accept(self) -> None:
        """Keep the preferences, and time the copies by them from now on."""
        self._settings.set(keys.BACKUP_MINUTES, self.minutes.value())
        try:
            self._backups.keep(self.rule())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Backups"), str(exc))
            return
        self._backups.start()
        super().accept()

    def done(self, result: int) -> None:
        self._backups.finished.disconnect(self._finished)
        self._backups.failed.disconnect(self._failed)
        super().done(result)

    def back_up_now(self) -> None:
        """A copy at once, thinned by the counts shown."""
        self.now_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))
        self._backups.back_up_now(self.rule())

    def _count(self, lead: str = "") -> None:
        if self._backups.path is None:
            return
        found = list_backups(self._backups.path)
        if found:
            newest = found[0].time.astimezone().strftime("%Y-%m-%d %H:%M")
            text = fill(self.tr("%1 copies; the newest made %2."), len(found), newest)
        else:
            text = self.tr("No copies yet.")
        self.status.setText(f"{lead}\n{text}" if lead else text)

    def _finished(self, done: BackupDone | None) -> None:
        if done is None:
            return
        self.now_button.setEnabled(True)
        self._count(fill(self.tr("Backed up to %1"), done.path.name))  # folder above

    def _failed(self, text: str) -> None:
        self.now_button.setEnabled(True)
        self.status.setText(text)

    def _open_folder(self) -> None:
        folder = self._backups.folder()
        if folder is not None:
            folder.mkdir(exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
